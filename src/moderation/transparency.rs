//! The public transparency page: every moderation and ministry action, counted per month and
//! listed one by one (never the hidden content or who reported it).

use super::hiding::public_reason;
use crate::db::curation::{LogItems, LogRow, MonthlyCount};
use crate::db::{self};
use crate::domain::{Action, Reason, Subject};
use crate::error::AppResult;
use crate::i18n::{Label, t, ta};
use crate::state::AppState;
use crate::web::datetime::time_el;
use crate::web::layout::{self, pager};
use crate::web::{Ctx, Query};
use axum::extract::State;
use maud::{Markup, html};
use serde::Deserialize;

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct PageQuery {
    page: String,
}

const LOG_PAGE: i64 = 50;

pub(super) async fn transparency(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<PageQuery>,
) -> AppResult<Markup> {
    let page = crate::web::page_param(&q.page);
    let entries = db::curation::log_page(&state.db.pool, LOG_PAGE, (page - 1) * LOG_PAGE).await?;
    let total = db::curation::log_count(&state.db.pool).await?;
    let monthly = db::curation::monthly_counts(&state.db.pool).await?;
    let items = db::curation::log_items(&state.db.pool, &entries).await?;
    let pages = ((total + LOG_PAGE - 1) / LOG_PAGE).max(1);
    Ok(view(&ctx, &entries, &items, &monthly, page, pages))
}

/// The public name of a log action; a status change names the status.
pub fn action_label(action: Action) -> String {
    match action {
        Action::Status(s) => ta(action.label_key(), &[("status", s.label().into())]),
        other => t(other.label_key()),
    }
}

/// The category of a hide, or a dash for actions without one.
fn reason_label(reason: Option<Reason>) -> String {
    reason.map_or_else(|| "–".to_string(), Label::label)
}

/// "2026-11" as "November 2026", in the page's language.
fn month_label(month: &str) -> String {
    match month.split_once('-') {
        Some((year, m)) if m.parse::<u8>().is_ok_and(|m| (1..=12).contains(&m)) => {
            format!(
                "{} {year}",
                t(&format!("month-{}", m.trim_start_matches('0')))
            )
        }
        _ => month.to_string(),
    }
}

/// The item of a log line by its title, never by what was hidden: a hidden idea is "a hidden
/// idea" (its title may be the very content that was hidden), a comment is named by the idea
/// it belongs to while that idea is visible. Profiles keep their number: a name can be what
/// got an account blocked.
fn item_link(items: &LogItems, item_type: Subject, item_id: i64) -> Markup {
    html! {
        @match item_type {
            Subject::Idea => a href={ "/ideas/" (item_id) } {
                @match items.ideas.get(&item_id) {
                    Some((title, false)) => { (ta("item-idea-titled", &[("title", title.clone().into())])) },
                    Some((_, true)) => { (t("item-idea-hidden")) },
                    None => { (ta("item-idea", &[("id", item_id.into())])) },
                }
            },
            Subject::Comment => a href={ "/comments/" (item_id) } {
                @match items.comments.get(&item_id) {
                    Some((_, title, false)) => { (ta("item-comment-on", &[("title", title.clone().into())])) },
                    Some((_, _, true)) => { (t("item-comment-on-hidden")) },
                    None => { (ta("item-comment", &[("id", item_id.into())])) },
                }
            },
            // A deleted account is logged without saying which (item 0).
            Subject::User if item_id == 0 => { "–" },
            Subject::User => a href={ "/users/" (item_id) } { (ta("item-user", &[("id", item_id.into())])) },
            Subject::Organisation => {
                @match items.organisations.get(&item_id) {
                    Some((slug, name)) => a href={ "/organisations/" (slug) } { (ta("item-organisation-named", &[("name", name.clone().into())])) },
                    None => { (ta("item-organisation", &[("id", item_id.into())])) },
                }
            },
        }
    }
}

pub fn view(
    ctx: &Ctx,
    entries: &[LogRow],
    items: &LogItems,
    monthly: &[MonthlyCount],
    page: i64,
    pages: i64,
) -> Markup {
    let title = t("footer-transparency");
    // A column of dashes says nothing: the reason column shows only when a row has one.
    let monthly_reasons = monthly.iter().any(|m| m.reason.is_some());
    let log_reasons = entries.iter().any(|e| e.reason.is_some());
    let log_notes = entries.iter().any(|e| !e.note.is_empty());
    layout::page(
        ctx,
        &title,
        html! {
            h1 { (title) }
            p { (t("transparency-intro")) " " (layout::rules_note()) }
            section aria-labelledby="monthly-title" {
                h2 #monthly-title { (t("transparency-monthly")) }
                @if monthly.is_empty() { p { (t("transparency-empty")) } } @else {
                    div.table-wrap {
                        table {
                            caption.visually-hidden { (t("transparency-monthly-caption")) }
                            thead { tr { th scope="col" { (t("col-month")) } th scope="col" { (t("col-action")) } @if monthly_reasons { th scope="col" { (t("col-reason")) } } th scope="col" { (t("col-count")) } } }
                            tbody {
                                @for m in monthly {
                                    tr { td { (month_label(&m.month)) } td { (action_label(m.action)) } @if monthly_reasons { td { (reason_label(m.reason)) } } td { (m.count) } }
                                }
                            }
                        }
                    }
                }
            }
            section aria-labelledby="log-title" {
                h2 #log-title { (t("transparency-all")) }
                div.table-wrap {
                    table.cards {
                        caption.visually-hidden { (t("transparency-log-caption")) }
                        thead { tr { th scope="col" { (t("col-time")) } th scope="col" { (t("col-action")) } @if log_reasons { th scope="col" { (t("col-reason")) } } @if log_notes { th scope="col" { (t("col-note")) } } th scope="col" { (t("col-by")) } th scope="col" { (t("col-item")) } } }
                        tbody {
                            @for e in entries {
                                tr {
                                    td data-label=(t("col-time")) { (time_el(e.created_at)) }
                                    td data-label=(t("col-action")) { (action_label(e.action)) }
                                    @if log_reasons { td data-label=(t("col-reason")) { (reason_label(e.reason)) } }
                                    @if log_notes { td data-label=(t("col-note")) { (public_reason(&e.note)) } }
                                    td data-label=(t("col-by")) { (e.actor_role.label()) }
                                    td data-label=(t("col-item")) { (item_link(items, e.item_type, e.item_id)) }
                                }
                            }
                        }
                    }
                }
                (pager(page, pages, |n| format!("/transparenz?page={n}")))
            }
        },
    )
}
