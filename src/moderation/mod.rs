//! Keeping the board civil in public: reports, hiding, blocking, merging duplicates, and the
//! transparency page that shows every moderation and ministry action.
//!
//! Each room holds its handlers and its pages; the writes and their rules (closing reports,
//! the log line, the author's notice, the automatic hide) live in `db::moderation`.

pub mod blocking;
pub mod hiding;
pub mod merging;
pub mod queue;
pub mod reports;
pub mod transparency;

use crate::db::moderation::ReportItem;
use crate::domain::{CommentId, IdeaId, ItemKind};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use axum::Router;
use axum::routing::{get, post};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/moderation", get(queue::queue))
        .route("/moderation/ideas/{id}/hide", post(hiding::hide_idea))
        .route("/moderation/ideas/{id}/unhide", post(hiding::unhide_idea))
        .route("/moderation/ideas/{id}/merge", post(merging::merge))
        .route("/moderation/comments/{id}/hide", post(hiding::hide_comment))
        .route(
            "/moderation/comments/{id}/unhide",
            post(hiding::unhide_comment),
        )
        .route("/moderation/reports/dismiss", post(hiding::dismiss))
        .route("/moderation/users/{id}/block", post(blocking::block))
        .route("/moderation/users/{id}/unblock", post(blocking::unblock))
        .route(
            "/ideas/{id}/report",
            get(reports::report_idea_form).post(reports::report_idea),
        )
        .route(
            "/comments/{id}/report",
            get(reports::report_comment_form).post(reports::report_comment),
        )
        .route("/comments/{id}", get(reports::comment_link))
        .route("/transparenz", get(transparency::transparency))
}

/// The idea or comment a route's `{id}` names; a malformed or unknown id is "not found".
async fn path_item(state: &AppState, kind: ItemKind, id: &str) -> AppResult<ReportItem> {
    let id = match kind {
        ItemKind::Idea => id.parse::<IdeaId>().map(|i| i.0),
        ItemKind::Comment => id.parse::<CommentId>().map(|c| c.0),
    }
    .map_err(|_| AppError::NotFound)?;
    ReportItem::load(&state.db.pool, kind, id)
        .await?
        .ok_or(AppError::NotFound)
}
