//! The agent API: a workspace API key reads and works every ticket in its workspace.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::Router;
use porthole_types::{
    AgentCreateMessage, AgentTicket, AgentTicketList, CategoryList, Colleagues, ErrorBody,
    MarkdownPreview, Presence, PreviewRequest, Priority, TicketPatch, TicketStatus,
};
use serde::Deserialize;

use super::responses::{
    BadRequest, Invalid, NoSuchTicket, NotJson, TicketConflict, TooLarge, Unauthorized,
};
use super::{cursor, reference};
use crate::http::auth::Agent;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::{AppJson, AppPath, AppQuery};
use crate::http::state::AppState;
use crate::store::AgentFilter;
use porthole_core::tickets::{self, AgentReply};
use porthole_core::{message_text, normalise_email};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/tickets", get(list))
        .route("/tickets/{reference}", get(show).patch(update))
        .route("/tickets/{reference}/messages", post(message))
        .route("/tickets/{reference}/presence", post(presence))
        .route("/preview", post(preview))
        .route("/categories", get(categories))
        .route("/events", get(super::stream::team))
}

/// The agent list's orders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
enum SortBy {
    Updated,
    Sentiment,
}

const DEFAULT_PAGE: i64 = 50;
const MAX_PAGE: i64 = 200;
const MAX_OFFSET: i64 = 1_000;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(super) struct ListQuery {
    status: Option<TicketStatus>,
    category: Option<String>,
    priority: Option<Priority>,
    assignee: Option<String>,
    /// Only tickets nobody is assigned (`true`).
    unassigned: Option<bool>,
    /// `sentiment`: most negative first, so upset customers surface (paged by `offset`).
    /// Default: most recently updated first.
    sort: Option<SortBy>,
    email: Option<String>,
    /// Text searched in subjects and messages, internal notes included.
    q: Option<String>,
    #[param(minimum = 1, maximum = 200)]
    limit: Option<i64>,
    /// Where the previous page ended: its `next_cursor`. Not with `q`, whose results are
    /// ranked and paged by `offset`.
    #[param(value_type = Option<porthole_types::schema::Cursor>)]
    cursor: Option<String>,
    /// For ranked searches and `sort=sentiment`, at most 1,000: deeper pages of a ranked list
    /// tell an agent nothing, and each would cost a scan of all before it. The default order
    /// pages any depth with `cursor`.
    #[param(minimum = 0, maximum = 1000)]
    offset: Option<i64>,
}

#[utoipa::path(
    get, path = "/api/v1/agent/tickets", tag = "agent",
    params(ListQuery), security(("api_key" = [])),
    responses(
        (status = 200, description = "Tickets, most recently updated first", body = AgentTicketList),
        BadRequest,
        Unauthorized
    )
)]
async fn list(
    State(state): State<AppState>,
    Agent(key): Agent,
    AppQuery(query): AppQuery<ListQuery>,
) -> ApiResult<AppJson<AgentTicketList>> {
    let limit = query.limit.unwrap_or(DEFAULT_PAGE);
    if !(1..=MAX_PAGE).contains(&limit) {
        return Err(ApiError::InvalidQuery(format!(
            "limit must be between 1 and {MAX_PAGE}"
        )));
    }
    let offset = query.offset.unwrap_or(0);
    if !(0..=MAX_OFFSET).contains(&offset) {
        return Err(ApiError::InvalidQuery(format!(
            "offset must be between 0 and {MAX_OFFSET}; page deeper with cursor"
        )));
    }
    let blank_is_none =
        |s: Option<String>| s.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
    let filter = AgentFilter {
        status: query.status,
        category: blank_is_none(query.category),
        priority: query.priority,
        assignee: blank_is_none(query.assignee),
        unassigned: query.unassigned.unwrap_or(false),
        by_sentiment: query.sort == Some(SortBy::Sentiment),
        email: blank_is_none(query.email).as_deref().map(normalise_email),
        text: blank_is_none(query.q),
        limit,
        offset,
        after: cursor(query.cursor.as_deref())?,
    };
    if filter.after.is_some() && (filter.text.is_some() || offset > 0 || filter.by_sentiment) {
        return Err(ApiError::InvalidQuery(
            "cursor cannot be combined with q, sort=sentiment or offset".into(),
        ));
    }
    let page = state.store.agent_list(key.workspace_id, &filter).await?;
    Ok(AppJson(AgentTicketList {
        tickets: page.tickets,
        total: page.total,
        total_capped: page.total_capped,
        next_cursor: page.next.map(|c| c.to_string()),
    }))
}

#[utoipa::path(
    get, path = "/api/v1/agent/tickets/{reference}", tag = "agent",
    params(("reference" = String, Path, description = "A ticket reference such as TKT-0042")), security(("api_key" = [])),
    responses(
        (status = 200, description = "The ticket, its contact and whole conversation", body = AgentTicket),
        Unauthorized,
        NoSuchTicket
    )
)]
async fn show(
    State(state): State<AppState>,
    Agent(key): Agent,
    AppPath(raw_ref): AppPath<String>,
) -> ApiResult<impl IntoResponse> {
    let ticket = state
        .store
        .agent_ticket(key.workspace_id, reference(&raw_ref)?)
        .await?;
    Ok(AppJson(ticket))
}

#[utoipa::path(
    patch, path = "/api/v1/agent/tickets/{reference}", tag = "agent",
    params(("reference" = String, Path, description = "A ticket reference such as TKT-0042")), request_body = TicketPatch, security(("api_key" = [])),
    responses(
        (status = 200, description = "The changed ticket", body = AgentTicket),
        BadRequest,
        Unauthorized,
        NoSuchTicket,
        TooLarge,
        NotJson,
        Invalid
    )
)]
async fn update(
    State(state): State<AppState>,
    Agent(key): Agent,
    AppPath(raw_ref): AppPath<String>,
    AppJson(patch): AppJson<TicketPatch>,
) -> ApiResult<impl IntoResponse> {
    let ticket = (key.workspace_id, reference(&raw_ref)?);
    // Only a category is checked against the workspace's settings.
    let categories = match patch.category {
        Some(_) => key.workspace(&state.store).await?.settings.categories,
        None => Vec::new(),
    };
    let now = state.clock.now_ms();
    let ticket = tickets::patch_ticket(&state.store, ticket, patch, &categories, now).await?;
    Ok(AppJson(ticket))
}

#[utoipa::path(
    post, path = "/api/v1/agent/tickets/{reference}/messages", tag = "agent",
    params(("reference" = String, Path, description = "A ticket reference such as TKT-0042")), request_body = AgentCreateMessage, security(("api_key" = [])),
    responses(
        (status = 201, description = "The ticket with the reply or internal note", body = AgentTicket),
        BadRequest,
        Unauthorized,
        NoSuchTicket,
        TicketConflict,
        TooLarge,
        NotJson,
        Invalid
    )
)]
async fn message(
    State(state): State<AppState>,
    Agent(key): Agent,
    AppPath(raw_ref): AppPath<String>,
    AppJson(req): AppJson<AgentCreateMessage>,
) -> ApiResult<impl IntoResponse> {
    let ticket = (key.workspace_id, reference(&raw_ref)?);
    let reply = AgentReply {
        author_name: req.author_name,
        agent_name: key.name.clone(),
        author_agent: key.agent_id,
        body: req.body,
        internal: req.internal,
        status: req.status,
        attachments: req.attachments,
    };
    let now = state.clock.now_ms();
    let ticket = tickets::reply_as_agent(&state.store, ticket, reply, now).await?;
    Ok((StatusCode::CREATED, AppJson(ticket)))
}

#[utoipa::path(
    get, path = "/api/v1/agent/categories", tag = "agent", security(("api_key" = []), ("console" = [])),
    responses(
        (status = 200, description = "The workspace's categories, for filing tickets and filtering the list (any agent; the rest of the settings are for admins)", body = CategoryList),
        Unauthorized
    )
)]
async fn categories(
    State(state): State<AppState>,
    Agent(key): Agent,
) -> ApiResult<AppJson<CategoryList>> {
    let workspace = key.workspace(&state.store).await?;
    Ok(AppJson(CategoryList {
        categories: workspace.settings.categories,
    }))
}

#[utoipa::path(
    post, path = "/api/v1/agent/preview", tag = "agent", request_body = PreviewRequest,
    security(("api_key" = []), ("console" = [])),
    responses(
        (status = 200, description = "A reply or note as customers and agents will read it: the Markdown rendered and sanitised exactly as when it is sent", body = MarkdownPreview),
        Unauthorized,
        (status = 422, description = "the text is over the length of a message", body = ErrorBody)
    )
)]
async fn preview(
    _: Agent,
    AppJson(req): AppJson<PreviewRequest>,
) -> ApiResult<AppJson<MarkdownPreview>> {
    let body = message_text(&req.body, true)?;
    Ok(AppJson(MarkdownPreview {
        html: porthole_core::markdown::reply_to_safe_html(&body),
    }))
}

#[utoipa::path(
    post, path = "/api/v1/agent/tickets/{reference}/presence", tag = "agent",
    params(("reference" = String, Path, description = "A ticket reference such as TKT-0042")),
    request_body = Presence, security(("api_key" = []), ("console" = [])),
    responses(
        (status = 200, description = "Noted that this agent has the ticket open (send every 10 s); the other agents who have had it open in the last 30 s, and whether they are writing a reply", body = Colleagues),
        Unauthorized,
        NoSuchTicket
    )
)]
async fn presence(
    State(state): State<AppState>,
    Agent(actor): Agent,
    AppPath(raw_ref): AppPath<String>,
    AppJson(req): AppJson<Presence>,
) -> ApiResult<AppJson<Colleagues>> {
    let number = reference(&raw_ref)?;
    // Only real tickets of this workspace are tracked.
    state
        .store
        .ticket_id(actor.workspace_id, number)
        .await?
        .ok_or(ApiError::NotFound)?;
    let others = state.presence.beat(
        (actor.workspace_id, number),
        (&actor.principal, &actor.name),
        req.replying,
        state.clock.now_ms(),
    );
    Ok(AppJson(Colleagues { others }))
}
