//! The webhook worker: records deliveries for new events, then sends what is due, retrying
//! with back-off for more than a day before giving up and turning the endpoint off.

use std::time::Duration;

use super::guard::forbidden_literal;
use super::{client, payload, signature};
use crate::backoff::retry_at;
use crate::live::Wakes;
use crate::state::AppState;
use crate::store::{Attempt, DueDelivery};

/// Waits between attempts: about 31 hours in all.
const BACKOFF_SECS: [i64; 11] = [
    5, 30, 120, 600, 1800, 3600, 7200, 14400, 28800, 28800, 28800,
];
const BATCH: i64 = 100;
const LEASE_MS: i64 = 60_000;
const TICK: Duration = Duration::from_secs(1);

pub async fn run(state: AppState) {
    if let Err(err) = state.store.start_webhook_reader().await {
        tracing::error!(error = %err, "webhooks are off: the outbox cannot be read");
        return;
    }
    let http = client(state.settings.allow_private_webhooks);
    let mut wakes = Wakes::new(&state.live, TICK);
    loop {
        loop {
            match state
                .store
                .plan_deliveries(BATCH, state.clock.now_ms())
                .await
            {
                Ok(0) => break,
                Ok(_) => {}
                Err(err) => {
                    tracing::warn!(error = %err, "planning webhook deliveries failed; will retry");
                    break;
                }
            }
        }
        if let Err(err) = send_due(&state, &http).await {
            tracing::warn!(error = %err, "sending webhooks failed; will retry");
        }
        if !wakes.next().await {
            return;
        }
    }
}

async fn send_due(state: &AppState, http: &reqwest::Client) -> anyhow::Result<()> {
    let store = &state.store;
    for due in store.due_deliveries(state.clock.now_ms(), BATCH).await? {
        let now = state.clock.now_ms();
        if !store.claim_delivery(&due, now + LEASE_MS).await? {
            continue;
        }
        let result = deliver(state, http, &due).await;
        let (delivered, status, error) = match &result {
            Ok(status) if (200..300).contains(status) => (true, Some(*status), None),
            Ok(status) => (false, Some(*status), Some(format!("HTTP {status}"))),
            Err(reason) => (false, None, Some(reason.clone())),
        };
        let retry = if delivered {
            None
        } else {
            retry_at(&BACKOFF_SECS, due.attempts + 1, now)
        };
        let attempt = Attempt {
            delivered,
            status: status.map(i64::from),
            error: error.as_deref(),
            retry_at: retry,
        };
        store
            .record_attempt(&due, attempt, state.clock.now_ms())
            .await?;
        match (delivered, retry) {
            (true, _) => tracing::info!(delivery = due.id, "webhook delivered"),
            (false, Some(_)) => {
                tracing::warn!(delivery = due.id, error = ?error, "webhook not delivered; will retry")
            }
            (false, None) => {
                tracing::error!(delivery = due.id, webhook = due.webhook_id, error = ?error, "webhook failed for a day; endpoint turned off")
            }
        }
    }
    Ok(())
}

/// Posts the delivery; the endpoint's status, or why there was none.
async fn deliver(
    state: &AppState,
    http: &reqwest::Client,
    due: &DueDelivery,
) -> Result<u16, String> {
    if !state.settings.allow_private_webhooks && forbidden_literal(&due.url) {
        return Err("the address is not a public one".into());
    }
    let request = if due.kind == "slack" {
        http.post(&due.url)
            .header("Content-Type", "application/json")
            .body(payload::slack(due))
    } else {
        let body = payload::standard(due);
        // The same id on every attempt, so the receiver can tell a retry from a new event.
        let id = format!("evt_{}", due.event_id);
        let timestamp = state.clock.now_ms() / 1000;
        http.post(&due.url)
            .header("Content-Type", "application/json")
            .header("webhook-id", &id)
            .header("webhook-timestamp", timestamp.to_string())
            .header(
                "webhook-signature",
                signature(&due.secret, &id, timestamp, &body),
            )
            .body(body)
    };
    match request.send().await {
        Ok(res) => Ok(res.status().as_u16()),
        // Only the kind of failure: the error's text may hold the URL, which may hold a token.
        Err(err) if err.is_timeout() => Err("timed out".into()),
        Err(err) if err.is_connect() => Err("could not connect".into()),
        Err(_) => Err("request failed".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::BACKOFF_SECS;

    #[test]
    fn deliveries_are_retried_for_more_than_a_day() {
        let total: i64 = BACKOFF_SECS.iter().sum();
        assert!(total > 24 * 3600, "{total}");
    }
}
