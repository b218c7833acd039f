//! Queries about ideas: the lists (`list`, one index per sort), the idea page, the queues.
//! Every write to an idea, its supports and its theme's count goes through `write`.

pub mod list;
pub mod trend;
mod write;

pub use write::{
    EditOutcome, Locked, NewIdea, SubmitOutcome, SupportOutcome, change_support, edit, hide, lock,
    merge, recount_all_counters, release_held, remove_all_supports, set_authors_ideas_blocked,
    set_status, submit,
};

use super::Exec;
use crate::domain::newcomers::first_post;
use crate::domain::{IdeaId, OrganisationId, Role, Status, ThemeId, UserId};

/// The sorts of a theme page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    Newest,
    MostSupported,
    MostDiscussed,
    /// Most supports in the last seven days (a maintained count, see `trend`); lists only
    /// ideas supported in that time.
    Trending,
}

impl Sort {
    pub const ALL: [Sort; 4] = [
        Sort::Newest,
        Sort::MostSupported,
        Sort::MostDiscussed,
        Sort::Trending,
    ];
    pub const TREND_WINDOW_SECS: i64 = trend::WINDOW_SECS;

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
}

/// What an idea card shows.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct IdeaCard {
    pub id: IdeaId,
    pub title: String,
    pub author_id: UserId,
    pub author_name: String,
    pub author_role: Role,
    pub org_name: Option<String>,
    pub org_slug: Option<String>,
    pub org_verified: Option<i64>,
    pub support_count: i64,
    pub comment_count: i64,
    pub created_at: i64,
    pub status: Status,
    /// The start of the text, for the card's excerpt (the card shortens it between words).
    pub excerpt: String,
    /// Supports in the trend window (only filled for the trend sort).
    pub recent: i64,
    /// For the trend sort: how many ideas the whole list has (a window count over the same
    /// rows, which spares a second pass over the week's supports).
    pub listed: i64,
    /// Filled by `tags::attach` where a list shows tags.
    #[sqlx(skip)]
    pub tags: Vec<super::tags::Tag>,
}

const CARD_COLUMNS: &str = "i.id, i.title, i.author_id, u.display_name AS author_name,
    u.role AS author_role, o.name AS org_name, o.slug AS org_slug, o.verified_at AS org_verified,
    i.support_count, i.comment_count, i.created_at, i.status, SUBSTR(i.body, 1, 400) AS excerpt";

const CARD_JOINS: &str = "JOIN users u ON u.id = i.author_id
    LEFT JOIN organisations o ON o.id = i.organisation_id";

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct IdeaDetail {
    pub id: IdeaId,
    pub theme_id: ThemeId,
    pub theme_slug: String,
    pub theme_name: String,
    /// The theme's English name, "" when it has none.
    pub theme_name_en: String,
    pub author_id: UserId,
    pub author_name: String,
    pub author_role: Role,
    /// How long the author's account had existed when they wrote it (seconds): the links
    /// of a post from their first hours are marked.
    pub author_age: i64,
    pub org_id: Option<OrganisationId>,
    pub org_name: Option<String>,
    pub org_slug: Option<String>,
    pub org_verified: Option<i64>,
    pub title: String,
    pub body: String,
    pub status: Status,
    pub support_count: i64,
    pub comment_count: i64,
    pub created_at: i64,
    pub edited_at: Option<i64>,
    pub withdrawn_at: Option<i64>,
    pub merged_into: Option<IdeaId>,
    pub hidden_at: Option<i64>,
    pub hidden_reason: Option<String>,
    #[sqlx(try_from = "super::Flag")]
    pub hidden_provisional: bool,
    #[sqlx(try_from = "super::Flag")]
    pub author_blocked: bool,
}

impl IdeaDetail {
    /// Withdrawn or merged: no more supports, comments or edits.
    pub fn closed(&self) -> bool {
        self.status.is_closed()
    }

    pub fn withdrawn(&self) -> bool {
        self.withdrawn_at.is_some()
    }

    /// Hidden by moderation, or its author is blocked: the text is not shown.
    pub fn hidden(&self) -> bool {
        self.hidden_at.is_some() || self.author_blocked
    }

    /// Written while its author's account was new (within `window` seconds of registering).
    pub fn first_post(&self, window: i64) -> bool {
        first_post(self.author_role, self.author_age, window)
    }
}

pub async fn detail<'e>(ex: impl Exec<'e>, id: IdeaId) -> sqlx::Result<Option<IdeaDetail>> {
    sqlx::query(
        "SELECT i.id, i.theme_id, t.slug AS theme_slug, t.name AS theme_name, t.name_en AS theme_name_en, i.author_id,
                u.display_name AS author_name, u.role AS author_role,
                i.created_at - u.created_at AS author_age, o.id AS org_id, o.name AS org_name, o.slug AS org_slug, o.verified_at AS org_verified,
                i.title, i.body, i.status, i.support_count,
                i.comment_count, i.created_at, i.edited_at, i.withdrawn_at, i.merged_into,
                i.hidden_at, i.hidden_reason, i.hidden_provisional, i.author_blocked
         FROM ideas i JOIN users u ON u.id = i.author_id JOIN themes t ON t.id = i.theme_id
         LEFT JOIN organisations o ON o.id = i.organisation_id
         WHERE i.id = $1",
    )
    .bind(id)
    .try_map(super::decoded)
    .fetch_optional(ex)
    .await
}

/// Whether `user` supports the idea (also while the support is held back until they
/// confirm their address, so they can take it back).
pub async fn supported_by<'e>(ex: impl Exec<'e>, idea: IdeaId, user: UserId) -> sqlx::Result<bool> {
    let n: i64 = sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM supports WHERE idea_id = $1 AND user_id = $2)
              + (SELECT COUNT(*) FROM held_supports WHERE idea_id = $1 AND user_id = $2)",
    )
    .bind(idea)
    .bind(user)
    .fetch_one(ex)
    .await?;
    Ok(n > 0)
}

/// Which of `ideas` (the cards of one list page) `user` supports, for the cards' buttons.
pub async fn supported_among<'e>(
    ex: impl Exec<'e>,
    user: UserId,
    ideas: &[IdeaId],
) -> sqlx::Result<Vec<IdeaId>> {
    if ideas.is_empty() {
        return Ok(Vec::new());
    }
    let marks: Vec<String> = (2..ideas.len() + 2).map(|n| format!("${n}")).collect();
    let sql = format!(
        "SELECT idea_id FROM supports WHERE user_id = $1 AND idea_id IN ({})",
        marks.join(", ")
    );
    let mut q = sqlx::query_scalar(&sql).bind(user);
    for id in ideas {
        q = q.bind(*id);
    }
    q.fetch_all(ex).await
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
    pub theme_name_en: String,
    pub support_count: i64,
    pub comment_count: i64,
    pub created_at: i64,
    pub status: Status,
}

/// A person's ideas for their profile; hidden ones only when `include_hidden` (their own view).
pub async fn by_author<'e>(
    ex: impl Exec<'e>,
    author: UserId,
    include_hidden: bool,
    limit: i64,
) -> sqlx::Result<Vec<AuthoredIdea>> {
    sqlx::query(
        "SELECT i.id, i.title, t.name AS theme_name, t.name_en AS theme_name_en, i.support_count, i.comment_count,
                i.created_at, i.status
         FROM ideas i JOIN themes t ON t.id = i.theme_id
         WHERE i.author_id = $1 AND ($2 = 1 OR (i.hidden_at IS NULL AND i.author_blocked = 0))
         ORDER BY i.created_at DESC, i.id DESC LIMIT $3",
    )
    .bind(author)
    .bind(i64::from(include_hidden))
    .bind(limit)
    .try_map(super::decoded)
    .fetch_all(ex)
    .await
}

/// One row of the curation and review lists.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct QueueIdea {
    pub id: IdeaId,
    pub title: String,
    pub body: String,
    pub theme_name: String,
    /// Empty when the theme has no English name.
    pub theme_name_en: String,
    pub theme_slug: String,
    pub author_name: String,
    pub status: Status,
    pub support_count: i64,
    pub comment_count: i64,
    pub created_at: i64,
    /// False when hidden by moderation or its author is blocked (the review still lists it).
    #[sqlx(try_from = "super::Flag")]
    pub listed: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueueSort {
    Supports,
    Oldest,
    Theme,
}

/// Ideas in the given statuses, optionally of one theme (index `ideas_status`); with
/// `listed_only` false also hidden ones (the ministry must still answer those).
pub async fn by_statuses<'e>(
    ex: impl Exec<'e>,
    statuses: &[Status],
    theme: Option<ThemeId>,
    sort: QueueSort,
    listed_only: bool,
    limit: i64,
) -> sqlx::Result<Vec<QueueIdea>> {
    // The statuses are our own constants, never user input.
    let list: Vec<String> = statuses
        .iter()
        .map(|s| format!("'{}'", s.as_str()))
        .collect();
    let order = match sort {
        QueueSort::Supports => "i.support_count DESC, i.created_at, i.id",
        QueueSort::Oldest => "i.created_at, i.id",
        QueueSort::Theme => "t.position, t.id, i.support_count DESC, i.id",
    };
    sqlx::query(&format!(
        "SELECT i.id, i.title, i.body, t.name AS theme_name, t.name_en AS theme_name_en,
                t.slug AS theme_slug, u.display_name AS author_name, i.status, i.support_count, i.comment_count, i.created_at,
                i.listed
         FROM ideas i JOIN themes t ON t.id = i.theme_id JOIN users u ON u.id = i.author_id
         WHERE i.status IN ({}) AND (i.listed = 1 OR $3 = 0) AND ($1 = 0 OR i.theme_id = $1)
         ORDER BY {order} LIMIT $2",
        list.join(",")
    ))
    .bind(theme.map(|t| t.0).unwrap_or(0))
    .bind(limit)
    .bind(i64::from(listed_only))
    .try_map(super::decoded)
    .fetch_all(ex)
    .await
}
