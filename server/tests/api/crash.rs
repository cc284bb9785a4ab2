//! The `porthole` binary in a process of its own, for the tests that kill it with SIGKILL while
//! work is pending and check that a restart finishes the work, once.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use reqwest::StatusCode;

use crate::smtp::free_port;

/// A database with workspace "acme", and a port for the server.
pub struct Site {
    _dir: tempfile::TempDir,
    pub db: PathBuf,
    pub port: u16,
    pub base: String,
}

impl Site {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("p.db");
        let port = free_port();
        let site = Self {
            db,
            port,
            base: format!("http://127.0.0.1:{port}"),
            _dir: dir,
        };
        site.cli(&[
            "workspace",
            "create",
            "acme",
            "--name",
            "Acme",
            "--allow-origin",
            "https://app.example.com",
        ]);
        site
    }

    /// Runs the CLI on the database; its output, after checking it succeeded.
    pub fn cli(&self, args: &[&str]) -> String {
        let out = cli(&self.db, args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// `porthole serve` with `extra` flags, once it answers.
    pub async fn serve(&self, extra: &[&str]) -> Child {
        self.serve_with(extra, &[]).await
    }

    /// The same, with these environment variables.
    pub async fn serve_with(&self, extra: &[&str], vars: &[(&str, &str)]) -> Child {
        let child = Command::new(env!("CARGO_BIN_EXE_porthole"))
            .arg("--database")
            .arg(&self.db)
            .args(["serve", "--listen", &format!("127.0.0.1:{}", self.port)])
            .args(extra)
            .envs(vars.iter().copied())
            .env("PORTHOLE_LOG", "warn")
            .env_remove("PORTHOLE_PUBLIC_URL")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let client = reqwest::Client::new();
        let up = async {
            while client
                .get(format!("{}/healthz", self.base))
                .send()
                .await
                .is_err()
            {
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        };
        tokio::time::timeout(Duration::from_secs(10), up)
            .await
            .expect("the server answers");
        child
    }

    /// Submits a portal ticket, whose creation gives the workers something to do.
    pub async fn submit(&self, subject: &str) {
        let res = reqwest::Client::new()
            .post(format!("{}/p/acme/submit", self.base))
            .header("Origin", &self.base)
            .form(&[
                ("name", "Ada"),
                ("email", "ada@example.com"),
                ("subject", subject),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
    }
}

pub fn cli(db: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_porthole"))
        .arg("--database")
        .arg(db)
        .args(args)
        .output()
        .unwrap()
}

/// Waits (up to 10 s) for the server to log a line containing `needle`, then kills it with
/// SIGKILL: no chance to tidy up.
pub fn kill_after(mut server: Child, needle: &'static str) {
    let stderr = BufReader::new(server.stderr.take().unwrap());
    let (seen, told) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        if stderr
            .lines()
            .map_while(Result::ok)
            .any(|l| l.contains(needle))
        {
            let _ = seen.send(());
        }
    });
    told.recv_timeout(Duration::from_secs(10))
        .unwrap_or_else(|_| panic!("the server never logged {needle:?}"));
    server.kill().unwrap();
    server.wait().unwrap();
}

/// Polls `done` until it holds (up to 10 s).
pub async fn until(mut done: impl AsyncFnMut() -> bool) {
    let wait = async {
        while !done().await {
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    };
    tokio::time::timeout(Duration::from_secs(10), wait)
        .await
        .expect("in time");
}
