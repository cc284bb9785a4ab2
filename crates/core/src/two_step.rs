//! Two-step sign-in: an agent turns on codes from an authenticator app (RFC 6238), or off,
//! proving each time that they hold the app by giving a current code.

use crate::accounts::totp_step;
use crate::sign_in::AccountStore;
use crate::CoreResult;

/// Whether the change was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TwoStep {
    Changed,
    /// The code does not match the key: nothing changed.
    WrongCode,
}

/// Turns codes on with `secret`, the key the agent added to their app, if `code` is its
/// current one.
pub async fn turn_on<S: AccountStore>(
    store: &S,
    agent_id: i64,
    (secret, code): (&str, &str),
    now_ms: i64,
) -> CoreResult<TwoStep> {
    if totp_step(secret, code, now_ms).is_none() {
        return Ok(TwoStep::WrongCode);
    }
    store.set_two_step(agent_id, Some(secret)).await?;
    Ok(TwoStep::Changed)
}

/// Turns codes off, if `code` is the current one of the agent's key.
pub async fn turn_off<S: AccountStore>(
    store: &S,
    (slug, email, agent_id): (&str, &str, i64),
    code: &str,
    now_ms: i64,
) -> CoreResult<TwoStep> {
    let secret = store
        .sign_in_record(slug, email)
        .await?
        .and_then(|r| r.totp_secret)
        .unwrap_or_default();
    if totp_step(&secret, code, now_ms).is_none() {
        return Ok(TwoStep::WrongCode);
    }
    store.set_two_step(agent_id, None).await?;
    Ok(TwoStep::Changed)
}
