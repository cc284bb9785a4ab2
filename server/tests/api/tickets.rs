//! The end-user ticket API: what a user can do with their own tickets, and nothing more.

use std::collections::BTreeSet;

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::helpers::{assert_error, RequestExt, TestApp};

#[tokio::test]
async fn a_new_ticket_starts_open_and_medium_on_the_widget_channel() {
    let app = TestApp::spawn().await;
    let token = app.login("a@b.co").await;
    let res = app
        .widget(Method::POST, "/tickets", &token)
        .json(&json!({ "subject": "  Export fails  ", "description": "Since Monday.", "type": "bug_report" }))
        .go().await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let ticket: Value = res.json().await.unwrap();
    assert_eq!(ticket["reference"], "TKT-0001");
    assert_eq!(ticket["subject"], "Export fails");
    assert_eq!(ticket["status"], "open");
    assert_eq!(ticket["type"], "bug_report");
    assert_eq!(ticket["messages"][0]["body"], "Since Monday.");
    assert_eq!(ticket["messages"][0]["author"], "user");

    let key = app.agent_key("Ann").await;
    let seen: Value = app
        .agent(Method::GET, "/tickets/TKT-0001", &key)
        .value()
        .await;
    assert_eq!(seen["priority"], "medium");
    assert_eq!(seen["channel"], "widget");
    assert_eq!(
        seen["contact"],
        json!({ "email": "a@b.co", "name": "Test User", "metadata": null })
    );
}

#[tokio::test]
async fn references_have_no_gaps_or_duplicates_under_concurrent_creation() {
    let app = TestApp::spawn().await;
    let alice = app.login("alice@b.co").await;
    let bob = app.login("bob@b.co").await;
    let creates = (0..24).map(|i| {
        let token = if i % 2 == 0 { &alice } else { &bob };
        app.widget(Method::POST, "/tickets", token)
            .json(&json!({ "subject": format!("Ticket {i}") }))
            .send()
    });
    let responses = futures_join_all(creates).await;
    let mut refs = BTreeSet::new();
    for res in responses {
        let res = res.unwrap();
        assert_eq!(res.status(), StatusCode::CREATED);
        let t: Value = res.json().await.unwrap();
        refs.insert(t["reference"].as_str().unwrap().to_owned());
    }
    let expected: BTreeSet<String> = (1..=24).map(|n| format!("TKT-{n:04}")).collect();
    assert_eq!(refs, expected);
}

/// Drives request futures concurrently on the test's runtime.
async fn futures_join_all<F: std::future::Future + Send + 'static>(
    futures: impl Iterator<Item = F>,
) -> Vec<F::Output>
where
    F::Output: Send + 'static,
{
    let handles: Vec<_> = futures.map(tokio::spawn).collect();
    let mut out = Vec::new();
    for h in handles {
        out.push(h.await.unwrap());
    }
    out
}

#[tokio::test]
async fn a_retried_create_with_the_same_idempotency_key_makes_one_ticket() {
    let app = TestApp::spawn().await;
    let token = app.login("a@b.co").await;
    let send = || {
        app.widget(Method::POST, "/tickets", &token)
            .header("Idempotency-Key", "retry-123")
            .json(&json!({ "subject": "Double click" }))
            .send()
    };
    let results = futures_join_all((0..6).map(|_| send())).await;
    let mut replays = 0;
    for res in results {
        let res = res.unwrap();
        assert_eq!(res.status(), StatusCode::CREATED);
        if res.headers()["idempotent-replayed"] == "true" {
            replays += 1;
        }
        let t: Value = res.json().await.unwrap();
        assert_eq!(t["reference"], "TKT-0001");
    }
    assert_eq!(replays, 5);
    let list: Value = app.widget(Method::GET, "/tickets", &token).value().await;
    assert_eq!(list["tickets"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn an_idempotency_key_reused_for_a_different_request_is_a_conflict() {
    let app = TestApp::spawn().await;
    let token = app.login("a@b.co").await;
    let send = |subject: &str| {
        app.widget(Method::POST, "/tickets", &token)
            .header("Idempotency-Key", "k1")
            .json(&json!({ "subject": subject }))
            .send()
    };
    assert_eq!(send("First").await.unwrap().status(), StatusCode::CREATED);
    assert_error(
        send("Second").await.unwrap(),
        StatusCode::CONFLICT,
        "idempotency_key_reused",
    )
    .await;
}

#[tokio::test]
async fn idempotency_keys_are_per_user() {
    let app = TestApp::spawn().await;
    let alice = app.login("alice@b.co").await;
    let bob = app.login("bob@b.co").await;
    for token in [&alice, &bob] {
        let res = app
            .widget(Method::POST, "/tickets", token)
            .header("Idempotency-Key", "same")
            .json(&json!({ "subject": "Hi" }))
            .go()
            .await;
        assert_eq!(res.headers()["idempotent-replayed"], "false");
    }
}

#[tokio::test]
async fn the_list_shows_newest_activity_first_with_preview_and_unread() {
    let app = TestApp::spawn().await;
    let token = app.login("a@b.co").await;
    app.new_ticket(&token, "Older").await;
    app.new_ticket(&token, "Newer").await;
    let key = app.agent_key("Ann").await;
    let res = app
        .agent(Method::POST, "/tickets/TKT-0001/messages", &key)
        .json(&json!({ "body": "We are  on it.\nMore soon." }))
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);

    let list: Value = app.widget(Method::GET, "/tickets", &token).value().await;
    let rows = list["tickets"].as_array().unwrap();
    assert_eq!(
        rows[0]["reference"], "TKT-0001",
        "the agent reply made it the most recent"
    );
    assert_eq!(rows[0]["preview"], "We are on it. More soon.");
    assert_eq!(rows[0]["unread"], true);
    assert_eq!(rows[1]["unread"], false);
    assert_eq!(rows[1]["preview"], "About Newer");

    app.widget(Method::GET, "/tickets/TKT-0001", &token)
        .go()
        .await;
    let list: Value = app.widget(Method::GET, "/tickets", &token).value().await;
    assert_eq!(
        list["tickets"][0]["unread"], false,
        "opening it marks it read"
    );
}

#[tokio::test]
async fn a_user_never_sees_internal_notes_nor_is_told_of_them() {
    let app = TestApp::spawn().await;
    let token = app.login("a@b.co").await;
    app.new_ticket(&token, "Billing").await;
    let before: Value = app.widget(Method::GET, "/tickets", &token).value().await;
    let key = app.agent_key("Ann").await;
    app.agent(Method::POST, "/tickets/TKT-0001/messages", &key)
        .json(&json!({ "body": "Customer is on the legacy plan", "internal": true }))
        .go()
        .await;

    let ticket = app
        .widget(Method::GET, "/tickets/TKT-0001", &token)
        .go()
        .await
        .text()
        .await
        .unwrap();
    assert!(!ticket.contains("legacy plan"));
    let after: Value = app.widget(Method::GET, "/tickets", &token).value().await;
    assert_eq!(
        before, after,
        "an internal note changes nothing the user can see"
    );
}

#[tokio::test]
async fn a_reply_reopens_a_resolved_or_waiting_ticket_but_not_an_in_progress_one() {
    let app = TestApp::spawn().await;
    let token = app.login("a@b.co").await;
    let key = app.agent_key("Ann").await;
    for (status, after) in [
        ("resolved", "open"),
        ("waiting", "open"),
        ("in_progress", "in_progress"),
    ] {
        let t = app.new_ticket(&token, status).await;
        let reference = t["reference"].as_str().unwrap();
        app.agent(Method::PATCH, &format!("/tickets/{reference}"), &key)
            .json(&json!({ "status": status }))
            .go()
            .await;
        let res = app
            .widget(
                Method::POST,
                &format!("/tickets/{reference}/messages"),
                &token,
            )
            .json(&json!({ "body": "Still broken" }))
            .go()
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let t: Value = res.json().await.unwrap();
        assert_eq!(t["status"], after, "after replying to a {status} ticket");
        assert_eq!(
            t["messages"].as_array().unwrap().last().unwrap()["body"],
            "Still broken"
        );
    }
}

#[tokio::test]
async fn a_closed_ticket_takes_no_more_replies() {
    let app = TestApp::spawn().await;
    let token = app.login("a@b.co").await;
    let key = app.agent_key("Ann").await;
    app.new_ticket(&token, "Old").await;
    app.agent(Method::PATCH, "/tickets/TKT-0001", &key)
        .json(&json!({ "status": "closed" }))
        .go()
        .await;
    let res = app
        .widget(Method::POST, "/tickets/TKT-0001/messages", &token)
        .json(&json!({ "body": "Hello?" }))
        .go()
        .await;
    assert_error(res, StatusCode::CONFLICT, "ticket_closed").await;
    let t: Value = app
        .agent(Method::GET, "/tickets/TKT-0001", &key)
        .value()
        .await;
    assert_eq!(
        t["messages"].as_array().unwrap().len(),
        1,
        "nothing was written"
    );
}

#[tokio::test]
async fn another_users_ticket_is_not_found_rather_than_forbidden() {
    let app = TestApp::spawn().await;
    let alice = app.login("alice@b.co").await;
    let mallory = app.login("mallory@b.co").await;
    app.new_ticket(&alice, "Private").await;

    let read = app
        .widget(Method::GET, "/tickets/TKT-0001", &mallory)
        .go()
        .await;
    let missing = app
        .widget(Method::GET, "/tickets/TKT-0099", &mallory)
        .go()
        .await;
    let read_body = assert_error(read, StatusCode::NOT_FOUND, "not_found").await;
    let missing_body = assert_error(missing, StatusCode::NOT_FOUND, "not_found").await;
    assert_eq!(
        read_body, missing_body,
        "a real reference and a made-up one look alike"
    );

    let reply = app
        .widget(Method::POST, "/tickets/TKT-0001/messages", &mallory)
        .json(&json!({ "body": "pwned" }))
        .go()
        .await;
    assert_error(reply, StatusCode::NOT_FOUND, "not_found").await;
    let list: Value = app.widget(Method::GET, "/tickets", &mallory).value().await;
    assert_eq!(list["tickets"], json!([]));

    let t: Value = app
        .widget(Method::GET, "/tickets/TKT-0001", &alice)
        .value()
        .await;
    assert!(!t.to_string().contains("pwned"));
}

#[tokio::test]
async fn another_workspaces_ticket_is_not_found() {
    let app = TestApp::spawn().await;
    let secret = app
        .other_workspace("globex", "https://globex.example")
        .await;
    let res = app
        .request(Method::POST, "/api/v1/widget/globex/session")
        .header("Origin", "https://globex.example")
        .json(&json!({ "email": "a@b.co", "verification_hash": porthole_identity::sign(secret.as_bytes(), "a@b.co", None) }))
        .go().await;
    let globex: Value = res.json().await.unwrap();
    let globex_token = globex["token"].as_str().unwrap();
    let created = app
        .request(Method::POST, "/api/v1/widget/globex/tickets")
        .bearer_auth(globex_token)
        .json(&json!({ "subject": "Globex only" }))
        .go()
        .await;
    assert_eq!(created.status(), StatusCode::CREATED);

    // The same email in acme has its own, empty, ticket space with its own numbering.
    let acme = app.login("a@b.co").await;
    let res = app
        .widget(Method::GET, "/tickets/TKT-0001", &acme)
        .go()
        .await;
    assert_error(res, StatusCode::NOT_FOUND, "not_found").await;
    let t = app.new_ticket(&acme, "Acme one").await;
    assert_eq!(t["reference"], "TKT-0001");
}

#[tokio::test]
async fn invalid_ticket_fields_are_named_in_the_error() {
    let app = TestApp::spawn().await;
    let token = app.login("a@b.co").await;
    let cases = [
        (json!({ "subject": "" }), "subject"),
        (json!({ "subject": "x".repeat(201) }), "subject"),
        (
            json!({ "subject": "ok", "description": "x".repeat(5001) }),
            "description",
        ),
    ];
    for (body, field) in cases {
        let res = app
            .widget(Method::POST, "/tickets", &token)
            .json(&body)
            .go()
            .await;
        let err = assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field").await;
        assert_eq!(err["error"]["field"], field);
    }
    let res = app
        .widget(Method::POST, "/tickets", &token)
        .json(&json!({ "subject": "ok", "type": "rant" }))
        .go()
        .await;
    assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_body").await;
    app.new_ticket(&token, "Real").await;
    let res = app
        .widget(Method::POST, "/tickets/TKT-0001/messages", &token)
        .json(&json!({ "body": "   " }))
        .go()
        .await;
    let err = assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field").await;
    assert_eq!(err["error"]["field"], "body");
}

#[tokio::test]
async fn a_failed_create_leaves_nothing_behind_and_burns_no_reference() {
    let app = TestApp::spawn().await;
    let token = app.login("a@b.co").await;
    let res = app
        .widget(Method::POST, "/tickets", &token)
        .header("Idempotency-Key", "k")
        .json(&json!({ "subject": "x".repeat(201) }))
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = app
        .widget(Method::POST, "/tickets", &token)
        .header("Idempotency-Key", "k")
        .json(&json!({ "subject": "Fixed subject" }))
        .go()
        .await;
    assert_eq!(
        res.headers()["idempotent-replayed"],
        "false",
        "the failed attempt did not claim the key"
    );
    let t: Value = res.json().await.unwrap();
    assert_eq!(t["reference"], "TKT-0001");
}
