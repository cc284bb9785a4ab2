//! API keys have roles: an agent key works tickets, articles and reports; only an admin key
//! changes the workspace itself.

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
