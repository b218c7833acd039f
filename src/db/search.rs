//! The search index and the search. The index holds only what may be shown (listed ideas,
//! the visible comments of listed ideas, learnings); the write doors of ideas, comments,
//! moderation and learnings call `reindex_*` in their own transaction, so a hidden, withdrawn
//! or merged idea leaves results, excerpts and counts with the commit that hides it.
//!
//! DIALECT: SQLite keeps the words in an FTS5 table as stems computed in Rust
//! (`domain::search::stemmed`); PostgreSQL keeps a tsvector of the folded text, stemmed by
//! its `german` configuration. The query text is never part of the SQL: only its words
//! (letters and digits), quoted, go into a bound MATCH or tsquery expression.

use super::{Backend, Exec, Tx, Val};
use crate::domain::search::{Found, Term, fold, stemmed};
use crate::domain::{CommentId, IdeaId, LearningId, Status, ThemeId, UserId, WorkshopId};

/// One item as the index takes it.
struct Doc {
    kind: Found,
    item: i64,
    idea: Option<IdeaId>,
    created_at: i64,
    head: String,
    text: String,
    /// The idea's theme (of a comment: its idea's; of a learning: its workshop's, if any),
    /// so a theme-filtered search reads the index row alone.
    theme: Option<ThemeId>,
    /// The idea's status (of a comment: its idea's; none for learnings).
    status: Option<Status>,
}

/// Rows per INSERT when many are indexed at once (at most 8 parameters each).
const BATCH: usize = 300;

async fn insert(tx: &mut Tx, backend: Backend, docs: &[Doc]) -> sqlx::Result<()> {
    for chunk in docs.chunks(BATCH) {
        match backend {
            Backend::Sqlite => {
                // The row's id is its FTS rowid, so a hit finds its row by primary key.
                let items = placeholders(chunk.len(), 7, |p| {
                    let ps: Vec<String> = (p..p + 7).map(|n| format!("${n}")).collect();
                    format!("({})", ps.join(", "))
                });
                let sql = format!(
                    "INSERT INTO search_items (id, kind, item_id, idea_id, created_at, theme_id,
                                               status)
                     VALUES {items}"
                );
                let mut q = sqlx::query(&sql);
                for d in chunk {
                    q = q
                        .bind(fts_rowid(d.kind, d.item))
                        .bind(d.kind)
                        .bind(d.item)
                        .bind(d.idea)
                        .bind(d.created_at)
                        .bind(d.theme)
                        .bind(d.status);
                }
                q.execute(&mut **tx).await?;
                let words = placeholders(chunk.len(), 4, |p| {
                    format!("(${}, ${}, ${}, ${})", p, p + 1, p + 2, p + 3)
                });
                let sql =
                    format!("INSERT INTO search_fts (rowid, head, text, facets) VALUES {words}");
                let mut q = sqlx::query(&sql);
                for d in chunk {
                    q = q
                        .bind(fts_rowid(d.kind, d.item))
                        .bind(stemmed(&d.head))
                        .bind(stemmed(&d.text))
                        .bind(facets(d.theme, d.status));
                }
                q.execute(&mut **tx).await?;
            }
            Backend::Postgres => {
                // The facets (theme, status) go in with weight C, which no typed word asks
                // for (words ask for A, the title, and D, the text).
                let items = placeholders(chunk.len(), 9, |p| {
                    format!(
                        "(${}, ${}, ${}, ${}, ${}, ${}, setweight(to_tsvector('german', ${}), 'A') \
                         || to_tsvector('german', ${}) \
                         || setweight(to_tsvector('simple', ${}), 'C'))",
                        p,
                        p + 1,
                        p + 2,
                        p + 3,
                        p + 4,
                        p + 5,
                        p + 6,
                        p + 7,
                        p + 8
                    )
                });
                let sql = format!(
                    "INSERT INTO search_items (kind, item_id, idea_id, created_at, theme_id, status,
                                               terms)
                     VALUES {items}"
                );
                let mut q = sqlx::query(&sql);
                for d in chunk {
                    q = q
                        .bind(d.kind)
                        .bind(d.item)
                        .bind(d.idea)
                        .bind(d.created_at)
                        .bind(d.theme)
                        .bind(d.status)
                        .bind(fold(&d.head))
                        .bind(fold(&d.text))
                        .bind(facets(d.theme, d.status));
                }
                q.execute(&mut **tx).await?;
            }
        }
    }
    Ok(())
}

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

/// Which rows `remove` takes out; fixed texts only.
#[derive(Clone, Copy)]
enum Rows {
    /// An idea and its comments.
    OfIdea,
    Comment,
    Learning,
}

async fn remove(tx: &mut Tx, backend: Backend, rows: Rows, id: i64) -> sqlx::Result<()> {
    let filter = match rows {
        Rows::OfIdea => "idea_id = $1",
        Rows::Comment => "kind = 'comment' AND item_id = $1",
        Rows::Learning => "kind = 'learning' AND item_id = $1",
    };
    if backend == Backend::Sqlite {
        sqlx::query(&format!(
            "DELETE FROM search_fts WHERE rowid IN (SELECT {FTS_ROWID} FROM search_items WHERE {filter})"
        ))
        .bind(id)
        .execute(&mut **tx)
        .await?;
    }
    sqlx::query(&format!("DELETE FROM search_items WHERE {filter}"))
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The visible comments of listed ideas, as a condition on `c` (comment), `i` (its idea)
/// and `u` (its author).
const VISIBLE_COMMENT: &str = "c.deleted_at IS NULL AND c.hidden_at IS NULL
    AND u.blocked_at IS NULL AND i.listed = 1";

const COMMENT_DOCS: &str = "SELECT c.id, c.idea_id, c.body, c.created_at, i.theme_id, i.status
    FROM comments c JOIN ideas i ON i.id = c.idea_id JOIN users u ON u.id = c.author_id";

/// The idea and its comments afresh: in the index while it is listed, out of it otherwise.
pub async fn reindex_idea(tx: &mut Tx, backend: Backend, id: IdeaId) -> sqlx::Result<()> {
    remove(tx, backend, Rows::OfIdea, id.0).await?;
    let idea: Option<IdeaRow> =
        sqlx::query_as(&format!("{IDEA_DOCS} WHERE id = $1 AND listed = 1"))
            .bind(id)
            .fetch_optional(&mut **tx)
            .await?;
    let Some(idea) = idea else {
        return Ok(());
    };
    let comments: Vec<CommentRow> = sqlx::query_as(&format!(
        "{COMMENT_DOCS} WHERE c.idea_id = $1 AND {VISIBLE_COMMENT}"
    ))
    .bind(id)
    .fetch_all(&mut **tx)
    .await?;
    let mut docs = vec![idea_doc(idea)];
    docs.extend(comments.into_iter().map(comment_doc));
    insert(tx, backend, &docs).await
}

const IDEA_DOCS: &str = "SELECT id, title, body, created_at, theme_id, status FROM ideas";
type IdeaRow = (i64, String, String, i64, ThemeId, Status);
type CommentRow = (i64, IdeaId, String, i64, ThemeId, Status);

fn idea_doc((id, title, body, created_at, theme, status): IdeaRow) -> Doc {
    Doc {
        kind: Found::Idea,
        item: id,
        idea: Some(IdeaId(id)),
        created_at,
        head: title,
        text: body,
        theme: Some(theme),
        status: Some(status),
    }
}

fn comment_doc((id, idea, body, created_at, theme, status): CommentRow) -> Doc {
    Doc {
        kind: Found::Comment,
        item: id,
        idea: Some(idea),
        created_at,
        head: String::new(),
        text: body,
        theme: Some(theme),
        status: Some(status),
    }
}

const LEARNING_DOCS: &str = "SELECT l.id, l.title, l.body, l.created_at, w.theme_id
    FROM learnings l JOIN workshops w ON w.id = l.workshop_id";
type LearningRow = (i64, String, String, i64, Option<ThemeId>);

fn learning_doc((id, title, body, created_at, theme): LearningRow) -> Doc {
    Doc {
        kind: Found::Learning,
        item: id,
        idea: None,
        created_at,
        head: title,
        text: body,
        theme,
        status: None,
    }
}

/// A workshop's learnings follow it into another theme (their rows carry the theme).
pub async fn retheme_workshop(
    tx: &mut Tx,
    backend: Backend,
    workshop: WorkshopId,
) -> sqlx::Result<()> {
    let learnings: Vec<LearningId> =
        sqlx::query_scalar("SELECT id FROM learnings WHERE workshop_id = $1")
            .bind(workshop)
            .fetch_all(&mut **tx)
            .await?;
    for l in learnings {
        reindex_learning(tx, backend, l).await?;
    }
    Ok(())
}

/// One comment afresh: in the index while it is visible on a listed idea.
pub async fn reindex_comment(tx: &mut Tx, backend: Backend, id: CommentId) -> sqlx::Result<()> {
    remove(tx, backend, Rows::Comment, id.0).await?;
    let row: Option<CommentRow> = sqlx::query_as(&format!(
        "{COMMENT_DOCS} WHERE c.id = $1 AND {VISIBLE_COMMENT}"
    ))
    .bind(id)
    .fetch_optional(&mut **tx)
    .await?;
    match row {
        Some(row) => insert(tx, backend, &[comment_doc(row)]).await,
        None => Ok(()),
    }
}

/// One learning afresh (out of the index once deleted).
pub async fn reindex_learning(tx: &mut Tx, backend: Backend, id: LearningId) -> sqlx::Result<()> {
    remove(tx, backend, Rows::Learning, id.0).await?;
    let row: Option<LearningRow> = sqlx::query_as(&format!("{LEARNING_DOCS} WHERE l.id = $1"))
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?;
    match row {
        Some(row) => insert(tx, backend, &[learning_doc(row)]).await,
        None => Ok(()),
    }
}

/// Everything a person wrote afresh, after they were blocked or unblocked.
pub async fn reindex_author(tx: &mut Tx, backend: Backend, author: UserId) -> sqlx::Result<()> {
    let ideas: Vec<IdeaId> = sqlx::query_scalar("SELECT id FROM ideas WHERE author_id = $1")
        .bind(author)
        .fetch_all(&mut **tx)
        .await?;
    for id in ideas {
        reindex_idea(tx, backend, id).await?;
    }
    let comments: Vec<CommentId> =
        sqlx::query_scalar("SELECT id FROM comments WHERE author_id = $1 AND deleted_at IS NULL")
            .bind(author)
            .fetch_all(&mut **tx)
            .await?;
    for id in comments {
        reindex_comment(tx, backend, id).await?;
    }
    Ok(())
}

/// The whole index afresh from the rows: after migrating an existing database and after
/// bulk seeding (whose inserts skip the per-write doors on purpose).
pub async fn rebuild(tx: &mut Tx, backend: Backend) -> sqlx::Result<()> {
    if backend == Backend::Sqlite {
        sqlx::query("INSERT INTO search_fts (search_fts) VALUES ('delete-all')")
            .execute(&mut **tx)
            .await?;
    }
    sqlx::query("DELETE FROM search_items")
        .execute(&mut **tx)
        .await?;
    let mut after = 0i64;
    loop {
        let ideas: Vec<IdeaRow> = sqlx::query_as(&format!(
            "{IDEA_DOCS} WHERE listed = 1 AND id > $1 ORDER BY id LIMIT 2000"
        ))
        .bind(after)
        .fetch_all(&mut **tx)
        .await?;
        let Some(last) = ideas.last() else { break };
        after = last.0;
        let docs: Vec<Doc> = ideas.into_iter().map(idea_doc).collect();
        insert(tx, backend, &docs).await?;
    }
    let mut after = 0i64;
    loop {
        let comments: Vec<CommentRow> = sqlx::query_as(&format!(
            "{COMMENT_DOCS} WHERE c.id > $1 AND {VISIBLE_COMMENT} ORDER BY c.id LIMIT 2000"
        ))
        .bind(after)
        .fetch_all(&mut **tx)
        .await?;
        let Some(last) = comments.last() else { break };
        after = last.0;
        let docs: Vec<Doc> = comments.into_iter().map(comment_doc).collect();
        insert(tx, backend, &docs).await?;
    }
    let learnings: Vec<LearningRow> = sqlx::query_as(&format!("{LEARNING_DOCS} ORDER BY l.id"))
        .fetch_all(&mut **tx)
        .await?;
    let docs: Vec<Doc> = learnings.into_iter().map(learning_doc).collect();
    insert(tx, backend, &docs).await
}

/// After migrating: an empty index over a database with content was made before search
/// existed (or by a migration), so build it once.
pub async fn backfill(tx: &mut Tx, backend: Backend) -> sqlx::Result<()> {
    let needed: i64 = sqlx::query_scalar(
        "SELECT CASE WHEN EXISTS (SELECT 1 FROM search_items) THEN 0
                     WHEN EXISTS (SELECT 1 FROM ideas WHERE listed = 1) THEN 1
                     WHEN EXISTS (SELECT 1 FROM learnings) THEN 1 ELSE 0 END",
    )
    .fetch_one(&mut **tx)
    .await?;
    if needed == 1 {
        rebuild(tx, backend).await?;
    }
    Ok(())
}

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
