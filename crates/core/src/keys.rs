//! The agent API's keys: made by an admin (agent API, console or CLI) under one rule for their
//! name, shown once, kept only as a hash, and revoked at once.

use std::future::Future;

use porthole_types::limits;
use secrecy::{ExposeSecret, SecretString};

use crate::agents::KeyRole;
use crate::{bounded_text, CoreError, CoreResult, Token};

/// A key to keep: its name (which signs replies made with it), role, hash, and the first
/// characters it is listed by.
pub struct NewKey {
    pub name: String,
    pub role: KeyRole,
    pub hash: String,
    pub hint: String,
}

/// Where keys are kept. A storage engine implements it.
pub trait KeyStore: Send + Sync {
    fn keep_api_key(
        &self,
        workspace_id: i64,
        key: NewKey,
        now_ms: i64,
    ) -> impl Future<Output = CoreResult<()>> + Send;

    /// Revokes live key `id`, and ends what it opened (its streams) at once; a key that is
    /// not the workspace's, or already revoked, is not found.
    fn revoke_api_key(
        &self,
        workspace_id: i64,
        id: i64,
        now_ms: i64,
    ) -> impl Future<Output = CoreResult<()>> + Send;
}

/// A key just made: shown this once.
pub struct Made {
    pub key: SecretString,
    pub name: String,
    pub role: KeyRole,
}

/// An admin makes a key named `name` (the text rule, at most 200 characters) with `role`
/// (`agent` unless said otherwise).
pub async fn create<S: KeyStore>(
    store: &S,
    workspace_id: i64,
    (name, role): (&str, Option<&str>),
    now_ms: i64,
) -> CoreResult<Made> {
    let name = bounded_text("name", name, limits::NAME_MAX_CHARS)?;
    let role = match role {
        None => KeyRole::Agent,
        Some(raw) => KeyRole::parse(raw)
            .ok_or_else(|| CoreError::Invalid("role", "role must be agent or admin".into()))?,
    };
    let token = Token::generate("phk_");
    let hint = token.secret.expose_secret().chars().take(10).collect();
    let key = NewKey {
        name: name.clone(),
        role,
        hash: token.hash,
        hint,
    };
    store.keep_api_key(workspace_id, key, now_ms).await?;
    Ok(Made {
        key: token.secret,
        name,
        role,
    })
}

/// An admin revokes key `id`.
pub async fn revoke<S: KeyStore>(
    store: &S,
    (workspace_id, id): (i64, i64),
    now_ms: i64,
) -> CoreResult<()> {
    store.revoke_api_key(workspace_id, id, now_ms).await
}
