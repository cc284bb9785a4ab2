//! `/metrics`: off by default, and then only for the scraper holding the token.

use reqwest::{Method, StatusCode};

use crate::helpers::{assert_error, Options, RequestExt, TestApp};

#[tokio::test]
async fn metrics_are_off_unless_a_token_is_configured() {
    let app = TestApp::spawn().await;
    let res = app.request(Method::GET, "/metrics").go().await;
    assert_error(res, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn a_scraper_with_the_token_sees_requests_by_route_and_no_one_else_does() {
    let app = TestApp::spawn_with(Options {
        metrics_token: Some("scrape-secret-0123456789"),
        ..Options::default()
    })
    .await;
    let token = app.login("ada@example.com").await;
    app.new_ticket(&token, "Counted").await;
    app.request(Method::GET, "/api/v1/widget/acme/tickets/TKT-0001?secret=x")
        .bearer_auth(&token)
        .go()
        .await;

    let res = app.request(Method::GET, "/metrics").go().await;
    assert_error(res, StatusCode::UNAUTHORIZED, "missing_credentials").await;
    let res = app
        .request(Method::GET, "/metrics")
        .bearer_auth("scrape-secret-012345678")
        .go()
        .await;
    assert_error(res, StatusCode::UNAUTHORIZED, "invalid_api_key").await;

    let res = app
        .request(Method::GET, "/metrics")
        .bearer_auth("scrape-secret-0123456789")
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let text = res.text().await.unwrap();
    assert!(
        text.contains(
            "porthole_http_request_duration_seconds_count{method=\"POST\",route=\"/api/v1/widget/{slug}/tickets\",status=\"201\"} 1"
        ),
        "{text}"
    );
    // Routes are labelled by pattern: no reference, token or query value appears.
    assert!(
        text.contains("route=\"/api/v1/widget/{slug}/tickets/{reference}\""),
        "{text}"
    );
    assert!(!text.contains("TKT-0001") && !text.contains("acme") && !text.contains("secret=x"));
    assert!(
        text.contains("porthole_db_connections{state=\"open\"}"),
        "{text}"
    );
    assert!(text.contains("porthole_mail_queue_depth 0"), "{text}");
}
