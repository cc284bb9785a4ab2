//! Binding and serving. Tests bind port 0 and read the port back.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::Context;
use tokio::net::TcpListener;

use crate::clock::Clock;
use crate::domain::Origin;
use crate::routes::app;
use crate::state::{AppState, Settings};
use crate::store::Store;

pub struct Application {
    listener: TcpListener,
    state: AppState,
}

impl Application {
    /// Binds `listen`. Without an explicit public URL, Porthole's own origin is the bound
    /// address, which is right for local use and for tests on port 0.
    pub async fn bind(
        listen: SocketAddr,
        public_url: Option<&str>,
        session_ttl_ms: i64,
        store: Store,
        clock: Clock,
    ) -> anyhow::Result<Self> {
        let listener = TcpListener::bind(listen)
            .await
            .with_context(|| format!("binding {listen}"))?;
        let bound = listener.local_addr()?;
        let public_origin = match public_url {
            Some(url) => Origin::parse(url).map_err(anyhow::Error::msg)?,
            None => Origin::parse(&format!("http://{bound}")).map_err(anyhow::Error::msg)?,
        };
        let settings = Settings {
            public_origin,
            session_ttl_ms,
        };
        Ok(Self {
            listener,
            state: AppState {
                store,
                clock,
                settings: Arc::new(settings),
            },
        })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("a bound listener has an address")
    }

    pub fn public_origin(&self) -> &Origin {
        &self.state.settings.public_origin
    }

    /// Serves until `shutdown` completes, then lets requests in flight finish.
    pub async fn run_until(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> anyhow::Result<()> {
        axum::serve(self.listener, app(self.state.clone()))
            .with_graceful_shutdown(shutdown)
            .await?;
        self.state.store.close().await;
        Ok(())
    }
}

/// Completes on ctrl-c or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
