//! What a customer asks of Porthole by email rather than by signing in: a fresh tracking link
//! for a ticket whose link they lost, and no more emails about their tickets.

use std::future::Future;

use crate::{CoreResult, EmailAddress, TicketRef};

/// Fresh links one ticket may be sent in an hour, so nobody can flood a customer's inbox.
pub const LINKS_PER_TICKET_HOUR: i64 = 3;

/// A request for a fresh link, as the form gave it: the address and the reference, each
/// `None` when it is not one.
pub struct LinkRequest<'a> {
    pub workspace_id: i64,
    /// The client's address: the request counts against its hour's allowance of public
    /// submissions, as a new ticket from the portal does.
    pub client: &'a str,
    pub email: Option<EmailAddress>,
    pub number: Option<i64>,
}

/// How a request went, as the asker may learn it: never whether the address and reference
/// matched, so the form cannot tell who has which ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asked {
    /// Taken; a link is on its way if they matched and the ticket's hour allows one more.
    Taken,
    /// The client used its hour's allowance: wait this many seconds.
    Wait(i64),
}

/// Where requests are counted and the emails queued. A storage engine implements it.
pub trait LinkStore: Send + Sync {
    /// In one transaction: counts the request against its client's hour (`Wait`, and nothing
    /// written, when used up); then, when the address may reach the ticket and it was sent
    /// fewer than `max_per_hour` fresh links in the last hour, queues one to the address.
    fn request_fresh_link(
        &self,
        request: LinkRequest<'_>,
        max_per_hour: i64,
        now_ms: i64,
    ) -> impl Future<Output = CoreResult<Asked>> + Send;

    /// Turns notifications off for contact `contact_id` (kept if off already); a contact not
    /// the workspace's is not found.
    fn unsubscribe(
        &self,
        workspace_id: i64,
        contact_id: i64,
        now_ms: i64,
    ) -> impl Future<Output = CoreResult<()>> + Send;
}

/// A visitor asks for a fresh link to ticket `reference` of `email`.
pub async fn ask<S: LinkStore>(
    store: &S,
    (workspace_id, client): (i64, &str),
    (email, reference): (&str, &str),
    now_ms: i64,
) -> CoreResult<Asked> {
    let request = LinkRequest {
        workspace_id,
        client,
        email: EmailAddress::parse(email).ok(),
        number: TicketRef::parse(reference.trim()).map(|r| r.0),
    };
    store
        .request_fresh_link(request, LINKS_PER_TICKET_HOUR, now_ms)
        .await
}

/// A customer, by the link in an email (its proof checked by the caller), asks for no more.
pub async fn unsubscribe<S: LinkStore>(
    store: &S,
    (workspace_id, contact_id): (i64, i64),
    now_ms: i64,
) -> CoreResult<()> {
    store.unsubscribe(workspace_id, contact_id, now_ms).await
}
