//! Agent accounts and the console's sessions: an invitation becomes a password, signing in is
//! throttled and may take a second factor, the console works the agent API with its cookie
//! and CSRF token, and signing out ends the session on the server.

use porthole::store::KeyRole;
use porthole_core::agents::{AgentStore, Invitation};
use porthole_core::opening::open_ticket;
use reqwest::{header, Method, Response, StatusCode};
use secrecy::ExposeSecret;
use serde_json::{json, Value};

use crate::helpers::{assert_error, RequestExt, TestApp};

const PASSWORD: &str = "tide pool lantern 42";

/// An invitation link for `email`, as `porthole agent invite` prints it.
pub async fn invite(app: &TestApp, email: &str, role: KeyRole) -> String {
    let ws = app.store.workspace_by_slug("acme").await.unwrap().unwrap();
    let email = porthole_core::EmailAddress::parse(email).unwrap();
    let invitation = Invitation {
        workspace_id: ws.id,
        email: &email,
        name: "Ann",
        role,
    };
    let token = app
        .store
        .invite_agent(invitation, app.clock.now_ms(), 3_600_000)
        .await
        .unwrap();
    format!(
        "{}/console/invitation?t={}",
        app.base,
        token.secret.expose_secret()
    )
}

fn cookie_of(res: &Response, name: &str) -> Option<String> {
    res.headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")))
        .map(|v| v.split(';').next().unwrap().to_owned())
}

async fn post_form(app: &TestApp, path: &str, cookie: &str, form: &[(&str, &str)]) -> Response {
    app.pages()
        .post(format!("{}{path}", app.base))
        .header(header::COOKIE, cookie)
        .header("Origin", &app.base)
        .form(form)
        .send()
        .await
        .unwrap()
}

/// Follows an invitation through to a signed-in console; returns the console cookie.
pub async fn accept(app: &TestApp, link: &str) -> String {
    let res = app.pages().get(link).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        res.headers()[header::LOCATION],
        "/console/invitation",
        "the token leaves the address bar"
    );
    let invite = cookie_of(&res, "ph_invite").unwrap();
    let form = app
        .pages()
        .get(format!("{}/console/invitation", app.base))
        .header(header::COOKIE, &invite)
        .send()
        .await
        .unwrap();
    assert_eq!(form.status(), StatusCode::OK);
    let res = post_form(
        app,
        "/console/invitation",
        &invite,
        &[("password", PASSWORD), ("confirm", PASSWORD)],
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let set = res
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|v| v.starts_with("ph_console="))
        .unwrap();
    assert!(
        set.contains("HttpOnly") && set.contains("SameSite=Strict"),
        "{set}"
    );
    cookie_of(&res, "ph_console").unwrap()
}

async fn sign_in(app: &TestApp, email: &str, password: &str, code: &str) -> Response {
    post_form(
        app,
        "/console/sign-in",
        "",
        &[
            ("workspace", "acme"),
            ("email", email),
            ("password", password),
            ("code", code),
        ],
    )
    .await
}

/// The sign-in page's reason for refusing, without the form it echoes back.
fn refusal(page: &str) -> &str {
    let start = page.find("id=\"ph-sign-in-error\">").expect("a refusal") + 22;
    &page[start..start + page[start..].find("</p>").unwrap()]
}

/// The console page's CSRF token, which the app sends with every change.
pub async fn csrf(app: &TestApp, cookie: &str) -> String {
    let page = app
        .pages()
        .get(format!("{}/console", app.base))
        .header(header::COOKIE, cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let csp = page.headers()["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    let html = page.text().await.unwrap();
    let start = html.find(r#"name="ph-csrf" content=""#).unwrap() + 24;
    html[start..start + 32].to_owned()
}

pub fn console_api(
    app: &TestApp,
    method: Method,
    path: &str,
    cookie: &str,
) -> reqwest::RequestBuilder {
    app.request(method, &format!("/api/v1/agent{path}"))
        .header(header::COOKIE, cookie)
}

#[tokio::test]
async fn an_invited_agent_sets_a_password_and_works_tickets_from_the_console() {
    let app = TestApp::spawn().await;
    let token = app.login("ada@example.com").await;
    app.new_ticket(&token, "Printer on fire").await;
    let link = invite(&app, "ann@acme.test", KeyRole::Agent).await;
    let cookie = accept(&app, &link).await;

    // Reads need only the cookie.
    let list = console_api(&app, Method::GET, "/tickets", &cookie)
        .value()
        .await;
    assert_eq!(list["tickets"][0]["subject"], "Printer on fire");

    // A change needs the CSRF token and the console's own origin.
    let csrf = csrf(&app, &cookie).await;
    let change = |origin: &str, token: &str| {
        console_api(&app, Method::PATCH, "/tickets/TKT-0001", &cookie)
            .header("Origin", origin.to_owned())
            .header("x-csrf-token", token.to_owned())
            .json(&json!({ "status": "in_progress" }))
    };
    let res = change(&app.base, "").go().await;
    assert_error(res, StatusCode::FORBIDDEN, "csrf_refused").await;
    let res = change("https://evil.example", &csrf).go().await;
    assert_error(res, StatusCode::FORBIDDEN, "csrf_refused").await;
    let res = change(&app.base, &csrf).go().await;
    assert_eq!(res.status(), StatusCode::OK);

    // A reply from the console is signed with the agent's name.
    let res = console_api(&app, Method::POST, "/tickets/TKT-0001/messages", &cookie)
        .header("Origin", &app.base)
        .header("x-csrf-token", &csrf)
        .json(&json!({ "body": "Extinguisher on its way" }))
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let seen = app
        .widget(Method::GET, "/tickets/TKT-0001", &token)
        .value()
        .await;
    assert_eq!(
        seen["messages"].as_array().unwrap().last().unwrap()["author_name"],
        "Ann"
    );

    // An agent is not an admin; and the invitation was good once.
    let res = console_api(&app, Method::PATCH, "/settings", &cookie)
        .header("Origin", &app.base)
        .header("x-csrf-token", &csrf)
        .json(&json!({ "title": "Owned" }))
        .go()
        .await;
    assert_error(res, StatusCode::FORBIDDEN, "admin_only").await;
    let again = app.pages().get(&link).send().await.unwrap();
    let invite = cookie_of(&again, "ph_invite").unwrap();
    let res = post_form(
        &app,
        "/console/invitation",
        &invite,
        &[
            ("password", "another long password"),
            ("confirm", "another long password"),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn signing_out_ends_the_session_on_the_server_and_everywhere_ends_them_all() {
    let app = TestApp::spawn().await;
    let first = accept(&app, &invite(&app, "ann@acme.test", KeyRole::Admin).await).await;
    let res = sign_in(&app, "Ann@Acme.test", PASSWORD, "").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let second = cookie_of(&res, "ph_console").unwrap();
    let third = cookie_of(
        &sign_in(&app, "ann@acme.test", PASSWORD, "").await,
        "ph_console",
    )
    .unwrap();

    // Signing out needs the session's CSRF token, so no other site can sign an agent out.
    let res = post_form(&app, "/console/sign-out", &first, &[("csrf", "nope")]).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let token = csrf(&app, &first).await;
    let res = post_form(&app, "/console/sign-out", &first, &[("csrf", &token)]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // The stolen cookie is worth nothing now; the other sessions live.
    let res = console_api(&app, Method::GET, "/tickets", &first)
        .go()
        .await;
    assert_error(res, StatusCode::UNAUTHORIZED, "invalid_session").await;
    let res = console_api(&app, Method::GET, "/tickets", &second)
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::OK);

    let token = csrf(&app, &second).await;
    let res = post_form(
        &app,
        "/console/sign-out",
        &second,
        &[("csrf", &token), ("everywhere", "1")],
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    for cookie in [&second, &third] {
        let res = console_api(&app, Method::GET, "/tickets", cookie)
            .go()
            .await;
        assert_error(res, StatusCode::UNAUTHORIZED, "invalid_session").await;
    }
    let page = app
        .pages()
        .get(format!("{}/console", app.base))
        .header(header::COOKIE, &third)
        .send()
        .await
        .unwrap();
    assert_eq!(page.headers()[header::LOCATION], "/console/sign-in");
}

#[tokio::test]
async fn guessing_locks_the_account_and_a_client_that_keeps_trying_is_held_off() {
    let app = TestApp::spawn().await;
    accept(&app, &invite(&app, "ann@acme.test", KeyRole::Agent).await).await;
    // Unknown agents and wrong passwords get the same answer.
    let unknown = sign_in(&app, "nobody@acme.test", PASSWORD, "").await;
    assert_eq!(unknown.status(), StatusCode::UNAUTHORIZED);
    let unknown = unknown.text().await.unwrap();
    for _ in 0..5 {
        let res = sign_in(&app, "ann@acme.test", "wrong guess number", "").await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
        assert!(cookie_of(&res, "ph_console").is_none());
    }
    assert!(unknown.contains("do not match an agent"));
    // Locked: even the right password is refused for now, and the answer is the one a
    // stranger gets, so a lock does not tell that the address is an agent's.
    let res = sign_in(&app, "ann@acme.test", PASSWORD, "").await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert!(cookie_of(&res, "ph_console").is_none());
    let locked = res.text().await.unwrap();
    assert!(locked.contains("15 minutes"));
    assert_eq!(refusal(&locked), refusal(&unknown));

    // This client has made 7 attempts; from the 21st it is held off whatever it sends.
    for _ in 0..13 {
        sign_in(&app, "nobody@acme.test", PASSWORD, "").await;
    }
    let res = sign_in(&app, "nobody@acme.test", PASSWORD, "").await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("Too many sign-in attempts"));

    // A sign-in form posted from another site is refused outright.
    let res = app
        .pages()
        .post(format!("{}/console/sign-in", app.base))
        .header("Origin", "https://evil.example")
        .form(&[
            ("workspace", "acme"),
            ("email", "ann@acme.test"),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn with_two_step_sign_in_a_password_alone_is_not_enough_and_a_code_works_once() {
    let app = TestApp::spawn().await;
    let cookie = accept(&app, &invite(&app, "ann@acme.test", KeyRole::Agent).await).await;
    let page = app
        .pages()
        .get(format!("{}/console/security", app.base))
        .header(header::COOKIE, &cookie)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let start = page.find(r#"name="secret" value=""#).unwrap() + 21;
    let secret: String = page[start..].chars().take_while(|c| *c != '"').collect();
    let token = csrf(&app, &cookie).await;
    let now = app.clock.now_ms();
    let wrong = post_form(
        &app,
        "/console/security",
        &cookie,
        &[
            ("csrf", &token),
            ("action", "on"),
            ("secret", &secret),
            ("code", "000000"),
        ],
    )
    .await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let code = porthole_core::accounts::totp_code(&secret, now).unwrap();
    let res = post_form(
        &app,
        "/console/security",
        &cookie,
        &[
            ("csrf", &token),
            ("action", "on"),
            ("secret", &secret),
            ("code", &code),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);

    // The right password without the code reads as any other refusal: it does not tell a
    // guesser that the password was right.
    let res = sign_in(&app, "ann@acme.test", PASSWORD, "").await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let no_code = res.text().await.unwrap();
    let res = sign_in(&app, "ann@acme.test", "wrong guess number", "").await;
    assert_eq!(refusal(&res.text().await.unwrap()), refusal(&no_code));
    assert!(no_code.contains("authenticator app"));
    let res = sign_in(&app, "ann@acme.test", PASSWORD, &code).await;
    assert_eq!(
        res.status(),
        StatusCode::SEE_OTHER,
        "a current code signs in"
    );
    assert!(cookie_of(&res, "ph_console").is_some());
    let res = sign_in(&app, "ann@acme.test", PASSWORD, &code).await;
    assert_eq!(
        res.status(),
        StatusCode::UNAUTHORIZED,
        "the same code is spent"
    );
    assert!(cookie_of(&res, "ph_console").is_none());
}

#[tokio::test]
async fn the_console_of_one_workspace_reaches_nothing_of_another() {
    let app = TestApp::spawn().await;
    let globex = app.globex_key().await;
    let res = app.agent(Method::GET, "/tickets", &globex).go().await;
    assert_eq!(res.status(), StatusCode::OK);
    let cookie = accept(&app, &invite(&app, "ann@acme.test", KeyRole::Admin).await).await;
    // Globex's ticket numbers are its own: an acme agent sees only acme's.
    let ws = app
        .store
        .workspace_by_slug("globex")
        .await
        .unwrap()
        .unwrap();
    let scope = porthole::store::UserScope {
        workspace_id: ws.id,
        email: "gus@globex.test".into(),
        name: None,
    };
    let new = porthole_core::opening::NewTicket {
        subject: "Globex secret".into(),
        description: None,
        ticket_type: None,
        category: None,
        channel: porthole_types::Channel::Widget,
        locale: None,
        attachments: vec![],
        message_id: None,
        participants: vec![],
        portal: None,
    };
    open_ticket(&app.store, &scope, new, None, 1).await.unwrap();
    let res = console_api(&app, Method::GET, "/tickets/TKT-0001", &cookie)
        .go()
        .await;
    assert_error(res, StatusCode::NOT_FOUND, "not_found").await;
    let list: Value = console_api(&app, Method::GET, "/tickets", &cookie)
        .value()
        .await;
    assert_eq!(list["tickets"].as_array().unwrap().len(), 0);
}

#[tokio::test]
async fn an_agent_steps_away_from_round_robin_and_only_admins_see_the_team() {
    let app = TestApp::spawn().await;
    let cookie = accept(&app, &invite(&app, "ann@acme.test", KeyRole::Agent).await).await;
    let me = console_api(&app, Method::GET, "/me", &cookie).value().await;
    assert_eq!(me["available"], true);
    assert_eq!(me["email"], "ann@acme.test");
    let res = console_api(&app, Method::PATCH, "/me", &cookie)
        .header("Origin", &app.base)
        .json(&json!({ "available": false }))
        .go()
        .await;
    assert_error(res, StatusCode::FORBIDDEN, "csrf_refused").await;
    let token = csrf(&app, &cookie).await;
    let me = console_api(&app, Method::PATCH, "/me", &cookie)
        .header("Origin", &app.base)
        .header("x-csrf-token", &token)
        .json(&json!({ "available": false }))
        .value()
        .await;
    assert_eq!(me["available"], false);

    let res = console_api(&app, Method::GET, "/agents", &cookie)
        .go()
        .await;
    assert_error(res, StatusCode::FORBIDDEN, "admin_only").await;
    let key = app.agent_key("Admin").await;
    let team = app.agent(Method::GET, "/agents", &key).value().await;
    assert_eq!(team["agents"][0]["email"], "ann@acme.test");
    assert_eq!(team["agents"][0]["available"], false);
    // A key is no agent.
    let res = app.agent(Method::GET, "/me", &key).go().await;
    assert_error(res, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn an_admin_invites_by_api_and_the_invitation_is_emailed_when_email_is_on() {
    let app = TestApp::spawn_with(crate::helpers::Options {
        email: true,
        ..Default::default()
    })
    .await;
    let admin = app.agent_key("Admin").await;
    let res = app
        .agent(Method::POST, "/agents", &admin)
        .json(&json!({ "email": "Cy@Acme.test", "name": "Cy", "role": "admin" }))
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let invited: Value = res.json().await.unwrap();
    assert_eq!(invited["agent"]["email"], "cy@acme.test");
    assert_eq!(invited["agent"]["active"], false);
    assert_eq!(invited["emailed"], true);
    let link = invited["invitation_url"].as_str().unwrap().to_owned();
    let mail = app.mail().wait_for(|m| m.to == "cy@acme.test").await;
    assert!(mail.text.contains(&link), "{}", mail.text);
    // The emailed link works, once; then Cy is an agent already.
    accept(&app, &link).await;
    let res = app
        .agent(Method::POST, "/agents", &admin)
        .json(&json!({ "email": "cy@acme.test" }))
        .go()
        .await;
    assert_error(res, StatusCode::CONFLICT, "agent_exists").await;

    let agent_key = app.key_with_role("Desk", KeyRole::Agent).await;
    let res = app
        .agent(Method::POST, "/agents", &agent_key)
        .json(&json!({ "email": "eve@acme.test", "role": "admin" }))
        .go()
        .await;
    assert_error(res, StatusCode::FORBIDDEN, "admin_only").await;
    for bad in [
        json!({ "email": "nope" }),
        json!({ "email": "a@b.co", "role": "owner" }),
    ] {
        let res = app
            .agent(Method::POST, "/agents", &admin)
            .json(&bad)
            .go()
            .await;
        assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field").await;
    }
}

#[tokio::test]
async fn agents_on_the_same_ticket_see_each_other_and_who_is_replying() {
    let app = TestApp::spawn().await;
    let token = app.login("ada@example.com").await;
    app.new_ticket(&token, "Shared attention").await;
    let ann = accept(&app, &invite(&app, "ann@acme.test", KeyRole::Agent).await).await;
    let key = app.agent_key("Bob's script").await;
    let beat = |cookie: &str, csrf: &str, replying: bool| {
        console_api(&app, Method::POST, "/tickets/TKT-0001/presence", cookie)
            .header("Origin", &app.base)
            .header("x-csrf-token", csrf.to_owned())
            .json(&json!({ "replying": replying }))
    };
    let ann_csrf = csrf(&app, &ann).await;
    let seen = beat(&ann, &ann_csrf, true).value().await;
    assert_eq!(seen["others"], json!([]));
    let seen = app
        .agent(Method::POST, "/tickets/TKT-0001/presence", &key)
        .json(&json!({}))
        .value()
        .await;
    assert_eq!(seen["others"], json!([{ "name": "Ann", "replying": true }]));
    let seen = beat(&ann, &ann_csrf, false).value().await;
    assert_eq!(
        seen["others"],
        json!([{ "name": "Bob's script", "replying": false }])
    );
    let res = app
        .agent(Method::POST, "/tickets/TKT-0404/presence", &key)
        .json(&json!({}))
        .go()
        .await;
    assert_error(res, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn an_admin_changes_a_role_or_removes_an_agent_whose_session_then_ends() {
    let app = TestApp::spawn().await;
    let boss = accept(&app, &invite(&app, "boss@acme.test", KeyRole::Admin).await).await;
    let ann = accept(&app, &invite(&app, "ann@acme.test", KeyRole::Agent).await).await;
    let boss_csrf = csrf(&app, &boss).await;
    let admin = |method: Method, path: &str| {
        console_api(&app, method, path, &boss)
            .header("Origin", &app.base)
            .header("x-csrf-token", &boss_csrf)
    };
    let changed = admin(Method::PATCH, "/agents/ann@acme.test")
        .json(&json!({ "role": "admin" }))
        .value()
        .await;
    assert_eq!(changed["role"], "admin");
    // Ann's next request is an admin's.
    let res = console_api(&app, Method::GET, "/agents", &ann).go().await;
    assert_eq!(res.status(), StatusCode::OK);

    let res = admin(Method::PATCH, "/agents/boss@acme.test")
        .json(&json!({ "role": "agent" }))
        .go()
        .await;
    assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field").await;
    let res = admin(Method::PATCH, "/agents/ann@acme.test")
        .json(&json!({ "role": "owner" }))
        .go()
        .await;
    assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field").await;

    let res = admin(Method::DELETE, "/agents/ann@acme.test").go().await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let res = console_api(&app, Method::GET, "/tickets", &ann).go().await;
    assert_error(res, StatusCode::UNAUTHORIZED, "invalid_session").await;
    let res = admin(Method::DELETE, "/agents/ann@acme.test").go().await;
    assert_error(res, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn the_console_speaks_the_language_of_the_agents_browser() {
    let app = TestApp::spawn().await;
    let server = &app;
    let page = |path: &'static str, language: &'static str, cookie: String| async move {
        server
            .page_in(path, language, &cookie)
            .await
            .text()
            .await
            .unwrap()
    };
    let html = page("/console/sign-in", "de-DE,de;q=0.9,en;q=0.5", String::new()).await;
    assert!(html.contains(r#"<html lang="de">"#), "{html}");
    assert!(html.contains("An der Konsole anmelden"), "{html}");

    // A refusal is said in the same language, and reads the same for every cause.
    let refused = app
        .pages()
        .post(format!("{}/console/sign-in", app.base))
        .header("Origin", &app.base)
        .header(header::ACCEPT_LANGUAGE, "fr-CA")
        .form(&[
            ("workspace", "acme"),
            ("email", "nobody@acme.test"),
            ("password", "wrong wrong wrong"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
    let html = refused.text().await.unwrap();
    assert!(
        refusal(&html).starts_with("Ces informations ne correspondent à aucun agent"),
        "{html}"
    );

    // The invitation page, and why a password is refused, in Spanish.
    let link = invite(&app, "eva@acme.test", KeyRole::Agent).await;
    let res = app.pages().get(&link).send().await.unwrap();
    let invited = cookie_of(&res, "ph_invite").unwrap();
    let html = page("/console/invitation", "es", invited.clone()).await;
    assert!(
        html.contains("Le invitaron como <strong>eva@acme.test</strong> (Agente)"),
        "{html}"
    );
    let short = app
        .pages()
        .post(format!("{}/console/invitation", app.base))
        .header(header::COOKIE, &invited)
        .header("Origin", &app.base)
        .header(header::ACCEPT_LANGUAGE, "es-ES")
        .form(&[("password", "corta"), ("confirm", "corta")])
        .send()
        .await
        .unwrap();
    assert_eq!(short.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = short.text().await.unwrap();
    assert!(
        html.contains("Elija otra contraseña: al menos 12 caracteres"),
        "{html}"
    );

    // The app's shell names the language for the wasm to speak it; a language Porthole does
    // not speak, or a header made to break out of the attribute, gets English.
    let link = invite(&app, "ann@acme.test", KeyRole::Admin).await;
    let cookie = accept(&app, &link).await;
    let html = page("/console", "fr", cookie.clone()).await;
    assert!(html.contains(r#"<html lang="fr">"#), "{html}");
    assert!(html.contains("Chargement de la console…"), "{html}");
    for header in ["ja, zh;q=0.8", r#""><script>alert(1)</script>"#] {
        let html = page("/console", header, cookie.clone()).await;
        assert!(html.contains(r#"<html lang="en">"#), "{header}: {html}");
        assert!(!html.contains("<script>alert"), "{html}");
    }
}

#[tokio::test]
async fn an_agent_chooses_the_consoles_language_over_their_browsers() {
    let app = TestApp::spawn().await;
    let link = invite(&app, "ann@acme.test", KeyRole::Agent).await;
    let cookie = accept(&app, &link).await;
    let csrf = csrf(&app, &cookie).await;
    let change = |body: Value| {
        console_api(&app, Method::PATCH, "/me", &cookie)
            .header("Origin", &app.base)
            .header("x-csrf-token", &csrf)
            .json(&body)
            .go()
    };
    let shell = || async {
        app.page_in("/console", "fr-FR", &cookie)
            .await
            .text()
            .await
            .unwrap()
    };
    assert!(shell().await.contains(r#"<html lang="fr">"#));
    let me: Value = change(json!({ "locale": "de" }))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(me["locale"], "de");
    assert_eq!(me["name"], "Ann", "what was not given stays");
    assert!(shell().await.contains(r#"<html lang="de">"#));
    // The security page is the console's too.
    let security = app
        .pages()
        .get(format!("{}/console/security", app.base))
        .header(header::COOKIE, &cookie)
        .send()
        .await
        .unwrap();
    assert!(security
        .text()
        .await
        .unwrap()
        .contains("Anmeldung in zwei Schritten"));
    // `null` goes back to the browser's; a language Porthole does not speak is refused.
    let me: Value = change(json!({ "locale": null }))
        .await
        .json()
        .await
        .unwrap();
    assert!(me["locale"].is_null(), "{me}");
    assert!(shell().await.contains(r#"<html lang="fr">"#));
    let res = change(json!({ "locale": "xx" })).await;
    assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_body").await;
    let me = console_api(&app, Method::GET, "/me", &cookie).value().await;
    assert!(me["locale"].is_null(), "{me}");
}
