//! Whether any process has committed to the database since a moment: the header of SQLite's
//! WAL index (the `-shm` file beside the database), which every commit rewrites. Its layout is
//! part of SQLite's documented file format (<https://www.sqlite.org/walformat.html>, "The
//! WAL-Index Header"). One `pread` of it lets a cache see at once that another process (the
//! CLI, a second server on the same file) changed the database, not a second later.

use std::fs::File;
use std::os::unix::fs::FileExt;
use std::path::Path;

/// One copy of the header: the version, the commit counter, the frame count, checksums and
/// salts. A commit changes the counter and the frame count; a restarted WAL, the salts.
const HEADER_BYTES: usize = 48;

pub struct WalIndex(File);

/// The header as read at one moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header([u8; HEADER_BYTES]);

impl Header {
    /// `iChange`, which each commit raises by one (in the machine's byte order, as SQLite
    /// keeps the index): two headers a commit apart differ here by exactly one.
    pub fn commits(&self) -> u32 {
        u32::from_ne_bytes([self.0[8], self.0[9], self.0[10], self.0[11]])
    }
}

impl WalIndex {
    /// The index of the database at `database`, which must be open in WAL mode (and stay
    /// open, so that SQLite keeps this file rather than making a new one).
    pub fn open(database: &Path) -> Option<Self> {
        let mut path = database.as_os_str().to_owned();
        path.push("-shm");
        File::open(path).ok().map(Self)
    }

    /// The header now. `None` when it cannot be read, or when its two copies differ because a
    /// commit is writing them (SQLite writes the second, then the first): then nothing may be
    /// taken from a cache.
    pub fn header(&self) -> Option<Header> {
        let mut both = [0u8; 2 * HEADER_BYTES];
        self.0.read_exact_at(&mut both, 0).ok()?;
        let (first, second) = both.split_at(HEADER_BYTES);
        (first == second).then(|| Header(first.try_into().expect("48 bytes")))
    }
}
