//! Participants: people copied on a ticket besides its customer. Every customer-side read and
//! write finds its ticket through [`reach`], which lets in the owner and the participants and
//! nobody else, so removing a participant ends their access at the next request.

use porthole_types::limits::PARTICIPANTS_PER_TICKET;
use porthole_types::{Change, Copied, Participant};
use rusqlite::OptionalExtension;

use super::events;
use super::tickets::{ticket_id, ticket_status, UserScope};
use super::Store;
use super::StoreResult;
use crate::clock::rfc3339;
use porthole_core::participants::ParticipantStore;
use porthole_core::{CoreError, CoreResult, EmailAddress};

pub use porthole_core::tickets::Reach;

/// A ticket as a customer reaches it.
#[derive(Debug, sqlx::FromRow)]
pub(super) struct Reached {
    pub id: i64,
    pub status: String,
    /// The customer's contact.
    pub me: i64,
    owner: bool,
}

impl Reached {
    pub fn reach(&self) -> Reach {
        if self.owner {
            Reach::Owner
        } else {
            Reach::Participant
        }
    }
}

/// Ticket `number` (`?2`) of the workspace (`?1`), if the customer (`?3`) owns it or is copied
/// on it. Anyone else's ticket and a missing one are indistinguishable.
const REACH: &str = "SELECT t.id, t.status, me.id AS me, t.contact_id = me.id AS owner \
     FROM contacts me JOIN tickets t ON t.workspace_id = me.workspace_id AND t.number = ?2 \
     WHERE me.workspace_id = ?1 AND me.email = ?3 \
     AND (t.contact_id = me.id OR EXISTS (SELECT 1 FROM ticket_participants p \
          WHERE p.ticket_id = t.id AND p.contact_id = me.id))";

/// [`REACH`], in a read (see `readers`) or a write (see `group`).
pub(super) fn reach(
    conn: &rusqlite::Connection,
    scope: &UserScope,
    number: i64,
) -> rusqlite::Result<Option<Reached>> {
    conn.prepare_cached(REACH)?
        .query_row(
            rusqlite::params![scope.workspace_id, number, scope.email],
            |row| {
                Ok(Reached {
                    id: row.get(0)?,
                    status: row.get(1)?,
                    me: row.get(2)?,
                    owner: row.get(3)?,
                })
            },
        )
        .optional()
}

/// Who is copied on a ticket, in the order they were added.
pub(super) fn participants(
    conn: &rusqlite::Connection,
    ticket_id: i64,
) -> rusqlite::Result<Vec<Participant>> {
    conn.prepare_cached(
        "SELECT c.email, c.name, p.added_by, p.created_at FROM ticket_participants p \
         JOIN contacts c ON c.id = p.contact_id WHERE p.ticket_id = ?1 \
         ORDER BY p.created_at, c.email",
    )?
    .query_map([ticket_id], |row| {
        Ok(Participant {
            email: row.get(0)?,
            name: row.get(1)?,
            added_by: row.get(2)?,
            added_at: rfc3339(row.get(3)?),
        })
    })?
    .collect()
}

/// Marks the ticket read by this customer: the owner's mark is on the ticket, each
/// participant's on their row.
pub(super) fn mark_seen(
    conn: &rusqlite::Connection,
    ticket: &Reached,
    now_ms: i64,
) -> rusqlite::Result<()> {
    match ticket.reach() {
        Reach::Owner => conn
            .prepare_cached("UPDATE tickets SET user_seen_at = ?1 WHERE id = ?2")?
            .execute(rusqlite::params![now_ms, ticket.id])?,
        Reach::Participant => conn
            .prepare_cached(
                "UPDATE ticket_participants SET seen_at = ?1 \
                 WHERE ticket_id = ?2 AND contact_id = ?3",
            )?
            .execute(rusqlite::params![now_ms, ticket.id, ticket.me])?,
    };
    Ok(())
}

/// Who copied a participant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddedBy {
    Agent,
    /// The host, through a signature, when the user opened the ticket.
    User,
    /// The Cc of the email that opened the ticket.
    Email,
}

impl AddedBy {
    fn as_str(self) -> &'static str {
        match self {
            AddedBy::Agent => "agent",
            AddedBy::User => "user",
            AddedBy::Email => "email",
        }
    }
}

/// Copies `emails` on the ticket in the caller's transaction, making contacts as needed. The
/// ticket's customer and those already copied are skipped; returns who was added. More than
/// the per-ticket limit in all is refused and nothing is added.
pub(super) fn add(
    conn: &rusqlite::Connection,
    (workspace_id, ticket_id): (i64, i64),
    emails: &[EmailAddress],
    added_by: AddedBy,
    now_ms: i64,
) -> StoreResult<Vec<String>> {
    // Most tickets copy nobody: then there is nothing to count either.
    if emails.is_empty() {
        return Ok(vec![]);
    }
    let mut added = vec![];
    for email in emails {
        let contact: i64 = conn
            .prepare_cached(
                "INSERT INTO contacts (workspace_id, email, created_at) VALUES (?1, ?2, ?3) \
                 ON CONFLICT (workspace_id, email) DO UPDATE SET email = excluded.email \
                 RETURNING id",
            )?
            .query_row(
                rusqlite::params![workspace_id, email.as_str(), now_ms],
                |row| row.get(0),
            )?;
        let done = conn
            .prepare_cached(
                "INSERT INTO ticket_participants (ticket_id, contact_id, added_by, created_at) \
                 SELECT ?1, ?2, ?3, ?4 FROM tickets WHERE id = ?1 AND contact_id <> ?2 \
                 ON CONFLICT DO NOTHING",
            )?
            .execute(rusqlite::params![
                ticket_id,
                contact,
                added_by.as_str(),
                now_ms
            ])?;
        if done > 0 {
            added.push(email.to_string());
        }
    }
    let count: i64 = conn
        .prepare_cached("SELECT COUNT(*) FROM ticket_participants WHERE ticket_id = ?1")?
        .query_row([ticket_id], |row| row.get(0))?;
    if count > PARTICIPANTS_PER_TICKET as i64 {
        return Err(CoreError::Invalid(
            "participants",
            format!("a ticket can have at most {PARTICIPANTS_PER_TICKET} participants"),
        )
        .into());
    }
    Ok(added)
}

impl Store {
    /// The id of ticket `number` if the scope's customer owns it or is copied on it.
    pub async fn reachable_ticket(
        &self,
        scope: &UserScope,
        number: i64,
    ) -> sqlx::Result<Option<i64>> {
        self.readers
            .read(|conn| Ok(reach(conn, scope, number)?.map(|t| t.id)))
    }

    /// Who is copied on ticket `number` of the workspace.
    pub async fn participants_of(
        &self,
        workspace_id: i64,
        number: i64,
    ) -> StoreResult<Vec<Participant>> {
        self.readers
            .read(|conn| {
                let Some(id) = ticket_id(conn, workspace_id, number)? else {
                    return Ok(None);
                };
                participants(conn, id).map(Some)
            })?
            .ok_or(CoreError::NotFound.into())
    }
}

impl ParticipantStore for Store {
    async fn copy_on_ticket(
        &self,
        (workspace_id, number): (i64, i64),
        email: &EmailAddress,
        now_ms: i64,
    ) -> CoreResult<bool> {
        let email = email.clone();
        let copied = self
            .groups
            .write(move |conn| {
                let (ticket_id, _) = ticket_status(conn, workspace_id, number)?;
                let reached = conn
                    .prepare_cached(
                        "SELECT 1 FROM contacts c JOIN tickets t ON t.id = ?3 \
                         WHERE c.workspace_id = ?1 AND c.email = ?2 \
                         AND (t.contact_id = c.id OR EXISTS (SELECT 1 FROM ticket_participants p \
                              WHERE p.ticket_id = t.id AND p.contact_id = c.id))",
                    )?
                    .exists(rusqlite::params![workspace_id, email.as_str(), ticket_id])?;
                if reached {
                    return Ok(false);
                }
                let ticket = (workspace_id, ticket_id);
                let emails = std::slice::from_ref(&email);
                add(conn, ticket, emails, AddedBy::Agent, now_ms)?;
                let participant = email.to_string();
                let change = Change::ParticipantAdded(Copied { participant });
                events::record(conn, (ticket_id, number), change, now_ms)?;
                Ok(true)
            })
            .await?;
        Ok(copied)
    }

    async fn take_off_ticket(
        &self,
        (workspace_id, number): (i64, i64),
        email: &EmailAddress,
        now_ms: i64,
    ) -> CoreResult<bool> {
        let email = email.clone();
        let removed = self
            .groups
            .write(move |conn| {
                let (ticket_id, _) = ticket_status(conn, workspace_id, number)?;
                let done = conn
                    .prepare_cached(
                        "DELETE FROM ticket_participants WHERE ticket_id = ?1 AND contact_id = \
                         (SELECT id FROM contacts WHERE workspace_id = ?2 AND email = ?3)",
                    )?
                    .execute(rusqlite::params![ticket_id, workspace_id, email.as_str()])?;
                if done == 0 {
                    return Ok(false);
                }
                let participant = email.to_string();
                let change = Change::ParticipantRemoved(Copied { participant });
                events::record(conn, (ticket_id, number), change, now_ms)?;
                Ok(true)
            })
            .await?;
        Ok(removed)
    }
}
