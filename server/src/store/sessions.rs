use std::time::Instant;

use rusqlite::OptionalExtension;

use super::{Revoked, Store};
use porthole_core::{EmailAddress, Origin};

/// A live session, found by the hash of its token.
#[derive(Clone)]
pub struct SessionRow {
    pub workspace_id: i64,
    pub slug: String,
    pub email: String,
    pub name: Option<String>,
    pub origin: String,
    pub expires_at: i64,
    /// The participants the host's signature vouched for, a JSON array.
    pub participants: Option<String>,
}

impl SessionRow {
    pub fn participants(&self) -> Vec<EmailAddress> {
        stored_participants(self.participants.as_deref())
    }
}

/// Participants as sessions keep them: a JSON array, or nothing for none.
pub fn participants_column(participants: &[EmailAddress]) -> Option<String> {
    let list: Vec<&str> = participants.iter().map(EmailAddress::as_str).collect();
    (!list.is_empty()).then(|| serde_json::to_string(&list).unwrap_or_default())
}

pub fn stored_participants(column: Option<&str>) -> Vec<EmailAddress> {
    let list: Vec<String> = column
        .and_then(|c| serde_json::from_str(c).ok())
        .unwrap_or_default();
    list.iter()
        .filter_map(|p| EmailAddress::parse(p).ok())
        .collect()
}

/// A session about to be stored: the token's hash and what it is bound to.
pub struct NewSession<'a> {
    pub token_hash: &'a str,
    pub workspace_id: i64,
    pub email: &'a EmailAddress,
    pub name: Option<&'a str>,
    pub origin: &'a Origin,
    pub expires_at: i64,
    pub participants: &'a [EmailAddress],
}

impl Store {
    pub async fn create_session(&self, new: NewSession<'_>, now_ms: i64) -> sqlx::Result<()> {
        let mut tx = self.write_tx().await?;
        // Expired rows are useless; clearing them here keeps the table small without a job.
        sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
            .bind(now_ms)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO sessions (token_hash, workspace_id, email, name, origin, created_at, \
             expires_at, participants) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(new.token_hash)
        .bind(new.workspace_id)
        .bind(new.email.as_str())
        .bind(new.name)
        .bind(new.origin.as_str())
        .bind(now_ms)
        .bind(new.expires_at)
        .bind(participants_column(new.participants))
        .execute(&mut *tx)
        .await?;
        tx.commit().await
    }

    /// The unexpired session with this token hash whose origin the workspace still allows, so
    /// removing an origin ends its sessions at once. Kept in memory between calls until a
    /// commit changes sessions, origins or a workspace's address (see `store::changes`).
    pub async fn find_session(
        &self,
        token_hash: &str,
        now_ms: i64,
    ) -> sqlx::Result<Option<SessionRow>> {
        // Revocations and origin changes are counted as they return, writes as they commit.
        let version = self.sessions_version();
        let read_at = Instant::now();
        let kept = version.and_then(|v| self.sessions.get(token_hash, v, read_at));
        if let Some(session) = kept {
            return Ok((session.expires_at > now_ms).then_some(session));
        }
        let found = self.readers.read(|conn| {
            conn.prepare_cached(
                "SELECT s.workspace_id, w.slug, s.email, s.name, s.origin, s.expires_at, \
                 s.participants \
                 FROM sessions s JOIN workspaces w ON w.id = s.workspace_id \
                 JOIN workspace_origins o ON o.workspace_id = s.workspace_id \
                 AND o.origin = s.origin \
                 WHERE s.token_hash = ?1 AND s.expires_at > ?2",
            )?
            .query_row(rusqlite::params![token_hash, now_ms], |row| {
                Ok(SessionRow {
                    workspace_id: row.get(0)?,
                    slug: row.get(1)?,
                    email: row.get(2)?,
                    name: row.get(3)?,
                    origin: row.get(4)?,
                    expires_at: row.get(5)?,
                    participants: row.get(6)?,
                })
            })
            .optional()
        })?;
        // Only sessions that exist are kept: made-up tokens must not fill the cache.
        if let (Some(session), Some(version)) = (&found, version) {
            let bytes = token_hash.len()
                + session.slug.len()
                + session.email.len()
                + session.name.as_ref().map_or(0, String::len)
                + session.origin.len()
                + session.participants.as_ref().map_or(0, String::len);
            self.sessions.put(
                token_hash.to_owned(),
                version,
                read_at,
                session.clone(),
                bytes,
            );
        }
        Ok(found)
    }

    /// Deletes the session; returns whether there was one.
    pub async fn delete_session(&self, token_hash: &str) -> sqlx::Result<bool> {
        let _turn = self.turn().await;
        let done = sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        self.revoked(Revoked::Credential(token_hash.to_owned()));
        Ok(done.rows_affected() > 0)
    }
}
