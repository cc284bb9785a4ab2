//! The `porthole` command line. Everything but `serve` and `demo` works on the database
//! directly, so a support team can operate with the binary and the file alone.

mod agents;
mod demo;
mod demo_site;
mod kb;
mod keys;
mod seed;
mod tickets;
mod webhooks;
mod workspace;

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};

use crate::clock::Clock;
use crate::files::Files;
use crate::mail::MailConfig;
use crate::startup::{shutdown_signal, Application, Options};
use crate::store::{Store, Workspace};

#[derive(Debug, Parser)]
#[command(
    name = "porthole",
    version,
    about = "Self-hostable customer-support portal"
)]
pub struct Cli {
    /// SQLite database file, created on first use [default: porthole.db; porthole-demo.db for `demo`]
    #[arg(long, env = "PORTHOLE_DATABASE", global = true)]
    database: Option<PathBuf>,

    /// The URL users reach Porthole at, e.g. https://support.example.com [default: http://LISTEN]
    #[arg(long, env = "PORTHOLE_PUBLIC_URL", global = true)]
    public_url: Option<String>,

    /// Where attachments are kept: a directory, or s3://bucket/prefix with credentials,
    /// region and endpoint from the AWS_* variables [default: DATABASE-files beside the database]
    #[arg(long, env = "PORTHOLE_FILES_URL", global = true)]
    files_url: Option<String>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the server.
    Serve(ServeArgs),
    /// Run the server with a demo workspace and a demo host site, and print how to try them.
    Demo(DemoArgs),
    /// Create, list and rotate the secrets of workspaces.
    #[command(subcommand)]
    Workspace(workspace::WorkspaceCommand),
    /// Print a verification hash for an email, as a host backend would compute it.
    Sign(workspace::SignArgs),
    /// Invite agents to the console, and list them.
    #[command(subcommand)]
    Agent(agents::AgentCommand),
    /// Manage agent API keys.
    #[command(subcommand, name = "api-key")]
    ApiKey(keys::KeyCommand),
    /// List, read and answer tickets.
    #[command(subcommand)]
    Ticket(tickets::TicketCommand),
    /// Write, publish and remove knowledge-base articles.
    #[command(subcommand)]
    Kb(kb::KbCommand),
    /// Add, list and remove webhook endpoints; read and replay their deliveries.
    #[command(subcommand)]
    Webhook(webhooks::WebhookCommand),
    /// Fill a workspace with generated contacts and tickets, for benchmarks.
    Seed(seed::SeedArgs),
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "PORTHOLE_LISTEN", default_value = "127.0.0.1:8080")]
    listen: SocketAddr,
    /// How long a widget session lasts, in seconds.
    #[arg(long, env = "PORTHOLE_SESSION_TTL_SECS", default_value_t = 24 * 3600)]
    session_ttl_secs: i64,
    /// A reverse proxy whose X-Forwarded-For is believed, as an address or CIDR range
    /// (repeatable). None by default: client addresses are the connections' own.
    #[arg(
        long = "trusted-proxy",
        env = "PORTHOLE_TRUSTED_PROXIES",
        value_delimiter = ','
    )]
    trusted_proxies: Vec<String>,
    /// Serve Prometheus metrics at /metrics to scrapers that send this as a bearer token.
    /// Off by default.
    #[arg(long, env = "PORTHOLE_METRICS_TOKEN", hide_env_values = true)]
    metrics_token: Option<String>,
    /// Send email through this SMTP server: smtp://user:pass@host:587?tls=required (STARTTLS),
    /// smtps://user:pass@host:465 (TLS) or smtp://host:25 (neither). Without it, email is off.
    #[arg(
        long,
        env = "PORTHOLE_SMTP_URL",
        hide_env_values = true,
        requires = "mail_from"
    )]
    smtp_url: Option<String>,
    /// The address emails come from, e.g. support@acme.com. Needed with --smtp-url.
    #[arg(long, env = "PORTHOLE_MAIL_FROM", requires = "smtp_url")]
    mail_from: Option<String>,
    /// Turn on replies by email: customer emails get Reply-To `local+TOKEN@domain` for this
    /// address, and your mail provider posts what arrives there to /api/v1/inbound/{workspace}.
    #[arg(long, env = "PORTHOLE_INBOUND_ADDRESS", requires = "smtp_url")]
    inbound_address: Option<String>,
    /// How long the SMTP server may take over one email, from connecting to accepting it,
    /// before the attempt counts as failed and is retried later: long enough for a slow
    /// relay, short enough that one that never answers holds nothing up for long.
    #[arg(long, env = "PORTHOLE_SMTP_TIMEOUT_SECS", default_value_t = 30,
          value_parser = clap::value_parser!(u64).range(1..=600))]
    smtp_timeout_secs: u64,
    /// Let webhooks reach loopback, private and link-local addresses. Off by default, so that
    /// a webhook cannot be aimed at the server's own network.
    #[arg(long, env = "PORTHOLE_ALLOW_PRIVATE_WEBHOOKS")]
    allow_private_webhooks: bool,
    /// How many connections one client address may hold at once; more are closed at once.
    /// Trusted proxies (--trusted-proxy), through which many clients come, are not bounded.
    #[arg(long, env = "PORTHOLE_CONNECTIONS_PER_ADDRESS", default_value_t = 256,
          value_parser = clap::value_parser!(u64).range(1..=65_536))]
    connections_per_address: u64,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    #[command(flatten)]
    serve: ServeArgs,
    /// Address of the demo host site: a different origin, as a customer's site would be.
    #[arg(long, default_value = "127.0.0.1:8081")]
    host_listen: SocketAddr,
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let default_db = match cli.command {
        Command::Demo(_) => "porthole-demo.db",
        _ => "porthole.db",
    };
    let db = cli.database.unwrap_or_else(|| default_db.into());
    let store = Store::open(&db).await?;
    let files = Files::open(cli.files_url.as_deref(), &db)?;
    let clock = Clock::default();
    let public_url = cli.public_url.as_deref();
    match cli.command {
        Command::Serve(args) => serve(args, public_url, (store, files), clock, None).await,
        Command::Demo(args) => {
            let demo = demo::Demo {
                host_listen: args.host_listen,
                database: db,
            };
            serve(args.serve, public_url, (store, files), clock, Some(demo)).await
        }
        Command::Workspace(cmd) => workspace::run(cmd, &store, &clock, public_url).await,
        Command::Sign(args) => workspace::sign(args, &store, &clock).await,
        Command::ApiKey(cmd) => keys::run(cmd, &store, &clock).await,
        Command::Agent(cmd) => agents::run(cmd, &store, &clock, public_url).await,
        Command::Ticket(cmd) => tickets::run(cmd, (&store, &files), &clock).await,
        Command::Webhook(cmd) => webhooks::run(cmd, &store, &clock).await,
        Command::Kb(cmd) => kb::run(cmd, &store, &clock).await,
        Command::Seed(args) => seed::run(args, &store, &clock).await,
    }
}

async fn serve(
    args: ServeArgs,
    public_url: Option<&str>,
    (store, files): (Store, Files),
    clock: Clock,
    demo: Option<demo::Demo>,
) -> anyhow::Result<()> {
    anyhow::ensure!(
        args.session_ttl_secs > 0,
        "--session-ttl-secs must be positive"
    );
    let trusted_proxies = args
        .trusted_proxies
        .iter()
        .map(|p| {
            p.parse::<ipnet::IpNet>()
                .or_else(|_| p.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
                .map_err(|_| {
                    anyhow::anyhow!("--trusted-proxy {p:?} is not an address or CIDR range")
                })
        })
        .collect::<anyhow::Result<_>>()?;
    let options = Options {
        listen: args.listen,
        public_url: public_url.map(str::to_owned),
        session_ttl_ms: args.session_ttl_secs * 1000,
        trusted_proxies,
        metrics_token: args
            .metrics_token
            .filter(|t| !t.trim().is_empty())
            .map(Into::into),
        mail: match (args.smtp_url, args.mail_from) {
            (Some(url), Some(from)) if !url.trim().is_empty() => Some(MailConfig {
                smtp_url: url.into(),
                from,
                inbound_address: args.inbound_address,
                timeout: std::time::Duration::from_secs(args.smtp_timeout_secs),
            }),
            _ => None,
        },
        allow_private_webhooks: args.allow_private_webhooks,
        connections_per_address: args.connections_per_address as usize,
    };
    let app = Application::bind(options, (store.clone(), files), clock.clone()).await?;
    let demo = match demo {
        Some(demo) => Some(demo.start(&store, &clock, app.public_origin()).await?),
        None => None,
    };
    tracing::info!(addr = %app.local_addr(), public = %app.public_origin(), "porthole listening");
    match app.mail_server() {
        Some(server) => tracing::info!(%server, "email is on"),
        None => tracing::warn!(
            "email is off: no email will be sent, and no page offers one (set --smtp-url and --mail-from)"
        ),
    }
    app.run_until(shutdown_signal()).await?;
    if let Some(host) = demo {
        host.abort();
    }
    Ok(())
}

async fn workspace_named(store: &Store, slug: &str) -> anyhow::Result<Workspace> {
    store
        .workspace_by_slug(slug)
        .await?
        .with_context(|| format!("no workspace {slug:?}; see `porthole workspace list`"))
}

/// Default public URL for printed snippets when none is configured.
const DEFAULT_PUBLIC_URL: &str = "http://127.0.0.1:8080";

/// How to run this very binary again, as a person would type it: relative to the current
/// directory when it lies below it (`target/debug/porthole`), since `porthole` is often not on
/// the PATH of someone trying the demo.
fn this_command() -> String {
    let exe = std::env::current_exe().ok();
    let cwd = std::env::current_dir().ok();
    match (exe, cwd) {
        (Some(exe), Some(cwd)) => match exe.strip_prefix(&cwd) {
            Ok(relative) => relative.display().to_string(),
            Err(_) => exe.display().to_string(),
        },
        _ => "porthole".to_owned(),
    }
}
