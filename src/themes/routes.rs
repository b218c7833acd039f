//! Handlers of the themes area.

use super::views::{self, ThemeValues};
use crate::db::{self, ideas::list::ListFilter};
use crate::domain::{Slug, ThemeDescription, ThemeName};
use crate::error::{AppError, AppResult, is_unique_violation};
use crate::ideas::list::{self, IdeaList, ListParams};
use crate::state::AppState;
use crate::web::{Ctx, Form, FormErrors, Path, Query};
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use maud::Markup;
use serde::Deserialize;

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
    let figures = crate::opendata::stats::Headline::load(&state).await?;
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
            figures: crate::opendata::stats::headline(&figures),
        },
    ))
}

async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path,
    Query(q): Query<ListParams>,
) -> AppResult<Markup> {
    let theme = db::themes::by_slug(&state.db.pool, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let tags = db::tags::of_theme(&state.db.pool, theme.id).await?;
    let sort = q.sort();
    let filter = ListFilter {
        theme: Some(theme.id),
        status: q.status(),
        tag: tags
            .iter()
            .find(|t| t.slug == q.tag)
            .map(|t| t.slug.clone()),
    };
    let loaded = list::load(&state, &ctx, &filter, sort, &q, theme.idea_count).await?;
    let follow = crate::notifications::follow_control(
        &state,
        &ctx,
        db::notifications::Target::Theme(theme.id),
        &format!("/themes/{}", theme.slug),
    )
    .await?;
    Ok(views::theme(
        &ctx,
        &theme,
        &IdeaList {
            base: &format!("/themes/{}", theme.slug),
            sort,
            filter: &filter,
            theme_slug: "",
            themes: &[],
            tags: &list::tag_options(&tags),
            page: &loaded.page,
            number: q.page_number(),
            total: loaded.total,
            supported: &loaded.supported,
        },
        follow,
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
