use leptos::either::EitherOf4;
use leptos::prelude::*;
use porthole_types::TicketSummary;
use wasm_bindgen::JsValue;

use super::{ago, badge, load_error, load_into, notice, reload_on_tick, Snapshot};
use crate::app::State;
use crate::logic::{unread_count, Screen};
use crate::text;

/// The user's tickets, newest activity first, or the greeting when there are none.
pub fn ticket_list(state: State) -> impl IntoView {
    let list: Snapshot<_> = RwSignal::new(None);
    let load = move || {
        load_into(state, list, move |api| async move {
            let result = api.tickets().await;
            if let Ok(l) = &result {
                let count = JsValue::from(unread_count(&l.tickets) as u32);
                state
                    .bridge
                    .with_value(|b| b.send("unread", Some(("count", count))));
            }
            result
        })
    };
    reload_on_tick(state, load);

    view! {
        <section class="ph-list">
            <div class="ph-toolbar">
                <h2 class="ph-heading">{text::t("your_tickets")}</h2>
                <button type="button" class="ph-button ph-button--primary" on:click=move |_| state.go(Screen::New)>
                    {text::t("new_ticket")}
                </button>
            </div>
            {move || {
                list.with(|l| match l {
                    None => EitherOf4::A(notice(text::t("loading"))),
                    Some(Err(f)) => EitherOf4::B(load_error(state, f)),
                    Some(Ok(l)) if l.tickets.is_empty() => {
                        EitherOf4::C(view! { <p class="ph-empty">{text::greeting()}</p> })
                    }
                    Some(Ok(l)) => {
                        EitherOf4::D(view! {
                            <ul class="ph-tickets">
                                {l.tickets.iter().map(|t| row(state, t)).collect_view()}
                            </ul>
                        })
                    }
                })
            }}
        </section>
    }
}

fn row(state: State, ticket: &TicketSummary) -> impl IntoView {
    let reference = ticket.reference.clone();
    let class = if ticket.unread {
        "ph-ticket ph-ticket--unread"
    } else {
        "ph-ticket"
    };
    view! {
        <li>
            <button
                type="button"
                id=format!("ph-row-{reference}")
                class=class
                on:click=move |_| state.go(Screen::Ticket(reference.clone()))
            >
                <span class="ph-ticket-top">
                    {badge(ticket.status)}
                    <span class="ph-ref">{ticket.reference.clone()}</span>
                    {ticket.unread.then(|| view! { <span class="ph-unread">{text::t("unread")}</span> })}
                    {ago(&ticket.updated_at)}
                </span>
                <span class="ph-subject">{ticket.subject.clone()}</span>
                {ticket.preview.clone().map(|p| view! { <span class="ph-preview">{p}</span> })}
            </button>
        </li>
    }
}
