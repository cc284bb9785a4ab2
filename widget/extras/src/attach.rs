//! A form's file field: each chosen file is uploaded at once and shown with a way to remove
//! it; the ids are kept, as a JSON array, in a hidden `attachments` input that the panel sends
//! with the form.

use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_types::limits::FILES_PER_CUSTOMER_MESSAGE;
use porthole_types::Attachment;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::api::{self, Failed};
use crate::texts::{fill, x};

/// What the field offers; the server judges by content all the same.
const ACCEPT: &str = "image/jpeg,image/png,image/gif,image/webp,application/pdf,text/plain,\
    text/csv,.csv,.txt,.doc,.docx,.xls,.xlsx";

/// Each field's ids are its own: a thread and a new ticket may be drawn one after the other.
static FIELDS: AtomicUsize = AtomicUsize::new(0);

pub fn attach(form: Option<web_sys::HtmlFormElement>) -> impl IntoView {
    let files: RwSignal<Vec<Attachment>> = RwSignal::new(vec![]);
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    let busy = RwSignal::new(false);
    let id = format!("ph-attach-{}", FIELDS.fetch_add(1, Ordering::Relaxed));
    let hint = format!("{id}-hint");
    // The panel resets its reply form once the reply is sent: the files went with it.
    if let Some(form) = form {
        let cleared = Closure::<dyn Fn()>::new(move || {
            files.try_set(vec![]);
            error.try_set(None);
        });
        let _ = form.add_event_listener_with_callback("reset", cleared.as_ref().unchecked_ref());
        cleared.forget();
    }

    let chosen = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let list = input.files();
        let picked: Vec<web_sys::File> = (0..list.as_ref().map_or(0, |l| l.length()))
            .filter_map(|i| list.as_ref()?.get(i))
            .collect();
        input.set_value("");
        error.set(None);
        spawn_local(async move {
            for file in picked {
                if files.with_untracked(Vec::len) >= FILES_PER_CUSTOMER_MESSAGE {
                    error.try_set(Some(x("attach_too_many")));
                    break;
                }
                busy.try_set(true);
                let result = api::upload(&file).await;
                busy.try_set(false);
                match result {
                    Ok(uploaded) => drop(files.try_update(|f| f.push(uploaded))),
                    Err(failed) => {
                        error.try_set(Some(refusal(&file.name(), &failed)));
                        break;
                    }
                }
            }
        });
    };

    view! {
        <div class="ph-attach">
            <label class="ph-label" for=id.clone()>{x("attach")}</label>
            <input type="file" id=id class="ph-input" multiple accept=ACCEPT aria-describedby=hint.clone() on:change=chosen/>
            <p class="ph-hint" id=hint>{x("attach_hint")}</p>
            <p class="ph-loading" role="status">{move || busy.get().then(|| x("attach_uploading"))}</p>
            <ul class="ph-chips" aria-label=x("attachments")>
                {move || files.get().into_iter().map(|f| chip(f, files)).collect_view()}
            </ul>
            <input type="hidden" name="attachments" prop:value=move || ids(&files.get())/>
            <p class="ph-field-error" role="alert">{move || error.get()}</p>
        </div>
    }
}

/// One attached file: its name, a way to take it off, and its id for the form.
fn chip(file: Attachment, files: RwSignal<Vec<Attachment>>) -> impl IntoView {
    let id = file.id.clone();
    let remove = move |_| files.update(|f| f.retain(|a| a.id != id));
    view! {
        <li>
            {file.name} " "
            <button type="button" class="ph-link" on:click=remove>{x("attach_remove")}</button>
        </li>
    }
}

/// The ids as the panel sends them: a JSON array, or nothing when there are none.
fn ids(files: &[Attachment]) -> String {
    if files.is_empty() {
        return String::new();
    }
    let ids: Vec<&str> = files.iter().map(|f| f.id.as_str()).collect();
    serde_json::to_string(&ids).unwrap_or_default()
}

/// Why a file was not taken, in the user's words, naming it.
fn refusal(name: &str, failed: &Failed) -> String {
    match failed {
        Failed::Api(429) => x("attach_wait"),
        Failed::Api(413 | 422) => format!("{} {}", fill("attach_refused", name), x("attach_hint")),
        _ => x("error"),
    }
}
