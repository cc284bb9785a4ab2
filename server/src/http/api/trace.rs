//! Request logging that never writes a credential. The signed iframe carries `hmac=` and a
//! tracking link carries `t=` in its query, a client may put a key in `?access_token=` where
//! no route reads it, and tower-http's default span logs the whole URI.

use axum::extract::Request;
use tracing::Span;

/// Query parameters whose values are logged: those of Porthole's own routes that hold neither
/// a credential nor a person's details. Every other value, known or not, is redacted, so a
/// name no list foresaw (`access_token`, `apikey`, `password`…) never reaches the log.
const LOGGED_PARAMS: &[&str] = &[
    "status",
    "category",
    "priority",
    "assignee",
    "unassigned",
    "sort",
    "limit",
    "cursor",
    "offset",
    "from",
    "to",
    "rated",
    "locale",
    "ts",
];

/// The request's path and query with every value not known to be harmless replaced by
/// `[redacted]`.
pub fn redacted_uri(uri: &axum::http::Uri) -> String {
    let Some(query) = uri.query() else {
        return uri.path().to_owned();
    };
    let pairs: Vec<String> = query
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some((name, _)) if !is_logged(name) => format!("{name}=[redacted]"),
            _ => pair.to_owned(),
        })
        .collect();
    format!("{}?{}", uri.path(), pairs.join("&"))
}

fn is_logged(name: &str) -> bool {
    let decoded = url::form_urlencoded::parse(name.as_bytes())
        .next()
        .map(|(k, _)| k)
        .unwrap_or_default();
    LOGGED_PARAMS.contains(&decoded.as_ref())
}

/// The span each request is logged in, as tower-http's default makes it but for the URI.
pub fn request_span(request: &Request) -> Span {
    tracing::debug_span!(
        "request",
        method = %request.method(),
        uri = %redacted_uri(request.uri()),
        version = ?request.version(),
    )
}

#[cfg(test)]
mod tests {
    use super::redacted_uri;

    #[test]
    fn credentials_in_a_query_never_reach_the_log() {
        let uri = "/embed/acme/tickets?email=a%40b.c&hmac=deadbeef&ts=1&nickname=Al"
            .parse()
            .unwrap();
        let logged = redacted_uri(&uri);
        assert!(!logged.contains("deadbeef"), "{logged}");
        assert!(logged.contains("hmac=[redacted]"));
        assert!(logged.contains("ts=1"));
        assert!(
            !logged.contains("a%40b.c"),
            "a person's address is not logged"
        );
        let uri = "/p/acme/tickets/TKT-0001?T=pht_secret&x=1".parse().unwrap();
        assert!(!redacted_uri(&uri).contains("pht_secret"));
        let uri = "/p/acme/tickets/TKT-0001?%74=pht_secret".parse().unwrap();
        assert!(!redacted_uri(&uri).contains("pht_secret"));
    }

    #[test]
    fn a_credential_under_a_name_no_route_reads_is_redacted_too() {
        for name in [
            "access_token",
            "api_key",
            "apikey",
            "authorization",
            "auth",
            "bearer",
            "session",
            "password",
            "Limit",
        ] {
            let uri = format!("/api/v1/agent/tickets?limit=5&{name}=phk_live_secret")
                .parse()
                .unwrap();
            let logged = redacted_uri(&uri);
            assert!(!logged.contains("phk_live_secret"), "{logged}");
            assert!(logged.contains("limit=5"), "{logged}");
        }
    }

    #[test]
    fn a_uri_without_a_query_is_logged_as_it_is() {
        assert_eq!(redacted_uri(&"/healthz".parse().unwrap()), "/healthz");
    }
}
