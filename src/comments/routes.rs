//! Handlers of the comments area.

use super::views::{self, CommentDraft, reply_key};
use crate::db::comments::{AddOutcome, CommentRow, NewComment};
use crate::db::{self, ideas::IdeaDetail};
use crate::domain::{CommentBody, CommentId, IdeaId};
use crate::error::{AppError, AppResult};
use crate::ideas::page::{load, render as render_page};
use crate::ideas::views::WITHDRAWN_NO_CHANGE;
use crate::state::AppState;

/// The idea was hidden by moderation: its discussion pauses.
const HIDDEN_NO_COMMENTS: &str = "idea-hidden-no-comments";
/// A new account has written as many comments this hour as it may.
const NEW_ACCOUNT_LIMIT: &str = "comment-new-account-limit";
use crate::web::forms::new_account_wait;
use crate::web::{Ctx, Form, FormErrors, Path, parse_id};
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use maud::Markup;
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/ideas/{id}/comments", post(create))
        .route("/comments/{id}/edit", get(edit_form).post(update))
        .route("/comments/{id}/delete", get(delete_confirm).post(delete))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct CommentForm {
    body: String,
    parent_id: String,
    as_org: String,
    /// "1" while the "follow this idea" box is ticked.
    follow: String,
}

async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
    Form(form): Form<CommentForm>,
) -> AppResult<Response> {
    let me = ctx.require_active_user()?;
    let idea = load(&state, parse_id::<IdeaId>(&id)?).await?;
    if idea.closed() || idea.hidden() {
        let msg = if idea.closed() {
            WITHDRAWN_NO_CHANGE
        } else {
            HIDDEN_NO_COMMENTS
        };
        ctx.session.set_flash(msg).await?;
        return Ok(Redirect::to(&format!("/ideas/{}", idea.id)).into_response());
    }
    // Replies go one level deep: a reply to a reply attaches to the thread's first comment.
    let mut parent: Option<CommentId> = None;
    let mut errors = FormErrors::new();
    if !form.parent_id.is_empty() {
        let pid: CommentId = form.parent_id.parse().map_err(|_| AppError::BadRequest)?;
        match db::comments::by_id(&state.db.pool, pid).await? {
            Some(p) if p.idea_id == idea.id && p.deleted_at.is_none() => {
                parent = Some(p.parent_id.unwrap_or(p.id));
            }
            _ => errors.add("body", views::L_COMMENT, views::PARENT_MISSING),
        }
    }
    let key = match parent {
        Some(p) => reply_key(p),
        None => "body".to_string(),
    };
    let orgs = db::organisations::verified_for_member(&state.db.pool, me.id).await?;
    let org = crate::web::forms::speaking_for(&orgs, &form.as_org, &mut errors);
    let body = if errors.is_empty() {
        errors.check(
            key.clone(),
            views::L_COMMENT,
            CommentBody::parse(&form.body),
        )
    } else {
        None
    };
    let (Some(body), Some(org)) = (body, org) else {
        return form_again(&state, &ctx, &idea, form, parent, errors).await;
    };
    let mut tx = state.db.begin_write().await?;
    let limit = state.config.new_account_comments();
    let comment = NewComment {
        idea: idea.id,
        author: me.id,
        organisation: org,
        parent,
        body: body.as_str(),
        limit,
        follow: form.follow == "1",
    };
    let outcome = db::comments::add(&mut tx, state.db.backend, &comment).await?;
    let cid = match outcome {
        AddOutcome::Added(cid) => cid,
        AddOutcome::NotFound => return Err(AppError::NotFound),
        // A new account at its hourly limit: the page again, with the time from which it
        // may comment and its text in the form.
        AddOutcome::TooSoon(until) => {
            tx.rollback().await?;
            let mut errors = FormErrors::new();
            let wait = new_account_wait(NEW_ACCOUNT_LIMIT, until, limit);
            errors.add_message(key, views::L_COMMENT, &wait);
            return form_again(&state, &ctx, &idea, form, parent, errors).await;
        }
        // Closed or hidden while the comment was being written: said like above, and the
        // text comes back in the form so nothing typed is lost.
        AddOutcome::IdeaClosed | AddOutcome::IdeaHidden => {
            tx.rollback().await?;
            let mut errors = FormErrors::new();
            let msg = if outcome == AddOutcome::IdeaClosed {
                WITHDRAWN_NO_CHANGE
            } else {
                HIDDEN_NO_COMMENTS
            };
            errors.add(
                match parent {
                    Some(p) => reply_key(p),
                    None => "body".to_string(),
                },
                views::L_COMMENT,
                msg,
            );
            let idea = load(&state, idea.id).await?;
            return form_again(&state, &ctx, &idea, form, parent, errors).await;
        }
    };
    tx.commit().await?;
    ctx.session.set_flash(views::COMMENT_ADDED).await?;
    Ok(Redirect::to(&format!("/ideas/{}#comment-{cid}", idea.id)).into_response())
}

/// The idea page again, with the comment's text and its errors in the form it came from.
async fn form_again(
    state: &AppState,
    ctx: &Ctx,
    idea: &IdeaDetail,
    form: CommentForm,
    parent: Option<CommentId>,
    errors: FormErrors,
) -> AppResult<Response> {
    let draft = CommentDraft {
        body: form.body,
        parent,
        errors,
        as_org: form.as_org,
    };
    Ok(render_page(state, ctx, idea, draft).await?.into_response())
}

/// The comment, if the logged-in person wrote it and it can still be changed.
async fn own_comment(state: &AppState, ctx: &Ctx, id: &str) -> AppResult<CommentRow> {
    let me = ctx.require_user()?;
    let id: CommentId = id.parse().map_err(|_| AppError::NotFound)?;
    let c = db::comments::by_id(&state.db.pool, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if c.deleted_at.is_some() {
        return Err(AppError::NotFound);
    }
    if c.author_id != me.id || me.blocked || c.hidden() {
        return Err(AppError::Forbidden);
    }
    let idea = load(state, c.idea_id).await?;
    if idea.closed() {
        return Err(AppError::Forbidden);
    }
    Ok(c)
}

async fn edit_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path) -> AppResult<Markup> {
    let c = own_comment(&state, &ctx, &id).await?;
    Ok(views::edit(&ctx, &c, &c.body, &FormErrors::new()))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct EditForm {
    body: String,
}

async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
    Form(form): Form<EditForm>,
) -> AppResult<Response> {
    let c = own_comment(&state, &ctx, &id).await?;
    match CommentBody::parse(&form.body) {
        Ok(body) => {
            let mut tx = state.db.begin_write().await?;
            db::comments::update(&mut tx, state.db.backend, c.id, body.as_str()).await?;
            tx.commit().await?;
            ctx.session.set_flash(views::COMMENT_SAVED).await?;
            Ok(Redirect::to(&format!("/ideas/{}#comment-{}", c.idea_id, c.id)).into_response())
        }
        Err(msg) => {
            let mut errors = FormErrors::new();
            errors.add("body", views::L_COMMENT, msg);
            Ok(views::edit(&ctx, &c, &form.body, &errors).into_response())
        }
    }
}

async fn delete_confirm(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
) -> AppResult<Markup> {
    let c = own_comment(&state, &ctx, &id).await?;
    Ok(views::delete_confirm(&ctx, &c))
}

async fn delete(State(state): State<AppState>, ctx: Ctx, Path(id): Path) -> AppResult<Redirect> {
    let c = own_comment(&state, &ctx, &id).await?;
    let mut tx = state.db.begin_write().await?;
    db::comments::delete(&mut tx, state.db.backend, c.id, c.idea_id).await?;
    tx.commit().await?;
    ctx.session.set_flash(views::COMMENT_DELETED).await?;
    Ok(Redirect::to(&format!("/ideas/{}#kommentare", c.idea_id)))
}
