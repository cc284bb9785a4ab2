//! Tracking links: what lets a customer without a session (one who wrote from the portal, or
//! by email) open their ticket's page. A link carries a token shown once; only its hash is
//! kept, for the link's life.

use std::future::Future;

use crate::{CoreResult, Token};

const HOUR_MS: i64 = 3_600_000;
/// How long a tracking link works, unless it is made for less.
pub const TRACKING_TTL_MS: i64 = 30 * 24 * HOUR_MS;

/// Where the hashes of tracking tokens are kept. A storage engine implements it.
pub trait TrackingStore: Send + Sync {
    /// Keeps `token_hash` as granting `email` ticket `ticket_id` from `now_ms` until
    /// `expires_at`.
    fn keep_tracking_token(
        &self,
        ticket: (i64, &str),
        token_hash: &str,
        life: (i64, i64),
    ) -> impl Future<Output = CoreResult<()>> + Send;
}

/// A new tracking token, and when it expires: for a ticket's own transaction to keep (a
/// portal submission), or for [`issue`].
pub fn new_token(now_ms: i64, ttl_ms: Option<i64>) -> (Token, i64) {
    let until = now_ms + ttl_ms.unwrap_or(TRACKING_TTL_MS);
    (Token::generate("pht_"), until)
}

/// A new tracking token for `email` on ticket `ticket_id`, valid for `ttl_ms` (`None`: the
/// usual [`TRACKING_TTL_MS`]).
pub async fn issue<S: TrackingStore>(
    store: &S,
    ticket: (i64, &str),
    ttl_ms: Option<i64>,
    now_ms: i64,
) -> CoreResult<Token> {
    let (token, until) = new_token(now_ms, ttl_ms);
    store
        .keep_tracking_token(ticket, &token.hash, (now_ms, until))
        .await?;
    Ok(token)
}
