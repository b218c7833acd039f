//! Handlers for learnings (numbered, per workshop) and their links to ideas, from the
//! workshop page and from the idea page.

use super::views::{self, LearningValues};
use super::{load, parse_id, workshop_url};
use crate::db::{self, workshops::LearningRow};
use crate::domain::workshop::{LearningBody, LearningTitle};
use crate::domain::{IdeaId, LearningId, UserId};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::web::{Ctx, Form, FormErrors, Path};
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use maud::Markup;
use serde::Deserialize;

async fn load_learning(state: &AppState, raw: &str) -> AppResult<LearningRow> {
    let id: LearningId = raw.parse().map_err(|_| AppError::NotFound)?;
    db::workshops::learning(&state.db.pool, id)
        .await?
        .ok_or(AppError::NotFound)
}

fn learning_url(l: &LearningRow) -> String {
    format!("/workshops/{}#learning-{}", l.workshop_id, l.id)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct LearningForm {
    title: String,
    body: String,
}

impl LearningForm {
    fn values(&self) -> LearningValues {
        LearningValues {
            title: self.title.clone(),
            body: self.body.clone(),
        }
    }

    fn parse(&self, errors: &mut FormErrors) -> Option<(LearningTitle, LearningBody)> {
        let title = errors.check(
            "title",
            views::L_LEARNING_TITLE,
            LearningTitle::parse(&self.title),
        );
        let body = errors.check(
            "body",
            views::L_LEARNING_BODY,
            LearningBody::parse(&self.body),
        );
        Some((title?, body?))
    }
}

/// Where a login interrupted by a link form leads back to (see `Ctx::path`).
pub(super) async fn back_to_idea(Path(id): Path) -> AppResult<Redirect> {
    let id: IdeaId = id.parse().map_err(|_| AppError::NotFound)?;
    Ok(Redirect::to(&format!("/ideas/{id}#werkstatt")))
}

pub(super) async fn back_to_workshop(Path(id): Path) -> AppResult<Redirect> {
    Ok(Redirect::to(&workshop_url(parse_id(&id)?)))
}

pub(super) async fn new_learning_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
) -> AppResult<Markup> {
    ctx.require_moderator()?;
    let w = load(&state, parse_id(&id)?).await?;
    Ok(views::learning_form(
        &ctx,
        w.id,
        &w.title,
        None,
        &LearningValues::default(),
        &FormErrors::new(),
    ))
}

pub(super) async fn create_learning(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
    Form(form): Form<LearningForm>,
) -> AppResult<Response> {
    ctx.require_moderator()?;
    let w = load(&state, parse_id(&id)?).await?;
    let mut errors = FormErrors::new();
    let Some((title, body)) = form.parse(&mut errors) else {
        let page = views::learning_form(&ctx, w.id, &w.title, None, &form.values(), &errors);
        return Ok(page.into_response());
    };
    let mut tx = state.db.begin_write().await?;
    let lid = db::workshops::add_learning(
        &mut tx,
        state.db.backend,
        w.id,
        title.as_str(),
        body.as_str(),
    )
    .await?
    .ok_or(AppError::NotFound)?;
    tx.commit().await?;
    ctx.session.set_flash(views::LEARNING_CREATED).await?;
    Ok(Redirect::to(&format!("{}#learning-{lid}", workshop_url(w.id))).into_response())
}

pub(super) async fn learning_permalink(
    State(state): State<AppState>,
    Path(id): Path,
) -> AppResult<Redirect> {
    let l = load_learning(&state, &id).await?;
    Ok(Redirect::to(&learning_url(&l)))
}

pub(super) async fn edit_learning_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
) -> AppResult<Markup> {
    ctx.require_moderator()?;
    let l = load_learning(&state, &id).await?;
    let values = LearningValues {
        title: l.title.clone(),
        body: l.body.clone(),
    };
    Ok(views::learning_form(
        &ctx,
        l.workshop_id,
        &l.workshop_title,
        Some(&l),
        &values,
        &FormErrors::new(),
    ))
}

pub(super) async fn update_learning(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
    Form(form): Form<LearningForm>,
) -> AppResult<Response> {
    ctx.require_moderator()?;
    let l = load_learning(&state, &id).await?;
    let mut errors = FormErrors::new();
    let Some((title, body)) = form.parse(&mut errors) else {
        let page = views::learning_form(
            &ctx,
            l.workshop_id,
            &l.workshop_title,
            Some(&l),
            &form.values(),
            &errors,
        );
        return Ok(page.into_response());
    };
    let mut tx = state.db.begin_write().await?;
    db::workshops::update_learning(
        &mut tx,
        state.db.backend,
        l.id,
        title.as_str(),
        body.as_str(),
    )
    .await?;
    tx.commit().await?;
    ctx.session.set_flash(views::LEARNING_SAVED).await?;
    Ok(Redirect::to(&learning_url(&l)).into_response())
}

pub(super) async fn delete_learning_confirm(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
) -> AppResult<Markup> {
    ctx.require_moderator()?;
    let l = load_learning(&state, &id).await?;
    Ok(views::learning_delete_confirm(&ctx, &l))
}

pub(super) async fn delete_learning(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
) -> AppResult<Redirect> {
    ctx.require_moderator()?;
    let l = load_learning(&state, &id).await?;
    let mut tx = state.db.begin_write().await?;
    db::workshops::delete_learning(&mut tx, state.db.backend, &l).await?;
    tx.commit().await?;
    ctx.session.set_flash(views::LEARNING_DELETED).await?;
    Ok(Redirect::to(&workshop_url(l.workshop_id)))
}

// ---------------------------------------------------------------------------------------
// Links between learnings and ideas: one pair of routes serves both pages.

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct LinkForm {
    learning: String,
    /// "werkstatt" when sent from the workshop page; anything else leads back to the idea.
    from: String,
}

/// The idea, the learning and where to go afterwards; moderators only.
async fn link_target(
    state: &AppState,
    ctx: &Ctx,
    idea: &str,
    form: &LinkForm,
) -> AppResult<Option<(UserId, IdeaId, LearningRow, String)>> {
    let me = ctx.require_moderator()?;
    let idea: IdeaId = idea.parse().map_err(|_| AppError::NotFound)?;
    let idea = db::ideas::detail(&state.db.pool, idea)
        .await?
        .ok_or(AppError::NotFound)?;
    if form.learning.is_empty() {
        ctx.session.set_flash(views::CHOOSE_LEARNING).await?;
        return Ok(None);
    }
    let l = load_learning(state, &form.learning).await?;
    let back = if form.from == "werkstatt" {
        learning_url(&l)
    } else {
        format!("/ideas/{}#werkstatt", idea.id)
    };
    Ok(Some((me.id, idea.id, l, back)))
}

pub(super) async fn link(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
    Form(form): Form<LinkForm>,
) -> AppResult<Redirect> {
    let Some((me, idea, l, back)) = link_target(&state, &ctx, &id, &form).await? else {
        return Ok(Redirect::to(&format!("/ideas/{id}#werkstatt")));
    };
    let mut tx = state.db.begin_write().await?;
    if db::workshops::link(&mut *tx, l.id, idea, me).await? {
        db::notifications::learning_linked(&mut tx, l.id, idea, me).await?;
    }
    tx.commit().await?;
    state.mail_wake.notify_one();
    ctx.session.set_flash(views::LINKED).await?;
    Ok(Redirect::to(&back))
}

pub(super) async fn unlink(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
    Form(form): Form<LinkForm>,
) -> AppResult<Redirect> {
    let Some((_, idea, l, back)) = link_target(&state, &ctx, &id, &form).await? else {
        return Ok(Redirect::to(&format!("/ideas/{id}#werkstatt")));
    };
    db::workshops::unlink(&state.db.pool, l.id, idea).await?;
    ctx.session.set_flash(views::UNLINKED).await?;
    Ok(Redirect::to(&back))
}
