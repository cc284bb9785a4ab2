//! The few pieces of the panel put in place with plain DOM calls rather than Leptos views,
//! where a view would cost far more wasm than it is worth. The server renders them, escaped, as
//! `<template>`s in the page; here they are only cloned and filled in.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlTemplateElement};

fn by_id(id: &str) -> Option<Element> {
    leptos::prelude::document().get_element_by_id(id)
}

/// Copies template `template` into `target`.
pub fn fill_from_template(template: &str, target: &str) {
    let (Some(template), Some(target)) = (by_id(template), by_id(target)) else {
        return;
    };
    let Ok(template) = template.dyn_into::<HtmlTemplateElement>() else {
        return;
    };
    if let Ok(copy) = template.content().clone_node_with_deep(true) {
        let _ = target.append_with_node_1(&copy);
    }
}

/// Sets the value of the form field named `name`: an input, a text area or a select alike.
pub fn set_value(name: &str, value: &str) {
    let field = leptos::prelude::document()
        .query_selector(&format!("#ph-new [name={name}]"))
        .ok()
        .flatten();
    if let Some(field) = field {
        let _ = js_sys::Reflect::set(&field, &"value".into(), &value.into());
    }
}

/// Shows `message` in the error line `id` (or hides it), and marks field `name`, if any,
/// invalid or valid again for assistive technology.
pub fn show_error(name: &str, id: &str, message: Option<&str>) {
    if let Some(line) = by_id(id) {
        line.set_text_content(message);
        let _ = line.toggle_attribute_with_force("hidden", message.is_none());
    }
    if name.is_empty() {
        return;
    }
    let field = leptos::prelude::document()
        .query_selector(&format!("[name={name}]"))
        .ok()
        .flatten();
    if let Some(field) = field {
        let invalid = if message.is_some() { "true" } else { "false" };
        let _ = field.set_attribute("aria-invalid", invalid);
    }
}
