//! The rating of a resolved ticket: 1 to 5 and an optional comment, asked once per resolution.

use leptos::either::Either;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::api::{self, Failed};
use crate::texts::x;

/// Asks for the rating of a resolved ticket that awaits one (see `thread`), then thanks.
pub fn rate(reference: String) -> impl IntoView {
    let rated = RwSignal::new(false);
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    let reference = StoredValue::new(reference);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let Some(form) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
        else {
            return;
        };
        let data = web_sys::FormData::new_with_form(&form).ok();
        let field = |name: &str| {
            data.as_ref()
                .and_then(|d| d.get(name).as_string())
                .unwrap_or_default()
        };
        let Ok(score) = field("score").parse::<i64>() else {
            error.set(Some(x("rate_hint")));
            return;
        };
        let comment = field("comment");
        spawn_local(async move {
            match api::rate(&reference.get_value(), score, comment).await {
                Ok(()) | Err(Failed::Api(409)) => drop(rated.try_set(true)),
                Err(_) => drop(error.try_set(Some(x("error")))),
            }
        });
    };
    move || match rated.get() {
        true => Either::Left(view! { <p class="ph-notice" role="status">{x("rated")}</p> }),
        false => Either::Right(view! {
            <section class="ph-card ph-rate">
                <h3 class="ph-label">{x("rate_title")}</h3>
                <form class="ph-form" novalidate on:submit=submit>
                    <fieldset class="ph-scores">
                        <legend>{x("rate_hint")}</legend>
                        {(1..=5).map(|n| view! { <label><input type="radio" name="score" value=n.to_string()/>" "{n}</label> }).collect_view()}
                    </fieldset>
                    <label class="ph-label" for="ph-rate-comment">{x("rate_comment")}</label>
                    <textarea id="ph-rate-comment" class="ph-input" name="comment" rows="2" maxlength="2000"></textarea>
                    <p class="ph-field-error" role="alert">{move || error.get()}</p>
                    <button type="submit" class="ph-button ph-button--primary">{x("rate_send")}</button>
                </form>
            </section>
        }),
    }
}
