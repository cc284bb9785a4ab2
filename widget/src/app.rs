//! The root component: shared state, the host channel, live updates or polling, focus and
//! Escape.
//!
//! Reactivity is deliberately coarse: each screen keeps one snapshot of what it shows and
//! renders plain markup from it. Every reactive closure costs wasm bytes, and the panel has a
//! 100 KB budget for everything it loads.

use std::time::Duration;

use leptos::either::EitherOf4;
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::api::{Api, Failure};
use crate::bridge::{Bridge, Inbound};
use crate::logic::Screen;
use crate::text;
use crate::views::{focus_screen, new_ticket, notice, thread, ticket_list};

/// While open, and while the host page's event stream is down, the panel refreshes this often.
const POLL: Duration = Duration::from_secs(4);

/// State shared by the views.
#[derive(Clone, Copy)]
pub struct State {
    pub api: RwSignal<Option<Api>>,
    pub screen: RwSignal<Screen>,
    /// Bumped to make the visible screen refetch (polling, focus, opening).
    pub tick: RwSignal<u32>,
    pub session_ended: RwSignal<bool>,
    pub bridge: StoredValue<Bridge>,
    /// Drafts outlive their screens and failed requests, so typed text is never lost. They are
    /// not reactive: inputs are read and written directly.
    pub drafts: StoredValue<Drafts>,
}

#[derive(Default)]
pub struct Drafts {
    pub subject: String,
    pub description: String,
    pub kind: String,
    pub category: String,
    /// The reply being written, and the ticket it is for.
    pub reply: (String, String),
    /// One key per ticket being written, kept across retries so a retry cannot duplicate it.
    pub idempotency_key: String,
}

impl State {
    /// Notes a failure that means the session is over, and tells the host.
    pub fn observe(&self, failure: &Failure) {
        if failure.session_ended() {
            self.session_ended.set(true);
            self.bridge.with_value(|b| {
                b.send("error", Some(("code", JsValue::from_str("session_ended"))))
            });
        }
    }

    pub fn go(&self, screen: Screen) {
        self.screen.set(screen);
    }

    /// Makes the screen on show fetch again.
    pub fn refresh(&self) {
        self.tick.update(|t| *t += 1);
    }
}

pub fn new_idempotency_key() -> String {
    format!(
        "{:x}{:x}",
        (js_sys::Math::random() * 1e15) as u64,
        js_sys::Date::now() as u64
    )
}

const FOCUSABLE: &str =
    "button:not([disabled]),[href],input:not([disabled]),select,textarea,[tabindex]:not([tabindex='-1'])";

fn focusables(root: &web_sys::Element) -> Vec<web_sys::HtmlElement> {
    let Ok(list) = root.query_selector_all(FOCUSABLE) else {
        return vec![];
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

/// Keeps Tab and Shift+Tab inside the panel, wrapping at either end.
fn trap_tab(root: &web_sys::Element, ev: &KeyboardEvent) {
    let items = focusables(root);
    let (Some(first), Some(last)) = (items.first(), items.last()) else {
        return;
    };
    let active = document().active_element();
    let at = |el: &web_sys::HtmlElement| {
        active
            .as_ref()
            .is_some_and(|a| a == el.unchecked_ref::<web_sys::Element>())
    };
    let wrap_to = if ev.shift_key() && at(first) {
        last
    } else if !ev.shift_key() && at(last) {
        first
    } else {
        return;
    };
    ev.prevent_default();
    let _ = wrap_to.focus();
}

pub fn app(bridge: Bridge) -> impl IntoView {
    let full_page = bridge.full_page;
    let state = State {
        api: RwSignal::new(None),
        screen: RwSignal::new(Screen::List),
        tick: RwSignal::new(0),
        session_ended: RwSignal::new(false),
        bridge: StoredValue::new(bridge.clone()),
        drafts: StoredValue::new(Drafts {
            idempotency_key: new_idempotency_key(),
            ..Drafts::default()
        }),
    };
    let visible = StoredValue::new(full_page);
    // The loader reads the event stream and says when something changed; no need to poll.
    let live = StoredValue::new(false);
    // The first opening finds the screen loading already; only a re-opening refreshes it.
    let opened_before = StoredValue::new(false);
    let panel = || document().query_selector(".ph-panel").ok().flatten();

    let refresh = move || {
        if visible.get_value() && !document().hidden() && !state.session_ended.get_untracked() {
            state.refresh();
        }
    };
    let workspace = bridge.workspace.clone();
    bridge.listen(move |msg| match msg {
        Inbound::Session(token) => state.api.set(Some(Api::new(&workspace, token))),
        Inbound::Visible(open) => {
            visible.set_value(open);
            if open {
                if opened_before.get_value() {
                    state.refresh();
                }
                opened_before.set_value(true);
                // The full-page portal is there on load, not opened by the user: taking focus
                // would skip the host page's navigation for keyboard users.
                let first = panel().and_then(|p| focusables(&p).into_iter().next());
                if let Some(first) = first.filter(|_| !full_page) {
                    let _ = first.focus();
                }
            }
        }
        Inbound::Live(up) => {
            live.set_value(up);
            refresh();
        }
    });
    bridge.send("ready", None);

    let _ = set_interval_with_handle(
        move || {
            if !live.get_value() {
                refresh();
            }
        },
        POLL,
    );
    let _ = window_event_listener(leptos::ev::focus, move |_| refresh());

    let close = move || state.bridge.with_value(|b| b.send("close", None));
    // On the window, not the panel: after a screen change focus may sit on the body, and
    // Escape and the Tab trap must work from there too.
    let _ = window_event_listener(leptos::ev::keydown, move |ev: KeyboardEvent| {
        match ev.key().as_str() {
            "Escape" if !full_page => close(),
            "Tab" if !full_page => {
                if let Some(root) = panel() {
                    trap_tab(&root, &ev);
                }
            }
            _ => {}
        }
    });
    // A new screen takes focus at its heading (or first field), so keyboard and screen-reader
    // users land where the content changed. The first screen is left alone: focus arrives
    // with the opening.
    let first_screen = StoredValue::new(true);
    Effect::new(move |_| {
        state.screen.track();
        if first_screen.get_value() {
            first_screen.set_value(false);
            return;
        }
        request_animation_frame(focus_screen);
    });

    // Plain blocks inside the labelled dialog, not header and main: the panel sits in every
    // host page, whose own banner and main landmarks must stay the only ones.
    view! {
        <div class="ph-panel" role="dialog" aria-label=text::setting_string("title")>
            <div class="ph-header">
                <h1 class="ph-title">{text::setting_string("title")}</h1>
                {(!full_page)
                    .then(|| {
                        view! {
                            <button type="button" class="ph-close" aria-label=text::t("close") on:click=move |_| close()>
                                "×"
                            </button>
                        }
                    })}
            </div>
            <div class="ph-body">
                {move || {
                    if state.session_ended.get() {
                        EitherOf4::A(notice(text::t("session_ended")))
                    } else if state.api.with(Option::is_none) {
                        EitherOf4::A(notice(text::t("connecting")))
                    } else {
                        match state.screen.get() {
                            Screen::List => EitherOf4::B(ticket_list(state)),
                            Screen::New => EitherOf4::C(new_ticket(state)),
                            Screen::Ticket(reference) => EitherOf4::D(thread(state, reference)),
                        }
                    }
                }}
            </div>
        </div>
    }
}
