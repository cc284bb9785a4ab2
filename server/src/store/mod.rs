//! All SQL lives here, behind [`Store`], on SQLite. Most queries go through sqlx; the writes to
//! tickets (`group`) and the hottest reads (`readers`) run on rusqlite connections of their
//! own, which link the same SQLite, because each statement through sqlx is a round trip to
//! another thread. Times are BIGINT milliseconds. The cache's change tracking (`changes`) uses
//! temporary triggers and the WAL index's change counter.

mod agents;
mod api_keys;
mod articles;
mod attachments;
mod changes;
mod creation;
mod deflection;
mod error;
mod escalation;
mod events;
mod group;
mod inbound;
mod mail;
mod participants;
mod portal;
mod profiles;
mod ratings;
mod readers;
mod reports;
mod search;
mod seed;
mod sessions;
mod ticket_writes;
mod tickets;
mod wal_index;
mod webhooks;
mod workspaces;

use std::hash::{Hash, Hasher};
use std::path::Path;
use std::str::FromStr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Sqlite, SqlitePool, Transaction};

pub use agents::AgentAccount;
pub use api_keys::{ApiKey, ApiKeyInfo, KeyRole};
pub use articles::{ArticleKey, Readers};
pub use attachments::{customer_owner, NewAttachment, AGENT_OWNER};
pub use creation::CREATIONS_PER_HOUR;
pub use deflection::DeflectionReport;
pub use error::{StoreError, StoreResult};
pub use events::{EventNote, EventScope, StoredEvent};
pub use inbound::ReplyTarget;
pub use mail::{DueMail, MailEvent, NotSentThen, PlannedMail, UndeliveredMail};
pub use participants::{AddedBy, Reach};
pub use portal::PageSession;
pub use profiles::avatar_path;
pub use ratings::CsatReport;
pub use seed::SeedPlan;
pub use sessions::{participants_column, stored_participants, SessionRow};
pub use tickets::{AgentFilter, AgentPage, PageCursor, UserScope};
pub use webhooks::{Attempt, DeliveryInfo, DueDelivery};
pub use workspaces::Workspace;

/// Below this much free space on the database's disk, the server says it is not ready: a
/// commit may need several pages of WAL, and a checkpoint more.
const MIN_FREE_BYTES: u64 = 4 << 20;

/// Revocations a slow stream may fall behind by before it checks its credential anyway.
const REVOCATIONS_KEPT: usize = 64;

/// What a revocation may have ended, so that only the streams it concerns look again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Revoked {
    /// One credential, by its token's hash.
    Credential(String),
    /// Any credential of this workspace (its origins changed, an agent or a key went).
    Workspace(i64),
}

/// Widget sessions kept in memory at most: a few megabytes.
const SESSIONS_KEPT: usize = 10_000;
const SESSIONS_BYTES: usize = 4 << 20;

#[derive(Clone)]
pub struct Store {
    pool: SqlitePool,
    /// Where the widget's session and list of tickets are read (see `readers`).
    readers: Arc<readers::Readers>,
    writer: Writer,
    /// Where writes to tickets queue to share a transaction, on a thread of their own (see
    /// `group`).
    groups: group::Groups,
    /// Counts this process's changes to allowed origins, so caches of them know to refetch.
    origins_version: Arc<AtomicU64>,
    /// Tells open streams of this process's revocations of sessions and API keys, so those
    /// concerned check their credential again at once, and only those.
    revocations: tokio::sync::broadcast::Sender<Revoked>,
    /// Counts them, so caches of sessions know to read again.
    revocations_done: Arc<AtomicU64>,
    /// Widget sessions by token hash: every widget call looks its session up.
    sessions: Arc<crate::recent::Recent<String, SessionRow>>,
    /// The directory that holds the database, whose free space readiness reports.
    dir: Arc<std::path::PathBuf>,
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
    /// Why the last commit failed, if it failed because the database could not be written;
    /// cleared by the next commit that succeeds.
    fault: Arc<std::sync::Mutex<Option<String>>>,
    /// What each commit made stale; without it (no WAL index to read), nothing is kept.
    changes: Option<Arc<changes::Changes>>,
}

impl Writer {
    /// This process's turn to write (see `Store::write_tx`).
    async fn turn(&self) -> Turn {
        Turn {
            _guard: self.lock.clone().lock_owned().await,
            writes_done: self.writes_done.clone(),
            changes: self.changes.clone(),
        }
    }

    /// The same, for the thread that runs the groups of writes (`group`), which is not the
    /// runtime's and may block.
    fn turn_here(&self) -> Turn {
        Turn {
            _guard: self.lock.clone().blocking_lock_owned(),
            writes_done: self.writes_done.clone(),
            changes: self.changes.clone(),
        }
    }

    /// Begins a write transaction on the writer's connection; the caller holds the turn.
    ///
    /// A `COMMIT` that fails because the disk is full (or failing) is rolled back by SQLite,
    /// but sqlx still counts the transaction as open, so every later `BEGIN` on that
    /// connection would be refused until a restart. Then the connection is replaced and the
    /// write goes ahead: writing recovers by itself once the disk has room again.
    async fn begin(&self) -> sqlx::Result<Begun> {
        let tx = match self.pool.begin_with("BEGIN IMMEDIATE").await {
            Err(sqlx::Error::InvalidSavePointStatement) => {
                tracing::warn!(
                    "the writer's connection lost track of a failed commit; replacing it"
                );
                self.replace_connection().await?;
                self.pool.begin_with("BEGIN IMMEDIATE").await
            }
            begun => begun,
        }?;
        let before = self.changes.as_ref().and_then(|c| c.before());
        Ok(Begun { tx, before })
    }

    /// Indexes the transaction's text, collects what it made stale, commits it and then
    /// accounts for it. The caller holds the turn, and notes a failure (`committed`).
    async fn commit(&self, mut begun: Begun) -> sqlx::Result<()> {
        search::index_pending(&mut begun.tx).await?;
        let touched = changes::collect(&mut begun.tx).await?;
        begun.tx.commit().await?;
        if let Some(changes) = &self.changes {
            changes.committed(begun.before, &touched);
        }
        Ok(())
    }

    /// Swaps the writer's connection for a fresh one. The fresh one opens before the old one
    /// closes, so the file always has a connection open and SQLite keeps the WAL index that
    /// the change detector reads (`wal_index`).
    async fn replace_connection(&self) -> sqlx::Result<()> {
        let old = self.pool.acquire().await?.detach();
        drop(self.pool.acquire().await?);
        if let Err(err) = sqlx::Connection::close(old).await {
            tracing::debug!(error = %err, "closing the writer's old connection failed");
        }
        Ok(())
    }

    /// Why the last commit failed, if the database could not be written.
    fn fault(&self) -> Option<String> {
        self.fault.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Notes how the last commit went, for the readiness check.
    fn committed<T>(&self, result: sqlx::Result<T>) -> sqlx::Result<T> {
        let mut fault = self.fault.lock().unwrap_or_else(|e| e.into_inner());
        match &result {
            Ok(_) => *fault = None,
            Err(err) if is_storage_fault(err) => *fault = Some(err.to_string()),
            Err(_) => {}
        }
        result
    }
}

/// Whether an error means the database cannot be written now (its disk is full or failing,
/// its file system read-only): nothing was written, and trying again later can work.
pub fn is_storage_fault(err: &sqlx::Error) -> bool {
    // SQLite's primary result codes: SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL.
    const READONLY: i32 = 8;
    const IOERR: i32 = 10;
    const FULL: i32 = 13;
    match err {
        sqlx::Error::Database(db) => db
            .code()
            .and_then(|code| code.parse::<i32>().ok())
            .is_some_and(|code| matches!(code & 0xff, READONLY | IOERR | FULL)),
        sqlx::Error::Io(_) => true,
        _ => false,
    }
}

/// This process's turn to write (see `Store::write_tx`). Let go once the write is done, and
/// counted then, after the commit; a commit made in it without a write transaction makes
/// every answer kept in memory stale then (see `changes`).
struct Turn {
    _guard: tokio::sync::OwnedMutexGuard<()>,
    writes_done: Arc<AtomicU64>,
    changes: Option<Arc<changes::Changes>>,
}

impl Drop for Turn {
    fn drop(&mut self) {
        if let Some(changes) = &self.changes {
            changes.settle();
        }
        self.writes_done.fetch_add(1, Ordering::AcqRel);
    }
}

/// A write transaction begun on the writer's connection, and the WAL index's header then.
struct Begun {
    tx: Transaction<'static, Sqlite>,
    before: Option<wal_index::Header>,
}

/// A write transaction holding this process's turn to write until it commits or rolls back.
struct WriteTx {
    // Dropped before the turn (fields drop in order), so the write is counted after it ends.
    begun: Begun,
    _turn: Turn,
    writer: Writer,
}

impl WriteTx {
    async fn commit(self) -> sqlx::Result<()> {
        let writer = self.writer;
        writer.committed(writer.commit(self.begun).await)?;
        writer.commits.notify_one();
        Ok(())
    }

    async fn rollback(self) -> sqlx::Result<()> {
        self.begun.tx.rollback().await
    }
}

impl std::ops::Deref for WriteTx {
    type Target = sqlx::SqliteConnection;

    fn deref(&self) -> &Self::Target {
        &self.begun.tx
    }
}

impl std::ops::DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.begun.tx
    }
}

impl Store {
    /// Opens (creating if needed) the SQLite file in WAL mode and applies pending migrations.
    ///
    /// `synchronous=FULL`: each commit reaches the disk (fsync of the WAL) before its request
    /// is answered, so a power cut loses nothing acknowledged. Group commit shares that sync
    /// among the writes of a group.
    pub async fn open(path: &Path) -> anyhow::Result<Self> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("creating directory {}", dir.display()))?;
        }
        let options = SqliteConnectOptions::from_str("sqlite:")?
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
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
        sqlx::migrate!("./migrations/sqlite")
            .run(&pool)
            .await
            .context("applying migrations")?;
        // Never closed while the server runs: SQLite deletes the WAL index when its last
        // connection closes, and `wal_index` reads the file this connection keeps. Opened
        // after the migrations, since its triggers watch their tables (see `changes`).
        let writes = SqlitePoolOptions::new()
            .max_connections(1)
            .test_before_acquire(false)
            .min_connections(1)
            .max_lifetime(None)
            .idle_timeout(None)
            .after_connect(|conn, _| Box::pin(changes::watch(conn)))
            .connect_with(options)
            .await
            .with_context(|| format!("opening database {}", path.display()))?;
        let writer = Writer {
            pool: writes,
            lock: Arc::default(),
            writes_done: Arc::default(),
            commits: Arc::default(),
            fault: Arc::default(),
            changes: changes::Changes::open(path).map(Arc::new),
        };
        let store = Self {
            pool,
            readers: Arc::new(readers::Readers::new(path)),
            groups: group::Groups::start(path, writer.clone())?,
            writer,
            origins_version: Arc::default(),
            revocations: tokio::sync::broadcast::channel(REVOCATIONS_KEPT).0,
            revocations_done: Arc::default(),
            sessions: Arc::new(crate::recent::Recent::new(
                SESSIONS_KEPT,
                SESSIONS_BYTES,
                crate::recent::TRACKED_FRESH_FOR,
            )),
            dir: Arc::new(
                path.parent()
                    .filter(|d| !d.as_os_str().is_empty())
                    .unwrap_or(Path::new("."))
                    .to_owned(),
            ),
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
        let begun = self.writer.begin().await?;
        Ok(WriteTx {
            begun,
            _turn: turn,
            writer: self.writer.clone(),
        })
    }

    /// This process's turn to write, for a single statement outside a transaction (see
    /// `write_tx`).
    async fn turn(&self) -> Turn {
        self.writer.turn().await
    }

    /// Runs one statement that changes one thing, in this process's turn to write: not found
    /// when it touched no row (the thing is not there, or not the caller's).
    async fn change_one<'q>(
        &self,
        statement: sqlx::query::Query<'q, Sqlite, sqlx::sqlite::SqliteArguments<'q>>,
    ) -> porthole_core::CoreResult<()> {
        let _turn = self.turn().await;
        let done = statement
            .execute(&self.pool)
            .await
            .map_err(StoreError::from)?;
        match done.rows_affected() {
            0 => Err(porthole_core::CoreError::NotFound),
            _ => Ok(()),
        }
    }

    /// Changes after each commit that may have changed the user's ticket lists, by this
    /// process or another (see `changes`). A list read from the database while this was
    /// unchanged is still what the database holds. `None` when that cannot be told: then
    /// nothing may be served from memory.
    pub fn lists_version(&self, workspace_id: i64, email: &str) -> Option<u64> {
        let changes = self.writer.changes.as_ref()?;
        changes.of_user(&self.writer.lock, workspace_id, email)
    }

    /// Wakes its one waiter after a write transaction of this process commits.
    pub fn commits(&self) -> Arc<tokio::sync::Notify> {
        self.writer.commits.clone()
    }

    /// What this process revokes, as it does.
    pub fn revocations(&self) -> tokio::sync::broadcast::Receiver<Revoked> {
        self.revocations.subscribe()
    }

    fn revoked(&self, what: Revoked) {
        // Counted before streams hear of it, so what they read again is not a cached copy.
        self.revocations_done.fetch_add(1, Ordering::AcqRel);
        // No receiver (no stream open) is not an error.
        let _ = self.revocations.send(what);
    }

    /// How many revocations this process has made.
    fn revocations_done(&self) -> u64 {
        self.revocations_done.load(Ordering::Acquire)
    }

    /// The version of every kept session: what `changes` tracks, and this process's
    /// revocations and changes of origins, counted as they return (before the turn to write
    /// that made them is over).
    fn sessions_version(&self) -> Option<u64> {
        let changes = self.writer.changes.as_ref()?;
        let tracked = changes.of_sessions(&self.writer.lock)?;
        let mut hasher = std::hash::DefaultHasher::new();
        (tracked, self.revocations_done(), self.origins_version()).hash(&mut hasher);
        Some(hasher.finish())
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

    /// Whether the store can serve: it reads, its disk has room to write, and writing works.
    /// `Err` says why not, in words for an operator. Writing is tried only after a commit
    /// failed for want of disk, and then at each call until one succeeds.
    pub async fn readiness(&self, now_ms: i64) -> Result<(), String> {
        sqlx::query("SELECT 1")
            .execute(&self.pool)
            .await
            .map_err(|_| "the database cannot be read".to_owned())?;
        if let Some(free) = self.free_bytes() {
            if free < MIN_FREE_BYTES {
                return Err(format!(
                    "the database's disk has {} KiB free; writing needs at least {} KiB",
                    free / 1024,
                    MIN_FREE_BYTES / 1024
                ));
            }
        }
        if self.writer.fault().is_some() {
            self.probe_write(now_ms)
                .await
                .map_err(|err| format!("the database cannot be written: {err}"))?;
        }
        Ok(())
    }

    /// Writes and commits one row; a success clears the writer's fault.
    async fn probe_write(&self, now_ms: i64) -> sqlx::Result<()> {
        let mut tx = self.write_tx().await?;
        sqlx::query(
            "INSERT INTO write_probe (id, at) VALUES (1, $1) \
             ON CONFLICT (id) DO UPDATE SET at = excluded.at",
        )
        .bind(now_ms)
        .execute(&mut *tx)
        .await?;
        tx.commit().await
    }

    /// Free bytes on the disk that holds the database, for unprivileged writers.
    fn free_bytes(&self) -> Option<u64> {
        let stat = rustix::fs::statvfs(self.dir.as_path()).ok()?;
        Some(stat.f_bavail.saturating_mul(stat.f_frsize))
    }
}
