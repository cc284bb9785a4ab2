//! `porthole seed`: benchmark data, straight into the database.

use std::time::Instant;

use clap::Args;

use crate::clock::Clock;
use crate::store::{SeedPlan, Store};
use anyhow::Context;
use porthole_core::workspaces;

#[derive(Debug, Args)]
pub struct SeedArgs {
    /// The workspace to fill; made (allowing http://127.0.0.1) if it does not exist.
    #[arg(long)]
    workspace: String,
    #[arg(long, default_value_t = 1000)]
    tickets: i64,
    #[arg(long, default_value_t = 100)]
    contacts: i64,
    /// A known user, whose tickets are the newest.
    #[arg(long, default_value = "bench-user@example.com")]
    user_email: String,
    #[arg(long, default_value_t = 20)]
    user_tickets: i64,
}

pub async fn run(args: SeedArgs, store: &Store, clock: &Clock) -> anyhow::Result<()> {
    anyhow::ensure!(
        (0..=10_000_000).contains(&args.tickets) && (1..=1_000_000).contains(&args.contacts),
        "--tickets must be 0 to 10,000,000 and --contacts 1 to 1,000,000"
    );
    let user = porthole_core::EmailAddress::parse(&args.user_email).map_err(anyhow::Error::msg)?;
    let ws = match store.workspace_by_slug(&args.workspace).await? {
        Some(ws) => ws,
        None => {
            let name = format!("{} (seeded)", args.workspace);
            let origins = ["http://127.0.0.1".to_owned()];
            let opening = (&args.workspace[..], &name[..], &origins[..]);
            let opened =
                workspaces::create(store, opening, Default::default(), clock.now_ms()).await?;
            store
                .workspace_by_id(opened.id)
                .await?
                .context("the workspace just made")?
        }
    };
    let plan = SeedPlan {
        tickets: args.tickets,
        contacts: args.contacts,
        user_email: user.to_string(),
        user_tickets: args.user_tickets,
    };
    let started = Instant::now();
    store.seed(ws.id, &plan, clock.now_ms()).await?;
    println!(
        "Seeded {:?}: {} tickets for {} contacts, and {} for {}, in {:.1} s.",
        ws.slug,
        args.tickets,
        args.contacts,
        args.user_tickets,
        plan.user_email,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
