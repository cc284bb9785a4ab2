//! The team's event stream: any change to a ticket makes the screen on show fetch again. An
//! `EventSource` on our own origin sends the console's cookie itself; no token is in the URL.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::Console;

const KINDS: [&str; 9] = [
    "ticket.created",
    "ticket.message",
    "ticket.note",
    "ticket.status_changed",
    "ticket.assigned",
    "ticket.updated",
    "ticket.rated",
    "ticket.participant_added",
    "ticket.participant_removed",
];

pub fn listen(console: Console) {
    let Ok(source) = web_sys::EventSource::new("/api/v1/agent/events") else {
        return;
    };
    let changed = Closure::<dyn Fn(web_sys::Event)>::new(move |_| {
        console.tick.update(|t| *t = t.wrapping_add(1));
    });
    for kind in KINDS {
        let _ = source.add_event_listener_with_callback(kind, changed.as_ref().unchecked_ref());
    }
    // The browser reconnects by itself, sending Last-Event-ID; the console lives as long as
    // the page, and so do these.
    changed.forget();
    std::mem::forget(source);
}
