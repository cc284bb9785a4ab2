//! Server-rendered pages: the public portal (`/p/{slug}`) and the signed iframe
//! (`/embed/{slug}`). They carry no JavaScript at all, so they work where scripts do not, load
//! in a few kilobytes, and their CSP can forbid every script.

mod embed;
mod fragments;
mod portal;
mod text;

use axum::extract::rejection::FormRejection;
use axum::extract::{FromRequest, Request};
use axum::http::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE, LOCATION};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Router;
use axum_extra::extract::cookie::{Cookie, SameSite};
use maud::{html, Markup, DOCTYPE};
use serde::de::DeserializeOwned;

use crate::assets;
use crate::auth::origin_header;
use crate::domain::bounded_text;
use crate::error::ApiError;
use crate::routes::frame_ancestors;
use crate::state::AppState;
use crate::store::{UserScope, Workspace};
use porthole_types::{limits, Ticket};

pub fn routes() -> Router<AppState> {
    portal::routes().merge(embed::routes())
}

/// How a page may be cached.
#[derive(Clone, Copy)]
enum Cache {
    /// Anything personal or one-off.
    NoStore,
    /// Token-bound views: short enough that an agent reply shows within 10 s of a refresh,
    /// long enough to absorb a double refresh.
    Private,
}

/// A complete page: the workspace's brand, the body, and headers that forbid every script and
/// allow framing only by the workspace's origins.
struct Page {
    status: StatusCode,
    title: String,
    brand: String,
    body: Markup,
    framers: Vec<String>,
    cache: Cache,
    retry_after: Option<i64>,
}

impl Page {
    fn new(
        workspace: &Workspace,
        framers: Vec<String>,
        title: impl Into<String>,
        body: Markup,
    ) -> Self {
        Self {
            status: StatusCode::OK,
            title: title.into(),
            brand: workspace.name.clone(),
            body,
            framers,
            cache: Cache::NoStore,
            retry_after: None,
        }
    }

    fn status(mut self, status: StatusCode) -> Self {
        self.status = status;
        self
    }

    fn cache(mut self, cache: Cache) -> Self {
        self.cache = cache;
        self
    }
}

fn shell(title: &str, brand: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width,initial-scale=1";
                title { (title) " · " (brand) }
                @if let Some(css) = assets::served_name("widget.css") {
                    link rel="stylesheet" href={ "/assets/" (css) };
                }
            }
            body.ph-site {
                header.ph-header { span.ph-title { (brand) " " (text::SUPPORT) } }
                main.ph-page { (body) }
                footer.ph-footer { (text::POWERED_BY) }
            }
        }
    }
}

fn page_headers(framers: &[String], cache: Cache) -> HeaderMap {
    let csp = format!(
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; \
         base-uri 'none'; {}",
        frame_ancestors(framers)
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
    headers.insert(
        "x-content-type-options",
        HeaderValue::from_static("nosniff"),
    );
    headers
}

impl IntoResponse for Page {
    fn into_response(self) -> Response {
        let mut headers = page_headers(&self.framers, self.cache);
        if let Some(secs) = self.retry_after {
            headers.insert("retry-after", HeaderValue::from(secs));
        }
        let markup = shell(&self.title, &self.brand, self.body);
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

/// Posts a user's reply and answers as a browser expects: a redirect to `then` on success, or
/// the ticket shown again by `render` with the reason and the text kept, when the reply was
/// empty or too long (422) or the ticket is closed (409).
async fn post_reply(
    state: &AppState,
    scope: &UserScope,
    number: i64,
    body: &str,
    then: &str,
    render: impl FnOnce(&Ticket, &str) -> Page,
) -> Result<Response, PageError> {
    let now = state.clock.now_ms();
    let result = match bounded_text("body", body, limits::MESSAGE_MAX_CHARS) {
        Ok(text) => state
            .store
            .user_reply(scope, number, &text, now)
            .await
            .map(drop),
        Err(err) => Err(err),
    };
    let err = match result {
        Ok(()) => return Ok(see_other(then, None)),
        Err(err) => err,
    };
    let status = match err {
        ApiError::InvalidField { .. } => StatusCode::UNPROCESSABLE_ENTITY,
        ApiError::Conflict(..) => StatusCode::CONFLICT,
        other => return Err(other.into()),
    };
    let ticket = state.store.open_user_ticket(scope, number, now).await?;
    Ok(render(&ticket, &err.message())
        .status(status)
        .into_response())
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

impl From<sqlx::Error> for PageError {
    fn from(err: sqlx::Error) -> Self {
        PageError::Internal(err.into())
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let (status, title, message) = match self {
            PageError::NotFound => (
                StatusCode::NOT_FOUND,
                text::NOT_FOUND_TITLE,
                text::NOT_FOUND.to_owned(),
            ),
            PageError::BadRequest(m) => (StatusCode::BAD_REQUEST, text::BAD_REQUEST_TITLE, m),
            PageError::Forbidden => (
                StatusCode::FORBIDDEN,
                text::FORBIDDEN_TITLE,
                text::FORBIDDEN.to_owned(),
            ),
            PageError::Internal(err) => {
                tracing::error!(error = ?err, "page failed");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    text::ERROR_TITLE,
                    text::ERROR.to_owned(),
                )
            }
        };
        let body = html! { h1.ph-heading { (title) } p { (message) } };
        let markup = shell(title, "Porthole", body);
        (
            status,
            page_headers(&[], Cache::NoStore),
            markup.into_string(),
        )
            .into_response()
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
