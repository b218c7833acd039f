//! Workshops themselves: the list, the page, the form's fields, and the programme; creating,
//! editing (which may free seats for the waiting list) and deleting.

use super::super::{Backend, Exec, Flag, Tx, decoded, now, search};
use super::{lock, registration};
use crate::domain::workshop::{AgendaRow, WorkshopFormat};
use crate::domain::{LearningId, ThemeId, WorkshopId};
use sqlx::Row;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct WorkshopRow {
    pub id: WorkshopId,
    pub title: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub format: WorkshopFormat,
    pub location: String,
    pub description: String,
    pub seats: i64,
    #[sqlx(try_from = "Flag")]
    pub registration_open: bool,
    pub theme_id: Option<ThemeId>,
    pub theme_slug: Option<String>,
    pub report: String,
    pub created_at: i64,
    pub updated_at: i64,
    /// The .ics SEQUENCE: raised by `update` when time or place change.
    pub ics_sequence: i64,
    /// Confirmed and waiting registrations now.
    pub confirmed: i64,
    pub waiting: i64,
    pub learning_count: i64,
}

impl WorkshopRow {
    /// Registration is possible: opened by the moderators and not yet started.
    pub fn accepts_registrations(&self, now: i64) -> bool {
        self.registration_open && now < self.starts_at
    }

    pub fn free_seats(&self) -> i64 {
        (self.seats - self.confirmed).max(0)
    }
}

const WORKSHOP_COLUMNS: &str = "w.id, w.title, w.starts_at, w.ends_at, w.format, w.location,
    w.description, w.seats, w.registration_open, w.theme_id, t.slug AS theme_slug, w.report,
    w.created_at, w.updated_at, w.ics_sequence,
    (SELECT COUNT(*) FROM workshop_registrations r
     WHERE r.workshop_id = w.id AND r.status = 'confirmed') AS confirmed,
    (SELECT COUNT(*) FROM workshop_registrations r
     WHERE r.workshop_id = w.id AND r.status = 'waiting') AS waiting,
    (SELECT COUNT(*) FROM learnings l WHERE l.workshop_id = w.id) AS learning_count
    FROM workshops w LEFT JOIN themes t ON t.id = w.theme_id";

/// Every workshop, earliest first (the list page splits them into coming and past).
pub async fn all<'e>(ex: impl Exec<'e>) -> sqlx::Result<Vec<WorkshopRow>> {
    sqlx::query(&format!(
        "SELECT {WORKSHOP_COLUMNS} ORDER BY w.starts_at, w.id"
    ))
    .try_map(decoded)
    .fetch_all(ex)
    .await
}

pub async fn detail<'e>(ex: impl Exec<'e>, id: WorkshopId) -> sqlx::Result<Option<WorkshopRow>> {
    sqlx::query(&format!("SELECT {WORKSHOP_COLUMNS} WHERE w.id = $1"))
        .bind(id)
        .try_map(decoded)
        .fetch_optional(ex)
        .await
}

/// The demo seed adds each of its workshops once, recognised by title.
pub async fn by_title<'e>(ex: impl Exec<'e>, title: &str) -> sqlx::Result<Option<WorkshopId>> {
    sqlx::query_scalar("SELECT id FROM workshops WHERE title = $1 ORDER BY id LIMIT 1")
        .bind(title)
        .fetch_optional(ex)
        .await
}

/// What the workshop form saves.
pub struct WorkshopFields<'a> {
    pub title: &'a str,
    pub starts_at: i64,
    pub ends_at: i64,
    pub format: WorkshopFormat,
    pub location: &'a str,
    pub description: &'a str,
    pub seats: i64,
    pub registration_open: bool,
    pub theme_id: Option<ThemeId>,
    pub report: &'a str,
}

type AnyQuery<'q> = sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>;

/// Binds the fields as $1 to $10, in the order both statements below name the columns.
fn bind_fields<'q>(q: AnyQuery<'q>, f: &WorkshopFields<'q>) -> AnyQuery<'q> {
    q.bind(f.title)
        .bind(f.starts_at)
        .bind(f.ends_at)
        .bind(f.format)
        .bind(f.location)
        .bind(f.description)
        .bind(f.seats)
        .bind(i64::from(f.registration_open))
        .bind(f.theme_id)
        .bind(f.report)
}

async fn insert<'e>(ex: impl Exec<'e>, f: &WorkshopFields<'_>) -> sqlx::Result<WorkshopId> {
    let q = sqlx::query(
        "INSERT INTO workshops (title, starts_at, ends_at, format, location, description, seats,
                                registration_open, theme_id, report, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id",
    );
    let row = bind_fields(q, f).bind(now()).fetch_one(ex).await?;
    row.try_get(0)
}

async fn update<'e>(
    ex: impl Exec<'e>,
    id: WorkshopId,
    f: &WorkshopFields<'_>,
) -> sqlx::Result<bool> {
    let q = sqlx::query(
        "UPDATE workshops SET title = $1, starts_at = $2, ends_at = $3, format = $4,
                location = $5, description = $6, seats = $7, registration_open = $8,
                theme_id = $9, report = $10, updated_at = $11,
                ics_sequence = ics_sequence + CASE WHEN starts_at <> $2 OR ends_at <> $3
                    OR format <> $4 OR location <> $5 THEN 1 ELSE 0 END
         WHERE id = $12",
    );
    let r = bind_fields(q, f).bind(now()).bind(id).execute(ex).await?;
    Ok(r.rows_affected() == 1)
}

/// A new workshop with its programme.
pub async fn create(
    tx: &mut Tx,
    f: &WorkshopFields<'_>,
    agenda: &[AgendaRow],
) -> sqlx::Result<WorkshopId> {
    let id = insert(&mut **tx, f).await?;
    replace_agenda(tx, id, agenda).await?;
    Ok(id)
}

/// Saves an edited workshop with its programme, under its lock. More seats than before
/// move the waiting list up at once, in order. Returns how many moved up; None when there
/// is no such workshop.
pub async fn edit(
    tx: &mut Tx,
    backend: Backend,
    id: WorkshopId,
    f: &WorkshopFields<'_>,
    agenda: &[AgendaRow],
) -> sqlx::Result<Option<u64>> {
    if lock(tx, backend, id).await?.is_none() {
        return Ok(None);
    }
    update(&mut **tx, id, f).await?;
    // Its learnings' search rows carry the workshop's theme.
    search::retheme_workshop(tx, backend, id).await?;
    replace_agenda(tx, id, agenda).await?;
    registration::fill_seats(tx, id, f.seats).await.map(Some)
}

/// Removes the workshop with everything hanging on it (no ON DELETE CASCADE: SQLite only
/// honours it with a per-connection pragma); false when there is no such workshop.
pub async fn delete(tx: &mut Tx, backend: Backend, id: WorkshopId) -> sqlx::Result<bool> {
    if lock(tx, backend, id).await?.is_none() {
        return Ok(false);
    }
    let learnings: Vec<LearningId> =
        sqlx::query_scalar("SELECT id FROM learnings WHERE workshop_id = $1")
            .bind(id)
            .fetch_all(&mut **tx)
            .await?;
    for sql in [
        "DELETE FROM learning_ideas WHERE learning_id IN
           (SELECT id FROM learnings WHERE workshop_id = $1)",
        "DELETE FROM learnings WHERE workshop_id = $1",
        "DELETE FROM workshop_registrations WHERE workshop_id = $1",
        "DELETE FROM workshop_agenda WHERE workshop_id = $1",
        "DELETE FROM workshops WHERE id = $1",
    ] {
        sqlx::query(sql).bind(id).execute(&mut **tx).await?;
    }
    // Its learnings leave the search with it.
    for l in learnings {
        search::reindex_learning(tx, backend, l).await?;
    }
    Ok(true)
}

#[derive(sqlx::FromRow)]
struct AgendaDbRow {
    at_minute: Option<i64>,
    item: String,
    speaker: String,
}

pub async fn agenda<'e>(ex: impl Exec<'e>, id: WorkshopId) -> sqlx::Result<Vec<AgendaRow>> {
    let rows: Vec<AgendaDbRow> = sqlx::query_as(
        "SELECT at_minute, item, speaker FROM workshop_agenda
         WHERE workshop_id = $1 ORDER BY position",
    )
    .bind(id)
    .fetch_all(ex)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| AgendaRow {
            at_minute: r.at_minute,
            item: r.item,
            speaker: r.speaker,
        })
        .collect())
}

/// The programme is saved as a whole, like the text field it comes from.
async fn replace_agenda(tx: &mut Tx, id: WorkshopId, rows: &[AgendaRow]) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM workshop_agenda WHERE workshop_id = $1")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    for (position, r) in rows.iter().enumerate() {
        sqlx::query(
            "INSERT INTO workshop_agenda (workshop_id, position, at_minute, item, speaker)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id)
        .bind(position as i64)
        .bind(r.at_minute)
        .bind(&r.item)
        .bind(&r.speaker)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}
