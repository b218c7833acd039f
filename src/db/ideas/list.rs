//! The idea lists of a theme page and of `/ideen` (all themes), one query for both: keyset
//! pages (the link names the sort values of the card it continues from), so page 500 is read
//! from the sort's index like page 1, never skipped over with OFFSET.

use super::{CARD_COLUMNS, CARD_JOINS, IdeaCard, Sort};
use crate::db::{Exec, Val, arguments, param};
use crate::domain::listing::{Key, Position};
use crate::domain::{Status, ThemeId};

/// What a list is narrowed to.
#[derive(Debug, Clone, Default)]
pub struct ListFilter {
    pub theme: Option<ThemeId>,
    pub status: Option<Status>,
    /// A tag's slug: ideas carrying a tag of that name in their own theme.
    pub tag: Option<String>,
}

/// One page of a list, in display order.
#[derive(Debug, Default)]
pub struct ListPage {
    pub cards: Vec<IdeaCard>,
    /// Whether cards follow the last one (a "next" link).
    pub has_next: bool,
    /// Whether cards come before the first one (a "previous" link).
    pub has_prev: bool,
    /// For the trend sort: how many ideas the whole list has (0 when the page is empty).
    pub trend_total: Option<i64>,
}

impl Sort {
    /// How many values a key of this sort has (the link parameter is checked against it).
    pub fn key_arity(self) -> usize {
        self.key_columns().split(',').count()
    }

    /// The sort values of a card, as its key for the next or previous page.
    pub fn key_of(self, c: &IdeaCard) -> Key {
        Key::new(match self {
            Sort::Newest => vec![c.created_at, c.id.0],
            Sort::MostSupported => vec![c.support_count, c.created_at, c.id.0],
            Sort::MostDiscussed => vec![c.comment_count, c.created_at, c.id.0],
            Sort::Trending => trend::key_of(c),
        })
    }

    /// The columns the list is ordered by (all descending), as the key holds them.
    fn key_columns(self) -> &'static str {
        match self {
            Sort::Newest => "i.created_at, i.id",
            Sort::MostSupported => "i.support_count, i.created_at, i.id",
            Sort::MostDiscussed => "i.comment_count, i.created_at, i.id",
            Sort::Trending => trend::KEY_COLUMNS,
        }
    }
}

/// "Im Trend" in one place: the maintained count (`super::trend`), read along its own
/// index like the other sorts; only ideas supported in the last week are listed.
mod trend {
    use super::IdeaCard;

    pub const KEY_COLUMNS: &str = "i.trend_count, i.support_count, i.id";

    /// What narrows a list to the trend's ideas, added to the filter on `i`.
    pub const LISTED: &str = " AND i.trend_count > 0";

    pub fn key_of(c: &IdeaCard) -> Vec<i64> {
        vec![c.recent, c.support_count, c.id.0]
    }
}

/// The WHERE conditions on `i` for a filter, with their values bound from `vals`.
fn conditions(f: &ListFilter, vals: &mut Vec<Val>) -> String {
    let mut cond = String::from("i.listed = 1");
    if let Some(theme) = f.theme {
        vals.push(Val::Int(theme.0));
        cond.push_str(&format!(" AND i.theme_id = ${}", vals.len()));
    }
    if let Some(status) = f.status {
        vals.push(Val::Text(status.as_str().to_string()));
        cond.push_str(&format!(" AND i.status = ${}", vals.len()));
    }
    if let Some(tag) = &f.tag {
        let p = param(vals, Val::Text(tag.clone()));
        cond.push_str(&format!(" AND {}", crate::db::tags::tagged("i.id", &p)));
    }
    cond
}

/// `(a, b, c) < ($n, $n+1, $n+2)`: a row-value comparison both databases read as one index
/// range (the lists are ordered descending, so "after" is "less than").
fn key_condition(sort: Sort, key: &Key, after: bool, vals: &mut Vec<Val>) -> String {
    let first = vals.len() + 1;
    vals.extend(key.values().iter().map(|v| Val::Int(*v)));
    let params = (first..first + key.values().len())
        .map(|n| format!("${n}"))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "({}) {} ({params})",
        sort.key_columns(),
        if after { "<" } else { ">" }
    )
}

fn order_by(sort: Sort, descending: bool) -> String {
    let dir = if descending { "DESC" } else { "ASC" };
    sort.key_columns()
        .split(',')
        .map(|c| format!("{} {dir}", c.trim()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// One page of listed ideas: `limit` cards from `at` on, in the sort's order.
pub async fn page<'e>(
    ex: impl Exec<'e>,
    f: &ListFilter,
    sort: Sort,
    at: &Position,
    limit: i64,
) -> sqlx::Result<ListPage> {
    let mut vals = Vec::new();
    let filter = conditions(f, &mut vals);
    // A page before a key is read backwards (ascending) and turned round afterwards.
    let (key, backwards) = match at {
        Position::First | Position::Numbered(_) => (None, false),
        Position::After(k) => (Some((k, true)), false),
        Position::Before(k) => (Some((k, false)), true),
    };
    let keyed = key
        .filter(|(k, _)| k.values().len() == sort.key_arity())
        .map(|(k, after)| format!(" AND {}", key_condition(sort, k, after, &mut vals)))
        .unwrap_or_default();
    vals.push(Val::Int(limit.max(0) + 1));
    let limit_param = vals.len();
    let order = order_by(sort, !backwards);
    let trend_listed = if sort == Sort::Trending {
        trend::LISTED
    } else {
        ""
    };
    // Which ideas, in order. A numbered page (`?page=N`, links from before the keyset pages)
    // skips its OFFSET over the ids alone, inside the sort's index, and only its own cards are
    // joined with their authors: skipping whole joined rows made `?page=500` 20–60 ms.
    let (chosen, limited) = match at {
        Position::Numbered(n) if *n > 1 => (
            format!(
                "i.id IN (SELECT i.id FROM ideas i WHERE {filter}{trend_listed}{keyed}
                 ORDER BY {order} LIMIT ${limit_param} OFFSET {})",
                (n - 1) * limit.max(0)
            ),
            String::new(),
        ),
        _ => (
            format!("{filter}{trend_listed}{keyed}"),
            format!(" LIMIT ${limit_param}"),
        ),
    };
    let sql = if sort == Sort::Trending {
        // The list's length comes along as an uncorrelated subquery (computed once) over
        // the same filter and its placeholders.
        format!(
            "SELECT {CARD_COLUMNS}, i.trend_count AS recent,
               (SELECT COUNT(*) FROM ideas i WHERE {filter}{trend_listed}) AS listed
             FROM ideas i {CARD_JOINS}
             WHERE {chosen}
             ORDER BY {order}{limited}",
        )
    } else {
        format!(
            "SELECT {CARD_COLUMNS}, CAST(0 AS BIGINT) AS recent, CAST(0 AS BIGINT) AS listed
             FROM ideas i {CARD_JOINS}
             WHERE {chosen}
             ORDER BY {order}{limited}",
        )
    };
    let mut cards: Vec<IdeaCard> = sqlx::query_with(&sql, arguments(vals)?)
        .try_map(crate::db::decoded)
        .fetch_all(ex)
        .await?;
    let more = cards.len() as i64 > limit.max(0);
    cards.truncate(limit.max(0) as usize);
    if backwards {
        cards.reverse();
    }
    let trend_total = (sort == Sort::Trending).then(|| cards.first().map_or(0, |c| c.listed));
    Ok(ListPage {
        has_next: if backwards { true } else { more },
        has_prev: match at {
            Position::First => false,
            Position::Numbered(n) => *n > 1,
            Position::After(_) => true,
            Position::Before(_) => more,
        },
        cards,
        trend_total,
    })
}

/// How many ideas a list has (the trend sort's number comes with its page instead, except
/// for an empty page, which asks here).
pub async fn count<'e>(ex: impl Exec<'e>, f: &ListFilter, sort: Sort) -> sqlx::Result<i64> {
    let mut vals = Vec::new();
    let filter = conditions(f, &mut vals);
    let sql = if sort == Sort::Trending {
        format!(
            "SELECT COUNT(*) FROM ideas i WHERE {filter}{}",
            trend::LISTED
        )
    } else {
        format!("SELECT COUNT(*) FROM ideas i WHERE {filter}")
    };
    sqlx::query_scalar_with(&sql, arguments(vals)?)
        .fetch_one(ex)
        .await
}
