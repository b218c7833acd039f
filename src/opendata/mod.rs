//! Open data for download and in figures: `/daten` (every public table as CSV and JSON Lines,
//! under an open licence, described by a Data Package) and `/statistik` (charts drawn on the
//! server, each with its numbers as a table).

mod export;
pub mod stats;
mod views;

use crate::state::AppState;
use axum::Router;
use axum::routing::get;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/daten", get(views::page))
        .route("/daten/{file}", get(export::download))
        .route("/statistik", get(stats::page))
}
