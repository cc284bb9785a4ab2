//! The webhook worker: records deliveries for new events, then sends what is due, retrying
//! with back-off for more than a day before giving up and turning the endpoint off.
//!
//! Endpoints are served side by side, each by a task of its own that sends its deliveries in
//! order and stops at the first failure, so an endpoint that hangs or answers slowly costs
//! only itself: others go on being delivered while it waits out its timeout. After a failure
//! the endpoint rests until that delivery's retry, rather than having each of its other
//! deliveries wait out a timeout of its own.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::time::Duration;

use tokio::task::{Id, JoinSet};

use super::Context;
use crate::backoff::retry_at;
use crate::live::Wakes;
use crate::store::{Attempt, DueDelivery};
use crate::webhooks::{client, forbidden_literal, payload, signature, ANSWER_TIMEOUT};

/// Waits between attempts: about 31 hours in all. The first is twice the answer timeout, so
/// an endpoint that never answers is tried at most every 15 seconds.
const BACKOFF_SECS: [i64; 11] = [
    10, 30, 120, 600, 1800, 3600, 7200, 14400, 28800, 28800, 28800,
];
const BATCH: i64 = 100;
const LEASE_MS: i64 = 60_000;
const TICK: Duration = Duration::from_secs(1);
/// Endpoints delivered to at once, by one server.
const ENDPOINTS_AT_ONCE: usize = 16;

/// The endpoints being delivered to, each by its own task, and those resting after a failure.
#[derive(Default)]
struct InFlight {
    /// Each task ends with when its endpoint may be tried again, if a delivery failed.
    tasks: JoinSet<Option<i64>>,
    endpoints: HashMap<Id, i64>,
    resting: HashMap<i64, i64>,
}

impl InFlight {
    /// Forgets the tasks that have finished, so their endpoints may be served again (after
    /// their rest, if they failed).
    fn reap(&mut self, now_ms: i64) {
        while let Some(done) = self.tasks.try_join_next_with_id() {
            let (id, rest_until) = match done {
                Ok((id, rest_until)) => (id, rest_until),
                Err(err) => {
                    if err.is_panic() {
                        tracing::error!(
                            "a webhook delivery task panicked; its endpoint is retried"
                        );
                    }
                    (err.id(), None)
                }
            };
            if let (Some(endpoint), Some(until)) = (self.endpoints.remove(&id), rest_until) {
                self.resting.insert(endpoint, until);
            }
        }
        self.resting.retain(|_, until| *until > now_ms);
    }

    /// Endpoints not to start now: under way, or resting.
    fn busy(&self) -> HashSet<i64> {
        self.endpoints
            .values()
            .chain(self.resting.keys())
            .copied()
            .collect()
    }
}

pub async fn run(state: Context) {
    if let Err(err) = state.store.start_webhook_reader().await {
        tracing::error!(error = %err, "webhooks are off: the outbox cannot be read");
        return;
    }
    let http = client(state.allow_private_webhooks);
    let mut wakes = Wakes::new(&state.live, TICK);
    // Dropped with the worker, which aborts every delivery still under way.
    let mut in_flight = InFlight::default();
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
        in_flight.reap(state.clock.now_ms());
        if let Err(err) = send_due(&state, &http, &mut in_flight).await {
            tracing::warn!(error = %err, "sending webhooks failed; will retry");
        }
        if !wakes.next().await {
            return;
        }
    }
}

/// Starts a task for each endpoint with deliveries due that has none under way yet.
async fn send_due(
    state: &Context,
    http: &reqwest::Client,
    in_flight: &mut InFlight,
) -> anyhow::Result<()> {
    let busy = in_flight.busy();
    let mut by_endpoint: BTreeMap<i64, Vec<DueDelivery>> = BTreeMap::new();
    for due in state
        .store
        .due_deliveries(state.clock.now_ms(), BATCH)
        .await?
    {
        if !busy.contains(&due.webhook_id) {
            by_endpoint.entry(due.webhook_id).or_default().push(due);
        }
    }
    for (endpoint, deliveries) in by_endpoint {
        if in_flight.tasks.len() >= ENDPOINTS_AT_ONCE {
            break;
        }
        let (state, http) = (state.clone(), http.clone());
        let task = in_flight.tasks.spawn(async move {
            send_in_order(&state, &http, deliveries)
                .await
                .unwrap_or_else(|err| {
                    tracing::warn!(error = %err, "sending webhooks failed; will retry");
                    None
                })
        });
        in_flight.endpoints.insert(task.id(), endpoint);
    }
    Ok(())
}

/// Sends one endpoint's due deliveries in order, stopping at the first that fails: the rest
/// would most likely fail too. Returns when the endpoint may be tried again, if one failed.
async fn send_in_order(
    state: &Context,
    http: &reqwest::Client,
    deliveries: Vec<DueDelivery>,
) -> anyhow::Result<Option<i64>> {
    let store = &state.store;
    for due in deliveries {
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
        if !delivered {
            return Ok(retry);
        }
    }
    Ok(None)
}

/// Posts the delivery; the endpoint's status, or why there was none.
async fn deliver(
    state: &Context,
    http: &reqwest::Client,
    due: &DueDelivery,
) -> Result<u16, String> {
    if !state.allow_private_webhooks && forbidden_literal(&due.url) {
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
        // A late answer may still have been acted on, hence the words: the retry carries the
        // same `webhook-id`, for the receiver to recognise.
        Err(err) if err.is_timeout() => {
            Err(format!("no answer within {} s", ANSWER_TIMEOUT.as_secs()))
        }
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
