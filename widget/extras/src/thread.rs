//! The rating of a resolved ticket that awaits one, under its thread. (A message's files come
//! in its `html` from the server, as buttons `download` answers.)

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::api;

/// Looks again at every thread whose status line changed since it was last looked at: a
/// Resolved one is read, and asks for a rating if its resolution has none yet.
pub fn decorate() {
    let Ok(found) = document().query_selector_all(".ph-thread .ph-meta") else {
        return;
    };
    for i in 0..found.length() {
        let Some(meta) = found
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let line = meta.text_content().unwrap_or_default();
        if meta.get_attribute("data-phx-seen").as_deref() == Some(line.as_str()) {
            continue;
        }
        let _ = meta.set_attribute("data-phx-seen", &line);
        let Some(section) = meta.closest(".ph-thread").ok().flatten() else {
            continue;
        };
        if let Ok(Some(old)) = section.query_selector(".ph-rate-mount") {
            old.remove();
        }
        let resolved = meta
            .query_selector(".ph-badge--resolved")
            .ok()
            .flatten()
            .is_some();
        // The reference leads the line: "Resolved TKT-0042 · Bug report".
        let reference = meta
            .query_selector(".ph-ref")
            .ok()
            .flatten()
            .and_then(|r| r.text_content())
            .and_then(|t| t.split_whitespace().next().map(str::to_owned));
        if let (true, Some(reference)) = (resolved, reference) {
            spawn_local(ask(section, reference));
        }
    }
}

async fn ask(section: web_sys::Element, reference: String) {
    let Ok(ticket) = api::ticket(&reference).await else {
        return;
    };
    if !ticket.awaiting_rating {
        return;
    }
    let Ok(mount) = document().create_element("div") else {
        return;
    };
    mount.set_class_name("ph-rate-mount");
    let _ = section.append_child(&mount);
    if let Ok(mount) = mount.dyn_into::<web_sys::HtmlElement>() {
        leptos::mount::mount_to(mount, move || crate::rate::rate(reference)).forget();
    }
}
