//! Handlers of the newsletter.

use super::views::{self, Draft};
use crate::db;
use crate::domain::Email;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::web::client::{ClientIp, check_rate};
use crate::web::{Ctx, Form, FormErrors, Path, parse_id};
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use maud::Markup;
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/newsletter", get(archive))
        .route("/newsletter/abonnieren", post(subscribe))
        .route("/newsletter/bestaetigen/{token}", get(confirm))
        .route(
            "/newsletter/abbestellen/{token}",
            get(unsubscribe_page).post(unsubscribe),
        )
        .route("/newsletter/{id}", get(issue))
        .route("/admin/newsletter", get(admin).post(admin_post))
}

async fn archive(State(state): State<AppState>, mut ctx: Ctx) -> AppResult<Markup> {
    ctx.ensure_csrf().await?;
    let issues = db::newsletter::issues(&state.db.pool).await?;
    Ok(views::archive(&ctx, &issues, &FormErrors::new()))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct SubscribeForm {
    email: String,
}

/// The same answer whether the address is new, waiting or subscribed already.
async fn subscribe(
    State(state): State<AppState>,
    ip: ClientIp,
    mut ctx: Ctx,
    Form(form): Form<SubscribeForm>,
) -> AppResult<Markup> {
    check_rate(&state, &ip)?;
    let email = match Email::parse(&form.email) {
        Ok(e) => e,
        Err(msg) => {
            let mut errors = FormErrors::new();
            errors.add("email", "acc-l-email", msg);
            ctx.ensure_csrf().await?;
            let issues = db::newsletter::issues(&state.db.pool).await?;
            return Ok(views::archive(&ctx, &issues, &errors));
        }
    };
    let mut tx = state.db.begin_write().await?;
    db::newsletter::subscribe(&mut tx, email.as_str(), crate::i18n::current().code()).await?;
    tx.commit().await?;
    state.mail_wake.notify_one();
    Ok(views::message(
        &ctx,
        "newsletter-title",
        "newsletter-check-mail",
    ))
}

async fn confirm(State(state): State<AppState>, ctx: Ctx, Path(token): Path) -> AppResult<Markup> {
    let done = db::newsletter::confirm(&state.db.pool, &token).await?;
    Ok(if done {
        views::message(&ctx, "newsletter-title", "newsletter-confirmed")
    } else {
        views::message(&ctx, "mail-link-invalid-title", "mail-link-invalid")
    })
}

async fn unsubscribe_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path,
) -> AppResult<Markup> {
    if !db::newsletter::link_known(&state.db.pool, &token).await? {
        return Ok(views::message(
            &ctx,
            "newsletter-unsubscribe-title",
            "newsletter-unsubscribed",
        ));
    }
    Ok(views::unsubscribe(
        &ctx,
        &format!("/newsletter/abbestellen/{token}"),
    ))
}

/// RFC 8058 one-click from the mail program (no session; see `web::csrf`). Unknown links
/// (already unsubscribed) get the same answer.
async fn unsubscribe(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path,
) -> AppResult<Markup> {
    let mut tx = state.db.begin_write().await?;
    db::newsletter::unsubscribe(&mut tx, &token).await?;
    tx.commit().await?;
    Ok(views::message(
        &ctx,
        "newsletter-unsubscribe-title",
        "newsletter-unsubscribed",
    ))
}

async fn issue(State(state): State<AppState>, ctx: Ctx, Path(id): Path) -> AppResult<Markup> {
    let issue = db::newsletter::issue(&state.db.pool, parse_id(&id)?)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(views::issue(&ctx, &issue))
}

async fn admin_page(
    state: &AppState,
    ctx: &Ctx,
    draft: &Draft,
    preview: bool,
    errors: &FormErrors,
) -> AppResult<Markup> {
    let subscribers = db::newsletter::confirmed_count(&state.db.pool).await?;
    let issues = db::newsletter::issues(&state.db.pool).await?;
    Ok(views::admin(
        ctx,
        draft,
        preview,
        subscribers,
        &issues,
        errors,
    ))
}

async fn admin(State(state): State<AppState>, ctx: Ctx) -> AppResult<Markup> {
    ctx.require_moderator()?;
    admin_page(&state, &ctx, &Draft::default(), false, &FormErrors::new()).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct IssueForm {
    subject: String,
    body: String,
    action: String,
}

async fn admin_post(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<IssueForm>,
) -> AppResult<Response> {
    let me = ctx.require_moderator()?;
    let draft = Draft {
        subject: form.subject.trim().to_string(),
        body: form.body.trim().to_string(),
    };
    let mut errors = FormErrors::new();
    let subject_len = draft.subject.chars().count();
    if !(3..=200).contains(&subject_len) || draft.subject.chars().any(char::is_control) {
        errors.add(
            "subject",
            "newsletter-l-subject",
            "newsletter-subject-invalid",
        );
    }
    if draft.body.chars().count() < 10 || draft.body.chars().count() > 50_000 {
        errors.add("body", "newsletter-l-body", "newsletter-body-invalid");
    }
    if form.action != "send" || !errors.is_empty() {
        let preview = errors.is_empty();
        return Ok(admin_page(&state, &ctx, &draft, preview, &errors)
            .await?
            .into_response());
    }
    let mut tx = state.db.begin_write().await?;
    let (_, count) =
        db::newsletter::send_issue(&mut tx, me.id, &draft.subject, &draft.body).await?;
    tx.commit().await?;
    state.mail_wake.notify_one();
    ctx.session
        .set_flash(crate::domain::Message::key("newsletter-sent").arg("count", count))
        .await?;
    Ok(Redirect::to("/admin/newsletter").into_response())
}
