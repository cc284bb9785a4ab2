//! Creating a ticket: the hour's allowance, idempotency, gapless numbers, and all of it
//! written in one savepoint of a group of writes (see `group`).

use porthole_types::{
    Assigned, AssignedBy, Author, Change, Channel, Created, Locale, Message, Priority, Ticket,
    TicketStatus, TicketType,
};
use rusqlite::{Connection, OptionalExtension};

use super::attachments;
use super::attachments::customer_owner;
use super::events;
use super::participants::{self, AddedBy};
use super::tickets::UserScope;
use super::Store;
use super::StoreResult;
use crate::clock::rfc3339;
use porthole_core::deflection::{Reader, VISIT_MS};
use porthole_core::opening::{Outcome, PortalSubmission, PreparedTicket, TicketOpener};
use porthole_core::{CoreError, CoreResult, TicketRef};

/// How many tickets a verified user may open through the widget and the signed iframe in an
/// hour. The public portal is limited per client address instead.
pub const CREATIONS_PER_HOUR: i64 = 30;
const HOUR_MS: i64 = 3_600_000;

/// Tickets one sender may open by email in an hour. Counted apart from the widget's: a From
/// address proves nothing, and a stranger writing under a user's address must not use up that
/// user's allowance in the widget.
pub const EMAIL_CREATIONS_PER_HOUR: i64 = 10;

/// Which tickets count against a new one's hourly allowance, and how many there may be:
/// verified tickets (widget and signed iframe) together, and email tickets apart. Portal
/// submissions are made under any address without proof, are limited per client address
/// instead, and must not let a stranger lock a user out: `None`.
fn allowance(channel: Channel) -> Option<(&'static str, i64)> {
    match channel {
        Channel::Widget | Channel::Embed => Some(("'widget', 'embed'", CREATIONS_PER_HOUR)),
        Channel::Email => Some(("'email'", EMAIL_CREATIONS_PER_HOUR)),
        Channel::Portal => None,
    }
}

/// `what` of the hour's tickets of the user in `channels`, counted in the database inside the
/// creating transaction, so instances and concurrent requests agree. Binds: `?1` the
/// workspace, `?2` the email, `?3` the start of the hour.
fn hour_count(what: &str, channels: &str) -> String {
    format!(
        "SELECT {what} FROM tickets t JOIN contacts c ON c.id = t.contact_id \
         WHERE c.workspace_id = ?1 AND c.email = ?2 AND t.created_at > ?3 \
         AND t.channel IN ({channels})"
    )
}

/// Seconds until the user may open another ticket, if the hour's allowance is used up.
fn creation_wait(
    conn: &Connection,
    (scope, (channels, allowed)): (&UserScope, (&str, i64)),
    now_ms: i64,
) -> rusqlite::Result<Option<i64>> {
    let counted = hour_count("COUNT(*), MIN(t.created_at)", channels);
    let (count, oldest): (i64, Option<i64>) = conn.prepare_cached(&counted)?.query_row(
        rusqlite::params![scope.workspace_id, scope.email, now_ms - HOUR_MS],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    if count < allowed {
        return Ok(None);
    }
    let frees_at = oldest.unwrap_or(now_ms) + HOUR_MS;
    Ok(Some(((frees_at - now_ms + 999) / 1000).max(1)))
}

impl TicketOpener for Store {
    /// Written in the next group of creations (see `group`), and answered once that group has
    /// committed.
    async fn write_ticket(
        &self,
        scope: &UserScope,
        ticket: PreparedTicket,
        now_ms: i64,
    ) -> CoreResult<Outcome> {
        Ok(self.create(scope, ticket, now_ms).await?)
    }
}

impl Store {
    async fn create(
        &self,
        scope: &UserScope,
        ticket: PreparedTicket,
        now_ms: i64,
    ) -> StoreResult<Outcome> {
        let written = (scope.clone(), ticket);
        let written = self
            .groups
            .write(move |conn| write_ticket(conn, written, now_ms))
            .await?;
        match written {
            Written::Created(ticket) => Ok(Outcome::Created(ticket)),
            Written::Claimed(key, fingerprint) => self.replay(scope, &key, &fingerprint).await,
            Written::Received(number) => {
                Ok(Outcome::Replayed(self.user_ticket(scope, number).await?))
            }
        }
    }

    async fn replay(
        &self,
        scope: &UserScope,
        key: &str,
        fingerprint: &str,
    ) -> StoreResult<Outcome> {
        let (stored, number): (String, Option<i64>) = sqlx::query_as(
            "SELECT k.fingerprint, t.number FROM idempotency_keys k \
             LEFT JOIN tickets t ON t.id = k.ticket_id \
             WHERE k.workspace_id = $1 AND k.email = $2 AND k.key = $3",
        )
        .bind(scope.workspace_id)
        .bind(&scope.email)
        .bind(key)
        .fetch_one(&self.pool)
        .await?;
        if stored != fingerprint {
            return Err(CoreError::Conflict(
                "idempotency_key_reused",
                "this Idempotency-Key was already used with a different request",
            )
            .into());
        }
        let number = number.ok_or(CoreError::NotFound)?;
        Ok(Outcome::Replayed(self.user_ticket(scope, number).await?))
    }
}

/// What a creation's savepoint did.
enum Written {
    Created(Ticket),
    /// Nothing: the idempotency key (and the request's fingerprint) were claimed before.
    Claimed(String, String),
    /// Nothing: the email that would open it opened this ticket before.
    Received(i64),
}

/// The ticket's number, contact, ticket, opening message, copies, events and assignment.
fn write_ticket(
    conn: &Connection,
    (scope, ticket): (UserScope, PreparedTicket),
    now_ms: i64,
) -> StoreResult<Written> {
    let PreparedTicket {
        new,
        idempotency,
        sentiment: mood,
        opening_html,
    } = ticket;
    let mut claimed_key = None;
    if let Some((key, fingerprint)) = idempotency {
        let claimed = conn
            .prepare_cached(
                "INSERT INTO idempotency_keys (workspace_id, email, key, fingerprint, created_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING",
            )?
            .execute(rusqlite::params![
                scope.workspace_id,
                scope.email,
                key,
                fingerprint,
                now_ms
            ])?;
        if claimed == 0 {
            return Ok(Written::Claimed(key, fingerprint));
        }
        claimed_key = Some(key);
    }
    if let Some(message_id) = &new.message_id {
        let seen: Option<i64> = conn
            .prepare_cached(
                "SELECT t.number FROM inbound_messages i JOIN tickets t ON t.id = i.ticket_id \
                 WHERE i.workspace_id = ?1 AND i.sender = ?2 AND i.message_id = ?3",
            )?
            .query_row(
                rusqlite::params![scope.workspace_id, scope.email, message_id],
                |row| row.get(0),
            )
            .optional()?;
        if let Some(number) = seen {
            return Ok(Written::Received(number));
        }
    }
    // A public submission counts against its client's hour here, in the transaction, so that
    // a burst of them cannot all pass a check made before.
    if let Some(portal) = &new.portal {
        if let Some(wait) = super::portal::count_submission(conn, &portal.client, now_ms)? {
            return Err(CoreError::RateLimited(wait).into());
        }
    }
    // The recent article reads of the user (and of the client, from the portal), marked as
    // not having answered them.
    let since = now_ms - VISIT_MS;
    let readers = [Some(Reader::User(&scope.email).key())]
        .into_iter()
        .chain([new.portal.as_ref().map(|p| Reader::Client(&p.client).key())]);
    for reader in readers.flatten() {
        conn.prepare_cached(super::deflection::FOLLOWED)?
            .execute(rusqlite::params![scope.workspace_id, reader, since])?;
    }
    // Under the hour's allowance, the ticket's number with the workspace's routing.
    let allowance = allowance(new.channel);
    let mut binds = vec![rusqlite::types::Value::from(scope.workspace_id)];
    let mut under_allowance = String::new();
    if let Some((channels, allowed)) = allowance {
        under_allowance = format!(" AND ({}) < ?4", hour_count("COUNT(*)", channels));
        binds.extend([
            scope.email.clone().into(),
            (now_ms - HOUR_MS).into(),
            allowed.into(),
        ]);
    }
    let numbered: Option<(i64, Option<bool>, Option<i64>)> = conn
        .prepare_cached(&format!(
            "UPDATE workspaces SET ticket_seq = ticket_seq + 1 WHERE id = ?1{under_allowance} \
             RETURNING ticket_seq, json_extract(settings, '$.auto_assign'), \
             json_extract(settings, '$.auto_assign_cap')"
        ))?
        .query_row(rusqlite::params_from_iter(binds), |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?))
        })
        .optional()?;
    let Some((number, auto_assign, cap)) = numbered else {
        // The allowance was used up, or the workspace is gone.
        let wait = match allowance {
            Some(allowance) => creation_wait(conn, (&scope, allowance), now_ms)?,
            None => None,
        };
        return Err(wait
            .map_or(CoreError::NotFound, CoreError::RateLimited)
            .into());
    };
    // Then the contact, the ticket and the description that opens its conversation (so
    // the thread reads from the start).
    let contact: i64 = conn
        .prepare_cached(
            "INSERT INTO contacts (workspace_id, email, name, locale, created_at) \
             VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (workspace_id, email) DO UPDATE \
             SET name = COALESCE(excluded.name, contacts.name), \
             locale = COALESCE(excluded.locale, contacts.locale) RETURNING id",
        )?
        .query_row(
            rusqlite::params![
                scope.workspace_id,
                scope.email,
                scope.name,
                new.locale.map(Locale::as_str),
                now_ms
            ],
            |row| row.get(0),
        )?;
    let ticket_id: i64 = conn
        .prepare_cached(
            "INSERT INTO tickets (workspace_id, number, contact_id, subject, description, kind, \
             status, priority, channel, created_at, updated_at, public_activity_at, user_seen_at, \
             category, sentiment) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?10, ?10, ?11, ?12) \
             RETURNING id",
        )?
        .query_row(
            rusqlite::params![
                scope.workspace_id,
                number,
                contact,
                new.subject,
                new.description,
                new.ticket_type.map(TicketType::as_str),
                TicketStatus::Open.as_str(),
                Priority::Medium.as_str(),
                new.channel.as_str(),
                now_ms,
                new.category,
                mood
            ],
            |row| row.get(0),
        )?;
    // Files sent with the ticket belong to its first message.
    let opening_body = (new.description.is_some() || !new.attachments.is_empty())
        .then(|| new.description.as_deref().unwrap_or_default());
    let mut opening = None;
    if let Some(body) = opening_body {
        let html = opening_html.unwrap_or_default();
        let author = (Author::User, scope.name.as_deref());
        let message_id =
            super::tickets::insert_message(conn, ticket_id, author, (body, &html), false, now_ms)?;
        let owner = customer_owner(&scope.email);
        let owner = (scope.workspace_id, &owner[..]);
        let attached = attachments::claim(conn, owner, message_id, &new.attachments)?;
        opening = Some(Message {
            id: message_id,
            author: Author::User,
            author_name: scope.name.clone(),
            author_avatar: None,
            html,
            body: body.to_owned(),
            created_at: rfc3339(now_ms),
            attachments: attached,
        });
    }
    let attached = opening.as_ref().map_or(&[][..], |m| &m.attachments[..]);
    let added_by = match new.channel {
        Channel::Email => AddedBy::Email,
        _ => AddedBy::User,
    };
    let copied = (scope.workspace_id, ticket_id);
    let copied = participants::add(conn, copied, &new.participants, added_by, now_ms)?;
    let ticket = (ticket_id, number);
    let change = Change::Created(Created {
        subject: new.subject.clone(),
        status: TicketStatus::Open,
        channel: new.channel,
        attachments: attached.to_vec(),
        participants: copied,
    });
    events::record(conn, ticket, change, now_ms)?;
    let assigned = match auto_assign {
        Some(true) => super::agents::round_robin(conn, scope.workspace_id, cap, now_ms)?,
        _ => None,
    };
    if let Some(agent) = assigned {
        conn.prepare_cached("UPDATE tickets SET assignee = ?1 WHERE id = ?2")?
            .execute(rusqlite::params![agent, ticket_id])?;
        let change = Change::Assigned(Assigned {
            assignee: Some(agent),
            by: Some(AssignedBy::RoundRobin),
        });
        events::record(conn, ticket, change, now_ms)?;
    }
    if let Some(message_id) = &new.message_id {
        conn.prepare_cached(
            "INSERT INTO inbound_messages (workspace_id, sender, message_id, ticket_id, \
             created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(rusqlite::params![
            scope.workspace_id,
            scope.email,
            message_id,
            ticket_id,
            now_ms
        ])?;
    }
    if let Some(PortalSubmission { tracking, .. }) = &new.portal {
        let (hash, expires_at) = tracking;
        let ticket = (ticket_id, &scope.email[..]);
        super::portal::keep_tracking_token(conn, ticket, hash, (now_ms, *expires_at))?;
    }
    if let Some(key) = claimed_key {
        conn.prepare_cached(
            "UPDATE idempotency_keys SET ticket_id = ?1 \
             WHERE workspace_id = ?2 AND email = ?3 AND key = ?4",
        )?
        .execute(rusqlite::params![
            ticket_id,
            scope.workspace_id,
            scope.email,
            key
        ])?;
    }
    // Answered from what was written rather than read back: the same fields a read gives
    // (see `user_ticket`), without four reads while other users wait to write.
    Ok(Written::Created(Ticket {
        reference: TicketRef(number).to_string(),
        subject: new.subject,
        status: TicketStatus::Open,
        ticket_type: new.ticket_type,
        category: new.category,
        created_at: rfc3339(now_ms),
        updated_at: rfc3339(now_ms),
        resolution: None,
        messages: opening.into_iter().collect(),
        awaiting_rating: false,
    }))
}

#[cfg(test)]
pub(super) mod tests {
    use std::sync::atomic::Ordering;

    use futures_util::future::join_all;
    use porthole_types::Channel;

    use super::super::{Store, StoreError, UserScope};
    use porthole_core::opening::{open_ticket, NewTicket, Outcome};
    use porthole_core::{workspaces, CoreError};

    pub(in crate::store) async fn store_with_workspace() -> (tempfile::TempDir, Store, i64) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("p.db")).await.unwrap();
        let opening = ("acme", "Acme", &["https://acme.example".to_owned()][..]);
        let opened = workspaces::create(&store, opening, Default::default(), 1_000);
        let id = opened.await.unwrap().id;
        (dir, store, id)
    }

    pub(in crate::store) fn scope(workspace_id: i64, email: &str) -> UserScope {
        UserScope {
            workspace_id,
            email: email.into(),
            name: None,
        }
    }

    pub(in crate::store) fn ticket(subject: String, attachments: Vec<String>) -> NewTicket {
        NewTicket {
            subject,
            description: Some("It broke".into()),
            ticket_type: None,
            category: None,
            channel: Channel::Widget,
            locale: None,
            attachments,
            message_id: None,
            participants: vec![],
            portal: None,
        }
    }

    async fn count(store: &Store, sql: &str) -> i64 {
        sqlx::query_scalar(sql)
            .fetch_one(&store.pool)
            .await
            .unwrap()
    }

    #[tokio::test]
    async fn creations_sharing_a_commit_keep_their_tickets_when_some_fail() {
        let (_dir, store, workspace) = store_with_workspace().await;
        let turns_before = store.writer.writes_done.load(Ordering::Acquire);
        // All queued at once, so they share commits. Every fourth names a file that does not
        // exist, which fails after its ticket was written: the first among them, bare.
        let creations = (0..40).map(|i| {
            let fails = i % 4 == 0;
            let email = format!("{}{i}@example.com", if fails { "failed" } else { "user" });
            let files = if fails {
                vec!["no-such-file".into()]
            } else {
                vec![]
            };
            let new = ticket(format!("subject word{i}x"), files);
            let store = store.clone();
            async move { open_ticket(&store, &scope(workspace, &email), new, None, 2_000).await }
        });
        let results = join_all(creations).await;
        let turns = store.writer.writes_done.load(Ordering::Acquire) - turns_before;
        assert!(turns <= 3, "40 creations took {turns} turns to write");

        let mut numbers = Vec::new();
        for (i, result) in results.into_iter().enumerate() {
            match result {
                Ok(Outcome::Created(t)) if i % 4 != 0 => numbers.push(t.reference),
                Err(CoreError::Invalid(..)) if i % 4 == 0 => {}
                other => panic!("creation {i}: {:?}", other.map(|_| ())),
            }
        }
        numbers.sort();
        let expected: Vec<String> = (1..=30).map(|n| format!("TKT-{n:04}")).collect();
        assert_eq!(numbers, expected, "numbers without a gap");

        // What failed left nothing: no contact, ticket, message, event or searchable text.
        let failed = "SELECT COUNT(*) FROM contacts WHERE email LIKE 'failed%'";
        assert_eq!(count(&store, failed).await, 0);
        assert_eq!(count(&store, "SELECT COUNT(*) FROM tickets").await, 30);
        assert_eq!(count(&store, "SELECT COUNT(*) FROM messages").await, 30);
        assert_eq!(count(&store, "SELECT COUNT(*) FROM events").await, 30);
        assert_eq!(
            count(&store, "SELECT COUNT(*) FROM search_pending").await,
            0
        );
        for i in 0..40 {
            let found = count(
                &store,
                &format!("SELECT COUNT(*) FROM ticket_text WHERE ticket_text MATCH 'word{i}x'"),
            )
            .await;
            assert_eq!(found, i64::from(i % 4 != 0), "search for ticket {i}");
        }
    }

    #[tokio::test]
    async fn repeats_of_one_request_in_one_commit_create_one_ticket() {
        let (_dir, store, workspace) = store_with_workspace().await;
        let who = scope(workspace, "user@example.com");
        let creations = (0..5).map(|_| {
            let new = ticket("Invoice".into(), vec![]);
            open_ticket(&store, &who, new, Some("key-1"), 2_000)
        });
        let results = join_all(creations).await;
        let mut created = 0;
        for result in results {
            match result.unwrap() {
                Outcome::Created(t) => {
                    created += 1;
                    assert_eq!(t.reference, "TKT-0001");
                }
                Outcome::Replayed(t) => assert_eq!(t.reference, "TKT-0001"),
            }
        }
        assert_eq!(created, 1);
        assert_eq!(count(&store, "SELECT COUNT(*) FROM tickets").await, 1);
    }

    #[tokio::test]
    async fn a_write_that_panics_fails_alone_and_writing_goes_on() {
        let (_dir, store, workspace) = store_with_workspace().await;
        let who = scope(workspace, "user@example.com");
        let panics = store
            .groups
            .write(|_conn| -> super::StoreResult<()> { panic!("a bug in a write") });
        let creates = open_ticket(
            &store,
            &who,
            ticket("After the panic".into(), vec![]),
            None,
            2_000,
        );
        let (panicked, created) = tokio::join!(panics, creates);
        assert!(matches!(
            panicked,
            Err(StoreError::Core(CoreError::Internal(_)))
        ));
        assert!(matches!(created, Ok(Outcome::Created(_))));
        let again = open_ticket(
            &store,
            &who,
            ticket("Later still".into(), vec![]),
            None,
            3_000,
        )
        .await;
        assert!(matches!(again, Ok(Outcome::Created(t)) if t.reference == "TKT-0002"));
    }
}
