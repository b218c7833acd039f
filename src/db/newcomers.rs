//! The new-account limit, read inside the write transaction that would add the post, so two
//! posts sent at the same moment cannot both slip under it.

use super::{Backend, Tx, now};
use crate::domain::newcomers::HOUR;
use crate::domain::{NewAccountLimit, Role, UserId};

/// What is counted against the limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Posts {
    Ideas,
    Comments,
}

impl Posts {
    /// The newest-but-`n` post of an author since a time; both tables have an index on
    /// `(author_id, created_at)`. Every post counts, also withdrawn and deleted ones: deleting
    /// gives no new room.
    fn nth_newest_sql(self) -> &'static str {
        match self {
            Posts::Ideas => {
                "SELECT created_at FROM ideas WHERE author_id = $1 AND created_at > $2
                 ORDER BY created_at DESC LIMIT 1 OFFSET $3"
            }
            Posts::Comments => {
                "SELECT created_at FROM comments WHERE author_id = $1 AND created_at > $2
                 ORDER BY created_at DESC LIMIT 1 OFFSET $3"
            }
        }
    }
}

/// When `author` may post again (unix seconds), or `None` when they may post now; staff and
/// accounts past their first hours are never limited. DIALECT: on PostgreSQL a bound
/// account's row is locked (`FOR NO KEY UPDATE`, which leaves foreign-key checks alone), so
/// its concurrent posts are counted one after the other; SQLite's `BEGIN IMMEDIATE` already
/// serialises every writer. Call it before taking other row locks (an idea's), in the same
/// order as blocking a person does (the person, then their ideas).
pub async fn wait_until(
    tx: &mut Tx,
    backend: Backend,
    posts: Posts,
    author: UserId,
    limit: NewAccountLimit,
) -> sqlx::Result<Option<i64>> {
    let account: Option<(Role, i64)> =
        sqlx::query_as("SELECT role, created_at FROM users WHERE id = $1")
            .bind(author)
            .fetch_optional(&mut **tx)
            .await?;
    let now = now();
    let Some((_, registered)) = account.filter(|(r, at)| limit.applies(*r, *at, now)) else {
        return Ok(None);
    };
    if backend == Backend::Postgres {
        sqlx::query("SELECT id FROM users WHERE id = $1 FOR NO KEY UPDATE")
            .bind(author)
            .execute(&mut **tx)
            .await?;
    }
    let nth_newest: Option<i64> = if limit.per_hour > 0 {
        sqlx::query_scalar(posts.nth_newest_sql())
            .bind(author)
            .bind(now - HOUR)
            .bind(limit.per_hour - 1)
            .fetch_optional(&mut **tx)
            .await?
    } else {
        None
    };
    Ok(limit.wait_until(registered, nth_newest))
}
