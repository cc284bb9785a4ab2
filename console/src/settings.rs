//! The admins' screen: how the widget looks (with a preview), what the forms offer, routing
//! and email, allowed origins, the identity secret, email, the team, and the snippet to paste.
//! Each part saves on its own, through the same agent API the CLI's users have.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_types::{
    AgentInfo, AgentInfoList, ChangeAgent, Faq, InviteAgent, Invited, LauncherPosition, OriginList,
    RotateSecret, RotatedSecret, SecretInfo, Settings,
};
use serde_json::{json, Value};

use crate::dom::{checked, field, said, Said};
use crate::logic::{parse_faqs, short_time};
use crate::{api, page_meta, words};
use porthole_text::fill_in;

fn text_or_null(id: &str) -> Value {
    let v = field(id);
    if v.trim().is_empty() {
        Value::Null
    } else {
        Value::String(v)
    }
}

pub fn settings() -> impl IntoView {
    let current = RwSignal::new(None::<Settings>);
    let colour = RwSignal::new(String::from("#2563eb"));
    let left = RwSignal::new(false);
    spawn_local(async move {
        if let Ok(s) = api::get::<Settings>("/settings").await {
            colour.set(s.primary_color.clone());
            left.set(s.launcher_position == LauncherPosition::Left);
            current.set(Some(s));
        }
    });
    view! {
        <section class="pc-settings" aria-labelledby="pc-settings-title">
            <h1 id="pc-settings-title" class="pc-title">{words().settings}</h1>
            {move || current.get().map(|s| view! {
                {appearance(&s, colour, left)}
                {forms(&s)}
                {routing(&s)}
            })}
            {origins()}
            {secret()}
            {crate::email::email()}
            {team()}
            {crate::webhooks::webhooks()}
            {crate::keys::keys()}
            {snippet()}
        </section>
    }
}

/// Saves some settings; the answer is the whole of them.
fn save(changes: Value, status: Said) {
    spawn_local(async move {
        match api::send::<_, Settings>("PATCH", "/settings", &changes).await {
            Ok(_) => status.set(Some(Ok(words().settings_saved.into()))),
            Err(failed) => status.set(Some(Err(failed.0))),
        }
    });
}

fn appearance(s: &Settings, colour: RwSignal<String>, left: RwSignal<bool>) -> impl IntoView {
    let status: Said = RwSignal::new(None);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let changes = json!({
            "title": text_or_null("pc-s-title"),
            "greeting": text_or_null("pc-s-greeting"),
            "brand_name": text_or_null("pc-s-brand"),
            "primary_color": field("pc-s-colour"),
            "launcher_position": field("pc-s-position"),
        });
        save(changes, status);
    };
    let title = s.title.clone().unwrap_or_default();
    let greeting = s.greeting.clone().unwrap_or_default();
    let brand = s.brand_name.clone().unwrap_or_default();
    let w = words();
    view! {
        <form class="pc-card" on:submit=submit aria-labelledby="pc-s-look">
            <h2 id="pc-s-look" class="pc-label">{w.appearance}</h2>
            <label for="pc-s-title">{w.widget_title}</label>
            <input id="pc-s-title" value=title maxlength="200" />
            <label for="pc-s-greeting">{w.greeting}</label>
            <input id="pc-s-greeting" value=greeting maxlength="500" />
            <label for="pc-s-brand">{w.brand_name}</label>
            <input id="pc-s-brand" value=brand maxlength="200" />
            <label for="pc-s-colour">{w.brand_colour}</label>
            <input id="pc-s-colour" type="color" prop:value=move || colour.get()
                on:input=move |ev| colour.set(event_target_value(&ev)) />
            <label for="pc-s-position">{w.launcher}</label>
            <select id="pc-s-position" on:change=move |ev| left.set(event_target_value(&ev) == "left")>
                <option value="right" selected=move || !left.get()>{w.bottom_right}</option>
                <option value="left" selected=move || left.get()>{w.bottom_left}</option>
            </select>
            <figure class="pc-preview">
                <svg viewBox="0 0 200 120" role="img" aria-label=w.launcher_preview>
                    <rect x="1" y="1" width="198" height="118" class="pc-preview-page" />
                    <rect x="40" y="12" width="120" height="18" fill=move || colour.get() />
                    <circle cx=move || if left.get() { 22 } else { 178 } cy="98" r="13" fill=move || colour.get() />
                </svg>
                <figcaption>{w.launcher_caption}</figcaption>
            </figure>
            <button type="submit" class="pc-button pc-button--primary">{w.save_appearance}</button>
            {said(status)}
        </form>
    }
}

fn forms(s: &Settings) -> impl IntoView {
    let status: Said = RwSignal::new(None);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let categories: Vec<String> = field("pc-s-categories")
            .split(',')
            .map(|c| c.trim().to_owned())
            .filter(|c| !c.is_empty())
            .collect();
        let faqs = match parse_faqs(&field("pc-s-faqs"), words()) {
            Ok(faqs) => faqs,
            Err(m) => return status.set(Some(Err(m))),
        };
        save(json!({ "categories": categories, "faqs": faqs }), status);
    };
    let categories = s.categories.join(", ");
    let faqs: String = s
        .faqs
        .iter()
        .map(|Faq { question, answer }| format!("{question} | {answer}\n"))
        .collect();
    let w = words();
    view! {
        <form class="pc-card" on:submit=submit aria-labelledby="pc-s-forms">
            <h2 id="pc-s-forms" class="pc-label">{w.forms}</h2>
            <label for="pc-s-categories">{w.categories_label}</label>
            <input id="pc-s-categories" value=categories />
            <label for="pc-s-faqs">{w.faqs_label}</label>
            <textarea id="pc-s-faqs" rows="5">{faqs}</textarea>
            <button type="submit" class="pc-button pc-button--primary">{w.save_forms}</button>
            {said(status)}
        </form>
    }
}

fn routing(s: &Settings) -> impl IntoView {
    let status: Said = RwSignal::new(None);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let cap = field("pc-s-cap");
        let cap = match cap.trim() {
            "" => Value::Null,
            n => match n.parse::<i64>() {
                Ok(n) => json!(n),
                Err(_) => return status.set(Some(Err(words().cap_whole.into()))),
            },
        };
        let escalate = match field("pc-s-escalate").trim() {
            "" => Value::Null,
            n => match n.parse::<i64>() {
                Ok(n) => json!(n),
                Err(_) => return status.set(Some(Err(words().minutes_whole.into()))),
            },
        };
        let changes = json!({
            "auto_assign": checked("pc-s-auto"),
            "auto_assign_cap": cap,
            "escalate_after_minutes": escalate,
            "notification_email": text_or_null("pc-s-notify"),
            "widget_host_url": text_or_null("pc-s-host"),
            "email_auto_response": checked("pc-s-autoresponse"),
        });
        save(changes, status);
    };
    let cap = s.auto_assign_cap.map(|c| c.to_string()).unwrap_or_default();
    let escalate = s
        .escalate_after_minutes
        .map(|m| m.to_string())
        .unwrap_or_default();
    let w = words();
    view! {
        <form class="pc-card" on:submit=submit aria-labelledby="pc-s-routing">
            <h2 id="pc-s-routing" class="pc-label">{w.routing}</h2>
            <label class="pc-check"><input id="pc-s-auto" type="checkbox" checked=s.auto_assign />
                " " {w.auto_assign}</label>
            <label for="pc-s-cap">{w.cap_label}</label>
            <input id="pc-s-cap" inputmode="numeric" value=cap />
            <label for="pc-s-escalate">{w.escalate_label}</label>
            <input id="pc-s-escalate" inputmode="numeric" value=escalate />
            <label for="pc-s-notify">{w.notify_label}</label>
            <input id="pc-s-notify" type="email" value=s.notification_email.clone().unwrap_or_default() />
            <label for="pc-s-host">{w.host_label}</label>
            <input id="pc-s-host" type="url" value=s.widget_host_url.clone().unwrap_or_default() />
            <label class="pc-check"><input id="pc-s-autoresponse" type="checkbox" checked=s.email_auto_response />
                " " {w.auto_response}</label>
            <button type="submit" class="pc-button pc-button--primary">{w.save_routing}</button>
            {said(status)}
        </form>
    }
}

fn origins() -> impl IntoView {
    let status: Said = RwSignal::new(None);
    let list = RwSignal::new(String::new());
    spawn_local(async move {
        if let Ok(o) = api::get::<OriginList>("/origins").await {
            list.set(o.origins.join("\n"));
        }
    });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let origins: Vec<String> = field("pc-s-origins")
            .lines()
            .map(|l| l.trim().to_owned())
            .filter(|l| !l.is_empty())
            .collect();
        spawn_local(async move {
            match api::send::<_, OriginList>("PUT", "/origins", &OriginList { origins }).await {
                Ok(o) => {
                    list.set(o.origins.join("\n"));
                    status.set(Some(Ok(words().origins_saved.into())));
                }
                Err(failed) => status.set(Some(Err(failed.0))),
            }
        });
    };
    let w = words();
    view! {
        <form class="pc-card" on:submit=submit aria-labelledby="pc-s-origins-h">
            <h2 id="pc-s-origins-h" class="pc-label">{w.origins}</h2>
            <label for="pc-s-origins">{w.origins_label}</label>
            <textarea id="pc-s-origins" rows="3" prop:value=move || list.get()></textarea>
            <button type="submit" class="pc-button pc-button--primary">{w.save_origins}</button>
            {said(status)}
        </form>
    }
}

fn secret() -> impl IntoView {
    let status: Said = RwSignal::new(None);
    let info = RwSignal::new(None::<SecretInfo>);
    let fresh = RwSignal::new(None::<String>);
    spawn_local(async move {
        info.set(api::get::<SecretInfo>("/secret").await.ok());
    });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let grace_hours = field("pc-s-grace").trim().parse().ok();
        spawn_local(async move {
            let body = RotateSecret { grace_hours };
            match api::send::<_, RotatedSecret>("POST", "/secret/rotate", &body).await {
                Ok(r) => {
                    fresh.set(Some(r.secret));
                    info.set(Some(r.info));
                    status.set(Some(Ok(words().rotated.into())));
                }
                Err(failed) => status.set(Some(Err(failed.0))),
            }
        });
    };
    let w = words();
    view! {
        <form class="pc-card" on:submit=submit aria-labelledby="pc-s-secret">
            <h2 id="pc-s-secret" class="pc-label">{w.identity_secret}</h2>
            {move || info.get().map(|i| view! {
                <p>{fill_in(w.secret_made, &[("time", &short_time(&i.created_at))])}
                    {i.previous_verifies_until.map(|u| format!("; {}", fill_in(w.previous_verifies, &[("time", &short_time(&u))])))}</p>
            })}
            <label for="pc-s-grace">{w.grace_label}</label>
            <input id="pc-s-grace" inputmode="numeric" value="24" />
            <button type="submit" class="pc-button">{w.rotate}</button>
            {move || fresh.get().map(|s| view! { <p>{w.new_secret} " " <code class="pc-secret">{s}</code></p> })}
            {said(status)}
        </form>
    }
}

fn team() -> impl IntoView {
    let status: Said = RwSignal::new(None);
    let agents = RwSignal::new(Vec::new());
    let load = move || {
        spawn_local(async move {
            if let Ok(list) = api::get::<AgentInfoList>("/agents").await {
                agents.set(list.agents);
            }
        })
    };
    load();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let invite = InviteAgent {
            email: field("pc-s-invite"),
            name: Some(field("pc-s-invite-name")).filter(|n| !n.trim().is_empty()),
            role: Some(field("pc-s-invite-role")),
        };
        spawn_local(async move {
            match api::send::<_, Invited>("POST", "/agents", &invite).await {
                Ok(i) => {
                    let w = words();
                    let email: (&str, &dyn std::fmt::Display) = ("email", &i.agent.email);
                    let how = if i.emailed {
                        fill_in(w.invited_emailed, &[email])
                    } else {
                        fill_in(w.invited_link, &[email, ("url", &i.invitation_url)])
                    };
                    status.set(Some(Ok(how)));
                    load();
                }
                Err(failed) => status.set(Some(Err(failed.0))),
            }
        });
    };
    let w = words();
    view! {
        <form class="pc-card" on:submit=submit aria-labelledby="pc-s-team">
            <h2 id="pc-s-team" class="pc-label">{w.team}</h2>
            <ul class="pc-team">
                {move || agents.get().into_iter().map(|a| {
                    let me = a.email == page_meta("ph-email");
                    let email = a.email.clone();
                    let target = format!("/agents/{}", crate::logic::encode(&a.email));
                    let role_target = target.clone();
                    let other_role = if a.role == "admin" { "agent" } else { "admin" };
                    let make = fill_in(w.make_role, &[("role", &w.role(other_role))]);
                    let remove_label = fill_in(w.remove_named, &[("name", &email)]);
                    view! {
                        <li>{a.name} " · " {a.email.clone()} " · " {w.role(&a.role).to_owned()}
                            {(!a.active).then(|| format!(" · {}", w.invited_mark))}
                            {(!a.available).then(|| format!(" · {}", w.away_mark))}
                            {(!me).then(|| view! {
                                " "
                                <button type="button" class="pc-button pc-button--small" on:click=move |_| {
                                    let target = role_target.clone();
                                    let body = ChangeAgent { role: other_role.to_owned() };
                                    spawn_local(async move {
                                        match api::send::<_, AgentInfo>("PATCH", &target, &body).await {
                                            Ok(_) => load(),
                                            Err(failed) => status.set(Some(Err(failed.0))),
                                        }
                                    });
                                }>{make}</button>
                                " "
                                <button type="button" class="pc-button pc-button--small" aria-label=remove_label on:click=move |_| {
                                    let target = target.clone();
                                    spawn_local(async move {
                                        match api::delete(&target).await {
                                            Ok(()) => load(),
                                            Err(failed) => status.set(Some(Err(failed.0))),
                                        }
                                    });
                                }>{w.remove}</button>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <label for="pc-s-invite">{w.invite_label}</label>
            <input id="pc-s-invite" type="email" required />
            <label for="pc-s-invite-name">{w.invite_name}</label>
            <input id="pc-s-invite-name" />
            <label for="pc-s-invite-role">{w.role_label}</label>
            <select id="pc-s-invite-role">
                <option value="agent">{w.role_agent_option}</option>
                <option value="admin">{w.role_admin_option}</option>
            </select>
            <button type="submit" class="pc-button pc-button--primary">{w.invite}</button>
            {said(status)}
        </form>
    }
}

fn snippet() -> impl IntoView {
    let origin = window().location().origin().unwrap_or_default();
    let workspace = page_meta("ph-workspace");
    let code = format!(
        "<script src=\"{origin}/loader.js\" data-workspace=\"{workspace}\" async></script>"
    );
    let w = words();
    let (before, after) = porthole_text::around(w.embed_hint, "head");
    view! {
        <section class="pc-card" aria-labelledby="pc-s-snippet">
            <h2 id="pc-s-snippet" class="pc-label">{w.embed}</h2>
            <p>{before} <code>"<head>"</code> {after}</p>
            <pre class="pc-snippet"><code>{code}</code></pre>
        </section>
    }
}
