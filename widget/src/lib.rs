//! The Porthole panel: a Leptos client-side app that runs in an iframe on the Porthole origin.
//! It receives the session token from the host page's loader by `postMessage` and keeps it in
//! memory only; removing the iframe forgets everything.

pub mod api;
mod app;
mod bridge;
mod dom;
mod json;
pub mod logic;
pub mod text;
mod views;

use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
pub fn start() {
    let Some(window) = web_sys::window() else {
        return;
    };
    // Opened without its parameters, the page has no host to serve and shows nothing.
    if let (Some(bridge), Some(document)) =
        (bridge::Bridge::from_location(&window), window.document())
    {
        text::load(&document);
        leptos::mount::mount_to_body(move || app::app(bridge));
    }
}
