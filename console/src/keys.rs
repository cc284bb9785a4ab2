//! API keys in the settings: who has one, when it was last used, making one (shown once) and
//! revoking one.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_types::{ApiKeyList, ApiKeyView, CreatedApiKey, NewApiKey};

use crate::api;
use crate::dom::{clear, field, said, Said};
use crate::logic::short_time;

pub fn keys() -> impl IntoView {
    let list = RwSignal::new(Vec::<ApiKeyView>::new());
    let status: Said = RwSignal::new(None);
    let load = move || {
        spawn_local(async move {
            if let Ok(l) = api::get::<ApiKeyList>("/keys").await {
                list.set(l.keys);
            }
        })
    };
    load();
    let create = move |ev: SubmitEvent| {
        ev.prevent_default();
        let body = NewApiKey {
            name: field("pc-k-name"),
            role: Some(field("pc-k-role")),
        };
        spawn_local(async move {
            match api::send::<_, CreatedApiKey>("POST", "/keys", &body).await {
                Ok(k) => {
                    clear("pc-k-name");
                    status.set(Some(Ok(format!(
                        "Key for {} ({}), shown once: {}",
                        k.name, k.role, k.key
                    ))));
                    load();
                }
                Err(failed) => status.set(Some(Err(failed.0))),
            }
        });
    };
    view! {
        <section class="pc-card" aria-labelledby="pc-s-keys">
            <h2 id="pc-s-keys" class="pc-label">"API keys"</h2>
            <ul class="pc-team">
                {move || list.get().into_iter().map(|k| {
                    let id = k.id;
                    let used = k.last_used_at.as_deref().map(short_time).unwrap_or_else(|| "never".into());
                    let live = k.revoked_at.is_none();
                    view! {
                        <li>
                            {k.name.clone()} " · " {k.role.clone()} " · " <code>{format!("{}…", k.hint)}</code>
                            {format!(" · last used {used}")}
                            {k.revoked_at.as_deref().map(|r| format!(" · revoked {}", short_time(r)))}
                            {live.then(|| view! {
                                " "
                                <button type="button" class="pc-button pc-button--small"
                                    aria-label=format!("Revoke the key of {}", k.name)
                                    on:click=move |_| {
                                        spawn_local(async move {
                                            match api::delete(&format!("/keys/{id}")).await {
                                                Ok(()) => load(),
                                                Err(failed) => status.set(Some(Err(failed.0))),
                                            }
                                        });
                                    }>"Revoke"</button>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <form class="pc-inline" on:submit=create>
                <label for="pc-k-name">"New key for"</label>
                <input id="pc-k-name" required maxlength="200" />
                <label for="pc-k-role">"Role"</label>
                <select id="pc-k-role">
                    <option value="agent">"Agent"</option>
                    <option value="admin">"Admin"</option>
                </select>
                <button type="submit" class="pc-button">"Make key"</button>
            </form>
            {said(status)}
        </section>
    }
}
