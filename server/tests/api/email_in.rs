//! Replies by email: the Reply-To of a real email (sent to aiosmtpd), answered through the
//! inbound endpoint as a mail provider's hook would post it.

use porthole::store::KeyRole;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::helpers::{assert_error, references, Options, RequestExt, TestApp};
use crate::smtp::Mail;

struct Inbound {
    app: TestApp,
    key: String,
    secret: String,
    reference: String,
}

/// A portal ticket for ada@example.com with an agent's reply emailed to her.
async fn replied_ticket() -> (Inbound, Mail) {
    let app = TestApp::spawn_with(Options {
        email: true,
        ..Options::default()
    })
    .await;
    let ws = app.store.workspace_by_slug("acme").await.unwrap().unwrap();
    let secret = porthole_core::secrets::new_inbound(&app.store, ws.id)
        .await
        .unwrap();
    let secret = secrecy::ExposeSecret::expose_secret(&secret).to_owned();
    let key = app.agent_key("Ann").await;
    app.submit_portal("ada@example.com", "Engine").await;
    let reference = "TKT-0001".to_owned();
    let res = app
        .agent(
            Method::POST,
            &format!("/tickets/{reference}/messages"),
            &key,
        )
        .json(&json!({ "body": "Try restarting it", "status": "resolved" }))
        .go()
        .await;
    assert!(res.status().is_success());
    let mail = app
        .mail()
        .wait_for(|m| m.text.contains("Try restarting"))
        .await;
    (
        Inbound {
            app,
            key,
            secret,
            reference,
        },
        mail,
    )
}

fn reply_to(mail: &Mail) -> String {
    let header = mail.header("Reply-To").expect("a Reply-To address");
    header.trim_matches(|c| c == '<' || c == '>').to_owned()
}

/// A reply as a mail client writes it: new text above the quoted email.
fn answer(from: &str, to: &str, message_id: &str, text: &str) -> String {
    format!(
        "From: Ada Lovelace <{from}>\r\nTo: {to}\r\nSubject: Re: [TKT-0001] Engine\r\n\
         Message-ID: <{message_id}>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\
         {text}\r\n\r\nOn Mon, 3 Nov 2026 at 10:00, Acme <support@porthole.test> wrote:\r\n\
         > ##- Please type your reply above this line -##\r\n> Try restarting it\r\n"
    )
}

impl Inbound {
    async fn post(&self, raw: impl Into<reqwest::Body>) -> reqwest::Response {
        self.app
            .request(Method::POST, "/api/v1/inbound/acme")
            .bearer_auth(&self.secret)
            .header("Content-Type", "message/rfc822")
            .body(raw)
            .go()
            .await
    }

    async fn ticket(&self) -> Value {
        self.app
            .agent(
                Method::GET,
                &format!("/tickets/{}", self.reference),
                &self.key,
            )
            .value()
            .await
    }
}

fn user_messages(ticket: &Value) -> Vec<String> {
    ticket["messages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["author"] == "user")
        .map(|m| m["body"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn a_reply_by_email_continues_the_ticket_without_the_quoted_history_and_reopens_it() {
    let (inbound, mail) = replied_ticket().await;
    assert!(mail
        .text
        .starts_with("##- Please type your reply above this line -##"));
    assert!(mail.text.contains("You can also reply to this email."));
    let to = reply_to(&mail);
    assert!(
        to.starts_with("reply+") && to.ends_with("@inbound.porthole.test"),
        "{to}"
    );

    let raw = answer(
        "ada@example.com",
        &to,
        "r1@example.com",
        "Thanks, it runs again.",
    );
    let res = inbound.post(raw.clone()).await;
    assert_eq!(res.status(), StatusCode::OK);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body, json!({ "status": "accepted", "ticket": "TKT-0001" }));
    let ticket = inbound.ticket().await;
    assert_eq!(user_messages(&ticket), ["Thanks, it runs again."]);
    assert_eq!(
        ticket["status"], "open",
        "a reply reopens a resolved ticket"
    );

    // The provider delivers it again: still one reply.
    let again: Value = inbound.post(raw).await.json().await.unwrap();
    assert_eq!(again["status"], "duplicate");
    assert_eq!(user_messages(&inbound.ticket().await).len(), 1);
}

#[tokio::test]
async fn another_sender_using_the_customers_message_id_first_does_not_swallow_her_reply() {
    let (inbound, mail) = replied_ticket().await;
    // Mallory guesses (or copies) the Message-ID Ada's mail client will use, and sends first.
    let first = new_email("mallory@example.com", "r1@example.com", "Hello", "");
    let taken: Value = inbound.post(first).await.json().await.unwrap();
    assert_eq!(taken, json!({ "status": "accepted", "ticket": "TKT-0002" }));

    let real = answer(
        "ada@example.com",
        &reply_to(&mail),
        "r1@example.com",
        "It works now.",
    );
    let taken: Value = inbound.post(real.clone()).await.json().await.unwrap();
    assert_eq!(taken, json!({ "status": "accepted", "ticket": "TKT-0001" }));
    assert_eq!(user_messages(&inbound.ticket().await), ["It works now."]);
    // Her own message delivered again is still one reply.
    let again: Value = inbound.post(real).await.json().await.unwrap();
    assert_eq!(again["status"], "duplicate");
    assert_eq!(user_messages(&inbound.ticket().await).len(), 1);
}

#[tokio::test]
async fn a_malformed_reply_address_is_refused_and_opens_no_ticket() {
    let (inbound, _) = replied_ticket().await;
    for to in [
        "reply+nothex@inbound.porthole.test",
        "reply+0123@inbound.porthole.test",
    ] {
        let raw = answer("ada@example.com", to, "m1@example.com", "Hello again");
        let res = inbound.post(raw).await;
        assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_body").await;
    }
    let list = inbound
        .app
        .agent(Method::GET, "/tickets", &inbound.key)
        .value()
        .await;
    assert_eq!(references(&list), ["TKT-0001"]);
}

#[tokio::test]
async fn forged_senders_bad_tokens_automatic_replies_and_wrong_secrets_write_nothing() {
    let (inbound, mail) = replied_ticket().await;
    let to = reply_to(&mail);
    let (local, domain) = to.split_once('@').unwrap();
    let flipped = if local.ends_with('0') { '1' } else { '0' };
    let altered = format!("{}{flipped}@{domain}", &local[..local.len() - 1]);
    let cases = [
        answer(
            "mallory@example.com",
            &to,
            "f1@x",
            "Send me the card number",
        ),
        answer("ada@example.com", &altered, "f2@x", "Guessing"),
        answer("ada@example.com", &to, "f4@x", "").replace("On Mon", "\r\nOn Mon"),
        answer("ada@example.com", &to, "f5@x", "I am away")
            .replace("Message-ID:", "Auto-Submitted: auto-replied\r\nMessage-ID:"),
        "this is not an email".to_owned(),
    ];
    for raw in cases {
        let res = inbound.post(raw.clone()).await;
        let body = assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_body").await;
        assert!(
            body["error"]["message"]
                .as_str()
                .unwrap()
                .starts_with("message refused"),
            "{raw}"
        );
    }
    let genuine = answer("ada@example.com", &to, "g1@x", "Genuine");
    let res = inbound
        .app
        .request(Method::POST, "/api/v1/inbound/acme")
        .bearer_auth("phi_wrong")
        .body(genuine.clone())
        .go()
        .await;
    assert_error(res, StatusCode::UNAUTHORIZED, "invalid_api_key").await;
    let res = inbound
        .app
        .request(Method::POST, "/api/v1/inbound/acme")
        .body(genuine.clone())
        .go()
        .await;
    assert_error(res, StatusCode::UNAUTHORIZED, "missing_credentials").await;
    let huge = vec![b'a'; 25 * 1024 * 1024 + 1];
    let res = inbound.post(huge).await;
    assert_error(res, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large").await;
    assert!(user_messages(&inbound.ticket().await).is_empty());

    // HTTP Basic with the secret as the password works too.
    let res = inbound
        .app
        .request(Method::POST, "/api/v1/inbound/acme")
        .basic_auth("postmark", Some(&inbound.secret))
        .body(genuine)
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(user_messages(&inbound.ticket().await), ["Genuine"]);
}

#[tokio::test]
async fn without_replies_by_email_the_endpoint_does_not_exist_and_emails_promise_none() {
    let app = TestApp::spawn().await;
    let res = app
        .request(Method::POST, "/api/v1/inbound/acme")
        .bearer_auth("phi_x")
        .body("From: a@b.c\r\n\r\nhi")
        .go()
        .await;
    assert_error(res, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn files_sent_by_email_are_kept_under_the_same_rules_as_uploads() {
    use base64::Engine;
    let (inbound, mail) = replied_ticket().await;
    let to = reply_to(&mail);
    let b64 = |bytes: &[u8]| base64::engine::general_purpose::STANDARD.encode(bytes);
    let pdf = b"%PDF-1.4\n%%EOF\n";
    let exe = b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff";
    let raw = format!(
        "From: Ada <ada@example.com>\r\nTo: {to}\r\nSubject: Re: [TKT-0001] Engine\r\n\
         Message-ID: <files@example.com>\r\nMIME-Version: 1.0\r\n\
         Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n\
         --b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThe log and the setup file.\r\n\
         --b\r\nContent-Type: application/pdf; name=\"log.pdf\"\r\n\
         Content-Disposition: attachment; filename=\"log.pdf\"\r\n\
         Content-Transfer-Encoding: base64\r\n\r\n{}\r\n\
         --b\r\nContent-Type: image/png; name=\"../../photo.png\"\r\n\
         Content-Disposition: attachment; filename=\"../../photo.png\"\r\n\
         Content-Transfer-Encoding: base64\r\n\r\n{}\r\n--b--\r\n",
        b64(pdf),
        b64(exe),
    );
    let res = inbound.post(raw).await;
    assert_eq!(res.status(), StatusCode::OK);
    let ticket = inbound.ticket().await;
    let reply = ticket["messages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["author"] == "user")
        .unwrap()
        .clone();
    assert_eq!(reply["body"], "The log and the setup file.");
    let files = reply["attachments"].as_array().unwrap();
    assert_eq!(files.len(), 1, "the executable is dropped: {files:?}");
    assert_eq!(files[0]["name"], "log.pdf");
    assert_eq!(files[0]["content_type"], "application/pdf");
    let res = inbound
        .app
        .agent(
            Method::GET,
            &format!("/attachments/{}", files[0]["id"].as_str().unwrap()),
            &inbound.key,
        )
        .go()
        .await;
    assert_eq!(res.bytes().await.unwrap().as_ref(), pdf);
}

/// An email to the support address, as a mail client writes a new one.
fn new_email(from: &str, message_id: &str, subject: &str, extra_headers: &str) -> String {
    format!(
        "From: Bea <{from}>\r\nTo: support@acme.example\r\nSubject: {subject}\r\n\
         Message-ID: <{message_id}>\r\n{extra_headers}Content-Type: text/plain; charset=utf-8\r\n\r\n\
         The export button does nothing.\r\n\r\n-- \r\nBea, Acme customer\r\n"
    )
}

#[tokio::test]
async fn an_email_to_the_support_address_opens_a_ticket_once_and_its_answers_continue_it() {
    let (inbound, _) = replied_ticket().await;
    let raw = new_email("bea@example.com", "n1@example.com", "Export broken", "");
    let res = inbound.post(raw.clone()).await;
    assert_eq!(res.status(), StatusCode::OK);
    let taken: Value = res.json().await.unwrap();
    assert_eq!(taken, json!({ "status": "accepted", "ticket": "TKT-0002" }));
    let ticket = inbound
        .app
        .agent(Method::GET, "/tickets/TKT-0002", &inbound.key)
        .value()
        .await;
    assert_eq!(ticket["subject"], "Export broken");
    assert_eq!(ticket["channel"], "email");
    assert_eq!(ticket["contact"]["email"], "bea@example.com");
    assert_eq!(ticket["contact"]["name"], "Bea");
    assert!(ticket["description"]
        .as_str()
        .unwrap()
        .starts_with("The export button does nothing."));

    // Delivered twice: still one ticket.
    let again: Value = inbound.post(raw).await.json().await.unwrap();
    assert_eq!(
        again,
        json!({ "status": "duplicate", "ticket": "TKT-0002" })
    );

    // Her next email answers the first (References): it continues TKT-0002.
    let follow = new_email(
        "bea@example.com",
        "n2@example.com",
        "Re: Export broken",
        "In-Reply-To: <n1@example.com>\r\nReferences: <n1@example.com>\r\n",
    )
    .replace("The export button does nothing.", "Still broken today.");
    let taken: Value = inbound.post(follow).await.json().await.unwrap();
    assert_eq!(taken["ticket"], "TKT-0002");
    let ticket = inbound
        .app
        .agent(Method::GET, "/tickets/TKT-0002", &inbound.key)
        .value()
        .await;
    assert_eq!(
        ticket["messages"].as_array().unwrap().last().unwrap()["body"],
        "Still broken today."
    );

    // Someone else answering the same thread opens a ticket of their own instead.
    let other = new_email(
        "eve@example.com",
        "n3@example.com",
        "Re: Export broken",
        "References: <n1@example.com>\r\n",
    );
    let taken: Value = inbound.post(other).await.json().await.unwrap();
    assert_eq!(taken["ticket"], "TKT-0003");
}

#[tokio::test]
async fn lists_bulk_mail_bounces_and_porthole_itself_never_open_tickets() {
    let (inbound, _) = replied_ticket().await;
    let cases = [
        new_email(
            "news@example.com",
            "b1@x",
            "Weekly news",
            "Precedence: bulk\r\n",
        ),
        new_email(
            "list@example.com",
            "b2@x",
            "[dev] hello",
            "List-Id: <dev.example.com>\r\n",
        ),
        new_email("MAILER-DAEMON@example.com", "b3@x", "Undelivered Mail", ""),
        new_email(
            "bea@example.com",
            "b4@x",
            "Out of office",
            "Auto-Submitted: auto-replied\r\n",
        ),
        new_email("support@porthole.test", "b5@x", "Loop?", ""),
        new_email("reply+0123@inbound.porthole.test", "b6@x", "Loop?", ""),
    ];
    for raw in cases {
        let res = inbound.post(raw.clone()).await;
        assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_body").await;
    }
    let list = inbound
        .app
        .agent(Method::GET, "/tickets", &inbound.key)
        .value()
        .await;
    assert_eq!(list["total"], 1, "only the first ticket: {list}");
}

#[tokio::test]
async fn one_sender_opens_at_most_ten_tickets_an_hour_by_email() {
    let (inbound, _) = replied_ticket().await;
    for i in 0..10 {
        let raw = new_email(
            "flood@example.com",
            &format!("f{i}@x"),
            &format!("Spam {i}"),
            "",
        );
        assert_eq!(inbound.post(raw).await.status(), StatusCode::OK);
    }
    let res = inbound
        .post(new_email("flood@example.com", "f10@x", "Spam 10", ""))
        .await;
    assert!(res.headers().contains_key("retry-after"));
    assert_error(res, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
    // The widget allowance of the same address is untouched.
    let token = inbound.app.login("flood@example.com").await;
    inbound.app.new_ticket(&token, "Real question").await;
}

#[tokio::test]
async fn a_new_email_is_answered_once_a_day_with_its_reference_a_tracking_link_and_the_widget() {
    let (inbound, _) = replied_ticket().await;
    let app = &inbound.app;
    let res = app
        .agent(Method::PATCH, "/settings", &inbound.key)
        .json(&json!({ "email_auto_response": true, "widget_host_url": "https://app.example.com/help" }))
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let raw = new_email("bea@example.com", "a1@example.com", "Export broken", "");
    assert_eq!(inbound.post(raw).await.status(), StatusCode::OK);

    let auto = app.mail().wait_for(|m| m.to == "bea@example.com").await;
    assert_eq!(
        auto.header("Auto-Submitted").as_deref(),
        Some("auto-replied")
    );
    assert!(auto.subject.starts_with("[TKT-0002]"), "{}", auto.subject);
    assert!(auto.text.contains("TKT-0002"));
    assert!(
        auto.text.contains("https://app.example.com/help"),
        "{}",
        auto.text
    );
    assert!(auto.link("/p/acme/tickets/TKT-0002?t=").contains("?t="));
    let to = reply_to(&auto);
    assert!(
        to.starts_with("reply+"),
        "a reply to it continues the ticket: {to}"
    );

    // A second new email the same day opens a ticket but gets no second auto-response.
    let raw = new_email("bea@example.com", "a2@example.com", "Another thing", "");
    let taken: Value = inbound.post(raw).await.json().await.unwrap();
    assert_eq!(taken["ticket"], "TKT-0003");
    // An agent's reply on it is emailed after anything queued before it.
    let res = app
        .agent(Method::POST, "/tickets/TKT-0003/messages", &inbound.key)
        .json(&json!({ "body": "Looking at it" }))
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    app.mail()
        .wait_for(|m| m.text.contains("Looking at it"))
        .await;
    let autos = app
        .mail()
        .received()
        .into_iter()
        .filter(|m| m.header("Auto-Submitted").as_deref() == Some("auto-replied"))
        .count();
    assert_eq!(autos, 1);

    // Its answer by a mail system's auto-responder is not taken in: no loop.
    let bounce_back = answer("bea@example.com", &to, "ooo@example.com", "I am on holiday")
        .replace("Message-ID:", "Auto-Submitted: auto-replied\r\nMessage-ID:");
    let res = inbound.post(bounce_back).await;
    assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_body").await;
}

#[tokio::test]
async fn those_copied_on_an_email_hear_of_replies_answer_by_email_and_stop_when_taken_off() {
    let (inbound, _) = replied_ticket().await;
    let app = &inbound.app;
    // Bea writes in and copies Cy, Porthole's own addresses and herself.
    let cc = "Cc: Cy <cy@example.com>, support@porthole.test, \
              reply@inbound.porthole.test, bea@example.com\r\n";
    let raw = new_email("bea@example.com", "c1@example.com", "Export broken", cc);
    let taken: Value = inbound.post(raw).await.json().await.unwrap();
    assert_eq!(taken["ticket"], "TKT-0002");
    let ticket = app
        .agent(Method::GET, "/tickets/TKT-0002", &inbound.key)
        .value()
        .await;
    let copied = ticket["participants"].as_array().unwrap();
    assert_eq!(copied.len(), 1, "{copied:?}");
    assert_eq!(copied[0]["email"], "cy@example.com");
    assert_eq!(copied[0]["added_by"], "email");

    // The agent's answer reaches both, each with a reply address of their own.
    let res = app
        .agent(Method::POST, "/tickets/TKT-0002/messages", &inbound.key)
        .json(&json!({ "body": "We are on it" }))
        .go()
        .await;
    assert!(res.status().is_success());
    let to_cy = app
        .mail()
        .wait_for(|m| m.to == "cy@example.com" && m.text.contains("We are on it"))
        .await;
    let to_bea = app
        .mail()
        .wait_for(|m| m.to == "bea@example.com" && m.text.contains("We are on it"))
        .await;
    assert_ne!(reply_to(&to_cy), reply_to(&to_bea));
    // His link opens the ticket for him, though it is Bea's.
    let link = to_cy.link(&format!("{}/p/acme/tickets/TKT-0002", app.base));
    let res = app.pages().get(&link).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER, "the link signs in");
    let cookie = res.headers()[reqwest::header::SET_COOKIE].to_str().unwrap();
    let cookie = cookie.split(';').next().unwrap().to_owned();
    let page = app
        .pages()
        .get(format!("{}/p/acme/tickets/TKT-0002", app.base))
        .header(reqwest::header::COOKIE, &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.text().await.unwrap().contains("We are on it"));

    // Cy answers from his own address; Bea's address on his token is refused.
    let forged = answer(
        "bea@example.com",
        &reply_to(&to_cy),
        "c2@example.com",
        "Forged",
    );
    let res = inbound.post(forged).await;
    assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_body").await;
    // "Reply all" to Bea's email, with no token, continues her ticket too.
    let all = new_email(
        "cy@example.com",
        "c5@example.com",
        "Re: Export broken",
        "In-Reply-To: <c1@example.com>\r\n",
    )
    .replace("The export button does nothing.", "Mine too.");
    let taken: Value = inbound.post(all).await.json().await.unwrap();
    assert_eq!(taken["ticket"], "TKT-0002");
    let his = answer(
        "cy@example.com",
        &reply_to(&to_cy),
        "c3@example.com",
        "Same here.",
    );
    assert_eq!(inbound.post(his).await.status(), StatusCode::OK);
    let ticket = app
        .agent(Method::GET, "/tickets/TKT-0002", &inbound.key)
        .value()
        .await;
    assert_eq!(user_messages(&ticket).last().unwrap(), "Same here.");

    // Taken off the ticket, his next answer is refused and nothing is written.
    let res = app
        .agent(
            Method::DELETE,
            "/tickets/TKT-0002/participants/cy@example.com",
            &inbound.key,
        )
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let late = answer(
        "cy@example.com",
        &reply_to(&to_cy),
        "c4@example.com",
        "Hello?",
    );
    let res = inbound.post(late).await;
    assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_body").await;
    let ticket = app
        .agent(Method::GET, "/tickets/TKT-0002", &inbound.key)
        .value()
        .await;
    assert_eq!(user_messages(&ticket).last().unwrap(), "Same here.");
    // And the page his link opened is gone for him.
    let page = app
        .pages()
        .get(format!("{}/p/acme/tickets/TKT-0002", app.base))
        .header(reqwest::header::COOKIE, &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn an_admin_sees_how_email_is_set_up_and_a_new_inbound_secret_replaces_the_old_one() {
    let (inbound, _) = replied_ticket().await;
    let app = &inbound.app;
    let admin = app.key_with_role("Admin", KeyRole::Admin).await;
    let setup = app.agent(Method::GET, "/email", &admin).value().await;
    assert_eq!(setup["sending"], true);
    assert_eq!(setup["replies_by_email"], true);
    assert_eq!(setup["inbound_secret_set"], true);
    assert_eq!(
        setup["inbound_url"],
        format!("{}/api/v1/inbound/acme", app.base)
    );
    assert!(
        !setup.to_string().contains(&inbound.secret),
        "the secret is never shown again"
    );
    let agent = app.key_with_role("Ann", KeyRole::Agent).await;
    let res = app.agent(Method::GET, "/email", &agent).go().await;
    assert_error(res, StatusCode::FORBIDDEN, "admin_only").await;
    let res = app
        .agent(Method::POST, "/email/inbound-secret", &agent)
        .go()
        .await;
    assert_error(res, StatusCode::FORBIDDEN, "admin_only").await;

    let res = app
        .agent(Method::POST, "/email/inbound-secret", &admin)
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let fresh: Value = res.json().await.unwrap();
    let fresh = fresh["secret"].as_str().unwrap().to_owned();
    assert!(fresh.starts_with("phi_"));
    let raw = new_email("bea@example.com", "n9@example.com", "Export broken", "");
    let res = inbound.post(raw.clone()).await;
    assert_error(res, StatusCode::UNAUTHORIZED, "invalid_api_key").await;
    let res = app
        .request(Method::POST, "/api/v1/inbound/acme")
        .bearer_auth(&fresh)
        .header("Content-Type", "message/rfc822")
        .body(raw)
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::OK);
}

#[tokio::test]
async fn with_email_off_the_email_screen_says_so() {
    let app = TestApp::spawn().await;
    let admin = app.key_with_role("Admin", KeyRole::Admin).await;
    let setup = app.agent(Method::GET, "/email", &admin).value().await;
    assert_eq!(setup["sending"], false);
    assert_eq!(setup["from"], Value::Null);
    assert_eq!(setup["replies_by_email"], false);
    assert_eq!(setup["inbound_secret_set"], false);
}
