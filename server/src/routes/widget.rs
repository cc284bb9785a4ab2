//! The end-user API the widget calls: sessions, and the session owner's tickets.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use porthole_types::{
    limits, Channel, CreateMessage, CreateSession, CreateTicket, Session, TicketList,
};
use secrecy::ExposeSecret;
use sha2::{Digest, Sha256};

use super::reference;
use crate::auth::{bearer, origin_header, UserSession};
use crate::clock::rfc3339;
use crate::domain::{bounded_text, hash_token, optional_text, EmailAddress, Origin, Token};
use crate::error::{ApiError, ApiResult};
use crate::extract::{AppJson, AppPath};
use crate::state::AppState;
use crate::store::{NewSession, NewTicket, Outcome, UserScope};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/session",
            post(create_session)
                .get(current_session)
                .delete(end_session),
        )
        .route("/tickets", get(list_tickets).post(create_ticket))
        .route("/tickets/{reference}", get(read_ticket))
        .route("/tickets/{reference}/messages", post(reply))
}

/// Exchanges a verified identity for a session. Refused unless the request comes from one of
/// the workspace's allowed origins; a request with no `Origin` at all is refused too.
///
/// A loader sends the session it already holds as a bearer token. If that session is this
/// user's, from this origin, it is returned as it is (200) and the hash is not needed again;
/// otherwise it is revoked, and the hash must verify for a new session (201).
async fn create_session(
    State(state): State<AppState>,
    AppPath(slug): AppPath<String>,
    headers: HeaderMap,
    AppJson(req): AppJson<CreateSession>,
) -> ApiResult<Response> {
    let workspace = state
        .store
        .workspace_by_slug(&slug)
        .await?
        .ok_or(ApiError::NotFound)?;
    let origin = origin_header(&headers)
        .and_then(|o| Origin::parse(o).ok())
        .ok_or(ApiError::OriginNotAllowed)?;
    if !state.store.origin_allowed(&slug, origin.as_str()).await? {
        return Err(ApiError::OriginNotAllowed);
    }
    let email = EmailAddress::parse(&req.email).map_err(|m| ApiError::invalid("email", m))?;
    let name = optional_text("name", req.name.as_deref(), limits::NAME_MAX_CHARS)?;
    let now = state.clock.now_ms();

    if let Ok(previous) = bearer(&headers) {
        let hash = hash_token(previous);
        let held = state.store.find_session(&hash, now).await?;
        match held {
            Some(s)
                if s.slug == slug && s.email == email.as_str() && s.origin == origin.as_str() =>
            {
                let scope = UserScope {
                    workspace_id: s.workspace_id,
                    email: s.email,
                    name: s.name,
                };
                let session = describe(&state, &scope, s.expires_at, Some(previous)).await?;
                return Ok((StatusCode::OK, AppJson(session)).into_response());
            }
            Some(_) => {
                state.store.delete_session(&hash).await?;
            }
            None => {}
        }
    }

    porthole_identity::check(
        workspace.live_secrets(now),
        workspace.policy(),
        now,
        &req.email,
        req.timestamp,
        &req.verification_hash,
    )
    .map_err(ApiError::Identity)?;

    let token = Token::generate("phs_");
    let expires_at = now + state.settings.session_ttl_ms;
    state
        .store
        .create_session(
            NewSession {
                token_hash: &token.hash,
                workspace_id: workspace.id,
                email: &email,
                name: name.as_deref(),
                origin: &origin,
                expires_at,
            },
            now,
        )
        .await?;
    let scope = UserScope {
        workspace_id: workspace.id,
        email: email.to_string(),
        name,
    };
    let session = describe(
        &state,
        &scope,
        expires_at,
        Some(token.secret.expose_secret()),
    )
    .await?;
    Ok((StatusCode::CREATED, AppJson(session)).into_response())
}

/// The session as the API shows it, with the user's unread count.
async fn describe(
    state: &AppState,
    scope: &UserScope,
    expires_at: i64,
    token: Option<&str>,
) -> ApiResult<Session> {
    Ok(Session {
        token: token.map(str::to_owned),
        email: scope.email.clone(),
        name: scope.name.clone(),
        expires_at: rfc3339(expires_at),
        expires_in: (expires_at - state.clock.now_ms()).max(0) / 1000,
        unread: state.store.unread_count(scope).await?,
    })
}

async fn current_session(
    State(state): State<AppState>,
    session: UserSession,
) -> ApiResult<AppJson<Session>> {
    Ok(AppJson(
        describe(&state, &session.scope, session.expires_at, None).await?,
    ))
}

/// Revokes the session at once; the token is worthless from the next request on.
async fn end_session(State(state): State<AppState>, session: UserSession) -> ApiResult<StatusCode> {
    state.store.delete_session(&session.token_hash).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn list_tickets(
    State(state): State<AppState>,
    session: UserSession,
) -> ApiResult<AppJson<TicketList>> {
    let tickets = state.store.list_user_tickets(&session.scope).await?;
    Ok(AppJson(TicketList { tickets }))
}

/// The `Idempotency-Key` header, if sent, after checking it is a sane length and printable.
fn idempotency_key(headers: &HeaderMap) -> ApiResult<Option<&str>> {
    let Some(value) = headers.get("idempotency-key") else {
        return Ok(None);
    };
    let key = value
        .to_str()
        .ok()
        .map(str::trim)
        .filter(|k| !k.is_empty() && k.len() <= limits::IDEMPOTENCY_KEY_MAX_CHARS)
        .ok_or_else(|| {
            ApiError::invalid(
                "Idempotency-Key",
                "Idempotency-Key must be 1 to 255 printable ASCII characters",
            )
        })?;
    Ok(Some(key))
}

async fn create_ticket(
    State(state): State<AppState>,
    session: UserSession,
    headers: HeaderMap,
    AppJson(req): AppJson<CreateTicket>,
) -> ApiResult<impl IntoResponse> {
    let key = idempotency_key(&headers)?;
    let new = NewTicket {
        subject: bounded_text("subject", &req.subject, limits::SUBJECT_MAX_CHARS)?,
        description: optional_text(
            "description",
            req.description.as_deref(),
            limits::DESCRIPTION_MAX_CHARS,
        )?,
        ticket_type: req.ticket_type,
        channel: Channel::Widget,
    };
    // The fingerprint is of the parsed request, so a retry that re-serialises the same values
    // differently still counts as the same request.
    let fingerprint = hex::encode(Sha256::digest(
        serde_json::to_vec(&req).map_err(anyhow::Error::from)?,
    ));
    let outcome = state
        .store
        .create_ticket(
            &session.scope,
            new,
            key.map(|k| (k, fingerprint.as_str())),
            state.clock.now_ms(),
        )
        .await?;
    let (ticket, replayed) = match outcome {
        Outcome::Created(t) => (t, "false"),
        Outcome::Replayed(t) => (t, "true"),
    };
    Ok((
        StatusCode::CREATED,
        [("idempotent-replayed", replayed)],
        AppJson(ticket),
    ))
}

async fn read_ticket(
    State(state): State<AppState>,
    session: UserSession,
    AppPath((_slug, raw_ref)): AppPath<(String, String)>,
) -> ApiResult<impl IntoResponse> {
    let ticket = state
        .store
        .open_user_ticket(&session.scope, reference(&raw_ref)?, state.clock.now_ms())
        .await?;
    Ok(AppJson(ticket))
}

async fn reply(
    State(state): State<AppState>,
    session: UserSession,
    AppPath((_slug, raw_ref)): AppPath<(String, String)>,
    AppJson(req): AppJson<CreateMessage>,
) -> ApiResult<impl IntoResponse> {
    let number = reference(&raw_ref)?;
    let body = bounded_text("body", &req.body, limits::MESSAGE_MAX_CHARS)?;
    let ticket = state
        .store
        .user_reply(&session.scope, number, &body, state.clock.now_ms())
        .await?;
    Ok((StatusCode::CREATED, AppJson(ticket)))
}
