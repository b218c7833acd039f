//! The information pages and the accessibility feedback form.

use crate::i18n::{Lang, t};
use crate::web::datetime::time_el;
use crate::web::forms::csrf_field;
use crate::web::layout::{self, title_with_errors};
use crate::web::{Ctx, Field, FormErrors, markdown};
use maud::{Markup, html};

/// A page of text; `lang` marks content that is in another language than the interface.
pub fn info(ctx: &Ctx, title_key: &str, text: &str, lang: Option<Lang>) -> Markup {
    info_with(ctx, title_key, text, lang, html! {})
}

/// A page of text followed by generated content (the privacy page's retention periods).
pub fn info_with(
    ctx: &Ctx,
    title_key: &str,
    text: &str,
    lang: Option<Lang>,
    more: Markup,
) -> Markup {
    let title = t(title_key);
    layout::page(
        ctx,
        &title,
        html! {
            div.prose lang=[lang.map(Lang::code)] {
                h1 { (title) }
                (markdown::render_document(text))
                (more)
            }
        },
    )
}

#[derive(Default)]
pub struct FeedbackValues {
    pub message: String,
    pub contact: String,
    pub page: String,
}

pub fn accessibility(ctx: &Ctx, text: &str, v: &FeedbackValues, errors: &FormErrors) -> Markup {
    let title = t("page-accessibility");
    layout::page(
        ctx,
        &title_with_errors(&title, !errors.is_empty()),
        html! {
            div.prose {
                h1 { (title) }
                (markdown::render_document(text))
            }
            section #feedback aria-labelledby="feedback-title" {
                h2 #feedback-title { (t("feedback-title")) }
                p { (t("feedback-intro")) }
                (errors.summary())
                form.stack method="post" action="/barrierefreiheit" novalidate {
                    (csrf_field(ctx.csrf()))
                    (Field::textarea("message", "feedback-message", &v.message, 6).length(10, 5000).render(errors))
                    (Field::text("contact", "feedback-contact", &v.contact).optional().hint("feedback-contact-hint").autocomplete("email").render(errors))
                    (Field::text("page", "feedback-page", &v.page).optional().hint("feedback-page-hint").render(errors))
                    button.primary type="submit" { (t("feedback-send")) }
                }
            }
        },
    )
}

pub fn feedback_list(ctx: &Ctx, rows: &[(String, String, String, i64)]) -> Markup {
    let title = t("feedback-list-title");
    layout::page(
        ctx,
        &title,
        html! {
            h1 { (title) }
            @if rows.is_empty() { p { (t("feedback-list-empty")) } }
            @for (message, contact, page, at) in rows {
                article.feedback-item {
                    p.meta { (time_el(*at)) @if !page.is_empty() { " · " (page) } @if !contact.is_empty() { " · " (contact) } }
                    p { (message) }
                }
            }
        },
    )
}
