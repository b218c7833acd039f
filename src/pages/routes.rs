//! Handlers of the information pages and the accessibility feedback.

use super::views;
use crate::db;
use crate::error::AppResult;
use crate::i18n::{self, Lang};
use crate::state::AppState;
use crate::web::{Ctx, Form, FormErrors};
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use maud::Markup;
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/impressum", get(impressum))
        .route("/datenschutz", get(datenschutz))
        .route("/barrierefreiheit", get(barrierefreiheit).post(feedback))
        .route("/leichte-sprache", get(leichte_sprache))
        .route("/regeln", get(regeln))
        .route("/admin/feedback", get(feedback_list))
}

/// Built-in texts; an operator's own file in MITDENKEN_CONTENT_DIR (`impressum.de.md`, ...)
/// takes their place, so real addresses never have to live in this repository.
fn builtin(name: &str, lang: Lang) -> &'static str {
    match (name, lang) {
        ("impressum", Lang::De) => include_str!("../../content/de/impressum.md"),
        ("impressum", Lang::En) => include_str!("../../content/en/impressum.md"),
        ("datenschutz", Lang::De) => include_str!("../../content/de/datenschutz.md"),
        ("datenschutz", Lang::En) => include_str!("../../content/en/datenschutz.md"),
        ("barrierefreiheit", Lang::De) => include_str!("../../content/de/barrierefreiheit.md"),
        ("barrierefreiheit", Lang::En) => include_str!("../../content/en/barrierefreiheit.md"),
        ("regeln", Lang::De) => include_str!("../../content/de/regeln.md"),
        ("regeln", Lang::En) => include_str!("../../content/en/regeln.md"),
        _ => include_str!("../../content/de/leichte-sprache.md"),
    }
}

/// The Markdown of a page in `lang`, from the operator's folder if it has one.
fn content(state: &AppState, name: &str, lang: Lang) -> String {
    if let Some(dir) = &state.config.content_dir {
        let path = dir.join(format!("{name}.{}.md", lang.code()));
        if let Ok(text) = std::fs::read_to_string(path) {
            return text;
        }
    }
    builtin(name, lang).to_string()
}

async fn impressum(State(state): State<AppState>, ctx: Ctx) -> Markup {
    views::info(
        &ctx,
        "page-impressum",
        &content(&state, "impressum", i18n::current()),
        None,
    )
}

async fn datenschutz(State(state): State<AppState>, ctx: Ctx) -> Markup {
    views::info_with(
        &ctx,
        "page-privacy",
        &content(&state, "datenschutz", i18n::current()),
        None,
        crate::privacy::retention::section(&state.config),
    )
}

/// Netiquette and terms of use: what every contribution has to keep to, and what the
/// moderators do about a breach (linked from registration, the comment form and every hiding).
async fn regeln(State(state): State<AppState>, ctx: Ctx) -> Markup {
    views::info(
        &ctx,
        "page-rules",
        &content(&state, "regeln", i18n::current()),
        None,
    )
}

async fn leichte_sprache(State(state): State<AppState>, ctx: Ctx) -> Markup {
    // Leichte Sprache is German by definition; the page says so with lang="de".
    views::info(
        &ctx,
        "page-easy",
        &content(&state, "leichte-sprache", Lang::De),
        Some(Lang::De),
    )
}

async fn barrierefreiheit(State(state): State<AppState>, mut ctx: Ctx) -> AppResult<Markup> {
    ctx.ensure_csrf().await?;
    let text = content(&state, "barrierefreiheit", i18n::current());
    Ok(views::accessibility(
        &ctx,
        &text,
        &views::FeedbackValues::default(),
        &FormErrors::new(),
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct FeedbackForm {
    message: String,
    contact: String,
    page: String,
}

async fn feedback(
    State(state): State<AppState>,
    ip: crate::web::client::ClientIp,
    mut ctx: Ctx,
    Form(form): Form<FeedbackForm>,
) -> AppResult<Response> {
    // Anonymous posts without an account: the same per-address budget as login.
    crate::web::client::check_rate(&state, &ip)?;
    let mut errors = FormErrors::new();
    let message = form.message.trim();
    let len = message.chars().count();
    if len < 10 {
        errors.add("message", "feedback-message", "feedback-message-short");
    } else if len > 5_000 {
        errors.add("message", "feedback-message", "feedback-message-long");
    }
    if form.contact.chars().count() > 200 {
        errors.add("contact", "feedback-contact", "feedback-contact-long");
    }
    if form.page.chars().count() > 500 {
        errors.add("page", "feedback-page", "feedback-page-long");
    }
    if !errors.is_empty() {
        ctx.ensure_csrf().await?;
        let text = content(&state, "barrierefreiheit", i18n::current());
        let v = views::FeedbackValues {
            message: form.message,
            contact: form.contact,
            page: form.page,
        };
        return Ok(views::accessibility(&ctx, &text, &v, &errors).into_response());
    }
    let feedback = db::feedback::Feedback {
        message,
        contact: form.contact.trim(),
        page: form.page.trim(),
    };
    db::feedback::insert(&state.db.pool, &feedback).await?;
    ctx.session.set_flash("feedback-thanks").await?;
    Ok(Redirect::to("/barrierefreiheit#feedback").into_response())
}

async fn feedback_list(State(state): State<AppState>, ctx: Ctx) -> AppResult<Markup> {
    ctx.require_admin()?;
    let rows = db::feedback::latest(&state.db.pool, 500).await?;
    Ok(views::feedback_list(&ctx, &rows))
}
