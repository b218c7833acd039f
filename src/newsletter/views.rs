//! Pages of the newsletter; texts in locales/*/mail.ftl.

use crate::db::newsletter::IssueRow;
use crate::i18n::{t, ta};
use crate::web::datetime::{format_date, time_el};
use crate::web::forms::csrf_field;
use crate::web::layout::{self, title_with_errors};
use crate::web::{Ctx, Field, FormErrors, markdown};
use maud::{Markup, html};

pub fn archive(ctx: &Ctx, issues: &[IssueRow], errors: &FormErrors) -> Markup {
    let title = t("newsletter-title");
    layout::page(
        ctx,
        &title_with_errors(&title, !errors.is_empty()),
        html! {
            h1 { (title) }
            p { (t("newsletter-intro")) }
            (errors.summary())
            form.stack method="post" action="/newsletter/abonnieren" novalidate {
                (csrf_field(ctx.csrf()))
                (Field::email("email", "acc-l-email", "").autocomplete("email").render(errors))
                button.primary type="submit" { (t("newsletter-subscribe")) }
            }
            section aria-labelledby="issues-title" {
                h2 #issues-title { (t("newsletter-archive")) }
                @if issues.is_empty() { p { (t("newsletter-none")) } }
                ul.plain-list {
                    @for i in issues {
                        li { a href={ "/newsletter/" (i.id) } { (i.subject) } span.meta { " – " (time_el(i.sent_at)) } }
                    }
                }
            }
        },
    )
}

pub fn issue(ctx: &Ctx, i: &IssueRow) -> Markup {
    layout::page(
        ctx,
        &i.subject,
        html! {
            p { a href="/newsletter" { (t("newsletter-archive")) } }
            article {
                h1 { (i.subject) }
                p.meta { (format_date(i.sent_at)) }
                (markdown::render(&i.body))
            }
        },
    )
}

pub fn message(ctx: &Ctx, title: &str, text: &str) -> Markup {
    layout::page(
        ctx,
        &t(title),
        html! {
            h1 { (t(title)) }
            p role="status" { (t(text)) }
            p { a href="/newsletter" { (t("newsletter-archive")) } }
        },
    )
}

pub fn unsubscribe(ctx: &Ctx, action: &str) -> Markup {
    let title = t("newsletter-unsubscribe-title");
    layout::page(
        ctx,
        &title,
        html! {
            h1 { (title) }
            p { (t("newsletter-unsubscribe-intro")) }
            form method="post" action=(action) {
                input type="hidden" name="List-Unsubscribe" value="One-Click";
                button.primary type="submit" { (t("unsubscribe-button")) }
            }
        },
    )
}

/// What the admin's form holds (again after a preview or an error).
#[derive(Default)]
pub struct Draft {
    pub subject: String,
    pub body: String,
}

pub fn admin(
    ctx: &Ctx,
    draft: &Draft,
    preview: bool,
    subscribers: i64,
    issues: &[IssueRow],
    errors: &FormErrors,
) -> Markup {
    let title = t("newsletter-admin-title");
    layout::page(
        ctx,
        &title_with_errors(&title, !errors.is_empty()),
        html! {
            h1 { (title) }
            p { (ta("newsletter-subscribers", &[("count", subscribers.into())])) }
            @if preview {
                section.preview aria-labelledby="preview-title" {
                    h2 #preview-title { (t("newsletter-preview")) }
                    h3 { (draft.subject) }
                    (markdown::render(&draft.body))
                }
            }
            (errors.summary())
            form.stack method="post" action="/admin/newsletter" novalidate {
                (csrf_field(ctx.csrf()))
                (Field::text("subject", "newsletter-l-subject", &draft.subject).length(3, 200).render(errors))
                (Field::textarea("body", "newsletter-l-body", &draft.body, 12).hint("newsletter-body-hint").render(errors))
                div.actions {
                    button type="submit" name="action" value="preview" { (t("newsletter-preview")) }
                    " "
                    button.primary type="submit" name="action" value="send" { (ta("newsletter-send", &[("count", subscribers.into())])) }
                }
            }
            section aria-labelledby="past-title" {
                h2 #past-title { (t("newsletter-past")) }
                @if issues.is_empty() { p { (t("newsletter-none")) } }
                ul.plain-list {
                    @for i in issues {
                        li {
                            a href={ "/newsletter/" (i.id) } { (i.subject) }
                            span.meta { " – " (time_el(i.sent_at)) " · " (ta("newsletter-sent-to", &[("count", i.recipients.into())])) }
                        }
                    }
                }
            }
        },
    )
}
