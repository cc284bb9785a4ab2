//! The panel's lazily loaded module: what the ticket list does not need, fetched only when a
//! ticket or the new-ticket form is first opened, so the first open stays small.
//!
//! The panel adds this module's script (`#ph-x`) and keeps the session token on it
//! (`data-t`); the module watches the page and fills in, without being asked:
//! - `data-phx="attach"` marks: a file field that uploads each file at once and keeps the ids,
//!   as a JSON array, in a hidden `attachments` input the panel sends with its form;
//! - `data-phx="suggest"` marks: articles matching the subject as it is typed, readable in
//!   place (and opened FAQs, counted);
//! - each thread drawn: its files under their messages, as download buttons, and the rating
//!   of a resolved ticket that awaits one.
//!
//! Unlike the panel, it decodes the API's answers with serde into the `porthole_types` shapes:
//! here the 20 KB that costs are not paid by the first open.

mod api;
mod attach;
mod download;
mod rate;
mod suggest;
mod texts;
mod thread;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The session token, as the panel last set it on this module's script element.
pub(crate) fn token() -> String {
    document()
        .get_element_by_id("ph-x")
        .and_then(|script| script.get_attribute("data-t"))
        .unwrap_or_default()
}

#[wasm_bindgen(start)]
pub fn start() {
    // Leptos's tasks run on the browser's microtasks; mounting would say so, but the first
    // task here comes before any mount.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    download::listen();
    suggest::count_faqs();
    spawn_local(async {
        texts::load().await;
        scan();
        watch();
    });
}

/// Scans again whenever the panel changes what it shows, once per frame at most.
fn watch() {
    let pending = StoredValue::new(false);
    let changed = Closure::<dyn Fn()>::new(move || {
        if !pending.get_value() {
            pending.set_value(true);
            request_animation_frame(move || {
                pending.set_value(false);
                scan();
            });
        }
    });
    let Ok(observer) = web_sys::MutationObserver::new(changed.as_ref().unchecked_ref()) else {
        return;
    };
    changed.forget();
    let options = web_sys::MutationObserverInit::new();
    options.set_child_list(true);
    options.set_subtree(true);
    if let Some(body) = document().body() {
        let _ = observer.observe_with_options(&body, &options);
    }
}

fn scan() {
    mount_marks();
    thread::decorate();
}

/// Fills every mark not filled yet.
fn mount_marks() {
    for mark in fresh("[data-phx]:not([data-phx-on])") {
        let kind = mark.get_attribute("data-phx").unwrap_or_default();
        let form = mark
            .closest("form")
            .ok()
            .flatten()
            .and_then(|f| f.dyn_into::<web_sys::HtmlFormElement>().ok());
        match kind.as_str() {
            "attach" => leptos::mount::mount_to(mark, move || attach::attach(form)).forget(),
            "suggest" => leptos::mount::mount_to(mark, suggest::suggest).forget(),
            _ => {}
        }
    }
}

/// The elements matching `selector`, each marked as seen (`data-phx-on`) so that no later
/// scan takes it again.
fn fresh(selector: &str) -> Vec<web_sys::HtmlElement> {
    let Ok(found) = document().query_selector_all(selector) else {
        return vec![];
    };
    (0..found.length())
        .filter_map(|i| found.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
        .inspect(|el| drop(el.set_attribute("data-phx-on", "")))
        .collect()
}
