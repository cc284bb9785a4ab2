//! Prometheus metrics at `/metrics`: requests and their latency by route, and the database
//! pool's use. Off unless the operator sets a token (`--metrics-token`), and then only for a
//! scraper that sends it as a bearer token, so the public listener tells strangers nothing.
//!
//! Written by hand in the text exposition format: a few counters and fixed-bucket histograms
//! do not need a metrics framework.

use std::fmt::Write as _;
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::header::CONTENT_TYPE;
use axum::http::HeaderMap;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use secrecy::ExposeSecret;
use subtle::ConstantTimeEq;

use crate::http::auth::bearer;
use crate::http::error::ApiError;
use crate::http::state::AppState;

/// Times every request that matched a route, when there is a scraper to read it: without a
/// token nobody can, and no request pays for the lock.
pub async fn record(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if state.settings.metrics_token.is_none() {
        return next.run(request).await;
    }
    let route = request.extensions().get::<MatchedPath>().cloned();
    let method = request.method().clone();
    let started = Instant::now();
    let response = next.run(request).await;
    if let Some(route) = route {
        state.metrics.observe(
            method.as_str(),
            route.as_str(),
            response.status().as_u16(),
            started.elapsed().as_secs_f64(),
        );
    }
    response
}

async fn metrics(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, ApiError> {
    let Some(expected) = &state.settings.metrics_token else {
        return Err(ApiError::NotFound);
    };
    let given = bearer(&headers)?;
    if !bool::from(given.as_bytes().ct_eq(expected.expose_secret().as_bytes())) {
        return Err(ApiError::InvalidApiKey);
    }
    let (size, idle) = state.store.pool_use();
    let mut body = state.metrics.render(size, idle);
    let waiting = state.store.mail_backlog().await?;
    let failed = state.store.mail_failed_count().await?;
    let _ = write!(
        body,
        "# HELP porthole_mail_queue_depth Emails waiting to be sent (due or retrying).\n\
         # TYPE porthole_mail_queue_depth gauge\n\
         porthole_mail_queue_depth {waiting}\n\
         # HELP porthole_mail_undelivered_total Emails given up on: refused by the SMTP server (5xx) or failing for a day.\n\
         # TYPE porthole_mail_undelivered_total counter\n\
         porthole_mail_undelivered_total {failed}\n"
    );
    Ok(([(CONTENT_TYPE, "text/plain; version=0.0.4")], body).into_response())
}

pub fn routes() -> Router<AppState> {
    Router::new().route("/metrics", get(metrics))
}
