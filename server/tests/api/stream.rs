//! Live updates: the customer's and the team's Server-Sent Events streams, read as a browser's
//! `fetch` reads them, against a real server.

use std::time::Duration;

use reqwest::{Method, Response, StatusCode};
use serde_json::{json, Value};

use crate::helpers::{assert_error, RequestExt, TestApp, HOST};

/// Waiting longer than this for something that should come at once is a failure.
const PATIENCE: Duration = Duration::from_secs(5);

#[derive(Debug)]
struct Received {
    id: i64,
    event: String,
    data: Value,
}

/// An open stream, parsed into events as they arrive. Comments (heartbeats) are skipped.
struct Events {
    res: Response,
    buffer: String,
}

impl Events {
    async fn open(res: Response) -> Self {
        assert_eq!(res.status(), StatusCode::OK, "the stream opens");
        assert_eq!(res.headers()["content-type"], "text/event-stream");
        Self {
            res,
            buffer: String::new(),
        }
    }

    /// The next event, or `None` once the server has ended the stream.
    async fn next(&mut self) -> Option<Received> {
        tokio::time::timeout(PATIENCE, self.next_now())
            .await
            .expect("the stream said something in time")
    }

    async fn next_now(&mut self) -> Option<Received> {
        loop {
            while let Some(end) = self.buffer.find("\n\n") {
                let block: String = self.buffer.drain(..end + 2).collect();
                let (mut id, mut event, mut data) = (None, None, String::new());
                for line in block.lines() {
                    if let Some(v) = line.strip_prefix("id:") {
                        id = Some(v.trim().parse().unwrap());
                    } else if let Some(v) = line.strip_prefix("event:") {
                        event = Some(v.trim().to_owned());
                    } else if let Some(v) = line.strip_prefix("data:") {
                        data.push_str(v.trim_start());
                    }
                }
                if let (Some(id), Some(event)) = (id, event) {
                    let data = serde_json::from_str(&data).unwrap();
                    return Some(Received { id, event, data });
                }
            }
            let chunk = self.res.chunk().await.ok()??;
            self.buffer.push_str(std::str::from_utf8(&chunk).unwrap());
        }
    }
}

async fn customer_stream(app: &TestApp, token: &str) -> Events {
    Events::open(
        app.widget(Method::GET, "/events", token)
            .header("Origin", HOST)
            .go()
            .await,
    )
    .await
}

async fn reply(app: &TestApp, key: &str, reference: &str, body: &str, internal: bool) {
    let res = app
        .agent(Method::POST, &format!("/tickets/{reference}/messages"), key)
        .json(&json!({ "body": body, "internal": internal, "author_name": "Sam" }))
        .go()
        .await;
    assert!(res.status().is_success(), "{}", res.text().await.unwrap());
}

fn reference(ticket: &Value) -> String {
    ticket["reference"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn an_agent_reply_reaches_the_customers_open_stream() {
    let app = TestApp::spawn().await;
    let key = app.agent_key("Desk").await;
    let token = app.login("ada@example.com").await;
    let ticket = reference(&app.new_ticket(&token, "Export fails").await);
    let mut events = customer_stream(&app, &token).await;

    reply(&app, &key, &ticket, "Fixed <b>now</b>", false).await;

    let got = events.next().await.expect("an event");
    assert_eq!(got.event, "ticket.message");
    assert_eq!(got.data["type"], "ticket.message");
    assert_eq!(got.data["ticket"], ticket.as_str());
    assert_eq!(got.data["message"]["author"], "agent");
    assert_eq!(got.data["message"]["body"], "Fixed <b>now</b>");
}

#[tokio::test]
async fn the_customer_sees_their_own_new_tickets_and_status_changes() {
    let app = TestApp::spawn().await;
    let key = app.agent_key("Desk").await;
    // No ticket yet, so no contact yet: the first ticket makes one and the stream follows it.
    let token = app.login("new@example.com").await;
    let mut events = customer_stream(&app, &token).await;
    let ticket = reference(&app.new_ticket(&token, "First").await);
    let created = events.next().await.unwrap();
    assert_eq!(
        (created.event.as_str(), created.data["ticket"].as_str()),
        ("ticket.created", Some(ticket.as_str()))
    );
    // The description is the ticket's first message, but not news to the customer who wrote it.
    let res = app
        .agent(Method::PATCH, &format!("/tickets/{ticket}"), &key)
        .json(&json!({ "status": "waiting" }))
        .go()
        .await;
    assert!(res.status().is_success());
    let changed = events.next().await.unwrap();
    assert_eq!(changed.event, "ticket.status_changed");
    assert_eq!(changed.data["status"], "waiting");
    assert!(changed.id > created.id, "ids grow");
}

#[tokio::test]
async fn notes_assignments_and_priorities_never_reach_the_customer() {
    let app = TestApp::spawn().await;
    let key = app.agent_key("Desk").await;
    let token = app.login("ada@example.com").await;
    let ticket = reference(&app.new_ticket(&token, "Billing").await);
    let mut events = customer_stream(&app, &token).await;

    reply(&app, &key, &ticket, "customer is on the legacy plan", true).await;
    let res = app
        .agent(Method::PATCH, &format!("/tickets/{ticket}"), &key)
        .json(&json!({ "assignee": "sam@acme.test", "priority": "urgent" }))
        .go()
        .await;
    assert!(res.status().is_success());
    reply(&app, &key, &ticket, "We are on it", false).await;

    let first = events.next().await.unwrap();
    assert_eq!(first.event, "ticket.message", "{first:?}");
    assert_eq!(first.data["message"]["body"], "We are on it");
}

#[tokio::test]
async fn another_customers_events_never_reach_a_stream() {
    let app = TestApp::spawn().await;
    let key = app.agent_key("Desk").await;
    let ada = app.login("ada@example.com").await;
    let bob = app.login("bob@example.com").await;
    let bobs = reference(&app.new_ticket(&bob, "Bob's").await);
    let mut bob_events = customer_stream(&app, &bob).await;

    let adas = reference(&app.new_ticket(&ada, "Ada's secret").await);
    reply(&app, &key, &adas, "Ada, your card ends 4242", false).await;
    reply(&app, &key, &bobs, "Hello Bob", false).await;

    let first = bob_events.next().await.unwrap();
    assert_eq!(first.data["ticket"], bobs.as_str(), "{first:?}");
    assert_eq!(first.data["message"]["body"], "Hello Bob");
}

#[tokio::test]
async fn a_signed_out_session_gets_nothing_more_and_its_stream_ends() {
    let app = TestApp::spawn().await;
    let key = app.agent_key("Desk").await;
    let token = app.login("ada@example.com").await;
    let ticket = reference(&app.new_ticket(&token, "Export").await);
    let mut events = customer_stream(&app, &token).await;

    let res = app.widget(Method::DELETE, "/session", &token).go().await;
    assert!(res.status().is_success());
    reply(&app, &key, &ticket, "after sign-out", false).await;

    assert!(events.next().await.is_none(), "the stream ends unread");
}

#[tokio::test]
async fn disallowing_the_origin_ends_its_sessions_streams() {
    let app = TestApp::spawn().await;
    let key = app.agent_key("Desk").await;
    let token = app.login("ada@example.com").await;
    let ticket = reference(&app.new_ticket(&token, "Export").await);
    let mut events = customer_stream(&app, &token).await;

    let res = app
        .agent(Method::PUT, "/origins", &key)
        .json(&json!({ "origins": ["https://elsewhere.example"] }))
        .go()
        .await;
    assert!(res.status().is_success());
    reply(&app, &key, &ticket, "after the origin went", false).await;

    assert!(events.next().await.is_none());
}

#[tokio::test]
async fn a_stream_resumes_after_the_last_event_it_sent() {
    let app = TestApp::spawn().await;
    let key = app.agent_key("Desk").await;
    let token = app.login("ada@example.com").await;
    let ticket = reference(&app.new_ticket(&token, "Export").await);
    let mut events = customer_stream(&app, &token).await;
    reply(&app, &key, &ticket, "one", false).await;
    let first = events.next().await.unwrap();
    drop(events);

    // Missed while disconnected.
    reply(&app, &key, &ticket, "two", false).await;
    reply(&app, &key, &ticket, "three", false).await;

    let res = app
        .widget(Method::GET, "/events", &token)
        .header("Last-Event-ID", first.id.to_string())
        .go()
        .await;
    let mut events = Events::open(res).await;
    let bodies = [
        events.next().await.unwrap().data["message"]["body"].clone(),
        events.next().await.unwrap().data["message"]["body"].clone(),
    ];
    assert_eq!(bodies, [json!("two"), json!("three")]);
}

#[tokio::test]
async fn a_stream_needs_the_bearer_header_not_a_token_in_the_url() {
    let app = TestApp::spawn().await;
    let token = app.login("ada@example.com").await;
    let res = app
        .request(
            Method::GET,
            &format!("/api/v1/widget/acme/events?token={token}"),
        )
        .go()
        .await;
    assert_error(res, StatusCode::UNAUTHORIZED, "missing_credentials").await;
    let res = app
        .widget(Method::GET, "/events", &token)
        .header("Origin", "https://evil.example")
        .go()
        .await;
    assert_error(res, StatusCode::FORBIDDEN, "origin_not_allowed").await;
    let res = app
        .widget(Method::GET, "/events", &token)
        .header("Last-Event-ID", "yesterday")
        .go()
        .await;
    assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field").await;
}

#[tokio::test]
async fn a_session_holds_at_most_five_streams() {
    let app = TestApp::spawn().await;
    let token = app.login("ada@example.com").await;
    let mut open = Vec::new();
    for _ in 0..5 {
        open.push(customer_stream(&app, &token).await);
    }
    let res = app.widget(Method::GET, "/events", &token).go().await;
    assert_error(res, StatusCode::TOO_MANY_REQUESTS, "too_many_streams").await;
    // Another user is not affected.
    let other = app.login("bob@example.com").await;
    customer_stream(&app, &other).await;
    // A stream the client closes gives its place back as soon as the server sees it gone.
    drop(open.pop());
    let reopened = tokio::time::timeout(PATIENCE, async {
        loop {
            let res = app.widget(Method::GET, "/events", &token).go().await;
            if res.status() == StatusCode::OK {
                return res;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await
    .expect("the place is given back");
    Events::open(reopened).await;
}

#[tokio::test]
async fn the_team_stream_carries_notes_and_only_its_own_workspace() {
    let app = TestApp::spawn().await;
    let key = app.agent_key("Desk").await;
    let globex_key = app.globex_key().await;
    let globex = app
        .store
        .workspace_by_slug("globex")
        .await
        .unwrap()
        .unwrap();
    let mut team = Events::open(app.agent(Method::GET, "/events", &key).go().await).await;
    let mut other_team =
        Events::open(app.agent(Method::GET, "/events", &globex_key).go().await).await;

    let token = app.login("ada@example.com").await;
    let ticket = reference(&app.new_ticket(&token, "Billing").await);
    reply(&app, &key, &ticket, "legacy plan", true).await;

    let created = team.next().await.unwrap();
    assert_eq!(created.event, "ticket.created");
    let note = team.next().await.unwrap();
    assert_eq!(note.event, "ticket.note");
    assert_eq!(note.data["message"]["body"], "legacy plan");

    // Revoking the other workspace's key ends its stream without a word of acme's.
    let keys = app.store.list_api_keys(globex.id).await.unwrap();
    let key_id = (globex.id, keys[0].id);
    porthole_core::keys::revoke(&app.store, key_id, app.clock.now_ms())
        .await
        .unwrap();
    reply(&app, &key, &ticket, "another note", true).await;
    assert!(other_team.next().await.is_none());
}

#[tokio::test]
async fn a_reply_made_by_another_process_reaches_the_stream() {
    let app = TestApp::spawn().await;
    let token = app.login("ada@example.com").await;
    let ticket = reference(&app.new_ticket(&token, "Export").await);
    let mut events = customer_stream(&app, &token).await;

    // Async, so the server (on this test's runtime) keeps running meanwhile.
    let out = tokio::process::Command::new(env!("CARGO_BIN_EXE_porthole"))
        .arg("--database")
        .arg(&app.db_path)
        .args([
            "ticket",
            "reply",
            "--workspace",
            "acme",
            &ticket,
            "From the CLI",
        ])
        .output()
        .await
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let got = events.next().await.unwrap();
    assert_eq!(got.data["message"]["body"], "From the CLI");
}

#[tokio::test]
async fn a_participants_stream_carries_the_shared_ticket_until_they_are_taken_off() {
    let app = TestApp::spawn().await;
    let key = app.agent_key("Ann").await;
    let ada = app.login("ada@example.com").await;
    app.new_ticket(&ada, "Not shared").await;
    app.new_ticket(&ada, "Shared").await;
    let res = app
        .agent(Method::POST, "/tickets/TKT-0002/participants", &key)
        .json(&json!({ "email": "bo@example.com" }))
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let bo = app.login("bo@example.com").await;
    let mut events = customer_stream(&app, &bo).await;

    reply(&app, &key, "TKT-0001", "only for Ada", false).await;
    reply(&app, &key, "TKT-0002", "for both", false).await;
    let got = events.next().await.unwrap();
    assert_eq!(got.event, "ticket.message");
    assert_eq!(got.data["ticket"], "TKT-0002");
    assert_eq!(got.data["message"]["body"], "for both");

    // Taken off: a stream resumed from before the removal skips the ticket's later events.
    let res = app
        .agent(
            Method::DELETE,
            "/tickets/TKT-0002/participants/bo@example.com",
            &key,
        )
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    reply(&app, &key, "TKT-0002", "after removal", false).await;
    let res = app
        .widget(Method::GET, "/events", &bo)
        .header("Origin", HOST)
        .header("Last-Event-ID", got.id.to_string())
        .go()
        .await;
    let mut resumed = Events::open(res).await;
    let bo_ticket = app.new_ticket(&bo, "Bo's own").await;
    let next = resumed.next().await.unwrap();
    assert_eq!(
        next.data["ticket"], bo_ticket["reference"],
        "the reply after removal is skipped: {next:?}"
    );
}
