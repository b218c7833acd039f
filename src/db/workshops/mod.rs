//! Queries of the Innovationswerkstatt: workshops and their agenda (`events`), registrations
//! with seat limit and waiting list (`registration`), numbered learnings and their links to
//! ideas (`learnings`).
//!
//! Everything that counts seats or hands out numbers takes the workshop's `lock` inside the
//! caller's write transaction, so concurrent requests for the same workshop take turns. The
//! doors that do (`create`, `edit`, `delete`, `register`, `cancel`, `add_learning`,
//! `delete_learning`) take the lock themselves: handlers begin, call one of them, commit.

mod events;
mod learnings;
mod registration;

pub use events::{
    WorkshopFields, WorkshopRow, agenda, all, by_title, create, delete, detail, edit,
};
pub use learnings::{
    IdeaLearning, IdeaLearnings, LearningRow, LinkedIdea, add_learning, delete_learning,
    idea_by_title, idea_learnings, learning, learning_in_form, learnings_of, learnings_of_ideas,
    link, linked_ideas, search_ideas, unlink, update_learning,
};
pub use registration::{
    Cancelled, MyRegistration, Participant, Registered, Registration, cancel, participants,
    register, registration_of, registrations_of_user,
};

use super::{Backend, Flag, Tx};
use crate::domain::WorkshopId;

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
