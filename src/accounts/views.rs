//! Pages of the accounts area; every German text of these pages lives here.

use crate::db::comments::AuthoredComment;
use crate::db::curation::NoticeRow;
use crate::db::ideas::AuthoredIdea;
use crate::db::users::{UserListRow, UserRow};
use crate::domain::{DisplayName, NewPassword, Role};
use crate::web::datetime::{format_date, time_el};
use crate::web::forms::{button_form, csrf_field};
use crate::web::layout::{self, encode, pager, title_with_errors};
use crate::web::{Ctx, Field, FormErrors};
use maud::{Markup, html};

pub const WELCOME: &str =
    "Willkommen bei Mitdenken! Ihr Konto ist angelegt und Sie sind angemeldet.";
pub const LOGGED_IN: &str = "Sie sind angemeldet.";
pub const NAME_CHANGED: &str = "Ihr Anzeigename wurde geändert.";
pub const PASSWORD_CHANGED: &str = "Ihr Passwort wurde geändert.";
pub const ROLE_CHANGED: &str = "Die Rolle wurde geändert.";
pub const LAST_ADMIN: &str = "Die letzte Administratorin oder der letzte Administrator kann die Rolle nicht abgeben. Ernennen Sie zuerst eine weitere Person.";
pub const EMAIL_TAKEN: &str =
    "Für diese E-Mail-Adresse gibt es bereits ein Konto. Möchten Sie sich anmelden?";
pub const PASSWORDS_DIFFER: &str = "Die beiden Passwörter stimmen nicht überein.";
pub const LOGIN_FAILED: &str = "E-Mail-Adresse oder Passwort sind nicht richtig.";
pub const PASSWORD_MISSING: &str = "Bitte geben Sie Ihr Passwort an.";
pub const EMAIL_MISSING: &str = "Bitte geben Sie Ihre E-Mail-Adresse an.";
pub const L_NAME: &str = "Anzeigename";
pub const L_EMAIL: &str = "E-Mail-Adresse";
pub const L_PASSWORD: &str = "Passwort";
pub const L_PASSWORD_CONFIRM: &str = "Passwort wiederholen";
pub const L_CURRENT_PASSWORD: &str = "Aktuelles Passwort";
pub const L_NEW_PASSWORD: &str = "Neues Passwort";
pub const L_NEW_PASSWORD_CONFIRM: &str = "Neues Passwort wiederholen";
pub const CURRENT_PASSWORD_WRONG: &str = "Das aktuelle Passwort ist nicht richtig.";

pub fn role_label(role: Role) -> &'static str {
    match role {
        Role::Participant => "Teilnehmende",
        Role::Moderator => "Moderation",
        Role::Ministry => "Ministerium",
        Role::Admin => "Administration",
    }
}

/// Staff roles beside a name, so nobody can pass as the ministry by choosing a display name.
pub fn role_badge(role: &str) -> Markup {
    html! {
        @match Role::parse(role) {
            Some(Role::Participant) | None => {},
            Some(r) => { " " span.badge.role { (role_label(r)) } },
        }
    }
}

#[derive(Default)]
pub struct RegisterValues {
    pub display_name: String,
    pub email: String,
    pub next: String,
}

pub fn register(ctx: &Ctx, v: &RegisterValues, errors: &FormErrors) -> Markup {
    let hint = format!(
        "Mindestens {} Zeichen. Ein Satz aus mehreren Wörtern ist leicht zu merken und schwer zu erraten.",
        NewPassword::MIN
    );
    layout::page(
        ctx,
        &title_with_errors("Registrieren", !errors.is_empty()),
        html! {
            h1 { "Registrieren" }
            p { "Mit einem Konto können Sie Ideen einreichen, kommentieren und unterstützen. Wir speichern nur Ihren Anzeigenamen, Ihre E-Mail-Adresse und Ihr Passwort – dieses nur als nicht umkehrbarer Hash." }
            (errors.summary())
            form.stack method="post" action="/register" novalidate {
                (csrf_field(ctx.csrf()))
                input type="hidden" name="next" value=(v.next);
                (Field::text("display_name", L_NAME, &v.display_name)
                    .hint("Wird öffentlich bei Ihren Beiträgen gezeigt. Sie können auch ein Pseudonym wählen.")
                    .length(2, DisplayName::MAX).autocomplete("nickname").render(errors))
                (Field::email("email", L_EMAIL, &v.email)
                    .hint("Wird nicht veröffentlicht.").render(errors))
                (Field::password("password", L_PASSWORD).hint(&hint).autocomplete("new-password").render(errors))
                (Field::password("password_confirm", L_PASSWORD_CONFIRM).autocomplete("new-password").render(errors))
                button.primary type="submit" { "Konto anlegen" }
            }
            p { "Sie haben schon ein Konto? " a href="/login" { "Zur Anmeldung" } }
        },
    )
}

pub fn login(ctx: &Ctx, email: &str, next: &str, logged_out: bool, errors: &FormErrors) -> Markup {
    layout::page(
        ctx,
        &title_with_errors("Anmelden", !errors.is_empty()),
        html! {
            h1 { "Anmelden" }
            @if logged_out {
                p.notice role="status" { "Sie wurden abgemeldet." }
            }
            (errors.summary())
            form.stack method="post" action="/login" novalidate {
                (csrf_field(ctx.csrf()))
                input type="hidden" name="next" value=(next);
                (Field::email("email", L_EMAIL, email).autocomplete("username").render(errors))
                (Field::password("password", L_PASSWORD).autocomplete("current-password").render(errors))
                button.primary type="submit" { "Anmelden" }
            }
            p { "Noch kein Konto? " a href={ "/register?next=" (encode(next)) } { "Jetzt registrieren" } }
        },
    )
}

pub struct AccountForms<'a> {
    pub display_name: &'a str,
    pub name_errors: FormErrors,
    pub password_errors: FormErrors,
}

pub fn account(ctx: &Ctx, user: &UserRow, f: &AccountForms) -> Markup {
    let failed = !f.name_errors.is_empty() || !f.password_errors.is_empty();
    layout::page(
        ctx,
        &title_with_errors("Mein Konto", failed),
        html! {
            h1 { "Mein Konto" }
            dl.facts {
                dt { "E-Mail-Adresse" } dd { (user.email) }
                dt { "Rolle" } dd { (role_label(user.role())) }
                dt { "Dabei seit" } dd { (format_date(user.created_at)) }
            }
            p { a href={ "/users/" (user.id) } { "Mein öffentliches Profil und meine Beiträge" } }
            section aria-labelledby="name-title" {
                h2 #name-title { "Anzeigename ändern" }
                (f.name_errors.summary())
                form.stack method="post" action="/account/name" novalidate {
                    (csrf_field(ctx.csrf()))
                    (Field::text("display_name", L_NAME, f.display_name)
                        .length(2, DisplayName::MAX).autocomplete("nickname").render(&f.name_errors))
                    button.primary type="submit" { "Namen speichern" }
                }
            }
            section aria-labelledby="password-title" {
                h2 #password-title { "Passwort ändern" }
                (f.password_errors.summary())
                form.stack method="post" action="/account/password" novalidate {
                    (csrf_field(ctx.csrf()))
                    (Field::password("current_password", L_CURRENT_PASSWORD).autocomplete("current-password").render(&f.password_errors))
                    (Field::password("new_password", L_NEW_PASSWORD).hint("Mindestens 10 Zeichen.").autocomplete("new-password").render(&f.password_errors))
                    (Field::password("new_password_confirm", L_NEW_PASSWORD_CONFIRM).autocomplete("new-password").render(&f.password_errors))
                    button.primary type="submit" { "Passwort speichern" }
                }
            }
        },
    )
}

pub fn profile(
    ctx: &Ctx,
    user: &UserRow,
    ideas: &[AuthoredIdea],
    comments: &[AuthoredComment],
    (idea_total, comment_total): (i64, i64),
) -> Markup {
    let title = format!("Profil von {}", user.display_name);
    layout::page(
        ctx,
        &title,
        html! {
            h1 { (title) }
            p {
                "Dabei seit " (format_date(user.created_at)) "."
                @if user.role() != Role::Participant {
                    " " span.badge { (role_label(user.role())) }
                }
            }
            @if user.blocked_at.is_some() {
                p.notice { "Dieses Konto ist von der Moderation gesperrt; seine Beiträge sind ausgeblendet." }
            }
            @if ctx.is_moderator() && ctx.user_id() != Some(user.id) && user.role() != Role::Admin {
                section #moderation aria-labelledby="block-title" {
                    h2 #block-title { "Moderation" }
                    @if user.blocked_at.is_some() {
                        p { "Grund der Sperre: " (user.blocked_reason.as_deref().unwrap_or("")) }
                        (button_form(&format!("/moderation/users/{}/unblock", user.id), ctx.csrf(), "Sperre aufheben", ""))
                    } @else {
                        form.stack method="post" action={ "/moderation/users/" (user.id) "/block" } {
                            (csrf_field(ctx.csrf()))
                            div.field {
                                label for="block-note" { "Öffentliche Begründung der Sperre" }
                                textarea #block-note name="note" rows="2" required maxlength="1000" {}
                            }
                            button.danger type="submit" { "Person sperren" }
                        }
                    }
                }
            }
            section aria-labelledby="ideas-title" {
                h2 #ideas-title { "Ideen (" (idea_total) ")" }
                @if idea_total > ideas.len() as i64 { p.meta { "Die neuesten " (ideas.len()) " Ideen:" } }
                @if ideas.is_empty() {
                    p { "Noch keine Ideen." }
                } @else {
                    ul.plain-list {
                        @for i in ideas {
                            li {
                                a href={ "/ideas/" (i.id) } { (i.title) }
                                span.meta {
                                    " – " (i.theme_name) ", " (time_el(i.created_at))
                                    ", " (i.support_count) " Unterstützungen, " (i.comment_count) " Kommentare"
                                    @if i.status == "withdrawn" { " – zurückgezogen" }
                                }
                            }
                        }
                    }
                }
            }
            section aria-labelledby="comments-title" {
                h2 #comments-title { "Kommentare (" (comment_total) ")" }
                @if comment_total > comments.len() as i64 { p.meta { "Die neuesten " (comments.len()) " Kommentare:" } }
                @if comments.is_empty() {
                    p { "Noch keine Kommentare." }
                } @else {
                    ul.plain-list {
                        @for c in comments {
                            li {
                                "Zu " a href={ "/ideas/" (c.idea_id) "#comment-" (c.id) } { (c.idea_title) }
                                span.meta { " – " (time_el(c.created_at)) }
                                blockquote { (excerpt(&c.body, 200)) }
                            }
                        }
                    }
                }
            }
        },
    )
}

pub fn mine(ctx: &Ctx, notices: &[NoticeRow], ideas: &[AuthoredIdea]) -> Markup {
    layout::page(
        ctx,
        "Meine Beiträge",
        html! {
            h1 { "Meine Beiträge" }
            section aria-labelledby="notices-title" {
                h2 #notices-title { "Neuigkeiten zu Ihren Ideen" }
                @if notices.is_empty() { p { "Noch keine Neuigkeiten." } }
                ul.plain-list.notices {
                    @for n in notices {
                        li.unseen[n.seen_at.is_none()] {
                            @if n.seen_at.is_none() { strong { "Neu: " } }
                            (n.text) " "
                            @if let Some(id) = n.idea_id { a href={ "/ideas/" (id) } { "Zur Idee" } }
                            span.meta { " – " (time_el(n.created_at)) }
                        }
                    }
                }
            }
            section aria-labelledby="my-ideas-title" {
                h2 #my-ideas-title { "Meine Ideen" }
                @if ideas.is_empty() { p { "Sie haben noch keine Idee eingereicht." } }
                ul.plain-list {
                    @for i in ideas {
                        li {
                            a href={ "/ideas/" (i.id) } { (i.title) }
                            span.meta { " – " (crate::ideas::views::status_badge(&i.status)) " · " (i.support_count) " Unterstützungen · " (i.comment_count) " Kommentare" }
                        }
                    }
                }
            }
            p { a href={ "/users/" (ctx.user_id().map(|u| u.0).unwrap_or(0)) } { "Mein öffentliches Profil" } }
        },
    )
}

/// The start of a text as plain text (Markdown source shown escaped, never rendered).
pub fn excerpt(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let cut: String = s.chars().take(max).collect();
        format!("{}…", cut.trim_end())
    }
}

pub struct AdminList<'a> {
    pub users: &'a [UserListRow],
    pub query: &'a str,
    pub page: i64,
    pub pages: i64,
    pub total: i64,
}

pub fn admin_users(ctx: &Ctx, l: &AdminList) -> Markup {
    layout::page(
        ctx,
        "Nutzerverwaltung",
        html! {
            h1 { "Nutzerverwaltung" }
            form.search method="get" action="/admin/users" role="search" {
                label for="q" { "Name oder E-Mail-Adresse suchen" }
                input #q type="search" name="q" value=(l.query);
                button type="submit" { "Suchen" }
            }
            p role="status" { (l.total) " Konten gefunden." }
            div.table-wrap {
                table {
                    caption.visually-hidden { "Konten mit ihren Rollen" }
                    thead { tr { th scope="col" { "Name" } th scope="col" { "E-Mail-Adresse" } th scope="col" { "Dabei seit" } th scope="col" { "Rolle" } } }
                    tbody {
                        @for u in l.users {
                            tr {
                                td { a href={ "/users/" (u.id) } { (u.display_name) } }
                                td { (u.email) }
                                td { (format_date(u.created_at)) }
                                td {
                                    form.inline method="post" action={ "/admin/users/" (u.id) "/role" } {
                                        (csrf_field(ctx.csrf()))
                                        label.visually-hidden for={ "role-" (u.id) } { "Rolle von " (u.display_name) }
                                        select id={ "role-" (u.id) } name="role" {
                                            @for r in Role::ALL {
                                                option value=(r.as_str()) selected[r.as_str() == u.role] { (role_label(r)) }
                                            }
                                        }
                                        " "
                                        button type="submit" { "Ändern" span.visually-hidden { " für " (u.display_name) } }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            (pager(l.page, l.pages, |p| format!("/admin/users?q={}&page={p}", encode(l.query))))
        },
    )
}
