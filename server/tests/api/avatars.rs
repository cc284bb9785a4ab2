//! Agents' names and pictures: set in the console, served from Porthole's own origin, and
//! shown to customers beside the agent's replies. A picture is an upload checked by its bytes;
//! a replaced or removed one is gone.

use porthole::store::KeyRole;
use reqwest::{header, Method, StatusCode};
use serde_json::{json, Value};

use crate::attachments::{file, PDF, PNG};
use crate::console::{accept, console_api, csrf, invite};
use crate::helpers::{assert_error, RequestExt, TestApp};

/// A signed-in console agent: their cookie and CSRF token.
struct Console {
    cookie: String,
    csrf: String,
}

impl Console {
    async fn sign_up(app: &TestApp, email: &str) -> Self {
        let link = invite(app, email, KeyRole::Agent).await;
        let cookie = accept(app, &link).await;
        let csrf = csrf(app, &cookie).await;
        Self { cookie, csrf }
    }

    fn call(&self, app: &TestApp, method: Method, path: &str) -> reqwest::RequestBuilder {
        console_api(app, method, path, &self.cookie)
            .header("Origin", &app.base)
            .header("x-csrf-token", &self.csrf)
    }

    async fn upload(&self, app: &TestApp, name: &str, bytes: &[u8]) -> String {
        let res = self
            .call(app, Method::POST, "/uploads")
            .multipart(file(name, bytes, "image/png"))
            .go()
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let v: Value = res.json().await.unwrap();
        v["id"].as_str().unwrap().to_owned()
    }

    async fn reply(&self, app: &TestApp, body: &str) {
        let res = self
            .call(app, Method::POST, "/tickets/TKT-0001/messages")
            .json(&json!({ "body": body }))
            .go()
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
    }

    async fn take_picture(&self, app: &TestApp, upload: &str) -> reqwest::Response {
        self.call(app, Method::PUT, "/me/avatar")
            .json(&json!({ "upload": upload }))
            .go()
            .await
    }
}

/// The last message of TKT-0001 as its customer reads it.
async fn last_message(app: &TestApp, customer: &str) -> Value {
    let seen = app
        .widget(Method::GET, "/tickets/TKT-0001", customer)
        .value()
        .await;
    seen["messages"].as_array().unwrap().last().unwrap().clone()
}

async fn picture(app: &TestApp, path: &str) -> reqwest::Response {
    app.pages()
        .get(format!("{}{path}", app.base))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn an_agents_name_and_picture_are_what_customers_see_beside_their_replies() {
    let app = TestApp::spawn().await;
    let ada = app.login("ada@example.com").await;
    app.new_ticket(&ada, "Printer on fire").await;
    let ann = Console::sign_up(&app, "ann@acme.test").await;

    let me = ann
        .call(&app, Method::PATCH, "/me")
        .json(&json!({ "name": "Ann Lee" }))
        .value()
        .await;
    assert_eq!(me["name"], "Ann Lee");
    assert_eq!(me["avatar_url"], Value::Null);
    let res = ann
        .call(&app, Method::PATCH, "/me")
        .json(&json!({ "name": "  " }))
        .go()
        .await;
    assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field").await;
    let upload = ann.upload(&app, "me.png", PNG).await;
    let res = ann.take_picture(&app, &upload).await;
    assert_eq!(res.status(), StatusCode::OK);
    let me: Value = res.json().await.unwrap();
    let url = me["avatar_url"].as_str().unwrap().to_owned();
    assert!(url.starts_with("/avatars/"), "{url}");

    let res = picture(&app, &url).await;
    assert_eq!(res.status(), StatusCode::OK);
    let headers = res.headers().clone();
    assert_eq!(headers[header::CONTENT_TYPE], "image/png");
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert!(headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .contains("sandbox"));
    assert_eq!(res.bytes().await.unwrap().as_ref(), PNG);

    let mine = last_message(&app, &ada).await;
    assert_eq!(
        mine["author_avatar"],
        Value::Null,
        "the customer's own message has no agent's picture"
    );
    ann.reply(&app, "On my way").await;
    let reply = last_message(&app, &ada).await;
    assert_eq!(reply["author_name"], "Ann Lee");
    assert_eq!(reply["author_avatar"], url.as_str());

    // A new picture replaces the old everywhere, and the old one is served no more.
    let second = ann.upload(&app, "new.png", PNG).await;
    let me: Value = ann.take_picture(&app, &second).await.json().await.unwrap();
    let new_url = me["avatar_url"].as_str().unwrap().to_owned();
    assert_ne!(new_url, url);
    assert_eq!(picture(&app, &url).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        last_message(&app, &ada).await["author_avatar"],
        new_url.as_str()
    );

    // Taken away, it is gone from the replies too.
    let res = ann.call(&app, Method::DELETE, "/me/avatar").go().await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        picture(&app, &new_url).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(last_message(&app, &ada).await["author_avatar"], Value::Null);
}

#[tokio::test]
async fn a_picture_must_be_a_small_unused_image_uploaded_in_the_agents_own_workspace() {
    let app = TestApp::spawn().await;
    let ann = Console::sign_up(&app, "ann@acme.test").await;

    let pdf = ann.upload(&app, "me.pdf", PDF).await;
    let res = ann.take_picture(&app, &pdf).await;
    assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field").await;

    // 640 × 640 pixels of noise: over 1 MB however it is compressed.
    let mut seed = 1u32;
    let noise = image::RgbImage::from_fn(640, 640, |_, _| {
        seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        let [r, g, b, _] = seed.to_le_bytes();
        image::Rgb([r, g, b])
    });
    let mut big = std::io::Cursor::new(Vec::new());
    noise.write_to(&mut big, image::ImageFormat::Png).unwrap();
    let big = ann.upload(&app, "big.png", big.get_ref()).await;
    let res = ann.take_picture(&app, &big).await;
    assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field").await;

    // Another workspace's upload is not this agent's to take.
    let globex = app.globex_key().await;
    let res = app
        .agent(Method::POST, "/uploads", &globex)
        .multipart(file("theirs.png", PNG, "image/png"))
        .go()
        .await;
    let theirs: Value = res.json().await.unwrap();
    let res = ann.take_picture(&app, theirs["id"].as_str().unwrap()).await;
    assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field").await;

    // An upload is taken once.
    let png = ann.upload(&app, "me.png", PNG).await;
    assert_eq!(ann.take_picture(&app, &png).await.status(), StatusCode::OK);
    let res = ann.take_picture(&app, &png).await;
    assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field").await;

    // Without the CSRF token, nothing changes; an API key is no agent with a picture.
    let other = ann.upload(&app, "other.png", PNG).await;
    let res = console_api(&app, Method::PUT, "/me/avatar", &ann.cookie)
        .header("Origin", &app.base)
        .json(&json!({ "upload": other }))
        .go()
        .await;
    assert_error(res, StatusCode::FORBIDDEN, "csrf_refused").await;
    let key = app.agent_key("Bot").await;
    let res = app
        .agent(Method::PUT, "/me/avatar", &key)
        .json(&json!({ "upload": other }))
        .go()
        .await;
    assert_error(res, StatusCode::NOT_FOUND, "not_found").await;

    // Only current pictures are served: not uploads, not guesses, not paths.
    for path in [
        format!("/avatars/{pdf}"),
        format!("/avatars/{other}"),
        "/avatars/00000000000000000000000000000000".to_owned(),
        "/avatars/..%2F..%2Fporthole.db".to_owned(),
    ] {
        assert_eq!(
            picture(&app, &path).await.status(),
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
}

#[tokio::test]
async fn a_removed_agents_picture_goes_with_them() {
    let app = TestApp::spawn().await;
    let ada = app.login("ada@example.com").await;
    app.new_ticket(&ada, "Billing").await;
    let ann = Console::sign_up(&app, "ann@acme.test").await;
    let png = ann.upload(&app, "me.png", PNG).await;
    let me: Value = ann.take_picture(&app, &png).await.json().await.unwrap();
    let url = me["avatar_url"].as_str().unwrap().to_owned();
    ann.reply(&app, "Refunded").await;

    let admin = app.key_with_role("Admin", KeyRole::Admin).await;
    let res = app
        .agent(Method::DELETE, "/agents/ann@acme.test", &admin)
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(picture(&app, &url).await.status(), StatusCode::NOT_FOUND);
    let reply = last_message(&app, &ada).await;
    assert_eq!(
        reply["author_name"], "Ann",
        "the reply keeps the name it was sent with"
    );
    assert_eq!(reply["author_avatar"], Value::Null);
}
