//! Request-line and header limits, answered with the JSON error shape. Hyper refuses what is
//! larger still (see `startup::serve`), but below its limits the answer is ours.

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;

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
