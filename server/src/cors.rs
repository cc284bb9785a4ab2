//! CORS for the widget API, answered only for the origins the workspace in the path allows.
//! The list is read per request, so a change applies without a restart.

use std::time::Duration;

use axum::http::header::{AUTHORIZATION, CONTENT_TYPE};
use axum::http::{HeaderName, Method};
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::store::Store;

/// The workspace slug in `/api/v1/widget/{slug}/...`.
fn slug_in(path: &str) -> Option<&str> {
    path.strip_prefix("/api/v1/widget/")?.split('/').next()
}

pub fn widget_cors(store: Store) -> CorsLayer {
    CorsLayer::new()
        .allow_origin(AllowOrigin::async_predicate(move |origin, parts| {
            let store = store.clone();
            let slug = slug_in(parts.uri.path()).map(str::to_owned);
            async move {
                let (Some(slug), Ok(origin)) = (slug, origin.to_str()) else {
                    return false;
                };
                store.origin_allowed(&slug, origin).await.unwrap_or(false)
            }
        }))
        .allow_methods([Method::GET, Method::POST, Method::DELETE])
        .allow_headers([
            AUTHORIZATION,
            CONTENT_TYPE,
            HeaderName::from_static("idempotency-key"),
        ])
        .max_age(Duration::from_secs(600))
}

#[cfg(test)]
mod tests {
    use super::slug_in;

    #[test]
    fn the_slug_is_read_from_widget_paths_only() {
        assert_eq!(slug_in("/api/v1/widget/acme/tickets"), Some("acme"));
        assert_eq!(slug_in("/api/v1/widget/acme"), Some("acme"));
        assert_eq!(slug_in("/api/v1/agent/tickets"), None);
    }
}
