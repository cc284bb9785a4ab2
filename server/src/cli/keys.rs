use clap::Subcommand;
use secrecy::ExposeSecret;

use super::workspace_named;
use crate::clock::{rfc3339, Clock};
use crate::store::{KeyRole, Store};
use porthole_core::{keys, CoreError};

#[derive(Debug, Subcommand)]
pub enum KeyCommand {
    /// Create an agent API key; printed once.
    Create {
        #[arg(long)]
        workspace: String,
        /// Whose key this is; signs replies made with it.
        #[arg(long)]
        name: String,
        /// agent: tickets, articles and reports. admin: also settings, allowed origins, the
        /// identity secret and webhooks.
        #[arg(long, value_parser = parse_role, default_value = "agent")]
        role: KeyRole,
    },
    /// List a workspace's keys (never the keys themselves).
    List {
        #[arg(long)]
        workspace: String,
    },
    /// Revoke a key by its id, at once.
    Revoke {
        #[arg(long)]
        workspace: String,
        id: i64,
    },
}

pub async fn run(cmd: KeyCommand, store: &Store, clock: &Clock) -> anyhow::Result<()> {
    match cmd {
        KeyCommand::Create {
            workspace,
            name,
            role,
        } => {
            let ws = workspace_named(store, &workspace).await?;
            let whose = (&name[..], Some(role.as_str()));
            let made = keys::create(store, ws.id, whose, clock.now_ms())
                .await
                .map_err(|e| match e {
                    CoreError::Invalid(field, m) => anyhow::anyhow!("--{field}: {m}"),
                    other => other.into(),
                })?;
            let (key, name, role) = (made.key, made.name, made.role.as_str());
            println!(
                "API key for {name:?} ({role}) in {:?} (shown once):",
                ws.slug
            );
            println!("  {}", key.expose_secret());
        }
        KeyCommand::List { workspace } => {
            let ws = workspace_named(store, &workspace).await?;
            for k in store.list_api_keys(ws.id).await? {
                let state = match k.revoked_at {
                    Some(t) => format!("revoked {}", rfc3339(t)),
                    None => match k.last_used_at {
                        Some(t) => format!("last used {}", rfc3339(t)),
                        None => "never used".into(),
                    },
                };
                println!(
                    "{:>4}  {}…  {:<24} {:<5}  created {}  {state}",
                    k.id,
                    k.hint,
                    k.name,
                    k.role,
                    rfc3339(k.created_at)
                );
            }
        }
        KeyCommand::Revoke { workspace, id } => {
            let ws = workspace_named(store, &workspace).await?;
            keys::revoke(store, (ws.id, id), clock.now_ms())
                .await
                .map_err(|e| match e {
                    CoreError::NotFound => anyhow::anyhow!("no live key {id} in {:?}", ws.slug),
                    other => other.into(),
                })?;
            println!("Revoked key {id}.");
        }
    }
    Ok(())
}

pub(super) fn parse_role(raw: &str) -> Result<KeyRole, String> {
    KeyRole::parse(raw).ok_or_else(|| "expected admin or agent".into())
}
