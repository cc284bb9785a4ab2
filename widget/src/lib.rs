//! The Porthole panel: a Leptos client-side app that runs in an iframe on the Porthole origin.
//! It receives the session token from the host page's loader by `postMessage` and keeps it in
//! memory only; removing the iframe forgets everything.

pub mod api;
#[cfg(feature = "panel")]
mod app;
#[cfg(feature = "panel")]
mod bridge;
#[cfg(feature = "panel")]
mod dom;
#[cfg(feature = "panel")]
mod extras;
mod json;
pub mod logic;
pub mod text;
#[cfg(feature = "panel")]
mod views;

#[cfg(feature = "panel")]
use wasm_bindgen::prelude::*;

#[cfg(feature = "panel")]
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
