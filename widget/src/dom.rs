//! The few pieces of the panel put in place with plain DOM calls rather than Leptos views,
//! where a view would cost far more wasm than it is worth. The server renders them, escaped, as
//! `<template>`s in the page; here they are only cloned.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlDetailsElement, HtmlSelectElement, HtmlTemplateElement};

fn by_id(id: &str) -> Option<Element> {
    leptos::prelude::document().get_element_by_id(id)
}

/// Copies template `template` into `target` and unhides everything in `reveal`. Returns
/// whether the workspace had anything to show.
pub fn fill_from_template(template: &str, target: &str, reveal: &[&str]) -> bool {
    let (Some(template), Some(target)) = (by_id(template), by_id(target)) else {
        return false;
    };
    let Ok(template) = template.dyn_into::<HtmlTemplateElement>() else {
        return false;
    };
    if let Ok(copy) = template.content().clone_node_with_deep(true) {
        let _ = target.append_with_node_1(&copy);
    }
    for id in reveal {
        if let Some(el) = by_id(id) {
            let _ = el.remove_attribute("hidden");
        }
    }
    true
}

/// Restores a drafted choice in a select filled from a template.
pub fn choose(select: &str, value: &str) {
    if let Some(select) = by_id(select).and_then(|s| s.dyn_into::<HtmlSelectElement>().ok()) {
        select.set_value(value);
    }
}

/// The question of the FAQ a click is about to open, if it is one.
pub fn faq_being_opened(ev: &web_sys::MouseEvent) -> Option<String> {
    let target = ev.target()?.dyn_into::<Element>().ok()?;
    let summary = target.closest("summary").ok()??;
    let details = summary
        .parent_element()?
        .dyn_into::<HtmlDetailsElement>()
        .ok()?;
    (!details.open()).then(|| summary.text_content()).flatten()
}
