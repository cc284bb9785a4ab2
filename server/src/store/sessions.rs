use std::time::Instant;

use rusqlite::OptionalExtension;

use super::{Revoked, Store, StoreError};
use porthole_core::sessions::{ContactUpdate, NewPageSession, NewSession, SessionStore};
use porthole_core::{CoreResult, EmailAddress};

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

impl Store {
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
}

impl SessionStore for Store {
    async fn open_widget_session(
        &self,
        replacing: Option<&str>,
        new: Option<NewSession<'_>>,
        contact: ContactUpdate<'_>,
        now_ms: i64,
    ) -> CoreResult<()> {
        let opened = self
            .write_widget_session(replacing, new, contact, now_ms)
            .await;
        opened.map_err(StoreError::from)?;
        if let Some(hash) = replacing {
            self.revoked(Revoked::Credential(hash.to_owned()));
        }
        Ok(())
    }

    async fn end_widget_session(&self, token_hash: &str) -> CoreResult<()> {
        let _turn = self.turn().await;
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&self.pool)
            .await
            .map_err(StoreError::from)?;
        self.revoked(Revoked::Credential(token_hash.to_owned()));
        Ok(())
    }

    async fn keep_page_session(
        &self,
        session: NewPageSession<'_>,
        token_hash: &str,
        life: (i64, i64),
        contact: Option<ContactUpdate<'_>>,
    ) -> CoreResult<()> {
        let kept = self
            .insert_page_session(session, token_hash, life, contact)
            .await;
        Ok(kept.map_err(StoreError::from)?)
    }
}

impl Store {
    /// See `SessionStore::open_widget_session`.
    async fn write_widget_session(
        &self,
        replacing: Option<&str>,
        new: Option<NewSession<'_>>,
        contact: ContactUpdate<'_>,
        now_ms: i64,
    ) -> anyhow::Result<()> {
        let mut tx = self.write_tx().await?;
        if let Some(hash) = replacing {
            sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
                .bind(hash)
                .execute(&mut *tx)
                .await?;
        }
        if let Some(new) = new {
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
        }
        keep_contact(&mut tx, contact, now_ms).await?;
        tx.commit().await?;
        Ok(())
    }
}

/// Creates or updates the customer's contact with what the host said, in the caller's
/// transaction: a name, metadata or language replaces the old one; an absent one leaves it.
pub(super) async fn keep_contact(
    conn: &mut sqlx::SqliteConnection,
    contact: ContactUpdate<'_>,
    now_ms: i64,
) -> anyhow::Result<()> {
    let metadata = contact.metadata.map(serde_json::to_string).transpose()?;
    sqlx::query(
        "INSERT INTO contacts (workspace_id, email, name, metadata, locale, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (workspace_id, email) DO UPDATE \
         SET name = COALESCE(excluded.name, contacts.name), \
         metadata = COALESCE(excluded.metadata, contacts.metadata), \
         locale = COALESCE(excluded.locale, contacts.locale)",
    )
    .bind(contact.workspace_id)
    .bind(contact.email.as_str())
    .bind(contact.name)
    .bind(metadata)
    .bind(contact.locale.map(porthole_types::Locale::as_str))
    .bind(now_ms)
    .execute(conn)
    .await?;
    Ok(())
}
