//! Pages of the Innovationswerkstatt, and the pieces the idea page and idea form show of it;
//! their texts are in the catalogue (locales/*/workshops.ftl). One file per part of the
//! area (events, registration, learnings); the catalogue keys and small pieces they share
//! are here.

mod events;
mod learnings;
mod registration;

pub use events::{
    WorkshopPage, WorkshopValues, calendar_description, delete_confirm, form, list, show,
    workshop_saved,
};
pub use learnings::{
    IdeaLearnings, LearningValues, idea_form_learning, idea_section, learning_delete_confirm,
    learning_form,
};
pub use registration::{CSV_HEADER, csv_record, mine, participants, registered_message};

use crate::db::workshops::{LearningRow, WorkshopRow};
use crate::domain::workshop::clock;
use crate::i18n::ta;
use crate::web::datetime::{format_clock, time_el, to_berlin};
use crate::web::forms::csrf_field;
use fluent_templates::fluent_bundle::FluentValue;
use maud::{Markup, html};
use time::Weekday;

// Catalogue keys: flash messages, form errors and field labels.
pub const WORKSHOP_CREATED: &str = "ws-created";
pub const WORKSHOP_DELETED: &str = "ws-deleted";
pub const LEARNING_CREATED: &str = "ws-learning-created";
pub const LEARNING_SAVED: &str = "ws-learning-saved";
pub const LEARNING_DELETED: &str = "ws-learning-deleted";
pub const LINKED: &str = "ws-linked";
pub const UNLINKED: &str = "ws-unlinked";
pub const CHOOSE_LEARNING: &str = "ws-choose-learning";
pub const CANCELLED: &str = "ws-cancelled";
pub const NOTHING_TO_CANCEL: &str = "ws-nothing-to-cancel";
pub const CANCEL_TOO_LATE: &str = "ws-cancel-too-late";
pub const REGISTRATION_STARTED: &str = "ws-registration-started";
pub const REGISTRATION_CLOSED: &str = "ws-registration-closed";
pub const TIME_NONEXISTENT: &str = "ws-time-nonexistent";
pub const TIME_AMBIGUOUS: &str = "ws-time-ambiguous";
pub const END_BEFORE_START: &str = "ws-end-before-start";
pub const FORMAT_MISSING: &str = "ws-format-missing";
pub const THEME_UNKNOWN: &str = "ws-theme-unknown";
pub const L_TITLE: &str = "ws-l-title";
pub const L_DATE: &str = "ws-l-date";
pub const L_START: &str = "ws-l-start";
pub const L_END: &str = "ws-l-end";
pub const L_FORMAT: &str = "ws-l-format";
pub const L_LOCATION: &str = "ws-l-location";
pub const L_DESCRIPTION: &str = "ws-l-description";
pub const L_AGENDA: &str = "ws-l-agenda";
pub const L_SEATS: &str = "ws-l-seats";
pub const L_THEME: &str = "ws-l-theme";
pub const L_REPORT: &str = "ws-l-report";
pub const L_LEARNING_TITLE: &str = "ws-l-learning-title";
pub const L_LEARNING_BODY: &str = "ws-l-learning-body";

/// A catalogue text with a piece of markup (a link, a `<time>`) where the argument `slot`
/// goes, so each language can put it where its word order wants it.
fn with_markup(
    key: &str,
    args: &[(&'static str, FluentValue<'static>)],
    slot: &'static str,
    markup: Markup,
) -> Markup {
    const MARK: &str = "\u{E000}";
    let mut all = args.to_vec();
    all.push((slot, MARK.into()));
    let text = ta(key, &all);
    let (before, after) = text.split_once(MARK).unwrap_or((&text, ""));
    html! { (before) (markup) (after) }
}

fn weekday(unix: i64) -> String {
    let day = match to_berlin(unix).weekday() {
        Weekday::Monday => "monday",
        Weekday::Tuesday => "tuesday",
        Weekday::Wednesday => "wednesday",
        Weekday::Thursday => "thursday",
        Weekday::Friday => "friday",
        Weekday::Saturday => "saturday",
        Weekday::Sunday => "sunday",
    };
    ta("ws-weekday", &[("day", day.into())])
}

/// "Mittwoch, 09.12.2020, 17:00 Uhr bis 18:30 Uhr"
fn when(w: &WorkshopRow) -> Markup {
    with_markup(
        "ws-when",
        &[
            ("weekday", weekday(w.starts_at).into()),
            ("end", format_clock(w.ends_at).into()),
        ],
        "start",
        time_el(w.starts_at),
    )
}

/// "17:00 Uhr" for minutes after midnight.
fn clock_label(minute_of_day: i64) -> String {
    ta("ws-clock", &[("time", clock(minute_of_day).into())])
}

fn count(key: &str, n: i64) -> String {
    ta(key, &[("count", n.into())])
}

/// Learnings are plain text: paragraphs at blank lines, line breaks kept.
pub fn paragraphs(text: &str) -> Markup {
    html! {
        @for p in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
            p {
                @for (i, line) in p.lines().enumerate() {
                    @if i > 0 { br; }
                    (line)
                }
            }
        }
    }
}

/// A one-button POST form with hidden fields (link, unlink).
fn post_button(
    action: &str,
    csrf: &str,
    hidden: &[(&str, &str)],
    label: Markup,
    class: &str,
) -> Markup {
    html! {
        form.inline method="post" action=(action) {
            (csrf_field(csrf))
            @for (name, value) in hidden { input type="hidden" name=(name) value=(value); }
            button class=[(!class.is_empty()).then_some(class)] type="submit" { (label) }
        }
    }
}

fn seats_line(w: &WorkshopRow) -> Markup {
    html! {
        (ta("ws-seats-taken", &[("confirmed", w.confirmed.into()), ("seats", w.seats.into())]))
        @if w.waiting > 0 { " · " (count("ws-waiting-count", w.waiting)) }
    }
}

fn learning_label(l: &LearningRow) -> String {
    ta(
        "ws-learning-label",
        &[
            ("number", l.number.into()),
            ("title", l.title.clone().into()),
        ],
    )
}
