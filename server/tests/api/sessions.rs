//! Identity verification and sessions, each feature beside the attack on it.

use std::time::Duration;

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::helpers::{assert_error, Options, RequestExt, TestApp, HOST, SESSION_TTL_MS};

#[tokio::test]
async fn a_correct_plain_hash_opens_a_session_for_the_normalised_email() {
    let app = TestApp::spawn().await;
    let email = "John.Smith@Example.COM";
    let res = app
        .create_session(
            json!({ "email": email, "name": "John", "verification_hash": app.sign(email, None) }),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    assert_eq!(res.headers()["cache-control"], "no-store");
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["email"], "john.smith@example.com");
    let token = body["token"].as_str().unwrap();
    assert!(token.len() >= 40, "token has at least 128 bits");

    let me: Value = app.widget(Method::GET, "/session", token).value().await;
    assert_eq!(me["email"], "john.smith@example.com");
    assert!(
        me.get("token").is_none(),
        "the token is shown only on creation"
    );
}

#[tokio::test]
async fn differently_cased_addresses_are_one_person() {
    let app = TestApp::spawn().await;
    let upper = app.login("John@X.com").await;
    app.new_ticket(&upper, "Printer on fire").await;
    let lower = app.login("john@x.com").await;
    let list: Value = app.widget(Method::GET, "/tickets", &lower).value().await;
    assert_eq!(list["tickets"][0]["subject"], "Printer on fire");
}

#[tokio::test]
async fn a_correct_timestamped_hash_opens_a_session() {
    let app = TestApp::spawn().await;
    let ts = app.clock.now_ms() - 60_000;
    let res = app
        .create_session(json!({ "email": "a@b.co", "verification_hash": app.sign("a@b.co", Some(ts)), "timestamp": ts }))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn a_forged_hash_is_refused() {
    let app = TestApp::spawn().await;
    let forged = porthole_identity::sign(b"not the secret", "a@b.co", None);
    for hash in [forged.as_str(), "", "zz", &"0".repeat(64)] {
        let res = app
            .create_session(json!({ "email": "a@b.co", "verification_hash": hash }))
            .await;
        let body = assert_error(res, StatusCode::UNAUTHORIZED, "invalid_identity").await;
        assert!(
            !body.to_string().contains(&app.secret),
            "the secret never appears in an error"
        );
    }
}

#[tokio::test]
async fn a_hash_for_another_email_is_refused() {
    let app = TestApp::spawn().await;
    let res = app
        .create_session(
            json!({ "email": "victim@b.co", "verification_hash": app.sign("attacker@b.co", None) }),
        )
        .await;
    assert_error(res, StatusCode::UNAUTHORIZED, "invalid_identity").await;
}

#[tokio::test]
async fn the_hash_covers_the_exact_email_sent_not_its_normalised_form() {
    let app = TestApp::spawn().await;
    let res = app
        .create_session(
            json!({ "email": "John@X.com", "verification_hash": app.sign("john@x.com", None) }),
        )
        .await;
    assert_error(res, StatusCode::UNAUTHORIZED, "invalid_identity").await;
}

#[tokio::test]
async fn a_timestamped_hash_replayed_outside_the_window_is_refused() {
    let app = TestApp::spawn().await;
    let ts = app.clock.now_ms();
    let body = json!({ "email": "a@b.co", "verification_hash": app.sign("a@b.co", Some(ts)), "timestamp": ts });
    assert_eq!(
        app.create_session(body.clone()).await.status(),
        StatusCode::CREATED
    );
    app.clock.advance(Duration::from_secs(5 * 60 + 1));
    let res = app.create_session(body).await;
    assert_error(res, StatusCode::UNAUTHORIZED, "timestamp_outside_window").await;
}

#[tokio::test]
async fn a_timestamp_from_the_future_is_refused() {
    let app = TestApp::spawn().await;
    let ts = app.clock.now_ms() + 10 * 60_000;
    let res = app
        .create_session(json!({ "email": "a@b.co", "verification_hash": app.sign("a@b.co", Some(ts)), "timestamp": ts }))
        .await;
    assert_error(res, StatusCode::UNAUTHORIZED, "timestamp_outside_window").await;
}

#[tokio::test]
async fn a_timestamp_cannot_be_moved_onto_a_hash_made_for_another() {
    let app = TestApp::spawn().await;
    let old = app.clock.now_ms() - 3_600_000;
    let now = app.clock.now_ms();
    let res = app
        .create_session(json!({ "email": "a@b.co", "verification_hash": app.sign("a@b.co", Some(old)), "timestamp": now }))
        .await;
    assert_error(res, StatusCode::UNAUTHORIZED, "invalid_identity").await;
}

#[tokio::test]
async fn the_plain_form_is_refused_when_the_workspace_requires_timestamps() {
    let app = TestApp::spawn_with(Options {
        require_timestamp: true,
        ..Options::default()
    })
    .await;
    let res = app
        .create_session(json!({ "email": "a@b.co", "verification_hash": app.sign("a@b.co", None) }))
        .await;
    assert_error(res, StatusCode::UNAUTHORIZED, "timestamp_required").await;
    let ts = app.clock.now_ms();
    let res = app
        .create_session(json!({ "email": "a@b.co", "verification_hash": app.sign("a@b.co", Some(ts)), "timestamp": ts }))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn after_rotation_the_old_secret_verifies_through_the_grace_period_and_not_after() {
    let app = TestApp::spawn().await;
    let old_hash = app.sign("a@b.co", None);
    let ws = app.store.workspace_by_slug("acme").await.unwrap().unwrap();
    let now = app.clock.now_ms();
    let rotated = porthole_core::secrets::rotate(&app.store, ws.id, 24, now)
        .await
        .unwrap();
    let new_secret = rotated.secret;
    let new_hash = porthole_identity::sign(
        secrecy::ExposeSecret::expose_secret(&new_secret).as_bytes(),
        "a@b.co",
        None,
    );
    let with = |hash: &str| json!({ "email": "a@b.co", "verification_hash": hash });

    assert_eq!(
        app.create_session(with(&new_hash)).await.status(),
        StatusCode::CREATED
    );
    app.clock.advance(Duration::from_secs(23 * 3600));
    assert_eq!(
        app.create_session(with(&old_hash)).await.status(),
        StatusCode::CREATED
    );
    app.clock.advance(Duration::from_secs(3600));
    assert_error(
        app.create_session(with(&old_hash)).await,
        StatusCode::UNAUTHORIZED,
        "invalid_identity",
    )
    .await;
    assert_eq!(
        app.create_session(with(&new_hash)).await.status(),
        StatusCode::CREATED
    );
}

#[tokio::test]
async fn a_session_request_from_a_disallowed_origin_is_refused() {
    let app = TestApp::spawn().await;
    let body = json!({ "email": "a@b.co", "verification_hash": app.sign("a@b.co", None) });
    for origin in [
        "https://evil.example",
        "http://app.example.com",
        "https://app.example.com.evil.io",
        "null",
    ] {
        let res = app
            .request(Method::POST, "/api/v1/widget/acme/session")
            .header("Origin", origin)
            .json(&body)
            .go()
            .await;
        assert_error(res, StatusCode::FORBIDDEN, "origin_not_allowed").await;
    }
}

#[tokio::test]
async fn a_session_request_without_an_origin_fails_closed() {
    let app = TestApp::spawn().await;
    let res = app
        .request(Method::POST, "/api/v1/widget/acme/session")
        .json(&json!({ "email": "a@b.co", "verification_hash": app.sign("a@b.co", None) }))
        .go()
        .await;
    assert_error(res, StatusCode::FORBIDDEN, "origin_not_allowed").await;
}

#[tokio::test]
async fn an_unknown_workspace_is_not_found() {
    let app = TestApp::spawn().await;
    let res = app
        .request(Method::POST, "/api/v1/widget/nope/session")
        .header("Origin", HOST)
        .json(&json!({ "email": "a@b.co", "verification_hash": app.sign("a@b.co", None) }))
        .go()
        .await;
    assert_error(res, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn a_revoked_session_is_refused_at_once() {
    let app = TestApp::spawn().await;
    let token = app.login("a@b.co").await;
    // Used first, so the server has it in memory when it is revoked.
    for path in ["/tickets", "/session"] {
        let res = app.widget(Method::GET, path, &token).go().await;
        assert_eq!(res.status(), StatusCode::OK);
    }
    let res = app.widget(Method::DELETE, "/session", &token).go().await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    for path in ["/tickets", "/session"] {
        let res = app.widget(Method::GET, path, &token).go().await;
        assert_error(res, StatusCode::UNAUTHORIZED, "invalid_session").await;
    }
    let res = app.widget(Method::DELETE, "/session", &token).go().await;
    assert_error(res, StatusCode::UNAUTHORIZED, "invalid_session").await;
}

#[tokio::test]
async fn an_expired_session_is_refused() {
    let app = TestApp::spawn().await;
    let token = app.login("a@b.co").await;
    let res = app.widget(Method::GET, "/tickets", &token).go().await;
    assert_eq!(res.status(), StatusCode::OK);
    app.clock
        .advance(Duration::from_millis(SESSION_TTL_MS as u64));
    let res = app.widget(Method::GET, "/tickets", &token).go().await;
    assert_error(res, StatusCode::UNAUTHORIZED, "invalid_session").await;
}

#[tokio::test]
async fn a_made_up_or_missing_token_is_refused() {
    let app = TestApp::spawn().await;
    let res = app.widget(Method::GET, "/tickets", "phs_madeup").go().await;
    assert_error(res, StatusCode::UNAUTHORIZED, "invalid_session").await;
    let res = app
        .request(Method::GET, "/api/v1/widget/acme/tickets")
        .go()
        .await;
    assert_error(res, StatusCode::UNAUTHORIZED, "missing_credentials").await;
}

#[tokio::test]
async fn a_session_used_from_another_origin_is_refused() {
    let app = TestApp::spawn().await;
    let token = app.login("a@b.co").await;
    let res = app
        .widget(Method::GET, "/tickets", &token)
        .header("Origin", "https://evil.example")
        .go()
        .await;
    assert_error(res, StatusCode::FORBIDDEN, "origin_not_allowed").await;
    // The host origin it was made for, and Porthole's own origin (the widget iframe), both work.
    for origin in [HOST.to_owned(), app.base.clone()] {
        let res = app
            .widget(Method::GET, "/tickets", &token)
            .header("Origin", origin)
            .go()
            .await;
        assert_eq!(res.status(), StatusCode::OK);
    }
}

#[tokio::test]
async fn a_session_for_one_workspace_is_useless_on_another() {
    let app = TestApp::spawn().await;
    app.other_workspace("globex", "https://globex.example")
        .await;
    let token = app.login("a@b.co").await;
    let res = app
        .request(Method::GET, "/api/v1/widget/globex/tickets")
        .bearer_auth(&token)
        .go()
        .await;
    assert_error(res, StatusCode::UNAUTHORIZED, "invalid_session").await;
}

#[tokio::test]
async fn the_database_holds_no_session_token_only_its_hash() {
    let app = TestApp::spawn().await;
    let token = app.login("a@b.co").await;
    let mut bytes = Vec::new();
    for suffix in ["", "-wal"] {
        let path = format!("{}{suffix}", app.db_path.display());
        bytes.extend(std::fs::read(path).unwrap_or_default());
    }
    let haystack = String::from_utf8_lossy(&bytes);
    assert!(!haystack.contains(&token), "the raw token is on disk");
    assert!(
        haystack.contains(&porthole_core::hash_token(&token)),
        "its hash is"
    );
}

#[tokio::test]
async fn cors_is_answered_for_allowed_origins_only() {
    let app = TestApp::spawn().await;
    let preflight = |origin: &'static str| {
        app.request(Method::OPTIONS, "/api/v1/widget/acme/tickets")
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header(
                "Access-Control-Request-Headers",
                "authorization, content-type, idempotency-key",
            )
            .send()
    };
    let ok = preflight(HOST).await.unwrap();
    assert_eq!(ok.headers()["access-control-allow-origin"], HOST);
    let allowed = ok.headers()["access-control-allow-headers"]
        .to_str()
        .unwrap()
        .to_lowercase();
    assert!(allowed.contains("idempotency-key"));

    let evil = preflight("https://evil.example").await.unwrap();
    assert!(evil.headers().get("access-control-allow-origin").is_none());

    // An origin allowed by one workspace gets nothing on another's endpoints.
    app.other_workspace("globex", "https://globex.example")
        .await;
    let cross = app
        .request(Method::OPTIONS, "/api/v1/widget/acme/tickets")
        .header("Origin", "https://globex.example")
        .header("Access-Control-Request-Method", "GET")
        .go()
        .await;
    assert!(cross.headers().get("access-control-allow-origin").is_none());
}

#[tokio::test]
async fn cors_follows_a_change_of_the_allowed_origins_on_the_next_request() {
    let app = TestApp::spawn().await;
    let key = app.agent_key("Admin").await;
    let allowed = |origin: &'static str| {
        let req = app
            .request(Method::OPTIONS, "/api/v1/widget/acme/tickets")
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "GET");
        async move {
            req.go()
                .await
                .headers()
                .get("access-control-allow-origin")
                .is_some()
        }
    };
    assert!(allowed(HOST).await, "the list is now cached");
    assert!(!allowed("https://new.example.com").await);
    let res = app
        .agent(Method::PUT, "/origins", &key)
        .json(&json!({ "origins": ["https://new.example.com"] }))
        .go()
        .await;
    assert!(res.status().is_success());
    assert!(!allowed(HOST).await, "a removed origin is refused at once");
    assert!(
        allowed("https://new.example.com").await,
        "an added one is answered at once"
    );
}

#[tokio::test]
async fn the_agent_api_answers_no_cors_at_all() {
    let app = TestApp::spawn().await;
    let res = app
        .request(Method::OPTIONS, "/api/v1/agent/tickets")
        .header("Origin", HOST)
        .header("Access-Control-Request-Method", "GET")
        .go()
        .await;
    assert!(res.headers().get("access-control-allow-origin").is_none());
}

#[tokio::test]
async fn a_held_session_for_the_same_user_is_reused_without_the_hash() {
    let app = TestApp::spawn().await;
    let token = app.login("a@b.co").await;
    let res = app
        .request(Method::POST, "/api/v1/widget/acme/session")
        .header("Origin", HOST)
        .bearer_auth(&token)
        .json(&json!({ "email": "A@B.co", "verification_hash": "stale or absent" }))
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::OK, "reused, not created");
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["token"], token.as_str());
    assert!(body["expires_in"].as_i64().unwrap() > 0);
    assert_eq!(body["unread"], 0);
}

#[tokio::test]
async fn a_held_session_for_another_user_is_revoked_and_the_new_one_must_verify() {
    let app = TestApp::spawn().await;
    let alice = app.login("alice@b.co").await;
    let forged = app
        .request(Method::POST, "/api/v1/widget/acme/session")
        .header("Origin", HOST)
        .bearer_auth(&alice)
        .json(&json!({ "email": "bob@b.co", "verification_hash": "0".repeat(64) }))
        .go()
        .await;
    assert_error(forged, StatusCode::UNAUTHORIZED, "invalid_identity").await;
    let res = app.widget(Method::GET, "/tickets", &alice).go().await;
    assert_error(res, StatusCode::UNAUTHORIZED, "invalid_session").await;

    let res = app
        .request(Method::POST, "/api/v1/widget/acme/session")
        .header("Origin", HOST)
        .bearer_auth(&alice)
        .json(&json!({ "email": "bob@b.co", "verification_hash": app.sign("bob@b.co", None) }))
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let bob: Value = res.json().await.unwrap();
    assert_ne!(bob["token"], alice.as_str());
    assert_eq!(bob["email"], "bob@b.co");
}

#[tokio::test]
async fn the_session_reports_how_many_tickets_have_unread_agent_replies() {
    let app = TestApp::spawn().await;
    let token = app.login("a@b.co").await;
    app.new_ticket(&token, "One").await;
    app.new_ticket(&token, "Two").await;
    let key = app.agent_key("Ann").await;
    for reference in ["TKT-0001", "TKT-0002"] {
        app.agent(
            Method::POST,
            &format!("/tickets/{reference}/messages"),
            &key,
        )
        .json(&json!({ "body": "Answer" }))
        .go()
        .await;
    }
    let me = app.widget(Method::GET, "/session", &token).value().await;
    assert_eq!(me["unread"], 2);
    app.widget(Method::GET, "/tickets/TKT-0001", &token)
        .go()
        .await;
    let me = app.widget(Method::GET, "/session", &token).value().await;
    assert_eq!(me["unread"], 1);
}
