//! Agents' profiles: their name and availability, and their pictures. A picture is first an
//! ordinary upload, checked by its bytes like any file; taking it as a picture moves it from
//! the staged uploads to the agent's row in one transaction, so its bytes are always
//! accounted for by exactly one row.

use porthole_core::profile::ProfileStore;
use porthole_core::CoreResult;
use porthole_types::Locale;

use super::attachments::AGENT_OWNER;
use super::{Store, StoreError};

/// Where the picture `avatar` is served, on Porthole's own origin.
pub fn avatar_path(avatar: &str) -> String {
    format!("/avatars/{avatar}")
}

impl ProfileStore for Store {
    async fn change_profile(
        &self,
        agent_id: i64,
        (name, available): (Option<&str>, Option<bool>),
        locale: Option<Option<Locale>>,
    ) -> CoreResult<()> {
        let statement = sqlx::query(
            "UPDATE agents SET name = COALESCE($1, name), available = COALESCE($2, available), \
             locale = CASE WHEN $3 THEN $4 ELSE locale END WHERE id = $5",
        )
        .bind(name)
        .bind(available)
        .bind(locale.is_some())
        .bind(locale.flatten().map(Locale::as_str))
        .bind(agent_id);
        self.change_one(statement).await
    }

    async fn take_picture(
        &self,
        (workspace_id, agent_id): (i64, i64),
        upload: &str,
        fits: fn(&str, i64) -> bool,
    ) -> CoreResult<Option<Option<String>>> {
        let taken = self
            .take_upload_as_picture((workspace_id, agent_id), upload, fits)
            .await;
        Ok(taken.map_err(StoreError::from)?)
    }

    async fn clear_picture(&self, agent_id: i64) -> CoreResult<Option<String>> {
        let cleared = self.clear_avatar(agent_id).await;
        Ok(cleared.map_err(StoreError::from)?)
    }
}

impl Store {
    /// See `ProfileStore::take_picture`.
    async fn take_upload_as_picture(
        &self,
        (workspace_id, agent_id): (i64, i64),
        upload: &str,
        fits: fn(&str, i64) -> bool,
    ) -> sqlx::Result<Option<Option<String>>> {
        let mut tx = self.write_tx().await?;
        let staged: Option<(String, i64)> = sqlx::query_as(
            "SELECT content_type, size FROM attachments WHERE id = $1 AND workspace_id = $2 \
             AND owner = $3 AND message_id IS NULL",
        )
        .bind(upload)
        .bind(workspace_id)
        .bind(AGENT_OWNER)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((kind, _)) = staged.filter(|(kind, size)| fits(kind, *size)) else {
            return Ok(None);
        };
        sqlx::query("DELETE FROM attachments WHERE id = $1")
            .bind(upload)
            .execute(&mut *tx)
            .await?;
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
        Ok(Some(old))
    }

    /// See `ProfileStore::clear_picture`.
    async fn clear_avatar(&self, agent_id: i64) -> sqlx::Result<Option<String>> {
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
