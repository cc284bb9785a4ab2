//! The escalation worker: every five seconds, tickets past their workspace's
//! `escalate_after_minutes` unassigned or unanswered get their `ticket.escalated` event, from
//! which the mail worker tells the admins and the webhook worker the endpoints.

use std::time::Duration;

use super::Context;

const TICK: Duration = Duration::from_secs(5);
const BATCH: i64 = 100;

pub async fn run(state: Context) {
    let mut tick = tokio::time::interval(TICK);
    loop {
        tick.tick().await;
        loop {
            match state.store.escalate_due(state.clock.now_ms(), BATCH).await {
                Ok(n) if n as i64 == BATCH => continue,
                Ok(_) => break,
                Err(err) => {
                    tracing::warn!(error = %err, "escalating tickets failed; will retry");
                    break;
                }
            }
        }
    }
}
