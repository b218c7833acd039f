//! Pages of the accounts area; their texts live in locales/*/accounts.ftl.

use crate::db::comments::AuthoredComment;
use crate::db::ideas::AuthoredIdea;
use crate::db::organisations::Invitation;
use crate::db::users::{UserListRow, UserRow};
use crate::domain::{DisplayName, Role};
use crate::i18n::{Label, t, ta};
use crate::web::datetime::{format_date, time_el};
use crate::web::forms::{button_form, csrf_field};
use crate::web::layout::{self, encode, pager, title_with_errors};
use crate::web::{Ctx, Field, FormErrors};
use maud::{Markup, html};

pub const WELCOME: &str = "acc-welcome";
pub const LOGGED_IN: &str = "acc-logged-in";
pub const NAME_CHANGED: &str = "acc-name-changed";
pub const PASSWORD_CHANGED: &str = "acc-password-changed";
pub const ROLE_CHANGED: &str = "acc-role-changed";
pub const LAST_ADMIN: &str = "acc-last-admin";
pub const RULES_MISSING: &str = "acc-rules-missing";
pub const L_RULES: &str = "acc-l-rules";
pub const PASSWORDS_DIFFER: &str = "acc-passwords-differ";
pub const LOGIN_FAILED: &str = "acc-login-failed";
pub const PASSWORD_MISSING: &str = "acc-password-missing";
pub const EMAIL_MISSING: &str = "err-email-missing";
pub const L_NAME: &str = "acc-l-name";
pub const L_EMAIL: &str = "acc-l-email";
pub const L_PASSWORD: &str = "acc-l-password";
pub const L_PASSWORD_CONFIRM: &str = "acc-l-password-confirm";
pub const L_CURRENT_PASSWORD: &str = "acc-l-current-password";
pub const L_NEW_PASSWORD: &str = "acc-l-new-password";
pub const L_NEW_PASSWORD_CONFIRM: &str = "acc-l-new-password-confirm";
pub const CURRENT_PASSWORD_WRONG: &str = "acc-current-password-wrong";

/// Staff roles beside a name, so nobody can pass as the ministry by choosing a display name.
pub fn role_badge(role: Role) -> Markup {
    html! {
        @if role != Role::Participant { " " span.badge.role { (role.label()) } }
    }
}

#[derive(Default)]
pub struct RegisterValues {
    pub display_name: String,
    pub email: String,
    pub next: String,
    /// Whether the rules checkbox was ticked.
    pub rules: bool,
}

pub fn register(ctx: &Ctx, v: &RegisterValues, errors: &FormErrors) -> Markup {
    let title = t("nav-register");
    layout::page(
        ctx,
        &title_with_errors(&title, !errors.is_empty()),
        html! {
            h1 { (title) }
            p { (t("acc-register-intro")) }
            (errors.summary())
            form.stack method="post" action="/register" novalidate {
                (csrf_field(ctx.csrf()))
                input type="hidden" name="next" value=(v.next);
                (Field::text("display_name", L_NAME, &v.display_name)
                    .hint("acc-name-hint")
                    .length(2, DisplayName::MAX).autocomplete("nickname").render(errors))
                (Field::email("email", L_EMAIL, &v.email)
                    .hint("acc-email-hint").render(errors))
                (Field::password("password", L_PASSWORD).hint("acc-password-hint").autocomplete("new-password").render(errors))
                (Field::password("password_confirm", L_PASSWORD_CONFIRM).autocomplete("new-password").render(errors))
                (rules_checkbox(v.rules, errors))
                button.primary type="submit" { (t("acc-create")) }
            }
            p { (t("acc-have-account")) " " a href="/login" { (t("acc-to-login")) } }
        },
    )
}

/// The required tick for the rules, with the link to read them first; its error is linked
/// from the summary (`#f-rules`) and named to screen readers like a field's.
fn rules_checkbox(ticked: bool, errors: &FormErrors) -> Markup {
    let error = errors.get("rules");
    html! {
        div.field.has-error[error.is_some()] {
            p.hint #f-rules-hint { (layout::rules_note()) }
            @if let Some(e) = error {
                p.field-error #f-rules-error { span.visually-hidden { (t("form-error-prefix")) " " } (e) }
            }
            div.choice {
                input #f-rules type="checkbox" name="rules" value="1" required checked[ticked]
                    aria-describedby=(if error.is_some() { "f-rules-hint f-rules-error" } else { "f-rules-hint" })
                    aria-invalid=[error.map(|_| "true")];
                label for="f-rules" { (t(L_RULES)) }
            }
        }
    }
}

/// The answer to every registration, whether the address was new or not.
pub fn register_sent(ctx: &Ctx) -> Markup {
    let title = t("acc-sent-title");
    layout::page(
        ctx,
        &title,
        html! {
            h1 { (title) }
            p role="status" { (t("acc-sent-text")) }
            p { (t("acc-sent-meanwhile")) }
            p { (t("acc-sent-no-mail")) }
            p { a href="/login" { (t("acc-to-login")) } }
        },
    )
}

pub fn login(ctx: &Ctx, email: &str, next: &str, logged_out: bool, errors: &FormErrors) -> Markup {
    let title = t("nav-login");
    layout::page(
        ctx,
        &title_with_errors(&title, !errors.is_empty()),
        html! {
            h1 { (title) }
            @if logged_out {
                p.notice role="status" { (t("acc-logged-out")) }
            }
            (errors.summary())
            form.stack method="post" action="/login" novalidate {
                (csrf_field(ctx.csrf()))
                input type="hidden" name="next" value=(next);
                (Field::email("email", L_EMAIL, email).autocomplete("username").render(errors))
                (Field::password("password", L_PASSWORD).autocomplete("current-password").render(errors))
                button.primary type="submit" { (title) }
            }
            p { a href="/passwort-vergessen" { (t("mail-forgot-link")) } }
            p { (t("acc-no-account")) " " a href={ "/register?next=" (encode(next)) } { (t("acc-register-now")) } }
        },
    )
}

pub struct AccountForms<'a> {
    pub display_name: &'a str,
    pub name_errors: FormErrors,
    pub password_errors: FormErrors,
}

pub fn account(
    ctx: &Ctx,
    user: &UserRow,
    f: &AccountForms,
    invitations: &[Invitation],
    privacy: Markup,
) -> Markup {
    let failed = !f.name_errors.is_empty() || !f.password_errors.is_empty();
    let title = t("acc-title");
    layout::page(
        ctx,
        &title_with_errors(&title, failed),
        html! {
            h1 { (title) }
            dl.facts {
                dt { (t(L_EMAIL)) } dd { (user.email) }
                dt { (t("acc-role")) } dd { (user.role.label()) }
                dt { (t("acc-since")) } dd { (format_date(user.created_at)) }
            }
            p { a href={ "/users/" (user.id) } { (t("acc-my-profile")) } }
            (super::mail::account_section(ctx, user))
            (crate::organisations::views::invitations(ctx, invitations))
            section aria-labelledby="name-title" {
                h2 #name-title { (t("acc-change-name")) }
                (f.name_errors.summary())
                form.stack method="post" action="/account/name" novalidate {
                    (csrf_field(ctx.csrf()))
                    (Field::text("display_name", L_NAME, f.display_name)
                        .length(2, DisplayName::MAX).autocomplete("nickname").render(&f.name_errors))
                    button.primary type="submit" { (t("acc-save-name")) }
                }
            }
            section aria-labelledby="password-title" {
                h2 #password-title { (t("acc-change-password")) }
                (f.password_errors.summary())
                form.stack method="post" action="/account/password" novalidate {
                    (csrf_field(ctx.csrf()))
                    (Field::password("current_password", L_CURRENT_PASSWORD).autocomplete("current-password").render(&f.password_errors))
                    (Field::password("new_password", L_NEW_PASSWORD).hint("acc-new-password-hint").autocomplete("new-password").render(&f.password_errors))
                    (Field::password("new_password_confirm", L_NEW_PASSWORD_CONFIRM).autocomplete("new-password").render(&f.password_errors))
                    button.primary type="submit" { (t("acc-save-password")) }
                }
            }
            (privacy)
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
    let title = ta(
        "acc-profile-title",
        &[("name", user.display_name.clone().into())],
    );
    layout::page(
        ctx,
        &title,
        html! {
            h1 { (title) }
            p {
                (ta("acc-member-since", &[("date", format_date(user.created_at).into())]))
                @if user.role != Role::Participant {
                    " " span.badge { (user.role.label()) }
                }
            }
            @if user.blocked_at.is_some() {
                p.notice { (t("acc-profile-blocked")) }
            }
            @if ctx.is_moderator() && ctx.user_id() != Some(user.id) && user.role != Role::Admin {
                section #moderation aria-labelledby="block-title" {
                    h2 #block-title { (t("nav-moderation")) }
                    @if user.blocked_at.is_some() {
                        p { (t("acc-block-reason")) " " (user.blocked_reason.as_deref().unwrap_or("")) }
                        (button_form(&format!("/moderation/users/{}/unblock", user.id), ctx.csrf(), &t("mod-unblock"), ""))
                    } @else {
                        form.stack method="post" action={ "/moderation/users/" (user.id) "/block" } {
                            (csrf_field(ctx.csrf()))
                            div.field {
                                label for="block-note" { (t("acc-block-note")) }
                                textarea #block-note name="note" rows="2" required maxlength="5000" {}
                            }
                            button.danger type="submit" { (t("acc-block")) }
                        }
                    }
                }
            }
            section aria-labelledby="ideas-title" {
                h2 #ideas-title { (ta("acc-ideas-count", &[("count", idea_total.into())])) }
                @if idea_total > ideas.len() as i64 { p.meta { (ta("acc-newest-ideas", &[("count", (ideas.len() as i64).into())])) } }
                @if ideas.is_empty() {
                    p { (t("acc-no-ideas")) }
                } @else {
                    ul.plain-list {
                        @for i in ideas {
                            li {
                                a href={ "/ideas/" (i.id) } { (i.title) }
                                span.meta {
                                    @let (theme, theme_lang) = crate::i18n::localized(&i.theme_name, &i.theme_name_en);
                                    " – " span lang=[theme_lang] { (theme) } ", " (time_el(i.created_at)) ", "
                                    (ta("n-supports", &[("count", i.support_count.into())])) ", "
                                    (ta("n-comments", &[("count", i.comment_count.into())]))
                                    " – " (i.status.label())
                                }
                            }
                        }
                    }
                }
            }
            section aria-labelledby="comments-title" {
                h2 #comments-title { (ta("acc-comments-count", &[("count", comment_total.into())])) }
                @if comment_total > comments.len() as i64 { p.meta { (ta("acc-newest-comments", &[("count", (comments.len() as i64).into())])) } }
                @if comments.is_empty() {
                    p { (t("acc-no-comments")) }
                } @else {
                    ul.plain-list {
                        @for c in comments {
                            li {
                                (t("acc-comment-on")) " " a href={ "/ideas/" (c.idea_id) "#comment-" (c.id) } { (c.idea_title) }
                                span.meta { " – " (time_el(c.created_at)) }
                                blockquote { (crate::web::excerpt(&c.body, 200)) }
                            }
                        }
                    }
                }
            }
        },
    )
}

/// "Meine Beiträge": one's ideas. What happened to them is in the inbox, the one place for
/// notices (issue 11), which this page links to with its count of new ones.
pub fn mine(ctx: &Ctx, ideas: &[AuthoredIdea]) -> Markup {
    let title = t("nav-mine");
    let unseen = ctx.user.as_ref().map_or(0, |u| u.unseen_notices);
    layout::page(
        ctx,
        &title,
        html! {
            h1 { (title) }
            p {
                (t("mine-notices-in-inbox")) " "
                a href="/benachrichtigungen" {
                    (t("nav-inbox"))
                    @if unseen > 0 { " (" (ta("nav-new-notices", &[("count", unseen.into())])) ")" }
                }
            }
            section aria-labelledby="my-ideas-title" {
                h2 #my-ideas-title { (t("mine-ideas")) }
                @if ideas.is_empty() { p { (t("mine-no-ideas")) } }
                ul.plain-list {
                    @for i in ideas {
                        li {
                            a href={ "/ideas/" (i.id) } { (i.title) }
                            span.meta {
                                " – " (crate::ideas::views::status_badge(i.status)) " · "
                                (ta("n-supports", &[("count", i.support_count.into())])) " · "
                                (ta("n-comments", &[("count", i.comment_count.into())]))
                            }
                        }
                    }
                }
            }
            p { a href={ "/users/" (ctx.user_id().map(|u| u.0).unwrap_or(0)) } { (t("acc-public-profile")) } }
        },
    )
}

pub struct AdminList<'a> {
    pub users: &'a [UserListRow],
    pub query: &'a str,
    pub page: i64,
    pub pages: i64,
    pub total: i64,
}

pub fn admin_users(ctx: &Ctx, l: &AdminList) -> Markup {
    let title = t("nav-admin-users");
    layout::page(
        ctx,
        &title,
        html! {
            h1 { (title) }
            form.search method="get" action="/admin/users" role="search" {
                label for="q" { (t("admin-search")) }
                input #q type="search" name="q" value=(l.query);
                button type="submit" { (t("admin-search-button")) }
            }
            p role="status" { (ta("admin-found", &[("count", l.total.into())])) }
            div.table-wrap {
                table {
                    caption.visually-hidden { (t("admin-caption")) }
                    thead { tr { th scope="col" { (t("admin-col-name")) } th scope="col" { (t(L_EMAIL)) } th scope="col" { (t("acc-since")) } th scope="col" { (t("acc-role")) } th scope="col" { (t("admin-col-account")) } } }
                    tbody {
                        @for u in l.users {
                            tr {
                                td { a href={ "/users/" (u.id) } { (u.display_name) } }
                                td { (u.email) }
                                td { (format_date(u.created_at)) }
                                td {
                                    form.inline method="post" action={ "/admin/users/" (u.id) "/role" } {
                                        (csrf_field(ctx.csrf()))
                                        label.visually-hidden for={ "role-" (u.id) } { (ta("admin-role-of", &[("name", u.display_name.clone().into())])) }
                                        select id={ "role-" (u.id) } name="role" {
                                            @for r in Role::ALL {
                                                option value=(r.as_str()) selected[r == u.role] { (r.label()) }
                                            }
                                        }
                                        " "
                                        button type="submit" { (t("admin-change")) span.visually-hidden { " " (ta("admin-change-for", &[("name", u.display_name.clone().into())])) } }
                                    }
                                }
                                td {
                                    form.inline method="post" action={ "/admin/users/" (u.id) "/zwei-faktor" } {
                                        (csrf_field(ctx.csrf()))
                                        button type="submit" { (t("admin-reset-2fa")) span.visually-hidden { " " (ta("admin-change-for", &[("name", u.display_name.clone().into())])) } }
                                    }
                                    " "
                                    a href={ "/admin/users/" (u.id) "/loeschen" } { (t("admin-delete")) span.visually-hidden { " " (ta("admin-change-for", &[("name", u.display_name.clone().into())])) } }
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
