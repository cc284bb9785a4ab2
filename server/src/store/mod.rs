//! All SQL lives here, behind [`Store`]. Queries use `$n` placeholders, BIGINT millisecond
//! times and `RETURNING`, which SQLite and Postgres share, so a Postgres backend can follow
//! without touching handlers.

mod agents;
mod api_keys;
mod articles;
mod attachments;
mod avatars;
mod creation;
mod deflection;
mod escalation;
mod events;
mod group;
mod inbound;
mod mail;
mod participants;
mod portal;
mod ratings;
mod reports;
mod search;
mod seed;
mod sessions;
mod tickets;
mod wal_index;
mod webhooks;
mod workspaces;

use std::path::Path;
use std::str::FromStr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Sqlite, SqlitePool, Transaction};

pub use agents::{AgentAccount, Invitation, SignInRecord};
pub use api_keys::{ApiKey, ApiKeyInfo, KeyRole};
pub use articles::{Article, ArticleFields, ArticleKey, Readers};
pub use attachments::NewAttachment;
pub use avatars::avatar_path;
pub use creation::CREATIONS_PER_HOUR;
pub use deflection::DeflectionReport;
pub use events::{EventNote, EventScope, StoredEvent};
pub use inbound::ReplyTarget;
pub use mail::{DueMail, MailEvent, PlannedMail};
pub use participants::{AddedBy, Reach};
pub use portal::PageSession;
pub use ratings::{CsatReport, Rating};
pub use seed::SeedPlan;
pub use sessions::{participants_column, stored_participants, NewSession, SessionRow};
pub use tickets::{AgentFilter, AgentPage, AgentPost, NewTicket, Outcome, PageCursor, UserScope};
pub use webhooks::{Attempt, DeliveryInfo, DueDelivery, NewWebhook, WebhookInfo};
pub use workspaces::{NewWorkspace, Workspace};

/// Widget sessions kept in memory at most: a few megabytes.
const SESSIONS_KEPT: usize = 10_000;
const SESSIONS_BYTES: usize = 4 << 20;

#[derive(Clone)]
pub struct Store {
    pool: SqlitePool,
    writer: Writer,
    /// Where ticket creations queue to share a transaction (see `group`).
    groups: group::Groups,
    /// Counts this process's changes to allowed origins, so caches of them know to refetch.
    origins_version: Arc<AtomicU64>,
    /// Counts this process's revocations of sessions and API keys, so open streams check
    /// their credential again at once.
    revocations: Arc<tokio::sync::watch::Sender<u64>>,
    /// Widget sessions by token hash: every widget call looks its session up.
    sessions: Arc<crate::recent::Recent<String, SessionRow>>,
    /// Tells when another process commits; without it, nothing is cached.
    wal_index: Option<Arc<wal_index::WalIndex>>,
}

/// What writing takes: the connection, the queue for it and what is told once a write is done.
#[derive(Clone)]
struct Writer {
    /// The one connection write transactions use, so a writer never waits behind readers for
    /// a connection while it holds the turn to write.
    pool: SqlitePool,
    /// This process's writers' queue for the write lock (see `write_tx`).
    lock: Arc<tokio::sync::Mutex<()>>,
    /// Counts this process's writes, each counted once it has committed, so caches of what
    /// was read know when to read again.
    writes_done: Arc<AtomicU64>,
    /// Woken after each write transaction commits, so events reach subscribers at once.
    commits: Arc<tokio::sync::Notify>,
}

impl Writer {
    /// This process's turn to write (see `Store::write_tx`).
    async fn turn(&self) -> Turn {
        Turn {
            _guard: self.lock.clone().lock_owned().await,
            writes_done: self.writes_done.clone(),
        }
    }
}

/// This process's turn to write (see `Store::write_tx`). Let go once the write is done, and
/// counted then, after the commit.
struct Turn {
    _guard: tokio::sync::OwnedMutexGuard<()>,
    writes_done: Arc<AtomicU64>,
}

impl Drop for Turn {
    fn drop(&mut self) {
        self.writes_done.fetch_add(1, Ordering::AcqRel);
    }
}

/// A write transaction holding this process's turn to write until it commits or rolls back.
struct WriteTx {
    // Dropped before the turn (fields drop in order), so the write is counted after it ends.
    tx: Transaction<'static, Sqlite>,
    _turn: Turn,
    commits: Arc<tokio::sync::Notify>,
}

impl WriteTx {
    async fn commit(mut self) -> sqlx::Result<()> {
        search::index_pending(&mut self.tx).await?;
        self.tx.commit().await?;
        self.commits.notify_one();
        Ok(())
    }

    async fn rollback(self) -> sqlx::Result<()> {
        self.tx.rollback().await
    }
}

impl std::ops::Deref for WriteTx {
    type Target = sqlx::SqliteConnection;

    fn deref(&self) -> &Self::Target {
        &self.tx
    }
}

impl std::ops::DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.tx
    }
}

impl Store {
    /// Opens (creating if needed) the SQLite file in WAL mode and applies pending migrations.
    pub async fn open(path: &Path) -> anyhow::Result<Self> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("creating directory {}", dir.display()))?;
        }
        let options = SqliteConnectOptions::from_str("sqlite:")?
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5));
        // A connection to a local file does not go stale, so it is not pinged before each use:
        // with SQLite, a ping is a round trip to the connection's thread, like a query.
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .test_before_acquire(false)
            .connect_with(options.clone())
            .await
            .with_context(|| format!("opening database {}", path.display()))?;
        // Never closed while the server runs: SQLite deletes the WAL index when its last
        // connection closes, and `wal_index` reads the file this connection keeps.
        let writes = SqlitePoolOptions::new()
            .max_connections(1)
            .test_before_acquire(false)
            .min_connections(1)
            .max_lifetime(None)
            .idle_timeout(None)
            .connect_with(options)
            .await
            .with_context(|| format!("opening database {}", path.display()))?;
        sqlx::migrate!("./migrations/sqlite")
            .run(&pool)
            .await
            .context("applying migrations")?;
        let writer = Writer {
            pool: writes,
            lock: Arc::default(),
            writes_done: Arc::default(),
            commits: Arc::default(),
        };
        let store = Self {
            pool,
            groups: group::Groups::start(writer.clone()),
            writer,
            origins_version: Arc::default(),
            revocations: Arc::new(tokio::sync::watch::channel(0).0),
            sessions: Arc::new(crate::recent::Recent::new(SESSIONS_KEPT, SESSIONS_BYTES)),
            wal_index: wal_index::WalIndex::open(path).map(Arc::new),
        };
        store.optimize().await.context("gathering statistics")?;
        Ok(store)
    }

    /// Lets SQLite refresh the planner's statistics where they are missing or stale, so that
    /// queries keep choosing their indexes as tables grow. Cheap when nothing changed; bounded
    /// by `analysis_limit` when something did. Run at start-up and hourly (`startup`).
    pub async fn optimize(&self) -> sqlx::Result<()> {
        let mut conn = self.pool.acquire().await?;
        sqlx::query("PRAGMA analysis_limit = 1000")
            .execute(&mut *conn)
            .await?;
        sqlx::query("PRAGMA optimize = 0x10002")
            .execute(&mut *conn)
            .await?;
        Ok(())
    }

    /// Merges the search index's segments until none are left to merge (two at a time; see
    /// the `search_compaction` migration), a few pages per step. Each step takes the turn to
    /// write for a few milliseconds (at most about 30 at a million tickets), so writers wait
    /// on it no longer than on another writer. Run at start-up, hourly and after seeding.
    pub async fn compact_search(&self) -> sqlx::Result<()> {
        loop {
            let _turn = self.turn().await;
            // FTS5 reports that a merge did work by more than one change (the command itself
            // counts as one).
            let changes: Vec<i64> = sqlx::query_scalar(
                "SELECT total_changes(); \
                 INSERT INTO ticket_text (ticket_text, rank) VALUES ('merge', 32); \
                 SELECT total_changes()",
            )
            .fetch_all(&self.writer.pool)
            .await?;
            match changes[..] {
                [before, after] if after - before >= 2 => {}
                _ => return Ok(()),
            }
        }
    }

    /// A transaction that takes the write lock up front. SQLite cannot upgrade a read
    /// transaction to a write once another writer has committed, so every transaction that
    /// writes starts as a writer.
    ///
    /// Writers queue for SQLite's single write lock here, first come first served, instead of
    /// in SQLite's busy handler, which sleeps and retries: under load that made a few writes
    /// wait up to a second while others went ahead.
    async fn write_tx(&self) -> sqlx::Result<WriteTx> {
        let turn = self.turn().await;
        let tx = self.writer.pool.begin_with("BEGIN IMMEDIATE").await?;
        Ok(WriteTx {
            tx,
            _turn: turn,
            commits: self.writer.commits.clone(),
        })
    }

    /// This process's turn to write, for a single statement outside a transaction (see
    /// `write_tx`).
    async fn turn(&self) -> Turn {
        self.writer.turn().await
    }

    /// Changes after each write committed, by this process or another. A value read from
    /// the database while this was unchanged is still what the database holds. `None` when
    /// that cannot be told: then nothing may be served from memory.
    pub fn data_version(&self) -> Option<u64> {
        let local = self.writer.writes_done.load(Ordering::Acquire);
        self.wal_index.as_ref()?.version(local)
    }

    /// Wakes its one waiter after a write transaction of this process commits.
    pub fn commits(&self) -> Arc<tokio::sync::Notify> {
        self.writer.commits.clone()
    }

    /// Changes whenever this process revokes a session or an API key.
    pub fn revocations(&self) -> tokio::sync::watch::Receiver<u64> {
        self.revocations.subscribe()
    }

    fn revoked(&self) {
        self.revocations.send_modify(|n| *n += 1);
    }

    /// Changes with every change this process makes to any workspace's allowed origins.
    pub fn origins_version(&self) -> u64 {
        self.origins_version.load(Ordering::Acquire)
    }

    fn origins_changed(&self) {
        self.origins_version.fetch_add(1, Ordering::AcqRel);
    }

    pub async fn close(&self) {
        self.writer.pool.close().await;
        self.pool.close().await;
    }
}

/// Reads back an enum stored by its wire name. A value we did not write is corruption, not
/// bad input, hence an internal error.
fn decode<T>(parse: fn(&str) -> Option<T>, raw: &str) -> anyhow::Result<T> {
    parse(raw).with_context(|| format!("unexpected stored value {raw:?}"))
}

impl Store {
    /// Connections the pool holds open, and how many of them are idle.
    pub fn pool_use(&self) -> (u32, usize) {
        (self.pool.size(), self.pool.num_idle())
    }

    pub async fn ping(&self) -> sqlx::Result<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await.map(drop)
    }
}
