//! Attachment rows: staged when their bytes are stored, claimed by a message in the message's
//! transaction, and read back only through the ticket's owner or the workspace's agents.

use std::collections::HashMap;

use porthole_types::Attachment;
use rusqlite::OptionalExtension;

use super::StoreResult;
use super::{Store, UserScope};
use porthole_core::CoreError;

/// The owner of a customer's staged files.
pub fn customer_owner(email: &str) -> String {
    format!("user:{email}")
}

/// The owner of agents' staged files.
pub const AGENT_OWNER: &str = "agent";

/// A file about to be stored, and whose it is.
pub struct NewAttachment<'a> {
    pub workspace_id: i64,
    pub owner: &'a str,
    pub uploader: &'a str,
    pub attachment: &'a Attachment,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    name: String,
    content_type: String,
    size: i64,
}

impl From<Row> for Attachment {
    fn from(r: Row) -> Self {
        Attachment {
            id: r.id,
            name: r.name,
            content_type: r.content_type,
            size: r.size,
        }
    }
}

/// Gives staged files `ids` to message `message_id`, in the caller's transaction (a group of
/// writes, see `group`). Each must be staged by `owner` in this workspace and not yet used;
/// otherwise nothing is claimed and the caller's transaction is to be rolled back. Returns
/// them in the order the thread shows them (see `ticket_attachments`), so what a write
/// answers matches what a read shows.
pub(super) fn claim(
    conn: &rusqlite::Connection,
    (workspace_id, owner): (i64, &str),
    message_id: i64,
    ids: &[String],
) -> StoreResult<Vec<Attachment>> {
    let mut claimed = Vec::with_capacity(ids.len());
    for id in ids {
        let row = conn
            .prepare_cached(
                "UPDATE attachments SET message_id = ?1 \
                 WHERE id = ?2 AND workspace_id = ?3 AND owner = ?4 AND message_id IS NULL \
                 RETURNING created_at, id, name, content_type, size",
            )?
            .query_row(
                rusqlite::params![message_id, id, workspace_id, owner],
                |row| {
                    let file = Attachment {
                        id: row.get(1)?,
                        name: row.get(2)?,
                        content_type: row.get(3)?,
                        size: row.get(4)?,
                    };
                    Ok((row.get::<_, i64>(0)?, file))
                },
            )
            .optional()?;
        let row = row.ok_or_else(|| {
            CoreError::Invalid(
                "attachments",
                "a file to attach was not uploaded by you, has expired, or is already attached; upload it again".into(),
            )
        })?;
        claimed.push(row);
    }
    claimed.sort_by(|a, b| (a.0, &a.1.id).cmp(&(b.0, &b.1.id)));
    Ok(claimed.into_iter().map(|(_, file)| file).collect())
}

/// The files of a ticket's messages, by message id (see `readers`).
pub(super) fn ticket_attachments(
    conn: &rusqlite::Connection,
    ticket_id: i64,
) -> rusqlite::Result<HashMap<i64, Vec<Attachment>>> {
    let mut by_message: HashMap<i64, Vec<Attachment>> = HashMap::new();
    let mut statement = conn.prepare_cached(
        "SELECT a.message_id, a.id, a.name, a.content_type, a.size FROM messages m \
         JOIN attachments a ON a.message_id = m.id WHERE m.ticket_id = ?1 \
         ORDER BY a.created_at, a.id",
    )?;
    let mut rows = statement.query([ticket_id])?;
    while let Some(row) = rows.next()? {
        by_message.entry(row.get(0)?).or_default().push(Attachment {
            id: row.get(1)?,
            name: row.get(2)?,
            content_type: row.get(3)?,
            size: row.get(4)?,
        });
    }
    Ok(by_message)
}

impl Store {
    pub async fn stage_attachment(&self, new: &NewAttachment<'_>, now_ms: i64) -> sqlx::Result<()> {
        let _turn = self.turn().await;
        sqlx::query(
            "INSERT INTO attachments (id, workspace_id, owner, uploader, name, content_type, size, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&new.attachment.id)
        .bind(new.workspace_id)
        .bind(new.owner)
        .bind(new.uploader)
        .bind(&new.attachment.name)
        .bind(&new.attachment.content_type)
        .bind(new.attachment.size)
        .bind(now_ms)
        .execute(&self.writer.pool)
        .await?;
        Ok(())
    }

    /// Deletes a staged row (never a claimed one).
    pub async fn forget_staged(&self, id: &str) -> sqlx::Result<()> {
        let _turn = self.turn().await;
        sqlx::query("DELETE FROM attachments WHERE id = $1 AND message_id IS NULL")
            .bind(id)
            .execute(&self.writer.pool)
            .await?;
        Ok(())
    }

    /// How many files `uploader` uploaded since `since`, and when the oldest of them was.
    pub async fn uploads_since(
        &self,
        uploader: &str,
        since: i64,
    ) -> sqlx::Result<(i64, Option<i64>)> {
        sqlx::query_as(
            "SELECT COUNT(*), MIN(created_at) FROM attachments \
             WHERE uploader = $1 AND created_at > $2",
        )
        .bind(uploader)
        .bind(since)
        .fetch_one(&self.pool)
        .await
    }

    /// Staged files older than `before`: uploads no message claimed.
    pub async fn staged_before(&self, before: i64) -> sqlx::Result<Vec<String>> {
        sqlx::query_scalar(
            "SELECT id FROM attachments WHERE message_id IS NULL AND created_at < $1 LIMIT 1000",
        )
        .bind(before)
        .fetch_all(&self.pool)
        .await
    }

    /// File `id`, if it is on a public message of a ticket the scope's user owns or is copied
    /// on (ticket
    /// `number` only, when given: a tracking page sees one ticket).
    pub async fn user_attachment(
        &self,
        scope: &UserScope,
        number: Option<i64>,
        id: &str,
    ) -> sqlx::Result<Option<Attachment>> {
        let row: Option<Row> = sqlx::query_as(
            "SELECT a.id, a.name, a.content_type, a.size FROM attachments a \
             JOIN messages m ON m.id = a.message_id JOIN tickets t ON t.id = m.ticket_id \
             JOIN contacts me ON me.workspace_id = $2 AND me.email = $3 \
             WHERE a.id = $1 AND a.workspace_id = $2 AND t.workspace_id = $2 \
             AND (t.contact_id = me.id OR EXISTS (SELECT 1 FROM ticket_participants p \
                  WHERE p.ticket_id = t.id AND p.contact_id = me.id)) \
             AND m.internal = FALSE AND ($4 IS NULL OR t.number = $4)",
        )
        .bind(id)
        .bind(scope.workspace_id)
        .bind(&scope.email)
        .bind(number)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(Into::into))
    }

    /// File `id`, if it is attached to a message in the workspace.
    pub async fn agent_attachment(
        &self,
        workspace_id: i64,
        id: &str,
    ) -> sqlx::Result<Option<Attachment>> {
        let row: Option<Row> = sqlx::query_as(
            "SELECT id, name, content_type, size FROM attachments \
             WHERE id = $1 AND workspace_id = $2 AND message_id IS NOT NULL",
        )
        .bind(id)
        .bind(workspace_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(Into::into))
    }
}
