//! Hiding ideas and comments with a public reason, showing them again, and dismissing reports;
//! the hide form that idea and comment pages show to moderators.

use super::path_item;
use crate::db::moderation::{self, ReportItem};
use crate::domain::moderation::AUTO_HIDDEN_REASON;
use crate::domain::{ItemKind, Reason};
use crate::error::{AppError, AppResult};
use crate::i18n::{Label, t};
use crate::state::AppState;
use crate::web::forms::csrf_field;
use crate::web::layout;
use crate::web::{Ctx, Form, Path};
use axum::extract::State;
use axum::response::Redirect;
use maud::{Markup, html};
use serde::Deserialize;

pub const HIDDEN: &str = "mod-hidden";
pub const UNHIDDEN: &str = "mod-unhidden";
pub const DISMISSED: &str = "mod-dismissed";
pub const REASON_MISSING: &str = "mod-reason-missing";
pub const NOTE_MISSING: &str = "mod-note-missing";
pub const NOTE_TOO_LONG: &str = "mod-note-long";

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct HideForm {
    reason: String,
    note: String,
    /// Where to return: the queue sends itself, so the moderator goes on with the next item.
    next: String,
}

/// The category and public text of a hide; both are required.
fn hide_reason(form: &HideForm) -> Result<(Reason, String), &'static str> {
    let reason = Reason::parse(&form.reason).ok_or(REASON_MISSING)?;
    let note = form.note.trim();
    if note.is_empty() {
        return Err(NOTE_MISSING);
    }
    if note.chars().count() > 1_000 {
        return Err(NOTE_TOO_LONG);
    }
    Ok((reason, note.to_string()))
}

/// Hide an idea or a comment with a public reason, closing its reports.
async fn hide(state: AppState, ctx: Ctx, item: ReportItem, form: HideForm) -> AppResult<Redirect> {
    let me = ctx.require_moderator()?;
    let back = if form.next.is_empty() {
        item.url()
    } else {
        crate::web::safe_next(Some(&form.next))
    };
    let (reason, note) = match hide_reason(&form) {
        Ok(r) => r,
        Err(msg) => {
            ctx.session.set_flash(msg).await?;
            return Ok(Redirect::to(&back));
        }
    };
    let mut tx = state.db.begin_write().await?;
    moderation::hide(&mut tx, state.db.backend, &item, me.role, reason, &note).await?;
    tx.commit().await?;
    ctx.session.set_flash(HIDDEN).await?;
    Ok(Redirect::to(&back))
}

/// Show a hidden idea or comment again; its open reports are closed as unfounded.
async fn unhide(state: AppState, ctx: Ctx, item: ReportItem) -> AppResult<Redirect> {
    let me = ctx.require_moderator()?;
    let mut tx = state.db.begin_write().await?;
    moderation::unhide(&mut tx, state.db.backend, &item, me.role).await?;
    tx.commit().await?;
    ctx.session.set_flash(UNHIDDEN).await?;
    Ok(Redirect::to(&item.url()))
}

pub(super) async fn hide_idea(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
    Form(form): Form<HideForm>,
) -> AppResult<Redirect> {
    let item = path_item(&state, ItemKind::Idea, &id).await?;
    hide(state, ctx, item, form).await
}

pub(super) async fn hide_comment(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
    Form(form): Form<HideForm>,
) -> AppResult<Redirect> {
    let item = path_item(&state, ItemKind::Comment, &id).await?;
    hide(state, ctx, item, form).await
}

pub(super) async fn unhide_idea(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
) -> AppResult<Redirect> {
    let item = path_item(&state, ItemKind::Idea, &id).await?;
    unhide(state, ctx, item).await
}

pub(super) async fn unhide_comment(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
) -> AppResult<Redirect> {
    let item = path_item(&state, ItemKind::Comment, &id).await?;
    unhide(state, ctx, item).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct DismissForm {
    item_type: String,
    item_id: String,
}

/// Close the open reports of an item as unfounded; an automatic hide is lifted.
pub(super) async fn dismiss(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<DismissForm>,
) -> AppResult<Redirect> {
    let me = ctx.require_moderator()?;
    let kind = ItemKind::parse(&form.item_type).ok_or(AppError::BadRequest)?;
    let item_id: i64 = form.item_id.parse().map_err(|_| AppError::BadRequest)?;
    let mut tx = state.db.begin_write().await?;
    if !moderation::dismiss(&mut tx, state.db.backend, kind, item_id, me.role).await? {
        return Err(AppError::NotFound);
    }
    tx.commit().await?;
    ctx.session.set_flash(DISMISSED).await?;
    Ok(Redirect::to("/moderation"))
}

/// A stored public reason: moderators' own words as written; the automatic hide's reason is a
/// catalogue key, shown in the reader's language.
pub fn public_reason(stored: &str) -> String {
    if stored == AUTO_HIDDEN_REASON {
        t(stored)
    } else {
        stored.to_string()
    }
}

/// Reason select and public note: the same small form hides ideas and comments.
pub fn hide_form(ctx: &Ctx, action: &str, key: &str) -> Markup {
    hide_form_back(ctx, action, key, "")
}

/// The hide form that returns to `next` (the queue) instead of the hidden item.
pub fn hide_form_back(ctx: &Ctx, action: &str, key: &str, next: &str) -> Markup {
    html! {
        details.moderate {
            summary { (t("mod-hide")) }
            form.stack method="post" action=(action) {
                (csrf_field(ctx.csrf()))
                @if !next.is_empty() { input type="hidden" name="next" value=(next); }
                div.field {
                    label for={ "hide-reason-" (key) } { (t("mod-l-reason")) }
                    select id={ "hide-reason-" (key) } name="reason" required {
                        option value="" { (t("idea-choose")) }
                        @for r in Reason::ALL { option value=(r.as_str()) { (r.label()) } }
                    }
                    p.hint { (layout::rules_note()) }
                }
                div.field {
                    label for={ "hide-note-" (key) } { (t("mod-l-public-note")) }
                    textarea id={ "hide-note-" (key) } name="note" rows="2" required maxlength="1000" {}
                }
                button type="submit" { (t("mod-hide")) }
            }
        }
    }
}
