use leptos::either::EitherOf3;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_types::{Author, Message, Ticket, TicketStatus};

use super::{
    action, ago, back_to_list, badge, form_value, load_error, load_into, notice, reload_on_tick,
    submit_errors, want_extras, Snapshot,
};
use crate::app::State;
use crate::logic::{check_reply, FormErrors, Screen};
use crate::{dom, text};

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
    // Files, a rating and the reply box's file field come with the lazily loaded module.
    want_extras(state);
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
                    Some(Ok(t)) => EitherOf3::C(conversation(state, ticket, t)),
                })
            }}
            {reply_box(state, reference, ticket, no_reply)}
        </section>
    }
}

fn conversation(state: State, snapshot: Snapshot<Ticket>, t: &Ticket) -> impl IntoView {
    let closed = t.status == TicketStatus::Closed;
    let settled = matches!(t.status, TicketStatus::Resolved | TicketStatus::Closed);
    let reference = t.reference.clone();
    let solve = move || {
        let (Some(api), reference) = (state.api.get_untracked(), reference.clone()) else {
            return;
        };
        spawn_local(async move {
            match api.solve(&reference).await {
                Ok(t) => drop(snapshot.try_set(Some(Ok(t)))),
                Err(f) => state.observe(&f),
            }
        });
    };
    // One text run for reference, type and category: each optional view would cost wasm.
    let mut meta = t.reference.clone();
    if let Some(kind) = t.ticket_type {
        meta.push_str(" · ");
        meta.push_str(text::ticket_type(kind));
    }
    if let Some(category) = &t.category {
        meta.push_str(" · ");
        meta.push_str(category);
    }
    let resolution = t.resolution.as_ref().filter(|_| settled).map(|r| {
        let mut line = text::t("resolution").to_owned();
        line.push_str(": ");
        line.push_str(r);
        note("ph-resolution", line)
    });
    view! {
        <h2 class="ph-heading" tabindex="-1">{t.subject.clone()}</h2>
        <p class="ph-meta">{badge(t.status)} " " <span class="ph-ref">{meta}</span></p>
        // A live list: a message added while the thread is open (an agent's reply) is
        // announced, politely; the list is updated in place, so only the addition is read out.
        // Not role="log", which would take the list's role and orphan its items.
        <ol class="ph-messages" aria-live="polite" aria-relevant="additions">
            {t.messages.iter().map(message).collect_view()}
        </ol>
        {resolution}
        {closed.then(|| (
            note("ph-note", text::t("closed_note").to_owned()),
            action("ph-button ph-button--primary", text::t("new_ticket"), Box::new(move || state.go(Screen::New))),
        ))}
        {(!settled).then(|| action("ph-link ph-solve", text::t("mark_solved"), Box::new(solve)))}
    }
}

/// A line under the conversation: the resolution, or why a closed ticket takes no replies.
fn note(class: &'static str, text: String) -> impl IntoView {
    view! { <p class=class>{text}</p> }
}

fn author(m: &Message) -> String {
    match m.author {
        Author::User => text::t("you").to_owned(),
        Author::Agent => m
            .author_name
            .clone()
            .unwrap_or_else(|| text::t("support_team").to_owned()),
    }
}

fn message(m: &Message) -> impl IntoView {
    let class = match m.author {
        Author::User => "ph-message ph-message--user",
        Author::Agent => "ph-message ph-message--agent",
    };
    // The server sends the body as HTML too: a customer's escaped, with its web links made
    // links; an agent's Markdown rendered and sanitised.
    let html = m.html.clone();
    // The agent's picture leads the text, from Porthole's own origin. Put in the HTML the
    // server sent rather than made an element of: an <img> view costs the first open most of
    // a kilobyte. The path is the server's, as trusted as the HTML beside it.
    let html = match &m.author_avatar {
        Some(src) => {
            let mut s = String::from("<img class=ph-avatar width=28 height=28 alt src=");
            s.push_str(src);
            s.push('>');
            s.push_str(&html);
            s
        }
        None => html,
    };
    view! {
        <li class=class>
            <p class="ph-author">{author(m)} " · " {ago(&m.created_at)}</p>
            <div class="ph-text" inner_html=html></div>
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
    let sending = StoredValue::new(false);
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
        let files = form_value(&f, "attachments");
        let checked = check_reply(&text, !files.is_empty());
        show_reply_error(&checked);
        let Some(api) = state.api.get_untracked() else {
            return;
        };
        if !checked.is_empty() || sending.get_value() {
            return;
        }
        sending.set_value(true);
        spawn_local(async move {
            match api.reply(&reference.get_value(), (text, files)).await {
                Ok(t) => {
                    f.reset();
                    state.drafts.update_value(|d| d.reply = Default::default());
                    ticket.try_set(Some(Ok(t)));
                }
                Err(f) => {
                    state.observe(&f);
                    show_reply_error(&submit_errors(&f));
                }
            }
            sending.try_set_value(false);
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
            <p id="ph-reply-error" class="ph-field-error" role="alert" hidden></p>
            <div data-phx="attach"></div>
            <button type="submit" class="ph-button ph-button--primary">
                {text::t("send")}
            </button>
        </form>
    }
}

/// The reply's error, about the text or the sending, beside the box.
fn show_reply_error(errors: &FormErrors) {
    let message = errors.body.as_ref().or(errors.form.as_ref()).map(text::say);
    dom::show_error("body", "ph-reply-error", message.as_deref());
}
