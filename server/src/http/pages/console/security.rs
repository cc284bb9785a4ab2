//! Two-step sign-in: an agent turns on codes from an authenticator app (RFC 6238), or off,
//! proving each time that they hold the app by giving a current code.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum_extra::extract::CookieJar;
use maud::html;
use serde::Deserialize;

use super::{page, signed_in};
use crate::http::pages::{check_form_origin, see_other, PageError, PageForm};
use crate::http::state::AppState;
use crate::store::AgentAccount;
use porthole_core::accounts::{csrf_matches, csrf_token, new_totp_secret, totp_link, totp_step};
use porthole_core::sign_in::AccountStore;

fn security_page(
    status: StatusCode,
    (agent, session): (&AgentAccount, &str),
    secret: &str,
    message: Option<&str>,
) -> Response {
    let csrf = csrf_token(session);
    page(
        status,
        "Security",
        html! {
            p { a.ph-link href="/console" { "← Back to the console" } }
            h1.ph-heading { "Two-step sign-in" }
            @if let Some(message) = message { p.ph-notice role="status" { (message) } }
            @if agent.totp_on {
                p { "On: signing in asks for a code from your authenticator app." }
                form.ph-form method="post" action="/console/security" {
                    input type="hidden" name="csrf" value=(csrf);
                    input type="hidden" name="action" value="off";
                    label.ph-label for="ph-code" { "A current code, to turn it off" }
                    input #ph-code .ph-input name="code" inputmode="numeric" autocomplete="one-time-code" required;
                    button.ph-button type="submit" { "Turn off" }
                }
            } @else {
                p { "Off. Add this key to an authenticator app (1Password, Google Authenticator, Aegis…), then enter the code it shows." }
                p { "Key: " code #ph-totp-secret { (secret) } }
                p { "Or open: " code { (totp_link(secret, "Porthole", &agent.email)) } }
                form.ph-form method="post" action="/console/security" {
                    input type="hidden" name="csrf" value=(csrf);
                    input type="hidden" name="action" value="on";
                    input type="hidden" name="secret" value=(secret);
                    label.ph-label for="ph-code" { "Code from the app" }
                    input #ph-code .ph-input name="code" inputmode="numeric" autocomplete="one-time-code" required;
                    button.ph-button.ph-button--primary type="submit" { "Turn on" }
                }
            }
            h2.ph-label { "Sessions" }
            form.ph-form method="post" action="/console/sign-out" {
                input type="hidden" name="csrf" value=(csrf);
                input type="hidden" name="everywhere" value="1";
                button.ph-button type="submit" { "Sign out everywhere" }
            }
        },
    )
}

pub(super) async fn show(
    State(state): State<AppState>,
    jar: CookieJar,
) -> Result<Response, PageError> {
    let Some((agent, session)) = signed_in(&state, &jar).await else {
        return Ok(see_other("/console/sign-in", None));
    };
    Ok(security_page(
        StatusCode::OK,
        (&agent, &session),
        &new_totp_secret(),
        None,
    ))
}

#[derive(Deserialize)]
pub(super) struct Change {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    action: String,
    #[serde(default)]
    secret: String,
    #[serde(default)]
    code: String,
}

pub(super) async fn change(
    State(state): State<AppState>,
    headers: HeaderMap,
    jar: CookieJar,
    PageForm(form): PageForm<Change>,
) -> Result<Response, PageError> {
    check_form_origin(&state, &headers)?;
    let Some((agent, session)) = signed_in(&state, &jar).await else {
        return Ok(see_other("/console/sign-in", None));
    };
    if !csrf_matches(&session, &form.csrf) {
        return Err(PageError::Forbidden);
    }
    let now = state.clock.now_ms();
    let store = &state.store;
    match form.action.as_str() {
        "on" if !agent.totp_on => {
            if totp_step(&form.secret, &form.code, now).is_none() {
                let page = security_page(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    (&agent, &session),
                    &form.secret,
                    Some("That code does not match the key. Check the app's clock and try the next code."),
                );
                return Ok(page);
            }
            store.set_totp(agent.id, Some(&form.secret)).await?;
            tracing::info!(agent = agent.id, "two-step sign-in turned on");
        }
        "off" if agent.totp_on => {
            let secret = store
                .sign_in_record(&agent.slug, &agent.email)
                .await?
                .and_then(|r| r.totp_secret)
                .unwrap_or_default();
            if totp_step(&secret, &form.code, now).is_none() {
                let page = security_page(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    (&agent, &session),
                    "",
                    Some("That code does not match. It stays on."),
                );
                return Ok(page);
            }
            store.set_totp(agent.id, None).await?;
            tracing::info!(agent = agent.id, "two-step sign-in turned off");
        }
        _ => {}
    }
    Ok(see_other("/console/security", None))
}
