//! Webhooks, delivered to a receiver that verifies their signatures with the independent
//! `standardwebhooks` package.

use std::time::Duration;

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::helpers::{assert_error, silent_server, Options, RequestExt, TestApp};
use crate::receiver::Receiver;
use crate::smtp::free_port;

async fn app() -> TestApp {
    TestApp::spawn_with(Options {
        allow_private_webhooks: true,
        ..Options::default()
    })
    .await
}

/// Adds an endpoint on a free loopback port; returns its id, secret and port.
async fn add(app: &TestApp, key: &str, body: Value) -> (i64, Option<String>, u16) {
    let port = free_port();
    let mut body = body;
    body["url"] = json!(format!("http://127.0.0.1:{port}/hook"));
    let res = app
        .agent(Method::POST, "/webhooks", key)
        .json(&body)
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let added: Value = res.json().await.unwrap();
    let secret = added["secret"].as_str().map(str::to_owned);
    (added["webhook"]["id"].as_i64().unwrap(), secret, port)
}

fn of_type<'a>(kind: &'a str) -> impl Fn(&crate::receiver::Delivery) -> bool + 'a {
    move |d| d.body["type"] == kind
}

#[tokio::test]
async fn deliveries_are_signed_so_that_an_independent_verifier_accepts_them() {
    let app = app().await;
    let key = app.agent_key("Ann").await;
    let (_, secret, port) = add(&app, &key, json!({})).await;
    let secret = secret.expect("a signing secret, shown once");
    assert!(secret.starts_with("whsec_"));
    let receiver = Receiver::start(port, Some(&secret), 0);

    let token = app.login("ada@example.com").await;
    let ticket = app.new_ticket(&token, "Signed").await;
    let reference = ticket["reference"].as_str().unwrap();
    let res = app
        .agent(
            Method::POST,
            &format!("/tickets/{reference}/messages"),
            &key,
        )
        .json(&json!({ "body": "legacy plan", "internal": true }))
        .go()
        .await;
    assert!(res.status().is_success());

    let created = receiver.wait_for(of_type("ticket.created")).await;
    assert_eq!(created.verified, Some(true), "{created:?}");
    assert_eq!(created.body["data"]["ticket"], reference);
    assert_eq!(created.body["data"]["subject"], "Signed");
    assert_eq!(created.body["data"]["workspace"], "acme");
    assert!(created.id.starts_with("evt_"));
    let note = receiver.wait_for(of_type("ticket.note")).await;
    assert_eq!(note.verified, Some(true));
    assert_eq!(note.body["data"]["message"]["body"], "legacy plan");
    // The list never shows the secret again.
    let list = app.agent(Method::GET, "/webhooks", &key).value().await;
    assert!(!list.to_string().contains(&secret));
}

#[tokio::test]
async fn a_receiver_with_the_wrong_secret_rejects_them_and_they_are_retried_with_the_same_id() {
    let app = app().await;
    let key = app.agent_key("Ann").await;
    let (id, _, port) = add(&app, &key, json!({ "events": ["ticket.created"] })).await;
    let wrong = porthole_core::webhooks::new_secret();
    let receiver = Receiver::start(port, Some(&wrong), 0);
    let token = app.login("ada@example.com").await;
    app.new_ticket(&token, "Forged?").await;

    let first = receiver.wait_for(of_type("ticket.created")).await;
    assert_eq!(first.verified, Some(false), "the check is real");
    assert_eq!(first.status, 401);
    let log = async {
        loop {
            let log = app
                .agent(Method::GET, &format!("/webhooks/{id}/deliveries"), &key)
                .value()
                .await;
            if log["deliveries"][0]["last_status"] == 401 {
                return log;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    };
    let log = tokio::time::timeout(Duration::from_secs(10), log)
        .await
        .unwrap();
    assert_eq!(log["deliveries"][0]["attempts"], 1);
    assert!(log["deliveries"][0]["next_attempt_at"].is_i64(), "{log}");

    app.clock.advance(Duration::from_secs(11));
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while receiver.received().len() < 2 {
        assert!(std::time::Instant::now() < deadline, "no retry");
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let both = receiver.received();
    assert_eq!(both[0].id, both[1].id, "a retry keeps its webhook-id");
}

#[tokio::test]
async fn an_endpoint_that_never_answers_holds_up_no_other_and_its_log_says_what_happened() {
    let app = app().await;
    let key = app.agent_key("Ann").await;
    let (silent_port, accepted) = silent_server().await;
    let res = app
        .agent(Method::POST, "/webhooks", &key)
        .json(&json!({
            "url": format!("http://127.0.0.1:{silent_port}/hook"),
            "events": ["ticket.created"],
        }))
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let silent_id = res.json::<Value>().await.unwrap()["webhook"]["id"]
        .as_i64()
        .unwrap();
    let (_, secret, port) = add(&app, &key, json!({ "events": ["ticket.created"] })).await;
    let healthy = Receiver::start(port, secret.as_deref(), 0);

    let token = app.login("ada@example.com").await;
    for subject in ["One", "Two", "Three"] {
        app.new_ticket(&token, subject).await;
    }
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while healthy.received().len() < 3 {
        assert!(
            std::time::Instant::now() < deadline,
            "the healthy endpoint waited"
        );
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    // The silent endpoint's deliveries that have been attempted.
    let tried = || async {
        let log = app
            .agent(
                Method::GET,
                &format!("/webhooks/{silent_id}/deliveries"),
                &key,
            )
            .value()
            .await;
        log["deliveries"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["attempts"] != 0)
            .cloned()
            .collect::<Vec<Value>>()
    };
    // All three reached the healthy endpoint while the silent one's first attempt was still
    // waiting for an answer: no attempt of the silent endpoint's is recorded yet.
    assert_eq!(tried().await, Vec::<Value>::new());

    // Its first delivery times out and says so; its others wait their turn rather than each
    // waiting out a timeout of their own.
    let timed_out = async {
        loop {
            let tried = tried().await;
            if !tried.is_empty() {
                return tried;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    };
    let tried = tokio::time::timeout(Duration::from_secs(10), timed_out)
        .await
        .unwrap();
    assert_eq!(tried.len(), 1, "{tried:?}");
    assert_eq!(tried[0]["last_error"], "no answer within 5 s");
    assert!(tried[0]["next_attempt_at"].is_i64());
    assert_eq!(accepted.load(std::sync::atomic::Ordering::SeqCst), 1);
}

#[tokio::test]
async fn a_failed_delivery_is_retried_until_it_is_accepted() {
    let app = app().await;
    let key = app.agent_key("Ann").await;
    let (id, secret, port) = add(&app, &key, json!({ "events": ["ticket.created"] })).await;
    let receiver = Receiver::start(port, secret.as_deref(), 1);
    let token = app.login("ada@example.com").await;
    app.new_ticket(&token, "Retry me").await;
    let failed = receiver.wait_for(|d| d.status == 500).await;
    assert_eq!(failed.verified, Some(true));

    app.clock.advance(Duration::from_secs(11));
    receiver.wait_for(|d| d.status == 200).await;
    let accepted = async {
        loop {
            let log = app
                .agent(Method::GET, &format!("/webhooks/{id}/deliveries"), &key)
                .value()
                .await;
            if log["deliveries"][0]["delivered_at"].is_i64() {
                return log;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    };
    let log = tokio::time::timeout(Duration::from_secs(10), accepted)
        .await
        .unwrap();
    assert_eq!(log["deliveries"][0]["attempts"], 2);
    assert_eq!(log["deliveries"][0]["last_status"], 200);
}

#[tokio::test]
async fn an_endpoint_hears_only_the_event_types_it_chose_and_can_have_one_replayed() {
    let app = app().await;
    let key = app.agent_key("Ann").await;
    let (id, secret, port) = add(&app, &key, json!({ "events": ["ticket.created"] })).await;
    let receiver = Receiver::start(port, secret.as_deref(), 0);
    let token = app.login("ada@example.com").await;
    let first = app.new_ticket(&token, "One").await;
    let reference = first["reference"].as_str().unwrap();
    let res = app
        .agent(
            Method::POST,
            &format!("/tickets/{reference}/messages"),
            &key,
        )
        .json(&json!({ "body": "public reply" }))
        .go()
        .await;
    assert!(res.status().is_success());
    app.new_ticket(&token, "Two").await;
    receiver
        .wait_for(|d| d.body["data"]["subject"] == "Two")
        .await;
    assert!(receiver
        .received()
        .iter()
        .all(|d| d.body["type"] == "ticket.created"));

    let log = app
        .agent(Method::GET, &format!("/webhooks/{id}/deliveries"), &key)
        .value()
        .await;
    let oldest = log["deliveries"].as_array().unwrap().last().unwrap()["id"]
        .as_i64()
        .unwrap();
    let res = app
        .agent(
            Method::POST,
            &format!("/webhooks/{id}/deliveries/{oldest}/redeliver"),
            &key,
        )
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while receiver
        .received()
        .iter()
        .filter(|d| d.body["data"]["subject"] == "One")
        .count()
        < 2
    {
        assert!(std::time::Instant::now() < deadline, "not replayed");
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

#[tokio::test]
async fn an_endpoint_hears_nothing_of_what_happened_before_it_was_added() {
    let app = app().await;
    let key = app.agent_key("Ann").await;
    let token = app.login("ada@example.com").await;
    app.new_ticket(&token, "Before").await;
    app.clock.advance(Duration::from_millis(1));
    let (_, secret, port) = add(&app, &key, json!({})).await;
    let receiver = Receiver::start(port, secret.as_deref(), 0);
    app.new_ticket(&token, "After").await;
    // Events are planned in order, so "Before" would have come first.
    receiver
        .wait_for(|d| d.body["data"]["subject"] == "After")
        .await;
    let received = receiver.received();
    assert!(
        received
            .iter()
            .all(|d| d.body["data"]["ticket"] != "TKT-0001"),
        "{received:?}"
    );
}

#[tokio::test]
async fn a_slack_endpoint_gets_a_message_with_user_text_escaped() {
    let app = app().await;
    let key = app.agent_key("Ann").await;
    let (_, secret, port) = add(&app, &key, json!({ "kind": "slack" })).await;
    assert!(secret.is_none(), "a Slack URL is its own secret");
    let receiver = Receiver::start(port, None, 0);
    let token = app.login("ada@example.com").await;
    app.new_ticket(&token, "<!channel> help").await;
    let got = receiver
        .wait_for(|d| {
            d.body["text"]
                .as_str()
                .is_some_and(|t| t.contains("New ticket"))
        })
        .await;
    assert_eq!(
        got.body["text"],
        "[acme] New ticket *TKT-0001*: &lt;!channel&gt; help"
    );
}

#[tokio::test]
async fn private_destinations_and_bad_urls_are_refused_without_the_operator_flag() {
    let app = TestApp::spawn().await;
    let key = app.agent_key("Ann").await;
    for url in [
        "http://127.0.0.1:9/hook",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]/x",
        "http://localhost:9/",
        "http://10.0.0.5/",
        "http://user:pass@example.com/",
        "ftp://example.com/",
        "not a url",
    ] {
        let res = app
            .agent(Method::POST, "/webhooks", &key)
            .json(&json!({ "url": url }))
            .go()
            .await;
        let body = assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field").await;
        assert_eq!(body["error"]["field"], "url", "{url}");
    }
    let res = app
        .agent(Method::POST, "/webhooks", &key)
        .json(&json!({ "url": "http://127.0.0.1:9/", "events": ["ticket.exploded"] }))
        .go()
        .await;
    assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field").await;
    let res = app
        .agent(Method::POST, "/webhooks", &key)
        .json(&json!({ "url": "http://127.0.0.1:9/", "kind": "teams" }))
        .go()
        .await;
    assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field").await;
}

#[tokio::test]
async fn another_workspaces_key_cannot_see_or_touch_an_endpoint() {
    let app = app().await;
    let key = app.agent_key("Ann").await;
    let (id, _, _) = add(&app, &key, json!({})).await;
    let other = app.globex_key().await;
    let list = app.agent(Method::GET, "/webhooks", &other).value().await;
    assert_eq!(list["webhooks"], json!([]));
    for (method, path) in [
        (Method::GET, format!("/webhooks/{id}/deliveries")),
        (Method::DELETE, format!("/webhooks/{id}")),
        (
            Method::POST,
            format!("/webhooks/{id}/deliveries/1/redeliver"),
        ),
    ] {
        let res = app.agent(method, &path, &other).go().await;
        assert_error(res, StatusCode::NOT_FOUND, "not_found").await;
    }
    let mine = app.agent(Method::GET, "/webhooks", &key).value().await;
    assert_eq!(mine["webhooks"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn endpoints_added_at_once_cannot_pass_the_workspaces_twenty() {
    let app = app().await;
    let key = app.agent_key("Ann").await;
    let sent = (0..30).map(|n| {
        app.agent(Method::POST, "/webhooks", &key)
            .json(&json!({ "url": format!("http://127.0.0.1:9/hook{n}") }))
            .go()
    });
    let answers = futures_util::future::join_all(sent).await;
    let added = answers
        .iter()
        .filter(|r| r.status() == StatusCode::CREATED)
        .count();
    let refused = answers
        .iter()
        .filter(|r| r.status() == StatusCode::UNPROCESSABLE_ENTITY)
        .count();
    assert_eq!((added, refused), (20, 10));
    let list = app.agent(Method::GET, "/webhooks", &key).value().await;
    assert_eq!(list["webhooks"].as_array().unwrap().len(), 20);
}

/// `kill -9` while a delivery waits for a retry: after a restart it is delivered, once. The
/// endpoint is added and inspected with the CLI.
#[tokio::test]
async fn a_delivery_pending_at_a_crash_is_made_once_after_restart() {
    let site = crate::crash::Site::new();
    let hook_port = free_port();
    let url = format!("http://127.0.0.1:{hook_port}/hook");
    // Refused without the flag, as through the API.
    let refused = crate::crash::cli(&site.db, &["webhook", "add", "--workspace", "acme", &url]);
    assert!(!refused.status.success());
    let added = site.cli(&[
        "webhook",
        "add",
        "--workspace",
        "acme",
        &url,
        "--allow-private",
    ]);
    let secret = added
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with("whsec_"))
        .expect("the secret is printed once")
        .to_owned();
    assert!(site
        .cli(&["webhook", "list", "--workspace", "acme"])
        .contains(&url));

    let flags = ["--allow-private-webhooks"];
    let first = site.serve(&flags).await;
    site.submit("Crash test").await;
    // No receiver yet: the first attempt fails and a retry is recorded.
    crate::crash::kill_after(first, "will retry");

    let receiver = Receiver::start(hook_port, Some(&secret), 0);
    let mut second = site.serve(&flags).await;
    let got = receiver.wait_for(of_type("ticket.created")).await;
    assert_eq!(got.verified, Some(true));
    let deliveries = || site.cli(&["webhook", "deliveries", "--workspace", "acme", "1"]);
    crate::crash::until(async || deliveries().contains("delivered")).await;
    assert!(deliveries().contains("attempts 2"), "{}", deliveries());
    second.kill().unwrap();
    second.wait().unwrap();
    assert_eq!(receiver.received().len(), 1, "delivered once");
}
