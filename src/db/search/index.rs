//! Writing the search index: each item as a document, kept in step by the write doors of
//! ideas, comments, moderation and learnings, and rebuilt whole after bulk seeding.

use super::super::{Backend, Tx};
use super::{FTS_ROWID, VISIBLE_COMMENT, facets, fts_rowid, placeholders};
use crate::domain::search::{Found, fold, stemmed};
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
