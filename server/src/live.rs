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

use crate::error::ApiError;
use crate::store::{EventNote, Store};

const POLL: Duration = Duration::from_millis(250);
/// Notes held for streams that fall behind; one that falls further re-reads the outbox.
const BACKLOG: usize = 1024;
const BATCH: i64 = 500;

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
    /// than `max` open. The place is given back when the stream ends.
    pub fn claim(&self, holder: &str, max: usize) -> Result<Slot, ApiError> {
        let mut open = self.open.lock().expect("stream count poisoned");
        let count = open.entry(holder.to_owned()).or_default();
        if *count >= max {
            return Err(ApiError::TooManyStreams);
        }
        *count += 1;
        Ok(Slot {
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
        loop {
            tokio::select! {
                () = commits.notified() => {}
                () = tokio::time::sleep(POLL) => {}
            }
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
}

impl Wakes {
    pub fn new(live: &Live, tick: Duration) -> Self {
        Self {
            notes: live.subscribe(),
            closing: live.closing(),
            tick,
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
        loop {
            match self.notes.try_recv() {
                Ok(_) | Err(TryRecvError::Lagged(_)) => {}
                Err(TryRecvError::Empty) => return true,
                Err(TryRecvError::Closed) => return false,
            }
        }
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
