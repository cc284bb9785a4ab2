//! Signing in to the console and out of it. How guessing is slowed, and why every refusal
//! reads the same, is the core's (`porthole_core::sign_in`).

use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum_extra::extract::CookieJar;
use maud::html;
use secrecy::ExposeSecret;
use serde::Deserialize;

use super::{console_cookie, language, page, signed_in, SESSION_TTL_MS};
use crate::http::listener::Peer;
use crate::http::pages::portal::client;
use crate::http::pages::{check_form_origin, see_other, PageError, PageForm};
use crate::http::state::AppState;
use porthole_core::accounts::csrf_matches;
use porthole_core::hash_token;
use porthole_core::sign_in::{sign_in, Credentials, SignIn};
use porthole_types::Locale;

#[derive(Deserialize, Default)]
pub(super) struct SignInForm {
    #[serde(default)]
    workspace: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    /// The authenticator app's code, for agents who turned it on.
    #[serde(default)]
    code: String,
}

fn sign_in_page(
    locale: Locale,
    status: StatusCode,
    form: &SignInForm,
    error: Option<&str>,
) -> Response {
    let w = porthole_text::console(locale);
    let email = porthole_text::catalogue(locale).page.email;
    page(
        locale,
        status,
        w.sign_in_title,
        html! {
            h1.ph-heading { (w.sign_in_heading) }
            @if let Some(error) = error {
                p.ph-error role="alert" id="ph-sign-in-error" { (error) }
            }
            form.ph-form method="post" action="/console/sign-in" {
                label.ph-label for="ph-workspace" { (w.workspace) }
                input #ph-workspace .ph-input name="workspace" required autocomplete="organization"
                    value=(form.workspace);
                label.ph-label for="ph-email" { (email) }
                input #ph-email .ph-input type="email" name="email" required autocomplete="username"
                    value=(form.email);
                label.ph-label for="ph-password" { (w.password) }
                input #ph-password .ph-input type="password" name="password" required
                    autocomplete="current-password";
                label.ph-label for="ph-code" { (w.code_label) }
                input #ph-code .ph-input name="code" inputmode="numeric" autocomplete="one-time-code"
                    pattern="[0-9 ]*" maxlength="8";
                button.ph-button.ph-button--primary type="submit" { (w.sign_in) }
            }
            p { (w.new_to_team) }
        },
    )
}

#[derive(Deserialize)]
pub(super) struct Prefill {
    workspace: Option<String>,
}

pub(super) async fn form(
    State(state): State<AppState>,
    headers: HeaderMap,
    jar: CookieJar,
    axum::extract::Query(prefill): axum::extract::Query<Prefill>,
) -> Response {
    if signed_in(&state, &jar).await.is_some() {
        return see_other("/console", None);
    }
    let form = SignInForm {
        workspace: prefill.workspace.unwrap_or_default(),
        ..SignInForm::default()
    };
    sign_in_page(language(&headers, None).0, StatusCode::OK, &form, None)
}

pub(super) async fn submit(
    State(state): State<AppState>,
    ConnectInfo(Peer(peer)): ConnectInfo<Peer>,
    headers: HeaderMap,
    PageForm(form): PageForm<SignInForm>,
) -> Result<Response, PageError> {
    check_form_origin(&state, &headers)?;
    let client = format!("console:{}", client(&state, peer, &headers));
    let given = Credentials {
        workspace: &form.workspace,
        email: &form.email,
        password: &form.password,
        code: &form.code,
    };
    let now = state.clock.now_ms();
    let signed = sign_in(&state.store, &client, given, now, SESSION_TTL_MS).await?;
    let (locale, w) = language(&headers, None);
    let refusal = match signed {
        SignIn::Session { agent_id, token } => {
            tracing::info!(agent = agent_id, "console sign-in");
            let value = token.secret.expose_secret().to_owned();
            let cookie = console_cookie(&state, value, SESSION_TTL_MS);
            return Ok(see_other("/console", Some(cookie)));
        }
        SignIn::TooManyAttempts => (StatusCode::TOO_MANY_REQUESTS, w.too_many_attempts),
        SignIn::Refused { agent_id, why } => {
            if let Some(agent) = agent_id {
                tracing::warn!(agent, %why, "console sign-in refused");
            }
            // It names the pause, so an agent who hit it knows to wait.
            (StatusCode::UNAUTHORIZED, w.refused)
        }
        SignIn::CodeUsed => (StatusCode::UNAUTHORIZED, w.code_used),
    };
    Ok(sign_in_page(locale, refusal.0, &form, Some(refusal.1)))
}

#[derive(Deserialize)]
pub(super) struct SignOutForm {
    #[serde(default)]
    csrf: String,
    /// Every session of the agent's, on every device.
    #[serde(default)]
    everywhere: Option<String>,
}

/// Ends the session (or all of the agent's) on the server; the cookie goes too.
pub(super) async fn sign_out(
    State(state): State<AppState>,
    headers: HeaderMap,
    jar: CookieJar,
    PageForm(form): PageForm<SignOutForm>,
) -> Result<Response, PageError> {
    check_form_origin(&state, &headers)?;
    let Some(token) = jar
        .get(crate::http::auth::CONSOLE_COOKIE)
        .map(|c| c.value().to_owned())
    else {
        return Ok(see_other("/console/sign-in", None));
    };
    if !csrf_matches(&token, &form.csrf) {
        return Err(PageError::Forbidden);
    }
    let everywhere = form.everywhere.is_some();
    porthole_core::sign_in::sign_out(&state.store, &hash_token(&token), everywhere).await?;
    let gone = console_cookie(&state, String::new(), 0);
    Ok(see_other("/console/sign-in", Some(gone)))
}
