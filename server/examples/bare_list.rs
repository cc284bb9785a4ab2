//! The benchmark's yardstick: a bare axum handler that answers every request with the same
//! bytes, the size of a user's ticket list. `scripts/bench-server.sh` serves it beside Porthole
//! and compares their throughput. Usage: `bare_list ADDR BODY_FILE`.

use axum::http::header::CONTENT_TYPE;
use axum::routing::get;
use axum::Router;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let addr = args.next().unwrap_or_else(|| "127.0.0.1:18999".into());
    let body: &'static [u8] = match args.next() {
        Some(path) => std::fs::read(path)?.leak(),
        None => br#"{"tickets":[]}"#,
    };
    let app = Router::new().route(
        "/list",
        get(move || async move { ([(CONTENT_TYPE, "application/json")], body) }),
    );
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    axum::serve(listener, app).await?;
    Ok(())
}
