//! Satisfaction ratings: once per resolution, in the widget API and through the rating link of
//! the resolution email; the team's report.

use std::time::Duration;

use reqwest::{header, Method, StatusCode};
use serde_json::{json, Value};

use crate::helpers::{assert_error, Options, RequestExt, TestApp};

async fn set_status(app: &TestApp, key: &str, reference: &str, status: &str) {
    let res = app
        .agent(Method::PATCH, &format!("/tickets/{reference}"), key)
        .json(&json!({ "status": status }))
        .go()
        .await;
    assert!(res.status().is_success());
}

#[tokio::test]
async fn a_customer_rates_each_resolution_once_and_the_team_sees_it() {
    let app = TestApp::spawn().await;
    let key = app.agent_key("Ann").await;
    let token = app.login("ada@example.com").await;
    let ticket = app.new_ticket(&token, "Slow export").await;
    let reference = ticket["reference"].as_str().unwrap();
    let rate = |score: i64| {
        app.widget(
            Method::POST,
            &format!("/tickets/{reference}/rating"),
            &token,
        )
        .json(&json!({ "score": score, "comment": "Quick & kind" }))
        .go()
    };
    assert_error(rate(5).await, StatusCode::CONFLICT, "not_resolved").await;
    set_status(&app, &key, reference, "resolved").await;
    for bad in [0, 6] {
        assert_error(
            rate(bad).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_field",
        )
        .await;
    }
    let res = rate(4).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    assert_error(rate(1).await, StatusCode::CONFLICT, "already_rated").await;

    let seen = app
        .agent(Method::GET, &format!("/tickets/{reference}"), &key)
        .value()
        .await;
    assert_eq!(seen["rating"]["score"], 4);
    assert_eq!(seen["rating"]["comment"], "Quick & kind");

    // Reopened by a reply and resolved again: a new resolution, rated anew.
    let res = app
        .widget(
            Method::POST,
            &format!("/tickets/{reference}/messages"),
            &token,
        )
        .json(&json!({ "body": "It is slow again" }))
        .go()
        .await;
    assert!(res.status().is_success());
    set_status(&app, &key, reference, "resolved").await;
    assert_eq!(rate(2).await.status(), StatusCode::CREATED);

    let report = app.agent(Method::GET, "/reports/csat", &key).value().await;
    assert_eq!(report["count"], 2);
    assert_eq!(report["average"], 3.0);
    assert_eq!(report["distribution"], json!([0, 1, 0, 1, 0]));
    let bad = app
        .agent(Method::GET, "/reports/csat?from=yesterday", &key)
        .go()
        .await;
    assert_error(bad, StatusCode::BAD_REQUEST, "invalid_query").await;
    let empty = app
        .agent(
            Method::GET,
            "/reports/csat?from=2020-01-01&to=2020-01-31",
            &key,
        )
        .value()
        .await;
    assert_eq!(
        (empty["count"].clone(), empty["average"].clone()),
        (json!(0), Value::Null)
    );

    // Someone else cannot rate it.
    let mallory = app.login("mallory@example.com").await;
    let res = app
        .widget(
            Method::POST,
            &format!("/tickets/{reference}/rating"),
            &mallory,
        )
        .json(&json!({ "score": 1 }))
        .go()
        .await;
    assert_error(res, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn the_resolution_email_links_to_a_rating_that_counts_once_and_expires_in_a_week() {
    let app = TestApp::spawn_with(Options {
        email: true,
        ..Options::default()
    })
    .await;
    let key = app.agent_key("Ann").await;
    app.submit_portal("ada@example.com", "Broken").await;
    set_status(&app, &key, "TKT-0001", "resolved").await;
    let mail = app
        .mail()
        .wait_for(|m| m.text.contains("Rate the answer"))
        .await;
    assert!(mail.text.contains("valid for 7 days"));
    let link = mail.link(&format!("{}/p/acme/tickets/", app.base));

    let client = app.pages();
    let res = client.get(&link).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let cookie = res.headers()[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let page = client
        .get(format!("{}/p/acme/tickets/TKT-0001", app.base))
        .header(header::COOKIE, &cookie)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("How did we do?"), "{page}");

    let post = |score: &'static str, origin: String, cookie: Option<String>| {
        let mut req = client
            .post(format!("{}/p/acme/tickets/TKT-0001/rating", app.base))
            .header("Origin", origin)
            .form(&[("score", score), ("comment", "Fixed fast")]);
        if let Some(c) = cookie {
            req = req.header(header::COOKIE, c);
        }
        req.send()
    };
    // Without the link's session, or from another site: refused.
    assert_eq!(
        post("5", app.base.clone(), None).await.unwrap().status(),
        StatusCode::FORBIDDEN
    );
    let evil = post("1", "https://evil.example".into(), Some(cookie.clone()))
        .await
        .unwrap();
    assert_eq!(evil.status(), StatusCode::FORBIDDEN);
    let res = post("5", app.base.clone(), Some(cookie.clone()))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(res.headers()[header::LOCATION]
        .to_str()
        .unwrap()
        .ends_with("?rated=1"));
    // Posted again (a double click, a reused link): still one rating.
    post("1", app.base.clone(), Some(cookie.clone()))
        .await
        .unwrap();
    let report = app.agent(Method::GET, "/reports/csat", &key).value().await;
    assert_eq!(report["count"], 1);
    assert_eq!(report["distribution"], json!([0, 0, 0, 0, 1]));
    let rated = app
        .agent(Method::GET, "/tickets/TKT-0001", &key)
        .value()
        .await;
    assert_eq!(rated["rating"]["comment"], "Fixed fast");

    // A week later the link no longer works.
    app.clock.advance(Duration::from_secs(8 * 24 * 3600));
    let res = app.pages().get(&link).send().await.unwrap();
    assert_eq!(
        res.status(),
        StatusCode::UNAUTHORIZED,
        "the expired-link page"
    );
}

#[tokio::test]
async fn the_widget_is_told_when_a_resolution_awaits_a_rating() {
    let app = TestApp::spawn().await;
    let token = app.login("ada@example.com").await;
    app.new_ticket(&token, "Slow").await;
    let key = app.agent_key("Ann").await;
    let read = || async {
        app.widget(Method::GET, "/tickets/TKT-0001", &token)
            .value()
            .await
    };
    assert_eq!(read().await["awaiting_rating"], false, "not resolved yet");
    let res = app
        .agent(Method::PATCH, "/tickets/TKT-0001", &key)
        .json(&json!({ "status": "resolved" }))
        .go()
        .await;
    assert!(res.status().is_success());
    assert_eq!(read().await["awaiting_rating"], true);
    let res = app
        .widget(Method::POST, "/tickets/TKT-0001/rating", &token)
        .json(&json!({ "score": 5 }))
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    assert_eq!(
        read().await["awaiting_rating"],
        false,
        "rated once per resolution"
    );
}
