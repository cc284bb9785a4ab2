//! The knowledge base: articles managed through the agent API and the CLI, read and searched
//! on the portal, suggested to widget users; with what an attacker would try beside.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::helpers::{assert_error, RequestExt, TestApp};

async fn add(app: &TestApp, key: &str, article: Value) -> Value {
    let res = app
        .agent(Method::POST, "/articles", key)
        .json(&article)
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    res.json().await.unwrap()
}

async fn page(app: &TestApp, path: &str) -> (StatusCode, String) {
    let res = app.request(Method::GET, path).go().await;
    (res.status(), res.text().await.unwrap())
}

#[tokio::test]
async fn a_published_article_is_read_and_found_on_the_portal_ranked_by_title_first() {
    let app = TestApp::spawn().await;
    let key = app.agent_key("Ann").await;
    let reset = add(
        &app,
        &key,
        json!({ "title": "Reset your password", "body": "Open **Settings**, then *Security*.", "published": true, "category": "Account" }),
    )
    .await;
    assert_eq!(reset["slug"], "reset-your-password");
    add(&app, &key, json!({ "title": "Invoices", "body": "To reset a password, see the other article.", "published": true })).await;

    let (status, html) = page(&app, "/p/acme/kb/reset-your-password").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<strong>Settings</strong>"), "{html}");

    let (_, results) = page(&app, "/p/acme/kb?q=passw").await;
    let first = results
        .find("Reset your password")
        .expect("found by a prefix");
    let second = results.find("Invoices").expect("found in the body too");
    assert!(first < second, "the title match ranks first");
    let (_, none) = page(&app, "/p/acme/kb?q=zyzzogeton").await;
    assert!(none.contains("No article matches"));
    // The views are counted for the team.
    let shown = app
        .agent(Method::GET, &format!("/articles/{}", reset["id"]), &key)
        .value()
        .await;
    assert_eq!(shown["views"], 1);
}

#[tokio::test]
async fn drafts_and_signed_in_articles_stay_off_the_public_portal() {
    let app = TestApp::spawn().await;
    let key = app.agent_key("Ann").await;
    add(
        &app,
        &key,
        json!({ "title": "Upcoming price change", "body": "Secret plans" }),
    )
    .await;
    add(&app, &key, json!({ "title": "Admin console tips", "body": "For customers only", "published": true, "visibility": "signed_in" })).await;
    for path in [
        "/p/acme/kb/upcoming-price-change",
        "/p/acme/kb/admin-console-tips",
    ] {
        let (status, html) = page(&app, path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert!(!html.contains("Secret plans") && !html.contains("customers only"));
    }
    for q in ["price", "console"] {
        let (_, html) = page(&app, &format!("/p/acme/kb?q={q}")).await;
        assert!(html.contains("No article matches"), "{q}");
    }
    // A verified widget user gets the signed-in article suggested; never the draft.
    let token = app.login("ada@example.com").await;
    let found = app
        .widget(Method::GET, "/articles?q=console", &token)
        .value()
        .await;
    assert_eq!(found["articles"][0]["title"], "Admin console tips");
    let none = app
        .widget(Method::GET, "/articles?q=price", &token)
        .value()
        .await;
    assert_eq!(none["articles"], json!([]));
}

#[tokio::test]
async fn markdown_with_script_raw_html_and_javascript_links_is_shown_harmless() {
    let app = TestApp::spawn().await;
    let key = app.agent_key("Ann").await;
    let body = "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[click](javascript:alert(3))\n\n<a href=\"javascript:alert(4)\">here</a>";
    add(
        &app,
        &key,
        json!({ "title": "<b>Bold</b> title", "body": body, "published": true }),
    )
    .await;
    let (status, html) = page(&app, "/p/acme/kb/b-bold-b-title").await;
    assert_eq!(status, StatusCode::OK);
    for bad in ["<script>alert", "onerror", "javascript:", "<b>Bold"] {
        assert!(!html.contains(bad), "{bad} in {html}");
    }
    assert!(html.contains("&lt;b&gt;Bold&lt;/b&gt; title"));
}

#[tokio::test]
async fn articles_are_checked_and_belong_to_their_workspace() {
    let app = TestApp::spawn().await;
    let key = app.agent_key("Ann").await;
    for bad in [
        json!({ "body": "no title" }),
        json!({ "title": "no body" }),
        json!({ "title": "x", "body": "y", "visibility": "everyone" }),
        json!({ "title": "x".repeat(201), "body": "y" }),
        json!({ "title": "x", "body": "y", "author": "unknown field" }),
    ] {
        let res = app
            .agent(Method::POST, "/articles", &key)
            .json(&bad)
            .go()
            .await;
        assert!(res.status().is_client_error(), "{bad}");
    }
    let article = add(&app, &key, json!({ "title": "Mine", "body": "Acme's" })).await;
    let id = article["id"].as_i64().unwrap();
    let other = app.globex_key().await;
    for method in [Method::GET, Method::PATCH, Method::DELETE] {
        let req = app.agent(method.clone(), &format!("/articles/{id}"), &other);
        let req = if method == Method::PATCH {
            req.json(&json!({ "published": true }))
        } else {
            req
        };
        assert_error(req.go().await, StatusCode::NOT_FOUND, "not_found").await;
    }
    assert_eq!(
        app.agent(Method::GET, "/articles", &other).value().await["articles"],
        json!([])
    );
    // The same title twice gets its own address.
    let again = add(&app, &key, json!({ "title": "Mine", "body": "again" })).await;
    assert_eq!(again["slug"], "mine-2");
    // A null category clears it; absent fields stay.
    let changed = app
        .agent(Method::PATCH, &format!("/articles/{id}"), &key)
        .json(&json!({ "category": "Billing", "published": true }))
        .value()
        .await;
    assert_eq!(
        (changed["category"].clone(), changed["title"].clone()),
        (json!("Billing"), json!("Mine"))
    );
    let cleared = app
        .agent(Method::PATCH, &format!("/articles/{id}"), &key)
        .json(&json!({ "category": null }))
        .value()
        .await;
    assert_eq!(cleared["category"], Value::Null);
    assert_eq!(cleared["published"], true);
}

#[tokio::test]
async fn the_submit_form_offers_a_search_first() {
    let app = TestApp::spawn().await;
    let (_, form) = page(&app, "/p/acme/submit").await;
    assert!(
        form.contains(r#"action="/p/acme/kb""#),
        "a search step before the form"
    );
}

#[tokio::test]
async fn the_cli_writes_publishes_and_lists_articles() {
    let app = TestApp::spawn().await;
    let dir = tempfile::tempdir().unwrap();
    let body = dir.path().join("body.md");
    std::fs::write(&body, "# Exports\n\nUse **CSV**.").unwrap();
    let run = |args: &[&str]| {
        let out = app.cli(args);
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    let (ok, out) = run(&[
        "kb",
        "add",
        "--workspace",
        "acme",
        "--title",
        "Exporting data",
        "--body-file",
        body.to_str().unwrap(),
    ]);
    assert!(ok, "{out}");
    assert!(out.contains("(draft)"));
    assert_eq!(
        page(&app, "/p/acme/kb/exporting-data").await.0,
        StatusCode::NOT_FOUND
    );
    let id = out.split_whitespace().nth(1).unwrap().to_owned();
    assert!(run(&["kb", "publish", "--workspace", "acme", &id]).0);
    let (status, html) = page(&app, "/p/acme/kb/exporting-data").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<strong>CSV</strong>"));
    assert!(run(&["kb", "list", "--workspace", "acme"])
        .1
        .contains("published"));
}

#[tokio::test]
async fn a_signed_in_user_reads_a_suggested_article_in_the_widget_but_never_a_draft_or_anothers() {
    let app = TestApp::spawn().await;
    let key = app.agent_key("Ann").await;
    let inside = add(
        &app,
        &key,
        json!({ "title": "Export your data", "body": "Go to **Export**.\n\n[x](javascript:alert(1))\n\n<script>alert(1)</script>", "published": true, "visibility": "signed_in" }),
    )
    .await;
    let draft = add(
        &app,
        &key,
        json!({ "title": "Export secrets", "body": "Not yet." }),
    )
    .await;
    let globex = app.globex_key().await;
    let elsewhere = app
        .agent(Method::POST, "/articles", &globex)
        .json(&json!({ "title": "Export at Globex", "body": "Theirs.", "published": true }))
        .value()
        .await;
    let token = app.login("ada@example.com").await;

    let found = app
        .widget(Method::GET, "/articles?q=export", &token)
        .value()
        .await;
    let ids: Vec<&Value> = found["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| &a["id"])
        .collect();
    assert_eq!(
        ids,
        [&inside["id"]],
        "only this workspace's published articles: {found}"
    );

    let read = app
        .widget(Method::GET, &format!("/articles/{}", inside["id"]), &token)
        .value()
        .await;
    assert_eq!(read["title"], "Export your data");
    let html = read["html"].as_str().unwrap();
    assert!(html.contains("<strong>Export</strong>"));
    assert!(
        !html.contains("<script") && !html.contains("javascript:"),
        "{html}"
    );

    for id in [&draft["id"], &elsewhere["id"]] {
        let res = app
            .widget(Method::GET, &format!("/articles/{id}"), &token)
            .go()
            .await;
        assert_error(res, StatusCode::NOT_FOUND, "not_found").await;
    }
    let res = app
        .request(
            Method::GET,
            &format!("/api/v1/widget/acme/articles/{}", inside["id"]),
        )
        .go()
        .await;
    assert_error(res, StatusCode::UNAUTHORIZED, "missing_credentials").await;
}

#[tokio::test]
async fn the_deflection_report_counts_reads_that_no_ticket_followed() {
    let app = TestApp::spawn().await;
    let key = app.agent_key("Ann").await;
    let article = add(
        &app,
        &key,
        json!({ "title": "Billing", "body": "Invoices are monthly.", "published": true }),
    )
    .await;
    let report = || async {
        app.agent(Method::GET, "/reports/deflection", &key)
            .value()
            .await
    };
    assert_eq!(
        report().await,
        json!({ "article_reads": 0, "self_served": 0, "tickets_opened": 0, "deflection_rate": null })
    );

    // Ada reads, twice in one visit, and writes nothing: one ticket saved.
    let ada = app.login("ada@example.com").await;
    for _ in 0..2 {
        let path = format!("/articles/{}", article["id"]);
        assert_eq!(
            app.widget(Method::GET, &path, &ada).go().await.status(),
            StatusCode::OK
        );
    }
    // Bob reads, then writes anyway.
    let bob = app.login("bob@example.com").await;
    app.widget(Method::GET, &format!("/articles/{}", article["id"]), &bob)
        .go()
        .await;
    app.new_ticket(&bob, "Still confused").await;
    // A portal visitor reads the public page, then submits from the same address.
    let (status, _) = page(&app, "/p/acme/kb/billing").await;
    assert_eq!(status, StatusCode::OK);
    app.submit_portal("carol@example.com", "Invoice missing")
        .await;

    let r = report().await;
    assert_eq!(r["article_reads"], 3, "{r}");
    assert_eq!(r["self_served"], 1, "{r}");
    assert_eq!(r["tickets_opened"], 2, "{r}");
    assert!((r["deflection_rate"].as_f64().unwrap() - 1.0 / 3.0).abs() < 1e-9);

    let res = app
        .agent(Method::GET, "/reports/deflection?from=2026-13-01", &key)
        .go()
        .await;
    assert_error(res, StatusCode::BAD_REQUEST, "invalid_query").await;
}
