//! Learnings on the workshop page, the learning forms, and what the idea page and idea form
//! show of the workshops.

use super::events::WorkshopPage;
use super::{
    L_LEARNING_BODY, L_LEARNING_TITLE, count, learning_label, paragraphs, post_button, with_markup,
};

use crate::db::workshops::{LearningRow, LinkedIdea};
use crate::domain::workshop::{LearningBody, LearningTitle};
use crate::domain::{IdeaId, WorkshopId};
use crate::i18n::{t, ta};
use crate::ideas::views::status_badge;
use crate::web::datetime::format_date;
use crate::web::forms::{button_form, csrf_field};
use crate::web::layout::{self, breadcrumbs, encode, title_with_errors};
use crate::web::{Ctx, Field, FormErrors};
use maud::{Markup, html};

pub(super) fn learning_article(ctx: &Ctx, p: &WorkshopPage, l: &LearningRow) -> Markup {
    let w = p.w;
    let ideas: Vec<&LinkedIdea> = p.linked.iter().filter(|i| i.learning_id == l.id).collect();
    let searched = p.search_learning == Some(l.id) && !p.search_query.trim().is_empty();
    let lid = l.id.to_string();
    html! {
        article.learning id={ "learning-" (l.id) } {
            h3 { (learning_label(l)) }
            div.learning-text { (paragraphs(&l.body)) }
            h4 { (t("ws-learning-ideas")) }
            @if ideas.is_empty() {
                p.meta { (t("ws-learning-no-ideas")) }
            } @else {
                ul.plain-list.linked-ideas {
                    @for i in &ideas {
                        li {
                            a href={ "/ideas/" (i.id) } { (i.title) } " "
                            (status_badge(i.status)) " · "
                            (count("n-supports", i.support_count))
                            @if ctx.is_moderator() {
                                " "
                                (post_button(&format!("/ideas/{}/learnings/remove", i.id), ctx.csrf(),
                                    &[("learning", &lid), ("from", "werkstatt")],
                                    html! { (t("ws-unlink")) span.visually-hidden { " (" (i.title) ")" } }, "link-button"))
                            }
                        }
                    }
                }
            }
            p {
                a.button href={ "/ideas/new?theme=" (encode(w.theme_slug.as_deref().unwrap_or(""))) "&learning=" (l.id) } {
                    (t("ws-submit-idea")) span.visually-hidden { " " (ta("ws-learning-number", &[("number", l.number.into())])) }
                }
            }
            @if ctx.is_moderator() {
                div.actions {
                    a href={ "/learnings/" (l.id) "/edit" } { (t("ws-learning-edit")) span.visually-hidden { " (" (l.number) ")" } }
                    a href={ "/learnings/" (l.id) "/delete" } { (t("ws-learning-delete")) span.visually-hidden { " (" (l.number) ")" } }
                }
                form.search method="get" action={ "/workshops/" (w.id) "#learning-" (l.id) } role="search" {
                    input type="hidden" name="learning" value=(l.id);
                    label for={ "q-" (l.id) } { (t("ws-search-idea")) }
                    input id={ "q-" (l.id) } type="search" name="q" value=(if searched { p.search_query } else { "" });
                    button type="submit" { (t("ws-search-button")) }
                }
                @if searched {
                    @if p.search.is_empty() {
                        p role="status" { (ta("ws-search-none", &[("query", p.search_query.trim().to_string().into())])) }
                    } @else {
                        p role="status" { (ta("ws-search-found", &[("query", p.search_query.trim().to_string().into())])) }
                        ul.plain-list.search-results {
                            @for hit in p.search {
                                li {
                                    a href={ "/ideas/" (hit.id) } { (hit.title) } " " (status_badge(hit.status)) " "
                                    @if ideas.iter().any(|i| i.id == hit.id) {
                                        span.meta { (t("ws-already-linked")) }
                                    } @else {
                                        (post_button(&format!("/ideas/{}/learnings", hit.id), ctx.csrf(),
                                            &[("learning", &lid), ("from", "werkstatt")],
                                            html! { (t("ws-link-button")) span.visually-hidden { " " (ta("ws-link-with", &[("title", hit.title.clone().into())])) } }, ""))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

#[derive(Default)]
pub struct LearningValues {
    pub title: String,
    pub body: String,
}

/// `editing` is the learning being changed, None for a new one of `workshop`.
pub fn learning_form(
    ctx: &Ctx,
    workshop: WorkshopId,
    workshop_title: &str,
    editing: Option<&LearningRow>,
    v: &LearningValues,
    errors: &FormErrors,
) -> Markup {
    let (title, action) = match editing {
        Some(l) => (
            ta("ws-learning-edit-n", &[("number", l.number.into())]),
            format!("/learnings/{}/edit", l.id),
        ),
        None => (
            t("ws-learning-new"),
            format!("/workshops/{workshop}/learnings"),
        ),
    };
    layout::page(
        ctx,
        &title_with_errors(&title, !errors.is_empty()),
        html! {
            (breadcrumbs(&[("/workshops", &t("nav-workshops")), (&format!("/workshops/{workshop}"), workshop_title)]))
            h1 { (title) }
            @if editing.is_none() {
                p { (t("ws-learning-form-intro")) }
            }
            (errors.summary())
            form.stack method="post" action=(action) novalidate {
                (csrf_field(ctx.csrf()))
                (Field::text("title", L_LEARNING_TITLE, &v.title)
                    .hint("ws-hint-learning-title")
                    .length(LearningTitle::MIN, LearningTitle::MAX).render(errors))
                (Field::textarea("body", L_LEARNING_BODY, &v.body, 8)
                    .hint("ws-hint-learning-body")
                    .length(LearningBody::MIN, LearningBody::MAX).render(errors))
                button.primary type="submit" { (t("ws-learning-save")) }
                " " a href={ "/workshops/" (workshop) } { (t("cancel")) }
            }
        },
    )
}

pub fn learning_delete_confirm(ctx: &Ctx, l: &LearningRow) -> Markup {
    layout::page(
        ctx,
        &t("ws-learning-delete"),
        html! {
            h1 { (t("ws-learning-delete")) }
            p { (ta("ws-learning-delete-question", &[
                ("learning", learning_label(l).into()),
                ("workshop", l.workshop_title.clone().into()),
            ])) }
            div.actions {
                (button_form(&format!("/learnings/{}/delete", l.id), ctx.csrf(), &t("ws-learning-delete-yes"), "danger"))
                a href={ "/workshops/" (l.workshop_id) "#learning-" (l.id) } { (t("ws-back-to-workshop")) }
            }
        },
    )
}

/// Declared beside its query; named here too, for the idea page that shows it.
pub use crate::db::workshops::IdeaLearnings;

/// "Aus der Innovationswerkstatt": the learnings linked to the idea, and for moderators the
/// forms to link and unlink.
pub fn idea_section(ctx: &Ctx, idea: IdeaId, l: &IdeaLearnings) -> Markup {
    let moderator = ctx.is_moderator();
    let open: Vec<&LearningRow> = l
        .choices
        .iter()
        .filter(|c| !l.linked.iter().any(|x| x.id == c.id))
        .collect();
    html! {
        @if !l.linked.is_empty() || moderator {
            section.werkstatt #werkstatt aria-labelledby="werkstatt-title" {
                h2 #werkstatt-title { (t("ws-from-workshops")) }
                // The office's own word, explained where a reader first meets it.
                p.hint.learnings-explained { (t("ws-learnings-explained")) }
                @if l.linked.is_empty() {
                    p.meta { (t("ws-idea-no-learnings")) }
                }
                ul.plain-list {
                    @for x in &l.linked {
                        li.learning {
                            h3 { a href={ "/workshops/" (x.workshop_id) "#learning-" (x.id) } { (learning_label(x)) } }
                            p.meta { (with_markup("ws-from-workshop", &[("date", format_date(x.starts_at).into())], "workshop",
                                html! { a href={ "/workshops/" (x.workshop_id) } { (x.workshop_title) } })) }
                            div.learning-text { (paragraphs(&x.body)) }
                            @if moderator {
                                (post_button(&format!("/ideas/{idea}/learnings/remove"), ctx.csrf(),
                                    &[("learning", &x.id.to_string())],
                                    html! { (t("ws-unlink")) span.visually-hidden { " (" (learning_label(x)) ")" } }, "link-button"))
                            }
                        }
                    }
                }
                @if moderator {
                    @if open.is_empty() {
                        p.meta { (t("ws-no-more-learnings")) }
                    } @else {
                        form.search method="post" action={ "/ideas/" (idea) "/learnings" } {
                            (csrf_field(ctx.csrf()))
                            label for="f-learning" { (t("ws-link-learning")) }
                            select #f-learning name="learning" required {
                                option value="" { (t("idea-choose")) }
                                @for group in open.chunk_by(|a, b| a.workshop_id == b.workshop_id) {
                                    optgroup label={ (group[0].workshop_title) " (" (format_date(group[0].starts_at)) ")" } {
                                        @for c in group { option value=(c.id) { (learning_label(c)) } }
                                    }
                                }
                            }
                            button type="submit" { (t("ws-link-button")) }
                        }
                    }
                }
            }
        }
    }
}

/// The hidden learning of "Idee zu diesem Learning einreichen", and a note saying so.
pub fn idea_form_learning(l: Option<&LearningRow>) -> Markup {
    html! {
        @if let Some(l) = l {
            input type="hidden" name="learning" value=(l.id);
            p.notice { (ta("ws-idea-will-link", &[
                ("learning", learning_label(l).into()),
                ("workshop", l.workshop_title.clone().into()),
            ])) }
        }
    }
}
