//! Server-rendered pages: the public portal (`/p/{slug}`) and the signed iframe
//! (`/embed/{slug}`). They carry no JavaScript at all, so they work where scripts do not, load
//! in a few kilobytes, and their CSP can forbid every script. They speak the visitor's language
//! and wear the workspace's brand.

mod console;
mod email_links;
mod embed;
mod fragments;
mod home;
mod kb;
mod portal;
mod ticket_screens;
mod uploads;

use std::collections::HashMap;

use axum::extract::rejection::FormRejection;
use axum::extract::{FromRequest, FromRequestParts, Path, Query, Request};
use axum::http::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE, LOCATION};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Router;
use axum_extra::extract::cookie::{Cookie, SameSite};
use maud::{html, Markup, DOCTYPE};
use porthole_types::{Locale, Ticket};
use serde::de::DeserializeOwned;

use crate::http::api::frame_ancestors;
use crate::http::assets;
use crate::http::auth::origin_header;
use crate::http::error::ApiError;
use crate::http::state::AppState;
use crate::i18n::{self, catalogue, Catalogue};
use crate::store::{UserScope, Workspace};
use porthole_core::settings::css_origin;
use porthole_core::tickets::{self, CustomerPost};

pub fn routes() -> Router<AppState> {
    portal::routes()
        .merge(embed::routes())
        .merge(email_links::routes())
        .merge(kb::routes())
        .merge(console::routes())
        .route("/", axum::routing::get(home::home))
        .layer(axum::middleware::from_fn(in_the_visitors_language))
}

/// The workspace a page belongs to, who may frame it, and the visitor's language: `?locale=`,
/// then `Accept-Language`, then the workspace's default.
pub(super) struct Site {
    pub workspace: Workspace,
    pub slug: String,
    pub framers: Vec<String>,
    pub locale: Locale,
    pub t: &'static Catalogue,
}

impl FromRequestParts<AppState> for Site {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, PageError> {
        let Path(params) = Path::<HashMap<String, String>>::from_request_parts(parts, state)
            .await
            .map_err(|_| PageError::NotFound)?;
        let slug = params.get("slug").cloned().ok_or(PageError::NotFound)?;
        let workspace = state
            .store
            .workspace_by_slug(&slug)
            .await?
            .ok_or(PageError::NotFound)?;
        let framers = state.store.allowed_origins(workspace.id).await?;
        let query = Query::<HashMap<String, String>>::from_request_parts(parts, state)
            .await
            .map(|Query(q)| q)
            .unwrap_or_default();
        let locale = i18n::resolve(
            query.get("locale").map(String::as_str),
            &parts.headers,
            workspace.settings.default_locale,
        );
        Ok(Self {
            workspace,
            slug,
            framers,
            locale,
            t: catalogue(locale),
        })
    }
}

impl Site {
    /// Speaks `locale` from here on, when a session remembers one.
    pub fn speak(&mut self, locale: Option<&str>) {
        if let Some(locale) = locale.and_then(Locale::parse) {
            self.locale = locale;
            self.t = catalogue(locale);
        }
    }

    pub fn page(&self, title: impl Into<String>, body: Markup) -> Page {
        let settings = &self.workspace.settings;
        Page {
            status: StatusCode::OK,
            title: title.into(),
            body,
            cache: Cache::NoStore,
            retry_after: None,
            chrome: Chrome {
                lang: self.locale.as_str(),
                brand: settings
                    .brand_name
                    .clone()
                    .unwrap_or_else(|| self.workspace.name.clone()),
                logo: settings.logo_url.clone(),
                support_email: settings.support_email.clone(),
                theme: Some(format!("/w/{}/theme.css", self.slug)),
                custom_css: settings.custom_css_url.clone(),
                framers: self.framers.clone(),
                title_suffix: self.t.widget.title,
                powered_by: self.t.page.powered_by,
                email_us: self.t.widget.email_us,
            },
        }
    }
}

/// How a page may be cached.
#[derive(Clone, Copy)]
pub(super) enum Cache {
    /// Anything personal or one-off.
    NoStore,
    /// Token-bound views: short enough that an agent reply shows within 10 s of a refresh,
    /// long enough to absorb a double refresh.
    Private,
}

/// Everything around a page's body: language, brand, styles, and who may frame it.
struct Chrome {
    lang: &'static str,
    brand: String,
    logo: Option<String>,
    support_email: Option<String>,
    theme: Option<String>,
    custom_css: Option<String>,
    framers: Vec<String>,
    title_suffix: &'static str,
    powered_by: &'static str,
    email_us: &'static str,
}

impl Chrome {
    /// For pages shown before a workspace is known, such as "not found", and the console's.
    fn plain(locale: Locale) -> Self {
        let t = catalogue(locale);
        Self {
            lang: locale.as_str(),
            brand: "Porthole".into(),
            logo: None,
            support_email: None,
            theme: None,
            custom_css: None,
            framers: vec![],
            title_suffix: t.widget.title,
            powered_by: t.page.powered_by,
            email_us: t.widget.email_us,
        }
    }

    /// No script may run; styles and images come from here, or from the company's own
    /// stylesheet and logo when it set them.
    fn headers(&self, cache: Cache) -> HeaderMap {
        let mut styles = "'self'".to_owned();
        if let Some(origin) = self.custom_css.as_deref().and_then(css_origin) {
            styles = format!("{styles} {origin}");
        }
        let mut images = "'self' data:".to_owned();
        if let Some(origin) = self.logo.as_deref().and_then(css_origin) {
            images = format!("{images} {origin}");
        }
        let csp = format!(
            "default-src 'none'; style-src {styles}; img-src {images}; form-action 'self'; \
             base-uri 'none'; {}",
            frame_ancestors(&self.framers)
        );
        let mut headers = HeaderMap::new();
        headers.insert(
            CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        );
        if let Ok(csp) = HeaderValue::from_str(&csp) {
            headers.insert(CONTENT_SECURITY_POLICY, csp);
        }
        let cache = match cache {
            Cache::NoStore => "no-store",
            Cache::Private => "private, max-age=10, stale-while-revalidate=60",
        };
        headers.insert(CACHE_CONTROL, HeaderValue::from_static(cache));
        // Not no-referrer: with it, browsers send `Origin: null` on our own form posts, and the
        // origin check refuses them. Nothing leaves for other sites either way.
        headers.insert("referrer-policy", HeaderValue::from_static("same-origin"));
        headers
    }

    fn wrap(&self, title: &str, body: Markup) -> Markup {
        html! {
            (DOCTYPE)
            html lang=(self.lang) {
                head {
                    meta charset="utf-8";
                    meta name="viewport" content="width=device-width,initial-scale=1";
                    title { (title) " · " (self.brand) }
                    @for file in ["widget.css", "extras.css", "pages.css"] {
                        @if let Some(css) = assets::served_name(file) {
                            link rel="stylesheet" href={ "/assets/" (css) };
                        }
                    }
                    @if let Some(theme) = &self.theme { link rel="stylesheet" href=(theme); }
                    @if let Some(custom) = &self.custom_css { link rel="stylesheet" href=(custom); }
                }
                body.ph-site {
                    header.ph-header {
                        @if let Some(logo) = &self.logo { img.ph-logo src=(logo) alt=""; }
                        span.ph-title { (self.brand) " " (self.title_suffix) }
                    }
                    main.ph-page { (body) }
                    footer.ph-footer {
                        @if let Some(email) = &self.support_email {
                            p { (self.email_us) " " a.ph-link href={ "mailto:" (email) } { (email) } }
                        }
                        p { (self.powered_by) }
                    }
                }
            }
        }
    }
}

/// A complete page.
pub(super) struct Page {
    status: StatusCode,
    title: String,
    body: Markup,
    cache: Cache,
    retry_after: Option<i64>,
    chrome: Chrome,
}

impl Page {
    pub fn status(mut self, status: StatusCode) -> Self {
        self.status = status;
        self
    }

    pub fn cache(mut self, cache: Cache) -> Self {
        self.cache = cache;
        self
    }

    pub fn retry_after(mut self, secs: i64) -> Self {
        self.retry_after = Some(secs);
        self
    }
}

impl IntoResponse for Page {
    fn into_response(self) -> Response {
        let mut headers = self.chrome.headers(self.cache);
        if let Some(secs) = self.retry_after {
            headers.insert("retry-after", HeaderValue::from(secs));
        }
        let markup = self.chrome.wrap(&self.title, self.body);
        (self.status, headers, markup.into_string()).into_response()
    }
}

/// A 303 to a page of our own, optionally setting a cookie.
fn see_other(location: &str, cookie: Option<Cookie<'static>>) -> Response {
    let mut headers = HeaderMap::new();
    if let Ok(location) = HeaderValue::from_str(location) {
        headers.insert(LOCATION, location);
    }
    if let Some(cookie) = cookie.and_then(|c| HeaderValue::from_str(&c.to_string()).ok()) {
        headers.insert(axum::http::header::SET_COOKIE, cookie);
    }
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    (StatusCode::SEE_OTHER, headers).into_response()
}

/// A session cookie no script can read, sent back only to `path`.
fn session_cookie(
    name: &'static str,
    value: String,
    path: String,
    max_age_ms: i64,
    cross_site: bool,
    secure: bool,
) -> Cookie<'static> {
    let mut cookie = Cookie::new(name, value);
    cookie.set_path(path);
    cookie.set_http_only(true);
    cookie.set_max_age(time::Duration::milliseconds(max_age_ms));
    // Inside a customer's iframe the cookie is third-party: it needs SameSite=None, which
    // browsers accept only with Secure, and Partitioned keeps it to that one embedding site.
    if cross_site && secure {
        cookie.set_same_site(SameSite::None);
        cookie.set_partitioned(true);
    } else {
        cookie.set_same_site(SameSite::Lax);
    }
    cookie.set_secure(secure);
    cookie
}

/// Form posts that change something must come from our own pages. Browsers send `Origin` on
/// every form post; one that is missing or foreign is refused.
fn check_form_origin(state: &AppState, headers: &HeaderMap) -> Result<(), PageError> {
    match origin_header(headers) {
        Some(origin) if origin == state.settings.public_origin.as_str() => Ok(()),
        _ => Err(PageError::Forbidden),
    }
}

/// A reply posted from a page: its text, its files, and whom the files count against
/// (`uploader`, with how many uploads a window allows).
pub(super) struct PageReply<'a> {
    pub body: &'a str,
    pub files: Vec<crate::files::Incoming>,
    pub uploader: (String, i64),
}

/// Posts a user's reply and answers as a browser expects: a redirect to `then` on success, or
/// the ticket shown again by `render` with the field at fault, its reason and the text kept,
/// when the reply was empty or too long or a file was refused (422), or the ticket is closed
/// (409).
async fn post_reply(
    state: &AppState,
    (site, scope): (&Site, &UserScope),
    number: i64,
    reply: PageReply<'_>,
    then: &str,
    render: impl FnOnce(&Ticket, (&'static str, &str)) -> Page,
) -> Result<Response, PageError> {
    let now = state.clock.now_ms();
    let with_files = !reply.files.is_empty();
    let checked = fragments::check_text(
        site.t,
        reply.body,
        porthole_types::limits::MESSAGE_MAX_CHARS,
        !with_files,
    );
    let (status, field, reason) = match checked {
        Err(reason) => (StatusCode::UNPROCESSABLE_ENTITY, "body", reason),
        Ok(text) => match uploads::stage(state, site, scope, reply.uploader, reply.files).await? {
            Err((status, reason)) => (status, "files", reason),
            Ok(ids) => {
                match reply_to(state, scope, number, (&text.unwrap_or_default(), &ids)).await {
                    Ok(_) => return Ok(see_other(then, None)),
                    Err(porthole_core::CoreError::Conflict(..)) => (
                        StatusCode::CONFLICT,
                        "body",
                        site.t.widget.closed_note.to_owned(),
                    ),
                    Err(other) => return Err(other.into()),
                }
            }
        },
    };
    let ticket = porthole_core::tickets::open_as_customer(&state.store, scope, number, now).await?;
    Ok(render(&ticket, (field, &reason))
        .status(status)
        .into_response())
}

/// Posts the customer's reply as every surface does (`tickets::reply_as_customer`).
async fn reply_to(
    state: &AppState,
    scope: &UserScope,
    number: i64,
    (text, ids): (&str, &[String]),
) -> porthole_core::CoreResult<()> {
    let post = CustomerPost::checked(text, ids)?;
    let now = state.clock.now_ms();
    tickets::reply_as_customer(&state.store, scope, number, post, now).await
}

/// The friendly page for a form sent again under its id with other content: its id is its
/// idempotency key, so the store refuses it (a back button, an edit, a second submit).
pub(super) fn already_sent(site: &Site) -> Response {
    let t = site.t;
    site.page(
        t.page.already_sent_title,
        html! {
            h1.ph-heading { (t.page.already_sent_title) }
            p { (t.page.already_sent) }
        },
    )
    .status(StatusCode::CONFLICT)
    .into_response()
}

/// The friendly page for a used-up allowance, with `Retry-After`.
pub(super) fn rate_limited(site: &Site, wait_secs: i64) -> Response {
    let t = site.t;
    let minutes = (wait_secs + 59) / 60;
    site.page(
        t.page.rate_limited_title,
        html! {
            h1.ph-heading { (t.page.rate_limited_title) }
            p { (t.page.rate_limited.get(minutes)) }
        },
    )
    .status(StatusCode::TOO_MANY_REQUESTS)
    .retry_after(wait_secs)
    .into_response()
}

/// Why a page could not be shown. Rendered as a plain page with the right status.
#[derive(Debug)]
pub enum PageError {
    NotFound,
    BadRequest(String),
    Forbidden,
    Internal(anyhow::Error),
}

impl From<ApiError> for PageError {
    fn from(err: ApiError) -> Self {
        match err {
            ApiError::NotFound => PageError::NotFound,
            ApiError::Internal(e) => PageError::Internal(e),
            other => PageError::BadRequest(other.message()),
        }
    }
}

impl From<porthole_core::CoreError> for PageError {
    fn from(err: porthole_core::CoreError) -> Self {
        ApiError::from(err).into()
    }
}

impl From<crate::store::StoreError> for PageError {
    fn from(err: crate::store::StoreError) -> Self {
        ApiError::from(err).into()
    }
}

impl From<sqlx::Error> for PageError {
    fn from(err: sqlx::Error) -> Self {
        PageError::Internal(err.into())
    }
}

/// A page's refusal as shown to the visitor, kept on the response so that
/// [`in_the_visitors_language`] can say it again in their language.
#[derive(Debug, Clone)]
enum Refusal {
    NotFound,
    BadRequest(String),
    Forbidden,
    Failed,
}

impl Refusal {
    fn render(self, locale: Locale) -> Response {
        let t = &catalogue(locale).page;
        let (status, title, message) = match &self {
            Refusal::NotFound => (
                StatusCode::NOT_FOUND,
                t.not_found_title,
                t.not_found.to_owned(),
            ),
            Refusal::BadRequest(m) => (StatusCode::BAD_REQUEST, t.bad_request_title, m.clone()),
            Refusal::Forbidden => (
                StatusCode::FORBIDDEN,
                t.forbidden_title,
                t.forbidden.to_owned(),
            ),
            Refusal::Failed => (
                StatusCode::INTERNAL_SERVER_ERROR,
                t.error_title,
                t.error.to_owned(),
            ),
        };
        let chrome = Chrome::plain(locale);
        let body = html! { h1.ph-heading { (title) } p { (message) } };
        let markup = chrome.wrap(title, body);
        let mut response =
            (status, chrome.headers(Cache::NoStore), markup.into_string()).into_response();
        response.extensions_mut().insert(self);
        response
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let refusal = match self {
            PageError::NotFound => Refusal::NotFound,
            PageError::BadRequest(m) => Refusal::BadRequest(m),
            PageError::Forbidden => Refusal::Forbidden,
            PageError::Internal(err) => {
                tracing::error!(error = ?err, "page failed");
                Refusal::Failed
            }
        };
        refusal.render(Locale::En)
    }
}

/// Says a page's refusal in the visitor's language (`?locale=`, then `Accept-Language`): a
/// refusal is made where the workspace, and so its default language, may not be known, so it
/// is made in English and said again here.
async fn in_the_visitors_language(request: Request, next: Next) -> Response {
    let asked = request
        .uri()
        .query()
        .and_then(|q| q.split('&').find_map(|kv| kv.strip_prefix("locale=")))
        .map(str::to_owned);
    let locale = crate::i18n::resolve(asked.as_deref(), request.headers(), Locale::En);
    let response = next.run(request).await;
    match response.extensions().get::<Refusal>() {
        Some(refusal) if locale != Locale::En => refusal.clone().render(locale),
        _ => response,
    }
}

/// A url-encoded form whose rejections are pages, not JSON.
pub struct PageForm<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for PageForm<T> {
    type Rejection = PageError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        axum::Form::<T>::from_request(req, state)
            .await
            .map(|axum::Form(v)| PageForm(v))
            .map_err(|e: FormRejection| PageError::BadRequest(e.body_text()))
    }
}
