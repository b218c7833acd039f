//! Handlers of status changes by moderation and ministry.

use crate::curation::Notes;
use crate::db::ideas::IdeaDetail;
use crate::domain::{Actor, IdeaId, Status};
use crate::error::{AppError, AppResult};
use crate::ideas::page::load;
use crate::state::AppState;
use crate::web::{Ctx, CurrentUser, Form, Path, parse_id, safe_next};
use axum::Router;
use axum::extract::State;
use axum::response::Redirect;
use axum::routing::post;
use serde::Deserialize;

pub const STATUS_CHANGED: &str = "status-changed";
pub const STATUS_MISSING: &str = "status-missing";
pub const FORWARDED: &str = "status-forwarded-one-step";

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/ideas/{id}/status", post(change))
        .route("/ideas/{id}/forward", post(forward))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct StatusForm {
    to: String,
    note: String,
    /// The internal note for staff, stored apart from the public one.
    internal: String,
    /// Where to return (the review list posts here too).
    next: String,
}

/// Where a status form returns to: the form's `next`, or the idea's trail.
fn back_to(idea: IdeaId, next: &str) -> String {
    if next.is_empty() {
        format!("/ideas/{idea}#verlauf")
    } else {
        safe_next(Some(next))
    }
}

/// Staff who may change statuses at all (the role matrix decides which moves).
fn staff(ctx: &Ctx) -> AppResult<&CurrentUser> {
    let me = ctx.require_user()?;
    if me.role == crate::domain::Role::Participant || me.blocked {
        return Err(AppError::Forbidden);
    }
    Ok(me)
}

/// Moderation's one-step forwarding: "Eingereicht" or "In Diskussion" to "Weitergeleitet",
/// with "In Prüfung" recorded between them, in one transaction.
async fn forward(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
    Form(form): Form<StatusForm>,
) -> AppResult<Redirect> {
    let me = staff(&ctx)?;
    let idea = load(&state, parse_id::<IdeaId>(&id)?).await?;
    let path = idea
        .status
        .forward_path(Actor::Staff(me.role))
        .ok_or(AppError::Forbidden)?;
    apply(&state, &ctx, me, &idea, &path, &form, FORWARDED).await
}

async fn change(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
    Form(form): Form<StatusForm>,
) -> AppResult<Redirect> {
    let me = staff(&ctx)?;
    let idea = load(&state, parse_id::<IdeaId>(&id)?).await?;
    // The form preselects no decision: sent without one, it says so instead of guessing.
    if form.to.is_empty() {
        ctx.session.set_flash(STATUS_MISSING).await?;
        return Ok(Redirect::to(&back_to(idea.id, &form.next)));
    }
    let to = Status::parse(&form.to).ok_or(AppError::BadRequest)?;
    apply(&state, &ctx, me, &idea, &[to], &form, STATUS_CHANGED).await
}

/// Moves the idea along `path` in one write transaction and says how it went.
async fn apply(
    state: &AppState,
    ctx: &Ctx,
    me: &CurrentUser,
    idea: &IdeaDetail,
    path: &[Status],
    form: &StatusForm,
    done: &'static str,
) -> AppResult<Redirect> {
    let notes = Notes {
        public: &form.note,
        internal: &form.internal,
    };
    let actor = Actor::Staff(me.role);
    let mut tx = state.db.begin_write().await?;
    let outcome =
        crate::curation::change_status_along(&mut tx, state, idea, path, actor, me, notes).await?;
    tx.commit().await?;
    ctx.session.set_flash(outcome.err().unwrap_or(done)).await?;
    Ok(Redirect::to(&back_to(idea.id, &form.next)))
}
