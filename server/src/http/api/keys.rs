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
use crate::http::error::ApiResult;
use crate::http::extract::{AppJson, AppPath};
use crate::http::state::AppState;
use porthole_core::keys;

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
    let whose = (&req.name[..], req.role.as_deref());
    let made = keys::create(
        &state.store,
        actor.workspace_id,
        whose,
        state.clock.now_ms(),
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        AppJson(CreatedApiKey {
            key: made.key.expose_secret().to_owned(),
            name: made.name,
            role: made.role.as_str().to_owned(),
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
    keys::revoke(&state.store, (actor.workspace_id, id), state.clock.now_ms()).await?;
    Ok(StatusCode::NO_CONTENT)
}
