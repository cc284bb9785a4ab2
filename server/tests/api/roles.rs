//! API keys have roles: an agent key works tickets, articles and reports; only an admin key
//! changes the workspace itself.

use std::time::Duration;

use porthole::store::KeyRole;
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::helpers::{assert_error, RequestExt, TestApp};

#[tokio::test]
async fn an_agent_key_works_tickets_but_cannot_change_the_workspace() {
    let app = TestApp::spawn().await;
    let token = app.login("ada@example.com").await;
    app.new_ticket(&token, "Help").await;
    let agent = app.key_with_role("Ann", KeyRole::Agent).await;

    let res = app
        .agent(Method::POST, "/tickets/TKT-0001/messages", &agent)
        .json(&json!({ "body": "On it" }))
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let res = app
        .agent(Method::POST, "/articles", &agent)
        .json(&json!({ "title": "Help", "body": "Text" }))
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let res = app.agent(Method::GET, "/reports/csat", &agent).go().await;
    assert_eq!(res.status(), StatusCode::OK);

    let refused = [
        (Method::GET, "/settings", None),
        (
            Method::PATCH,
            "/settings",
            Some(json!({ "title": "Hijacked" })),
        ),
        (
            Method::PUT,
            "/origins",
            Some(json!({ "origins": ["https://evil.example"] })),
        ),
        (Method::GET, "/secret", None),
        (Method::POST, "/secret/rotate", Some(json!({}))),
        (Method::GET, "/webhooks", None),
        (
            Method::POST,
            "/webhooks",
            Some(json!({ "url": "https://hooks.example.com/x" })),
        ),
    ];
    for (method, path, body) in refused {
        let mut req = app.agent(method.clone(), path, &agent);
        if let Some(body) = body {
            req = req.json(&body);
        }
        let res = req.go().await;
        assert_error(res, StatusCode::FORBIDDEN, "admin_only").await;
    }
    // Nothing changed.
    let admin = app.agent_key("Root").await;
    let origins = app.agent(Method::GET, "/origins", &admin).value().await;
    assert_eq!(origins["origins"], json!(["https://app.example.com"]));
    let settings = app.agent(Method::GET, "/settings", &admin).value().await;
    assert_ne!(settings["title"], "Hijacked");
}

#[tokio::test]
async fn admins_make_list_and_revoke_keys_over_the_api_and_agents_cannot() {
    let app = TestApp::spawn().await;
    let admin = app.agent_key("Admin").await;
    let res = app
        .agent(Method::POST, "/keys", &admin)
        .json(&serde_json::json!({ "name": "Zapier", "role": "agent" }))
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let made: serde_json::Value = res.json().await.unwrap();
    let key = made["key"].as_str().unwrap().to_owned();
    assert!(key.starts_with("phk_"));
    // The new key works, as an agent.
    let res = app.agent(Method::GET, "/tickets", &key).go().await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = app.agent(Method::GET, "/keys", &key).go().await;
    assert_error(res, StatusCode::FORBIDDEN, "admin_only").await;
    let res = app
        .agent(Method::POST, "/keys", &key)
        .json(&serde_json::json!({ "name": "Escalate me", "role": "admin" }))
        .go()
        .await;
    assert_error(res, StatusCode::FORBIDDEN, "admin_only").await;

    let list = app.agent(Method::GET, "/keys", &admin).value().await;
    let zapier = list["keys"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["name"] == "Zapier")
        .unwrap()
        .clone();
    assert!(!list.to_string().contains(&key), "keys are never listed");
    assert!(key.starts_with(zapier["hint"].as_str().unwrap()));
    let res = app
        .agent(Method::DELETE, &format!("/keys/{}", zapier["id"]), &admin)
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let res = app.agent(Method::GET, "/tickets", &key).go().await;
    assert_error(res, StatusCode::UNAUTHORIZED, "invalid_api_key").await;
    for bad in [
        serde_json::json!({ "name": "  " }),
        serde_json::json!({ "name": "X", "role": "root" }),
    ] {
        let res = app
            .agent(Method::POST, "/keys", &admin)
            .json(&bad)
            .go()
            .await;
        assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field").await;
    }
}

#[tokio::test]
async fn a_keys_last_use_is_shown_to_the_minute() {
    let app = TestApp::spawn().await;
    let admin = app.agent_key("Admin").await;
    let made = app
        .agent(Method::POST, "/keys", &admin)
        .json(&serde_json::json!({ "name": "Zapier", "role": "agent" }))
        .value()
        .await;
    let key = made["key"].as_str().unwrap().to_owned();
    let last_used = || async {
        let list = app.agent(Method::GET, "/keys", &admin).value().await;
        let keys = list["keys"].as_array().unwrap().clone();
        let zapier = keys.into_iter().find(|k| k["name"] == "Zapier").unwrap();
        zapier["last_used_at"].clone()
    };
    assert!(last_used().await.is_null(), "never used yet");
    app.agent(Method::GET, "/tickets", &key).go().await;
    let first = last_used().await;
    assert!(first.is_string(), "{first}");
    // Within the minute, another use changes nothing (nothing is written)...
    app.clock.advance(Duration::from_secs(30));
    app.agent(Method::GET, "/tickets", &key).go().await;
    assert_eq!(last_used().await, first);
    // ...and a use after it is recorded.
    app.clock.advance(Duration::from_secs(31));
    app.agent(Method::GET, "/tickets", &key).go().await;
    let later = last_used().await;
    assert!(later.as_str() > first.as_str(), "{first} then {later}");
}
