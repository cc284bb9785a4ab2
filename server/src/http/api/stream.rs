//! Server-Sent Events: a customer's own tickets as they change, and a workspace's for its team.
//!
//! Authenticated by the `Authorization` header like every other call (a browser reads the
//! stream with `fetch`, never `EventSource`, which would need the token in the URL). Each event
//! carries its outbox id; a client that reconnects with `Last-Event-ID` gets what it missed.
//! Before any event is read, at each heartbeat and whenever this process revokes a credential,
//! the stream's credential is checked again: a revoked session or API key, or a session whose
//! origin was disallowed, gets nothing more and the stream ends.

use std::collections::VecDeque;
use std::convert::Infallible;
use std::time::Duration;

use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue};
use axum::response::sse::{Event, Sse};
use axum::response::{IntoResponse, Response};
use tokio::sync::broadcast::error::RecvError;
use tokio::sync::{broadcast, watch};

use super::responses::{OriginNotAllowed, Unauthorized};
use crate::http::auth::{Agent, Credential, UserSession};
use crate::http::error::{ApiError, ApiResult};
use crate::http::state::AppState;
use crate::live::Slot;
use crate::store::{EventNote, EventScope, Revoked, StoredEvent};

/// A comment line at least this often keeps proxies from closing an idle stream, and is when
/// a revocation made by another process (the CLI) is noticed.
const HEARTBEAT: Duration = Duration::from_secs(15);
/// One per open tab of the host page (the loader keeps one per page); a tab past that polls.
const STREAMS_PER_SESSION: usize = 5;
const STREAMS_PER_API_KEY: usize = 10;
/// Events read from the outbox at a time.
const PAGE: i64 = 100;

/// Where a reconnecting stream resumes. Documents the header, which is read from the headers
/// (see `last_event_id`), where an absent one and a garbled one must be told apart.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Header)]
#[expect(
    dead_code,
    reason = "a description of the header for the OpenAPI document"
)]
struct Resume {
    /// Resume after this event: the id of the last event received.
    #[param(rename = "Last-Event-ID", pattern = "^[0-9]{1,18}$", nullable = false)]
    last_event_id: Option<String>,
}

#[utoipa::path(
    get, path = "/api/v1/widget/{slug}/events", tag = "widget",
    params(
        ("slug" = String, Path, description = "The workspace"),
        Resume
    ),
    security(("session" = [])),
    responses(
        (status = 200, description = "Server-Sent Events for the user's own tickets: `ticket.created`, `ticket.message` (public messages) and `ticket.status_changed`, each with its id and JSON data naming the ticket", content_type = "text/event-stream", body = Object),
        Unauthorized,
        OriginNotAllowed,
        (status = 422, description = "Last-Event-ID is not an event id", body = porthole_types::ErrorBody),
        (status = 429, description = "five streams are already open with this session", body = porthole_types::ErrorBody)
    )
)]
pub(super) async fn customer(
    State(state): State<AppState>,
    session: UserSession,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let slot = state
        .live
        .claim(&session.token_hash, STREAMS_PER_SESSION)
        .ok_or(ApiError::TooManyStreams)?;
    let workspace_id = session.scope.workspace_id;
    let contact = state
        .store
        .contact_id(workspace_id, &session.scope.email)
        .await?;
    let scope = EventScope::Customer {
        workspace_id,
        email: session.scope.email,
    };
    let holder = Holder::Session(session.token_hash);
    Feed::open(state, scope, holder, contact, &headers, slot).await
}

#[utoipa::path(
    get, path = "/api/v1/agent/events", tag = "agent",
    params(Resume),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "Server-Sent Events for every ticket of the workspace, internal notes (`ticket.note`), assignments (`ticket.assigned`) and other changes (`ticket.updated`) included", content_type = "text/event-stream", body = Object),
        Unauthorized,
        (status = 422, description = "Last-Event-ID is not an event id", body = porthole_types::ErrorBody),
        (status = 429, description = "ten streams are already open with this key", body = porthole_types::ErrorBody)
    )
)]
pub(super) async fn team(
    State(state): State<AppState>,
    Agent(key): Agent,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let holder = match key.credential {
        Credential::ApiKey(hash) => Holder::ApiKey(hash),
        Credential::Console(hash) => Holder::Console(hash),
    };
    let (Holder::ApiKey(hash) | Holder::Console(hash) | Holder::Session(hash)) = &holder;
    let slot = state
        .live
        .claim(hash, STREAMS_PER_API_KEY)
        .ok_or(ApiError::TooManyStreams)?;
    let scope = EventScope::Workspace(key.workspace_id);
    Feed::open(state, scope, holder, None, &headers, slot).await
}

/// The credential a stream was opened with, checked again before anything is sent.
enum Holder {
    Session(String),
    ApiKey(String),
    Console(String),
}

struct Feed {
    state: AppState,
    scope: EventScope,
    holder: Holder,
    workspace_id: i64,
    /// A customer stream's contact, once it exists; notes of other contacts are skipped.
    contact: Option<i64>,
    /// The tickets a customer is copied on, looked at again at each heartbeat: notes of
    /// these wake the stream too. Only a hint: what is read is decided by the store.
    shared: Vec<i64>,
    /// The id of the last event read.
    last: i64,
    /// Whether the outbox may hold events for this stream not yet read.
    unread: bool,
    pending: VecDeque<StoredEvent>,
    notes: broadcast::Receiver<EventNote>,
    closing: watch::Receiver<bool>,
    revocations: broadcast::Receiver<Revoked>,
    heartbeat: tokio::time::Interval,
    _slot: Slot,
}

impl Feed {
    async fn open(
        state: AppState,
        scope: EventScope,
        holder: Holder,
        contact: Option<i64>,
        headers: &HeaderMap,
        slot: Slot,
    ) -> ApiResult<Response> {
        // Subscribe before reading where to start, so nothing committed in between is missed.
        let notes = state.live.subscribe();
        let resume = last_event_id(headers)?;
        let last = match resume {
            Some(id) => id,
            None => state.store.last_event_id().await?,
        };
        let workspace_id = match &scope {
            EventScope::Customer { workspace_id, .. } | EventScope::Workspace(workspace_id) => {
                *workspace_id
            }
        };
        let feed = Feed {
            closing: state.live.closing(),
            revocations: state.store.revocations(),
            state,
            scope,
            holder,
            workspace_id,
            contact,
            shared: vec![],
            last,
            unread: resume.is_some(),
            pending: VecDeque::new(),
            notes,
            heartbeat: tokio::time::interval_at(tokio::time::Instant::now() + HEARTBEAT, HEARTBEAT),
            _slot: slot,
        };
        let mut feed = feed;
        feed.shared = feed.shared_now().await;
        let events = futures_util::stream::unfold(feed, |mut feed| async move {
            let event = feed.next().await?;
            Some((Ok::<_, Infallible>(event), feed))
        });
        let mut response = Sse::new(events).into_response();
        // Tells nginx and the like not to buffer the stream.
        response
            .headers_mut()
            .insert("x-accel-buffering", HeaderValue::from_static("no"));
        Ok(response)
    }

    /// The next thing to send, or `None` to end the stream.
    async fn next(&mut self) -> Option<Event> {
        loop {
            if *self.closing.borrow() {
                return None;
            }
            if let Some(event) = self.pending.pop_front() {
                return Some(
                    Event::default()
                        .id(event.id.to_string())
                        .event(event.kind)
                        .data(event.data),
                );
            }
            if self.unread {
                if !self.allowed().await {
                    return None;
                }
                self.read().await?;
                continue;
            }
            tokio::select! {
                note = self.notes.recv() => match note {
                    Ok(note) => self.unread = self.concerns(&note),
                    // Fell behind the notes: the outbox has whatever was missed.
                    Err(RecvError::Lagged(_)) => self.unread = true,
                    Err(RecvError::Closed) => return None,
                },
                _ = self.heartbeat.tick() => {
                    // Copied on a ticket since: its events so far are sent now.
                    let shared = self.shared_now().await;
                    if shared != self.shared {
                        self.shared = shared;
                        self.unread = true;
                    }
                    return self.allowed().await.then(|| Event::default().comment(""));
                }
                revoked = self.revocations.recv() => {
                    let concerned = match revoked {
                        Ok(revoked) => self.concerned_by(&revoked),
                        // Fell behind: any of those missed may have been this stream's.
                        Err(RecvError::Lagged(_)) => true,
                        Err(RecvError::Closed) => false,
                    };
                    if concerned && !self.allowed().await {
                        return None;
                    }
                }
                _ = self.closing.changed() => return None,
            }
        }
    }

    /// Whether a revocation may have ended this stream's credential. Others do not look, so a
    /// revocation costs one credential check, not one per open stream.
    fn concerned_by(&self, revoked: &Revoked) -> bool {
        let (Holder::Session(hash) | Holder::ApiKey(hash) | Holder::Console(hash)) = &self.holder;
        match revoked {
            Revoked::Credential(revoked) => revoked == hash,
            Revoked::Workspace(workspace_id) => *workspace_id == self.workspace_id,
        }
    }

    fn concerns(&self, note: &EventNote) -> bool {
        note.workspace_id == self.workspace_id
            && match (&self.scope, self.contact) {
                (EventScope::Workspace(_), _) => true,
                (EventScope::Customer { .. }, Some(contact)) => {
                    note.contact_id == contact || self.shared.contains(&note.ticket_id)
                }
                // The customer has no contact yet: their first ticket will make it.
                (EventScope::Customer { .. }, None) => true,
            }
    }

    /// Reads the next events from the outbox into `pending`.
    async fn read(&mut self) -> Option<()> {
        let store = &self.state.store;
        let events = match store.events_after(&self.scope, self.last, PAGE).await {
            Ok(events) => events,
            Err(err) => {
                tracing::warn!(error = %err, "reading events for a stream failed; ending it");
                return None;
            }
        };
        self.unread = events.len() as i64 == PAGE;
        if let Some(event) = events.last() {
            self.last = event.id;
        }
        if let (
            EventScope::Customer {
                workspace_id,
                email,
            },
            None,
            false,
        ) = (&self.scope, self.contact, events.is_empty())
        {
            self.contact = store.contact_id(*workspace_id, email).await.ok().flatten();
        }
        self.pending.extend(events);
        Some(())
    }

    /// The tickets the stream's customer is copied on now.
    async fn shared_now(&self) -> Vec<i64> {
        match (&self.scope, self.contact) {
            (EventScope::Customer { .. }, Some(contact)) => {
                let shared = self.state.store.shared_tickets(contact).await;
                shared.unwrap_or_else(|_| self.shared.clone())
            }
            _ => vec![],
        }
    }

    /// Whether the stream's credential is still good.
    async fn allowed(&self) -> bool {
        let now = self.state.clock.now_ms();
        let store = &self.state.store;
        match &self.holder {
            Holder::Session(hash) => matches!(store.find_session(hash, now).await, Ok(Some(_))),
            Holder::ApiKey(hash) => {
                matches!(store.authenticate_api_key(hash, now).await, Ok(Some(_)))
            }
            Holder::Console(hash) => matches!(store.console_session(hash, now).await, Ok(Some(_))),
        }
    }
}

fn last_event_id(headers: &HeaderMap) -> ApiResult<Option<i64>> {
    let Some(value) = headers.get("last-event-id") else {
        return Ok(None);
    };
    value
        .to_str()
        .ok()
        .and_then(|v| v.trim().parse::<i64>().ok())
        .filter(|id| *id >= 0)
        .map(Some)
        .ok_or_else(|| {
            ApiError::invalid(
                "Last-Event-ID",
                "Last-Event-ID must be the id of an event this stream sent",
            )
        })
}
