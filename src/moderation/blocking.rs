//! Blocking people (their ideas and comments are hidden while the block lasts) and lifting
//! blocks.

use super::hiding::NOTE_MISSING;
use crate::db::{self};
use crate::domain::moderation::ModerationNote;
use crate::domain::{Role, UserId};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::web::{Ctx, Form, Path};
use axum::extract::State;
use axum::response::Redirect;
use serde::Deserialize;

pub const BLOCKED: &str = "mod-blocked";
pub const UNBLOCKED: &str = "mod-unblocked";

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct BlockForm {
    note: String,
}

async fn set_blocked(
    state: AppState,
    ctx: Ctx,
    id: String,
    note: Option<String>,
) -> AppResult<Redirect> {
    let me = ctx.require_moderator()?;
    let id: UserId = id.parse().map_err(|_| AppError::NotFound)?;
    let target = db::users::by_id(&state.db.pool, id)
        .await?
        .ok_or(AppError::NotFound)?;
    // Moderation blocks participants and ministry accounts; only admins block moderators,
    // and nobody blocks an admin or themself.
    let allowed = match target.role {
        Role::Admin => false,
        Role::Moderator => me.role == Role::Admin,
        _ => true,
    } && target.id != me.id;
    if !allowed {
        return Err(AppError::Forbidden);
    }
    let back = format!("/users/{}", target.id);
    let note = match note.as_deref().map(ModerationNote::parse) {
        Some(Ok(n)) if n.is_empty() => {
            ctx.session.set_flash(NOTE_MISSING).await?;
            return Ok(Redirect::to(&back));
        }
        Some(Err(msg)) => {
            ctx.session.set_flash(msg).await?;
            return Ok(Redirect::to(&back));
        }
        Some(Ok(n)) => Some(n),
        None => None,
    };
    let mut tx = state.db.begin_write().await?;
    db::moderation::set_blocked(&mut tx, state.db.backend, target.id, me.role, note.as_ref())
        .await?;
    tx.commit().await?;
    let flash = if note.is_some() { BLOCKED } else { UNBLOCKED };
    ctx.session.set_flash(flash).await?;
    Ok(Redirect::to(&back))
}

pub(super) async fn block(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
    Form(form): Form<BlockForm>,
) -> AppResult<Redirect> {
    set_blocked(state, ctx, id, Some(form.note)).await
}

pub(super) async fn unblock(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
) -> AppResult<Redirect> {
    set_blocked(state, ctx, id, None).await
}
