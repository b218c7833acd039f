//! The read-only JSON API's own queries: pages of ideas, comments and the moderation log read
//! by a cursor (keyset), so a harvester walking the pages sees every row once while new ones
//! arrive. Only what the pages show anyone: never hidden content or blocked authors' posts.

use super::Exec;
use crate::domain::{Acting, Action, CommentId, IdeaId, Status, Subject, ThemeId};

/// How a list of ideas is ordered: the theme page's sorts that have a stable order (the trend
/// sort counts a moving window and has none).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdeaSort {
    Newest,
    MostSupported,
    MostDiscussed,
}

impl IdeaSort {
    /// The column before `created_at, id` in the order, if any.
    fn lead(self) -> Option<&'static str> {
        match self {
            IdeaSort::Newest => None,
            IdeaSort::MostSupported => Some("i.support_count"),
            IdeaSort::MostDiscussed => Some("i.comment_count"),
        }
    }
}

/// Where the previous page ended: the sort's values of its last idea.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IdeaCursor {
    /// The support or comment count (unused for the newest sort).
    pub lead: i64,
    pub created_at: i64,
    pub id: IdeaId,
}

/// What the list is narrowed to.
#[derive(Debug, Clone, Default)]
pub struct IdeaFilter {
    pub theme: Option<ThemeId>,
    pub status: Option<Status>,
    /// Submitted at or after this instant (unix seconds).
    pub since: Option<i64>,
    // TAGS: the tag filter (`?tag=`) joins the tags table here once tags exist; until then
    // the handler refuses the parameter with a 400 problem.
}

/// An idea in the API's lists.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ApiIdea {
    pub id: IdeaId,
    pub title: String,
    pub theme_slug: String,
    pub status: Status,
    pub author_name: String,
    pub org_name: Option<String>,
    pub support_count: i64,
    pub comment_count: i64,
    pub created_at: i64,
    pub edited_at: Option<i64>,
}

impl ApiIdea {
    /// The cursor that continues after this idea.
    pub fn cursor(&self, sort: IdeaSort) -> IdeaCursor {
        IdeaCursor {
            lead: match sort {
                IdeaSort::Newest => 0,
                IdeaSort::MostSupported => self.support_count,
                IdeaSort::MostDiscussed => self.comment_count,
            },
            created_at: self.created_at,
            id: self.id,
        }
    }
}

enum Bind {
    Int(i64),
    Text(&'static str),
}

/// Adds a bound value and gives its placeholder (`$3`).
fn next(b: Bind, binds: &mut Vec<Bind>) -> String {
    binds.push(b);
    format!("${}", binds.len())
}

/// One page of listed ideas (not withdrawn, merged, hidden or by a blocked author) after
/// `after`, in `sort`'s order. The order ends in `created_at, id` like the indexes
/// `ideas_listed_*` (and `ideas_theme_*` for one theme), so a page is read from an index.
pub async fn ideas<'e>(
    ex: impl Exec<'e>,
    filter: &IdeaFilter,
    sort: IdeaSort,
    after: Option<IdeaCursor>,
    limit: i64,
) -> sqlx::Result<Vec<ApiIdea>> {
    let mut conditions = vec!["i.listed = 1".to_string()];
    let mut binds: Vec<Bind> = Vec::new();
    if let Some(theme) = filter.theme {
        let p = next(Bind::Int(theme.0), &mut binds);
        conditions.push(format!("i.theme_id = {p}"));
    }
    if let Some(status) = filter.status {
        let p = next(Bind::Text(status.as_str()), &mut binds);
        conditions.push(format!("i.status = {p}"));
    }
    if let Some(since) = filter.since {
        let p = next(Bind::Int(since), &mut binds);
        conditions.push(format!("i.created_at >= {p}"));
    }
    if let Some(c) = after {
        // Row values compare left to right, exactly as the descending order reads.
        let (created, id) = (
            next(Bind::Int(c.created_at), &mut binds),
            next(Bind::Int(c.id.0), &mut binds),
        );
        conditions.push(match sort.lead() {
            Some(col) => {
                let lead = next(Bind::Int(c.lead), &mut binds);
                format!("({col}, i.created_at, i.id) < ({lead}, {created}, {id})")
            }
            None => format!("(i.created_at, i.id) < ({created}, {id})"),
        });
    }
    let order = match sort.lead() {
        Some(col) => format!("{col} DESC, i.created_at DESC, i.id DESC"),
        None => "i.created_at DESC, i.id DESC".to_string(),
    };
    let limit_param = next(Bind::Int(limit), &mut binds);
    let sql = format!(
        "SELECT i.id, i.title, t.slug AS theme_slug, i.status, u.display_name AS author_name,
                o.name AS org_name, i.support_count, i.comment_count, i.created_at, i.edited_at
         FROM ideas i JOIN users u ON u.id = i.author_id JOIN themes t ON t.id = i.theme_id
         LEFT JOIN organisations o ON o.id = i.organisation_id
         WHERE {} ORDER BY {order} LIMIT {limit_param}",
        conditions.join(" AND ")
    );
    let mut query = sqlx::query(&sql);
    for b in binds {
        query = match b {
            Bind::Int(n) => query.bind(n),
            Bind::Text(s) => query.bind(s),
        };
    }
    query.try_map(super::decoded).fetch_all(ex).await
}

/// A visible comment in the API.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ApiComment {
    pub id: CommentId,
    pub parent_id: Option<CommentId>,
    pub author_name: String,
    pub org_name: Option<String>,
    pub body: String,
    pub created_at: i64,
    pub edited_at: Option<i64>,
}

/// One page of an idea's visible comments (not deleted, not hidden, not by a blocked
/// author), oldest first, after the comment `(created_at, id)`.
pub async fn comments<'e>(
    ex: impl Exec<'e>,
    idea: IdeaId,
    after: Option<(i64, CommentId)>,
    limit: i64,
) -> sqlx::Result<Vec<ApiComment>> {
    let (created, id) = after.map_or((i64::MIN, 0), |(c, id)| (c, id.0));
    sqlx::query(
        "SELECT c.id, c.parent_id, u.display_name AS author_name, o.name AS org_name, c.body,
                c.created_at, c.edited_at
         FROM comments c JOIN users u ON u.id = c.author_id
         LEFT JOIN organisations o ON o.id = c.organisation_id
         WHERE c.idea_id = $1 AND c.deleted_at IS NULL AND c.hidden_at IS NULL
           AND u.blocked_at IS NULL AND (c.created_at, c.id) > ($2, $3)
         ORDER BY c.created_at, c.id LIMIT $4",
    )
    .bind(idea)
    .bind(created)
    .bind(id)
    .bind(limit)
    .try_map(super::decoded)
    .fetch_all(ex)
    .await
}

/// A line of the public moderation log. The log names items by number only; it never holds
/// the hidden text or who reported it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ApiLogEntry {
    pub id: i64,
    pub created_at: i64,
    pub action: Action,
    /// The category code of a hide, or ''.
    pub reason: String,
    pub note: String,
    pub actor_role: Acting,
    pub item_type: Subject,
    pub item_id: i64,
}

/// One page of the log, newest first, before the line `(created_at, id)`
/// (index `moderation_log_time`).
pub async fn log<'e>(
    ex: impl Exec<'e>,
    before: Option<(i64, i64)>,
    limit: i64,
) -> sqlx::Result<Vec<ApiLogEntry>> {
    let (created, id) = before.unwrap_or((i64::MAX, i64::MAX));
    sqlx::query(
        "SELECT id, created_at, action, reason, note, actor_role, item_type, item_id
         FROM moderation_log WHERE (created_at, id) < ($1, $2)
         ORDER BY created_at DESC, id DESC LIMIT $3",
    )
    .bind(created)
    .bind(id)
    .bind(limit)
    .try_map(super::decoded)
    .fetch_all(ex)
    .await
}
