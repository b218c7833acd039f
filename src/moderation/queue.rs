//! The moderation page: a burst of reports from new accounts, reported items with their
//! reports, the ideas waiting for curation, and the people who are blocked.

use super::hiding::hide_form_back;
use crate::db::curation::QueueRow;
use crate::db::ideas::{QueueIdea, QueueSort};
use crate::db::moderation::ReportItem;
use crate::db::organisations::OrgRow;
use crate::db::{self};
use crate::domain::{ItemKind, Status, UserId};
use crate::error::AppResult;
use crate::i18n::{Label, t, ta};
use crate::state::AppState;
use crate::web::datetime::time_el;
use crate::web::forms::{button_form, csrf_field};
use crate::web::layout;
use crate::web::{Ctx, Query};
use axum::extract::State;
use maud::{Markup, html};
use serde::Deserialize;
use std::collections::HashMap;

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct QueueQuery {
    sort: String,
}

pub(super) async fn queue(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<QueueQuery>,
) -> AppResult<Markup> {
    ctx.require_moderator()?;
    let sort = QueueSortParam::from_param(&q.sort);
    let open = db::curation::open_queue(&state.db.pool, state.db.backend).await?;
    // All open reports' texts in one query, sorted to their items here.
    let mut details: HashMap<(ItemKind, i64), Vec<String>> = HashMap::new();
    for d in db::curation::open_report_details(&state.db.pool).await? {
        details
            .entry((d.item_type, d.item_id))
            .or_default()
            .push(d.details);
    }
    let mut reported = Vec::with_capacity(open.len());
    for row in open {
        // One lookup per reported item (at most 200, the queue's limit); an item deleted
        // since is skipped.
        let Some(item) = ReportItem::load(&state.db.pool, row.item_type, row.item_id).await? else {
            continue;
        };
        let texts = details
            .remove(&(row.item_type, row.item_id))
            .unwrap_or_default();
        reported.push((row, item, texts));
    }
    let spike = young_spike(&state).await?;
    let curation = db::ideas::by_statuses(
        &state.db.pool,
        &[Status::Submitted, Status::Discussion, Status::Review],
        None,
        sort.db(),
        true,
        100,
    )
    .await?;
    let blocked = db::users::blocked(&state.db.pool).await?;
    let orgs = db::organisations::awaiting_verification(&state.db.pool).await?;
    Ok(page(
        &ctx,
        &QueuePage {
            reported: &reported,
            spike: spike.as_ref(),
            curation: &curation,
            sort,
            blocked: &blocked,
            orgs: &orgs,
        },
    ))
}

/// Reports from accounts younger than the minimum age of the last hour, once there are as
/// many as would hide an item: the trace of a report brigade from throwaway accounts. Their
/// reports hide nothing (see `db::moderation::report`), but the moderation should know.
pub struct Spike {
    pub reports: i64,
    /// The configured minimum age in hours.
    pub hours: u32,
    /// The reported items with their reports from young accounts, most first.
    pub items: Vec<(i64, ReportItem)>,
}

async fn young_spike(state: &AppState) -> AppResult<Option<Spike>> {
    let config = &state.config;
    let since = db::now() - 3600;
    let young =
        db::moderation::young_reports(&state.db.pool, since, config.report_min_account_age_secs())
            .await?;
    let reports: i64 = young.iter().map(|y| y.reports).sum();
    if young.is_empty() || reports < config.report_threshold {
        return Ok(None);
    }
    let mut items = Vec::with_capacity(young.len());
    // One lookup per item (at most 50), only while there is a burst.
    for y in young {
        if let Some(item) = ReportItem::load(&state.db.pool, y.item_type, y.item_id).await? {
            items.push((y.reports, item));
        }
    }
    Ok(Some(Spike {
        reports,
        hours: config.report_min_account_age,
        items,
    }))
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum QueueSortParam {
    Supports,
    Age,
    Theme,
}

impl QueueSortParam {
    pub fn from_param(p: &str) -> Self {
        match p {
            "alter" => QueueSortParam::Age,
            "thema" => QueueSortParam::Theme,
            _ => QueueSortParam::Supports,
        }
    }
    pub fn db(self) -> QueueSort {
        match self {
            QueueSortParam::Supports => QueueSort::Supports,
            QueueSortParam::Age => QueueSort::Oldest,
            QueueSortParam::Theme => QueueSort::Theme,
        }
    }
}

pub struct QueuePage<'a> {
    pub reported: &'a [(QueueRow, ReportItem, Vec<String>)],
    pub spike: Option<&'a Spike>,
    pub curation: &'a [QueueIdea],
    pub sort: QueueSortParam,
    pub blocked: &'a [(UserId, String, String)],
    /// Organisations not yet verified, the oldest first.
    pub orgs: &'a [OrgRow],
}

pub fn page(ctx: &Ctx, p: &QueuePage) -> Markup {
    let title = t("nav-moderation");
    layout::page(
        ctx,
        &title,
        html! {
            h1 { (title) }
            p { (t("mod-intro")) " " a href="/transparenz" { (t("footer-transparency")) } }
            @if let Some(spike) = p.spike { (spike_notice(spike)) }
            section aria-labelledby="reports-title" {
                h2 #reports-title { (ta("mod-reported-items", &[("count", (p.reported.len() as i64).into())])) }
                @if p.reported.is_empty() { p { (t("mod-no-reports")) } }
                @for (row, item, details) in p.reported {
                    article.report-item {
                        @match item {
                            ReportItem::Idea(i) => {
                                h3 { a href={ "/ideas/" (i.id) } { (ta("mod-report-idea", &[("title", i.title.clone().into())])) } }
                                @if i.hidden_at.is_some() { p { span.badge { (t("mod-currently-hidden")) } } }
                            }
                            ReportItem::Comment(c) => {
                                h3 { a href={ "/ideas/" (c.idea_id) "#comment-" (c.id) } { (ta("mod-report-comment", &[("name", c.author_name.clone().into())])) } }
                                @if c.hidden_at.is_some() { p { span.badge { (t("mod-currently-hidden")) } } }
                                blockquote { (crate::web::excerpt(&c.body, 300)) }
                            }
                        }
                        p.meta {
                            (ta("mod-open-reports", &[("count", row.reports.into())])) " " (time_el(row.first_at)) " · " (t("mod-reasons")) " "
                            (row.reasons.iter().map(|r| r.label()).collect::<Vec<_>>().join(", "))
                        }
                        @if !details.is_empty() {
                            ul { @for d in details { li { (d) } } }
                        }
                        div.actions {
                            form.inline method="post" action="/moderation/reports/dismiss" {
                                (csrf_field(ctx.csrf()))
                                input type="hidden" name="item_type" value=(row.item_type.as_str());
                                input type="hidden" name="item_id" value=(row.item_id);
                                button type="submit" { (t("mod-dismiss")) }
                            }
                            @let key = match item {
                                ReportItem::Idea(i) => format!("i{}", i.id),
                                ReportItem::Comment(c) => format!("c{}", c.id),
                            };
                            (hide_form_back(ctx, &item.hide_url(), &key, "/moderation#reports-title"))
                        }
                    }
                }
            }
            section aria-labelledby="curation-title" {
                h2 #curation-title { (t("mod-curation")) }
                nav.sort aria-label=(t("mod-curation-sort")) {
                    ul {
                        @for (s, param, label) in [(QueueSortParam::Supports, "unterstuetzung", "sort-supports"), (QueueSortParam::Age, "alter", "mod-sort-oldest"), (QueueSortParam::Theme, "thema", "mod-sort-theme")] {
                            li {
                                @if s == p.sort {
                                    a href={ "/moderation?sort=" (param) } aria-current="page" { (t(label)) }
                                } @else {
                                    a href={ "/moderation?sort=" (param) } { (t(label)) }
                                }
                            }
                        }
                    }
                }
                div.table-wrap {
                    table.cards {
                        caption.visually-hidden { (t("mod-curation-caption")) }
                        thead { tr { th scope="col" { (t("col-idea")) } th scope="col" { (t("col-theme")) } th scope="col" { (t("col-status")) } th scope="col" { (t("col-supports")) } th scope="col" { (t("col-submitted")) } } }
                        tbody {
                            @for i in p.curation {
                                tr {
                                    td data-label=(t("col-idea")) { a href={ "/ideas/" (i.id) "#status" } { (i.title) } }
                                    @let (theme, lang) = crate::i18n::localized(&i.theme_name, &i.theme_name_en);
                                    td data-label=(t("col-theme")) lang=[lang] { (theme) }
                                    td data-label=(t("col-status")) { (i.status.label()) }
                                    td data-label=(t("col-supports")) { (i.support_count) }
                                    td data-label=(t("col-submitted")) { (time_el(i.created_at)) }
                                }
                            }
                        }
                    }
                }
            }
            section aria-labelledby="orgs-title" {
                h2 #orgs-title { (ta("mod-orgs-waiting", &[("count", (p.orgs.len() as i64).into())])) }
                @if p.orgs.is_empty() { p { (t("mod-no-orgs-waiting")) } }
                ul.plain-list {
                    @for o in p.orgs {
                        li {
                            strong { (o.name) } " – " (t("mod-org-created")) " " (time_el(o.created_at))
                            @if !o.website.is_empty() { " · " (o.website) }
                            " · " a href={ "/organisations/" (o.slug) } { (t("mod-org-verify")) span.visually-hidden { ": " (o.name) } }
                        }
                    }
                }
            }
            section aria-labelledby="blocked-title" {
                h2 #blocked-title { (t("mod-blocked-people")) }
                @if p.blocked.is_empty() { p { (t("mod-nobody-blocked")) } }
                ul.plain-list {
                    @for (id, name, reason) in p.blocked {
                        li {
                            a href={ "/users/" (id) } { (name) } " – " (reason) " "
                            (button_form(&format!("/moderation/users/{id}/unblock"), ctx.csrf(), &t("mod-unblock"), ""))
                        }
                    }
                }
            }
        },
    )
}

/// The notice box about a burst of reports from new accounts, with the items they aimed at.
fn spike_notice(spike: &Spike) -> Markup {
    html! {
        section.notice.report-spike aria-labelledby="spike-title" {
            h2 #spike-title { (t("mod-spike-title")) }
            p { (ta("mod-spike", &[("count", spike.reports.into()), ("hours", spike.hours.into())])) }
            ul {
                @for (count, item) in &spike.items {
                    li {
                        a href=(item.url()) { (item_label(item)) }
                        " – " (ta("mod-spike-item", &[("count", (*count).into())]))
                    }
                }
            }
            p { (t("mod-spike-hint")) }
        }
    }
}

/// "Idee: Titel" or "Kommentar von Name".
fn item_label(item: &ReportItem) -> String {
    match item {
        ReportItem::Idea(i) => ta("mod-report-idea", &[("title", i.title.clone().into())]),
        ReportItem::Comment(c) => ta(
            "mod-report-comment",
            &[("name", c.author_name.clone().into())],
        ),
    }
}
