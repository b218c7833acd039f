//! The idea page as a whole: what it loads and how it is shown. Comments re-render it with a
//! failed draft in place, so this is the ideas area's door for other areas (never its routes).

use super::views::{self, IdeaPage};
use crate::comments::views::CommentDraft;
use crate::db::{self, ideas::IdeaDetail};
use crate::domain::IdeaId;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::web::Ctx;
use maud::Markup;

/// The idea, or the 404 page.
pub async fn load(state: &AppState, id: IdeaId) -> AppResult<IdeaDetail> {
    db::ideas::detail(&state.db.pool, id)
        .await?
        .ok_or(AppError::NotFound)
}

/// Render the idea page; `draft` carries a comment that failed validation back into its form.
pub async fn render(
    state: &AppState,
    ctx: &Ctx,
    idea: &IdeaDetail,
    draft: CommentDraft,
) -> AppResult<Markup> {
    let comments = db::comments::for_idea(&state.db.pool, idea.id).await?;
    let supported = match ctx.user_id() {
        Some(u) => db::ideas::supported_by(&state.db.pool, idea.id, u).await?,
        None => false,
    };
    let trail = db::curation::transitions(&state.db.pool, idea.id).await?;
    // Internal notes are read only for staff: for anyone else they are never even loaded.
    let internal_notes = if ctx.reads_internal_notes() {
        db::curation::internal_notes(&state.db.pool, &[idea.id]).await?
    } else {
        Vec::new()
    };
    let merged_into = match idea.merged_into {
        Some(target) => db::ideas::detail(&state.db.pool, target).await?,
        None => None,
    };
    let orgs = match &ctx.user {
        Some(u) => db::organisations::verified_for_member(&state.db.pool, u.id).await?,
        None => Vec::new(),
    };
    let learnings =
        db::workshops::idea_learnings(&state.db.pool, idea.id, ctx.is_moderator()).await?;
    let tags = db::tags::of_idea(&state.db.pool, idea.id).await?;
    let tag_choices = if ctx.is_moderator() {
        db::tags::of_theme(&state.db.pool, idea.theme_id).await?
    } else {
        Vec::new()
    };
    let follow = crate::notifications::follow_control(
        state,
        ctx,
        db::notifications::Target::Idea(idea.id),
        &format!("/ideas/{}", idea.id),
    )
    .await?;
    Ok(views::show(
        ctx,
        &IdeaPage {
            idea,
            comments: &comments,
            supported,
            draft,
            trail: &trail,
            internal_notes: &internal_notes,
            merged_into: merged_into.as_ref(),
            orgs: &orgs,
            learnings,
            tags: &tags,
            tag_choices: &tag_choices,
            new_account_secs: state.config.new_account_secs(),
            follow,
            support_rule: state.config.support_rule.as_deref(),
        },
    ))
}
