//! What signing agents in rests on: Argon2id password hashes, RFC 6238 codes, and the CSRF
//! token each console session carries. No I/O: the store keeps what these decide.

use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, SaltString};
use argon2::{Argon2, PasswordVerifier};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use totp_rs::{Algorithm, Secret, TOTP};

/// NIST SP 800-63B asks for at least 8; a support console holds every customer's words.
pub const PASSWORD_MIN_CHARS: usize = 12;
pub const PASSWORD_MAX_CHARS: usize = 128;

/// Why a new password is not taken; the page that asked says it in the agent's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordRefusal {
    /// Under `PASSWORD_MIN_CHARS`.
    TooShort,
    /// Over `PASSWORD_MAX_CHARS`.
    TooLong,
    /// The agent's own address.
    IsEmail,
    /// Typed twice, differently.
    NotTheSame,
}

/// Checks a new password: long enough, not absurdly long, not the agent's own address.
pub fn check_new_password(password: &str, email: &str) -> Result<(), PasswordRefusal> {
    let chars = password.chars().count();
    if chars < PASSWORD_MIN_CHARS {
        return Err(PasswordRefusal::TooShort);
    }
    if chars > PASSWORD_MAX_CHARS {
        return Err(PasswordRefusal::TooLong);
    }
    if password.trim().eq_ignore_ascii_case(email.trim()) {
        return Err(PasswordRefusal::IsEmail);
    }
    Ok(())
}

/// An Argon2id PHC string (salted, with the crate's defaults: 19 MiB, 2 passes).
pub fn hash_password(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("hashing a password failed: {e}"))
}

/// A hash to check against when the account does not exist, so that an unknown address takes
/// as long to refuse as a wrong password.
static DECOY: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| hash_password("not anybody's password").unwrap_or_default());

/// Whether `password` matches the stored hash; with none, the decoy is checked so that the
/// answer takes the same time, and it is `false`.
pub fn verify_password(password: &str, stored: Option<&str>) -> bool {
    let phc = stored.unwrap_or(DECOY.as_str());
    let Ok(parsed) = PasswordHash::new(phc) else {
        return false;
    };
    let ok = Argon2::default()
        .verify_password(password.as_bytes(), &parsed)
        .is_ok();
    ok && stored.is_some()
}

const TOTP_STEP_SECS: u64 = 30;

/// A new TOTP key, base32 as authenticator apps take it (160 bits, as RFC 4226 advises).
pub fn new_totp_secret() -> String {
    let mut bytes = [0u8; 20];
    rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut bytes);
    base32_encode(&bytes)
}

/// The `otpauth://` link an authenticator app reads (typed in, or from a QR code made of it).
pub fn totp_link(secret: &str, issuer: &str, account: &str) -> String {
    let enc = |s: &str| url::form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
    format!(
        "otpauth://totp/{}:{}?secret={secret}&issuer={}&algorithm=SHA1&digits=6&period=30",
        enc(issuer),
        enc(account),
        enc(issuer)
    )
}

/// The time step `code` is right for, one step either side of now allowed for clock drift.
pub fn totp_step(secret: &str, code: &str, now_ms: i64) -> Option<i64> {
    let key = base32_decode(secret)?;
    let totp = TOTP::new(Algorithm::SHA1, 6, 1, TOTP_STEP_SECS, key).ok()?;
    let code = code.trim().replace(' ', "");
    let now = (now_ms.max(0) as u64) / 1000 / TOTP_STEP_SECS;
    (now.saturating_sub(1)..=now + 1).find_map(|step| {
        let expected = totp.generate(step * TOTP_STEP_SECS);
        bool::from(expected.as_bytes().ct_eq(code.as_bytes())).then_some(step as i64)
    })
}

/// The code for a time, as an authenticator app shows it (for tests and the CLI).
pub fn totp_code(secret: &str, now_ms: i64) -> Option<String> {
    let key = base32_decode(secret)?;
    let totp = TOTP::new(Algorithm::SHA1, 6, 1, TOTP_STEP_SECS, key).ok()?;
    Some(totp.generate((now_ms.max(0) as u64) / 1000))
}

/// The CSRF token of a console session: derived from the session's token, so it needs no
/// storage, and cannot be made without the cookie no script can read.
pub fn csrf_token(session_token: &str) -> String {
    hex::encode(&Sha256::digest(format!("porthole-csrf:{session_token}"))[..16])
}

/// Whether `given` is the session's CSRF token, compared in constant time.
pub fn csrf_matches(session_token: &str, given: &str) -> bool {
    bool::from(csrf_token(session_token).as_bytes().ct_eq(given.as_bytes()))
}

fn base32_encode(bytes: &[u8]) -> String {
    Secret::Raw(bytes.to_vec()).to_encoded().to_string()
}

fn base32_decode(text: &str) -> Option<Vec<u8>> {
    Secret::Encoded(text.to_ascii_uppercase()).to_bytes().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_verifies_against_its_hash_only() {
        let hash = hash_password("correct horse battery").unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery", Some(&hash)));
        assert!(!verify_password("correct horse batterY", Some(&hash)));
        assert!(!verify_password("not anybody's password", None));
    }

    #[test]
    fn short_long_and_own_address_passwords_are_refused() {
        let refused = |p: &str, e: &str| check_new_password(p, e).err();
        assert_eq!(refused("short", "a@b.c"), Some(PasswordRefusal::TooShort));
        assert_eq!(
            refused(&"x".repeat(129), "a@b.c"),
            Some(PasswordRefusal::TooLong)
        );
        assert_eq!(
            refused("ann@example.com", "Ann@Example.com"),
            Some(PasswordRefusal::IsEmail)
        );
        assert!(check_new_password("four words make it", "a@b.c").is_ok());
    }

    /// RFC 6238, appendix B: the SHA-1 key "12345678901234567890" at 59 s gives 94287082;
    /// six digits are its last six.
    #[test]
    fn codes_match_the_rfc_and_are_good_for_one_step_either_side() {
        let secret = base32_encode(b"12345678901234567890");
        assert_eq!(totp_code(&secret, 59_000).as_deref(), Some("287082"));
        assert_eq!(totp_step(&secret, "287082", 59_000), Some(1));
        assert_eq!(totp_step(&secret, "287 082", 89_000), Some(1));
        assert_eq!(totp_step(&secret, "287082", 120_000), None);
        assert_eq!(totp_step(&secret, "000000", 59_000), None);
    }

    #[test]
    fn the_csrf_token_belongs_to_its_session() {
        let token = csrf_token("pha_one");
        assert!(csrf_matches("pha_one", &token));
        assert!(!csrf_matches("pha_two", &token));
        assert!(!csrf_matches("pha_one", ""));
    }
}
