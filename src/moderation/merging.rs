//! Merging a duplicate idea into another: supports move along, the duplicate's trail and its
//! author's notice point to the idea it lives on in.

use crate::db::{self};
use crate::domain::IdeaId;
use crate::domain::moderation::ModerationNote;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::web::{Ctx, Form, Path};
use axum::extract::State;
use axum::response::Redirect;
use serde::Deserialize;

pub const MERGED: &str = "mod-merged";
pub const MERGE_TARGET_MISSING: &str = "mod-merge-target-missing";
pub const MERGE_TARGET_INVALID: &str = "mod-merge-target-invalid";

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct MergeForm {
    target: String,
    note: String,
}

pub(super) async fn merge(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
    Form(form): Form<MergeForm>,
) -> AppResult<Redirect> {
    let me = ctx.require_moderator()?;
    let dup_id: IdeaId = id.parse().map_err(|_| AppError::NotFound)?;
    let dup = db::ideas::detail(&state.db.pool, dup_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let back = format!("/ideas/{}", dup.id);
    let target = match form.target.trim().trim_start_matches('#').parse::<IdeaId>() {
        Ok(t) => db::ideas::detail(&state.db.pool, t).await?,
        Err(()) => None,
    };
    let Some(target) = target else {
        ctx.session.set_flash(MERGE_TARGET_MISSING).await?;
        return Ok(Redirect::to(&back));
    };
    if target.id == dup.id || target.closed() || target.hidden() {
        ctx.session.set_flash(MERGE_TARGET_INVALID).await?;
        return Ok(Redirect::to(&back));
    }
    // The trail shows the target itself (a link); the note is the moderator's own words.
    let note = match ModerationNote::parse(&form.note) {
        Ok(note) => note,
        Err(msg) => {
            ctx.session.set_flash(msg).await?;
            return Ok(Redirect::to(&back));
        }
    };
    let mut tx = state.db.begin_write().await?;
    let actor = crate::curation::actor_of(me);
    if !db::moderation::merge(&mut tx, state.db.backend, &dup, &target, &actor, &note).await? {
        tx.rollback().await?;
        ctx.session.set_flash(MERGE_TARGET_INVALID).await?;
        return Ok(Redirect::to(&back));
    }
    tx.commit().await?;
    ctx.session.set_flash(MERGED).await?;
    Ok(Redirect::to(&format!("/ideas/{}", target.id)))
}
