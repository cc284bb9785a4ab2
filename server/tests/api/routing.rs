//! Routing: new tickets given round robin to available agents under a cap, and upset
//! customers surfacing first.

use porthole::store::{Invitation, KeyRole};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::helpers::{assert_error, references, RequestExt, TestApp};

/// An agent who accepted their invitation.
async fn agent(app: &TestApp, email: &str) {
    let ws = app.store.workspace_by_slug("acme").await.unwrap().unwrap();
    let address = porthole::domain::EmailAddress::parse(email).unwrap();
    let invitation = Invitation {
        workspace_id: ws.id,
        email: &address,
        name: email,
        role: KeyRole::Agent,
    };
    let now = app.clock.now_ms();
    let token = app
        .store
        .invite_agent(invitation, now, 3_600_000)
        .await
        .unwrap();
    let hash = porthole::accounts::hash_password("a long enough password").unwrap();
    app.store
        .accept_invitation(&token.hash, &hash, now)
        .await
        .unwrap()
        .unwrap();
}

async fn assignee(app: &TestApp, key: &str, reference: &str) -> Value {
    app.agent(Method::GET, &format!("/tickets/{reference}"), key)
        .value()
        .await["assignee"]
        .clone()
}

#[tokio::test]
async fn new_tickets_go_round_robin_to_available_agents_under_the_cap() {
    let app = TestApp::spawn().await;
    let key = app.agent_key("Admin").await;
    agent(&app, "ann@acme.test").await;
    agent(&app, "bob@acme.test").await;
    let ada = app.login("ada@example.com").await;

    // Off by default: nobody is assigned.
    let first = app.new_ticket(&ada, "Before").await;
    assert_eq!(
        assignee(&app, &key, first["reference"].as_str().unwrap()).await,
        Value::Null
    );

    let res = app
        .agent(Method::PATCH, "/settings", &key)
        .json(&json!({ "auto_assign": true }))
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let mut got = vec![];
    for n in 0..4 {
        let t = app.new_ticket(&ada, &format!("Ticket {n}")).await;
        got.push(assignee(&app, &key, t["reference"].as_str().unwrap()).await);
    }
    assert_eq!(
        got,
        [
            "ann@acme.test",
            "bob@acme.test",
            "ann@acme.test",
            "bob@acme.test"
        ]
    );

    // Ann goes away: Bob takes everything. With a cap of 2 open tickets, nobody can.
    let ws = app.store.workspace_by_slug("acme").await.unwrap().unwrap();
    let ann = app.store.agents(ws.id).await.unwrap();
    let ann = ann.iter().find(|a| a.email == "ann@acme.test").unwrap();
    app.store.set_available(ann.id, false).await.unwrap();
    let t = app.new_ticket(&ada, "While Ann is away").await;
    assert_eq!(
        assignee(&app, &key, t["reference"].as_str().unwrap()).await,
        "bob@acme.test"
    );
    let res = app
        .agent(Method::PATCH, "/settings", &key)
        .json(&json!({ "auto_assign_cap": 2 }))
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let t = app.new_ticket(&ada, "Over the cap").await;
    assert_eq!(
        assignee(&app, &key, t["reference"].as_str().unwrap()).await,
        Value::Null
    );

    for bad in [
        json!({ "auto_assign_cap": 0 }),
        json!({ "auto_assign": "yes" }),
    ] {
        let res = app
            .agent(Method::PATCH, "/settings", &key)
            .json(&bad)
            .go()
            .await;
        assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field").await;
    }
}

#[tokio::test]
async fn upset_customers_come_first_when_sorted_by_sentiment() {
    let app = TestApp::spawn().await;
    let key = app.agent_key("Admin").await;
    let ada = app.login("ada@example.com").await;
    for (subject, description) in [
        ("Invoice question", "Where do I find last month's invoice?"),
        (
            "Furious",
            "This is terrible. Nothing works and I am angry!!!",
        ),
        ("Thanks", "Great work on the new export, love it"),
    ] {
        let res = app
            .widget(Method::POST, "/tickets", &ada)
            .json(&json!({ "subject": subject, "description": description }))
            .go()
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
    }
    let list = app
        .agent(Method::GET, "/tickets?sort=sentiment", &key)
        .value()
        .await;
    assert_eq!(references(&list), ["TKT-0002", "TKT-0001", "TKT-0003"]);
    assert!(list["tickets"][0]["sentiment"].as_f64().unwrap() < -0.5);
    assert!(list["tickets"][2]["sentiment"].as_f64().unwrap() > 0.5);

    let res = app
        .agent(Method::GET, "/tickets?sort=loudest", &key)
        .go()
        .await;
    assert_error(res, StatusCode::BAD_REQUEST, "invalid_query").await;
    let res = app
        .agent(Method::GET, "/tickets?sort=sentiment&cursor=1.1", &key)
        .go()
        .await;
    assert_error(res, StatusCode::BAD_REQUEST, "invalid_query").await;
}
