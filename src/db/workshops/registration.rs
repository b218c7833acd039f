//! Registrations: the one door for registering and cancelling (seat limit, queue numbers,
//! moving up from the waiting list), and the lists of who is registered.

use super::super::{Backend, Exec, Tx, decoded, now};
use super::lock;
use crate::domain::workshop::RegistrationState;
use crate::domain::{UserId, WorkshopId};

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
    if now() >= w.starts_at {
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
    let outcome = match state {
        // Last in the queue: the place is the length of the waiting list.
        RegistrationState::Waiting => {
            Registered::Waiting(count(&mut **tx, workshop, RegistrationState::Waiting).await?)
        }
        _ => Registered::Confirmed,
    };
    let key = match outcome {
        Registered::Waiting(_) => "notice-workshop-waiting",
        _ => "notice-workshop-confirmed",
    };
    super::super::notifications::workshop_notice(tx, workshop, user, key).await?;
    Ok(Some(outcome))
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
    .bind(now())
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
    if now() >= w.starts_at {
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
        .bind(now())
        .execute(&mut **tx)
        .await?;
    }
    Ok(before)
}

/// Moves people up from the waiting list, earliest first, until the confirmed places reach
/// `seats` (after a cancellation, or when the moderators add seats). Call under `lock`;
/// returns how many moved up.
pub(super) async fn fill_seats(tx: &mut Tx, workshop: WorkshopId, seats: i64) -> sqlx::Result<u64> {
    let free = seats - count(&mut **tx, workshop, RegistrationState::Confirmed).await?;
    if free <= 0 {
        return Ok(0);
    }
    let moved: Vec<UserId> = sqlx::query_scalar(
        "UPDATE workshop_registrations SET status = 'confirmed', promoted_at = $2
         WHERE id IN (SELECT id FROM workshop_registrations
                      WHERE workshop_id = $1 AND status = 'waiting'
                      ORDER BY queue_no LIMIT $3)
         RETURNING user_id",
    )
    .bind(workshop)
    .bind(now())
    .bind(free)
    .fetch_all(&mut **tx)
    .await?;
    for user in &moved {
        super::super::notifications::workshop_notice(
            tx,
            workshop,
            *user,
            "notice-workshop-moved-up",
        )
        .await?;
    }
    Ok(moved.len() as u64)
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
    .bind(now())
    .try_map(decoded)
    .fetch_all(ex)
    .await
}
