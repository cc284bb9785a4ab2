//! Webhooks: endpoints that hear of ticket events, signed as Standard Webhooks do
//! (`webhook-id`, `webhook-timestamp`, `webhook-signature`), or posted as Slack messages.
//! Delivered from the outbox by a worker (`workers::webhooks`) that retries for more than a day.

mod guard;
pub mod payload;

pub use guard::{check_destination, client, forbidden_literal, ANSWER_TIMEOUT};

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use hmac::{Hmac, Mac};
use porthole_types::EventType;
use rand::RngCore;
use sha2::Sha256;

/// A new signing secret: `whsec_` and 24 random bytes in base64, as Standard Webhooks
/// libraries expect.
pub fn new_secret() -> String {
    let mut key = [0u8; 24];
    rand::thread_rng().fill_bytes(&mut key);
    format!("whsec_{}", BASE64.encode(key))
}

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

    #[test]
    fn secrets_are_fresh_and_decode_to_24_bytes() {
        let (a, b) = (new_secret(), new_secret());
        assert_ne!(a, b);
        let key = BASE64.decode(a.trim_start_matches("whsec_")).unwrap();
        assert_eq!(key.len(), 24);
    }
}

/// Endpoints a workspace may have.
pub const MAX_ENDPOINTS: usize = 20;

/// Why an endpoint was not added: the field and what is wrong with it.
#[derive(Debug)]
pub struct Refused {
    pub field: &'static str,
    pub message: String,
}

fn refused(field: &'static str, message: impl Into<String>) -> Refused {
    Refused {
        field,
        message: message.into(),
    }
}

/// Adds an endpoint after checking it, for the agent API and the CLI alike. Returns it, and
/// its signing secret for a `standard` endpoint (Slack's URL is its own secret).
pub async fn add(
    store: &crate::store::Store,
    workspace_id: i64,
    (url, kind, events): (&str, &str, &[String]),
    allow_private: bool,
    now_ms: i64,
) -> Result<(crate::store::WebhookInfo, Option<String>), Refused> {
    if !matches!(kind, "standard" | "slack") {
        return Err(refused("kind", "kind must be standard or slack"));
    }
    if let Some(bad) = events.iter().find(|e| EventType::parse(e).is_none()) {
        return Err(refused(
            "events",
            format!(
                "unknown event type {bad:?}; the types are {}",
                EventType::ALL.map(EventType::as_str).join(", ")
            ),
        ));
    }
    let url = check_destination(url, allow_private)
        .await
        .map_err(|m| refused("url", m))?;
    let existing = store
        .list_webhooks(workspace_id)
        .await
        .map_err(|_| refused("url", "the endpoint could not be saved; try again"))?;
    if existing.len() >= MAX_ENDPOINTS {
        return Err(refused(
            "url",
            format!("a workspace may have at most {MAX_ENDPOINTS} webhook endpoints"),
        ));
    }
    let mut events = events.to_vec();
    events.sort();
    events.dedup();
    let secret = new_secret();
    let new = crate::store::NewWebhook {
        url: url.as_str(),
        kind,
        events: &events,
        secret: &secret,
    };
    let info = store
        .add_webhook(workspace_id, &new, now_ms)
        .await
        .map_err(|_| refused("url", "the endpoint could not be saved; try again"))?;
    Ok((info, (kind == "standard").then_some(secret)))
}
