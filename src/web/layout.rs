//! The page frame: head, skip link, header with navigation and language switch, main
//! landmark, footer.

use super::assets;
use super::ctx::Ctx;
use super::forms::button_form;
use super::lang::switch_url;
use crate::domain::Role;
use crate::i18n::{self, Lang, t, ta};
use maud::{DOCTYPE, Markup, html};

/// An Atom feed a page offers: announced in the head for feed readers and shown as a link
/// with `feed_links`.
pub struct Feed {
    /// The feed's path (`/feeds/ideen.atom`); the current language is added.
    pub path: String,
    pub title: String,
}

impl Feed {
    /// The address in the page's language, so the subscription keeps it.
    fn href(&self) -> String {
        format!("{}?lang={}", self.path, i18n::current().code())
    }
}

/// The visible "Feed abonnieren" links of a page, each named by its feed.
pub fn feed_links(feeds: &[Feed]) -> Markup {
    html! {
        @if !feeds.is_empty() { ul.plain-list.feed-links {
            @for f in feeds {
                li {
                    a href=(f.href()) type="application/atom+xml" {
                        // Visible names: a page with two feeds shows two different links.
                        (t("feed-subscribe")) ": " (f.title)
                    }
                }
            }
        } }
    }
}

fn head(title: &str, feeds: &[Feed]) -> Markup {
    html! {
        head {
            meta charset="utf-8";
            meta name="viewport" content="width=device-width, initial-scale=1";
            title { (title) " – " (t("site-name")) }
            meta name="description" content=(t("site-description"));
            link rel="stylesheet" href=(assets::css_url());
            link rel="icon" href=(assets::ICON_URL) type="image/svg+xml";
            @for f in feeds {
                link rel="alternate" type="application/atom+xml" title=(f.title) href=(f.href());
            }
        }
    }
}

/// The Mitdenken mark (a speech bubble with a light bulb, `static/icon.svg`, which follows
/// the light or dark scheme itself) as a CSS background: pages carry no `<svg>` or `<img>` of
/// their own, and the word "Mitdenken" beside it is text. `static/logo.svg` is the mark with
/// the wordmark, for use outside the pages.
fn logo() -> Markup {
    html! { span.logo aria-hidden="true" {} }
}

fn footer() -> Markup {
    html! {
        footer.site-footer {
            div.wrap.footer-grid {
                div {
                    div.footer-office {
                        (logo())
                        div {
                            strong { (t("footer-office")) }
                            p { (t("footer-about")) }
                        }
                    }
                    p.meta { (t("footer-privacy-note")) }
                }
                nav aria-label=(t("footer-label")) {
                    ul.footer-links {
                        li { a href="/transparenz" { (t("footer-transparency")) } }
                        li { a href="/organisations" { (t("footer-organisations")) } }
                        li { a href="/regeln" { (t("page-rules")) } }
                        li { a href="/impressum" { (t("page-impressum")) } }
                        li { a href="/datenschutz" { (t("page-privacy")) } }
                        li { a href="/barrierefreiheit" { (t("page-accessibility")) } }
                        li { a href="/leichte-sprache" lang="de" { "Leichte Sprache" } }
                        li { a href="/newsletter" { (t("newsletter-footer")) } }
                    }
                }
            }
        }
    }
}

/// Links to this page in the other languages, each named in its own language.
fn language_switch(path: &str) -> Markup {
    let current = i18n::current();
    html! {
        @for lang in Lang::ALL.into_iter().filter(|l| *l != current) {
            li {
                a href=(switch_url(path, lang)) hreflang=(lang.code()) lang=(lang.code()) {
                    @match lang { Lang::De => "Deutsch", Lang::En => "English" }
                }
            }
        }
    }
}

/// Which header link the page at `path` belongs to: "page" for the link's own address, "true"
/// for a page inside its section (an idea belongs to the themes), so the header shows where
/// one is, in words for screen readers too.
fn current(path: &str, href: &str) -> Option<&'static str> {
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let section = match href {
        "/" => path.starts_with("/themes/") || path.starts_with("/ideas/"),
        _ => path.starts_with(&format!("{href}/")),
    };
    if path == href {
        Some("page")
    } else if section {
        Some("true")
    } else {
        None
    }
}

/// The search in the header of every page: a plain GET form, no script needed.
fn search_field() -> Markup {
    html! {
        form.site-search role="search" method="get" action="/suche" {
            label for="site-search-q" { (t("search-label")) }
            input #site-search-q type="search" name="q" maxlength="200";
            button type="submit" { (t("search-submit")) }
        }
    }
}

/// The frame every page shares; `nav` holds the items of the main navigation.
fn shell(
    title: &str,
    feeds: &[Feed],
    nav: Markup,
    path: &str,
    flash: Option<&str>,
    body: Markup,
) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(i18n::current().code()) {
            (head(title, feeds))
            body {
                a.skip-link href="#main" { (t("skip-link")) }
                header.site-header {
                    div.wrap.header-bar {
                        a.brand href="/" {
                            (logo())
                            span.brand-text {
                                span.brand-name { (t("site-name")) }
                                span.visually-hidden { " – " }
                                span.brand-tagline { (t("site-tagline")) }
                            }
                        }
                        // A <details> menu: folded on small screens without any script,
                        // always shown on wide ones (the stylesheet hides its summary there).
                        details.menu {
                            summary { span.menu-icon aria-hidden="true" {} (t("nav-menu")) }
                            div.menu-panel {
                                nav aria-label=(t("nav-label")) {
                                    ul {
                                        li { a href="/" aria-current=[current(path, "/")] { (t("nav-themes")) } }
                                        li { a href="/workshops" aria-current=[current(path, "/workshops")] { (t("nav-workshops")) } }
                                        (nav)
                                        (language_switch(path))
                                    }
                                }
                                (search_field())
                            }
                        }
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
    page_with_feeds(ctx, title, &[], body)
}

/// A full page that offers Atom feeds (named in its head; `feed_links` shows them).
pub fn page_with_feeds(ctx: &Ctx, title: &str, feeds: &[Feed], body: Markup) -> Markup {
    let nav = html! {
        @if let Some(user) = &ctx.user {
            li {
                a href="/mine" aria-current=[current(&ctx.path, "/mine")] { (t("nav-mine")) }
            }
            li {
                a href="/benachrichtigungen" aria-current=[current(&ctx.path, "/benachrichtigungen")] {
                    (t("nav-inbox"))
                    @if user.unseen_notices > 0 { " (" (ta("nav-new-notices", &[("count", user.unseen_notices.into())])) ")" }
                }
            }
            li { a href="/account" aria-current=[current(&ctx.path, "/account")] { (ta("nav-account", &[("name", user.name.clone().into())])) } }
            @if user.role.is_admin() {
                li { a href="/admin/users" aria-current=[current(&ctx.path, "/admin/users")] { (t("nav-admin-users")) } }
            }
            @if user.role.can_moderate() {
                li { a href="/moderation" aria-current=[current(&ctx.path, "/moderation")] { (t("nav-moderation")) } }
                li { a href="/admin/newsletter" aria-current=[current(&ctx.path, "/admin/newsletter")] { (t("nav-newsletter")) } }
            }
            @if matches!(user.role, Role::Ministry | Role::Admin) {
                li { a href="/review" aria-current=[current(&ctx.path, "/review")] { (t("nav-review")) } }
            }
            li { (button_form("/logout", ctx.csrf(), &t("nav-logout"), "link-button")) }
        } @else {
            li { a href={ "/login?next=" (encode(&ctx.path)) } { (t("nav-login")) } }
            li { a href="/register" { (t("nav-register")) } }
        }
    };
    shell(title, feeds, nav, &ctx.path, ctx.flash.as_deref(), body)
}

/// Error pages are drawn without a session (the error may come from the session itself).
/// `reference` is the request id of a failure of ours, for the person to quote.
pub fn error_page(title: &str, text: &str, reference: Option<&str>) -> Markup {
    let body = html! {
        h1 { (title) }
        p { (text) }
        @if let Some(id) = reference {
            p { (ta("err-500-reference", &[("id", id.to_string().into())])) }
        }
        p { a href="/" { (t("to-home")) } }
    };
    shell(title, &[], html! {}, "/", None, body)
}

/// An error page with more below its text (the retry form of `web::retry`).
pub fn error_page_with(title: &str, text: &str, more: Markup) -> Markup {
    let body = html! {
        h1 { (title) }
        p { (text) }
        (more)
        p { a href="/" { (t("to-home")) } }
    };
    shell(title, &[], html! {}, "/", None, body)
}

/// The way back up: "Themen / Digitale Ethik /" as a navigation landmark.
pub fn breadcrumbs(items: &[(&str, &str)]) -> Markup {
    let items: Vec<_> = items.iter().map(|(h, l)| (*h, *l, None)).collect();
    breadcrumbs_lang(&items)
}

/// Breadcrumbs whose labels may be in another language than the page (a theme without an
/// English name on an English page): `(href, label, lang)`. The separators come from the
/// stylesheet, between items only, so the line never ends with one.
pub fn breadcrumbs_lang(items: &[(&str, &str, Option<&str>)]) -> Markup {
    html! {
        nav.breadcrumb aria-label=(t("breadcrumb-label")) {
            ol {
                @for (href, label, lang) in items { li { a href=(href) lang=[*lang] { (label) } } }
            }
        }
    }
}

/// "Es gelten unsere Netiquette und Nutzungsbedingungen." with the link to `/regeln`, for
/// the forms that publish something and the places that name a hiding reason.
pub fn rules_note() -> Markup {
    html! {
        (t("rules-note-before")) " " a href="/regeln" { (t("page-rules")) } (t("rules-note-after"))
    }
}

/// Pages showing a failed form say so in their title, the first thing a screen reader reads.
pub fn title_with_errors(title: &str, failed: bool) -> String {
    if failed {
        ta("title-error-prefix", &[("title", title.to_string().into())])
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
            nav.pager aria-label=(t("pager-label")) {
                @if page > 1 {
                    a rel="prev" href=(href(page - 1)) { (t("pager-prev")) }
                }
                span aria-current="page" { (ta("pager-position", &[("page", page.into()), ("pages", pages.into())])) }
                @if page < pages {
                    a rel="next" href=(href(page + 1)) { (t("pager-next")) }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::current;

    #[test]
    fn the_header_marks_the_page_and_its_section() {
        assert_eq!(current("/", "/"), Some("page"));
        assert_eq!(current("/?lang=en", "/"), Some("page"));
        assert_eq!(current("/ideas/4", "/"), Some("true"));
        assert_eq!(
            current("/themes/digitale-ethik?sort=trend", "/"),
            Some("true")
        );
        assert_eq!(current("/workshops/2", "/workshops"), Some("true"));
        assert_eq!(current("/workshops", "/workshops"), Some("page"));
        assert_eq!(current("/workshopsx", "/workshops"), None);
        assert_eq!(current("/moderation", "/"), None);
    }
}
