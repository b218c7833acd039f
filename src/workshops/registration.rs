//! Handlers for registering and cancelling, "Meine Anmeldungen", and the participant list.

use super::views;
use super::{load, parse_id, workshop_url};
use crate::db::{
    self,
    workshops::{Cancelled, Registration},
};
use crate::domain::WorkshopId;
use crate::domain::workshop::RegistrationState;
use crate::error::{AppError, AppResult};
use crate::i18n::t as tr;
use crate::state::AppState;
use crate::web::csv::Csv;
use crate::web::{Ctx, Path};
use axum::extract::State;
use axum::response::{Redirect, Response};
use maud::Markup;

pub(super) async fn register(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
) -> AppResult<Redirect> {
    let me = ctx.require_active_user()?;
    let id = parse_id(&id)?;
    let mut tx = state.db.begin_write().await?;
    let outcome = db::workshops::register(&mut tx, state.db.backend, id, me.id)
        .await?
        .ok_or(AppError::NotFound)?;
    tx.commit().await?;
    ctx.session
        .set_flash(views::registered_message(outcome))
        .await?;
    Ok(Redirect::to(&format!("{}#anmeldung", workshop_url(id))))
}

pub(super) async fn cancel(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
) -> AppResult<Redirect> {
    let me = ctx.require_user()?;
    let id = parse_id(&id)?;
    let mut tx = state.db.begin_write().await?;
    let outcome = db::workshops::cancel(&mut tx, state.db.backend, id, me.id)
        .await?
        .ok_or(AppError::NotFound)?;
    tx.commit().await?;
    ctx.session
        .set_flash(match outcome {
            Cancelled::Done => views::CANCELLED,
            Cancelled::Nothing => views::NOTHING_TO_CANCEL,
            Cancelled::TooLate => views::CANCEL_TOO_LATE,
        })
        .await?;
    Ok(Redirect::to(&format!("{}#anmeldung", workshop_url(id))))
}

pub(super) async fn mine(State(state): State<AppState>, ctx: Ctx) -> AppResult<Markup> {
    let me = ctx.require_user()?;
    let rows = db::workshops::registrations_of_user(&state.db.pool, me.id).await?;
    Ok(views::mine(&ctx, &rows, db::now()))
}

pub(super) async fn participants(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
) -> AppResult<Markup> {
    ctx.require_moderator()?;
    let w = load(&state, parse_id(&id)?).await?;
    let rows = db::workshops::participants(&state.db.pool, w.id).await?;
    Ok(views::participants(&ctx, &w, &rows))
}

pub(super) async fn participants_csv(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
) -> AppResult<Response> {
    ctx.require_moderator()?;
    let w = load(&state, parse_id(&id)?).await?;
    let rows = db::workshops::participants(&state.db.pool, w.id).await?;
    let header: Vec<String> = views::CSV_HEADER.iter().map(|k| tr(k)).collect();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let mut csv = Csv::new(&header);
    for (n, p) in rows.iter().enumerate() {
        csv.row(&views::csv_record(n + 1, p));
    }
    Ok(csv.into_download(&format!("teilnehmende-werkstatt-{}.csv", w.id)))
}

/// Confirmed participants and moderators see the link to join a digital workshop.
pub(super) fn sees_join_link(ctx: &Ctx, registration: Option<&Registration>) -> bool {
    ctx.is_moderator() || registration.is_some_and(|r| r.status == RegistrationState::Confirmed)
}

pub(super) async fn my_registration(
    state: &AppState,
    ctx: &Ctx,
    id: WorkshopId,
) -> AppResult<Option<Registration>> {
    Ok(match ctx.user_id() {
        Some(u) => db::workshops::registration_of(&state.db.pool, id, u).await?,
        None => None,
    })
}
