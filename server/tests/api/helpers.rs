use std::path::PathBuf;

use porthole::clock::Clock;
use porthole::files::Files;
use porthole::mail::MailConfig;
use porthole::startup::{Application, Options as ServerOptions};
use porthole::store::{KeyRole, Store};
use reqwest::{Method, RequestBuilder, Response, StatusCode};
use secrecy::ExposeSecret;
use serde_json::{json, Value};

use crate::smtp::Smtp;

pub const HOST: &str = "https://app.example.com";
pub const SESSION_TTL_MS: i64 = 3_600_000;

pub struct TestApp {
    pub base: String,
    pub store: Store,
    pub clock: Clock,
    pub db_path: PathBuf,
    /// Where attachments' bytes are kept: `porthole.db-files/` beside the database.
    pub files: Files,
    pub client: reqwest::Client,
    /// The "acme" workspace's identity secret.
    pub secret: String,
    /// The SMTP server email goes to, when the test turned email on.
    pub smtp: Option<Smtp>,
    _dir: tempfile::TempDir,
}

#[derive(Default)]
pub struct Options {
    pub require_timestamp: bool,
    pub trusted_proxies: Vec<ipnet::IpNet>,
    pub metrics_token: Option<&'static str>,
    /// Sends email to a real SMTP server on loopback (`TestApp::smtp`).
    pub email: bool,
    /// Sends email to this SMTP URL instead, with a 1 s timeout: a server that misbehaves.
    pub smtp_url: Option<String>,
    /// Email without `--inbound-address`: no reply by email.
    pub no_replies_by_email: bool,
    /// Lets webhooks reach loopback, where the tests' receivers listen.
    pub allow_private_webhooks: bool,
    /// Where the database lives, instead of a fresh temporary directory.
    pub db_dir: Option<PathBuf>,
    /// How many connections one client address may hold (the server's default otherwise).
    pub connections_per_address: Option<usize>,
}

impl TestApp {
    /// The SMTP server of a test that turned email on.
    pub fn mail(&self) -> &Smtp {
        self.smtp.as_ref().expect("spawned with `email: true`")
    }

    pub async fn spawn() -> Self {
        Self::spawn_with(Options::default()).await
    }

    pub async fn spawn_with(options: Options) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let db_path = options
            .db_dir
            .as_deref()
            .unwrap_or(dir.path())
            .join("porthole.db");
        let store = Store::open(&db_path).await.unwrap();
        let files = Files::open(None, &db_path).unwrap();
        let clock = Clock::default();
        let smtp = options.email.then(Smtp::start);
        let server = ServerOptions {
            session_ttl_ms: SESSION_TTL_MS,
            trusted_proxies: options.trusted_proxies,
            metrics_token: options.metrics_token.map(Into::into),
            mail: match (&smtp, options.smtp_url) {
                (Some(smtp), _) => Some(mail_config(smtp.url(), 30)),
                (None, Some(url)) => Some(mail_config(url, 1)),
                (None, None) => None,
            }
            .map(|config| MailConfig {
                inbound_address: config
                    .inbound_address
                    .filter(|_| !options.no_replies_by_email),
                ..config
            }),
            allow_private_webhooks: options.allow_private_webhooks,
            connections_per_address: options
                .connections_per_address
                .unwrap_or(ServerOptions::for_tests().connections_per_address),
            ..ServerOptions::for_tests()
        };
        let app = Application::bind(server, (store.clone(), files.clone()), clock.clone())
            .await
            .unwrap();
        let base = format!("http://{}", app.local_addr());
        tokio::spawn(app.run_until(std::future::pending()));
        let secret =
            open_workspace(&store, ("acme", HOST), options.require_timestamp, &clock).await;
        Self {
            base,
            store,
            clock,
            db_path,
            files,
            client: reqwest::Client::new(),
            secret: secret.expose_secret().to_owned(),
            smtp,
            _dir: dir,
        }
    }

    /// The `porthole` binary run on this server's database, as an operator would beside it.
    pub fn cli(&self, args: &[&str]) -> std::process::Output {
        std::process::Command::new(env!("CARGO_BIN_EXE_porthole"))
            .arg("--database")
            .arg(&self.db_path)
            .args(args)
            .output()
            .expect("porthole runs")
    }

    pub fn sign(&self, email: &str, ts: Option<i64>) -> String {
        porthole_identity::sign(self.secret.as_bytes(), email, ts)
    }

    /// A browser-like client for server-rendered pages: it does not follow redirects, so tests
    /// can see them, and it sends our own origin on posts, as browsers do for our forms.
    pub fn pages(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap()
    }

    /// A page as a browser speaking `language` gets it, with `cookie` (blank for none).
    pub async fn page_in(&self, path: &str, language: &str, cookie: &str) -> Response {
        self.pages()
            .get(format!("{}{path}", self.base))
            .header(reqwest::header::ACCEPT_LANGUAGE, language)
            .header(reqwest::header::COOKIE, cookie)
            .send()
            .await
            .unwrap()
    }

    pub fn request(&self, method: Method, path: &str) -> RequestBuilder {
        self.client.request(method, format!("{}{path}", self.base))
    }

    /// `POST /session` from the allowed host origin.
    pub async fn create_session(&self, body: Value) -> Response {
        self.request(Method::POST, "/api/v1/widget/acme/session")
            .header("Origin", HOST)
            .json(&body)
            .go()
            .await
    }

    /// A session for `email`, signed the plain way.
    pub async fn login(&self, email: &str) -> String {
        let res = self
            .create_session(json!({ "email": email, "name": "Test User", "verification_hash": self.sign(email, None) }))
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let body: Value = res.json().await.unwrap();
        body["token"].as_str().unwrap().to_owned()
    }

    pub fn widget(&self, method: Method, path: &str, token: &str) -> RequestBuilder {
        self.request(method, &format!("/api/v1/widget/acme{path}"))
            .bearer_auth(token)
    }

    pub async fn new_ticket(&self, token: &str, subject: &str) -> Value {
        let res = self
            .widget(Method::POST, "/tickets", token)
            .json(&json!({ "subject": subject, "description": format!("About {subject}") }))
            .go()
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        res.json().await.unwrap()
    }

    /// An admin key of "acme": tickets, and the workspace's settings too.
    pub async fn agent_key(&self, name: &str) -> String {
        self.key_with_role(name, KeyRole::Admin).await
    }

    pub async fn key_with_role(&self, name: &str, role: KeyRole) -> String {
        let ws = self.store.workspace_by_slug("acme").await.unwrap().unwrap();
        let whose = (name, Some(role.as_str()));
        let made = porthole_core::keys::create(&self.store, ws.id, whose, self.clock.now_ms());
        made.await.unwrap().key.expose_secret().to_owned()
    }

    pub fn agent(&self, method: Method, path: &str, key: &str) -> RequestBuilder {
        self.request(method, &format!("/api/v1/agent{path}"))
            .bearer_auth(key)
    }

    /// Submits the public portal's form as Ada would, checking it was taken.
    pub async fn submit_portal(&self, email: &str, subject: &str) {
        let res = self
            .pages()
            .post(format!("{}/p/acme/submit", self.base))
            .header("Origin", &self.base)
            .form(&[("name", "Ada"), ("email", email), ("subject", subject)])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
    }

    /// Creates workspace "globex" (allowing https://globex.example) and an API key of it.
    pub async fn globex_key(&self) -> String {
        self.other_workspace("globex", "https://globex.example")
            .await;
        let globex = self
            .store
            .workspace_by_slug("globex")
            .await
            .unwrap()
            .unwrap();
        let whose = ("Gus", Some("admin"));
        let made = porthole_core::keys::create(&self.store, globex.id, whose, self.clock.now_ms());
        made.await.unwrap().key.expose_secret().to_owned()
    }

    /// Creates another workspace allowing `origin`, returning its secret.
    pub async fn other_workspace(&self, slug: &str, origin: &str) -> String {
        let secret = open_workspace(&self.store, (slug, origin), false, &self.clock).await;
        secret.expose_secret().to_owned()
    }
}

fn mail_config(smtp_url: String, timeout_secs: u64) -> MailConfig {
    MailConfig {
        smtp_url: smtp_url.into(),
        from: "support@porthole.test".into(),
        inbound_address: Some("reply@inbound.porthole.test".into()),
        timeout: std::time::Duration::from_secs(timeout_secs),
    }
}

/// Opens workspace `slug`, embedded by `origin`; returns its identity secret.
async fn open_workspace(
    store: &Store,
    (slug, origin): (&str, &str),
    require_timestamp: bool,
    clock: &Clock,
) -> secrecy::SecretString {
    let settings = porthole_types::Settings {
        require_timestamp,
        ..Default::default()
    };
    let name = format!("{slug} Inc");
    let opening = (slug, &name[..], &[origin.to_owned()][..]);
    porthole_core::workspaces::create(store, opening, settings, clock.now_ms())
        .await
        .unwrap()
        .secret
}

/// Sends a request that must reach the server; the tests assert on what comes back.
pub trait RequestExt {
    async fn go(self) -> Response;
    async fn value(self) -> Value;
}

impl RequestExt for RequestBuilder {
    async fn go(self) -> Response {
        self.send().await.unwrap()
    }

    async fn value(self) -> Value {
        self.go().await.json().await.unwrap()
    }
}

/// Asserts the response is our JSON error with this status and code, and returns its body.
pub async fn assert_error(res: Response, status: StatusCode, code: &str) -> Value {
    assert_eq!(res.status(), status, "status for expected {code}");
    let ctype = res.headers()["content-type"].to_str().unwrap().to_owned();
    assert!(
        ctype.starts_with("application/json"),
        "content-type {ctype}"
    );
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["error"]["code"], code, "body: {body}");
    assert!(body["error"]["message"]
        .as_str()
        .is_some_and(|m| !m.is_empty()));
    body
}

/// The references of a ticket list's tickets, in order.
pub fn references(list: &Value) -> Vec<String> {
    list["tickets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["reference"].as_str().unwrap().to_owned())
        .collect()
}

/// A server on a free loopback port that accepts connections and never answers, as a hung
/// webhook receiver or a tarpit SMTP server does; returns its port and how many it accepted.
pub async fn silent_server() -> (u16, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let accepted = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let count = accepted.clone();
    tokio::spawn(async move {
        let mut held = vec![];
        while let Ok((socket, _)) = listener.accept().await {
            count.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            held.push(socket);
        }
    });
    (port, accepted)
}
