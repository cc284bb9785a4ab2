//! A host's proof of who a user is, and of whom they copy, checked the same way for `init`
//! and for the signed iframe.

pub use porthole_identity::{Policy, Rejection};

use crate::{participants, EmailAddress};

/// A workspace's live identity secrets (the current one, and the previous one during its
/// grace period) and how it treats timestamps.
pub struct Keys<'a> {
    pub secrets: Vec<&'a [u8]>,
    pub policy: Policy,
}

/// What a host claims, as the browser passed it on.
pub struct Claim<'a> {
    /// The email exactly as sent: the hash covers these bytes.
    pub email: &'a str,
    pub timestamp: Option<i64>,
    pub participants: &'a [String],
    pub hash: &'a str,
}

/// A claim that verified.
#[derive(Debug, Default)]
pub struct Verified {
    /// Those the hash vouched for; none unless it covered them.
    pub participants: Vec<EmailAddress>,
    /// Why participants named were not taken, for the host's developers.
    pub ignored: Option<String>,
}

/// Checks the claim against the workspace's live secrets. A hash over the email and the
/// participants takes them; a hash over the email alone verifies the user and takes none, so
/// a page that adds names in the browser shares nothing.
pub fn verify(
    keys: &Keys<'_>,
    now_ms: i64,
    claim: Claim<'_>,
    owner: &EmailAddress,
) -> Result<Verified, Rejection> {
    let secrets = || keys.secrets.iter().copied();
    let policy = keys.policy;
    let named: Vec<&str> = claim.participants.iter().map(String::as_str).collect();
    let covered = !named.is_empty()
        && porthole_identity::check_with_participants(
            secrets(),
            policy,
            now_ms,
            (claim.email, claim.timestamp),
            &named,
            claim.hash,
        )
        .is_ok();
    if !covered {
        porthole_identity::check(
            secrets(),
            policy,
            now_ms,
            claim.email,
            claim.timestamp,
            claim.hash,
        )?;
    }
    Ok(match (named.is_empty(), covered) {
        (true, _) => Verified::default(),
        (false, false) => Verified {
            participants: vec![],
            ignored: Some(
                "participants were ignored: the verification hash does not cover them".into(),
            ),
        },
        (false, true) => match participants(claim.participants, owner) {
            Ok(participants) => Verified {
                participants,
                ignored: None,
            },
            Err(reason) => Verified {
                participants: vec![],
                ignored: Some(format!("participants were ignored: {reason}")),
            },
        },
    })
}
