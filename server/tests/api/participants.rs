//! Participants: people copied on a ticket read it, reply and are notified, in their own
//! widget; the host's signature decides whom a user may copy, and an agent's removal ends
//! access at once.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::helpers::{assert_error, references, RequestExt, TestApp};

/// `init` as the loader sends it: the host's `user` object as written, with participants
/// and a hash over them.
async fn init_with(app: &TestApp, email: &str, participants: &[&str], hash: &str) -> Value {
    let res = app
        .create_session(json!({
            "email": email,
            "name": "Ada",
            "verificationHash": hash,
            "participants": participants,
            "avatar": "https://example.com/ada.png",
        }))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    res.json().await.unwrap()
}

fn signed(app: &TestApp, email: &str, participants: &[&str]) -> String {
    porthole_identity::sign_with_participants(app.secret.as_bytes(), email, None, participants)
}

async fn participants_of(app: &TestApp, key: &str, reference: &str) -> Vec<String> {
    let list = app
        .agent(
            Method::GET,
            &format!("/tickets/{reference}/participants"),
            key,
        )
        .value()
        .await;
    list["participants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["email"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn a_participant_the_host_signed_for_reads_and_answers_the_ticket_in_their_own_widget() {
    let app = TestApp::spawn().await;
    let key = app.agent_key("Ann").await;
    let copied = ["bo@example.com"];
    let session = init_with(
        &app,
        "ada@example.com",
        &copied,
        &signed(&app, "ada@example.com", &copied),
    )
    .await;
    assert!(session.get("warnings").is_none(), "{session}");
    let ada = session["token"].as_str().unwrap().to_owned();
    let shared = app.new_ticket(&ada, "Shared with Bo").await;
    let shared = shared["reference"].as_str().unwrap().to_owned();
    // Naming nobody copies nobody.
    let res = app
        .widget(Method::POST, "/tickets", &ada)
        .json(&json!({ "subject": "Private", "participants": [] }))
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let private = res.json::<Value>().await.unwrap()["reference"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        participants_of(&app, &key, &shared).await,
        ["bo@example.com"]
    );
    assert!(participants_of(&app, &key, &private).await.is_empty());

    // Bo signs in to the widget as himself: he sees the shared ticket and nothing else of Ada's.
    let bo = app.login("Bo@Example.com").await;
    let list = app.widget(Method::GET, "/tickets", &bo).value().await;
    assert_eq!(references(&list), [shared.as_str()]);
    let res = app
        .widget(Method::GET, &format!("/tickets/{private}"), &bo)
        .go()
        .await;
    assert_error(res, StatusCode::NOT_FOUND, "not_found").await;

    // He answers; Ada sees his answer under his name.
    let res = app
        .widget(Method::POST, &format!("/tickets/{shared}/messages"), &bo)
        .json(&json!({ "body": "Same problem here." }))
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let seen_by_ada = app
        .widget(Method::GET, &format!("/tickets/{shared}"), &ada)
        .value()
        .await;
    let last = seen_by_ada["messages"].as_array().unwrap().last().unwrap();
    assert_eq!(last["body"], "Same problem here.");
    assert_eq!(last["author_name"], "Test User");

    // An agent's reply is unread for each of them until each opens it.
    let res = app
        .agent(Method::POST, &format!("/tickets/{shared}/messages"), &key)
        .json(&json!({ "body": "Fixed.", "status": "resolved" }))
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let unread = |token: String| {
        let app = &app;
        async move {
            app.widget(Method::GET, "/session", &token).value().await["unread"]
                .as_i64()
                .unwrap()
        }
    };
    assert_eq!(unread(bo.clone()).await, 1);
    assert_eq!(unread(ada.clone()).await, 1);
    let read = app
        .widget(Method::GET, &format!("/tickets/{shared}"), &bo)
        .value()
        .await;
    assert_eq!(unread(bo.clone()).await, 0);
    assert_eq!(unread(ada.clone()).await, 1, "Bo's reading is his own");

    // The rating is Ada's to give.
    assert_eq!(read["awaiting_rating"], false);
    let res = app
        .widget(Method::POST, &format!("/tickets/{shared}/rating"), &bo)
        .json(&json!({ "score": 1 }))
        .go()
        .await;
    assert_error(res, StatusCode::CONFLICT, "owner_only").await;
    let theirs = app
        .widget(Method::GET, &format!("/tickets/{shared}"), &ada)
        .value()
        .await;
    assert_eq!(theirs["awaiting_rating"], true);
}

#[tokio::test]
async fn participants_the_hash_does_not_cover_are_ignored_and_cannot_be_added_later() {
    let app = TestApp::spawn().await;
    let key = app.agent_key("Ann").await;
    // A page that adds names in the browser, under a hash of the email alone: the user signs
    // in, the names are not taken, and the host's developers are told why.
    let plain = app.sign("ada@example.com", None);
    let session = init_with(&app, "ada@example.com", &["mallory@evil.test"], &plain).await;
    assert_eq!(session["warnings"][0]["code"], "participants_ignored");
    let ada = session["token"].as_str().unwrap().to_owned();
    let ticket = app.new_ticket(&ada, "Mine alone").await;
    let reference = ticket["reference"].as_str().unwrap();
    assert!(participants_of(&app, &key, reference).await.is_empty());

    // Naming someone on the ticket itself is refused too.
    let res = app
        .widget(Method::POST, "/tickets", &ada)
        .json(&json!({ "subject": "Copy Mallory", "participants": ["mallory@evil.test"] }))
        .go()
        .await;
    assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field").await;

    // A hash over one list does not vouch for another: neither form verifies.
    let bo = ["bo@example.com"];
    let res = app
        .create_session(json!({
            "email": "ada@example.com",
            "verificationHash": signed(&app, "ada@example.com", &bo),
            "participants": ["bo@example.com", "mallory@evil.test"],
        }))
        .await;
    assert_error(res, StatusCode::UNAUTHORIZED, "invalid_identity").await;

    // The saved session is reused only for the same participants: new names need the hash.
    let res = app
        .request(Method::POST, "/api/v1/widget/acme/session")
        .header("Origin", crate::helpers::HOST)
        .bearer_auth(&ada)
        .json(&json!({
            "email": "ada@example.com",
            "verification_hash": "0".repeat(64),
            "participants": ["mallory@evil.test"],
        }))
        .go()
        .await;
    assert_error(res, StatusCode::UNAUTHORIZED, "invalid_identity").await;
}

#[tokio::test]
async fn an_agent_copies_someone_and_taking_them_off_ends_their_access_at_once() {
    let app = TestApp::spawn().await;
    let key = app.agent_key("Ann").await;
    let ada = app.login("ada@example.com").await;
    let ticket = app.new_ticket(&ada, "Billing").await;
    let reference = ticket["reference"].as_str().unwrap().to_owned();
    let path = format!("/tickets/{reference}/participants");

    let res = app
        .agent(Method::POST, &path, &key)
        .json(&json!({ "email": "Bo@Example.com" }))
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["participants"][0]["email"], "bo@example.com");
    assert_eq!(body["participants"][0]["added_by"], "agent");
    // Again, or the customer herself: nothing changes.
    for email in ["bo@example.com", "ada@example.com"] {
        let res = app
            .agent(Method::POST, &path, &key)
            .json(&json!({ "email": email }))
            .go()
            .await;
        assert_eq!(res.status(), StatusCode::OK, "{email}");
    }
    assert_eq!(
        participants_of(&app, &key, &reference).await,
        ["bo@example.com"]
    );

    // Bo signs in and reads it.
    let bo = app.login("bo@example.com").await;
    let read = app
        .widget(Method::GET, &format!("/tickets/{reference}"), &bo)
        .go()
        .await;
    assert_eq!(read.status(), StatusCode::OK);

    let res = app
        .agent(Method::DELETE, &format!("{path}/bo@example.com"), &key)
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    for (method, body) in [(Method::GET, None), (Method::POST, Some("Still here?"))] {
        let suffix = if body.is_some() { "/messages" } else { "" };
        let mut req = app.widget(method, &format!("/tickets/{reference}{suffix}"), &bo);
        if let Some(body) = body {
            req = req.json(&json!({ "body": body }));
        }
        assert_error(req.go().await, StatusCode::NOT_FOUND, "not_found").await;
    }
    let list = app.widget(Method::GET, "/tickets", &bo).value().await;
    assert!(references(&list).is_empty());
    let res = app
        .agent(Method::DELETE, &format!("{path}/bo@example.com"), &key)
        .go()
        .await;
    assert_error(res, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn copying_is_bounded_checked_and_kept_to_the_workspace() {
    let app = TestApp::spawn().await;
    let key = app.agent_key("Ann").await;
    let ada = app.login("ada@example.com").await;
    let ticket = app.new_ticket(&ada, "Busy").await;
    let path = format!(
        "/tickets/{}/participants",
        ticket["reference"].as_str().unwrap()
    );
    // RFC 5322 allows a quoted comma, but the list a host signs is joined by commas: the
    // agent API refuses what the host's signature cannot carry, as every other path does.
    for bad in [
        "not an address",
        "",
        "a@b@c",
        "\"a,b\"@cc.test",
        "\"a b\"@cc.test",
    ] {
        let res = app
            .agent(Method::POST, &path, &key)
            .json(&json!({ "email": bad }))
            .go()
            .await;
        assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field").await;
    }
    for n in 0..10 {
        let res = app
            .agent(Method::POST, &path, &key)
            .json(&json!({ "email": format!("p{n}@example.com") }))
            .go()
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
    }
    let res = app
        .agent(Method::POST, &path, &key)
        .json(&json!({ "email": "eleventh@example.com" }))
        .go()
        .await;
    assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field").await;
    assert_eq!(participants_of(&app, &key, "TKT-0001").await.len(), 10);

    // Another workspace's key finds no such ticket, and its users never reach this one.
    let globex = app.globex_key().await;
    let res = app
        .agent(Method::POST, &path, &globex)
        .json(&json!({ "email": "p0@example.com" }))
        .go()
        .await;
    assert_error(res, StatusCode::NOT_FOUND, "not_found").await;
}
