//! Handlers of the themes area.

use super::views::{self, ThemePage, ThemeValues};
use crate::db::{self, ideas::Sort};
use crate::domain::{Slug, Status, ThemeDescription, ThemeName};
use crate::error::{AppError, AppResult, is_unique_violation};
use crate::state::AppState;
use crate::web::page_param;
use crate::web::{Ctx, Form, FormErrors, Path, Query};
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use maud::Markup;
use serde::Deserialize;

pub const PER_PAGE: i64 = 20;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(home))
        .route("/themes", get(|| async { Redirect::to("/") }).post(create))
        .route("/themes/new", get(new_form))
        .route("/themes/{slug}", get(show))
        .route("/themes/{slug}/edit", get(edit_form).post(update))
        .route("/themes/{slug}/open", post(open))
        .route("/themes/{slug}/close", post(close))
}

async fn home(State(state): State<AppState>, ctx: Ctx) -> AppResult<Markup> {
    let themes = db::themes::all(&state.db.pool).await?;
    // The newest answer of each idea (a later "in Umsetzung" replaces "angenommen").
    let mut answers = db::feeds::answers(&state.db.pool, 12).await?;
    let mut seen = std::collections::HashSet::new();
    answers.retain(|a| seen.insert(a.idea_id));
    answers.truncate(3);
    let now = db::now();
    let mut workshops = db::workshops::all(&state.db.pool).await?;
    workshops.retain(|w| w.ends_at > now);
    workshops.truncate(3);
    Ok(views::home(
        &ctx,
        &views::Home {
            themes: &themes,
            answers: &answers,
            workshops: &workshops,
        },
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ListQuery {
    sort: Option<String>,
    page: String,
    status: String,
}

async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path,
    Query(q): Query<ListQuery>,
) -> AppResult<Markup> {
    let theme = db::themes::by_slug(&state.db.pool, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let sort = Sort::from_param(q.sort.as_deref());
    let page = page_param(&q.page);
    // Unknown statuses fall back to "all", like unknown sorts.
    let status = Status::parse(&q.status).filter(|s| !s.is_closed());
    let now = db::now();
    let ideas = db::ideas::list_for_theme(
        &state.db.pool,
        theme.id,
        sort,
        status,
        PER_PAGE,
        (page - 1) * PER_PAGE,
        now,
    )
    .await?;
    let total = match (sort, ideas.first(), status) {
        (Sort::Trending, Some(first), _) => first.listed,
        // Only a page past the end needs the count on its own.
        (Sort::Trending, None, _) => {
            db::ideas::count_trending(&state.db.pool, theme.id, status, now).await?
        }
        (_, _, Some(s)) => db::ideas::count_with_status(&state.db.pool, theme.id, s).await?,
        (_, _, None) => theme.idea_count,
    };
    let pages = ((total + PER_PAGE - 1) / PER_PAGE).max(1);
    let supported = match ctx.user_id() {
        Some(me) => {
            let ids: Vec<_> = ideas.iter().map(|i| i.id).collect();
            db::ideas::supported_among(&state.db.pool, me, &ids).await?
        }
        None => Vec::new(),
    };
    Ok(views::theme(
        &ctx,
        &ThemePage {
            theme: &theme,
            ideas: &ideas,
            sort,
            status,
            page,
            pages,
            total,
            supported: &supported,
        },
    ))
}

async fn new_form(mut ctx: Ctx) -> AppResult<Markup> {
    ctx.require_moderator()?;
    ctx.ensure_csrf().await?;
    Ok(views::form(
        &ctx,
        None,
        &ThemeValues::default(),
        &FormErrors::new(),
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ThemeForm {
    name: String,
    slug: String,
    description: String,
    name_en: String,
    description_en: String,
}

struct ParsedTheme {
    name: ThemeName,
    slug: Slug,
    description: ThemeDescription,
    /// The English texts, empty when not translated.
    name_en: String,
    description_en: String,
}

impl ParsedTheme {
    fn texts(&self) -> db::themes::ThemeTexts<'_> {
        db::themes::ThemeTexts {
            name: self.name.as_str(),
            description: self.description.as_str(),
            name_en: &self.name_en,
            description_en: &self.description_en,
        }
    }
}

/// An optional translation: empty stays empty, anything else follows the German rules.
fn english(
    raw: &str,
    field: &str,
    label: &str,
    parse: impl Fn(&str) -> Result<String, &'static str>,
    errors: &mut FormErrors,
) -> Option<String> {
    if raw.trim().is_empty() {
        return Some(String::new());
    }
    errors.check(field, label, parse(raw))
}

fn parse(form: &ThemeForm, errors: &mut FormErrors) -> Option<ParsedTheme> {
    let name = errors.check("name", views::L_NAME, ThemeName::parse(&form.name));
    let raw_slug = if form.slug.trim().is_empty() {
        Slug::from_name(&form.name)
    } else {
        form.slug.trim().to_string()
    };
    let slug = if raw_slug == "new" {
        errors.add("slug", views::L_SLUG, views::SLUG_RESERVED);
        None
    } else if name.is_none() && form.slug.trim().is_empty() {
        None
    } else {
        errors.check("slug", views::L_SLUG, Slug::parse(&raw_slug))
    };
    let description = errors.check(
        "description",
        views::L_DESCRIPTION,
        ThemeDescription::parse(&form.description),
    );
    let name_en = english(
        &form.name_en,
        "name_en",
        views::L_NAME_EN,
        |s| ThemeName::parse(s).map(|n| n.as_str().to_string()),
        errors,
    );
    let description_en = english(
        &form.description_en,
        "description_en",
        views::L_DESCRIPTION_EN,
        |s| ThemeDescription::parse(s).map(|d| d.as_str().to_string()),
        errors,
    );
    Some(ParsedTheme {
        name: name?,
        slug: slug?,
        description: description?,
        name_en: name_en?,
        description_en: description_en?,
    })
}

fn values(form: &ThemeForm) -> ThemeValues {
    ThemeValues {
        name: form.name.clone(),
        slug: form.slug.clone(),
        description: form.description.clone(),
        name_en: form.name_en.clone(),
        description_en: form.description_en.clone(),
    }
}

async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<ThemeForm>,
) -> AppResult<Response> {
    ctx.require_moderator()?;
    let mut errors = FormErrors::new();
    let Some(t) = parse(&form, &mut errors) else {
        return Ok(views::form(&ctx, None, &values(&form), &errors).into_response());
    };
    match db::themes::insert(&state.db.pool, t.slug.as_str(), &t.texts()).await {
        Ok(_) => {
            ctx.session.set_flash(views::THEME_CREATED).await?;
            Ok(Redirect::to(&format!("/themes/{}", t.slug.as_str())).into_response())
        }
        Err(e) if is_unique_violation(&e) => {
            errors.add("slug", views::L_SLUG, views::SLUG_TAKEN);
            Ok(views::form(&ctx, None, &values(&form), &errors).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

async fn edit_form(State(state): State<AppState>, ctx: Ctx, Path(slug): Path) -> AppResult<Markup> {
    ctx.require_moderator()?;
    let theme = db::themes::by_slug(&state.db.pool, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let v = ThemeValues {
        name: theme.name,
        slug: theme.slug,
        description: theme.description,
        name_en: theme.name_en,
        description_en: theme.description_en,
    };
    Ok(views::form(&ctx, Some(&slug), &v, &FormErrors::new()))
}

async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path,
    Form(form): Form<ThemeForm>,
) -> AppResult<Response> {
    ctx.require_moderator()?;
    let theme = db::themes::by_slug(&state.db.pool, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut errors = FormErrors::new();
    let Some(t) = parse(&form, &mut errors) else {
        return Ok(views::form(&ctx, Some(&slug), &values(&form), &errors).into_response());
    };
    match db::themes::update(&state.db.pool, theme.id, t.slug.as_str(), &t.texts()).await {
        Ok(()) => {
            ctx.session.set_flash(views::THEME_SAVED).await?;
            Ok(Redirect::to(&format!("/themes/{}", t.slug.as_str())).into_response())
        }
        Err(e) if is_unique_violation(&e) => {
            errors.add("slug", views::L_SLUG, views::SLUG_TAKEN);
            Ok(views::form(&ctx, Some(&slug), &values(&form), &errors).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

async fn set_open(state: AppState, ctx: Ctx, slug: String, open: bool) -> AppResult<Redirect> {
    ctx.require_moderator()?;
    let theme = db::themes::by_slug(&state.db.pool, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    db::themes::set_open(&state.db.pool, theme.id, open).await?;
    ctx.session
        .set_flash(if open {
            views::THEME_OPENED
        } else {
            views::THEME_CLOSED
        })
        .await?;
    Ok(Redirect::to(&format!("/themes/{slug}")))
}

async fn open(State(state): State<AppState>, ctx: Ctx, Path(slug): Path) -> AppResult<Redirect> {
    set_open(state, ctx, slug, true).await
}

async fn close(State(state): State<AppState>, ctx: Ctx, Path(slug): Path) -> AppResult<Redirect> {
    set_open(state, ctx, slug, false).await
}
