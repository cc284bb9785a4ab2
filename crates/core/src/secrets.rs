//! A workspace's secrets: the identity secret its backend signs users' addresses with,
//! rotated with a grace period in which the one it replaces still verifies, and the inbound
//! secret its mail provider posts messages with. Rotated from the agent API or the CLI by one
//! rule.

use std::future::Future;

use secrecy::SecretString;

use crate::{new_secret, CoreError, CoreResult, Token};

/// The longest grace period: 30 days.
pub const GRACE_HOURS_MAX: i64 = 720;
const HOUR_MS: i64 = 3_600_000;

/// Where the secrets are kept. A storage engine implements it.
pub trait SecretStore: Send + Sync {
    /// Makes `secret` the workspace's identity secret; the one it replaces verifies until
    /// `previous_until_ms`. Only one previous secret is kept, so a second rotation within
    /// that time retires the first old secret at once. A missing workspace is not found.
    fn replace_identity_secret(
        &self,
        workspace_id: i64,
        secret: SecretString,
        previous_until_ms: i64,
        now_ms: i64,
    ) -> impl Future<Output = CoreResult<()>> + Send;

    /// Keeps `hash` as the hash of the workspace's inbound secret; the one before stops
    /// working at once. A missing workspace is not found.
    fn replace_inbound_secret(
        &self,
        workspace_id: i64,
        hash: String,
    ) -> impl Future<Output = CoreResult<()>> + Send;
}

/// A new identity secret, to be shown once.
pub struct Rotated {
    pub secret: SecretString,
    pub created_at: i64,
    /// Until when the secret it replaced still verifies; `None` when it stopped at once.
    pub previous_verifies_until: Option<i64>,
}

/// A fresh identity secret, as a new workspace and each rotation get one.
pub fn identity_secret() -> SecretString {
    new_secret("phid_")
}

/// An admin replaces the identity secret; the old one keeps verifying for `grace_hours` (0 to
/// [`GRACE_HOURS_MAX`]), long enough to deploy the new one to the backend.
pub async fn rotate<S: SecretStore>(
    store: &S,
    workspace_id: i64,
    grace_hours: i64,
    now_ms: i64,
) -> CoreResult<Rotated> {
    if !(0..=GRACE_HOURS_MAX).contains(&grace_hours) {
        return Err(CoreError::Invalid(
            "grace_hours",
            format!("grace_hours must be between 0 and {GRACE_HOURS_MAX}"),
        ));
    }
    let secret = identity_secret();
    let until = now_ms.saturating_add(grace_hours * HOUR_MS);
    store
        .replace_identity_secret(workspace_id, secret.clone(), until, now_ms)
        .await?;
    Ok(Rotated {
        secret,
        created_at: now_ms,
        previous_verifies_until: (grace_hours > 0).then_some(until),
    })
}

/// An admin makes a new inbound secret, replacing any before it. Only its hash is kept; the
/// secret is returned to be shown once.
pub async fn new_inbound<S: SecretStore>(store: &S, workspace_id: i64) -> CoreResult<SecretString> {
    let token = Token::generate("phi_");
    store
        .replace_inbound_secret(workspace_id, token.hash)
        .await?;
    Ok(token.secret)
}
