//! Queries about comments: one level of replies, soft deletion that keeps threads readable.

use super::Exec;
use crate::domain::{CommentId, IdeaId, UserId};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CommentRow {
    pub id: CommentId,
    pub idea_id: IdeaId,
    pub author_id: UserId,
    pub author_name: String,
    pub author_role: String,
    pub parent_id: Option<CommentId>,
    pub body: String,
    pub created_at: i64,
    pub edited_at: Option<i64>,
    pub deleted_at: Option<i64>,
}

const SELECT: &str =
    "SELECT c.id, c.idea_id, c.author_id, u.display_name AS author_name, u.role AS author_role,
        c.parent_id, c.body, c.created_at, c.edited_at, c.deleted_at
    FROM comments c JOIN users u ON u.id = c.author_id";

pub async fn for_idea<'e>(ex: impl Exec<'e>, idea: IdeaId) -> sqlx::Result<Vec<CommentRow>> {
    sqlx::query_as(&format!(
        "{SELECT} WHERE c.idea_id = $1 ORDER BY c.created_at, c.id"
    ))
    .bind(idea)
    .fetch_all(ex)
    .await
}

pub async fn by_id<'e>(ex: impl Exec<'e>, id: CommentId) -> sqlx::Result<Option<CommentRow>> {
    sqlx::query_as(&format!("{SELECT} WHERE c.id = $1"))
        .bind(id)
        .fetch_optional(ex)
        .await
}

pub async fn insert<'e>(
    ex: impl Exec<'e>,
    idea: IdeaId,
    author: UserId,
    parent: Option<CommentId>,
    body: &str,
) -> sqlx::Result<CommentId> {
    sqlx::query_scalar(
        "INSERT INTO comments (idea_id, author_id, parent_id, body, created_at)
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(idea)
    .bind(author)
    .bind(parent)
    .bind(body)
    .bind(super::now())
    .fetch_one(ex)
    .await
}

pub async fn update<'e>(ex: impl Exec<'e>, id: CommentId, body: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE comments SET body = $1, edited_at = $2 WHERE id = $3")
        .bind(body)
        .bind(super::now())
        .bind(id)
        .execute(ex)
        .await
        .map(|_| ())
}

/// Soft delete: the row stays so replies keep their place; its text is never shown again.
pub async fn delete<'e>(ex: impl Exec<'e>, id: CommentId) -> sqlx::Result<bool> {
    let r = sqlx::query("UPDATE comments SET deleted_at = $1 WHERE id = $2 AND deleted_at IS NULL")
        .bind(super::now())
        .bind(id)
        .execute(ex)
        .await?;
    Ok(r.rows_affected() == 1)
}

pub async fn bump_count<'e>(ex: impl Exec<'e>, idea: IdeaId, delta: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE ideas SET comment_count = comment_count + $1 WHERE id = $2")
        .bind(delta)
        .bind(idea)
        .execute(ex)
        .await
        .map(|_| ())
}

pub async fn count_by_author<'e>(ex: impl Exec<'e>, author: UserId) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM comments WHERE author_id = $1 AND deleted_at IS NULL")
        .bind(author)
        .fetch_one(ex)
        .await
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AuthoredComment {
    pub id: CommentId,
    pub idea_id: IdeaId,
    pub idea_title: String,
    pub body: String,
    pub created_at: i64,
}

pub async fn by_author<'e>(
    ex: impl Exec<'e>,
    author: UserId,
    limit: i64,
) -> sqlx::Result<Vec<AuthoredComment>> {
    sqlx::query_as(
        "SELECT c.id, c.idea_id, i.title AS idea_title, c.body, c.created_at
         FROM comments c JOIN ideas i ON i.id = c.idea_id
         WHERE c.author_id = $1 AND c.deleted_at IS NULL
         ORDER BY c.created_at DESC, c.id DESC LIMIT $2",
    )
    .bind(author)
    .bind(limit)
    .fetch_all(ex)
    .await
}
