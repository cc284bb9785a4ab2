//! Workspace administration through the agent API: settings, allowed origins and the identity
//! secret. Changes apply to the next request on every surface; nothing is cached.

use axum::extract::State;
use axum::routing::{get, post};
use axum::Router;
use porthole_types::{FaqClicks, OriginList, RotateSecret, RotatedSecret, SecretInfo, Settings};
use secrecy::ExposeSecret;
use serde_json::{Map, Value};

use super::responses::{AdminKeyOnly, BadRequest, Invalid, NotJson, TooLarge, Unauthorized};
use crate::clock::rfc3339;
use crate::http::auth::Admin;
use crate::http::error::ApiResult;
use crate::http::extract::AppJson;
use crate::http::state::AppState;
use crate::store::Workspace;
use porthole_core::{origins, secrets, settings};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/settings", get(show_settings).patch(change_settings))
        .route("/faqs/clicks", get(faq_clicks))
        .route("/origins", get(list_origins).put(replace_origins))
        .route("/secret", get(secret_info))
        .route("/secret/rotate", post(rotate))
}

async fn workspace(state: &AppState, agent: &Admin) -> ApiResult<Workspace> {
    agent.0.workspace(&state.store).await
}

#[utoipa::path(
    get, path = "/api/v1/agent/settings", tag = "settings", security(("api_key" = [])),
    responses(
        (status = 200, description = "Every setting, defaults included", body = Settings),
        Unauthorized,
        AdminKeyOnly
    )
)]
async fn show_settings(
    State(state): State<AppState>,
    agent: Admin,
) -> ApiResult<AppJson<Settings>> {
    Ok(AppJson(workspace(&state, &agent).await?.settings))
}

/// Applies a JSON object of changes; `null` resets a key. All are checked first, so a bad
/// value leaves every setting as it was.
#[utoipa::path(
    patch, path = "/api/v1/agent/settings", tag = "settings", security(("api_key" = [])),
    request_body(content = Object, description = "Settings to change; null resets one to its default"),
    responses(
        (status = 200, description = "Every setting after the change", body = Settings),
        BadRequest,
        Unauthorized,
        AdminKeyOnly,
        TooLarge,
        NotJson,
        Invalid
    )
)]
async fn change_settings(
    State(state): State<AppState>,
    agent: Admin,
    AppJson(changes): AppJson<Map<String, Value>>,
) -> ApiResult<AppJson<Settings>> {
    let updated = settings::change(&state.store, agent.0.workspace_id, changes).await?;
    Ok(AppJson(updated))
}

#[utoipa::path(
    get, path = "/api/v1/agent/faqs/clicks", tag = "settings", security(("api_key" = [])),
    responses(
        (status = 200, description = "How often each FAQ was opened", body = Vec<FaqClicks>),
        Unauthorized,
        AdminKeyOnly
    )
)]
async fn faq_clicks(
    State(state): State<AppState>,
    agent: Admin,
) -> ApiResult<AppJson<Vec<FaqClicks>>> {
    let ws = workspace(&state, &agent).await?;
    let clicks = state.store.faq_clicks(ws.id).await?;
    Ok(AppJson(
        ws.settings
            .faqs
            .iter()
            .map(|faq| FaqClicks {
                question: faq.question.clone(),
                clicks: clicks
                    .iter()
                    .find(|(q, _)| *q == faq.question)
                    .map_or(0, |(_, n)| *n),
            })
            .collect(),
    ))
}

#[utoipa::path(
    get, path = "/api/v1/agent/origins", tag = "settings", security(("api_key" = [])),
    responses(
        (status = 200, description = "The allowed origins", body = OriginList),
        Unauthorized,
        AdminKeyOnly
    )
)]
async fn list_origins(
    State(state): State<AppState>,
    agent: Admin,
) -> ApiResult<AppJson<OriginList>> {
    let origins = state.store.allowed_origins(agent.0.workspace_id).await?;
    Ok(AppJson(OriginList { origins }))
}

#[utoipa::path(
    put, path = "/api/v1/agent/origins", tag = "settings", security(("api_key" = [])),
    request_body = OriginList,
    responses(
        (status = 200, description = "The allowed origins, canonical; sessions of removed ones are revoked", body = OriginList),
        BadRequest,
        Unauthorized,
        AdminKeyOnly,
        TooLarge,
        NotJson,
        Invalid
    )
)]
async fn replace_origins(
    State(state): State<AppState>,
    agent: Admin,
    AppJson(list): AppJson<OriginList>,
) -> ApiResult<AppJson<OriginList>> {
    origins::replace(&state.store, agent.0.workspace_id, &list.origins).await?;
    list_origins(State(state), agent).await
}

fn info(ws: &Workspace, now: i64) -> SecretInfo {
    SecretInfo {
        created_at: rfc3339(ws.secret_created_at),
        previous_verifies_until: ws.grace_until(now).map(rfc3339),
    }
}

#[utoipa::path(
    get, path = "/api/v1/agent/secret", tag = "settings", security(("api_key" = [])),
    responses(
        (status = 200, description = "When the secret was made, and the grace period; never the secret", body = SecretInfo),
        Unauthorized,
        AdminKeyOnly
    )
)]
async fn secret_info(
    State(state): State<AppState>,
    agent: Admin,
) -> ApiResult<AppJson<SecretInfo>> {
    let ws = workspace(&state, &agent).await?;
    Ok(AppJson(info(&ws, state.clock.now_ms())))
}

#[utoipa::path(
    post, path = "/api/v1/agent/secret/rotate", tag = "settings", security(("api_key" = [])),
    request_body = RotateSecret,
    responses(
        (status = 200, description = "The new secret, shown only here", body = RotatedSecret),
        BadRequest,
        Unauthorized,
        AdminKeyOnly,
        TooLarge,
        NotJson,
        Invalid
    )
)]
async fn rotate(
    State(state): State<AppState>,
    agent: Admin,
    AppJson(req): AppJson<RotateSecret>,
) -> ApiResult<AppJson<RotatedSecret>> {
    let hours = req.grace_hours.unwrap_or(24);
    let now = state.clock.now_ms();
    let rotated = secrets::rotate(&state.store, agent.0.workspace_id, hours, now).await?;
    Ok(AppJson(RotatedSecret {
        secret: rotated.secret.expose_secret().to_owned(),
        info: SecretInfo {
            created_at: rfc3339(rotated.created_at),
            previous_verifies_until: rotated.previous_verifies_until.map(rfc3339),
        },
    }))
}
