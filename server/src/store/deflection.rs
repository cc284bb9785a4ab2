//! Deflection: articles read before writing, and whether a ticket followed within the hour.

use porthole_core::deflection::DeflectionStore;
use porthole_core::CoreResult;
use serde::Serialize;

use super::{Store, StoreError};

/// Reads and tickets in a period, and the share of would-be tickets the articles answered.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct DeflectionReport {
    /// Articles read from the widget's suggestions, the signed iframe or the portal.
    pub article_reads: i64,
    /// Reads no ticket from the same reader followed within the hour.
    pub self_served: i64,
    pub tickets_opened: i64,
    /// `self_served / (self_served + tickets_opened)`; absent when both are zero.
    pub deflection_rate: Option<f64>,
}

/// Marks a reader's reads of the last hour as followed by a ticket. Binds: `$1` the
/// workspace, `$2` the reader, `$3` the start of the hour. Run in the transaction that opens
/// the ticket, which sends it with its own statements.
pub(super) const FOLLOWED: &str = "UPDATE article_reads SET followed = TRUE \
     WHERE workspace_id = ?1 AND reader = ?2 AND created_at > ?3 AND NOT followed";

impl DeflectionStore for Store {
    async fn count_read(
        &self,
        (workspace_id, article_id): (i64, i64),
        reader: &str,
        (now_ms, visit_from_ms): (i64, i64),
    ) -> CoreResult<()> {
        let _turn = self.turn().await;
        sqlx::query(
            "INSERT INTO article_reads (workspace_id, article_id, reader, created_at) \
             SELECT $1, $2, $3, $4 WHERE NOT EXISTS (SELECT 1 FROM article_reads \
             WHERE workspace_id = $1 AND reader = $3 AND article_id = $2 AND created_at > $5) \
             AND EXISTS (SELECT 1 FROM articles WHERE id = $2 AND workspace_id = $1)",
        )
        .bind(workspace_id)
        .bind(article_id)
        .bind(reader)
        .bind(now_ms)
        .bind(visit_from_ms)
        .execute(&self.pool)
        .await
        .map_err(StoreError::from)?;
        Ok(())
    }

    async fn count_faq_click(&self, workspace_id: i64, question: &str) -> CoreResult<()> {
        let _turn = self.turn().await;
        sqlx::query(
            "INSERT INTO faq_clicks (workspace_id, question, clicks) VALUES ($1, $2, 1) \
             ON CONFLICT (workspace_id, question) DO UPDATE SET clicks = faq_clicks.clicks + 1",
        )
        .bind(workspace_id)
        .bind(question)
        .execute(&self.pool)
        .await
        .map_err(StoreError::from)?;
        Ok(())
    }
}

impl Store {
    pub async fn deflection(
        &self,
        workspace_id: i64,
        from_ms: i64,
        to_ms: i64,
    ) -> sqlx::Result<DeflectionReport> {
        let (article_reads, self_served): (i64, i64) = sqlx::query_as(
            "SELECT COUNT(*), COALESCE(SUM(NOT followed), 0) FROM article_reads \
             WHERE workspace_id = $1 AND created_at >= $2 AND created_at < $3",
        )
        .bind(workspace_id)
        .bind(from_ms)
        .bind(to_ms)
        .fetch_one(&self.pool)
        .await?;
        let tickets_opened: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM tickets \
             WHERE workspace_id = $1 AND created_at >= $2 AND created_at < $3",
        )
        .bind(workspace_id)
        .bind(from_ms)
        .bind(to_ms)
        .fetch_one(&self.pool)
        .await?;
        let asked = self_served + tickets_opened;
        Ok(DeflectionReport {
            article_reads,
            self_served,
            tickets_opened,
            deflection_rate: (asked > 0).then(|| self_served as f64 / asked as f64),
        })
    }
}
