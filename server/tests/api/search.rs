//! Agents' full-text search (SQLite FTS5): words, not substrings; ranked; isolated; and never
//! a way to inject query syntax.

use reqwest::Method;
use serde_json::json;

use crate::helpers::{references, RequestExt, TestApp};

async fn search(app: &TestApp, key: &str, q: &str) -> Vec<String> {
    let url = format!("/tickets?q={}", urlencode(q));
    let list = app.agent(Method::GET, &url, key).value().await;
    references(&list)
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[tokio::test]
async fn search_finds_words_in_subjects_descriptions_messages_and_notes_best_first() {
    let app = TestApp::spawn().await;
    let key = app.agent_key("Ann").await;
    let ada = app.login("ada@example.com").await;
    // TKT-0001 mentions "refund" once, TKT-0002 in its subject and its description.
    app.new_ticket(&ada, "Export is slow").await;
    app.new_ticket(&ada, "Refund for order 42").await;
    let res = app
        .widget(Method::POST, "/tickets/TKT-0001/messages", &ada)
        .json(&json!({ "body": "Also, where is my refund?" }))
        .go()
        .await;
    assert!(res.status().is_success());
    let res = app
        .agent(Method::POST, "/tickets/TKT-0002/messages", &key)
        .json(&json!({ "body": "Escalated to the Zürich finance team", "internal": true }))
        .go()
        .await;
    assert!(res.status().is_success());

    assert_eq!(search(&app, &key, "refund").await, ["TKT-0002", "TKT-0001"]);
    // Words typed so far: the last may be the start of a word.
    assert_eq!(search(&app, &key, "refu").await.len(), 2);
    assert_eq!(search(&app, &key, "export slow").await, ["TKT-0001"]);
    // Internal notes are searchable by agents, and accents need not be typed.
    assert_eq!(search(&app, &key, "zurich").await, ["TKT-0002"]);
    // Not substrings inside words.
    assert!(search(&app, &key, "fund").await.is_empty());
}

#[tokio::test]
async fn search_syntax_cannot_be_injected_and_other_workspaces_stay_invisible() {
    let app = TestApp::spawn().await;
    let key = app.agent_key("Ann").await;
    let ada = app.login("ada@example.com").await;
    app.new_ticket(&ada, "Printer on fire").await;
    for hostile in [
        "\"",
        "printer OR x",
        "NEAR(printer fire)",
        "printer*",
        "text:printer",
        "') OR 1=1 --",
        "^printer",
        "{ticket_id} : 1",
    ] {
        let url = format!("/tickets?q={}", urlencode(hostile));
        let res = app.agent(Method::GET, &url, &key).go().await;
        assert_eq!(res.status(), reqwest::StatusCode::OK, "{hostile:?}");
    }
    // "OR" is a word to look for, not an operator.
    assert!(search(&app, &key, "printer OR nothing").await.is_empty());

    // Another workspace's tickets never match, whatever is searched.
    let other_secret = app
        .other_workspace("globex", "https://globex.example")
        .await;
    let globex = app
        .request(Method::POST, "/api/v1/widget/globex/session")
        .header("Origin", "https://globex.example")
        .json(&json!({
            "email": "gus@globex.example",
            "verification_hash": porthole_identity::sign(other_secret.as_bytes(), "gus@globex.example", None),
        }))
        .value()
        .await;
    let token = globex["token"].as_str().unwrap();
    let res = app
        .request(Method::POST, "/api/v1/widget/globex/tickets")
        .header("Origin", "https://globex.example")
        .bearer_auth(token)
        .json(&json!({ "subject": "Printer jammed" }))
        .go()
        .await;
    assert!(res.status().is_success());
    assert_eq!(search(&app, &key, "printer").await, ["TKT-0001"]);
    assert!(search(&app, &key, "jammed").await.is_empty());
}

#[tokio::test]
async fn the_better_match_comes_first_even_when_older() {
    let app = TestApp::spawn().await;
    let key = app.agent_key("Ann").await;
    let ada = app.login("ada@example.com").await;
    app.new_ticket(&ada, "Refund refund").await;
    app.clock.advance(std::time::Duration::from_secs(60));
    app.new_ticket(
        &ada,
        "Question about an invoice, a delivery date, an address change and maybe a refund later",
    )
    .await;
    // Without a search, the newer ticket is first.
    let all = app.agent(Method::GET, "/tickets", &key).value().await;
    assert_eq!(references(&all), ["TKT-0002", "TKT-0001"]);
    assert_eq!(search(&app, &key, "refund").await, ["TKT-0001", "TKT-0002"]);
}
