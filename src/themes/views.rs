//! Pages of the themes area: home, theme page, theme form.

use crate::db::themes::ThemeRow;
use crate::domain::{ThemeDescription, ThemeName};
use crate::feeds;
use crate::i18n::{t as tr, ta};
use crate::ideas::list::{self, IdeaList};
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

/// The first paragraph of a description as plain text, for the home page cards.
fn teaser(s: &str) -> String {
    let first = s.split("\n\n").next().unwrap_or(s);
    crate::web::excerpt(first, 220)
}

/// `figures`: the headline figures of `opendata::stats::headline`.
pub fn home(ctx: &Ctx, themes: &[ThemeRow], figures: Markup) -> Markup {
    let feeds = [feeds::newest_ideas_feed(), feeds::answers_feed()];
    layout::page_with_feeds(
        ctx,
        &tr("nav-themes"),
        &feeds,
        html! {
            h1 { (tr("home-title")) }
            div.intro {
                p { (tr("home-intro-1")) }
                p { (tr("home-intro-2")) }
                @if ctx.user.is_none() {
                    p { a href="/register" { (tr("home-register")) } (tr("home-register-rest")) }
                }
            }
            (layout::feed_links(&feeds))
            (figures)
            h2 { (tr("nav-themes")) }
            @if ctx.is_moderator() { p { a.button href="/themes/new" { (tr("theme-create")) } } }
            ul.theme-list {
                @for t in themes {
                    li.theme-card {
                        h3 { a href={ "/themes/" (t.slug) } { (t.name) } }
                        p { (teaser(&t.description)) }
                        p.meta {
                            (ta("n-ideas", &[("count", t.idea_count.into())]))
                            @if !t.open() { " · " span.badge { (tr("theme-closed-badge")) } }
                        }
                        @if t.open() {
                            p { a.button href={ "/ideas/new?theme=" (t.slug) } { (tr("idea-submit")) span.visually-hidden { " " (ta("theme-for", &[("name", t.name.clone().into())])) } } }
                        }
                    }
                }
            }
        },
    )
}

pub fn theme(ctx: &Ctx, t: &ThemeRow, l: &IdeaList) -> Markup {
    let feeds = [feeds::theme_feed(&t.slug, &t.name)];
    layout::page_with_feeds(
        ctx,
        &t.name,
        &feeds,
        html! {
            (breadcrumbs(&[("/", &tr("nav-themes"))]))
            h1 { (t.name) }
            div.theme-description { (markdown::render(&t.description)) }
            (layout::feed_links(&feeds))
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
            h2 #ideen { (tr("theme-ideas")) }
            (list::render(l, "theme-no-ideas"))
        },
    )
}

#[derive(Default)]
pub struct ThemeValues {
    pub name: String,
    pub slug: String,
    pub description: String,
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
                button.primary type="submit" { (tr("theme-save")) }
            }
        },
    )
}
