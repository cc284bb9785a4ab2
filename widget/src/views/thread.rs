use leptos::either::EitherOf3;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_types::{Author, Message, Ticket, TicketStatus};

use super::{
    ago, back_to_list, badge, field_error, form_value, load_error, load_into, mark_invalid, notice,
    reload_on_tick, submit_errors, Snapshot,
};
use crate::app::State;
use crate::logic::{check_reply, FormErrors};
use crate::text;

/// One ticket's public conversation and a reply box.
pub fn thread(state: State, reference: String) -> impl IntoView {
    let ticket: Snapshot<Ticket> = RwSignal::new(None);
    let wanted = StoredValue::new(reference.clone());
    let load = move || {
        let reference = wanted.get_value();
        load_into(state, ticket, move |api| async move {
            api.ticket(&reference).await
        })
    };
    reload_on_tick(state, load);
    // The reply box shows once the ticket is loaded, unless it is closed.
    let no_reply =
        move || ticket.with(|t| !matches!(t, Some(Ok(t)) if t.status != TicketStatus::Closed));

    view! {
        <section class="ph-thread">
            {back_to_list(state)}
            {move || {
                ticket.with(|t| match t {
                    None => EitherOf3::A(notice(text::t("loading"))),
                    Some(Err(f)) => EitherOf3::B(load_error(state, f)),
                    Some(Ok(t)) => EitherOf3::C(conversation(t)),
                })
            }}
            {reply_box(state, reference, ticket, no_reply)}
        </section>
    }
}

fn conversation(t: &Ticket) -> impl IntoView {
    view! {
        <h2 class="ph-heading">{t.subject.clone()}</h2>
        <p class="ph-meta">{badge(t.status)} <span class="ph-ref">{t.reference.clone()}</span></p>
        <ol class="ph-messages">{t.messages.iter().map(message).collect_view()}</ol>
        {(t.status == TicketStatus::Closed).then(|| view! { <p class="ph-note">{text::t("closed_note")}</p> })}
    }
}

fn message(m: &Message) -> impl IntoView {
    let (class, who) = match m.author {
        Author::User => ("ph-message ph-message--user", text::t("you").to_owned()),
        Author::Agent => (
            "ph-message ph-message--agent",
            m.author_name
                .clone()
                .unwrap_or_else(|| text::t("support_team").to_owned()),
        ),
    };
    view! {
        <li class=class>
            <p class="ph-author">{who} " · " {ago(&m.created_at)}</p>
            <p class="ph-text">{m.body.clone()}</p>
        </li>
    }
}

/// The reply box. Its draft lives in shared state, so neither a failed send nor leaving the
/// ticket loses it.
fn reply_box(
    state: State,
    reference: String,
    ticket: Snapshot<Ticket>,
    hidden: impl Fn() -> bool + Send + Sync + 'static,
) -> impl IntoView {
    let form = NodeRef::<leptos::html::Form>::new();
    let errors = RwSignal::new(FormErrors::default());
    let sending = RwSignal::new(false);
    let draft = state
        .drafts
        .with_value(|d| (d.reply.0 == reference).then(|| d.reply.1.clone()))
        .unwrap_or_default();
    let reference = StoredValue::new(reference);

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let Some(f) = form.get_untracked() else {
            return;
        };
        let text = form_value(&f, "body");
        let checked = check_reply(&text);
        mark_invalid(&f, "body", checked.body.is_some());
        errors.set(checked.clone());
        let Some(api) = state.api.get_untracked() else {
            return;
        };
        if !checked.is_empty() || sending.get_untracked() {
            return;
        }
        sending.set(true);
        spawn_local(async move {
            match api.reply(&reference.get_value(), text).await {
                Ok(t) => {
                    f.reset();
                    state.drafts.update_value(|d| d.reply = Default::default());
                    ticket.try_set(Some(Ok(t)));
                }
                Err(f) => {
                    state.observe(&f);
                    errors.try_set(submit_errors(&f));
                }
            }
            sending.try_set(false);
        });
    };
    let remember = move |_| {
        if let Some(f) = form.get_untracked() {
            let text = form_value(&f, "body");
            state
                .drafts
                .update_value(|d| d.reply = (reference.get_value(), text));
        }
    };

    view! {
        <form class="ph-reply" on:submit=submit on:input=remember novalidate hidden=hidden node_ref=form>
            <label class="ph-visually-hidden" for="ph-reply-body">
                {text::t("reply")}
            </label>
            <textarea
                id="ph-reply-body"
                name="body"
                class="ph-input ph-textarea"
                rows="3"
                placeholder=text::t("reply_placeholder")
                aria-describedby="ph-reply-error"
            >
                {draft}
            </textarea>
            {field_error(errors, "ph-reply-error", |e| e.body.as_ref().or(e.form.as_ref()))}
            <button type="submit" class="ph-button ph-button--primary" disabled=move || sending.get()>
                {text::t("send")}
            </button>
        </form>
    }
}
