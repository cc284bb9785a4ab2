//! The hottest reads, run in the request's own task on connections of their own.
//!
//! sqlx gives each SQLite connection a thread, and every query is a message to that thread
//! and back: two context switches, which profiles showed cost more than the query itself (a
//! widget's session and list of tickets take about 100 µs in SQLite, and 22–34 % of the
//! server's CPU went to the hand-offs). The reads here are found by index and sized by what
//! the answer shows (a page of at most 101 tickets; one ticket's messages, files and
//! participants), so they run where the request already is, as a local file read would.
//!
//! A query whose cost grows with the data rather than with its answer (search, counts,
//! reports) stays on the pool, whose threads keep it off the runtime's.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

/// Idle connections kept between reads. The reads do not wait, so as many run at once as
/// the runtime has threads; beyond that, a read opens a connection and closes it after.
const KEPT: usize = 8;

pub(super) struct Readers {
    path: PathBuf,
    idle: Mutex<Vec<Connection>>,
}

impl Readers {
    pub(super) fn new(path: &Path) -> Self {
        Self {
            path: path.to_owned(),
            idle: Mutex::default(),
        }
    }

    /// Runs `read` on a read-only connection. Each statement it runs reads the latest
    /// commit, as a query on the pool does.
    pub(super) fn read<R>(
        &self,
        read: impl FnOnce(&Connection) -> rusqlite::Result<R>,
    ) -> sqlx::Result<R> {
        let taken = self.lock().pop();
        let conn = match taken {
            Some(conn) => conn,
            None => self.open().map_err(to_sqlx)?,
        };
        let result = read(&conn).map_err(to_sqlx);
        let mut idle = self.lock();
        if idle.len() < KEPT {
            idle.push(conn);
        }
        result
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Connection>> {
        self.idle.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn open(&self) -> rusqlite::Result<Connection> {
        let conn = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        // As the pool's: a reader waits for a checkpoint's brief exclusive moments.
        conn.busy_timeout(Duration::from_secs(5))?;
        // Room for every statement run here (fourteen), so none is prepared twice.
        conn.set_prepared_statement_cache_capacity(32);
        Ok(conn)
    }
}

/// The store's errors are sqlx's. A disk or file-system fault stays one (see
/// `is_storage_fault`); anything else is internal.
pub(super) fn to_sqlx(err: rusqlite::Error) -> sqlx::Error {
    use rusqlite::ErrorCode as C;
    match err.sqlite_error_code() {
        Some(C::ReadOnly | C::SystemIoFailure | C::DiskFull) => {
            sqlx::Error::Io(std::io::Error::other(err.to_string()))
        }
        _ => sqlx::Error::AnyDriverError(Box::new(err)),
    }
}

impl From<rusqlite::Error> for super::StoreError {
    fn from(err: rusqlite::Error) -> Self {
        to_sqlx(err).into()
    }
}
