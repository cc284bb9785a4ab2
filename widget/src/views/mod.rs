//! The panel's screens. Each renders plain markup from one snapshot; the decisions live in
//! `logic`, and the pieces shared between screens are plain functions here.

mod list;
mod new_ticket;
mod thread;

use std::future::Future;

pub use list::ticket_list;
pub use new_ticket::new_ticket;
pub use thread::thread;

use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_types::TicketStatus;
use wasm_bindgen::{JsCast, JsValue};

use crate::api::{Api, Failure};
use crate::app::State;
use crate::logic::{badge_class, error_key, relative_time, FormErrors, Msg, Screen};
use crate::text;

/// What a screen shows: nothing yet, the data, or why it could not be had.
pub type Snapshot<T> = RwSignal<Option<Result<T, Failure>>>;

/// Fetches into `snapshot`, writing only when what it shows would change, so a poll that finds
/// nothing new touches no DOM. When it does change, keyboard focus returns to the element with
/// the same id in the new markup.
pub fn load_into<T, F>(state: State, snapshot: Snapshot<T>, fetch: impl FnOnce(Api) -> F + 'static)
where
    T: PartialEq + Send + Sync + 'static,
    F: Future<Output = Result<T, Failure>> + 'static,
{
    let Some(api) = state.api.get_untracked() else {
        return;
    };
    spawn_local(async move {
        let result = fetch(api).await;
        match &result {
            Err(f) => state.observe(f),
            // What the user now sees is read (opening a ticket marks it so): the launcher
            // counts what is unread again, as the server has it.
            Ok(_) => state.bridge.with_value(|b| b.send("read", None)),
        }
        // The screen may have been left while the request was out; its snapshot is then gone,
        // and the answer is simply dropped. A failed background refresh keeps the last good
        // data on screen, and an unchanged answer touches nothing.
        let Some(unneeded) = snapshot.try_with_untracked(|s| {
            (result.is_err() && matches!(s, Some(Ok(_)))) || s.as_ref() == Some(&result)
        }) else {
            return;
        };
        if unneeded {
            return;
        }
        let focused = document()
            .active_element()
            .map(|e| e.id())
            .filter(|id| !id.is_empty());
        snapshot.try_set(Some(result));
        request_animation_frame(move || {
            let el = focused.and_then(|id| document().get_element_by_id(&id));
            match el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                Some(el) => drop(el.focus()),
                None => focus_screen(),
            }
        });
    });
}

/// Puts focus on the screen's heading (or its first field) if nothing has it, as after a
/// screen change or when a screen's content arrives, so keyboard and screen-reader users land
/// where the content changed instead of on the page's body.
///
/// Only while the panel's page has focus: the full-page portal, there on load, must not pull
/// focus from the host page. The view is not scrolled to the heading, so a thread stays at
/// its newest message.
pub fn focus_screen() {
    let d = document();
    if !d.has_focus().unwrap_or(false) || d.active_element().is_some_and(|e| e.tag_name() != "BODY")
    {
        return;
    }
    let target = d
        .query_selector(".ph-heading,.ph-input")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(target) = target {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = target.focus_with_options(&options);
    }
}

/// Fetches again whenever the shown screen is told to refresh (polling, focus, opening).
pub fn reload_on_tick(state: State, load: impl Fn() + 'static) {
    Effect::new(move |_| {
        state.tick.track();
        load();
    });
}

/// The way back to the ticket list.
pub fn back_to_list(state: State) -> impl IntoView {
    view! {
        <div class="ph-toolbar">
            <button type="button" class="ph-link" on:click=move |_| state.go(Screen::List)>
                "← "
                {text::t("back")}
            </button>
        </div>
    }
}

/// A button. Every one made here shares one compiled view, whatever its action: a view per
/// button would cost the panel wasm it has no room for.
pub fn action(
    class: &'static str,
    label: &'static str,
    act: Box<dyn Fn() + Send + Sync>,
) -> impl IntoView {
    view! { <button type="button" class=class on:click=move |_| act()>{label}</button> }
}

pub fn badge(status: TicketStatus) -> impl IntoView {
    view! { <span class=badge_class(status)>{text::status(status)}</span> }
}

/// "5 min ago", with the exact time, in the user's language, for hover.
pub fn ago(at: &str) -> impl IntoView {
    let date = js_sys::Date::new(&at.into());
    let shown = text::ago(relative_time(js_sys::Date::now(), date.get_time()));
    let exact = String::from(date.to_locale_string(&text::lang(), &JsValue::UNDEFINED));
    view! { <time class="ph-time" datetime=at.to_owned() title=exact>{shown}</time> }
}

/// A one-line status: loading, connecting, and the like.
pub fn notice(message: &'static str) -> impl IntoView {
    view! { <p class="ph-loading" role="status">{message}</p> }
}

/// A failed load, with a way to try again: a refresh of whatever screen is showing.
pub fn load_error(state: State, failure: &Failure) -> impl IntoView {
    let message = match failure {
        Failure::Api { body, .. } => text::t(error_key(&body.error.code)),
        Failure::Network => text::t("network_error"),
    };
    view! {
        <div class="ph-error" role="alert">
            <p>{message}</p>
            <button type="button" class="ph-button" on:click=move |_| state.refresh()>
                {text::t("retry")}
            </button>
        </div>
    }
}

/// Where a failed submission's message goes: beside its field, or on the form.
pub fn submit_errors(failure: &Failure) -> FormErrors {
    match failure {
        Failure::Api { body, .. } => FormErrors::from_api(body),
        Failure::Network => FormErrors {
            form: Some(Msg::Key("network_error")),
            ..Default::default()
        },
    }
}

/// Loads the lazily loaded module, if not yet, and gives it the current session token.
pub fn want_extras(state: State) {
    if let Some(api) = state.api.get_untracked() {
        crate::extras::want(api.token());
    }
}

/// A form field's current value, by name.
pub fn form_value(form: &web_sys::HtmlFormElement, name: &str) -> String {
    web_sys::FormData::new_with_form(form)
        .ok()
        .and_then(|data| data.get(name).as_string())
        .unwrap_or_default()
}
