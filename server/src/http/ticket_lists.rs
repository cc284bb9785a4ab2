//! The widget's lists of tickets as last answered, kept for the widget API.

use axum::body::Bytes;

use crate::recent::Recent;

/// Users' lists as last answered, since a widget asks for its list each time it opens and
/// after every change it hears of. A commit that touches a user's tickets makes that user's
/// lists stale, and any commit of another process makes all of them stale (see
/// `store::changes`).
pub struct TicketLists(pub(super) Recent<ListKey, Bytes>);

/// Lists kept at most, and their bytes together: a page can hold 100 tickets, and a user can
/// ask for many pages, so the weight is what bounds the memory.
const LISTS_KEPT: usize = 10_000;
const LISTS_BYTES: usize = 8 << 20;

impl Default for TicketLists {
    fn default() -> Self {
        Self(Recent::new(
            LISTS_KEPT,
            LISTS_BYTES,
            crate::recent::TRACKED_FRESH_FOR,
        ))
    }
}

#[derive(PartialEq, Eq, Hash)]
pub struct ListKey {
    pub workspace_id: i64,
    pub email: String,
    pub cursor: Option<String>,
    pub limit: i64,
}
