//! A webhook receiver for the tests (`tests/webhook_receiver.py`), which checks signatures with
//! the `standardwebhooks` package rather than with Porthole's own code.

use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::smtp::test_python;

pub struct Receiver {
    child: Child,
    log: std::path::PathBuf,
    _dir: tempfile::TempDir,
}

/// One delivery as the receiver saw it.
#[derive(Debug, Clone)]
pub struct Delivery {
    pub id: String,
    pub verified: Option<bool>,
    pub status: u16,
    pub body: Value,
}

impl Receiver {
    /// Listens on `port`, verifying with `secret` (or not at all for `None`), failing the first
    /// `fail_first` deliveries with a 500.
    pub fn start(port: u16, secret: Option<&str>, fail_first: u32) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("received.jsonl");
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/webhook_receiver.py");
        let child = Command::new(test_python())
            .arg(script)
            .arg(port.to_string())
            .arg(secret.unwrap_or("-"))
            .arg(&log)
            .arg(fail_first.to_string())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the receiver starts");
        let deadline = Instant::now() + Duration::from_secs(10);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "the receiver never listened");
            std::thread::sleep(Duration::from_millis(20));
        }
        Self {
            child,
            log,
            _dir: dir,
        }
    }

    pub fn received(&self) -> Vec<Delivery> {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        text.lines()
            .map(|line| {
                let v: Value = serde_json::from_str(line).unwrap();
                Delivery {
                    id: v["headers"]["webhook-id"]
                        .as_str()
                        .unwrap_or_default()
                        .to_owned(),
                    verified: v["verified"].as_bool(),
                    status: v["status"].as_u64().unwrap() as u16,
                    body: serde_json::from_str(v["body"].as_str().unwrap()).unwrap(),
                }
            })
            .collect()
    }

    /// Waits (up to 20 s: a retry after a restart comes 10 s after the failed attempt) for a
    /// delivery that `wanted` accepts.
    pub async fn wait_for(&self, wanted: impl Fn(&Delivery) -> bool) -> Delivery {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(d) = self.received().into_iter().find(&wanted) {
                return d;
            }
            assert!(
                Instant::now() < deadline,
                "no such delivery; got {:#?}",
                self.received()
            );
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
