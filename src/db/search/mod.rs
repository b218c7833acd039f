//! The search index and the search. The index holds only what may be shown (listed ideas,
//! the visible comments of listed ideas, learnings); the write doors of ideas, comments,
//! moderation and learnings call `reindex_*` in their own transaction, so a hidden, withdrawn
//! or merged idea leaves results, excerpts and counts with the commit that hides it.
//!
//! DIALECT: SQLite keeps the words in an FTS5 table as stems computed in Rust
//! (`domain::search::stemmed`); PostgreSQL keeps a tsvector of the folded text, stemmed by
//! its `german` configuration. The query text is never part of the SQL: only its words
//! (letters and digits), quoted, go into a bound MATCH or tsquery expression.

mod index;

pub use index::{
    backfill, rebuild, reindex_author, reindex_comment, reindex_idea, reindex_learning,
    retheme_workshop,
};

use super::{Backend, Exec, Val};
use crate::domain::search::{Found, Term};
use crate::domain::{CommentId, IdeaId, LearningId, Status, ThemeId, WorkshopId};

/// The theme and status as tokens ("t2 sreview"), indexed with the words (SQLite: the FTS
/// row's `facets` column; PostgreSQL: lexemes of weight C), so a filtered search intersects
/// word lists in the index instead of reading the row of every hit (116 ms for a common word
/// at 100,000 ideas).
fn facets(theme: Option<ThemeId>, status: Option<Status>) -> String {
    let mut out = String::new();
    if let Some(t) = theme {
        out.push_str(&format!("t{}", t.0));
    }
    if let Some(s) = status {
        out.push_str(&format!(" {}", facet_of(s)));
    }
    out
}

/// A status as one FTS token (the tokenizer would split `in_progress`).
fn facet_of(status: Status) -> String {
    format!("s{}", status.as_str().replace('_', ""))
}

/// DIALECT: the FTS5 row of an item on SQLite: its id and its kind in one number, so counting
/// and ordering hits by kind read the FTS table alone, without a join per hit.
fn fts_rowid(kind: Found, item: i64) -> i64 {
    item * 4 + kind_code(kind)
}

fn kind_code(kind: Found) -> i64 {
    match kind {
        Found::Idea => 0,
        Found::Learning => 1,
        Found::Comment => 2,
    }
}

/// The kind and item of an FTS5 row as SQL (see `fts_rowid`).
const FTS_KIND: &str =
    "CASE search_fts.rowid % 4 WHEN 0 THEN 'idea' WHEN 1 THEN 'learning' ELSE 'comment' END";
const FTS_ITEM: &str = "search_fts.rowid / 4";
const FTS_ROWID: &str =
    "item_id * 4 + CASE kind WHEN 'idea' THEN 0 WHEN 'learning' THEN 1 ELSE 2 END";

/// `rows` groups of `width` numbered placeholders, from `$1` on.
fn placeholders(rows: usize, width: usize, group: impl Fn(usize) -> String) -> String {
    (0..rows)
        .map(|r| group(r * width + 1))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The visible comments of listed ideas, as a condition on `c` (comment), `i` (its idea)
/// and `u` (its author).
const VISIBLE_COMMENT: &str = "c.deleted_at IS NULL AND c.hidden_at IS NULL
    AND u.blocked_at IS NULL AND i.listed = 1";

/// What a search is narrowed to.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    pub theme: Option<ThemeId>,
    /// The idea's status (ideas and comments; learnings have none).
    pub status: Option<Status>,
    /// A tag's slug: ideas carrying it (in their own theme) and their comments.
    pub tag: Option<String>,
    pub kind: Option<Found>,
    /// Newest first instead of best match first.
    pub newest: bool,
}

/// A value bound after `$1` (the match expression).
/// How a search reads the index: the FROM and WHERE clauses, the SQL of a hit's kind, item
/// and kind order, and the values bound after `$1`. Fixed texts only.
struct Matching {
    from: String,
    kind: &'static str,
    item: &'static str,
    kind_order: &'static str,
    vals: Vec<Val>,
}

fn matching(backend: Backend, f: &Filters) -> Matching {
    let mut m = match backend {
        // DIALECT: SQLite filters theme and status inside the match expression (`facets`)
        // and reads the FTS table alone; only the tag filter and the newest-first order need
        // the rows, found by primary key (the row id is the FTS rowid).
        Backend::Sqlite => Matching {
            from: if f.tag.is_some() || f.newest {
                String::from(
                    "FROM search_fts JOIN search_items s ON s.id = search_fts.rowid
                     WHERE search_fts MATCH $1",
                )
            } else {
                String::from("FROM search_fts WHERE search_fts MATCH $1")
            },
            kind: FTS_KIND,
            item: FTS_ITEM,
            kind_order: "search_fts.rowid % 4",
            vals: Vec::new(),
        },
        Backend::Postgres => Matching {
            from: String::from("FROM search_items s WHERE s.terms @@ to_tsquery('german', $1)"),
            kind: "s.kind",
            item: "s.item_id",
            kind_order: "CASE s.kind WHEN 'idea' THEN 0 WHEN 'learning' THEN 1 ELSE 2 END",
            vals: Vec::new(),
        },
    };
    if backend == Backend::Postgres && (f.theme.is_some() || f.status.is_some()) {
        let wanted: Vec<String> = [
            f.theme.map(|t| format!("'t{}'", t.0)),
            f.status.map(|s| format!("'{}'", facet_of(s))),
        ]
        .into_iter()
        .flatten()
        .collect();
        m.vals.push(Val::Text(wanted.join(" & ")));
        m.from.push_str(&format!(
            " AND s.terms @@ to_tsquery('simple', ${})",
            m.vals.len() + 1
        ));
    }
    if let Some(kind) = f.kind {
        match backend {
            Backend::Sqlite => m.vals.push(Val::Int(kind_code(kind))),
            Backend::Postgres => m.vals.push(Val::Text(kind.as_str().to_string())),
        }
        m.from.push_str(&format!(
            " AND {} = ${}",
            match backend {
                Backend::Sqlite => "search_fts.rowid % 4",
                Backend::Postgres => "s.kind",
            },
            m.vals.len() + 1
        ));
    }
    if let Some(tag) = &f.tag {
        m.vals.push(Val::Text(tag.clone()));
        // Placeholder $1 is the search expression, so the values count from $2.
        let p = format!("${}", m.vals.len() + 1);
        m.from
            .push_str(&format!(" AND {}", super::tags::tagged("s.idea_id", &p)));
    }
    m
}

/// The bound match expression: every word must occur (in the title or text; on SQLite also
/// the theme and status tokens the filters ask for); a prefix word matches the start of a
/// word. Words are letters and digits only, so quoting them is enough.
fn expression(backend: Backend, terms: &[Term], f: &Filters) -> String {
    let parts: Vec<String> = terms
        .iter()
        .map(|t| match (backend, t.prefix) {
            (Backend::Sqlite, false) => format!("\"{}\"", t.stem),
            (Backend::Sqlite, true) => format!("\"{}\"*", t.stem),
            (Backend::Postgres, false) => format!("'{}':AD", t.folded),
            (Backend::Postgres, true) => format!("'{}':*AD", t.folded),
        })
        .collect();
    match backend {
        Backend::Sqlite => {
            let mut e = format!("{{head text}} : ({})", parts.join(" "));
            if let Some(t) = f.theme {
                e.push_str(&format!(" AND facets : \"t{}\"", t.0));
            }
            if let Some(s) = f.status {
                e.push_str(&format!(" AND facets : \"{}\"", facet_of(s)));
            }
            e
        }
        Backend::Postgres => parts.join(" & "),
    }
}

/// One hit in the order of the results, before its text is read.
#[derive(Debug, Clone, sqlx::FromRow)]
struct Ranked {
    kind: Found,
    item_id: i64,
}

/// How many hits there are of each kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub ideas: i64,
    pub learnings: i64,
    pub comments: i64,
}

impl Counts {
    pub fn total(&self) -> i64 {
        self.ideas + self.learnings + self.comments
    }

    pub fn of(&self, kind: Found) -> i64 {
        match kind {
            Found::Idea => self.ideas,
            Found::Learning => self.learnings,
            Found::Comment => self.comments,
        }
    }
}

/// Hits per kind for the query and filters (the kind filter itself aside, so the page can
/// offer every kind with its number).
pub async fn count<'e>(
    ex: impl Exec<'e>,
    backend: Backend,
    terms: &[Term],
    f: &Filters,
) -> sqlx::Result<Counts> {
    let all_kinds = Filters {
        kind: None,
        newest: false,
        ..f.clone()
    };
    let m = matching(backend, &all_kinds);
    let sql = format!(
        "SELECT {kind} AS kind, COUNT(*) {from} GROUP BY {kind}",
        kind = m.kind,
        from = m.from,
    );
    let mut vals = vec![Val::Text(expression(backend, terms, f))];
    vals.extend(m.vals);
    let q = sqlx::query_as_with::<_, (Found, i64), _>(&sql, super::arguments(vals)?);
    let mut counts = Counts::default();
    for (kind, n) in q.fetch_all(ex).await? {
        match kind {
            Found::Idea => counts.ideas = n,
            Found::Learning => counts.learnings = n,
            Found::Comment => counts.comments = n,
        }
    }
    Ok(counts)
}

/// A hit with what the results page shows of it.
#[derive(Debug, Clone)]
pub enum Hit {
    Idea {
        id: IdeaId,
        title: String,
        body: String,
        status: Status,
        created_at: i64,
    },
    Learning {
        id: LearningId,
        workshop: WorkshopId,
        workshop_title: String,
        number: i64,
        title: String,
        body: String,
    },
    Comment {
        id: CommentId,
        idea: IdeaId,
        idea_title: String,
        body: String,
        created_at: i64,
    },
}

/// One page of hits: ideas first, then learnings, then comments; within each by relevance
/// (or newest first).
pub async fn page(
    pool: &sqlx::AnyPool,
    backend: Backend,
    terms: &[Term],
    f: &Filters,
    limit: i64,
    offset: i64,
) -> sqlx::Result<Vec<Hit>> {
    let m = matching(backend, f);
    let rank = match (f.newest, backend) {
        (true, _) => "s.created_at DESC",
        (false, Backend::Sqlite) => "bm25(search_fts, 4.0, 1.0, 0.0)",
        (false, Backend::Postgres) => "ts_rank(s.terms, to_tsquery('german', $1)) DESC",
    };
    let sql = format!(
        "SELECT {kind} AS kind, {item} AS item_id {from}
         ORDER BY {kind_order}, {rank}, {item} DESC
         LIMIT {limit} OFFSET {offset}",
        kind = m.kind,
        item = m.item,
        from = m.from,
        kind_order = m.kind_order,
        limit = limit.max(0),
        offset = offset.max(0)
    );
    let mut vals = vec![Val::Text(expression(backend, terms, f))];
    vals.extend(m.vals);
    let q = sqlx::query_as_with::<_, Ranked, _>(&sql, super::arguments(vals)?);
    let ranked = q.fetch_all(pool).await?;
    let ids = |k: Found| -> String {
        ranked
            .iter()
            .filter(|r| r.kind == k)
            .map(|r| r.item_id.to_string())
            .collect::<Vec<_>>()
            .join(",")
    };
    let mut hits: Vec<(Found, i64, Hit)> = Vec::with_capacity(ranked.len());
    let (idea_ids, learning_ids, comment_ids) =
        (ids(Found::Idea), ids(Found::Learning), ids(Found::Comment));
    if !idea_ids.is_empty() {
        // Typed integers from our own index: nothing to inject.
        let rows: Vec<(IdeaId, String, String, Status, i64)> = sqlx::query_as(&format!(
            "SELECT id, title, body, status, created_at FROM ideas
             WHERE id IN ({idea_ids}) AND listed = 1"
        ))
        .fetch_all(pool)
        .await?;
        hits.extend(
            rows.into_iter()
                .map(|(id, title, body, status, created_at)| {
                    (
                        Found::Idea,
                        id.0,
                        Hit::Idea {
                            id,
                            title,
                            body,
                            status,
                            created_at,
                        },
                    )
                }),
        );
    }
    if !learning_ids.is_empty() {
        let rows: Vec<(LearningId, WorkshopId, String, i64, String, String)> =
            sqlx::query_as(&format!(
                "SELECT l.id, l.workshop_id, w.title, l.number, l.title, l.body
                 FROM learnings l JOIN workshops w ON w.id = l.workshop_id
                 WHERE l.id IN ({learning_ids})"
            ))
            .fetch_all(pool)
            .await?;
        hits.extend(
            rows.into_iter()
                .map(|(id, workshop, workshop_title, number, title, body)| {
                    (
                        Found::Learning,
                        id.0,
                        Hit::Learning {
                            id,
                            workshop,
                            workshop_title,
                            number,
                            title,
                            body,
                        },
                    )
                }),
        );
    }
    if !comment_ids.is_empty() {
        let rows: Vec<(CommentId, IdeaId, String, String, i64)> = sqlx::query_as(&format!(
            "SELECT c.id, c.idea_id, i.title, c.body, c.created_at
             FROM comments c JOIN ideas i ON i.id = c.idea_id JOIN users u ON u.id = c.author_id
             WHERE c.id IN ({comment_ids}) AND {VISIBLE_COMMENT}"
        ))
        .fetch_all(pool)
        .await?;
        hits.extend(
            rows.into_iter()
                .map(|(id, idea, idea_title, body, created_at)| {
                    (
                        Found::Comment,
                        id.0,
                        Hit::Comment {
                            id,
                            idea,
                            idea_title,
                            body,
                            created_at,
                        },
                    )
                }),
        );
    }
    // Back into the ranked order.
    let position = |k: Found, id: i64| {
        ranked
            .iter()
            .position(|r| r.kind == k && r.item_id == id)
            .unwrap_or(usize::MAX)
    };
    hits.sort_by_key(|(k, id, _)| position(*k, *id));
    Ok(hits.into_iter().map(|(_, _, h)| h).collect())
}

/// A listed idea that sounds like one being written.
#[derive(Debug, Clone)]
pub struct Similar {
    pub id: IdeaId,
    pub title: String,
    pub status: Status,
}

/// Up to `limit` listed ideas sharing the most (and rarest) words with `terms`: any word
/// counts, best match first. The index holds only listed ideas, so nothing hidden,
/// withdrawn or merged is ever suggested.
pub async fn similar(
    pool: &sqlx::AnyPool,
    backend: Backend,
    terms: &[Term],
    limit: i64,
) -> sqlx::Result<Vec<Similar>> {
    if terms.is_empty() {
        return Ok(Vec::new());
    }
    let any_word = match backend {
        Backend::Sqlite => format!(
            "{{head text}} : ({})",
            terms
                .iter()
                .map(|t| format!("\"{}\"", t.stem))
                .collect::<Vec<_>>()
                .join(" OR ")
        ),
        Backend::Postgres => terms
            .iter()
            .map(|t| format!("'{}':AD", t.folded))
            .collect::<Vec<_>>()
            .join(" | "),
    };
    let sql = match backend {
        Backend::Sqlite => format!(
            "SELECT {FTS_ITEM} FROM search_fts WHERE search_fts MATCH $1 AND search_fts.rowid % 4 = 0
             ORDER BY bm25(search_fts, 4.0, 1.0, 0.0) LIMIT $2"
        ),
        Backend::Postgres => String::from(
            "SELECT s.item_id FROM search_items s
             WHERE s.kind = 'idea' AND s.terms @@ to_tsquery('german', $1)
             ORDER BY ts_rank(s.terms, to_tsquery('german', $1)) DESC, s.item_id DESC LIMIT $2",
        ),
    };
    let ids: Vec<i64> = sqlx::query_scalar(&sql)
        .bind(any_word)
        .bind(limit.max(0))
        .fetch_all(pool)
        .await?;
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    // Typed integers from our own index: nothing to inject.
    let rows: Vec<(IdeaId, String, Status)> = sqlx::query_as(&format!(
        "SELECT id, title, status FROM ideas WHERE id IN ({list}) AND listed = 1"
    ))
    .fetch_all(pool)
    .await?;
    let mut out: Vec<Similar> = rows
        .into_iter()
        .map(|(id, title, status)| Similar { id, title, status })
        .collect();
    out.sort_by_key(|s| ids.iter().position(|i| *i == s.id.0));
    Ok(out)
}
