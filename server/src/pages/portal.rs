//! The public portal: anyone can open a ticket, and follow it through a tracking link that
//! proves nothing more than access to that one ticket.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use axum_extra::extract::CookieJar;
use maud::html;
use porthole_types::{limits, Channel, Ticket};
use secrecy::ExposeSecret;
use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::fragments::{conversation, reply_form, ticket_form, FieldErrors, TicketForm};
use super::{
    check_form_origin, post_reply, see_other, session_cookie, text, Cache, Page, PageError,
    PageForm,
};
use crate::client::client_ip;
use crate::domain::{hash_token, EmailAddress, TicketRef};
use crate::extract::AppPath;
use crate::state::AppState;
use crate::store::{NewTicket, Outcome, PageSession, UserScope, Workspace};

const HOUR_MS: i64 = 3_600_000;
/// Public submissions (and link requests) allowed per client address per hour.
pub const SUBMISSIONS_PER_HOUR: i64 = 10;
const TRACKING_TTL_MS: i64 = 30 * 24 * HOUR_MS;
/// A tracking link buys this long before it has to be followed again.
const TRACKING_SESSION_TTL_MS: i64 = 2 * HOUR_MS;
const TRACKING_COOKIE: &str = "ph_track";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/p/{slug}", get(landing))
        .route("/p/{slug}/submit", get(submit_form).post(submit))
        .route("/p/{slug}/track", post(request_link))
        .route("/p/{slug}/tickets/{reference}", get(track))
        .route("/p/{slug}/tickets/{reference}/reply", post(reply))
}

/// The workspace a portal page belongs to, and who may frame it.
pub(super) struct Site {
    pub workspace: Workspace,
    pub framers: Vec<String>,
}

impl Site {
    pub async fn load(state: &AppState, slug: &str) -> Result<Self, PageError> {
        let workspace = state
            .store
            .workspace_by_slug(slug)
            .await?
            .ok_or(PageError::NotFound)?;
        let framers = state.store.allowed_origins(workspace.id).await?;
        Ok(Self { workspace, framers })
    }

    pub fn page(&self, title: impl Into<String>, body: maud::Markup) -> Page {
        Page::new(&self.workspace, self.framers.clone(), title, body)
    }
}

async fn landing(
    State(state): State<AppState>,
    AppPath(slug): AppPath<String>,
) -> Result<Page, PageError> {
    let site = Site::load(&state, &slug).await?;
    Ok(site.page(
        text::SUPPORT,
        html! {
            h1.ph-heading { (site.workspace.name) " " (text::SUPPORT) }
            p { (text::LANDING_INTRO) }
            section.ph-card {
                h2.ph-label { (text::SUBMIT_A_TICKET) }
                p { (text::SUBMIT_HINT) }
                a.ph-button.ph-button--primary href={ "/p/" (slug) "/submit" } { (text::SUBMIT_A_TICKET) }
            }
            section.ph-card { (track_request_form(&slug, None)) }
        },
    ))
}

fn track_request_form(slug: &str, error: Option<&str>) -> maud::Markup {
    html! {
        h2.ph-label { (text::TRACK_A_TICKET) }
        p { (text::TRACK_HINT) }
        form.ph-form method="post" action={ "/p/" (slug) "/track" } {
            label.ph-label for="ph-track-email" { (text::EMAIL) }
            input.ph-input id="ph-track-email" name="email" type="email" autocomplete="email" required
                aria-invalid=(if error.is_some() { "true" } else { "false" });
            @if let Some(message) = error { p.ph-field-error role="alert" { (message) } }
            button.ph-button type="submit" { (text::SEND_LINK) }
        }
    }
}

fn form_page(site: &Site, slug: &str, form: &TicketForm, errors: &FieldErrors) -> Page {
    let form_id = form.id();
    site.page(
        text::SUBMIT_A_TICKET,
        html! {
            h1.ph-heading { (text::SUBMIT_A_TICKET) }
            p { (text::SUBMIT_HINT) }
            (ticket_form(&format!("/p/{slug}/submit"), form, errors, true, &form_id, &site.workspace.settings.categories))
        },
    )
}

async fn submit_form(
    State(state): State<AppState>,
    AppPath(slug): AppPath<String>,
) -> Result<Page, PageError> {
    let site = Site::load(&state, &slug).await?;
    Ok(form_page(
        &site,
        &slug,
        &TicketForm::default(),
        &FieldErrors::default(),
    ))
}

/// The client's address as a string, believing `X-Forwarded-For` only from trusted proxies.
fn client(state: &AppState, peer: SocketAddr, headers: &HeaderMap) -> String {
    client_ip(peer.ip(), headers, &state.settings.trusted_proxies).to_string()
}

/// Seconds until `client` may submit again, if it has used up the hour's allowance.
async fn wait_needed(state: &AppState, client: &str, now: i64) -> Result<Option<i64>, PageError> {
    let (count, oldest) = state
        .store
        .recent_submissions(client, now - HOUR_MS)
        .await?;
    if count < SUBMISSIONS_PER_HOUR {
        return Ok(None);
    }
    let frees_at = oldest.unwrap_or(now) + HOUR_MS;
    Ok(Some(((frees_at - now + 999) / 1000).max(1)))
}

fn rate_limited(site: &Site, wait_secs: i64) -> Response {
    let minutes = (wait_secs + 59) / 60;
    let mut page = site
        .page(
            text::RATE_LIMITED_TITLE,
            html! { h1.ph-heading { (text::RATE_LIMITED_TITLE) } p { (text::rate_limited(minutes)) } },
        )
        .status(StatusCode::TOO_MANY_REQUESTS);
    page.retry_after = Some(wait_secs);
    page.into_response()
}

async fn submit(
    State(state): State<AppState>,
    AppPath(slug): AppPath<String>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    PageForm(form): PageForm<TicketForm>,
) -> Result<Response, PageError> {
    let site = Site::load(&state, &slug).await?;
    let now = state.clock.now_ms();
    let client = client(&state, peer, &headers);
    if let Some(wait) = wait_needed(&state, &client, now).await? {
        return Ok(rate_limited(&site, wait));
    }
    let valid = match form.validate(&site.workspace.settings, true) {
        Ok(valid) => valid,
        Err(errors) => {
            let page =
                form_page(&site, &slug, &form, &errors).status(StatusCode::UNPROCESSABLE_ENTITY);
            return Ok(page.into_response());
        }
    };
    let Some(email) = valid.email else {
        return Err(PageError::BadRequest("an email address is required".into()));
    };
    let scope = UserScope {
        workspace_id: site.workspace.id,
        email: email.to_string(),
        name: valid.name,
    };
    let fingerprint = hex::encode(Sha256::digest(
        format!(
            "{:?}",
            (
                &scope.name,
                &scope.email,
                &valid.subject,
                &valid.description,
                valid.kind
            )
        )
        .as_bytes(),
    ));
    let key = (!form.form_id.is_empty() && form.form_id.len() <= limits::IDEMPOTENCY_KEY_MAX_CHARS)
        .then_some((form.form_id.as_str(), fingerprint.as_str()));
    let new = NewTicket {
        subject: valid.subject,
        description: valid.description,
        ticket_type: valid.kind,
        category: valid.category,
        channel: Channel::Portal,
    };
    let ticket = match state.store.create_ticket(&scope, new, key, now).await? {
        Outcome::Created(ticket) => {
            state.store.record_submission(&client, now).await?;
            ticket
        }
        Outcome::Replayed(ticket) => ticket,
    };
    let number = TicketRef::parse(&ticket.reference)
        .ok_or(PageError::NotFound)?
        .0;
    let id = state
        .store
        .ticket_id(site.workspace.id, number)
        .await?
        .ok_or(PageError::NotFound)?;
    let token = state
        .store
        .create_tracking_token(id, &scope.email, now, TRACKING_TTL_MS)
        .await?;
    let track = format!(
        "/p/{slug}/tickets/{}?t={}",
        ticket.reference,
        token.secret.expose_secret()
    );
    Ok(site
        .page(
            text::SUBMITTED_TITLE,
            html! {
                h1.ph-heading { (text::SUBMITTED_TITLE) }
                p { (text::SUBMITTED) }
                p.ph-reference { (ticket.reference) }
                p.ph-actions {
                    a.ph-button.ph-button--primary href=(track) { (text::TRACK) }
                    " "
                    a.ph-button href={ "/p/" (slug) "/submit" } { (text::SUBMIT_ANOTHER) }
                }
            },
        )
        .into_response())
}

#[derive(Deserialize)]
struct LinkRequest {
    #[serde(default)]
    email: String,
}

/// Answers the same whether or not the address has tickets, so it cannot be used to probe
/// who is a customer. Counted against the hourly allowance like a submission.
async fn request_link(
    State(state): State<AppState>,
    AppPath(slug): AppPath<String>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    PageForm(request): PageForm<LinkRequest>,
) -> Result<Response, PageError> {
    let site = Site::load(&state, &slug).await?;
    let now = state.clock.now_ms();
    let client = client(&state, peer, &headers);
    if let Some(wait) = wait_needed(&state, &client, now).await? {
        return Ok(rate_limited(&site, wait));
    }
    if let Err(message) = EmailAddress::parse(&request.email) {
        let body = track_request_form(&slug, Some(&message));
        let page = site
            .page(text::TRACK_A_TICKET, body)
            .status(StatusCode::UNPROCESSABLE_ENTITY);
        return Ok(page.into_response());
    }
    state.store.record_submission(&client, now).await?;
    Ok(site
        .page(
            text::LINK_SENT_TITLE,
            html! { h1.ph-heading { (text::LINK_SENT_TITLE) } p { (text::LINK_SENT) } },
        )
        .into_response())
}

#[derive(Deserialize)]
struct TrackQuery {
    t: Option<String>,
}

/// Where a ticket's tracking page lives, with the reference spelled canonically.
fn ticket_path(slug: &str, number: i64) -> String {
    format!("/p/{slug}/tickets/{}", TicketRef(number))
}

fn link_invalid(site: &Site, slug: &str) -> Response {
    site.page(
        text::LINK_INVALID_TITLE,
        html! {
            h1.ph-heading { (text::LINK_INVALID_TITLE) }
            p { (text::LINK_INVALID) }
            (track_request_form(slug, None))
        },
    )
    .status(StatusCode::UNAUTHORIZED)
    .into_response()
}

/// The tracking session in the cookie, if it is for ticket `number`.
async fn tracking_session(
    state: &AppState,
    site: &Site,
    number: i64,
    jar: &CookieJar,
) -> Result<Option<PageSession>, PageError> {
    let Some(cookie) = jar.get(TRACKING_COOKIE) else {
        return Ok(None);
    };
    let now = state.clock.now_ms();
    let id = state.store.ticket_id(site.workspace.id, number).await?;
    let session = state
        .store
        .find_page_session(&hash_token(cookie.value()), site.workspace.id, now)
        .await?;
    Ok(session.filter(|s| id.is_some() && s.ticket_id == id))
}

fn ticket_page(site: &Site, slug: &str, ticket: &Ticket, error: Option<&str>, draft: &str) -> Page {
    let number = TicketRef::parse(&ticket.reference).map_or(0, |r| r.0);
    let action = format!("{}/reply", ticket_path(slug, number));
    site.page(
        ticket.subject.clone(),
        html! {
            (conversation(ticket))
            (reply_form(&action, ticket, error, draft))
        },
    )
}

/// `?t=` is exchanged for a cookie and stripped by a redirect, so the token stays out of
/// history and referrers.
async fn track(
    State(state): State<AppState>,
    AppPath((slug, raw)): AppPath<(String, String)>,
    Query(query): Query<TrackQuery>,
    jar: CookieJar,
) -> Result<Response, PageError> {
    let site = Site::load(&state, &slug).await?;
    let number = TicketRef::parse(&raw).ok_or(PageError::NotFound)?.0;
    let path = ticket_path(&slug, number);
    let now = state.clock.now_ms();
    if let Some(token) = query.t {
        let Some((ticket_id, email)) = state
            .store
            .redeem_tracking_token(site.workspace.id, number, &hash_token(&token), now)
            .await?
        else {
            return Ok(link_invalid(&site, &slug));
        };
        let session = PageSession {
            workspace_id: site.workspace.id,
            email,
            name: None,
            ticket_id: Some(ticket_id),
        };
        let token = state
            .store
            .create_page_session(&session, now, TRACKING_SESSION_TTL_MS)
            .await?;
        let secure = state.settings.secure_cookies();
        let value = token.secret.expose_secret().to_owned();
        let cookie = session_cookie(
            TRACKING_COOKIE,
            value,
            path.clone(),
            TRACKING_SESSION_TTL_MS,
            false,
            secure,
        );
        return Ok(see_other(&path, Some(cookie)));
    }
    let Some(session) = tracking_session(&state, &site, number, &jar).await? else {
        return Ok(link_invalid(&site, &slug));
    };
    let scope = UserScope {
        workspace_id: site.workspace.id,
        email: session.email,
        name: None,
    };
    let ticket = state.store.open_user_ticket(&scope, number, now).await?;
    Ok(ticket_page(&site, &slug, &ticket, None, "")
        .cache(Cache::Private)
        .into_response())
}

#[derive(Deserialize)]
pub(super) struct ReplyForm {
    #[serde(default)]
    pub body: String,
}

/// A reply is accepted only within a tracking session for this very ticket.
async fn reply(
    State(state): State<AppState>,
    AppPath((slug, raw)): AppPath<(String, String)>,
    headers: HeaderMap,
    jar: CookieJar,
    PageForm(form): PageForm<ReplyForm>,
) -> Result<Response, PageError> {
    check_form_origin(&state, &headers)?;
    let site = Site::load(&state, &slug).await?;
    let number = TicketRef::parse(&raw).ok_or(PageError::NotFound)?.0;
    let Some(session) = tracking_session(&state, &site, number, &jar).await? else {
        return Err(PageError::Forbidden);
    };
    let scope = UserScope {
        workspace_id: site.workspace.id,
        email: session.email,
        name: None,
    };
    // A new URL, so the short cache of the ticket page cannot hide the reply just sent.
    let then = format!("{}?sent=1", ticket_path(&slug, number));
    post_reply(
        &state,
        &scope,
        number,
        &form.body,
        &then,
        |ticket, error| ticket_page(&site, &slug, ticket, Some(error), &form.body),
    )
    .await
}
