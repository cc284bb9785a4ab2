//! The demo host site: what a customer's own web app does to embed Porthole. It logs a user
//! in, signs their email on the server (timestamped, the safer form), and serves its pages
//! under a strict CSP that allows the Porthole origin and nothing else.

use axum::extract::State;
use axum::http::header::{CONTENT_SECURITY_POLICY, COOKIE, LOCATION, SET_COOKIE};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;

use super::demo::SLUG;
use crate::clock::Clock;
use crate::store::Store;
use porthole_core::{new_secret, Origin};

/// The two demo users: (login name, full name, email).
const USERS: [(&str, &str, &str); 2] = [
    ("alice", "Alice Martin", "alice@example.com"),
    ("bob", "Bob Chen", "bob@example.com"),
];

#[derive(Clone)]
struct Site {
    store: Store,
    clock: Clock,
    porthole: Origin,
}

pub fn router(store: Store, clock: Clock, porthole: Origin) -> Router {
    Router::new()
        .route("/", get(home))
        .route("/portal", get(portal))
        .route("/iframe", get(iframe))
        .route("/login", post(login))
        .route("/logout", post(logout))
        .with_state(Site {
            store,
            clock,
            porthole,
        })
}

fn signed_in(headers: &HeaderMap) -> Option<(&'static str, &'static str, &'static str)> {
    let cookies = headers.get(COOKIE)?.to_str().ok()?;
    let user = cookies
        .split(';')
        .find_map(|c| c.trim().strip_prefix("demo_user="))?;
    USERS.into_iter().find(|(login, ..)| *login == user)
}

/// A JSON literal that is also safe inside a `<script>` element.
fn js(value: &str) -> String {
    serde_json::to_string(value)
        .unwrap_or_default()
        .replace("</", "<\\/")
}

/// Which way this page embeds Porthole.
#[derive(Clone, Copy, PartialEq)]
enum Embed {
    Launcher,
    FullPage,
    /// The signed iframe: no script at all, the URL signed here on the server.
    SignedIframe,
}

/// The page shell with the one-line stub, the loader, and a CSP admitting only Porthole and
/// this page's own nonce.
async fn page(site: &Site, headers: &HeaderMap, embed: Embed) -> Response {
    let nonce = secrecy::ExposeSecret::expose_secret(&new_secret("")).to_owned();
    let porthole = site.porthole.as_str();
    let body = match signed_in(headers) {
        None => LOGIN.to_owned(),
        Some((_, name, email)) => {
            let ws = match site.store.workspace_by_slug(SLUG).await {
                Ok(Some(ws)) => ws,
                _ => return StatusCode::SERVICE_UNAVAILABLE.into_response(),
            };
            let now = site.clock.now_ms();
            let hash = ws.sign(email, Some(now));
            let markup = match embed {
                Embed::FullPage => {
                    r#"<iframe id="porthole_help_center" title="Support"></iframe>"#.to_owned()
                }
                Embed::Launcher => {
                    r#"<p>The support button is in the corner. <span id="unread"></span></p>"#
                        .to_owned()
                }
                Embed::SignedIframe => {
                    let hmac = ws.sign(email, Some(now));
                    let src = format!(
                        "{porthole}/embed/{SLUG}/tickets?email={}&ts={now}&hmac={hmac}&nickname={}",
                        email.replace('@', "%40"),
                        name.replace(' ', "%20"),
                    );
                    format!(
                        r#"<iframe id="signed-tickets" title="Your tickets" src="{src}" referrerpolicy="origin" sandbox="allow-forms allow-popups allow-scripts allow-same-origin"></iframe>"#
                    )
                }
            };
            format!(
                r#"<header><b>Demo app</b> · signed in as {name} ({email})
<nav><a href="/">Dashboard</a> · <a href="/portal">Full-page support</a> · <a href="/iframe">Signed iframe</a> · <a href="{porthole}/p/{SLUG}">Public support site</a></nav>
<form id="logout" method="post" action="/logout"><button>Log out</button></form></header>
<main><h1>{title}</h1>{markup}</main>
<script nonce="{nonce}">
$porthole.helpCenter("init", {{ user: {{ name: {jname}, email: {jemail}, verificationHash: "{hash}", timestamp: {now} }} }});
$porthole.helpCenter("on", "unread", function (n) {{ document.getElementById("unread") && (document.getElementById("unread").textContent = n ? n + " unread reply" : ""); }});
document.getElementById("logout").addEventListener("submit", function (e) {{
  e.preventDefault();
  Promise.resolve($porthole.helpCenter("stop")).then(function () {{ e.target.submit(); }});
}});
</script>"#,
                title = if embed == Embed::Launcher {
                    "Dashboard"
                } else {
                    "Support"
                },
                jname = js(name),
                jemail = js(email),
            )
        }
    };
    let html = format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>Demo app</title>
<script nonce="{nonce}">window.$porthole||(window.$porthole={{q:[],helpCenter:function(){{$porthole.q.push(arguments)}}}});</script>
<script src="{porthole}/loader.js" data-workspace="{SLUG}" async></script>
<style nonce="{nonce}">body{{font:16px system-ui,sans-serif;margin:0}}header{{display:flex;gap:16px;align-items:center;padding:12px 20px;background:#0f172a;color:#fff}}header a{{color:#93c5fd}}main{{padding:20px}}#porthole_help_center,#signed-tickets{{width:100%;height:75vh;border:1px solid #ccc;border-radius:8px}}</style>
</head><body>{body}</body></html>"#
    );
    let csp = format!(
        "default-src 'none'; script-src {porthole} 'nonce-{nonce}'; connect-src {porthole}; \
         frame-src {porthole}; style-src 'nonce-{nonce}'; form-action 'self'; base-uri 'none'; \
         frame-ancestors 'none'"
    );
    let mut response = Html(html).into_response();
    if let Ok(csp) = HeaderValue::from_str(&csp) {
        response.headers_mut().insert(CONTENT_SECURITY_POLICY, csp);
    }
    response
}

const LOGIN: &str = r#"<main><h1>Demo app</h1><p>Log in as one of two demo users:</p>
<form method="post" action="/login"><button name="user" value="alice">Log in as Alice</button>
<button name="user" value="bob">Log in as Bob</button></form></main>"#;

async fn home(State(site): State<Site>, headers: HeaderMap) -> Response {
    page(&site, &headers, Embed::Launcher).await
}

async fn portal(State(site): State<Site>, headers: HeaderMap) -> Response {
    page(&site, &headers, Embed::FullPage).await
}

async fn iframe(State(site): State<Site>, headers: HeaderMap) -> Response {
    page(&site, &headers, Embed::SignedIframe).await
}

#[derive(Deserialize)]
struct LoginForm {
    user: String,
}

fn redirect_home(cookie: &str) -> Response {
    let mut headers = HeaderMap::new();
    headers.insert(LOCATION, HeaderValue::from_static("/"));
    if let Ok(cookie) = HeaderValue::from_str(cookie) {
        headers.insert(SET_COOKIE, cookie);
    }
    (StatusCode::SEE_OTHER, headers).into_response()
}

async fn login(Form(form): Form<LoginForm>) -> Response {
    match USERS.iter().find(|(login, ..)| *login == form.user) {
        Some((login, ..)) => redirect_home(&format!(
            "demo_user={login}; Path=/; HttpOnly; SameSite=Lax"
        )),
        None => StatusCode::BAD_REQUEST.into_response(),
    }
}

async fn logout() -> Response {
    redirect_home("demo_user=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax")
}
