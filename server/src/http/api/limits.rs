//! Request-line and header limits, answered with the JSON error shape. Hyper refuses what is
//! larger still (see `startup::serve`), but below its limits the answer is ours.

use axum::body::Body;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::http::error::ApiError;

/// Longer than any URL Porthole makes, and the limit most proxies apply.
pub const MAX_URI_BYTES: usize = 8 * 1024;
/// All request headers together: enough for any browser's cookies and a bearer token.
pub const MAX_HEADER_BYTES: usize = 16 * 1024;

pub async fn guard(request: Request, next: Next) -> Response {
    let uri_len = request
        .uri()
        .path_and_query()
        .map_or(0, |pq| pq.as_str().len());
    if uri_len > MAX_URI_BYTES {
        return ApiError::UriTooLong.into_response();
    }
    let header_bytes: usize = request
        .headers()
        .iter()
        .map(|(name, value)| name.as_str().len() + value.len() + 4)
        .sum();
    if header_bytes > MAX_HEADER_BYTES {
        return ApiError::HeadersTooLarge.into_response();
    }
    next.run(request).await
}

/// Gives up on a request body that pauses for longer than `serve::BODY_IDLE_TIMEOUT`, so a
/// client that declares a body and never sends it (or sends it a byte at a time, pausing)
/// holds nothing for long: reading it fails, and the handler answers `408 request_timeout`.
pub async fn body_timeout(request: Request, next: Next) -> Response {
    let request = request.map(|body| {
        Body::new(tower_http::timeout::TimeoutBody::new(
            crate::http::serve::BODY_IDLE_TIMEOUT,
            body,
        ))
    });
    next.run(request).await
}
