use porthole_identity::Policy;
use porthole_types::Settings;
use secrecy::{ExposeSecret, SecretString};

use super::{Revoked, Store, StoreError, StoreResult};
use porthole_core::origins::{Change, OriginStore};
use porthole_core::secrets::SecretStore;
use porthole_core::settings::SettingsStore;
use porthole_core::workspaces::{NewWorkspace, WorkspaceStore};
use porthole_core::{CoreError, CoreResult, Origin};

/// A workspace, with its identity secrets (kept secret: only `verify` and `sign` use them).
pub struct Workspace {
    pub id: i64,
    pub slug: String,
    pub name: String,
    secret: SecretString,
    pub secret_created_at: i64,
    previous_secret: Option<SecretString>,
    pub previous_secret_expires_at: Option<i64>,
    pub created_at: i64,
    pub settings: Settings,
}

#[derive(sqlx::FromRow)]
struct WorkspaceRow {
    id: i64,
    slug: String,
    name: String,
    secret: String,
    secret_created_at: i64,
    previous_secret: Option<String>,
    previous_secret_expires_at: Option<i64>,
    created_at: i64,
    settings: String,
}

impl From<WorkspaceRow> for Workspace {
    fn from(r: WorkspaceRow) -> Self {
        Self {
            id: r.id,
            slug: r.slug,
            name: r.name,
            secret: r.secret.into(),
            secret_created_at: r.secret_created_at,
            previous_secret: r.previous_secret.map(Into::into),
            previous_secret_expires_at: r.previous_secret_expires_at,
            created_at: r.created_at,
            // Only the server writes this column, after validating it; should it ever not
            // parse, the workspace falls back to defaults rather than failing every request.
            settings: serde_json::from_str(&r.settings).unwrap_or_else(|err| {
                tracing::error!(error = %err, workspace = r.id, "stored settings do not parse");
                Settings::default()
            }),
        }
    }
}

impl Workspace {
    /// The secrets a hash may be made with now: the current one, and the previous one until
    /// its grace period ends.
    /// What verifies a host's claims now: the live secrets and the timestamp policy.
    pub fn keys(&self, now_ms: i64) -> porthole_core::identity::Keys<'_> {
        porthole_core::identity::Keys {
            secrets: self.live_secrets(now_ms),
            policy: self.policy(),
        }
    }

    pub fn live_secrets(&self, now_ms: i64) -> Vec<&[u8]> {
        let mut secrets = vec![self.secret.expose_secret().as_bytes()];
        if let (Some(prev), Some(until)) = (&self.previous_secret, self.previous_secret_expires_at)
        {
            if now_ms < until {
                secrets.push(prev.expose_secret().as_bytes());
            }
        }
        secrets
    }

    pub fn policy(&self) -> Policy {
        Policy {
            window_ms: self.settings.timestamp_window_secs.unsigned_abs() * 1000,
            require_timestamp: self.settings.require_timestamp,
        }
    }

    /// The previous secret's expiry, if it still verifies.
    pub fn grace_until(&self, now_ms: i64) -> Option<i64> {
        self.previous_secret_expires_at.filter(|&t| t > now_ms)
    }
}

const COLUMNS: &str = "id, slug, name, secret, secret_created_at, previous_secret, \
    previous_secret_expires_at, created_at, settings";

impl Store {
    pub async fn workspace_by_slug(&self, slug: &str) -> sqlx::Result<Option<Workspace>> {
        let row: Option<WorkspaceRow> =
            sqlx::query_as(&format!("SELECT {COLUMNS} FROM workspaces WHERE slug = $1"))
                .bind(slug)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map(Into::into))
    }

    pub async fn workspace_by_id(&self, id: i64) -> sqlx::Result<Option<Workspace>> {
        let row: Option<WorkspaceRow> =
            sqlx::query_as(&format!("SELECT {COLUMNS} FROM workspaces WHERE id = $1"))
                .bind(id)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map(Into::into))
    }

    pub async fn list_workspaces(&self) -> sqlx::Result<Vec<Workspace>> {
        let rows: Vec<WorkspaceRow> =
            sqlx::query_as(&format!("SELECT {COLUMNS} FROM workspaces ORDER BY slug"))
                .fetch_all(&self.pool)
                .await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    /// The allowed origins, as stored. A row written before origins were validated strictly is
    /// left out if it is not in canonical form, since these values go into `frame-ancestors`.
    pub async fn allowed_origins(&self, workspace_id: i64) -> sqlx::Result<Vec<String>> {
        let stored: Vec<String> = sqlx::query_scalar(
            "SELECT origin FROM workspace_origins WHERE workspace_id = $1 ORDER BY origin",
        )
        .bind(workspace_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(canonical(stored))
    }

    /// Whether `origin` may embed the workspace named `slug`, read from the database. Session
    /// creation asks this; CORS asks the cached copy (`allowed_origins_of`).
    pub async fn origin_allowed(&self, slug: &str, origin: &str) -> sqlx::Result<bool> {
        let found: Option<i64> = sqlx::query_scalar(
            "SELECT 1 FROM workspace_origins o JOIN workspaces w ON w.id = o.workspace_id \
             WHERE w.slug = $1 AND o.origin = $2",
        )
        .bind(slug)
        .bind(origin)
        .fetch_optional(&self.pool)
        .await?;
        Ok(found.is_some())
    }

    /// The origins the workspace named `slug` allows, or `None` if there is no such workspace.
    pub async fn allowed_origins_of(&self, slug: &str) -> sqlx::Result<Option<Vec<String>>> {
        let rows: Vec<Option<String>> = sqlx::query_scalar(
            "SELECT o.origin FROM workspaces w \
             LEFT JOIN workspace_origins o ON o.workspace_id = w.id WHERE w.slug = $1",
        )
        .bind(slug)
        .fetch_all(&self.pool)
        .await?;
        Ok((!rows.is_empty()).then(|| rows.into_iter().flatten().collect()))
    }
}

impl Workspace {
    /// The proof in a contact's unsubscribe link.
    pub fn unsubscribe_proof(&self, contact_id: i64) -> String {
        porthole_core::unsubscribe_mac(self.secret.expose_secret(), contact_id)
    }

    /// A verification hash for `email` under the current secret, as a host backend computes it.
    pub fn sign(&self, email: &str, timestamp_ms: Option<i64>) -> String {
        porthole_identity::sign(self.secret.expose_secret().as_bytes(), email, timestamp_ms)
    }
}

impl Store {
    pub async fn faq_clicks(&self, workspace_id: i64) -> sqlx::Result<Vec<(String, i64)>> {
        sqlx::query_as("SELECT question, clicks FROM faq_clicks WHERE workspace_id = $1")
            .bind(workspace_id)
            .fetch_all(&self.pool)
            .await
    }
}

impl OriginStore for Store {
    async fn replace_origins(&self, workspace_id: i64, origins: &[Origin]) -> CoreResult<()> {
        let replaced = self.write_origins(workspace_id, origins).await;
        Ok(replaced.map_err(StoreError::from)?)
    }

    async fn add_origin(
        &self,
        workspace_id: i64,
        origin: &Origin,
        max: usize,
    ) -> CoreResult<Change> {
        let added = self.insert_origin(workspace_id, origin, max).await;
        Ok(added.map_err(StoreError::from)?)
    }

    async fn remove_origin(&self, workspace_id: i64, origin: &Origin) -> CoreResult<Change> {
        let removed = self.delete_origin(workspace_id, origin).await;
        Ok(removed.map_err(StoreError::from)?)
    }
}

/// How many origins the workspace allows, and whether `origin` is one of them.
async fn counted(
    conn: &mut sqlx::SqliteConnection,
    workspace_id: i64,
    origin: &Origin,
) -> sqlx::Result<(i64, bool)> {
    sqlx::query_as(
        "SELECT COUNT(*), COALESCE(SUM(origin = $2), 0) > 0 FROM workspace_origins \
         WHERE workspace_id = $1",
    )
    .bind(workspace_id)
    .bind(origin.as_str())
    .fetch_one(conn)
    .await
}

impl Store {
    /// See `OriginStore::replace_origins`.
    async fn write_origins(&self, workspace_id: i64, origins: &[Origin]) -> sqlx::Result<()> {
        let mut tx = self.write_tx().await?;
        sqlx::query("DELETE FROM workspace_origins WHERE workspace_id = $1")
            .bind(workspace_id)
            .execute(&mut *tx)
            .await?;
        for origin in origins {
            sqlx::query(
                "INSERT INTO workspace_origins (workspace_id, origin) VALUES ($1, $2) \
                 ON CONFLICT DO NOTHING",
            )
            .bind(workspace_id)
            .bind(origin.as_str())
            .execute(&mut *tx)
            .await?;
        }
        revoke_sessions_of_disallowed_origins(&mut tx, workspace_id).await?;
        tx.commit().await?;
        self.origins_changed();
        self.revoked(Revoked::Workspace(workspace_id));
        Ok(())
    }

    /// See `OriginStore::add_origin`.
    async fn insert_origin(
        &self,
        workspace_id: i64,
        origin: &Origin,
        max: usize,
    ) -> sqlx::Result<Change> {
        let mut tx = self.write_tx().await?;
        let (count, there) = counted(&mut tx, workspace_id, origin).await?;
        if there {
            return Ok(Change::Unchanged);
        }
        if count >= max as i64 {
            return Ok(Change::OutOfBounds);
        }
        sqlx::query("INSERT INTO workspace_origins (workspace_id, origin) VALUES ($1, $2)")
            .bind(workspace_id)
            .bind(origin.as_str())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        self.origins_changed();
        Ok(Change::Done)
    }

    /// See `OriginStore::remove_origin`.
    async fn delete_origin(&self, workspace_id: i64, origin: &Origin) -> sqlx::Result<Change> {
        let mut tx = self.write_tx().await?;
        let (count, there) = counted(&mut tx, workspace_id, origin).await?;
        if !there {
            return Ok(Change::Unchanged);
        }
        if count <= 1 {
            return Ok(Change::OutOfBounds);
        }
        sqlx::query("DELETE FROM workspace_origins WHERE workspace_id = $1 AND origin = $2")
            .bind(workspace_id)
            .bind(origin.as_str())
            .execute(&mut *tx)
            .await?;
        revoke_sessions_of_disallowed_origins(&mut tx, workspace_id).await?;
        tx.commit().await?;
        self.origins_changed();
        self.revoked(Revoked::Workspace(workspace_id));
        Ok(Change::Done)
    }
}

/// Deletes the workspace's widget sessions whose origin it no longer allows.
async fn revoke_sessions_of_disallowed_origins(
    tx: &mut sqlx::SqliteConnection,
    workspace_id: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "DELETE FROM sessions WHERE workspace_id = $1 AND origin NOT IN \
         (SELECT origin FROM workspace_origins WHERE workspace_id = $1)",
    )
    .bind(workspace_id)
    .execute(tx)
    .await?;
    Ok(())
}

impl Store {
    /// What the host last said about a user, if anything.
    pub async fn contact_metadata(
        &self,
        workspace_id: i64,
        email: &str,
    ) -> anyhow::Result<Option<porthole_types::Metadata>> {
        let raw: Option<Option<String>> = sqlx::query_scalar(
            "SELECT metadata FROM contacts WHERE workspace_id = $1 AND email = $2",
        )
        .bind(workspace_id)
        .bind(email)
        .fetch_optional(&self.pool)
        .await?;
        Ok(raw
            .flatten()
            .map(|m| serde_json::from_str(&m))
            .transpose()?)
    }
}

/// The stored origins that are still valid and canonical: one written by an older rule
/// allows nothing.
fn canonical(stored: Vec<String>) -> Vec<String> {
    stored
        .into_iter()
        .filter(|o| Origin::parse(o).is_ok_and(|valid| valid.as_str() == o))
        .collect()
}

impl WorkspaceStore for Store {
    async fn create_workspace(
        &self,
        new: NewWorkspace,
        secret: SecretString,
        now_ms: i64,
    ) -> CoreResult<i64> {
        Ok(self.insert_workspace(new, secret, now_ms).await?)
    }
}

impl Store {
    /// See `WorkspaceStore::create_workspace`.
    async fn insert_workspace(
        &self,
        new: NewWorkspace,
        secret: SecretString,
        now_ms: i64,
    ) -> StoreResult<i64> {
        let settings = serde_json::to_string(&new.settings).map_err(CoreError::internal)?;
        let mut tx = self.write_tx().await?;
        let id: Option<i64> = sqlx::query_scalar(
            "INSERT INTO workspaces (slug, name, secret, secret_created_at, settings, \
             created_at) VALUES ($1, $2, $3, $4, $5, $4) \
             ON CONFLICT (slug) DO NOTHING RETURNING id",
        )
        .bind(new.slug.as_str())
        .bind(&new.name)
        .bind(secret.expose_secret())
        .bind(now_ms)
        .bind(settings)
        .fetch_optional(&mut *tx)
        .await?;
        let id = id.ok_or(CoreError::Conflict(
            "workspace_exists",
            "a workspace already has that slug",
        ))?;
        for origin in &new.origins {
            sqlx::query(
                "INSERT INTO workspace_origins (workspace_id, origin) VALUES ($1, $2) \
                 ON CONFLICT DO NOTHING",
            )
            .bind(id)
            .bind(origin.as_str())
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(id)
    }
}

impl SecretStore for Store {
    async fn replace_identity_secret(
        &self,
        workspace_id: i64,
        secret: SecretString,
        previous_until_ms: i64,
        now_ms: i64,
    ) -> CoreResult<()> {
        let statement = sqlx::query(
            "UPDATE workspaces SET previous_secret = secret, previous_secret_expires_at = $1, \
             secret = $2, secret_created_at = $3 WHERE id = $4",
        );
        let statement = statement
            .bind(previous_until_ms)
            .bind(secret.expose_secret().to_owned())
            .bind(now_ms)
            .bind(workspace_id);
        self.change_one(statement).await
    }

    async fn replace_inbound_secret(&self, workspace_id: i64, hash: String) -> CoreResult<()> {
        let statement = sqlx::query("UPDATE workspaces SET inbound_secret_hash = $1 WHERE id = $2");
        self.change_one(statement.bind(hash).bind(workspace_id))
            .await
    }
}

impl SettingsStore for Store {
    async fn change_settings<F>(&self, workspace_id: i64, decide: F) -> CoreResult<Settings>
    where
        F: FnOnce(&Settings, &[String]) -> CoreResult<Settings> + Send + 'static,
    {
        Ok(self.write_settings(workspace_id, decide).await?)
    }
}

impl Store {
    /// See `SettingsStore::change_settings`: the workspace's row is read inside the write
    /// transaction, so no other change of it lands between the read and the write.
    async fn write_settings<F>(&self, workspace_id: i64, decide: F) -> StoreResult<Settings>
    where
        F: FnOnce(&Settings, &[String]) -> CoreResult<Settings>,
    {
        let mut tx = self.write_tx().await?;
        let stored: Option<String> =
            sqlx::query_scalar("SELECT settings FROM workspaces WHERE id = $1")
                .bind(workspace_id)
                .fetch_optional(&mut *tx)
                .await?;
        let current = stored.ok_or(CoreError::NotFound)?;
        let current: Settings = serde_json::from_str(&current).map_err(CoreError::internal)?;
        let origins: Vec<String> = sqlx::query_scalar(
            "SELECT origin FROM workspace_origins WHERE workspace_id = $1 ORDER BY origin",
        )
        .bind(workspace_id)
        .fetch_all(&mut *tx)
        .await?;
        let changed = decide(&current, &canonical(origins))?;
        sqlx::query("UPDATE workspaces SET settings = $1 WHERE id = $2")
            .bind(serde_json::to_string(&changed).map_err(CoreError::internal)?)
            .bind(workspace_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(changed)
    }
}
