//! The team's reports: tickets opened and resolved each day, and how long first responses and
//! resolutions took.

use porthole_types::{DayCounts, Durations, TicketsReport};

use super::Store;

const DAY_MS: i64 = 86_400_000;

/// The median and 90th percentile (nearest rank) of durations in milliseconds, in seconds.
pub fn durations(mut ms: Vec<i64>) -> Durations {
    ms.sort_unstable();
    let rank = |p: f64| -> Option<i64> {
        let n = ms.len();
        (n > 0).then(|| ms[((p * n as f64).ceil() as usize).clamp(1, n) - 1] / 1000)
    };
    Durations {
        count: ms.len() as i64,
        median_secs: rank(0.5),
        p90_secs: rank(0.9),
    }
}

impl Store {
    /// The report for `[from_ms, to_ms)`, whole UTC days.
    pub async fn tickets_report(
        &self,
        workspace_id: i64,
        from_ms: i64,
        to_ms: i64,
    ) -> sqlx::Result<TicketsReport> {
        // Through tickets_by_creation: the period's tickets, not the workspace's.
        let opened: Vec<(i64, Option<i64>)> = sqlx::query_as(
            "SELECT t.created_at, (SELECT MIN(m.created_at) FROM messages m \
               WHERE m.ticket_id = t.id AND m.author = 'agent' AND m.internal = FALSE) \
             FROM tickets t WHERE t.workspace_id = $1 AND t.created_at >= $2 AND t.created_at < $3",
        )
        .bind(workspace_id)
        .bind(from_ms)
        .bind(to_ms)
        .fetch_all(&self.pool)
        .await?;
        // Through events_by_kind: the period's status changes.
        let resolved: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT e.created_at, t.created_at FROM events e JOIN tickets t ON t.id = e.ticket_id \
             WHERE e.workspace_id = $1 AND e.kind = 'ticket.status_changed' \
             AND e.created_at >= $2 AND e.created_at < $3 \
             AND json_extract(e.data, '$.status') = 'resolved'",
        )
        .bind(workspace_id)
        .bind(from_ms)
        .bind(to_ms)
        .fetch_all(&self.pool)
        .await?;

        let day_count = ((to_ms - from_ms) / DAY_MS).max(0) as usize;
        let mut days: Vec<DayCounts> = (0..day_count)
            .map(|i| DayCounts {
                date: crate::clock::rfc3339(from_ms + i as i64 * DAY_MS)[..10].to_owned(),
                opened: 0,
                resolved: 0,
            })
            .collect();
        let slot = |at: i64| ((at - from_ms) / DAY_MS) as usize;
        for (created, _) in &opened {
            if let Some(d) = days.get_mut(slot(*created)) {
                d.opened += 1;
            }
        }
        for (at, _) in &resolved {
            if let Some(d) = days.get_mut(slot(*at)) {
                d.resolved += 1;
            }
        }
        let first = opened
            .iter()
            .filter_map(|(created, reply)| reply.map(|r| r - created))
            .collect();
        let resolution = resolved.iter().map(|(at, created)| at - created).collect();
        Ok(TicketsReport {
            days,
            first_response: durations(first),
            resolution: durations(resolution),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_and_90th_percentile_are_nearest_ranks() {
        let d = durations((1..=10).map(|s| s * 1000).collect());
        assert_eq!((d.count, d.median_secs, d.p90_secs), (10, Some(5), Some(9)));
        let one = durations(vec![42_000]);
        assert_eq!((one.median_secs, one.p90_secs), (Some(42), Some(42)));
        let none = durations(vec![]);
        assert_eq!(
            (none.count, none.median_secs, none.p90_secs),
            (0, None, None)
        );
    }
}
