//! What host pages load: `loader.js`, the hashed panel assets, and the panel page that the
//! loader puts in an iframe.

use std::sync::LazyLock;

use axum::extract::State;
use axum::http::header::{
    CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE, ETAG, IF_NONE_MATCH,
};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use sha2::{Digest, Sha256};

use crate::assets;
use crate::error::{ApiError, ApiResult};
use crate::extract::AppPath;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/loader.js", get(loader))
        .route("/assets/{name}", get(asset))
        .route("/w/{slug}/", get(panel))
        .route("/w/{slug}/theme.css", get(theme_css))
}

async fn loader(headers: HeaderMap) -> ApiResult<Response> {
    let asset = assets::by_name("loader.js").ok_or(ApiError::WidgetNotBuilt)?;
    Ok(assets::serve(asset, &headers))
}

async fn asset(AppPath(name): AppPath<String>, headers: HeaderMap) -> ApiResult<Response> {
    let asset = assets::by_name(&name)
        .filter(|a| a.immutable)
        .ok_or(ApiError::NotFound)?;
    Ok(assets::serve(asset, &headers))
}

/// The page inside the panel iframe. Its inline module script is the one thing not loaded
/// from a file, and the CSP admits it by hash.
struct PanelPage {
    html: String,
    script_hash: String,
}

static PANEL: LazyLock<Option<PanelPage>> = LazyLock::new(|| {
    let js = assets::served_name("porthole_widget.js")?;
    let wasm = assets::served_name("porthole_widget_bg.wasm")?;
    let css = assets::served_name("widget.css")?;
    let script =
        format!(r#"import init from "/assets/{js}";init({{module_or_path:"/assets/{wasm}"}});"#);
    let script_hash = STANDARD.encode(Sha256::digest(script.as_bytes()));
    let html = format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Support</title><link rel="stylesheet" href="/assets/{css}"><link rel="modulepreload" href="/assets/{js}"><link rel="preload" href="/assets/{wasm}" as="fetch" type="application/wasm" crossorigin></head><body><script type="module">{script}</script></body></html>"#
    );
    Some(PanelPage { html, script_hash })
});

/// `frame-ancestors` from the workspace's allowed origins, read on every request so a change
/// of the list applies at once; `'none'` when there are none.
pub fn frame_ancestors(origins: &[String]) -> String {
    if origins.is_empty() {
        "frame-ancestors 'none'".to_owned()
    } else {
        format!("frame-ancestors {}", origins.join(" "))
    }
}

async fn panel(
    State(state): State<AppState>,
    AppPath(slug): AppPath<String>,
) -> ApiResult<Response> {
    let page = PANEL.as_ref().ok_or(ApiError::WidgetNotBuilt)?;
    let workspace = state
        .store
        .workspace_by_slug(&slug)
        .await?
        .ok_or(ApiError::NotFound)?;
    let origins = state.store.allowed_origins(workspace.id).await?;
    let csp = format!(
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval' 'sha256-{}'; \
         style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; \
         form-action 'none'; {}",
        page.script_hash,
        frame_ancestors(&origins)
    );
    let mut headers = HeaderMap::new();
    headers.insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    headers.insert(
        CONTENT_SECURITY_POLICY,
        HeaderValue::from_str(&csp).map_err(anyhow::Error::from)?,
    );
    headers.insert("referrer-policy", HeaderValue::from_static("no-referrer"));
    headers.insert(
        "x-content-type-options",
        HeaderValue::from_static("nosniff"),
    );
    Ok((headers, page.html.clone()).into_response())
}

/// The workspace's colours as custom properties, for the panel and the pages. Revalidated on
/// each use (it is tiny), so a change of colour shows on the next open.
async fn theme_css(
    State(state): State<AppState>,
    AppPath(slug): AppPath<String>,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let workspace = state
        .store
        .workspace_by_slug(&slug)
        .await?
        .ok_or(ApiError::NotFound)?;
    let css = crate::theme::stylesheet(&workspace.settings);
    let etag = format!("\"{}\"", hex::encode(&Sha256::digest(css.as_bytes())[..8]));
    let mut out = HeaderMap::new();
    out.insert(CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    out.insert(
        ETAG,
        HeaderValue::from_str(&etag).map_err(anyhow::Error::from)?,
    );
    let fresh = headers
        .get(IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag));
    if fresh {
        return Ok((StatusCode::NOT_MODIFIED, out).into_response());
    }
    out.insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/css; charset=utf-8"),
    );
    Ok((out, css).into_response())
}
