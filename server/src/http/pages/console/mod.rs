//! The console's pages: signing in and out, accepting an invitation, the second factor, and
//! the shell that loads the console app (its own wasm bundle, never the widget's).
//!
//! They speak the language the agent chose, else their browser's (English, French, German or
//! Spanish), and the shell names it in `<html lang>`, for the app to speak it too.

mod invitation;
mod security;
mod sign_in;

use axum::http::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use axum_extra::extract::cookie::{Cookie, SameSite};
use axum_extra::extract::CookieJar;
use maud::{html, Markup, DOCTYPE};

use super::{Cache, Chrome};
use crate::http::assets;
use crate::http::auth::CONSOLE_COOKIE;
use crate::http::state::AppState;
use crate::store::AgentAccount;
use porthole_core::accounts::csrf_token;
use porthole_core::hash_token;
use porthole_text::{console, ConsoleTexts};
use porthole_types::Locale;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/console", get(app))
        // The address as people often type it.
        .route(
            "/console/",
            get(|| async { super::see_other("/console", None) }),
        )
        .route("/console/sign-in", get(sign_in::form).post(sign_in::submit))
        .route("/console/sign-out", post(sign_in::sign_out))
        .route(
            "/console/invitation",
            get(invitation::form).post(invitation::accept),
        )
        .route(
            "/console/security",
            get(security::show).post(security::change),
        )
}

/// How long a console session lasts: a working day and then some.
pub const SESSION_TTL_MS: i64 = 12 * 3_600_000;

/// The signed-in agent, and their session's token (for its CSRF token), if any.
async fn signed_in(state: &AppState, jar: &CookieJar) -> Option<(AgentAccount, String)> {
    let token = jar.get(CONSOLE_COOKIE)?.value().to_owned();
    let agent = state
        .store
        .console_session(&hash_token(&token), state.clock.now_ms())
        .await
        .ok()??;
    Some((agent, token))
}

/// The console's cookie: no script reads it, no other site's request carries it.
fn console_cookie(state: &AppState, value: String, max_age_ms: i64) -> Cookie<'static> {
    let mut cookie = Cookie::new(CONSOLE_COOKIE, value);
    cookie.set_path("/");
    cookie.set_http_only(true);
    cookie.set_same_site(SameSite::Strict);
    cookie.set_secure(state.settings.secure_cookies());
    cookie.set_max_age(time::Duration::milliseconds(max_age_ms));
    cookie
}

/// The language the console speaks to an agent: the one they chose in their profile, else
/// their browser's best one Porthole speaks, else English; and its words.
fn language(headers: &HeaderMap, agent: Option<&AgentAccount>) -> (Locale, &'static ConsoleTexts) {
    let chosen = agent
        .and_then(|a| a.locale.as_deref())
        .and_then(Locale::parse);
    let locale = chosen.unwrap_or_else(|| crate::i18n::resolve(None, headers, Locale::En));
    (locale, console(locale))
}

/// A plain Porthole page (no workspace brand, no script).
fn page(locale: Locale, status: StatusCode, title: &str, body: Markup) -> Response {
    let chrome = Chrome::plain(locale);
    let markup = chrome.wrap(title, body);
    (status, chrome.headers(Cache::NoStore), markup.into_string()).into_response()
}

/// The app: a shell that loads the console bundle, with the session's CSRF token for its
/// requests. Without a session, the sign-in page.
async fn app(
    axum::extract::State(state): axum::extract::State<AppState>,
    headers: HeaderMap,
    jar: CookieJar,
) -> Response {
    let Some((agent, token)) = signed_in(&state, &jar).await else {
        return super::see_other("/console/sign-in", None);
    };
    let (locale, w) = language(&headers, Some(&agent));
    let (Some(script), Some(style)) = (
        assets::served_name("porthole_console.js"),
        assets::served_name("console.css"),
    ) else {
        return page(
            locale,
            StatusCode::SERVICE_UNAVAILABLE,
            w.not_built_title,
            html! { h1.ph-heading { (w.not_built_title) } p { (w.not_built) } },
        );
    };
    let markup = html! {
        (DOCTYPE)
        html lang=(locale.as_str()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width,initial-scale=1";
                meta name="ph-csrf" content=(csrf_token(&token));
                meta name="ph-agent" content=(agent.name);
                meta name="ph-email" content=(agent.email);
                meta name="ph-role" content=(agent.role);
                meta name="ph-workspace" content=(agent.slug);
                title { (w.title) " · Porthole" }
                link rel="stylesheet" href={ "/assets/" (style) };
                script type="module" src={ "/assets/" (script) } {}
            }
            body.pc-body {
                div #console aria-busy="true" { p.pc-loading { (w.loading_console) } }
                noscript { p { (w.needs_js) } }
            }
        }
    };
    let mut headers = HeaderMap::new();
    headers.insert(
        axum::http::header::VARY,
        HeaderValue::from_static("accept-language"),
    );
    headers.insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    // Scripts from here only (wasm needs 'wasm-unsafe-eval'), requests to here only, never
    // framed: a console in someone's iframe could be clickjacked.
    headers.insert(
        CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; \
             style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; \
             frame-ancestors 'none'",
        ),
    );
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert("referrer-policy", HeaderValue::from_static("same-origin"));
    (headers, markup.into_string()).into_response()
}
