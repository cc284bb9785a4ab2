//! Tracking links, cookie sessions of server-rendered pages, and the public-submission count.

use rusqlite::Connection;

use super::Store;
use porthole_core::opening::SUBMISSIONS_PER_HOUR;
use porthole_core::sessions::{ContactUpdate, NewPageSession};
use porthole_core::tracking::TrackingStore;
use porthole_core::CoreResult;

use super::sessions::{keep_contact, participants_column};

const HOUR_MS: i64 = 3_600_000;

const INSERT_TRACKING_TOKEN: &str = "INSERT INTO tracking_tokens \
     (token_hash, ticket_id, email, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)";

/// Submissions older than a day can no longer count against anyone.
const FORGET_SUBMISSIONS: &str = "DELETE FROM portal_submissions WHERE created_at < ?1";
const RECORD_SUBMISSION: &str =
    "INSERT INTO portal_submissions (client_ip, created_at) VALUES (?1, ?2)";
const DAY_MS: i64 = 86_400_000;

/// Seconds until `client` may submit again, if its hour's allowance is used up; then it is
/// not counted. Otherwise the submission is counted. In the caller's transaction (a ticket's
/// creation), so that concurrent submissions cannot all pass.
pub(super) fn count_submission(
    conn: &Connection,
    client: &str,
    now_ms: i64,
) -> rusqlite::Result<Option<i64>> {
    let (count, oldest): (i64, Option<i64>) = conn
        .prepare_cached(
            "SELECT COUNT(*), MIN(created_at) FROM portal_submissions \
             WHERE client_ip = ?1 AND created_at > ?2",
        )?
        .query_row(rusqlite::params![client, now_ms - HOUR_MS], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })?;
    if count >= SUBMISSIONS_PER_HOUR {
        let frees_at = oldest.unwrap_or(now_ms) + HOUR_MS;
        return Ok(Some(((frees_at - now_ms + 999) / 1000).max(1)));
    }
    conn.prepare_cached(FORGET_SUBMISSIONS)?
        .execute([now_ms - DAY_MS])?;
    conn.prepare_cached(RECORD_SUBMISSION)?
        .execute(rusqlite::params![client, now_ms])?;
    Ok(None)
}

/// Keeps a tracking token's hash for the ticket, in the caller's transaction.
pub(super) fn keep_tracking_token(
    conn: &Connection,
    (ticket_id, email): (i64, &str),
    token_hash: &str,
    (now_ms, expires_at): (i64, i64),
) -> rusqlite::Result<()> {
    conn.prepare_cached(INSERT_TRACKING_TOKEN)?
        .execute(rusqlite::params![
            token_hash, ticket_id, email, now_ms, expires_at
        ])?;
    Ok(())
}

/// A cookie session of a server-rendered page. With `ticket_id`, it reaches that one ticket
/// (a tracking link proves no more); without, every ticket of its email (a verified identity).
#[derive(Debug, sqlx::FromRow)]
pub struct PageSession {
    pub workspace_id: i64,
    pub email: String,
    pub name: Option<String>,
    pub ticket_id: Option<i64>,
    /// The language the session was opened in, if one was asked for.
    pub locale: Option<String>,
    /// The participants a signed iframe's signature vouched for, a JSON array.
    pub participants: Option<String>,
}

impl Store {
    /// The id of ticket `number` in the workspace.
    pub async fn ticket_id(&self, workspace_id: i64, number: i64) -> sqlx::Result<Option<i64>> {
        sqlx::query_scalar("SELECT id FROM tickets WHERE workspace_id = $1 AND number = $2")
            .bind(workspace_id)
            .bind(number)
            .fetch_optional(&self.pool)
            .await
    }

    /// The ticket id and email a live tracking token grants, if it is for ticket `number` of
    /// the workspace.
    pub async fn redeem_tracking_token(
        &self,
        workspace_id: i64,
        number: i64,
        token_hash: &str,
        now_ms: i64,
    ) -> sqlx::Result<Option<(i64, String)>> {
        sqlx::query_as(
            "SELECT k.ticket_id, k.email FROM tracking_tokens k \
             JOIN tickets t ON t.id = k.ticket_id \
             WHERE k.token_hash = $1 AND t.workspace_id = $2 AND t.number = $3 \
             AND k.expires_at > $4",
        )
        .bind(token_hash)
        .bind(workspace_id)
        .bind(number)
        .bind(now_ms)
        .fetch_optional(&self.pool)
        .await
    }

    /// See `SessionStore::keep_page_session`.
    pub(super) async fn insert_page_session(
        &self,
        session: NewPageSession<'_>,
        token_hash: &str,
        (now_ms, ttl_ms): (i64, i64),
        contact: Option<ContactUpdate<'_>>,
    ) -> anyhow::Result<()> {
        let mut tx = self.write_tx().await?;
        sqlx::query("DELETE FROM page_sessions WHERE expires_at <= $1")
            .bind(now_ms)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO page_sessions (token_hash, workspace_id, email, name, ticket_id, \
             created_at, expires_at, locale, participants) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(token_hash)
        .bind(session.workspace_id)
        .bind(session.email.as_str())
        .bind(session.name)
        .bind(session.ticket_id)
        .bind(now_ms)
        .bind(now_ms + ttl_ms)
        .bind(session.locale.map(porthole_types::Locale::as_str))
        .bind(participants_column(session.participants))
        .execute(&mut *tx)
        .await?;
        if let Some(contact) = contact {
            keep_contact(&mut tx, contact, now_ms).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    pub async fn find_page_session(
        &self,
        token_hash: &str,
        workspace_id: i64,
        now_ms: i64,
    ) -> sqlx::Result<Option<PageSession>> {
        sqlx::query_as(
            "SELECT workspace_id, email, name, ticket_id, locale, participants FROM page_sessions \
             WHERE token_hash = $1 AND workspace_id = $2 AND expires_at > $3",
        )
        .bind(token_hash)
        .bind(workspace_id)
        .bind(now_ms)
        .fetch_optional(&self.pool)
        .await
    }

    /// Submissions from `client_ip` since `since_ms`, and when the oldest of them was made.
    pub async fn recent_submissions(
        &self,
        client_ip: &str,
        since_ms: i64,
    ) -> sqlx::Result<(i64, Option<i64>)> {
        sqlx::query_as(
            "SELECT COUNT(*), MIN(created_at) FROM portal_submissions \
             WHERE client_ip = $1 AND created_at > $2",
        )
        .bind(client_ip)
        .bind(since_ms)
        .fetch_one(&self.pool)
        .await
    }
}

impl TrackingStore for Store {
    async fn keep_tracking_token(
        &self,
        (ticket_id, email): (i64, &str),
        token_hash: &str,
        (now_ms, expires_at): (i64, i64),
    ) -> CoreResult<()> {
        let statement = sqlx::query(INSERT_TRACKING_TOKEN)
            .bind(token_hash)
            .bind(ticket_id)
            .bind(email)
            .bind(now_ms)
            .bind(expires_at);
        self.change_one(statement).await
    }
}
