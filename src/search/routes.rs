//! The search page: parses the query once, asks the index, hands the page to the views.

use super::views::{self, Outcome, SearchPage};
use crate::db::{self, ideas::list::ListFilter, search::Filters};
use crate::domain::Status;
use crate::domain::search::{Found, SearchQuery};
use crate::error::AppResult;
use crate::ideas::list::{self, IdeaList, ListParams};
use crate::state::AppState;
use crate::web::{Ctx, Query, page_param};
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use maud::Markup;
use serde::Deserialize;

pub const PER_PAGE: i64 = 20;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/suche", get(search))
        .route("/ideen", get(all_ideas))
        .route("/ideen/aehnlich", get(similar))
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
    tag: String,
}

async fn search(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(p): Query<Params>,
) -> AppResult<Markup> {
    let themes = db::themes::all(&state.db.pool).await?;
    let theme = themes.iter().find(|t| t.slug == p.theme).map(|t| t.id);
    let tags = db::tags::names(&state.db.pool).await?;
    let filters = Filters {
        theme,
        tag: tags
            .iter()
            .find(|(slug, _)| *slug == p.tag)
            .map(|(slug, _)| slug.clone()),
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
            tags: &tags,
            filters,
            page,
            outcome,
        },
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct SimilarParams {
    titel: String,
}

/// The similar ideas for a title as an HTML fragment, for the idea form's script (the page
/// itself never needs it: without script the form's "Ähnliche Ideen prüfen" step answers).
async fn similar(
    State(state): State<AppState>,
    Query(p): Query<SimilarParams>,
) -> AppResult<Response> {
    let terms = crate::domain::search::similar_terms(&p.titel);
    let found = if terms.is_empty() {
        None
    } else {
        Some(db::search::similar(&state.db.pool, state.db.backend, &terms, 5).await?)
    };
    let body = match found {
        Some(list) => views::similar_list(&list),
        None => maud::html! {},
    };
    Ok(([(axum::http::header::CACHE_CONTROL, "no-store")], body).into_response())
}

/// All listed ideas across themes, with the theme page's sorts and keyset pages.
async fn all_ideas(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<ListParams>,
) -> AppResult<Markup> {
    let themes = db::themes::all(&state.db.pool).await?;
    let tags = db::tags::names(&state.db.pool).await?;
    let theme = themes.iter().find(|t| t.slug == q.theme);
    let sort = q.sort();
    let filter = ListFilter {
        theme: theme.map(|t| t.id),
        status: q.status(),
        tag: tags
            .iter()
            .find(|(slug, _)| *slug == q.tag)
            .map(|(slug, _)| slug.clone()),
    };
    // Unfiltered (or by theme only), the themes' own counters give the number.
    let counted = themes
        .iter()
        .filter(|t| theme.is_none_or(|th| th.id == t.id))
        .map(|t| t.idea_count)
        .sum();
    let loaded = list::load(&state, &ctx, &filter, sort, &q, counted).await?;
    Ok(views::all_ideas(
        &ctx,
        &IdeaList {
            base: "/ideen",
            sort,
            filter: &filter,
            theme_slug: theme.map(|t| t.slug.as_str()).unwrap_or(""),
            themes: &themes,
            tags: &tags,
            page: &loaded.page,
            number: q.page_number(),
            total: loaded.total,
            supported: &loaded.supported,
        },
    ))
}
