use rusqlite::OptionalExtension;

use super::{Revoked, Store, StoreError};
use porthole_core::keys::{KeyStore, NewKey};
use porthole_core::CoreResult;

/// An authenticated agent: the workspace the key belongs to, the key's name, which signs the
/// agent's replies unless they name someone else, and its role.
#[derive(Debug, Clone)]
pub struct ApiKey {
    pub id: i64,
    pub workspace_id: i64,
    pub name: String,
    /// `admin` or `agent` (see [`KeyRole`]).
    pub role: String,
}

pub use porthole_core::agents::KeyRole;

#[derive(Debug, sqlx::FromRow)]
pub struct ApiKeyInfo {
    pub id: i64,
    pub name: String,
    pub role: String,
    pub hint: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

/// `last_used_at` is informational; writing it at most once a minute keeps reads read-only.
const LAST_USED_RESOLUTION_MS: i64 = 60_000;

impl Store {
    /// The unrevoked key with this hash. Read in place (see `readers`); `last_used_at` is
    /// written only when it is a resolution old, so most calls take no turn to write.
    pub async fn authenticate_api_key(
        &self,
        key_hash: &str,
        now_ms: i64,
    ) -> sqlx::Result<Option<ApiKey>> {
        let found = self.readers.read(|conn| {
            conn.prepare_cached(
                "SELECT id, workspace_id, name, role, last_used_at FROM api_keys \
                 WHERE key_hash = ?1 AND revoked_at IS NULL",
            )?
            .query_row([key_hash], |row| {
                let key = ApiKey {
                    id: row.get(0)?,
                    workspace_id: row.get(1)?,
                    name: row.get(2)?,
                    role: row.get(3)?,
                };
                Ok((key, row.get::<_, Option<i64>>(4)?))
            })
            .optional()
        })?;
        let Some((key, last_used_at)) = found else {
            return Ok(None);
        };
        if last_used_at.is_none_or(|at| at < now_ms - LAST_USED_RESOLUTION_MS) {
            let _turn = self.turn().await;
            sqlx::query(
                "UPDATE api_keys SET last_used_at = $1 \
                 WHERE id = $2 AND (last_used_at IS NULL OR last_used_at < $3)",
            )
            .bind(now_ms)
            .bind(key.id)
            .bind(now_ms - LAST_USED_RESOLUTION_MS)
            .execute(&self.pool)
            .await?;
        }
        Ok(Some(key))
    }

    pub async fn list_api_keys(&self, workspace_id: i64) -> sqlx::Result<Vec<ApiKeyInfo>> {
        sqlx::query_as(
            "SELECT id, name, role, hint, created_at, last_used_at, revoked_at FROM api_keys \
             WHERE workspace_id = $1 ORDER BY id",
        )
        .bind(workspace_id)
        .fetch_all(&self.pool)
        .await
    }
}

impl KeyStore for Store {
    async fn keep_api_key(&self, workspace_id: i64, key: NewKey, now_ms: i64) -> CoreResult<()> {
        let _turn = self.turn().await;
        sqlx::query(
            "INSERT INTO api_keys (workspace_id, name, key_hash, hint, created_at, role) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(workspace_id)
        .bind(&key.name)
        .bind(&key.hash)
        .bind(&key.hint)
        .bind(now_ms)
        .bind(key.role.as_str())
        .execute(&self.pool)
        .await
        .map_err(StoreError::from)?;
        Ok(())
    }

    async fn revoke_api_key(&self, workspace_id: i64, id: i64, now_ms: i64) -> CoreResult<()> {
        let statement = sqlx::query(
            "UPDATE api_keys SET revoked_at = $1 \
             WHERE workspace_id = $2 AND id = $3 AND revoked_at IS NULL",
        );
        let revoked = self
            .change_one(statement.bind(now_ms).bind(workspace_id).bind(id))
            .await;
        self.revoked(Revoked::Workspace(workspace_id));
        revoked
    }
}
