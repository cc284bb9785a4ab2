//! Satisfaction ratings (CSAT): a customer rates each resolution of their ticket once.

use porthole_core::ratings::{not_resolved, NewRating, RatingStore};
use porthole_core::tickets::{Actor, TicketState};
use porthole_core::CoreResult;
use porthole_types::{Change, EventRating, Rated, Rating};
use rusqlite::OptionalExtension;
use serde::Serialize;

use super::events;
use super::ticket_writes::find;
use super::tickets::UserScope;
use super::Store;
use super::StoreResult;
use porthole_core::CoreError;

impl RatingStore for Store {
    async fn rate_resolution<F>(
        &self,
        scope: &UserScope,
        number: i64,
        rating: NewRating,
        now_ms: i64,
        allow: F,
    ) -> CoreResult<Rating>
    where
        F: FnOnce(&TicketState) -> CoreResult<()> + Send + 'static,
    {
        let actor = Actor::Customer(scope.clone());
        Ok(self
            .groups
            .write(move |conn| keep_rating(conn, (&actor, number), rating, now_ms, allow))
            .await?)
    }
}

/// See `RatingStore::rate_resolution`.
fn keep_rating<F>(
    conn: &rusqlite::Connection,
    (actor, number): (&Actor, i64),
    rating: NewRating,
    now_ms: i64,
    allow: F,
) -> StoreResult<Rating>
where
    F: FnOnce(&TicketState) -> CoreResult<()>,
{
    let ticket = find(conn, actor, number)?.ok_or(CoreError::NotFound)?;
    allow(&ticket.state)?;
    let resolution: i64 = conn
        .prepare_cached(CURRENT_RESOLUTION)?
        .query_row([ticket.id], |row| row.get(0))
        .optional()?
        .ok_or_else(not_resolved)?;
    let NewRating {
        score,
        comment,
        channel,
    } = rating;
    let kept = conn
        .prepare_cached(
            "INSERT INTO ratings (workspace_id, ticket_id, resolution_event_id, \
             score, comment, channel, created_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING \
             RETURNING score, comment, channel, created_at",
        )?
        .query_row(
            rusqlite::params![
                ticket.workspace_id,
                ticket.id,
                resolution,
                score,
                comment,
                channel.as_str(),
                now_ms
            ],
            rating_row,
        )
        .optional()?;
    let Some(kept) = kept else {
        return Err(
            CoreError::Conflict("already_rated", "this resolution has been rated already").into(),
        );
    };
    let rated = EventRating { score, comment };
    let change = Change::Rated(Rated { rating: rated });
    events::record(conn, (ticket.id, number), change, now_ms)?;
    Ok(kept)
}

/// Ratings over a period.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CsatReport {
    pub count: i64,
    /// The mean score, absent when there is no rating.
    pub average: Option<f64>,
    /// How many of each score, 1 to 5.
    pub distribution: [i64; 5],
}

/// The event that last resolved the ticket, if it is Resolved now. `?1`: the ticket's id.
/// Rating reads it in its write, and the ticket's screen through `readers`.
const CURRENT_RESOLUTION: &str = "SELECT e.id FROM events e JOIN tickets t ON t.id = e.ticket_id \
     WHERE e.ticket_id = ?1 AND e.kind = 'ticket.status_changed' AND t.status = 'resolved' \
     AND json_extract(e.data, '$.status') = 'resolved' ORDER BY e.id DESC LIMIT 1";

/// Whether the ticket is Resolved and its resolution not yet rated: when to ask.
pub(super) fn awaits_rating(conn: &rusqlite::Connection, ticket_id: i64) -> rusqlite::Result<bool> {
    let Some(resolution) = conn
        .prepare_cached(CURRENT_RESOLUTION)?
        .query_row([ticket_id], |row| row.get::<_, i64>(0))
        .optional()?
    else {
        return Ok(false);
    };
    let rated = conn
        .prepare_cached("SELECT 1 FROM ratings WHERE ticket_id = ?1 AND resolution_event_id = ?2")?
        .exists([ticket_id, resolution])?;
    Ok(!rated)
}

/// The ticket's latest rating.
pub(super) fn latest_rating(
    conn: &rusqlite::Connection,
    ticket_id: i64,
) -> rusqlite::Result<Option<Rating>> {
    conn.prepare_cached(
        "SELECT score, comment, channel, created_at FROM ratings WHERE ticket_id = ?1 \
         ORDER BY id DESC LIMIT 1",
    )?
    .query_row([ticket_id], rating_row)
    .optional()
}

/// A rating from its columns: score, comment, channel, created_at.
fn rating_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Rating> {
    Ok(Rating {
        score: row.get(0)?,
        comment: row.get(1)?,
        channel: row.get(2)?,
        created_at: row.get(3)?,
    })
}

impl Store {
    /// Ratings given from `from_ms` up to (not including) `to_ms`.
    pub async fn csat(
        &self,
        workspace_id: i64,
        from_ms: i64,
        to_ms: i64,
    ) -> sqlx::Result<CsatReport> {
        let rows: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT score, COUNT(*) FROM ratings \
             WHERE workspace_id = $1 AND created_at >= $2 AND created_at < $3 GROUP BY score",
        )
        .bind(workspace_id)
        .bind(from_ms)
        .bind(to_ms)
        .fetch_all(&self.pool)
        .await?;
        let mut distribution = [0; 5];
        for (score, n) in &rows {
            if let Some(slot) = usize::try_from(score - 1)
                .ok()
                .and_then(|i| distribution.get_mut(i))
            {
                *slot = *n;
            }
        }
        let count: i64 = distribution.iter().sum();
        let total: i64 = rows.iter().map(|(s, n)| s * n).sum();
        Ok(CsatReport {
            count,
            average: (count > 0).then(|| (total as f64 / count as f64 * 100.0).round() / 100.0),
            distribution,
        })
    }
}
