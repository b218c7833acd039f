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
    let from = db::ideas::lock(tx, state.db.backend, idea.id)
        .await?
        .ok_or(AppError::NotFound)?
        .status;
    let Some(rule) = from.transition(to, actor) else {
        // The page showed a status that has changed since: say so instead of refusing.
        if from != idea.status {
            return Ok(Err(CHANGED_MEANWHILE));
        }
        return Err(AppError::Forbidden);
    };
    let note = note.trim();
    if rule == NoteRule::Required && note.is_empty() {
        let msg = if Status::ANSWERS.contains(&to) {
            ANSWER_MISSING
        } else {
            NOTE_MISSING
        };
        return Ok(Err(msg));
    }
    if note.chars().count() > 5_000 {
        return Ok(Err(NOTE_TOO_LONG));
    }
    if !db::ideas::set_status(tx, state.db.backend, idea.id, from, to).await? {
        return Ok(Err(CHANGED_MEANWHILE));
    }
    db::curation::add_transition(
        &mut **tx,
        idea.id,
        Some(from),
        to,
        &actor_of(user),
        note,
        db::now(),
    )
    .await?;
    if let Actor::Staff(role) = actor {
        db::curation::log(
            &mut **tx,
            &LogEntry {
                action: Action::Status(to),
                reason: None,
                note,
                actor_role: Acting::Person(role),
                item_type: Subject::Idea,
                item_id: idea.id.0,
            },
        )
        .await?;
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
