//! The mail queue: emails planned from the outbox, sent by the mail worker.

use crate::clock::rfc3339;
use sqlx::FromRow;

use super::{Store, UserScope};
use porthole_core::fresh_links::{Asked, LinkRequest, LinkStore};
use porthole_core::CoreResult;

/// The outbox reader that plans emails.
const READER: &str = "mail";

/// An event with what deciding its emails needs.
#[derive(Debug, Clone, FromRow)]
pub struct MailEvent {
    pub id: i64,
    /// The event as the outbox keeps it (see `porthole_types::Event`).
    pub data: String,
    pub workspace_id: i64,
    pub ticket_id: i64,
    pub channel: String,
    pub assignee: Option<String>,
    pub contact_email: String,
    pub unsubscribed: bool,
    /// The participants who take notifications, separated by spaces.
    pub participants: Option<String>,
    /// The workspace's admin agents' addresses, separated by spaces.
    pub admins: Option<String>,
    /// The workspace's settings, as stored (JSON).
    pub settings: String,
    pub created_at: i64,
}

/// An email to queue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedMail {
    pub workspace_id: i64,
    pub ticket_id: i64,
    pub kind: &'static str,
    pub recipient: String,
    pub message_id: Option<i64>,
    pub due_at: i64,
}

/// What becomes of an email that was not sent this time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotSentThen {
    /// Tried again at this time.
    Retry(i64),
    /// No longer wanted (read in the widget, the recipient taken off): dropped quietly.
    Unwanted,
    /// Undeliverable: dropped, and shown to admins.
    GiveUp,
}

/// An email that did not reach its recipient.
#[derive(Debug, Clone, FromRow)]
pub struct UndeliveredMail {
    pub id: i64,
    pub number: i64,
    pub recipient: String,
    pub kind: String,
    pub reason: Option<String>,
    pub attempts: i64,
    pub next_attempt_at: Option<i64>,
    pub failed_at: Option<i64>,
}

/// The ticket's emails that have not reached their recipient: given up on, or still retried
/// after a failed attempt. Newest first; what was sent in the end is not shown.
pub(super) fn ticket_undelivered_mail(
    conn: &rusqlite::Connection,
    ticket_id: i64,
) -> rusqlite::Result<Vec<UndeliveredMail>> {
    conn.prepare_cached(
        "SELECT q.id, t.number, q.recipient, q.kind, q.last_error, q.attempts, \
         CASE WHEN q.failed_at IS NULL THEN q.next_attempt_at END, \
         q.failed_at FROM mail_queue q JOIN tickets t ON t.id = q.ticket_id \
         WHERE q.ticket_id = ?1 AND q.last_error IS NOT NULL AND q.sent_at IS NULL \
           AND (q.failed_at IS NOT NULL OR q.dropped_at IS NULL) \
         ORDER BY q.id DESC LIMIT 20",
    )?
    .query_map([ticket_id], |row| {
        Ok(UndeliveredMail {
            id: row.get(0)?,
            number: row.get(1)?,
            recipient: row.get(2)?,
            kind: row.get(3)?,
            reason: row.get(4)?,
            attempts: row.get(5)?,
            next_attempt_at: row.get(6)?,
            failed_at: row.get(7)?,
        })
    })?
    .collect()
}

impl UndeliveredMail {
    pub fn view(self) -> porthole_types::UndeliveredEmail {
        porthole_types::UndeliveredEmail {
            ticket: porthole_core::TicketRef(self.number).to_string(),
            recipient: self.recipient,
            kind: self.kind,
            reason: self.reason.unwrap_or_default(),
            attempts: self.attempts,
            next_attempt_at: self.next_attempt_at.map(rfc3339),
            given_up_at: self.failed_at.map(rfc3339),
        }
    }
}

/// A queued email that is due, with everything needed to write it.
#[derive(Debug, Clone, FromRow)]
pub struct DueMail {
    pub id: i64,
    pub kind: String,
    pub recipient: String,
    pub attempts: i64,
    pub next_attempt_at: i64,
    pub ticket_id: i64,
    pub number: i64,
    pub subject: String,
    pub status: String,
    pub channel: String,
    pub resolution: Option<String>,
    pub description: Option<String>,
    /// Whether the message it is about is still unread by the recipient.
    pub unread: bool,
    /// The ticket's customer.
    pub contact_email: String,
    /// The recipient's contact, when the recipient is a customer: the ticket's own, or a
    /// participant.
    pub recipient_contact: Option<i64>,
    /// The language the recipient last used with us.
    pub recipient_locale: Option<String>,
    /// Whether the recipient is the ticket's customer.
    pub recipient_owner: bool,
    /// Whether the recipient may still read the ticket: a participant removed since the
    /// email was planned gets nothing more.
    pub recipient_in: bool,
    pub slug: String,
    pub workspace_name: String,
    pub settings: String,
    /// The key that signs unsubscribe links. Never logged or shown.
    pub secret: String,
    pub message_body: Option<String>,
    pub message_author: Option<String>,
    /// The address of the participant who wrote it; `None` when it was the customer.
    pub message_from: Option<String>,
    /// How many files the message carries: emails point to them, never attach them.
    pub message_files: i64,
}

impl Store {
    /// Starts the mail reader at the newest event the first time it runs, so turning email on
    /// does not send mail about the past.
    pub async fn start_mail_reader(&self) -> sqlx::Result<()> {
        self.start_reader(READER).await
    }

    /// The next events the mail reader has not planned for, oldest first.
    pub async fn unplanned_mail_events(&self, limit: i64) -> sqlx::Result<Vec<MailEvent>> {
        sqlx::query_as(
            "SELECT e.id, e.data, e.workspace_id, e.ticket_id, t.channel, t.assignee, \
             c.email AS contact_email, c.unsubscribed_at IS NOT NULL AS unsubscribed, \
             (SELECT group_concat(pc.email, ' ') FROM ticket_participants p \
              JOIN contacts pc ON pc.id = p.contact_id \
              WHERE p.ticket_id = t.id AND pc.unsubscribed_at IS NULL) AS participants, \
             (SELECT group_concat(a.email, ' ') FROM agents a WHERE a.workspace_id = e.workspace_id \
              AND a.role = 'admin' AND a.password_hash IS NOT NULL) AS admins, \
             w.settings, e.created_at \
             FROM events e JOIN tickets t ON t.id = e.ticket_id \
             JOIN contacts c ON c.id = t.contact_id JOIN workspaces w ON w.id = e.workspace_id \
             WHERE e.id > (SELECT last_event_id FROM outbox_cursors WHERE reader = $1) \
             ORDER BY e.id LIMIT $2",
        )
        .bind(READER)
        .bind(limit)
        .fetch_all(&self.pool)
        .await
    }

    /// Queues `mails`, planned from events `first` to `through`, and moves the reader past
    /// them, in one transaction: a crash either side of it plans each email exactly once. If
    /// another server on the same database planned these events first, nothing is queued.
    pub async fn queue_mail(
        &self,
        mails: &[PlannedMail],
        (first, through): (i64, i64),
        now_ms: i64,
    ) -> sqlx::Result<()> {
        let mut tx = self.write_tx().await?;
        let moved = sqlx::query(
            "UPDATE outbox_cursors SET last_event_id = $1 WHERE reader = $2 AND last_event_id < $3",
        )
        .bind(through)
        .bind(READER)
        .bind(first)
        .execute(&mut *tx)
        .await?;
        if moved.rows_affected() == 0 {
            return tx.rollback().await;
        }
        for mail in mails {
            insert_mail(&mut tx, mail, now_ms).await?;
        }
        tx.commit().await
    }

    /// Takes a due email for sending until `until`, unless another server took it first. If
    /// this one dies while sending, the email falls due again then.
    pub async fn claim_mail(&self, mail: &DueMail, until: i64) -> sqlx::Result<bool> {
        let mut tx = self.write_tx().await?;
        let done = sqlx::query(
            "UPDATE mail_queue SET next_attempt_at = $1 WHERE id = $2 AND next_attempt_at = $3 \
             AND sent_at IS NULL AND dropped_at IS NULL",
        )
        .bind(until)
        .bind(mail.id)
        .bind(mail.next_attempt_at)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(done.rows_affected() > 0)
    }

    /// Emails due by `now_ms`, soonest first.
    pub async fn due_mail(&self, now_ms: i64, limit: i64) -> sqlx::Result<Vec<DueMail>> {
        sqlx::query_as(
            "SELECT q.id, q.kind, q.recipient, q.attempts, q.next_attempt_at, q.ticket_id, t.number, t.subject, \
             t.status, t.channel, t.resolution, t.description, \
             COALESCE(m.created_at > COALESCE(CASE WHEN rc.id = t.contact_id THEN t.user_seen_at \
               ELSE p.seen_at END, 0), FALSE) AS unread, \
             c.email AS contact_email, rc.id AS recipient_contact, \
             rc.locale AS recipient_locale, rc.id IS NOT NULL AND rc.id = t.contact_id AS recipient_owner, \
             rc.id IS NOT NULL AND (rc.id = t.contact_id OR p.contact_id IS NOT NULL) AS recipient_in, \
             w.slug, w.name AS workspace_name, w.settings, w.secret, \
             m.body AS message_body, m.author_name AS message_author, \
             (SELECT email FROM contacts WHERE id = m.author_contact) AS message_from, \
             (SELECT COUNT(*) FROM attachments a WHERE a.message_id = m.id) AS message_files \
             FROM mail_queue q JOIN tickets t ON t.id = q.ticket_id \
             JOIN contacts c ON c.id = t.contact_id JOIN workspaces w ON w.id = q.workspace_id \
             LEFT JOIN contacts rc ON rc.workspace_id = q.workspace_id AND rc.email = q.recipient \
             LEFT JOIN ticket_participants p ON p.ticket_id = t.id AND p.contact_id = rc.id \
             LEFT JOIN messages m ON m.id = q.message_id \
             WHERE q.sent_at IS NULL AND q.dropped_at IS NULL AND q.next_attempt_at <= $1 \
             ORDER BY q.next_attempt_at, q.id LIMIT $2",
        )
        .bind(now_ms)
        .bind(limit)
        .fetch_all(&self.pool)
        .await
    }

    pub async fn mail_sent(&self, id: i64, now_ms: i64) -> sqlx::Result<()> {
        let mut tx = self.write_tx().await?;
        sqlx::query("UPDATE mail_queue SET sent_at = $1, attempts = attempts + 1 WHERE id = $2")
            .bind(now_ms)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records an email not sent this time, and what becomes of it. `reason` is kept for
    /// operators; it never holds the message's text.
    pub async fn mail_not_sent(
        &self,
        id: i64,
        then: NotSentThen,
        reason: &str,
        now_ms: i64,
    ) -> sqlx::Result<()> {
        let (retry_at, failed) = match then {
            NotSentThen::Retry(at) => (Some(at), false),
            NotSentThen::Unwanted => (None, false),
            NotSentThen::GiveUp => (None, true),
        };
        let mut tx = self.write_tx().await?;
        sqlx::query(
            "UPDATE mail_queue SET attempts = attempts + 1, last_error = $1, \
             next_attempt_at = COALESCE($2, next_attempt_at), \
             dropped_at = CASE WHEN $2 IS NULL THEN $3 END, \
             failed_at = CASE WHEN $4 THEN $3 END WHERE id = $5",
        )
        .bind(reason)
        .bind(retry_at)
        .bind(now_ms)
        .bind(failed)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The workspace's emails that did not reach their recipient, newest first: those being
    /// retried after a failed attempt, and those given up on since `since_ms`.
    pub async fn undelivered_mail(
        &self,
        workspace_id: i64,
        since_ms: i64,
        limit: i64,
    ) -> sqlx::Result<Vec<UndeliveredMail>> {
        // Each half is served by a partial index: failures by `mail_failed`, retries by
        // `mail_due`, which holds only what is still to be sent.
        sqlx::query_as(
            "SELECT q.id, t.number, q.recipient, q.kind, q.last_error AS reason, q.attempts, \
             CASE WHEN q.failed_at IS NULL THEN q.next_attempt_at END AS next_attempt_at, \
             q.failed_at FROM ( \
               SELECT id FROM mail_queue WHERE workspace_id = $1 AND failed_at >= $2 \
               UNION ALL \
               SELECT id FROM mail_queue WHERE sent_at IS NULL AND dropped_at IS NULL \
                 AND workspace_id = $1 AND last_error IS NOT NULL \
             ) found JOIN mail_queue q ON q.id = found.id JOIN tickets t ON t.id = q.ticket_id \
             ORDER BY q.id DESC LIMIT $3",
        )
        .bind(workspace_id)
        .bind(since_ms)
        .bind(limit)
        .fetch_all(&self.pool)
        .await
    }

    /// How many emails were given up on as undeliverable, ever (for `/metrics`).
    pub async fn mail_failed_count(&self) -> sqlx::Result<i64> {
        sqlx::query_scalar("SELECT COUNT(*) FROM mail_queue WHERE failed_at IS NOT NULL")
            .fetch_one(&self.pool)
            .await
    }

    /// How many emails wait to be sent (for `/metrics`).
    pub async fn mail_backlog(&self) -> sqlx::Result<i64> {
        sqlx::query_scalar(
            "SELECT COUNT(*) FROM mail_queue WHERE sent_at IS NULL AND dropped_at IS NULL",
        )
        .fetch_one(&self.pool)
        .await
    }
}

impl LinkStore for Store {
    async fn request_fresh_link(
        &self,
        request: LinkRequest<'_>,
        max_per_hour: i64,
        now_ms: i64,
    ) -> CoreResult<Asked> {
        let client = request.client.to_owned();
        let ticket = request.email.zip(request.number).map(|(email, number)| {
            let scope = UserScope {
                workspace_id: request.workspace_id,
                email: email.to_string(),
                name: None,
            };
            (scope, number)
        });
        let asked = self.groups.write(move |conn| {
            if let Some(wait) = super::portal::count_submission(conn, &client, now_ms)? {
                return Ok(Asked::Wait(wait));
            }
            let Some((scope, number)) = ticket else {
                return Ok(Asked::Taken);
            };
            let Some(found) = super::participants::reach(conn, &scope, number)? else {
                return Ok(Asked::Taken);
            };
            let recent: i64 = conn
                .prepare_cached(
                    "SELECT COUNT(*) FROM mail_queue WHERE ticket_id = ?1 \
                     AND kind = 'fresh_link' AND created_at > ?2",
                )?
                .query_row(rusqlite::params![found.id, now_ms - 3_600_000], |r| {
                    r.get(0)
                })?;
            if recent < max_per_hour {
                conn.prepare_cached(
                    "INSERT INTO mail_queue (workspace_id, ticket_id, kind, recipient, \
                     next_attempt_at, created_at) VALUES (?1, ?2, 'fresh_link', ?3, ?4, ?4)",
                )?
                .execute(rusqlite::params![
                    scope.workspace_id,
                    found.id,
                    scope.email,
                    now_ms
                ])?;
            }
            Ok(Asked::Taken)
        });
        Ok(asked.await?)
    }

    async fn unsubscribe(&self, workspace_id: i64, contact_id: i64, now_ms: i64) -> CoreResult<()> {
        let statement = sqlx::query(
            "UPDATE contacts SET unsubscribed_at = COALESCE(unsubscribed_at, $1) \
             WHERE id = $2 AND workspace_id = $3",
        )
        .bind(now_ms)
        .bind(contact_id)
        .bind(workspace_id);
        self.change_one(statement).await
    }
}

async fn insert_mail(
    conn: &mut sqlx::SqliteConnection,
    mail: &PlannedMail,
    now_ms: i64,
) -> sqlx::Result<()> {
    // An automatic reply goes to a sender at most once a day, however many emails they send.
    sqlx::query(
        "INSERT INTO mail_queue (workspace_id, ticket_id, kind, recipient, message_id, \
         next_attempt_at, created_at) SELECT $1, $2, $3, $4, $5, $6, $7 \
         WHERE $3 != 'auto_response' OR NOT EXISTS (SELECT 1 FROM mail_queue \
         WHERE workspace_id = $1 AND kind = 'auto_response' AND recipient = $4 \
         AND created_at > $7 - 86400000)",
    )
    .bind(mail.workspace_id)
    .bind(mail.ticket_id)
    .bind(mail.kind)
    .bind(&mail.recipient)
    .bind(mail.message_id)
    .bind(mail.due_at)
    .bind(now_ms)
    .execute(conn)
    .await?;
    Ok(())
}
