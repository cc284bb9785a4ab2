//! Reading and clearing form fields by id: forms are read when sent, not mirrored in signals.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

pub fn field(id: &str) -> String {
    let Some(el) = document().get_element_by_id(id) else {
        return String::new();
    };
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        return input.value();
    }
    el.unchecked_into::<web_sys::HtmlElement>()
        .dyn_into::<web_sys::HtmlTextAreaElement>()
        .map(|t| t.value())
        .or_else(|el| {
            el.dyn_into::<web_sys::HtmlSelectElement>()
                .map(|s| s.value())
        })
        .unwrap_or_default()
}

pub fn clear(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        if let Some(t) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            t.set_value("");
        } else if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
            i.set_value("");
        }
    }
}

/// The files just chosen in the file field `ev` came from; the field is emptied, so choosing
/// the same file again is noticed.
pub fn chosen_files(ev: &leptos::ev::Event) -> Vec<web_sys::File> {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return vec![];
    };
    let chosen = input
        .files()
        .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
        .unwrap_or_default();
    input.set_value("");
    chosen
}

/// Whether the checkbox with this id is ticked.
pub fn checked(id: &str) -> bool {
    document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|c| c.checked())
}

/// A part's outcome, said where the part is.
pub type Said = RwSignal<Option<Result<String, String>>>;

pub fn said(status: Said) -> impl IntoView {
    move || {
        status.get().map(|s| match s {
            Ok(m) => view! { <p class="pc-notice" role="status">{m}</p> }.into_any(),
            Err(m) => view! { <p class="pc-error" role="alert">{m}</p> }.into_any(),
        })
    }
}
