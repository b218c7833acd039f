//! The review page of the ministry.

use super::routes::{REVIEW_STATUSES, ReviewQuery};
use crate::db::ideas::QueueIdea;
use crate::db::themes::ThemeRow;
use crate::domain::{Actor, IdeaId, Role, Status};
use crate::web::datetime::time_el;
use crate::web::forms::csrf_field;
use crate::web::layout;
use crate::web::{Ctx, markdown};
use maud::{Markup, html};
use std::collections::HashMap;

pub const CSV_HEADER: [&str; 10] = [
    "Nr.",
    "Titel",
    "Thema",
    "Status",
    "Unterstützungen",
    "Kommentare",
    "Eingereicht am",
    "Eingereicht von",
    "Notizen der Moderation",
    "Text",
];

pub struct ReviewPage<'a> {
    pub query: &'a ReviewQuery,
    pub themes: &'a [ThemeRow],
    pub ideas: &'a [QueueIdea],
    pub notes: &'a HashMap<IdeaId, Vec<(String, String)>>,
}

/// The form to move an idea on: the choices `role` has from its status, a note, a button.
pub fn status_form(ctx: &Ctx, id: IdeaId, status: Status, role: Role, next: &str) -> Markup {
    let choices = status.next_for(Actor::Staff(role));
    let is_answer = choices.iter().any(|(s, _)| Status::ANSWERS.contains(s));
    html! {
        @if !choices.is_empty() {
            form.stack.status-form method="post" action={ "/ideas/" (id) "/status" } {
                (csrf_field(ctx.csrf()))
                input type="hidden" name="next" value=(next);
                div.field {
                    label for={ "to-" (id) } { "Neuer Status" }
                    select id={ "to-" (id) } name="to" {
                        @for (s, _) in &choices { option value=(s.as_str()) { (s.label()) } }
                    }
                }
                div.field {
                    label for={ "note-" (id) } {
                        @if is_answer { "Öffentliche Antwort des Ministeriums" } @else { "Öffentliche Begründung" }
                    }
                    p.hint id={ "note-hint-" (id) } { "Erscheint im Verlauf der Idee. Für „In Prüfung“, „Weitergeleitet“ und jede Antwort erforderlich." }
                    textarea id={ "note-" (id) } name="note" rows="4" maxlength="5000" aria-describedby={ "note-hint-" (id) } {}
                }
                button.primary type="submit" { "Status ändern" }
            }
        }
    }
}

pub fn review(ctx: &Ctx, p: &ReviewPage) -> Markup {
    let role = ctx.user.as_ref().map(|u| u.role).unwrap_or(Role::Ministry);
    let next = format!("/review?{}", p.query.query_string());
    layout::page(
        ctx,
        "Prüfung durch das Ministerium",
        html! {
            h1 { "Prüfung durch das Ministerium" }
            p { "Von der Moderation weitergeleitete Ideen, nach Unterstützung geordnet. Jede Antwort erscheint öffentlich im Verlauf der Idee." }
            form.search method="get" action="/review" {
                div.field {
                    label for="f-theme" { "Thema" }
                    select #f-theme name="theme" {
                        option value="" { "Alle Themen" }
                        @for t in p.themes { option value=(t.slug) selected[t.slug == p.query.theme] { (t.name) } }
                    }
                }
                div.field {
                    label for="f-status" { "Status" }
                    select #f-status name="status" {
                        @for s in REVIEW_STATUSES {
                            option value=(s.as_str()) selected[p.query.statuses() == vec![s] && p.query.status != "alle"] { (s.label()) }
                        }
                        option value="alle" selected[p.query.status == "alle"] { "Alle" }
                    }
                }
                button type="submit" { "Anzeigen" }
            }
            p {
                a href={ "/review.csv?" (p.query.query_string()) } download { "Diese Ansicht als CSV herunterladen" }
                " (für Excel: UTF-8, Semikolon)"
            }
            p role="status" { (p.ideas.len()) " Ideen" }
            @for i in p.ideas {
                @let status = Status::parse(&i.status).unwrap_or(Status::Forwarded);
                article.review-item {
                    h2 { a href={ "/ideas/" (i.id) } { (i.title) } }
                    p.meta {
                        span.badge { "Status: " (status.label()) } " · " (i.theme_name) " · "
                        (i.support_count) " Unterstützungen · " (i.comment_count) " Kommentare · eingereicht von "
                        (i.author_name) " am " (time_el(i.created_at))
                    }
                    details {
                        summary { "Text der Idee" }
                        div.idea-body { (markdown::render(&i.body)) }
                    }
                    @if let Some(notes) = p.notes.get(&i.id) {
                        h3 { "Notizen der Moderation" }
                        ul { @for (st, note) in notes { li { strong { (Status::parse(st).map(Status::label).unwrap_or_default()) ": " } (note) } } }
                    }
                    (status_form(ctx, i.id, status, role, &next))
                }
            }
        },
    )
}
