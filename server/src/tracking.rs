//! The addresses of the portal's tracking pages: served by the pages, carried by the emails
//! the mail worker sends. Here, below both, so that neither imports the other.

use secrecy::ExposeSecret;

use crate::store::Store;
use porthole_core::{tracking, CoreResult, TicketRef, Token};

/// Where a ticket's tracking page lives, with the reference spelled canonically.
pub fn ticket_path(slug: &str, number: i64) -> String {
    format!("/p/{slug}/tickets/{}", TicketRef(number))
}

/// A new tracking link's path for ticket `number` (id `ticket_id`) and its customer's email,
/// valid for `ttl_ms` (`None`: the usual 30 days).
pub async fn tracking_path(
    store: &Store,
    (slug, ticket_id, number): (&str, i64, i64),
    email: &str,
    ttl_ms: Option<i64>,
    now_ms: i64,
) -> CoreResult<String> {
    let token = tracking::issue(store, (ticket_id, email), ttl_ms, now_ms).await?;
    Ok(tracking_link(slug, number, &token))
}

/// The path of a tracking link whose token is kept already.
pub fn tracking_link(slug: &str, number: i64, token: &Token) -> String {
    format!(
        "{}?t={}",
        ticket_path(slug, number),
        token.secret.expose_secret()
    )
}
