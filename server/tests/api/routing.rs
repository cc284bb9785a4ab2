//! Routing: new tickets given round robin to available agents under a cap, and upset
//! customers surfacing first.

use porthole::store::KeyRole;
use porthole_core::agents::{AgentStore, Invitation};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::helpers::{assert_error, references, RequestExt, TestApp};

/// An agent who accepted their invitation.
async fn agent(app: &TestApp, email: &str) {
    agent_as(app, email, KeyRole::Agent).await;
}

async fn agent_as(app: &TestApp, email: &str, role: KeyRole) {
    let ws = app.store.workspace_by_slug("acme").await.unwrap().unwrap();
    let address = porthole_core::EmailAddress::parse(email).unwrap();
    let invitation = Invitation {
        workspace_id: ws.id,
        email: &address,
        name: email,
        role,
    };
    let now = app.clock.now_ms();
    let token = app
        .store
        .invite_agent(invitation, now, 3_600_000)
        .await
        .unwrap();
    let password = ("a long enough password", "a long enough password");
    let whose = (&token.hash[..], &address.to_string()[..]);
    let joined = porthole_core::sign_in::join(&app.store, whose, password, now, 3_600_000);
    assert!(matches!(
        joined.await.unwrap(),
        porthole_core::sign_in::Joined::Session { .. }
    ));
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
    let away = porthole_types::ChangeMe {
        available: Some(false),
        ..Default::default()
    };
    porthole_core::profile::change(&app.store, ann.id, &away)
        .await
        .unwrap();
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

#[tokio::test]
async fn the_ticket_report_counts_each_day_and_times_first_responses_and_resolutions() {
    let app = TestApp::spawn().await;
    let key = app.agent_key("Admin").await;
    let ada = app.login("ada@example.com").await;
    for n in 1..=3 {
        app.new_ticket(&ada, &format!("Ticket {n}")).await;
    }
    // The first gets an answer after 10 minutes and is resolved an hour after opening.
    app.clock.advance(std::time::Duration::from_secs(600));
    let res = app
        .agent(Method::POST, "/tickets/TKT-0001/messages", &key)
        .json(&json!({ "body": "Looking", "internal": false }))
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    app.clock.advance(std::time::Duration::from_secs(3000));
    let res = app
        .agent(Method::PATCH, "/tickets/TKT-0001", &key)
        .json(&json!({ "status": "resolved" }))
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    // A note is no response.
    let res = app
        .agent(Method::POST, "/tickets/TKT-0002/messages", &key)
        .json(&json!({ "body": "internal", "internal": true }))
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);

    let report = app
        .agent(Method::GET, "/reports/tickets", &key)
        .value()
        .await;
    let days = report["days"].as_array().unwrap();
    assert_eq!(days.len(), 31, "every day of the default period");
    let opened: i64 = days.iter().map(|d| d["opened"].as_i64().unwrap()).sum();
    let resolved: i64 = days.iter().map(|d| d["resolved"].as_i64().unwrap()).sum();
    assert_eq!((opened, resolved), (3, 1));
    assert_eq!(
        report["first_response"],
        json!({ "count": 1, "median_secs": 600, "p90_secs": 600 })
    );
    assert_eq!(report["resolution"]["median_secs"], 3600);

    let csv = app
        .agent(
            Method::GET,
            "/reports/tickets.csv?from=2026-01-01&to=2026-01-02",
            &key,
        )
        .go()
        .await;
    assert_eq!(csv.status(), StatusCode::OK);
    assert!(csv.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment"));
    assert_eq!(
        csv.text().await.unwrap(),
        "date,opened,resolved\r\n2026-01-01,0,0\r\n2026-01-02,0,0\r\n"
    );
    // The two days in either order name the same period; a period of millions of days is
    // cut to a year, so no request makes an enormous report.
    let reversed = app
        .agent(
            Method::GET,
            "/reports/tickets.csv?from=2026-01-02&to=2026-01-01",
            &key,
        )
        .go()
        .await;
    assert_eq!(
        reversed.text().await.unwrap(),
        "date,opened,resolved\r\n2026-01-01,0,0\r\n2026-01-02,0,0\r\n"
    );
    let huge = app
        .agent(
            Method::GET,
            "/reports/tickets?from=0001-01-01&to=9999-12-31",
            &key,
        )
        .value()
        .await;
    assert_eq!(huge["days"].as_array().unwrap().len(), 366);
    for bad in ["from=yesterday", "to=2026-02-30", "period=7d"] {
        let res = app
            .agent(Method::GET, &format!("/reports/tickets?{bad}"), &key)
            .go()
            .await;
        assert_error(res, StatusCode::BAD_REQUEST, "invalid_query").await;
    }
}

#[tokio::test]
async fn a_ticket_left_unanswered_too_long_is_escalated_once_to_the_admins() {
    let app = TestApp::spawn_with(crate::helpers::Options {
        email: true,
        ..Default::default()
    })
    .await;
    let key = app.agent_key("Admin").await;
    agent(&app, "ann@acme.test").await;
    agent_as(&app, "boss@acme.test", KeyRole::Admin).await;
    let res = app
        .agent(Method::PATCH, "/settings", &key)
        .json(&json!({ "escalate_after_minutes": 30, "notification_email": "team@acme.test" }))
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let ada = app.login("ada@example.com").await;
    app.new_ticket(&ada, "Waiting").await;
    app.new_ticket(&ada, "Answered").await;
    let res = app
        .agent(Method::POST, "/tickets/TKT-0002/messages", &key)
        .json(&json!({ "body": "On it" }))
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let res = app
        .agent(Method::PATCH, "/tickets/TKT-0002", &key)
        .json(&json!({ "assignee": "ann@acme.test" }))
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::OK);

    app.clock.advance(std::time::Duration::from_secs(31 * 60));
    let to_boss = app
        .mail()
        .wait_for(|m| m.to == "boss@acme.test" && m.subject.contains("TKT-0001"))
        .await;
    assert!(to_boss.text.contains("waited too long"), "{}", to_boss.text);
    app.mail()
        .wait_for(|m| m.to == "team@acme.test" && m.text.contains("waited too long"))
        .await;
    // Once per ticket, and never for the answered and assigned one.
    let escalations = app
        .store
        .escalate_due(app.clock.now_ms(), 100)
        .await
        .unwrap();
    assert_eq!(escalations, 0);
    let sent = app.mail().received();
    assert!(sent
        .iter()
        .all(|m| !m.subject.contains("TKT-0002") || !m.text.contains("waited too long")));
    assert_eq!(
        sent.iter()
            .filter(|m| m.text.contains("waited too long"))
            .count(),
        2,
        "one to the team address and one to the admin, not to Ann"
    );

    let res = app
        .agent(Method::PATCH, "/settings", &key)
        .json(&json!({ "escalate_after_minutes": 0 }))
        .go()
        .await;
    assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field").await;
}
