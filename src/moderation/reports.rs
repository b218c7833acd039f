//! Reporting an idea or a comment: the form, filing it (the item is hidden provisionally once
//! enough different people reported it), and the stable address of a comment.

use super::hiding::REASON_MISSING;
use super::path_item;
use crate::db::moderation::{self, NewReport};
use crate::db::{self};
use crate::domain::{CommentId, ItemKind, Reason};
use crate::error::{AppError, AppResult};
use crate::i18n::{Label, t};
use crate::state::AppState;
use crate::web::forms::csrf_field;
use crate::web::layout::{self, title_with_errors};
use crate::web::{Ctx, Field, Form, FormErrors, Path};
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use serde::Deserialize;

pub const DETAILS_TOO_LONG: &str = "mod-details-long";
pub const REPORTED: &str = "mod-reported";
pub const ALREADY_REPORTED: &str = "mod-already-reported";
pub const L_REASON: &str = "mod-l-reason";
pub const L_DETAILS: &str = "mod-l-details";

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct ReportForm {
    reason: String,
    details: String,
}

async fn report_form(state: AppState, ctx: Ctx, kind: ItemKind, id: &str) -> AppResult<Markup> {
    ctx.require_active_user()?;
    let item = path_item(&state, kind, id).await?;
    Ok(form_page(
        &ctx,
        &item.report_url(),
        &item.url(),
        &ReportValues::default(),
        &FormErrors::new(),
    ))
}

pub(super) async fn report_idea_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
) -> AppResult<Markup> {
    report_form(state, ctx, ItemKind::Idea, &id).await
}

pub(super) async fn report_comment_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
) -> AppResult<Markup> {
    report_form(state, ctx, ItemKind::Comment, &id).await
}

/// File a report; `db::moderation::report` hides the item at the threshold.
async fn file_report(
    state: AppState,
    ctx: Ctx,
    kind: ItemKind,
    id: &str,
    form: ReportForm,
) -> AppResult<Response> {
    let me = ctx.require_active_user()?;
    let item = path_item(&state, kind, id).await?;
    let mut errors = FormErrors::new();
    let reason = Reason::parse(&form.reason);
    if reason.is_none() {
        errors.add("reason-spam", L_REASON, REASON_MISSING);
    }
    if form.details.chars().count() > 2_000 {
        errors.add("details", L_DETAILS, DETAILS_TOO_LONG);
    }
    let Some(reason) = reason.filter(|_| errors.is_empty()) else {
        let v = ReportValues {
            reason: form.reason,
            details: form.details,
        };
        let page = form_page(&ctx, &item.report_url(), &item.url(), &v, &errors);
        return Ok(page.into_response());
    };
    let report = NewReport {
        reporter: me.id,
        reason,
        details: form.details.trim(),
        threshold: state.config.report_threshold,
        min_account_age: state.config.report_min_account_age_secs(),
    };
    let mut tx = state.db.begin_write().await?;
    let filed = moderation::report(&mut tx, state.db.backend, kind, item.id(), &report).await?;
    tx.commit().await?;
    let flash = if filed { REPORTED } else { ALREADY_REPORTED };
    ctx.session.set_flash(flash).await?;
    Ok(Redirect::to(&item.url()).into_response())
}

pub(super) async fn report_idea(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
    Form(form): Form<ReportForm>,
) -> AppResult<Response> {
    file_report(state, ctx, ItemKind::Idea, &id, form).await
}

pub(super) async fn report_comment(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
    Form(form): Form<ReportForm>,
) -> AppResult<Response> {
    file_report(state, ctx, ItemKind::Comment, &id, form).await
}

/// A stable address for a comment (the transparency log links here).
pub(super) async fn comment_link(
    State(state): State<AppState>,
    Path(id): Path,
) -> AppResult<Redirect> {
    let id: CommentId = id.parse().map_err(|_| AppError::NotFound)?;
    let c = db::comments::by_id(&state.db.pool, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Redirect::to(&format!(
        "/ideas/{}#comment-{}",
        c.idea_id, c.id
    )))
}

#[derive(Default)]
pub struct ReportValues {
    pub reason: String,
    pub details: String,
}

pub fn form_page(
    ctx: &Ctx,
    action: &str,
    back: &str,
    v: &ReportValues,
    errors: &FormErrors,
) -> Markup {
    let reason_error = errors.get("reason-spam");
    let title = t("mod-report-title");
    layout::page(
        ctx,
        &title_with_errors(&title, !errors.is_empty()),
        html! {
            h1 { (title) }
            p { (t("mod-report-intro")) }
            (errors.summary())
            form.stack method="post" action=(action) novalidate {
                (csrf_field(ctx.csrf()))
                fieldset.field.has-error[reason_error.is_some()] aria-describedby=[reason_error.map(|_| "f-reason-spam-error")] {
                    legend { (t(L_REASON)) }
                    @if let Some(e) = reason_error { p.field-error #f-reason-spam-error { span.visually-hidden { (t("form-error-prefix")) " " } (e) } }
                    @for r in Reason::ALL {
                        div.choice {
                            input type="radio" name="reason" id={ "f-reason-" (r.as_str()) } value=(r.as_str()) checked[v.reason == r.as_str()];
                            label for={ "f-reason-" (r.as_str()) } { (r.label()) }
                        }
                    }
                }
                (Field::textarea("details", L_DETAILS, &v.details, 4).optional().length(0, 2000)
                    .hint("mod-details-hint").render(errors))
                button.primary type="submit" { (t("mod-report-send")) }
                " " a href=(back) { (t("cancel")) }
            }
        },
    )
}
