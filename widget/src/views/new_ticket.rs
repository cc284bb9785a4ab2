use leptos::ev::{Event, SubmitEvent};
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_types::{CreateTicket, TicketType};
use wasm_bindgen::JsCast;

use super::{back_to_list, focus_screen, form_value, submit_errors, want_extras};
use crate::app::{new_idempotency_key, State};
use crate::logic::{check_new_ticket, FormErrors, Screen};
use crate::{dom, text};

/// Subject, description, type and category, with errors shown beside the field they concern.
/// The form's markup comes from the page (`#ph-new-tpl`, made by the server in the user's
/// language); this wires it up: drafts, checks, errors and sending.
pub fn new_ticket(state: State) -> impl IntoView {
    let sending = StoredValue::new(false);
    request_animation_frame(move || {
        dom::fill_from_template("ph-new-tpl", "ph-new");
        state.drafts.with_value(|d| {
            for (name, value) in [
                ("subject", &d.subject),
                ("description", &d.description),
                ("type", &d.kind),
                ("category", &d.category),
            ] {
                dom::set_value(name, value);
            }
        });
        focus_screen();
    });
    want_extras(state);

    // Every keystroke is kept, and a changed ticket is a new request: it must not replay the
    // previous key's ticket.
    let remember = move |ev: Event| {
        let Some(f) = form_of(&ev) else {
            return;
        };
        state.drafts.update_value(|drafts| {
            drafts.subject = form_value(&f, "subject");
            drafts.description = form_value(&f, "description");
            drafts.kind = form_value(&f, "type");
            drafts.category = form_value(&f, "category");
            drafts.idempotency_key = new_idempotency_key();
        });
    };

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let Some(f) = form_of(&ev) else {
            return;
        };
        let (subject, description) = (form_value(&f, "subject"), form_value(&f, "description"));
        let checked = check_new_ticket(&subject, &description);
        show_errors(&checked);
        let Some(api) = state.api.get_untracked() else {
            return;
        };
        if !checked.is_empty() || sending.get_value() {
            return;
        }
        let request = CreateTicket {
            subject,
            description: Some(description).filter(|v| !v.trim().is_empty()),
            ticket_type: TicketType::parse(&form_value(&f, "type")),
            category: Some(form_value(&f, "category")).filter(|c| !c.is_empty()),
            attachments: vec![],
            participants: None,
        };
        let files = form_value(&f, "attachments");
        let key = state.drafts.with_value(|d| d.idempotency_key.clone());
        sending.set_value(true);
        spawn_local(async move {
            match api.create((&request, &files), &key).await {
                Ok(ticket) => {
                    state.drafts.update_value(|d| {
                        d.subject.clear();
                        d.description.clear();
                        d.kind.clear();
                        d.category.clear();
                        d.idempotency_key = new_idempotency_key();
                    });
                    state.go(Screen::Ticket(ticket.reference));
                }
                Err(f) => {
                    state.observe(&f);
                    show_errors(&submit_errors(&f));
                }
            }
            sending.try_set_value(false);
        });
    };

    view! {
        <section class="ph-new" on:submit=submit on:input=remember on:change=remember>
            {back_to_list(state)}
            <div id="ph-new"></div>
        </section>
    }
}

/// The form an event happened in.
fn form_of(ev: &Event) -> Option<web_sys::HtmlFormElement> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    target.closest("form").ok()??.dyn_into().ok()
}

/// Shows each error beside its field, and marks the field invalid for assistive technology.
fn show_errors(errors: &FormErrors) {
    for (field, id, error) in [
        ("subject", "ph-subject-error", &errors.subject),
        ("description", "ph-description-error", &errors.description),
        ("", "ph-form-error", &errors.form),
    ] {
        let message = error.as_ref().map(text::say);
        dom::show_error(field, id, message.as_deref());
    }
}
