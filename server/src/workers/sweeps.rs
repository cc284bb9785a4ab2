//! Timed sweeps that answer nobody: the database's upkeep and unclaimed uploads.

use std::time::Duration;

use super::Context;
use crate::store::Store;

/// Keeps the planner's statistics fresh and the search index compact as the data grows: at
/// start-up (where `Store::open` has just gathered statistics) and hourly.
pub async fn upkeep(store: Store) {
    let mut hourly = tokio::time::interval(Duration::from_secs(3600));
    hourly.tick().await;
    loop {
        if let Err(err) = store.compact_search().await {
            tracing::warn!(error = %err, "compacting the search index failed");
        }
        hourly.tick().await;
        if let Err(err) = store.optimize().await {
            tracing::warn!(error = %err, "refreshing statistics failed");
        }
    }
}

/// Sweeps unclaimed uploads every ten minutes.
pub async fn uploads(context: Context) {
    let mut every = tokio::time::interval(Duration::from_secs(600));
    loop {
        every.tick().await;
        match context
            .files
            .sweep(&context.store, context.clock.now_ms())
            .await
        {
            Ok(0) => {}
            Ok(n) => tracing::info!(files = n, "swept unclaimed uploads"),
            Err(err) => tracing::warn!(error = ?err, "sweeping unclaimed uploads failed"),
        }
    }
}
