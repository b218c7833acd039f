//! The page frame: head, skip link, header with navigation, main landmark, footer.

use super::assets;
use super::ctx::Ctx;
use super::forms::button_form;
use maud::{DOCTYPE, Markup, html};

const SITE: &str = "Mitdenken";
const TAGLINE: &str = "Ideen für das digitale Leben – Innovationsbüro Digitales Leben";

fn head(title: &str) -> Markup {
    html! {
        head {
            meta charset="utf-8";
            meta name="viewport" content="width=device-width, initial-scale=1";
            title { (title) " – " (SITE) }
            meta name="description" content="Mitdenken: Bürgerinnen, Bürger und Organisationen reichen Ideen für das digitale Leben ein, diskutieren und unterstützen sie – das Innovationsbüro bringt sie ins Bundesfamilienministerium.";
            link rel="stylesheet" href=(assets::css_url());
            link rel="icon" href=(assets::ICON_URL) type="image/svg+xml";
        }
    }
}

fn footer() -> Markup {
    html! {
        footer.site-footer {
            div.wrap {
                p { "Mitdenken ist die Ideenplattform des Innovationsbüros Digitales Leben, eines Projekts des Bundesministeriums für Familie, Senioren, Frauen und Jugend." }
                p { "Diese Seite setzt nur ein einziges, technisch notwendiges Sitzungs-Cookie und lädt nichts von fremden Servern." }
            }
        }
    }
}

/// The frame every page shares; `nav` holds the items of the main navigation.
fn shell(title: &str, nav: Markup, flash: Option<&str>, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="de" {
            (head(title))
            body {
                a.skip-link href="#main" { "Zum Inhalt springen" }
                header.site-header {
                    div.wrap {
                        a.brand href="/" { span.brand-name { (SITE) } span.visually-hidden { " – " } span.brand-tagline { (TAGLINE) } }
                        nav aria-label="Hauptnavigation" { ul { li { a href="/" { "Themen" } } li { a href="/workshops" { "Innovationswerkstatt" } } (nav) } }
                    }
                }
                main #main tabindex="-1" {
                    div.wrap {
                        @if let Some(flash) = flash {
                            div.flash role="status" { (flash) }
                        }
                        (body)
                    }
                }
                (footer())
            }
        }
    }
}

/// A full page for someone whose session we know.
pub fn page(ctx: &Ctx, title: &str, body: Markup) -> Markup {
    let nav = html! {
        @if let Some(user) = &ctx.user {
            li { a href={ "/users/" (user.id) } { "Meine Beiträge" } }
            li { a href="/account" { "Konto (" (user.name) ")" } }
            @if user.role.is_admin() {
                li { a href="/admin/users" { "Nutzerverwaltung" } }
            }
            @if user.role.can_moderate() {
                li { a href="/themes/new" { "Thema anlegen" } }
            }
            li { (button_form("/logout", ctx.csrf(), "Abmelden", "link-button")) }
        } @else {
            li { a href={ "/login?next=" (encode(&ctx.path)) } { "Anmelden" } }
            li { a href="/register" { "Registrieren" } }
        }
    };
    shell(title, nav, ctx.flash.as_deref(), body)
}

/// Error pages are drawn without a session (the error may come from the session itself).
pub fn error_page(title: &str, text: &str) -> Markup {
    let body = html! {
        h1 { (title) }
        p { (text) }
        p { a href="/" { "Zur Startseite" } }
    };
    shell(title, html! {}, None, body)
}

/// The way back up: "Themen / Digitale Ethik /" as a navigation landmark.
pub fn breadcrumbs(items: &[(&str, &str)]) -> Markup {
    html! {
        nav.breadcrumb aria-label="Sie sind hier" {
            ol {
                @for (href, label) in items { li { a href=(href) { (label) } } }
            }
        }
    }
}

/// Pages showing a failed form say so in their title, the first thing a screen reader reads.
pub fn title_with_errors(title: &str, failed: bool) -> String {
    if failed {
        format!("Fehler: {title}")
    } else {
        title.to_string()
    }
}

pub fn encode(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// "Seite 2 von 9" with previous/next links; `href(page)` builds each link.
pub fn pager(page: i64, pages: i64, href: impl Fn(i64) -> String) -> Markup {
    html! {
        @if pages > 1 {
            nav.pager aria-label="Seiten" {
                @if page > 1 {
                    a rel="prev" href=(href(page - 1)) { "← Vorherige Seite" }
                }
                span aria-current="page" { "Seite " (page) " von " (pages) }
                @if page < pages {
                    a rel="next" href=(href(page + 1)) { "Nächste Seite →" }
                }
            }
        }
    }
}
