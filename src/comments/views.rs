//! The discussion under an idea, and the comment edit and delete pages.

use crate::accounts::views::role_badge;
use crate::db::comments::CommentRow;
use crate::db::ideas::IdeaDetail;
use crate::db::organisations::OrgRow;
use crate::domain::{CommentBody, CommentId};
use crate::i18n::{t, ta};
use crate::ideas::views::BLOCKED_REASON;
use crate::moderation::hiding::{hide_form, public_reason};
use crate::organisations::views::{org_badge, speak_as};
use crate::web::datetime::time_el;
use crate::web::forms::{button_form, csrf_field};
use crate::web::layout::{self, encode};
use crate::web::markdown::{self, Links};
use crate::web::{Ctx, Field, FormErrors};
use maud::{Markup, html};

pub const COMMENT_ADDED: &str = "comment-added";
pub const COMMENT_SAVED: &str = "comment-saved";
pub const COMMENT_DELETED: &str = "comment-deleted";
pub const PARENT_MISSING: &str = "comment-parent-missing";
/// Forms that did not receive the failed submission show no errors.
static NO_ERRORS: std::sync::LazyLock<FormErrors> = std::sync::LazyLock::new(FormErrors::default);
pub const L_COMMENT: &str = "comment-l-comment";
const BODY_HINT: &str = "comment-hint";

/// A comment that failed validation, shown again in the form it came from.
#[derive(Default)]
pub struct CommentDraft {
    pub body: String,
    /// The comment it answers (its reply form is opened), or None for a new thread.
    pub parent: Option<CommentId>,
    pub errors: FormErrors,
    /// The organisation it was to be posted for.
    pub as_org: String,
}

/// The field key of the reply form under comment `id`, unique on the page.
pub fn reply_key(id: CommentId) -> String {
    format!("reply-{id}")
}

/// `new_account_secs`: how long after registering an author's links are marked `ugc`.
fn comment(
    ctx: &Ctx,
    c: &CommentRow,
    idea_open: bool,
    draft: &CommentDraft,
    orgs: &[OrgRow],
    new_account_secs: i64,
) -> Markup {
    let links = Links::of_post(c.first_post(new_account_secs));
    let can_act = ctx.user.as_ref().is_some_and(|u| !u.blocked);
    let mine = ctx.user_id() == Some(c.author_id) && c.deleted_at.is_none();
    html! {
        article.comment id={ "comment-" (c.id) } {
            @if c.deleted_at.is_some() {
                p.deleted { (t("comment-gone")) }
            } @else {
                p.meta {
                    a href={ "/users/" (c.author_id) } { (c.author_name) } (role_badge(c.author_role))
                    (org_badge(c.org_name.as_deref(), c.org_slug.as_deref(), c.org_verified))
                    " · " (time_el(c.created_at))
                    @if let Some(e) = c.edited_at { " · " (t("edited-on")) " " (time_el(e)) }
                }
                @if c.hidden() {
                    p.hidden-notice { (t("hidden-by-moderation")) " "
                        @if c.hidden_at.is_none() { (t(BLOCKED_REASON)) } @else { (public_reason(c.hidden_reason.as_deref().unwrap_or(""))) } " " (layout::rules_note()) }
                    @if ctx.is_moderator() {
                        div.moderator-view {
                            p.meta { (t("moderator-only")) }
                            div.comment-body { (markdown::render_post(&c.body, links)) }
                            @if c.hidden_at.is_some() {
                                (button_form(&format!("/moderation/comments/{}/unhide", c.id), ctx.csrf(), &t("mod-show-again"), ""))
                            }
                        }
                    }
                } @else {
                    div.comment-body { (markdown::render_post(&c.body, links)) }
                    p.comment-actions {
                        @if mine && idea_open && can_act {
                            a href={ "/comments/" (c.id) "/edit" } { (t("comment-edit-link")) span.visually-hidden { " " (ta("comment-of", &[("name", c.author_name.clone().into())])) } }
                            " · "
                            a href={ "/comments/" (c.id) "/delete" } { (t("comment-delete-link")) span.visually-hidden { " " (ta("comment-of", &[("name", c.author_name.clone().into())])) } }
                        }
                        @if !mine && can_act {
                            a href={ "/comments/" (c.id) "/report" } { (t("comment-report-link")) span.visually-hidden { " " (ta("comment-of", &[("name", c.author_name.clone().into())])) } }
                        }
                    }
                    @if ctx.is_moderator() {
                        (hide_form(ctx, &format!("/moderation/comments/{}/hide", c.id), &format!("c{}", c.id)))
                    }
                }
            }
            @if c.parent_id.is_none() && c.deleted_at.is_none() && !c.hidden() && idea_open && can_act {
                @let open = draft.parent == Some(c.id);
                @let key = reply_key(c.id);
                details.reply open[open] {
                    summary { (t("comment-reply")) span.visually-hidden { " " (ta("comment-reply-to", &[("name", c.author_name.clone().into())])) } }
                    (if open { draft.errors.summary() } else { html! {} })
                    form.stack method="post" action={ "/ideas/" (c.idea_id) "/comments" } novalidate {
                        (csrf_field(ctx.csrf()))
                        input type="hidden" name="parent_id" value=(c.id);
                        (speak_as(orgs, if open { &draft.as_org } else { "" }, &key, if open { &draft.errors } else { &NO_ERRORS }))
                        (Field::textarea("body", "comment-l-reply", if open { &draft.body } else { "" }, 4)
                            .key(key).hint(BODY_HINT).length(CommentBody::MIN, CommentBody::MAX)
                            .render(if open { &draft.errors } else { &NO_ERRORS }))
                        (crate::notifications::views::follow_checkbox(&reply_key(c.id)))
                        button type="submit" { (t("comment-send-reply")) }
                    }
                }
            }
        }
    }
}

pub fn comments_section(
    ctx: &Ctx,
    idea: &IdeaDetail,
    comments: &[CommentRow],
    draft: &CommentDraft,
    orgs: &[OrgRow],
    new_account_secs: i64,
) -> Markup {
    let idea_open = !idea.closed() && !idea.hidden();
    let can_act = ctx.user.as_ref().is_some_and(|u| !u.blocked);
    let replies_of = |id: CommentId| comments.iter().filter(move |c| c.parent_id == Some(id));
    let new_thread_open = draft.parent.is_none();
    html! {
        section.comments #kommentare aria-labelledby="comments-title" {
            h2 #comments-title { (ta("comments-count", &[("count", idea.comment_count.into())])) }
            @if comments.is_empty() {
                p { (t("comments-none")) }
            }
            ol.threads {
                @for c in comments.iter().filter(|c| c.parent_id.is_none()) {
                    // A deleted comment stays only as a placeholder that holds its replies.
                    @let replies: Vec<&CommentRow> = replies_of(c.id).filter(|r| r.deleted_at.is_none()).collect();
                    @if c.deleted_at.is_none() || !replies.is_empty() {
                        li {
                            (comment(ctx, c, idea_open, draft, orgs, new_account_secs))
                            @if !replies.is_empty() {
                                ol.replies aria-label=(ta("comment-replies-to", &[("name", c.author_name.clone().into())])) {
                                    @for r in replies { li { (comment(ctx, r, idea_open, draft, orgs, new_account_secs)) } }
                                }
                            }
                        }
                    }
                }
            }
            @if idea_open {
                @if ctx.user.is_some() && !can_act {
                    p { (t("comment-blocked")) }
                } @else if ctx.user.is_some() {
                    h3 #neuer-kommentar { (t("comment-write")) }
                    (if new_thread_open { draft.errors.summary() } else { html! {} })
                    form.stack method="post" action={ "/ideas/" (idea.id) "/comments" } novalidate {
                        (csrf_field(ctx.csrf()))
                        (speak_as(orgs, if new_thread_open { &draft.as_org } else { "" }, "new", if new_thread_open { &draft.errors } else { &NO_ERRORS }))
                        (Field::textarea("body", L_COMMENT, if new_thread_open { &draft.body } else { "" }, 5)
                            .hint(BODY_HINT).length(CommentBody::MIN, CommentBody::MAX)
                            .render(if new_thread_open { &draft.errors } else { &NO_ERRORS }))
                        (crate::notifications::views::follow_checkbox("new"))
                        p.hint { (layout::rules_note()) }
                        button.primary type="submit" { (t("comment-publish")) }
                    }
                } @else {
                    p { a href={ "/login?next=" (encode(&format!("/ideas/{}#kommentare", idea.id))) } { (t("comment-login")) } }
                }
            }
        }
    }
}

pub fn edit(ctx: &Ctx, c: &CommentRow, body: &str, errors: &FormErrors) -> Markup {
    layout::page(
        ctx,
        &layout::title_with_errors(&t("comment-edit"), !errors.is_empty()),
        html! {
            h1 { (t("comment-edit")) }
            (errors.summary())
            form.stack method="post" action={ "/comments/" (c.id) "/edit" } novalidate {
                (csrf_field(ctx.csrf()))
                (Field::textarea("body", L_COMMENT, body, 6).hint(BODY_HINT)
                    .length(CommentBody::MIN, CommentBody::MAX).render(errors))
                button.primary type="submit" { (t("save-changes")) }
                " " a href={ "/ideas/" (c.idea_id) "#comment-" (c.id) } { (t("cancel")) }
            }
        },
    )
}

pub fn delete_confirm(ctx: &Ctx, c: &CommentRow) -> Markup {
    layout::page(
        ctx,
        &t("comment-delete"),
        html! {
            h1 { (t("comment-delete")) }
            p { (t("comment-delete-question")) }
            blockquote { (markdown::render(&c.body)) }
            div.actions {
                (button_form(&format!("/comments/{}/delete", c.id), ctx.csrf(), &t("comment-delete-yes"), "danger"))
                a href={ "/ideas/" (c.idea_id) "#comment-" (c.id) } { (t("comment-delete-no")) }
            }
        },
    )
}
