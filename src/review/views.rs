//! The review page of the ministry.

use super::routes::{REVIEW_STATUSES, ReviewQuery};
use crate::db::curation::InternalNote;
use crate::db::ideas::QueueIdea;
use crate::db::themes::ThemeRow;
use crate::db::workshops::LearningRow;
use crate::domain::{Actor, IdeaId, Role, Status};
use crate::i18n::{Label, t, ta};
use crate::ideas::views::status_badge;
use crate::web::datetime::format_date;
use crate::web::datetime::time_el;
use crate::web::forms::csrf_field;
use crate::web::layout;
use crate::web::{Ctx, markdown};
use maud::{Markup, html};
use std::collections::HashMap;

/// Catalogue keys of the export's columns.
pub const CSV_HEADER: [&str; 14] = [
    "csv-number",
    "csv-title",
    "csv-theme",
    "csv-status",
    "csv-supports",
    "csv-comments",
    "csv-submitted-on",
    "csv-submitted-by",
    "csv-notes",
    "csv-text",
    "csv-internal-notes",
    "csv-answer",
    "csv-answered-on",
    "csv-link",
];

pub struct ReviewPage<'a> {
    pub query: &'a ReviewQuery,
    pub themes: &'a [ThemeRow],
    pub ideas: &'a [QueueIdea],
    pub notes: &'a HashMap<IdeaId, Vec<(Status, String)>>,
    pub internal: &'a HashMap<IdeaId, Vec<InternalNote>>,
    pub learnings: &'a HashMap<IdeaId, Vec<LearningRow>>,
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
                    label for={ "to-" (id) } { (t("review-l-new-status")) }
                    select id={ "to-" (id) } name="to" required {
                        option value="" selected { (t("review-choose-status")) }
                        @for (s, _) in &choices { option value=(s.as_str()) { (s.label()) } }
                    }
                }
                div.field {
                    label for={ "note-" (id) } {
                        @if is_answer { (t("review-l-answer")) } @else { (t("review-l-note")) }
                    }
                    p.hint id={ "note-hint-" (id) } { (t("review-note-hint")) }
                    textarea id={ "note-" (id) } name="note" rows="4" maxlength="5000" aria-describedby={ "note-hint-" (id) } {}
                }
                (internal_field(&format!("internal-{id}"), if is_answer { "internal-note-label" } else { "internal-note-l" }))
                button.primary type="submit" { (t("review-change-status")) }
            }
        }
    }
}

/// The internal note beside a public one: for moderation, ministry staff and admins only.
/// Moderation writes it for the ministry; the ministry's own answer form just calls it
/// internal (`label`).
fn internal_field(field_id: &str, label: &str) -> Markup {
    html! {
        div.field {
            label for=(field_id) { (t(label)) }
            p.hint id={ (field_id) "-hint" } { (t("internal-note-hint")) }
            textarea id=(field_id) name="internal" rows="3" maxlength="5000" aria-describedby={ (field_id) "-hint" } {}
        }
    }
}

/// Moderation's one-step forwarding: from "Eingereicht" or "In Diskussion" straight to the
/// ministry, the trail recording each step of `path` (see `Status::forward_path`).
pub fn forward_form(ctx: &Ctx, id: IdeaId, path: [Status; 2], next: &str) -> Markup {
    let steps = path
        .iter()
        .map(|s| s.label())
        .collect::<Vec<_>>()
        .join(" → ");
    html! {
        form.stack.forward-form method="post" action={ "/ideas/" (id) "/forward" } aria-labelledby={ "forward-title-" (id) } {
            h3 id={ "forward-title-" (id) } { (t("forward-title")) }
            p.hint { (ta("forward-intro", &[("steps", steps.into())])) }
            (csrf_field(ctx.csrf()))
            input type="hidden" name="next" value=(next);
            div.field {
                label for={ "forward-note-" (id) } { (t("review-l-note")) }
                p.hint id={ "forward-note-" (id) "-hint" } { (t("forward-note-hint")) }
                textarea id={ "forward-note-" (id) } name="note" rows="3" maxlength="5000" required aria-describedby={ "forward-note-" (id) "-hint" } {}
            }
            (internal_field(&format!("forward-internal-{id}"), "internal-note-l"))
            button.primary type="submit" { (t("forward-button")) }
        }
    }
}

pub fn review(ctx: &Ctx, p: &ReviewPage) -> Markup {
    // Only ministry staff and admins reach this page (`require_ministry`); their role decides
    // which answers the forms offer.
    let role = ctx.user.as_ref().map_or(Role::Ministry, |u| u.role);
    let next = format!("/review?{}", p.query.query_string());
    layout::page(
        ctx,
        &t("review-title"),
        html! {
            h1 { (t("review-title")) }
            p { (t("review-intro")) }
            form.search method="get" action="/review" {
                div.field {
                    label for="f-theme" { (t("col-theme")) }
                    select #f-theme name="theme" {
                        option value="" { (t("review-all-themes")) }
                        @for t in p.themes {
                            @let (name, lang) = crate::i18n::localized(&t.name, &t.name_en);
                            option value=(t.slug) selected[t.slug == p.query.theme] lang=[lang] { (name) }
                        }
                    }
                }
                div.field {
                    label for="f-status" { (t("col-status")) }
                    select #f-status name="status" {
                        @let chosen = p.query.chosen();
                        option value="" selected[chosen.is_none() && p.query.status != "alle"] { (t("review-filter-waiting")) }
                        @for s in REVIEW_STATUSES {
                            option value=(s.as_str()) selected[chosen == Some(s)] { (s.label()) }
                        }
                        option value="alle" selected[p.query.status == "alle"] { (t("review-filter-all")) }
                    }
                }
                button type="submit" { (t("review-show")) }
            }
            p {
                a href={ "/review.csv?" (p.query.query_string()) } download { (t("review-download")) }
                (t("review-download-note"))
            }
            p role="status" { (ta("review-count", &[("count", (p.ideas.len() as i64).into())])) }
            @for i in p.ideas {
                @let status = i.status;
                article.review-item {
                    h2 { a href={ "/ideas/" (i.id) } { (i.title) } }
                    @if !i.listed { p { span.badge { (t("mod-currently-hidden")) } } }
                    p.meta {
                        @let (theme, lang) = crate::i18n::localized(&i.theme_name, &i.theme_name_en);
                        (status_badge(status)) " · " span lang=[lang] { (theme) } " · "
                        (ta("review-meta", &[("supports", i.support_count.into()), ("comments", i.comment_count.into()), ("name", i.author_name.clone().into())]))
                        " " (time_el(i.created_at))
                    }
                    details {
                        summary { (t("review-idea-text")) }
                        div.idea-body { (markdown::render(&i.body)) }
                    }
                    @if let Some(notes) = p.notes.get(&i.id) {
                        h3 { (t("review-notes")) }
                        ul { @for (st, note) in notes { li { strong { (st.label()) ": " } (note) } } }
                    }
                    @if let Some(notes) = p.internal.get(&i.id) {
                        h3 { (t("review-internal-notes")) }
                        ul { @for n in notes { li { strong { (n.to_status.label()) " (" (n.author_name) "): " } (n.note) } } }
                    }
                    @if let Some(ls) = p.learnings.get(&i.id) {
                        h3 { (t("review-learnings")) }
                        ul {
                            @for l in ls {
                                li {
                                    a href={ "/workshops/" (l.workshop_id) "#learning-" (l.id) } {
                                        (ta("review-learning", &[("number", l.number.into()), ("title", l.title.clone().into())]))
                                    }
                                    " – " (l.workshop_title) ", " (format_date(l.starts_at))
                                }
                            }
                        }
                    }
                    (status_form(ctx, i.id, status, role, &next))
                }
            }
        },
    )
}
