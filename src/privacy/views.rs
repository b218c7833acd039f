//! Pages of the privacy area; their texts live in locales/*/privacy.ftl.

use crate::db::privacy::{DeletionReport, Value};
use crate::db::sessions::SessionRow;
use crate::db::users::UserRow;
use crate::domain::Message;
use crate::i18n::{t, ta};
use crate::web::Ctx;
use crate::web::datetime::{format, time_el};
use crate::web::forms::{button_form, csrf_field};
use crate::web::layout::{self, title_with_errors};
use crate::web::{Field, FormErrors};
use maud::{Markup, html};

pub const L_PASSWORD: &str = "priv-l-password";
pub const PASSWORD_WRONG: &str = "priv-password-wrong";
pub const LAST_ADMIN: &str = "priv-last-admin";
pub const SESSION_ENDED: &str = "priv-session-ended";
pub const SESSION_GONE: &str = "priv-session-gone";
pub const OTHERS_ENDED: &str = "priv-others-ended";

/// The notice after a deletion, with its exact numbers.
pub fn deleted_message(r: &DeletionReport) -> Message {
    Message::key("priv-deleted")
        .arg("supports", r.supports_removed as i64)
        .arg("ideas", r.ideas_removed as i64)
        .arg("comments", r.comments_removed as i64)
        .arg("registrations", r.registrations_removed as i64)
        .arg("passed", r.organisations_passed_on as i64)
        .arg("closed", r.organisations_closed as i64)
}

/// Is this column a point in time (unix seconds)?
fn is_time(column: &str) -> bool {
    column.ends_with("_at") || column == "staff_since"
}

fn cell(column: &str, value: &Value) -> Markup {
    // A stored notice is a message (catalogue key and arguments): shown as the person read it.
    let notice = match value {
        Value::Text(s) if column == "message" => serde_json::from_str::<Message>(s)
            .ok()
            .map(|m| crate::i18n::render(&m)),
        _ => None,
    };
    html! {
        @match (value, notice) {
            (_, Some(text)) => (text),
            (Value::Null, _) => "–",
            (Value::Int(n), _) if is_time(column) => (time_el(*n)),
            (Value::Int(n), _) => (n),
            (Value::Text(s), _) => (s),
        }
    }
}

pub type Section = (&'static str, Vec<Vec<(String, Value)>>);

pub fn data_page(ctx: &Ctx, sections: &[Section]) -> Markup {
    let title = t("priv-data-title");
    layout::page(
        ctx,
        &title,
        html! {
            h1 { (title) }
            p { (t("priv-data-intro")) }
            p { a.button href="/account/daten.json" download { (t("priv-data-json")) } }
            nav aria-labelledby="data-toc" {
                h2 #data-toc { (t("priv-data-toc")) }
                ul {
                    @for (name, rows) in sections {
                        li { a href={ "#data-" (name) } { (t(&format!("data-section-{name}"))) } " (" (rows.len()) ")" }
                    }
                }
            }
            @for (name, rows) in sections {
                section aria-labelledby={ "data-" (name) } {
                    h2 id={ "data-" (name) } { (t(&format!("data-section-{name}"))) }
                    @if rows.is_empty() {
                        p { (t("priv-data-none")) }
                    } @else if rows.len() == 1 {
                        dl.facts {
                            @for (column, value) in &rows[0] {
                                dt { (t(&format!("mydata-col-{column}"))) }
                                dd { (cell(column, value)) }
                            }
                        }
                    } @else {
                        // Wide tables scroll sideways: keyboard users can reach them too.
                        div.table-wrap tabindex="0" role="region" aria-label=(t(&format!("data-section-{name}"))) {
                            table {
                                caption.visually-hidden { (t(&format!("data-section-{name}"))) }
                                thead { tr { @for (column, _) in &rows[0] { th scope="col" { (t(&format!("mydata-col-{column}"))) } } } }
                                tbody {
                                    @for row in rows {
                                        tr { @for (column, value) in row { td { (cell(column, value)) } } }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        },
    )
}

/// The confirmation of a deletion: one's own (`target` None) or, for an admin, someone's.
pub fn delete_page(ctx: &Ctx, target: Option<&UserRow>, errors: &FormErrors) -> Markup {
    let title = match target {
        None => t("priv-delete-title"),
        Some(u) => ta(
            "priv-admin-delete-title",
            &[("name", u.display_name.clone().into())],
        ),
    };
    let action = match target {
        None => "/account/loeschen".to_string(),
        Some(u) => format!("/admin/users/{}/loeschen", u.id),
    };
    layout::page(
        ctx,
        &title_with_errors(&title, !errors.is_empty()),
        html! {
            h1 { (title) }
            @if let Some(u) = target {
                p { (ta("priv-admin-delete-intro", &[("email", u.email.clone().into())])) }
            }
            h2 { (t("priv-delete-what")) }
            ul {
                li { (t("priv-delete-personal")) }
                li { (t("priv-delete-contributions")) }
                li { (t("priv-delete-supports")) }
                li { (t("priv-delete-workshops")) }
                li { (t("priv-delete-organisations")) }
                li { (t("priv-delete-log")) }
                li { (t("priv-delete-again")) }
            }
            @if target.is_none() {
                p { (t("priv-delete-download")) " " a href="/account/daten" { (t("priv-data-title")) } }
            }
            (errors.summary())
            form.stack method="post" action=(action) novalidate {
                (csrf_field(ctx.csrf()))
                div.field {
                    input #remove_contributions type="checkbox" name="remove_contributions" value="1";
                    " "
                    label for="remove_contributions" { (t("priv-remove-contributions")) }
                }
                (Field::password("password", if target.is_some() { "priv-l-admin-password" } else { L_PASSWORD })
                    .autocomplete("current-password").render(errors))
                button.danger type="submit" { (t("priv-delete-button")) }
            }
        },
    )
}

/// The privacy part of /account: two-factor sign-in, sessions, the data and the deletion.
pub fn account_sections(
    ctx: &Ctx,
    two_factor: bool,
    sessions: &[SessionRow],
    current: Option<&str>,
) -> Markup {
    html! {
        section aria-labelledby="two-factor-title" {
            h2 #two-factor-title { (t("priv-two-factor")) }
            p {
                @if two_factor { (t("priv-two-factor-on")) } @else { (t("priv-two-factor-off")) }
                " " a href=(crate::web::TWO_FACTOR_SETUP) { (t("priv-two-factor-manage")) }
            }
        }
        section aria-labelledby="sessions-title" {
            h2 #sessions-title { (t("priv-sessions")) }
            @if sessions.is_empty() {
                p { (t("priv-sessions-none")) }
            } @else {
                ul.plain-list {
                    @for s in sessions {
                        li {
                            @if s.user_agent.is_empty() { (t("priv-session-unknown")) } @else { (s.user_agent) }
                            span.meta {
                                " – " (ta("priv-session-since", &[("date", format(s.created_at).into())]))
                                ", " (ta("priv-session-seen", &[("date", format(s.last_seen_at).into())]))
                            }
                            @if Some(s.session_id.as_str()) == current {
                                " " strong { (t("priv-session-this")) }
                                " " (button_form("/logout", ctx.csrf(), &t("priv-session-end"), ""))
                            } @else {
                                " " (button_form(&format!("/account/sitzungen/{}/beenden", s.id), ctx.csrf(), &t("priv-session-end"), ""))
                            }
                        }
                    }
                }
            }
            (button_form("/account/sitzungen/andere-beenden", ctx.csrf(), &t("priv-sessions-end-others"), ""))
        }
        section aria-labelledby="privacy-title" {
            h2 #privacy-title { (t("priv-your-data")) }
            ul {
                li { a href="/account/daten" { (t("priv-data-title")) } }
                li { a href="/account/loeschen" { (t("priv-delete-title")) } }
            }
        }
    }
}
