//! Slow, idle and greedy clients, over raw TCP: a head that never ends, a body that never
//! comes, and one address opening connection after connection. Each is cut off, and the server
//! goes on serving everyone else.

use std::time::Duration;

use reqwest::{Method, StatusCode};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::helpers::{Options, RequestExt, TestApp};

async fn connect(app: &TestApp) -> TcpStream {
    TcpStream::connect(app.base.trim_start_matches("http://"))
        .await
        .unwrap()
}

/// Everything the server sends until it closes the connection (up to `limit`).
async fn read_to_close(stream: &mut TcpStream, limit: Duration) -> String {
    let mut got = Vec::new();
    tokio::time::timeout(limit, stream.read_to_end(&mut got))
        .await
        .expect("the server kept the connection open")
        .ok();
    String::from_utf8_lossy(&got).into_owned()
}

#[tokio::test]
async fn a_request_head_that_never_ends_is_cut_off_and_others_are_still_served() {
    let app = TestApp::spawn().await;
    let mut slow = connect(&app).await;
    slow.write_all(b"GET /healthz HTTP/1.1\r\nHost: porthole\r\nX-Slow: ")
        .await
        .unwrap();
    // Meanwhile, others are answered.
    let res = app.request(Method::GET, "/healthz").go().await;
    assert_eq!(res.status(), StatusCode::OK);
    // 10 s to send the head; the connection is closed soon after.
    let answered = read_to_close(&mut slow, Duration::from_secs(15)).await;
    assert!(!answered.contains("200 OK"), "{answered}");
}

#[tokio::test]
async fn a_kept_alive_connection_left_idle_is_closed() {
    let app = TestApp::spawn().await;
    let mut idle = connect(&app).await;
    idle.write_all(b"GET /healthz HTTP/1.1\r\nHost: porthole\r\n\r\n")
        .await
        .unwrap();
    let answered = read_to_close(&mut idle, Duration::from_secs(15)).await;
    assert!(answered.starts_with("HTTP/1.1 200"), "{answered}");
}

#[tokio::test]
async fn a_body_that_never_comes_is_refused_with_408() {
    let app = TestApp::spawn().await;
    let key = app.agent_key("Ann").await;
    let mut stalled = connect(&app).await;
    let head = format!(
        "POST /api/v1/agent/tickets/TKT-0001/messages HTTP/1.1\r\nHost: porthole\r\n\
         Authorization: Bearer {key}\r\nContent-Type: application/json\r\n\
         Content-Length: 40000\r\n\r\n{{\"body\": \"hel"
    );
    stalled.write_all(head.as_bytes()).await.unwrap();
    let answered = read_to_close(&mut stalled, Duration::from_secs(15)).await;
    assert!(answered.starts_with("HTTP/1.1 408"), "{answered}");
    assert!(answered.contains("\"request_timeout\""), "{answered}");
}

#[tokio::test]
async fn one_address_holds_only_its_share_of_connections() {
    let app = TestApp::spawn_with(Options {
        connections_per_address: Some(4),
        ..Options::default()
    })
    .await;
    let mut held = Vec::new();
    for _ in 0..4 {
        let mut conn = connect(&app).await;
        // A complete request, so each connection is surely counted before the next opens.
        conn.write_all(b"GET /healthz HTTP/1.1\r\nHost: porthole\r\n\r\n")
            .await
            .unwrap();
        let mut first = [0u8; 12];
        conn.read_exact(&mut first).await.unwrap();
        assert_eq!(&first, b"HTTP/1.1 200");
        held.push(conn);
    }
    // The fifth is closed at once, without an answer.
    let mut fifth = connect(&app).await;
    let _ = fifth
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: porthole\r\n\r\n")
        .await;
    let answered = read_to_close(&mut fifth, Duration::from_secs(5)).await;
    assert_eq!(answered, "");

    // One closes: a new connection is served again.
    drop(held.pop());
    let served = async {
        loop {
            let mut conn = connect(&app).await;
            let _ = conn
                .write_all(b"GET /healthz HTTP/1.1\r\nHost: porthole\r\nConnection: close\r\n\r\n")
                .await;
            if read_to_close(&mut conn, Duration::from_secs(5))
                .await
                .starts_with("HTTP/1.1 200")
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    };
    tokio::time::timeout(Duration::from_secs(10), served)
        .await
        .expect("a freed place was never given back");
}
