//! A user's own list, page by page; marking a ticket solved; and messages as the widget shows
//! them.

use std::collections::HashSet;

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::helpers::{assert_error, references, RequestExt, TestApp};

#[tokio::test]
async fn the_list_pages_by_cursor_without_skipping_or_repeating_a_ticket() {
    let app = TestApp::spawn().await;
    let token = app.login("ada@example.com").await;
    for i in 1..=5 {
        app.new_ticket(&token, &format!("Ticket {i}")).await;
        app.clock.advance(std::time::Duration::from_millis(5));
    }
    let first = app
        .widget(Method::GET, "/tickets?limit=2", &token)
        .value()
        .await;
    assert_eq!(references(&first), ["TKT-0005", "TKT-0004"]);
    // A ticket made between pages appears at the top, and moves nothing on later pages.
    app.new_ticket(&token, "Made while paging").await;
    let cursor = first["next_cursor"].as_str().unwrap();
    let second = app
        .widget(
            Method::GET,
            &format!("/tickets?limit=2&cursor={cursor}"),
            &token,
        )
        .value()
        .await;
    assert_eq!(references(&second), ["TKT-0003", "TKT-0002"]);
    let cursor = second["next_cursor"].as_str().unwrap();
    let last = app
        .widget(
            Method::GET,
            &format!("/tickets?limit=2&cursor={cursor}"),
            &token,
        )
        .value()
        .await;
    assert_eq!(references(&last), ["TKT-0001"]);
    assert!(last.get("next_cursor").is_none(), "{last}");
    let seen: HashSet<String> = [first, second, last].iter().flat_map(references).collect();
    assert_eq!(seen.len(), 5);
    // The default page holds the 6 tickets there are now.
    let all = app.widget(Method::GET, "/tickets", &token).value().await;
    assert_eq!(references(&all).len(), 6);
}

#[tokio::test]
async fn the_list_shows_each_change_on_the_very_next_call_though_it_is_kept_between_calls() {
    let app = TestApp::spawn().await;
    let token = app.login("ada@example.com").await;
    let key = app.agent_key("Ann").await;
    app.new_ticket(&token, "Export fails").await;
    let list = || async { app.widget(Method::GET, "/tickets", &token).value().await };
    // Asked twice, as a widget does: the second answer may come from memory.
    for _ in 0..2 {
        let first = list().await;
        assert_eq!(first["tickets"][0]["unread"], false, "{first}");
    }
    app.agent(Method::POST, "/tickets/TKT-0001/messages", &key)
        .json(&json!({ "body": "Fixed in 2.3", "status": "waiting" }))
        .go()
        .await;
    let replied = list().await;
    let top = &replied["tickets"][0];
    assert_eq!(top["unread"], true, "{replied}");
    assert_eq!(top["status"], "waiting");
    assert_eq!(top["preview"], "Fixed in 2.3");
    // A note is the team's: the preview stays the last thing the customer was told.
    app.agent(Method::POST, "/tickets/TKT-0001/messages", &key)
        .json(&json!({ "body": "Customer on the old plan", "internal": true }))
        .go()
        .await;
    assert_eq!(list().await["tickets"][0]["preview"], "Fixed in 2.3");
    // Reading the ticket marks it read; the list says so at once.
    app.widget(Method::GET, "/tickets/TKT-0001", &token)
        .value()
        .await;
    assert_eq!(list().await["tickets"][0]["unread"], false);
    app.new_ticket(&token, "Another").await;
    assert_eq!(references(&list().await), ["TKT-0002", "TKT-0001"]);
    // Another user's list is theirs alone, memory or not.
    let other = app.login("bob@example.com").await;
    let theirs = app.widget(Method::GET, "/tickets", &other).value().await;
    assert!(references(&theirs).is_empty(), "{theirs}");
}

#[tokio::test]
async fn a_kept_list_follows_participants_and_what_another_process_changes() {
    let app = TestApp::spawn().await;
    let key = app.agent_key("Ann").await;
    let ada = app.login("ada@example.com").await;
    let bob = app.login("bob@example.com").await;
    app.new_ticket(&ada, "Ada's").await;
    app.new_ticket(&bob, "Bob's").await;
    let list = |token: &str| {
        let token = token.to_owned();
        let app = &app;
        async move { app.widget(Method::GET, "/tickets", &token).value().await }
    };
    // Each list asked twice, so the next answers could come from memory.
    for _ in 0..2 {
        assert_eq!(references(&list(&ada).await), ["TKT-0001"]);
        assert_eq!(references(&list(&bob).await), ["TKT-0002"]);
    }

    // Copied on Ada's ticket, Bob sees it at once; taken off, it goes at once.
    let res = app
        .agent(Method::POST, "/tickets/TKT-0001/participants", &key)
        .json(&json!({ "email": "bob@example.com" }))
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    assert_eq!(references(&list(&bob).await), ["TKT-0002", "TKT-0001"]);
    app.clock.advance(std::time::Duration::from_millis(5));
    app.agent(Method::POST, "/tickets/TKT-0001/messages", &key)
        .json(&json!({ "body": "For you both" }))
        .go()
        .await;
    assert_eq!(list(&bob).await["tickets"][0]["preview"], "For you both");
    let res = app
        .agent(
            Method::DELETE,
            "/tickets/TKT-0001/participants/bob@example.com",
            &key,
        )
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(references(&list(&bob).await), ["TKT-0002"]);

    // The CLI is another process: what it writes shows on the very next call.
    let out = app.cli(&[
        "ticket",
        "set",
        "--workspace",
        "acme",
        "TKT-0002",
        "--status",
        "resolved",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(list(&bob).await["tickets"][0]["status"], "resolved");
    assert_eq!(list(&ada).await["tickets"][0]["preview"], "For you both");
}

#[tokio::test]
async fn a_forged_cursor_or_limit_is_refused_and_leaks_nothing() {
    let app = TestApp::spawn().await;
    let eve = app.login("eve@example.com").await;
    let ada = app.login("ada@example.com").await;
    app.new_ticket(&ada, "Ada's secret").await;
    for query in [
        "cursor=abc",
        "cursor=1.2.3",
        "cursor=",
        "limit=0",
        "limit=101",
        "limit=-1",
        "offset=5",
    ] {
        let res = app
            .widget(Method::GET, &format!("/tickets?{query}"), &eve)
            .go()
            .await;
        assert_error(res, StatusCode::BAD_REQUEST, "invalid_query").await;
    }
    // A cursor from far in the future only pages through Eve's own tickets.
    let page = app
        .widget(
            Method::GET,
            &format!("/tickets?cursor={}.{}", i64::MAX, i64::MAX),
            &eve,
        )
        .value()
        .await;
    assert_eq!(page["tickets"], json!([]));
}

#[tokio::test]
async fn a_user_marks_their_own_ticket_solved_and_no_one_elses() {
    let app = TestApp::spawn().await;
    let ada = app.login("ada@example.com").await;
    let eve = app.login("eve@example.com").await;
    let ticket = app.new_ticket(&ada, "Works now").await;
    let reference = ticket["reference"].as_str().unwrap();
    let path = format!("/tickets/{reference}/solve");

    let res = app.widget(Method::POST, &path, &eve).go().await;
    assert_error(res, StatusCode::NOT_FOUND, "not_found").await;
    let res = app.widget(Method::POST, &path, "not-a-token").go().await;
    assert_error(res, StatusCode::UNAUTHORIZED, "invalid_session").await;

    let solved = app.widget(Method::POST, &path, &ada).value().await;
    assert_eq!(solved["status"], "resolved");
    // A reply reopens it, as after an agent's resolution.
    let reopened = app
        .widget(
            Method::POST,
            &format!("/tickets/{reference}/messages"),
            &ada,
        )
        .json(&json!({ "body": "Actually, not quite" }))
        .value()
        .await;
    assert_eq!(reopened["status"], "open");

    // A closed ticket stays closed.
    let key = app.agent_key("Ann").await;
    let res = app
        .agent(Method::PATCH, &format!("/tickets/{reference}"), &key)
        .json(&json!({ "status": "closed" }))
        .go()
        .await;
    assert!(res.status().is_success());
    let res = app.widget(Method::POST, &path, &ada).go().await;
    assert_error(res, StatusCode::CONFLICT, "ticket_closed").await;
}

#[tokio::test]
async fn messages_come_with_safe_html_whose_only_links_are_web_links() {
    let app = TestApp::spawn().await;
    let ada = app.login("ada@example.com").await;
    let ticket = app.new_ticket(&ada, "Links").await;
    let reference = ticket["reference"].as_str().unwrap();
    let body = "<img src=x onerror=alert(1)> see https://docs.acme.test/a?b=1&c=2. \
                and javascript:alert(1)";
    let thread = app
        .widget(
            Method::POST,
            &format!("/tickets/{reference}/messages"),
            &ada,
        )
        .json(&json!({ "body": body }))
        .value()
        .await;
    let message = thread["messages"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(message["body"], body);
    let html = message["html"].as_str().unwrap();
    assert!(html.starts_with("&lt;img src=x onerror=alert(1)&gt; see <a href=\"https://docs.acme.test/a?b=1&amp;c=2\""), "{html}");
    assert!(
        html.contains("rel=\"noopener noreferrer nofollow\""),
        "{html}"
    );
    assert!(html.ends_with("</a>. and javascript:alert(1)"), "{html}");
    assert_eq!(html.matches("<a ").count(), 1);
}

#[tokio::test]
async fn an_agents_markdown_reaches_the_customer_formatted_and_sanitised_while_a_customers_stays_text(
) {
    let app = TestApp::spawn().await;
    let key = app.agent_key("Grace").await;
    let ada = app.login("ada@example.com").await;
    let ticket = app.new_ticket(&ada, "Formatting").await;
    let reference = ticket["reference"].as_str().unwrap();
    let customer = "**not bold** <b>nor this</b>";
    app.widget(
        Method::POST,
        &format!("/tickets/{reference}/messages"),
        &ada,
    )
    .json(&json!({ "body": customer }))
    .value()
    .await;
    let reply = "Try **this**:\n1. open [Settings](https://acme.test/s)\n\n\
                 ![pixel](https://tracker.test/p.png)\n\n<script>alert(1)</script><img src=x onerror=alert(2)>";
    let preview = app
        .agent(Method::POST, "/preview", &key)
        .json(&json!({ "body": reply }))
        .value()
        .await;
    app.agent(
        Method::POST,
        &format!("/tickets/{reference}/messages"),
        &key,
    )
    .json(&json!({ "body": reply }))
    .value()
    .await;

    let thread = app
        .widget(Method::GET, &format!("/tickets/{reference}"), &ada)
        .value()
        .await;
    let messages = thread["messages"].as_array().unwrap();
    let theirs = &messages[messages.len() - 2];
    assert_eq!(
        theirs["html"], "**not bold** &lt;b&gt;nor this&lt;/b&gt;",
        "a customer's words are never markup"
    );
    let ours = messages.last().unwrap();
    assert_eq!(ours["body"], reply, "the Markdown is kept as written");
    let html = ours["html"].as_str().unwrap();
    assert!(html.contains("<strong>this</strong>"), "{html}");
    assert!(html.contains("<ol>"), "{html}");
    assert!(
        html.contains(r#"<a href="https://acme.test/s" target="_blank" rel="noopener noreferrer nofollow">Settings</a>"#),
        "{html}"
    );
    for bad in ["<script", "alert(", "<img", "tracker.test", "onerror"] {
        assert!(!html.contains(bad), "{bad} in {html}");
    }
    assert_eq!(
        preview["html"], ours["html"],
        "the preview is what was sent"
    );

    let agent_view = app
        .agent(Method::GET, &format!("/tickets/{reference}"), &key)
        .value()
        .await;
    let last = agent_view["messages"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["html"], ours["html"]);
}

#[tokio::test]
async fn a_preview_needs_an_agent_and_a_message_sized_text() {
    let app = TestApp::spawn().await;
    let res = app
        .request(Method::POST, "/api/v1/agent/preview")
        .json(&json!({ "body": "hi" }))
        .send()
        .await
        .unwrap();
    assert_error(res, StatusCode::UNAUTHORIZED, "missing_credentials").await;
    let ada = app.login("ada@example.com").await;
    let res = app
        .request(Method::POST, "/api/v1/agent/preview")
        .bearer_auth(&ada)
        .json(&json!({ "body": "hi" }))
        .send()
        .await
        .unwrap();
    assert_error(res, StatusCode::UNAUTHORIZED, "invalid_api_key").await;
    let key = app.agent_key("Grace").await;
    let res = app
        .agent(Method::POST, "/preview", &key)
        .json(&json!({ "body": "x".repeat(5_001) }))
        .send()
        .await
        .unwrap();
    assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field").await;
}
