//! What a person may see and end of their own sessions, beside tower-sessions' own table
//! (which holds the session data and expiry and can only be read by its id), and the
//! retention purge of everything that expires.

use super::{Backend, Exec, Tx};
use crate::domain::UserId;

/// tower-sessions' table. DIALECT: the PostgreSQL store keeps it in a schema of its own and
/// its expiry as `timestamptz`; the SQLite store writes the expiry as text.
fn store(backend: Backend) -> (&'static str, &'static str) {
    match backend {
        Backend::Sqlite => (
            "tower_sessions",
            "datetime(s.expiry_date) > datetime('now')",
        ),
        Backend::Postgres => ("\"tower_sessions\".\"session\"", "s.expiry_date > now()"),
    }
}

/// Remember (or refresh) that this session belongs to `user`; written at most every few
/// minutes per session (see `web::session`).
pub async fn touch<'e>(
    ex: impl Exec<'e>,
    session_id: &str,
    user: UserId,
    user_agent: &str,
    now: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO session_meta (session_id, user_id, created_at, last_seen_at, user_agent)
         VALUES ($1, $2, $3, $3, $4)
         ON CONFLICT (session_id) DO UPDATE SET last_seen_at = excluded.last_seen_at,
            user_agent = excluded.user_agent, user_id = excluded.user_id",
    )
    .bind(session_id)
    .bind(user)
    .bind(now)
    .bind(user_agent)
    .execute(ex)
    .await
    .map(|_| ())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SessionRow {
    pub id: i64,
    pub session_id: String,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub user_agent: String,
}

/// The person's sessions that still exist and have not expired, latest use first.
pub async fn active<'e>(
    ex: impl Exec<'e>,
    backend: Backend,
    user: UserId,
) -> sqlx::Result<Vec<SessionRow>> {
    let (table, alive) = store(backend);
    sqlx::query_as(&format!(
        "SELECT m.id, m.session_id, m.created_at, m.last_seen_at, m.user_agent
         FROM session_meta m JOIN {table} s ON s.id = m.session_id
         WHERE m.user_id = $1 AND {alive}
         ORDER BY m.last_seen_at DESC, m.id DESC"
    ))
    .bind(user)
    .fetch_all(ex)
    .await
}

/// End one of the person's sessions (by the id of its row here, never the session's own id,
/// which is the cookie's secret). False when it is not theirs or gone.
pub async fn end_one(tx: &mut Tx, backend: Backend, user: UserId, id: i64) -> sqlx::Result<bool> {
    let session: Option<String> =
        sqlx::query_scalar("SELECT session_id FROM session_meta WHERE id = $1 AND user_id = $2")
            .bind(id)
            .bind(user)
            .fetch_optional(&mut **tx)
            .await?;
    let Some(session) = session else {
        return Ok(false);
    };
    let (table, _) = store(backend);
    tx.ending_sessions();
    sqlx::query(&format!("DELETE FROM {table} WHERE id = $1"))
        .bind(&session)
        .execute(&mut **tx)
        .await?;
    sqlx::query("DELETE FROM session_meta WHERE id = $1")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(true)
}

/// End every session of the person known here, except `keep` (the session asking). The
/// caller also raises the account's `auth_epoch`, which ends sessions from before this table.
pub async fn delete_all_of(
    tx: &mut Tx,
    backend: Backend,
    user: UserId,
    keep: Option<&str>,
) -> sqlx::Result<u64> {
    let (table, _) = store(backend);
    tx.ending_sessions();
    let keep = keep.unwrap_or("");
    let ended = sqlx::query(&format!(
        "DELETE FROM {table} WHERE id IN
            (SELECT session_id FROM session_meta WHERE user_id = $1 AND session_id <> $2)"
    ))
    .bind(user)
    .bind(keep)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    sqlx::query("DELETE FROM session_meta WHERE user_id = $1 AND session_id <> $2")
        .bind(user)
        .bind(keep)
        .execute(&mut **tx)
        .await?;
    Ok(ended)
}

/// Forget one session's row (it is recorded afresh under its next id).
pub async fn forget<'e>(ex: impl Exec<'e>, session_id: &str) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM session_meta WHERE session_id = $1")
        .bind(session_id)
        .execute(ex)
        .await
        .map(|_| ())
}

/// Raise the account's `auth_epoch` (every session logged in under the old one ends) and
/// return the new one, for the session that stays.
pub async fn raise_epoch<'e>(ex: impl Exec<'e>, user: UserId) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "UPDATE users SET auth_epoch = auth_epoch + 1 WHERE id = $1 RETURNING auth_epoch",
    )
    .bind(user)
    .fetch_one(ex)
    .await
}

/// What the retention purge removed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Purged {
    pub session_rows: u64,
    pub feedback: u64,
}

/// The periodic purge: session rows whose session is gone (ended, or expired and deleted by
/// the store), and accessibility feedback older than `feedback_before` (unix seconds).
/// Hook: unconfirmed registrations and newsletter requests get their DELETE here once their
/// tables exist, with their period in `config::Retention`.
pub async fn purge<'e>(
    ex: impl Exec<'e> + Copy,
    backend: Backend,
    feedback_before: i64,
) -> sqlx::Result<Purged> {
    let (table, _) = store(backend);
    let session_rows = sqlx::query(&format!(
        "DELETE FROM session_meta WHERE session_id NOT IN (SELECT id FROM {table})"
    ))
    .execute(ex)
    .await?
    .rows_affected();
    let feedback = sqlx::query("DELETE FROM accessibility_feedback WHERE created_at < $1")
        .bind(feedback_before)
        .execute(ex)
        .await?
        .rows_affected();
    Ok(Purged {
        session_rows,
        feedback,
    })
}
