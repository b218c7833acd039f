//! Our own write transaction, and how a storage fault is told from a bad request.

use super::{Backend, Changes, Db, changes, session_cache};
use sqlx::pool::PoolConnection;
use sqlx::{Any, AnyConnection, Executor};
use std::sync::atomic::{AtomicBool, Ordering};

/// A write transaction on a pooled connection that is never handed back in an unknown state.
///
/// sqlx's own `Transaction` counts its depth per connection; when a COMMIT fails (full disk,
/// I/O error) SQLite may already have rolled back, sqlx's ROLLBACK then fails too, the count
/// stays at one and the connection returns to the pool, where every later `begin` fails with
/// "attempted to call begin_with at non-zero transaction depth" until a restart. Here
/// BEGIN, COMMIT and ROLLBACK are plain statements, and a connection whose transaction did
/// not end cleanly (failed COMMIT or ROLLBACK, dropped early, cancelled) is closed instead of
/// returned, so the pool opens a fresh one.
pub struct Tx {
    conn: PoolConnection<Any>,
    /// Set once COMMIT or ROLLBACK succeeded; only then may the connection be reused.
    ended: bool,
    /// Raised after the COMMIT, so kept pages know they may be old.
    changes: Changes,
    /// PostgreSQL: tell the other instances at COMMIT (NOTIFY is delivered only then).
    notify: bool,
    /// SQLite: this process's turn to write, held until the transaction ends (see
    /// `Db::write_gate`). Declared after `conn`, so the connection is settled first.
    _turn: Option<tokio::sync::OwnedMutexGuard<()>>,
    /// Emptied once this transaction's end of sessions is settled (see `ending_sessions`).
    session_cache: session_cache::SessionCache,
    sessions_ended: bool,
}

impl Tx {
    pub(super) async fn begin(db: &Db, statement: &'static str) -> Result<Tx, sqlx::Error> {
        // The turn first, then a connection: waiting writers hold no connection.
        let turn = match &db.write_gate {
            Some(gate) => Some(gate.clone().lock_owned().await),
            None => None,
        };
        let mut tx = Tx {
            conn: db.pool.acquire().await?,
            ended: false,
            changes: db.changes.clone(),
            notify: db.backend == Backend::Postgres,
            _turn: turn,
            session_cache: db.session_cache.clone(),
            sessions_ended: false,
        };
        // A failed BEGIN drops `tx` unended, which closes the connection.
        tx.conn.execute(statement).await?;
        Ok(tx)
    }

    pub async fn commit(mut self) -> Result<(), sqlx::Error> {
        // `self` stays alive across the await: if this future is dropped half-way, `Drop`
        // closes the connection, whatever the server made of the COMMIT.
        if self.notify {
            self.conn.execute(changes::NOTIFY).await?;
        }
        self.conn.execute("COMMIT").await?;
        self.ended = true;
        self.changes.bump();
        if self.sessions_ended {
            self.session_cache.clear();
        }
        note_write_ok();
        Ok(())
    }

    /// Commit a write no page shows (the trend's cutoff moving past no support): kept pages
    /// stay valid, so nothing is counted and no other instance is told.
    pub async fn commit_unseen(mut self) -> Result<(), sqlx::Error> {
        self.conn.execute("COMMIT").await?;
        self.ended = true;
        note_write_ok();
        Ok(())
    }

    /// This transaction deletes rows of tower-sessions' table: the sessions kept in memory
    /// are forgotten once it commits (see `session_cache`).
    pub fn ending_sessions(&mut self) {
        self.sessions_ended = true;
    }

    pub async fn rollback(mut self) -> Result<(), sqlx::Error> {
        self.conn.execute("ROLLBACK").await?;
        self.ended = true;
        Ok(())
    }
}

impl Drop for Tx {
    fn drop(&mut self) {
        if !self.ended {
            // Whether an unsettled COMMIT ended sessions is unknown: assume it did.
            if self.sessions_ended {
                self.session_cache.clear();
            }
            // Closing rolls back whatever is open, on both databases.
            self.conn.close_on_drop();
        }
    }
}

impl std::ops::Deref for Tx {
    type Target = AnyConnection;
    fn deref(&self) -> &AnyConnection {
        &self.conn
    }
}

impl std::ops::DerefMut for Tx {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        &mut self.conn
    }
}

/// Whether the last write failed for a reason of the storage, process-wide, so that a fault
/// is logged once when it starts and once when it ends, not once per request.
static FAULTED: AtomicBool = AtomicBool::new(false);

/// True for errors that say the database cannot write right now (full disk, I/O error,
/// read-only file, locked too long, connection lost) rather than that the request was wrong.
pub fn is_storage_fault(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Database(db) => {
            let code = db.code().unwrap_or_default();
            // Which driver answered decides how its code reads: a PostgreSQL SQLSTATE such as
            // "53100" (disk full) is made of digits too, and read as an SQLite number it
            // would name something else.
            let backend = if db.try_downcast_ref::<sqlx::sqlite::SqliteError>().is_some() {
                Backend::Sqlite
            } else {
                Backend::Postgres
            };
            is_fault_code(backend, &code)
        }
        sqlx::Error::Io(_)
        | sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::WorkerCrashed => true,
        _ => false,
    }
}

/// Whether a database's error code says the storage, not the statement, failed.
pub(super) fn is_fault_code(backend: Backend, code: &str) -> bool {
    match backend {
        // SQLite's extended codes; the primary code is the low byte: BUSY, LOCKED, NOMEM,
        // READONLY, IOERR, CORRUPT, FULL, CANTOPEN.
        Backend::Sqlite => code
            .parse::<i32>()
            .is_ok_and(|n| matches!(n & 0xff, 5 | 6 | 7 | 8 | 10 | 11 | 13 | 14)),
        // PostgreSQL's SQLSTATE classes: connection exception, insufficient resources (disk
        // full), operator intervention, system error; and a read-only transaction.
        Backend::Postgres => {
            ["08", "53", "57", "58"].iter().any(|c| code.starts_with(c)) || code == "25006"
        }
    }
}

/// Remember (and log, the first time) that the storage refused a write.
pub fn note_write_fault(e: &sqlx::Error) {
    if !FAULTED.swap(true, Ordering::SeqCst) {
        tracing::error!(error = %e, "the database cannot write; answering 503 until it can again");
    } else {
        tracing::debug!(error = %e, "the database still cannot write");
    }
}

/// A write committed: if writing had failed before, say once that it works again.
fn note_write_ok() {
    if FAULTED.swap(false, Ordering::SeqCst) {
        tracing::warn!("the database writes again");
    }
}
