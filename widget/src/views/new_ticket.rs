use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_types::{CreateTicket, TicketType};

use super::{back_to_list, field_error, form_value, mark_invalid, submit_errors};
use crate::app::{new_idempotency_key, State};
use crate::logic::{check_new_ticket, FormErrors, Screen};
use crate::{dom, text};

/// Subject, description and type, with errors shown beside the field they concern.
pub fn new_ticket(state: State) -> impl IntoView {
    let form = NodeRef::<leptos::html::Form>::new();
    let errors = RwSignal::new(FormErrors::default());
    let sending = RwSignal::new(false);
    let (draft_subject, draft_description, draft_kind, draft_category) =
        state.drafts.with_value(|d| {
            (
                d.subject.clone(),
                d.description.clone(),
                d.kind.clone(),
                d.category.clone(),
            )
        });
    // The workspace's FAQs and categories come as templates in the page, cloned in once the
    // form is there: as Leptos views they would cost the panel kilobytes of its budget.
    request_animation_frame(move || {
        dom::fill_from_template("ph-faqs-tpl", "ph-faqs", &["ph-faqs"]);
        if dom::fill_from_template(
            "ph-categories-tpl",
            "ph-category",
            &["ph-category", "ph-category-label"],
        ) {
            dom::choose("ph-category", &draft_category);
        }
    });
    // Opening an FAQ is counted, so the company can see which answers save tickets.
    let faq_opened = move |ev: leptos::ev::MouseEvent| {
        if let (Some(question), Some(api)) = (dom::faq_being_opened(&ev), state.api.get_untracked())
        {
            spawn_local(async move { api.faq_click(&question).await });
        }
    };

    // Every keystroke is kept, and a changed ticket is a new request: it must not replay the
    // previous key's ticket.
    let remember = move |_| {
        let Some(f) = form.get_untracked() else {
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
        let Some(f) = form.get_untracked() else {
            return;
        };
        let (subject, description) = (form_value(&f, "subject"), form_value(&f, "description"));
        let checked = check_new_ticket(&subject, &description);
        mark_invalid(&f, "subject", checked.subject.is_some());
        mark_invalid(&f, "description", checked.description.is_some());
        errors.set(checked.clone());
        let Some(api) = state.api.get_untracked() else {
            return;
        };
        if !checked.is_empty() || sending.get_untracked() {
            return;
        }
        let request = CreateTicket {
            subject,
            description: Some(description).filter(|v| !v.trim().is_empty()),
            ticket_type: TicketType::parse(&form_value(&f, "type")),
            category: Some(form_value(&f, "category")).filter(|c| !c.is_empty()),
        };
        let key = state.drafts.with_value(|d| d.idempotency_key.clone());
        sending.set(true);
        spawn_local(async move {
            match api.create(&request, &key).await {
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
                    errors.try_set(submit_errors(&f));
                    sending.try_set(false);
                }
            }
        });
    };

    view! {
        <section class="ph-new">
            {back_to_list(state)}
            <h2 class="ph-heading">{text::t("new_ticket")}</h2>
            <div id="ph-faqs" class="ph-faqs" hidden on:click=faq_opened>
                <h3 class="ph-label">{text::t("faq_heading")}</h3>
            </div>
            <form class="ph-form" on:submit=submit on:input=remember novalidate node_ref=form>
                <label class="ph-label" for="ph-subject">
                    {text::t("subject")}
                </label>
                <input
                    id="ph-subject"
                    name="subject"
                    class="ph-input"
                    type="text"
                    autocomplete="off"
                    aria-describedby="ph-subject-error"
                    value=draft_subject
                />
                {field_error(errors, "ph-subject-error", |e| e.subject.as_ref())}
                <label class="ph-label" for="ph-description">
                    {text::t("description")}
                </label>
                <textarea
                    id="ph-description"
                    name="description"
                    class="ph-input ph-textarea"
                    rows="5"
                    placeholder=text::t("description_hint")
                    aria-describedby="ph-description-error"
                >
                    {draft_description}
                </textarea>
                {field_error(errors, "ph-description-error", |e| e.description.as_ref())}
                <label class="ph-label" for="ph-type">
                    {text::t("type_label")}
                </label>
                <select id="ph-type" name="type" class="ph-input">
                    <option value="">{text::t("type_none")}</option>
                    {TicketType::ALL
                        .iter()
                        .map(|t| {
                            view! {
                                <option value=t.as_str() selected=draft_kind == t.as_str()>
                                    {text::ticket_type(*t)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
                <label id="ph-category-label" class="ph-label" for="ph-category" hidden>
                    {text::t("category")}
                </label>
                <select id="ph-category" name="category" class="ph-input" hidden>
                    <option value="">{text::t("category_none")}</option>
                </select>
                {field_error(errors, "ph-form-error", |e| e.form.as_ref())}
                <button type="submit" class="ph-button ph-button--primary" disabled=move || sending.get()>
                    {text::t("submit")}
                </button>
            </form>
        </section>
    }
}
