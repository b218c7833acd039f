//! Numbered learnings of a workshop and their links to ideas, seen from both sides.

use super::super::{Backend, Exec, Tx, decoded, id_list, now, search};
use super::lock;
use crate::domain::{IdeaId, LearningId, Status, UserId, WorkshopId};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LearningRow {
    pub id: LearningId,
    pub workshop_id: WorkshopId,
    pub number: i64,
    pub title: String,
    pub body: String,
    pub workshop_title: String,
    pub starts_at: i64,
}

const LEARNING_COLUMNS: &str = "l.id, l.workshop_id, l.number, l.title, l.body,
    w.title AS workshop_title, w.starts_at
    FROM learnings l JOIN workshops w ON w.id = l.workshop_id";

pub async fn learnings_of<'e>(
    ex: impl Exec<'e>,
    workshop: WorkshopId,
) -> sqlx::Result<Vec<LearningRow>> {
    sqlx::query_as(&format!(
        "SELECT {LEARNING_COLUMNS} WHERE l.workshop_id = $1 ORDER BY l.number"
    ))
    .bind(workshop)
    .fetch_all(ex)
    .await
}

pub async fn learning<'e>(ex: impl Exec<'e>, id: LearningId) -> sqlx::Result<Option<LearningRow>> {
    sqlx::query_as(&format!("SELECT {LEARNING_COLUMNS} WHERE l.id = $1"))
        .bind(id)
        .fetch_optional(ex)
        .await
}

/// Every learning, newest workshop first: the choice on an idea page.
async fn all_learnings<'e>(ex: impl Exec<'e>) -> sqlx::Result<Vec<LearningRow>> {
    sqlx::query_as(&format!(
        "SELECT {LEARNING_COLUMNS} ORDER BY w.starts_at DESC, w.id DESC, l.number"
    ))
    .fetch_all(ex)
    .await
}

/// A learning together with one of the ideas it is linked to.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct IdeaLearning {
    pub idea_id: IdeaId,
    #[sqlx(flatten)]
    pub learning: LearningRow,
}

/// The learnings of many ideas in one query (the review page lists up to 500 ideas).
pub async fn learnings_of_ideas<'e>(
    ex: impl Exec<'e>,
    ideas: &[IdeaId],
) -> sqlx::Result<Vec<IdeaLearning>> {
    if ideas.is_empty() {
        return Ok(Vec::new());
    }
    sqlx::query_as(&format!(
        "SELECT li.idea_id, {LEARNING_COLUMNS} JOIN learning_ideas li ON li.learning_id = l.id
         WHERE li.idea_id IN ({}) ORDER BY w.starts_at, w.id, l.number",
        id_list(ideas)
    ))
    .fetch_all(ex)
    .await
}

/// What the idea page shows of the workshops.
#[derive(Debug, Default)]
pub struct IdeaLearnings {
    pub linked: Vec<LearningRow>,
    /// Every learning, for the moderators' choice (empty for everyone else).
    pub choices: Vec<LearningRow>,
}

/// The learnings linked to an idea and, with `choices`, every learning to choose from.
pub async fn idea_learnings(
    pool: &sqlx::AnyPool,
    idea: IdeaId,
    choices: bool,
) -> sqlx::Result<IdeaLearnings> {
    Ok(IdeaLearnings {
        linked: learnings_of_idea(pool, idea).await?,
        choices: match choices {
            true => all_learnings(pool).await?,
            false => Vec::new(),
        },
    })
}

/// The learning an idea form carries ("Idee zu diesem Learning einreichen"), by the id as
/// sent; an unknown or deleted one is simply none, the idea itself still counts.
pub async fn learning_in_form<'e>(
    ex: impl Exec<'e>,
    raw: &str,
) -> sqlx::Result<Option<LearningRow>> {
    match raw.parse::<LearningId>() {
        Ok(id) => learning(ex, id).await,
        Err(()) => Ok(None),
    }
}

/// The learnings linked to an idea, in the order of their workshops.
async fn learnings_of_idea<'e>(ex: impl Exec<'e>, idea: IdeaId) -> sqlx::Result<Vec<LearningRow>> {
    sqlx::query_as(&format!(
        "SELECT {LEARNING_COLUMNS} JOIN learning_ideas li ON li.learning_id = l.id
         WHERE li.idea_id = $1 ORDER BY w.starts_at, w.id, l.number"
    ))
    .bind(idea)
    .fetch_all(ex)
    .await
}

/// Adds a learning with the next number, under the workshop's lock, so two learnings added
/// at once get different numbers. None when there is no such workshop.
pub async fn add_learning(
    tx: &mut Tx,
    backend: Backend,
    workshop: WorkshopId,
    title: &str,
    body: &str,
) -> sqlx::Result<Option<LearningId>> {
    if lock(tx, backend, workshop).await?.is_none() {
        return Ok(None);
    }
    let id: LearningId = sqlx::query_scalar(
        "INSERT INTO learnings (workshop_id, number, title, body, created_at)
         VALUES ($1, (SELECT COALESCE(MAX(number), 0) + 1 FROM learnings WHERE workshop_id = $1),
                 $2, $3, $4)
         RETURNING id",
    )
    .bind(workshop)
    .bind(title)
    .bind(body)
    .bind(now())
    .fetch_one(&mut **tx)
    .await?;
    search::reindex_learning(tx, backend, id).await?;
    Ok(Some(id))
}

/// Save an edited learning; the search index follows in the same transaction.
pub async fn update_learning(
    tx: &mut Tx,
    backend: Backend,
    id: LearningId,
    title: &str,
    body: &str,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE learnings SET title = $1, body = $2 WHERE id = $3")
        .bind(title)
        .bind(body)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    search::reindex_learning(tx, backend, id).await
}

/// Removes a learning and its links, under its workshop's lock; the later learnings move up
/// a number, so the list stays "Learning 1, 2, 3".
pub async fn delete_learning(tx: &mut Tx, backend: Backend, l: &LearningRow) -> sqlx::Result<()> {
    lock(tx, backend, l.workshop_id).await?;
    // Read again under the lock: the number may have moved since.
    let Some(l) = learning(&mut **tx, l.id).await? else {
        return Ok(());
    };
    sqlx::query("DELETE FROM learning_ideas WHERE learning_id = $1")
        .bind(l.id)
        .execute(&mut **tx)
        .await?;
    let r = sqlx::query("DELETE FROM learnings WHERE id = $1")
        .bind(l.id)
        .execute(&mut **tx)
        .await?;
    if r.rows_affected() == 1 {
        sqlx::query(
            "UPDATE learnings SET number = number - 1 WHERE workshop_id = $1 AND number > $2",
        )
        .bind(l.workshop_id)
        .bind(l.number)
        .execute(&mut **tx)
        .await?;
    }
    search::reindex_learning(tx, backend, l.id).await
}

/// Links a learning and an idea; false when they already were.
pub async fn link<'e>(
    ex: impl Exec<'e>,
    learning: LearningId,
    idea: IdeaId,
    by: UserId,
) -> sqlx::Result<bool> {
    let r = sqlx::query(
        "INSERT INTO learning_ideas (learning_id, idea_id, created_by, created_at)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (learning_id, idea_id) DO NOTHING",
    )
    .bind(learning)
    .bind(idea)
    .bind(by)
    .bind(now())
    .execute(ex)
    .await?;
    Ok(r.rows_affected() == 1)
}

pub async fn unlink<'e>(
    ex: impl Exec<'e>,
    learning: LearningId,
    idea: IdeaId,
) -> sqlx::Result<bool> {
    let r = sqlx::query("DELETE FROM learning_ideas WHERE learning_id = $1 AND idea_id = $2")
        .bind(learning)
        .bind(idea)
        .execute(ex)
        .await?;
    Ok(r.rows_affected() == 1)
}

/// An idea as it appears under a learning or in a search result.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LinkedIdea {
    pub learning_id: LearningId,
    pub id: IdeaId,
    pub title: String,
    pub status: Status,
    pub support_count: i64,
}

/// The ideas linked to any learning of the workshop, most supported first.
pub async fn linked_ideas<'e>(
    ex: impl Exec<'e>,
    workshop: WorkshopId,
) -> sqlx::Result<Vec<LinkedIdea>> {
    sqlx::query(
        "SELECT li.learning_id, i.id, i.title, i.status, i.support_count
         FROM learning_ideas li
         JOIN learnings l ON l.id = li.learning_id
         JOIN ideas i ON i.id = li.idea_id
         WHERE l.workshop_id = $1 AND i.hidden_at IS NULL AND i.author_blocked = 0
         ORDER BY i.support_count DESC, i.id",
    )
    .bind(workshop)
    .try_map(decoded)
    .fetch_all(ex)
    .await
}

/// Ideas whose title contains `query` (case-insensitive for ASCII on SQLite, fully on
/// PostgreSQL), most supported first; `learning` fills the rows' learning id.
pub async fn search_ideas<'e>(
    ex: impl Exec<'e>,
    query: &str,
    learning: LearningId,
    limit: i64,
) -> sqlx::Result<Vec<LinkedIdea>> {
    let escaped = query
        .to_lowercase()
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    sqlx::query(
        "SELECT CAST($1 AS BIGINT) AS learning_id, i.id, i.title, i.status, i.support_count
         FROM ideas i
         WHERE LOWER(i.title) LIKE $2 ESCAPE '\\' AND i.listed = 1
         ORDER BY i.support_count DESC, i.id DESC LIMIT $3",
    )
    .bind(learning)
    .bind(format!("%{escaped}%"))
    .bind(limit)
    .try_map(decoded)
    .fetch_all(ex)
    .await
}

/// The demo seed links learnings to demo ideas by their titles.
pub async fn idea_by_title<'e>(ex: impl Exec<'e>, title: &str) -> sqlx::Result<Option<IdeaId>> {
    sqlx::query_scalar("SELECT id FROM ideas WHERE title = $1 ORDER BY id LIMIT 1")
        .bind(title)
        .fetch_optional(ex)
        .await
}
