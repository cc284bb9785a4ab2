//! The lazily loaded module (`widget/extras`): attaching files, showing and downloading them,
//! rating a resolved ticket and suggesting articles while a subject is typed. None of it is
//! needed to show the ticket list, so none of it is in the first open's bytes.
//!
//! The panel only marks places (`data-phx` elements, `data-ref` on a thread) and, when a
//! screen that has them is drawn, adds the module's script once (`#ph-x`). The module watches
//! the page for marks itself. The session token is kept on that script element (`data-t`),
//! where the module reads it for each request; the page's CSP admits no script but ours.

use wasm_bindgen::JsCast;

pub fn want(token: &str) {
    let document = leptos::prelude::document();
    let script = match document.get_element_by_id("ph-x") {
        Some(script) => script,
        None => {
            let Ok(script) = document.create_element("script") else {
                return;
            };
            script.set_id("ph-x");
            let _ = script.set_attribute("type", "module");
            let _ = script.set_attribute("src", &crate::text::setting_string("x"));
            if let Some(head) = document.head() {
                let _ = head.append_child(script.unchecked_ref());
            }
            script
        }
    };
    let _ = script.set_attribute("data-t", token);
}
