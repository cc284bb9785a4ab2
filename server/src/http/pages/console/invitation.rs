//! Accepting an invitation: the link's token becomes a short-lived cookie at once (a token
//! must not stay in a URL, where history and logs keep it), then the agent sets a password
//! and is signed in.

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum_extra::extract::cookie::{Cookie, SameSite};
use axum_extra::extract::CookieJar;
use maud::html;
use secrecy::ExposeSecret;
use serde::Deserialize;

use super::{console_cookie, language, page, SESSION_TTL_MS};
use crate::http::pages::{check_form_origin, see_other, PageError, PageForm};
use crate::http::state::AppState;
use crate::store::AgentAccount;
use porthole_core::accounts::{PasswordRefusal, PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS};
use porthole_core::hash_token;
use porthole_core::sign_in::{join, Joined};
use porthole_text::{around, console, fill, fill_in};
use porthole_types::Locale;

const INVITE_COOKIE: &str = "ph_invite";
const INVITE_PATH: &str = "/console/invitation";

#[derive(Deserialize)]
pub(super) struct Link {
    t: Option<String>,
}

fn gone(locale: Locale) -> Response {
    let w = console(locale);
    page(
        locale,
        StatusCode::NOT_FOUND,
        w.invitation_gone_title,
        html! {
            h1.ph-heading { (w.invitation_gone_heading) }
            p { (w.invitation_gone) }
        },
    )
}

/// Why the password was not taken, in the agent's words.
fn refusal(locale: Locale, refusal: PasswordRefusal) -> String {
    let w = console(locale);
    match refusal {
        PasswordRefusal::TooShort => fill(w.password_too_short, PASSWORD_MIN_CHARS),
        PasswordRefusal::TooLong => fill(w.password_too_long, PASSWORD_MAX_CHARS),
        PasswordRefusal::IsEmail => w.password_is_email.to_owned(),
        PasswordRefusal::NotTheSame => w.passwords_differ.to_owned(),
    }
}

fn password_page(
    locale: Locale,
    status: StatusCode,
    agent: &AgentAccount,
    error: Option<&str>,
) -> Response {
    let w = console(locale);
    let heading = fill_in(w.join_heading, &[("workspace", &agent.slug)]);
    let invited = fill_in(w.invited_as, &[("role", &w.role(&agent.role))]);
    let (before, after) = around(&invited, "email");
    page(
        locale,
        status,
        w.join_title,
        html! {
            h1.ph-heading { (heading) }
            p { (before) strong { (agent.email) } (after) }
            @if let Some(error) = error { p.ph-error role="alert" { (error) } }
            form.ph-form method="post" action=(INVITE_PATH) {
                input type="hidden" name="email" autocomplete="username" value=(agent.email);
                label.ph-label for="ph-password" { (fill(w.new_password, PASSWORD_MIN_CHARS)) }
                input #ph-password .ph-input type="password" name="password" required
                    minlength=(PASSWORD_MIN_CHARS) maxlength=(PASSWORD_MAX_CHARS)
                    autocomplete="new-password";
                label.ph-label for="ph-confirm" { (w.password_again) }
                input #ph-confirm .ph-input type="password" name="confirm" required
                    autocomplete="new-password";
                button.ph-button.ph-button--primary type="submit" { (w.set_password) }
            }
        },
    )
}

fn invite_cookie(state: &AppState, value: String, max_age_ms: i64) -> Cookie<'static> {
    let mut cookie = Cookie::new(INVITE_COOKIE, value);
    cookie.set_path(INVITE_PATH);
    cookie.set_http_only(true);
    cookie.set_same_site(SameSite::Strict);
    cookie.set_secure(state.settings.secure_cookies());
    cookie.set_max_age(time::Duration::milliseconds(max_age_ms));
    cookie
}

pub(super) async fn form(
    State(state): State<AppState>,
    Query(link): Query<Link>,
    headers: HeaderMap,
    jar: CookieJar,
) -> Result<Response, PageError> {
    let locale = language(&headers, None).0;
    // From the email: keep the token in a cookie and drop it from the address bar.
    if let Some(token) = link.t {
        let cookie = invite_cookie(&state, token, 3_600_000);
        return Ok(see_other(INVITE_PATH, Some(cookie)));
    }
    let Some(token) = jar.get(INVITE_COOKIE) else {
        return Ok(gone(locale));
    };
    let now = state.clock.now_ms();
    match state
        .store
        .invited_agent(&hash_token(token.value()), now)
        .await?
    {
        Some(agent) => Ok(password_page(locale, StatusCode::OK, &agent, None)),
        None => Ok(gone(locale)),
    }
}

#[derive(Deserialize)]
pub(super) struct PasswordForm {
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirm: String,
}

pub(super) async fn accept(
    State(state): State<AppState>,
    headers: HeaderMap,
    jar: CookieJar,
    PageForm(form): PageForm<PasswordForm>,
) -> Result<Response, PageError> {
    check_form_origin(&state, &headers)?;
    let locale = language(&headers, None).0;
    let Some(token) = jar.get(INVITE_COOKIE).map(|c| hash_token(c.value())) else {
        return Ok(gone(locale));
    };
    let now = state.clock.now_ms();
    let store = &state.store;
    let Some(agent) = store.invited_agent(&token, now).await? else {
        return Ok(gone(locale));
    };
    let whose = (&token[..], &agent.email[..]);
    let typed = (&form.password[..], &form.confirm[..]);
    let session = match join(store, whose, typed, now, SESSION_TTL_MS).await? {
        Joined::Session { agent_id, token } => {
            tracing::info!(agent = agent_id, "invitation accepted");
            token
        }
        Joined::Refused(why) => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            let said = refusal(locale, why);
            return Ok(password_page(locale, status, &agent, Some(&said)));
        }
        Joined::Gone => return Ok(gone(locale)),
    };
    let cookie = console_cookie(
        &state,
        session.secret.expose_secret().to_owned(),
        SESSION_TTL_MS,
    );
    let mut response = see_other("/console", Some(cookie));
    if let Ok(spent) = invite_cookie(&state, String::new(), 0).to_string().parse() {
        response
            .headers_mut()
            .append(axum::http::header::SET_COOKIE, spent);
    }
    Ok(response)
}
