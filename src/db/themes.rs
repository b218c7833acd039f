//! Queries about themes.

use super::Exec;
use crate::domain::ThemeId;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ThemeRow {
    pub id: ThemeId,
    pub slug: String,
    pub name: String,
    pub description: String,
    /// The English name and description; empty where nobody translated them yet.
    pub name_en: String,
    pub description_en: String,
    /// Closed themes take no new ideas (their ideas stay readable).
    #[sqlx(try_from = "super::Flag")]
    pub is_open: bool,
    pub position: i64,
    pub idea_count: i64,
}

impl ThemeRow {
    pub fn open(&self) -> bool {
        self.is_open
    }
}

const COLUMNS: &str =
    "id, slug, name, description, name_en, description_en, is_open, position, idea_count";

/// A theme's texts as the form and the seed give them: German, and English where known.
pub struct ThemeTexts<'a> {
    pub name: &'a str,
    pub description: &'a str,
    pub name_en: &'a str,
    pub description_en: &'a str,
}

pub async fn all<'e>(ex: impl Exec<'e>) -> sqlx::Result<Vec<ThemeRow>> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM themes ORDER BY position, id"
    ))
    .fetch_all(ex)
    .await
}

pub async fn by_slug<'e>(ex: impl Exec<'e>, slug: &str) -> sqlx::Result<Option<ThemeRow>> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM themes WHERE slug = $1"))
        .bind(slug)
        .fetch_optional(ex)
        .await
}

pub async fn by_id<'e>(ex: impl Exec<'e>, id: ThemeId) -> sqlx::Result<Option<ThemeRow>> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM themes WHERE id = $1"))
        .bind(id)
        .fetch_optional(ex)
        .await
}

pub async fn insert<'e>(
    ex: impl Exec<'e>,
    slug: &str,
    texts: &ThemeTexts<'_>,
) -> sqlx::Result<ThemeId> {
    sqlx::query_scalar(
        "INSERT INTO themes (slug, name, description, name_en, description_en, is_open, position,
                             idea_count, created_at)
         VALUES ($1, $2, $3, $4, $5, 1, (SELECT COALESCE(MAX(position), 0) + 1 FROM themes), 0, $6)
         RETURNING id",
    )
    .bind(slug)
    .bind(texts.name)
    .bind(texts.description)
    .bind(texts.name_en)
    .bind(texts.description_en)
    .bind(super::now())
    .fetch_one(ex)
    .await
}

pub async fn update<'e>(
    ex: impl Exec<'e>,
    id: ThemeId,
    slug: &str,
    texts: &ThemeTexts<'_>,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE themes SET slug = $1, name = $2, description = $3, name_en = $4,
                           description_en = $5
         WHERE id = $6",
    )
    .bind(slug)
    .bind(texts.name)
    .bind(texts.description)
    .bind(texts.name_en)
    .bind(texts.description_en)
    .bind(id)
    .execute(ex)
    .await
    .map(|_| ())
}

/// Give the theme `slug` an English name and description, only while it still has its
/// German `name` and no English text (the office's seed, untouched by moderators).
pub async fn add_english<'e>(
    ex: impl Exec<'e>,
    slug: &str,
    name: &str,
    name_en: &str,
    description_en: &str,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE themes SET name_en = $1, description_en = $2
         WHERE slug = $3 AND name = $4 AND name_en = '' AND description_en = ''",
    )
    .bind(name_en)
    .bind(description_en)
    .bind(slug)
    .bind(name)
    .execute(ex)
    .await
    .map(|_| ())
}

pub async fn set_open<'e>(ex: impl Exec<'e>, id: ThemeId, open: bool) -> sqlx::Result<()> {
    sqlx::query("UPDATE themes SET is_open = $1 WHERE id = $2")
        .bind(i64::from(open))
        .bind(id)
        .execute(ex)
        .await
        .map(|_| ())
}

/// Keep the listed-idea count in step, inside the transaction that lists or unlists an idea.
pub(in crate::db) async fn add_to_idea_count<'e>(
    ex: impl Exec<'e>,
    id: ThemeId,
    delta: i64,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE themes SET idea_count = idea_count + $1 WHERE id = $2")
        .bind(delta)
        .bind(id)
        .execute(ex)
        .await
        .map(|_| ())
}

/// Count the theme's listed ideas afresh, after a change that may list or unlist several.
/// DIALECT: on PostgreSQL the theme row is locked by a statement of its own first, so the
/// count (a new statement, a new snapshot) sees every change committed by a transaction that
/// recounted before us; inside one UPDATE the subquery would use the snapshot taken before
/// waiting for the lock, and two recounts at once could lose an update.
pub(in crate::db) async fn recount(
    tx: &mut super::Tx,
    backend: super::Backend,
    id: ThemeId,
) -> sqlx::Result<()> {
    lock(tx, backend, &[id]).await?;
    sqlx::query(
        "UPDATE themes SET idea_count =
           (SELECT COUNT(*) FROM ideas WHERE theme_id = $1 AND listed = 1) WHERE id = $1",
    )
    .bind(id)
    .execute(&mut **tx)
    .await
    .map(|_| ())
}

/// Lock theme rows in id order (so two transactions never wait for each other crosswise).
/// DIALECT: PostgreSQL only; SQLite's write transaction already holds the database lock.
pub(in crate::db) async fn lock(
    tx: &mut super::Tx,
    backend: super::Backend,
    ids: &[ThemeId],
) -> sqlx::Result<()> {
    if backend != super::Backend::Postgres {
        return Ok(());
    }
    let mut ids: Vec<i64> = ids.iter().map(|t| t.0).collect();
    ids.sort_unstable();
    ids.dedup();
    for id in ids {
        sqlx::query("SELECT id FROM themes WHERE id = $1 FOR UPDATE")
            .bind(id)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// Every theme's count afresh (after blocking someone, whose ideas may be anywhere).
pub(in crate::db) async fn recount_all(
    tx: &mut super::Tx,
    backend: super::Backend,
) -> sqlx::Result<()> {
    if backend == super::Backend::Postgres {
        sqlx::query("SELECT id FROM themes ORDER BY id FOR UPDATE")
            .execute(&mut **tx)
            .await?;
    }
    sqlx::query(
        "UPDATE themes SET idea_count =
           (SELECT COUNT(*) FROM ideas i WHERE i.theme_id = themes.id AND i.listed = 1)",
    )
    .execute(&mut **tx)
    .await
    .map(|_| ())
}

pub async fn count<'e>(ex: impl Exec<'e>) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM themes")
        .fetch_one(ex)
        .await
}
