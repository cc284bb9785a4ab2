//! The public portal: anyone can open a ticket, and follow it through a tracking link that
//! proves nothing more than access to that one ticket.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, DefaultBodyLimit, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use axum_extra::extract::CookieJar;
use maud::html;
use secrecy::ExposeSecret;
use serde::Deserialize;

use super::fragments::{FieldErrors, TicketForm};
use super::ticket_screens::{
    self, form_refused, new_ticket_screen, open_from_form, RatingForm, ReplyForm, Surface, Visitor,
};
use super::uploads::{self, PageUpload, FORM_LIMIT_BYTES};
use super::{
    check_form_origin, rate_limited, see_other, session_cookie, Page, PageError, PageForm, Site,
};
use crate::files::PUBLIC_UPLOADS_PER_WINDOW;
use crate::http::client::client_ip;
use crate::http::extract::AppPath;
use crate::http::listener::Peer;
use crate::http::state::AppState;
use crate::store::{PageSession, UserScope};
use crate::tracking::{ticket_path, tracking_link, tracking_path};
use porthole_core::deflection;
use porthole_core::opening::SUBMISSIONS_PER_HOUR;
use porthole_core::opening::{Outcome, PortalSubmission};
use porthole_core::sessions::{self, NewPageSession};
use porthole_core::{hash_token, EmailAddress, TicketRef};

const HOUR_MS: i64 = 3_600_000;
/// A tracking link buys this long before it has to be followed again.
const TRACKING_SESSION_TTL_MS: i64 = 2 * HOUR_MS;
const TRACKING_COOKIE: &str = "ph_track";
const PORTAL: Surface = Surface::Portal;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/p/{slug}", get(landing))
        .route(
            "/p/{slug}/submit",
            get(submit_form)
                .post(submit)
                .layer(DefaultBodyLimit::max(FORM_LIMIT_BYTES)),
        )
        .route("/p/{slug}/faqs/{index}", get(faq))
        .route("/p/{slug}/tickets/{reference}", get(track))
        .route(
            "/p/{slug}/tickets/{reference}/reply",
            post(reply).layer(DefaultBodyLimit::max(FORM_LIMIT_BYTES)),
        )
        .route("/p/{slug}/tickets/{reference}/files/{id}", get(file))
        .route("/p/{slug}/tickets/{reference}/rating", post(rate))
}

async fn landing(State(state): State<AppState>, site: Site) -> Page {
    let t = site.t;
    let brand = site
        .workspace
        .settings
        .brand_name
        .clone()
        .unwrap_or_else(|| site.workspace.name.clone());
    site.page(
        t.widget.title,
        html! {
            h1.ph-heading { (brand) " " (t.widget.title) }
            p { (t.page.landing_intro) }
            section.ph-card {
                h2.ph-label { (t.page.submit_a_ticket) }
                p { (t.page.submit_hint) }
                a.ph-button.ph-button--primary href={ "/p/" (site.slug) "/submit" } { (t.page.submit_a_ticket) }
            }
            section.ph-card { (track_hint(&site, state.mailer.is_some())) }
            section.ph-card {
                h2.ph-label { (t.page.kb_title) }
                (super::kb::search_form(&site, ""))
                p { a.ph-link href={ "/p/" (site.slug) "/kb" } { (t.page.kb_all) } }
            }
        },
    )
}

/// How to get back to a ticket: the tracking link shown on submission, and, only when email
/// is on, a fresh one by email.
fn track_hint(site: &Site, email_on: bool) -> maud::Markup {
    let t = site.t;
    html! {
        h2.ph-label { (t.page.track_a_ticket) }
        p { (t.page.track_hint) }
        @if email_on { (super::email_links::link_request(site)) }
    }
}

async fn submit_form(site: Site) -> Page {
    new_ticket_screen(
        &site,
        PORTAL,
        &TicketForm::default(),
        &FieldErrors::default(),
    )
}

#[derive(Deserialize)]
struct FaqQuery {
    from: Option<String>,
}

/// One FAQ's answer, on a page of its own so that its clicks are counted without a script.
async fn faq(
    State(state): State<AppState>,
    site: Site,
    AppPath((_, index)): AppPath<(String, usize)>,
    Query(query): Query<FaqQuery>,
) -> Result<Page, PageError> {
    let faq = site
        .workspace
        .settings
        .faqs
        .get(index)
        .ok_or(PageError::NotFound)?;
    let asked = (site.workspace.id, &site.workspace.settings);
    deflection::faq_opened(&state.store, asked, &faq.question).await?;
    let back = match query.from.as_deref() {
        Some("embed") => format!("/embed/{}/tickets/new", site.slug),
        _ => format!("/p/{}/submit", site.slug),
    };
    Ok(site.page(
        faq.question.clone(),
        html! {
            h1.ph-heading { (faq.question) }
            p.ph-text { (faq.answer) }
            p { a.ph-link href=(back) { "← " (site.t.page.faq_back) } }
        },
    ))
}

/// The client's address as a string, believing `X-Forwarded-For` only from trusted proxies.
pub(super) fn client(state: &AppState, peer: SocketAddr, headers: &HeaderMap) -> String {
    client_ip(peer.ip(), headers, &state.settings.trusted_proxies).to_string()
}

/// Seconds until `client` may submit again, if it has used up the hour's allowance.
pub(super) async fn wait_needed(
    state: &AppState,
    client: &str,
    now: i64,
) -> Result<Option<i64>, PageError> {
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

async fn submit(
    State(state): State<AppState>,
    site: Site,
    ConnectInfo(Peer(peer)): ConnectInfo<Peer>,
    headers: HeaderMap,
    upload: PageUpload<TicketForm>,
) -> Result<Response, PageError> {
    let now = state.clock.now_ms();
    let client = client(&state, peer, &headers);
    if let Some(wait) = wait_needed(&state, &client, now).await? {
        return Ok(rate_limited(&site, wait));
    }
    let valid = match upload.form.validate(&site.workspace.settings, site.t, true) {
        Ok(valid) => valid,
        Err(errors) => return Ok(form_refused(&site, PORTAL, &upload.form, &errors)),
    };
    let Some(email) = valid.email.clone() else {
        return Err(PageError::BadRequest(site.t.page.required.into()));
    };
    let scope = UserScope {
        workspace_id: site.workspace.id,
        email: email.to_string(),
        name: valid.name.clone(),
    };
    let visitor = visitor(&state, peer, &headers, scope);
    // Counted against the client, its reads marked and its tracking link kept, all in the
    // ticket's own transaction.
    let (tracking, until) = porthole_core::tracking::new_token(now, None);
    let submission = PortalSubmission {
        client,
        tracking: (tracking.hash.clone(), until),
    };
    let opened = open_from_form(&state, (&site, &visitor), upload, valid, |new| {
        new.portal = Some(submission)
    });
    let created = match opened.await? {
        Ok(outcome) => outcome,
        Err(page) => return Ok(page),
    };
    let (Outcome::Created(ticket) | Outcome::Replayed(ticket)) = &created;
    let number = TicketRef::parse(&ticket.reference)
        .ok_or(PageError::NotFound)?
        .0;
    let track = match &created {
        Outcome::Created(_) => tracking_link(&site.slug, number, &tracking),
        // A repeat of the form wrote nothing: its link is made now.
        Outcome::Replayed(_) => {
            let id = state
                .store
                .ticket_id(site.workspace.id, number)
                .await?
                .ok_or(PageError::NotFound)?;
            let ticket = (&site.slug[..], id, number);
            tracking_path(&state.store, ticket, &visitor.scope.email, None, now).await?
        }
    };
    let t = site.t;
    Ok(site
        .page(
            t.page.submitted_title,
            html! {
                h1.ph-heading { (t.page.submitted_title) }
                p { (t.page.submitted) }
                p.ph-reference { (ticket.reference) }
                p.ph-actions {
                    a.ph-button.ph-button--primary href=(track) { (t.page.track) }
                    " "
                    a.ph-button href={ "/p/" (site.slug) "/submit" } { (t.page.submit_another) }
                }
            },
        )
        .into_response())
}

#[derive(Deserialize)]
struct TrackQuery {
    t: Option<String>,
    /// Set by the redirect after a rating, to thank for it.
    rated: Option<String>,
}

/// A rating is accepted only within a tracking session for this very ticket.
async fn rate(
    State(state): State<AppState>,
    site: Site,
    AppPath((_, raw)): AppPath<(String, String)>,
    ConnectInfo(Peer(peer)): ConnectInfo<Peer>,
    headers: HeaderMap,
    jar: CookieJar,
    PageForm(form): PageForm<RatingForm>,
) -> Result<Response, PageError> {
    let (number, scope) = tracked(&state, &site, &raw, &headers, &jar).await?;
    let visitor = visitor(&state, peer, &headers, scope);
    ticket_screens::rate(&state, &site, &visitor, number, form).await
}

fn link_invalid(site: &Site, email_on: bool) -> Response {
    let t = site.t;
    site.page(
        t.page.link_invalid_title,
        html! {
            h1.ph-heading { (t.page.link_invalid_title) }
            p { (t.page.link_invalid) }
            @if email_on { (super::email_links::link_request(site)) }
            p.ph-actions { a.ph-button.ph-button--primary href={ "/p/" (site.slug) "/submit" } { (t.page.submit_a_ticket) } }
        },
    )
    .status(StatusCode::UNAUTHORIZED)
    .into_response()
}

/// A form post about ticket `raw` from our own page, within a tracking session for that very
/// ticket: its number, and whose it is.
async fn tracked(
    state: &AppState,
    site: &Site,
    raw: &str,
    headers: &HeaderMap,
    jar: &CookieJar,
) -> Result<(i64, UserScope), PageError> {
    check_form_origin(state, headers)?;
    let number = TicketRef::parse(raw).ok_or(PageError::NotFound)?.0;
    let Some(session) = tracking_session(state, site, number, jar).await? else {
        return Err(PageError::Forbidden);
    };
    Ok((number, tracked_scope(site, session)))
}

/// The customer a tracking session is for: the ticket's, known by address only.
fn tracked_scope(site: &Site, session: PageSession) -> UserScope {
    UserScope {
        workspace_id: site.workspace.id,
        email: session.email,
        name: None,
    }
}

/// A visitor of the portal, whose uploads count against their address.
fn visitor(state: &AppState, peer: SocketAddr, headers: &HeaderMap, scope: UserScope) -> Visitor {
    let uploader = (
        format!("client:{}", client(state, peer, headers)),
        PUBLIC_UPLOADS_PER_WINDOW,
    );
    Visitor {
        surface: PORTAL,
        scope,
        uploader,
    }
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

/// `?t=` is exchanged for a cookie and stripped by a redirect, so the token stays out of
/// history and referrers.
async fn track(
    State(state): State<AppState>,
    site: Site,
    AppPath((_, raw)): AppPath<(String, String)>,
    ConnectInfo(Peer(peer)): ConnectInfo<Peer>,
    headers: HeaderMap,
    Query(query): Query<TrackQuery>,
    jar: CookieJar,
) -> Result<Response, PageError> {
    let number = TicketRef::parse(&raw).ok_or(PageError::NotFound)?.0;
    let path = ticket_path(&site.slug, number);
    let now = state.clock.now_ms();
    if let Some(token) = query.t {
        let Some((ticket_id, email)) = state
            .store
            .redeem_tracking_token(site.workspace.id, number, &hash_token(&token), now)
            .await?
        else {
            return Ok(link_invalid(&site, state.mailer.is_some()));
        };
        // Kept as it was checked when the ticket was made: it parses.
        let Ok(email) = EmailAddress::parse(&email) else {
            return Ok(link_invalid(&site, state.mailer.is_some()));
        };
        let session = NewPageSession {
            workspace_id: site.workspace.id,
            email: &email,
            name: None,
            ticket_id: Some(ticket_id),
            locale: None,
            participants: &[],
        };
        let life = (TRACKING_SESSION_TTL_MS, now);
        let token = sessions::open_page(&state.store, session, life).await?;
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
        return Ok(link_invalid(&site, state.mailer.is_some()));
    };
    let visitor = visitor(&state, peer, &headers, tracked_scope(&site, session));
    ticket_screens::show(&state, &site, &visitor, number, query.rated.is_some()).await
}

/// A reply is accepted only within a tracking session for this very ticket. Its files count
/// against the client's address, as the portal's other uploads do.
async fn reply(
    State(state): State<AppState>,
    site: Site,
    AppPath((_, raw)): AppPath<(String, String)>,
    ConnectInfo(Peer(peer)): ConnectInfo<Peer>,
    headers: HeaderMap,
    jar: CookieJar,
    upload: PageUpload<ReplyForm>,
) -> Result<Response, PageError> {
    let (number, scope) = tracked(&state, &site, &raw, &headers, &jar).await?;
    let visitor = visitor(&state, peer, &headers, scope);
    ticket_screens::reply(&state, &site, visitor, number, upload).await
}

/// A file of this ticket, within a tracking session for it.
async fn file(
    State(state): State<AppState>,
    site: Site,
    AppPath((_, raw, id)): AppPath<(String, String, String)>,
    jar: CookieJar,
) -> Result<Response, PageError> {
    let number = TicketRef::parse(&raw).ok_or(PageError::NotFound)?.0;
    let Some(session) = tracking_session(&state, &site, number, &jar).await? else {
        return Err(PageError::NotFound);
    };
    uploads::download(&state, &tracked_scope(&site, session), number, &id).await
}
