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
