//! Downloads of attached files. A file is served only with the session token, which a link
//! cannot carry, so a click fetches it and hands the bytes to the browser as a download.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// One listener for every `data-phx-file` button the panel draws, now or later.
pub fn listen() {
    let clicked = Closure::<dyn Fn(web_sys::Event)>::new(|ev: web_sys::Event| {
        let button = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("[data-phx-file]").ok().flatten());
        let Some(button) = button else {
            return;
        };
        let id = button.get_attribute("data-phx-file").unwrap_or_default();
        let name = button.get_attribute("data-name").unwrap_or_default();
        spawn_local(async move {
            if let Ok(blob) = crate::api::file(&id).await {
                save(&blob, &name);
            }
        });
    });
    let _ = document().add_event_listener_with_callback("click", clicked.as_ref().unchecked_ref());
    clicked.forget();
}

fn save(blob: &web_sys::Blob, name: &str) {
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else {
        return;
    };
    if let Some(link) = document()
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        link.set_href(&url);
        link.set_download(name);
        link.click();
    }
    // Later, not at once: the download reads the blob after the click returns.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
}
