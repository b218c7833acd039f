//! Connecting to SQLite or PostgreSQL behind one `AnyPool`, migrations, and the per-area queries.
//!
//! Every query is written once for both databases (`$n` placeholders, BIGINT/TEXT columns,
//! unix-second timestamps). The few real dialect differences are marked `DIALECT:`.

pub mod comments;
pub mod curation;
pub mod feedback;
pub mod ideas;
pub mod moderation;
pub mod newcomers;
pub mod organisations;
pub mod seed;
pub mod themes;
pub mod users;
pub mod workshops;

use sqlx::any::AnyPoolOptions;
use sqlx::any::AnyRow;
use sqlx::postgres::PgPoolOptions;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions};
use sqlx::{Any, AnyPool, Executor, PgPool, Row, SqlitePool, Transaction};
use std::str::FromStr;
use std::time::Duration;

/// Any executor over the `Any` driver: a pool, a connection or `&mut *transaction`.
pub trait Exec<'e>: Executor<'e, Database = Any> {}
impl<'e, T: Executor<'e, Database = Any>> Exec<'e> for T {}

pub type Tx = Transaction<'static, Any>;

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

/// A `sqlite:` URL with its parent folder created and `mode=rwc`, so a first start just works.
fn prepare_sqlite_url(url: &str) -> std::io::Result<String> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .unwrap_or(url);
    let (path, query) = match rest.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (rest, None),
    };
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
        if url.starts_with("postgres:") || url.starts_with("postgresql:") {
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
            .after_connect(|conn, _meta| {
                Box::pin(async move {
                    // WAL makes the durability of NORMAL safe against corruption and
                    // lets readers run beside the single writer.
                    conn.execute("PRAGMA synchronous = NORMAL").await?;
                    conn.execute("PRAGMA busy_timeout = 10000").await?;
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
            .connect_with(options)
            .await?;
        Ok(Db {
            pool,
            backend: Backend::Sqlite,
            sessions: SessionPool::Sqlite(sessions),
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

    /// A transaction that writes. DIALECT: SQLite takes the write lock up front
    /// (`BEGIN IMMEDIATE`), so concurrent writers wait for each other instead of failing
    /// with SQLITE_BUSY when a read inside the transaction is followed by a write.
    pub async fn begin_write(&self) -> Result<Tx, sqlx::Error> {
        match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
            Backend::Postgres => self.pool.begin().await,
        }
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
    use super::prepare_sqlite_url;

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
