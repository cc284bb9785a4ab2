//! The team's event stream: any change to a ticket, of every type there is, makes the screen on
//! show fetch again. An `EventSource` on our own origin sends the console's cookie itself; no
//! token is in the URL.

use leptos::prelude::*;
use porthole_types::EventType;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::Console;

pub fn listen(console: Console) {
    let Ok(source) = web_sys::EventSource::new("/api/v1/agent/events") else {
        return;
    };
    let changed = Closure::<dyn Fn(web_sys::Event)>::new(move |_| {
        console.tick.update(|t| *t = t.wrapping_add(1));
    });
    for kind in EventType::ALL {
        let _ = source
            .add_event_listener_with_callback(kind.as_str(), changed.as_ref().unchecked_ref());
    }
    // The browser reconnects by itself, sending Last-Event-ID; the console lives as long as
    // the page, and so do these.
    changed.forget();
    std::mem::forget(source);
}
