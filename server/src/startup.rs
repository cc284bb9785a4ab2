//! Binding and serving. Tests bind port 0 and read the port back.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::Context;
use tokio::net::TcpListener;

use crate::clock::Clock;
use crate::files::Files;
use crate::http::app;
use crate::http::listener::Listener;
use crate::http::serve::{serve, ConnectionBound};
use crate::http::state::{AppState, Settings, Shared};
use crate::mail::{MailConfig, Mailer};
use crate::store::Store;
use porthole_core::Origin;

pub struct Application {
    listener: TcpListener,
    state: AppState,
    bound: ConnectionBound,
}

/// How to serve.
pub struct Options {
    pub listen: SocketAddr,
    /// Where users reach Porthole; the bound address when not given.
    pub public_url: Option<String>,
    pub session_ttl_ms: i64,
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// Turns `/metrics` on, for scrapers that send this bearer token.
    pub metrics_token: Option<secrecy::SecretString>,
    /// Turns email on.
    pub mail: Option<MailConfig>,
    /// Lets webhooks reach loopback and private addresses.
    pub allow_private_webhooks: bool,
    /// How many connections one client address may hold at once (trusted proxies aside).
    pub connections_per_address: usize,
}

impl Options {
    /// Loopback on a random port, for tests.
    pub fn for_tests() -> Self {
        Self {
            listen: SocketAddr::from(([127, 0, 0, 1], 0)),
            public_url: None,
            session_ttl_ms: 3_600_000,
            trusted_proxies: vec![],
            metrics_token: None,
            mail: None,
            allow_private_webhooks: false,
            connections_per_address: 256,
        }
    }
}

impl Application {
    /// Binds the listen address. Without an explicit public URL, Porthole's own origin is the
    /// bound address, which is right for local use and for tests on port 0.
    pub async fn bind(
        options: Options,
        (store, files): (Store, Files),
        clock: Clock,
    ) -> anyhow::Result<Self> {
        let listen = options.listen;
        let listener = TcpListener::bind(listen)
            .await
            .with_context(|| format!("binding {listen}"))?;
        let bound = listener.local_addr()?;
        let public_origin = match &options.public_url {
            Some(url) => Origin::parse(url).map_err(anyhow::Error::msg)?,
            None => Origin::parse(&format!("http://{bound}")).map_err(anyhow::Error::msg)?,
        };
        let mailer = options.mail.as_ref().map(Mailer::new).transpose()?;
        let bound = ConnectionBound {
            per_address: options.connections_per_address,
            exempt: options.trusted_proxies.clone(),
        };
        let settings = Settings {
            public_origin,
            session_ttl_ms: options.session_ttl_ms,
            trusted_proxies: options.trusted_proxies,
            metrics_token: options.metrics_token,
            allow_private_webhooks: options.allow_private_webhooks,
        };
        Ok(Self {
            listener,
            bound,
            state: AppState::new(Shared {
                store,
                clock,
                settings: Arc::new(settings),
                metrics: Default::default(),
                live: Default::default(),
                mailer,
                files,
                presence: Default::default(),
                ticket_lists: Default::default(),
            }),
        })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("a bound listener has an address")
    }

    /// The SMTP server email goes through, if email is on (never its credentials).
    pub fn mail_server(&self) -> Option<&str> {
        self.state.mailer.as_ref().map(|m| m.server.as_str())
    }

    pub fn public_origin(&self) -> &Origin {
        &self.state.settings.public_origin
    }

    /// Serves until `shutdown` completes, then lets requests in flight finish.
    pub async fn run_until(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> anyhow::Result<()> {
        let live = self.state.live.clone();
        let notifier = tokio::spawn(live.clone().notify(self.state.store.clone()));
        let workers = crate::workers::start(
            crate::workers::Context {
                store: self.state.store.clone(),
                clock: self.state.clock.clone(),
                live: live.clone(),
                public_origin: self.state.settings.public_origin.clone(),
                allow_private_webhooks: self.state.settings.allow_private_webhooks,
                files: self.state.files.clone(),
            },
            self.state.mailer.clone(),
        );
        serve(
            Listener(self.listener),
            app(self.state.clone()),
            self.bound,
            async move {
                shutdown.await;
                // Open event streams would otherwise hold the shutdown open for ever.
                live.close();
            },
        )
        .await;
        notifier.abort();
        drop(workers);
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
