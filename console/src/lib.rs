//! The agents' console: the inbox, a ticket's page and the live event stream, on the agent
//! API with the console's cookie. Its own bundle, loaded only by `/console`.
//!
//! Everything customers wrote is shown as text nodes, never as markup, so nothing they send
//! can run here.

mod api;
mod articles;
mod dom;
mod email;
mod inbox;
mod keys;
mod live;
pub mod logic;
mod preview;
mod profile;
mod reports;
mod settings;
mod ticket;
mod webhooks;

use std::sync::OnceLock;

use leptos::prelude::*;
use porthole_text::ConsoleTexts;
use porthole_types::Locale;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use logic::Route;

/// The console's words, in the language the server chose for the page (`<html lang>`, from
/// the agent's browser).
pub(crate) fn words() -> &'static ConsoleTexts {
    static WORDS: OnceLock<&'static ConsoleTexts> = OnceLock::new();
    WORDS.get_or_init(|| {
        let lang = document()
            .document_element()
            .and_then(|html| html.get_attribute("lang"))
            .unwrap_or_default();
        porthole_text::console(Locale::from_tag(&lang).unwrap_or(Locale::En))
    })
}

/// A value the server put in the page's `<meta>` tags: the CSRF token, the agent, the role.
pub(crate) fn page_meta(name: &str) -> String {
    document()
        .query_selector(&format!("meta[name=\"{name}\"]"))
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_default()
}

/// State every screen shares.
#[derive(Clone, Copy)]
pub struct Console {
    pub route: RwSignal<Route>,
    /// The inbox's view and search, kept while a ticket is open.
    pub folder: RwSignal<logic::Folder>,
    pub search: RwSignal<String>,
    pub narrowing: RwSignal<logic::Narrowing>,
    /// Most negative first, so upset customers surface.
    pub upset_first: RwSignal<bool>,
    /// Bumped by the event stream: whatever is on screen fetches again.
    pub tick: RwSignal<u32>,
}

impl Console {
    pub fn go(&self, route: Route) {
        let _ = window().location().set_hash(&route.hash());
        self.route.set(route);
    }
}

/// Whether round-robin assignment gives this agent tickets; a toggle in the header.
fn availability() -> impl IntoView {
    let available = RwSignal::new(None::<bool>);
    leptos::task::spawn_local(async move {
        if let Ok(me) = api::get::<porthole_types::AgentInfo>("/me").await {
            available.set(Some(me.available));
        }
    });
    let toggle = move |_| {
        let Some(now) = available.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let change = porthole_types::ChangeMe {
                available: Some(!now),
                ..Default::default()
            };
            if let Ok(me) = api::send::<_, porthole_types::AgentInfo>("PATCH", "/me", &change).await
            {
                available.set(Some(me.available));
            }
        });
    };
    let w = words();
    view! {
        <button type="button" class="pc-button" aria-pressed=move || available.get().unwrap_or(false).to_string()
            on:click=toggle title=w.availability>
            {move || match available.get() {
                Some(true) => w.available,
                Some(false) => w.away,
                None => "…",
            }}
        </button>
    }
}

fn current_route() -> Route {
    Route::parse(&window().location().hash().unwrap_or_default())
}

#[wasm_bindgen(start)]
pub fn start() {
    let Some(root) = document().get_element_by_id("console") else {
        return;
    };
    root.set_inner_html("");
    let _ = root.remove_attribute("aria-busy");
    let root: web_sys::HtmlElement = root.unchecked_into();
    leptos::mount::mount_to(root, app).forget();
}

fn app() -> impl IntoView {
    let console = Console {
        route: RwSignal::new(current_route()),
        folder: RwSignal::new(logic::Folder::All),
        search: RwSignal::new(String::new()),
        narrowing: RwSignal::new(logic::Narrowing::default()),
        upset_first: RwSignal::new(false),
        tick: RwSignal::new(0),
    };
    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        console.route.set(current_route());
    });
    live::listen(console);
    let csrf = page_meta("ph-csrf");
    let w = words();
    let role = page_meta("ph-role");
    view! {
        <header class="pc-header">
            <a class="pc-brand" href="#/">"Porthole · " {page_meta("ph-workspace")}</a>
            <nav class="pc-nav" aria-label=w.nav>
                <a class="pc-link" href="#/">{w.inbox}</a>
                " "
                <a class="pc-link" href="#/reports">{w.reports}</a>
                " "
                <a class="pc-link" href="#/articles">{w.articles}</a>
                {(role == "admin").then(|| view! {
                    " " <a class="pc-link" href="#/settings">{w.settings}</a>
                })}
            </nav>
            <a class="pc-me pc-link" href="#/profile" title=w.profile_link>{page_meta("ph-agent")} " (" {w.role(&role).to_owned()} ")"</a>
            {availability()}
            <a class="pc-link" href="/console/security">{w.security}</a>
            <form method="post" action="/console/sign-out" class="pc-signout">
                <input type="hidden" name="csrf" value=csrf />
                <button type="submit" class="pc-button">{w.sign_out}</button>
            </form>
        </header>
        <main class="pc-main">
            {move || match console.route.get() {
                Route::Inbox => inbox::inbox(console).into_any(),
                Route::Reports => reports::reports().into_any(),
                Route::Settings => settings::settings().into_any(),
                Route::Articles => articles::articles().into_any(),
                Route::Profile => profile::profile().into_any(),
                Route::Ticket(reference) => ticket::ticket(console, reference).into_any(),
            }}
        </main>
    }
}
