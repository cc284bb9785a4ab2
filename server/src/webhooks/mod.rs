//! Webhooks: endpoints that hear of ticket events, signed as Standard Webhooks do
//! (`webhook-id`, `webhook-timestamp`, `webhook-signature`), or posted as Slack messages.
//! Delivered from the outbox by a worker (`workers::webhooks`) that retries for more than a day.
//! Adding and removing endpoints is the core's (`porthole_core::webhooks`).

mod guard;
pub mod payload;

pub use guard::{check_destination, client, forbidden_literal, ANSWER_TIMEOUT};

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// `v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">` under the secret's key.
pub fn signature(secret: &str, id: &str, timestamp_secs: i64, body: &str) -> String {
    let key = BASE64
        .decode(secret.trim_start_matches("whsec_"))
        .unwrap_or_default();
    let mut mac = Hmac::<Sha256>::new_from_slice(&key).expect("HMAC takes keys of any length");
    mac.update(format!("{id}.{timestamp_secs}.{body}").as_bytes());
    format!("v1,{}", BASE64.encode(mac.finalize().into_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example in the Standard Webhooks specification.
    #[test]
    fn signatures_match_the_specifications_example() {
        let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        let body = r#"{"test": 2432232314}"#;
        assert_eq!(
            signature(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body),
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
        );
    }
}
