use leptos::either::EitherOf4;
use leptos::prelude::*;
use porthole_types::TicketSummary;

use super::{action, ago, badge, load_error, load_into, notice, reload_on_tick, Snapshot};
use crate::app::State;
use crate::logic::Screen;
use crate::text;

/// The user's tickets, newest activity first, or the greeting when there are none.
pub fn ticket_list(state: State) -> impl IntoView {
    let list: Snapshot<_> = RwSignal::new(None);
    // How many pages the user has asked to see. Every refresh fetches them all, in order,
    // following the cursors, so a poll keeps the older pages current too.
    let pages = RwSignal::new(1u32);
    let load = move || {
        load_into(state, list, move |api| async move {
            let mut result = api.tickets(None).await;
            // The list may be gone by now (the user opened a ticket): then one page it is.
            for _ in 1..pages.try_get_untracked().unwrap_or(1) {
                let Ok(Some(cursor)) = result.as_ref().map(|l| l.next_cursor.clone()) else {
                    break;
                };
                match api.tickets(Some(&cursor)).await {
                    Ok(more) => {
                        if let Ok(l) = &mut result {
                            l.tickets.extend(more.tickets);
                            l.next_cursor = more.next_cursor;
                        }
                    }
                    Err(f) => result = Err(f),
                }
            }
            result
        })
    };
    reload_on_tick(state, load);
    let more = move || {
        pages.update(|n| *n += 1);
        state.refresh();
    };

    view! {
        <section class="ph-list">
            <div class="ph-toolbar">
                <h2 class="ph-heading" tabindex="-1">{text::t("your_tickets")}</h2>
                {action("ph-button ph-button--primary", text::t("new_ticket"), Box::new(move || state.go(Screen::New)))}
            </div>
            {move || {
                list.with(|l| match l {
                    None => EitherOf4::A(notice(text::t("loading"))),
                    Some(Err(f)) => EitherOf4::B(load_error(state, f)),
                    Some(Ok(l)) if l.tickets.is_empty() => {
                        EitherOf4::C(view! { <p class="ph-empty">{text::setting_string("greeting")}</p> })
                    }
                    Some(Ok(l)) => {
                        EitherOf4::D(view! {
                            <ul class="ph-tickets">
                                {l.tickets.iter().map(|t| row(state, t)).collect_view()}
                            </ul>
                            {l.next_cursor.is_some().then(|| action("ph-button", text::t("more"), Box::new(more)))}
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
