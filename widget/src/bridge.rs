//! The channel to the host page's loader. Messages go only to the host origin named when the
//! iframe was opened, and are accepted only from the parent window at that origin.

use js_sys::Reflect;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, UrlSearchParams, Window};

/// What the loader tells the widget.
pub enum Inbound {
    /// The session token, sent once after `ready`.
    Session(String),
    /// The panel was opened (true) or hidden (false).
    Visible(bool),
    /// The host page's event stream is up (true) or down (false). Either way, something may
    /// have changed.
    Live(bool),
}

#[derive(Clone)]
pub struct Bridge {
    pub host_origin: String,
    pub workspace: String,
    /// A full-page embed has no launcher to return to, so no close button.
    pub full_page: bool,
}

impl Bridge {
    /// Reads the workspace from the path (`/w/{slug}/`) and `?host=&mode=` from the query.
    /// None of them is a secret.
    pub fn from_location(window: &Window) -> Option<Self> {
        let location = window.location();
        let params = UrlSearchParams::new_with_str(&location.search().ok()?).ok()?;
        let path = location.pathname().ok()?;
        let workspace = path.strip_prefix("/w/")?.trim_end_matches('/').to_owned();
        Some(Self {
            host_origin: params.get("host")?,
            workspace,
            full_page: params.get("mode").as_deref() == Some("page"),
        })
    }

    /// Sends `{"type": "porthole:<kind>", <field>: <value>}` to the host, and only to the host.
    pub fn send(&self, kind: &str, field: Option<(&str, JsValue)>) {
        let message = js_sys::Object::new();
        let _ = Reflect::set(&message, &"type".into(), &format!("porthole:{kind}").into());
        if let Some((name, value)) = field {
            let _ = Reflect::set(&message, &name.into(), &value);
        }
        let Ok(json) = js_sys::JSON::stringify(&message) else {
            return;
        };
        if let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) {
            let _ = parent.post_message(&json, &self.host_origin);
        }
    }

    /// Listens for the loader's messages for as long as the iframe lives.
    pub fn listen(&self, on_message: impl Fn(Inbound) + 'static) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let host = self.host_origin.clone();
        let parent = window.parent().ok().flatten();
        let handler = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let from_parent = match (event.source(), &parent) {
                (Some(source), Some(parent)) => js_sys::Object::is(&source, parent),
                _ => false,
            };
            if event.origin() != host || !from_parent {
                return;
            }
            let Some(msg) = event
                .data()
                .as_string()
                .and_then(|data| js_sys::JSON::parse(&data).ok())
            else {
                return;
            };
            let field = |name: &str| Reflect::get(&msg, &name.into()).unwrap_or_default();
            match field("type").as_string().as_deref() {
                Some("porthole:session") => {
                    if let Some(token) = field("token").as_string() {
                        on_message(Inbound::Session(token));
                    }
                }
                Some("porthole:visible") => on_message(Inbound::Visible(field("open").is_truthy())),
                Some("porthole:live") => on_message(Inbound::Live(field("up").is_truthy())),
                _ => {}
            }
        });
        let _ =
            window.add_event_listener_with_callback("message", handler.as_ref().unchecked_ref());
        // The listener lives as long as the page; the iframe is removed, not the listener.
        handler.forget();
    }
}
