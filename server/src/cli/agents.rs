use clap::Subcommand;
use secrecy::ExposeSecret;

use super::{keys::parse_role, workspace_named, DEFAULT_PUBLIC_URL};
use crate::clock::Clock;
use crate::store::{KeyRole, Store};
use porthole_core::agents::{self, Invited};
use porthole_core::CoreError;

#[derive(Debug, Subcommand)]
pub enum AgentCommand {
    /// Invite someone to the console; prints the link to give them (valid 7 days, once).
    Invite {
        #[arg(long)]
        workspace: String,
        #[arg(long)]
        email: String,
        /// Shown to customers beside their replies [default: the email's name part]
        #[arg(long)]
        name: Option<String>,
        /// agent: works tickets and writes articles. admin: also settings, origins, the
        /// identity secret, webhooks, API keys and agents.
        #[arg(long, value_parser = parse_role, default_value = "agent")]
        role: KeyRole,
    },
    /// List a workspace's agents, invited ones included.
    List {
        #[arg(long)]
        workspace: String,
    },
}

pub async fn run(
    cmd: AgentCommand,
    store: &Store,
    clock: &Clock,
    public_url: Option<&str>,
) -> anyhow::Result<()> {
    match cmd {
        AgentCommand::Invite {
            workspace,
            email,
            name,
            role,
        } => {
            let ws = workspace_named(store, &workspace).await?;
            let whom = (&email[..], name.as_deref(), role);
            let Invited { email, token, .. } = agents::invite(store, ws.id, whom, clock.now_ms())
                .await
                .map_err(|err| match err {
                    CoreError::Invalid(field, m) => anyhow::anyhow!("--{field}: {m}"),
                    other => other.into(),
                })?;
            let base = public_url
                .unwrap_or(DEFAULT_PUBLIC_URL)
                .trim_end_matches('/');
            println!(
                "Invited {email} as {} of {:?}. Give them this link (valid 7 days, once):",
                role.as_str(),
                ws.slug
            );
            println!(
                "  {base}/console/invitation?t={}",
                token.secret.expose_secret()
            );
        }
        AgentCommand::List { workspace } => {
            let ws = workspace_named(store, &workspace).await?;
            for a in store.agents(ws.id).await? {
                let state = match (a.active, a.totp_on) {
                    (false, _) => "invited",
                    (true, true) => "active, two-step sign-in",
                    (true, false) => "active",
                };
                println!("{:<6} {:<30} {:<24} {state}", a.role, a.email, a.name);
            }
        }
    }
    Ok(())
}
