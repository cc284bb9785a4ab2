//! The admins' email screen: whether the server sends and takes in mail, where the mail
//! provider posts this workspace's inbound mail, and a new inbound secret for it. (The team's
//! address and the auto-response are workspace settings, under "Routing and email".)

use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_types::{EmailSetup, InboundSecret, UndeliveredEmail};

use crate::api;
use crate::dom::{said, Said};

pub fn email() -> impl IntoView {
    let setup = RwSignal::new(None::<EmailSetup>);
    let status: Said = RwSignal::new(None);
    let fresh = RwSignal::new(None::<String>);
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
                    status.set(Some(Ok(
                        "Made. Give it to your mail provider now: it is shown once, and the one \
                         before it no longer works."
                            .into(),
                    )));
                }
                Err(failed) => status.set(Some(Err(failed.0))),
            }
        });
    };
    view! {
        <section class="pc-card" aria-labelledby="pc-s-email">
            <h2 id="pc-s-email" class="pc-label">"Email"</h2>
            {move || setup.get().map(|e| view! {
                <p>{match &e.from {
                    Some(from) => format!("Sending: on, from {from}."),
                    None => "Sending: off. Start the server with --smtp-url and --mail-from to \
                             send replies, confirmations and invitations by email.".to_owned(),
                }}</p>
                <p>{if e.replies_by_email {
                    "Replies by email: on. Customers can answer any email to continue the ticket."
                } else {
                    "Replies by email: off (the server's --inbound-address turns them on)."
                }}</p>
                <p>"Tickets by email: have your mail provider post raw messages to "
                    <code class="pc-snippet">{e.inbound_url.clone()}</code>
                    {if e.inbound_secret_set {
                        " with the workspace's inbound secret."
                    } else {
                        " with an inbound secret; none is made yet, so nothing is taken in."
                    }}
                </p>
                {undelivered(&e.undelivered)}
            })}
            <button type="button" class="pc-button" on:click=new_secret>"Make a new inbound secret"</button>
            {move || fresh.get().map(|s| view! { <p>"Inbound secret: " <code class="pc-secret">{s}</code></p> })}
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
            <h3 class="pc-label" id="pc-undelivered">"Not delivered"</h3>
            <ul aria-labelledby="pc-undelivered">{rows}</ul>
        }
    })
}

/// One email that did not go: to whom, (on which ticket,) what it was, what the SMTP server
/// said, and whether it is tried again.
pub fn undelivered_line(u: &UndeliveredEmail, ticket: Option<&str>) -> impl IntoView {
    let fate = match (&u.given_up_at, &u.next_attempt_at) {
        (Some(at), _) => format!("given up at {at}"),
        (None, Some(at)) => format!("tried again at {at}"),
        (None, None) => String::new(),
    };
    let about = ticket.map_or_else(|| u.kind.clone(), |t| format!("{t}, {}", u.kind));
    view! {
        <li>
            <strong>{u.recipient.clone()}</strong>
            {format!(" ({about}): {} after {} attempt(s); {fate}", u.reason, u.attempts)}
        </li>
    }
}
