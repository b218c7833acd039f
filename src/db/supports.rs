//! Supports: one per person and idea (the primary key says so), with the idea's count kept
//! exact in the same transaction.

use super::Exec;
use crate::domain::{IdeaId, ThemeId, UserId};

/// Adds the support; false when this person already supported the idea. Call inside a write
/// transaction, followed by `bump`.
pub async fn insert<'e>(ex: impl Exec<'e>, idea: IdeaId, user: UserId) -> sqlx::Result<bool> {
    let r = sqlx::query(
        "INSERT INTO supports (idea_id, user_id, theme_id, created_at)
         SELECT id, $2, theme_id, $3 FROM ideas WHERE id = $1
         ON CONFLICT (idea_id, user_id) DO NOTHING",
    )
    .bind(idea)
    .bind(user)
    .bind(super::now())
    .execute(ex)
    .await?;
    Ok(r.rows_affected() == 1)
}

pub async fn delete<'e>(ex: impl Exec<'e>, idea: IdeaId, user: UserId) -> sqlx::Result<bool> {
    let r = sqlx::query("DELETE FROM supports WHERE idea_id = $1 AND user_id = $2")
        .bind(idea)
        .bind(user)
        .execute(ex)
        .await?;
    Ok(r.rows_affected() == 1)
}

/// Change the idea's support count by `delta`; the row lock (PostgreSQL) or the write lock
/// (SQLite) makes concurrent changes add up exactly.
pub async fn bump<'e>(ex: impl Exec<'e>, idea: IdeaId, delta: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE ideas SET support_count = support_count + $1 WHERE id = $2")
        .bind(delta)
        .bind(idea)
        .execute(ex)
        .await
        .map(|_| ())
}

/// After an idea moved to another theme, its supports follow (see the schema's comment).
pub async fn move_theme<'e>(ex: impl Exec<'e>, idea: IdeaId, theme: ThemeId) -> sqlx::Result<()> {
    sqlx::query("UPDATE supports SET theme_id = $1 WHERE idea_id = $2")
        .bind(theme)
        .bind(idea)
        .execute(ex)
        .await
        .map(|_| ())
}

pub async fn exists<'e>(ex: impl Exec<'e>, idea: IdeaId, user: UserId) -> sqlx::Result<bool> {
    let n: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM supports WHERE idea_id = $1 AND user_id = $2")
            .bind(idea)
            .bind(user)
            .fetch_one(ex)
            .await?;
    Ok(n > 0)
}
