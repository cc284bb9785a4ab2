//! Serving connections with the limits a public server needs and `axum::serve` does not set:
//! hyper reads a request's head within a deadline (which also closes a keep-alive connection
//! left idle), a body that stops arriving is given up on (`http::api::app`'s body timeout), and
//! one client address holds a bounded number of connections. So slow or idle clients, however
//! many, tie up nothing for long, and one address cannot take every socket.

use std::collections::HashMap;
use std::future::Future;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto::Builder;
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tower::ServiceExt;

use crate::http::listener::{Listener, Peer};

/// How long a client has to send a request's head, and how long a kept-alive connection may
/// sit idle before the next one.
pub const HEAD_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a request body may pause between two pieces before it is given up on.
pub const BODY_IDLE_TIMEOUT: Duration = Duration::from_secs(10);

/// How many connections one client address may hold at once, and the addresses (trusted
/// proxies, through which many clients come) that are not bounded.
#[derive(Clone)]
pub struct ConnectionBound {
    pub per_address: usize,
    pub exempt: Vec<ipnet::IpNet>,
}

/// Open connections by client address.
#[derive(Clone, Default)]
struct Open(Arc<Mutex<HashMap<IpAddr, usize>>>);

/// One connection's place in [`Open`], given back when the connection ends.
struct Held {
    open: Open,
    ip: IpAddr,
}

impl Open {
    fn take(&self, ip: IpAddr, bound: usize) -> Option<Held> {
        let mut open = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let count = open.entry(ip).or_default();
        if *count >= bound {
            return None;
        }
        *count += 1;
        Some(Held {
            open: self.clone(),
            ip,
        })
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        let mut open = self.open.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(count) = open.get_mut(&self.ip) {
            *count -= 1;
            if *count == 0 {
                open.remove(&self.ip);
            }
        }
    }
}

/// Serves `app` until `shutdown` completes, then lets the connections finish what they are
/// answering.
pub async fn serve(
    mut listener: Listener,
    app: Router,
    bound: ConnectionBound,
    shutdown: impl Future<Output = ()>,
) {
    let mut builder = Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(HEAD_TIMEOUT);
    builder
        .http2()
        .timer(TokioTimer::new())
        .keep_alive_interval(HEAD_TIMEOUT);
    let graceful = GracefulShutdown::new();
    let open = Open::default();
    tokio::pin!(shutdown);
    loop {
        let (io, peer) = tokio::select! {
            accepted = axum::serve::Listener::accept(&mut listener) => accepted,
            () = &mut shutdown => break,
        };
        let exempt = bound.exempt.iter().any(|net| net.contains(&peer.ip()));
        let held = if exempt {
            None
        } else {
            match open.take(peer.ip(), bound.per_address) {
                Some(held) => Some(held),
                // Closed at once: the client is already holding its share.
                None => continue,
            }
        };
        let app = app.clone();
        let service = TowerToHyperService::new(tower::service_fn(
            move |mut request: axum::http::Request<Incoming>| {
                request.extensions_mut().insert(ConnectInfo(Peer(peer)));
                app.clone().oneshot(request.map(Body::new))
            },
        ));
        let connection = builder
            .serve_connection_with_upgrades(TokioIo::new(io), service)
            .into_owned();
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            let _held = held;
            if let Err(err) = connection.await {
                tracing::trace!(error = %err, "connection ended with an error");
            }
        });
    }
    graceful.shutdown().await;
}

#[cfg(test)]
mod tests {
    use super::Open;

    #[test]
    fn an_address_holds_its_share_and_gets_it_back_as_connections_end() {
        let open = Open::default();
        let ip = "192.0.2.1".parse().unwrap();
        let first = open.take(ip, 2).unwrap();
        let _second = open.take(ip, 2).unwrap();
        assert!(open.take(ip, 2).is_none());
        assert!(open.take("192.0.2.2".parse().unwrap(), 2).is_some());
        drop(first);
        assert!(open.take(ip, 2).is_some());
    }
}
