//! API keys, for admins: list them (never the keys), make one (shown once), revoke one.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{delete, get};
use axum::Router;
use porthole_types::{ApiKeyList, ApiKeyView, CreatedApiKey, ErrorBody, NewApiKey};
use secrecy::ExposeSecret;

use super::responses::{NotAdmin, Unauthorized};
use crate::clock::rfc3339;
use crate::http::auth::Admin;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::{AppJson, AppPath};
use crate::http::state::AppState;
use crate::store::KeyRole;
use porthole_core::bounded_text;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/keys", get(list).post(create))
        .route("/keys/{id}", delete(revoke))
}

#[utoipa::path(
    get, path = "/api/v1/agent/keys", tag = "settings", security(("api_key" = []), ("console" = [])),
    responses(
        (status = 200, description = "The workspace's keys, revoked ones included; never the keys themselves", body = ApiKeyList),
        Unauthorized,
        NotAdmin
    )
)]
async fn list(
    State(state): State<AppState>,
    Admin(actor): Admin,
) -> ApiResult<AppJson<ApiKeyList>> {
    let keys = state
        .store
        .list_api_keys(actor.workspace_id)
        .await?
        .into_iter()
        .map(|k| ApiKeyView {
            id: k.id,
            name: k.name,
            role: k.role,
            hint: k.hint,
            created_at: rfc3339(k.created_at),
            last_used_at: k.last_used_at.map(rfc3339),
            revoked_at: k.revoked_at.map(rfc3339),
        })
        .collect();
    Ok(AppJson(ApiKeyList { keys }))
}

#[utoipa::path(
    post, path = "/api/v1/agent/keys", tag = "settings", request_body = NewApiKey,
    security(("api_key" = []), ("console" = [])),
    responses(
        (status = 201, description = "The new key, shown only here", body = CreatedApiKey),
        Unauthorized,
        NotAdmin,
        (status = 422, description = "a blank name, or an unknown role", body = ErrorBody)
    )
)]
async fn create(
    State(state): State<AppState>,
    Admin(actor): Admin,
    AppJson(req): AppJson<NewApiKey>,
) -> ApiResult<(StatusCode, AppJson<CreatedApiKey>)> {
    let name = bounded_text("name", &req.name, porthole_types::limits::NAME_MAX_CHARS)?;
    let role = match req.role.as_deref() {
        None => KeyRole::Agent,
        Some(raw) => KeyRole::parse(raw)
            .ok_or_else(|| ApiError::invalid("role", "role must be agent or admin"))?,
    };
    let key = state
        .store
        .create_api_key(actor.workspace_id, (&name, role), state.clock.now_ms())
        .await?;
    Ok((
        StatusCode::CREATED,
        AppJson(CreatedApiKey {
            key: key.expose_secret().to_owned(),
            name,
            role: role.as_str().to_owned(),
        }),
    ))
}

#[utoipa::path(
    delete, path = "/api/v1/agent/keys/{id}", tag = "settings",
    params(("id" = i64, Path, description = "The key's id, from the list")),
    security(("api_key" = []), ("console" = [])),
    responses(
        (status = 204, description = "Revoked, at once: its open streams end"),
        Unauthorized,
        NotAdmin,
        (status = 404, description = "no such live key", body = ErrorBody)
    )
)]
async fn revoke(
    State(state): State<AppState>,
    Admin(actor): Admin,
    AppPath(id): AppPath<i64>,
) -> ApiResult<StatusCode> {
    let revoked = state
        .store
        .revoke_api_key(actor.workspace_id, id, state.clock.now_ms())
        .await?;
    if !revoked {
        return Err(ApiError::NotFound);
    }
    Ok(StatusCode::NO_CONTENT)
}
