use std::sync::Arc;

use crate::clock::Clock;
use crate::domain::Origin;
use crate::store::Store;

/// Server settings fixed at start-up.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Where Porthole itself is reached. Its own pages (the widget iframe) call the API from
    /// this origin, so sessions accept it beside the host origin they were made for.
    pub public_origin: Origin,
    pub session_ttl_ms: i64,
}

#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub clock: Clock,
    pub settings: Arc<Settings>,
}
