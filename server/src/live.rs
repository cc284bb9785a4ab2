//! Live updates. The notifier turns committed events into notes on a broadcast channel; each
//! open stream listens there and reads from the outbox only the events that concern it.
//!
//! Commits made by this process wake the notifier at once. Commits made by another process on
//! the same database (the CLI) are found by polling the outbox every [`POLL`]. A Postgres
//! backend would use LISTEN/NOTIFY for both.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::broadcast::error::{RecvError, TryRecvError};
use tokio::sync::{broadcast, watch};
use tokio::time::Instant;

use crate::store::{EventNote, Store};

const POLL: Duration = Duration::from_millis(250);
/// Notes held for streams that fall behind; one that falls further re-reads the outbox.
const BACKLOG: usize = 1024;
const BATCH: i64 = 500;
/// The notifier reads the outbox at most this often, and the email and webhook workers at most
/// every [`WORKER_PACE`] (see [`Pace`]).
const NOTIFIER_PACE: Duration = Duration::from_millis(2);
const WORKER_PACE: Duration = Duration::from_millis(5);

/// What streams share: the notes, the count of streams per holder, and the shutdown signal
/// that ends every stream so the server can stop.
#[derive(Clone)]
pub struct Live {
    notes: broadcast::Sender<EventNote>,
    open: Arc<Mutex<HashMap<String, usize>>>,
    closing: watch::Sender<bool>,
}

impl Default for Live {
    fn default() -> Self {
        Self {
            notes: broadcast::channel(BACKLOG).0,
            open: Arc::default(),
            closing: watch::channel(false).0,
        }
    }
}

impl Live {
    pub fn subscribe(&self) -> broadcast::Receiver<EventNote> {
        self.notes.subscribe()
    }

    /// Changes to true when the server begins to shut down.
    pub fn closing(&self) -> watch::Receiver<bool> {
        self.closing.subscribe()
    }

    pub fn close(&self) {
        self.closing.send_replace(true);
    }

    /// A place for one more stream of `holder` (a hash of its credential), if it has fewer
    /// than `max` open (`None`: it has as many as it may). The place is given back when the
    /// stream ends.
    pub fn claim(&self, holder: &str, max: usize) -> Option<Slot> {
        let mut open = self.open.lock().expect("stream count poisoned");
        let count = open.entry(holder.to_owned()).or_default();
        if *count >= max {
            return None;
        }
        *count += 1;
        Some(Slot {
            holder: holder.to_owned(),
            open: self.open.clone(),
        })
    }

    /// Reads the outbox after each commit (and every [`POLL`] for other processes' commits)
    /// and publishes a note of each new event, in order. Runs until the server stops.
    pub async fn notify(self, store: Store) {
        let commits = store.commits();
        let mut last = match store.last_event_id().await {
            Ok(id) => id,
            Err(err) => {
                tracing::error!(error = %err, "live updates are off: the outbox cannot be read");
                return;
            }
        };
        let mut pace = Pace::new(NOTIFIER_PACE);
        loop {
            tokio::select! {
                () = commits.notified() => {}
                () = tokio::time::sleep(POLL) => {}
            }
            pace.wait().await;
            loop {
                let notes = match store.event_notes_after(last, BATCH).await {
                    Ok(notes) => notes,
                    Err(err) => {
                        tracing::warn!(error = %err, "reading the outbox failed; will retry");
                        break;
                    }
                };
                let full = notes.len() as i64 == BATCH;
                for note in notes {
                    last = note.id;
                    // No stream listening is not an error.
                    let _ = self.notes.send(note);
                }
                if !full {
                    break;
                }
            }
        }
    }
}

/// What wakes a background worker of the outbox (email, webhooks): a new event, a tick of
/// its own, or the server stopping.
pub struct Wakes {
    notes: broadcast::Receiver<EventNote>,
    closing: watch::Receiver<bool>,
    tick: Duration,
    pace: Pace,
}

impl Wakes {
    pub fn new(live: &Live, tick: Duration) -> Self {
        Self {
            notes: live.subscribe(),
            closing: live.closing(),
            tick,
            pace: Pace::new(WORKER_PACE),
        }
    }

    /// Waits for a reason to work; false once the server is stopping. The notes that came
    /// meanwhile are taken too: one pass over the outbox handles them all, so a burst of
    /// commits costs the worker one pass, not one each.
    pub async fn next(&mut self) -> bool {
        tokio::select! {
            note = self.notes.recv() => if matches!(note, Err(RecvError::Closed)) { return false },
            () = tokio::time::sleep(self.tick) => {}
            _ = self.closing.changed() => return false,
        }
        self.pace.wait().await;
        loop {
            match self.notes.try_recv() {
                Ok(_) | Err(TryRecvError::Lagged(_)) => {}
                Err(TryRecvError::Empty) => return true,
                Err(TryRecvError::Closed) => return false,
            }
        }
    }
}

/// Spaces a worker's passes over the outbox: a pass right after a quiet spell starts at once,
/// and under a stream of commits passes come `gap` apart, each taking all that came meanwhile.
/// Without it, a busy server read the outbox once per commit in each worker, and each read
/// is a round trip to SQLite's threads that the commits wait behind on a small machine.
struct Pace {
    gap: Duration,
    last: Option<Instant>,
}

impl Pace {
    fn new(gap: Duration) -> Self {
        Self { gap, last: None }
    }

    /// Returns once `gap` has passed since the previous return.
    async fn wait(&mut self) {
        if let Some(due) = self.last.map(|last| last + self.gap) {
            if due > Instant::now() {
                tokio::time::sleep_until(due).await;
            }
        }
        self.last = Some(Instant::now());
    }
}

/// One open stream's place in its holder's count.
pub struct Slot {
    holder: String,
    open: Arc<Mutex<HashMap<String, usize>>>,
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut open = self.open.lock().expect("stream count poisoned");
        if let Some(count) = open.get_mut(&self.holder) {
            *count -= 1;
            if *count == 0 {
                open.remove(&self.holder);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Instant, Pace};
    use std::time::Duration;

    #[tokio::test(start_paused = true)]
    async fn a_pass_after_a_quiet_spell_starts_at_once_and_a_burst_is_spaced_by_the_gap() {
        let gap = Duration::from_millis(5);
        let mut pace = Pace::new(gap);
        let start = Instant::now();
        pace.wait().await;
        assert_eq!(
            start.elapsed(),
            Duration::ZERO,
            "the first pass waits for nothing"
        );
        pace.wait().await;
        assert_eq!(start.elapsed(), gap, "the next comes a gap later");
        tokio::time::advance(Duration::from_millis(20)).await;
        let quiet = Instant::now();
        pace.wait().await;
        assert_eq!(
            quiet.elapsed(),
            Duration::ZERO,
            "after a quiet spell, at once again"
        );
    }
}
