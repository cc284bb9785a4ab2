//! The agents themselves: the console's signed-in agent (`/me`), and the workspace's team.

use axum::extract::State;
use axum::routing::get;
use axum::Router;
use porthole_types::{AgentInfo, AgentInfoList, ChangeMe, ErrorBody};

use crate::auth::{Admin, Agent};
use crate::error::{ApiError, ApiResult};
use crate::extract::AppJson;
use crate::state::AppState;
use crate::store::AgentAccount;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/me", get(me).patch(change_me))
        .route("/agents", get(team))
}

fn info(a: AgentAccount) -> AgentInfo {
    AgentInfo {
        email: a.email,
        name: a.name,
        role: a.role,
        available: a.available,
        two_step: a.totp_on,
        active: a.active,
    }
}

#[utoipa::path(
    get, path = "/api/v1/agent/me", tag = "agent", security(("console" = [])),
    responses(
        (status = 200, description = "The agent signed in to the console", body = AgentInfo),
        (status = 401, description = "missing or invalid credentials", body = ErrorBody),
        (status = 404, description = "an API key is no agent", body = ErrorBody)
    )
)]
async fn me(State(state): State<AppState>, Agent(actor): Agent) -> ApiResult<AppJson<AgentInfo>> {
    let id = actor.agent_id.ok_or(ApiError::NotFound)?;
    let agent = state
        .store
        .agent(actor.workspace_id, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(AppJson(info(agent)))
}

#[utoipa::path(
    patch, path = "/api/v1/agent/me", tag = "agent", request_body = ChangeMe, security(("console" = [])),
    responses(
        (status = 200, description = "The agent, changed: `available` takes them into round-robin assignment or out of it", body = AgentInfo),
        (status = 400, description = "malformed JSON", body = ErrorBody),
        (status = 401, description = "missing or invalid credentials", body = ErrorBody),
        (status = 403, description = "a change without the console's CSRF token", body = ErrorBody),
        (status = 404, description = "an API key is no agent", body = ErrorBody)
    )
)]
async fn change_me(
    State(state): State<AppState>,
    Agent(actor): Agent,
    AppJson(change): AppJson<ChangeMe>,
) -> ApiResult<AppJson<AgentInfo>> {
    let id = actor.agent_id.ok_or(ApiError::NotFound)?;
    if let Some(available) = change.available {
        state.store.set_available(id, available).await?;
    }
    let agent = state
        .store
        .agent(actor.workspace_id, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(AppJson(info(agent)))
}

#[utoipa::path(
    get, path = "/api/v1/agent/agents", tag = "settings", security(("api_key" = []), ("console" = [])),
    responses(
        (status = 200, description = "The workspace's agents, invited ones included", body = AgentInfoList),
        (status = 401, description = "missing or invalid credentials", body = ErrorBody),
        (status = 403, description = "not an admin", body = ErrorBody)
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
