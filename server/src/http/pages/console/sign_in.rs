//! Signing in to the console and out of it.
//!
//! Guessing is slowed three ways: every attempt checks an Argon2id hash (an unknown address
//! checks a decoy, so it takes as long); five failures in a row lock the account for 15
//! minutes; and one client address gets 20 attempts in 10 minutes. Every refusal but the
//! client's reads the same, so none of them tells an agent's address from a stranger's.

use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum_extra::extract::CookieJar;
use maud::html;
use secrecy::ExposeSecret;
use serde::Deserialize;

use super::{console_cookie, page, signed_in, SESSION_TTL_MS};
use crate::accounts::{csrf_matches, totp_step, verify_password};
use crate::http::listener::Peer;
use crate::http::pages::portal::client;
use crate::http::pages::{check_form_origin, see_other, PageError, PageForm};
use crate::http::state::AppState;
use porthole_core::{hash_token, normalise_email};

/// Attempts one client address may make in `WINDOW_MS`.
const ATTEMPTS_PER_WINDOW: i64 = 20;
const WINDOW_MS: i64 = 10 * 60 * 1000;

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

fn sign_in_page(status: StatusCode, form: &SignInForm, error: Option<&str>) -> Response {
    page(
        status,
        "Sign in",
        html! {
            h1.ph-heading { "Sign in to the console" }
            @if let Some(error) = error {
                p.ph-error role="alert" id="ph-sign-in-error" { (error) }
            }
            form.ph-form method="post" action="/console/sign-in" {
                label.ph-label for="ph-workspace" { "Workspace" }
                input #ph-workspace .ph-input name="workspace" required autocomplete="organization"
                    value=(form.workspace);
                label.ph-label for="ph-email" { "Email" }
                input #ph-email .ph-input type="email" name="email" required autocomplete="username"
                    value=(form.email);
                label.ph-label for="ph-password" { "Password" }
                input #ph-password .ph-input type="password" name="password" required
                    autocomplete="current-password";
                label.ph-label for="ph-code" { "Code from your authenticator app (if you turned it on)" }
                input #ph-code .ph-input name="code" inputmode="numeric" autocomplete="one-time-code"
                    pattern="[0-9 ]*" maxlength="8";
                button.ph-button.ph-button--primary type="submit" { "Sign in" }
            }
            p { "New to the team? Open the invitation link an admin gave you, by email or otherwise, to set your password." }
        },
    )
}

#[derive(Deserialize)]
pub(super) struct Prefill {
    workspace: Option<String>,
}

pub(super) async fn form(
    State(state): State<AppState>,
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
    sign_in_page(StatusCode::OK, &form, None)
}

pub(super) async fn submit(
    State(state): State<AppState>,
    ConnectInfo(Peer(peer)): ConnectInfo<Peer>,
    headers: HeaderMap,
    PageForm(form): PageForm<SignInForm>,
) -> Result<Response, PageError> {
    check_form_origin(&state, &headers)?;
    let now = state.clock.now_ms();
    let store = &state.store;
    let client = format!("console:{}", client(&state, peer, &headers));
    let attempts = store
        .count_sign_in_attempt(&client, now - WINDOW_MS, now)
        .await?;
    if attempts > ATTEMPTS_PER_WINDOW {
        let page = sign_in_page(
            StatusCode::TOO_MANY_REQUESTS,
            &form,
            Some("Too many sign-in attempts from here. Wait ten minutes and try again."),
        );
        return Ok(page);
    }
    // One answer for an unknown address, a wrong password, a missing or wrong code and a
    // paused account, so no answer tells which addresses are agents or that a password was
    // right. It names the pause, so an agent who hit it knows to wait.
    let wrong = |form: &SignInForm| {
        Ok(sign_in_page(
            StatusCode::UNAUTHORIZED,
            form,
            Some(
                "Those details do not match an agent. Check the workspace, email, password and, \
                 if you turned it on, the code from your authenticator app. After five failed \
                 attempts, sign-in to an account pauses for 15 minutes.",
            ),
        ))
    };
    let email = normalise_email(&form.email);
    let record = store.sign_in_record(form.workspace.trim(), &email).await?;
    // The hash is checked before anything else is looked at, found or not, locked or not.
    let password_ok = verify_password(
        &form.password,
        record.as_ref().and_then(|r| r.password_hash.as_deref()),
    );
    let Some(record) = record.filter(|r| r.password_hash.is_some()) else {
        return wrong(&form);
    };
    if record.locked_until.is_some_and(|until| until > now) {
        tracing::warn!(agent = record.id, "console sign-in refused: locked");
        return wrong(&form);
    }
    let step = match (&record.totp_secret, password_ok) {
        (_, false) => None,
        (None, true) => Some(None),
        (Some(secret), true) => totp_step(secret, &form.code, now).map(Some),
    };
    let Some(step) = step else {
        store.sign_in_failed(record.id, now).await?;
        tracing::warn!(agent = record.id, "console sign-in failed");
        return wrong(&form);
    };
    let Some(token) = store.sign_in(record.id, step, now, SESSION_TTL_MS).await? else {
        return Ok(sign_in_page(
            StatusCode::UNAUTHORIZED,
            &form,
            Some("That code was used already. Wait for the next one."),
        ));
    };
    tracing::info!(agent = record.id, "console sign-in");
    let cookie = console_cookie(
        &state,
        token.secret.expose_secret().to_owned(),
        SESSION_TTL_MS,
    );
    Ok(see_other("/console", Some(cookie)))
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
    state
        .store
        .sign_out(&hash_token(&token), form.everywhere.is_some())
        .await?;
    let gone = console_cookie(&state, String::new(), 0);
    Ok(see_other("/console/sign-in", Some(gone)))
}
