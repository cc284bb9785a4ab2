//! Attachments: uploaded, checked by their bytes, claimed by a ticket or reply, and served
//! only to the ticket's owner and the workspace's agents, as downloads in a sandbox.

use reqwest::multipart::{Form, Part};
use reqwest::{header, Method, StatusCode};
use serde_json::{json, Value};

use crate::helpers::{assert_error, RequestExt, TestApp};

/// A 1×1 PNG as the server writes it: images are written anew when uploaded, and this one
/// comes back byte for byte.
pub const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0\x90wS\xde\
\0\0\0\x0fIDATx\x01\x01\x04\0\xfb\xff\0\xffcG\x04\x0e\x01\xaaI&)]\0\0\0\0IEND\xaeB`\x82";
pub const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
const EXE: &[u8] = b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0\xb8\0\0\0\0\0\0\0@\0\0\0";

pub fn file(name: &str, bytes: &[u8], declared: &str) -> Form {
    let part = Part::bytes(bytes.to_vec())
        .file_name(name.to_owned())
        .mime_str(declared)
        .unwrap();
    Form::new().part("file", part)
}

/// Uploads through the widget API as `token`'s user.
async fn upload(app: &TestApp, token: &str, name: &str, bytes: &[u8]) -> reqwest::Response {
    app.widget(Method::POST, "/uploads", token)
        .multipart(file(name, bytes, "application/octet-stream"))
        .go()
        .await
}

async fn uploaded(app: &TestApp, token: &str, name: &str, bytes: &[u8]) -> Value {
    let res = upload(app, token, name, bytes).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    res.json().await.unwrap()
}

/// Files kept in the object store directory, staged or claimed.
fn stored(app: &TestApp) -> usize {
    let mut dir = app.db_path.as_os_str().to_owned();
    dir.push("-files");
    std::fs::read_dir(dir).map_or(0, |d| d.count())
}

fn assert_download(res: &reqwest::Response, content_type: &str) {
    assert_eq!(res.status(), StatusCode::OK);
    let h = res.headers();
    assert_eq!(h[header::CONTENT_TYPE], content_type);
    let disposition = h[header::CONTENT_DISPOSITION].to_str().unwrap();
    assert!(disposition.starts_with("attachment;"), "{disposition}");
    assert_eq!(h[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    let csp = h[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(csp.starts_with("sandbox"), "{csp}");
    assert!(h[header::CACHE_CONTROL]
        .to_str()
        .unwrap()
        .contains("no-store"));
}

#[tokio::test]
async fn a_customer_attaches_a_screenshot_to_a_new_ticket_and_downloads_it_back() {
    let app = TestApp::spawn().await;
    let token = app.login("ada@example.com").await;
    let up = uploaded(&app, &token, "screen shot.jpg", PNG).await;
    let id = up["id"].as_str().unwrap();
    assert_eq!(id.len(), 32, "128 bits of hex");
    assert_eq!(up["content_type"], "image/png", "judged by its bytes");
    assert_eq!(up["name"], "screen shot.jpg.png");
    assert_eq!(up["size"], PNG.len());

    let res = app
        .widget(Method::POST, "/tickets", &token)
        .json(&json!({ "subject": "Broken chart", "attachments": [id] }))
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let ticket: Value = res.json().await.unwrap();
    assert_eq!(ticket["messages"][0]["attachments"][0]["id"], id);

    let res = app
        .widget(Method::GET, &format!("/attachments/{id}"), &token)
        .go()
        .await;
    assert_download(&res, "image/png");
    let disposition = res.headers()[header::CONTENT_DISPOSITION].to_str().unwrap();
    assert!(disposition.contains("filename*=UTF-8''screen%20shot.jpg.png"));
    assert_eq!(res.bytes().await.unwrap().as_ref(), PNG);

    // The agent sees it on the ticket and can download it too.
    let key = app.agent_key("Ann").await;
    let t = app
        .agent(Method::GET, "/tickets/TKT-0001", &key)
        .value()
        .await;
    assert_eq!(
        t["messages"][0]["attachments"][0]["name"],
        "screen shot.jpg.png"
    );
    let res = app
        .agent(Method::GET, &format!("/attachments/{id}"), &key)
        .go()
        .await;
    assert_download(&res, "image/png");
    assert_eq!(stored(&app), 1);
}

#[tokio::test]
async fn the_answer_to_a_new_ticket_is_what_reading_it_back_shows() {
    let app = TestApp::spawn().await;
    let token = app.login("ada@example.com").await;
    let first = uploaded(&app, &token, "first.png", PNG).await;
    let second = uploaded(&app, &token, "second.pdf", PDF).await;
    // Named in the other order than uploaded: the thread shows them by upload.
    let ids = [&second["id"], &first["id"]];
    let res = app
        .widget(Method::POST, "/tickets", &token)
        .json(&json!({
            "subject": "Export <b>fails</b>",
            "description": "See https://example.com/x and <script>alert(1)</script>",
            "type": "bug_report",
            "attachments": ids,
        }))
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let created: Value = res.json().await.unwrap();
    let read = app
        .widget(Method::GET, "/tickets/TKT-0001", &token)
        .value()
        .await;
    assert_eq!(created, read);
    let files = &read["messages"][0]["attachments"];
    assert_eq!(files[0]["id"], first["id"]);
    assert_eq!(files[1]["id"], second["id"]);
    let html = read["messages"][0]["html"].as_str().unwrap();
    assert!(!html.contains("<script>"), "{html}");
}

#[tokio::test]
async fn a_used_upload_cannot_be_attached_again_and_a_bad_id_writes_nothing() {
    let app = TestApp::spawn().await;
    let token = app.login("ada@example.com").await;
    let id = uploaded(&app, &token, "a.pdf", PDF).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let unknown = "0123456789abcdef0123456789abcdef";
    let res = app
        .widget(Method::POST, "/tickets", &token)
        .json(&json!({ "subject": "Two files", "attachments": [id, unknown] }))
        .go()
        .await;
    let body = assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field").await;
    assert_eq!(body["error"]["field"], "attachments");
    let list = app.widget(Method::GET, "/tickets", &token).value().await;
    assert!(
        list["tickets"].as_array().unwrap().is_empty(),
        "no ticket half-made"
    );

    // The good upload was not used up by the failed request.
    let t = app.new_ticket(&token, "First").await;
    let reference = t["reference"].as_str().unwrap();
    let reply = |files: Value| {
        app.widget(
            Method::POST,
            &format!("/tickets/{reference}/messages"),
            &token,
        )
        .json(&json!({ "body": "", "attachments": files }))
    };
    assert_eq!(reply(json!([id])).go().await.status(), StatusCode::CREATED);
    let res = reply(json!([id])).go().await;
    assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field").await;
    // Without files, a reply still needs words.
    let res = reply(json!([])).go().await;
    assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field").await;
    let res = reply(json!(["../../etc/passwd"])).go().await;
    assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field").await;
}

#[tokio::test]
async fn files_are_judged_by_their_bytes_not_their_names() {
    let app = TestApp::spawn().await;
    let token = app.login("ada@example.com").await;
    let refused = [
        ("invoice.pdf", EXE.to_vec()),
        (
            "cat.png",
            b"<!DOCTYPE html><script>alert(document.cookie)</script>".to_vec(),
        ),
        (
            "logo.txt",
            b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>".to_vec(),
        ),
        (
            "anim.gif",
            [
                b"GIF89a\x01\0\x01\0\0\0\0;".as_ref(),
                b"<script>alert(1)</script>",
            ]
            .concat(),
        ),
        ("empty.txt", vec![]),
        // A PNG's header with no picture behind it.
        ("half.png", PNG[..33].to_vec()),
    ];
    for (name, bytes) in refused {
        let res = upload(&app, &token, name, &bytes).await;
        let body = assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field").await;
        assert_eq!(body["error"]["field"], "file", "{name}");
    }
    assert_eq!(stored(&app), 0, "nothing refused is kept");

    let csv = uploaded(&app, &token, "../../../etc/report.csv", b"a,b\n1,2\n").await;
    assert_eq!(csv["name"], "report.csv", "no path survives");
    assert_eq!(csv["content_type"], "text/csv; charset=utf-8");

    let res = app
        .widget(Method::POST, "/uploads", &token)
        .multipart(Form::new().text("note", "no file here"))
        .go()
        .await;
    assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field").await;
    let res = app
        .widget(Method::POST, "/uploads", &token)
        .json(&json!({ "file": "base64?" }))
        .go()
        .await;
    assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_body").await;
}

/// A GIF whose first bytes open a script comment (its width, 10,799, is `/*`) and whose
/// comment block closes it and runs code: a page that loaded it as a script would run it.
fn gif_script_polyglot() -> Vec<u8> {
    [
        b"GIF89a/*\x01\0\x80\0\0".as_ref(),
        b"\0\0\0\xff\xff\xff",
        b"\x21\xfe\x1b*/=alert(document.domain)//\0",
        b"\x2c\0\0\0\0\x01\0\x01\0\0\x02\x02\x44\x01\0;",
    ]
    .concat()
}

#[tokio::test]
async fn an_image_that_is_also_a_script_is_kept_only_as_its_pixels() {
    let app = TestApp::spawn().await;
    let token = app.login("ada@example.com").await;
    let polyglot = gif_script_polyglot();
    assert!(image::load_from_memory(&polyglot).is_ok(), "a real GIF");

    let up = uploaded(&app, &token, "cat.gif", &polyglot).await;
    assert_eq!(up["content_type"], "image/gif");
    let id = up["id"].as_str().unwrap();
    let res = app
        .widget(Method::POST, "/tickets", &token)
        .json(&json!({ "subject": "Cat", "attachments": [id] }))
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let res = app
        .widget(Method::GET, &format!("/attachments/{id}"), &token)
        .go()
        .await;
    assert_download(&res, "image/gif");
    let kept = res.bytes().await.unwrap();
    assert_eq!(up["size"], kept.len(), "the size is the kept file's");
    assert!(
        !kept.windows(5).any(|w| w == b"alert"),
        "the script is gone"
    );
    let picture = image::load_from_memory(&kept).unwrap();
    assert_eq!(
        (picture.width(), picture.height()),
        (10_799, 1),
        "the picture stays"
    );
}

#[tokio::test]
async fn files_over_ten_megabytes_are_refused_before_or_after_reading() {
    let app = TestApp::spawn().await;
    let token = app.login("ada@example.com").await;
    let just_over = vec![b'a'; 10 * 1024 * 1024 + 1];
    let res = upload(&app, &token, "big.txt", &just_over).await;
    let body = assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field").await;
    assert!(body["error"]["message"].as_str().unwrap().contains("10 MB"));
    let far_over = vec![b'a'; 12 * 1024 * 1024];
    let res = upload(&app, &token, "bigger.txt", &far_over).await;
    assert_error(res, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large").await;
    assert_eq!(stored(&app), 0);
}

#[tokio::test]
async fn more_than_three_files_on_a_customer_message_are_refused() {
    let app = TestApp::spawn().await;
    let token = app.login("ada@example.com").await;
    let mut ids = vec![];
    for i in 0..4 {
        let up = uploaded(&app, &token, &format!("{i}.txt"), b"log line\n").await;
        ids.push(up["id"].as_str().unwrap().to_owned());
    }
    let res = app
        .widget(Method::POST, "/tickets", &token)
        .json(&json!({ "subject": "Logs", "attachments": ids }))
        .go()
        .await;
    let body = assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field").await;
    assert!(body["error"]["message"]
        .as_str()
        .unwrap()
        .contains("at most 3"));
}

#[tokio::test]
async fn a_user_uploading_in_bulk_is_slowed_down() {
    let app = TestApp::spawn().await;
    let token = app.login("ada@example.com").await;
    for i in 0..10 {
        uploaded(&app, &token, &format!("{i}.txt"), b"x\n").await;
    }
    let res = upload(&app, &token, "11.txt", b"x\n").await;
    assert!(res.headers().contains_key(header::RETRY_AFTER));
    assert_error(res, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
    // A new session does not reset the allowance: it belongs to the user.
    let again = app.login("ada@example.com").await;
    let res = upload(&app, &again, "12.txt", b"x\n").await;
    assert_error(res, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
}

#[tokio::test]
async fn nobody_else_can_download_or_claim_a_users_file() {
    let app = TestApp::spawn().await;
    let ada = app.login("ada@example.com").await;
    let bob = app.login("bob@example.com").await;
    let staged = uploaded(&app, &ada, "plan.pdf", PDF).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    // Bob cannot put Ada's upload on his ticket.
    let res = app
        .widget(Method::POST, "/tickets", &bob)
        .json(&json!({ "subject": "Mine now", "attachments": [staged] }))
        .go()
        .await;
    assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field").await;
    // Nor can anyone read a file no message has claimed yet.
    let res = app
        .widget(Method::GET, &format!("/attachments/{staged}"), &ada)
        .go()
        .await;
    assert_error(res, StatusCode::NOT_FOUND, "not_found").await;

    let res = app
        .widget(Method::POST, "/tickets", &ada)
        .json(&json!({ "subject": "Plan", "attachments": [staged] }))
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let res = app
        .widget(Method::GET, &format!("/attachments/{staged}"), &bob)
        .go()
        .await;
    assert_error(res, StatusCode::NOT_FOUND, "not_found").await;
    let globex = app.globex_key().await;
    let res = app
        .agent(Method::GET, &format!("/attachments/{staged}"), &globex)
        .go()
        .await;
    assert_error(res, StatusCode::NOT_FOUND, "not_found").await;
    let res = app
        .request(
            Method::GET,
            &format!("/api/v1/widget/acme/attachments/{staged}"),
        )
        .go()
        .await;
    assert_error(res, StatusCode::UNAUTHORIZED, "missing_credentials").await;
}

#[tokio::test]
async fn an_agent_reply_carries_files_and_a_note_keeps_its_files_from_the_customer() {
    let app = TestApp::spawn().await;
    let token = app.login("ada@example.com").await;
    app.new_ticket(&token, "Invoice").await;
    let key = app.agent_key("Ann").await;
    let agent_upload = |name: &'static str, bytes: &'static [u8]| {
        let app = &app;
        let key = key.clone();
        async move {
            let res = app
                .agent(Method::POST, "/uploads", &key)
                .multipart(file(name, bytes, "image/png"))
                .go()
                .await;
            assert_eq!(res.status(), StatusCode::CREATED);
            let v: Value = res.json().await.unwrap();
            v["id"].as_str().unwrap().to_owned()
        }
    };
    let invoice = agent_upload("invoice.pdf", PDF).await;
    let internal = agent_upload("internal.png", PNG).await;
    let post = |body: Value| {
        app.agent(Method::POST, "/tickets/TKT-0001/messages", &key)
            .json(&body)
    };
    let res = post(json!({ "body": "Here it is", "attachments": [invoice] }))
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let res = post(json!({ "body": "Their logo", "internal": true, "attachments": [internal] }))
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);

    let ticket = app
        .widget(Method::GET, "/tickets/TKT-0001", &token)
        .value()
        .await;
    let reply = ticket["messages"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(reply["attachments"][0]["name"], "invoice.pdf");
    assert!(!ticket.to_string().contains(&internal));
    let res = app
        .widget(Method::GET, &format!("/attachments/{invoice}"), &token)
        .go()
        .await;
    assert_download(&res, "application/pdf");
    let res = app
        .widget(Method::GET, &format!("/attachments/{internal}"), &token)
        .go()
        .await;
    assert_error(res, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn uploads_no_message_claims_are_swept_away_after_an_hour() {
    let app = TestApp::spawn().await;
    let token = app.login("ada@example.com").await;
    uploaded(&app, &token, "forgotten.txt", b"never sent\n").await;
    let now = app.clock.now_ms();
    assert_eq!(app.files.sweep(&app.store, now).await.unwrap(), 0);
    assert_eq!(stored(&app), 1);
    let later = now + 61 * 60 * 1000;
    assert_eq!(app.files.sweep(&app.store, later).await.unwrap(), 1);
    assert_eq!(stored(&app), 0);
}

#[tokio::test]
async fn the_reply_email_says_files_wait_on_the_ticket_without_attaching_them() {
    let app = TestApp::spawn_with(crate::helpers::Options {
        email: true,
        ..Default::default()
    })
    .await;
    app.submit_portal("ada@example.com", "Invoice").await;
    let key = app.agent_key("Ann").await;
    let res = app
        .agent(Method::POST, "/uploads", &key)
        .multipart(file("invoice.pdf", PDF, "application/pdf"))
        .go()
        .await;
    let id: Value = res.json().await.unwrap();
    let res = app
        .agent(Method::POST, "/tickets/TKT-0001/messages", &key)
        .json(&json!({ "body": "Your invoice", "attachments": [id["id"]] }))
        .go()
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let mail = app
        .mail()
        .wait_for(|m| m.text.contains("Your invoice"))
        .await;
    assert!(mail.text.contains("Files are attached to this reply"));
    assert!(!mail.raw.contains("%PDF"), "the file itself is not emailed");
}

#[tokio::test]
async fn the_widget_shows_files_as_escaped_download_buttons_in_the_message_html() {
    let app = TestApp::spawn().await;
    let token = app.login("ada@example.com").await;
    let name = "a'><img src=x onerror=alert(1)>.png";
    let up = uploaded(&app, &token, name, PNG).await;
    let res = app
        .widget(Method::POST, "/tickets", &token)
        .json(&json!({ "subject": "Odd name", "attachments": [up["id"]] }))
        .go()
        .await;
    let ticket: Value = res.json().await.unwrap();
    let html = ticket["messages"][0]["html"].as_str().unwrap();
    assert!(
        html.contains(&format!("data-phx-file=\"{}\"", up["id"].as_str().unwrap())),
        "{html}"
    );
    assert!(!html.contains("<img"), "{html}");
}
