//! Settings reaching the server-rendered pages: brand, colours, FAQs and language.

use reqwest::{header, Method, StatusCode};
use serde_json::{json, Value};

use crate::helpers::{RequestExt, TestApp, HOST};

async fn configure(app: &TestApp, settings: Value) -> String {
    let key = app.agent_key("Ann").await;
    let res = app
        .agent(Method::PATCH, "/settings", &key)
        .json(&settings)
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    key
}

async fn page(
    app: &TestApp,
    path: &str,
    language: Option<&str>,
) -> (reqwest::header::HeaderMap, String) {
    let mut req = app.request(Method::GET, path);
    if let Some(language) = language {
        req = req.header(header::ACCEPT_LANGUAGE, language);
    }
    let res = req.go().await;
    assert_eq!(res.status(), StatusCode::OK, "{path}");
    let headers = res.headers().clone();
    (headers, res.text().await.unwrap())
}

#[tokio::test]
async fn the_portal_wears_the_brand_name_logo_colour_and_support_email() {
    let app = TestApp::spawn().await;
    configure(
        &app,
        json!({
            "brand_name": "Globex", "logo_url": "https://cdn.globex.test/logo.png",
            "support_email": "help@globex.test", "primary_color": "#0a7f3c",
            "custom_css_url": format!("{HOST}/brand.css"),
        }),
    )
    .await;
    let (headers, html) = page(&app, "/p/acme/submit", None).await;
    assert!(html.contains("Globex Support"));
    assert!(html.contains(r#"src="https://cdn.globex.test/logo.png""#));
    assert!(html.contains("mailto:help@globex.test"));
    assert!(html.contains(r#"href="/w/acme/theme.css""#));
    assert!(html.contains(&format!(r#"href="{HOST}/brand.css""#)));
    let csp = headers["content-security-policy"].to_str().unwrap();
    assert!(csp.contains(&format!("style-src 'self' {HOST}")), "{csp}");
    assert!(
        csp.contains("img-src 'self' data: https://cdn.globex.test"),
        "{csp}"
    );

    let (_, theme) = page(&app, "/w/acme/theme.css", None).await;
    assert!(theme.contains("--ph-primary:#0a7f3c"), "{theme}");
    assert!(theme.contains("prefers-color-scheme:dark"));
}

#[tokio::test]
async fn faqs_sit_beside_the_form_and_their_clicks_are_counted() {
    let app = TestApp::spawn().await;
    let key = configure(&app, json!({ "faqs": [
        { "question": "Where is my invoice?", "answer": "Under Billing, top right." },
        { "question": "How do I reset my password?", "answer": "Use the link on the sign-in page." },
    ] }))
    .await;
    let (_, form) = page(&app, "/p/acme/submit", None).await;
    assert!(
        form.contains(r#"href="/p/acme/faqs/0?from=portal""#)
            && form.contains("Where is my invoice?")
    );
    for _ in 0..2 {
        let (_, answer) = page(&app, "/p/acme/faqs/0?from=portal", None).await;
        assert!(answer.contains("Under Billing, top right."));
    }
    page(&app, "/p/acme/faqs/1", None).await;
    let clicks = app.agent(Method::GET, "/faqs/clicks", &key).value().await;
    assert_eq!(
        clicks,
        json!([
            { "question": "Where is my invoice?", "clicks": 2 },
            { "question": "How do I reset my password?", "clicks": 1 },
        ])
    );
    assert_eq!(
        app.request(Method::GET, "/p/acme/faqs/5")
            .go()
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn pages_speak_the_asked_browser_or_default_language() {
    let app = TestApp::spawn().await;
    let (_, html) = page(&app, "/p/acme/submit", Some("de-DE,de;q=0.9")).await;
    assert!(html.contains(r#"lang="de""#) && html.contains("Ticket erstellen"));
    let (_, html) = page(&app, "/p/acme/submit?locale=es", Some("de")).await;
    assert!(
        html.contains("Abrir una solicitud"),
        "?locale= wins over the browser"
    );
    let (_, html) = page(&app, "/p/acme/submit", Some("ja")).await;
    assert!(html.contains("Submit a ticket"));
    configure(&app, json!({ "default_locale": "fr" })).await;
    let (_, html) = page(&app, "/p/acme/submit", Some("ja")).await;
    assert!(html.contains("Ouvrir une demande"), "the workspace default");
}

#[tokio::test]
async fn the_signed_iframe_keeps_its_language_and_greeting_across_the_redirect() {
    let app = TestApp::spawn().await;
    configure(&app, json!({ "greeting": "Welcome to Acme support" })).await;
    let query = format!(
        "email=ada%40example.com&hmac={}&locale=fr",
        app.sign("ada@example.com", None)
    );
    let res = app
        .pages()
        .get(format!("{}/embed/acme/tickets?{query}", app.base))
        .send()
        .await
        .unwrap();
    let cookie = res.headers()[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let html = app
        .pages()
        .get(format!("{}/embed/acme/tickets", app.base))
        .header(header::COOKIE, cookie)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Vos demandes") && html.contains("Welcome to Acme support"));
}

#[tokio::test]
async fn field_errors_on_the_portal_are_in_the_visitors_language() {
    let app = TestApp::spawn().await;
    let res = app
        .pages()
        .post(format!("{}/p/acme/submit?locale=fr", app.base))
        .form(&[("name", ""), ("email", "nope"), ("subject", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("Ce champ est obligatoire.")
            && html.contains("Cette adresse e-mail n'est pas valide.")
    );
}
