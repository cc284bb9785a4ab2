use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};

use crate::http::error::{ApiError, ApiResult};
use crate::http::state::AppState;
use porthole_types::ErrorBody;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(healthz))
        // Browsers ask for one on every page; an empty answer keeps their consoles clean.
        .route(
            "/favicon.ico",
            get(|| async { axum::http::StatusCode::NO_CONTENT }),
        )
}

/// Ready: the database reads, its disk has room, and writing works (tried again after a
/// write failed for want of disk, so this turns 200 by itself once writing recovers).
#[utoipa::path(
    get, path = "/healthz", tag = "operations",
    responses(
        (status = 200, description = "Ready to read and write"),
        (status = 503, description = "Not ready; `error.message` says why (the database cannot be read, its disk is nearly full, or writing fails)", body = ErrorBody)
    )
)]
async fn healthz(State(state): State<AppState>) -> ApiResult<Json<Value>> {
    state
        .store
        .readiness(state.clock.now_ms())
        .await
        .map_err(ApiError::NotReady)?;
    Ok(Json(json!({ "status": "ok" })))
}
