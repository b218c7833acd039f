//! Pages of the themes area: home, theme page, theme form.

use crate::db::feeds::FeedTransition;
use crate::db::themes::ThemeRow;
use crate::db::workshops::WorkshopRow;
use crate::domain::{ThemeDescription, ThemeName};
use crate::feeds;
use crate::i18n::{localized, t as tr, ta};
use crate::ideas::list::{self, IdeaList};
use crate::ideas::views::status_badge;
use crate::web::datetime::time_el;
use crate::web::forms::{button_form, csrf_field};
use crate::web::layout::{self, breadcrumbs, title_with_errors};
use crate::web::markdown;
use crate::web::{Ctx, Field, FormErrors};
use maud::{Markup, html};

pub const THEME_CREATED: &str = "theme-created";
pub const THEME_SAVED: &str = "theme-saved";
pub const THEME_OPENED: &str = "theme-opened";
pub const THEME_CLOSED: &str = "theme-closed";
pub const SLUG_TAKEN: &str = "theme-slug-taken";
pub const L_NAME: &str = "theme-l-name";
pub const L_SLUG: &str = "theme-l-slug";
pub const L_DESCRIPTION: &str = "theme-l-description";
pub const SLUG_RESERVED: &str = "theme-slug-reserved";
pub const L_NAME_EN: &str = "theme-l-name-en";
pub const L_DESCRIPTION_EN: &str = "theme-l-description-en";

fn theme_name(t: &ThemeRow) -> (&str, Option<&'static str>) {
    localized(&t.name, &t.name_en)
}

fn theme_description(t: &ThemeRow) -> (&str, Option<&'static str>) {
    localized(&t.description, &t.description_en)
}

/// The first paragraph of a description as plain text for the home page cards: whole
/// sentences up to about 220 characters, never a word cut in half.
fn teaser(s: &str) -> String {
    let first = s.split("\n\n").next().unwrap_or(s).trim();
    let mut out = String::new();
    for sentence in first.split_inclusive(". ") {
        if !out.is_empty() && out.chars().count() + sentence.chars().count() > 220 {
            return out.trim_end().to_string();
        }
        out.push_str(sentence);
    }
    crate::web::excerpt(&out, 260)
}

/// A theme's description on its page: a long one shows its first paragraph and folds the
/// rest into "Mehr lesen" (a <details>, no script), so the ideas stay near the top on a phone.
fn description(text: &str, lang: Option<&str>) -> Markup {
    let folded = match text.split_once("\n\n") {
        Some((first, rest)) if text.chars().count() > 600 && !rest.trim().is_empty() => {
            Some((first, rest))
        }
        _ => None,
    };
    html! {
        div.theme-description lang=[lang] {
            @if let Some((first, rest)) = folded {
                (markdown::render(first))
                details.more {
                    summary { (tr("theme-read-more")) }
                    (markdown::render(rest))
                }
            } @else {
                (markdown::render(text))
            }
        }
    }
}

/// What the home page shows besides the themes.
pub struct Home<'a> {
    pub themes: &'a [ThemeRow],
    /// The ministry's newest answers, one per idea.
    pub answers: &'a [FeedTransition],
    pub workshops: &'a [WorkshopRow],
    /// The headline figures (`opendata::stats::headline`).
    pub figures: Markup,
}

pub fn home(ctx: &Ctx, h: &Home) -> Markup {
    let feeds = [feeds::newest_ideas_feed(), feeds::answers_feed()];
    let steps = [
        ("home-how-1-title", "home-how-1"),
        ("home-how-2-title", "home-how-2"),
        ("home-how-3-title", "home-how-3"),
        ("home-how-4-title", "home-how-4"),
    ];
    layout::page_with_feeds(
        ctx,
        &tr("home-title"),
        &feeds,
        html! {
            section.hero aria-labelledby="hero-title" {
                h1 #hero-title { (tr("home-hero-title")) }
                p { (tr("home-hero-text")) }
                div.actions {
                    a.button.primary.large href="/ideas/new" { (tr("idea-submit")) }
                    a href="#so-gehts" { (tr("home-how-link")) }
                }
                @if ctx.user.is_none() {
                    p.meta { (tr("home-read-freely")) " " a href="/register" { (tr("home-register")) } }
                }
            }
            (h.figures)
            section #so-gehts aria-labelledby="how-title" {
                h2 #how-title { (tr("home-how-title")) }
                ol.steps-how {
                    @for (title, text) in steps {
                        li { h3 { (tr(title)) } p { (tr(text)) } }
                    }
                }
            }
            @if !h.answers.is_empty() {
                section aria-labelledby="answers-title" {
                    h2 #answers-title { (tr("home-answers-title")) }
                    ul.answer-list {
                        @for a in h.answers {
                            li.answer-card {
                                p { (status_badge(a.to_status)) }
                                h3 { a href={ "/ideas/" (a.idea_id) } { (a.idea_title) } }
                                blockquote { (crate::web::excerpt(&a.note, 240)) }
                                p.meta { (a.actor_name) ", " (time_el(a.created_at)) }
                            }
                        }
                    }
                }
            }
            @if !h.workshops.is_empty() {
                section aria-labelledby="workshops-title" {
                    h2 #workshops-title { (tr("home-workshops-title")) }
                    ul.workshop-list {
                        @for w in h.workshops {
                            li.workshop-card {
                                h3 { a href={ "/workshops/" (w.id) } { (w.title) } }
                                p.meta { (time_el(w.starts_at)) }
                                p { (crate::web::excerpt(&w.description, 160)) }
                            }
                        }
                    }
                    p.section-more { a href="/workshops" { (tr("home-workshops-all")) } }
                }
            }
            section aria-labelledby="themes-title" {
                h2 #themes-title { (tr("nav-themes")) }
                @if ctx.is_moderator() { p { a.button href="/themes/new" { (tr("theme-create")) } } }
                ul.theme-list {
                    @for t in h.themes {
                        @let (name, name_lang) = theme_name(t);
                        @let (text, text_lang) = theme_description(t);
                        li.theme-card {
                            h3 { a href={ "/themes/" (t.slug) } lang=[name_lang] { (name) } }
                            p lang=[text_lang] { (teaser(text)) }
                            p.meta {
                                (ta("n-ideas", &[("count", t.idea_count.into())]))
                                @if !t.open() { " · " span.badge { (tr("theme-closed-badge")) } }
                            }
                            @if t.open() {
                                p { a.button href={ "/ideas/new?theme=" (t.slug) } { (tr("idea-submit")) span.visually-hidden { " " (ta("theme-for", &[("name", name.to_string().into())])) } } }
                            }
                        }
                    }
                }
            }
            (layout::feed_links(&feeds))
        },
    )
}

/// `follow`: the "Folgen" button of the notifications area.
pub fn theme(ctx: &Ctx, t: &ThemeRow, l: &IdeaList, follow: Markup) -> Markup {
    let (name, name_lang) = theme_name(t);
    let feeds = [feeds::theme_feed(&t.slug, name)];
    let (text, text_lang) = theme_description(t);
    layout::page_with_feeds(
        ctx,
        name,
        &feeds,
        html! {
            (breadcrumbs(&[("/", &tr("nav-themes"))]))
            h1 lang=[name_lang] { (name) }
            (description(text, text_lang))
            (follow)
            div.actions {
                @if t.open() {
                    a.button.primary href={ "/ideas/new?theme=" (t.slug) } { (tr("idea-submit")) }
                } @else {
                    p.notice { (tr("theme-closed-notice")) }
                }
                @if ctx.is_moderator() {
                    a.button href={ "/themes/" (t.slug) "/edit" } { (tr("theme-edit")) }
                    a.button href={ "/themes/" (t.slug) "/tags" } { (tr("tags-manage")) }
                    @if t.open() {
                        (button_form(&format!("/themes/{}/close", t.slug), ctx.csrf(), &tr("theme-close"), ""))
                    } @else {
                        (button_form(&format!("/themes/{}/open", t.slug), ctx.csrf(), &tr("theme-open"), ""))
                    }
                }
            }
            (layout::feed_links(&feeds))
            h2 #ideen { (tr("theme-ideas")) }
            (list::render(ctx, l, "theme-no-ideas"))
        },
    )
}

#[derive(Default)]
pub struct ThemeValues {
    pub name: String,
    pub slug: String,
    pub description: String,
    pub name_en: String,
    pub description_en: String,
}

/// `editing` is the slug of the theme being edited, or None for a new one.
pub fn form(ctx: &Ctx, editing: Option<&str>, v: &ThemeValues, errors: &FormErrors) -> Markup {
    let (title, action) = match editing {
        Some(slug) => (tr("theme-edit"), format!("/themes/{slug}/edit")),
        None => (tr("theme-new"), "/themes".to_string()),
    };
    layout::page(
        ctx,
        &title_with_errors(&title, !errors.is_empty()),
        html! {
            h1 { (title) }
            (errors.summary())
            form.stack method="post" action=(action) novalidate {
                (csrf_field(ctx.csrf()))
                (Field::text("name", L_NAME, &v.name).length(ThemeName::MIN, ThemeName::MAX).render(errors))
                (Field::text("slug", L_SLUG, &v.slug)
                    .hint("theme-slug-hint")
                    .optional().render(errors))
                (Field::textarea("description", L_DESCRIPTION, &v.description, 8)
                    .hint("markdown-hint")
                    .length(ThemeDescription::MIN, ThemeDescription::MAX).render(errors))
                (Field::text("name_en", L_NAME_EN, &v.name_en)
                    .hint("theme-english-hint")
                    .optional().render(errors))
                (Field::textarea("description_en", L_DESCRIPTION_EN, &v.description_en, 8)
                    .hint("theme-english-hint")
                    .optional().render(errors))
                button.primary type="submit" { (tr("theme-save")) }
            }
        },
    )
}
