//! Articles that may answer the question, found as the subject is typed, and read in place.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::api::{self, ArticleView, Suggestion};
use crate::texts::x;

/// The pause in typing before a search: one request per word or so, not per key.
const PAUSE_MS: i32 = 300;
/// Shorter subjects match too much to help.
const MIN_CHARS: usize = 3;

pub fn suggest() -> impl IntoView {
    let found: RwSignal<Vec<Suggestion>> = RwSignal::new(vec![]);
    let reading: RwSignal<Option<ArticleView>> = RwSignal::new(None);
    let timer = StoredValue::new(None::<i32>);
    // Only the latest search's answer is shown: an earlier one may arrive after it.
    let latest = StoredValue::new(0u32);
    let search = move |typed: String| {
        latest.update_value(|n| *n += 1);
        let mine = latest.get_value();
        spawn_local(async move {
            let articles = if typed.chars().count() < MIN_CHARS {
                vec![]
            } else {
                api::suggestions(&typed).await.unwrap_or_default()
            };
            if latest.try_get_value() == Some(mine) {
                found.try_set(articles);
            }
        });
    };
    if let Some(subject) = document().get_element_by_id("ph-subject") {
        // What was typed while this module loaded is searched at once.
        if let Some(input) = subject.dyn_ref::<web_sys::HtmlInputElement>() {
            let typed = input.value().trim().to_owned();
            if !typed.is_empty() {
                search(typed);
            }
        }
        let typed = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
            let value = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                .map(|i| i.value().trim().to_owned())
                .unwrap_or_default();
            if let Some(pending) = timer.try_get_value().flatten() {
                window().clear_timeout_with_handle(pending);
            }
            let later = Closure::once_into_js(move || search(value));
            let handle = window()
                .set_timeout_with_callback_and_timeout_and_arguments_0(
                    later.unchecked_ref(),
                    PAUSE_MS,
                )
                .ok();
            timer.try_set_value(handle);
        });
        let _ = subject.add_event_listener_with_callback("input", typed.as_ref().unchecked_ref());
        typed.forget();
    }
    let open = move |id: i64| {
        spawn_local(async move {
            if let Ok(article) = api::article(id).await {
                reading.try_set(Some(article));
            }
        });
    };
    view! {
        <div class="ph-suggest" aria-live="polite">
            {move || {
                let articles = found.get();
                (!articles.is_empty()).then(|| view! {
                    <p class="ph-label">{x("suggestions")}</p>
                    <ul class="ph-list">
                        {articles.into_iter().map(|a| view! {
                            <li><button type="button" class="ph-link" on:click=move |_| open(a.id)>{a.title}</button></li>
                        }).collect_view()}
                    </ul>
                })
            }}
            {move || reading.get().map(article)}
        </div>
    }
}

/// An article's text in the panel. Its links open in a new tab: followed in the frame, they
/// would replace the panel.
fn article(a: ArticleView) -> impl IntoView {
    let outward = |ev: leptos::ev::MouseEvent| {
        let link = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href]").ok().flatten());
        if let Some(href) = link.and_then(|l| l.get_attribute("href")) {
            ev.prevent_default();
            let _ = window().open_with_url_and_target_and_features(&href, "_blank", "noopener");
        }
    };
    view! {
        <article class="ph-article" on:click=outward>
            <h3 class="ph-label">{a.title}</h3>
            <div class="ph-text" inner_html=a.html></div>
        </article>
    }
}

/// Counts each FAQ opened on the new-ticket form, so the company sees which answers save
/// tickets. One listener, for every form drawn.
pub fn count_faqs() {
    let clicked = Closure::<dyn Fn(web_sys::Event)>::new(|ev: web_sys::Event| {
        let summary = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest(".ph-faqs summary").ok().flatten());
        let Some(summary) = summary else {
            return;
        };
        // Counted as it opens, not as it closes.
        let opening = summary
            .parent_element()
            .is_some_and(|d| !d.has_attribute("open"));
        if let (true, Some(question)) = (opening, summary.text_content()) {
            spawn_local(api::faq_click(question));
        }
    });
    let _ = document().add_event_listener_with_callback("click", clicked.as_ref().unchecked_ref());
    clicked.forget();
    // Opened before this module had loaded (it loads with the form the FAQs stand beside):
    // counted now, or those clicks would be lost on a slow connection.
    if let Ok(open) = document().query_selector_all(".ph-faqs details[open] > summary") {
        for i in 0..open.length() {
            if let Some(question) = open.item(i).and_then(|n| n.text_content()) {
                spawn_local(api::faq_click(question));
            }
        }
    }
}
