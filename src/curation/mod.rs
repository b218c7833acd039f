//! The road to the ministry: status changes with their public trail, log entries and notices.

pub mod routes;

use crate::db::curation::{ActorInfo, LogEntry};
use crate::db::ideas::IdeaDetail;
use crate::db::notifications::Target;
use crate::db::{self, Tx};
use crate::domain::mail::NoticeKind;
use crate::domain::{Acting, Action, Actor, Message, NoteRule, Status, Subject};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::web::CurrentUser;

pub const NOTE_MISSING: &str = "status-note-missing";
pub const ANSWER_MISSING: &str = "status-answer-missing";
pub const NOTE_TOO_LONG: &str = "status-note-long";
pub const CHANGED_MEANWHILE: &str = "status-changed-meanwhile";

pub fn actor_of(user: &CurrentUser) -> ActorInfo<'_> {
    ActorInfo {
        id: Some(user.id),
        role: Acting::Person(user.role),
        name: &user.name,
    }
}

/// What a person writes with a status change: the public note (the reason, or the ministry's
/// answer) and the internal note for moderators, admins and ministry staff only.
#[derive(Clone, Copy, Default)]
pub struct Notes<'a> {
    pub public: &'a str,
    pub internal: &'a str,
}

/// Move `idea` to `to` on behalf of `user` acting as `actor`, inside the caller's write
/// transaction. A forbidden move is an error (403: no form offers it); a missing note or a
/// status someone else changed first comes back as `Ok(Err(message))` for the person.
pub async fn change_status(
    tx: &mut Tx,
    state: &AppState,
    idea: &IdeaDetail,
    to: Status,
    actor: Actor,
    user: &CurrentUser,
    note: &str,
) -> AppResult<Result<(), &'static str>> {
    let notes = Notes {
        public: note,
        internal: "",
    };
    change_status_along(tx, state, idea, &[to], actor, user, notes).await
}

/// Move `idea` along `path` (one status, or moderation's one-step forwarding through "In
/// Prüfung"), each step checked against the role matrix and recorded in the trail and the
/// log in order, all in the caller's one write transaction. The public note goes with the
/// last step and is required when any step requires one; the internal note is stored beside
/// the last step. The author and followers hear of the last status only.
pub async fn change_status_along(
    tx: &mut Tx,
    state: &AppState,
    idea: &IdeaDetail,
    path: &[Status],
    actor: Actor,
    user: &CurrentUser,
    notes: Notes<'_>,
) -> AppResult<Result<(), &'static str>> {
    let Some(&to) = path.last() else {
        return Err(AppError::BadRequest);
    };
    let start = db::ideas::lock(tx, state.db.backend, idea.id)
        .await?
        .ok_or(AppError::NotFound)?
        .status;
    // The rules of every step, before anything is written.
    let mut from = start;
    let mut note_required = false;
    for &step in path {
        let Some(rule) = from.transition(step, actor) else {
            // The page showed a status that has changed since: say so instead of refusing.
            if start != idea.status {
                return Ok(Err(CHANGED_MEANWHILE));
            }
            return Err(AppError::Forbidden);
        };
        note_required |= rule == NoteRule::Required;
        from = step;
    }
    let note = notes.public.trim();
    let internal = notes.internal.trim();
    if note_required && note.is_empty() {
        let msg = if Status::ANSWERS.contains(&to) {
            ANSWER_MISSING
        } else {
            NOTE_MISSING
        };
        return Ok(Err(msg));
    }
    if note.chars().count() > 5_000 || internal.chars().count() > 5_000 {
        return Ok(Err(NOTE_TOO_LONG));
    }
    let now = db::now();
    let mut from = start;
    for (n, &step) in path.iter().enumerate() {
        let last = n + 1 == path.len();
        if !db::ideas::set_status(tx, state.db.backend, idea.id, from, step).await? {
            if n == 0 {
                return Ok(Err(CHANGED_MEANWHILE));
            }
            // Under the idea's lock a later step cannot miss; should it, nothing is kept.
            return Err(AppError::internal(format!(
                "idea {} left {from:?} during a one-step change",
                idea.id
            )));
        }
        // The steps share the second; the trail orders them by their ids within it.
        let step_note = if last { note } else { "" };
        let transition = db::curation::add_transition(
            &mut **tx,
            idea.id,
            Some(from),
            step,
            &actor_of(user),
            step_note,
            now,
        )
        .await?;
        if last && !internal.is_empty() {
            db::curation::add_internal_note(
                &mut **tx,
                idea.id,
                transition,
                &actor_of(user),
                internal,
                now,
            )
            .await?;
        }
        if let Actor::Staff(role) = actor {
            db::curation::log(
                &mut **tx,
                &LogEntry {
                    action: Action::Status(step),
                    reason: None,
                    note: step_note,
                    actor_role: Acting::Person(role),
                    item_type: Subject::Idea,
                    item_id: idea.id.0,
                },
            )
            .await?;
        }
        from = step;
    }
    if matches!(actor, Actor::Staff(_)) {
        let notice = Message::key("notice-status")
            .arg("title", idea.title.as_str())
            .arg("status", to);
        db::notifications::deliver_noted(
            tx,
            idea.author_id,
            Some(idea.id),
            NoticeKind::Own,
            &notice,
            note,
        )
        .await?;
    }
    let followed = Message::key("notice-followed-status")
        .arg("title", idea.title.as_str())
        .arg("status", to);
    db::notifications::notify_followers(
        tx,
        Target::Idea(idea.id),
        Some(idea.id),
        NoticeKind::FollowedIdea,
        (&followed, note),
        &[idea.author_id, user.id],
    )
    .await?;
    Ok(Ok(()))
}
