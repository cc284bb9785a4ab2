//! What host pages load: `loader.js`, the hashed panel assets, and the panel page that the
//! loader puts in an iframe.

use std::collections::HashMap;
use std::sync::LazyLock;

use axum::extract::{Query, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE, ETAG};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use porthole_types::{limits, Locale, Settings, TicketStatus, TicketType};
use sha2::{Digest, Sha256};

use crate::http::assets;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::AppPath;
use crate::http::state::AppState;
use crate::i18n::{self, catalogue};
use porthole_core::settings::css_origin;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/loader.js", get(loader))
        .route("/assets/{name}", get(asset))
        .route("/w/{slug}/", get(panel))
        .route("/w/{slug}/theme.css", get(theme_css))
        .route("/w/{slug}/texts", get(extras_texts))
        .route("/avatars/{id}", get(avatar))
}

/// An agent's picture, which customers see beside replies. Public: its id is 128 random bits,
/// new with each picture, and the picture is meant to be seen. Served only while it is some
/// agent's current picture, with the type its bytes showed when it was uploaded, in a sandbox.
async fn avatar(
    State(state): State<AppState>,
    AppPath(id): AppPath<String>,
) -> ApiResult<Response> {
    let well_formed = id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit());
    let kind = match well_formed {
        true => state.store.avatar_type(&id).await?,
        false => None,
    };
    let kind = kind.ok_or(ApiError::NotFound)?;
    let mut response =
        axum::body::Body::from_stream(state.files.stream(&id).await?).into_response();
    let headers = response.headers_mut();
    let kind = HeaderValue::from_str(&kind).map_err(|e| ApiError::Internal(e.into()))?;
    headers.insert(CONTENT_TYPE, kind);
    headers.insert(
        CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("sandbox; default-src 'none'"),
    );
    // A new picture has a new id, so this one never changes.
    headers.insert(
        CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    headers.insert(
        "cross-origin-resource-policy",
        HeaderValue::from_static("same-origin"),
    );
    Ok(response)
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

/// What the page inside the panel iframe loads. Its inline module script is the one thing not
/// loaded from a file, and the CSP admits it by hash.
struct PanelAssets {
    js: &'static str,
    wasm: &'static str,
    css: &'static str,
    /// The lazily loaded module's script (`widget/extras`).
    extras: &'static str,
    script: String,
    script_hash: String,
}

static PANEL: LazyLock<Option<PanelAssets>> = LazyLock::new(|| {
    let js = assets::served_name("porthole_widget.js")?;
    let wasm = assets::served_name("porthole_widget_bg.wasm")?;
    let css = assets::served_name("widget.css")?;
    let extras = assets::served_name("porthole_extras.js")?;
    let script =
        format!(r#"import init from "/assets/{js}";init({{module_or_path:"/assets/{wasm}"}});"#);
    let script_hash = STANDARD.encode(Sha256::digest(script.as_bytes()));
    Some(PanelAssets {
        js,
        wasm,
        css,
        extras,
        script,
        script_hash,
    })
});

/// What the panel says, in the user's language: the catalogue's strings (statuses and types by
/// key) and the workspace's own title and greeting. Carried in the page, so the wasm holds no
/// strings and needs no extra request.
fn panel_config(settings: &Settings, locale: Locale, extras: &str) -> serde_json::Value {
    let c = catalogue(locale);
    let mut t = serde_json::to_value(&c.widget).unwrap_or_default();
    if let Some(map) = t.as_object_mut() {
        map.remove("statuses");
        map.remove("types");
        for status in TicketStatus::ALL {
            map.insert(
                format!("status_{}", status.as_str()),
                c.status(*status).into(),
            );
        }
        for kind in TicketType::ALL {
            map.insert(
                format!("type_{}", kind.as_str()),
                c.ticket_type(*kind).into(),
            );
        }
    }
    serde_json::json!({
        "t": t,
        "title": settings.title.as_deref().unwrap_or(c.widget.title),
        "greeting": settings.greeting.as_deref().unwrap_or(c.widget.greeting),
        "x": format!("/assets/{extras}"),
    })
}

/// The new-ticket form as a `<template>`, in the user's language and with the workspace's FAQs
/// and categories: every value escaped here, cloned into place by the panel, which only wires
/// it up. As Leptos views this form cost the panel about 8 KB of its 100 KB budget.
fn panel_templates(settings: &Settings, locale: Locale) -> String {
    let t = &catalogue(locale).widget;
    maud::html! {
        template #ph-new-tpl {
            h2.ph-heading tabindex="-1" { (t.new_ticket) }
            @if !settings.faqs.is_empty() {
                div.ph-faqs {
                    h3.ph-label { (t.faq_heading) }
                    @for faq in &settings.faqs {
                        details { summary { (faq.question) } p.ph-text { (faq.answer) } }
                    }
                }
            }
            form.ph-form novalidate {
                label.ph-label for="ph-subject" { (t.subject) }
                input #ph-subject.ph-input name="subject" type="text" autocomplete="off"
                    maxlength=(limits::SUBJECT_MAX_CHARS) aria-describedby="ph-subject-error";
                p #ph-subject-error.ph-field-error role="alert" hidden {}
                // Articles matching the subject, as it is typed (`widget/extras`).
                div data-phx="suggest" {}
                label.ph-label for="ph-description" { (t.description) }
                textarea #ph-description.ph-input.ph-textarea name="description" rows="5"
                    placeholder=(t.description_hint) aria-describedby="ph-description-error" {}
                p #ph-description-error.ph-field-error role="alert" hidden {}
                label.ph-label for="ph-type" { (t.type_label) }
                select #ph-type.ph-input name="type" {
                    option value="" { (t.type_none) }
                    @for (i, kind) in TicketType::ALL.iter().enumerate() {
                        option value=(kind.as_str()) { (t.types[i]) }
                    }
                }
                @if !settings.categories.is_empty() {
                    label.ph-label for="ph-category" { (t.category) }
                    select #ph-category.ph-input name="category" {
                        option value="" { (t.category_none) }
                        @for c in &settings.categories { option value=(c) { (c) } }
                    }
                }
                div data-phx="attach" {}
                p #ph-form-error.ph-field-error role="alert" hidden {}
                button.ph-button.ph-button--primary type="submit" { (t.submit) }
            }
        }
    }
    .into_string()
}

/// The workspace a panel URL names, or not found.
async fn workspace_named(state: &AppState, slug: &str) -> ApiResult<crate::store::Workspace> {
    state
        .store
        .workspace_by_slug(slug)
        .await?
        .ok_or(ApiError::NotFound)
}

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
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let page = PANEL.as_ref().ok_or(ApiError::WidgetNotBuilt)?;
    let workspace = workspace_named(&state, &slug).await?;
    let settings = &workspace.settings;
    let origins = state.store.allowed_origins(workspace.id).await?;
    let locale = i18n::resolve(
        query.get("locale").map(String::as_str),
        &headers,
        settings.default_locale,
    );
    // `<` is escaped so that no value can close the script element it sits in.
    let config = serde_json::to_string(&panel_config(settings, locale, page.extras))
        .map_err(anyhow::Error::from)?
        .replace('<', "\\u003c");
    let custom = settings.custom_css_url.as_deref();
    let styles = match custom.and_then(css_origin) {
        Some(origin) => format!("'self' {origin}"),
        None => "'self'".to_owned(),
    };
    let csp = format!(
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval' 'sha256-{}'; \
         style-src {styles}; connect-src 'self'; img-src 'self' data:; base-uri 'none'; \
         form-action 'none'; {}",
        page.script_hash,
        frame_ancestors(&origins)
    );
    let custom_link = custom
        .map(|url| {
            format!(
                r#"<link rel="stylesheet" href="{}">"#,
                url.replace('"', "%22")
            )
        })
        .unwrap_or_default();
    let html = format!(
        r#"<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>{title}</title><link rel="stylesheet" href="/assets/{css}"><link rel="stylesheet" href="/w/{slug}/theme.css">{custom_link}<link rel="modulepreload" href="/assets/{js}"><link rel="preload" href="/assets/{wasm}" as="fetch" type="application/wasm" crossorigin></head><body>{templates}<script type="application/json" id="ph-config">{config}</script><script type="module">{script}</script></body></html>"#,
        lang = locale.as_str(),
        title = catalogue(locale).widget.title,
        css = page.css,
        js = page.js,
        wasm = page.wasm,
        script = page.script,
        templates = panel_templates(settings, locale),
    );
    let mut out = HeaderMap::new();
    out.insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    out.insert(CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    out.insert(
        CONTENT_SECURITY_POLICY,
        HeaderValue::from_str(&csp).map_err(anyhow::Error::from)?,
    );
    out.insert("referrer-policy", HeaderValue::from_static("no-referrer"));
    Ok((out, html).into_response())
}

/// The words of the lazily loaded module (`widget/extras`), in the panel's language: fetched
/// with it, so that the first open carries none of them.
async fn extras_texts(
    State(state): State<AppState>,
    AppPath(slug): AppPath<String>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let workspace = workspace_named(&state, &slug).await?;
    let locale = i18n::resolve(
        query.get("locale").map(String::as_str),
        &headers,
        workspace.settings.default_locale,
    );
    let p = &catalogue(locale).page;
    let texts = serde_json::json!({
        "attach": p.attach, "attach_hint": p.attach_hint, "attach_too_many": p.attach_too_many,
        "attach_wait": p.attach_wait, "attach_refused": p.attach_refused,
        "attach_uploading": p.attach_uploading, "attach_remove": p.attach_remove,
        "attachments": p.attachments, "rate_title": p.rate_title, "rate_hint": p.rate_hint,
        "rate_comment": p.rate_comment, "rate_send": p.rate_send, "rated": p.rated,
        "suggestions": p.kb_before_writing, "error": p.error,
        // The module's stylesheet, which it adds to the page.
        "css": assets::served_name("extras.css").map(|name| format!("/assets/{name}")),
    });
    let mut out = HeaderMap::new();
    out.insert(CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    Ok((out, axum::Json(texts)).into_response())
}

/// The workspace's colours as custom properties, for the panel and the pages. Revalidated on
/// each use (it is tiny), so a change of colour shows on the next open.
async fn theme_css(
    State(state): State<AppState>,
    AppPath(slug): AppPath<String>,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let workspace = workspace_named(&state, &slug).await?;
    let css = crate::http::theme::stylesheet(&workspace.settings);
    let etag = format!("\"{}\"", hex::encode(&Sha256::digest(css.as_bytes())[..8]));
    let mut out = HeaderMap::new();
    out.insert(CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    out.insert(
        ETAG,
        HeaderValue::from_str(&etag).map_err(anyhow::Error::from)?,
    );
    if assets::fresh(&headers, &etag) {
        return Ok((StatusCode::NOT_MODIFIED, out).into_response());
    }
    out.insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/css; charset=utf-8"),
    );
    Ok((out, css).into_response())
}
