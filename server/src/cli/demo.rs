//! The demo: a workspace, a demo host site on another origin with two users, a fresh agent
//! key, and the commands to try it all.

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context;
use secrecy::ExposeSecret;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

use super::demo_site;
use crate::clock::Clock;
use crate::store::{KeyRole, Store, Workspace};
use porthole_core::agents::{self, Invited};
use porthole_core::Origin;
use porthole_core::{articles, keys, origins, workspaces};
use porthole_types::ArticleRequest;

pub const SLUG: &str = "demo";
const AGENT_NAME: &str = "Demo agent";

/// What `porthole demo` was asked for.
pub struct Demo {
    pub host_listen: SocketAddr,
    /// The database in use, so that printed commands name the same file.
    pub database: PathBuf,
}

impl Demo {
    /// Starts the demo host site and makes sure the demo workspace allows it.
    pub async fn start(
        self,
        store: &Store,
        clock: &Clock,
        porthole: &Origin,
    ) -> anyhow::Result<JoinHandle<()>> {
        start(store, clock, porthole, self.host_listen, &self.database).await
    }
}

async fn start(
    store: &Store,
    clock: &Clock,
    porthole: &Origin,
    host_addr: SocketAddr,
    database: &std::path::Path,
) -> anyhow::Result<JoinHandle<()>> {
    let listener = TcpListener::bind(host_addr).await?;
    let bound = listener.local_addr()?;
    let host = Origin::parse(&format!("http://{bound}")).map_err(anyhow::Error::msg)?;
    let ws = ensure_workspace(store, clock, &host).await?;
    // Browsers treat localhost and 127.0.0.1 as different origins; allow both spellings.
    if bound.ip().is_loopback() {
        let alias = Origin::parse(&format!("http://localhost:{}", bound.port()))
            .map_err(anyhow::Error::msg)?;
        origins::allow(store, ws.id, alias.as_str()).await?;
    }
    let key = fresh_agent_key(store, clock, &ws).await?;
    let cli = format!(
        "{} --database {}",
        super::this_command(),
        database.display()
    );
    print_walkthrough(
        porthole.as_str(),
        host.as_str(),
        &ws,
        key.expose_secret(),
        &cli,
    );
    println!("{}", console_access(store, clock, (&ws, porthole)).await?);

    let site = demo_site::router(store.clone(), clock.clone(), porthole.clone());
    Ok(tokio::spawn(async move {
        if let Err(err) = axum::serve(listener, site).await {
            tracing::error!(error = %err, "demo host site stopped");
        }
    }))
}

async fn ensure_workspace(
    store: &Store,
    clock: &Clock,
    host: &Origin,
) -> anyhow::Result<Workspace> {
    let ws = match store.workspace_by_slug(SLUG).await? {
        Some(ws) => ws,
        None => {
            let first = [host.as_str().to_owned()];
            let opening = (SLUG, "Demo Inc", &first[..]);
            let opened =
                workspaces::create(store, opening, Default::default(), clock.now_ms()).await?;
            add_articles(store, opened.id, clock.now_ms()).await?;
            store
                .workspace_by_id(opened.id)
                .await?
                .context("the demo workspace just made")?
        }
    };
    origins::allow(store, ws.id, host.as_str()).await?;
    Ok(ws)
}

/// Two published articles, so that typing a subject such as "reset password" or "invoice" in
/// the demo shows suggestions, and the portal's knowledge base has something in it.
async fn add_articles(store: &Store, workspace_id: i64, now_ms: i64) -> anyhow::Result<()> {
    let articles = [
        (
            "Reset your password",
            "Open **Settings → Security** and choose *Reset password*. The link we email you works for an hour.",
        ),
        (
            "Find an invoice",
            "Invoices are under **Billing → History**, one per month, as PDF.",
        ),
    ];
    for (title, body) in articles {
        let request = ArticleRequest {
            title: Some(title.into()),
            body: Some(body.into()),
            published: Some(true),
            ..ArticleRequest::default()
        };
        articles::add(store, workspace_id, &request, now_ms).await?;
    }
    Ok(())
}

/// A new key each start, so the one printed always works; older demo keys are retired.
async fn fresh_agent_key(
    store: &Store,
    clock: &Clock,
    ws: &Workspace,
) -> anyhow::Result<secrecy::SecretString> {
    let now = clock.now_ms();
    for old in store.list_api_keys(ws.id).await? {
        if old.name == AGENT_NAME && old.revoked_at.is_none() {
            keys::revoke(store, (ws.id, old.id), now).await?;
        }
    }
    // An admin key: the walkthrough changes settings with it as well as answering tickets.
    let made = keys::create(store, ws.id, (AGENT_NAME, Some("admin")), now).await?;
    Ok(made.key)
}

/// The demo's admin for the console: an invitation link until they set a password, then
/// where to sign in.
const CONSOLE_ADMIN: &str = "admin@demo.example";

async fn console_access(
    store: &Store,
    clock: &Clock,
    (ws, porthole): (&Workspace, &Origin),
) -> anyhow::Result<String> {
    let admin = (CONSOLE_ADMIN, Some("Demo Admin"), KeyRole::Admin);
    Ok(match agents::invite(store, ws.id, admin, clock.now_ms()).await {
        Ok(Invited { token, .. }) => format!(
            "The agents' console: set the demo admin's password at\n  {}/console/invitation?t={}\n",
            porthole.as_str(),
            token.secret.expose_secret()
        ),
        Err(porthole_core::CoreError::Conflict(..)) => format!(
            "The agents' console: {}/console/sign-in?workspace=demo as {CONSOLE_ADMIN}, with the password you chose.\n",
            porthole.as_str()
        ),
        Err(other) => return Err(other.into()),
    })
}

/// `cli` is how to run this binary on the demo's database, exactly as it can be pasted.
fn print_walkthrough(porthole: &str, host: &str, ws: &Workspace, key: &str, cli: &str) {
    let alice = ws.sign("alice@example.com", None);
    let api = format!("{porthole}/api/v1");
    println!(
        r#"
Porthole demo
  Demo host site (log in as Alice or Bob):  {host}/
  Public support site (no login):           {porthole}/p/demo
  Porthole itself:                          {porthole}

Answer a ticket as an agent, and watch the reply arrive in the open widget:
  {cli} ticket list --workspace demo
  {cli} ticket reply --workspace demo <REFERENCE> "On it!"

Or walk a ticket's life with curl:

  # 1. Alice's host backend signed her email; exchange it for a session.
  TOKEN=$(curl -s -X POST {api}/widget/demo/session -H 'Origin: {host}' \
    -H 'Content-Type: application/json' \
    -d '{{"email":"alice@example.com","name":"Alice","verification_hash":"{alice}"}}' \
    | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')

  # 2. Open a ticket, keep its reference, and list hers.
  REF=$(curl -s -X POST {api}/widget/demo/tickets -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' -d '{{"subject":"Cannot export my invoices"}}' \
    | sed -n 's/.*"reference":"\([^"]*\)".*/\1/p'); echo "$REF"
  curl -s {api}/widget/demo/tickets -H "Authorization: Bearer $TOKEN"

  # 3. An agent replies with the API key below.
  curl -s -X POST {api}/agent/tickets/$REF/messages -H 'Authorization: Bearer {key}' \
    -H 'Content-Type: application/json' -d '{{"body":"Fixed, please try again.","status":"waiting"}}'

  # 4. Alice replies, which reopens it; the agent resolves it.
  curl -s -X POST {api}/widget/demo/tickets/$REF/messages -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' -d '{{"body":"Works now, thanks!"}}'
  curl -s -X PATCH {api}/agent/tickets/$REF -H 'Authorization: Bearer {key}' \
    -H 'Content-Type: application/json' -d '{{"status":"resolved"}}'

Agent API key (new each start): {key}
"#
    );
}
