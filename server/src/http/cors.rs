//! CORS for the widget API, answered only for the origins the workspace in the path allows.
//!
//! Every browser call sends `Origin`, so the list is cached rather than read per request (see
//! [`Recent`]): a change through the API applies to the next request, one made by another
//! process (the CLI) within a second. CORS only decides whether a browser may read an answer;
//! sessions are bound to their origin as well.

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::http::header::{AUTHORIZATION, CONTENT_TYPE};
use axum::http::{HeaderName, Method};
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::recent::Recent;
use crate::store::Store;

/// The workspace slug in `/api/v1/widget/{slug}/...`.
fn slug_in(path: &str) -> Option<&str> {
    path.strip_prefix("/api/v1/widget/")?.split('/').next()
}

/// Allowed origins by workspace slug. Only workspaces that exist have entries, and the cache is
/// bounded, whatever slugs a client makes up.
struct OriginCache {
    store: Store,
    by_slug: Recent<String, Arc<[String]>>,
}

impl OriginCache {
    async fn allows(&self, slug: &str, origin: &str) -> bool {
        let version = self.store.origins_version();
        let origins = match self.by_slug.get(slug, version, Instant::now()) {
            Some(origins) => origins,
            None => {
                let read_at = Instant::now();
                match self.store.allowed_origins_of(slug).await {
                    Ok(Some(origins)) => {
                        let origins: Arc<[String]> = origins.into();
                        let bytes = origins.iter().map(String::len).sum();
                        self.by_slug
                            .put(slug.to_owned(), version, read_at, origins.clone(), bytes);
                        origins
                    }
                    Ok(None) | Err(_) => return false,
                }
            }
        };
        origins.iter().any(|allowed| allowed == origin)
    }
}

pub fn widget_cors(store: Store) -> CorsLayer {
    // Shared by every request's check: one reference to count, not the store's dozen.
    let cache = Arc::new(OriginCache {
        store,
        by_slug: Recent::new(10_000, 8 << 20, crate::recent::FRESH_FOR),
    });
    CorsLayer::new()
        .allow_origin(AllowOrigin::async_predicate(move |origin, parts| {
            let cache = cache.clone();
            let slug = slug_in(parts.uri.path()).map(str::to_owned);
            async move {
                let (Some(slug), Ok(origin)) = (slug, origin.to_str()) else {
                    return false;
                };
                cache.allows(&slug, origin).await
            }
        }))
        .allow_methods([Method::GET, Method::POST, Method::DELETE])
        .allow_headers([
            AUTHORIZATION,
            CONTENT_TYPE,
            HeaderName::from_static("idempotency-key"),
            HeaderName::from_static("last-event-id"),
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
