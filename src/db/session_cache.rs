//! Sessions kept in memory in front of tower-sessions' SQLite table, so a logged-in request
//! does not read its session row again (one statement, and one trip to SQLite's worker thread,
//! less per request; supports run about a tenth faster).
//!
//! Only for SQLite, where one process serves the database: on PostgreSQL another instance may
//! end a session, and this process would not hear of it. The cache stays exact because every
//! way a session ends passes through here: the store's own `delete` (logout, cycled ids), and
//! the statements in `db::sessions` that delete session rows ("end this session", "end all
//! others", account deletion), which mark their transaction (`Tx::ending_sessions`) so that its
//! commit empties the cache. Expired records are never served: each load checks the expiry.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use async_trait::async_trait;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{Result, SessionStore};

/// At most this many sessions are kept; beyond it one is dropped for each new one.
const CAPACITY: usize = 20_000;

#[derive(Default)]
struct Kept {
    records: HashMap<Id, Record>,
    /// Raised by every `clear`: a record read from the table before the clear must not be kept
    /// after it (it may be one that was just ended).
    generation: u64,
}

/// The kept records, shared by the store and the write transactions. Disabled, it keeps nothing.
#[derive(Clone, Default)]
pub struct SessionCache {
    kept: Option<Arc<Mutex<Kept>>>,
}

impl std::fmt::Debug for SessionCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SessionCache")
            .field("enabled", &self.kept.is_some())
            .finish()
    }
}

impl SessionCache {
    pub fn new(enabled: bool) -> Self {
        SessionCache {
            kept: enabled.then(Default::default),
        }
    }

    fn with<T>(&self, f: impl FnOnce(&mut Kept) -> T) -> Option<T> {
        // A panic while holding the lock leaves only a map behind: still usable.
        self.kept
            .as_ref()
            .map(|kept| f(&mut kept.lock().unwrap_or_else(PoisonError::into_inner)))
    }

    /// Forget every kept session (some were ended by a statement on the table).
    pub fn clear(&self) {
        self.with(|kept| {
            kept.records.clear();
            kept.generation += 1;
        });
    }

    fn get(&self, id: &Id) -> Option<Record> {
        let now = time::OffsetDateTime::now_utc();
        self.with(|kept| {
            kept.records
                .get(id)
                .filter(|r| r.expiry_date > now)
                .cloned()
        })
        .flatten()
    }

    fn generation(&self) -> Option<u64> {
        self.with(|kept| kept.generation)
    }

    /// Keep `record`, unless the cache was cleared since `seen` (the generation before the
    /// record was read from the table).
    fn keep(&self, record: &Record, seen: Option<u64>) {
        self.with(|kept| {
            if seen.is_some_and(|g| g != kept.generation) {
                return;
            }
            if kept.records.len() >= CAPACITY && !kept.records.contains_key(&record.id) {
                if let Some(any) = kept.records.keys().next().copied() {
                    kept.records.remove(&any);
                }
            }
            kept.records.insert(record.id, record.clone());
        });
    }

    fn forget(&self, id: &Id) {
        self.with(|kept| kept.records.remove(id));
    }
}

/// tower-sessions' store with the cache in front of it.
#[derive(Debug, Clone)]
pub struct CachedStore<S> {
    pub store: S,
    pub cache: SessionCache,
}

#[async_trait]
impl<S: SessionStore> SessionStore for CachedStore<S> {
    async fn create(&self, record: &mut Record) -> Result<()> {
        self.store.create(record).await?;
        self.cache.keep(record, None);
        Ok(())
    }

    async fn save(&self, record: &Record) -> Result<()> {
        self.store.save(record).await?;
        self.cache.keep(record, None);
        Ok(())
    }

    async fn load(&self, id: &Id) -> Result<Option<Record>> {
        if let Some(record) = self.cache.get(id) {
            return Ok(Some(record));
        }
        let seen = self.cache.generation();
        let record = self.store.load(id).await?;
        if let Some(record) = &record {
            self.cache.keep(record, seen);
        }
        Ok(record)
    }

    async fn delete(&self, id: &Id) -> Result<()> {
        // Forgotten first: a failed delete must not leave the session alive here.
        self.cache.forget(id);
        self.store.delete(id).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(n: i128, minutes: i64) -> Record {
        Record {
            id: Id(n),
            data: Default::default(),
            expiry_date: time::OffsetDateTime::now_utc() + time::Duration::minutes(minutes),
        }
    }

    #[test]
    fn a_record_read_before_a_clear_is_not_kept_after_it() {
        let cache = SessionCache::new(true);
        let seen = cache.generation();
        cache.clear();
        cache.keep(&record(1, 10), seen);
        assert!(cache.get(&Id(1)).is_none());
        cache.keep(&record(1, 10), cache.generation());
        assert!(cache.get(&Id(1)).is_some());
    }

    #[test]
    fn expired_records_are_not_served_and_a_disabled_cache_keeps_nothing() {
        let cache = SessionCache::new(true);
        cache.keep(&record(2, -1), None);
        assert!(cache.get(&Id(2)).is_none());
        let off = SessionCache::new(false);
        off.keep(&record(3, 10), None);
        assert!(off.get(&Id(3)).is_none());
    }

    #[test]
    fn the_cache_stays_within_its_capacity() {
        let cache = SessionCache::new(true);
        for n in 0..(CAPACITY as i128 + 10) {
            cache.keep(&record(n, 10), None);
        }
        assert_eq!(cache.with(|k| k.records.len()), Some(CAPACITY));
    }
}
