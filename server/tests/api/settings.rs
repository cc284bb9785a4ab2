//! Remote configuration through the agent API: applied at once, refused whole when bad.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::helpers::{assert_error, RequestExt, TestApp, HOST};

async fn patch(app: &TestApp, key: &str, body: Value) -> reqwest::Response {
    app.agent(Method::PATCH, "/settings", key)
        .json(&body)
        .go()
        .await
}

#[tokio::test]
async fn settings_start_at_their_defaults_and_change_through_the_api() {
    let app = TestApp::spawn().await;
    let key = app.agent_key("Ann").await;
    let defaults = app.agent(Method::GET, "/settings", &key).value().await;
    assert_eq!(defaults["primary_color"], "#2563eb");
    assert_eq!(defaults["show_toggle_button"], true);
    assert_eq!(defaults["launcher_position"], "right");
    assert_eq!(defaults["default_locale"], "en");

    let res = patch(
        &app,
        &key,
        json!({
            "title": "Acme Help", "greeting": "Hello from Acme", "primary_color": "#0A7F3C",
            "launcher_position": "left", "categories": ["Billing", "Bugs"],
            "faqs": [{ "question": "Where is my invoice?", "answer": "Under Billing." }],
            "support_email": "help@acme.com", "default_locale": "fr",
        }),
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let s = app.agent(Method::GET, "/settings", &key).value().await;
    assert_eq!(s["title"], "Acme Help");
    assert_eq!(s["primary_color"], "#0a7f3c");
    assert_eq!(s["categories"], json!(["Billing", "Bugs"]));
    assert_eq!(s["faqs"][0]["answer"], "Under Billing.");

    let reset = patch(&app, &key, json!({ "title": null }))
        .await
        .json::<Value>()
        .await
        .unwrap();
    assert_eq!(reset["title"], Value::Null);
    assert_eq!(
        reset["greeting"], "Hello from Acme",
        "other settings are left alone"
    );
}

#[tokio::test]
async fn admins_changing_different_settings_at_once_both_keep_their_change() {
    let app = TestApp::spawn().await;
    let key = app.agent_key("Ann").await;
    for round in 0..5 {
        let changes = [
            json!({ "title": format!("Help {round}") }),
            json!({ "greeting": format!("Hello {round}") }),
            json!({ "brand_name": format!("Acme {round}") }),
            json!({ "support_email": format!("help{round}@acme.test") }),
            json!({ "logo_url": format!("https://acme.test/logo{round}.png") }),
            json!({ "widget_host_url": format!("https://acme.test/app{round}") }),
        ];
        let sent = changes.iter().map(|c| patch(&app, &key, c.clone()));
        for res in futures_util::future::join_all(sent).await {
            assert_eq!(res.status(), StatusCode::OK);
        }
        let now = app.agent(Method::GET, "/settings", &key).value().await;
        for change in &changes {
            let (field, value) = change.as_object().unwrap().iter().next().unwrap();
            assert_eq!(&now[field], value, "round {round}: {field} was lost");
        }
    }
}

#[tokio::test]
async fn a_bad_value_is_refused_with_a_4xx_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let key = app.agent_key("Ann").await;
    patch(&app, &key, json!({ "title": "Before" })).await;
    let before = app.agent(Method::GET, "/settings", &key).value().await;
    let faq = json!({ "question": "Q?", "answer": "A." });
    let cases = [
        (
            json!({ "title": "After", "primary_color": "blue" }),
            "primary_color",
        ),
        (json!({ "title": "After", "faqs": vec![faq; 6] }), "faqs"),
        (json!({ "logo_url": "javascript:alert(1)" }), "logo_url"),
        (json!({ "greeting": "x".repeat(501) }), "greeting"),
        (json!({ "default_locale": "klingon" }), "default_locale"),
        (
            json!({ "custom_css_url": "https://evil.example/x.css" }),
            "custom_css_url",
        ),
        (
            json!({ "categories": ["Billing", "billing"] }),
            "categories",
        ),
    ];
    for (body, field) in cases {
        let err = assert_error(
            patch(&app, &key, body).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_field",
        )
        .await;
        assert_eq!(err["error"]["field"], field);
    }
    assert_error(
        patch(&app, &key, json!({ "colour": "#fff" })).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid_body",
    )
    .await;
    assert_error(
        patch(&app, &key, json!(["not", "an object"])).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid_body",
    )
    .await;
    assert_eq!(
        app.agent(Method::GET, "/settings", &key).value().await,
        before
    );
}

#[tokio::test]
async fn a_newly_allowed_origin_works_at_once_and_a_removed_one_stops() {
    let app = TestApp::spawn().await;
    let key = app.agent_key("Ann").await;
    let newcomer = "https://new.acme.com";
    let body = json!({ "email": "a@b.co", "verification_hash": app.sign("a@b.co", None) });
    let from = |origin: &'static str| {
        app.request(Method::POST, "/api/v1/widget/acme/session")
            .header("Origin", origin)
            .json(&body)
            .go()
    };
    assert_eq!(from(newcomer).await.status(), StatusCode::FORBIDDEN);

    let res = app
        .agent(Method::PUT, "/origins", &key)
        .json(&json!({ "origins": [HOST, newcomer] }))
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let session: Value = from(newcomer).await.json().await.unwrap();
    let token = session["token"].as_str().unwrap().to_owned();

    app.agent(Method::PUT, "/origins", &key)
        .json(&json!({ "origins": [HOST] }))
        .go()
        .await;
    assert_eq!(from(newcomer).await.status(), StatusCode::FORBIDDEN);
    let res = app.widget(Method::GET, "/tickets", &token).go().await;
    assert_error(res, StatusCode::UNAUTHORIZED, "invalid_session").await;

    for bad in [
        json!({ "origins": [] }),
        json!({ "origins": ["not a url"] }),
    ] {
        let res = app
            .agent(Method::PUT, "/origins", &key)
            .json(&bad)
            .go()
            .await;
        assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field").await;
    }
    assert_eq!(
        app.agent(Method::GET, "/origins", &key).value().await["origins"],
        json!([HOST])
    );
}

#[tokio::test]
async fn the_secret_rotates_through_the_api_and_only_its_dates_are_shown() {
    let app = TestApp::spawn().await;
    let key = app.agent_key("Ann").await;
    let info = app.agent(Method::GET, "/secret", &key).value().await;
    assert!(info["created_at"].is_string());
    assert_eq!(info["previous_verifies_until"], Value::Null);
    assert!(!info.to_string().contains(&app.secret));

    let rotated = app
        .agent(Method::POST, "/secret/rotate", &key)
        .json(&json!({ "grace_hours": 2 }))
        .value()
        .await;
    let secret = rotated["secret"].as_str().unwrap();
    assert!(secret.starts_with("phid_") && secret != app.secret);
    assert!(rotated["previous_verifies_until"].is_string());
    let info = app.agent(Method::GET, "/secret", &key).value().await;
    assert_eq!(
        info["previous_verifies_until"],
        rotated["previous_verifies_until"]
    );
    assert!(!info.to_string().contains(secret));

    let res = app
        .agent(Method::POST, "/secret/rotate", &key)
        .json(&json!({ "grace_hours": 9999 }))
        .go()
        .await;
    assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field").await;
}

async fn session_with(app: &TestApp, extra: Value) -> Value {
    let mut body = json!({ "email": "a@b.co", "verification_hash": app.sign("a@b.co", None) });
    body.as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    app.create_session(body).await.json().await.unwrap()
}

#[tokio::test]
async fn metadata_is_kept_on_the_contact_and_shown_to_agents() {
    let app = TestApp::spawn().await;
    let s = session_with(&app, json!({ "metadata": { "value": 499.5, "name": "Pro", "links": { "CRM": "https://crm.acme.com/7" } } })).await;
    assert!(s.get("warnings").is_none());
    let token = s["token"].as_str().unwrap();
    app.new_ticket(token, "With metadata").await;
    let key = app.agent_key("Ann").await;
    let t = app
        .agent(Method::GET, "/tickets/TKT-0001", &key)
        .value()
        .await;
    assert_eq!(
        t["contact"]["metadata"],
        json!({ "value": 499.5, "name": "Pro", "links": { "CRM": "https://crm.acme.com/7" } })
    );
}

#[tokio::test]
async fn rejected_metadata_gets_a_clear_warning_and_does_not_block_the_session() {
    let app = TestApp::spawn().await;
    for metadata in [
        json!({ "links": { "x": "javascript:alert(1)" } }),
        json!({ "value": "a lot" }),
        json!({ "value": 1e308, "extra": true }),
    ] {
        let s = session_with(&app, json!({ "metadata": metadata })).await;
        assert!(s["token"].is_string(), "the session opened");
        assert_eq!(s["warnings"][0]["code"], "invalid_field");
        assert!(s["warnings"][0]["field"]
            .as_str()
            .unwrap()
            .starts_with("metadata"));
    }
}

#[tokio::test]
async fn the_launcher_follows_visibility_toggle_language_and_brand() {
    let app = TestApp::spawn().await;
    let key = app.agent_key("Ann").await;
    let s = session_with(&app, json!({})).await;
    assert_eq!(s["launcher"]["show"], true);
    assert_eq!(s["launcher"]["label"], "Open support");
    assert!(s["launcher"]["css"]
        .as_str()
        .unwrap()
        .contains("right:20px"));

    patch(&app, &key, json!({ "show_toggle_button": false, "launcher_position": "left", "primary_color": "#0a7f3c" })).await;
    let s = session_with(&app, json!({ "locale": "fr" })).await;
    assert_eq!(s["launcher"]["show"], false);
    assert_eq!(s["locale"], "fr");
    assert_eq!(s["launcher"]["label"], "Ouvrir l'assistance");
    let css = s["launcher"]["css"].as_str().unwrap();
    assert!(
        css.contains("left:20px") && css.contains("#0a7f3c"),
        "{css}"
    );
    let s = session_with(
        &app,
        json!({ "show_toggle_button": true, "languages": ["pt-BR", "de-DE"] }),
    )
    .await;
    assert_eq!(
        s["launcher"]["show"], true,
        "init overrides the server setting"
    );
    assert_eq!(s["locale"], "de");
    let s = session_with(&app, json!({ "locale": "it" })).await;
    assert_eq!(s["locale"], "en");
    assert_eq!(s["warnings"][0]["field"], "locale");

    patch(
        &app,
        &key,
        json!({ "visibility": "revenue", "revenue_threshold": 100 }),
    )
    .await;
    assert!(session_with(&app, json!({ "metadata": { "value": 99 } }))
        .await
        .get("launcher")
        .is_none());
    assert!(
        session_with(&app, json!({ "metadata": { "value": 100 } })).await["launcher"].is_object()
    );
    assert!(
        session_with(&app, json!({})).await["launcher"].is_object(),
        "the stored value counts"
    );
}

#[tokio::test]
async fn categories_are_offered_stored_and_filterable() {
    let app = TestApp::spawn().await;
    let key = app.agent_key("Ann").await;
    patch(&app, &key, json!({ "categories": ["Billing", "Bugs"] })).await;
    let token = app.login("a@b.co").await;
    let res = app
        .widget(Method::POST, "/tickets", &token)
        .json(&json!({ "subject": "Invoice", "category": "billing" }))
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    assert_eq!(res.json::<Value>().await.unwrap()["category"], "Billing");
    app.new_ticket(&token, "No category").await;
    let res = app
        .widget(Method::POST, "/tickets", &token)
        .json(&json!({ "subject": "x", "category": "Gossip" }))
        .go()
        .await;
    let err = assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field").await;
    assert_eq!(err["error"]["field"], "category");

    let list = app
        .agent(Method::GET, "/tickets?category=Billing", &key)
        .value()
        .await;
    assert_eq!(list["total"], 1);
    assert_eq!(list["tickets"][0]["category"], "Billing");
}

#[tokio::test]
async fn the_identity_policy_is_a_setting_that_applies_at_once() {
    let app = TestApp::spawn().await;
    let key = app.agent_key("Admin").await;
    let defaults = app.agent(Method::GET, "/settings", &key).value().await;
    assert_eq!(defaults["require_timestamp"], false);
    assert_eq!(defaults["timestamp_window_secs"], 300);
    for bad in [
        json!({ "timestamp_window_secs": 0 }),
        json!({ "timestamp_window_secs": 86_401 }),
        json!({ "timestamp_window_secs": "60" }),
        json!({ "require_timestamp": "yes" }),
    ] {
        let res = patch(&app, &key, bad.clone()).await;
        assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field").await;
    }
    let res = patch(
        &app,
        &key,
        json!({ "require_timestamp": true, "timestamp_window_secs": 60 }),
    )
    .await;
    assert!(res.status().is_success());
    let plain = app
        .create_session(json!({
            "email": "ada@example.com",
            "verification_hash": app.sign("ada@example.com", None),
        }))
        .await;
    assert_error(plain, StatusCode::UNAUTHORIZED, "timestamp_required").await;
    let old = app.clock.now_ms() - 90_000;
    let stale = app
        .create_session(json!({
            "email": "ada@example.com",
            "timestamp": old,
            "verification_hash": app.sign("ada@example.com", Some(old)),
        }))
        .await;
    assert_error(stale, StatusCode::UNAUTHORIZED, "timestamp_outside_window").await;
    let res = patch(
        &app,
        &key,
        json!({ "require_timestamp": null, "timestamp_window_secs": null }),
    )
    .await;
    assert!(res.status().is_success());
    app.login("ada@example.com").await;
}

#[tokio::test]
async fn a_settings_text_follows_the_same_rule_as_a_tickets() {
    let app = TestApp::spawn().await;
    let key = app.agent_key("Ann").await;
    let token = app.login("a@b.co").await;
    // Tabs and line breaks are text everywhere; a bell is refused everywhere.
    let allowed = "Hello\tthere\r\nWelcome";
    let res = patch(&app, &key, json!({ "greeting": allowed })).await;
    assert_eq!(res.status(), StatusCode::OK);
    let settings: Value = res.json().await.unwrap();
    assert_eq!(settings["greeting"], allowed);
    let res = app
        .widget(Method::POST, "/tickets", &token)
        .json(&json!({ "subject": allowed }))
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let bell = "Hello\u{7}";
    let res = patch(&app, &key, json!({ "greeting": bell })).await;
    assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field").await;
    let res = app
        .widget(Method::POST, "/tickets", &token)
        .json(&json!({ "subject": bell }))
        .go()
        .await;
    assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field").await;
}
