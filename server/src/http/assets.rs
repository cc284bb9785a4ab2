//! The panel and loader, embedded by `build.rs`, served with the best encoding the client
//! accepts. Hashed assets are cached for a year; `loader.js` keeps a stable URL (it is what
//! host pages embed), so it is cached briefly and revalidated by ETag.

use axum::http::header::{
    ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING, CONTENT_TYPE, ETAG, IF_NONE_MATCH, VARY,
};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

/// One embedded file, with its precompressed copies.
pub struct Asset {
    /// The name it is served under: content-hashed for immutable assets.
    pub name: &'static str,
    /// The file it was built as, in `widget/dist`.
    pub file: &'static str,
    pub content_type: &'static str,
    pub immutable: bool,
    pub etag: &'static str,
    pub raw: &'static [u8],
    pub gzip: &'static [u8],
    pub brotli: &'static [u8],
}

include!(concat!(env!("OUT_DIR"), "/assets.rs"));

pub fn by_name(name: &str) -> Option<&'static Asset> {
    ASSETS.iter().find(|a| a.name == name)
}

/// The served name of a built file, e.g. `porthole_widget.js` → `porthole_widget-1a2b3c.js`.
pub fn served_name(file: &str) -> Option<&'static str> {
    ASSETS.iter().find(|a| a.file == file).map(|a| a.name)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

/// The best encoding `Accept-Encoding` allows: brotli, then gzip, else none. Honours `q=0`.
fn negotiate(accept: Option<&str>) -> Encoding {
    let accepts = |wanted: &str| {
        accept.unwrap_or("").split(',').any(|part| {
            let mut bits = part.split(';').map(str::trim);
            let name = bits.next().unwrap_or("");
            let refused = bits.any(|p| {
                p.strip_prefix("q=")
                    .and_then(|q| q.parse::<f32>().ok())
                    .is_some_and(|q| q <= 0.0)
            });
            (name.eq_ignore_ascii_case(wanted) || name == "*") && !refused
        })
    };
    if accepts("br") {
        Encoding::Brotli
    } else if accepts("gzip") {
        Encoding::Gzip
    } else {
        Encoding::Identity
    }
}

/// Whether the client's cached copy, named by `If-None-Match`, is still `etag`.
pub fn fresh(request: &HeaderMap, etag: &str) -> bool {
    request
        .get(IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|tags| tags.split(',').any(|t| t.trim() == etag))
}

pub fn serve(asset: &'static Asset, request: &HeaderMap) -> Response {
    let cache = if asset.immutable {
        "public, max-age=31536000, immutable"
    } else {
        "public, max-age=300, must-revalidate"
    };
    let mut headers = HeaderMap::new();
    headers.insert(CACHE_CONTROL, HeaderValue::from_static(cache));
    headers.insert(ETAG, HeaderValue::from_static(asset.etag));
    headers.insert(VARY, HeaderValue::from_static("accept-encoding"));
    if fresh(request, asset.etag) {
        return (StatusCode::NOT_MODIFIED, headers).into_response();
    }
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(asset.content_type));
    let accept = request.get(ACCEPT_ENCODING).and_then(|v| v.to_str().ok());
    let body = match negotiate(accept) {
        Encoding::Brotli => {
            headers.insert(CONTENT_ENCODING, HeaderValue::from_static("br"));
            asset.brotli
        }
        Encoding::Gzip => {
            headers.insert(CONTENT_ENCODING, HeaderValue::from_static("gzip"));
            asset.gzip
        }
        Encoding::Identity => asset.raw,
    };
    (headers, body).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brotli_is_preferred_then_gzip_then_nothing() {
        assert_eq!(negotiate(Some("gzip, deflate, br, zstd")), Encoding::Brotli);
        assert_eq!(negotiate(Some("gzip")), Encoding::Gzip);
        assert_eq!(negotiate(Some("identity")), Encoding::Identity);
        assert_eq!(negotiate(None), Encoding::Identity);
    }

    #[test]
    fn an_encoding_refused_with_q_zero_is_not_used() {
        assert_eq!(negotiate(Some("br;q=0, gzip;q=0.5")), Encoding::Gzip);
        assert_eq!(negotiate(Some("*;q=0")), Encoding::Identity);
        assert_eq!(negotiate(Some("*")), Encoding::Brotli);
    }
}
