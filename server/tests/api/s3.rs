//! Attachments in an S3-compatible bucket: the `porthole` binary with `--files-url s3://…`
//! against moto's S3 server on loopback, from the test venv.

use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use reqwest::multipart::{Form, Part};
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::crash::Site;
use crate::smtp::{free_port, test_python};

struct Moto {
    child: Child,
    endpoint: String,
}

impl Moto {
    fn start() -> Self {
        let port = free_port();
        let child = Command::new(test_python())
            .args([
                "-m",
                "moto.server",
                "-H",
                "127.0.0.1",
                "-p",
                &port.to_string(),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("moto runs from the test venv");
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "moto never listened"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Self {
            child,
            endpoint: format!("http://127.0.0.1:{port}"),
        }
    }
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[tokio::test]
async fn attachments_go_to_an_s3_bucket_and_come_back_only_through_porthole() {
    let moto = Moto::start();
    let http = reqwest::Client::new();
    let made = http
        .put(format!("{}/porthole", moto.endpoint))
        .send()
        .await
        .unwrap();
    assert_eq!(made.status(), StatusCode::OK, "bucket created");
    let site = Site::new();
    let vars = [
        ("AWS_ACCESS_KEY_ID", "porthole-test"),
        ("AWS_SECRET_ACCESS_KEY", "porthole-test-secret"),
        ("AWS_REGION", "us-east-1"),
        ("AWS_ENDPOINT", moto.endpoint.as_str()),
        ("AWS_ALLOW_HTTP", "true"),
    ];
    let mut server = site
        .serve_with(&["--files-url", "s3://porthole/attachments"], &vars)
        .await;

    let signed = site.cli(&["sign", "--workspace", "acme", "--email", "ada@example.com"]);
    let hash = signed.split_whitespace().nth(1).unwrap();
    let session: Value = http
        .post(format!("{}/api/v1/widget/acme/session", site.base))
        .header("Origin", "https://app.example.com")
        .json(&json!({ "email": "ada@example.com", "verification_hash": hash }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = session["token"].as_str().unwrap();
    let pdf = b"%PDF-1.4\n%%EOF\n".to_vec();
    let part = Part::bytes(pdf.clone()).file_name("report.pdf");
    let up: Value = http
        .post(format!("{}/api/v1/widget/acme/uploads", site.base))
        .bearer_auth(token)
        .multipart(Form::new().part("file", part))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let id = up["id"].as_str().expect("uploaded").to_owned();
    let res = http
        .post(format!("{}/api/v1/widget/acme/tickets", site.base))
        .bearer_auth(token)
        .json(&json!({ "subject": "Report", "attachments": [id] }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);

    // In the bucket, under the prefix, and nowhere on the local disk.
    let listing = http
        .get(format!("{}/porthole?list-type=2", moto.endpoint))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        listing.contains(&format!("<Key>attachments/{id}</Key>")),
        "{listing}"
    );
    assert!(
        listing.contains(&format!("<Size>{}</Size>", pdf.len())),
        "{listing}"
    );
    let mut local = site.db.as_os_str().to_owned();
    local.push("-files");
    let kept = std::fs::read_dir(&local).map_or(0, |d| d.count());
    assert_eq!(kept, 0, "nothing kept beside the database");
    // The bucket is private: only Porthole, with its credentials, reads the file.
    let direct = http
        .get(format!("{}/porthole/attachments/{id}", moto.endpoint))
        .send()
        .await
        .unwrap();
    assert_eq!(direct.status(), StatusCode::FORBIDDEN);
    let back = http
        .get(format!("{}/api/v1/widget/acme/attachments/{id}", site.base))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(back.status(), StatusCode::OK);
    assert_eq!(back.bytes().await.unwrap().as_ref(), pdf.as_slice());
    server.kill().unwrap();
    server.wait().unwrap();

    // The CLI reads the same bucket.
    let out = site.db.with_file_name("saved.pdf");
    let mut cli = Command::new(env!("CARGO_BIN_EXE_porthole"));
    cli.arg("--database")
        .arg(&site.db)
        .args(["--files-url", "s3://porthole/attachments"]);
    cli.args(["ticket", "download", "--workspace", "acme", &id, "--out"])
        .arg(&out);
    let done = cli.envs(vars).output().unwrap();
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    assert_eq!(std::fs::read(out).unwrap(), pdf);
}
