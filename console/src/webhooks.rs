//! Webhooks in the settings: the endpoints, adding one (its signing secret shown once), each
//! one's delivery log, and sending a failed delivery again.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::Deserialize;
use serde_json::json;

use crate::dom::{clear, field, said, Said};
use crate::{api, words};
use porthole_text::fill_in;

#[derive(Clone, Deserialize)]
struct Webhook {
    id: i64,
    url: String,
    kind: String,
    events: Vec<String>,
    disabled_reason: Option<String>,
}

#[derive(Deserialize)]
struct WebhookList {
    webhooks: Vec<Webhook>,
}

#[derive(Deserialize)]
struct Added {
    webhook: Webhook,
    secret: Option<String>,
}

#[derive(Clone, Deserialize)]
struct Delivery {
    id: i64,
    event_type: String,
    attempts: i64,
    delivered_at: Option<i64>,
    failed_at: Option<i64>,
    last_status: Option<i64>,
    last_error: Option<String>,
}

#[derive(Deserialize)]
struct DeliveryLog {
    deliveries: Vec<Delivery>,
}

pub fn webhooks() -> impl IntoView {
    let list = RwSignal::new(Vec::<Webhook>::new());
    let w = words();
    let log = RwSignal::new(None::<(i64, Vec<Delivery>)>);
    let status: Said = RwSignal::new(None);
    let load = move || {
        spawn_local(async move {
            if let Ok(l) = api::get::<WebhookList>("/webhooks").await {
                list.set(l.webhooks);
            }
        })
    };
    load();
    let show = move |id: i64| {
        spawn_local(async move {
            match api::get::<DeliveryLog>(&format!("/webhooks/{id}/deliveries")).await {
                Ok(l) => log.set(Some((id, l.deliveries))),
                Err(failed) => status.set(Some(Err(failed.0))),
            }
        })
    };
    let add = move |ev: SubmitEvent| {
        ev.prevent_default();
        let body = json!({ "url": field("pc-w-url"), "kind": field("pc-w-kind") });
        spawn_local(async move {
            match api::send::<_, Added>("POST", "/webhooks", &body).await {
                Ok(a) => {
                    clear("pc-w-url");
                    let url: (&str, &dyn std::fmt::Display) = ("url", &a.webhook.url);
                    let said = match a.secret {
                        Some(secret) => {
                            fill_in(w.webhook_added_secret, &[url, ("secret", &secret)])
                        }
                        None => fill_in(w.webhook_added, &[url]),
                    };
                    status.set(Some(Ok(said)));
                    load();
                }
                Err(failed) => status.set(Some(Err(failed.0))),
            }
        });
    };
    view! {
        <section class="pc-card" aria-labelledby="pc-s-webhooks">
            <h2 id="pc-s-webhooks" class="pc-label">{w.webhooks}</h2>
            <ul class="pc-team">
                {move || list.get().into_iter().map(|hook| {
                    let id = hook.id;
                    let events = if hook.events.is_empty() { w.every_event.to_owned() } else { hook.events.join(", ") };
                    view! {
                        <li>
                            <code>{hook.url.clone()}</code> " · " {hook.kind.clone()} " · " {events}
                            {hook.disabled_reason.clone().map(|r| format!(" · {}", fill_in(w.turned_off, &[("reason", &r)])))}
                            " "
                            <button type="button" class="pc-button pc-button--small" on:click=move |_| show(id)>{w.deliveries}</button>
                            " "
                            <button type="button" class="pc-button pc-button--small" on:click=move |_| {
                                spawn_local(async move {
                                    match api::delete(&format!("/webhooks/{id}")).await {
                                        Ok(()) => load(),
                                        Err(failed) => status.set(Some(Err(failed.0))),
                                    }
                                });
                            }>{w.remove}</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            {move || log.get().map(|(webhook, deliveries)| view! {
                <table class="pc-list">
                    <caption>{w.latest_deliveries}</caption>
                    <thead><tr><th scope="col">{w.event}</th><th scope="col">{w.attempts}</th><th scope="col">{w.state}</th><th scope="col">""</th></tr></thead>
                    <tbody>
                        {deliveries.into_iter().map(|d| {
                            let state = match (d.delivered_at, d.failed_at) {
                                (Some(_), _) => w.delivered.to_owned(),
                                (None, Some(_)) => fill_in(w.failed, &[("error", &d.last_error.clone().unwrap_or_default())]),
                                _ => match d.last_status {
                                    Some(s) => fill_in(w.retrying, &[("status", &s)]),
                                    None => w.waiting.to_owned(),
                                },
                            };
                            let failed = d.failed_at.is_some();
                            let delivery = d.id;
                            view! {
                                <tr>
                                    <td>{d.event_type}</td><td>{d.attempts}</td><td>{state}</td>
                                    <td>{failed.then(|| view! {
                                        <button type="button" class="pc-button pc-button--small" on:click=move |_| {
                                            spawn_local(async move {
                                                let path = format!("/webhooks/{webhook}/deliveries/{delivery}/redeliver");
                                                match api::poke(&path).await {
                                                    Ok(()) => show(webhook),
                                                    Err(failed) => status.set(Some(Err(failed.0))),
                                                }
                                            });
                                        }>{w.send_again}</button>
                                    })}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            })}
            <form class="pc-inline" on:submit=add>
                <label for="pc-w-url">{w.add_endpoint}</label>
                <input id="pc-w-url" type="url" required placeholder="https://example.com/hooks/porthole" />
                <label for="pc-w-kind">{w.kind}</label>
                <select id="pc-w-kind">
                    <option value="standard">{w.kind_standard}</option>
                    <option value="slack">{w.kind_slack}</option>
                </select>
                <button type="submit" class="pc-button">{w.add}</button>
            </form>
            {said(status)}
        </section>
    }
}
