//! Queries of the Innovationswerkstatt: workshops and their agenda, registrations with seat
//! limit and waiting list, numbered learnings, and the links between learnings and ideas.
//!
//! Everything that counts seats or hands out numbers takes the workshop's `lock` inside the
//! caller's write transaction, so concurrent requests for the same workshop take turns. The
//! doors that do (`create`, `edit`, `delete`, `register`, `cancel`, `add_learning`,
//! `delete_learning`) take the lock themselves: handlers begin, call one of them, commit.

use super::{Backend, Exec, Flag, Tx, decoded};
use crate::domain::workshop::{AgendaRow, RegistrationState, WorkshopFormat};
use crate::domain::{IdeaId, LearningId, ThemeId, UserId, WorkshopId};
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
    w.created_at, w.updated_at,
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

/// The demo seed links learnings to demo ideas by their titles.
pub async fn idea_by_title<'e>(ex: impl Exec<'e>, title: &str) -> sqlx::Result<Option<IdeaId>> {
    sqlx::query_scalar("SELECT id FROM ideas WHERE title = $1 ORDER BY id LIMIT 1")
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
    let row = bind_fields(q, f).bind(super::now()).fetch_one(ex).await?;
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
                theme_id = $9, report = $10, updated_at = $11
         WHERE id = $12",
    );
    let r = bind_fields(q, f)
        .bind(super::now())
        .bind(id)
        .execute(ex)
        .await?;
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
    replace_agenda(tx, id, agenda).await?;
    fill_seats(tx, id, f.seats).await.map(Some)
}

/// Removes the workshop with everything hanging on it (no ON DELETE CASCADE: SQLite only
/// honours it with a per-connection pragma); false when there is no such workshop.
pub async fn delete(tx: &mut Tx, backend: Backend, id: WorkshopId) -> sqlx::Result<bool> {
    if lock(tx, backend, id).await?.is_none() {
        return Ok(false);
    }
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

// ---------------------------------------------------------------------------------------
// Registration

/// What registering needs to know about the workshop, read under its lock.
#[derive(Debug, sqlx::FromRow)]
struct Locked {
    seats: i64,
    starts_at: i64,
    #[sqlx(try_from = "Flag")]
    registration_open: bool,
}

/// Takes the workshop's lock for the rest of the write transaction: registrations, seat
/// counts, queue numbers and learning numbers of one workshop change only under it.
/// DIALECT: PostgreSQL locks the row (`FOR UPDATE`; READ COMMITTED then shows each later
/// statement what the previous holder committed). SQLite's `BEGIN IMMEDIATE` already holds
/// the database's single write lock.
async fn lock(tx: &mut Tx, backend: Backend, id: WorkshopId) -> sqlx::Result<Option<Locked>> {
    let sql = match backend {
        Backend::Postgres => {
            "SELECT seats, starts_at, registration_open FROM workshops WHERE id = $1 FOR UPDATE"
        }
        Backend::Sqlite => {
            "SELECT seats, starts_at, registration_open FROM workshops WHERE id = $1"
        }
    };
    sqlx::query_as(sql).bind(id).fetch_optional(&mut **tx).await
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Registration {
    pub status: RegistrationState,
    pub registered_at: i64,
    pub promoted_at: Option<i64>,
    /// For someone waiting: their place on the waiting list (1 = next to move up).
    pub waiting_place: i64,
}

const REGISTRATION_COLUMNS: &str = "r.id, r.status, r.registered_at, r.promoted_at,
    (SELECT COUNT(*) FROM workshop_registrations q
     WHERE q.workshop_id = r.workshop_id AND q.status = 'waiting' AND q.queue_no <= r.queue_no)
    AS waiting_place";

/// This person's active registration (confirmed or waiting), if any.
pub async fn registration_of<'e>(
    ex: impl Exec<'e>,
    workshop: WorkshopId,
    user: UserId,
) -> sqlx::Result<Option<Registration>> {
    sqlx::query(&format!(
        "SELECT {REGISTRATION_COLUMNS} FROM workshop_registrations r
         WHERE r.workshop_id = $1 AND r.user_id = $2 AND r.status <> 'cancelled'"
    ))
    .bind(workshop)
    .bind(user)
    .try_map(decoded)
    .fetch_optional(ex)
    .await
}

async fn count<'e>(
    ex: impl Exec<'e>,
    workshop: WorkshopId,
    state: RegistrationState,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM workshop_registrations WHERE workshop_id = $1 AND status = $2",
    )
    .bind(workshop)
    .bind(state)
    .fetch_one(ex)
    .await
}

/// What a registration request ended in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Registered {
    Confirmed,
    /// On the waiting list at this place (1 = next to move up).
    Waiting(i64),
    Already,
    Started,
    Closed,
}

/// The one door for registering, under the workshop's lock: a seat while the confirmed
/// places are fewer than the seats, otherwise the end of the waiting list. Checked against
/// the clock on every request, so registration closes at the start without anyone switching
/// it off. None when there is no such workshop.
pub async fn register(
    tx: &mut Tx,
    backend: Backend,
    workshop: WorkshopId,
    user: UserId,
) -> sqlx::Result<Option<Registered>> {
    let Some(w) = lock(tx, backend, workshop).await? else {
        return Ok(None);
    };
    if super::now() >= w.starts_at {
        return Ok(Some(Registered::Started));
    }
    if !w.registration_open {
        return Ok(Some(Registered::Closed));
    }
    let confirmed = count(&mut **tx, workshop, RegistrationState::Confirmed).await?;
    let state = if confirmed < w.seats {
        RegistrationState::Confirmed
    } else {
        RegistrationState::Waiting
    };
    if !enqueue(tx, workshop, user, state).await? {
        return Ok(Some(Registered::Already));
    }
    Ok(Some(match state {
        // Last in the queue: the place is the length of the waiting list.
        RegistrationState::Waiting => {
            Registered::Waiting(count(&mut **tx, workshop, RegistrationState::Waiting).await?)
        }
        _ => Registered::Confirmed,
    }))
}

/// Registers (again) at the end of the queue with `status`; false when the person already
/// holds a place or waits. Call under `lock`.
async fn enqueue(
    tx: &mut Tx,
    workshop: WorkshopId,
    user: UserId,
    status: RegistrationState,
) -> sqlx::Result<bool> {
    let r = sqlx::query(
        "INSERT INTO workshop_registrations (workshop_id, user_id, status, queue_no, registered_at)
         VALUES ($1, $2, $3,
                 (SELECT COALESCE(MAX(queue_no), 0) + 1 FROM workshop_registrations
                  WHERE workshop_id = $1),
                 $4)
         ON CONFLICT (workshop_id, user_id) DO UPDATE
           SET status = excluded.status, queue_no = excluded.queue_no,
               registered_at = excluded.registered_at, promoted_at = NULL, cancelled_at = NULL
           WHERE workshop_registrations.status = 'cancelled'",
    )
    .bind(workshop)
    .bind(user)
    .bind(status)
    .bind(super::now())
    .execute(&mut **tx)
    .await?;
    Ok(r.rows_affected() == 1)
}

/// What a cancellation ended in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cancelled {
    Done,
    /// No registration to cancel.
    Nothing,
    /// The workshop has started.
    TooLate,
}

/// The one door for cancelling, under the workshop's lock. The freed seat goes to the first
/// person waiting in the same transaction: exactly once, however many cancel at the same
/// moment. None when there is no such workshop.
pub async fn cancel(
    tx: &mut Tx,
    backend: Backend,
    workshop: WorkshopId,
    user: UserId,
) -> sqlx::Result<Option<Cancelled>> {
    let Some(w) = lock(tx, backend, workshop).await? else {
        return Ok(None);
    };
    if super::now() >= w.starts_at {
        return Ok(Some(Cancelled::TooLate));
    }
    if withdraw(tx, workshop, user).await?.is_none() {
        return Ok(Some(Cancelled::Nothing));
    }
    fill_seats(tx, workshop, w.seats).await?;
    Ok(Some(Cancelled::Done))
}

/// Cancels this person's registration; returns the status it had (None: nothing to cancel).
/// Call under `lock`, then `fill_seats`.
async fn withdraw(
    tx: &mut Tx,
    workshop: WorkshopId,
    user: UserId,
) -> sqlx::Result<Option<RegistrationState>> {
    let before: Option<RegistrationState> = sqlx::query_scalar(
        "SELECT status FROM workshop_registrations
         WHERE workshop_id = $1 AND user_id = $2 AND status <> 'cancelled'",
    )
    .bind(workshop)
    .bind(user)
    .fetch_optional(&mut **tx)
    .await?;
    if before.is_some() {
        sqlx::query(
            "UPDATE workshop_registrations SET status = 'cancelled', cancelled_at = $3
             WHERE workshop_id = $1 AND user_id = $2",
        )
        .bind(workshop)
        .bind(user)
        .bind(super::now())
        .execute(&mut **tx)
        .await?;
    }
    Ok(before)
}

/// Moves people up from the waiting list, earliest first, until the confirmed places reach
/// `seats` (after a cancellation, or when the moderators add seats). Call under `lock`;
/// returns how many moved up.
async fn fill_seats(tx: &mut Tx, workshop: WorkshopId, seats: i64) -> sqlx::Result<u64> {
    let free = seats - count(&mut **tx, workshop, RegistrationState::Confirmed).await?;
    if free <= 0 {
        return Ok(0);
    }
    let r = sqlx::query(
        "UPDATE workshop_registrations SET status = 'confirmed', promoted_at = $2
         WHERE id IN (SELECT id FROM workshop_registrations
                      WHERE workshop_id = $1 AND status = 'waiting'
                      ORDER BY queue_no LIMIT $3)",
    )
    .bind(workshop)
    .bind(super::now())
    .bind(free)
    .execute(&mut **tx)
    .await?;
    Ok(r.rows_affected())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Participant {
    pub user_id: UserId,
    pub display_name: String,
    pub email: String,
    pub status: RegistrationState,
    pub registered_at: i64,
    pub promoted_at: Option<i64>,
}

/// Confirmed people, then the waiting list, each in the order they registered.
pub async fn participants<'e>(
    ex: impl Exec<'e>,
    workshop: WorkshopId,
) -> sqlx::Result<Vec<Participant>> {
    sqlx::query(
        "SELECT r.id, r.user_id, u.display_name, u.email, r.status, r.registered_at,
                r.promoted_at
         FROM workshop_registrations r JOIN users u ON u.id = r.user_id
         WHERE r.workshop_id = $1 AND r.status <> 'cancelled'
         ORDER BY CASE WHEN r.status = 'confirmed' THEN 0 ELSE 1 END, r.queue_no",
    )
    .bind(workshop)
    .try_map(decoded)
    .fetch_all(ex)
    .await
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MyRegistration {
    pub workshop_id: WorkshopId,
    pub title: String,
    pub starts_at: i64,
    pub status: RegistrationState,
    pub registered_at: i64,
    pub promoted_at: Option<i64>,
    pub waiting_place: i64,
}

/// A person's registrations, next workshop first, past ones after.
pub async fn registrations_of_user<'e>(
    ex: impl Exec<'e>,
    user: UserId,
) -> sqlx::Result<Vec<MyRegistration>> {
    sqlx::query(&format!(
        "SELECT r.workshop_id, w.title, w.starts_at, {REGISTRATION_COLUMNS}
         FROM workshop_registrations r JOIN workshops w ON w.id = r.workshop_id
         WHERE r.user_id = $1 AND r.status <> 'cancelled'
         ORDER BY CASE WHEN w.ends_at > $2 THEN 0 ELSE 1 END,
                  CASE WHEN w.ends_at > $2 THEN w.starts_at ELSE -w.starts_at END"
    ))
    .bind(user)
    .bind(super::now())
    .try_map(decoded)
    .fetch_all(ex)
    .await
}

// ---------------------------------------------------------------------------------------
// Learnings and their links to ideas

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

/// The learnings linked to an idea, in the order of their workshops.
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
        super::id_list(ideas)
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
    sqlx::query_scalar(
        "INSERT INTO learnings (workshop_id, number, title, body, created_at)
         VALUES ($1, (SELECT COALESCE(MAX(number), 0) + 1 FROM learnings WHERE workshop_id = $1),
                 $2, $3, $4)
         RETURNING id",
    )
    .bind(workshop)
    .bind(title)
    .bind(body)
    .bind(super::now())
    .fetch_one(&mut **tx)
    .await
    .map(Some)
}

pub async fn update_learning<'e>(
    ex: impl Exec<'e>,
    id: LearningId,
    title: &str,
    body: &str,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE learnings SET title = $1, body = $2 WHERE id = $3")
        .bind(title)
        .bind(body)
        .bind(id)
        .execute(ex)
        .await
        .map(|_| ())
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
    Ok(())
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
    .bind(super::now())
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
    pub status: crate::domain::Status,
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
