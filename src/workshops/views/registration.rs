//! The registration box on the workshop page, the participant list (page and CSV) and
//! "Meine Anmeldungen".

use super::events::WorkshopPage;
use super::{REGISTRATION_CLOSED, REGISTRATION_STARTED, count, seats_line, weekday, with_markup};

use crate::db::workshops::{MyRegistration, Participant, Registered, WorkshopRow};
use crate::domain::Message;
use crate::domain::workshop::RegistrationState;
use crate::i18n::{Label, t, ta};
use crate::web::Ctx;
use crate::web::datetime::{format, time_el};
use crate::web::forms::button_form;
use crate::web::layout::{self, breadcrumbs, encode};
use maud::{Markup, html};

/// Catalogue keys of the participant list's columns (page and CSV file).
pub const CSV_HEADER: [&str; 6] = [
    "csv-number",
    "ws-csv-name",
    "ws-csv-email",
    "csv-status",
    "ws-csv-registered-on",
    "ws-csv-promoted-on",
];

/// The flash message after a registration request; it may name a place on the waiting list.
pub fn registered_message(outcome: Registered) -> Message {
    match outcome {
        Registered::Confirmed => Message::key("ws-registered"),
        Registered::Waiting(place) => {
            Message::key("ws-registered-waiting-place").arg("place", place)
        }
        Registered::Already => Message::key("ws-registered-already"),
        Registered::Started => Message::key(REGISTRATION_STARTED),
        Registered::Closed => Message::key(REGISTRATION_CLOSED),
    }
}

pub(super) fn registration_box(ctx: &Ctx, p: &WorkshopPage) -> Markup {
    let w = p.w;
    let upcoming = p.now < w.starts_at;
    let here = format!("/workshops/{}", w.id);
    html! {
        section.support #anmeldung aria-labelledby="anmeldung-title" {
            h2 #anmeldung-title { (t("ws-registration")) }
            @if p.now >= w.ends_at {
                p { (t("ws-took-place"))
                    @if p.registration.is_some_and(|r| r.status == RegistrationState::Confirmed) { " " (t("ws-you-were-registered")) } }
            } @else {
                p { (seats_line(w)) "." }
                (registration_state(ctx, p, upcoming, &here))
            }
            @if upcoming && ctx.user.is_some() {
                p.hint { (t("ws-registration-privacy")) }
            }
        }
    }
}

/// This person's place, or what they can do, for a workshop that has not ended.
fn registration_state(ctx: &Ctx, p: &WorkshopPage, upcoming: bool, here: &str) -> Markup {
    let w = p.w;
    html! {
            @match p.registration {
                Some(r) if r.status == RegistrationState::Confirmed => {
                    @if let Some(at) = r.promoted_at {
                        p.notice { strong { (t("ws-promoted")) } " " (with_markup("ws-promoted-since", &[], "time", time_el(at))) }
                    } @else {
                        p.notice { strong { (t("ws-you-are-registered")) } " " (t("ws-seat-safe")) }
                    }
                    @if upcoming {
                        (button_form(&format!("{here}/cancel"), ctx.csrf(), &t("ws-cancel-participation"), ""))
                    }
                }
                Some(r) => {
                    p.notice { strong { (ta("ws-on-waiting-list", &[("place", r.waiting_place.into())])) } " " (t("ws-waiting-explainer")) }
                    @if upcoming {
                        (button_form(&format!("{here}/cancel"), ctx.csrf(), &t("ws-leave-waiting-list"), ""))
                    }
                }
                None => {
                    @if !upcoming {
                        p { (t(REGISTRATION_STARTED)) }
                    } @else if !w.registration_open {
                        p { (t(REGISTRATION_CLOSED)) }
                    } @else if ctx.user.is_none() {
                        p {
                            (with_markup("ws-login-to-join", &[], "login", html! { a href={ "/login?next=" (encode(here)) } { (t("ws-login-link")) } }))
                            " " (t("acc-no-account")) " " a href={ "/register?next=" (encode(here)) } { (t("acc-register-now")) } "."
                        }
                    } @else if w.free_seats() > 0 {
                        p { (count("ws-seats-free", w.free_seats())) }
                        (button_form(&format!("{here}/register"), ctx.csrf(), &t("ws-register-button"), "primary"))
                    } @else {
                        p { (t("ws-full-explainer")) }
                        (button_form(&format!("{here}/register"), ctx.csrf(), &t("ws-join-waiting-list"), "primary"))
                    }
                }
            }
    }
}

pub fn csv_record(n: usize, p: &Participant) -> [String; 6] {
    [
        n.to_string(),
        p.display_name.clone(),
        p.email.clone(),
        p.status.label(),
        format(p.registered_at),
        p.promoted_at.map(format).unwrap_or_default(),
    ]
}

pub fn participants(ctx: &Ctx, w: &WorkshopRow, rows: &[Participant]) -> Markup {
    let title = ta(
        "ws-participants-title",
        &[("title", w.title.clone().into())],
    );
    layout::page(
        ctx,
        &title,
        html! {
            (breadcrumbs(&[("/workshops", &t("nav-workshops")), (&format!("/workshops/{}", w.id), &w.title)]))
            h1 { (title) }
            p { (seats_line(w)) "." }
            p { a.button href={ "/workshops/" (w.id) "/participants.csv" } { (t("ws-download-csv")) } }
            @if rows.is_empty() {
                p { (t("ws-nobody-registered")) }
            } @else {
                div.table-wrap {
                    table.cards {
                        caption.visually-hidden { (t("ws-participants-caption")) }
                        thead { tr { @for h in CSV_HEADER { th scope="col" { (t(h)) } } } }
                        tbody {
                            @for (n, p) in rows.iter().enumerate() {
                                tr {
                                    td data-label=(t(CSV_HEADER[0])) { (n + 1) }
                                    td data-label=(t(CSV_HEADER[1])) { a href={ "/users/" (p.user_id) } { (p.display_name) } }
                                    td data-label=(t(CSV_HEADER[2])) { (p.email) }
                                    td data-label=(t(CSV_HEADER[3])) { (p.status.label()) }
                                    td data-label=(t(CSV_HEADER[4])) { (time_el(p.registered_at)) }
                                    td data-label=(t(CSV_HEADER[5])) { @if let Some(at) = p.promoted_at { (time_el(at)) } }
                                }
                            }
                        }
                    }
                }
            }
        },
    )
}

pub fn mine(ctx: &Ctx, rows: &[MyRegistration], now: i64) -> Markup {
    layout::page(
        ctx,
        &t("ws-mine"),
        html! {
            (breadcrumbs(&[("/workshops", &t("nav-workshops"))]))
            h1 { (t("ws-mine")) }
            @if rows.is_empty() {
                p { (t("ws-mine-none")) " " a href="/workshops" { (t("ws-to-workshops")) } }
            } @else {
                ul.plain-list.workshop-list {
                    @for r in rows {
                        li.idea-card {
                            h2 { a href={ "/workshops/" (r.workshop_id) } { (r.title) } }
                            p.meta { (weekday(r.starts_at)) ", " (time_el(r.starts_at)) @if r.starts_at <= now { " · " (t("ws-past-marker")) } }
                            p {
                                @if r.status == RegistrationState::Confirmed {
                                    @if let Some(at) = r.promoted_at {
                                        strong { (t("ws-mine-promoted")) } " " (with_markup("ws-mine-promoted-rest", &[], "time", time_el(at)))
                                    } @else {
                                        strong { (t("ws-mine-confirmed")) } (t("ws-mine-confirmed-rest"))
                                    }
                                } @else {
                                    strong { (ta("ws-mine-waiting", &[("place", r.waiting_place.into())])) } " " (with_markup("ws-mine-registered-on", &[], "time", time_el(r.registered_at)))
                                }
                            }
                        }
                    }
                }
            }
        },
    )
}
