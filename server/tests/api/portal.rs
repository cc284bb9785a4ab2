//! The public portal, driven as a browser would: forms posted, redirects and cookies watched.

use std::time::Duration;

use reqwest::{header, Method, StatusCode};
use serde_json::json;

use crate::helpers::{Options, RequestExt, TestApp, HOST};

/// Posts the submission form as a browser does.
async fn submit(app: &TestApp, fields: &[(&str, &str)]) -> reqwest::Response {
    app.pages()
        .post(format!("{}/p/acme/submit", app.base))
        .header("Origin", &app.base)
        .form(fields)
        .send()
        .await
        .unwrap()
}

/// Submits a ticket with this subject and returns the confirmation page.
async fn submitted(app: &TestApp, subject: &str) -> String {
    submit(app, &borrowed(&ticket(subject)))
        .await
        .text()
        .await
        .unwrap()
}

fn ticket(subject: &str) -> Vec<(&'static str, String)> {
    vec![
        ("name", "Ada Lovelace".into()),
        ("email", "Ada@Example.com".into()),
        ("subject", subject.into()),
        ("description", "The engine stopped.".into()),
        ("type", "bug_report".into()),
    ]
}

fn borrowed<'a>(fields: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    fields.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

/// The tracking link on a confirmation page.
fn track_link(html: &str) -> String {
    let start = html.find("/p/acme/tickets/").expect("a tracking link");
    let end = start + html[start..].find('"').unwrap();
    html[start..end].replace("&amp;", "&")
}

/// Follows a tracking link: returns where it redirects and the cookie it sets.
async fn follow(app: &TestApp, link: &str) -> (String, String) {
    let res = fetch(app, link).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let location = res.headers()[header::LOCATION].to_str().unwrap().to_owned();
    let cookie = res.headers()[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .to_owned();
    (location, cookie)
}

fn cookie_pair(set_cookie: &str) -> String {
    set_cookie.split(';').next().unwrap().to_owned()
}

/// A GET with no cookie, as a fresh browser would make it.
async fn fetch(app: &TestApp, path: &str) -> reqwest::Response {
    app.pages()
        .get(format!("{}{path}", app.base))
        .send()
        .await
        .unwrap()
}

async fn view(app: &TestApp, path: &str, cookie: &str) -> reqwest::Response {
    app.pages()
        .get(format!("{}{path}", app.base))
        .header(header::COOKIE, cookie)
        .send()
        .await
        .unwrap()
}

async fn reply(app: &TestApp, path: &str, cookie: &str, body: &str) -> reqwest::Response {
    app.pages()
        .post(format!("{}{path}/reply", app.base))
        .header(header::COOKIE, cookie)
        .header("Origin", &app.base)
        .form(&[("body", body)])
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_visitor_submits_tracks_replies_and_reopens_a_ticket() {
    let app = TestApp::spawn().await;
    let res = submit(&app, &borrowed(&ticket("Engine stopped"))).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()[header::CACHE_CONTROL], "no-store");
    let html = res.text().await.unwrap();
    assert!(html.contains("TKT-0001"));
    assert!(html.contains("Track ticket") && html.contains("Submit another"));

    let key = app.agent_key("Ann").await;
    let t = app
        .agent(Method::GET, "/tickets/TKT-0001", &key)
        .value()
        .await;
    assert_eq!(t["channel"], "portal");
    assert_eq!(t["status"], "open");
    assert_eq!(t["priority"], "medium");
    assert_eq!(
        t["contact"],
        json!({ "email": "ada@example.com", "name": "Ada Lovelace", "metadata": null })
    );

    let (location, set_cookie) = follow(&app, &track_link(&html)).await;
    assert_eq!(
        location, "/p/acme/tickets/TKT-0001",
        "the token is stripped from the URL"
    );
    for attribute in ["HttpOnly", "SameSite=Lax", "Path=/p/acme/tickets/TKT-0001"] {
        assert!(
            set_cookie.contains(attribute),
            "{set_cookie} lacks {attribute}"
        );
    }
    let cookie = cookie_pair(&set_cookie);

    app.agent(Method::POST, "/tickets/TKT-0001/messages", &key)
        .json(&json!({ "body": "Internal: flaky gear", "internal": true }))
        .go()
        .await;
    app.agent(Method::PATCH, "/tickets/TKT-0001", &key)
        .json(&json!({ "status": "resolved", "resolution": "Replaced the gear." }))
        .go()
        .await;
    let res = view(&app, &location, &cookie).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        res.headers()[header::CACHE_CONTROL],
        "private, max-age=10, stale-while-revalidate=60"
    );
    let page = res.text().await.unwrap();
    assert!(page.contains("Resolved") && page.contains("Replaced the gear."));
    assert!(page.contains("The engine stopped."));
    assert!(
        !page.contains("flaky gear"),
        "internal notes are never shown"
    );

    let res = reply(&app, &location, &cookie, "It stopped again.").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let t = app
        .agent(Method::GET, "/tickets/TKT-0001", &key)
        .value()
        .await;
    assert_eq!(t["status"], "open", "a reply reopens a resolved ticket");
    assert_eq!(
        t["messages"].as_array().unwrap().last().unwrap()["body"],
        "It stopped again."
    );
    let page = view(&app, &location, &cookie).await.text().await.unwrap();
    assert!(
        !page.contains("Replaced the gear."),
        "a reopened ticket shows no resolution"
    );
}

#[tokio::test]
async fn a_repeated_submission_of_one_form_makes_one_ticket() {
    let app = TestApp::spawn().await;
    let mut fields = ticket("Double click");
    fields.push(("form_id", "form-123".into()));
    for _ in 0..2 {
        let html = submit(&app, &borrowed(&fields)).await.text().await.unwrap();
        assert!(html.contains("TKT-0001"));
    }
    let key = app.agent_key("Ann").await;
    assert_eq!(
        app.agent(Method::GET, "/tickets", &key).value().await["total"],
        1
    );
}

#[tokio::test]
async fn invalid_fields_are_shown_inline_and_nothing_is_created() {
    let app = TestApp::spawn().await;
    let res = submit(
        &app,
        &[
            ("name", ""),
            ("email", "not-an-email"),
            ("subject", ""),
            ("type", "rant"),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    for id in [
        "ph-name-error",
        "ph-email-error",
        "ph-subject-error",
        "ph-type-error",
    ] {
        assert!(html.contains(id), "{id} missing");
    }
    assert!(
        html.contains(r#"value="not-an-email""#),
        "what was typed is kept"
    );
    let key = app.agent_key("Ann").await;
    assert_eq!(
        app.agent(Method::GET, "/tickets", &key).value().await["total"],
        0
    );
}

#[tokio::test]
async fn a_tampered_token_gets_a_clear_page_that_promises_no_email() {
    let app = TestApp::spawn().await;
    let html = submitted(&app, "Tamper").await;
    let link = track_link(&html);
    let tampered = format!("{}x", link);
    let res = fetch(&app, &tampered).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert!(res.headers().get(header::SET_COOKIE).is_none());
    let page = res.text().await.unwrap();
    assert!(page.contains("This link has expired"), "{page}");
    // No email is sent yet, so the page neither offers nor promises one.
    assert!(!page.to_lowercase().contains("email me"), "{page}");
    assert!(!page.contains("we will send"), "{page}");
    assert!(page.contains("/p/acme/submit"));
    // A token for one ticket opens no other.
    let other = link.replace("TKT-0001", "TKT-0002");
    let res = fetch(&app, &other).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_token_expires_after_thirty_days() {
    let app = TestApp::spawn().await;
    let html = submitted(&app, "Old").await;
    let link = track_link(&html);
    app.clock.advance(Duration::from_secs(29 * 86_400));
    follow(&app, &link).await;
    app.clock.advance(Duration::from_secs(2 * 86_400));
    let res = fetch(&app, &link).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn one_tickets_session_cannot_read_or_reply_to_another() {
    let app = TestApp::spawn().await;
    let first = submitted(&app, "First").await;
    submit(&app, &borrowed(&ticket("Second, same email"))).await;
    let (_, set_cookie) = follow(&app, &track_link(&first)).await;
    let cookie = cookie_pair(&set_cookie);

    let res = view(&app, "/p/acme/tickets/TKT-0002", &cookie).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert!(!res.text().await.unwrap().contains("Second, same email"));
    let res = reply(&app, "/p/acme/tickets/TKT-0002", &cookie, "sneaky").await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let key = app.agent_key("Ann").await;
    let t = app
        .agent(Method::GET, "/tickets/TKT-0002", &key)
        .value()
        .await;
    assert!(!t.to_string().contains("sneaky"));
}

#[tokio::test]
async fn a_reply_from_another_site_or_without_an_origin_is_refused() {
    let app = TestApp::spawn().await;
    let html = submitted(&app, "CSRF").await;
    let (location, set_cookie) = follow(&app, &track_link(&html)).await;
    let cookie = cookie_pair(&set_cookie);
    for origin in [Some("https://evil.example"), Some("null"), None] {
        let mut req = app
            .pages()
            .post(format!("{}{location}/reply", app.base))
            .header(header::COOKIE, &cookie)
            .form(&[("body", "forged")]);
        if let Some(origin) = origin {
            req = req.header("Origin", origin);
        }
        assert_eq!(
            req.send().await.unwrap().status(),
            StatusCode::FORBIDDEN,
            "{origin:?}"
        );
    }
}

#[tokio::test]
async fn the_eleventh_submission_in_an_hour_is_refused_with_retry_after() {
    let app = TestApp::spawn().await;
    for i in 0..10 {
        let res = submit(&app, &borrowed(&ticket(&format!("Ticket {i}")))).await;
        assert_eq!(res.status(), StatusCode::OK, "submission {i}");
    }
    let res = submit(&app, &borrowed(&ticket("One too many"))).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    let retry: i64 = res.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=3600).contains(&retry), "{retry}");
    assert!(res.text().await.unwrap().contains("Please try again in"));
    let key = app.agent_key("Ann").await;
    assert_eq!(
        app.agent(Method::GET, "/tickets", &key).value().await["total"],
        10
    );

    app.clock.advance(Duration::from_secs(3601));
    assert_eq!(
        submit(&app, &borrowed(&ticket("Later"))).await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn forwarded_addresses_are_ignored_unless_the_proxy_is_trusted() {
    let untrusting = TestApp::spawn().await;
    for i in 0..11 {
        let res = untrusting
            .pages()
            .post(format!("{}/p/acme/submit", untrusting.base))
            .header("X-Forwarded-For", format!("198.51.100.{i}"))
            .form(&borrowed(&ticket("Spoofed")))
            .send()
            .await
            .unwrap();
        let want = if i < 10 {
            StatusCode::OK
        } else {
            StatusCode::TOO_MANY_REQUESTS
        };
        assert_eq!(
            res.status(),
            want,
            "a forged header does not reset the limit"
        );
    }

    let behind_proxy = TestApp::spawn_with(Options {
        trusted_proxies: vec!["127.0.0.1/32".parse().unwrap()],
        ..Options::default()
    })
    .await;
    for i in 0..11 {
        let res = behind_proxy
            .pages()
            .post(format!("{}/p/acme/submit", behind_proxy.base))
            .header("X-Forwarded-For", format!("203.0.113.{i}"))
            .form(&borrowed(&ticket("Proxied")))
            .send()
            .await
            .unwrap();
        assert_eq!(
            res.status(),
            StatusCode::OK,
            "each client has its own allowance"
        );
    }
}

#[tokio::test]
async fn no_portal_page_promises_an_email_that_is_never_sent() {
    let app = TestApp::spawn().await;
    let landing = fetch(&app, "/p/acme").await.text().await.unwrap();
    let form = fetch(&app, "/p/acme/submit").await.text().await.unwrap();
    let confirmation = submitted(&app, "Promise").await;
    for (name, page) in [
        ("landing", &landing),
        ("form", &form),
        ("confirmation", &confirmation),
    ] {
        let lower = page.to_lowercase();
        for promise in [
            "by email",
            "email you",
            "email me",
            "on its way",
            "check your email",
        ] {
            assert!(!lower.contains(promise), "the {name} page says {promise:?}");
        }
    }
    // The old "email me a link" form is gone rather than silently doing nothing.
    let res = app
        .pages()
        .post(format!("{}/p/acme/track", app.base))
        .form(&[("email", "ada@example.com")])
        .send()
        .await
        .unwrap();
    assert!(res.status().is_client_error(), "{}", res.status());
}

#[tokio::test]
async fn portal_pages_escape_user_content_and_may_be_framed_only_by_allowed_origins() {
    let app = TestApp::spawn().await;
    let html = submit(&app, &borrowed(&ticket("<script>alert(1)</script>")))
        .await
        .text()
        .await
        .unwrap();
    let (location, set_cookie) = follow(&app, &track_link(&html)).await;
    let res = view(&app, &location, &cookie_pair(&set_cookie)).await;
    let csp = res.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(csp.contains(&format!("frame-ancestors {HOST}")), "{csp}");
    assert!(csp.contains("default-src 'none'") && !csp.contains("script-src"));
    let page = res.text().await.unwrap();
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!page.contains("<script>alert(1)"));

    let landing = app.request(Method::GET, "/p/acme").go().await;
    assert_eq!(landing.status(), StatusCode::OK);
    let missing = app.request(Method::GET, "/p/nope/submit").go().await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert!(missing.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
}

#[tokio::test]
async fn a_form_post_that_is_not_a_form_gets_a_clear_page() {
    let app = TestApp::spawn().await;
    let res = app
        .pages()
        .post(format!("{}/p/acme/submit", app.base))
        .header("Content-Type", "application/json")
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let body = res.text().await.unwrap();
    assert!(body.contains("Something was wrong with that request"));
}

#[tokio::test]
async fn a_bad_reply_is_shown_again_with_its_reason_and_a_closed_ticket_says_so() {
    let app = TestApp::spawn().await;
    let html = submitted(&app, "Replies").await;
    let (location, set_cookie) = follow(&app, &track_link(&html)).await;
    let cookie = cookie_pair(&set_cookie);

    let long = "x".repeat(5001);
    let res = reply(&app, &location, &cookie, &long).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(
        page.contains("Keep it under 5000 characters.") && page.contains(&long),
        "the text is kept"
    );

    let key = app.agent_key("Ann").await;
    app.agent(Method::PATCH, "/tickets/TKT-0001", &key)
        .json(&json!({ "status": "closed" }))
        .go()
        .await;
    let res = reply(&app, &location, &cookie, "Hello?").await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert!(res.text().await.unwrap().contains("This ticket is closed"));
}

/// The portal's form posted with files, as a browser posts a form with a file input.
async fn submit_with_files(
    app: &TestApp,
    subject: &str,
    files: &[(&str, &[u8])],
) -> reqwest::Response {
    let mut form = reqwest::multipart::Form::new();
    for (k, v) in ticket(subject) {
        form = form.text(k, v);
    }
    for (name, bytes) in files {
        let part = reqwest::multipart::Part::bytes(bytes.to_vec()).file_name(name.to_string());
        form = form.part("files", part);
    }
    app.pages()
        .post(format!("{}/p/acme/submit", app.base))
        .header("Origin", &app.base)
        .multipart(form)
        .send()
        .await
        .unwrap()
}

/// The first file link on a ticket page.
fn file_link(html: &str) -> String {
    let start = html.find("/files/").expect("a file link");
    let start = html[..start].rfind('"').unwrap() + 1;
    let end = start + html[start..].find('"').unwrap();
    html[start..end].to_owned()
}

#[tokio::test]
async fn a_visitor_attaches_a_screenshot_and_only_their_tracking_session_downloads_it() {
    let app = TestApp::spawn().await;
    let png = crate::attachments::PNG;
    let res = submit_with_files(&app, "Chart broken", &[("chart.png", png)]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let (location, set_cookie) = follow(&app, &track_link(&res.text().await.unwrap())).await;
    let cookie = cookie_pair(&set_cookie);
    let html = view(&app, &location, &cookie).await.text().await.unwrap();
    assert!(html.contains("chart.png"));
    let link = file_link(&html);
    assert!(
        link.starts_with("/p/acme/tickets/TKT-0001/files/"),
        "{link}"
    );

    let res = view(&app, &link, &cookie).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers()[header::CONTENT_DISPOSITION]
        .to_str()
        .unwrap()
        .starts_with("attachment"));
    assert!(res.headers()[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .starts_with("sandbox"));
    assert_eq!(res.bytes().await.unwrap().as_ref(), png);

    // No session, or a session for another ticket, sees nothing.
    assert_eq!(fetch(&app, &link).await.status(), StatusCode::NOT_FOUND);
    let other = submitted(&app, "Another").await;
    let (_, other_cookie) = follow(&app, &track_link(&other)).await;
    let res = view(&app, &link, &cookie_pair(&other_cookie)).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let elsewhere = link.replace("TKT-0001", "TKT-0002");
    let res = view(&app, &elsewhere, &cookie_pair(&other_cookie)).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_refused_file_is_named_beside_the_field_and_no_ticket_is_made() {
    let app = TestApp::spawn().await;
    let res = submit_with_files(&app, "Setup", &[("setup.pdf", b"MZ\x90\0\x03\0\0\0\x04\0")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(html.contains("ph-files-error") && html.contains("“setup.pdf” cannot be attached"));
    assert!(
        html.contains("value=\"Setup\""),
        "the rest of the form is kept"
    );
    let key = app.agent_key("Ann").await;
    let list = app.agent(Method::GET, "/tickets", &key).value().await;
    assert_eq!(list["total"], 0);

    let four: Vec<(&str, &[u8])> = vec![
        ("a.txt", b"a\n"),
        ("b.txt", b"b\n"),
        ("c.txt", b"c\n"),
        ("d.txt", b"d\n"),
    ];
    let res = submit_with_files(&app, "Logs", &four).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("Attach at most 3 files."));
}

#[tokio::test]
async fn public_uploads_are_limited_per_client_address() {
    let app = TestApp::spawn().await;
    let three: Vec<(&str, &[u8])> = vec![("a.txt", b"a\n"), ("b.txt", b"b\n"), ("c.txt", b"c\n")];
    let res = submit_with_files(&app, "First", &three).await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = submit_with_files(&app, "Second", &three).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(res.text().await.unwrap().contains("many files"));
    // Without files, the same visitor can still write.
    let res = submit_with_files(&app, "Third", &[]).await;
    assert_eq!(res.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_burst_of_submissions_from_one_address_opens_no_more_than_the_hours_allowance() {
    let app = TestApp::spawn().await;
    let burst = (0..16).map(|i| {
        let app = &app;
        async move {
            let fields = ticket(&format!("Burst {i}"));
            submit(app, &borrowed(&fields)).await.status()
        }
    });
    let statuses = futures_util::future::join_all(burst).await;
    let count = |status| statuses.iter().filter(|s| **s == status).count();
    assert_eq!(
        (count(StatusCode::OK), count(StatusCode::TOO_MANY_REQUESTS)),
        (10, 6),
        "each submission is counted in its ticket's own transaction: {statuses:?}"
    );
    let key = app.agent_key("Ann").await;
    assert_eq!(
        app.agent(Method::GET, "/tickets", &key).value().await["total"],
        10
    );
}

#[tokio::test]
async fn a_page_that_cannot_be_shown_says_so_in_the_visitors_language() {
    let app = TestApp::spawn().await;
    let get = |path, language| app.page_in(path, language, "");
    // No such workspace: nothing says which language it would speak but the visitor.
    let res = get("/p/no-such-company", "fr-FR,fr;q=0.9").await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let html = res.text().await.unwrap();
    assert!(html.contains(r#"<html lang="fr">"#), "{html}");
    assert!(html.contains("Introuvable"), "{html}");
    // `?locale=` comes first; a language Porthole does not speak, or a made-up one, is English.
    let html = get("/p/no-such-company?locale=de", "fr")
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains(r#"<html lang="de">"#), "{html}");
    for language in ["ja", "\"><script>alert(1)</script>"] {
        let res = get("/p/no-such-company", language).await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        let html = res.text().await.unwrap();
        assert!(html.contains(r#"<html lang="en">"#), "{html}");
        assert!(!html.contains("<script>alert"));
    }
}
