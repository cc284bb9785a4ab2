//! What host pages load: the loader, the panel assets and the panel page, with the headers
//! that keep them fast and safely framed.

use reqwest::{Method, StatusCode};

use crate::helpers::{RequestExt, TestApp, HOST};

/// The widget is embedded when `scripts/build-widget.sh` ran before the build, as the README's
/// test command does.
fn require_built() {
    assert!(
        !porthole::http::assets::ASSETS.is_empty(),
        "the widget is not built: run scripts/build-widget.sh (scripts/test.sh does)"
    );
}

#[tokio::test]
async fn loader_js_is_compressed_small_and_revalidated() {
    let app = TestApp::spawn().await;
    require_built();
    let res = app
        .request(Method::GET, "/loader.js")
        .header("Accept-Encoding", "gzip")
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-encoding"], "gzip");
    assert_eq!(
        res.headers()["cache-control"],
        "public, max-age=300, must-revalidate"
    );
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/javascript"));
    let etag = res.headers()["etag"].clone();
    assert!(
        res.bytes().await.unwrap().len() <= 2048,
        "loader.js budget: 2 KB gzipped"
    );

    let again = app
        .request(Method::GET, "/loader.js")
        .header("If-None-Match", etag)
        .go()
        .await;
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
}

#[tokio::test]
async fn panel_assets_are_hashed_immutable_and_precompressed() {
    let app = TestApp::spawn().await;
    require_built();
    for file in [
        "porthole_widget.js",
        "porthole_widget_bg.wasm",
        "widget.css",
    ] {
        let name = porthole::http::assets::served_name(file).unwrap();
        assert_ne!(name, file, "{file} carries its content hash");
        for (accept, encoding) in [("br, gzip", Some("br")), ("gzip", Some("gzip")), ("", None)] {
            let res = app
                .request(Method::GET, &format!("/assets/{name}"))
                .header("Accept-Encoding", accept)
                .go()
                .await;
            assert_eq!(res.status(), StatusCode::OK);
            assert_eq!(
                res.headers()["cache-control"],
                "public, max-age=31536000, immutable"
            );
            assert_eq!(
                res.headers()
                    .get("content-encoding")
                    .map(|v| v.to_str().unwrap()),
                encoding
            );
        }
    }
    // The loader is not reachable under /assets/, and nothing else is either.
    for name in ["loader.js", "..%2Fsecret", "nope.js"] {
        let res = app
            .request(Method::GET, &format!("/assets/{name}"))
            .go()
            .await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{name}");
    }
}

#[tokio::test]
async fn the_panel_page_may_be_framed_only_by_allowed_origins() {
    let app = TestApp::spawn().await;
    require_built();
    let res = app.request(Method::GET, "/w/acme/").go().await;
    assert_eq!(res.status(), StatusCode::OK);
    let csp = res.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(csp.contains(&format!("frame-ancestors {HOST}")), "{csp}");
    assert!(csp.contains("default-src 'none'"));
    assert!(!csp.contains("unsafe-inline"));
    let html = res.text().await.unwrap();
    assert!(html.contains(porthole::http::assets::served_name("porthole_widget_bg.wasm").unwrap()));

    let res = app.request(Method::GET, "/w/nope/").go().await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}
