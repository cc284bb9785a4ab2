//! The database's disk fills up under the server, on a real (small) file system: writes are
//! refused with a clear 503 and nothing half-written, reads go on, health says why, and once
//! space returns writing resumes by itself, with no restart.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::helpers::{Options, RequestExt, TestApp};

/// A 32 MiB tmpfs, unmounted (lazily, as the server may still hold files) when dropped.
struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    /// `None` where this user may not mount file systems (only root may).
    fn mount() -> Option<Self> {
        let dir = tempfile::tempdir().unwrap();
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=32m", "tmpfs"])
            .arg(dir.path())
            .status()
            .is_ok_and(|s| s.success());
        mounted.then_some(Self { dir })
    }

    fn path(&self) -> PathBuf {
        self.dir.path().to_owned()
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount")
            .arg("-l")
            .arg(self.dir.path())
            .status();
    }
}

/// Fills the disk with one file, until it will take no more.
fn fill(dir: &Path) -> PathBuf {
    let path = dir.join("filler");
    let mut file = std::fs::File::create(&path).unwrap();
    let chunk = vec![0u8; 64 * 1024];
    while file.write_all(&chunk).is_ok() {}
    let _ = file.sync_all();
    path
}

async fn health(app: &TestApp) -> (StatusCode, Value) {
    let res = app.request(Method::GET, "/healthz").go().await;
    (res.status(), res.json().await.unwrap())
}

#[tokio::test]
async fn writes_are_refused_clearly_while_the_disk_is_full_and_resume_by_themselves() {
    let Some(disk) = SmallDisk::mount() else {
        eprintln!("skipped: mounting a small file system needs root (CI runs as root)");
        return;
    };
    let app = TestApp::spawn_with(Options {
        db_dir: Some(disk.path()),
        ..Options::default()
    })
    .await;
    let token = app.login("ada@example.com").await;
    app.new_ticket(&token, "Before").await;
    // Four users share the creations below, so that none of them reaches the hourly
    // allowance of 30 tickets however many the disk takes before it fills: every refusal
    // must be the disk's.
    let mut users = vec![token.clone()];
    for email in ["bo@example.com", "cy@example.com", "di@example.com"] {
        users.push(app.login(email).await);
    }
    assert_eq!(health(&app).await.0, StatusCode::OK);

    let filler = fill(&disk.path());
    let (status, body) = health(&app).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    assert_eq!(body["error"]["code"], "not_ready");
    assert!(
        body["error"]["message"].as_str().unwrap().contains("free"),
        "{body}"
    );

    // Writes of every kind are refused with 503 and Retry-After, never a 500; what was
    // acknowledged is kept. Text large enough that each commit needs new pages.
    let text = "The export stalls again. ".repeat(190);
    let mut created = 1;
    let mut refused = 0;
    for n in 0..40 {
        let res = app
            .widget(Method::POST, "/tickets", &users[n % users.len()])
            .json(&json!({ "subject": format!("During {n}"), "description": text }))
            .go()
            .await;
        match res.status() {
            StatusCode::CREATED => created += 1,
            StatusCode::SERVICE_UNAVAILABLE => {
                assert!(res.headers().contains_key("retry-after"));
                let body: Value = res.json().await.unwrap();
                assert_eq!(body["error"]["code"], "storage_unavailable", "{body}");
                refused += 1;
            }
            other => panic!("ticket {n}: {other} {}", res.text().await.unwrap()),
        }
        let res = app
            .widget(Method::POST, "/tickets/TKT-0001/messages", &token)
            .json(&json!({ "body": text }))
            .go()
            .await;
        assert!(
            matches!(
                res.status(),
                StatusCode::CREATED | StatusCode::OK | StatusCode::SERVICE_UNAVAILABLE
            ),
            "reply {n}: {} {}",
            res.status(),
            res.text().await.unwrap()
        );
    }
    assert!(refused > 0, "the disk never filled");
    // Reads are still served.
    let res = app.widget(Method::GET, "/tickets", &token).go().await;
    assert_eq!(res.status(), StatusCode::OK);

    // Space returns: without a restart, writing works again and health says so.
    std::fs::remove_file(filler).unwrap();
    let recovered = async {
        loop {
            let res = app
                .widget(Method::POST, "/tickets", &token)
                .json(&json!({ "subject": "After", "description": "Back again." }))
                .go()
                .await;
            if res.status() == StatusCode::CREATED {
                return;
            }
            assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    };
    tokio::time::timeout(Duration::from_secs(10), recovered)
        .await
        .expect("writing did not recover by itself");
    created += 1;
    let (status, body) = health(&app).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let fresh = app.login("bo@example.com").await;
    app.new_ticket(&fresh, "A new session works too").await;

    // Every acknowledged ticket is there, and no refused one is.
    let list = app
        .agent(
            Method::GET,
            "/tickets?limit=100",
            &app.agent_key("Ann").await,
        )
        .value()
        .await;
    assert_eq!(list["total"], created + 1, "{list}");
}
