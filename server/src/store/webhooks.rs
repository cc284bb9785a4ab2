//! Webhook endpoints and their delivery log. Deliveries are planned from the outbox like
//! emails: the reader's cursor moves in the transaction that records them.

use porthole_core::webhooks::{NewEndpoint, WebhookStore};
use porthole_core::{CoreError, CoreResult};
use porthole_types::WebhookInfo;
use serde::Serialize;
use sqlx::FromRow;

use super::{Store, StoreError, StoreResult};

const READER: &str = "webhooks";

/// An endpoint as its row holds it.
#[derive(FromRow)]
struct Endpoint {
    id: i64,
    url: String,
    kind: String,
    #[sqlx(json)]
    events: Vec<String>,
    created_at: i64,
    disabled_at: Option<i64>,
    disabled_reason: Option<String>,
}

impl From<Endpoint> for WebhookInfo {
    fn from(e: Endpoint) -> Self {
        WebhookInfo {
            id: e.id,
            url: e.url,
            kind: e.kind,
            events: e.events,
            created_at: e.created_at,
            disabled_at: e.disabled_at,
            disabled_reason: e.disabled_reason,
        }
    }
}

/// What an endpoint's listing reads.
const LISTED: &str = "id, url, kind, events, created_at, disabled_at, disabled_reason";

/// A delivery as the log shows it.
#[derive(Debug, Clone, FromRow, Serialize, utoipa::ToSchema)]
pub struct DeliveryInfo {
    pub id: i64,
    pub event_id: i64,
    pub event_type: String,
    pub attempts: i64,
    pub next_attempt_at: Option<i64>,
    pub delivered_at: Option<i64>,
    pub failed_at: Option<i64>,
    pub last_status: Option<i64>,
    pub last_error: Option<String>,
}

/// A delivery that is due, with what sending it needs.
#[derive(Debug, Clone, FromRow)]
pub struct DueDelivery {
    pub id: i64,
    pub webhook_id: i64,
    pub attempts: i64,
    pub next_attempt_at: i64,
    pub url: String,
    pub kind: String,
    pub secret: String,
    pub event_id: i64,
    pub event_type: String,
    pub data: String,
    pub event_at: i64,
    pub slug: String,
}

impl WebhookStore for Store {
    async fn add_endpoint<F>(
        &self,
        workspace_id: i64,
        endpoint: NewEndpoint,
        now_ms: i64,
        allow: F,
    ) -> CoreResult<WebhookInfo>
    where
        F: FnOnce(usize) -> CoreResult<()> + Send + 'static,
    {
        Ok(self
            .insert_endpoint(workspace_id, endpoint, now_ms, allow)
            .await?)
    }

    async fn remove_endpoint(&self, workspace_id: i64, id: i64) -> CoreResult<()> {
        let statement = sqlx::query("DELETE FROM webhooks WHERE id = $1 AND workspace_id = $2");
        self.change_one(statement.bind(id).bind(workspace_id)).await
    }

    async fn redeliver(
        &self,
        endpoint: (i64, i64),
        delivery_id: i64,
        now_ms: i64,
    ) -> CoreResult<()> {
        let again = self.deliver_again(endpoint, delivery_id, now_ms).await;
        match again.map_err(StoreError::from)? {
            true => Ok(()),
            false => Err(CoreError::NotFound),
        }
    }
}

impl Store {
    /// See `WebhookStore::add_endpoint`: counted and kept in one transaction, so endpoints
    /// added at once cannot pass the limit together.
    async fn insert_endpoint(
        &self,
        workspace_id: i64,
        endpoint: NewEndpoint,
        now_ms: i64,
        allow: impl FnOnce(usize) -> CoreResult<()>,
    ) -> StoreResult<WebhookInfo> {
        let mut tx = self.write_tx().await?;
        let existing: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM webhooks WHERE workspace_id = $1")
                .bind(workspace_id)
                .fetch_one(&mut *tx)
                .await?;
        allow(usize::try_from(existing).unwrap_or(usize::MAX))?;
        let events = serde_json::to_string(&endpoint.events).map_err(CoreError::internal)?;
        let kept: Endpoint = sqlx::query_as(&format!(
            "INSERT INTO webhooks (workspace_id, url, kind, events, secret, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING {LISTED}"
        ))
        .bind(workspace_id)
        .bind(&endpoint.url)
        .bind(endpoint.kind)
        .bind(events)
        .bind(&endpoint.secret)
        .bind(now_ms)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(kept.into())
    }

    pub async fn list_webhooks(&self, workspace_id: i64) -> sqlx::Result<Vec<WebhookInfo>> {
        let listed: Vec<Endpoint> = sqlx::query_as(&format!(
            "SELECT {LISTED} FROM webhooks WHERE workspace_id = $1 ORDER BY id"
        ))
        .bind(workspace_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(listed.into_iter().map(WebhookInfo::from).collect())
    }

    /// The endpoint's latest deliveries, newest first; `None` if it is not the workspace's.
    pub async fn webhook_deliveries(
        &self,
        workspace_id: i64,
        webhook_id: i64,
        limit: i64,
    ) -> sqlx::Result<Option<Vec<DeliveryInfo>>> {
        if !self.owns_webhook(workspace_id, webhook_id).await? {
            return Ok(None);
        }
        sqlx::query_as(
            "SELECT d.id, d.event_id, e.kind AS event_type, d.attempts, \
             CASE WHEN d.delivered_at IS NULL AND d.failed_at IS NULL THEN d.next_attempt_at END \
               AS next_attempt_at, \
             d.delivered_at, d.failed_at, d.last_status, d.last_error \
             FROM webhook_deliveries d JOIN events e ON e.id = d.event_id \
             WHERE d.webhook_id = $1 ORDER BY d.id DESC LIMIT $2",
        )
        .bind(webhook_id)
        .bind(limit)
        .fetch_all(&self.pool)
        .await
        .map(Some)
    }

    async fn owns_webhook(&self, workspace_id: i64, webhook_id: i64) -> sqlx::Result<bool> {
        let found: Option<i64> =
            sqlx::query_scalar("SELECT id FROM webhooks WHERE id = $1 AND workspace_id = $2")
                .bind(webhook_id)
                .bind(workspace_id)
                .fetch_optional(&self.pool)
                .await?;
        Ok(found.is_some())
    }

    /// Sends a delivery again from the start, and turns its endpoint back on. Returns whether
    /// the delivery exists for this workspace.
    /// See `WebhookStore::redeliver`; whether the delivery was found.
    async fn deliver_again(
        &self,
        (workspace_id, webhook_id): (i64, i64),
        delivery_id: i64,
        now_ms: i64,
    ) -> sqlx::Result<bool> {
        let mut tx = self.write_tx().await?;
        let done = sqlx::query(
            "UPDATE webhook_deliveries SET attempts = 0, next_attempt_at = $1, delivered_at = NULL, \
             failed_at = NULL WHERE id = $2 AND webhook_id = $3 \
             AND webhook_id IN (SELECT id FROM webhooks WHERE workspace_id = $4)",
        )
        .bind(now_ms)
        .bind(delivery_id)
        .bind(webhook_id)
        .bind(workspace_id)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        sqlx::query("UPDATE webhooks SET disabled_at = NULL, disabled_reason = NULL WHERE id = $1")
            .bind(webhook_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Starts the webhook reader at the newest event the first time it runs.
    pub async fn start_webhook_reader(&self) -> sqlx::Result<()> {
        self.start_reader(READER).await
    }

    /// Records a delivery of every new event to every enabled endpoint of its workspace that
    /// hears of its type, and moves the reader past them, in one transaction. Returns how many
    /// events it read (0 when there is nothing to do yet).
    pub async fn plan_deliveries(&self, limit: i64, now_ms: i64) -> sqlx::Result<i64> {
        // Most ticks find nothing to do: a read says so without taking the write lock. With
        // no endpoint to deliver to, the reader is moved on only a batch at a time, not once
        // for every event, so that a busy workspace's writers do not queue behind it. (An
        // endpoint hears only of events from its creation on, so a reader left behind does
        // not matter.)
        let (behind, endpoints): (i64, bool) = sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM events WHERE id > \
               (SELECT last_event_id FROM outbox_cursors WHERE reader = $1) LIMIT $2)), \
             EXISTS (SELECT 1 FROM webhooks WHERE disabled_at IS NULL)",
        )
        .bind(READER)
        .bind(limit)
        .fetch_one(&self.pool)
        .await?;
        if behind == 0 || (!endpoints && behind < limit) {
            return Ok(0);
        }
        let mut tx = self.write_tx().await?;
        let (from, to): (i64, Option<i64>) = sqlx::query_as(
            "SELECT c.last_event_id, (SELECT MAX(id) FROM (SELECT id FROM events \
               WHERE id > c.last_event_id ORDER BY id LIMIT $2)) \
             FROM outbox_cursors c WHERE c.reader = $1",
        )
        .bind(READER)
        .bind(limit)
        .fetch_one(&mut *tx)
        .await?;
        let Some(to) = to else {
            tx.rollback().await?;
            return Ok(0);
        };
        sqlx::query(
            "INSERT INTO webhook_deliveries (webhook_id, event_id, next_attempt_at, created_at) \
             SELECT w.id, e.id, $3, $3 FROM events e JOIN webhooks w \
               ON w.workspace_id = e.workspace_id AND w.disabled_at IS NULL \
             WHERE e.id > $1 AND e.id <= $2 AND e.created_at >= w.created_at \
             AND (w.events = '[]' OR EXISTS (SELECT 1 FROM json_each(w.events) WHERE value = e.kind)) \
             ON CONFLICT DO NOTHING",
        )
        .bind(from)
        .bind(to)
        .bind(now_ms)
        .execute(&mut *tx)
        .await?;
        sqlx::query("UPDATE outbox_cursors SET last_event_id = $1 WHERE reader = $2")
            .bind(to)
            .bind(READER)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(to - from)
    }

    pub async fn due_deliveries(&self, now_ms: i64, limit: i64) -> sqlx::Result<Vec<DueDelivery>> {
        sqlx::query_as(
            "SELECT d.id, d.webhook_id, d.attempts, d.next_attempt_at, w.url, w.kind, w.secret, \
             e.id AS event_id, e.kind AS event_type, e.data, e.created_at AS event_at, ws.slug \
             FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id \
             JOIN events e ON e.id = d.event_id JOIN workspaces ws ON ws.id = w.workspace_id \
             WHERE d.delivered_at IS NULL AND d.failed_at IS NULL AND d.next_attempt_at <= $1 \
             AND w.disabled_at IS NULL ORDER BY d.next_attempt_at, d.id LIMIT $2",
        )
        .bind(now_ms)
        .bind(limit)
        .fetch_all(&self.pool)
        .await
    }

    /// Takes a due delivery until `until`, unless another server took it first.
    pub async fn claim_delivery(&self, due: &DueDelivery, until: i64) -> sqlx::Result<bool> {
        let mut tx = self.write_tx().await?;
        let done = sqlx::query(
            "UPDATE webhook_deliveries SET next_attempt_at = $1 \
             WHERE id = $2 AND next_attempt_at = $3 AND delivered_at IS NULL AND failed_at IS NULL",
        )
        .bind(until)
        .bind(due.id)
        .bind(due.next_attempt_at)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(done.rows_affected() > 0)
    }

    /// Records an attempt. Delivered when `retry_at` is unused and `delivered`; else retried
    /// at `retry_at`, or failed for good when that is `None`, which also turns the endpoint
    /// off: it has failed for a day.
    pub async fn record_attempt(
        &self,
        due: &DueDelivery,
        outcome: Attempt<'_>,
        now_ms: i64,
    ) -> sqlx::Result<()> {
        let mut tx = self.write_tx().await?;
        let (delivered, failed, retry_at) = match outcome.retry_at {
            _ if outcome.delivered => (Some(now_ms), None, None),
            Some(at) => (None, None, Some(at)),
            None => (None, Some(now_ms), None),
        };
        sqlx::query(
            "UPDATE webhook_deliveries SET attempts = attempts + 1, last_status = $1, \
             last_error = $2, delivered_at = $3, failed_at = $4, \
             next_attempt_at = COALESCE($5, next_attempt_at) WHERE id = $6",
        )
        .bind(outcome.status)
        .bind(outcome.error)
        .bind(delivered)
        .bind(failed)
        .bind(retry_at)
        .bind(due.id)
        .execute(&mut *tx)
        .await?;
        if failed.is_some() {
            sqlx::query(
                "UPDATE webhooks SET disabled_at = $1, \
                 disabled_reason = 'deliveries failed for a day' WHERE id = $2",
            )
            .bind(now_ms)
            .bind(due.webhook_id)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await
    }
}

/// What one attempt came to.
pub struct Attempt<'a> {
    pub delivered: bool,
    pub status: Option<i64>,
    pub error: Option<&'a str>,
    pub retry_at: Option<i64>,
}
