//! API keys in the settings: who has one, when it was last used, making one (shown once) and
//! revoking one.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_types::{ApiKeyList, ApiKeyView, CreatedApiKey, NewApiKey};

use crate::dom::{clear, field, said, Said};
use crate::logic::short_time;
use crate::{api, words};
use porthole_text::fill_in;

pub fn keys() -> impl IntoView {
    let list = RwSignal::new(Vec::<ApiKeyView>::new());
    let w = words();
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
                    let role = w.role(&k.role);
                    let said = [
                        ("name", &k.name as &dyn std::fmt::Display),
                        ("role", &role),
                        ("key", &k.key),
                    ];
                    status.set(Some(Ok(fill_in(w.key_made, &said))));
                    load();
                }
                Err(failed) => status.set(Some(Err(failed.0))),
            }
        });
    };
    view! {
        <section class="pc-card" aria-labelledby="pc-s-keys">
            <h2 id="pc-s-keys" class="pc-label">{w.api_keys}</h2>
            <ul class="pc-team">
                {move || list.get().into_iter().map(|k| {
                    let id = k.id;
                    let used = k.last_used_at.as_deref().map(short_time).unwrap_or_else(|| w.never.into());
                    let live = k.revoked_at.is_none();
                    view! {
                        <li>
                            {k.name.clone()} " · " {w.role(&k.role).to_owned()} " · " <code>{format!("{}…", k.hint)}</code>
                            {format!(" · {}", fill_in(w.last_used, &[("time", &used)]))}
                            {k.revoked_at.as_deref().map(|r| format!(" · {}", fill_in(w.revoked, &[("time", &short_time(r))])))}
                            {live.then(|| view! {
                                " "
                                <button type="button" class="pc-button pc-button--small"
                                    aria-label=fill_in(w.revoke_named, &[("name", &k.name)])
                                    on:click=move |_| {
                                        spawn_local(async move {
                                            match api::delete(&format!("/keys/{id}")).await {
                                                Ok(()) => load(),
                                                Err(failed) => status.set(Some(Err(failed.0))),
                                            }
                                        });
                                    }>{w.revoke}</button>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <form class="pc-inline" on:submit=create>
                <label for="pc-k-name">{w.new_key_for}</label>
                <input id="pc-k-name" required maxlength="200" />
                <label for="pc-k-role">{w.role_label}</label>
                <select id="pc-k-role">
                    <option value="agent">{w.role("agent")}</option>
                    <option value="admin">{w.role("admin")}</option>
                </select>
                <button type="submit" class="pc-button">{w.make_key}</button>
            </form>
            {said(status)}
        </section>
    }
}
