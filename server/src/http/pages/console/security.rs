//! The two-step sign-in page: the key to add to an authenticator app, and the forms that turn
//! codes on or off (`porthole_core::two_step` decides).

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum_extra::extract::CookieJar;
use maud::html;
use serde::Deserialize;

use super::{language, page, signed_in};
use crate::http::pages::{check_form_origin, see_other, PageError, PageForm};
use crate::http::state::AppState;
use crate::store::AgentAccount;
use porthole_core::accounts::{csrf_matches, csrf_token, new_totp_secret, totp_link};
use porthole_core::two_step::{self, TwoStep};
use porthole_text::console;
use porthole_types::Locale;

fn security_page(
    (locale, status): (Locale, StatusCode),
    (agent, session): (&AgentAccount, &str),
    secret: &str,
    message: Option<&str>,
) -> Response {
    let csrf = csrf_token(session);
    let w = console(locale);
    page(
        locale,
        status,
        w.security,
        html! {
            p { a.ph-link href="/console" { (w.back_to_console) } }
            h1.ph-heading { (w.two_step) }
            @if let Some(message) = message { p.ph-notice role="status" { (message) } }
            @if agent.totp_on {
                p { (w.two_step_on) }
                form.ph-form method="post" action="/console/security" {
                    input type="hidden" name="csrf" value=(csrf);
                    input type="hidden" name="action" value="off";
                    label.ph-label for="ph-code" { (w.code_to_turn_off) }
                    input #ph-code .ph-input name="code" inputmode="numeric" autocomplete="one-time-code" required;
                    button.ph-button type="submit" { (w.turn_off) }
                }
            } @else {
                p { (w.two_step_off) }
                p { (w.key) " " code #ph-totp-secret { (secret) } }
                p { (w.or_open) " " code { (totp_link(secret, "Porthole", &agent.email)) } }
                form.ph-form method="post" action="/console/security" {
                    input type="hidden" name="csrf" value=(csrf);
                    input type="hidden" name="action" value="on";
                    input type="hidden" name="secret" value=(secret);
                    label.ph-label for="ph-code" { (w.code_from_app) }
                    input #ph-code .ph-input name="code" inputmode="numeric" autocomplete="one-time-code" required;
                    button.ph-button.ph-button--primary type="submit" { (w.turn_on) }
                }
            }
            h2.ph-label { (w.sessions) }
            form.ph-form method="post" action="/console/sign-out" {
                input type="hidden" name="csrf" value=(csrf);
                input type="hidden" name="everywhere" value="1";
                button.ph-button type="submit" { (w.sign_out_everywhere) }
            }
        },
    )
}

pub(super) async fn show(
    State(state): State<AppState>,
    headers: HeaderMap,
    jar: CookieJar,
) -> Result<Response, PageError> {
    let Some((agent, session)) = signed_in(&state, &jar).await else {
        return Ok(see_other("/console/sign-in", None));
    };
    Ok(security_page(
        (language(&headers, Some(&agent)).0, StatusCode::OK),
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
    let (locale, w) = language(&headers, Some(&agent));
    let refused = (locale, StatusCode::UNPROCESSABLE_ENTITY);
    match form.action.as_str() {
        "on" if !agent.totp_on => {
            let given = (&form.secret[..], &form.code[..]);
            if two_step::turn_on(store, agent.id, given, now).await? == TwoStep::WrongCode {
                let mismatch = Some(w.code_mismatch_on);
                let page = security_page(refused, (&agent, &session), &form.secret, mismatch);
                return Ok(page);
            }
            tracing::info!(agent = agent.id, "two-step sign-in turned on");
        }
        "off" if agent.totp_on => {
            let whose = (&agent.slug[..], &agent.email[..], agent.id);
            if two_step::turn_off(store, whose, &form.code, now).await? == TwoStep::WrongCode {
                let mismatch = Some(w.code_mismatch_off);
                let page = security_page(refused, (&agent, &session), "", mismatch);
                return Ok(page);
            }
            tracing::info!(agent = agent.id, "two-step sign-in turned off");
        }
        _ => {}
    }
    Ok(see_other("/console/security", None))
}
