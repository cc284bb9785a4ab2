//! The demo: a workspace with two users, a fresh agent key, and the commands to try it.

use secrecy::ExposeSecret;

use crate::clock::Clock;
use crate::domain::{Origin, Slug};
use crate::store::{NewWorkspace, Store};

const SLUG: &str = "demo";
/// The demo host page is served here, a different origin from Porthole itself.
pub const HOST_ORIGINS: [&str; 2] = ["http://127.0.0.1:8081", "http://localhost:8081"];
const AGENT_NAME: &str = "Demo agent";

pub async fn prepare(store: &Store, clock: &Clock, public_url: &str) -> anyhow::Result<()> {
    let now = clock.now_ms();
    let ws = match store.workspace_by_slug(SLUG).await? {
        Some(ws) => ws,
        None => {
            let new = NewWorkspace {
                slug: Slug::parse(SLUG).map_err(anyhow::Error::msg)?,
                name: "Demo Inc".into(),
                origins: HOST_ORIGINS
                    .iter()
                    .map(|o| Origin::parse(o))
                    .collect::<Result<_, _>>()
                    .map_err(anyhow::Error::msg)?,
                require_timestamp: false,
                timestamp_window_secs: 300,
            };
            store.create_workspace(new, now).await?.0
        }
    };
    // A new key each start, so the one printed is always usable; older demo keys are retired.
    for old in store.list_api_keys(ws.id).await? {
        if old.name == AGENT_NAME && old.revoked_at.is_none() {
            store.revoke_api_key(ws.id, old.id, now).await?;
        }
    }
    let key = store.create_api_key(ws.id, AGENT_NAME, now).await?;
    let key = key.expose_secret();
    let host = HOST_ORIGINS[0];
    let alice = ws.sign("alice@example.com", None);
    let api = format!("{public_url}/api/v1");
    println!(
        r#"
Porthole demo is running at {public_url}
Workspace "demo" allows the host origins {origins}.

Walk a ticket's life with curl:

  # 1. Alice's host backend signed her email; exchange it for a session.
  TOKEN=$(curl -s -X POST {api}/widget/demo/session -H 'Origin: {host}' \
    -H 'Content-Type: application/json' \
    -d '{{"email":"alice@example.com","name":"Alice","verification_hash":"{alice}"}}' \
    | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')

  # 2. Open a ticket, and list hers.
  curl -s -X POST {api}/widget/demo/tickets -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' -d '{{"subject":"Cannot export my invoices"}}'
  curl -s {api}/widget/demo/tickets -H "Authorization: Bearer $TOKEN"

  # 3. An agent replies (API key below, or `porthole ticket reply --workspace demo TKT-0001 "..."`).
  curl -s -X POST {api}/agent/tickets/TKT-0001/messages -H 'Authorization: Bearer {key}' \
    -H 'Content-Type: application/json' -d '{{"body":"Fixed, please try again.","status":"waiting"}}'

  # 4. Alice replies, which reopens it; the agent resolves it.
  curl -s -X POST {api}/widget/demo/tickets/TKT-0001/messages -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' -d '{{"body":"Works now, thanks!"}}'
  curl -s -X PATCH {api}/agent/tickets/TKT-0001 -H 'Authorization: Bearer {key}' \
    -H 'Content-Type: application/json' -d '{{"status":"resolved"}}'

Agent API key (new each start): {key}
Sign other demo emails with: porthole --database porthole-demo.db sign --workspace demo --email bob@example.com
"#,
        origins = HOST_ORIGINS.join(" and "),
    );
    Ok(())
}
