//! Handlers of the notifications area.

use super::views::{self, InboxPage};
use crate::db;
use crate::db::notifications::Target;
use crate::domain::mail::{Delivery, NoticeKind};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::web::{Ctx, Form, Path, Query, page_param, parse_id, safe_next};
use axum::Router;
use axum::extract::State;
use axum::response::Redirect;
use axum::routing::{get, post};
use maud::Markup;
use serde::Deserialize;
use std::collections::HashMap;

const INBOX_PAGE: i64 = 50;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/benachrichtigungen", get(inbox))
        .route("/benachrichtigungen/gelesen", post(all_read))
        .route("/benachrichtigungen/{id}/gelesen", post(read))
        .route(
            "/benachrichtigungen/einstellungen",
            get(settings).post(save_settings),
        )
        .route("/folgen", post(follow))
        .route("/entfolgen", post(unfollow))
        .route(
            "/abbestellen/{token}",
            get(unsubscribe_page).post(unsubscribe),
        )
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct PageQuery {
    page: String,
}

async fn inbox(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<PageQuery>,
) -> AppResult<Markup> {
    let me = ctx.require_user()?;
    let page = page_param(&q.page);
    let total = db::notifications::inbox_count(&state.db.pool, me.id).await?;
    let items =
        db::notifications::inbox(&state.db.pool, me.id, INBOX_PAGE, (page - 1) * INBOX_PAGE)
            .await?;
    Ok(views::inbox(
        &ctx,
        &InboxPage {
            items: &items,
            page,
            pages: ((total + INBOX_PAGE - 1) / INBOX_PAGE).max(1),
            unread: me.unseen_notices,
        },
    ))
}

async fn all_read(State(state): State<AppState>, ctx: Ctx) -> AppResult<Redirect> {
    let me = ctx.require_user()?;
    db::curation::mark_notices_seen(&state.db.pool, me.id).await?;
    Ok(Redirect::to("/benachrichtigungen"))
}

async fn read(State(state): State<AppState>, ctx: Ctx, Path(id): Path) -> AppResult<Redirect> {
    let me = ctx.require_user()?;
    db::notifications::mark_read(&state.db.pool, me.id, parse_id(&id)?).await?;
    Ok(Redirect::to("/benachrichtigungen"))
}

async fn settings(State(state): State<AppState>, ctx: Ctx) -> AppResult<Markup> {
    let me = ctx.require_user()?;
    let mut conn = state.db.pool.acquire().await?;
    let current = db::notifications::settings(&mut conn, me.id).await?;
    Ok(views::settings(&ctx, &current))
}

async fn save_settings(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<HashMap<String, String>>,
) -> AppResult<Redirect> {
    let me = ctx.require_user()?;
    let mut tx = state.db.begin_write().await?;
    for kind in NoticeKind::ALL {
        if let Some(mode) = form.get(kind.as_str()).and_then(|m| Delivery::parse(m)) {
            db::notifications::set_delivery(&mut *tx, me.id, kind, mode).await?;
        }
    }
    tx.commit().await?;
    ctx.session.set_flash("notify-settings-saved").await?;
    Ok(Redirect::to("/benachrichtigungen/einstellungen"))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct FollowForm {
    kind: String,
    id: String,
    back: String,
}

impl FollowForm {
    fn target(&self) -> AppResult<Target> {
        let id = self.id.parse().map_err(|_| AppError::BadRequest)?;
        Target::parse(&self.kind, id).ok_or(AppError::BadRequest)
    }
}

async fn follow(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<FollowForm>,
) -> AppResult<Redirect> {
    let me = ctx.require_user()?;
    db::notifications::follow(&state.db.pool, me.id, form.target()?).await?;
    ctx.session.set_flash("follow-started").await?;
    Ok(Redirect::to(&safe_next(Some(&form.back))))
}

async fn unfollow(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<FollowForm>,
) -> AppResult<Redirect> {
    let me = ctx.require_user()?;
    db::notifications::unfollow(&state.db.pool, me.id, form.target()?).await?;
    ctx.session.set_flash("follow-stopped").await?;
    Ok(Redirect::to(&safe_next(Some(&form.back))))
}

async fn unsubscribe_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path,
) -> AppResult<Markup> {
    if db::notifications::unsubscribe_target(&state.db.pool, &token)
        .await?
        .is_none()
    {
        return Err(AppError::NotFound);
    }
    Ok(views::unsubscribe(
        &ctx,
        &format!("/abbestellen/{token}"),
        false,
    ))
}

/// RFC 8058 one-click: the mail program POSTs `List-Unsubscribe=One-Click` here, without a
/// session or CSRF token (`web::csrf` lets this path through: the token in it is the key).
async fn unsubscribe(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path,
) -> AppResult<Markup> {
    let mut tx = state.db.begin_write().await?;
    let done = db::notifications::unsubscribe(&mut tx, &token).await?;
    tx.commit().await?;
    if !done {
        return Err(AppError::NotFound);
    }
    Ok(views::unsubscribe(&ctx, "", true))
}
