//! The reply box's preview. The server renders the draft with the same function that renders
//! a sent message, so what the agent sees is what the customer gets, down to what the
//! sanitiser takes out.

use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_types::{MarkdownPreview, PreviewRequest};

use crate::api;
use crate::dom::field;
use crate::words;

/// The rendered draft, once asked for; `None` hides it (and editing the draft sets that).
pub type Shown = RwSignal<Option<String>>;

pub fn preview(shown: Shown, error: RwSignal<Option<String>>) -> impl IntoView {
    let show = move |_| {
        let request = PreviewRequest {
            body: field("pc-reply"),
        };
        spawn_local(async move {
            match api::send::<_, MarkdownPreview>("POST", "/preview", &request).await {
                Ok(p) => shown.set(Some(p.html)),
                Err(failed) => error.set(Some(failed.0)),
            }
        });
    };
    let w = words();
    view! {
        <button type="button" class="pc-button" on:click=show aria-controls="pc-preview">
            {w.preview}
        </button>
        <section id="pc-preview" class="pc-preview-reply" aria-label=w.preview_label
            aria-live="polite" hidden=move || shown.with(Option::is_none)>
            // The server's sanitised rendering, never the raw draft.
            <div class="pc-body" inner_html=move || shown.get().unwrap_or_default()></div>
        </section>
    }
}
