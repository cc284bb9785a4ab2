use anyhow::Context;
use clap::{Args, Subcommand};
use secrecy::ExposeSecret;

use super::{workspace_named, DEFAULT_PUBLIC_URL};
use crate::clock::{rfc3339, Clock};
use crate::store::Store;
use porthole_core::{origins, secrets, settings, workspaces};
use porthole_core::{CoreError, Origin};

#[derive(Debug, Subcommand)]
pub enum WorkspaceCommand {
    /// Create a workspace; prints its secret (once) and the embed snippet.
    Create {
        slug: String,
        #[arg(long)]
        name: String,
        /// An origin allowed to embed the widget, e.g. https://app.example.com (repeatable).
        #[arg(long = "allow-origin", required = true)]
        allow_origins: Vec<String>,
        /// Refuse the plain (never-expiring) hash form.
        #[arg(long)]
        require_timestamp: bool,
        /// How far a timestamped hash may be from now, in seconds.
        #[arg(long, default_value_t = 300)]
        timestamp_window_secs: i64,
    },
    /// Replace the identity secret; the old one verifies until the grace period ends.
    RotateSecret {
        slug: String,
        #[arg(long, default_value_t = 24)]
        grace_hours: i64,
    },
    /// Make (or replace) the secret your mail provider's inbound hook sends to
    /// /api/v1/inbound/{workspace}; printed once.
    InboundSecret { slug: String },
    /// List workspaces with their origins and secret ages.
    List,
    /// Show every setting (defaults included), the allowed origins and FAQ clicks.
    Show { slug: String },
    /// Change settings: `key=value …`. An empty value resets a key to its default.
    #[command(after_help = SETTING_KEYS)]
    Set {
        slug: String,
        #[arg(required = true, value_name = "KEY=VALUE")]
        changes: Vec<String>,
    },
    /// Allow another origin to embed the workspace; applies at once.
    AllowOrigin { slug: String, origin: String },
    /// Stop an origin embedding the workspace; its sessions stop working at once.
    DisallowOrigin { slug: String, origin: String },
    /// When the secret was made, and until when the previous one verifies. Never the secret.
    Secrets { slug: String },
}

/// The keys `workspace set` takes, for its `--help`.
const SETTING_KEYS: &str = "\
Keys (an empty value resets one to its default):
  title                  the widget's header
  greeting               shown on an empty ticket list (up to 500 characters)
  brand_name             the name on portal and iframe pages
  logo_url               an http(s) image for the page header
  primary_color          #rrggbb for buttons, links and the launcher
  support_email          linked in the pages' footer
  launcher_position      left or right
  categories             comma-separated: categories=Billing,Bugs
  faqs                   JSON: [{\"question\":\"…\",\"answer\":\"…\"}], at most five
  show_toggle_button     true or false
  visibility             all, or revenue (see revenue_threshold)
  revenue_threshold      a number: the metadata.value from which the launcher shows
  custom_css_url         a stylesheet on one of the allowed origins
  default_locale         en, fr, de or es
  require_timestamp      true refuses the plain hash form
  timestamp_window_secs  how far a timestamped hash may be from the clock (1-86400)
  widget_host_url        the page of your site where the widget lives (emails link there)
  notification_email     where the team hears of new tickets and customer replies
  email_auto_response    true answers an email that opens a ticket, pointing to the widget
  auto_assign            true gives each new ticket to the next available agent in turn
  auto_assign_cap        with auto_assign, skip agents holding this many open tickets (1-1000)
  escalate_after_minutes tell admins of tickets unassigned or unanswered this long (1-10080)";

/// Turns `key=value` pairs into the JSON object the settings API takes.
pub fn parse_changes(
    pairs: &[String],
) -> anyhow::Result<serde_json::Map<String, serde_json::Value>> {
    use serde_json::Value;
    let mut map = serde_json::Map::new();
    for pair in pairs {
        let (key, raw) = pair
            .split_once('=')
            .ok_or_else(|| anyhow::anyhow!("{pair:?} is not key=value"))?;
        let value = match (key, raw.trim()) {
            (_, "") => Value::Null,
            ("categories", list) => Value::Array(
                list.split(',')
                    .map(|c| Value::String(c.trim().to_owned()))
                    .collect(),
            ),
            ("faqs", json) => serde_json::from_str(json).map_err(|e| {
                anyhow::anyhow!("faqs must be JSON, like [{{\"question\":…,\"answer\":…}}]: {e}")
            })?,
            (
                key @ ("show_toggle_button"
                | "require_timestamp"
                | "email_auto_response"
                | "auto_assign"),
                b,
            ) => Value::Bool(
                b.parse()
                    .map_err(|_| anyhow::anyhow!("{key} takes true or false"))?,
            ),
            (
                key @ ("revenue_threshold"
                | "timestamp_window_secs"
                | "auto_assign_cap"
                | "escalate_after_minutes"),
                n,
            ) => serde_json::from_str(n).map_err(|_| anyhow::anyhow!("{key} takes a number"))?,
            (_, text) => Value::String(text.to_owned()),
        };
        map.insert(key.to_owned(), value);
    }
    Ok(map)
}

#[derive(Debug, Args)]
pub struct SignArgs {
    #[arg(long)]
    workspace: String,
    #[arg(long)]
    email: String,
    /// Make a timestamped hash: for now, or for the given Unix milliseconds.
    #[arg(long, num_args = 0..=1, default_missing_value = "now")]
    timestamp: Option<String>,
}

pub async fn run(
    cmd: WorkspaceCommand,
    store: &Store,
    clock: &Clock,
    public_url: Option<&str>,
) -> anyhow::Result<()> {
    match cmd {
        WorkspaceCommand::Create {
            slug,
            name,
            allow_origins,
            require_timestamp,
            timestamp_window_secs,
        } => {
            let policy = serde_json::json!({
                "require_timestamp": require_timestamp,
                "timestamp_window_secs": timestamp_window_secs,
            });
            let first = settings::apply(&Default::default(), policy.as_object().unwrap(), &[])
                .map_err(|e| anyhow::anyhow!("--{}", e.to_string().replace('_', "-")))?;
            let opening = (&slug[..], &name[..], &allow_origins[..]);
            let opened = workspaces::create(store, opening, first, clock.now_ms())
                .await
                .map_err(|e| match e {
                    CoreError::Invalid("slug", m) => anyhow::anyhow!("{m}"),
                    CoreError::Invalid("origins", m) => anyhow::anyhow!("--allow-origin: {m}"),
                    CoreError::Invalid(field, m) => anyhow::anyhow!("--{field}: {m}"),
                    CoreError::Conflict("workspace_exists", _) => {
                        anyhow::anyhow!("a workspace named {slug:?} already exists")
                    }
                    other => other.into(),
                })?;
            let ws = store
                .workspace_by_id(opened.id)
                .await?
                .context("the workspace just made")?;
            println!("Created workspace {:?} ({}).\n", ws.slug, ws.name);
            println!("Identity-verification secret (shown once; keep it in your backend only):");
            println!("  {}\n", opened.secret.expose_secret());
            println!("Embed snippet for the <head> of your site:");
            println!(
                "  {}",
                embed_snippet(public_url.unwrap_or(DEFAULT_PUBLIC_URL), &ws.slug)
            );
            if public_url.is_none() {
                println!(
                    "\n(The snippet assumes Porthole is reached at {DEFAULT_PUBLIC_URL}. Replace it \
                     with the address your users reach, or pass --public-url.)"
                );
            }
        }
        WorkspaceCommand::RotateSecret { slug, grace_hours } => {
            let ws = super::workspace_named(store, &slug).await?;
            let rotated = secrets::rotate(store, ws.id, grace_hours, clock.now_ms())
                .await
                .map_err(|e| match e {
                    CoreError::Invalid(_, m) => anyhow::anyhow!("--grace-hours: {m}"),
                    other => other.into(),
                })?;
            println!(
                "New identity-verification secret for {:?} (shown once):",
                ws.slug
            );
            println!("  {}", rotated.secret.expose_secret());
            match rotated.previous_verifies_until {
                Some(t) => println!("The previous secret keeps verifying until {}.", rfc3339(t)),
                None => println!("The previous secret no longer verifies."),
            }
        }
        WorkspaceCommand::InboundSecret { slug } => {
            let ws = super::workspace_named(store, &slug).await?;
            let secret = secrets::new_inbound(store, ws.id).await?;
            println!(
                "Inbound secret for {:?} (shown once; any earlier one stops working):",
                ws.slug
            );
            println!("  {}", secret.expose_secret());
            println!("Have your mail provider post each message for the inbound address to");
            println!(
                "  <public URL>/api/v1/inbound/{} with Authorization: Bearer <secret>",
                ws.slug
            );
            println!("(or HTTP Basic, with the secret as the password).");
        }
        WorkspaceCommand::Show { slug } => {
            let ws = workspace_named(store, &slug).await?;
            println!("{}", serde_json::to_string_pretty(&ws.settings)?);
            println!(
                "allowed origins: {}",
                store.allowed_origins(ws.id).await?.join(", ")
            );
            for (question, clicks) in store.faq_clicks(ws.id).await? {
                println!("FAQ clicks: {clicks:>5}  {question}");
            }
        }
        WorkspaceCommand::Set { slug, changes } => {
            let ws = workspace_named(store, &slug).await?;
            let updated = settings::change(store, ws.id, parse_changes(&changes)?)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            println!("{}", serde_json::to_string_pretty(&updated)?);
        }
        WorkspaceCommand::AllowOrigin { slug, origin } => {
            let ws = workspace_named(store, &slug).await?;
            let origin = Origin::parse(&origin).map_err(anyhow::Error::msg)?;
            let new = origins::allow(store, ws.id, origin.as_str())
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            println!(
                "{origin} {}",
                if new {
                    "is now allowed."
                } else {
                    "was already allowed."
                }
            );
        }
        WorkspaceCommand::DisallowOrigin { slug, origin } => {
            let ws = workspace_named(store, &slug).await?;
            let origin = Origin::parse(&origin).map_err(anyhow::Error::msg)?;
            let removed = origins::disallow(store, ws.id, origin.as_str())
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            anyhow::ensure!(removed, "{origin} was not an allowed origin of {slug:?}");
            println!("{origin} may no longer embed {slug:?}.");
        }
        WorkspaceCommand::Secrets { slug } => {
            let ws = workspace_named(store, &slug).await?;
            println!("current secret created {}", rfc3339(ws.secret_created_at));
            match ws.grace_until(clock.now_ms()) {
                Some(t) => println!("previous secret verifies until {}", rfc3339(t)),
                None => println!("no previous secret verifies"),
            }
        }
        WorkspaceCommand::List => {
            let now = clock.now_ms();
            for ws in store.list_workspaces().await? {
                let origins = store.allowed_origins(ws.id).await?;
                println!("{}  {}", ws.slug, ws.name);
                println!("  allowed origins:   {}", origins.join(", "));
                println!("  secret created:    {}", rfc3339(ws.secret_created_at));
                if let Some(t) = ws.grace_until(now) {
                    println!("  previous secret:   verifies until {}", rfc3339(t));
                }
                println!(
                    "  timestamp:         {} (window {} s)",
                    if ws.settings.require_timestamp {
                        "required"
                    } else {
                        "optional"
                    },
                    ws.settings.timestamp_window_secs
                );
            }
        }
    }
    Ok(())
}

pub fn embed_snippet(public_url: &str, slug: &str) -> String {
    format!(
        r#"<script src="{}/loader.js" data-workspace="{slug}" async></script>"#,
        public_url.trim_end_matches('/')
    )
}

pub async fn sign(args: SignArgs, store: &Store, clock: &Clock) -> anyhow::Result<()> {
    let ws = workspace_named(store, &args.workspace).await?;
    let timestamp = match args.timestamp.as_deref() {
        None => None,
        Some("now") => Some(clock.now_ms()),
        Some(ms) => Some(ms.parse::<i64>().map_err(|_| {
            anyhow::anyhow!("--timestamp takes Unix milliseconds, or nothing for now")
        })?),
    };
    println!("verificationHash: {}", ws.sign(&args.email, timestamp));
    if let Some(ts) = timestamp {
        println!("timestamp:        {ts}");
    }
    Ok(())
}
