//! The signed iframe (Crisp Ticket Center style): a host's backend signs the user's email into
//! the iframe URL; no JavaScript is needed on either side. The credentials are verified, traded
//! for a cookie session and stripped from the URL by a redirect.

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use axum_extra::extract::CookieJar;
use maud::html;
use porthole_types::{limits, Channel};
use secrecy::ExposeSecret;
use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::fragments::{
    conversation, reply_form, ticket_form, ticket_list, FieldErrors, TicketForm,
};
use super::portal::{ReplyForm, Site};
use super::{
    check_form_origin, post_reply, see_other, session_cookie, text, Cache, PageError, PageForm,
};
use crate::domain::{hash_token, optional_text, EmailAddress, TicketRef};
use crate::error::ApiError;
use crate::extract::AppPath;
use crate::state::AppState;
use crate::store::{NewTicket, Outcome, PageSession, UserScope};

const EMBED_COOKIE: &str = "ph_embed";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/embed/{slug}/tickets", get(index).post(create))
        .route("/embed/{slug}/tickets/new", get(new_form))
        .route("/embed/{slug}/tickets/{reference}", get(show))
        .route("/embed/{slug}/tickets/{reference}/reply", post(reply))
}

fn base(slug: &str) -> String {
    format!("/embed/{slug}/tickets")
}

/// The signed parameters of the iframe URL. Others, such as `locale`, are accepted and, until
/// localisation lands, ignored.
#[derive(Deserialize)]
struct Credentials {
    email: Option<String>,
    hmac: Option<String>,
    ts: Option<String>,
    nickname: Option<String>,
}

fn refused(site: &Site, message: &str, status: StatusCode) -> Response {
    site.page(
        text::VERIFY_FAILED_TITLE,
        html! { h1.ph-heading { (text::VERIFY_FAILED_TITLE) } p { (message) } },
    )
    .status(status)
    .into_response()
}

fn signed_out(site: &Site) -> Response {
    site.page(
        text::NOT_SIGNED_IN_TITLE,
        html! { h1.ph-heading { (text::NOT_SIGNED_IN_TITLE) } p { (text::NOT_SIGNED_IN) } },
    )
    .status(StatusCode::UNAUTHORIZED)
    .into_response()
}

/// The verified user of this iframe, from its cookie.
async fn user(
    state: &AppState,
    site: &Site,
    jar: &CookieJar,
) -> Result<Option<UserScope>, PageError> {
    let Some(cookie) = jar.get(EMBED_COOKIE) else {
        return Ok(None);
    };
    let now = state.clock.now_ms();
    let session = state
        .store
        .find_page_session(&hash_token(cookie.value()), site.workspace.id, now)
        .await?;
    Ok(session
        .filter(|s| s.ticket_id.is_none())
        .map(|s| UserScope {
            workspace_id: s.workspace_id,
            email: s.email,
            name: s.name,
        }))
}

/// With credentials: verify them exactly as `init` does, set the session cookie and redirect
/// to the bare URL. Without: the user's tickets.
async fn index(
    State(state): State<AppState>,
    AppPath(slug): AppPath<String>,
    Query(credentials): Query<Credentials>,
    jar: CookieJar,
) -> Result<Response, PageError> {
    let site = Site::load(&state, &slug).await?;
    if let (Some(email), Some(hmac)) = (&credentials.email, &credentials.hmac) {
        return sign_in(&state, &site, &slug, email, hmac, &credentials).await;
    }
    let Some(scope) = user(&state, &site, &jar).await? else {
        return Ok(signed_out(&site));
    };
    let tickets = state.store.list_user_tickets(&scope).await?;
    Ok(site
        .page(
            text::YOUR_TICKETS,
            html! {
                div.ph-toolbar {
                    h1.ph-heading { (text::YOUR_TICKETS) }
                    a.ph-button.ph-button--primary href={ (base(&slug)) "/new" } { (text::NEW_TICKET) }
                }
                (ticket_list(&base(&slug), &tickets))
            },
        )
        .cache(Cache::Private)
        .into_response())
}

async fn sign_in(
    state: &AppState,
    site: &Site,
    slug: &str,
    email: &str,
    hmac: &str,
    credentials: &Credentials,
) -> Result<Response, PageError> {
    let timestamp = match credentials.ts.as_deref() {
        None | Some("") => None,
        Some(ts) => match ts.parse::<i64>() {
            Ok(ts) => Some(ts),
            Err(_) => {
                return Ok(refused(
                    site,
                    "ts must be Unix milliseconds",
                    StatusCode::BAD_REQUEST,
                ))
            }
        },
    };
    let normalised = match EmailAddress::parse(email) {
        Ok(e) => e,
        Err(message) => return Ok(refused(site, &message, StatusCode::BAD_REQUEST)),
    };
    let name = match optional_text(
        "nickname",
        credentials.nickname.as_deref(),
        limits::NAME_MAX_CHARS,
    ) {
        Ok(name) => name,
        Err(err) => return Ok(refused(site, &err.to_string(), StatusCode::BAD_REQUEST)),
    };
    let now = state.clock.now_ms();
    let ws = &site.workspace;
    if let Err(rejection) = porthole_identity::check(
        ws.live_secrets(now),
        ws.policy(),
        now,
        email,
        timestamp,
        hmac,
    ) {
        let message = ApiError::Identity(rejection).message();
        return Ok(refused(site, &message, StatusCode::UNAUTHORIZED));
    }
    let session = PageSession {
        workspace_id: ws.id,
        email: normalised.to_string(),
        name,
        ticket_id: None,
    };
    let ttl = state.settings.session_ttl_ms;
    let token = state.store.create_page_session(&session, now, ttl).await?;
    let cookie = session_cookie(
        EMBED_COOKIE,
        token.secret.expose_secret().to_owned(),
        format!("/embed/{slug}/"),
        ttl,
        true,
        state.settings.secure_cookies(),
    );
    Ok(see_other(&base(slug), Some(cookie)))
}

fn new_page(site: &Site, slug: &str, form: &TicketForm, errors: &FieldErrors) -> super::Page {
    let form_id = form.id();
    site.page(
        text::NEW_TICKET,
        html! {
            p { a.ph-link href=(base(slug)) { "← " (text::BACK) } }
            h1.ph-heading { (text::NEW_TICKET) }
            (ticket_form(&base(slug), form, errors, false, &form_id, &site.workspace.settings.categories))
        },
    )
}

async fn new_form(
    State(state): State<AppState>,
    AppPath(slug): AppPath<String>,
    jar: CookieJar,
) -> Result<Response, PageError> {
    let site = Site::load(&state, &slug).await?;
    if user(&state, &site, &jar).await?.is_none() {
        return Ok(signed_out(&site));
    }
    Ok(new_page(
        &site,
        &slug,
        &TicketForm::default(),
        &FieldErrors::default(),
    )
    .into_response())
}

async fn create(
    State(state): State<AppState>,
    AppPath(slug): AppPath<String>,
    headers: HeaderMap,
    jar: CookieJar,
    PageForm(form): PageForm<TicketForm>,
) -> Result<Response, PageError> {
    check_form_origin(&state, &headers)?;
    let site = Site::load(&state, &slug).await?;
    let Some(scope) = user(&state, &site, &jar).await? else {
        return Ok(signed_out(&site));
    };
    let valid = match form.validate(&site.workspace.settings, false) {
        Ok(valid) => valid,
        Err(errors) => {
            let page =
                new_page(&site, &slug, &form, &errors).status(StatusCode::UNPROCESSABLE_ENTITY);
            return Ok(page.into_response());
        }
    };
    let fingerprint = hex::encode(Sha256::digest(
        format!("{:?}", (&valid.subject, &valid.description, valid.kind)).as_bytes(),
    ));
    let key = (!form.form_id.is_empty() && form.form_id.len() <= limits::IDEMPOTENCY_KEY_MAX_CHARS)
        .then_some((form.form_id.as_str(), fingerprint.as_str()));
    let new = NewTicket {
        subject: valid.subject,
        description: valid.description,
        ticket_type: valid.kind,
        category: valid.category,
        channel: Channel::Embed,
    };
    let now = state.clock.now_ms();
    let (Outcome::Created(ticket) | Outcome::Replayed(ticket)) =
        state.store.create_ticket(&scope, new, key, now).await?;
    Ok(see_other(
        &format!("{}/{}", base(&slug), ticket.reference),
        None,
    ))
}

async fn show(
    State(state): State<AppState>,
    AppPath((slug, raw)): AppPath<(String, String)>,
    jar: CookieJar,
) -> Result<Response, PageError> {
    let site = Site::load(&state, &slug).await?;
    let Some(scope) = user(&state, &site, &jar).await? else {
        return Ok(signed_out(&site));
    };
    let number = TicketRef::parse(&raw).ok_or(PageError::NotFound)?.0;
    let ticket = state
        .store
        .open_user_ticket(&scope, number, state.clock.now_ms())
        .await?;
    Ok(ticket_view(&site, &slug, &ticket, None, "")
        .cache(Cache::Private)
        .into_response())
}

fn ticket_view(
    site: &Site,
    slug: &str,
    ticket: &porthole_types::Ticket,
    error: Option<&str>,
    draft: &str,
) -> super::Page {
    let action = format!("{}/{}/reply", base(slug), ticket.reference);
    site.page(
        ticket.subject.clone(),
        html! {
            p { a.ph-link href=(base(slug)) { "← " (text::BACK) } }
            (conversation(ticket))
            (reply_form(&action, ticket, error, draft))
        },
    )
}

async fn reply(
    State(state): State<AppState>,
    AppPath((slug, raw)): AppPath<(String, String)>,
    headers: HeaderMap,
    jar: CookieJar,
    PageForm(form): PageForm<ReplyForm>,
) -> Result<Response, PageError> {
    check_form_origin(&state, &headers)?;
    let site = Site::load(&state, &slug).await?;
    let Some(scope) = user(&state, &site, &jar).await? else {
        return Ok(signed_out(&site));
    };
    let number = TicketRef::parse(&raw).ok_or(PageError::NotFound)?.0;
    let then = format!("{}/{}?sent=1", base(&slug), TicketRef(number));
    post_reply(
        &state,
        &scope,
        number,
        &form.body,
        &then,
        |ticket, error| ticket_view(&site, &slug, ticket, Some(error), &form.body),
    )
    .await
}
