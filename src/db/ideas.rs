//! Queries about ideas: the theme lists (one index per sort), the idea page, and edits.

use super::Exec;
use crate::domain::{IdeaId, ThemeId, UserId};

/// The sorts of a theme page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    Newest,
    MostSupported,
    MostDiscussed,
    /// Most supports in the last seven days; lists only ideas supported in that time.
    Trending,
}

impl Sort {
    pub const ALL: [Sort; 4] = [
        Sort::Newest,
        Sort::MostSupported,
        Sort::MostDiscussed,
        Sort::Trending,
    ];
    pub const TREND_WINDOW_SECS: i64 = 7 * 24 * 3600;

    /// The value in `?sort=`; unknown values fall back to the default instead of an error.
    pub fn from_param(p: Option<&str>) -> Sort {
        Sort::ALL
            .into_iter()
            .find(|s| Some(s.param()) == p)
            .unwrap_or(Sort::Newest)
    }

    pub fn param(self) -> &'static str {
        match self {
            Sort::Newest => "neueste",
            Sort::MostSupported => "unterstuetzung",
            Sort::MostDiscussed => "diskutiert",
            Sort::Trending => "trend",
        }
    }

    fn order_by(self) -> &'static str {
        match self {
            Sort::Newest | Sort::Trending => "i.created_at DESC, i.id DESC",
            Sort::MostSupported => "i.support_count DESC, i.created_at DESC, i.id DESC",
            Sort::MostDiscussed => "i.comment_count DESC, i.created_at DESC, i.id DESC",
        }
    }
}

/// What an idea card shows.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct IdeaCard {
    pub id: IdeaId,
    pub title: String,
    pub author_id: UserId,
    pub author_name: String,
    pub author_role: String,
    pub support_count: i64,
    pub comment_count: i64,
    pub created_at: i64,
    pub status: String,
    /// Supports in the trend window (only filled for the trend sort).
    pub recent: i64,
    /// For the trend sort: how many ideas the whole list has (a window count over the same
    /// rows, which spares a second pass over the week's supports).
    pub listed: i64,
}

/// One page of a theme's listed ideas. Each sort walks its own index
/// (`ideas_theme_newest`, `_supports`, `_comments`), so the cost does not grow with the theme.
pub async fn list_for_theme<'e>(
    ex: impl Exec<'e>,
    theme: ThemeId,
    sort: Sort,
    limit: i64,
    offset: i64,
    now: i64,
) -> sqlx::Result<Vec<IdeaCard>> {
    if sort == Sort::Trending {
        // Starts from this theme's supports of the last week (index `supports_theme_recent`).
        return sqlx::query_as(
            "SELECT i.id, i.title, i.author_id, u.display_name AS author_name, u.role AS author_role, i.support_count,
                    i.comment_count, i.created_at, i.status, r.recent,
                    COUNT(*) OVER () AS listed
             FROM (SELECT idea_id, COUNT(*) AS recent FROM supports
                   WHERE theme_id = $1 AND created_at >= $2
                   GROUP BY idea_id) r
             JOIN ideas i ON i.id = r.idea_id
             JOIN users u ON u.id = i.author_id
             WHERE i.theme_id = $1 AND i.withdrawn_at IS NULL
             ORDER BY r.recent DESC, i.support_count DESC, i.id DESC
             LIMIT $3 OFFSET $4",
        )
        .bind(theme)
        .bind(now - Sort::TREND_WINDOW_SECS)
        .bind(limit)
        .bind(offset)
        .fetch_all(ex)
        .await;
    }
    sqlx::query_as(&format!(
        "SELECT i.id, i.title, i.author_id, u.display_name AS author_name, u.role AS author_role, i.support_count,
                i.comment_count, i.created_at, i.status, CAST(0 AS BIGINT) AS recent,
                CAST(0 AS BIGINT) AS listed
         FROM ideas i JOIN users u ON u.id = i.author_id
         WHERE i.theme_id = $1 AND i.withdrawn_at IS NULL
         ORDER BY {} LIMIT $2 OFFSET $3",
        sort.order_by()
    ))
    .bind(theme)
    .bind(limit)
    .bind(offset)
    .fetch_all(ex)
    .await
}

/// How many ideas the trend sort lists (the other sorts use the theme's `idea_count`).
pub async fn count_trending<'e>(ex: impl Exec<'e>, theme: ThemeId, now: i64) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "SELECT COUNT(DISTINCT s.idea_id) FROM supports s JOIN ideas i ON i.id = s.idea_id
         WHERE s.theme_id = $1 AND s.created_at >= $2 AND i.withdrawn_at IS NULL",
    )
    .bind(theme)
    .bind(now - Sort::TREND_WINDOW_SECS)
    .fetch_one(ex)
    .await
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct IdeaDetail {
    pub id: IdeaId,
    pub theme_id: ThemeId,
    pub theme_slug: String,
    pub theme_name: String,
    pub author_id: UserId,
    pub author_name: String,
    pub author_role: String,
    pub title: String,
    pub body: String,
    pub status: String,
    pub support_count: i64,
    pub comment_count: i64,
    pub created_at: i64,
    pub edited_at: Option<i64>,
    pub withdrawn_at: Option<i64>,
}

impl IdeaDetail {
    pub fn withdrawn(&self) -> bool {
        self.withdrawn_at.is_some()
    }
}

pub async fn detail<'e>(ex: impl Exec<'e>, id: IdeaId) -> sqlx::Result<Option<IdeaDetail>> {
    sqlx::query_as(
        "SELECT i.id, i.theme_id, t.slug AS theme_slug, t.name AS theme_name, i.author_id,
                u.display_name AS author_name, u.role AS author_role, i.title, i.body, i.status, i.support_count,
                i.comment_count, i.created_at, i.edited_at, i.withdrawn_at
         FROM ideas i JOIN users u ON u.id = i.author_id JOIN themes t ON t.id = i.theme_id
         WHERE i.id = $1",
    )
    .bind(id)
    .fetch_optional(ex)
    .await
}

pub async fn insert<'e>(
    ex: impl Exec<'e>,
    theme: ThemeId,
    author: UserId,
    title: &str,
    body: &str,
) -> sqlx::Result<IdeaId> {
    sqlx::query_scalar(
        "INSERT INTO ideas (theme_id, author_id, title, body, status, support_count,
                            comment_count, created_at)
         VALUES ($1, $2, $3, $4, 'submitted', 0, 0, $5) RETURNING id",
    )
    .bind(theme)
    .bind(author)
    .bind(title)
    .bind(body)
    .bind(super::now())
    .fetch_one(ex)
    .await
}

/// Saves an edit only if the idea is still listed in `old_theme`, so the theme counts that
/// the caller adjusts afterwards cannot drift when two edits or an edit and a withdrawal
/// race; false means "changed meanwhile".
pub async fn update<'e>(
    ex: impl Exec<'e>,
    id: IdeaId,
    old_theme: ThemeId,
    theme: ThemeId,
    title: &str,
    body: &str,
) -> sqlx::Result<bool> {
    let r = sqlx::query(
        "UPDATE ideas SET theme_id = $1, title = $2, body = $3, edited_at = $4
         WHERE id = $5 AND theme_id = $6 AND withdrawn_at IS NULL",
    )
    .bind(theme)
    .bind(title)
    .bind(body)
    .bind(super::now())
    .bind(id)
    .bind(old_theme)
    .execute(ex)
    .await?;
    Ok(r.rows_affected() == 1)
}

/// Marks the idea withdrawn and returns the theme it was listed in, or None if it already
/// was withdrawn (so the count is lowered exactly once, in the right theme).
pub async fn withdraw<'e>(ex: impl Exec<'e>, id: IdeaId) -> sqlx::Result<Option<ThemeId>> {
    sqlx::query_scalar(
        "UPDATE ideas SET withdrawn_at = $1, status = 'withdrawn'
         WHERE id = $2 AND withdrawn_at IS NULL RETURNING theme_id",
    )
    .bind(super::now())
    .bind(id)
    .fetch_optional(ex)
    .await
}

pub async fn count_by_author<'e>(ex: impl Exec<'e>, author: UserId) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM ideas WHERE author_id = $1")
        .bind(author)
        .fetch_one(ex)
        .await
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AuthoredIdea {
    pub id: IdeaId,
    pub title: String,
    pub theme_name: String,
    pub support_count: i64,
    pub comment_count: i64,
    pub created_at: i64,
    pub status: String,
}

pub async fn by_author<'e>(
    ex: impl Exec<'e>,
    author: UserId,
    limit: i64,
) -> sqlx::Result<Vec<AuthoredIdea>> {
    sqlx::query_as(
        "SELECT i.id, i.title, t.name AS theme_name, i.support_count, i.comment_count,
                i.created_at, i.status
         FROM ideas i JOIN themes t ON t.id = i.theme_id
         WHERE i.author_id = $1
         ORDER BY i.created_at DESC, i.id DESC LIMIT $2",
    )
    .bind(author)
    .bind(limit)
    .fetch_all(ex)
    .await
}
