//! An agent joining the team by their invitation, and signing in to the console. Guessing is slowed three ways: every attempt checks an
//! Argon2id hash (an unknown address checks a decoy, so it takes as long); five failures in a
//! row lock the account for 15 minutes; and one client address gets 20 attempts in 10
//! minutes. Every refusal but the client's reads the same, so none tells an agent's address
//! from a stranger's, or that a password was right.

use std::future::Future;

use crate::accounts::{
    check_new_password, hash_password, totp_step, verify_password, PasswordRefusal,
};
use crate::{normalise_email, CoreError, CoreResult, Token};

/// Attempts one client address may make in `WINDOW_MS`.
pub const ATTEMPTS_PER_WINDOW: i64 = 20;
pub const WINDOW_MS: i64 = 10 * 60 * 1000;
/// After this many failed sign-ins in a row, the account is locked for `LOCK_MS`.
pub const FAILURES_BEFORE_LOCK: i64 = 5;
pub const LOCK_MS: i64 = 15 * 60 * 1000;

/// What signing in as an agent checks against.
#[derive(Debug, Clone)]
pub struct SignInRecord {
    pub id: i64,
    pub password_hash: Option<String>,
    pub totp_secret: Option<String>,
    pub locked_until: Option<i64>,
}

/// Where accounts are kept. A storage engine implements it.
pub trait AccountStore: Send + Sync {
    /// Counts an attempt by `client` and returns how many it made since `since_ms`, this one
    /// included.
    fn count_sign_in_attempt(
        &self,
        client: &str,
        since_ms: i64,
        now_ms: i64,
    ) -> impl Future<Output = CoreResult<i64>> + Send;

    /// The agent `email` of workspace `slug`, if there is one.
    fn sign_in_record(
        &self,
        slug: &str,
        email: &str,
    ) -> impl Future<Output = CoreResult<Option<SignInRecord>>> + Send;

    /// Counts a failure in a row; each `every`th locks the account until `locked_until`.
    fn count_failure(
        &self,
        agent_id: i64,
        every: i64,
        locked_until: i64,
    ) -> impl Future<Output = CoreResult<()>> + Send;

    /// Spends the invitation whose token hashes to `token_hash`, if it is still good, and
    /// gives its agent the password hashed as `password_hash`; returns the agent.
    fn accept_invitation(
        &self,
        token_hash: &str,
        password_hash: &str,
        now_ms: i64,
    ) -> impl Future<Output = CoreResult<Option<i64>>> + Send;

    /// In one transaction: the failures in a row start again, the code's step `totp_step`
    /// (if any) is spent, and a session valid for `ttl_ms` is made. `None`, and nothing
    /// written, when that step was spent already: a code is good once.
    fn open_session(
        &self,
        agent_id: i64,
        totp_step: Option<i64>,
        now_ms: i64,
        ttl_ms: i64,
    ) -> impl Future<Output = CoreResult<Option<Token>>> + Send;

    /// Ends the session `token_hash`, or with `everywhere` every session of its agent's; a
    /// session already gone ends nothing.
    fn end_sessions(
        &self,
        token_hash: &str,
        everywhere: bool,
    ) -> impl Future<Output = CoreResult<()>> + Send;

    /// Turns codes on with this key, or off with `None`; no code's step is spent after it.
    fn set_two_step(
        &self,
        agent_id: i64,
        secret: Option<&str>,
    ) -> impl Future<Output = CoreResult<()>> + Send;
}

/// The agent signs out of the session `token_hash`, or of every device.
pub async fn sign_out<S: AccountStore>(
    store: &S,
    token_hash: &str,
    everywhere: bool,
) -> CoreResult<()> {
    store.end_sessions(token_hash, everywhere).await
}

/// What the agent typed.
pub struct Credentials<'a> {
    pub workspace: &'a str,
    pub email: &'a str,
    pub password: &'a str,
    /// The authenticator app's code, for agents who turned it on.
    pub code: &'a str,
}

/// How signing in went.
pub enum SignIn {
    /// A session, whose token goes in the agent's cookie.
    Session { agent_id: i64, token: Token },
    /// This client tried too often; it may try again in [`WINDOW_MS`].
    TooManyAttempts,
    /// The one answer for an unknown address, a wrong password, a missing or wrong code and a
    /// locked account. `why` is for the log only, never for the page.
    Refused {
        agent_id: Option<i64>,
        why: &'static str,
    },
    /// The right code, but one that was used already.
    CodeUsed,
}

/// Signs an agent in from `client` (an address), for a session of `ttl_ms`.
pub async fn sign_in<S: AccountStore>(
    store: &S,
    client: &str,
    given: Credentials<'_>,
    now_ms: i64,
    ttl_ms: i64,
) -> CoreResult<SignIn> {
    let attempts = store
        .count_sign_in_attempt(client, now_ms - WINDOW_MS, now_ms)
        .await?;
    if attempts > ATTEMPTS_PER_WINDOW {
        return Ok(SignIn::TooManyAttempts);
    }
    let email = normalise_email(given.email);
    let record = store.sign_in_record(given.workspace.trim(), &email).await?;
    // The hash is checked before anything else is looked at, found or not, locked or not.
    let password_ok = verify_password(
        given.password,
        record.as_ref().and_then(|r| r.password_hash.as_deref()),
    );
    let Some(record) = record.filter(|r| r.password_hash.is_some()) else {
        let why = "no such active agent";
        return Ok(SignIn::Refused {
            agent_id: None,
            why,
        });
    };
    let agent_id = Some(record.id);
    if record.locked_until.is_some_and(|until| until > now_ms) {
        return Ok(SignIn::Refused {
            agent_id,
            why: "locked",
        });
    }
    let step = match (&record.totp_secret, password_ok) {
        (_, false) => None,
        (None, true) => Some(None),
        (Some(secret), true) => totp_step(secret, given.code, now_ms).map(Some),
    };
    let Some(step) = step else {
        let locked_until = now_ms + LOCK_MS;
        store
            .count_failure(record.id, FAILURES_BEFORE_LOCK, locked_until)
            .await?;
        return Ok(SignIn::Refused {
            agent_id,
            why: "wrong password or code",
        });
    };
    Ok(
        match store.open_session(record.id, step, now_ms, ttl_ms).await? {
            Some(token) => SignIn::Session {
                agent_id: record.id,
                token,
            },
            None => SignIn::CodeUsed,
        },
    )
}

/// How accepting an invitation went.
pub enum Joined {
    /// The agent's first session.
    Session { agent_id: i64, token: Token },
    /// The password was not taken: why, to show beside it.
    Refused(PasswordRefusal),
    /// The invitation was spent or expired meanwhile.
    Gone,
}

/// The invited agent (`email`, by the invitation's `token_hash`) chooses a password, typed
/// twice, and is signed in for `ttl_ms`.
pub async fn join<S: AccountStore>(
    store: &S,
    (token_hash, email): (&str, &str),
    (password, confirm): (&str, &str),
    now_ms: i64,
    ttl_ms: i64,
) -> CoreResult<Joined> {
    if let Err(refusal) = check_new_password(password, email) {
        return Ok(Joined::Refused(refusal));
    }
    if password != confirm {
        return Ok(Joined::Refused(PasswordRefusal::NotTheSame));
    }
    let hash = hash_password(password)?;
    let Some(agent_id) = store.accept_invitation(token_hash, &hash, now_ms).await? else {
        return Ok(Joined::Gone);
    };
    let token = store
        .open_session(agent_id, None, now_ms, ttl_ms)
        .await?
        .ok_or_else(|| CoreError::Internal(anyhow::anyhow!("a new agent could not sign in")))?;
    Ok(Joined::Session { agent_id, token })
}
