//! The panel's words and its workspace's settings, read from the JSON the server puts in the
//! page (`#ph-config`), in the user's language. The wasm carries no language of its own: one
//! catalogue, on the server, speaks for every surface.

use std::cell::RefCell;

use js_sys::{Reflect, JSON};
use porthole_types::{TicketStatus, TicketType};
use wasm_bindgen::JsValue;

use crate::logic::{Ago, Msg};

thread_local! {
    static CONFIG: RefCell<JsValue> = const { RefCell::new(JsValue::UNDEFINED) };
    /// Strings already handed out, by key. The catalogue is small and fixed for the page's
    /// life, so each entry is leaked once and views hold `&'static str`, as with constants.
    static SEEN: RefCell<Vec<(&'static str, &'static str)>> = const { RefCell::new(Vec::new()) };
}

/// Reads the page's configuration; called once, before the panel is drawn.
pub fn load(document: &web_sys::Document) {
    let config = document
        .get_element_by_id("ph-config")
        .and_then(|el| el.text_content())
        .and_then(|json| JSON::parse(&json).ok())
        .unwrap_or(JsValue::UNDEFINED);
    CONFIG.with(|c| *c.borrow_mut() = config);
}

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

fn setting(key: &str) -> JsValue {
    CONFIG.with(|c| get(&c.borrow(), key))
}

/// A string of the catalogue, by its key.
pub fn t(key: &'static str) -> &'static str {
    if let Some(hit) = SEEN.with(|seen| {
        seen.borrow()
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| *v)
    }) {
        return hit;
    }
    let value: &'static str = get(&setting("t"), key)
        .as_string()
        .unwrap_or_default()
        .leak();
    SEEN.with(|seen| seen.borrow_mut().push((key, value)));
    value
}

/// `template` with its `{n}` replaced. Written out by hand: `str::replace` and `format!` cost
/// the panel kilobytes each.
pub fn fill(template: &str, n: u64) -> String {
    // A `char` pattern: a `&str` one brings a string searcher with it.
    let Some((before, after)) = template.split_once('{') else {
        return template.to_owned();
    };
    let after = after.strip_prefix("n}").unwrap_or(after);
    let mut digits = Vec::new();
    let mut rest = n;
    loop {
        digits.push(b'0' + (rest % 10) as u8);
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    digits.reverse();
    let mut out = String::with_capacity(before.len() + digits.len() + after.len());
    out.push_str(before);
    out.extend(digits.into_iter().map(char::from));
    out.push_str(after);
    out
}

/// The page's language (`<html lang>`), for dates.
pub fn lang() -> String {
    leptos::prelude::document()
        .document_element()
        .map(|e| e.get_attribute("lang").unwrap_or_default())
        .unwrap_or_default()
}

/// A text setting: the workspace's `title` for the panel and `greeting` for an empty list (or
/// the catalogue's), and `x`, where the lazily loaded module's script is.
pub fn setting_string(key: &str) -> String {
    setting(key).as_string().unwrap_or_default()
}

pub fn status(s: TicketStatus) -> &'static str {
    t(match s {
        TicketStatus::Open => "status_open",
        TicketStatus::InProgress => "status_in_progress",
        TicketStatus::Waiting => "status_waiting",
        TicketStatus::Resolved => "status_resolved",
        TicketStatus::Closed => "status_closed",
    })
}

pub fn ticket_type(k: TicketType) -> &'static str {
    t(match k {
        TicketType::SupportRequest => "type_support_request",
        TicketType::GeneralInquiry => "type_general_inquiry",
        TicketType::BugReport => "type_bug_report",
        TicketType::FeatureRequest => "type_feature_request",
    })
}

/// A message decided by the panel's logic, in words.
pub fn say(msg: &Msg) -> String {
    match msg {
        Msg::Key(key) => t(key).to_owned(),
        Msg::TooLong(max) => fill(t("too_long"), *max as u64),
    }
}

pub fn ago(ago: Ago) -> String {
    fill(t(ago.key), ago.n)
}

#[cfg(test)]
mod tests {
    use super::fill;

    #[test]
    fn templates_take_their_number() {
        assert_eq!(fill("{n} min ago", 5), "5 min ago");
        assert_eq!(fill("il y a {n} min", 0), "il y a 0 min");
        assert_eq!(
            fill("Keep it under {n} characters.", 5000),
            "Keep it under 5000 characters."
        );
        assert_eq!(fill("no number", 7), "no number");
    }
}
