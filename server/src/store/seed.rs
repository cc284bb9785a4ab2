//! Bulk data for benchmarks: a workspace with many contacts, tickets and messages, written in
//! large multi-row inserts inside one transaction, far faster than the API. The text is made of
//! support-desk words, with a few rare ones so that searches for a rare word have something to
//! find. Deterministic: the same plan gives the same data.

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sqlx::{QueryBuilder, Sqlite};

use super::Store;
use porthole_core::sentiment;

/// What to make.
pub struct SeedPlan {
    pub tickets: i64,
    pub contacts: i64,
    /// A known user, with `user_tickets` of the tickets, to measure a user's list against.
    pub user_email: String,
    pub user_tickets: i64,
}

/// Rows per INSERT: SQLite allows 32,766 bound values, and the widest row here binds 12.
const CHUNK: usize = 500;
const YEAR_MS: i64 = 365 * 86_400_000;

const WORDS: &[&str] = &[
    "invoice",
    "export",
    "login",
    "password",
    "billing",
    "refund",
    "error",
    "page",
    "slow",
    "report",
    "account",
    "email",
    "team",
    "upload",
    "file",
    "dashboard",
    "payment",
    "card",
    "plan",
    "upgrade",
    "cancel",
    "order",
    "shipping",
    "address",
    "settings",
    "access",
    "permission",
    "sync",
    "mobile",
    "app",
    "crash",
    "timeout",
    "search",
    "filter",
    "chart",
    "data",
    "import",
    "csv",
    "integration",
    "api",
    "webhook",
    "token",
    "session",
    "browser",
    "notification",
    "calendar",
    "invite",
    "user",
    "admin",
    "workspace",
    "project",
    "task",
    "deadline",
    "comment",
    "attachment",
    "download",
    "print",
    "language",
    "timezone",
    "theme",
];
const OPENINGS: &[&str] = &[
    "Hi, I have a problem with",
    "Hello, since yesterday",
    "Quick question about",
    "We cannot get",
    "Could you help with",
    "Urgent:",
];
/// How many tickets name a rare word, whatever the size, so that a search for it finds as
/// much in a small database as in a large one (the benchmark searches for it).
const RARE_TICKETS: i64 = 20;

const STATUSES: &[&str] = &["open", "in_progress", "waiting", "resolved", "closed"];
const PRIORITIES: &[&str] = &["low", "medium", "high", "urgent"];

fn sentence(rng: &mut StdRng, words: usize) -> String {
    let mut text = OPENINGS[rng.gen_range(0..OPENINGS.len())].to_owned();
    for _ in 0..words {
        text.push(' ');
        text.push_str(WORDS[rng.gen_range(0..WORDS.len())]);
    }
    text
}

impl Store {
    /// Adds the plan's contacts, tickets (the known user's last, so they are the newest) and
    /// messages to the workspace, numbering tickets on from its last reference.
    pub async fn seed(
        &self,
        workspace_id: i64,
        plan: &SeedPlan,
        now_ms: i64,
    ) -> anyhow::Result<()> {
        let mut rng = StdRng::seed_from_u64(42);
        let mut tx = self.write_tx().await?;
        let first_contact: i64 =
            sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) + 1 FROM contacts")
                .fetch_one(&mut *tx)
                .await?;
        let emails: Vec<String> = (0..plan.contacts)
            .map(|i| format!("customer{i}@seed.example"))
            .chain(std::iter::once(plan.user_email.clone()))
            .collect();
        for chunk in emails.chunks(CHUNK) {
            let mut insert: QueryBuilder<Sqlite> =
                QueryBuilder::new("INSERT INTO contacts (workspace_id, email, name, created_at) ");
            insert.push_values(chunk, |mut row, email| {
                row.push_bind(workspace_id)
                    .push_bind(email)
                    .push_bind(None::<String>)
                    .push_bind(now_ms - YEAR_MS);
            });
            insert.build().execute(&mut *tx).await?;
        }
        let user_contact = first_contact + plan.contacts;
        let first_number: i64 =
            sqlx::query_scalar("SELECT ticket_seq + 1 FROM workspaces WHERE id = $1")
                .bind(workspace_id)
                .fetch_one(&mut *tx)
                .await?;
        let first_ticket: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) + 1 FROM tickets")
            .fetch_one(&mut *tx)
            .await?;
        let total = plan.tickets + plan.user_tickets;
        for start in (0..total).step_by(CHUNK) {
            let end = (start + CHUNK as i64).min(total);
            let rows: Vec<_> = (start..end)
                .map(|i| {
                    let contact = if i >= plan.tickets {
                        user_contact
                    } else {
                        first_contact + rng.gen_range(0..plan.contacts.max(1))
                    };
                    // Spread over the past year, oldest first, so ids follow time.
                    let at = now_ms - YEAR_MS + YEAR_MS * i / total.max(1);
                    let subject = sentence(&mut rng, 4);
                    // Each ticket opens with a description from its customer.
                    let mut body = sentence(&mut rng, 18);
                    if i < plan.tickets && i % (plan.tickets / RARE_TICKETS).max(1) == 0 {
                        body.push_str(" zyzzogeton");
                    }
                    // Scored, as the API scores a new ticket, so the list by sentiment has
                    // every ticket to page through.
                    let mood = sentiment::score(&subject, Some(&body));
                    (
                        (first_ticket + i, first_number + i, contact, subject, mood),
                        STATUSES[rng.gen_range(0..STATUSES.len())],
                        PRIORITIES[rng.gen_range(0..PRIORITIES.len())],
                        at,
                        body,
                    )
                })
                .collect();
            let mut tickets: QueryBuilder<Sqlite> = QueryBuilder::new(
                "INSERT INTO tickets (id, workspace_id, number, contact_id, subject, sentiment, \
                 status, priority, channel, created_at, updated_at, public_activity_at) ",
            );
            tickets.push_values(&rows, |mut row, (t, status, priority, at, _)| {
                row.push_bind(t.0)
                    .push_bind(workspace_id)
                    .push_bind(t.1)
                    .push_bind(t.2)
                    .push_bind(&t.3)
                    .push_bind(t.4)
                    .push_bind(*status)
                    .push_bind(*priority)
                    .push_bind("widget")
                    .push_bind(*at)
                    .push_bind(*at)
                    .push_bind(*at);
            });
            tickets.build().execute(&mut *tx).await?;
            let bodies: Vec<_> = rows
                .iter()
                .map(|(t, _, _, at, body)| {
                    // Rendered, as a customer's message is when the API writes it.
                    let html = porthole_core::links::to_html(body);
                    (t.0, body, html, *at)
                })
                .collect();
            let mut messages: QueryBuilder<Sqlite> = QueryBuilder::new(
                "INSERT INTO messages (ticket_id, author, body, html, internal, created_at) ",
            );
            messages.push_values(&bodies, |mut row, m| {
                row.push_bind(m.0)
                    .push_bind("user")
                    .push_bind(m.1)
                    .push_bind(&m.2)
                    .push_bind(false)
                    .push_bind(m.3);
            });
            messages.build().execute(&mut *tx).await?;
            // A chunk at a time, so the text waiting to be indexed stays a chunk's worth.
            super::search::index_pending(&mut tx).await?;
        }
        sqlx::query("UPDATE workspaces SET ticket_seq = ticket_seq + $1 WHERE id = $2")
            .bind(total)
            .bind(workspace_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        self.optimize().await?;
        self.compact_search().await?;
        // Leave the database as a running server keeps it, its pages in the main file. Left
        // in the WAL (hundreds of megabytes after a large seed), every read would look pages
        // up there, and the first write of the next server would copy it all back while a
        // request waited on it.
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(&self.writer.pool)
            .await?;
        Ok(())
    }
}
