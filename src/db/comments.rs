//! Queries about comments: one level of replies, soft deletion that keeps threads readable.

use super::Exec;
use super::newcomers::{self, Posts};
use crate::domain::newcomers::first_post;
use crate::domain::{CommentId, IdeaId, NewAccountLimit, OrganisationId, Role, UserId};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CommentRow {
    pub id: CommentId,
    pub idea_id: IdeaId,
    pub author_id: UserId,
    pub author_name: String,
    pub author_role: Role,
    /// How long the author's account had existed when they wrote it (seconds): the links
    /// of a post from their first hours are marked.
    pub author_age: i64,
    /// The author is blocked: the text is hidden like a moderated comment.
    #[sqlx(try_from = "super::Flag")]
    pub author_blocked: bool,
    pub org_name: Option<String>,
    pub org_slug: Option<String>,
    pub org_verified: Option<i64>,
    pub parent_id: Option<CommentId>,
    pub body: String,
    pub created_at: i64,
    pub edited_at: Option<i64>,
    pub deleted_at: Option<i64>,
    pub hidden_at: Option<i64>,
    pub hidden_reason: Option<String>,
    /// 1 while hidden only because enough people reported it.
    #[sqlx(try_from = "super::Flag")]
    pub hidden_provisional: bool,
}

impl CommentRow {
    pub fn hidden(&self) -> bool {
        self.hidden_at.is_some() || self.author_blocked
    }

    /// Written while its author's account was new (within `window` seconds of registering).
    pub fn first_post(&self, window: i64) -> bool {
        first_post(self.author_role, self.author_age, window)
    }
}

const SELECT: &str = "SELECT c.id, c.idea_id, c.author_id, u.display_name AS author_name,
        u.role AS author_role, c.created_at - u.created_at AS author_age,
        CASE WHEN u.blocked_at IS NULL THEN 0 ELSE 1 END AS author_blocked,
        o.name AS org_name, o.slug AS org_slug, o.verified_at AS org_verified,
        c.parent_id, c.body, c.created_at, c.edited_at, c.deleted_at, c.hidden_at, c.hidden_reason,
        c.hidden_provisional
    FROM comments c JOIN users u ON u.id = c.author_id
    LEFT JOIN organisations o ON o.id = c.organisation_id";

pub async fn for_idea<'e>(ex: impl Exec<'e>, idea: IdeaId) -> sqlx::Result<Vec<CommentRow>> {
    sqlx::query(&format!(
        "{SELECT} WHERE c.idea_id = $1 ORDER BY c.created_at, c.id"
    ))
    .bind(idea)
    .try_map(super::decoded)
    .fetch_all(ex)
    .await
}

pub async fn by_id<'e>(ex: impl Exec<'e>, id: CommentId) -> sqlx::Result<Option<CommentRow>> {
    sqlx::query(&format!("{SELECT} WHERE c.id = $1"))
        .bind(id)
        .try_map(super::decoded)
        .fetch_optional(ex)
        .await
}

/// What a new comment consists of.
pub struct NewComment<'a> {
    pub idea: IdeaId,
    pub author: UserId,
    pub organisation: Option<OrganisationId>,
    /// The thread's first comment for a reply (replies go one level deep).
    pub parent: Option<CommentId>,
    pub body: &'a str,
    /// How many comments the author may write per hour while their account is new.
    pub limit: NewAccountLimit,
    /// The writer follows the idea from now on (the form's box, ticked unless unticked).
    pub follow: bool,
}

/// What became of a comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddOutcome {
    Added(CommentId),
    /// Withdrawn or merged meanwhile: the discussion is closed.
    IdeaClosed,
    /// Hidden by moderation (or its author blocked) meanwhile.
    IdeaHidden,
    NotFound,
    /// The account is new and has written as many comments in the last hour as it may; it
    /// may write again at this time (unix seconds).
    TooSoon(i64),
}

/// Add a comment and count it. Whether the idea still takes comments is decided here, under
/// the idea's row lock (`db::ideas::lock`, which supports and status changes take too), so a
/// withdrawal or a hide that lands at the same moment is either fully before (the comment is
/// refused) or fully after it. A new account's hourly limit is counted first, in the same
/// transaction.
pub async fn add(
    tx: &mut super::Tx,
    backend: super::Backend,
    c: &NewComment<'_>,
) -> sqlx::Result<AddOutcome> {
    if let Some(at) = newcomers::wait_until(tx, backend, Posts::Comments, c.author, c.limit).await?
    {
        return Ok(AddOutcome::TooSoon(at));
    }
    match super::ideas::lock(tx, backend, c.idea).await? {
        None => return Ok(AddOutcome::NotFound),
        Some(idea) if idea.status.is_closed() => return Ok(AddOutcome::IdeaClosed),
        Some(idea) if idea.hidden => return Ok(AddOutcome::IdeaHidden),
        Some(_) => {}
    }
    let id = sqlx::query_scalar(
        "INSERT INTO comments (idea_id, author_id, organisation_id, parent_id, body, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(c.idea)
    .bind(c.author)
    .bind(c.organisation)
    .bind(c.parent)
    .bind(c.body)
    .bind(super::now())
    .fetch_one(&mut **tx)
    .await?;
    bump_count(&mut **tx, c.idea, 1).await?;
    super::search::reindex_comment(tx, backend, id).await?;
    super::notifications::comment_added(tx, c.idea, c.author, c.parent, c.follow).await?;
    Ok(AddOutcome::Added(id))
}

/// Save an edited text; the search index follows in the same transaction.
pub async fn update(
    tx: &mut super::Tx,
    backend: super::Backend,
    id: CommentId,
    body: &str,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE comments SET body = $1, edited_at = $2 WHERE id = $3")
        .bind(body)
        .bind(super::now())
        .bind(id)
        .execute(&mut **tx)
        .await?;
    super::search::reindex_comment(tx, backend, id).await
}

/// Soft delete: the row stays so replies keep their place; its text is never shown again,
/// and the idea's count drops in the same transaction (once, however often it is asked), as
/// it leaves the search index.
pub async fn delete(
    tx: &mut super::Tx,
    backend: super::Backend,
    id: CommentId,
    idea: IdeaId,
) -> sqlx::Result<()> {
    let r = sqlx::query("UPDATE comments SET deleted_at = $1 WHERE id = $2 AND deleted_at IS NULL")
        .bind(super::now())
        .bind(id)
        .execute(&mut **tx)
        .await?;
    if r.rows_affected() == 1 {
        bump_count(&mut **tx, idea, -1).await?;
    }
    super::search::reindex_comment(tx, backend, id).await
}

/// Hide (with a public reason; `provisional` for an automatic hide) or show a comment; it
/// leaves or re-enters the search index in the same transaction.
pub async fn set_hidden(
    tx: &mut super::Tx,
    backend: super::Backend,
    id: CommentId,
    hidden: Option<(&str, bool)>,
) -> sqlx::Result<()> {
    let (at, reason, provisional) = match hidden {
        Some((reason, provisional)) => (Some(super::now()), Some(reason), i64::from(provisional)),
        None => (None, None, 0),
    };
    sqlx::query("UPDATE comments SET hidden_at = $1, hidden_reason = $2, hidden_provisional = $3 WHERE id = $4")
        .bind(at)
        .bind(reason)
        .bind(provisional)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    super::search::reindex_comment(tx, backend, id).await
}

async fn bump_count<'e>(ex: impl Exec<'e>, idea: IdeaId, delta: i64) -> sqlx::Result<()> {
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

/// A person's comments for their profile; hidden ones only in their own view, and never on
/// an idea whose text is hidden.
pub async fn by_author<'e>(
    ex: impl Exec<'e>,
    author: UserId,
    include_hidden: bool,
    limit: i64,
) -> sqlx::Result<Vec<AuthoredComment>> {
    sqlx::query_as(
        "SELECT c.id, c.idea_id, i.title AS idea_title, c.body, c.created_at
         FROM comments c JOIN ideas i ON i.id = c.idea_id JOIN users cu ON cu.id = c.author_id
         WHERE c.author_id = $1 AND c.deleted_at IS NULL
           AND (i.author_id = $1 OR (i.hidden_at IS NULL AND i.author_blocked = 0))
           AND ($2 = 1 OR (c.hidden_at IS NULL AND cu.blocked_at IS NULL))
         ORDER BY c.created_at DESC, c.id DESC LIMIT $3",
    )
    .bind(author)
    .bind(i64::from(include_hidden))
    .bind(limit)
    .fetch_all(ex)
    .await
}
