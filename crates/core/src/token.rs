use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use rand::RngCore;
use secrecy::{ExposeSecret, SecretString};
use sha2::{Digest, Sha256};

/// A bearer credential shown to its owner once. Only [`Token::hash`] is ever stored.
pub struct Token {
    pub secret: SecretString,
    pub hash: String,
}

impl Token {
    /// 256 random bits behind a prefix that says what the token is, so a leaked one is easy
    /// to recognise (and to find with secret scanners).
    pub fn generate(prefix: &str) -> Self {
        let value = new_secret(prefix);
        let hash = hash_token(value.expose_secret());
        Self {
            secret: value,
            hash,
        }
    }
}

/// A fresh random value: `prefix` followed by 256 bits in URL-safe base64.
pub fn new_secret(prefix: &str) -> SecretString {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    format!("{prefix}{}", URL_SAFE_NO_PAD.encode(bytes)).into()
}

/// `bytes` random bytes as lowercase hex: an id that cannot be guessed or counted through.
pub fn random_hex(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    rand::rngs::OsRng.fill_bytes(&mut buf);
    hex::encode(buf)
}

/// Lookup key for a high-entropy token. A fast hash is right here: the token has 256 bits of
/// entropy, so there is nothing for a slow hash to protect against.
pub fn hash_token(token: &str) -> String {
    // Into a buffer, not through `hex::encode`'s character iterator: every API call hashes.
    let mut hex = [0u8; 64];
    hex::encode_to_slice(Sha256::digest(token.as_bytes()), &mut hex)
        .expect("a SHA-256 digest is 64 hex digits");
    String::from_utf8_lossy(&hex).into_owned()
}

/// The unsubscribe link's proof: an HMAC of the contact under the workspace secret, so the
/// link needs no stored token and unsubscribes that one contact only.
pub fn unsubscribe_mac(secret: &str, contact_id: i64) -> String {
    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes keys of any length");
    mac.update(format!("unsubscribe:{contact_id}").as_bytes());
    hex::encode(&mac.finalize().into_bytes()[..16])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_unique_and_carry_their_prefix() {
        let a = Token::generate("phs_");
        let b = Token::generate("phs_");
        assert!(a.secret.expose_secret().starts_with("phs_"));
        assert_ne!(a.secret.expose_secret(), b.secret.expose_secret());
        assert_eq!(a.hash, hash_token(a.secret.expose_secret()));
        assert_eq!(a.secret.expose_secret().len(), 4 + 43);
    }

    #[test]
    fn unsubscribe_proofs_differ_by_contact_and_by_secret() {
        let a = unsubscribe_mac("phs_one", 1);
        assert_eq!(a.len(), 32);
        assert_ne!(a, unsubscribe_mac("phs_one", 2));
        assert_ne!(a, unsubscribe_mac("phs_two", 1));
        assert_eq!(a, unsubscribe_mac("phs_one", 1));
    }
}
