//! Webhook endpoints as the team adds and removes them, from the agent API or the CLI: one
//! set of rules for both.

use std::future::Future;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use porthole_types::{EventType, WebhookInfo};
use rand::RngCore;

use crate::{CoreError, CoreResult};

/// Endpoints a workspace may have.
pub const MAX_ENDPOINTS: usize = 20;

/// An endpoint to keep, checked.
pub struct NewEndpoint {
    pub url: String,
    /// `standard` (signed JSON) or `slack`.
    pub kind: &'static str,
    /// The event types it hears of, sorted and without repeats; empty means all.
    pub events: Vec<String>,
    pub secret: String,
}

/// Where webhook endpoints are kept. A storage engine implements it.
pub trait WebhookStore: Send + Sync {
    /// In one write transaction: counts the workspace's endpoints, asks `allow` whether one
    /// more may be added, and keeps it. A refusal writes nothing.
    fn add_endpoint<F>(
        &self,
        workspace_id: i64,
        endpoint: NewEndpoint,
        now_ms: i64,
        allow: F,
    ) -> impl Future<Output = CoreResult<WebhookInfo>> + Send
    where
        F: FnOnce(usize) -> CoreResult<()> + Send + 'static;

    /// Removes endpoint `id` with its delivery log; a missing endpoint is not found.
    fn remove_endpoint(
        &self,
        workspace_id: i64,
        id: i64,
    ) -> impl Future<Output = CoreResult<()>> + Send;

    /// In one transaction: delivery `delivery_id` of the workspace's endpoint (`workspace_id`,
    /// `id`) starts over, due at `now_ms`, and the endpoint is turned back on; a delivery not
    /// that endpoint's is not found.
    fn redeliver(
        &self,
        endpoint: (i64, i64),
        delivery_id: i64,
        now_ms: i64,
    ) -> impl Future<Output = CoreResult<()>> + Send;
}

/// An endpoint as added: it, and its signing secret for a `standard` endpoint (Slack's URL is
/// its own secret), shown this once.
pub struct Added {
    pub webhook: WebhookInfo,
    pub secret: Option<String>,
}

/// An admin adds an endpoint: its kind, the event types it hears of, and its URL, which
/// `destination` checks (it resolves names, so the surface hands in how: the server refuses
/// private addresses unless told otherwise). A workspace has at most [`MAX_ENDPOINTS`].
pub async fn add<S, C, F>(
    store: &S,
    workspace_id: i64,
    (url, kind, events): (&str, &str, &[String]),
    destination: C,
    now_ms: i64,
) -> CoreResult<Added>
where
    S: WebhookStore,
    C: FnOnce(String) -> F,
    F: Future<Output = Result<url::Url, String>>,
{
    let kind = match kind {
        "standard" => "standard",
        "slack" => "slack",
        _ => return Err(invalid("kind", "kind must be standard or slack")),
    };
    if let Some(bad) = events.iter().find(|e| EventType::parse(e).is_none()) {
        let types = EventType::ALL.map(EventType::as_str).join(", ");
        let message = format!("unknown event type {bad:?}; the types are {types}");
        return Err(invalid("events", message));
    }
    let url = destination(url.to_owned())
        .await
        .map_err(|m| invalid("url", m))?;
    let mut events = events.to_vec();
    events.sort();
    events.dedup();
    let secret = new_secret();
    let endpoint = NewEndpoint {
        url: url.into(),
        kind,
        events,
        secret: secret.clone(),
    };
    let webhook = store
        .add_endpoint(workspace_id, endpoint, now_ms, room_for_one_more)
        .await?;
    Ok(Added {
        webhook,
        secret: (kind == "standard").then_some(secret),
    })
}

/// An admin removes endpoint `id`, and its delivery log with it.
pub async fn remove<S: WebhookStore>(store: &S, (workspace_id, id): (i64, i64)) -> CoreResult<()> {
    store.remove_endpoint(workspace_id, id).await
}

/// An admin has a delivery sent again at once (a failed one, typically); the endpoint, if it
/// was turned off after failing too long, is turned back on.
pub async fn redeliver<S: WebhookStore>(
    store: &S,
    endpoint: (i64, i64),
    delivery_id: i64,
    now_ms: i64,
) -> CoreResult<()> {
    store.redeliver(endpoint, delivery_id, now_ms).await
}

fn room_for_one_more(existing: usize) -> CoreResult<()> {
    if existing >= MAX_ENDPOINTS {
        let message = format!("a workspace may have at most {MAX_ENDPOINTS} webhook endpoints");
        return Err(invalid("url", message));
    }
    Ok(())
}

fn invalid(field: &'static str, message: impl Into<String>) -> CoreError {
    CoreError::Invalid(field, message.into())
}

/// A new signing secret: `whsec_` and 24 random bytes in base64, as Standard Webhooks
/// libraries expect.
pub fn new_secret() -> String {
    let mut key = [0u8; 24];
    rand::thread_rng().fill_bytes(&mut key);
    format!("whsec_{}", BASE64.encode(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_fresh_and_decode_to_24_bytes() {
        let (a, b) = (new_secret(), new_secret());
        assert_ne!(a, b);
        let key = BASE64.decode(a.trim_start_matches("whsec_")).unwrap();
        assert_eq!(key.len(), 24);
    }

    #[test]
    fn a_workspace_has_at_most_twenty_endpoints() {
        assert!(room_for_one_more(MAX_ENDPOINTS - 1).is_ok());
        let full = room_for_one_more(MAX_ENDPOINTS);
        assert!(matches!(full, Err(CoreError::Invalid("url", _))));
    }
}
