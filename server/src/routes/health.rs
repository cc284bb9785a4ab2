use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};

use crate::error::ApiResult;
use crate::state::AppState;
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

/// Up, and able to reach its database.
#[utoipa::path(
    get, path = "/healthz", tag = "operations",
    responses(
        (status = 200, description = "Up, and able to reach its database"),
        (status = 500, description = "The database cannot be reached", body = ErrorBody)
    )
)]
async fn healthz(State(state): State<AppState>) -> ApiResult<Json<Value>> {
    state.store.ping().await?;
    Ok(Json(json!({ "status": "ok" })))
}
