//! Handlers of status changes by moderation and ministry.

use crate::domain::{Actor, IdeaId, Status};
use crate::error::{AppError, AppResult};
use crate::ideas::page::load;
use crate::state::AppState;
use crate::web::{Ctx, Form, Path, parse_id, safe_next};
use axum::Router;
use axum::extract::State;
use axum::response::Redirect;
use axum::routing::post;
use serde::Deserialize;

pub const STATUS_CHANGED: &str = "status-changed";
pub const STATUS_MISSING: &str = "status-missing";

pub fn router() -> Router<AppState> {
    Router::new().route("/ideas/{id}/status", post(change))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct StatusForm {
    to: String,
    note: String,
    /// Where to return (the review list posts here too).
    next: String,
}

async fn change(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
    Form(form): Form<StatusForm>,
) -> AppResult<Redirect> {
    let me = ctx.require_user()?;
    if me.role == crate::domain::Role::Participant || me.blocked {
        return Err(AppError::Forbidden);
    }
    let idea = load(&state, parse_id::<IdeaId>(&id)?).await?;
    let back = if form.next.is_empty() {
        format!("/ideas/{}#verlauf", idea.id)
    } else {
        safe_next(Some(&form.next))
    };
    // The form preselects no decision: sent without one, it says so instead of guessing.
    if form.to.is_empty() {
        ctx.session.set_flash(STATUS_MISSING).await?;
        return Ok(Redirect::to(&back));
    }
    let to = Status::parse(&form.to).ok_or(AppError::BadRequest)?;
    let mut tx = state.db.begin_write().await?;
    let outcome = crate::curation::change_status(
        &mut tx,
        &state,
        &idea,
        to,
        Actor::Staff(me.role),
        me,
        &form.note,
    )
    .await?;
    tx.commit().await?;
    match outcome {
        Ok(()) => ctx.session.set_flash(STATUS_CHANGED).await?,
        Err(msg) => ctx.session.set_flash(msg).await?,
    }
    Ok(Redirect::to(&back))
}
