//! The outbox: each change to a ticket is written as an event by the transaction that makes
//! the change, so nothing downstream (live streams now, email and webhooks next) can see a
//! change that did not commit or miss one that did.

use rusqlite::Connection;

use super::Store;
use porthole_types::{Change, Event};

use porthole_core::TicketRef;

/// Writes the change as an event in the caller's transaction (a group of writes, see `group`).
pub(super) fn record(
    conn: &Connection,
    (ticket_id, number): (i64, i64),
    change: Change,
    now_ms: i64,
) -> rusqlite::Result<()> {
    let event = Event {
        ticket: TicketRef(number).to_string(),
        change,
    };
    let data = serde_json::to_string(&event)
        .map_err(|e| rusqlite::Error::ToSqlConversionFailure(e.into()))?;
    conn.prepare_cached(
        "INSERT INTO events (workspace_id, ticket_id, contact_id, kind, public, data, created_at) \
         SELECT workspace_id, id, contact_id, ?2, ?3, ?4, ?5 FROM tickets WHERE id = ?1",
    )?
    .execute(rusqlite::params![
        ticket_id,
        event.kind().as_str(),
        event.public(),
        data,
        now_ms
    ])?;
    Ok(())
}

/// Which events a reader may see.
#[derive(Debug, Clone)]
pub enum EventScope {
    /// The public events of one customer's tickets.
    Customer { workspace_id: i64, email: String },
    /// Every event of the workspace, notes included: the team's view.
    Workspace(i64),
}

/// An event as subscribers receive it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StoredEvent {
    pub id: i64,
    pub kind: String,
    /// JSON: `type`, `ticket` and what the kind carries.
    pub data: String,
}

/// That an event committed, and whose it is: enough for a stream to tell whether to read it.
#[derive(Debug, Clone, Copy, sqlx::FromRow)]
pub struct EventNote {
    pub id: i64,
    pub workspace_id: i64,
    pub ticket_id: i64,
    pub contact_id: i64,
}

impl Store {
    /// Gives an outbox reader its place at the newest event, unless it has one: a reader that
    /// starts for the first time acts on what happens from now on, not on the past.
    pub(super) async fn start_reader(&self, reader: &str) -> sqlx::Result<()> {
        let _turn = self.turn().await;
        sqlx::query(
            "INSERT INTO outbox_cursors (reader, last_event_id) \
             SELECT $1, COALESCE(MAX(id), 0) FROM events WHERE TRUE \
             ON CONFLICT (reader) DO NOTHING",
        )
        .bind(reader)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Up to `limit` events in the scope after the event `after`, oldest first.
    pub async fn events_after(
        &self,
        scope: &EventScope,
        after: i64,
        limit: i64,
    ) -> sqlx::Result<Vec<StoredEvent>> {
        match scope {
            EventScope::Customer {
                workspace_id,
                email,
            } => {
                // Their own tickets' events, and those of tickets they are copied on for as
                // long as they are.
                sqlx::query_as(
                    "SELECT id, kind, data FROM events \
                     WHERE contact_id = (SELECT id FROM contacts \
                                         WHERE workspace_id = $1 AND email = $2) \
                     AND public AND id > $3 \
                     UNION ALL \
                     SELECT e.id, e.kind, e.data FROM ticket_participants p \
                     JOIN events e ON e.ticket_id = p.ticket_id \
                     WHERE p.contact_id = (SELECT id FROM contacts \
                                           WHERE workspace_id = $1 AND email = $2) \
                     AND e.public AND e.id > $3 ORDER BY id LIMIT $4",
                )
                .bind(workspace_id)
                .bind(email)
                .bind(after)
                .bind(limit)
                .fetch_all(&self.pool)
                .await
            }
            EventScope::Workspace(workspace_id) => {
                sqlx::query_as(
                    "SELECT id, kind, data FROM events WHERE workspace_id = $1 AND id > $2 \
                     ORDER BY id LIMIT $3",
                )
                .bind(workspace_id)
                .bind(after)
                .bind(limit)
                .fetch_all(&self.pool)
                .await
            }
        }
    }

    /// The contact id of a customer, once they have one (their first ticket makes it).
    pub async fn contact_id(&self, workspace_id: i64, email: &str) -> sqlx::Result<Option<i64>> {
        sqlx::query_scalar("SELECT id FROM contacts WHERE workspace_id = $1 AND email = $2")
            .bind(workspace_id)
            .bind(email)
            .fetch_optional(&self.pool)
            .await
    }

    /// The tickets a contact is copied on.
    pub async fn shared_tickets(&self, contact_id: i64) -> sqlx::Result<Vec<i64>> {
        sqlx::query_scalar("SELECT ticket_id FROM ticket_participants WHERE contact_id = $1")
            .bind(contact_id)
            .fetch_all(&self.pool)
            .await
    }

    /// Notes of events committed after `after`, by any process, oldest first.
    pub async fn event_notes_after(&self, after: i64, limit: i64) -> sqlx::Result<Vec<EventNote>> {
        sqlx::query_as(
            "SELECT id, workspace_id, ticket_id, contact_id FROM events WHERE id > $1 \
             ORDER BY id LIMIT $2",
        )
        .bind(after)
        .bind(limit)
        .fetch_all(&self.pool)
        .await
    }

    /// The id of the newest event, 0 when there is none.
    pub async fn last_event_id(&self) -> sqlx::Result<i64> {
        sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM events")
            .fetch_one(&self.pool)
            .await
    }
}
