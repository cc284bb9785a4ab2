//! The signed iframe: credentials in the URL are verified like `init`, traded for a cookie and
//! stripped; the pages are framed only by the workspace's origins.

use std::time::Duration;

use reqwest::{header, Method, StatusCode};
use serde_json::json;

use crate::helpers::{Options, RequestExt, TestApp, HOST};

/// Opens the iframe URL a host backend would build; returns the response without following it.
async fn open(app: &TestApp, query: &str) -> reqwest::Response {
    app.pages()
        .get(format!("{}/embed/acme/tickets?{query}", app.base))
        .send()
        .await
        .unwrap()
}

fn signed(app: &TestApp, email: &str) -> String {
    format!(
        "email={}&hmac={}&nickname=Ada",
        urlencode(email),
        app.sign(email, None)
    )
}

fn urlencode(s: &str) -> String {
    s.replace('+', "%2B").replace('@', "%40")
}

/// Signs in and returns the session cookie.
async fn sign_in(app: &TestApp, email: &str) -> String {
    let res = open(app, &signed(app, email)).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        res.headers()[header::LOCATION],
        "/embed/acme/tickets",
        "credentials are stripped"
    );
    let set_cookie = res.headers()[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(set_cookie.contains("HttpOnly") && set_cookie.contains("Path=/embed/acme/"));
    set_cookie.split(';').next().unwrap().to_owned()
}

async fn get(app: &TestApp, path: &str, cookie: &str) -> reqwest::Response {
    app.pages()
        .get(format!("{}{path}", app.base))
        .header(header::COOKIE, cookie)
        .send()
        .await
        .unwrap()
}

async fn post(app: &TestApp, path: &str, cookie: &str, form: &[(&str, &str)]) -> reqwest::Response {
    app.pages()
        .post(format!("{}{path}", app.base))
        .header(header::COOKIE, cookie)
        .header("Origin", &app.base)
        .form(form)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_signed_user_lists_opens_creates_and_replies_to_their_tickets() {
    let app = TestApp::spawn().await;
    // A ticket opened in the widget is the same person's ticket here.
    let token = app.login("ada@example.com").await;
    app.new_ticket(&token, "From the widget").await;

    let cookie = sign_in(&app, "Ada@Example.com").await;
    let res = get(&app, "/embed/acme/tickets", &cookie).await;
    assert_eq!(res.status(), StatusCode::OK);
    let csp = res.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(csp.contains(&format!("frame-ancestors {HOST}")), "{csp}");
    assert!(res.text().await.unwrap().contains("From the widget"));

    let res = post(
        &app,
        "/embed/acme/tickets",
        &cookie,
        &[
            ("subject", "From the iframe"),
            ("description", "Hello"),
            ("type", ""),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        res.headers()[header::LOCATION],
        "/embed/acme/tickets/TKT-0002"
    );
    let res = post(
        &app,
        "/embed/acme/tickets/TKT-0002/reply",
        &cookie,
        &[("body", "More detail")],
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = get(&app, "/embed/acme/tickets/TKT-0002", &cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("From the iframe") && page.contains("More detail"));

    let key = app.agent_key("Ann").await;
    let t = app
        .agent(Method::GET, "/tickets/TKT-0002", &key)
        .value()
        .await;
    assert_eq!(t["channel"], "embed");
    // The nickname the host signed in with is the contact's latest name.
    assert_eq!(
        t["contact"],
        json!({ "email": "ada@example.com", "name": "Ada", "metadata": null })
    );
}

#[tokio::test]
async fn a_forged_or_misdirected_signature_is_refused_with_no_cookie() {
    let app = TestApp::spawn().await;
    let forged = porthole_identity::sign(b"wrong secret", "ada@example.com", None);
    let for_another = app.sign("eve@example.com", None);
    for query in [
        format!("email=ada%40example.com&hmac={forged}"),
        format!("email=ada%40example.com&hmac={for_another}"),
        "email=ada%40example.com&hmac=".to_owned(),
    ] {
        let res = open(&app, &query).await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "{query}");
        assert!(res.headers().get(header::SET_COOKIE).is_none());
        let page = res.text().await.unwrap();
        // The person in the frame is told what to do; the reason is for developers, in the log.
        assert!(page.contains("We could not confirm who you are"), "{page}");
        assert!(page.contains("Reload the page"), "{page}");
        assert!(!page.contains("verification hash"), "{page}");
    }
    let res = open(&app, "email=nope&hmac=00").await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn timestamped_signatures_expire_and_may_be_required() {
    let app = TestApp::spawn_with(Options {
        require_timestamp: true,
        ..Options::default()
    })
    .await;
    let plain = open(&app, &signed(&app, "ada@example.com")).await;
    assert_eq!(plain.status(), StatusCode::UNAUTHORIZED);
    let page = plain.text().await.unwrap();
    assert!(page.contains("We could not confirm who you are"), "{page}");
    assert!(!page.contains("timestamp"), "{page}");

    let ts = app.clock.now_ms();
    let query = format!(
        "email=ada%40example.com&ts={ts}&hmac={}",
        app.sign("ada@example.com", Some(ts))
    );
    assert_eq!(open(&app, &query).await.status(), StatusCode::SEE_OTHER);
    app.clock.advance(Duration::from_secs(6 * 60));
    let late = open(&app, &query).await;
    assert_eq!(late.status(), StatusCode::UNAUTHORIZED);
    assert!(late
        .text()
        .await
        .unwrap()
        .contains("We could not confirm who you are"));
}

#[tokio::test]
async fn another_users_ticket_is_not_found_and_a_foreign_post_is_refused() {
    let app = TestApp::spawn().await;
    let eve = app.login("eve@example.com").await;
    app.new_ticket(&eve, "Eve's secret").await;
    let cookie = sign_in(&app, "ada@example.com").await;
    let res = get(&app, "/embed/acme/tickets/TKT-0001", &cookie).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert!(!res.text().await.unwrap().contains("Eve's secret"));

    let forged = app
        .pages()
        .post(format!("{}/embed/acme/tickets", app.base))
        .header(header::COOKIE, &cookie)
        .header("Origin", "https://evil.example")
        .form(&[("subject", "forged")])
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn without_a_session_the_iframe_asks_to_sign_in_again() {
    let app = TestApp::spawn().await;
    let res = get(&app, "/embed/acme/tickets", "ph_embed=made-up").await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert!(res.text().await.unwrap().contains("Sign in again"));
}

#[tokio::test]
async fn the_signed_iframe_shares_the_widgets_hourly_allowance_and_says_so_kindly() {
    let app = TestApp::spawn().await;
    // 25 through the widget and 5 through the frame: the allowance is the user's, not the
    // surface's.
    let token = app.login("busy@example.com").await;
    for i in 0..25 {
        app.new_ticket(&token, &format!("Widget {i}")).await;
    }
    let cookie = sign_in(&app, "busy@example.com").await;
    for i in 0..5 {
        let subject = format!("Frame {i}");
        let res = post(
            &app,
            "/embed/acme/tickets",
            &cookie,
            &[("subject", &subject)],
        )
        .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "ticket {i}");
    }
    let res = post(
        &app,
        "/embed/acme/tickets",
        &cookie,
        &[("subject", "One too many")],
    )
    .await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(res.headers().contains_key("retry-after"));
    let page = res.text().await.unwrap();
    assert!(page.contains("Please wait a little"), "{page}");
    assert!(!page.contains("rate_limited"), "a code, not words: {page}");
}

#[tokio::test]
async fn a_signed_user_rates_a_resolved_ticket_once_and_is_offered_a_search_first() {
    let app = TestApp::spawn().await;
    let key = app.agent_key("Ann").await;
    let cookie = sign_in(&app, "ada@example.com").await;
    let form = get(&app, "/embed/acme/tickets/new", &cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(
        form.contains(r#"action="/p/acme/kb""#),
        "a search step before the form"
    );
    let res = post(
        &app,
        "/embed/acme/tickets",
        &cookie,
        &[("subject", "Printer"), ("form_id", "f1")],
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = get(&app, "/embed/acme/tickets/TKT-0001", &cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(!page.contains("How did we do?"), "not resolved yet");
    let res = app
        .agent(Method::PATCH, "/tickets/TKT-0001", &key)
        .json(&json!({ "status": "resolved" }))
        .go()
        .await;
    assert!(res.status().is_success());
    let page = get(&app, "/embed/acme/tickets/TKT-0001", &cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("How did we do?"));

    let rate = async |score: &str| {
        let form = [("score", score)];
        post(&app, "/embed/acme/tickets/TKT-0001/rating", &cookie, &form).await
    };
    let res = rate("4").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(res.headers()[header::LOCATION]
        .to_str()
        .unwrap()
        .ends_with("?rated=1"));
    rate("1").await;
    let thanked = get(&app, "/embed/acme/tickets/TKT-0001?rated=1", &cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(thanked.contains("Thank you for your rating."));
    let asked_again = get(&app, "/embed/acme/tickets/TKT-0001", &cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(!asked_again.contains("How did we do?"), "rated once");
    let report = app.agent(Method::GET, "/reports/csat", &key).value().await;
    assert_eq!(report["distribution"], json!([0, 0, 0, 1, 0]));

    // Another user cannot rate it, nor can a post from another site.
    let mallory = sign_in(&app, "mallory@example.com").await;
    let res = post(
        &app,
        "/embed/acme/tickets/TKT-0001/rating",
        &mallory,
        &[("score", "1")],
    )
    .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = app
        .pages()
        .post(format!("{}/embed/acme/tickets/TKT-0001/rating", app.base))
        .header(header::COOKIE, &cookie)
        .header("Origin", "https://evil.example")
        .form(&[("score", "1")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_signed_user_replies_with_a_file_and_downloads_it_from_the_conversation() {
    let app = TestApp::spawn().await;
    let token = app.login("ada@example.com").await;
    app.new_ticket(&token, "Export").await;
    let cookie = sign_in(&app, "ada@example.com").await;
    let form = reqwest::multipart::Form::new().text("body", "").part(
        "files",
        reqwest::multipart::Part::bytes(b"id,total\n1,9\n".to_vec()).file_name("export.csv"),
    );
    let res = app
        .pages()
        .post(format!("{}/embed/acme/tickets/TKT-0001/reply", app.base))
        .header(header::COOKIE, &cookie)
        .header("Origin", &app.base)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let html = get(&app, "/embed/acme/tickets/TKT-0001", &cookie)
        .await
        .text()
        .await
        .unwrap();
    let start = html
        .find("/embed/acme/tickets/TKT-0001/files/")
        .expect("a file link");
    let link = &html[start..start + html[start..].find('"').unwrap()];
    let res = get(&app, link, &cookie).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        res.headers()[header::CONTENT_TYPE],
        "text/csv; charset=utf-8"
    );
    assert_eq!(res.text().await.unwrap(), "id,total\n1,9\n");
    // Another signed user cannot fetch it, even knowing the link.
    let bob = sign_in(&app, "bob@example.com").await;
    assert_eq!(get(&app, link, &bob).await.status(), StatusCode::NOT_FOUND);
}

/// Signs in with `participants` in the URL and opens a ticket in the frame; returns whom the
/// ticket copies, as agents see it.
async fn ticket_copying(app: &TestApp, hmac: &str, participants: &str) -> Vec<String> {
    let query = format!(
        "email=ada%40example.com&participants={}&hmac={hmac}",
        urlencode(participants)
    );
    let res = open(app, &query).await;
    assert_eq!(
        res.status(),
        StatusCode::SEE_OTHER,
        "the user signs in either way"
    );
    let cookie = res.headers()[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let res = post(
        app,
        "/embed/acme/tickets",
        &cookie,
        &[("subject", "Shared")],
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let path = res.headers()[header::LOCATION].to_str().unwrap().to_owned();
    let reference = path.rsplit('/').next().unwrap();
    let key = app.agent_key("Ann").await;
    let list = app
        .agent(
            Method::GET,
            &format!("/tickets/{reference}/participants"),
            &key,
        )
        .value()
        .await;
    list["participants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["email"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn participants_in_the_url_are_copied_only_when_the_signature_covers_them() {
    let app = TestApp::spawn().await;
    let both = ["bo@example.com", "cy@example.com"];
    let covering = porthole_identity::sign_with_participants(
        app.secret.as_bytes(),
        "ada@example.com",
        None,
        &both,
    );
    assert_eq!(
        ticket_copying(&app, &covering, "bo@example.com,cy@example.com").await,
        both
    );
    // Added to a URL signed for the email alone: the user is verified, nobody is copied.
    let plain = app.sign("ada@example.com", None);
    assert!(ticket_copying(&app, &plain, "mallory@evil.test")
        .await
        .is_empty());
    // A covering signature does not stretch to a longer list.
    let res = open(
        &app,
        &format!(
            "email=ada%40example.com&participants={}&hmac={covering}",
            urlencode("bo@example.com,cy@example.com,mallory@evil.test")
        ),
    )
    .await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn an_idempotency_key_means_one_ticket_whether_the_widget_or_the_iframe_sends_it() {
    let app = TestApp::spawn().await;
    let token = app.login("ada@example.com").await;
    let cookie = sign_in(&app, "ada@example.com").await;
    let res = app
        .widget(Method::POST, "/tickets", &token)
        .header("Idempotency-Key", "f1")
        .json(&json!({ "subject": "Printer", "description": "It jams" }))
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    // The iframe's form id is its idempotency key: the same ticket under it is a repeat.
    let form = [
        ("subject", "Printer"),
        ("description", "It jams"),
        ("form_id", "f1"),
    ];
    let res = post(&app, "/embed/acme/tickets", &cookie, &form).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(res.headers()[header::LOCATION]
        .to_str()
        .unwrap()
        .ends_with("/TKT-0001"));
    let other = [("subject", "Scanner"), ("form_id", "f1")];
    // Another ticket under a key already used is refused, on a page in the visitor's words.
    let res = post(&app, "/embed/acme/tickets", &cookie, &other).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let page = res.text().await.unwrap();
    assert!(page.contains("This form was already sent"), "{page}");
    assert!(!page.contains("Idempotency-Key"), "no API words: {page}");
    let listed = app
        .widget(Method::GET, "/tickets", &token)
        .go()
        .await
        .json::<serde_json::Value>()
        .await
        .unwrap();
    assert_eq!(listed["tickets"].as_array().unwrap().len(), 1, "{listed}");
}

/// What a page shows inside its `<main>`.
fn main_of(page: &str) -> &str {
    let start = page.find("<main").expect("a main landmark");
    let end = page.find("</main>").expect("main closes");
    &page[start..end]
}

#[tokio::test]
async fn a_ticket_looks_the_same_in_the_portal_and_in_the_iframe() {
    let app = TestApp::spawn().await;
    let key = app.agent_key("Ann").await;
    let fields = [
        ("name", "Ada"),
        ("email", "ada@example.com"),
        ("subject", "Printer <jam>"),
        ("description", "Paper everywhere."),
        ("form_id", "p1"),
    ];
    let confirmation = app
        .pages()
        .post(format!("{}/p/acme/submit", app.base))
        .header("Origin", &app.base)
        .form(&fields)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let start = confirmation
        .find("/p/acme/tickets/")
        .expect("a tracking link");
    let end = start + confirmation[start..].find('"').unwrap();
    let link = confirmation[start..end].replace("&amp;", "&");
    let res = app
        .pages()
        .get(format!("{}{link}", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let tracking = res.headers()[header::SET_COOKIE].to_str().unwrap();
    let tracking = tracking.split(';').next().unwrap().to_owned();
    let res = app
        .agent(Method::POST, "/tickets/TKT-0001/messages", &key)
        .json(&json!({ "body": "Open **tray 2**.", "status": "resolved" }))
        .go()
        .await;
    assert!(res.status().is_success());

    let portal = get(&app, "/p/acme/tickets/TKT-0001", &tracking).await;
    assert_eq!(portal.status(), StatusCode::OK);
    let portal = portal.text().await.unwrap();
    let cookie = sign_in(&app, "ada@example.com").await;
    let iframe = get(&app, "/embed/acme/tickets/TKT-0001", &cookie).await;
    assert_eq!(iframe.status(), StatusCode::OK);
    let iframe = iframe.text().await.unwrap();

    let portal = main_of(&portal);
    for shown in [
        "Printer &lt;jam&gt;",
        "Paper everywhere.",
        "<strong>tray 2</strong>",
        "How did we do?",
        r#"action="/p/acme/tickets/TKT-0001/reply""#,
        r#"action="/p/acme/tickets/TKT-0001/rating""#,
    ] {
        assert!(portal.contains(shown), "the portal shows {shown}");
    }
    // The iframe's screen is the portal's, at its own addresses and with a way back to the
    // user's list, which a tracking link does not have.
    let back = r#"<p><a class="ph-link" href="/embed/acme/tickets">← Back to your tickets</a></p>"#;
    let iframe = main_of(&iframe);
    assert!(iframe.contains(back), "the iframe links back to the list");
    let iframe = iframe
        .replacen(back, "", 1)
        .replace("/embed/acme/tickets", "/p/acme/tickets");
    assert_eq!(iframe, portal);
}

#[tokio::test]
async fn the_team_learns_the_name_a_signed_iframe_gives_as_it_learns_inits() {
    let app = TestApp::spawn().await;
    // The host signs Ada into its iframe under a nickname, and later into the widget with no
    // name at all: the team knows her by the nickname, as when `init` names her.
    sign_in(&app, "ada@example.com").await;
    let res = app
        .create_session(json!({
            "email": "ada@example.com",
            "verification_hash": app.sign("ada@example.com", None),
        }))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let token = res.json::<serde_json::Value>().await.unwrap()["token"]
        .as_str()
        .unwrap()
        .to_owned();
    app.new_ticket(&token, "Invoice missing").await;
    let key = app.agent_key("Ann").await;
    let seen = app
        .agent(Method::GET, "/tickets/TKT-0001", &key)
        .value()
        .await;
    assert_eq!(seen["contact"]["name"], "Ada", "{seen}");
}
