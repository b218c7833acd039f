//! The read-only JSON API's own queries: pages of ideas, comments and the moderation log read
//! by a cursor (keyset), so a harvester walking the pages sees every row once while new ones
//! arrive. Only what the pages show anyone: never hidden content or blocked authors' posts.

use super::{Exec, Val, param};
use crate::domain::{Acting, Action, CommentId, IdeaId, Status, Subject, ThemeId};

/// How a list of ideas is ordered: the theme page's sorts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdeaSort {
    Newest,
    MostSupported,
    MostDiscussed,
    /// Most supports in the last seven days, of one theme (as on its page): only ideas
    /// supported in that window. The counts move as supports arrive, so its pages are only
    /// as stable as the week's numbers.
    Trending,
}

impl IdeaSort {
    /// The columns the order goes by, each descending; the id last, so the order is total
    /// and a cursor names one place in it.
    pub fn keys(self) -> &'static [&'static str] {
        match self {
            IdeaSort::Newest => &["i.created_at", "i.id"],
            IdeaSort::MostSupported => &["i.support_count", "i.created_at", "i.id"],
            IdeaSort::MostDiscussed => &["i.comment_count", "i.created_at", "i.id"],
            IdeaSort::Trending => &["i.trend_count", "i.support_count", "i.id"],
        }
    }
}

/// Where the previous page ended: the sort's key values of its last idea, in `keys` order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdeaCursor(pub Vec<i64>);

/// What the list is narrowed to.
#[derive(Debug, Clone, Default)]
pub struct IdeaFilter {
    pub theme: Option<ThemeId>,
    pub status: Option<Status>,
    /// Submitted at or after this instant (unix seconds).
    pub since: Option<i64>,
    /// A tag's slug: ideas carrying a tag of that name in their own theme (as `/ideen`).
    pub tag: Option<String>,
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
    /// Supports in the trend window (0 outside the trend sort).
    pub recent: i64,
}

impl ApiIdea {
    /// The cursor that continues after this idea: its values of the sort's `keys`, in order.
    /// (Matched on the sort, not on the key names: a renamed column once fell through to the
    /// id and made trend pages repeat or skip ideas.)
    pub fn cursor(&self, sort: IdeaSort) -> IdeaCursor {
        IdeaCursor(match sort {
            IdeaSort::Newest => vec![self.created_at, self.id.0],
            IdeaSort::MostSupported => vec![self.support_count, self.created_at, self.id.0],
            IdeaSort::MostDiscussed => vec![self.comment_count, self.created_at, self.id.0],
            IdeaSort::Trending => vec![self.recent, self.support_count, self.id.0],
        })
    }
}

/// One page of listed ideas (not withdrawn, merged, hidden or by a blocked author) after
/// `after`, in `sort`'s order. The orders end in `created_at, id` like the indexes
/// `ideas_listed_*` (and `ideas_theme_*` for one theme), so a page is read from an index;
/// the trend sort reads the maintained count along `ideas_theme_trend`.
pub async fn ideas<'e>(
    ex: impl Exec<'e>,
    filter: &IdeaFilter,
    sort: IdeaSort,
    after: Option<&IdeaCursor>,
    limit: i64,
) -> sqlx::Result<Vec<ApiIdea>> {
    let mut conditions = vec!["i.listed = 1".to_string()];
    let mut binds: Vec<Val> = Vec::new();
    // The trend's maintained count (`ideas::trend`), as on the theme page.
    let recent = if sort == IdeaSort::Trending {
        conditions.push("i.trend_count > 0".to_string());
        "i.trend_count"
    } else {
        "CAST(0 AS BIGINT)"
    };
    let from = "ideas i";
    if let Some(theme) = filter.theme {
        let p = param(&mut binds, Val::Int(theme.0));
        conditions.push(format!("i.theme_id = {p}"));
    }
    if let Some(status) = filter.status {
        let p = param(&mut binds, Val::Text(status.as_str().to_string()));
        conditions.push(format!("i.status = {p}"));
    }
    if let Some(since) = filter.since {
        let p = param(&mut binds, Val::Int(since));
        conditions.push(format!("i.created_at >= {p}"));
    }
    if let Some(tag) = &filter.tag {
        let p = param(&mut binds, Val::Text(tag.clone()));
        conditions.push(super::tags::tagged("i.id", &p));
    }
    if let Some(IdeaCursor(values)) = after {
        // Row values compare left to right, exactly as the descending order reads.
        let params: Vec<String> = values
            .iter()
            .map(|v| param(&mut binds, Val::Int(*v)))
            .collect();
        conditions.push(format!(
            "({}) < ({})",
            sort.keys().join(", "),
            params.join(", ")
        ));
    }
    let order: Vec<String> = sort.keys().iter().map(|k| format!("{k} DESC")).collect();
    let limit_param = param(&mut binds, Val::Int(limit));
    let sql = format!(
        "SELECT i.id, i.title, t.slug AS theme_slug, i.status, u.display_name AS author_name,
                o.name AS org_name, i.support_count, i.comment_count, i.created_at, i.edited_at,
                {recent} AS recent
         FROM {from} JOIN users u ON u.id = i.author_id JOIN themes t ON t.id = i.theme_id
         LEFT JOIN organisations o ON o.id = i.organisation_id
         WHERE {} ORDER BY {} LIMIT {limit_param}",
        conditions.join(" AND "),
        order.join(", ")
    );
    sqlx::query_with(&sql, super::arguments(binds)?)
        .try_map(super::decoded)
        .fetch_all(ex)
        .await
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_holds_the_sort_keys_of_its_idea() {
        let idea = ApiIdea {
            id: IdeaId(99),
            title: String::new(),
            theme_slug: String::new(),
            status: Status::Submitted,
            author_name: String::new(),
            org_name: None,
            support_count: 7,
            comment_count: 3,
            created_at: 1_000,
            edited_at: None,
            recent: 5,
        };
        assert_eq!(idea.cursor(IdeaSort::Trending).0, [5, 7, 99]);
        assert_eq!(idea.cursor(IdeaSort::Newest).0, [1_000, 99]);
        assert_eq!(idea.cursor(IdeaSort::MostSupported).0, [7, 1_000, 99]);
        assert_eq!(idea.cursor(IdeaSort::MostDiscussed).0, [3, 1_000, 99]);
        for sort in [
            IdeaSort::Newest,
            IdeaSort::MostSupported,
            IdeaSort::MostDiscussed,
            IdeaSort::Trending,
        ] {
            assert_eq!(idea.cursor(sort).0.len(), sort.keys().len());
        }
    }
}
