//! The Innovationswerkstatt: workshops with agenda, registration with seat limit and waiting
//! list, calendar files, participant lists, and numbered learnings linked to ideas. The
//! handlers live in one file per part (events, registration, learnings); the URL map is here.

mod events;
pub mod ics;
mod learnings;
mod registration;
pub mod views;

use crate::db::{self, workshops::WorkshopRow};
use crate::domain::WorkshopId;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::web::parse_id;
use axum::Router;
use axum::routing::{get, post};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/workshops", get(events::list).post(events::create))
        .route("/workshops/new", get(events::new_form))
        .route("/workshops/mine", get(registration::mine))
        // `{id}` is "12" for the page or "12.ics" for the calendar file: axum's router
        // allows no literal suffix after a parameter in the same segment.
        .route("/workshops/{id}", get(events::show_or_ics))
        .route(
            "/workshops/{id}/edit",
            get(events::edit_form).post(events::update),
        )
        .route(
            "/workshops/{id}/delete",
            get(events::delete_confirm).post(events::delete),
        )
        .route("/workshops/{id}/register", post(registration::register))
        .route("/workshops/{id}/cancel", post(registration::cancel))
        .route(
            "/workshops/{id}/participants",
            get(registration::participants),
        )
        .route(
            "/workshops/{id}/participants.csv",
            get(registration::participants_csv),
        )
        .route(
            "/workshops/{id}/learnings",
            get(learnings::back_to_workshop).post(learnings::create_learning),
        )
        .route(
            "/workshops/{id}/learnings/new",
            get(learnings::new_learning_form),
        )
        .route("/learnings/{id}", get(learnings::learning_permalink))
        .route(
            "/learnings/{id}/edit",
            get(learnings::edit_learning_form).post(learnings::update_learning),
        )
        .route(
            "/learnings/{id}/delete",
            get(learnings::delete_learning_confirm).post(learnings::delete_learning),
        )
        .route(
            "/ideas/{id}/learnings",
            get(learnings::back_to_idea).post(learnings::link),
        )
        .route("/ideas/{id}/learnings/remove", post(learnings::unlink))
}

async fn load(state: &AppState, id: WorkshopId) -> AppResult<WorkshopRow> {
    db::workshops::detail(&state.db.pool, id)
        .await?
        .ok_or(AppError::NotFound)
}

fn workshop_url(id: WorkshopId) -> String {
    format!("/workshops/{id}")
}
