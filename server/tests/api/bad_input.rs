//! Bad input gets a clear JSON 4xx, never a 500, and leaves nothing half-written.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::helpers::{assert_error, RequestExt, TestApp, HOST};

#[tokio::test]
async fn malformed_json_is_a_400_in_our_error_format() {
    let app = TestApp::spawn().await;
    let token = app.login("a@b.co").await;
    for body in ["{", "{\"subject\": }", "{\"subject\": \"a\",}", "\u{0}"] {
        let res = app
            .widget(Method::POST, "/tickets", &token)
            .header("Content-Type", "application/json")
            .body(body)
            .go()
            .await;
        assert_error(res, StatusCode::BAD_REQUEST, "malformed_json").await;
    }
}

#[tokio::test]
async fn a_body_that_is_not_json_is_a_415() {
    let app = TestApp::spawn().await;
    let token = app.login("a@b.co").await;
    let res = app
        .widget(Method::POST, "/tickets", &token)
        .header("Content-Type", "text/plain")
        .body("subject=hi")
        .go()
        .await;
    assert_error(
        res,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type",
    )
    .await;
}

#[tokio::test]
async fn an_oversized_body_is_a_413_and_creates_nothing() {
    let app = TestApp::spawn().await;
    let token = app.login("a@b.co").await;
    let huge = json!({ "subject": "big", "description": "x".repeat(100 * 1024) });
    let res = app
        .widget(Method::POST, "/tickets", &token)
        .json(&huge)
        .go()
        .await;
    assert_error(res, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large").await;
    let list: Value = app.widget(Method::GET, "/tickets", &token).value().await;
    assert_eq!(list["tickets"], json!([]));
}

#[tokio::test]
async fn unknown_fields_are_refused_rather_than_silently_dropped() {
    let app = TestApp::spawn().await;
    let token = app.login("a@b.co").await;
    let res = app
        .widget(Method::POST, "/tickets", &token)
        .json(&json!({ "subject": "hi", "status": "closed" }))
        .go()
        .await;
    assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_body").await;
}

#[tokio::test]
async fn wrong_types_and_missing_fields_are_422() {
    let app = TestApp::spawn().await;
    for body in [
        json!({ "email": 5, "verification_hash": "x" }),
        json!({ "email": "a@b.co" }),
        json!({ "email": "a@b.co", "verification_hash": "x", "timestamp": "yesterday" }),
        json!({ "email": "a@b.co", "verification_hash": "x", "timestamp": 1e300 }),
    ] {
        let res = app.create_session(body).await;
        assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_body").await;
    }
    let res = app
        .create_session(json!({ "email": "not-an-email", "verification_hash": "x" }))
        .await;
    let err = assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field").await;
    assert_eq!(err["error"]["field"], "email");
}

#[tokio::test]
async fn unknown_routes_and_methods_answer_in_json() {
    let app = TestApp::spawn().await;
    let res = app.request(Method::GET, "/api/v1/nothing-here").go().await;
    assert_error(res, StatusCode::NOT_FOUND, "not_found").await;
    let res = app
        .request(Method::PUT, "/api/v1/widget/acme/tickets")
        .go()
        .await;
    assert_error(res, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed").await;
}

#[tokio::test]
async fn malformed_references_and_headers_are_clear_4xx() {
    let app = TestApp::spawn().await;
    let token = app.login("a@b.co").await;
    for reference in [
        "TKT-0",
        "TKT-abc",
        "%F0%28%8C%28",
        "TKT-99999999999999999999999",
    ] {
        let res = app
            .widget(Method::GET, &format!("/tickets/{reference}"), &token)
            .go()
            .await;
        assert!(
            res.status().is_client_error(),
            "{reference}: {}",
            res.status()
        );
        assert!(res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json"));
    }
    let res = app
        .widget(Method::POST, "/tickets", &token)
        .header("Idempotency-Key", "k".repeat(256))
        .json(&json!({ "subject": "hi" }))
        .go()
        .await;
    assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field").await;
    let res = app
        .request(Method::GET, "/api/v1/widget/acme/tickets")
        .header("Authorization", "Basic dXNlcjpwdw==")
        .go()
        .await;
    assert_error(res, StatusCode::UNAUTHORIZED, "missing_credentials").await;
}

#[tokio::test]
async fn control_characters_in_user_text_are_refused() {
    let app = TestApp::spawn().await;
    let token = app.login("a@b.co").await;
    let res = app
        .widget(Method::POST, "/tickets", &token)
        .json(&json!({ "subject": "evil\u{1b}[2J" }))
        .go()
        .await;
    let err = assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field").await;
    assert_eq!(err["error"]["field"], "subject");
}

#[tokio::test]
async fn markup_in_user_text_is_stored_and_returned_verbatim_as_json_text() {
    let app = TestApp::spawn().await;
    let token = app.login("a@b.co").await;
    let t = app.new_ticket(&token, "<img src=x onerror=alert(1)>").await;
    assert_eq!(t["subject"], "<img src=x onerror=alert(1)>");
    let res = app
        .widget(Method::GET, "/tickets/TKT-0001", &token)
        .go()
        .await;
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/json"));
}

#[tokio::test]
async fn health_reports_ok() {
    let app = TestApp::spawn().await;
    let res = app
        .request(Method::GET, "/healthz")
        .header("Origin", HOST)
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.json::<Value>().await.unwrap()["status"], "ok");
}
