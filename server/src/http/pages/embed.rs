//! The signed iframe (Crisp Ticket Center style): a host's backend signs the user's email into
//! the iframe URL; no JavaScript is needed on either side. The credentials are verified, traded
//! for a cookie session and stripped from the URL by a redirect.

use axum::extract::{DefaultBodyLimit, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use axum_extra::extract::CookieJar;
use maud::html;
use secrecy::ExposeSecret;
use serde::Deserialize;

use super::fragments::{ticket_list, FieldErrors, TicketForm};
use super::ticket_screens::{
    self, form_refused, new_ticket_screen, open_from_form, RatingForm, ReplyForm, Surface, Visitor,
};
use super::uploads::{PageUpload, FORM_LIMIT_BYTES};
use super::{check_form_origin, see_other, session_cookie, Cache, PageError, PageForm, Site};
use crate::files::VERIFIED_UPLOADS_PER_WINDOW;
use crate::http::error::ApiError;
use crate::http::extract::AppPath;
use crate::http::state::AppState;
use crate::store::{stored_participants, PageSession, UserScope};
use porthole_core::opening::Outcome;
use porthole_core::sessions::{self, IframeClaim};
use porthole_core::{hash_token, CoreError, TicketRef};

const EMBED_COOKIE: &str = "ph_embed";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/embed/{slug}/tickets",
            get(index)
                .post(create)
                .layer(DefaultBodyLimit::max(FORM_LIMIT_BYTES)),
        )
        .route("/embed/{slug}/tickets/new", get(new_form))
        .route("/embed/{slug}/tickets/{reference}", get(show))
        .route(
            "/embed/{slug}/tickets/{reference}/reply",
            post(reply).layer(DefaultBodyLimit::max(FORM_LIMIT_BYTES)),
        )
        .route("/embed/{slug}/tickets/{reference}/files/{id}", get(file))
        .route("/embed/{slug}/tickets/{reference}/rating", post(rate))
}

const EMBED: Surface = Surface::Embed;

fn base(site: &Site) -> String {
    EMBED.tickets(&site.slug)
}

/// The verified user, whose uploads count together on every surface, the widget's included.
fn visitor(scope: UserScope) -> Visitor {
    let uploader = (
        format!("user:{}:{}", scope.workspace_id, scope.email),
        VERIFIED_UPLOADS_PER_WINDOW,
    );
    Visitor {
        surface: EMBED,
        scope,
        uploader,
    }
}

/// The signed parameters of the iframe URL (`locale` is read by [`Site`]).
#[derive(Deserialize)]
struct Credentials {
    email: Option<String>,
    hmac: Option<String>,
    ts: Option<String>,
    nickname: Option<String>,
    locale: Option<String>,
    /// Comma-separated addresses to copy on the tickets opened in the frame; taken only when
    /// `hmac` covers them.
    participants: Option<String>,
}

/// The page for credentials that do not verify. The user is told what they can do; the
/// reason, which is for the host's developers, goes to the log (it names no secret).
fn refused(site: &Site, reason: &str, status: StatusCode) -> Response {
    tracing::warn!(workspace = %site.slug, %reason, "signed iframe refused");
    let t = site.t;
    site.page(
        t.page.verify_failed_title,
        html! { h1.ph-heading { (t.page.verify_failed_title) } p { (t.page.verify_failed) } },
    )
    .status(status)
    .into_response()
}

fn signed_out(site: &Site) -> Response {
    let t = site.t;
    site.page(
        t.page.not_signed_in_title,
        html! { h1.ph-heading { (t.page.not_signed_in_title) } p { (t.page.not_signed_in) } },
    )
    .status(StatusCode::UNAUTHORIZED)
    .into_response()
}

/// The verified user of this iframe, from its cookie; the page then speaks the language the
/// iframe was opened in.
async fn user(
    state: &AppState,
    site: &mut Site,
    jar: &CookieJar,
) -> Result<Option<UserScope>, PageError> {
    Ok(session(state, site, jar).await?.map(|s| UserScope {
        workspace_id: s.workspace_id,
        email: s.email,
        name: s.name,
    }))
}

/// The iframe's cookie session, which also holds the participants its signature vouched for.
async fn session(
    state: &AppState,
    site: &mut Site,
    jar: &CookieJar,
) -> Result<Option<PageSession>, PageError> {
    let Some(cookie) = jar.get(EMBED_COOKIE) else {
        return Ok(None);
    };
    let now = state.clock.now_ms();
    let session = state
        .store
        .find_page_session(&hash_token(cookie.value()), site.workspace.id, now)
        .await?
        .filter(|s| s.ticket_id.is_none());
    if let Some(s) = &session {
        site.speak(s.locale.as_deref());
    }
    Ok(session)
}

/// With credentials: verify them exactly as `init` does, set the session cookie and redirect
/// to the bare URL. Without: the user's tickets.
async fn index(
    State(state): State<AppState>,
    mut site: Site,
    Query(credentials): Query<Credentials>,
    jar: CookieJar,
) -> Result<Response, PageError> {
    if let (Some(email), Some(hmac)) = (&credentials.email, &credentials.hmac) {
        return sign_in(&state, &site, email, hmac, &credentials).await;
    }
    let Some(scope) = user(&state, &mut site, &jar).await? else {
        return Ok(signed_out(&site));
    };
    let t = site.t;
    // The frame shows the most recent hundred; the widget pages through the rest.
    let (tickets, _) = state.store.list_user_tickets(&scope, None, 100).await?;
    let greeting = site
        .workspace
        .settings
        .greeting
        .clone()
        .unwrap_or_else(|| t.widget.greeting.to_owned());
    Ok(site
        .page(
            t.widget.your_tickets,
            html! {
                div.ph-toolbar {
                    h1.ph-heading { (t.widget.your_tickets) }
                    a.ph-button.ph-button--primary href={ (base(&site)) "/new" } { (t.widget.new_ticket) }
                }
                (ticket_list(t, &greeting, &base(&site), &tickets))
            },
        )
        .cache(Cache::Private)
        .into_response())
}

async fn sign_in(
    state: &AppState,
    site: &Site,
    email: &str,
    hmac: &str,
    credentials: &Credentials,
) -> Result<Response, PageError> {
    let claim = IframeClaim {
        email,
        hash: hmac,
        timestamp: credentials.ts.as_deref(),
        nickname: credentials.nickname.as_deref(),
        participants: credentials.participants.as_deref(),
        locale: credentials.locale.as_deref(),
    };
    let now = state.clock.now_ms();
    let ttl = state.settings.session_ttl_ms;
    let keys = site.workspace.keys(now);
    let opened = sessions::open_iframe(&state.store, (site.workspace.id, &keys), claim, (ttl, now));
    let (token, ignored) = match opened.await {
        Ok(opened) => opened,
        Err(CoreError::Invalid("email", _)) => {
            let invalid = site.t.page.invalid_email;
            return Ok(refused(site, invalid, StatusCode::BAD_REQUEST));
        }
        Err(CoreError::Invalid(_, reason)) => {
            return Ok(refused(site, &reason, StatusCode::BAD_REQUEST))
        }
        Err(CoreError::Identity(rejection)) => {
            let reason = ApiError::Identity(rejection).message();
            return Ok(refused(site, &reason, StatusCode::UNAUTHORIZED));
        }
        Err(other) => return Err(other.into()),
    };
    if let Some(reason) = &ignored {
        tracing::warn!(workspace = %site.slug, %reason, "signed iframe");
    }
    let cookie = session_cookie(
        EMBED_COOKIE,
        token.secret.expose_secret().to_owned(),
        format!("/embed/{}/", site.slug),
        ttl,
        true,
        state.settings.secure_cookies(),
    );
    Ok(see_other(&base(site), Some(cookie)))
}

async fn new_form(
    State(state): State<AppState>,
    mut site: Site,
    jar: CookieJar,
) -> Result<Response, PageError> {
    if user(&state, &mut site, &jar).await?.is_none() {
        return Ok(signed_out(&site));
    }
    let page = new_ticket_screen(
        &site,
        EMBED,
        &TicketForm::default(),
        &FieldErrors::default(),
    );
    Ok(page.into_response())
}

async fn create(
    State(state): State<AppState>,
    mut site: Site,
    headers: HeaderMap,
    jar: CookieJar,
    upload: PageUpload<TicketForm>,
) -> Result<Response, PageError> {
    check_form_origin(&state, &headers)?;
    let Some(session) = session(&state, &mut site, &jar).await? else {
        return Ok(signed_out(&site));
    };
    let participants = stored_participants(session.participants.as_deref());
    let visitor = visitor(UserScope {
        workspace_id: session.workspace_id,
        email: session.email,
        name: session.name,
    });
    let valid = match upload
        .form
        .validate(&site.workspace.settings, site.t, false)
    {
        Ok(valid) => valid,
        Err(errors) => return Ok(form_refused(&site, EMBED, &upload.form, &errors)),
    };
    let opened = open_from_form(&state, (&site, &visitor), upload, valid, |new| {
        new.participants = participants
    });
    let (Outcome::Created(ticket) | Outcome::Replayed(ticket)) = match opened.await? {
        Ok(outcome) => outcome,
        Err(page) => return Ok(page),
    };
    Ok(see_other(
        &format!("{}/{}", base(&site), ticket.reference),
        None,
    ))
}

#[derive(Deserialize)]
struct ShowQuery {
    /// Set by the redirect after a rating, to thank for it.
    rated: Option<String>,
}

async fn show(
    State(state): State<AppState>,
    mut site: Site,
    AppPath((_, raw)): AppPath<(String, String)>,
    Query(query): Query<ShowQuery>,
    jar: CookieJar,
) -> Result<Response, PageError> {
    let Some(scope) = user(&state, &mut site, &jar).await? else {
        return Ok(signed_out(&site));
    };
    let number = TicketRef::parse(&raw).ok_or(PageError::NotFound)?.0;
    let rated = query.rated.is_some();
    ticket_screens::show(&state, &site, &visitor(scope), number, rated).await
}

/// The verified user rates their resolved ticket.
async fn rate(
    State(state): State<AppState>,
    mut site: Site,
    AppPath((_, raw)): AppPath<(String, String)>,
    headers: HeaderMap,
    jar: CookieJar,
    PageForm(form): PageForm<RatingForm>,
) -> Result<Response, PageError> {
    check_form_origin(&state, &headers)?;
    let Some(scope) = user(&state, &mut site, &jar).await? else {
        return Ok(signed_out(&site));
    };
    let number = TicketRef::parse(&raw).ok_or(PageError::NotFound)?.0;
    ticket_screens::rate(&state, &site, &visitor(scope), number, form).await
}

async fn reply(
    State(state): State<AppState>,
    mut site: Site,
    AppPath((_, raw)): AppPath<(String, String)>,
    headers: HeaderMap,
    jar: CookieJar,
    upload: PageUpload<ReplyForm>,
) -> Result<Response, PageError> {
    check_form_origin(&state, &headers)?;
    let Some(scope) = user(&state, &mut site, &jar).await? else {
        return Ok(signed_out(&site));
    };
    let number = TicketRef::parse(&raw).ok_or(PageError::NotFound)?.0;
    ticket_screens::reply(&state, &site, visitor(scope), number, upload).await
}

/// A file of one of the verified user's tickets.
async fn file(
    State(state): State<AppState>,
    mut site: Site,
    AppPath((_, raw, id)): AppPath<(String, String, String)>,
    jar: CookieJar,
) -> Result<Response, PageError> {
    let Some(scope) = user(&state, &mut site, &jar).await? else {
        return Err(PageError::NotFound);
    };
    let number = TicketRef::parse(&raw).ok_or(PageError::NotFound)?.0;
    ticket_screens::file(&state, &visitor(scope), number, &id).await
}
