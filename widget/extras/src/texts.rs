//! This module's words, in the panel's language: fetched from the server once, when the module
//! first has something to show (`GET /w/{workspace}/texts`).

use std::cell::RefCell;

use serde_json::Value;

thread_local! {
    static TEXTS: RefCell<Option<Value>> = const { RefCell::new(None) };
}

/// The workspace in the panel's address, `/w/{workspace}/`.
pub fn workspace() -> String {
    let path = leptos::prelude::window()
        .location()
        .pathname()
        .unwrap_or_default();
    path.trim_start_matches("/w/")
        .trim_end_matches('/')
        .to_owned()
}

pub async fn load() {
    if TEXTS.with(|t| t.borrow().is_some()) {
        return;
    }
    let lang = porthole_widget::text::lang();
    let url = format!("/w/{}/texts?locale={lang}", workspace());
    let texts = match gloo_net::http::Request::get(&url).send().await {
        Ok(res) if res.ok() => res.json::<Value>().await.ok(),
        _ => None,
    };
    let texts = texts.unwrap_or(Value::Null);
    // This module's stylesheet comes with its words, so the first open carries neither.
    if let Some(href) = texts["css"].as_str() {
        let document = leptos::prelude::document();
        if let (Ok(link), Some(head)) = (document.create_element("link"), document.head()) {
            let _ = link.set_attribute("rel", "stylesheet");
            let _ = link.set_attribute("href", href);
            let _ = head.append_child(&link);
        }
    }
    TEXTS.with(|t| *t.borrow_mut() = Some(texts));
}

/// A word by its key; empty if the server did not send it.
pub fn x(key: &str) -> String {
    TEXTS.with(|t| {
        t.borrow()
            .as_ref()
            .and_then(|v| v[key].as_str())
            .unwrap_or_default()
            .to_owned()
    })
}

/// `key`'s text with its `{n}` replaced.
pub fn fill(key: &str, n: &str) -> String {
    x(key).replace("{n}", n)
}
