//! Changes to a ticket: the team's replies, notes and changes of fields, and the customer's
//! replies and solving it.
//!
//! Each use case checks its input by the rules every surface shares, then hands the store a
//! decision: a plain function of the ticket as the write transaction reads it, returning what
//! to write and which events to record. The store reads, calls it and writes, all in one
//! transaction, so a rule such as "an event only when the status really changes" is decided
//! here, on values, and never in SQL.

use std::future::Future;

use porthole_types::{
    limits, AgentTicket, Assigned, Author, Change, Priority, StatusChanged, Ticket, TicketPatch,
    TicketStatus, Updated,
};

use crate::message::{attachment_ids, category, message_text};
use crate::{checked_patch, markdown, optional_text, CoreError, CoreResult};

/// Whose tickets a customer's request may touch: one email in one workspace.
#[derive(Debug, Clone)]
pub struct UserScope {
    pub workspace_id: i64,
    pub email: String,
    pub name: Option<String>,
}

/// How a customer reaches a ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// They opened it (or it was opened for them): they may rate it.
    Owner,
    /// They were copied on it: they read, reply and are notified, but the rating is the
    /// owner's.
    Participant,
}

/// Who changes a ticket, which says which tickets they reach: the team any of its
/// workspace's, a customer only those they own or are copied on (anyone else's is not found).
#[derive(Debug, Clone)]
pub enum Actor {
    /// The team of this workspace.
    Team(i64),
    Customer(UserScope),
}

/// A ticket as a change to it is decided from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TicketState {
    pub status: TicketStatus,
    pub assignee: Option<String>,
    /// How the customer making the change reaches it; `None` for the team.
    pub reach: Option<Reach>,
}

/// What one change writes to a ticket, besides its time of update. `None` leaves a field as
/// it is; `Some(None)` clears it.
#[derive(Debug, Default, PartialEq)]
pub struct TicketWrite {
    pub status: Option<TicketStatus>,
    pub priority: Option<Priority>,
    pub assignee: Option<Option<String>>,
    pub resolution: Option<Option<String>>,
    pub category: Option<Option<String>>,
    /// The customer sees this change: their list orders by it and marks the ticket unread.
    pub visible: bool,
    /// A reply the customer reads: the ticket has been answered now (escalation asks).
    pub answered: bool,
    /// A message to add; the store records its own event for it, before `events`.
    pub post: Option<NewPost>,
    pub events: Vec<Change>,
}

/// A message, checked and rendered.
#[derive(Debug, PartialEq)]
pub struct NewPost {
    pub author: Author,
    pub author_name: Option<String>,
    /// The console's agent who writes it, whose picture customers see beside it.
    pub author_agent: Option<i64>,
    pub body: String,
    pub html: String,
    pub internal: bool,
    /// Ids of files staged for it, to be claimed by it.
    pub attachments: Vec<String>,
}

/// Where tickets are kept, as the team's changes need them. A storage engine implements it.
pub trait TicketStore: Send + Sync {
    /// In one write transaction: reads ticket `number` as the `actor` reaches it (not found:
    /// nothing is written), asks `decide` what to write, and writes that, its message and its
    /// events at `now_ms`; a customer's change also marks the ticket read by them. An error
    /// from `decide` leaves nothing written.
    fn change_ticket<F>(
        &self,
        actor: &Actor,
        number: i64,
        now_ms: i64,
        decide: F,
    ) -> impl Future<Output = CoreResult<()>> + Send
    where
        F: FnOnce(&TicketState) -> CoreResult<TicketWrite> + Send + 'static;

    /// As `change_ticket`, once for each email `message_id` its sender sends: a message taken
    /// in before changes nothing (`false`).
    fn change_ticket_once<F>(
        &self,
        actor: &Actor,
        number: i64,
        message_id: &str,
        now_ms: i64,
        decide: F,
    ) -> impl Future<Output = CoreResult<bool>> + Send
    where
        F: FnOnce(&TicketState) -> CoreResult<TicketWrite> + Send + 'static;

    /// The ticket as the team sees it, every message and note included.
    fn agent_ticket(
        &self,
        workspace_id: i64,
        number: i64,
    ) -> impl Future<Output = CoreResult<AgentTicket>> + Send;

    /// Marks ticket `number` read by the customer `scope` at `now_ms` (its owner, or someone
    /// copied on it), and returns it as they see it; not found when they cannot reach it.
    fn open_as_customer(
        &self,
        scope: &UserScope,
        number: i64,
        now_ms: i64,
    ) -> impl Future<Output = CoreResult<Ticket>> + Send;
}

/// A reply or internal note as a surface received it, unchecked.
#[derive(Debug, Default)]
pub struct AgentReply {
    /// The name to sign it with, if the writer gave one; blank means `agent_name`.
    pub author_name: Option<String>,
    /// The agent's (or API key's) own name.
    pub agent_name: String,
    pub author_agent: Option<i64>,
    pub body: String,
    pub internal: bool,
    /// A status to set in the same step.
    pub status: Option<TicketStatus>,
    pub attachments: Vec<String>,
}

/// Posts a reply or note by the team, and answers with the ticket as it now is.
pub async fn reply_as_agent<S: TicketStore>(
    store: &S,
    (workspace_id, number): (i64, i64),
    reply: AgentReply,
    now_ms: i64,
) -> CoreResult<AgentTicket> {
    let attachments = attachment_ids(&reply.attachments, limits::FILES_PER_AGENT_MESSAGE)?;
    let body = message_text(&reply.body, !attachments.is_empty())?;
    let author_name = optional_text(
        "author_name",
        reply.author_name.as_deref(),
        limits::NAME_MAX_CHARS,
    )?
    .unwrap_or(reply.agent_name);
    let post = NewPost {
        author: Author::Agent,
        html: markdown::message_html(Author::Agent, &body),
        author_name: Some(author_name),
        author_agent: reply.author_agent,
        body,
        internal: reply.internal,
        attachments,
    };
    let status = reply.status;
    store
        .change_ticket(&Actor::Team(workspace_id), number, now_ms, move |ticket| {
            Ok(agent_post(ticket, post, status))
        })
        .await?;
    store.agent_ticket(workspace_id, number).await
}

/// Changes a ticket's fields, `categories` being the workspace's, and answers with the ticket
/// as it now is.
pub async fn patch_ticket<S: TicketStore>(
    store: &S,
    (workspace_id, number): (i64, i64),
    patch: TicketPatch,
    categories: &[String],
    now_ms: i64,
) -> CoreResult<AgentTicket> {
    let mut patch = checked_patch(patch)?;
    if let Some(chosen) = &patch.category {
        patch.category = Some(category(categories, chosen.as_deref())?);
    }
    store
        .change_ticket(&Actor::Team(workspace_id), number, now_ms, move |ticket| {
            Ok(patched(ticket, patch))
        })
        .await?;
    store.agent_ticket(workspace_id, number).await
}

/// A customer's reply, checked and rendered; who signs it depends on how they reach the
/// ticket (see [`customer_reply`]).
pub struct CustomerPost {
    pub body: String,
    pub html: String,
    pub attachments: Vec<String>,
}

impl CustomerPost {
    /// A reply typed in the widget or a page: at most the customer's number of files, and
    /// words unless it carries files.
    pub fn checked(body: &str, attachments: &[String]) -> CoreResult<Self> {
        let attachments = attachment_ids(attachments, limits::FILES_PER_CUSTOMER_MESSAGE)?;
        let body = message_text(body, !attachments.is_empty())?;
        Ok(Self::rendered(body, attachments))
    }

    /// A reply whose text was cleaned already (one taken in by email).
    pub fn rendered(body: String, attachments: Vec<String>) -> Self {
        Self {
            html: markdown::message_html(Author::User, &body),
            body,
            attachments,
        }
    }
}

/// A customer replies to a ticket they reach.
pub async fn reply_as_customer<S: TicketStore>(
    store: &S,
    scope: &UserScope,
    number: i64,
    post: CustomerPost,
    now_ms: i64,
) -> CoreResult<()> {
    let (actor, decide) = customers_reply(scope, post);
    store.change_ticket(&actor, number, now_ms, decide).await
}

/// The customer as the one acting, and what their reply `post` decides.
fn customers_reply(
    scope: &UserScope,
    post: CustomerPost,
) -> (
    Actor,
    impl FnOnce(&TicketState) -> CoreResult<TicketWrite> + Send + 'static,
) {
    let customer = scope.clone();
    let decide = move |ticket: &TicketState| customer_reply(ticket, &customer, post);
    (Actor::Customer(scope.clone()), decide)
}

/// A customer replies by email to ticket `number`: as any reply of theirs, once per email
/// (`message_id`); whether it was new.
pub async fn reply_by_email<S: TicketStore>(
    store: &S,
    scope: &UserScope,
    number: i64,
    (post, message_id): (CustomerPost, &str),
    now_ms: i64,
) -> CoreResult<bool> {
    let (actor, decide) = customers_reply(scope, post);
    store
        .change_ticket_once(&actor, number, message_id, now_ms, decide)
        .await
}

/// A customer opens one of their tickets (in the widget, the portal or the signed iframe): it
/// is read by them from now on.
pub async fn open_as_customer<S: TicketStore>(
    store: &S,
    scope: &UserScope,
    number: i64,
    now_ms: i64,
) -> CoreResult<Ticket> {
    store.open_as_customer(scope, number, now_ms).await
}

/// A customer says their ticket is solved.
pub async fn solve_as_customer<S: TicketStore>(
    store: &S,
    scope: &UserScope,
    number: i64,
    now_ms: i64,
) -> CoreResult<()> {
    let actor = Actor::Customer(scope.clone());
    store.change_ticket(&actor, number, now_ms, solved).await
}

/// A customer's reply: none to a closed ticket; one to a resolved or waiting ticket opens it
/// again. A participant's reply is signed with their name or address, so that the customer
/// and the team both see whose it is.
fn customer_reply(
    ticket: &TicketState,
    scope: &UserScope,
    post: CustomerPost,
) -> CoreResult<TicketWrite> {
    if ticket.status == TicketStatus::Closed {
        return Err(CoreError::Conflict(
            "ticket_closed",
            "this ticket is closed; open a new one instead",
        ));
    }
    let reopens = ticket.status.reopens_on_user_reply();
    let author_name = match ticket.reach {
        Some(Reach::Participant) => Some(scope.name.clone().unwrap_or(scope.email.clone())),
        _ => scope.name.clone(),
    };
    Ok(TicketWrite {
        status: Some(if reopens {
            TicketStatus::Open
        } else {
            ticket.status
        }),
        visible: true,
        events: reopens
            .then(|| status_changed(TicketStatus::Open, Author::User))
            .into_iter()
            .collect(),
        post: Some(NewPost {
            author: Author::User,
            author_name,
            author_agent: None,
            body: post.body,
            html: post.html,
            internal: false,
            attachments: post.attachments,
        }),
        ..TicketWrite::default()
    })
}

/// A customer solving a ticket: anything but a closed one, which nothing changes.
fn solved(ticket: &TicketState) -> CoreResult<TicketWrite> {
    if ticket.status == TicketStatus::Closed {
        return Err(CoreError::Conflict(
            "ticket_closed",
            "this ticket is closed and cannot be changed",
        ));
    }
    let resolved = TicketStatus::Resolved;
    Ok(TicketWrite {
        status: Some(resolved),
        visible: true,
        events: (ticket.status != resolved)
            .then(|| status_changed(resolved, Author::User))
            .into_iter()
            .collect(),
        ..TicketWrite::default()
    })
}

fn status_changed(status: TicketStatus, by: Author) -> Change {
    Change::StatusChanged(StatusChanged { status, by })
}

/// A reply or note. A note changes nothing the customer sees, unless it sets the status.
fn agent_post(ticket: &TicketState, post: NewPost, status: Option<TicketStatus>) -> TicketWrite {
    TicketWrite {
        status,
        visible: !post.internal || status.is_some(),
        answered: !post.internal,
        events: status_event(ticket, status).into_iter().collect(),
        post: Some(post),
        ..TicketWrite::default()
    }
}

/// A change of fields: an event for each thing that changed, and a status the customer
/// sees only when it differs.
fn patched(ticket: &TicketState, patch: TicketPatch) -> TicketWrite {
    let mut events: Vec<Change> = status_event(ticket, patch.status).into_iter().collect();
    if let Some(assignee) = patch
        .assignee
        .as_ref()
        .filter(|a| a.as_deref() != ticket.assignee.as_deref())
    {
        events.push(Change::Assigned(Assigned {
            assignee: assignee.clone(),
            by: None,
        }));
    }
    if patch.priority.is_some() || patch.resolution.is_some() || patch.category.is_some() {
        events.push(Change::Updated(Updated {
            priority: patch.priority,
            resolution: patch.resolution.clone().flatten(),
            category: patch.category.clone(),
        }));
    }
    TicketWrite {
        visible: patch.status.is_some_and(|s| s != ticket.status),
        status: patch.status,
        priority: patch.priority,
        assignee: patch.assignee,
        resolution: patch.resolution,
        category: patch.category,
        events,
        ..TicketWrite::default()
    }
}

/// `ticket.status_changed`, when the status set differs from the ticket's.
fn status_event(ticket: &TicketState, status: Option<TicketStatus>) -> Option<Change> {
    status
        .filter(|s| *s != ticket.status)
        .map(|status| status_changed(status, Author::Agent))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn open() -> TicketState {
        TicketState {
            status: TicketStatus::Open,
            assignee: Some("ann".into()),
            reach: None,
        }
    }

    fn note(internal: bool) -> NewPost {
        NewPost {
            author: Author::Agent,
            author_name: Some("Ann".into()),
            author_agent: None,
            body: "b".into(),
            html: "<p>b</p>".into(),
            internal,
            attachments: vec![],
        }
    }

    #[test]
    fn a_note_is_invisible_to_the_customer_unless_it_sets_the_status() {
        let quiet = agent_post(&open(), note(true), None);
        assert!(!quiet.visible && !quiet.answered && quiet.events.is_empty());
        let same = agent_post(&open(), note(true), Some(TicketStatus::Open));
        assert!(same.visible, "a status given is shown even when unchanged");
        assert!(same.events.is_empty(), "but no event says it changed");
        let reply = agent_post(&open(), note(false), Some(TicketStatus::Resolved));
        assert!(reply.visible && reply.answered);
        assert_eq!(reply.events.len(), 1);
    }

    #[test]
    fn a_patch_records_only_what_changed() {
        let same = patched(
            &open(),
            TicketPatch {
                status: Some(TicketStatus::Open),
                assignee: Some(Some("ann".into())),
                ..Default::default()
            },
        );
        assert!(same.events.is_empty() && !same.visible);
        let moved = patched(
            &open(),
            TicketPatch {
                status: Some(TicketStatus::Waiting),
                assignee: Some(None),
                category: Some(None),
                ..Default::default()
            },
        );
        assert!(moved.visible);
        assert!(matches!(
            &moved.events[..],
            [
                Change::StatusChanged(_),
                Change::Assigned(Assigned { assignee: None, .. }),
                Change::Updated(Updated {
                    category: Some(None),
                    ..
                })
            ]
        ));
    }

    fn ada() -> UserScope {
        UserScope {
            workspace_id: 1,
            email: "ada@example.com".into(),
            name: None,
        }
    }

    fn reached(status: TicketStatus, reach: Reach) -> TicketState {
        TicketState {
            status,
            assignee: None,
            reach: Some(reach),
        }
    }

    #[test]
    fn a_customers_reply_reopens_a_waiting_ticket_and_cannot_touch_a_closed_one() {
        let post = || CustomerPost::rendered("Still broken".into(), vec![]);
        let waiting = reached(TicketStatus::Waiting, Reach::Owner);
        let write = customer_reply(&waiting, &ada(), post()).unwrap();
        assert_eq!(write.status, Some(TicketStatus::Open));
        assert!(write.visible && !write.answered);
        assert!(matches!(&write.events[..], [Change::StatusChanged(s)] if s.by == Author::User));
        let open = reached(TicketStatus::InProgress, Reach::Owner);
        let write = customer_reply(&open, &ada(), post()).unwrap();
        assert_eq!(write.status, Some(TicketStatus::InProgress));
        assert!(write.events.is_empty());
        let closed = reached(TicketStatus::Closed, Reach::Owner);
        assert!(matches!(
            customer_reply(&closed, &ada(), post()),
            Err(CoreError::Conflict("ticket_closed", _))
        ));
    }

    #[test]
    fn a_participants_reply_is_signed_so_that_everyone_sees_whose_it_is() {
        let post = || CustomerPost::rendered("Me too".into(), vec![]);
        let copied = reached(TicketStatus::Open, Reach::Participant);
        let signed = customer_reply(&copied, &ada(), post())
            .unwrap()
            .post
            .unwrap();
        assert_eq!(signed.author_name.as_deref(), Some("ada@example.com"));
        let own = reached(TicketStatus::Open, Reach::Owner);
        let unsigned = customer_reply(&own, &ada(), post()).unwrap().post.unwrap();
        assert_eq!(
            unsigned.author_name, None,
            "the owner's name is theirs to give"
        );
    }

    #[test]
    fn solving_resolves_once_and_never_a_closed_ticket() {
        let write = solved(&reached(TicketStatus::Open, Reach::Owner)).unwrap();
        assert_eq!(write.status, Some(TicketStatus::Resolved));
        assert_eq!(write.events.len(), 1);
        let again = solved(&reached(TicketStatus::Resolved, Reach::Owner)).unwrap();
        assert!(
            again.events.is_empty(),
            "no event says it changed when it did not"
        );
        assert!(solved(&reached(TicketStatus::Closed, Reach::Owner)).is_err());
    }
}
