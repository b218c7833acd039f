//! The public feeds' queries: only what the pages show to anyone, newest first, bounded.
//!
//! Hidden ideas and comments, blocked authors and deleted comments never come back from
//! here; the idea lists also leave out withdrawn and merged ideas (`listed = 1`).

use super::Exec;
use crate::domain::{CommentId, IdeaId, LearningId, Status, ThemeId, WorkshopId};

/// An idea as a feed entry.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FeedIdea {
    pub id: IdeaId,
    pub title: String,
    pub body: String,
    pub author_name: String,
    pub theme_name: String,
    pub theme_name_en: String,
    pub status: Status,
    pub created_at: i64,
    pub edited_at: Option<i64>,
}

const IDEA_COLUMNS: &str = "SELECT i.id, i.title, i.body, u.display_name AS author_name,
        t.name AS theme_name, t.name_en AS theme_name_en, i.status, i.created_at, i.edited_at
    FROM ideas i JOIN users u ON u.id = i.author_id JOIN themes t ON t.id = i.theme_id";

/// The newest listed ideas of all themes. Ids grow with submission, so the primary key
/// gives the newest without sorting the whole table.
pub async fn newest_ideas<'e>(ex: impl Exec<'e>, limit: i64) -> sqlx::Result<Vec<FeedIdea>> {
    sqlx::query(&format!(
        "{IDEA_COLUMNS} WHERE i.listed = 1 ORDER BY i.id DESC LIMIT $1"
    ))
    .bind(limit)
    .try_map(super::decoded)
    .fetch_all(ex)
    .await
}

/// The newest listed ideas of one theme, read from `ideas_theme_newest`.
pub async fn theme_ideas<'e>(
    ex: impl Exec<'e>,
    theme: ThemeId,
    limit: i64,
) -> sqlx::Result<Vec<FeedIdea>> {
    sqlx::query(&format!(
        "{IDEA_COLUMNS} WHERE i.theme_id = $1 AND i.listed = 1
         ORDER BY i.created_at DESC, i.id DESC LIMIT $2"
    ))
    .bind(theme)
    .bind(limit)
    .try_map(super::decoded)
    .fetch_all(ex)
    .await
}

/// One step of an idea's public trail.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FeedTransition {
    pub id: i64,
    pub idea_id: IdeaId,
    pub idea_title: String,
    pub to_status: Status,
    pub actor_name: String,
    pub note: String,
    pub created_at: i64,
}

const TRANSITION_COLUMNS: &str = "SELECT tr.id, tr.idea_id, i.title AS idea_title, tr.to_status,
        tr.actor_name, tr.note, tr.created_at
    FROM idea_transitions tr JOIN ideas i ON i.id = tr.idea_id";

/// The newest steps of one idea's trail (`idea_transitions_idea`).
pub async fn idea_trail<'e>(
    ex: impl Exec<'e>,
    idea: IdeaId,
    limit: i64,
) -> sqlx::Result<Vec<FeedTransition>> {
    sqlx::query(&format!(
        "{TRANSITION_COLUMNS} WHERE tr.idea_id = $1
         ORDER BY tr.created_at DESC, tr.id DESC LIMIT $2"
    ))
    .bind(idea)
    .bind(limit)
    .try_map(super::decoded)
    .fetch_all(ex)
    .await
}

/// The ministry's newest answers (accepted, in progress, rejected) on ideas anyone may read.
/// An answered idea's status is an answer or `implemented`, so the few answered ideas come
/// from `ideas_status` and their trails from `idea_transitions_idea`.
pub async fn answers<'e>(ex: impl Exec<'e>, limit: i64) -> sqlx::Result<Vec<FeedTransition>> {
    sqlx::query(&format!(
        "{TRANSITION_COLUMNS}
         WHERE i.status IN ($1, $2, $3, $4) AND tr.to_status IN ($1, $2, $3)
           AND i.hidden_at IS NULL AND i.author_blocked = 0
         ORDER BY tr.created_at DESC, tr.id DESC LIMIT $5"
    ))
    .bind(Status::Accepted)
    .bind(Status::InProgress)
    .bind(Status::Rejected)
    .bind(Status::Implemented)
    .bind(limit)
    .try_map(super::decoded)
    .fetch_all(ex)
    .await
}

/// A visible comment as a feed entry.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FeedComment {
    pub id: CommentId,
    pub author_name: String,
    pub body: String,
    pub created_at: i64,
    pub edited_at: Option<i64>,
}

/// The newest visible comments of one idea (`comments_idea`): not deleted, not hidden, not
/// by a blocked author.
pub async fn idea_comments<'e>(
    ex: impl Exec<'e>,
    idea: IdeaId,
    limit: i64,
) -> sqlx::Result<Vec<FeedComment>> {
    sqlx::query(
        "SELECT c.id, u.display_name AS author_name, c.body, c.created_at, c.edited_at
         FROM comments c JOIN users u ON u.id = c.author_id
         WHERE c.idea_id = $1 AND c.deleted_at IS NULL AND c.hidden_at IS NULL
           AND u.blocked_at IS NULL
         ORDER BY c.created_at DESC, c.id DESC LIMIT $2",
    )
    .bind(idea)
    .bind(limit)
    .try_map(super::decoded)
    .fetch_all(ex)
    .await
}

/// A workshop as a feed entry.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FeedWorkshop {
    pub id: WorkshopId,
    pub title: String,
    pub description: String,
    pub starts_at: i64,
    pub created_at: i64,
    pub updated_at: i64,
}

/// The newest workshops by when they were announced (primary key).
pub async fn workshops<'e>(ex: impl Exec<'e>, limit: i64) -> sqlx::Result<Vec<FeedWorkshop>> {
    sqlx::query(
        "SELECT id, title, description, starts_at, created_at, updated_at
         FROM workshops ORDER BY id DESC LIMIT $1",
    )
    .bind(limit)
    .try_map(super::decoded)
    .fetch_all(ex)
    .await
}

/// A learning of a workshop as a feed entry.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FeedLearning {
    pub id: LearningId,
    pub workshop_id: WorkshopId,
    pub workshop_title: String,
    pub number: i64,
    pub title: String,
    pub body: String,
    pub created_at: i64,
}

/// The newest learnings of all workshops (primary key).
pub async fn learnings<'e>(ex: impl Exec<'e>, limit: i64) -> sqlx::Result<Vec<FeedLearning>> {
    sqlx::query(
        "SELECT l.id, l.workshop_id, w.title AS workshop_title, l.number, l.title, l.body,
                l.created_at
         FROM learnings l JOIN workshops w ON w.id = l.workshop_id
         ORDER BY l.id DESC LIMIT $1",
    )
    .bind(limit)
    .try_map(super::decoded)
    .fetch_all(ex)
    .await
}
