//! The background workers: consumers of the outbox (email, webhooks) and the timed sweeps
//! (escalation, unclaimed uploads, the database's upkeep). Each gets a [`Context`] of what it
//! may use, not the HTTP state, and none imports a route or a page: what they share with the
//! pages (the address of a ticket's tracking page) lives below both (`crate::tracking`).

mod escalation;
mod mail;
mod sweeps;
mod webhooks;

use tokio::task::JoinSet;

use crate::clock::Clock;
use crate::files::Files;
use crate::live::Live;
use crate::mail::Mailer;
use crate::store::Store;
use porthole_core::Origin;

/// What the workers work with. Cloned into each; every field is a handle.
#[derive(Clone)]
pub struct Context {
    pub store: Store,
    pub clock: Clock,
    /// Wakes the outbox's consumers after each commit, and tells them when the server stops.
    pub live: Live,
    /// Where Porthole is reached: emails link to it.
    pub public_origin: Origin,
    /// Lets webhooks reach loopback and private addresses.
    pub allow_private_webhooks: bool,
    pub files: Files,
}

/// Starts every worker; they stop when the returned set is dropped. Email is planned and sent
/// only when there is a `mailer`.
pub fn start(context: Context, mailer: Option<Mailer>) -> JoinSet<()> {
    let mut workers = JoinSet::new();
    workers.spawn(sweeps::upkeep(context.store.clone()));
    workers.spawn(sweeps::uploads(context.clone()));
    workers.spawn(webhooks::run(context.clone()));
    workers.spawn(escalation::run(context.clone()));
    if let Some(mailer) = mailer {
        workers.spawn(mail::run(context, mailer));
    }
    workers
}
