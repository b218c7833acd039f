//! Knowing when the content may have changed, so rendered pages can be kept until then: every
//! committed write raises a counter, and on PostgreSQL the other instances' writes arrive by
//! LISTEN/NOTIFY and raise it too.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

/// The channel every write transaction notifies on PostgreSQL (at its COMMIT).
pub const CHANNEL: &str = "mitdenken_writes";

/// Sent inside every write transaction: PostgreSQL delivers it at COMMIT, and only then.
pub(super) const NOTIFY: &str = "NOTIFY mitdenken_writes";

/// The write counter of one running instance.
#[derive(Clone)]
pub struct Changes(Arc<Inner>);

struct Inner {
    count: AtomicU64,
    /// Whether every write reaches the counter: always on SQLite (one process writes); on
    /// PostgreSQL only while the listener is connected.
    complete: AtomicBool,
}

impl Changes {
    /// Counting starts complete for SQLite, and incomplete for PostgreSQL until its listener
    /// has subscribed.
    pub fn new(complete: bool) -> Changes {
        Changes(Arc::new(Inner {
            count: AtomicU64::new(0),
            complete: AtomicBool::new(complete),
        }))
    }

    /// The counter now. A page rendered after reading `n` shows at least every write that
    /// was committed before the counter was `n`.
    pub fn current(&self) -> u64 {
        self.0.count.load(Ordering::Acquire)
    }

    /// Whether `current` knows of every write, also other instances'.
    pub fn complete(&self) -> bool {
        self.0.complete.load(Ordering::Acquire)
    }

    /// Something was written (called after the COMMIT, before the writer is answered).
    pub fn bump(&self) {
        self.0.count.fetch_add(1, Ordering::AcqRel);
    }

    fn set_complete(&self, complete: bool) {
        self.0.complete.store(complete, Ordering::Release);
        // Whatever happened while not listening is unknown: count it as a write.
        self.bump();
    }
}

/// On PostgreSQL: hear the writes of every instance (including our own, which is harmless).
/// While the connection is lost nothing is known, so `complete` is false until it is back.
pub fn listen(url: String, changes: Changes) {
    tokio::spawn(async move {
        loop {
            match sqlx::postgres::PgListener::connect(&url).await {
                Ok(mut listener) => match listener.listen(CHANNEL).await {
                    Ok(()) => {
                        changes.set_complete(true);
                        hear(&mut listener, &changes).await;
                    }
                    Err(e) => tracing::warn!(error = %e, "could not listen for writes"),
                },
                Err(e) => tracing::warn!(error = %e, "could not connect to listen for writes"),
            }
            changes.set_complete(false);
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    });
}

/// Raise the counter for every notification until the connection fails.
async fn hear(listener: &mut sqlx::postgres::PgListener, changes: &Changes) {
    loop {
        match listener.try_recv().await {
            Ok(Some(_)) => changes.bump(),
            // The connection was lost and notifications may have gone with it: start afresh
            // (incomplete until subscribed again).
            Ok(None) => return,
            Err(e) => {
                tracing::warn!(error = %e, "lost the connection that listens for writes");
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_writers_notify_where_the_listener_listens() {
        assert_eq!(NOTIFY, format!("NOTIFY {CHANNEL}"));
    }
}
