//! Agents' pictures. A picture is first an ordinary upload, checked by its bytes like any
//! file; taking it as a picture moves it from the staged uploads to the agent's row in one
//! transaction, so its bytes are always accounted for by exactly one row.

use super::attachments::AGENT_OWNER;
use super::Store;
use super::StoreResult;
use porthole_core::CoreError;

/// Where the picture `avatar` is served, on Porthole's own origin.
pub fn avatar_path(avatar: &str) -> String {
    format!("/avatars/{avatar}")
}

/// A picture is shown small: a larger file is refused rather than served to every customer.
pub const AVATAR_MAX_BYTES: i64 = 1024 * 1024;

impl Store {
    /// Makes the agents' staged upload `upload` this agent's picture: it must be a JPEG, PNG,
    /// GIF or WebP image of at most 1 MB. Returns the picture it replaces, whose bytes the
    /// caller deletes.
    pub async fn set_avatar(
        &self,
        workspace_id: i64,
        agent_id: i64,
        upload: &str,
    ) -> StoreResult<Option<String>> {
        let mut tx = self.write_tx().await?;
        let kind: Option<String> = sqlx::query_scalar(
            "DELETE FROM attachments WHERE id = $1 AND workspace_id = $2 AND owner = $3 \
             AND message_id IS NULL AND size <= $4 \
             AND content_type IN ('image/jpeg', 'image/png', 'image/gif', 'image/webp') \
             RETURNING content_type",
        )
        .bind(upload)
        .bind(workspace_id)
        .bind(AGENT_OWNER)
        .bind(AVATAR_MAX_BYTES)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(kind) = kind else {
            return Err(CoreError::Invalid(
                "upload",
                "name an image (JPEG, PNG, GIF or WebP, at most 1 MB) uploaded in the last hour \
                 and not yet used"
                    .into(),
            )
            .into());
        };
        let old: Option<String> = sqlx::query_scalar("SELECT avatar FROM agents WHERE id = $1")
            .bind(agent_id)
            .fetch_one(&mut *tx)
            .await?;
        sqlx::query("UPDATE agents SET avatar = $1, avatar_type = $2 WHERE id = $3")
            .bind(upload)
            .bind(&kind)
            .bind(agent_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(old)
    }

    /// Takes the agent's picture away; returns it, whose bytes the caller deletes.
    pub async fn clear_avatar(&self, agent_id: i64) -> sqlx::Result<Option<String>> {
        let mut tx = self.write_tx().await?;
        let old: Option<String> = sqlx::query_scalar("SELECT avatar FROM agents WHERE id = $1")
            .bind(agent_id)
            .fetch_optional(&mut *tx)
            .await?
            .flatten();
        sqlx::query("UPDATE agents SET avatar = NULL, avatar_type = NULL WHERE id = $1")
            .bind(agent_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(old)
    }

    /// The type of the picture `avatar`, if it is some agent's current one.
    pub async fn avatar_type(&self, avatar: &str) -> sqlx::Result<Option<String>> {
        sqlx::query_scalar("SELECT avatar_type FROM agents WHERE avatar = $1")
            .bind(avatar)
            .fetch_optional(&self.pool)
            .await
            .map(Option::flatten)
    }
}
