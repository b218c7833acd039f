//! Pages of the moderation area: the queue, the report form, the transparency page, and the
//! moderation controls shown on idea pages.

use crate::db::comments::CommentRow;
use crate::db::curation::{LogRow, QueueRow};
use crate::db::ideas::{IdeaDetail, QueueIdea, QueueSort};
use crate::domain::{Reason, Status, UserId};
use crate::web::datetime::time_el;
use crate::web::forms::{button_form, csrf_field};
use crate::web::layout::{self, pager, title_with_errors};
use crate::web::{Ctx, Field, FormErrors};
use maud::{Markup, html};

pub const HIDDEN: &str = "Der Beitrag ist ausgeblendet; der Grund steht öffentlich an seiner Stelle und im Transparenzbericht.";
pub const UNHIDDEN: &str = "Der Beitrag ist wieder sichtbar.";
pub const DISMISSED: &str = "Die Meldungen wurden als unbegründet geschlossen.";
pub const BLOCKED: &str = "Die Person ist gesperrt; ihre Beiträge sind ausgeblendet.";
pub const UNBLOCKED: &str =
    "Die Sperre ist aufgehoben; die Beiträge der Person sind wieder sichtbar.";
pub const MERGED: &str = "Die Ideen wurden zusammengeführt. Die Unterstützungen zählen jetzt hier.";
pub const MERGE_TARGET_MISSING: &str =
    "Bitte geben Sie die Nummer einer bestehenden Idee an, mit der zusammengeführt werden soll.";
pub const MERGE_TARGET_INVALID: &str = "Mit dieser Idee kann nicht zusammengeführt werden (dieselbe, zurückgezogene oder selbst zusammengeführte Idee).";
pub const REASON_MISSING: &str = "Bitte wählen Sie einen Grund.";
pub const NOTE_MISSING: &str = "Bitte geben Sie eine öffentliche Begründung an.";
pub const NOTE_TOO_LONG: &str = "Die Begründung darf höchstens 1.000 Zeichen lang sein.";
pub const DETAILS_TOO_LONG: &str = "Die Erläuterung darf höchstens 2.000 Zeichen lang sein.";
pub const REPORTED: &str = "Danke für Ihre Meldung. Die Moderation sieht sie sich an.";
pub const ALREADY_REPORTED: &str =
    "Sie haben diesen Beitrag bereits gemeldet; die Moderation hat Ihre Meldung.";
pub const AUTO_HIDDEN_REASON: &str = "Vorläufig ausgeblendet, weil mehrere Personen den Beitrag gemeldet haben. Die Moderation entscheidet.";
pub const AUTO_HIDDEN_NOTICE: &str = "Ein Beitrag von Ihnen wurde nach mehreren Meldungen vorläufig ausgeblendet, bis die Moderation entscheidet.";
pub const L_REASON: &str = "Grund";
pub const L_DETAILS: &str = "Erläuterung";

/// The public name of a log action.
pub fn action_label(action: &str) -> String {
    match action {
        "hide" => "Ausgeblendet".to_string(),
        "unhide" => "Wieder eingeblendet".to_string(),
        "auto_hide" => "Vorläufig ausgeblendet (nach Meldungen)".to_string(),
        "dismiss" => "Meldungen geschlossen".to_string(),
        "block" => "Person gesperrt".to_string(),
        "unblock" => "Sperre aufgehoben".to_string(),
        "merge" => "Zusammengeführt".to_string(),
        other => match other.strip_prefix("status:").and_then(Status::parse) {
            Some(s) => format!("Status: {}", s.label()),
            None => other.to_string(),
        },
    }
}

pub fn role_of_actor(role: &str) -> &'static str {
    match role {
        "moderator" => "Moderation",
        "ministry" => "Ministerium",
        "admin" => "Administration",
        "system" => "Automatisch",
        _ => "Teilnehmende",
    }
}

fn reason_label(code: &str) -> &'static str {
    Reason::parse(code).map(Reason::label).unwrap_or("–")
}

fn item_link(item_type: &str, item_id: i64) -> Markup {
    html! {
        @match item_type {
            "idea" => a href={ "/ideas/" (item_id) } { "Idee #" (item_id) },
            "comment" => a href={ "/comments/" (item_id) } { "Kommentar #" (item_id) },
            "user" => a href={ "/users/" (item_id) } { "Profil #" (item_id) },
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
            summary { "Ausblenden" }
            form.stack method="post" action=(action) {
                (csrf_field(ctx.csrf()))
                div.field {
                    label for={ "hide-reason-" (key) } { "Grund" }
                    select id={ "hide-reason-" (key) } name="reason" required {
                        @for r in Reason::ALL { option value=(r.as_str()) { (r.label()) } }
                    }
                }
                div.field {
                    label for={ "hide-note-" (key) } { "Öffentliche Begründung" }
                    textarea id={ "hide-note-" (key) } name="note" rows="2" required maxlength="1000" {}
                }
                button type="submit" { "Ausblenden" }
            }
        }
    }
}

pub fn queue(ctx: &Ctx, p: &QueuePage) -> Markup {
    layout::page(
        ctx,
        "Moderation",
        html! {
            h1 { "Moderation" }
            p { "Alle Entscheidungen erscheinen mit Begründung im " a href="/transparenz" { "Transparenzbericht" } " – ohne den ausgeblendeten Inhalt und ohne die meldenden Personen." }
            section aria-labelledby="reports-title" {
                h2 #reports-title { "Gemeldete Beiträge (" (p.reported.len()) ")" }
                @if p.reported.is_empty() { p { "Keine offenen Meldungen." } }
                @for (row, item, details) in p.reported {
                    article.report-item {
                        @match item {
                            ReportItem::Idea(i) => {
                                h3 { a href={ "/ideas/" (i.id) } { "Idee: " (i.title) } }
                                @if i.hidden_at.is_some() { p.badge { "Zurzeit ausgeblendet" } }
                            }
                            ReportItem::Comment(c) => {
                                h3 { a href={ "/ideas/" (c.idea_id) "#comment-" (c.id) } { "Kommentar von " (c.author_name) } }
                                @if c.hidden_at.is_some() { p.badge { "Zurzeit ausgeblendet" } }
                                blockquote { (crate::accounts::views::excerpt(&c.body, 300)) }
                            }
                        }
                        p.meta {
                            (row.reports) " offene Meldungen seit " (time_el(row.first_at)) " · Gründe: "
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
                                button type="submit" { "Meldungen schließen (unbegründet)" }
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
                h2 #curation-title { "Ideen zur Kuratierung" }
                nav.sort aria-label="Sortierung der Ideen zur Kuratierung" {
                    ul {
                        @for (s, param, label) in [(QueueSortParam::Supports, "unterstuetzung", "Meiste Unterstützung"), (QueueSortParam::Age, "alter", "Älteste zuerst"), (QueueSortParam::Theme, "thema", "Nach Thema")] {
                            li {
                                @if s == p.sort {
                                    a href={ "/moderation?sort=" (param) } aria-current="page" { (label) }
                                } @else {
                                    a href={ "/moderation?sort=" (param) } { (label) }
                                }
                            }
                        }
                    }
                }
                div.table-wrap {
                    table {
                        caption.visually-hidden { "Ideen, die auf eine Entscheidung der Moderation warten" }
                        thead { tr { th scope="col" { "Idee" } th scope="col" { "Thema" } th scope="col" { "Status" } th scope="col" { "Unterstützungen" } th scope="col" { "Eingereicht" } } }
                        tbody {
                            @for i in p.curation {
                                tr {
                                    td { a href={ "/ideas/" (i.id) "#status" } { (i.title) } }
                                    td { (i.theme_name) }
                                    td { (Status::parse(&i.status).map(Status::label).unwrap_or("")) }
                                    td { (i.support_count) }
                                    td { (time_el(i.created_at)) }
                                }
                            }
                        }
                    }
                }
            }
            section aria-labelledby="blocked-title" {
                h2 #blocked-title { "Gesperrte Personen" }
                @if p.blocked.is_empty() { p { "Niemand ist gesperrt." } }
                ul.plain-list {
                    @for (id, name, reason) in p.blocked {
                        li {
                            a href={ "/users/" (id) } { (name) } " – " (reason) " "
                            (button_form(&format!("/moderation/users/{id}/unblock"), ctx.csrf(), "Sperre aufheben", ""))
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
    layout::page(
        ctx,
        &title_with_errors("Beitrag melden", !errors.is_empty()),
        html! {
            h1 { "Beitrag melden" }
            p { "Ihre Meldung sieht nur die Moderation. Ihr Name wird nirgends veröffentlicht." }
            (errors.summary())
            form.stack method="post" action=(action) novalidate {
                (csrf_field(ctx.csrf()))
                fieldset.field.has-error[reason_error.is_some()] aria-describedby=[reason_error.map(|_| "f-reason-spam-error")] {
                    legend { (L_REASON) }
                    @if let Some(e) = reason_error { p.field-error #f-reason-spam-error { span.visually-hidden { "Fehler: " } (e) } }
                    @for r in Reason::ALL {
                        div.choice {
                            input type="radio" name="reason" id={ "f-reason-" (r.as_str()) } value=(r.as_str()) checked[v.reason == r.as_str()];
                            label for={ "f-reason-" (r.as_str()) } { (r.label()) }
                        }
                    }
                }
                (Field::textarea("details", L_DETAILS, &v.details, 4).optional().length(0, 2000)
                    .hint("Was ist an dem Beitrag problematisch? Höchstens 2.000 Zeichen.").render(errors))
                button.primary type="submit" { "Meldung senden" }
                " " a href=(back) { "Abbrechen" }
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
    layout::page(
        ctx,
        "Transparenzbericht",
        html! {
            h1 { "Transparenzbericht" }
            p { "Hier steht jede Entscheidung der Moderation und des Ministeriums: wann, was und mit welcher Begründung. Ausgeblendete Inhalte und die Namen meldender Personen stehen hier nie." }
            section aria-labelledby="monthly-title" {
                h2 #monthly-title { "Entscheidungen je Monat" }
                @if monthly.is_empty() { p { "Noch keine Einträge." } } @else {
                    div.table-wrap {
                        table {
                            caption.visually-hidden { "Anzahl der Entscheidungen je Monat, Art und Grund" }
                            thead { tr { th scope="col" { "Monat" } th scope="col" { "Entscheidung" } th scope="col" { "Grund" } th scope="col" { "Anzahl" } } }
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
                h2 #log-title { "Alle Entscheidungen" }
                div.table-wrap {
                    table {
                        caption.visually-hidden { "Protokoll der Entscheidungen, neueste zuerst" }
                        thead { tr { th scope="col" { "Zeit" } th scope="col" { "Entscheidung" } th scope="col" { "Grund" } th scope="col" { "Begründung" } th scope="col" { "Von" } th scope="col" { "Betrifft" } } }
                        tbody {
                            @for e in entries {
                                tr {
                                    td { (time_el(e.created_at)) }
                                    td { (action_label(&e.action)) }
                                    td { (reason_label(&e.reason)) }
                                    td { (e.note) }
                                    td { (role_of_actor(&e.actor_role)) }
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
