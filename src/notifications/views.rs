//! Pages and partials of the notifications area; texts in locales/*/mail.ftl.

use crate::db::notifications::{InboxRow, Target};
use crate::domain::mail::{Delivery, NoticeKind};
use crate::domain::moderation::is_hiding_notice;
use crate::i18n::{render, t, ta};
use crate::web::Ctx;
use crate::web::datetime::time_el;
use crate::web::forms::{button_form, csrf_field};
use crate::web::layout::{self, pager};
use maud::{Markup, html};

/// "Folgen" / "Nicht mehr folgen" on an idea, theme or workshop page; `back` is the page.
pub fn follow_button(ctx: &Ctx, target: Target, following: bool, back: &str) -> Markup {
    if ctx.user.is_none() {
        return html! {};
    }
    let (action, label) = if following {
        ("/entfolgen", t("follow-stop"))
    } else {
        ("/folgen", t("follow-start"))
    };
    html! {
        form.inline.follow method="post" action=(action) {
            (csrf_field(ctx.csrf()))
            input type="hidden" name="kind" value=(target.kind());
            input type="hidden" name="id" value=(target.id());
            input type="hidden" name="back" value=(back);
            button type="submit" { (label) }
        }
    }
}

/// The box under a comment form: ticked, the writer follows the idea.
pub fn follow_checkbox(key: &str) -> Markup {
    let id = format!("follow-{key}");
    html! {
        div.checkbox {
            input type="checkbox" name="follow" value="1" id=(id) checked;
            label for=(id) { (t("follow-on-comment")) }
        }
    }
}

pub struct InboxPage<'a> {
    pub items: &'a [InboxRow],
    pub page: i64,
    pub pages: i64,
    pub unread: i64,
}

pub fn inbox(ctx: &Ctx, p: &InboxPage) -> Markup {
    let title = t("inbox-title");
    layout::page(
        ctx,
        &title,
        html! {
            h1 { (title) }
            p {
                (ta("inbox-unread", &[("count", p.unread.into())])) " "
                a href="/benachrichtigungen/einstellungen" { (t("inbox-settings-link")) }
            }
            @if p.unread > 0 {
                (button_form("/benachrichtigungen/gelesen", ctx.csrf(), &t("inbox-all-read"), ""))
            }
            @if p.items.is_empty() { p { (t("inbox-empty")) } }
            ul.plain-list.notices {
                @for n in p.items {
                    li.unseen[n.seen_at.is_none()] {
                        @if n.seen_at.is_none() { strong { (t("mine-new")) " " } }
                        (render(&n.message)) " "
                        @if is_hiding_notice(&n.message.key) { (layout::rules_note()) " " }
                        @if let Some(id) = n.idea_id { a href={ "/ideas/" (id) } { (t("mine-to-idea")) } }
                        span.meta { " – " (time_el(n.created_at)) }
                        @if n.seen_at.is_none() {
                            " "
                            form.inline method="post" action={ "/benachrichtigungen/" (n.id) "/gelesen" } {
                                (csrf_field(ctx.csrf()))
                                button type="submit" {
                                    (t("inbox-read"))
                                    span.visually-hidden { ": " (render(&n.message)) }
                                }
                            }
                        }
                    }
                }
            }
            (pager(p.page, p.pages, |n| format!("/benachrichtigungen?page={n}")))
        },
    )
}

pub fn settings(ctx: &Ctx, current: &[(NoticeKind, Delivery)]) -> Markup {
    let title = t("notify-settings-title");
    layout::page(
        ctx,
        &title,
        html! {
            h1 { (title) }
            p { (t("notify-settings-intro")) }
            form.stack method="post" action="/benachrichtigungen/einstellungen" {
                (csrf_field(ctx.csrf()))
                @for (kind, mode) in current {
                    fieldset {
                        legend { (t(kind.label_key())) }
                        @for d in Delivery::ALL {
                            @let id = format!("{}-{}", kind.as_str(), d.as_str());
                            div.radio {
                                input type="radio" name=(kind.as_str()) value=(d.as_str()) id=(id) checked[*mode == d];
                                label for=(id) { (t(d.label_key())) }
                            }
                        }
                    }
                }
                button.primary type="submit" { (t("notify-settings-save")) }
            }
            p { a href="/benachrichtigungen" { (t("inbox-title")) } }
        },
    )
}

/// The page an unsubscribe link opens: one button (opening a link changes nothing, so mail
/// scanners that follow links do not unsubscribe anyone).
pub fn unsubscribe(ctx: &Ctx, action: &str, done: bool) -> Markup {
    let title = t("unsubscribe-title");
    layout::page(
        ctx,
        &title,
        html! {
            h1 { (title) }
            @if done {
                p role="status" { (t("unsubscribe-done")) }
                @if ctx.user.is_some() {
                    p { a href="/benachrichtigungen/einstellungen" { (t("inbox-settings-link")) } }
                }
            } @else {
                p { (t("unsubscribe-intro")) }
                form method="post" action=(action) {
                    input type="hidden" name="List-Unsubscribe" value="One-Click";
                    button.primary type="submit" { (t("unsubscribe-button")) }
                }
            }
        },
    )
}
