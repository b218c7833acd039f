//! Handlers of the tags area: a theme's tag list (moderators) and retagging an idea.

use super::views;
use crate::db;
use crate::domain::tags::TagName;
use crate::domain::{IdeaId, Slug, TagId};
use crate::error::{AppError, AppResult, is_unique_violation};
use crate::state::AppState;
use crate::web::{Ctx, Form, FormErrors, Path, parse_id};
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use maud::Markup;
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/themes/{slug}/tags", get(list).post(add))
        .route("/themes/{slug}/tags/{id}/delete", post(delete))
        .route("/ideas/{id}/tags", post(retag))
}

async fn theme_of(state: &AppState, slug: &str) -> AppResult<db::themes::ThemeRow> {
    db::themes::by_slug(&state.db.pool, slug)
        .await?
        .ok_or(AppError::NotFound)
}

async fn list(State(state): State<AppState>, ctx: Ctx, Path(slug): Path) -> AppResult<Markup> {
    ctx.require_moderator()?;
    let theme = theme_of(&state, &slug).await?;
    let tags = db::tags::of_theme(&state.db.pool, theme.id).await?;
    Ok(views::list(&ctx, &theme, &tags, "", &FormErrors::new()))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct TagForm {
    name: String,
}

async fn add(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path,
    Form(form): Form<TagForm>,
) -> AppResult<Response> {
    ctx.require_moderator()?;
    let theme = theme_of(&state, &slug).await?;
    let mut errors = FormErrors::new();
    let again = |errors: &FormErrors, tags: &[db::tags::Tag]| {
        views::list(&ctx, &theme, tags, &form.name, errors).into_response()
    };
    let Some(name) = errors.check("name", views::L_NAME, TagName::parse(&form.name)) else {
        let tags = db::tags::of_theme(&state.db.pool, theme.id).await?;
        return Ok(again(&errors, &tags));
    };
    let slug = Slug::from_name(name.as_str());
    if Slug::parse(&slug).is_err() {
        errors.add("name", views::L_NAME, "err-tag-missing");
        let tags = db::tags::of_theme(&state.db.pool, theme.id).await?;
        return Ok(again(&errors, &tags));
    }
    match db::tags::add(&state.db.pool, theme.id, &slug, name.as_str(), db::now()).await {
        Ok(()) => {
            ctx.session.set_flash(views::TAG_ADDED).await?;
            Ok(Redirect::to(&format!("/themes/{}/tags", theme.slug)).into_response())
        }
        Err(e) if is_unique_violation(&e) => {
            errors.add("name", views::L_NAME, views::TAG_TAKEN);
            let tags = db::tags::of_theme(&state.db.pool, theme.id).await?;
            Ok(again(&errors, &tags))
        }
        Err(e) => Err(e.into()),
    }
}

async fn delete(
    State(state): State<AppState>,
    ctx: Ctx,
    axum::extract::Path((slug, id)): axum::extract::Path<(String, String)>,
) -> AppResult<Redirect> {
    ctx.require_moderator()?;
    let theme = theme_of(&state, &slug).await?;
    let id = parse_id::<TagId>(&id)?;
    let tags = db::tags::of_theme(&state.db.pool, theme.id).await?;
    if !tags.iter().any(|t| t.id == id) {
        return Err(AppError::NotFound);
    }
    let mut tx = state.db.begin_write().await?;
    db::tags::delete(&mut tx, id).await?;
    tx.commit().await?;
    ctx.session.set_flash(views::TAG_DELETED).await?;
    Ok(Redirect::to(&format!("/themes/{}/tags", theme.slug)))
}

/// The three tag choices of the idea form and of retagging (a choice is a tag's id).
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TagChoices {
    tag1: String,
    tag2: String,
    tag3: String,
}

impl TagChoices {
    pub fn ids(&self) -> Vec<TagId> {
        crate::domain::tags::chosen([&self.tag1, &self.tag2, &self.tag3])
    }
}

async fn retag(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
    Form(form): Form<TagChoices>,
) -> AppResult<Redirect> {
    ctx.require_moderator()?;
    let idea = db::ideas::detail(&state.db.pool, parse_id::<IdeaId>(&id)?)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut tx = state.db.begin_write().await?;
    db::tags::set_for_idea(&mut tx, idea.id, idea.theme_id, &form.ids()).await?;
    tx.commit().await?;
    ctx.session.set_flash(views::RETAGGED).await?;
    Ok(Redirect::to(&format!("/ideas/{}", idea.id)))
}
