//! The signed-in agent's profile: the name and picture customers see beside their replies.
//! The picture is uploaded like any file (checked by its bytes on the server), then taken as
//! the picture.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_types::{AgentInfo, ChangeMe, Locale, SetAvatar};

use crate::dom::{chosen_files, field, said, Said};
use crate::{api, words};

pub fn profile() -> impl IntoView {
    // Set once, when loaded: the forms below keep their own state from then on.
    let me = RwSignal::new(None::<AgentInfo>);
    spawn_local(async move {
        if let Ok(found) = api::get::<AgentInfo>("/me").await {
            me.set(Some(found));
        }
    });
    view! {
        <section class="pc-settings" aria-labelledby="pc-profile-title">
            <h1 id="pc-profile-title" class="pc-title">{words().your_profile}</h1>
            <p class="pc-hint">{words().profile_hint}</p>
            {move || me.get().map(|m| view! { {name(&m)} {picture(&m)} {language(&m)} })}
        </section>
    }
}

fn name(m: &AgentInfo) -> impl IntoView {
    let status: Said = RwSignal::new(None);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let change = ChangeMe {
            name: Some(field("pc-p-name")),
            ..Default::default()
        };
        spawn_local(async move {
            match api::send::<_, AgentInfo>("PATCH", "/me", &change).await {
                Ok(_) => status.set(Some(Ok(words().name_saved.into()))),
                Err(failed) => status.set(Some(Err(failed.0))),
            }
        });
    };
    let w = words();
    view! {
        <form class="pc-card" on:submit=submit aria-labelledby="pc-p-name-h">
            <h2 id="pc-p-name-h" class="pc-label">{w.name}</h2>
            <label for="pc-p-name">{w.shown_to_customers}</label>
            <input id="pc-p-name" value=m.name.clone() maxlength="200" required />
            <button type="submit" class="pc-button pc-button--primary">{w.save_name}</button>
            {said(status)}
        </form>
    }
}

fn picture(m: &AgentInfo) -> impl IntoView {
    let status: Said = RwSignal::new(None);
    let current = RwSignal::new(m.avatar_url.clone());
    let choose = move |ev: leptos::ev::Event| {
        let Some(file) = chosen_files(&ev).into_iter().next() else {
            return;
        };
        spawn_local(async move {
            let taken = match api::upload(&file).await {
                Ok(upload) => {
                    let body = SetAvatar { upload: upload.id };
                    api::send::<_, AgentInfo>("PUT", "/me/avatar", &body).await
                }
                Err(failed) => Err(failed),
            };
            match taken {
                Ok(now) => {
                    current.set(now.avatar_url);
                    status.set(Some(Ok(words().picture_changed.into())));
                }
                Err(failed) => status.set(Some(Err(failed.0))),
            }
        });
    };
    let remove = move |_| {
        spawn_local(async move {
            let removed = match api::delete("/me/avatar").await {
                Ok(()) => api::get::<AgentInfo>("/me").await,
                Err(failed) => Err(failed),
            };
            match removed {
                Ok(now) => {
                    current.set(now.avatar_url);
                    status.set(Some(Ok(words().picture_removed.into())));
                }
                Err(failed) => status.set(Some(Err(failed.0))),
            }
        });
    };
    let w = words();
    view! {
        <section class="pc-card" aria-labelledby="pc-p-picture-h">
            <h2 id="pc-p-picture-h" class="pc-label">{w.picture}</h2>
            {move || match current.get() {
                Some(src) => view! {
                    <img class="pc-avatar pc-avatar--large" src=src alt=w.your_picture />
                    <button type="button" class="pc-button" on:click=remove>{w.remove_picture}</button>
                }.into_any(),
                None => view! { <p class="pc-hint">{w.no_picture}</p> }.into_any(),
            }}
            <label for="pc-p-picture">{w.choose_picture}</label>
            <input id="pc-p-picture" type="file" accept="image/jpeg,image/png,image/gif,image/webp" on:change=choose />
            {said(status)}
        </section>
    }
}

/// The console's language: the agent's choice, or their browser's. The page is drawn again in
/// it once saved, since every word on it changes.
fn language(m: &AgentInfo) -> impl IntoView {
    let status: Said = RwSignal::new(None);
    let chosen = m.locale;
    let change = move |ev: leptos::ev::Event| {
        let locale = Locale::parse(&event_target_value(&ev));
        let change = ChangeMe {
            locale: Some(locale),
            ..Default::default()
        };
        spawn_local(async move {
            match api::send::<_, AgentInfo>("PATCH", "/me", &change).await {
                Ok(_) => {
                    let _ = window().location().reload();
                }
                Err(failed) => status.set(Some(Err(failed.0))),
            }
        });
    };
    let w = words();
    view! {
        <section class="pc-card" aria-labelledby="pc-p-language-h">
            <h2 id="pc-p-language-h" class="pc-label"><label for="pc-p-language">{w.language}</label></h2>
            <select id="pc-p-language" on:change=change>
                <option value="" selected=chosen.is_none()>{w.language_browser}</option>
                {Locale::ALL.into_iter().map(|l| view! {
                    <option value=l.as_str() selected=chosen == Some(l)>{native_name(l)}</option>
                }).collect_view()}
            </select>
            {said(status)}
        </section>
    }
}

/// A language's name in itself, as language pickers show it.
fn native_name(locale: Locale) -> &'static str {
    match locale {
        Locale::En => "English",
        Locale::Fr => "Français",
        Locale::De => "Deutsch",
        Locale::Es => "Español",
    }
}
