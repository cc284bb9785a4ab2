//! Webhook endpoints through the agent API: add, list, remove, the delivery log, redelivery.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::Router;
use porthole_types::ErrorBody;
use serde::{Deserialize, Serialize};

use super::responses::{AdminKeyOnly, BadRequest, Unauthorized};
use crate::http::auth::Admin;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::{AppJson, AppPath};
use crate::http::state::AppState;
use crate::store::DeliveryInfo;
use crate::webhooks::check_destination;
use porthole_core::webhooks::{self, Added};
use porthole_types::WebhookInfo;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/webhooks", get(list).post(add))
        .route("/webhooks/{id}", axum::routing::delete(remove))
        .route("/webhooks/{id}/deliveries", get(deliveries))
        .route(
            "/webhooks/{id}/deliveries/{delivery}/redeliver",
            post(redeliver),
        )
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct NewWebhook {
    /// Where to post; a public http(s) address.
    url: String,
    /// `standard` (signed JSON, the default) or `slack` (an incoming-webhook URL).
    #[schema(value_type = Option<porthole_types::schema::WebhookKind>)]
    kind: Option<String>,
    /// Event types to send; all when absent or empty.
    #[schema(value_type = Option<Vec<porthole_types::EventType>>)]
    events: Option<Vec<String>>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub(super) struct AddedWebhook {
    webhook: WebhookInfo,
    /// The signing secret (`whsec_…`), shown only here. Absent for Slack endpoints.
    secret: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub(super) struct WebhookList {
    webhooks: Vec<WebhookInfo>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub(super) struct DeliveryLog {
    deliveries: Vec<DeliveryInfo>,
}

#[utoipa::path(
    get, path = "/api/v1/agent/webhooks", tag = "settings", security(("api_key" = [])),
    responses(
        (status = 200, description = "The workspace's endpoints; never their secrets", body = WebhookList),
        Unauthorized,
        AdminKeyOnly
    )
)]
async fn list(State(state): State<AppState>, Admin(key): Admin) -> ApiResult<AppJson<WebhookList>> {
    let webhooks = state.store.list_webhooks(key.workspace_id).await?;
    Ok(AppJson(WebhookList { webhooks }))
}

#[utoipa::path(
    post, path = "/api/v1/agent/webhooks", tag = "settings", security(("api_key" = [])),
    request_body = NewWebhook,
    responses(
        (status = 201, description = "The endpoint, and its signing secret shown once", body = AddedWebhook),
        BadRequest,
        Unauthorized,
        AdminKeyOnly,
        (status = 422, description = "a bad or private URL, an unknown kind or event type, or too many endpoints", body = ErrorBody)
    )
)]
async fn add(
    State(state): State<AppState>,
    Admin(key): Admin,
    AppJson(new): AppJson<NewWebhook>,
) -> ApiResult<(StatusCode, AppJson<AddedWebhook>)> {
    let kind = new.kind.as_deref().unwrap_or("standard");
    let events = new.events.unwrap_or_default();
    let private = state.settings.allow_private_webhooks;
    let destination = |url: String| async move { check_destination(&url, private).await };
    let ws = key.workspace_id;
    let endpoint = (&new.url[..], kind, &events[..]);
    let now = state.clock.now_ms();
    let Added { webhook, secret } =
        webhooks::add(&state.store, ws, endpoint, destination, now).await?;
    Ok((
        StatusCode::CREATED,
        AppJson(AddedWebhook { webhook, secret }),
    ))
}

#[utoipa::path(
    delete, path = "/api/v1/agent/webhooks/{id}", tag = "settings", security(("api_key" = [])),
    params(("id" = i64, Path, description = "The endpoint")),
    responses(
        (status = 204, description = "Removed, with its delivery log"),
        Unauthorized,
        AdminKeyOnly,
        (status = 404, description = "no such endpoint", body = ErrorBody)
    )
)]
async fn remove(
    State(state): State<AppState>,
    Admin(key): Admin,
    AppPath(id): AppPath<i64>,
) -> ApiResult<StatusCode> {
    webhooks::remove(&state.store, (key.workspace_id, id)).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(
    get, path = "/api/v1/agent/webhooks/{id}/deliveries", tag = "settings", security(("api_key" = [])),
    params(("id" = i64, Path, description = "The endpoint")),
    responses(
        (status = 200, description = "The latest 100 deliveries, newest first: attempts, status, error, and when the next attempt is", body = DeliveryLog),
        Unauthorized,
        AdminKeyOnly,
        (status = 404, description = "no such endpoint", body = ErrorBody)
    )
)]
async fn deliveries(
    State(state): State<AppState>,
    Admin(key): Admin,
    AppPath(id): AppPath<i64>,
) -> ApiResult<AppJson<DeliveryLog>> {
    let deliveries = state
        .store
        .webhook_deliveries(key.workspace_id, id, 100)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(AppJson(DeliveryLog { deliveries }))
}

#[utoipa::path(
    post, path = "/api/v1/agent/webhooks/{id}/deliveries/{delivery}/redeliver", tag = "settings", security(("api_key" = [])),
    params(("id" = i64, Path, description = "The endpoint"), ("delivery" = i64, Path, description = "The delivery")),
    responses(
        (status = 202, description = "Queued to be sent again at once; the endpoint is turned back on"),
        Unauthorized,
        AdminKeyOnly,
        (status = 404, description = "no such delivery", body = ErrorBody)
    )
)]
async fn redeliver(
    State(state): State<AppState>,
    Admin(key): Admin,
    AppPath((id, delivery)): AppPath<(i64, i64)>,
) -> ApiResult<StatusCode> {
    let now = state.clock.now_ms();
    webhooks::redeliver(&state.store, (key.workspace_id, id), delivery, now).await?;
    Ok(StatusCode::ACCEPTED)
}
