//! The agent API, and the ways a key is kept to its own workspace.

use porthole::store::KeyRole;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::helpers::{assert_error, references, RequestExt, TestApp};

async fn refs(app: &TestApp, key: &str, query: &str) -> Vec<String> {
    let res = app
        .agent(Method::GET, &format!("/tickets{query}"), key)
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::OK, "{query}");
    references(&res.json().await.unwrap())
}

#[tokio::test]
async fn agents_filter_tickets_by_status_email_text_and_assignee() {
    let app = TestApp::spawn().await;
    let alice = app.login("alice@b.co").await;
    let bob = app.login("bob@b.co").await;
    app.new_ticket(&alice, "Invoice is wrong").await;
    app.new_ticket(&bob, "Cannot log in").await;
    app.new_ticket(&bob, "100% CPU").await;
    let key = app.agent_key("Ann").await;
    app.agent(Method::PATCH, "/tickets/TKT-0002", &key)
        .json(&json!({ "status": "in_progress", "assignee": "ann" }))
        .go()
        .await;

    assert_eq!(
        refs(&app, &key, "").await,
        ["TKT-0002", "TKT-0003", "TKT-0001"]
    );
    assert_eq!(refs(&app, &key, "?status=in_progress").await, ["TKT-0002"]);
    assert_eq!(
        refs(&app, &key, "?email=BOB@b.co").await,
        ["TKT-0002", "TKT-0003"]
    );
    assert_eq!(refs(&app, &key, "?q=invoice").await, ["TKT-0001"]);
    assert_eq!(
        refs(&app, &key, "?q=about%20cannot").await,
        ["TKT-0002"],
        "descriptions are searched"
    );
    assert_eq!(
        refs(&app, &key, "?q=100%25").await,
        ["TKT-0003"],
        "% is literal"
    );
    assert_eq!(
        refs(&app, &key, "?q=_").await,
        Vec::<String>::new(),
        "_ is literal"
    );
    assert_eq!(refs(&app, &key, "?assignee=ann").await, ["TKT-0002"]);
    assert_eq!(refs(&app, &key, "?limit=1&offset=1").await, ["TKT-0003"]);

    let list: Value = app
        .agent(Method::GET, "/tickets?limit=1", &key)
        .value()
        .await;
    assert_eq!(list["total"], 3);
}

#[tokio::test]
async fn bad_agent_filters_are_rejected_rather_than_ignored() {
    let app = TestApp::spawn().await;
    let key = app.agent_key("Ann").await;
    for query in [
        "?status=pending",
        "?stauts=open",
        "?limit=0",
        "?limit=201",
        "?offset=-1",
        "?offset=1001&sort=sentiment",
        "?limit=ten",
    ] {
        let res = app
            .agent(Method::GET, &format!("/tickets{query}"), &key)
            .go()
            .await;
        assert_error(res, StatusCode::BAD_REQUEST, "invalid_query").await;
    }
}

#[tokio::test]
async fn an_agent_sees_internal_notes_and_signs_replies_with_the_key_name() {
    let app = TestApp::spawn().await;
    let token = app.login("a@b.co").await;
    app.new_ticket(&token, "Help").await;
    let key = app.agent_key("Ann").await;
    app.agent(Method::POST, "/tickets/TKT-0001/messages", &key)
        .json(&json!({ "body": "VIP customer", "internal": true }))
        .go()
        .await;
    let res = app
        .agent(Method::POST, "/tickets/TKT-0001/messages", &key)
        .json(&json!({ "body": "Hello!", "status": "waiting" }))
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let t: Value = res.json().await.unwrap();
    assert_eq!(t["status"], "waiting");
    let messages = t["messages"].as_array().unwrap();
    assert_eq!(messages.len(), 3);
    assert_eq!(messages[1]["internal"], true);
    assert_eq!(messages[2]["author_name"], "Ann");
    assert_eq!(t["description"], "About Help");

    let user: Value = app
        .widget(Method::GET, "/tickets/TKT-0001", &token)
        .value()
        .await;
    assert_eq!(user["status"], "waiting");
    let bodies: Vec<&str> = user["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["body"].as_str().unwrap())
        .collect();
    assert_eq!(bodies, ["About Help", "Hello!"]);
    assert!(user["messages"][1].get("internal").is_none());
}

#[tokio::test]
async fn patch_sets_status_priority_and_assignee_and_null_unassigns() {
    let app = TestApp::spawn().await;
    let token = app.login("a@b.co").await;
    app.new_ticket(&token, "Help").await;
    let key = app.agent_key("Ann").await;
    let patch = |body: Value| {
        app.agent(Method::PATCH, "/tickets/TKT-0001", &key)
            .json(&body)
            .send()
    };

    let t: Value = patch(json!({ "status": "resolved", "priority": "urgent", "assignee": "ann" }))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        (
            t["status"].as_str(),
            t["priority"].as_str(),
            t["assignee"].as_str()
        ),
        (Some("resolved"), Some("urgent"), Some("ann"))
    );
    let t: Value = patch(json!({ "priority": "low" }))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(t["assignee"], "ann", "absent fields are left alone");
    let t: Value = patch(json!({ "assignee": null }))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(t["assignee"], Value::Null);

    assert_error(
        patch(json!({})).await.unwrap(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid_body",
    )
    .await;
    assert_error(
        patch(json!({ "status": "done" })).await.unwrap(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid_body",
    )
    .await;
    assert_error(
        patch(json!({ "owner": "x" })).await.unwrap(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid_body",
    )
    .await;
    let res = app
        .agent(Method::PATCH, "/tickets/TKT-0042", &key)
        .json(&json!({ "status": "open" }))
        .go()
        .await;
    assert_error(res, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn a_key_from_another_workspace_sees_none_of_this_ones_tickets() {
    let app = TestApp::spawn().await;
    let token = app.login("a@b.co").await;
    app.new_ticket(&token, "Acme secret").await;
    let key = app.globex_key().await;

    assert!(refs(&app, &key, "").await.is_empty());
    let res = app.agent(Method::GET, "/tickets/TKT-0001", &key).go().await;
    assert_error(res, StatusCode::NOT_FOUND, "not_found").await;
    let res = app
        .agent(Method::POST, "/tickets/TKT-0001/messages", &key)
        .json(&json!({ "body": "hi" }))
        .go()
        .await;
    assert_error(res, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn revoked_keys_session_tokens_and_made_up_keys_are_not_agents() {
    let app = TestApp::spawn().await;
    let key = app.agent_key("Ann").await;
    let ws = app.store.workspace_by_slug("acme").await.unwrap().unwrap();
    let id = app.store.list_api_keys(ws.id).await.unwrap()[0].id;
    assert_eq!(refs(&app, &key, "").await.len(), 0);
    porthole_core::keys::revoke(&app.store, (ws.id, id), app.clock.now_ms())
        .await
        .unwrap();

    let session = app.login("a@b.co").await;
    for bad in [key.as_str(), session.as_str(), "phk_guess"] {
        let res = app.agent(Method::GET, "/tickets", bad).go().await;
        assert_error(res, StatusCode::UNAUTHORIZED, "invalid_api_key").await;
    }
}

#[tokio::test]
async fn the_agent_list_pages_by_cursor_and_its_count_stops_at_a_thousand() {
    let app = TestApp::spawn().await;
    let key = app.agent_key("Ann").await;
    let ws = app.store.workspace_by_slug("acme").await.unwrap().unwrap();
    let plan = porthole::store::SeedPlan {
        tickets: 1_010,
        contacts: 50,
        user_email: "known@example.com".into(),
        user_tickets: 3,
    };
    app.store
        .seed(ws.id, &plan, app.clock.now_ms())
        .await
        .unwrap();

    let first = app
        .agent(Method::GET, "/tickets?limit=2", &key)
        .value()
        .await;
    assert_eq!(first["total"], 1_000);
    assert_eq!(first["total_capped"], true);
    // The known user's tickets are the newest.
    assert_eq!(references(&first), ["TKT-1013", "TKT-1012"]);
    let mut seen = references(&first);
    let mut cursor = first["next_cursor"].as_str().unwrap().to_owned();
    for _ in 0..3 {
        let page = app
            .agent(
                Method::GET,
                &format!("/tickets?limit=2&cursor={cursor}"),
                &key,
            )
            .value()
            .await;
        seen.extend(references(&page));
        assert_eq!(page["total"], 1_000, "the filter's total, not what is left");
        cursor = page["next_cursor"].as_str().unwrap().to_owned();
    }
    assert_eq!(
        seen,
        [
            "TKT-1013", "TKT-1012", "TKT-1011", "TKT-1010", "TKT-1009", "TKT-1008", "TKT-1007",
            "TKT-1006"
        ]
    );
    // A filter narrow enough is counted exactly, and its last page says so.
    let mine = app
        .agent(
            Method::GET,
            "/tickets?email=known%40example.com&limit=3",
            &key,
        )
        .value()
        .await;
    assert_eq!(mine["total"], 3);
    assert_eq!(mine["total_capped"], false);
    assert!(mine.get("next_cursor").is_none(), "{mine}");
    for bad in ["cursor=abc", "cursor=1.2&q=refund", "cursor=1.2&offset=5"] {
        let res = app
            .agent(Method::GET, &format!("/tickets?{bad}"), &key)
            .go()
            .await;
        assert_error(res, StatusCode::BAD_REQUEST, "invalid_query").await;
    }
}

#[tokio::test]
async fn an_agent_files_a_ticket_under_one_of_the_workspaces_categories_and_the_customer_sees_it() {
    let app = TestApp::spawn().await;
    let admin = app.key_with_role("Admin", KeyRole::Admin).await;
    let res = app
        .agent(Method::PATCH, "/settings", &admin)
        .json(&json!({ "categories": ["Billing", "Bug report"] }))
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let key = app.agent_key("Ann").await;
    let token = app.login("ada@example.com").await;
    app.new_ticket(&token, "Charged twice").await;

    let listed = app.agent(Method::GET, "/categories", &key).value().await;
    assert_eq!(listed, json!({ "categories": ["Billing", "Bug report"] }));

    let set = |category: Value| {
        app.agent(Method::PATCH, "/tickets/TKT-0001", &key)
            .json(&json!({ "category": category }))
            .go()
    };
    let res = set(json!("billing")).await;
    assert_eq!(res.status(), StatusCode::OK);
    let t: Value = res.json().await.unwrap();
    assert_eq!(
        t["category"], "Billing",
        "stored as the workspace spells it"
    );
    let seen = app
        .widget(Method::GET, "/tickets/TKT-0001", &token)
        .value()
        .await;
    assert_eq!(seen["category"], "Billing");
    let filtered = app
        .agent(Method::GET, "/tickets?category=Billing", &key)
        .value()
        .await;
    assert_eq!(references(&filtered), vec!["TKT-0001"]);

    let res = set(json!("Refunds")).await;
    assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field").await;
    let res = set(json!("<script>alert(1)</script>")).await;
    assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field").await;
    let t: Value = set(Value::Null).await.json().await.unwrap();
    assert_eq!(t["category"], Value::Null);
}
