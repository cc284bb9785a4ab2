//! The HTTP surfaces: the JSON API (`api`), the server-rendered pages (`pages`), and what both
//! stand on: the state every handler shares, the extractors, the one error type with its JSON
//! body, CORS, and serving connections. Nothing below this module knows HTTP.

pub mod api;
pub mod assets;
pub mod auth;
pub mod client;
pub mod cors;
pub mod error;
pub mod extract;
pub mod listener;
pub mod metrics;
pub mod pages;
pub mod serve;
pub mod state;
pub mod theme;
pub mod ticket_lists;

use axum::Router;

/// The whole server's router: the API, the pages, and the layers around them. Tests build it
/// and serve it on a random port.
pub fn app(state: state::AppState) -> Router {
    api::app(state, pages::routes())
}
