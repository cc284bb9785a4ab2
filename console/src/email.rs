//! The admins' email screen: whether the server sends and takes in mail, where the mail
//! provider posts this workspace's inbound mail, and a new inbound secret for it. (The team's
//! address and the auto-response are workspace settings, under "Routing and email".)

use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_types::{EmailSetup, InboundSecret, UndeliveredEmail};

use crate::dom::{said, Said};
use crate::{api, words};
use porthole_text::fill_in;

pub fn email() -> impl IntoView {
    let setup = RwSignal::new(None::<EmailSetup>);
    let status: Said = RwSignal::new(None);
    let fresh = RwSignal::new(None::<String>);
    let w = words();
    spawn_local(async move {
        setup.set(api::get::<EmailSetup>("/email").await.ok());
    });
    let new_secret = move |_| {
        spawn_local(async move {
            let empty = serde_json::json!({});
            match api::send::<_, InboundSecret>("POST", "/email/inbound-secret", &empty).await {
                Ok(s) => {
                    fresh.set(Some(s.secret));
                    setup.update(|e| {
                        if let Some(e) = e {
                            e.inbound_secret_set = true;
                        }
                    });
                    status.set(Some(Ok(w.inbound_made.into())));
                }
                Err(failed) => status.set(Some(Err(failed.0))),
            }
        });
    };
    view! {
        <section class="pc-card" aria-labelledby="pc-s-email">
            <h2 id="pc-s-email" class="pc-label">{w.email}</h2>
            {move || setup.get().map(|e| {
                let inbound = if e.inbound_secret_set { w.inbound_set } else { w.inbound_unset };
                let (before, after) = porthole_text::around(inbound, "url");
                view! {
                    <p>{match &e.from {
                        Some(from) => fill_in(w.sending_on, &[("from", from)]),
                        None => w.sending_off.to_owned(),
                    }}</p>
                    <p>{if e.replies_by_email { w.replies_on } else { w.replies_off }}</p>
                    <p>{before} <code class="pc-snippet">{e.inbound_url.clone()}</code> {after}</p>
                    {undelivered(&e.undelivered)}
                }
            })}
            <button type="button" class="pc-button" on:click=new_secret>{w.make_inbound}</button>
            {move || fresh.get().map(|s| view! { <p>{w.inbound_secret} " " <code class="pc-secret">{s}</code></p> })}
            {said(status)}
        </section>
    }
}

/// Emails the SMTP server did not accept: those still retried, and those given up on.
fn undelivered(list: &[UndeliveredEmail]) -> Option<impl IntoView> {
    (!list.is_empty()).then(|| {
        let rows = list
            .iter()
            .map(|u| undelivered_line(u, Some(&u.ticket)))
            .collect_view();
        view! {
            <h3 class="pc-label" id="pc-undelivered">{words().undelivered}</h3>
            <ul aria-labelledby="pc-undelivered">{rows}</ul>
        }
    })
}

/// One email that did not go: to whom, (on which ticket,) what it was, what the SMTP server
/// said, and whether it is tried again.
pub fn undelivered_line(u: &UndeliveredEmail, ticket: Option<&str>) -> impl IntoView {
    let w = words();
    let fate = match (&u.given_up_at, &u.next_attempt_at) {
        (Some(at), _) => fill_in(w.given_up, &[("time", at)]),
        (None, Some(at)) => fill_in(w.tried_again, &[("time", at)]),
        (None, None) => String::new(),
    };
    let about = ticket.map_or_else(|| u.kind.clone(), |t| format!("{t}, {}", u.kind));
    let attempts = w.attempts_count.get(u.attempts);
    let line = fill_in(
        w.undelivered_line,
        &[
            ("about", &about),
            ("reason", &u.reason),
            ("attempts", &attempts),
            ("fate", &fate),
        ],
    );
    view! {
        <li>
            <strong>{u.recipient.clone()}</strong>
            " " {line}
        </li>
    }
}
