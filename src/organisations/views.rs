//! Pages of the organisations area.

use crate::db::organisations::{Contribution, OrgRow};
use crate::domain::{OrgDescription, OrgName, UserId};
use crate::web::datetime::{format_date, time_el};
use crate::web::forms::{button_form, csrf_field};
use crate::web::layout::{self, title_with_errors};
use crate::web::{Ctx, Field, FormErrors, markdown};
use maud::{Markup, html};

pub const CREATED: &str = "Die Organisation ist angelegt. Sobald die Moderation sie geprüft hat, erhält sie das Zeichen „verifiziert“ und Sie können für sie schreiben.";
pub const NAME_TAKEN: &str = "Eine Organisation mit diesem Namen gibt es schon.";
pub const NAME_UNUSABLE: &str = "Der Name muss Buchstaben oder Ziffern enthalten.";
pub const MEMBER_ADDED: &str = "Die Person gehört jetzt zur Organisation.";
pub const MEMBER_REMOVED: &str = "Die Person gehört nicht mehr zur Organisation.";
pub const MEMBER_UNKNOWN: &str =
    "Zu dieser E-Mail-Adresse gibt es kein Konto. Die Person muss sich zuerst registrieren.";
pub const VERIFIED: &str = "Die Organisation ist verifiziert.";
pub const UNVERIFIED: &str = "Die Verifizierung wurde zurückgenommen.";
pub const NOT_A_MEMBER: &str =
    "Sie können nur für verifizierte Organisationen schreiben, denen Sie angehören.";
pub const L_NAME: &str = "Name der Organisation";
pub const L_WEBSITE: &str = "Website";
pub const L_DESCRIPTION: &str = "Kurzbeschreibung";
pub const L_SPEAK_AS: &str = "Veröffentlichen als";

/// "Name ✓ verifiziert" with a link, as shown beside a person's name on cards.
pub fn org_badge(name: Option<&str>, slug: Option<&str>, verified: Option<i64>) -> Markup {
    html! {
        @if let (Some(name), Some(slug)) = (name, slug) {
            " für " a href={ "/organisations/" (slug) } { (name) }
            @if verified.is_some() { " " span.badge.verified { "verifiziert" } }
        }
    }
}

/// The "speak as" choice of the idea and comment forms, for members of verified organisations.
pub fn speak_as(orgs: &[OrgRow], chosen: &str, key: &str, errors: &FormErrors) -> Markup {
    let error = errors.get("as_org");
    html! {
        @if !orgs.is_empty() {
            div.field.has-error[error.is_some()] {
                label for={ "f-as-org-" (key) } { (L_SPEAK_AS) }
                @if let Some(e) = error { p.field-error { (e) } }
                select id={ "f-as-org-" (key) } name="as_org" {
                    option value="" { "mich selbst" }
                    @for o in orgs { option value=(o.slug) selected[o.slug == chosen] { "für " (o.name) } }
                }
            }
        }
    }
}

pub fn list(ctx: &Ctx, orgs: &[OrgRow]) -> Markup {
    layout::page(
        ctx,
        "Organisationen",
        html! {
            h1 { "Organisationen" }
            p { "Vereine, Initiativen und Stiftungen beteiligen sich hier mit eigenem Profil. Verifizierte Organisationen hat die Moderation geprüft; ihre Mitglieder können für sie schreiben." }
            @if ctx.user.is_some() { p { a.button href="/organisations/new" { "Organisation anlegen" } } }
            @if orgs.is_empty() { p { "Noch keine Organisationen." } }
            ul.plain-list {
                @for o in orgs {
                    li {
                        a href={ "/organisations/" (o.slug) } { (o.name) }
                        @if o.verified() { " " span.badge.verified { "verifiziert" } }
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
        &title_with_errors("Organisation anlegen", !errors.is_empty()),
        html! {
            h1 { "Organisation anlegen" }
            (errors.summary())
            form.stack method="post" action="/organisations" novalidate {
                (csrf_field(ctx.csrf()))
                (Field::text("name", L_NAME, &v.name).length(OrgName::MIN, OrgName::MAX).render(errors))
                (Field::text("website", L_WEBSITE, &v.website).optional().autocomplete("url").hint("Zum Beispiel https://www.beispiel.de").render(errors))
                (Field::textarea("description", L_DESCRIPTION, &v.description, 5).length(OrgDescription::MIN, OrgDescription::MAX).render(errors))
                button.primary type="submit" { "Anlegen" }
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
            h1 { (org.name) @if org.verified() { " " span.badge.verified { "verifiziert" } } }
            @if !org.verified() { p.notice { "Diese Organisation ist noch nicht von der Moderation verifiziert." } }
            @if !org.website.is_empty() { p { a href=(org.website) rel="nofollow noopener noreferrer" { (org.website) } } }
            div { (markdown::render(&org.description)) }
            p.meta { "Auf Mitdenken seit " (format_date(org.created_at)) }
            @if ctx.is_moderator() {
                div.actions {
                    @if org.verified() {
                        (button_form(&format!("/organisations/{}/unverify", org.slug), ctx.csrf(), "Verifizierung zurücknehmen", ""))
                    } @else {
                        (button_form(&format!("/organisations/{}/verify", org.slug), ctx.csrf(), "Organisation verifizieren", "primary"))
                    }
                }
            }
            section #mitglieder aria-labelledby="members-title" {
                h2 #members-title { "Mitglieder" }
                ul.plain-list {
                    @for (id, name) in members {
                        li {
                            a href={ "/users/" (id) } { (name) }
                            @if *id == org.owner_id { " (verantwortlich)" }
                            @if owner && *id != org.owner_id {
                                " " (button_form(&format!("/organisations/{}/members/{}/remove", org.slug, id), ctx.csrf(), "Entfernen", "link-button"))
                            }
                        }
                    }
                }
                @if owner {
                    form.search method="post" action={ "/organisations/" (org.slug) "/members" } {
                        (csrf_field(ctx.csrf()))
                        label for="member-email" { "Mitglied hinzufügen (E-Mail-Adresse des Kontos)" }
                        input #member-email type="email" name="email" required autocomplete="off";
                        button type="submit" { "Hinzufügen" }
                    }
                }
            }
            section aria-labelledby="contrib-title" {
                h2 #contrib-title { "Beiträge für die Organisation" }
                @if contributions.is_empty() { p { "Noch keine Beiträge." } }
                ul.plain-list {
                    @for c in contributions {
                        li {
                            @if let Some(cid) = c.comment_id {
                                "Kommentar zu " a href={ "/ideas/" (c.idea_id) "#comment-" (cid) } { (c.idea_title) }
                            } @else {
                                "Idee: " a href={ "/ideas/" (c.idea_id) } { (c.idea_title) }
                            }
                            span.meta { " – " (c.author_name) ", " (time_el(c.created_at)) }
                        }
                    }
                }
            }
        },
    )
}
