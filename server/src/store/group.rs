//! Group commit for the writes to tickets: creations, replies, changes, ratings, copies.
//!
//! Under load, writes queued for the one write lock, and each paid for a whole commit: the
//! pages every write touches (the workspace's counter, the right edges of the tickets', the
//! messages' and the outbox's indexes) written out and synced again, and the search index's
//! text flushed as a segment of its own. So the writes queued behind the lock share one
//! transaction: each runs in a savepoint of its own, so one that fails leaves nothing behind
//! while the others keep theirs, and each caller is answered once the whole group has
//! committed; the group's text is indexed once, before the commit (see `search`). A write that
//! finds no queue commits at once, and runs without a savepoint (then a failure rolls back the
//! transaction, which holds nothing else). The queue holds at most one write per request in
//! flight.
//!
//! The groups run on a thread of their own, with a connection of their own (rusqlite), and
//! each write is a plain function of that connection. Run through sqlx, each of a write's
//! statements was a message to sqlx's thread and back, two context switches apiece (a reply
//! made eight); here a write's statements run one after another where its transaction is,
//! and the only hand-offs are the write's arrival and its answer. The commit's sync, too, waits
//! on this thread rather than on the runtime's.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use anyhow::{anyhow, Context};
use rusqlite::{Connection, OpenFlags};
use tokio::sync::oneshot;

use super::readers::to_sqlx;
use super::StoreResult;
use super::{changes, search, Writer};

/// Writes that share a transaction at most. A group holds the lock for about as long as its
/// writes take one after another (a fraction of a millisecond each), so its first caller's wait
/// stays short while a commit is spread over many.
const GROUP_MAX: usize = 32;

/// Tells a write's caller its result, once the group that holds it has committed.
type Tell = Box<dyn FnOnce() + Send>;

/// One write, run on the group's connection. `Err` when it failed: its caller has been told,
/// and its changes must be undone.
type Work = Box<dyn FnOnce(&Connection) -> Result<Tell, ()> + Send>;

/// Where writes queue to join a group.
#[derive(Clone)]
pub(super) struct Groups {
    queue: mpsc::Sender<Work>,
    writer: Writer,
}

impl Groups {
    /// Opens the groups' connection to the database at `path` (created and migrated by now)
    /// and starts the thread that runs the groups. The thread ends once every `Groups` is
    /// dropped.
    pub(super) fn start(path: &Path, writer: Writer) -> anyhow::Result<Self> {
        let conn = open(path).with_context(|| format!("opening database {}", path.display()))?;
        let (queue, waiting) = mpsc::channel();
        let runs = writer.clone();
        std::thread::Builder::new()
            .name("porthole-writes".into())
            .spawn(move || run_groups(&runs, &conn, &waiting))
            .context("starting the writer's thread")?;
        Ok(Self { queue, writer })
    }

    /// Runs `work` in the next group and answers once that group has committed. An error from
    /// `work` is answered at once, and nothing it wrote is kept.
    pub(super) async fn write<T, F>(&self, work: F) -> StoreResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> StoreResult<T> + Send + 'static,
    {
        let (answer, answered) = oneshot::channel();
        let work: Work = Box::new(move |conn| match work(conn) {
            Ok(value) => Ok(Box::new(move || drop(answer.send(Ok(value)))) as Tell),
            Err(err) => {
                drop(answer.send(Err(err)));
                Err(())
            }
        });
        self.queue
            .send(work)
            .map_err(|_| anyhow!("the store's writer has stopped"))?;
        match answered.await {
            Ok(answer) => answer,
            // The group's commit failed. When the database could not be written, the caller
            // hears so (503, try again), not of an internal fault.
            Err(_) => Err(match self.writer.fault() {
                Some(reason) => sqlx::Error::Io(std::io::Error::other(reason)).into(),
                None => anyhow!("the write was not committed").into(),
            }),
        }
    }
}

/// The groups' connection: as the pool's (`Store::open`), with the triggers that note what
/// each transaction makes stale (`changes`).
fn open(path: &Path) -> rusqlite::Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")?;
    changes::watch_here(&conn)?;
    // Room for every statement the writes run, so none is prepared twice.
    conn.set_prepared_statement_cache_capacity(64);
    Ok(conn)
}

fn run_groups(writer: &Writer, conn: &Connection, waiting: &mpsc::Receiver<Work>) {
    while let Ok(first) = waiting.recv() {
        let turn = writer.turn_here();
        // Callers whose writes fail to commit are not told: their answers are dropped, and
        // each gets an internal error.
        let result = run_group(writer, conn, first, waiting);
        if result.is_err() && !conn.is_autocommit() {
            if let Err(err) = conn.execute_batch("ROLLBACK") {
                tracing::warn!(error = %err, "rolling back a failed group of writes failed");
            }
        }
        let told = writer
            .committed(result.map_err(to_sqlx))
            .unwrap_or_else(|err| {
                tracing::error!(error = %err, "a group of writes failed to commit");
                Vec::new()
            });
        drop(turn);
        if !told.is_empty() {
            writer.commits.notify_one();
        }
        for tell in told {
            tell();
        }
    }
}

/// Runs `first` and then, while the group has room, the writes queued behind it, in one
/// transaction, and commits. Returns how to tell the callers whose writes it kept.
fn run_group(
    writer: &Writer,
    conn: &Connection,
    first: Work,
    waiting: &mpsc::Receiver<Work>,
) -> rusqlite::Result<Vec<Tell>> {
    conn.execute_batch("BEGIN IMMEDIATE")?;
    let before = writer.changes.as_ref().and_then(|c| c.before());
    let Ok(tell) = run(first, conn) else {
        conn.execute_batch("ROLLBACK")?;
        return Ok(Vec::new());
    };
    let mut told = vec![tell];
    while told.len() < GROUP_MAX {
        let Ok(work) = waiting.try_recv() else { break };
        conn.execute_batch("SAVEPOINT write")?;
        match run(work, conn) {
            Ok(tell) => {
                conn.execute_batch("RELEASE write")?;
                told.push(tell);
            }
            Err(()) => conn.execute_batch("ROLLBACK TO write; RELEASE write")?,
        }
    }
    search::index_pending_here(conn)?;
    let touched = changes::collect_here(conn)?;
    conn.execute_batch("COMMIT")?;
    if let Some(changes) = &writer.changes {
        changes.committed(before, &touched);
    }
    Ok(told)
}

/// Runs one write. One that panics counts as failed: its caller gets an internal error (its
/// answer is dropped), the group goes on, and the thread that runs the groups lives on.
fn run(work: Work, conn: &Connection) -> Result<Tell, ()> {
    catch_unwind(AssertUnwindSafe(|| work(conn))).unwrap_or(Err(()))
}
