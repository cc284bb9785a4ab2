//! Request logging that never writes a credential. The signed iframe carries `hmac=` and a
//! tracking link carries `t=` in its query, and tower-http's default span logs the whole URI.

use axum::extract::Request;
use tracing::Span;

/// Query parameters whose values are credentials, whatever the route.
const SECRET_PARAMS: &[&str] = &[
    "hmac",
    "t",
    "token",
    "key",
    "secret",
    "signature",
    "verification_hash",
    "verificationhash",
];

/// The request's path and query with every credential's value replaced by `[redacted]`.
pub fn redacted_uri(uri: &axum::http::Uri) -> String {
    let Some(query) = uri.query() else {
        return uri.path().to_owned();
    };
    let pairs: Vec<String> = query
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some((name, _)) if is_secret(name) => format!("{name}=[redacted]"),
            _ => pair.to_owned(),
        })
        .collect();
    format!("{}?{}", uri.path(), pairs.join("&"))
}

fn is_secret(name: &str) -> bool {
    let decoded = url::form_urlencoded::parse(name.as_bytes())
        .next()
        .map(|(k, _)| k.to_ascii_lowercase())
        .unwrap_or_default();
    SECRET_PARAMS.contains(&decoded.as_str())
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
        assert!(logged.contains("nickname=Al"));
        let uri = "/p/acme/tickets/TKT-0001?T=pht_secret&x=1".parse().unwrap();
        assert!(!redacted_uri(&uri).contains("pht_secret"));
        let uri = "/p/acme/tickets/TKT-0001?%74=pht_secret".parse().unwrap();
        assert!(!redacted_uri(&uri).contains("pht_secret"));
    }

    #[test]
    fn a_uri_without_a_query_is_logged_as_it_is() {
        assert_eq!(redacted_uri(&"/healthz".parse().unwrap()), "/healthz");
    }
}
