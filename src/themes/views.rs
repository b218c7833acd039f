//! Pages of the themes area: home, theme page, theme form.

use crate::db::ideas::{IdeaCard, Sort};
use crate::db::themes::ThemeRow;
use crate::domain::{Status, ThemeDescription, ThemeName};
use crate::feeds;
use crate::i18n::{Label, t as tr, ta};
use crate::ideas::views::idea_card;
use crate::web::forms::{button_form, csrf_field};
use crate::web::layout::{self, breadcrumbs, pager, title_with_errors};
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

fn sort_label(sort: Sort) -> String {
    tr(match sort {
        Sort::Newest => "sort-newest",
        Sort::MostSupported => "sort-supports",
        Sort::MostDiscussed => "sort-discussed",
        Sort::Trending => "sort-trend",
    })
}

/// The first paragraph of a description as plain text, for the home page cards.
fn teaser(s: &str) -> String {
    let first = s.split("\n\n").next().unwrap_or(s);
    crate::web::excerpt(first, 220)
}

pub fn home(ctx: &Ctx, themes: &[ThemeRow]) -> Markup {
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

pub struct ThemePage<'a> {
    pub theme: &'a ThemeRow,
    pub ideas: &'a [IdeaCard],
    pub sort: Sort,
    pub status: Option<Status>,
    pub page: i64,
    pub pages: i64,
    pub total: i64,
    /// "Folgen" / "Nicht mehr folgen" (notifications area).
    pub follow: Markup,
}

pub fn theme(ctx: &Ctx, p: &ThemePage) -> Markup {
    let t = p.theme;
    let status_param = p.status.map(Status::as_str).unwrap_or("");
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
            (p.follow)
            div.actions {
                @if t.open() {
                    a.button.primary href={ "/ideas/new?theme=" (t.slug) } { (tr("idea-submit")) }
                } @else {
                    p.notice { (tr("theme-closed-notice")) }
                }
                @if ctx.is_moderator() {
                    a.button href={ "/themes/" (t.slug) "/edit" } { (tr("theme-edit")) }
                    @if t.open() {
                        (button_form(&format!("/themes/{}/close", t.slug), ctx.csrf(), &tr("theme-close"), ""))
                    } @else {
                        (button_form(&format!("/themes/{}/open", t.slug), ctx.csrf(), &tr("theme-open"), ""))
                    }
                }
            }
            h2 #ideen { (tr("theme-ideas")) }
            nav.sort aria-label=(tr("theme-sort-label")) {
                ul {
                    @for s in Sort::ALL {
                        li {
                            @if s == p.sort {
                                a href={ "/themes/" (t.slug) "?sort=" (s.param()) "&status=" (status_param) } aria-current="page" { (sort_label(s)) }
                            } @else {
                                a href={ "/themes/" (t.slug) "?sort=" (s.param()) "&status=" (status_param) } { (sort_label(s)) }
                            }
                        }
                    }
                }
            }
            form.search method="get" action={ "/themes/" (t.slug) } {
                input type="hidden" name="sort" value=(p.sort.param());
                label for="status-filter" { (tr("theme-filter-status")) }
                select #status-filter name="status" {
                    option value="" { (tr("theme-filter-all")) }
                    @for st in Status::ALL.into_iter().filter(|s| !s.is_closed()) {
                        option value=(st.as_str()) selected[p.status == Some(st)] { (st.label()) }
                    }
                }
                button type="submit" { (tr("theme-filter")) }
            }
            p.meta {
                @if p.sort == Sort::Trending {
                    (ta("theme-trend-count", &[("count", p.total.into())]))
                } @else {
                    (ta("theme-count-sorted", &[("count", p.total.into()), ("sort", sort_label(p.sort).into())]))
                }
            }
            @if p.ideas.is_empty() {
                p { @if p.page > 1 { (tr("theme-page-empty")) } @else { (tr("theme-no-ideas")) } }
            } @else {
                ol.idea-list {
                    @for idea in p.ideas { li { (idea_card(idea)) } }
                }
            }
            (pager(p.page, p.pages, |n| format!("/themes/{}?sort={}&status={}&page={n}", t.slug, p.sort.param(), status_param)))
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
