//! Escalation: tickets left unassigned or unanswered too long are marked, once, with an event
//! that tells the admins (by email) and webhooks.

use super::events;
use super::Store;
use super::StoreResult;
use porthole_types::{Change, Escalated, EscalationReason};

/// Tickets older than this are never escalated, so turning escalation on does not page
/// everyone about last year's backlog.
const LOOK_BACK_MS: i64 = 7 * 86_400_000;

impl Store {
    /// Escalates up to `limit` tickets due now; returns how many.
    pub async fn escalate_due(&self, now_ms: i64, limit: i64) -> StoreResult<usize> {
        let due: Vec<(i64, i64, bool, i64)> = sqlx::query_as(
            "SELECT t.id, t.number, t.assignee IS NULL, \
             json_extract(w.settings, '$.escalate_after_minutes') \
             FROM tickets t INDEXED BY tickets_awaiting_escalation \
             JOIN workspaces w ON w.id = t.workspace_id \
             WHERE t.escalated_at IS NULL AND t.status IN ('open', 'in_progress') \
             AND t.created_at > $1 \
             AND json_extract(w.settings, '$.escalate_after_minutes') IS NOT NULL \
             AND t.created_at <= $2 - json_extract(w.settings, '$.escalate_after_minutes') * 60000 \
             AND (t.assignee IS NULL OR t.last_agent_reply_at IS NULL) \
             ORDER BY t.created_at LIMIT $3",
        )
        .bind(now_ms - LOOK_BACK_MS)
        .bind(now_ms)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        for &(ticket_id, number, unassigned, minutes) in &due {
            self.groups
                .write(move |conn| {
                    // Checked again in the write: an agent may have just answered.
                    let still = conn
                        .prepare_cached(
                            "UPDATE tickets SET escalated_at = ?1 \
                             WHERE id = ?2 AND escalated_at IS NULL \
                             AND (assignee IS NULL OR last_agent_reply_at IS NULL)",
                        )?
                        .execute([now_ms, ticket_id])?;
                    if still == 0 {
                        return Ok(());
                    }
                    let reason = if unassigned {
                        EscalationReason::Unassigned
                    } else {
                        EscalationReason::Unanswered
                    };
                    let after_minutes = minutes;
                    let change = Change::Escalated(Escalated {
                        reason,
                        after_minutes,
                    });
                    events::record(conn, (ticket_id, number), change, now_ms)?;
                    Ok(())
                })
                .await?;
        }
        Ok(due.len())
    }
}
