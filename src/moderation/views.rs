//! Pages of the moderation area: the queue, the report form, the transparency page, and the
//! moderation controls shown on idea pages.

use crate::db::comments::CommentRow;
use crate::db::curation::{LogRow, QueueRow};
use crate::db::ideas::{IdeaDetail, QueueIdea, QueueSort};
use crate::domain::{Reason, Status, UserId};
use crate::i18n::{Label, t, ta};
use crate::web::datetime::time_el;
use crate::web::forms::{button_form, csrf_field};
use crate::web::layout::{self, pager, title_with_errors};
use crate::web::{Ctx, Field, FormErrors};
use maud::{Markup, html};

pub const HIDDEN: &str = "mod-hidden";
pub const UNHIDDEN: &str = "mod-unhidden";
pub const DISMISSED: &str = "mod-dismissed";
pub const BLOCKED: &str = "mod-blocked";
pub const UNBLOCKED: &str = "mod-unblocked";
pub const MERGED: &str = "mod-merged";
pub const MERGE_TARGET_MISSING: &str = "mod-merge-target-missing";
pub const MERGE_TARGET_INVALID: &str = "mod-merge-target-invalid";
pub const REASON_MISSING: &str = "mod-reason-missing";
pub const NOTE_MISSING: &str = "mod-note-missing";
pub const NOTE_TOO_LONG: &str = "mod-note-long";
pub const DETAILS_TOO_LONG: &str = "mod-details-long";
pub const REPORTED: &str = "mod-reported";
pub const ALREADY_REPORTED: &str = "mod-already-reported";
pub const AUTO_HIDDEN_REASON: &str = "mod-auto-hidden-reason";
pub const AUTO_HIDDEN_NOTICE: &str = "mod-auto-hidden-notice";
pub const L_REASON: &str = "mod-l-reason";
pub const L_DETAILS: &str = "mod-l-details";

/// The public name of a log action.
pub fn action_label(action: &str) -> String {
    match action {
        "hide" | "unhide" | "auto_hide" | "dismiss" | "block" | "unblock" | "merge"
        | "verify_org" | "unverify_org" => t(&format!("action-{action}")),
        other => match other.strip_prefix("status:").and_then(Status::parse) {
            Some(s) => ta("action-status", &[("status", s.label().into())]),
            None => other.to_string(),
        },
    }
}

/// A stored public reason: moderators' own words as written; the automatic hide's reason is a
/// catalogue key, shown in the reader's language.
pub fn public_reason(stored: &str) -> String {
    if stored == AUTO_HIDDEN_REASON {
        t(stored)
    } else {
        stored.to_string()
    }
}

/// Who acted, by role: the roles' own names, or "Automatisch" for the system.
fn reason_label(code: &str) -> String {
    Reason::parse(code)
        .map(Label::label)
        .unwrap_or_else(|| "–".to_string())
}

fn item_link(item_type: &str, item_id: i64) -> Markup {
    html! {
        @match item_type {
            "idea" => a href={ "/ideas/" (item_id) } { (ta("item-idea", &[("id", item_id.into())])) },
            "comment" => a href={ "/comments/" (item_id) } { (ta("item-comment", &[("id", item_id.into())])) },
            "user" => a href={ "/users/" (item_id) } { (ta("item-user", &[("id", item_id.into())])) },
            "organisation" => { (ta("item-organisation", &[("id", item_id.into())])) },
            _ => { (item_type) " #" (item_id) },
        }
    }
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

pub enum ReportItem {
    Idea(IdeaDetail),
    Comment(CommentRow),
}

pub struct QueuePage<'a> {
    pub reported: &'a [(QueueRow, ReportItem, Vec<String>)],
    pub curation: &'a [QueueIdea],
    pub sort: QueueSortParam,
    pub blocked: &'a [(UserId, String, String)],
}

/// Reason select and public note: the same small form hides ideas and comments.
pub fn hide_form(ctx: &Ctx, action: &str, key: &str) -> Markup {
    html! {
        details.moderate {
            summary { (t("mod-hide")) }
            form.stack method="post" action=(action) {
                (csrf_field(ctx.csrf()))
                div.field {
                    label for={ "hide-reason-" (key) } { (t("mod-l-reason")) }
                    select id={ "hide-reason-" (key) } name="reason" required {
                        option value="" { (t("idea-choose")) }
                        @for r in Reason::ALL { option value=(r.as_str()) { (r.label()) } }
                    }
                }
                div.field {
                    label for={ "hide-note-" (key) } { (t("mod-l-public-note")) }
                    textarea id={ "hide-note-" (key) } name="note" rows="2" required maxlength="1000" {}
                }
                button type="submit" { (t("mod-hide")) }
            }
        }
    }
}

pub fn queue(ctx: &Ctx, p: &QueuePage) -> Markup {
    let title = t("nav-moderation");
    layout::page(
        ctx,
        &title,
        html! {
            h1 { (title) }
            p { (t("mod-intro")) " " a href="/transparenz" { (t("footer-transparency")) } }
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
                            (row.reasons.split(',').map(reason_label).collect::<Vec<_>>().join(", "))
                        }
                        @if !details.is_empty() {
                            ul { @for d in details { li { (d) } } }
                        }
                        div.actions {
                            form.inline method="post" action="/moderation/reports/dismiss" {
                                (csrf_field(ctx.csrf()))
                                input type="hidden" name="item_type" value=(row.item_type);
                                input type="hidden" name="item_id" value=(row.item_id);
                                button type="submit" { (t("mod-dismiss")) }
                            }
                            @let (action, key) = match item {
                                ReportItem::Idea(i) => (format!("/moderation/ideas/{}/hide", i.id), format!("i{}", i.id)),
                                ReportItem::Comment(c) => (format!("/moderation/comments/{}/hide", c.id), format!("c{}", c.id)),
                            };
                            (hide_form(ctx, &action, &key))
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
                    table {
                        caption.visually-hidden { (t("mod-curation-caption")) }
                        thead { tr { th scope="col" { (t("col-idea")) } th scope="col" { (t("col-theme")) } th scope="col" { (t("col-status")) } th scope="col" { (t("col-supports")) } th scope="col" { (t("col-submitted")) } } }
                        tbody {
                            @for i in p.curation {
                                tr {
                                    td { a href={ "/ideas/" (i.id) "#status" } { (i.title) } }
                                    td { (i.theme_name) }
                                    td { (i.status.label()) }
                                    td { (i.support_count) }
                                    td { (time_el(i.created_at)) }
                                }
                            }
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

#[derive(Default)]
pub struct ReportValues {
    pub reason: String,
    pub details: String,
}

pub fn report_form(
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

pub fn transparency(
    ctx: &Ctx,
    entries: &[LogRow],
    monthly: &[(String, String, String, i64)],
    page: i64,
    pages: i64,
) -> Markup {
    let title = t("footer-transparency");
    layout::page(
        ctx,
        &title,
        html! {
            h1 { (title) }
            p { (t("transparency-intro")) }
            section aria-labelledby="monthly-title" {
                h2 #monthly-title { (t("transparency-monthly")) }
                @if monthly.is_empty() { p { (t("transparency-empty")) } } @else {
                    div.table-wrap {
                        table {
                            caption.visually-hidden { (t("transparency-monthly-caption")) }
                            thead { tr { th scope="col" { (t("col-month")) } th scope="col" { (t("col-action")) } th scope="col" { (t("col-reason")) } th scope="col" { (t("col-count")) } } }
                            tbody {
                                @for (month, action, reason, n) in monthly {
                                    tr { td { (month) } td { (action_label(action)) } td { (reason_label(reason)) } td { (n) } }
                                }
                            }
                        }
                    }
                }
            }
            section aria-labelledby="log-title" {
                h2 #log-title { (t("transparency-all")) }
                div.table-wrap {
                    table {
                        caption.visually-hidden { (t("transparency-log-caption")) }
                        thead { tr { th scope="col" { (t("col-time")) } th scope="col" { (t("col-action")) } th scope="col" { (t("col-reason")) } th scope="col" { (t("col-note")) } th scope="col" { (t("col-by")) } th scope="col" { (t("col-item")) } } }
                        tbody {
                            @for e in entries {
                                tr {
                                    td { (time_el(e.created_at)) }
                                    td { (action_label(&e.action)) }
                                    td { (reason_label(&e.reason)) }
                                    td { (public_reason(&e.note)) }
                                    td { (e.actor_role.label()) }
                                    td { (item_link(&e.item_type, e.item_id)) }
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
