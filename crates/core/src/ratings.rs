//! A customer's rating of a ticket's resolution, from the widget, the portal or the signed
//! iframe.

use std::future::Future;

use porthole_types::{Channel, Rating, TicketStatus};

use crate::tickets::{Reach, TicketState, UserScope};
use crate::{optional_text, CoreError, CoreResult};

/// The longest comment a rating takes.
pub const COMMENT_MAX: usize = 2_000;

/// A rating, checked.
pub struct NewRating {
    pub score: i64,
    pub comment: Option<String>,
    pub channel: Channel,
}

/// Where ratings are kept. A storage engine implements it.
pub trait RatingStore: Send + Sync {
    /// In one write transaction: reads ticket `number` as the customer reaches it (not found:
    /// nothing is written), asks `allow` whether they may rate it, then keeps the rating of
    /// its current resolution with its event. A resolution is rated once: a second rating is
    /// the conflict `already_rated`.
    fn rate_resolution<F>(
        &self,
        scope: &UserScope,
        number: i64,
        rating: NewRating,
        now_ms: i64,
        allow: F,
    ) -> impl Future<Output = CoreResult<Rating>> + Send
    where
        F: FnOnce(&TicketState) -> CoreResult<()> + Send + 'static;
}

/// The customer rates ticket `number`'s resolution: a whole score from 1 to 5 and an
/// optional comment.
pub async fn rate<S: RatingStore>(
    store: &S,
    (scope, number): (&UserScope, i64),
    (score, comment): (i64, Option<&str>),
    channel: Channel,
    now_ms: i64,
) -> CoreResult<Rating> {
    if !(1..=5).contains(&score) {
        return Err(CoreError::Invalid(
            "score",
            "score must be a whole number from 1 to 5".into(),
        ));
    }
    let comment = optional_text("comment", comment, COMMENT_MAX)?;
    let rating = NewRating {
        score,
        comment,
        channel,
    };
    store
        .rate_resolution(scope, number, rating, now_ms, may_rate)
        .await
}

/// Only the person who opened the ticket rates it, and only while it is resolved.
fn may_rate(ticket: &TicketState) -> CoreResult<()> {
    if ticket.reach != Some(Reach::Owner) {
        return Err(CoreError::Conflict(
            "owner_only",
            "only the person who opened this ticket can rate it",
        ));
    }
    if ticket.status != TicketStatus::Resolved {
        return Err(not_resolved());
    }
    Ok(())
}

/// The refusal of a rating for a ticket that is not resolved.
pub fn not_resolved() -> CoreError {
    CoreError::Conflict("not_resolved", "only a resolved ticket can be rated")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ticket(status: TicketStatus, reach: Reach) -> TicketState {
        TicketState {
            status,
            assignee: None,
            reach: Some(reach),
        }
    }

    #[test]
    fn only_the_owner_rates_and_only_a_resolved_ticket() {
        assert!(may_rate(&ticket(TicketStatus::Resolved, Reach::Owner)).is_ok());
        assert!(matches!(
            may_rate(&ticket(TicketStatus::Resolved, Reach::Participant)),
            Err(CoreError::Conflict("owner_only", _))
        ));
        assert!(matches!(
            may_rate(&ticket(TicketStatus::Open, Reach::Owner)),
            Err(CoreError::Conflict("not_resolved", _))
        ));
    }
}
