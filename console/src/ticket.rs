//! A ticket's page: the conversation with internal notes set apart, the reply box (a public
//! reply or a note, optionally setting the status), the ticket's status, priority and
//! assignee, who is copied on it, and the customer beside it.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_types::{
    AddParticipant, AgentCreateMessage, AgentMessage, AgentTicket, AgentTicketList, Author,
    CategoryList, Colleague, Colleagues, ParticipantList, Presence, Priority, TicketPatch,
    TicketStatus,
};
use wasm_bindgen::JsCast;

use crate::dom::{checked, chosen_files, clear, field};
use crate::logic::{encode, short_time, Route};
use crate::{api, email, page_meta, preview, words, Console};
use porthole_text::fill_in;

pub fn ticket(console: Console, reference: String) -> impl IntoView {
    let w = words();
    let reference = StoredValue::new(reference);
    let ticket = RwSignal::new(None::<AgentTicket>);
    let others = RwSignal::new(Vec::<(String, String)>::new());
    let error = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<String>);
    let sending = RwSignal::new(false);
    // Files uploaded for the reply being written: their names and ids.
    let files = RwSignal::new(Vec::<(String, String)>::new());
    let uploading = RwSignal::new(false);
    let choose = move |ev: leptos::ev::Event| {
        let chosen = chosen_files(&ev);
        uploading.set(true);
        spawn_local(async move {
            for file in chosen {
                match api::upload(&file).await {
                    Ok(a) => files.update(|f| f.push((a.name, a.id))),
                    Err(failed) => error.set(Some(format!("{}: {}", file.name(), failed.0))),
                }
            }
            uploading.set(false);
        });
    };
    let path = move |suffix: &str| format!("/tickets/{}{suffix}", reference.get_value());

    // Presence: every 10 s, and as soon as this agent starts or stops writing.
    let colleagues = RwSignal::new(Vec::<Colleague>::new());
    let replying = StoredValue::new(false);
    let beat = move || {
        let body = Presence {
            replying: replying.get_value(),
        };
        spawn_local(async move {
            if let Ok(c) = api::send::<_, Colleagues>("POST", &path("/presence"), &body).await {
                colleagues.set(c.others);
            }
        });
    };
    beat();
    if let Ok(handle) = set_interval_with_handle(beat, std::time::Duration::from_secs(10)) {
        on_cleanup(move || handle.clear());
    }
    let previewed: preview::Shown = RwSignal::new(None);
    let categories = RwSignal::new(Vec::<String>::new());
    spawn_local(async move {
        if let Ok(list) = api::get::<CategoryList>("/categories").await {
            categories.set(list.categories);
        }
    });
    let typing = move |ev: leptos::ev::Event| {
        previewed.set(None);
        let now = !event_target_value(&ev).trim().is_empty();
        if now != replying.get_value() {
            replying.set_value(now);
            beat();
        }
    };

    Effect::new(move |_| {
        console.tick.track();
        spawn_local(async move {
            match api::get::<AgentTicket>(&path("")).await {
                Ok(t) => {
                    let email = t.summary.contact.email.clone();
                    ticket.set(Some(t));
                    let list = format!("/tickets?email={}&limit=6", encode(&email));
                    if let Ok(list) = api::get::<AgentTicketList>(&list).await {
                        let theirs = list
                            .tickets
                            .into_iter()
                            .filter(|t| t.reference != reference.get_value())
                            .map(|t| (t.reference, t.subject))
                            .collect();
                        others.set(theirs);
                    }
                }
                Err(failed) => error.set(Some(failed.0)),
            }
        });
    });

    let patch = move |change: TicketPatch| {
        spawn_local(async move {
            match api::send::<_, AgentTicket>("PATCH", &path(""), &change).await {
                Ok(t) => {
                    ticket.set(Some(t));
                    error.set(None);
                    notice.set(Some(w.saved.into()));
                }
                Err(failed) => error.set(Some(failed.0)),
            }
        });
    };

    let reply = move |ev: SubmitEvent| {
        ev.prevent_default();
        if sending.get_untracked() {
            return;
        }
        let body = field("pc-reply");
        let attached: Vec<String> = files
            .get_untracked()
            .into_iter()
            .map(|(_, id)| id)
            .collect();
        if body.trim().is_empty() && attached.is_empty() {
            error.set(Some(w.write_first.into()));
            return;
        }
        let internal = checked("pc-internal");
        let status = TicketStatus::parse(&field("pc-then"));
        let message = AgentCreateMessage {
            body,
            internal,
            author_name: None,
            status: status.filter(|_| !internal),
            attachments: attached,
        };
        sending.set(true);
        spawn_local(async move {
            match api::send::<_, AgentTicket>("POST", &path("/messages"), &message).await {
                Ok(t) => {
                    clear("pc-reply");
                    previewed.set(None);
                    files.set(vec![]);
                    replying.set_value(false);
                    beat();
                    ticket.set(Some(t));
                    error.set(None);
                    let done = if internal { w.note_added } else { w.reply_sent };
                    notice.set(Some(done.into()));
                }
                Err(failed) => error.set(Some(failed.0)),
            }
            sending.set(false);
        });
    };

    let copy = move |ev: SubmitEvent| {
        ev.prevent_default();
        let email = field("pc-participant");
        spawn_local(async move {
            let body = AddParticipant { email };
            match api::send::<_, ParticipantList>("POST", &path("/participants"), &body).await {
                Ok(list) => {
                    clear("pc-participant");
                    ticket.update(|t| {
                        if let Some(t) = t {
                            t.participants = list.participants;
                        }
                    });
                    error.set(None);
                }
                Err(failed) => error.set(Some(failed.0)),
            }
        });
    };
    let uncopy = move |email: String| {
        spawn_local(async move {
            let target = path(&format!("/participants/{}", encode(&email)));
            match api::delete(&target).await {
                Ok(()) => ticket.update(|t| {
                    if let Some(t) = t {
                        t.participants.retain(|p| p.email != email);
                    }
                }),
                Err(failed) => error.set(Some(failed.0)),
            }
        });
    };

    view! {
        <p><a class="pc-link" href="#/" on:click=move |_| console.go(Route::Inbox)>{w.back_to_inbox}</a></p>
        {move || error.get().map(|e| view! { <p class="pc-error" role="alert">{e}</p> })}
        {move || notice.get().map(|n| view! { <p class="pc-notice" role="status">{n}</p> })}
        <p class="pc-presence" aria-live="polite">
            {move || colleagues.get().into_iter().map(|c| {
                let doing = if c.replying { w.is_writing } else { w.is_viewing };
                view! { <span class="pc-colleague">{fill_in(doing, &[("name", &c.name)])}" "</span> }
            }).collect_view()}
        </p>
        {move || {
            ticket
                .get()
                .map(|t| {
                    let s = t.summary.clone();
                    let me = page_meta("ph-email");
                    view! {
                        <div class="pc-ticket">
                            <article class="pc-conversation" aria-labelledby="pc-subject">
                                <h1 id="pc-subject" class="pc-title">
                                    <span class="pc-ref">{s.reference.clone()}</span>
                                    " "
                                    {s.subject.clone()}
                                </h1>
                                <p class="pc-meta">
                                    {fill_in(w.via, &[("channel", &w.channel(s.channel)), ("time", &short_time(&s.created_at))])}
                                    {s.category.clone().map(|c| format!(" · {c}"))}
                                </p>
                                <ol class="pc-messages">
                                    {t.messages.iter().cloned().map(message).collect_view()}
                                </ol>
                                <form class="pc-reply" on:submit=reply>
                                    <label for="pc-reply">{w.reply}</label>
                                    <p id="pc-reply-hint" class="pc-hint">{w.markdown_hint}</p>
                                    <textarea id="pc-reply" rows="5" maxlength="5000" aria-describedby="pc-reply-hint"
                                        on:input=typing
                                        on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                                            if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) {
                                                ev.prevent_default();
                                                if let Some(form) = document().query_selector("form.pc-reply").ok().flatten() {
                                                    let _ = form.unchecked_into::<web_sys::HtmlFormElement>().request_submit();
                                                }
                                            }
                                        }
                                    ></textarea>
                                    {preview::preview(previewed, error)}
                                    <label for="pc-files">{w.attach}</label>
                                    <input id="pc-files" type="file" multiple on:change=choose />
                                    <ul class="pc-files" aria-label=w.attached_files>
                                        {move || files.get().into_iter().map(|(name, id)| view! {
                                            <li>{name.clone()} " "
                                                <button type="button" class="pc-button pc-button--small"
                                                    aria-label=fill_in(w.remove_named, &[("name", &name)])
                                                    on:click=move |_| files.update(|f| f.retain(|(_, i)| *i != id))>
                                                    {w.remove}
                                                </button>
                                            </li>
                                        }).collect_view()}
                                    </ul>
                                    <label class="pc-check">
                                        <input id="pc-internal" type="checkbox" />
                                        " " {w.internal_note}
                                    </label>
                                    <label for="pc-then">{w.then_status}</label>
                                    <select id="pc-then">
                                        <option value="">{w.leave_it}</option>
                                        <option value="waiting">{w.status(TicketStatus::Waiting)}</option>
                                        <option value="resolved">{w.status(TicketStatus::Resolved)}</option>
                                    </select>
                                    <button type="submit" class="pc-button pc-button--primary" disabled=move || sending.get() || uploading.get()>
                                        {w.send}
                                    </button>
                                    <p class="pc-hint">{w.ctrl_enter}</p>
                                </form>
                            </article>
                            <aside class="pc-side" aria-label=w.ticket_details>
                                {(!t.undelivered_emails.is_empty()).then(|| view! {
                                    <section class="pc-card pc-card--alert" aria-labelledby="pc-not-delivered">
                                        <h2 class="pc-label" id="pc-not-delivered">{w.not_delivered}</h2>
                                        <ul>
                                            {t.undelivered_emails.iter().map(|u| email::undelivered_line(u, None)).collect_view()}
                                        </ul>
                                    </section>
                                })}
                                {controls(&t, (me, categories.get()), patch)}
                                {customer(&t, others)}
                                <section class="pc-card">
                                    <h2 class="pc-label">{w.copied}</h2>
                                    <ul class="pc-participants">
                                        {t.participants
                                            .iter()
                                            .map(|p| {
                                                let email = p.email.clone();
                                                let label = fill_in(w.remove_named, &[("name", &p.email)]);
                                                view! {
                                                    <li>
                                                        {p.email.clone()}
                                                        " "
                                                        <button type="button" class="pc-button pc-button--small"
                                                            aria-label=label
                                                            on:click=move |_| uncopy(email.clone())>
                                                            {w.remove}
                                                        </button>
                                                    </li>
                                                }
                                            })
                                            .collect_view()}
                                    </ul>
                                    <form class="pc-inline" on:submit=copy>
                                        <label for="pc-participant">{w.copy_someone}</label>
                                        <input id="pc-participant" type="email" required placeholder="name@example.com" />
                                        <button type="submit" class="pc-button">{w.add}</button>
                                    </form>
                                </section>
                                {t.rating.clone().map(|r| view! {
                                    <section class="pc-card">
                                        <h2 class="pc-label">{w.rating}</h2>
                                        <p>{porthole_text::fill(w.score, r.score)}</p>
                                        {r.comment.map(|c| view! { <p class="pc-quote">{c}</p> })}
                                    </section>
                                })}
                            </aside>
                        </div>
                    }
                })
        }}
    }
}

fn message(m: AgentMessage) -> impl IntoView {
    let w = words();
    let kind = match (m.internal, m.author) {
        (true, _) => "pc-message pc-message--note",
        (false, Author::Agent) => "pc-message pc-message--agent",
        (false, _) => "pc-message pc-message--customer",
    };
    let who = m
        .author_name
        .clone()
        .unwrap_or_else(|| w.author(m.author).to_owned());
    view! {
        <li class=kind>
            <p class="pc-message-head">
                {m.author_avatar.clone().map(|src| view! { <img class="pc-avatar" src=src alt="" /> })}
                <strong>{who}</strong>
                {m.internal.then(|| format!(" · {}", w.internal_mark))}
                " · "
                <time datetime=m.created_at.clone()>{short_time(&m.created_at)}</time>
            </p>
            // Made by the server: a customer's text escaped, an agent's Markdown sanitised.
            <div class="pc-body" inner_html=m.html.clone()></div>
            <ul class="pc-files">
                {m.attachments
                    .iter()
                    .map(|a| {
                        let href = format!("/api/v1/agent/attachments/{}", a.id);
                        view! { <li><a class="pc-link" href=href download>{a.name.clone()}</a></li> }
                    })
                    .collect_view()}
            </ul>
        </li>
    }
}

fn controls(
    t: &AgentTicket,
    (me, categories): (String, Vec<String>),
    patch: impl Fn(TicketPatch) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let s = &t.summary;
    let category = s.category.clone().unwrap_or_default();
    let status = s.status;
    let priority = s.priority;
    let assignee = s.assignee.clone().unwrap_or_default();
    let resolution = t.resolution.clone().unwrap_or_default();
    let mine = me.clone();
    let w = words();
    view! {
        <section class="pc-card">
            <h2 class="pc-label">{w.ticket}</h2>
            <label for="pc-status">{w.status_label}</label>
            <select id="pc-status" on:change=move |ev| {
                let status = TicketStatus::parse(&event_target_value(&ev));
                patch(TicketPatch { status, ..TicketPatch::default() });
            }>
                {TicketStatus::ALL.iter().map(|st| view! {
                    <option value=st.as_str() selected=*st == status>{w.status(*st)}</option>
                }).collect_view()}
            </select>
            <label for="pc-priority">{w.priority_label}</label>
            <select id="pc-priority" on:change=move |ev| {
                let priority = Priority::parse(&event_target_value(&ev));
                patch(TicketPatch { priority, ..TicketPatch::default() });
            }>
                {Priority::ALL.iter().map(|p| view! {
                    <option value=p.as_str() selected=*p == priority>{w.priority(*p)}</option>
                }).collect_view()}
            </select>
            <label for="pc-category">{w.category}</label>
            <select id="pc-category" on:change=move |ev| {
                let chosen = Some(event_target_value(&ev)).filter(|c| !c.is_empty());
                patch(TicketPatch { category: Some(chosen), ..TicketPatch::default() });
            }>
                <option value="" selected=category.is_empty()>{w.none}</option>
                {categories.into_iter().map(|c| {
                    let (selected, value) = (c == category, c.clone());
                    view! { <option value=value selected=selected>{c}</option> }
                }).collect_view()}
            </select>
            <p>{w.assignee} " " <strong class="pc-assignee">{if assignee.is_empty() { w.nobody.to_owned() } else { assignee.clone() }}</strong></p>
            <button type="button" class="pc-button" on:click=move |_| {
                patch(TicketPatch { assignee: Some(Some(mine.clone())), ..TicketPatch::default() });
            }>{w.assign_to_me}</button>
            <button type="button" class="pc-button" on:click=move |_| {
                patch(TicketPatch { assignee: Some(None), ..TicketPatch::default() });
            }>{w.unassign}</button>
            <label for="pc-resolution">{w.resolution_label}</label>
            <textarea id="pc-resolution" rows="3" maxlength="5000">{resolution}</textarea>
            <button type="button" class="pc-button" on:click=move |_| {
                let text = field("pc-resolution");
                let resolution = Some(Some(text).filter(|t| !t.trim().is_empty()));
                patch(TicketPatch { resolution, ..TicketPatch::default() });
            }>{w.save_resolution}</button>
        </section>
    }
}

fn customer(t: &AgentTicket, others: RwSignal<Vec<(String, String)>>) -> impl IntoView {
    let c = t.summary.contact.clone();
    let metadata = c.metadata.clone().unwrap_or_default();
    let w = words();
    view! {
        <section class="pc-card">
            <h2 class="pc-label">{w.customer}</h2>
            <p><strong>{c.name.clone().unwrap_or_else(|| c.email.clone())}</strong></p>
            <p>{c.email.clone()}</p>
            {metadata.name.clone().map(|plan| view! { <p>{fill_in(w.plan, &[("plan", &plan)])}</p> })}
            {metadata.value.map(|v| view! { <p>{fill_in(w.value, &[("value", &v)])}</p> })}
            <ul class="pc-links">
                {metadata.links.iter().filter(|(_, url)| url.starts_with("https://") || url.starts_with("http://")).map(|(label, url)| view! {
                    <li><a class="pc-link" href=url.clone() target="_blank" rel="noopener noreferrer nofollow">{label.clone()}</a></li>
                }).collect_view()}
            </ul>
            <h3 class="pc-label">{w.their_other_tickets}</h3>
            <ul class="pc-others">
                {move || others.get().into_iter().map(|(reference, subject)| {
                    let href = Route::Ticket(reference.clone()).hash();
                    view! { <li><a class="pc-link" href=href>{reference} " " {subject}</a></li> }
                }).collect_view()}
            </ul>
        </section>
    }
}
