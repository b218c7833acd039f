//! "Im Trend" as a maintained count, so the trend sort reads an index like the other sorts:
//! `ideas.trend_count` is the number of the idea's supports created at or after the one
//! `trend_state.cutoff`. A new support raises it, withdrawing a support from after the cutoff
//! lowers it, and `advance` moves the cutoff up to "a week ago" in bounded steps, subtracting
//! the supports it passes. Between two runs of `advance` (every minute) a support may count
//! up to that long past its week.
//!
//! DIALECT: on PostgreSQL `advance` locks the state row (`FOR UPDATE`) and a withdrawal reads
//! it `FOR SHARE`, so a withdrawal racing the cutoff is subtracted exactly once; SQLite's
//! `BEGIN IMMEDIATE` already runs them one after the other.

use super::super::{Backend, Db, Tx};
use crate::domain::IdeaId;

/// The trend's window: supports of the last seven days.
pub const WINDOW_SECS: i64 = 7 * 24 * 3600;
/// The cutoff moves at most this far per transaction, so a server that was down for weeks
/// catches up in short steps instead of one long write lock.
const STEP_SECS: i64 = 3600;

/// The cutoff as stored (locked for the transaction on PostgreSQL).
async fn cutoff(tx: &mut Tx, backend: Backend, lock: &str) -> sqlx::Result<i64> {
    let lock = if backend == Backend::Postgres {
        lock
    } else {
        ""
    };
    sqlx::query_scalar(&format!(
        "SELECT cutoff FROM trend_state WHERE id = 1{lock}"
    ))
    .fetch_one(&mut **tx)
    .await
}

/// The cutoff, held still until the transaction ends. Take it before locking any idea:
/// `advance` holds it first and then writes ideas, so the same order everywhere keeps
/// PostgreSQL from deadlocking.
pub(super) async fn hold(tx: &mut Tx, backend: Backend) -> sqlx::Result<Cutoff> {
    cutoff(tx, backend, " FOR SHARE").await.map(Cutoff)
}

/// The cutoff read by `hold`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Cutoff(i64);

/// A support of `idea` created at `created_at` was withdrawn: it leaves the trend if it still
/// counted.
pub(super) async fn withdrawn(
    tx: &mut Tx,
    cutoff: Cutoff,
    idea: IdeaId,
    created_at: i64,
) -> sqlx::Result<()> {
    if created_at >= cutoff.0 {
        sqlx::query("UPDATE ideas SET trend_count = trend_count - 1 WHERE id = $1")
            .bind(idea)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// These ideas' counts afresh from their supports (after supports moved in a merge).
pub(super) async fn recount(tx: &mut Tx, cutoff: Cutoff, ideas: &[IdeaId]) -> sqlx::Result<()> {
    for idea in ideas {
        sqlx::query(
            "UPDATE ideas SET trend_count = (SELECT COUNT(*) FROM supports s
                 WHERE s.idea_id = ideas.id AND s.created_at >= $1)
             WHERE id = $2",
        )
        .bind(cutoff.0)
        .bind(idea)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// Every idea's count afresh, with the cutoff at `now` minus the window (after seeding).
pub(in crate::db) async fn recount_all(
    tx: &mut Tx,
    backend: Backend,
    now: i64,
) -> sqlx::Result<()> {
    cutoff(tx, backend, " FOR UPDATE").await?;
    sqlx::query("UPDATE trend_state SET cutoff = $1 WHERE id = 1")
        .bind(now - WINDOW_SECS)
        .execute(&mut **tx)
        .await?;
    sqlx::query(
        "UPDATE ideas SET trend_count = (SELECT COUNT(*) FROM supports s
             WHERE s.idea_id = ideas.id AND s.created_at >= $1)",
    )
    .bind(now - WINDOW_SECS)
    .execute(&mut **tx)
    .await
    .map(|_| ())
}

/// Move the cutoff to `now` minus the window, one bounded step per transaction; returns how
/// many supports left the trend.
pub async fn advance(db: &Db, now: i64) -> sqlx::Result<i64> {
    let target = now - WINDOW_SECS;
    let mut passed = 0;
    loop {
        let mut tx = db.begin_write().await?;
        let from = cutoff(&mut tx, db.backend, " FOR UPDATE").await?;
        if from >= target {
            tx.rollback().await?;
            return Ok(passed);
        }
        let to = target.min(from + STEP_SECS);
        // Per theme, so each range reads the index `supports_theme_recent`.
        let aged: Vec<(IdeaId, i64)> = sqlx::query_as(
            "SELECT s.idea_id, COUNT(*) FROM themes t
             JOIN supports s ON s.theme_id = t.id AND s.created_at >= $1 AND s.created_at < $2
             GROUP BY s.idea_id",
        )
        .bind(from)
        .bind(to)
        .fetch_all(&mut *tx)
        .await?;
        for (idea, n) in &aged {
            sqlx::query("UPDATE ideas SET trend_count = trend_count - $1 WHERE id = $2")
                .bind(n)
                .bind(idea)
                .execute(&mut *tx)
                .await?;
            passed += n;
        }
        sqlx::query("UPDATE trend_state SET cutoff = $1 WHERE id = 1")
            .bind(to)
            .execute(&mut *tx)
            .await?;
        if aged.is_empty() {
            // Only the cutoff moved: no count and no page changed.
            tx.commit_unseen().await?;
        } else {
            tx.commit().await?;
        }
    }
}
