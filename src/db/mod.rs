//! Connecting to SQLite or PostgreSQL behind one `AnyPool`, migrations, and the per-area queries.
//!
//! Every query is written once for both databases (`$n` placeholders, BIGINT/TEXT columns,
//! unix-second timestamps). The few real dialect differences are marked `DIALECT:`.

pub mod api;
pub mod changes;
pub mod comments;
pub mod curation;
pub mod feedback;
pub mod feeds;
pub mod ideas;
pub mod mail;
pub mod moderation;
pub mod newcomers;
pub mod newsletter;
pub mod notifications;
pub mod opendata;
pub mod organisations;
pub mod privacy;
pub mod search;
pub mod seed;
pub mod session_cache;
pub mod sessions;
pub mod statistics;
pub mod tags;
pub mod themes;
pub mod two_factor;
pub mod users;
pub mod workshops;

mod tx;

pub use changes::Changes;
use sqlx::any::AnyPoolOptions;
use sqlx::any::AnyRow;
use sqlx::postgres::PgPoolOptions;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions};
use sqlx::{Any, AnyPool, Executor, PgPool, Row, SqlitePool};
use std::str::FromStr;
use std::sync::Arc;
use std::time::{Duration, Instant};
pub use tx::{Tx, is_storage_fault, note_write_fault};

/// Any executor over the `Any` driver: a pool, a connection or `&mut *transaction`.
pub trait Exec<'e>: Executor<'e, Database = Any> {}
impl<'e, T: Executor<'e, Database = Any>> Exec<'e> for T {}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The typed pool the session store needs beside the `AnyPool` (tower-sessions' sqlx store is
/// not generic over `Any`).
#[derive(Clone)]
pub enum SessionPool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

#[derive(Clone)]
pub struct Db {
    pub pool: AnyPool,
    pub backend: Backend,
    pub sessions: SessionPool,
    /// The last answer of `check_write` and when it was taken.
    ready: Arc<tokio::sync::Mutex<Option<(Instant, bool)>>>,
    /// Counts committed writes (also other instances' on PostgreSQL, once `listen` runs).
    pub changes: Changes,
    /// Where to listen for other instances' writes (PostgreSQL only).
    listen_url: Option<Arc<str>>,
    /// SQLite has one writer at a time. Writers of this process queue here, in order, instead
    /// of meeting at `BEGIN IMMEDIATE`, where the losers sleep in SQLite's busy handler
    /// (1, 2, 5 … 100 ms) and come back late: 16 people supporting at once ran at 1,490/s
    /// with a p99 of 364 ms that way. None on PostgreSQL (row locks, many writers).
    write_gate: Option<Arc<tokio::sync::Mutex<()>>>,
    /// Sessions kept in memory in front of their table (SQLite only; see `session_cache`).
    pub session_cache: session_cache::SessionCache,
}

/// A value of a statement assembled at run time (filters, keyset positions), in placeholder
/// order; `arguments` binds them all at once.
pub(crate) enum Val {
    Int(i64),
    Text(String),
}

/// Add `value` to `vals` and give its placeholder (`$3`).
pub(crate) fn param(vals: &mut Vec<Val>, value: Val) -> String {
    vals.push(value);
    format!("${}", vals.len())
}

/// `vals` as a statement's arguments, for `sqlx::query_with` and its siblings.
pub(crate) fn arguments<'q>(vals: Vec<Val>) -> sqlx::Result<sqlx::any::AnyArguments<'q>> {
    use sqlx::Arguments;
    let mut args = sqlx::any::AnyArguments::default();
    for v in vals {
        match v {
            Val::Int(n) => args.add(n),
            Val::Text(s) => args.add(s),
        }
        .map_err(sqlx::Error::Encode)?;
    }
    Ok(args)
}

/// A 0/1 integer column read as `bool` (the schema has no BOOLEAN: sqlx `Any` cannot read
/// SQLite's). Use on a row field with `#[sqlx(try_from = "Flag")]`.
pub struct Flag(i64);

impl sqlx::Type<Any> for Flag {
    fn type_info() -> sqlx::any::AnyTypeInfo {
        <i64 as sqlx::Type<Any>>::type_info()
    }
    fn compatible(ty: &sqlx::any::AnyTypeInfo) -> bool {
        <i64 as sqlx::Type<Any>>::compatible(ty)
    }
}

impl<'r> sqlx::Decode<'r, Any> for Flag {
    fn decode(value: sqlx::any::AnyValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
        <i64 as sqlx::Decode<'r, Any>>::decode(value).map(Flag)
    }
}

impl From<Flag> for bool {
    fn from(f: Flag) -> bool {
        f.0 != 0
    }
}

/// Decodes one row into `T`; when a stored value does not parse (an unknown status, say),
/// the error names the row's `id` so the log leads to the bad row. Use as
/// `sqlx::query(..).bind(..).try_map(db::decoded)`.
pub fn decoded<T>(row: AnyRow) -> sqlx::Result<T>
where
    T: for<'r> sqlx::FromRow<'r, AnyRow>,
{
    T::from_row(&row).map_err(|e| {
        let id = row
            .try_get::<i64, _>("id")
            .map(|id| id.to_string())
            .unwrap_or_else(|_| "?".to_string());
        sqlx::Error::Decode(format!("row id {id}: {e}").into())
    })
}

/// Ideas' ids for an `IN (...)` list. They are typed integers, so writing them into the
/// statement cannot inject anything (the lists vary in length, which placeholders would not).
pub fn id_list(ids: &[crate::domain::IdeaId]) -> String {
    ids.iter()
        .map(|i| i.0.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

/// Unix seconds now; every timestamp in the schema is stored this way.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// The file path and the query of a `sqlite:` URL.
fn sqlite_parts(url: &str) -> (&str, Option<&str>) {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .unwrap_or(url);
    match rest.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (rest, None),
    }
}

fn is_postgres(url: &str) -> bool {
    url.starts_with("postgres:") || url.starts_with("postgresql:")
}

/// Check a SQLite database file before opening it, so that a mistyped path or a read-only
/// file gets a sentence at once instead of a new empty database or a pool timeout 10 s later.
/// `must_exist`: every command but `serve` works on an existing database only.
pub fn check_database_file(url: &str, must_exist: bool) -> Result<(), String> {
    if is_postgres(url) {
        return Ok(());
    }
    let (path, _) = sqlite_parts(url);
    let path = std::path::Path::new(path);
    if !path.exists() {
        return match must_exist {
            true => Err(format!(
                "Die Datenbank {} gibt es nicht. Bitte DATABASE_URL prüfen; eine neue \
                 Datenbank legt nur `mitdenken serve` an.",
                path.display()
            )),
            false => Ok(()),
        };
    }
    let side = |suffix: &str| {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        std::path::PathBuf::from(name)
    };
    for file in [path.to_path_buf(), side("-wal"), side("-shm")] {
        if !file.exists() {
            continue;
        }
        if let Err(e) = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(&file)
        {
            return Err(format!(
                "Die Datenbank {} lässt sich nicht beschreiben ({e}). Bitte Rechte und \
                 Dateisystem prüfen.",
                file.display()
            ));
        }
    }
    Ok(())
}

/// A `sqlite:` URL with its parent folder created and `mode=rwc`, so a first start just works.
fn prepare_sqlite_url(url: &str) -> std::io::Result<String> {
    let (path, query) = sqlite_parts(url);
    if path != ":memory:" {
        if let Some(parent) = std::path::Path::new(path).parent() {
            if !parent.as_os_str().is_empty() {
                std::fs::create_dir_all(parent)?;
            }
        }
    }
    Ok(match query {
        Some(q) if q.contains("mode=") => format!("sqlite://{path}?{q}"),
        Some(q) => format!("sqlite://{path}?{q}&mode=rwc"),
        None => format!("sqlite://{path}?mode=rwc"),
    })
}

impl Db {
    pub async fn connect(url: &str) -> Result<Db, sqlx::Error> {
        sqlx::any::install_default_drivers();
        if is_postgres(url) {
            let pool = AnyPoolOptions::new()
                .max_connections(16)
                .acquire_timeout(Duration::from_secs(10))
                .connect(url)
                .await?;
            let sessions = PgPoolOptions::new().max_connections(4).connect(url).await?;
            return Ok(Db {
                pool,
                backend: Backend::Postgres,
                sessions: SessionPool::Postgres(sessions),
                ready: Default::default(),
                changes: Changes::new(false),
                listen_url: Some(url.into()),
                write_gate: None,
                session_cache: session_cache::SessionCache::new(false),
            });
        }
        if url.contains(":memory:") {
            // Every pooled connection would get its own empty database.
            return Err(sqlx::Error::Configuration(
                "an in-memory SQLite database cannot be shared by the pool; use a file".into(),
            ));
        }
        let url = prepare_sqlite_url(url).map_err(sqlx::Error::Io)?;
        let pool = AnyPoolOptions::new()
            .max_connections(8)
            .acquire_timeout(Duration::from_secs(10))
            // sqlx pings a pooled connection before handing it out; for a file in this
            // process that is only a trip to the connection's worker thread, twice per write
            // request (a support ran at 1,900/s with it, see README "Geschwindigkeit").
            .test_before_acquire(false)
            .after_connect(|conn, _meta| {
                Box::pin(async move {
                    // WAL makes the durability of NORMAL safe against corruption and
                    // lets readers run beside the single writer.
                    conn.execute("PRAGMA synchronous = NORMAL").await?;
                    conn.execute("PRAGMA busy_timeout = 10000").await?;
                    // Checkpoints run in the background (`checkpoint_in_background`), not
                    // inside the COMMIT that crosses SQLite's default of 1,000 pages, where
                    // they held the write lock while the file was synced; this is only the
                    // backstop should that job fall behind.
                    conn.execute("PRAGMA wal_autocheckpoint = 20000").await?;
                    Ok(())
                })
            })
            .connect(&url)
            .await?;
        // journal_mode cannot be set in the URL under `Any`; it is persistent in the file.
        sqlx::query("PRAGMA journal_mode = WAL")
            .execute(&pool)
            .await?;
        let options = SqliteConnectOptions::from_str(&url)?
            .journal_mode(SqliteJournalMode::Wal)
            .busy_timeout(Duration::from_secs(10));
        let sessions = SqlitePoolOptions::new()
            .max_connections(4)
            .test_before_acquire(false)
            .connect_with(options)
            .await?;
        Ok(Db {
            pool,
            backend: Backend::Sqlite,
            sessions: SessionPool::Sqlite(sessions),
            ready: Default::default(),
            changes: Changes::new(true),
            listen_url: None,
            write_gate: Some(Default::default()),
            session_cache: session_cache::SessionCache::new(true),
        })
    }

    pub async fn migrate(&self) -> Result<(), sqlx::migrate::MigrateError> {
        match self.backend {
            Backend::Sqlite => {
                sqlx::migrate!("migrations/sqlite").run(&self.pool).await?;
                // DIALECT: refresh the planner's statistics where SQLite thinks it pays.
                sqlx::query("PRAGMA optimize").execute(&self.pool).await?;
            }
            Backend::Postgres => {
                sqlx::migrate!("migrations/postgres")
                    .run(&self.pool)
                    .await?
            }
        }
        // Look-alike keys are computed in Rust; fill those that migration 0008 left empty.
        let mut tx = self.begin_write().await?;
        users::backfill_name_skeletons(&mut tx).await?;
        // The search index holds stems computed in Rust; build it where migration 0010 found
        // content already.
        search::backfill(&mut tx, self.backend).await?;
        tx.commit().await?;
        match &self.sessions {
            SessionPool::Sqlite(p) => tower_sessions_sqlx_store::SqliteStore::new(p.clone())
                .migrate()
                .await
                .map_err(sqlx::migrate::MigrateError::from)?,
            SessionPool::Postgres(p) => tower_sessions_sqlx_store::PostgresStore::new(p.clone())
                .migrate()
                .await
                .map_err(sqlx::migrate::MigrateError::from)?,
        }
        curation::convert_legacy_notices(&self.pool).await?;
        Ok(())
    }

    /// SQLite: copy the write-ahead log into the database file a few times a second after
    /// writes, beside the writer (a PASSIVE checkpoint never waits for it), so that commits do
    /// not pay for it: 16 people supporting went from a median of 1,985/s to 2,335/s (p99
    /// 17 ms to 27 ms, `bench/run.sh`); with only the larger backstop (see `connect`) the p99
    /// was 60 ms. A failure is logged once, until a checkpoint succeeds again. Nothing to do on
    /// PostgreSQL.
    pub fn checkpoint_in_background(&self) {
        if self.backend != Backend::Sqlite {
            return;
        }
        let db = self.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_millis(250));
            let mut seen = db.changes.current();
            let mut failing = false;
            loop {
                tick.tick().await;
                let now = db.changes.current();
                if now == seen {
                    continue;
                }
                seen = now;
                match sqlx::query("PRAGMA wal_checkpoint(PASSIVE)")
                    .execute(&db.pool)
                    .await
                {
                    Err(e) if !failing => {
                        failing = true;
                        tracing::warn!(error = %e, "checkpoints fail; SQLite's own takes over");
                    }
                    Ok(_) if failing => {
                        failing = false;
                        tracing::info!("checkpoints work again");
                    }
                    _ => {}
                }
            }
        });
    }

    /// Start hearing other instances' writes (PostgreSQL; nothing to do on SQLite). Call once,
    /// inside the runtime, in a process that serves pages.
    pub fn listen_for_writes(&self) {
        if let Some(url) = &self.listen_url {
            changes::listen(url.to_string(), self.changes.clone());
        }
    }

    /// A transaction that writes. DIALECT: SQLite takes the write lock up front
    /// (`BEGIN IMMEDIATE`), so concurrent writers wait for each other instead of failing
    /// with SQLITE_BUSY when a read inside the transaction is followed by a write.
    pub async fn begin_write(&self) -> Result<Tx, sqlx::Error> {
        let begun = match self.backend {
            Backend::Sqlite => Tx::begin(self, "BEGIN IMMEDIATE").await,
            Backend::Postgres => Tx::begin(self, "BEGIN").await,
        };
        begun.inspect_err(|e| {
            if is_storage_fault(e) {
                note_write_fault(e);
            }
        })
    }

    /// Whether a write can commit right now: one tiny UPSERT through the same road every
    /// write takes. Asked at most once a second; callers in between get the last answer.
    pub async fn check_write(&self) -> bool {
        let mut last = self.ready.lock().await;
        if let Some((at, ok)) = *last {
            if at.elapsed() < Duration::from_secs(1) {
                return ok;
            }
        }
        let ok = match self.write_probe().await {
            Ok(()) => true,
            Err(e) => {
                if is_storage_fault(&e) {
                    note_write_fault(&e);
                } else {
                    tracing::error!(error = %e, "readiness probe failed");
                }
                false
            }
        };
        *last = Some((Instant::now(), ok));
        ok
    }

    async fn write_probe(&self) -> Result<(), sqlx::Error> {
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO health (id, checked_at) VALUES (1, $1) \
             ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at",
        )
        .bind(now())
        .execute(&mut *tx)
        .await?;
        tx.commit().await
    }

    /// A consistent copy of the whole database in a new file, taken while others keep
    /// writing. DIALECT: SQLite only (`VACUUM INTO` reads one snapshot); PostgreSQL has
    /// pg_dump for this.
    pub async fn backup_to(&self, path: &std::path::Path) -> Result<(), sqlx::Error> {
        if self.backend != Backend::Sqlite {
            return Err(sqlx::Error::Configuration(
                "backups of PostgreSQL are made with pg_dump (see README, Betrieb)".into(),
            ));
        }
        sqlx::query("VACUUM INTO $1")
            .bind(path.to_string_lossy().into_owned())
            .execute(&self.pool)
            .await
            .map(|_| ())
    }

    pub async fn ping(&self) -> Result<(), sqlx::Error> {
        sqlx::query("SELECT 1")
            .execute(&self.pool)
            .await
            .map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::tx::is_fault_code;
    use super::{Backend, prepare_sqlite_url};

    /// Regression: PostgreSQL's numeric SQLSTATEs were read as SQLite codes, so a full disk
    /// ("53100") or a lost connection ("08006") on PostgreSQL counted as the request's fault.
    #[test]
    fn error_codes_are_read_in_their_own_database_s_terms() {
        for code in ["53100", "08006", "57P01", "58030", "25006"] {
            assert!(is_fault_code(Backend::Postgres, code), "{code}");
        }
        for code in ["23505", "23503", "22001", "40P01", "42P01"] {
            assert!(!is_fault_code(Backend::Postgres, code), "{code}");
        }
        // SQLITE_FULL, SQLITE_IOERR_WRITE (778), SQLITE_BUSY, SQLITE_READONLY.
        for code in ["13", "778", "5", "8"] {
            assert!(is_fault_code(Backend::Sqlite, code), "{code}");
        }
        // SQLITE_CONSTRAINT_UNIQUE (2067), SQLITE_ERROR.
        for code in ["2067", "1"] {
            assert!(!is_fault_code(Backend::Sqlite, code), "{code}");
        }
    }

    #[test]
    fn sqlite_urls_get_create_mode() {
        let dir = std::env::temp_dir().join("mitdenken-url-test");
        let url = format!("sqlite://{}/x.db", dir.display());
        assert_eq!(
            prepare_sqlite_url(&url).ok(),
            Some(format!("sqlite://{}/x.db?mode=rwc", dir.display()))
        );
        assert!(dir.is_dir());
    }
}
