//! The OpenAPI document: served, complete, and pinned.

use std::collections::BTreeSet;

use porthole::http::api::openapi::ApiDoc;
use reqwest::{Method, StatusCode};
use serde_json::Value;
use utoipa::OpenApi;

use crate::helpers::{RequestExt, TestApp};

/// Every `(METHOD, path)` the API routers declare, read from their source: `.route("/x",
/// get(a).post(b))` under the prefix the router is nested at.
fn declared_routes() -> BTreeSet<(String, String)> {
    // One file holds the widget's and the agent's file routes, each in a function of its own.
    let (widget_files, agent_files) = include_str!("../../src/http/api/files.rs")
        .split_once("pub fn agent_routes")
        .expect("files.rs has agent routes");
    let sources = [
        ("/api/v1/widget/{slug}", widget_files),
        ("/api/v1/agent", agent_files),
        (
            "/api/v1/widget/{slug}",
            include_str!("../../src/http/api/widget.rs"),
        ),
        ("/api/v1/agent", include_str!("../../src/http/api/agent.rs")),
        (
            "/api/v1/agent",
            include_str!("../../src/http/api/participants.rs"),
        ),
        (
            "/api/v1/agent",
            include_str!("../../src/http/api/agents.rs"),
        ),
        (
            "/api/v1/agent",
            include_str!("../../src/http/api/reports.rs"),
        ),
        ("/api/v1/agent", include_str!("../../src/http/api/keys.rs")),
        ("/api/v1/agent", include_str!("../../src/http/api/email.rs")),
        ("/api/v1/agent", include_str!("../../src/http/api/admin.rs")),
        (
            "/api/v1/agent",
            include_str!("../../src/http/api/webhooks.rs"),
        ),
        (
            "/api/v1/agent",
            include_str!("../../src/http/api/articles.rs"),
        ),
        (
            "/api/v1/agent",
            include_str!("../../src/http/api/ratings.rs"),
        ),
        ("", include_str!("../../src/http/api/health.rs")),
        ("", include_str!("../../src/http/api/inbound.rs")),
    ];
    let mut routes = BTreeSet::new();
    for (prefix, source) in sources {
        for call in source.split(".route(").skip(1) {
            let path = call.split('"').nth(1).expect("a route path");
            // The route's handlers run to the next `.route(` or the end of the chain.
            let handlers = call.split(".route(").next().unwrap();
            let handlers = handlers.split("\n}").next().unwrap();
            for method in ["get", "post", "put", "patch", "delete"] {
                let used = handlers
                    .match_indices(&format!("{method}("))
                    .any(|(i, _)| i == 0 || !handlers.as_bytes()[i - 1].is_ascii_alphanumeric());
                if used && path != "/favicon.ico" {
                    routes.insert((method.to_uppercase(), format!("{prefix}{path}")));
                }
            }
        }
    }
    routes
}

fn documented_routes(doc: &Value) -> BTreeSet<(String, String)> {
    let mut routes = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            routes.insert((method.to_uppercase(), path.clone()));
        }
    }
    routes
}

#[test]
fn every_api_route_is_in_the_openapi_document_and_nothing_else_is() {
    let doc = serde_json::to_value(ApiDoc::openapi()).unwrap();
    let declared = declared_routes();
    assert!(
        declared.len() >= 20,
        "the route scan found too little: {declared:?}"
    );
    let documented = documented_routes(&doc);
    let missing: Vec<_> = declared.difference(&documented).collect();
    assert!(
        missing.is_empty(),
        "routes missing from the OpenAPI document: {missing:?}"
    );
    let stale: Vec<_> = documented.difference(&declared).collect();
    assert!(
        stale.is_empty(),
        "documented routes that do not exist: {stale:?}"
    );
}

#[test]
fn the_openapi_document_matches_its_snapshot() {
    let doc = serde_json::to_string_pretty(&ApiDoc::openapi()).unwrap() + "\n";
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/snapshots/openapi.json");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(path, &doc).unwrap();
    }
    let pinned = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        pinned == doc,
        "the API description changed; review it, then rerun with UPDATE_SNAPSHOTS=1"
    );
}

#[tokio::test]
async fn the_document_is_served_as_openapi_3_1_json() {
    let app = TestApp::spawn().await;
    let res = app.request(Method::GET, "/api/openapi.json").go().await;
    assert_eq!(res.status(), StatusCode::OK);
    let doc: Value = res.json().await.unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    let error = &doc["components"]["schemas"]["ErrorBody"];
    assert!(error.is_object(), "the error shape is described");
    let schemes = &doc["components"]["securitySchemes"];
    assert_eq!(schemes["session"]["scheme"], "bearer");
    assert_eq!(schemes["api_key"]["scheme"], "bearer");
}
