//! The team copies people on a ticket and takes them off again, from the agent API or the CLI.
//! A participant reaches the ticket as its customer does; taken off, they lose it at once.

use std::future::Future;

use crate::{CoreError, CoreResult, EmailAddress};

/// Where a ticket's participants are kept. A storage engine implements it.
pub trait ParticipantStore: Send + Sync {
    /// In one write transaction: copies `email` on `ticket` (workspace id, number) with the event
    /// `ticket.participant_added`, making their contact as needed. `false`, and nothing
    /// written, when they already reach it (copied, or its customer). A ticket that would pass
    /// the per-ticket limit is `Invalid("participants")` and nothing is written; a missing
    /// ticket is not found.
    fn copy_on_ticket(
        &self,
        ticket: (i64, i64),
        email: &EmailAddress,
        now_ms: i64,
    ) -> impl Future<Output = CoreResult<bool>> + Send;

    /// In one write transaction: takes `email` off `ticket` (workspace id, number), with the event
    /// `ticket.participant_removed`; their access ends with it. `false`, and nothing written,
    /// when they were not copied; a missing ticket is not found.
    fn take_off_ticket(
        &self,
        ticket: (i64, i64),
        email: &EmailAddress,
        now_ms: i64,
    ) -> impl Future<Output = CoreResult<bool>> + Send;
}

/// Who was copied, as their address is kept, and whether they are new to the ticket.
pub struct Copying {
    pub email: EmailAddress,
    /// `false` when they already reached it: nothing was written.
    pub added: bool,
}

/// The team copies `raw` on `ticket` (workspace id, number). The address follows the
/// participant rule every path shares ([`EmailAddress::participant`]).
pub async fn copy<S: ParticipantStore>(
    store: &S,
    ticket: (i64, i64),
    raw: &str,
    now_ms: i64,
) -> CoreResult<Copying> {
    let email = EmailAddress::participant(raw).map_err(|m| CoreError::Invalid("email", m))?;
    let added = store.copy_on_ticket(ticket, &email, now_ms).await?;
    Ok(Copying { email, added })
}

/// The team takes `raw` off `ticket` (workspace id, number): `false` when nobody is copied under that
/// address, which is so of any text that is not an address at all.
pub async fn take_off<S: ParticipantStore>(
    store: &S,
    ticket: (i64, i64),
    raw: &str,
    now_ms: i64,
) -> CoreResult<bool> {
    let Ok(email) = EmailAddress::parse(raw) else {
        return Ok(false);
    };
    store.take_off_ticket(ticket, &email, now_ms).await
}
