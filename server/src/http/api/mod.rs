//! The JSON API's routes, and the layers every answer passes through (`app`, which the
//! pages' routes are handed to, so that this module does not know them).

mod admin;
mod agent;
mod agents;
mod articles;
mod delivery;
mod email;
mod files;
mod health;
mod inbound;
mod keys;
mod limits;
pub mod metrics;
pub mod openapi;
mod participants;
mod ratings;
mod reports;
mod responses;
mod session;
mod stream;
mod trace;
mod webhooks;
pub(crate) mod widget;

pub use delivery::frame_ancestors;
pub use files::download;
pub use ratings::NewRating;

use axum::extract::DefaultBodyLimit;
use axum::http::header::{CACHE_CONTROL, X_CONTENT_TYPE_OPTIONS};
use axum::http::HeaderValue;
use axum::Router;
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

use crate::http::cors::widget_cors;
use crate::http::error::{ApiError, ApiResult};
use crate::http::state::AppState;
use crate::store::PageCursor;
use porthole_core::TicketRef;

/// JSON bodies are small; anything larger is refused before it is read.
pub const BODY_LIMIT_BYTES: usize = 64 * 1024;

pub fn app(state: AppState, pages: Router<AppState>) -> Router {
    // The JSON 405 is set before the CORS layer: axum would otherwise swap in an unlayered
    // fallback, and preflights (OPTIONS) would never reach CORS.
    let widget = Router::new()
        .merge(widget::routes())
        .method_not_allowed_fallback(method_not_allowed)
        .layer(widget_cors(state.store.clone()));
    let api = Router::new()
        .merge(widget)
        .nest(
            "/api/v1/agent",
            agent::routes()
                .merge(admin::routes())
                .merge(articles::agent_routes())
                .merge(ratings::agent_routes())
                .merge(files::agent_routes())
                .merge(participants::routes())
                .merge(agents::routes())
                .merge(reports::routes())
                .merge(keys::routes())
                .merge(email::routes())
                .merge(webhooks::routes()),
        )
        // API answers are personal and some carry tokens: never let a cache keep them.
        .layer(SetResponseHeaderLayer::if_not_present(
            CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ));
    Router::new()
        .merge(api)
        .merge(inbound::routes())
        .merge(health::routes())
        .merge(openapi::routes())
        .merge(metrics::routes())
        // HTML and stylesheets made per request are compressed here; the embedded assets come
        // precompressed, and API answers are not, since they carry tokens beside
        // caller-chosen text (BREACH).
        .merge(
            delivery::routes()
                .merge(pages)
                .layer(CompressionLayer::new().quality(CompressionLevel::Precise(5))),
        )
        .fallback(|| async { ApiError::NotFound })
        // Per route: the router layers each route, so the route's pattern is known here.
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            metrics::record,
        ))
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(BODY_LIMIT_BYTES))
        .layer(axum::middleware::from_fn(limits::body_timeout))
        .layer(axum::middleware::from_fn(limits::guard))
        // Every answer, JSON and scripts included, is to be taken as the type it says it is.
        .layer(SetResponseHeaderLayer::overriding(
            X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(TraceLayer::new_for_http().make_span_with(trace::request_span))
        .with_state(state)
}

async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}

/// The `cursor` query parameter: where the previous page ended, as the API gave it out.
fn cursor(raw: Option<&str>) -> ApiResult<Option<PageCursor>> {
    raw.map(|raw| {
        PageCursor::parse(raw)
            .ok_or_else(|| ApiError::InvalidQuery("cursor is not one this API gave out".into()))
    })
    .transpose()
}

/// The ticket number in a `{reference}` path segment. A malformed reference is answered like an
/// unknown one.
fn reference(raw: &str) -> ApiResult<i64> {
    TicketRef::parse(raw).map(|r| r.0).ok_or(ApiError::NotFound)
}
