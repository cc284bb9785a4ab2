use clap::Subcommand;

use super::workspace_named;
use crate::clock::{rfc3339, Clock};
use crate::store::Store;
use crate::webhooks::check_destination;
use porthole_core::{webhooks, CoreError};

#[derive(Debug, Subcommand)]
pub enum WebhookCommand {
    /// Add an endpoint; prints its signing secret once.
    Add {
        #[arg(long)]
        workspace: String,
        url: String,
        /// standard (signed JSON) or slack (an incoming-webhook URL).
        #[arg(long, default_value = "standard")]
        kind: String,
        /// An event type to send (repeatable); all types when none is given.
        #[arg(long = "event")]
        events: Vec<String>,
        /// Allow a loopback, private or link-local address.
        #[arg(long)]
        allow_private: bool,
    },
    /// List a workspace's endpoints (never their secrets).
    List {
        #[arg(long)]
        workspace: String,
    },
    /// Remove an endpoint and its delivery log.
    Remove {
        #[arg(long)]
        workspace: String,
        id: i64,
    },
    /// The endpoint's latest deliveries.
    Deliveries {
        #[arg(long)]
        workspace: String,
        id: i64,
    },
    /// Send a delivery again, and turn its endpoint back on.
    Redeliver {
        #[arg(long)]
        workspace: String,
        id: i64,
        delivery: i64,
    },
}

pub async fn run(cmd: WebhookCommand, store: &Store, clock: &Clock) -> anyhow::Result<()> {
    match cmd {
        WebhookCommand::Add {
            workspace,
            url,
            kind,
            events,
            allow_private,
        } => {
            let ws = workspace_named(store, &workspace).await?;
            let destination =
                |url: String| async move { check_destination(&url, allow_private).await };
            let endpoint = (&url[..], &kind[..], &events[..]);
            let added = webhooks::add(store, ws.id, endpoint, destination, clock.now_ms())
                .await
                .map_err(|e| match e {
                    CoreError::Invalid(field, message) => anyhow::anyhow!("--{field}: {message}"),
                    other => other.into(),
                })?;
            let (hook, secret) = (added.webhook, added.secret);
            println!("Webhook {} added: {} ({})", hook.id, hook.url, hook.kind);
            if let Some(secret) = secret {
                println!("Signing secret (shown once; verify webhook-signature with it):");
                println!("  {secret}");
            }
        }
        WebhookCommand::List { workspace } => {
            let ws = workspace_named(store, &workspace).await?;
            for h in store.list_webhooks(ws.id).await? {
                let events = if h.events.is_empty() {
                    "all events".to_owned()
                } else {
                    h.events.join(",")
                };
                let state = match (h.disabled_at, &h.disabled_reason) {
                    (Some(t), Some(why)) => format!("off since {} ({why})", rfc3339(t)),
                    (Some(t), None) => format!("off since {}", rfc3339(t)),
                    _ => "on".into(),
                };
                println!("{}  {}  {}  {events}  {state}", h.id, h.kind, h.url);
            }
        }
        WebhookCommand::Remove { workspace, id } => {
            let ws = workspace_named(store, &workspace).await?;
            webhooks::remove(store, (ws.id, id))
                .await
                .map_err(|e| match e {
                    CoreError::NotFound => anyhow::anyhow!("no webhook {id}"),
                    other => other.into(),
                })?;
            println!("Webhook {id} removed.");
        }
        WebhookCommand::Deliveries { workspace, id } => {
            let ws = workspace_named(store, &workspace).await?;
            let log = store
                .webhook_deliveries(ws.id, id, 100)
                .await?
                .ok_or_else(|| anyhow::anyhow!("no webhook {id}"))?;
            for d in log {
                let state = match (d.delivered_at, d.failed_at, d.next_attempt_at) {
                    (Some(t), _, _) => format!("delivered {}", rfc3339(t)),
                    (_, Some(t), _) => format!("failed {}", rfc3339(t)),
                    (_, _, Some(t)) => format!("next attempt {}", rfc3339(t)),
                    _ => "pending".into(),
                };
                let last = match (d.last_status, &d.last_error) {
                    (Some(s), _) => format!("HTTP {s}"),
                    (None, Some(e)) => e.clone(),
                    _ => "-".into(),
                };
                println!(
                    "{}  event {} {}  attempts {}  {last}  {state}",
                    d.id, d.event_id, d.event_type, d.attempts
                );
            }
        }
        WebhookCommand::Redeliver {
            workspace,
            id,
            delivery,
        } => {
            let ws = workspace_named(store, &workspace).await?;
            let again = webhooks::redeliver(store, (ws.id, id), delivery, clock.now_ms()).await;
            match again {
                Err(CoreError::NotFound) => anyhow::bail!("no delivery {delivery} of webhook {id}"),
                other => other?,
            }
            println!("Delivery {delivery} will be sent again by the running server.");
        }
    }
    Ok(())
}
