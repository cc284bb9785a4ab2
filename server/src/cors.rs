//! CORS for the widget API, answered only for the origins the workspace in the path allows.
//!
//! Every browser call sends `Origin`, so the list is cached rather than read per request. An
//! entry is trusted for at most [`FRESH_FOR`], and not at all once this process has changed any
//! workspace's origins: a change through the API applies to the next request, one made by
//! another process (the CLI) within a second. CORS only decides whether a browser may read an
//! answer; sessions check their origin against the database on every request.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::http::header::{AUTHORIZATION, CONTENT_TYPE};
use axum::http::{HeaderName, Method};
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::store::Store;

const FRESH_FOR: Duration = Duration::from_secs(1);

/// The workspace slug in `/api/v1/widget/{slug}/...`.
fn slug_in(path: &str) -> Option<&str> {
    path.strip_prefix("/api/v1/widget/")?.split('/').next()
}

/// Allowed origins by workspace slug. Only workspaces that exist have entries, so the map is
/// bounded by their number whatever slugs a client makes up.
#[derive(Clone)]
struct OriginCache {
    store: Store,
    entries: Arc<Mutex<Entries>>,
}

#[derive(Default)]
struct Entries {
    /// The store's `origins_version` when these entries were read.
    version: u64,
    by_slug: HashMap<String, (Instant, Arc<[String]>)>,
}

impl OriginCache {
    async fn allows(&self, slug: &str, origin: &str) -> bool {
        let version = self.store.origins_version();
        let cached = {
            let mut entries = self.entries.lock().expect("origin cache poisoned");
            if entries.version != version {
                entries.by_slug.clear();
                entries.version = version;
            }
            entries
                .by_slug
                .get(slug)
                .filter(|(read_at, _)| read_at.elapsed() < FRESH_FOR)
                .map(|(_, origins)| origins.clone())
        };
        let origins = match cached {
            Some(origins) => origins,
            None => match self.store.allowed_origins_of(slug).await {
                Ok(Some(origins)) => {
                    let origins: Arc<[String]> = origins.into();
                    let mut entries = self.entries.lock().expect("origin cache poisoned");
                    // Possibly read before a change this process made meanwhile: do not keep it.
                    if entries.version == version && self.store.origins_version() == version {
                        entries
                            .by_slug
                            .insert(slug.to_owned(), (Instant::now(), origins.clone()));
                    }
                    origins
                }
                Ok(None) | Err(_) => return false,
            },
        };
        origins.iter().any(|allowed| allowed == origin)
    }
}

pub fn widget_cors(store: Store) -> CorsLayer {
    let cache = OriginCache {
        store,
        entries: Arc::default(),
    };
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
