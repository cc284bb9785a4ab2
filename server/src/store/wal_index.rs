//! Whether any process has committed to the database since a moment: the header of SQLite's
//! WAL index (the `-shm` file beside the database), which every commit rewrites. Its layout is
//! part of SQLite's documented file format (<https://www.sqlite.org/walformat.html>, "The
//! WAL-Index Header"). One `pread` of it lets a cache see at once that another process (the
//! CLI, a second server on the same file) changed the database, not a second later.

use std::fs::File;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::os::unix::fs::FileExt;
use std::path::Path;

/// The first of the header's two copies: the change counter, the frame count, checksums and
/// salts. A commit changes the counter and the frame count; a restarted WAL, the salts.
const HEADER_BYTES: usize = 48;

pub struct WalIndex(File);

impl WalIndex {
    /// The index of the database at `database`, which must be open in WAL mode (and stay
    /// open, so that SQLite keeps this file rather than making a new one).
    pub fn open(database: &Path) -> Option<Self> {
        let mut path = database.as_os_str().to_owned();
        path.push("-shm");
        File::open(path).ok().map(Self)
    }

    /// A digest of the header now, mixed with `local` (a count of this process's own changes
    /// that the caller also depends on). `None` when the header cannot be read: then nothing
    /// may be taken from a cache.
    pub fn version(&self, local: u64) -> Option<u64> {
        let mut header = [0u8; HEADER_BYTES];
        self.0.read_exact_at(&mut header, 0).ok()?;
        let mut hasher = DefaultHasher::new();
        header.hash(&mut hasher);
        local.hash(&mut hasher);
        Some(hasher.finish())
    }
}
