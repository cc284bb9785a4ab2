//! Answers read from the database, kept for the requests that follow while nothing they
//! depend on has changed: allowed origins, widget sessions, users' ticket lists.
//!
//! Each entry carries the version of what it depends on, read *before* the database was, so a
//! change committed while the read ran leaves the entry stale from the start. The store gives
//! the versions: sessions and lists change with any commit of any process (see
//! `store::wal_index`); allowed origins with this process's changes of them only, so no entry
//! is trusted for more than [`FRESH_FOR`] either.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub const FRESH_FOR: Duration = Duration::from_secs(1);

pub struct Recent<K, V> {
    entries: Mutex<HashMap<K, Entry<V>>>,
    capacity: usize,
}

struct Entry<V> {
    version: u64,
    read_at: Instant,
    value: V,
}

impl<K: Eq + Hash, V: Clone> Recent<K, V> {
    /// Holds at most `capacity` entries, so memory stays bounded whatever callers ask for.
    pub fn new(capacity: usize) -> Self {
        Self {
            entries: Mutex::new(HashMap::new()),
            capacity,
        }
    }

    /// The value kept for `key`, if it was read at `version` less than [`FRESH_FOR`] before
    /// `now`.
    pub fn get<Q>(&self, key: &Q, version: u64, now: Instant) -> Option<V>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        let entries = self.entries.lock().expect("cache poisoned");
        entries
            .get(key)
            .filter(|e| {
                e.version == version && now.saturating_duration_since(e.read_at) < FRESH_FOR
            })
            .map(|e| e.value.clone())
    }

    /// Keeps `value`, read at `version` (taken before the read began) at `read_at`. A full
    /// cache is emptied rather than tracking which entry is oldest: refilling costs one read
    /// per key, and the hot keys come back first.
    pub fn put(&self, key: K, version: u64, read_at: Instant, value: V) {
        let mut entries = self.entries.lock().expect("cache poisoned");
        if entries.len() >= self.capacity {
            entries.clear();
        }
        entries.insert(
            key,
            Entry {
                version,
                read_at,
                value,
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_is_served_only_at_its_version_and_for_a_second() {
        let cache = Recent::new(8);
        let t0 = Instant::now();
        cache.put("k".to_owned(), 3, t0, 42);
        assert_eq!(cache.get("k", 3, t0), Some(42));
        assert_eq!(cache.get("k", 4, t0), None, "a change since the read");
        assert_eq!(cache.get("k", 3, t0 + FRESH_FOR), None, "too old");
        assert_eq!(cache.get("other", 3, t0), None);
    }

    #[test]
    fn a_full_cache_forgets_rather_than_grows() {
        let cache = Recent::new(2);
        let now = Instant::now();
        for key in 0..5 {
            cache.put(key, 0, now, key);
        }
        assert!(cache.entries.lock().unwrap().len() <= 2);
        assert_eq!(cache.get(&4, 0, now), Some(4), "the newest is kept");
    }
}
