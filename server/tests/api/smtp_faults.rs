//! An SMTP server that refuses a mailbox or never answers: the email is given up on or retried,
//! the rest still go, and admins see what was not delivered (the email screen, `/metrics`).

use std::time::Duration;

use porthole::store::KeyRole;
use reqwest::{Method, StatusCode};
use serde_json::Value;

use crate::email::submit;
use crate::helpers::{silent_server, Options, RequestExt, TestApp};

/// Waits (up to 10 s) for the email screen's undelivered list to satisfy `done`.
async fn undelivered(app: &TestApp, admin: &str, done: impl Fn(&[Value]) -> bool) -> Vec<Value> {
    let wait = async {
        loop {
            let setup = app.agent(Method::GET, "/email", admin).value().await;
            let list = setup["undelivered"].as_array().unwrap().clone();
            if done(&list) {
                return list;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    };
    tokio::time::timeout(Duration::from_secs(10), wait)
        .await
        .expect("the undelivered list never got there")
}

#[tokio::test]
async fn a_mailbox_the_server_refuses_is_given_up_at_once_shown_to_admins_and_the_rest_still_go() {
    let app = TestApp::spawn_with(Options {
        email: true,
        metrics_token: Some("scrape-secret-0123456789"),
        ..Options::default()
    })
    .await;
    let admin = app.key_with_role("Ann", KeyRole::Admin).await;
    submit(&app, "bounce@example.com", "Lost").await;
    submit(&app, "ada@example.com", "Found").await;
    app.mail().wait_for(|m| m.to == "ada@example.com").await;

    let list = undelivered(&app, &admin, |l| !l.is_empty()).await;
    assert_eq!(list.len(), 1, "{list:?}");
    let refused = &list[0];
    assert_eq!(refused["ticket"], "TKT-0001");
    assert_eq!(refused["recipient"], "bounce@example.com");
    assert!(
        refused["reason"].as_str().unwrap().contains("550"),
        "{refused}"
    );
    assert_eq!(refused["attempts"], 1);
    assert!(refused["given_up_at"].is_string(), "{refused}");
    assert!(refused["next_attempt_at"].is_null(), "a 550 is not retried");

    let metrics = app
        .request(Method::GET, "/metrics")
        .bearer_auth("scrape-secret-0123456789")
        .go()
        .await
        .text()
        .await
        .unwrap();
    assert!(
        metrics.contains("porthole_mail_undelivered_total 1\n"),
        "{metrics}"
    );

    // A day later the refused email has not been tried again, while new ones still go.
    app.clock.advance(Duration::from_secs(26 * 3600));
    submit(&app, "bo@example.com", "Later").await;
    app.mail().wait_for(|m| m.to == "bo@example.com").await;
    let list = undelivered(&app, &admin, |_| true).await;
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0]["attempts"], 1);

    // An agent who is not an admin does not see the email screen, but sees on the ticket
    // itself that its customer never got the email; a ticket whose email went shows nothing.
    let agent = app.key_with_role("Bo", KeyRole::Agent).await;
    let res = app.agent(Method::GET, "/email", &agent).go().await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let lost = app
        .agent(Method::GET, "/tickets/TKT-0001", &agent)
        .value()
        .await;
    let on_ticket = lost["undelivered_emails"].as_array().unwrap();
    assert_eq!(on_ticket.len(), 1, "{lost}");
    assert_eq!(on_ticket[0]["recipient"], "bounce@example.com");
    assert_eq!(on_ticket[0]["reason"], refused["reason"]);
    let found = app
        .agent(Method::GET, "/tickets/TKT-0002", &agent)
        .value()
        .await;
    assert_eq!(found["undelivered_emails"], serde_json::json!([]));
}

#[tokio::test]
async fn an_smtp_server_that_never_answers_holds_each_email_no_longer_than_the_timeout() {
    let (port, accepted) = silent_server().await;
    let app = TestApp::spawn_with(Options {
        smtp_url: Some(format!("smtp://127.0.0.1:{port}")),
        ..Options::default()
    })
    .await;
    let admin = app.key_with_role("Ann", KeyRole::Admin).await;
    submit(&app, "ada@example.com", "First").await;
    submit(&app, "bo@example.com", "Second").await;

    // Both are tried, one after the other, each failing after its second: the first did not
    // hold the second up for ever.
    let list = undelivered(&app, &admin, |l| l.len() == 2).await;
    for email in &list {
        assert_eq!(
            email["reason"],
            "the SMTP server did not take the email within 1 s"
        );
        assert_eq!(email["attempts"], 1);
        assert!(
            email["next_attempt_at"].is_string(),
            "retried later: {email}"
        );
        assert!(email["given_up_at"].is_null());
    }
    assert!(accepted.load(std::sync::atomic::Ordering::SeqCst) >= 2);
}
