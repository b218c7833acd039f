//! The search page: parses the query once, asks the index, hands the page to the views.

use super::views::{self, Outcome, SearchPage};
use crate::db::{self, search::Filters};
use crate::domain::Status;
use crate::domain::search::{Found, SearchQuery};
use crate::error::AppResult;
use crate::state::AppState;
use crate::web::{Ctx, Query, page_param};
use axum::Router;
use axum::extract::State;
use axum::routing::get;
use maud::Markup;
use serde::Deserialize;

pub const PER_PAGE: i64 = 20;

pub fn router() -> Router<AppState> {
    Router::new().route("/suche", get(search))
}

/// Everything as text: an odd value falls back to "all", never to an error.
#[derive(Deserialize, Default)]
#[serde(default)]
struct Params {
    q: String,
    theme: String,
    status: String,
    kind: String,
    sort: String,
    page: String,
}

async fn search(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(p): Query<Params>,
) -> AppResult<Markup> {
    let themes = db::themes::all(&state.db.pool).await?;
    let theme = themes.iter().find(|t| t.slug == p.theme).map(|t| t.id);
    let filters = Filters {
        theme,
        status: Status::parse(&p.status).filter(|s| !s.is_closed()),
        kind: Found::parse(&p.kind),
        newest: p.sort == "newest",
    };
    let query = SearchQuery::parse(&p.q);
    let mut page = page_param(&p.page);
    let outcome = match &query {
        SearchQuery::Empty => Outcome::Empty,
        SearchQuery::TooShort => Outcome::TooShort,
        SearchQuery::Terms(terms) => {
            let backend = state.db.backend;
            let counts = db::search::count(&state.db.pool, backend, terms, &filters).await?;
            let total = match filters.kind {
                Some(k) => counts.of(k),
                None => counts.total(),
            };
            let pages = ((total + PER_PAGE - 1) / PER_PAGE).max(1);
            page = page.min(pages);
            let hits = db::search::page(
                &state.db.pool,
                backend,
                terms,
                &filters,
                PER_PAGE,
                (page - 1) * PER_PAGE,
            )
            .await?;
            Outcome::Hits {
                terms: terms.clone(),
                counts,
                hits,
                pages,
            }
        }
    };
    Ok(views::page(
        &ctx,
        &SearchPage {
            q: &p.q,
            themes: &themes,
            theme_slug: themes
                .iter()
                .find(|t| Some(t.id) == theme)
                .map(|t| t.slug.as_str())
                .unwrap_or(""),
            filters,
            page,
            outcome,
        },
    ))
}
