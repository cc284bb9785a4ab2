//! The agents themselves: the console's signed-in agent (`/me`), and the workspace's team.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, patch, put};
use axum::Router;
use lettre::Message;
use porthole_types::{
    AgentInfo, AgentInfoList, ChangeAgent, ChangeMe, ErrorBody, InviteAgent, Invited, SetAvatar,
};
use secrecy::ExposeSecret;

use super::responses::{NoCsrfToken, NotAdmin, NotAnAgent, Unauthorized};
use crate::http::auth::{Admin, Agent};
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::{AppJson, AppPath};
use crate::http::state::AppState;
use crate::store::{avatar_path, AgentAccount, KeyRole};
use porthole_core::EmailAddress;
use porthole_core::{agents, profile};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/me", get(me).patch(change_me))
        .route("/me/avatar", put(set_avatar).delete(clear_avatar))
        .route("/agents", get(team).post(invite))
        .route("/agents/{email}", patch(change).delete(remove))
}

fn info(a: AgentAccount) -> AgentInfo {
    AgentInfo {
        email: a.email,
        name: a.name,
        role: a.role,
        available: a.available,
        two_step: a.totp_on,
        active: a.active,
        avatar_url: a.avatar.as_deref().map(avatar_path),
        locale: a.locale.as_deref().and_then(porthole_types::Locale::parse),
    }
}

#[utoipa::path(
    get, path = "/api/v1/agent/me", tag = "agent", security(("console" = [])),
    responses(
        (status = 200, description = "The agent signed in to the console", body = AgentInfo),
        Unauthorized,
        NotAnAgent
    )
)]
async fn me(State(state): State<AppState>, Agent(actor): Agent) -> ApiResult<AppJson<AgentInfo>> {
    Ok(AppJson(info(signed_in(&state, &actor).await?)))
}

#[utoipa::path(
    patch, path = "/api/v1/agent/me", tag = "agent", request_body = ChangeMe, security(("console" = [])),
    responses(
        (status = 200, description = "The agent, changed: `available` takes them into round-robin assignment or out of it; `name` is what customers see beside their replies from now on; `locale` is the console's language (`null`: the browser's)", body = AgentInfo),
        (status = 400, description = "malformed JSON", body = ErrorBody),
        (status = 422, description = "an empty or overlong name, or a language other than en, fr, de or es", body = ErrorBody),
        Unauthorized,
        NoCsrfToken,
        NotAnAgent
    )
)]
async fn change_me(
    State(state): State<AppState>,
    Agent(actor): Agent,
    AppJson(change): AppJson<ChangeMe>,
) -> ApiResult<AppJson<AgentInfo>> {
    let id = actor.agent_id.ok_or(ApiError::NotFound)?;
    profile::change(&state.store, id, &change).await?;
    Ok(AppJson(info(signed_in(&state, &actor).await?)))
}

#[utoipa::path(
    put, path = "/api/v1/agent/me/avatar", tag = "agent", request_body = SetAvatar, security(("console" = [])),
    responses(
        (status = 200, description = "The agent with their new picture, which customers see beside their replies, earlier ones included", body = AgentInfo),
        Unauthorized,
        NoCsrfToken,
        NotAnAgent,
        (status = 422, description = "not an unused upload of a JPEG, PNG, GIF or WebP image of at most 1 MB", body = ErrorBody)
    )
)]
async fn set_avatar(
    State(state): State<AppState>,
    Agent(actor): Agent,
    AppJson(req): AppJson<SetAvatar>,
) -> ApiResult<AppJson<AgentInfo>> {
    let id = actor.agent_id.ok_or(ApiError::NotFound)?;
    let old = profile::take_picture(&state.store, (actor.workspace_id, id), &req.upload).await?;
    forget_picture(&state, old).await;
    Ok(AppJson(info(signed_in(&state, &actor).await?)))
}

#[utoipa::path(
    delete, path = "/api/v1/agent/me/avatar", tag = "agent", security(("console" = [])),
    responses(
        (status = 200, description = "The agent without a picture", body = AgentInfo),
        Unauthorized,
        NoCsrfToken,
        NotAnAgent
    )
)]
async fn clear_avatar(
    State(state): State<AppState>,
    Agent(actor): Agent,
) -> ApiResult<AppJson<AgentInfo>> {
    let id = actor.agent_id.ok_or(ApiError::NotFound)?;
    let old = profile::remove_picture(&state.store, id).await?;
    forget_picture(&state, old).await;
    Ok(AppJson(info(signed_in(&state, &actor).await?)))
}

/// Deletes the bytes of a picture no row names any more. The change is already made; bytes
/// left behind by a failure here are only logged, since nothing can serve them again.
async fn forget_picture(state: &AppState, avatar: Option<String>) {
    if let Some(avatar) = avatar {
        if let Err(err) = state.files.delete(&avatar).await {
            tracing::warn!(error = ?err, "deleting a replaced picture failed");
        }
    }
}

/// The console's agent behind the request; an API key is nobody (404).
async fn signed_in(state: &AppState, actor: &crate::http::auth::Actor) -> ApiResult<AgentAccount> {
    let id = actor.agent_id.ok_or(ApiError::NotFound)?;
    state
        .store
        .agent(actor.workspace_id, id)
        .await?
        .ok_or(ApiError::NotFound)
}

#[utoipa::path(
    get, path = "/api/v1/agent/agents", tag = "settings", security(("api_key" = []), ("console" = [])),
    responses(
        (status = 200, description = "The workspace's agents, invited ones included", body = AgentInfoList),
        Unauthorized,
        NotAdmin
    )
)]
async fn team(
    State(state): State<AppState>,
    Admin(actor): Admin,
) -> ApiResult<AppJson<AgentInfoList>> {
    let agents = state.store.agents(actor.workspace_id).await?;
    Ok(AppJson(AgentInfoList {
        agents: agents.into_iter().map(info).collect(),
    }))
}

#[utoipa::path(
    post, path = "/api/v1/agent/agents", tag = "settings", request_body = InviteAgent,
    security(("api_key" = []), ("console" = [])),
    responses(
        (status = 201, description = "Invited: the link, valid 7 days and once, emailed to them when email is on", body = Invited),
        Unauthorized,
        NotAdmin,
        (status = 409, description = "already an agent of the workspace", body = ErrorBody),
        (status = 422, description = "not an email address, or an unknown role", body = ErrorBody)
    )
)]
async fn invite(
    State(state): State<AppState>,
    Admin(actor): Admin,
    AppJson(req): AppJson<InviteAgent>,
) -> ApiResult<(StatusCode, AppJson<Invited>)> {
    let role = match req.role.as_deref() {
        None => KeyRole::Agent,
        Some(raw) => KeyRole::parse(raw)
            .ok_or_else(|| ApiError::invalid("role", "role must be agent or admin"))?,
    };
    let whom = (&req.email[..], req.name.as_deref(), role);
    let now = state.clock.now_ms();
    let agents::Invited { email, name, token } =
        agents::invite(&state.store, actor.workspace_id, whom, now).await?;
    let url = format!(
        "{}/console/invitation?t={}",
        state.settings.public_origin.as_str(),
        token.secret.expose_secret()
    );
    let emailed = send_invitation(&state, (&email, &name), (&actor.name, &url)).await;
    let agent = state
        .store
        .agents(actor.workspace_id)
        .await?
        .into_iter()
        .find(|a| a.email == email.as_str())
        .ok_or(ApiError::NotFound)?;
    Ok((
        StatusCode::CREATED,
        AppJson(Invited {
            agent: info(agent),
            invitation_url: url,
            emailed,
        }),
    ))
}

/// Emails the invitation, when email is on; whether the SMTP server took it. The link is in
/// the answer either way, so a refusal loses nothing.
async fn send_invitation(
    state: &AppState,
    (email, name): (&EmailAddress, &str),
    (inviter, url): (&str, &str),
) -> bool {
    let Some(mailer) = &state.mailer else {
        return false;
    };
    let Ok(to) = email.as_str().parse() else {
        return false;
    };
    let text = format!(
        "Hello {name},\n\n{inviter} invited you to answer customers with Porthole.\n\n\
         Set your password here (the link works once, for 7 days):\n{url}\n"
    );
    let message = Message::builder()
        .from(mailer.from_as("Porthole"))
        .to(to)
        .subject("You are invited to the support console")
        .body(text);
    match message {
        Ok(message) => match mailer.send(message).await {
            Ok(()) => true,
            Err(failure) => {
                tracing::warn!(reason = %failure.reason, "an invitation was not emailed");
                false
            }
        },
        Err(_) => false,
    }
}

async fn own_email(
    state: &AppState,
    actor: &crate::http::auth::Actor,
) -> ApiResult<Option<String>> {
    if actor.agent_id.is_none() {
        return Ok(None);
    }
    Ok(Some(signed_in(state, actor).await?.email))
}

#[utoipa::path(
    patch, path = "/api/v1/agent/agents/{email}", tag = "settings", request_body = ChangeAgent,
    params(("email" = String, Path, description = "The agent's address")),
    security(("api_key" = []), ("console" = [])),
    responses(
        (status = 200, description = "The agent with the new role, which applies to their next request", body = AgentInfo),
        Unauthorized,
        NotAdmin,
        (status = 404, description = "no such agent", body = ErrorBody),
        (status = 422, description = "an unknown role, or yourself", body = ErrorBody)
    )
)]
async fn change(
    State(state): State<AppState>,
    Admin(actor): Admin,
    AppPath(raw): AppPath<String>,
    AppJson(req): AppJson<ChangeAgent>,
) -> ApiResult<AppJson<AgentInfo>> {
    let me = own_email(&state, &actor).await?;
    let whom = (&raw[..], &req.role[..]);
    let email = agents::change_role(&state.store, actor.workspace_id, me.as_deref(), whom).await?;
    let agent = state
        .store
        .agents(actor.workspace_id)
        .await?
        .into_iter()
        .find(|a| a.email == email.as_str())
        .ok_or(ApiError::NotFound)?;
    Ok(AppJson(info(agent)))
}

#[utoipa::path(
    delete, path = "/api/v1/agent/agents/{email}", tag = "settings",
    params(("email" = String, Path, description = "The agent's address")),
    security(("api_key" = []), ("console" = [])),
    responses(
        (status = 204, description = "Removed: their sessions end at once; tickets assigned to them stay assigned"),
        Unauthorized,
        NotAdmin,
        (status = 404, description = "no such agent", body = ErrorBody),
        (status = 422, description = "yourself", body = ErrorBody)
    )
)]
async fn remove(
    State(state): State<AppState>,
    Admin(actor): Admin,
    AppPath(raw): AppPath<String>,
) -> ApiResult<StatusCode> {
    let me = own_email(&state, &actor).await?;
    let picture = agents::remove(&state.store, actor.workspace_id, me.as_deref(), &raw).await?;
    forget_picture(&state, picture).await;
    Ok(StatusCode::NO_CONTENT)
}
