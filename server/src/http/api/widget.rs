//! The end-user API the widget calls: sessions, and the session owner's tickets.

use axum::extract::State;
use std::time::Instant;

use axum::body::Bytes;
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use porthole_types::{
    limits, Channel, CreateMessage, CreateTicket, ErrorBody, FaqClick, Ticket, TicketList,
};
use serde::Deserialize;

use super::responses::{
    BadRequest, Invalid, NoSuchTicket, NotJson, OriginNotAllowed, TicketConflict, TooLarge,
    Unauthorized,
};
use super::{cursor, reference, session};
use crate::http::auth::UserSession;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::{AppJson, AppPath, AppQuery};
use crate::http::state::AppState;
use crate::http::ticket_lists::ListKey;
use porthole_core::attachment_ids;
use porthole_core::deflection;
use porthole_core::opening::{open_ticket, NewTicket, Outcome};
use porthole_core::tickets::{self, CustomerPost};
use porthole_core::{bounded_text, optional_text, EmailAddress};

/// Where the widget API lives: each route's full path, not a nested router, which axum would
/// route twice on every call.
pub(super) fn at(path: &str) -> String {
    format!("/api/v1/widget/{{slug}}{path}")
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            &at("/session"),
            post(session::create)
                .get(session::current)
                .delete(session::end),
        )
        .route(&at("/tickets"), get(list_tickets).post(create_ticket))
        .route(&at("/tickets/{reference}"), get(read_ticket))
        .route(&at("/tickets/{reference}/messages"), post(reply))
        .route(&at("/tickets/{reference}/solve"), post(solve))
        .route(&at("/faqs/clicks"), post(faq_click))
        .route(&at("/events"), get(super::stream::customer))
        .route(&at("/articles"), get(super::articles::suggest))
        .route(&at("/articles/{id}"), get(super::articles::read))
        .route(
            &at("/tickets/{reference}/rating"),
            post(super::ratings::rate),
        )
        .merge(super::files::widget_routes())
}

#[derive(Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(super) struct ListQuery {
    /// Where the previous page ended: its `next_cursor`.
    #[param(value_type = Option<porthole_types::schema::Cursor>)]
    cursor: Option<String>,
    /// Tickets per page, 1 to 100; 50 by default.
    #[param(minimum = 1, maximum = 100)]
    limit: Option<i64>,
}

/// Tickets a page holds unless `limit` says otherwise, and the most it may say.
const PAGE_DEFAULT: i64 = 50;
const PAGE_MAX: i64 = 100;

#[utoipa::path(
    get, path = "/api/v1/widget/{slug}/tickets", tag = "widget",
    params(("slug" = String, Path, description = "The workspace"), ListQuery), security(("session" = [])),
    responses(
        (status = 200, description = "A page of the user's tickets, newest activity first", body = TicketList),
        BadRequest,
        Unauthorized,
        OriginNotAllowed
    )
)]
async fn list_tickets(
    State(state): State<AppState>,
    session: UserSession,
    AppQuery(query): AppQuery<ListQuery>,
) -> ApiResult<Response> {
    let limit = query.limit.unwrap_or(PAGE_DEFAULT);
    if !(1..=PAGE_MAX).contains(&limit) {
        return Err(ApiError::InvalidQuery(format!(
            "limit must be between 1 and {PAGE_MAX}"
        )));
    }
    let after = cursor(query.cursor.as_deref())?;
    let key = ListKey {
        workspace_id: session.scope.workspace_id,
        email: session.scope.email.clone(),
        cursor: query.cursor,
        limit,
    };
    let version = state
        .store
        .lists_version(session.scope.workspace_id, &session.scope.email);
    let read_at = Instant::now();
    let kept = version.and_then(|v| state.ticket_lists.0.get(&key, v, read_at));
    let body = match kept {
        Some(body) => body,
        None => {
            let (tickets, next) = state
                .store
                .list_user_tickets(&session.scope, after, limit)
                .await?;
            let list = TicketList {
                tickets,
                next_cursor: next.map(|c| c.to_string()),
            };
            let body = Bytes::from(serde_json::to_vec(&list).map_err(anyhow::Error::from)?);
            if let Some(version) = version {
                let bytes = body.len() + key.email.len();
                state
                    .ticket_lists
                    .0
                    .put(key, version, read_at, body.clone(), bytes);
            }
            body
        }
    };
    Ok(([(CONTENT_TYPE, "application/json")], body).into_response())
}

/// The user marks their own ticket solved.
#[utoipa::path(
    post, path = "/api/v1/widget/{slug}/tickets/{reference}/solve", tag = "widget",
    params(("slug" = String, Path, description = "The workspace"), ("reference" = String, Path, description = "A ticket reference such as TKT-0042")), security(("session" = [])),
    responses(
        (status = 200, description = "The user marked their ticket solved: it is Resolved", body = Ticket),
        Unauthorized,
        OriginNotAllowed,
        NoSuchTicket,
        TicketConflict
    )
)]
async fn solve(
    State(state): State<AppState>,
    session: UserSession,
    AppPath((_slug, raw_ref)): AppPath<(String, String)>,
) -> ApiResult<AppJson<Ticket>> {
    let number = reference(&raw_ref)?;
    let now = state.clock.now_ms();
    tickets::solve_as_customer(&state.store, &session.scope, number, now).await?;
    let ticket = state.store.user_ticket(&session.scope, number).await?;
    Ok(AppJson(with_file_buttons(ticket)))
}

/// Each message's files, added to its `html` as buttons (`data-phx-file`), which the panel's
/// lazily loaded module answers by downloading the file with the session token. Drawn here,
/// the panel's first open carries no code for them.
fn with_file_buttons(mut ticket: Ticket) -> Ticket {
    for m in &mut ticket.messages {
        if m.attachments.is_empty() {
            continue;
        }
        let buttons = maud::html! {
            span.ph-files {
                @for a in &m.attachments {
                    button.ph-link type="button" data-phx-file=(a.id) data-name=(a.name) {
                        (a.name) " (" (crate::files::file_size(a.size)) ")"
                    }
                }
            }
        };
        m.html.push_str(&buttons.into_string());
    }
    ticket
}

/// The `Idempotency-Key` header, if sent, after checking it is a sane length and printable.
fn idempotency_key(headers: &HeaderMap) -> ApiResult<Option<&str>> {
    let Some(value) = headers.get("idempotency-key") else {
        return Ok(None);
    };
    let key = value
        .to_str()
        .ok()
        .map(str::trim)
        .filter(|k| !k.is_empty() && k.len() <= limits::IDEMPOTENCY_KEY_MAX_CHARS)
        .ok_or_else(|| {
            ApiError::invalid(
                "Idempotency-Key",
                "Idempotency-Key must be 1 to 255 printable ASCII characters",
            )
        })?;
    Ok(Some(key))
}

/// Whom a new ticket copies: all the participants the host signed for when the session
/// began, or the ones the request names, each of which must be among them.
fn copied(session: &UserSession, named: Option<&[String]>) -> ApiResult<Vec<EmailAddress>> {
    let Some(named) = named else {
        return Ok(session.participants.clone());
    };
    let mut kept = Vec::with_capacity(named.len());
    for address in named {
        let signed = EmailAddress::parse(address)
            .ok()
            .filter(|a| session.participants.contains(a))
            .ok_or_else(|| {
                ApiError::invalid(
                    "participants",
                    "only people the host's verification hash named can be copied",
                )
            })?;
        if !kept.contains(&signed) {
            kept.push(signed);
        }
    }
    Ok(kept)
}

#[utoipa::path(
    post, path = "/api/v1/widget/{slug}/tickets", tag = "widget",
    params(("slug" = String, Path, description = "The workspace"), ("Idempotency-Key" = Option<String>, Header, description = "Retries with the same key make one ticket")),
    request_body = CreateTicket, security(("session" = [])),
    responses(
        (status = 201, description = "The new ticket (or, on a replay, the first one)", body = Ticket),
        BadRequest,
        Unauthorized,
        OriginNotAllowed,
        TicketConflict,
        TooLarge,
        NotJson,
        Invalid,
        (status = 429, description = "too many tickets this hour; see Retry-After", body = ErrorBody)
    )
)]
async fn create_ticket(
    State(state): State<AppState>,
    session: UserSession,
    headers: HeaderMap,
    AppJson(req): AppJson<CreateTicket>,
) -> ApiResult<impl IntoResponse> {
    let key = idempotency_key(&headers)?;
    // The workspace's categories are read only to check one that was chosen: most tickets
    // come without, and each read is a round trip to SQLite's threads on a busy server.
    let category = match req.category.as_deref().filter(|c| !c.trim().is_empty()) {
        None => None,
        Some(chosen) => {
            let workspace = state
                .store
                .workspace_by_id(session.scope.workspace_id)
                .await?
                .ok_or(ApiError::InvalidSession)?;
            porthole_core::category(&workspace.settings.categories, Some(chosen))?
        }
    };
    let new = NewTicket {
        subject: bounded_text("subject", &req.subject, limits::SUBJECT_MAX_CHARS)?,
        description: optional_text(
            "description",
            req.description.as_deref(),
            limits::DESCRIPTION_MAX_CHARS,
        )?,
        ticket_type: req.ticket_type,
        category,
        channel: Channel::Widget,
        // Recorded when the session began.
        locale: None,
        attachments: attachment_ids(&req.attachments, limits::FILES_PER_CUSTOMER_MESSAGE)?,
        message_id: None,
        participants: copied(&session, req.participants.as_deref())?,
        portal: None,
    };
    let now = state.clock.now_ms();
    let outcome = open_ticket(&state.store, &session.scope, new, key, now).await?;
    let (ticket, replayed) = match outcome {
        Outcome::Created(t) => (t, "false"),
        Outcome::Replayed(t) => (t, "true"),
    };
    Ok((
        StatusCode::CREATED,
        [("idempotent-replayed", replayed)],
        AppJson(with_file_buttons(ticket)),
    ))
}

#[utoipa::path(
    get, path = "/api/v1/widget/{slug}/tickets/{reference}", tag = "widget",
    params(("slug" = String, Path, description = "The workspace"), ("reference" = String, Path, description = "A ticket reference such as TKT-0042")), security(("session" = [])),
    responses(
        (status = 200, description = "The ticket and its public conversation; marks it read", body = Ticket),
        Unauthorized,
        OriginNotAllowed,
        NoSuchTicket
    )
)]
async fn read_ticket(
    State(state): State<AppState>,
    session: UserSession,
    AppPath((_slug, raw_ref)): AppPath<(String, String)>,
) -> ApiResult<impl IntoResponse> {
    let number = reference(&raw_ref)?;
    let now = state.clock.now_ms();
    let ticket = tickets::open_as_customer(&state.store, &session.scope, number, now).await?;
    Ok(AppJson(with_file_buttons(ticket)))
}

#[utoipa::path(
    post, path = "/api/v1/widget/{slug}/tickets/{reference}/messages", tag = "widget",
    params(("slug" = String, Path, description = "The workspace"), ("reference" = String, Path, description = "A ticket reference such as TKT-0042")), request_body = CreateMessage, security(("session" = [])),
    responses(
        (status = 201, description = "The ticket with the reply; a Resolved or Waiting ticket reopens", body = Ticket),
        BadRequest,
        Unauthorized,
        OriginNotAllowed,
        NoSuchTicket,
        TicketConflict,
        TooLarge,
        NotJson,
        Invalid
    )
)]
async fn reply(
    State(state): State<AppState>,
    session: UserSession,
    AppPath((_slug, raw_ref)): AppPath<(String, String)>,
    AppJson(req): AppJson<CreateMessage>,
) -> ApiResult<impl IntoResponse> {
    let number = reference(&raw_ref)?;
    let post = CustomerPost::checked(&req.body, &req.attachments)?;
    let now = state.clock.now_ms();
    tickets::reply_as_customer(&state.store, &session.scope, number, post, now).await?;
    let ticket = state.store.user_ticket(&session.scope, number).await?;
    Ok((StatusCode::CREATED, AppJson(with_file_buttons(ticket))))
}

/// Counts an opened FAQ, if it is one the workspace lists.
#[utoipa::path(
    post, path = "/api/v1/widget/{slug}/faqs/clicks", tag = "widget",
    params(("slug" = String, Path, description = "The workspace")), request_body = FaqClick, security(("session" = [])),
    responses(
        (status = 204, description = "Counted"),
        BadRequest,
        Unauthorized,
        OriginNotAllowed,
        NoSuchTicket,
        Invalid
    )
)]
async fn faq_click(
    State(state): State<AppState>,
    session: UserSession,
    AppJson(click): AppJson<FaqClick>,
) -> ApiResult<StatusCode> {
    let workspace = state
        .store
        .workspace_by_id(session.scope.workspace_id)
        .await?
        .ok_or(ApiError::InvalidSession)?;
    let asked = (workspace.id, &workspace.settings);
    deflection::faq_opened(&state.store, asked, &click.question).await?;
    Ok(StatusCode::NO_CONTENT)
}
