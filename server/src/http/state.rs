use std::sync::Arc;

use crate::clock::Clock;
use crate::store::Store;
use porthole_core::Origin;

/// Server settings fixed at start-up.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Where Porthole itself is reached. Its own pages (the widget iframe) call the API from
    /// this origin, so sessions accept it beside the host origin they were made for.
    pub public_origin: Origin,
    pub session_ttl_ms: i64,
    /// Proxies whose `X-Forwarded-For` is believed. Empty by default: believe no one.
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// The bearer token a Prometheus scraper must send to `/metrics`; off when absent.
    pub metrics_token: Option<secrecy::SecretString>,
    /// Lets webhooks reach loopback and private addresses (tests, all-internal deployments).
    pub allow_private_webhooks: bool,
}

impl Settings {
    /// Cookies are marked `Secure` when users reach Porthole over https.
    pub fn secure_cookies(&self) -> bool {
        self.public_origin.as_str().starts_with("https://")
    }
}

/// What every handler shares. Behind one `Arc`: axum clones the state for each extractor and
/// middleware that asks for it, and cloning a dozen reference counts per request was a tenth
/// of the user's list's time.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

impl AppState {
    pub fn new(shared: Shared) -> Self {
        Self(Arc::new(shared))
    }
}

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

pub struct Shared {
    pub store: Store,
    pub clock: Clock,
    pub settings: Arc<Settings>,
    pub metrics: crate::http::metrics::Metrics,
    pub live: crate::live::Live,
    /// Present when email is on; pages promise an email only then.
    pub mailer: Option<crate::mail::Mailer>,
    /// Where attachments' bytes are kept.
    pub files: crate::files::Files,
    /// Which agents have which ticket open in the console.
    pub presence: crate::presence::Presence,
    pub ticket_lists: crate::http::ticket_lists::TicketLists,
}
