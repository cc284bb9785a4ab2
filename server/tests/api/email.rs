//! Email out, to a real SMTP server on loopback: what each kind of email says, how they thread,
//! the five-minute wait for widget replies, fresh links, one-click unsubscribe, and that no page
//! promises an email while email is off.

use std::time::Duration;

use reqwest::{header, Method, StatusCode};
use serde_json::json;

use crate::helpers::{Options, RequestExt, TestApp};
use crate::smtp::Mail;

async fn with_email() -> TestApp {
    TestApp::spawn_with(Options {
        email: true,
        ..Options::default()
    })
    .await
}

/// Submits the portal form as a browser would; returns the new ticket's reference.
pub async fn submit(app: &TestApp, email: &str, subject: &str) -> String {
    let res = app
        .pages()
        .post(format!("{}/p/acme/submit", app.base))
        .header("Origin", &app.base)
        .form(&[
            ("name", "Ada Lovelace"),
            ("email", email),
            ("subject", subject),
            ("description", "The engine stopped."),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let page = res.text().await.unwrap();
    let start = page.find("TKT-").expect("a reference");
    page[start..start + 8].to_owned()
}

async fn agent_reply(app: &TestApp, key: &str, reference: &str, body: &str) {
    let res = app
        .agent(Method::POST, &format!("/tickets/{reference}/messages"), key)
        .json(&json!({ "body": body, "author_name": "Ann" }))
        .go()
        .await;
    assert!(res.status().is_success());
}

fn to<'a>(who: &'a str, kind: &'a str) -> impl Fn(&Mail) -> bool + 'a {
    move |m: &Mail| m.to == who && m.text.contains(kind)
}

#[tokio::test]
async fn a_portal_ticket_is_confirmed_by_email_with_a_tracking_link_that_works() {
    let app = with_email().await;
    let reference = submit(&app, "ada@example.com", "Engine stopped").await;

    let mail = app.mail().wait_for(|m| m.to == "ada@example.com").await;
    assert_eq!(mail.subject, format!("[{reference}] Engine stopped"));
    assert!(mail.text.contains(&reference), "{}", mail.text);
    assert_eq!(
        mail.header("Auto-Submitted").as_deref(),
        Some("auto-generated")
    );
    assert!(mail.html.contains(&reference));

    let link = mail.link(&format!("{}/p/acme/tickets/", app.base));
    let res = app.pages().get(&link).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER, "the link signs in");
    assert!(!res.headers()[header::LOCATION]
        .to_str()
        .unwrap()
        .contains("t="));
}

#[tokio::test]
async fn an_agent_reply_is_emailed_at_once_threaded_under_the_confirmation_formatted_and_sanitised()
{
    let app = with_email().await;
    let key = app.agent_key("Ann").await;
    let reference = submit(&app, "ada@example.com", "Engine stopped").await;
    let confirmation = app.mail().wait_for(|m| m.to == "ada@example.com").await;

    agent_reply(
        &app,
        &key,
        &reference,
        "Try **restarting** it <b onclick=\"alert(1)\">now</b><script>alert(2)</script>",
    )
    .await;
    let reply = app.mail().wait_for(|m| m.text.contains("restarting")).await;
    assert_eq!(reply.to, "ada@example.com");
    assert!(reply.text.contains("Ann replied"), "{}", reply.text);
    assert_eq!(
        reply.in_reply_to.as_deref(),
        Some(confirmation.message_id.as_str())
    );
    // The Markdown is rendered in the HTML copy and kept as written in the text one.
    assert!(
        reply
            .html
            .contains("Try <strong>restarting</strong> it <b>now</b>"),
        "{}",
        reply.html
    );
    assert!(
        reply.text.contains("Try **restarting** it"),
        "{}",
        reply.text
    );
    for bad in ["onclick", "<script", "alert(2)"] {
        assert!(!reply.html.contains(bad), "{bad} in {}", reply.html);
    }
    // A fresh tracking link in each email, and a one-click unsubscribe.
    assert!(reply.text.contains("/p/acme/tickets/"));
    assert_eq!(
        reply.header("List-Unsubscribe-Post").as_deref(),
        Some("List-Unsubscribe=One-Click")
    );
    // Internal notes are never emailed.
    let res = app
        .agent(
            Method::POST,
            &format!("/tickets/{reference}/messages"),
            &key,
        )
        .json(&json!({ "body": "secret note", "internal": true }))
        .go()
        .await;
    assert!(res.status().is_success());
    agent_reply(&app, &key, &reference, "second public reply").await;
    app.mail()
        .wait_for(|m| m.text.contains("second public reply"))
        .await;
    assert!(app
        .mail()
        .received()
        .iter()
        .all(|m| !m.raw.contains("secret note")));
}

#[tokio::test]
async fn a_widget_reply_is_emailed_after_five_minutes_only_if_still_unread() {
    let app = with_email().await;
    let key = app.agent_key("Ann").await;
    let res = app
        .agent(Method::PATCH, "/settings", &key)
        .json(&json!({ "widget_host_url": "https://app.example.com/help" }))
        .go()
        .await;
    assert!(res.status().is_success());
    let token = app.login("ada@example.com").await;
    let ticket = app.new_ticket(&token, "Widget question").await;
    let reference = ticket["reference"].as_str().unwrap();

    agent_reply(&app, &key, reference, "first answer").await;
    app.clock.advance(Duration::from_secs(5 * 60));
    let first = app
        .mail()
        .wait_for(|m| m.text.contains("first answer"))
        .await;
    assert!(
        first.text.contains("https://app.example.com/help"),
        "{}",
        first.text
    );

    // Read in the widget before its email was due: no email.
    agent_reply(&app, &key, reference, "read in time").await;
    let res = app
        .widget(Method::GET, &format!("/tickets/{reference}"), &token)
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    agent_reply(&app, &key, reference, "left unread").await;
    app.clock.advance(Duration::from_secs(5 * 60));
    app.mail()
        .wait_for(|m| m.text.contains("left unread"))
        .await;
    assert!(app
        .mail()
        .received()
        .iter()
        .all(|m| !m.text.contains("read in time")));
}

#[tokio::test]
async fn without_replies_by_email_no_email_says_to_reply_to_it_and_each_leads_to_the_ticket() {
    let app = TestApp::spawn_with(Options {
        email: true,
        no_replies_by_email: true,
        ..Options::default()
    })
    .await;
    let key = app.agent_key("Ann").await;
    // A widget ticket, and no `widget_host_url` set (as in the demo).
    let token = app.login("ada@example.com").await;
    app.new_ticket(&token, "Widget question").await;
    agent_reply(&app, &key, "TKT-0001", "first answer").await;
    app.clock.advance(Duration::from_secs(5 * 60));
    let unread = app
        .mail()
        .wait_for(|m| m.text.contains("first answer"))
        .await;
    // It leads to the ticket's tracking page, which signs the customer in.
    let link = unread.link(&format!("{}/p/acme/tickets/", app.base));
    let res = app.pages().get(&link).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(unread.header("Reply-To").is_none());

    let res = app
        .agent(Method::PATCH, "/tickets/TKT-0001", &key)
        .json(&json!({ "status": "resolved" }))
        .go()
        .await;
    assert!(res.status().is_success());
    let resolved = app
        .mail()
        .wait_for(|m| m.to == "ada@example.com" && m.text.contains("pick it up again"))
        .await;
    assert!(
        resolved.text.contains("reply on the ticket's page"),
        "{}",
        resolved.text
    );
    assert!(!resolved.text.contains("reply to this email"));
    assert!(resolved.header("Reply-To").is_none());
}

#[tokio::test]
async fn the_team_hears_of_new_tickets_and_customer_replies() {
    let app = with_email().await;
    let key = app.agent_key("Ann").await;
    let res = app
        .agent(Method::PATCH, "/settings", &key)
        .json(&json!({ "notification_email": "team@acme.test" }))
        .go()
        .await;
    assert!(res.status().is_success());
    let token = app.login("bob@example.com").await;
    let ticket = app.new_ticket(&token, "Need help").await;
    let reference = ticket["reference"].as_str().unwrap();
    let new = app
        .mail()
        .wait_for(|m| {
            m.to == "team@acme.test" && m.text.contains("New ticket from bob@example.com")
        })
        .await;
    assert!(new.text.contains("About Need help"), "{}", new.text);

    // Assigned to an address: replies go there instead.
    let res = app
        .agent(Method::PATCH, &format!("/tickets/{reference}"), &key)
        .json(&json!({ "assignee": "sam@acme.test" }))
        .go()
        .await;
    assert!(res.status().is_success());
    let res = app
        .widget(
            Method::POST,
            &format!("/tickets/{reference}/messages"),
            &token,
        )
        .json(&json!({ "body": "Any news?" }))
        .go()
        .await;
    assert!(res.status().is_success());
    app.mail()
        .wait_for(to("sam@acme.test", "bob@example.com replied"))
        .await;
}

#[tokio::test]
async fn one_click_unsubscribe_stops_notifications_and_cannot_be_forged() {
    let app = with_email().await;
    let key = app.agent_key("Ann").await;
    let reference = submit(&app, "ada@example.com", "Unsubscribe me").await;
    agent_reply(&app, &key, &reference, "first reply").await;
    let reply = app
        .mail()
        .wait_for(|m| m.text.contains("first reply"))
        .await;
    let header = reply.header("List-Unsubscribe").unwrap();
    let url = header
        .trim_start_matches('<')
        .trim_end_matches('>')
        .to_owned();
    assert!(url.starts_with(&format!("{}/u/acme/", app.base)), "{url}");

    // A forged or altered link does nothing.
    let (base, proof) = url.rsplit_once('/').unwrap();
    let forged = format!("{base}/{}", "0".repeat(proof.len()));
    let other_contact = {
        let (prefix, _) = base.rsplit_once('/').unwrap();
        format!("{prefix}/999/{proof}")
    };
    for bad in [forged, other_contact] {
        let res = app.pages().post(&bad).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{bad}");
    }
    // Following the link only asks; a mail client's one-click POST unsubscribes.
    let page = app.pages().get(&url).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let res = app
        .pages()
        .post(&url)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);

    agent_reply(&app, &key, &reference, "after unsubscribing").await;
    // The next email to arrive is the confirmation of a new ticket, which is still sent.
    let next = submit(&app, "ada@example.com", "A new question").await;
    app.mail()
        .wait_for(|m| m.subject.starts_with(&format!("[{next}]")))
        .await;
    assert!(app
        .mail()
        .received()
        .iter()
        .all(|m| !m.text.contains("after unsubscribing")));
}

#[tokio::test]
async fn a_fresh_link_goes_only_to_the_tickets_own_address_and_the_page_says_the_same_either_way() {
    let app = with_email().await;
    let reference = submit(&app, "ada@example.com", "Lost link").await;
    app.mail().wait_for(|m| m.to == "ada@example.com").await;
    let ask = |email: &'static str| {
        let form = [("email", email), ("reference", reference.as_str())];
        app.pages()
            .post(format!("{}/p/acme/link", app.base))
            .header("Origin", &app.base)
            .form(&form)
            .send()
    };
    let wrong = ask("mallory@example.com").await.unwrap();
    assert_eq!(wrong.status(), StatusCode::OK);
    let wrong = wrong.text().await.unwrap();
    let right = ask("ADA@example.com").await.unwrap().text().await.unwrap();
    assert_eq!(wrong, right, "no way to tell whose ticket it is");

    let mail = app.mail().wait_for(|m| m.text.contains("fresh link")).await;
    assert_eq!(mail.to, "ada@example.com");
    let link = mail.link(&format!("{}/p/acme/tickets/", app.base));
    let res = app.pages().get(&link).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(app
        .mail()
        .received()
        .iter()
        .all(|m| m.to != "mallory@example.com"));

    // A form posted from another site is refused.
    let res = app
        .pages()
        .post(format!("{}/p/acme/link", app.base))
        .header("Origin", "https://evil.example")
        .form(&[
            ("email", "ada@example.com"),
            ("reference", reference.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn with_email_off_no_page_offers_an_email() {
    let off = TestApp::spawn().await;
    let landing = off
        .request(Method::GET, "/p/acme")
        .go()
        .await
        .text()
        .await
        .unwrap();
    assert!(!landing.contains("/p/acme/link"));
    let form = off.request(Method::GET, "/p/acme/link").go().await;
    assert_eq!(form.status(), StatusCode::NOT_FOUND);

    let on = with_email().await;
    let landing = on
        .request(Method::GET, "/p/acme")
        .go()
        .await
        .text()
        .await
        .unwrap();
    assert!(landing.contains("/p/acme/link"));
}

/// `kill -9` while an email waits for a retry: after a restart it is delivered, once.
#[tokio::test]
async fn an_email_pending_at_a_crash_is_delivered_once_after_restart() {
    let site = crate::crash::Site::new();
    let smtp_port = crate::smtp::free_port();
    let smtp_url = format!("smtp://127.0.0.1:{smtp_port}");
    let flags = [
        "--smtp-url",
        &smtp_url,
        "--mail-from",
        "support@porthole.test",
    ];
    let first = site.serve(&flags).await;
    site.submit("Crash test").await;
    // No SMTP server yet: the first attempt fails and a retry is recorded.
    crate::crash::kill_after(first, "will retry");

    let smtp = crate::smtp::Smtp::start_on(smtp_port);
    let mut second = site.serve(&flags).await;
    let mail = smtp.wait_for(|m| m.to == "ada@example.com").await;
    assert!(mail.subject.contains("Crash test"));
    // Once sent, it is marked so: no second copy however long the server runs.
    let store = porthole::store::Store::open(&site.db).await.unwrap();
    crate::crash::until(async || store.mail_backlog().await.unwrap() == 0).await;
    second.kill().unwrap();
    second.wait().unwrap();
    assert_eq!(
        smtp.received()
            .iter()
            .filter(|m| m.to == "ada@example.com")
            .count(),
        1
    );
}

#[tokio::test]
async fn emails_speak_the_language_the_customer_used() {
    let app = with_email().await;
    let res = app
        .pages()
        .post(format!("{}/p/acme/submit?locale=fr", app.base))
        .header("Origin", &app.base)
        .form(&[
            ("name", "Zoé"),
            ("email", "zoe@example.com"),
            ("subject", "Panne"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let mail = app.mail().wait_for(|m| m.to == "zoe@example.com").await;
    assert!(
        mail.text.contains("Nous avons bien reçu votre demande"),
        "{}",
        mail.text
    );

    // A widget user whose browser prefers German gets German.
    let res = app
        .create_session(json!({
            "email": "hans@example.com",
            "verification_hash": app.sign("hans@example.com", None),
            "languages": ["de-DE", "en"],
        }))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let key = app.agent_key("Ann").await;
    // A later session that names no language changes nothing.
    let token = app.login("hans@example.com").await;
    let ticket = app.new_ticket(&token, "Frage").await;
    let reference = ticket["reference"].as_str().unwrap();
    let res = app
        .agent(Method::PATCH, &format!("/tickets/{reference}"), &key)
        .json(&json!({ "status": "resolved" }))
        .go()
        .await;
    assert!(res.status().is_success());
    let resolved = app.mail().wait_for(|m| m.to == "hans@example.com").await;
    assert!(
        resolved.text.contains("als gelöst markiert"),
        "{}",
        resolved.text
    );
}
