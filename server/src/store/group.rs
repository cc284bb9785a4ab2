//! Group commit for the writes that come in bursts (ticket creation).
//!
//! Under load, creations queued for the one write lock, and each paid for a whole commit: the
//! pages every creation touches (the workspace's counter, the right edges of the tickets' and
//! the outbox's indexes) written out again, and the search index's text flushed as a segment of
//! its own. So the writes queued behind the lock share one transaction: each runs in a
//! savepoint of its own, so one that fails leaves nothing behind while the others keep theirs,
//! and each caller is answered once the whole group has committed; the group's text is indexed
//! once, before the commit (see `search`). A write that finds no queue commits at once, as
//! before, and runs without a savepoint (then a failure rolls back the transaction, which holds
//! nothing else). The queue holds at most one write per request in flight.

use std::panic::AssertUnwindSafe;

use anyhow::anyhow;
use futures_util::future::BoxFuture;
use futures_util::FutureExt;
use sqlx::{Connection, SqliteConnection};
use tokio::sync::{mpsc, oneshot};

use super::Writer;
use crate::domain::{DomainError, DomainResult};

/// Writes that share a transaction at most. A group holds the lock for about as long as its
/// writes take one after another (a fraction of a millisecond each), so its first caller's wait
/// stays short while a commit is spread over many.
const GROUP_MAX: usize = 32;

/// Tells a write's caller its result, once the group that holds it has committed.
type Tell = Box<dyn FnOnce() + Send>;

/// One write, run on the group's connection. `Err` when it failed: its caller has been told,
/// and its changes must be undone.
type Work =
    Box<dyn for<'c> FnOnce(&'c mut SqliteConnection) -> BoxFuture<'c, Result<Tell, ()>> + Send>;

/// Where writes queue to join a group.
#[derive(Clone)]
pub(super) struct Groups {
    queue: mpsc::UnboundedSender<Work>,
    writer: Writer,
}

impl Groups {
    /// Starts the task that runs the groups. It ends once every `Groups` is dropped.
    pub(super) fn start(writer: Writer) -> Self {
        let (queue, waiting) = mpsc::unbounded_channel();
        tokio::spawn(run_groups(writer.clone(), waiting));
        Self { queue, writer }
    }

    /// Runs `work` in the next group and answers once that group has committed. An error from
    /// `work` is answered at once, and nothing it wrote is kept.
    pub(super) async fn write<T, F>(&self, work: F) -> DomainResult<T>
    where
        T: Send + 'static,
        F: for<'c> FnOnce(&'c mut SqliteConnection) -> BoxFuture<'c, DomainResult<T>>
            + Send
            + 'static,
    {
        let (answer, answered) = oneshot::channel();
        let work: Work = Box::new(move |conn| {
            Box::pin(async move {
                match work(conn).await {
                    Ok(value) => Ok(Box::new(move || drop(answer.send(Ok(value)))) as Tell),
                    Err(err) => {
                        drop(answer.send(Err(err)));
                        Err(())
                    }
                }
            })
        });
        self.queue
            .send(work)
            .map_err(|_| anyhow!("the store's writer has stopped"))?;
        match answered.await {
            Ok(answer) => answer,
            // The group's commit failed. When the database could not be written, the caller
            // hears so (503, try again), not of an internal fault.
            Err(_) => Err(match self.writer.fault() {
                Some(reason) => DomainError::from(sqlx::Error::Io(std::io::Error::other(reason))),
                None => DomainError::from(anyhow!("the write was not committed")),
            }),
        }
    }
}

async fn run_groups(writer: Writer, mut waiting: mpsc::UnboundedReceiver<Work>) {
    while let Some(first) = waiting.recv().await {
        let turn = writer.turn().await;
        // Callers whose writes fail to commit are not told: their answers are dropped, and
        // each gets an internal error.
        let told = run_group(&writer, first, &mut waiting).await;
        let told = writer.committed(told).unwrap_or_else(|err| {
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
async fn run_group(
    writer: &Writer,
    first: Work,
    waiting: &mut mpsc::UnboundedReceiver<Work>,
) -> sqlx::Result<Vec<Tell>> {
    let mut begun = writer.begin().await?;
    let tx = &mut begun.tx;
    let Ok(tell) = run(first, tx).await else {
        begun.tx.rollback().await?;
        return Ok(Vec::new());
    };
    let mut told = vec![tell];
    while told.len() < GROUP_MAX {
        let Ok(work) = waiting.try_recv() else { break };
        let mut savepoint = tx.begin().await?;
        match run(work, &mut savepoint).await {
            Ok(tell) => {
                savepoint.commit().await?;
                told.push(tell);
            }
            Err(()) => savepoint.rollback().await?,
        }
    }
    writer.commit(begun).await?;
    Ok(told)
}

/// Runs one write. One that panics counts as failed: its caller gets an internal error (its
/// answer is dropped), the group goes on, and the task that runs the groups lives on.
async fn run(work: Work, conn: &mut SqliteConnection) -> Result<Tell, ()> {
    AssertUnwindSafe(work(conn))
        .catch_unwind()
        .await
        .unwrap_or(Err(()))
}
