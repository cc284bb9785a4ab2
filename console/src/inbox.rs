//! The inbox: saved views, full-text search, keyset pages, and the keyboard (`j`/`k` to move,
//! Enter to open, `/` to search).

use leptos::ev::{KeyboardEvent, SubmitEvent};
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_types::{AgentTicketList, AgentTicketSummary, CategoryList, Priority};
use wasm_bindgen::JsCast;

use crate::logic::{list_path, mood, short_time, step, Folder, Narrowing, Route};
use crate::{api, page_meta, words, Console};

pub fn inbox(console: Console) -> impl IntoView {
    let w = words();
    let me = StoredValue::new(page_meta("ph-email"));
    let tickets = RwSignal::new(Vec::<AgentTicketSummary>::new());
    let total = RwSignal::new(String::from(w.loading));
    let next = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let selected = RwSignal::new(None::<usize>);

    let load = move |cursor: Option<String>| {
        let path = me.with_value(|me| {
            list_path(
                (
                    console.folder.get_untracked(),
                    console.upset_first.get_untracked(),
                ),
                &console.narrowing.get_untracked(),
                me,
                &console.search.get_untracked(),
                cursor.as_deref(),
            )
        });
        spawn_local(async move {
            match api::get::<AgentTicketList>(&path).await {
                Ok(page) => {
                    let more = page.next_cursor.clone();
                    let counted = if page.total_capped {
                        porthole_text::fill(w.ticket_count_capped, page.total)
                    } else {
                        w.ticket_count.get(page.total)
                    };
                    if cursor.is_some() {
                        tickets.update(|t| t.extend(page.tickets));
                    } else {
                        tickets.set(page.tickets);
                        selected.set(None);
                    }
                    total.set(counted);
                    next.set(more);
                    error.set(None);
                }
                Err(failed) => error.set(Some(failed.0)),
            }
        });
    };
    Effect::new(move |_| {
        console.tick.track();
        console.folder.track();
        console.search.track();
        console.upset_first.track();
        console.narrowing.track();
        load(None);
    });
    let categories = RwSignal::new(Vec::<String>::new());
    spawn_local(async move {
        if let Ok(list) = api::get::<CategoryList>("/categories").await {
            categories.set(list.categories);
        }
    });

    let keys = window_event_listener(leptos::ev::keydown, move |ev: KeyboardEvent| {
        let typing = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if typing || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let len = tickets.with_untracked(Vec::len);
        match ev.key().as_str() {
            "j" => selected.set(step(selected.get_untracked(), len, 1)),
            "k" => selected.set(step(selected.get_untracked(), len, -1)),
            "Enter" => {
                let chosen = selected.get_untracked().and_then(|i| {
                    tickets.with_untracked(|t| t.get(i).map(|t| t.reference.clone()))
                });
                if let Some(reference) = chosen {
                    console.go(Route::Ticket(reference));
                }
            }
            "/" => {
                ev.prevent_default();
                if let Some(field) = document().get_element_by_id("pc-search") {
                    let _ = field.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            }
            _ => {}
        }
    });
    on_cleanup(move || keys.remove());

    let search = move |ev: SubmitEvent| {
        ev.prevent_default();
        let value = document()
            .get_element_by_id("pc-search")
            .map(|f| f.unchecked_into::<web_sys::HtmlInputElement>().value())
            .unwrap_or_default();
        console.search.set(value);
    };

    view! {
        <section class="pc-inbox" aria-labelledby="pc-inbox-title">
            <h1 id="pc-inbox-title" class="pc-title">{w.inbox}</h1>
            <nav class="pc-folders" aria-label=w.views>
                {Folder::ALL
                    .into_iter()
                    .map(|folder| {
                        view! {
                            <button
                                type="button"
                                class="pc-folder"
                                aria-pressed=move || (console.folder.get() == folder).to_string()
                                on:click=move |_| console.folder.set(folder)
                            >
                                {folder.label(w)}
                            </button>
                        }
                    })
                    .collect_view()}
            </nav>
            <form role="search" class="pc-search" on:submit=search>
                <label for="pc-search">{w.search_label}</label>
                <input id="pc-search" type="search" name="q" prop:value=move || console.search.get() />
                <button type="submit" class="pc-button">{w.search}</button>
            </form>
            {narrow(console, categories)}
            <label class="pc-check">
                <input type="checkbox" prop:checked=move || console.upset_first.get()
                    on:change=move |ev| console.upset_first.set(event_target_checked(&ev)) />
                " " {w.upset_first}
            </label>
            <p class="pc-count" role="status">{move || total.get()}</p>
            {move || error.get().map(|e| view! { <p class="pc-error" role="alert">{e}</p> })}
            <table class="pc-list">
                <thead>
                    <tr>
                        <th scope="col">{w.col_subject}</th>
                        <th scope="col">{w.col_customer}</th>
                        <th scope="col">{w.col_mood}</th>
                        <th scope="col">{w.col_status}</th>
                        <th scope="col">{w.col_priority}</th>
                        <th scope="col">{w.col_assignee}</th>
                        <th scope="col">{w.col_updated}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        tickets
                            .get()
                            .into_iter()
                            .enumerate()
                            .map(|(i, t)| row(t, move || selected.get() == Some(i)))
                            .collect_view()
                    }}
                </tbody>
            </table>
            {move || {
                next.get()
                    .map(|cursor| {
                        view! {
                            <button
                                type="button"
                                class="pc-button"
                                on:click=move |_| load(Some(cursor.clone()))
                            >
                                {w.load_more}
                            </button>
                        }
                    })
            }}
            <p class="pc-hint">{w.keys_hint}</p>
        </section>
    }
}

fn row(
    t: AgentTicketSummary,
    selected: impl Fn() -> bool + Send + Sync + 'static,
) -> impl IntoView {
    let w = words();
    let href = Route::Ticket(t.reference.clone()).hash();
    let customer = t
        .contact
        .name
        .clone()
        .unwrap_or_else(|| t.contact.email.clone());
    view! {
        <tr class="pc-row" class:pc-row--selected=selected data-reference=t.reference.clone()>
            <td>
                <a class="pc-subject" href=href>
                    <span class="pc-ref">{t.reference.clone()}</span>
                    " "
                    {t.subject.clone()}
                </a>
            </td>
            <td>{customer}</td>
            <td>{mood(t.sentiment).map(|m| {
                let score = format!("{:.2}", t.sentiment.unwrap_or_default());
                let title = porthole_text::fill_in(w.vader_score, &[("score", &score)]);
                view! { <span class=m.class() title=title>{m.label(w)}</span> }
            })}</td>
            <td><span class=format!("pc-badge pc-badge--{}", t.status.as_str())>{w.status(t.status)}</span></td>
            <td>{w.priority(t.priority)}</td>
            <td>{t.assignee.clone().unwrap_or_else(|| "—".into())}</td>
            <td>{short_time(&t.updated_at)}</td>
        </tr>
    }
}

/// Narrows the view to one category and one priority.
fn narrow(console: Console, categories: RwSignal<Vec<String>>) -> impl IntoView {
    let w = words();
    let set = move |change: &dyn Fn(&mut Narrowing)| console.narrowing.update(|n| change(n));
    view! {
        <div class="pc-narrow">
            <label for="pc-narrow-category">{w.category}</label>
            <select id="pc-narrow-category" on:change=move |ev| {
                let chosen = event_target_value(&ev);
                set(&|n| n.category = chosen.clone());
            }>
                <option value="" selected=move || console.narrowing.with(|n| n.category.is_empty())>{w.any}</option>
                {move || categories.get().into_iter().map(|c| {
                    let (value, label) = (c.clone(), c.clone());
                    let selected = move || console.narrowing.with(|n| n.category == c);
                    view! { <option value=value selected=selected>{label}</option> }
                }).collect_view()}
            </select>
            <label for="pc-narrow-priority">{w.priority_label}</label>
            <select id="pc-narrow-priority" on:change=move |ev| {
                let chosen = Priority::parse(&event_target_value(&ev));
                set(&|n| n.priority = chosen);
            }>
                <option value="" selected=move || console.narrowing.with(|n| n.priority.is_none())>{w.any}</option>
                {Priority::ALL.iter().map(|p| {
                    let p = *p;
                    view! {
                        <option value=p.as_str() selected=move || console.narrowing.with(|n| n.priority == Some(p))>
                            {w.priority(p)}
                        </option>
                    }
                }).collect_view()}
            </select>
        </div>
    }
}
