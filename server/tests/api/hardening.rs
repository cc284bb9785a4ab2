//! What review found an attacker could do, and what now stops them: look-alike emails, origins
//! that are not origins, sessions outliving their origin, oversized requests that escaped the
//! error shape, and unlimited ticket creation.

use std::io::{Read, Write};
use std::time::Duration;

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::helpers::{assert_error, RequestExt, TestApp, HOST};

#[tokio::test]
async fn a_look_alike_address_signed_by_the_host_never_reaches_another_users_tickets() {
    let app = TestApp::spawn().await;
    let kate = app.login("kate@acme.test").await;
    let ticket = app.new_ticket(&kate, "Kate's invoice").await;
    let reference = ticket["reference"].as_str().unwrap();

    // KELVIN SIGN, ANGSTROM SIGN and a fullwidth letter: Unicode lowercasing would fold the
    // first into "k". The host signed each exact string, as it would for a real user.
    for look_alike in [
        "\u{212A}ate@acme.test",
        "\u{FF4B}ate@acme.test",
        "KATE@ACME.TES\u{0130}",
    ] {
        let res = app
            .create_session(json!({
                "email": look_alike,
                "verification_hash": app.sign(look_alike, None),
            }))
            .await;
        if res.status() != StatusCode::CREATED {
            assert!(res.status().is_client_error(), "{look_alike:?}");
            continue;
        }
        let session: Value = res.json().await.unwrap();
        assert_ne!(session["email"], "kate@acme.test", "{look_alike:?}");
        let token = session["token"].as_str().unwrap();
        let list = app.widget(Method::GET, "/tickets", token).value().await;
        assert_eq!(
            list["tickets"],
            json!([]),
            "{look_alike:?} sees Kate's list"
        );
        let res = app
            .widget(Method::GET, &format!("/tickets/{reference}"), token)
            .go()
            .await;
        assert_error(res, StatusCode::NOT_FOUND, "not_found").await;
        let res = app
            .widget(
                Method::POST,
                &format!("/tickets/{reference}/messages"),
                token,
            )
            .json(&json!({ "body": "let me in" }))
            .go()
            .await;
        assert_error(res, StatusCode::NOT_FOUND, "not_found").await;
    }
    // ASCII case still makes one person.
    let shouting = app.login("KATE@Acme.Test").await;
    let list = app.widget(Method::GET, "/tickets", &shouting).value().await;
    assert_eq!(list["tickets"][0]["reference"], reference);
}

#[tokio::test]
async fn the_agent_email_filter_folds_ascii_only() {
    let app = TestApp::spawn().await;
    let kate = app.login("kate@acme.test").await;
    app.new_ticket(&kate, "Mine").await;
    let key = app.agent_key("Ann").await;
    let upper = app
        .agent(Method::GET, "/tickets?email=KATE%40ACME.TEST", &key)
        .value()
        .await;
    assert_eq!(upper["total"], 1);
    let kelvin = app
        .agent(Method::GET, "/tickets?email=%E2%84%AAate%40acme.test", &key)
        .value()
        .await;
    assert_eq!(kelvin["total"], 0);
}

#[tokio::test]
async fn only_real_origins_are_accepted_and_they_are_stored_in_one_form() {
    let app = TestApp::spawn().await;
    let key = app.agent_key("Admin").await;
    for bad in [
        "https://*",
        "https://*.acme.test",
        "https://a.test'",
        "https://a.test:0",
        "https://a.test;x",
        "https://'self'",
        "https://a b.test",
    ] {
        let res = app
            .agent(Method::PUT, "/origins", &key)
            .json(&json!({ "origins": [bad] }))
            .go()
            .await;
        assert_eq!(
            res.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{bad} accepted"
        );
    }
    let res = app
        .agent(Method::PUT, "/origins", &key)
        .json(&json!({ "origins": ["HTTPS://App.Example.com:443/", "http://[::1]:8080"] }))
        .go()
        .await;
    assert!(res.status().is_success());
    let stored = app.agent(Method::GET, "/origins", &key).value().await;
    let text = stored.to_string();
    assert!(text.contains("\"https://app.example.com\""), "{text}");
    assert!(text.contains("\"http://[::1]:8080\""), "{text}");
    // CORS, the Origin check and frame-ancestors agree on the canonical value.
    let page = app.request(Method::GET, "/p/acme").go().await;
    let csp = page.headers()["content-security-policy"].to_str().unwrap();
    assert!(
        csp.contains("frame-ancestors http://[::1]:8080 https://app.example.com"),
        "{csp}"
    );
    let preflight = app
        .request(Method::OPTIONS, "/api/v1/widget/acme/session")
        .header("Origin", "https://app.example.com")
        .header("Access-Control-Request-Method", "POST")
        .go()
        .await;
    assert_eq!(
        preflight.headers()["access-control-allow-origin"],
        "https://app.example.com"
    );
}

#[tokio::test]
async fn the_api_and_the_cli_keep_one_rule_for_how_many_origins_a_workspace_allows() {
    let app = TestApp::spawn().await;
    let key = app.agent_key("Admin").await;
    let list = |n: usize| -> Vec<String> {
        (0..n)
            .map(|i| format!("https://s{i}.example.com"))
            .collect()
    };
    let put = |origins: Vec<String>| {
        app.agent(Method::PUT, "/origins", &key)
            .json(&json!({ "origins": origins }))
            .go()
    };
    let res = put(list(51)).await;
    assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field").await;
    assert!(put(list(50)).await.status().is_success());
    // The CLI, where one more could be added before, now refuses the 51st.
    let out = app.cli(&[
        "workspace",
        "allow-origin",
        "acme",
        "https://s50.example.com",
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success() && err.contains("at most 50"), "{err}");
    // And at the other end: the API refuses an empty list, and the CLI, which could take the
    // last origin away before, refuses that too.
    let res = put(vec![]).await;
    assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field").await;
    assert!(put(list(1)).await.status().is_success());
    let out = app.cli(&[
        "workspace",
        "disallow-origin",
        "acme",
        "https://s0.example.com",
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && err.contains("keep at least one allowed origin"),
        "{err}"
    );
    let stored = app.agent(Method::GET, "/origins", &key).value().await;
    assert_eq!(stored["origins"], json!(["https://s0.example.com"]));
}

#[tokio::test]
async fn disallowing_an_origin_revokes_its_sessions_for_good() {
    let app = TestApp::spawn().await;
    let key = app.agent_key("Admin").await;
    let token = app.login("ada@example.com").await;
    let set = |origins: Value| {
        app.agent(Method::PUT, "/origins", &key)
            .json(&json!({ "origins": origins }))
            .go()
    };
    assert!(set(json!(["https://other.example.com"]))
        .await
        .status()
        .is_success());
    assert!(set(json!([HOST])).await.status().is_success());
    // Allowing the origin again brings no old session back to life.
    let res = app.widget(Method::GET, "/tickets", &token).go().await;
    assert_error(res, StatusCode::UNAUTHORIZED, "invalid_session").await;
    // A new sign-in works as before.
    let fresh = app.login("ada@example.com").await;
    let res = app.widget(Method::GET, "/tickets", &fresh).go().await;
    assert_eq!(res.status(), StatusCode::OK);
}

#[tokio::test]
async fn what_the_cli_changes_reaches_a_running_server_on_the_very_next_call() {
    let app = TestApp::spawn().await;
    let token = app.login("ada@example.com").await;
    app.new_ticket(&token, "Export fails").await;
    // Asked twice, so the server holds the session and the list in memory.
    for _ in 0..2 {
        let list = app.widget(Method::GET, "/tickets", &token).value().await;
        assert_eq!(list["tickets"][0]["unread"], false, "{list}");
    }
    let cli = |args: &[&str]| {
        let out = app.cli(args);
        assert!(out.status.success(), "{out:?}");
    };
    cli(&[
        "ticket",
        "reply",
        "--workspace",
        "acme",
        "TKT-0001",
        "Fixed",
    ]);
    let list = app.widget(Method::GET, "/tickets", &token).value().await;
    assert_eq!(list["tickets"][0]["unread"], true, "{list}");
    // A workspace keeps one origin at least: another first, then the one the session is from.
    cli(&[
        "workspace",
        "allow-origin",
        "acme",
        "https://other.example.com",
    ]);
    cli(&["workspace", "disallow-origin", "acme", HOST]);
    for path in ["/tickets", "/session"] {
        let res = app.widget(Method::GET, path, &token).go().await;
        assert_error(res, StatusCode::UNAUTHORIZED, "invalid_session").await;
    }
}

/// Sends raw bytes and returns the raw answer: for requests no HTTP client will build.
fn raw_exchange(base: &str, request: &[u8]) -> String {
    let addr = base.trim_start_matches("http://");
    let mut socket = std::net::TcpStream::connect(addr).unwrap();
    socket
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    socket.write_all(request).unwrap();
    let mut answer = Vec::new();
    let _ = socket.read_to_end(&mut answer);
    String::from_utf8_lossy(&answer).into_owned()
}

fn assert_raw_error(answer: &str, status: &str, code: &str) {
    let (head, body) = answer.split_once("\r\n\r\n").expect("a whole response");
    assert!(head.starts_with(&format!("HTTP/1.1 {status} ")), "{head}");
    assert!(
        head.to_ascii_lowercase()
            .contains("content-type: application/json"),
        "{head}"
    );
    let body: Value = serde_json::from_str(body).expect("a JSON body");
    assert_eq!(body["error"]["code"], code, "{body}");
}

#[tokio::test]
async fn oversized_requests_are_refused_with_the_json_error_shape() {
    let app = TestApp::spawn().await;
    let token = app.login("ada@example.com").await;
    // 413: a body over 64 KiB.
    let res = app
        .widget(Method::POST, "/tickets", &token)
        .json(&json!({ "subject": "x".repeat(70_000) }))
        .go()
        .await;
    assert_error(res, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large").await;
    // 414: a URL past our limit, and one past hyper's own (which answers before our code).
    for len in [9_000, 70_000] {
        let base = app.base.clone();
        let answer = tokio::task::spawn_blocking(move || {
            let request = format!(
                "GET /api/v1/widget/acme/tickets?q={} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "a".repeat(len)
            );
            raw_exchange(&base, request.as_bytes())
        })
        .await
        .unwrap();
        assert_raw_error(&answer, "414", "uri_too_long");
    }
    // 431: one huge header, and more headers than hyper parses.
    let base = app.base.clone();
    let (huge, many) = tokio::task::spawn_blocking(move || {
        let huge = format!(
            "GET /api/v1/widget/acme/tickets HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\nConnection: close\r\n\r\n",
            "v".repeat(20_000)
        );
        let many: String = (0..150).map(|i| format!("X-H{i}: v\r\n")).collect();
        let many = format!(
            "GET /api/v1/widget/acme/tickets HTTP/1.1\r\nHost: x\r\n{many}Connection: close\r\n\r\n"
        );
        (
            raw_exchange(&base, huge.as_bytes()),
            raw_exchange(&base, many.as_bytes()),
        )
    })
    .await
    .unwrap();
    assert_raw_error(&huge, "431", "headers_too_large");
    assert_raw_error(&many, "431", "headers_too_large");
    // Garbage instead of a request line.
    let base = app.base.clone();
    let garbage = tokio::task::spawn_blocking(move || raw_exchange(&base, b"NOT HTTP\r\n\r\n"))
        .await
        .unwrap();
    assert_raw_error(&garbage, "400", "malformed_request");
    // And the server is still there.
    let res = app.request(Method::GET, "/healthz").go().await;
    assert_eq!(res.status(), StatusCode::OK);
}

#[tokio::test]
async fn one_user_cannot_open_tickets_without_limit() {
    let app = TestApp::spawn().await;
    let token = app.login("flood@example.com").await;
    for i in 0..30 {
        let res = app
            .widget(Method::POST, "/tickets", &token)
            .header("Idempotency-Key", format!("k{i}"))
            .json(&json!({ "subject": format!("Ticket {i}") }))
            .go()
            .await;
        assert_eq!(res.status(), StatusCode::CREATED, "ticket {i}");
    }
    let res = app
        .widget(Method::POST, "/tickets", &token)
        .json(&json!({ "subject": "One too many" }))
        .go()
        .await;
    let retry_after: i64 = res.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=3600).contains(&retry_after), "{retry_after}");
    assert_error(res, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
    // A retry of a ticket already made still answers with it: nothing is lost.
    let replay = app
        .widget(Method::POST, "/tickets", &token)
        .header("Idempotency-Key", "k29")
        .json(&json!({ "subject": "Ticket 29" }))
        .go()
        .await;
    assert_eq!(replay.status(), StatusCode::CREATED);
    assert_eq!(replay.headers()["idempotent-replayed"], "true");
    // A refused creation burned no reference and wrote nothing.
    let list = app
        .widget(Method::GET, "/tickets?limit=100", &token)
        .value()
        .await;
    assert_eq!(list["tickets"].as_array().unwrap().len(), 30);
    // Another user is not held back, and the allowance comes back after an hour.
    let other = app.login("calm@example.com").await;
    let ticket = app.new_ticket(&other, "Unaffected").await;
    assert_eq!(ticket["reference"], "TKT-0031");
    app.clock.advance(Duration::from_secs(3_601));
    let fresh = app.login("flood@example.com").await;
    app.new_ticket(&fresh, "An hour later").await;
}

#[tokio::test]
async fn api_answers_and_scripts_are_never_sniffed() {
    let app = TestApp::spawn().await;
    for path in [
        "/api/v1/widget/acme/tickets",
        "/api/v1/agent/tickets",
        "/healthz",
        "/loader.js",
        "/no/such/path",
    ] {
        let res = app.request(Method::GET, path).go().await;
        assert_eq!(
            res.headers()
                .get("x-content-type-options")
                .map(|v| v.to_str().unwrap()),
            Some("nosniff"),
            "{path}"
        );
    }
}

#[tokio::test]
async fn the_servers_front_page_says_what_it_is_and_names_no_customer() {
    let app = TestApp::spawn().await;
    let res = app.request(Method::GET, "/").go().await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    let page = res.text().await.unwrap();
    assert!(page.contains("Porthole") && page.contains("/p/"), "{page}");
    assert!(!page.contains("acme"), "the page lists a workspace");
    assert!(
        page.contains("href=\"/console\""),
        "agents find the console"
    );
    // The console's address with a trailing slash, as people type it, leads there too.
    let res = app
        .pages()
        .get(format!("{}/console/", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/console");
}
