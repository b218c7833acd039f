//! Pages of the themes area: home, theme page, theme form.

use crate::db::ideas::{IdeaCard, Sort};
use crate::db::themes::ThemeRow;
use crate::domain::{Status, ThemeDescription, ThemeName};
use crate::ideas::views::idea_card;
use crate::web::forms::{button_form, csrf_field};
use crate::web::layout::{self, breadcrumbs, pager, title_with_errors};
use crate::web::markdown;
use crate::web::{Ctx, Field, FormErrors};
use maud::{Markup, html};

pub const THEME_CREATED: &str = "Das Thema wurde angelegt.";
pub const THEME_SAVED: &str = "Das Thema wurde gespeichert.";
pub const THEME_OPENED: &str = "Das Thema ist jetzt offen für neue Ideen.";
pub const THEME_CLOSED: &str = "Das Thema ist jetzt für neue Ideen geschlossen.";
pub const SLUG_TAKEN: &str = "Diese Kurzadresse ist schon vergeben.";
pub const L_NAME: &str = "Name";
pub const L_SLUG: &str = "Kurzadresse";
pub const L_DESCRIPTION: &str = "Beschreibung";
pub const SLUG_RESERVED: &str = "Diese Kurzadresse ist für die Seite selbst reserviert.";

fn sort_label(sort: Sort) -> &'static str {
    match sort {
        Sort::Newest => "Neueste",
        Sort::MostSupported => "Meiste Unterstützung",
        Sort::MostDiscussed => "Meistdiskutiert",
        Sort::Trending => "Im Trend",
    }
}

/// The first paragraph of a description as plain text, for the home page cards.
fn teaser(s: &str) -> String {
    let first = s.split("\n\n").next().unwrap_or(s);
    crate::accounts::views::excerpt(first, 220)
}

pub fn home(ctx: &Ctx, themes: &[ThemeRow]) -> Markup {
    layout::page(
        ctx,
        "Themen",
        html! {
            h1 { "Mitdenken: Ideen für das digitale Leben" }
            div.intro {
                p { "Wie kann die Digitalisierung das Leben von Familien, Jungen und Alten besser machen? Auf Mitdenken reichen Bürgerinnen, Bürger und Organisationen ihre Ideen ein, diskutieren sie und unterstützen die Vorschläge, die sie überzeugen." }
                p { "Das Innovationsbüro Digitales Leben moderiert die Plattform und bringt die Ideen mit den meisten Stimmen und den besten Argumenten ins Bundesministerium für Familie, Senioren, Frauen und Jugend. Das Ministerium antwortet öffentlich." }
                @if ctx.user.is_none() {
                    p { a href="/register" { "Jetzt registrieren" } " und mitmachen – Lesen geht auch ohne Konto." }
                }
            }
            h2 { "Themen" }
            @if ctx.is_moderator() { p { a.button href="/themes/new" { "Thema anlegen" } } }
            ul.theme-list {
                @for t in themes {
                    li.theme-card {
                        h3 { a href={ "/themes/" (t.slug) } { (t.name) } }
                        p { (teaser(&t.description)) }
                        p.meta {
                            (t.idea_count) @if t.idea_count == 1 { " Idee" } @else { " Ideen" }
                            @if !t.open() { " · " span.badge { "Für neue Ideen geschlossen" } }
                        }
                        @if t.open() {
                            p { a.button href={ "/ideas/new?theme=" (t.slug) } { "Idee einreichen" span.visually-hidden { " zum Thema " (t.name) } } }
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
}

pub fn theme(ctx: &Ctx, p: &ThemePage) -> Markup {
    let t = p.theme;
    let status_param = p.status.map(Status::as_str).unwrap_or("");
    layout::page(
        ctx,
        &t.name,
        html! {
            (breadcrumbs(&[("/", "Themen")]))
            h1 { (t.name) }
            div.theme-description { (markdown::render(&t.description)) }
            div.actions {
                @if t.open() {
                    a.button.primary href={ "/ideas/new?theme=" (t.slug) } { "Idee einreichen" }
                } @else {
                    p.notice { "Dieses Thema nimmt zurzeit keine neuen Ideen an. Diskutieren und unterstützen können Sie weiterhin." }
                }
                @if ctx.is_moderator() {
                    a.button href={ "/themes/" (t.slug) "/edit" } { "Thema bearbeiten" }
                    @if t.open() {
                        (button_form(&format!("/themes/{}/close", t.slug), ctx.csrf(), "Für neue Ideen schließen", ""))
                    } @else {
                        (button_form(&format!("/themes/{}/open", t.slug), ctx.csrf(), "Für neue Ideen öffnen", ""))
                    }
                }
            }
            h2 #ideen { "Ideen" }
            nav.sort aria-label="Sortierung der Ideen" {
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
                label for="status-filter" { "Status" }
                select #status-filter name="status" {
                    option value="" { "Alle" }
                    @for st in Status::ALL.into_iter().filter(|s| !s.is_closed()) {
                        option value=(st.as_str()) selected[p.status == Some(st)] { (st.label()) }
                    }
                }
                button type="submit" { "Filtern" }
            }
            p.meta {
                @if p.sort == Sort::Trending {
                    @if p.total == 1 { "1 Idee wurde" } @else { (p.total) " Ideen wurden" }
                    " in den letzten 7 Tagen unterstützt; die mit den meisten Unterstützungen stehen oben."
                } @else {
                    (p.total) @if p.total == 1 { " Idee" } @else { " Ideen" } ", sortiert nach „" (sort_label(p.sort)) "“."
                }
            }
            @if p.ideas.is_empty() {
                p { @if p.page > 1 { "Auf dieser Seite gibt es keine Ideen mehr." } @else { "Hier gibt es noch keine Ideen." } }
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
        Some(slug) => (
            "Thema bearbeiten".to_string(),
            format!("/themes/{slug}/edit"),
        ),
        None => ("Neues Thema".to_string(), "/themes".to_string()),
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
                    .hint("Teil der Adresse, z. B. „digitale-ethik“. Leer lassen, um sie aus dem Namen zu bilden.")
                    .optional().render(errors))
                (Field::textarea("description", L_DESCRIPTION, &v.description, 8)
                    .hint("Markdown ist erlaubt: **fett**, *kursiv*, Listen mit „-“, Links.")
                    .length(ThemeDescription::MIN, ThemeDescription::MAX).render(errors))
                button.primary type="submit" { "Speichern" }
            }
        },
    )
}
