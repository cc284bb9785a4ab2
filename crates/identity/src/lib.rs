//! Identity verification for Porthole.
//!
//! A host backend proves that a user owns an email address by sending
//! `lowercase_hex(HMAC-SHA256(secret, message))` alongside it, where the message is either
//!
//! * **plain:** the email exactly as sent, byte for byte what the Unthread and Crisp snippets
//!   compute (`crypto.createHmac("sha256", secret).update(email).digest("hex")`), or
//! * **timestamped:** `email + ":" + unix_milliseconds`, the Helper style, which expires.
//!
//! A host that also names **participants** (people copied on the tickets the user opens) signs
//! them too: the message above, a line feed, `participants:` and the addresses exactly as sent,
//! joined by commas ([`message_with_participants`]). A hash of the email alone still verifies the
//! user, but then Porthole takes no participants from the browser.
//!
//! The plain form never expires: anyone who captures one can replay it for as long as the secret
//! is unchanged. Prefer the timestamped form and set `require_timestamp` where that matters.
//!
//! This crate has no I/O and no clock of its own, so a host's Rust backend can use [`sign`] as is.

use hmac::{Hmac, Mac};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// The exact bytes that are MACed: the email as sent, plus `":" + timestamp` when timestamped.
pub fn message(email: &str, timestamp_ms: Option<i64>) -> String {
    match timestamp_ms {
        Some(ts) => format!("{email}:{ts}"),
        None => email.to_owned(),
    }
}

/// The bytes MACed when participants are named too. A line feed cannot occur in an email
/// address, so no plain or timestamped message reads as one of these.
pub fn message_with_participants(
    email: &str,
    timestamp_ms: Option<i64>,
    participants: &[&str],
) -> String {
    format!(
        "{}\nparticipants:{}",
        message(email, timestamp_ms),
        participants.join(",")
    )
}

fn mac(secret: &[u8], message: &str) -> HmacSha256 {
    // HMAC accepts keys of any length, so this cannot fail.
    let mut mac = HmacSha256::new_from_slice(secret).expect("HMAC takes keys of any length");
    mac.update(message.as_bytes());
    mac
}

/// The verification hash a host backend sends: lowercase hex HMAC-SHA256.
pub fn sign(secret: &[u8], email: &str, timestamp_ms: Option<i64>) -> String {
    sign_message(secret, &message(email, timestamp_ms))
}

/// The hash that also vouches for `participants`.
pub fn sign_with_participants(
    secret: &[u8],
    email: &str,
    timestamp_ms: Option<i64>,
    participants: &[&str],
) -> String {
    sign_message(
        secret,
        &message_with_participants(email, timestamp_ms, participants),
    )
}

fn sign_message(secret: &[u8], message: &str) -> String {
    hex::encode(mac(secret, message).finalize().into_bytes())
}

/// Whether `hash_hex` is the MAC of the email (and timestamp) under `secret`.
///
/// The comparison is constant-time. Hex of either case is accepted, since some languages'
/// helpers print upper case; anything that is not 64 hex digits is simply wrong.
pub fn verify(secret: &[u8], email: &str, timestamp_ms: Option<i64>, hash_hex: &str) -> bool {
    verify_message(secret, &message(email, timestamp_ms), hash_hex)
}

fn verify_message(secret: &[u8], message: &str, hash_hex: &str) -> bool {
    let Ok(given) = hex::decode(hash_hex.trim()) else {
        return false;
    };
    mac(secret, message).verify_slice(&given).is_ok()
}

/// How a workspace treats the two forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// A timestamped hash is accepted while `|now - timestamp|` is at most this many milliseconds.
    pub window_ms: u64,
    /// Refuse the plain form, which never expires.
    pub require_timestamp: bool,
}

impl Default for Policy {
    fn default() -> Self {
        Self {
            window_ms: 5 * 60 * 1000,
            require_timestamp: false,
        }
    }
}

/// Why a claimed identity was refused. Deliberately coarse: it never says which secret
/// nearly matched or how the MAC differed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rejection {
    /// The workspace requires the timestamped form and none was sent.
    TimestampRequired,
    /// The timestamp lies outside the workspace's window (a replay, or a badly skewed clock).
    TimestampOutsideWindow,
    /// The hash does not match the email under any live secret.
    BadHash,
}

/// Checks a claimed identity against every live secret (the current one, and the previous one
/// during a rotation's grace period) under the workspace's policy.
pub fn check<'a>(
    secrets: impl IntoIterator<Item = &'a [u8]>,
    policy: Policy,
    now_ms: i64,
    email: &str,
    timestamp_ms: Option<i64>,
    hash_hex: &str,
) -> Result<(), Rejection> {
    let message = message(email, timestamp_ms);
    check_message(secrets, policy, now_ms, (&message, timestamp_ms), hash_hex)
}

/// The same for a hash that vouches for participants as well.
pub fn check_with_participants<'a>(
    secrets: impl IntoIterator<Item = &'a [u8]>,
    policy: Policy,
    now_ms: i64,
    (email, timestamp_ms): (&str, Option<i64>),
    participants: &[&str],
    hash_hex: &str,
) -> Result<(), Rejection> {
    let message = message_with_participants(email, timestamp_ms, participants);
    check_message(secrets, policy, now_ms, (&message, timestamp_ms), hash_hex)
}

fn check_message<'a>(
    secrets: impl IntoIterator<Item = &'a [u8]>,
    policy: Policy,
    now_ms: i64,
    (message, timestamp_ms): (&str, Option<i64>),
    hash_hex: &str,
) -> Result<(), Rejection> {
    match timestamp_ms {
        None if policy.require_timestamp => return Err(Rejection::TimestampRequired),
        Some(ts) if now_ms.abs_diff(ts) > policy.window_ms => {
            return Err(Rejection::TimestampOutsideWindow)
        }
        _ => {}
    }
    if secrets
        .into_iter()
        .any(|secret| verify_message(secret, message, hash_hex))
    {
        Ok(())
    } else {
        Err(Rejection::BadHash)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_763_700_000_000;

    #[test]
    fn upper_case_hex_of_the_right_mac_verifies() {
        let hash = sign(b"k", "a@b.c", None).to_uppercase();
        assert!(verify(b"k", "a@b.c", None, &hash));
    }

    #[test]
    fn a_truncated_hash_is_refused() {
        let hash = sign(b"k", "a@b.c", None);
        assert!(!verify(b"k", "a@b.c", None, &hash[..62]));
        assert!(!verify(b"k", "a@b.c", None, ""));
    }

    #[test]
    fn a_plain_hash_does_not_verify_as_timestamped_nor_the_reverse() {
        let plain = sign(b"k", "a@b.c", None);
        let stamped = sign(b"k", "a@b.c", Some(NOW));
        assert!(!verify(b"k", "a@b.c", Some(NOW), &plain));
        assert!(!verify(b"k", "a@b.c", None, &stamped));
    }

    #[test]
    fn the_plain_form_is_refused_when_a_timestamp_is_required() {
        let policy = Policy {
            require_timestamp: true,
            ..Policy::default()
        };
        let hash = sign(b"k", "a@b.c", None);
        assert_eq!(
            check([&b"k"[..]], policy, NOW, "a@b.c", None, &hash),
            Err(Rejection::TimestampRequired)
        );
    }

    #[test]
    fn a_timestamp_just_inside_the_window_passes_and_just_outside_fails() {
        let policy = Policy::default();
        let window = policy.window_ms as i64;
        for (ts, ok) in [
            (NOW - window, true),
            (NOW + window, true),
            (NOW - window - 1, false),
            (NOW + window + 1, false),
        ] {
            let hash = sign(b"k", "a@b.c", Some(ts));
            let got = check([&b"k"[..]], policy, NOW, "a@b.c", Some(ts), &hash);
            let want = if ok {
                Ok(())
            } else {
                Err(Rejection::TimestampOutsideWindow)
            };
            assert_eq!(got, want, "timestamp offset {}", ts - NOW);
        }
    }

    #[test]
    fn extreme_timestamps_are_refused_without_overflow() {
        for ts in [i64::MIN, i64::MAX] {
            let hash = sign(b"k", "a@b.c", Some(ts));
            assert_eq!(
                check(
                    [&b"k"[..]],
                    Policy::default(),
                    NOW,
                    "a@b.c",
                    Some(ts),
                    &hash
                ),
                Err(Rejection::TimestampOutsideWindow)
            );
        }
    }

    #[test]
    fn participants_are_vouched_for_only_by_a_hash_over_them() {
        let both = ["b@c.d", "e@f.g"];
        let hash = sign_with_participants(b"k", "a@b.c", Some(NOW), &both);
        let check = |participants: &[&str], hash: &str| {
            check_with_participants(
                [&b"k"[..]],
                Policy::default(),
                NOW,
                ("a@b.c", Some(NOW)),
                participants,
                hash,
            )
        };
        assert_eq!(check(&both, &hash), Ok(()));
        assert_eq!(check(&["b@c.d"], &hash), Err(Rejection::BadHash));
        assert_eq!(check(&["e@f.g", "b@c.d"], &hash), Err(Rejection::BadHash));
        let plain = sign(b"k", "a@b.c", Some(NOW));
        assert_eq!(check(&both, &plain), Err(Rejection::BadHash));
        assert!(!verify(b"k", "a@b.c", Some(NOW), &hash));
        assert_eq!(
            message_with_participants("a@b.c", None, &both),
            "a@b.c\nparticipants:b@c.d,e@f.g"
        );
    }

    #[test]
    fn any_live_secret_verifies_and_no_dead_one_does() {
        let hash = sign(b"old", "a@b.c", None);
        let live: [&[u8]; 2] = [b"new", b"old"];
        assert_eq!(
            check(live, Policy::default(), NOW, "a@b.c", None, &hash),
            Ok(())
        );
        assert_eq!(
            check([&b"new"[..]], Policy::default(), NOW, "a@b.c", None, &hash),
            Err(Rejection::BadHash)
        );
    }
}
