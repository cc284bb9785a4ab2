//! The SQLite side of the core's `TicketStore`: a decision of the core, written in a group
//! commit. Nothing here decides; it reads the ticket as the actor reaches it, asks, and writes
//! what it is told.

use anyhow::anyhow;
use porthole_core::tickets::{
    Actor, NewPost, Reach, TicketState, TicketStore, TicketWrite, UserScope,
};
use porthole_core::{CoreError, CoreResult};
use porthole_types::{AgentTicket, Change, Priority, Ticket, TicketStatus};
use rusqlite::{Connection, OptionalExtension};

use super::attachments::{customer_owner, AGENT_OWNER};
use super::participants::{self, Reached};
use super::tickets::{insert_message, posted};
use super::{attachments, events, Store, StoreResult};

impl TicketStore for Store {
    async fn change_ticket<F>(
        &self,
        actor: &Actor,
        number: i64,
        now_ms: i64,
        decide: F,
    ) -> CoreResult<()>
    where
        F: FnOnce(&TicketState) -> CoreResult<TicketWrite> + Send + 'static,
    {
        let actor = actor.clone();
        Ok(self
            .groups
            .write(move |conn| write(conn, &actor, number, now_ms, decide))
            .await?)
    }

    async fn change_ticket_once<F>(
        &self,
        actor: &Actor,
        number: i64,
        message_id: &str,
        now_ms: i64,
        decide: F,
    ) -> CoreResult<bool>
    where
        F: FnOnce(&TicketState) -> CoreResult<TicketWrite> + Send + 'static,
    {
        let actor = actor.clone();
        let Actor::Customer(sender) = &actor else {
            return Err(CoreError::Internal(anyhow!(
                "an email comes from a customer"
            )));
        };
        let (workspace_id, sender) = (sender.workspace_id, sender.email.clone());
        let message_id = message_id.to_owned();
        let changed = self.groups.write(move |conn| {
            let ticket_id: i64 = conn
                .prepare_cached("SELECT id FROM tickets WHERE workspace_id = ?1 AND number = ?2")?
                .query_row(rusqlite::params![workspace_id, number], |r| r.get(0))
                .optional()?
                .ok_or(CoreError::NotFound)?;
            let fresh = conn
                .prepare_cached(
                    "INSERT INTO inbound_messages \
                     (workspace_id, sender, message_id, ticket_id, created_at) \
                     VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING",
                )?
                .execute(rusqlite::params![
                    workspace_id,
                    sender,
                    message_id,
                    ticket_id,
                    now_ms
                ])?;
            if fresh == 0 {
                return Ok(false);
            }
            write(conn, &actor, number, now_ms, decide)?;
            Ok(true)
        });
        Ok(changed.await?)
    }

    async fn agent_ticket(&self, workspace_id: i64, number: i64) -> CoreResult<AgentTicket> {
        Ok(Store::agent_ticket(self, workspace_id, number).await?)
    }

    async fn open_as_customer(
        &self,
        scope: &UserScope,
        number: i64,
        now_ms: i64,
    ) -> CoreResult<Ticket> {
        Ok(self.open_user_ticket(scope, number, now_ms).await?)
    }
}

/// A ticket as the actor reaches it, in the write.
pub(super) struct Found {
    pub id: i64,
    pub workspace_id: i64,
    pub state: TicketState,
    /// The customer making the change, and how they reach it.
    customer: Option<Reached>,
}

/// Reads the ticket, has `decide` say what to write, and writes it: the message first, then
/// the ticket's fields, then the message's files and the events, in the order they happened.
/// Also called by the store's own writers that wrap a decision (a reply by email).
pub(super) fn write<F>(
    conn: &Connection,
    actor: &Actor,
    number: i64,
    now_ms: i64,
    decide: F,
) -> StoreResult<()>
where
    F: FnOnce(&TicketState) -> CoreResult<TicketWrite>,
{
    let found = find(conn, actor, number)?.ok_or(CoreError::NotFound)?;
    let write = decide(&found.state)?;
    let ticket = (found.id, number);
    let post = match &write.post {
        Some(post) => Some((insert_post(conn, &found, post, now_ms)?, post)),
        None => None,
    };
    update_fields(conn, found.id, &write, now_ms)?;
    if let Some((message_id, post)) = post {
        let owner = match actor {
            Actor::Team(_) => AGENT_OWNER.to_owned(),
            Actor::Customer(scope) => customer_owner(&scope.email),
        };
        let owner = (found.workspace_id, &owner[..]);
        let files = attachments::claim(conn, owner, message_id, &post.attachments)?;
        let name = post.author_name.as_deref();
        let message = posted(message_id, post.author, name, &post.body, files);
        let change = if post.internal {
            Change::Note(message)
        } else {
            Change::Message(message)
        };
        events::record(conn, ticket, change, now_ms)?;
    }
    for change in write.events {
        events::record(conn, ticket, change, now_ms)?;
    }
    if let Some(customer) = &found.customer {
        participants::mark_seen(conn, customer, now_ms)?;
    }
    Ok(())
}

/// Ticket `number` as the actor reaches it: any of the team's workspace's; only one the
/// customer owns or is copied on.
pub(super) fn find(conn: &Connection, actor: &Actor, number: i64) -> StoreResult<Option<Found>> {
    let (id, workspace_id, status, assignee, customer) = match actor {
        Actor::Team(workspace_id) => {
            let row: Option<(i64, String, Option<String>)> = conn
                .prepare_cached(
                    "SELECT id, status, assignee FROM tickets \
                     WHERE workspace_id = ?1 AND number = ?2",
                )?
                .query_row([workspace_id, &number], |row| {
                    Ok((row.get(0)?, row.get(1)?, row.get(2)?))
                })
                .optional()?;
            let Some((id, status, assignee)) = row else {
                return Ok(None);
            };
            (id, *workspace_id, status, assignee, None)
        }
        Actor::Customer(scope) => {
            let Some(reached) = participants::reach(conn, scope, number)? else {
                return Ok(None);
            };
            let status = reached.status.clone();
            (reached.id, scope.workspace_id, status, None, Some(reached))
        }
    };
    let status = TicketStatus::parse(&status)
        .ok_or_else(|| anyhow!("ticket {id} has an unknown status {status:?}"))?;
    let reach = customer.as_ref().map(Reached::reach);
    Ok(Some(Found {
        id,
        workspace_id,
        state: TicketState {
            status,
            assignee,
            reach,
        },
        customer,
    }))
}

/// The message, and who wrote it: the console's agent, or the participant who is not the
/// ticket's owner.
fn insert_post(conn: &Connection, found: &Found, post: &NewPost, now_ms: i64) -> StoreResult<i64> {
    let author = (post.author, post.author_name.as_deref());
    let written = (post.body.as_str(), post.html.as_str());
    let message_id = insert_message(conn, found.id, author, written, post.internal, now_ms)?;
    if let Some(agent) = post.author_agent {
        conn.prepare_cached("UPDATE messages SET author_agent = ?1 WHERE id = ?2")?
            .execute([agent, message_id])?;
    }
    if let Some(me) = found
        .customer
        .as_ref()
        .filter(|c| c.reach() == Reach::Participant)
    {
        conn.prepare_cached("UPDATE messages SET author_contact = ?1 WHERE id = ?2")?
            .execute([me.me, message_id])?;
    }
    Ok(message_id)
}

/// The ticket's fields as `write` sets them: each flag says whether its field is written.
fn update_fields(
    conn: &Connection,
    ticket_id: i64,
    write: &TicketWrite,
    now_ms: i64,
) -> StoreResult<()> {
    let (set_assignee, assignee) = cleared_or_set(&write.assignee);
    let (set_resolution, resolution) = cleared_or_set(&write.resolution);
    let (set_category, category) = cleared_or_set(&write.category);
    conn.prepare_cached(
        "UPDATE tickets SET updated_at = ?1, \
         public_activity_at = CASE WHEN ?2 THEN ?1 ELSE public_activity_at END, \
         last_agent_reply_at = CASE WHEN ?3 THEN ?1 ELSE last_agent_reply_at END, \
         status = COALESCE(?4, status), priority = COALESCE(?5, priority), \
         assignee = CASE WHEN ?6 THEN ?7 ELSE assignee END, \
         resolution = CASE WHEN ?8 THEN ?9 ELSE resolution END, \
         category = CASE WHEN ?10 THEN ?11 ELSE category END \
         WHERE id = ?12",
    )?
    .execute(rusqlite::params![
        now_ms,
        write.visible,
        write.answered,
        write.status.map(TicketStatus::as_str),
        write.priority.map(Priority::as_str),
        set_assignee,
        assignee,
        set_resolution,
        resolution,
        set_category,
        category,
        ticket_id
    ])?;
    Ok(())
}

/// Whether a field is written, and with what.
fn cleared_or_set(field: &Option<Option<String>>) -> (bool, Option<&str>) {
    match field {
        None => (false, None),
        Some(value) => (true, value.as_deref()),
    }
}
