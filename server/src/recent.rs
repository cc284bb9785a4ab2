//! Answers read from the database, kept for the requests that follow while nothing they
//! depend on has changed: allowed origins, widget sessions, users' ticket lists.
//!
//! Each entry carries the version of what it depends on, read *before* the database was, so a
//! change committed while the read ran leaves the entry stale from the start. The store gives
//! the versions: sessions and a user's lists change with the commits that touch them, and
//! with any commit of another process (see `store::changes`), so they are trusted for
//! [`TRACKED_FRESH_FOR`]; allowed origins change with this process's changes of them only, so
//! no entry is trusted for more than [`FRESH_FOR`].

use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How long an entry whose version sees only this process's changes is trusted.
pub const FRESH_FOR: Duration = Duration::from_secs(1);

/// How long an entry whose version sees every change is trusted: a bound on what a change the
/// tracking missed could cost, not a part of keeping answers current.
pub const TRACKED_FRESH_FOR: Duration = Duration::from_secs(60);

pub struct Recent<K, V> {
    entries: Mutex<Entries<K, V>>,
    capacity: usize,
    max_bytes: usize,
    fresh_for: Duration,
}

struct Entries<K, V> {
    by_key: HashMap<K, Entry<V>>,
    /// What the kept values weigh together, as their callers measured them.
    bytes: usize,
}

struct Entry<V> {
    version: u64,
    read_at: Instant,
    value: V,
    bytes: usize,
}

impl<K: Eq + Hash, V: Clone> Recent<K, V> {
    /// Holds at most `capacity` entries weighing `max_bytes` together, so memory stays bounded
    /// whatever callers ask for, each for `fresh_for` at most.
    pub fn new(capacity: usize, max_bytes: usize, fresh_for: Duration) -> Self {
        Self {
            entries: Mutex::new(Entries {
                by_key: HashMap::new(),
                bytes: 0,
            }),
            capacity,
            max_bytes,
            fresh_for,
        }
    }

    /// The value kept for `key`, if it was read at `version` less than `fresh_for` before
    /// `now`.
    pub fn get<Q>(&self, key: &Q, version: u64, now: Instant) -> Option<V>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        let entries = self.entries.lock().expect("cache poisoned");
        entries
            .by_key
            .get(key)
            .filter(|e| {
                e.version == version && now.saturating_duration_since(e.read_at) < self.fresh_for
            })
            .map(|e| e.value.clone())
    }

    /// Keeps `value`, weighing `bytes`, read at `version` (taken before the read began) at
    /// `read_at`. A value over an eighth of the whole is not kept.
    ///
    /// A full cache lets go of what is too old to be served, then of entries in the map's
    /// own order (by hash, which owes nothing to when they were read) until a quarter is
    /// free. Unlike emptying it all, that keeps serving a share of the keys when more keys
    /// are asked for than fit (thousands of users each asking for their list in turn), and it
    /// tracks no order of use.
    pub fn put(&self, key: K, version: u64, read_at: Instant, value: V, bytes: usize) {
        if bytes > self.max_bytes / 8 {
            return;
        }
        let mut entries = self.entries.lock().expect("cache poisoned");
        if entries.by_key.len() >= self.capacity || entries.bytes + bytes > self.max_bytes {
            self.make_room(&mut entries, read_at);
        }
        let entry = Entry {
            version,
            read_at,
            value,
            bytes,
        };
        entries.bytes += bytes;
        if let Some(old) = entries.by_key.insert(key, entry) {
            entries.bytes -= old.bytes;
        }
    }
}

impl<K: Eq + Hash, V> Recent<K, V> {
    fn make_room(&self, entries: &mut Entries<K, V>, now: Instant) {
        let Entries { by_key, bytes } = entries;
        by_key.retain(|_, e| {
            let fresh = now.saturating_duration_since(e.read_at) < self.fresh_for;
            if !fresh {
                *bytes -= e.bytes;
            }
            fresh
        });
        let (len_after, bytes_after) = (self.capacity * 3 / 4, self.max_bytes * 3 / 4);
        let mut len = by_key.len();
        by_key.retain(|_, e| {
            let keep = len <= len_after && *bytes <= bytes_after;
            if !keep {
                len -= 1;
                *bytes -= e.bytes;
            }
            keep
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_is_served_only_at_its_version_and_for_a_second() {
        let cache = Recent::new(8, 800, FRESH_FOR);
        let t0 = Instant::now();
        cache.put("k".to_owned(), 3, t0, 42, 1);
        assert_eq!(cache.get("k", 3, t0), Some(42));
        assert_eq!(cache.get("k", 4, t0), None, "a change since the read");
        assert_eq!(cache.get("k", 3, t0 + FRESH_FOR), None, "too old");
        assert_eq!(cache.get("other", 3, t0), None);
    }

    #[test]
    fn a_full_cache_forgets_rather_than_grows() {
        let cache = Recent::new(2, 800, FRESH_FOR);
        let now = Instant::now();
        for key in 0..5 {
            cache.put(key, 0, now, key, 1);
        }
        assert!(cache.entries.lock().unwrap().by_key.len() <= 2);
        assert_eq!(cache.get(&4, 0, now), Some(4), "the newest is kept");
    }

    #[test]
    fn a_cache_too_small_for_every_key_asked_in_turn_still_serves_some_of_them() {
        let cache = Recent::new(100, 1 << 20, FRESH_FOR);
        let now = Instant::now();
        let mut served = 0;
        for round in 0..3 {
            for key in 0..1_000 {
                if cache.get(&key, 0, now).is_some() {
                    served += 1;
                } else {
                    cache.put(key, 0, now, key, 1);
                }
                assert!(cache.entries.lock().unwrap().by_key.len() <= 100);
            }
            assert!(round == 0 || served > 0, "nothing served in round {round}");
        }
        assert!(served >= 100, "{served} of 2,000 asks served");
    }

    #[test]
    fn a_full_cache_lets_go_of_what_is_too_old_first() {
        let cache = Recent::new(4, 800, FRESH_FOR);
        let t0 = Instant::now();
        let later = t0 + FRESH_FOR;
        cache.put(0, 0, t0, 0, 1);
        for key in 1..4 {
            cache.put(key, 0, later, key, 1);
        }
        cache.put(4, 0, later, 4, 1);
        for key in 1..=4 {
            assert_eq!(cache.get(&key, 0, later), Some(key), "{key} was fresh");
        }
    }

    #[test]
    fn what_is_kept_never_weighs_more_than_allowed() {
        let cache = Recent::new(100, 800, FRESH_FOR);
        let now = Instant::now();
        cache.put(0, 0, now, 0, 101);
        assert_eq!(cache.get(&0, 0, now), None, "over an eighth of the whole");
        for key in 1..50 {
            cache.put(key, 0, now, key, 100);
            cache.put(key, 0, now, key, 100);
            assert!(cache.entries.lock().unwrap().bytes <= 800);
        }
        assert_eq!(cache.get(&49, 0, now), Some(49));
    }
}
