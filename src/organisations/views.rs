//! Pages of the organisations area.

use crate::db::organisations::{Contribution, Invitation, OrgRow};
use crate::domain::{OrgDescription, OrgName, UserId};
use crate::i18n::{t, ta};
use crate::web::datetime::{format_date, time_el};
use crate::web::forms::{button_form, csrf_field};
use crate::web::layout::{self, title_with_errors};
use crate::web::{Ctx, Field, FormErrors, markdown};
use maud::{Markup, html};

pub const CREATED: &str = "org-created";
pub const NAME_TAKEN: &str = "org-name-taken";
pub const NAME_UNUSABLE: &str = "org-name-unusable";
pub const INVITED: &str = "org-invited";
pub const INVITE_EMAIL_MISSING: &str = "org-invite-email-missing";
pub const JOINED: &str = "org-joined";
pub const DECLINED: &str = "org-declined";
pub const INVITATION_GONE: &str = "org-invitation-gone";
pub const MEMBER_REMOVED: &str = "org-member-removed";
pub const VERIFIED: &str = "org-verified";
pub const UNVERIFIED: &str = "org-unverified";
pub const NOT_A_MEMBER: &str = "org-not-member";
pub const L_NAME: &str = "org-l-name";
pub const L_WEBSITE: &str = "org-l-website";
pub const L_DESCRIPTION: &str = "org-l-description";
pub const L_SPEAK_AS: &str = "org-l-speak-as";

/// "Name ✓ verifiziert" with a link, as shown beside a person's name on cards.
pub fn org_badge(name: Option<&str>, slug: Option<&str>, verified: Option<i64>) -> Markup {
    html! {
        @if let (Some(name), Some(slug)) = (name, slug) {
            " " (t("org-for")) " " a href={ "/organisations/" (slug) } { (name) }
            @if verified.is_some() { " " span.badge.verified { (t("org-verified-badge")) } }
        }
    }
}

/// The "speak as" choice of the idea and comment forms, for members of verified organisations.
pub fn speak_as(orgs: &[OrgRow], chosen: &str, key: &str, errors: &FormErrors) -> Markup {
    let error = errors.get("as_org");
    html! {
        @if !orgs.is_empty() {
            div.field.has-error[error.is_some()] {
                label for={ "f-as-org-" (key) } { (t(L_SPEAK_AS)) }
                @if let Some(e) = error { p.field-error { (e) } }
                select id={ "f-as-org-" (key) } name="as_org" {
                    option value="" { (t("org-myself")) }
                    @for o in orgs { option value=(o.slug) selected[o.slug == chosen] { (t("org-for")) " " (o.name) } }
                }
            }
        }
    }
}

/// The open invitations on the invited person's account page, each with accept and decline.
pub fn invitations(ctx: &Ctx, invitations: &[Invitation]) -> Markup {
    html! {
        @if !invitations.is_empty() {
            section #einladungen aria-labelledby="invitations-title" {
                h2 #invitations-title { (t("org-invitations")) }
                ul.plain-list {
                    @for i in invitations {
                        li {
                            (ta("org-invitation-from", &[("name", i.invited_by.clone().into())])) " "
                            a href={ "/organisations/" (i.slug) } { (i.name) }
                            @if i.verified_at.is_some() { " " span.badge.verified { (t("org-verified-badge")) } }
                            span.meta { " – " (time_el(i.created_at)) }
                            div.actions {
                                (button_form(&format!("/organisations/{}/invitation/accept", i.slug), ctx.csrf(), &t("org-accept"), "primary"))
                                (button_form(&format!("/organisations/{}/invitation/decline", i.slug), ctx.csrf(), &t("org-decline"), ""))
                            }
                        }
                    }
                }
            }
        }
    }
}

pub fn list(ctx: &Ctx, orgs: &[OrgRow]) -> Markup {
    layout::page(
        ctx,
        &t("footer-organisations"),
        html! {
            h1 { (t("footer-organisations")) }
            p { (t("org-intro")) }
            @if ctx.user.is_some() { p { a.button href="/organisations/new" { (t("org-create")) } } }
            @if orgs.is_empty() { p { (t("org-none")) } }
            ul.plain-list {
                @for o in orgs {
                    li {
                        a href={ "/organisations/" (o.slug) } { (o.name) }
                        @if o.verified() { " " span.badge.verified { (t("org-verified-badge")) } }
                    }
                }
            }
        },
    )
}

#[derive(Default)]
pub struct OrgValues {
    pub name: String,
    pub website: String,
    pub description: String,
}

pub fn form(ctx: &Ctx, v: &OrgValues, errors: &FormErrors) -> Markup {
    layout::page(
        ctx,
        &title_with_errors(&t("org-create"), !errors.is_empty()),
        html! {
            h1 { (t("org-create")) }
            (errors.summary())
            form.stack method="post" action="/organisations" novalidate {
                (csrf_field(ctx.csrf()))
                (Field::text("name", L_NAME, &v.name).length(OrgName::MIN, OrgName::MAX).render(errors))
                (Field::text("website", L_WEBSITE, &v.website).optional().autocomplete("url").hint("org-website-hint").render(errors))
                (Field::textarea("description", L_DESCRIPTION, &v.description, 5).length(OrgDescription::MIN, OrgDescription::MAX).render(errors))
                button.primary type="submit" { (t("org-create-button")) }
            }
        },
    )
}

pub fn show(
    ctx: &Ctx,
    org: &OrgRow,
    members: &[(UserId, String)],
    contributions: &[Contribution],
) -> Markup {
    let owner = ctx.user_id() == Some(org.owner_id);
    layout::page(
        ctx,
        &org.name,
        html! {
            h1 { (org.name) @if org.verified() { " " span.badge.verified { (t("org-verified-badge")) } } }
            @if !org.verified() { p.notice { (t("org-not-verified")) } }
            @if !org.website.is_empty() { p { a href=(org.website) rel="nofollow noopener noreferrer" { (org.website) } } }
            div { (markdown::render(&org.description)) }
            p.meta { (ta("org-since", &[("date", format_date(org.created_at).into())])) }
            @if ctx.is_moderator() {
                div.actions {
                    @if org.verified() {
                        (button_form(&format!("/organisations/{}/unverify", org.slug), ctx.csrf(), &t("org-unverify"), ""))
                    } @else {
                        (button_form(&format!("/organisations/{}/verify", org.slug), ctx.csrf(), &t("org-verify"), "primary"))
                    }
                }
            }
            section #mitglieder aria-labelledby="members-title" {
                h2 #members-title { (t("org-members")) }
                ul.plain-list {
                    @for (id, name) in members {
                        li {
                            a href={ "/users/" (id) } { (name) }
                            @if *id == org.owner_id { " (" (t("org-owner")) ")" }
                            @if owner && *id != org.owner_id {
                                " " (button_form(&format!("/organisations/{}/members/{}/remove", org.slug, id), ctx.csrf(), &t("org-remove"), "link-button"))
                            }
                        }
                    }
                }
                @if owner {
                    form.search method="post" action={ "/organisations/" (org.slug) "/members" } {
                        (csrf_field(ctx.csrf()))
                        label for="member-email" { (t("org-invite-member")) }
                        input #member-email type="email" name="email" required autocomplete="off";
                        button type="submit" { (t("org-invite")) }
                    }
                    p.meta { (t("org-invite-hint")) }
                }
            }
            section aria-labelledby="contrib-title" {
                h2 #contrib-title { (t("org-contributions")) }
                @if contributions.is_empty() { p { (t("org-no-contributions")) } }
                ul.plain-list {
                    @for c in contributions {
                        li {
                            @if let Some(cid) = c.comment_id {
                                (t("org-comment-on")) " " a href={ "/ideas/" (c.idea_id) "#comment-" (cid) } { (c.idea_title) }
                            } @else {
                                (t("org-idea")) " " a href={ "/ideas/" (c.idea_id) } { (c.idea_title) }
                            }
                            span.meta { " – " (c.author_name) ", " (time_el(c.created_at)) }
                        }
                    }
                }
            }
        },
    )
}
