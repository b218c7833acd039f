//! Pages of the Innovationswerkstatt, and the pieces the idea page and idea form show of it;
//! their texts are in the catalogue (locales/*/workshops.ftl).

use crate::db::themes::ThemeRow;
use crate::db::workshops::{
    LearningRow, LinkedIdea, MyRegistration, Participant, Registered, Registration, WorkshopRow,
};
use crate::domain::workshop::{
    AgendaRow, LearningBody, LearningTitle, RegistrationState, Seats, WorkshopFormat,
    WorkshopTitle, clock,
};
use crate::domain::{IdeaId, LearningId, Message, WorkshopId};
use crate::i18n::{Label, t, ta};
use crate::ideas::views::status_badge;
use crate::web::datetime::{format, format_clock, format_date, time_el, to_berlin};
use crate::web::forms::{button_form, csrf_field};
use crate::web::layout::{self, breadcrumbs, encode, title_with_errors};
use crate::web::markdown;
use crate::web::{Ctx, Field, FormErrors};
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

/// Catalogue keys of the participant list's columns (page and CSV file).
pub const CSV_HEADER: [&str; 6] = [
    "csv-number",
    "ws-csv-name",
    "ws-csv-email",
    "csv-status",
    "ws-csv-registered-on",
    "ws-csv-promoted-on",
];

/// The flash message after saving a workshop: final text, as it names a count.
pub fn workshop_saved(promoted: u64) -> Message {
    match promoted {
        0 => Message::key("ws-saved"),
        n => Message::key("ws-saved-promoted").arg("count", i64::try_from(n).unwrap_or(i64::MAX)),
    }
}

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
fn paragraphs(text: &str) -> Markup {
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

// ---------------------------------------------------------------------------------------
// List

pub fn list(ctx: &Ctx, upcoming: &[WorkshopRow], past: &[WorkshopRow], now: i64) -> Markup {
    layout::page(
        ctx,
        &t("nav-workshops"),
        html! {
            h1 { (t("nav-workshops")) }
            div.intro { p { (t("ws-intro")) } }
            @if ctx.user.is_some() || ctx.is_moderator() {
                div.actions {
                    @if ctx.user.is_some() { a href="/workshops/mine" { (t("ws-mine")) } }
                    @if ctx.is_moderator() { a.button href="/workshops/new" { (t("ws-create")) } }
                }
            }
            h2 { (t("ws-upcoming")) }
            @if upcoming.is_empty() {
                p { (t("ws-none-planned")) }
            } @else {
                ul.plain-list.workshop-list {
                    @for w in upcoming {
                        li.idea-card {
                            h3 { a href={ "/workshops/" (w.id) } { (w.title) } }
                            p.meta { (when(w)) " · " (w.format.label()) }
                            p {
                                (seats_line(w)) ". "
                                @if w.accepts_registrations(now) {
                                    @if w.free_seats() > 0 { (t("ws-list-open")) } @else { (t("ws-list-waiting-open")) }
                                } @else if now >= w.starts_at { (t("ws-list-running")) } @else { (t("ws-list-closed")) }
                            }
                        }
                    }
                }
            }
            h2 { (t("ws-past")) }
            @if past.is_empty() {
                p { (t("ws-past-none")) }
            } @else {
                ul.plain-list.workshop-list {
                    @for w in past {
                        li.idea-card {
                            h3 { a href={ "/workshops/" (w.id) } { (w.title) } }
                            p.meta { (format_date(w.starts_at)) " · " (w.format.label()) " · " (count("ws-n-learnings", w.learning_count)) }
                        }
                    }
                }
            }
        },
    )
}

// ---------------------------------------------------------------------------------------
// The workshop page

pub struct WorkshopPage<'a> {
    pub w: &'a WorkshopRow,
    pub agenda: &'a [AgendaRow],
    pub learnings: &'a [LearningRow],
    pub linked: &'a [LinkedIdea],
    pub registration: Option<&'a Registration>,
    /// Confirmed participants and moderators see the link to join a digital workshop.
    pub show_link: bool,
    pub search_learning: Option<LearningId>,
    pub search_query: &'a str,
    pub search: &'a [LinkedIdea],
    pub now: i64,
}

fn registration_box(ctx: &Ctx, p: &WorkshopPage) -> Markup {
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

fn learning_article(ctx: &Ctx, p: &WorkshopPage, l: &LearningRow) -> Markup {
    let w = p.w;
    let ideas: Vec<&LinkedIdea> = p.linked.iter().filter(|i| i.learning_id == l.id).collect();
    let searched = p.search_learning == Some(l.id) && !p.search_query.trim().is_empty();
    let lid = l.id.to_string();
    html! {
        article.learning id={ "learning-" (l.id) } {
            h3 { (learning_label(l)) }
            div.learning-text { (paragraphs(&l.body)) }
            h4 { (t("ws-learning-ideas")) }
            @if ideas.is_empty() {
                p.meta { (t("ws-learning-no-ideas")) }
            } @else {
                ul.plain-list.linked-ideas {
                    @for i in &ideas {
                        li {
                            a href={ "/ideas/" (i.id) } { (i.title) } " "
                            (status_badge(i.status)) " · "
                            (count("n-supports", i.support_count))
                            @if ctx.is_moderator() {
                                " "
                                (post_button(&format!("/ideas/{}/learnings/remove", i.id), ctx.csrf(),
                                    &[("learning", &lid), ("from", "werkstatt")],
                                    html! { (t("ws-unlink")) span.visually-hidden { " (" (i.title) ")" } }, "link-button"))
                            }
                        }
                    }
                }
            }
            p {
                a.button href={ "/ideas/new?theme=" (encode(w.theme_slug.as_deref().unwrap_or(""))) "&learning=" (l.id) } {
                    (t("ws-submit-idea")) span.visually-hidden { " " (ta("ws-learning-number", &[("number", l.number.into())])) }
                }
            }
            @if ctx.is_moderator() {
                div.actions {
                    a href={ "/learnings/" (l.id) "/edit" } { (t("ws-learning-edit")) span.visually-hidden { " (" (l.number) ")" } }
                    a href={ "/learnings/" (l.id) "/delete" } { (t("ws-learning-delete")) span.visually-hidden { " (" (l.number) ")" } }
                }
                form.search method="get" action={ "/workshops/" (w.id) "#learning-" (l.id) } role="search" {
                    input type="hidden" name="learning" value=(l.id);
                    label for={ "q-" (l.id) } { (t("ws-search-idea")) }
                    input id={ "q-" (l.id) } type="search" name="q" value=(if searched { p.search_query } else { "" });
                    button type="submit" { (t("ws-search-button")) }
                }
                @if searched {
                    @if p.search.is_empty() {
                        p role="status" { (ta("ws-search-none", &[("query", p.search_query.trim().to_string().into())])) }
                    } @else {
                        p role="status" { (ta("ws-search-found", &[("query", p.search_query.trim().to_string().into())])) }
                        ul.plain-list.search-results {
                            @for hit in p.search {
                                li {
                                    a href={ "/ideas/" (hit.id) } { (hit.title) } " " (status_badge(hit.status)) " "
                                    @if ideas.iter().any(|i| i.id == hit.id) {
                                        span.meta { (t("ws-already-linked")) }
                                    } @else {
                                        (post_button(&format!("/ideas/{}/learnings", hit.id), ctx.csrf(),
                                            &[("learning", &lid), ("from", "werkstatt")],
                                            html! { (t("ws-link-button")) span.visually-hidden { " " (ta("ws-link-with", &[("title", hit.title.clone().into())])) } }, ""))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

pub fn show(ctx: &Ctx, p: &WorkshopPage) -> Markup {
    let w = p.w;
    let format = w.format;
    layout::page(
        ctx,
        &w.title,
        html! {
            (breadcrumbs(&[("/workshops", &t("nav-workshops"))]))
            h1 { (w.title) }
            dl.facts {
                dt { (t("ws-when-label")) } dd { (when(w)) " " (t("ws-german-time")) }
                dt { (t(L_FORMAT)) } dd { (w.format.label()) }
                @match format {
                    WorkshopFormat::OnSite => { dt { (t("ws-place")) } dd { (w.location) } }
                    WorkshopFormat::Digital => {
                        dt { (t("ws-participation")) }
                        dd {
                            @if p.show_link && !w.location.is_empty() {
                                a href=(w.location) rel="noopener noreferrer" { (w.location) }
                            } @else if p.show_link {
                                (t("ws-link-not-yet"))
                            } @else {
                                (t("ws-link-for-registered"))
                            }
                        }
                    }
                }
            }
            div.actions {
                a href={ "/workshops/" (w.id) ".ics" } { (t("ws-add-to-calendar")) }
                @if ctx.is_moderator() {
                    a.button href={ "/workshops/" (w.id) "/edit" } { (t("ws-edit")) }
                    a.button href={ "/workshops/" (w.id) "/participants" } { (count("ws-participants-count", w.confirmed + w.waiting)) }
                    a.button href={ "/workshops/" (w.id) "/learnings/new" } { (t("ws-learning-add")) }
                    a href={ "/workshops/" (w.id) "/delete" } { (t("ws-delete")) }
                }
            }
            div.workshop-description { (markdown::render(&w.description)) }
            @if !p.agenda.is_empty() {
                h2 { (t(L_AGENDA)) }
                div.table-wrap {
                    table.agenda {
                        caption.visually-hidden { (t("ws-agenda-caption")) }
                        thead { tr { th scope="col" { (t("ws-col-time")) } th scope="col" { (t("ws-col-item")) } th scope="col" { (t("ws-col-with")) } } }
                        tbody {
                            @for r in p.agenda {
                                tr {
                                    td { @if let Some(m) = r.at_minute { (clock_label(m)) } @else { span.visually-hidden { (t("ws-no-time")) } } }
                                    td { (r.item) }
                                    td { (r.speaker) }
                                }
                            }
                        }
                    }
                }
            }
            (registration_box(ctx, p))
            @if !w.report.is_empty() {
                section aria-labelledby="bericht-title" {
                    h2 #bericht-title { (t("ws-report")) }
                    div.workshop-report { (markdown::render(&w.report)) }
                }
            }
            @if !p.learnings.is_empty() {
                section #learnings aria-labelledby="learnings-title" {
                    h2 #learnings-title { (t("ws-learnings-heading")) }
                    @for l in p.learnings { (learning_article(ctx, p, l)) }
                }
            }
        },
    )
}

/// Plain text for the calendar entry: the description's source and the programme, with
/// labels in the language of the request.
pub fn calendar_description(w: &WorkshopRow, agenda: &[AgendaRow], url: Option<&str>) -> String {
    let mut out = w.description.clone();
    if !agenda.is_empty() {
        out.push_str("\n\n");
        out.push_str(&t(L_AGENDA));
        out.push(':');
        for r in agenda {
            out.push('\n');
            if let Some(m) = r.at_minute {
                out.push_str(&clock_label(m));
                out.push(' ');
            }
            out.push_str(&r.item);
            if !r.speaker.is_empty() {
                out.push_str(" – ");
                out.push_str(&r.speaker);
            }
        }
    }
    if let Some(url) = url {
        out.push_str("\n\n");
        out.push_str(&t("ws-ics-details"));
        out.push(' ');
        out.push_str(url);
    }
    out
}

// ---------------------------------------------------------------------------------------
// The workshop form

#[derive(Default)]
pub struct WorkshopValues {
    pub title: String,
    pub date: String,
    pub start: String,
    pub end: String,
    pub format: String,
    pub location: String,
    pub description: String,
    pub agenda: String,
    pub seats: String,
    pub registration_open: bool,
    pub theme: String,
    pub report: String,
}

impl WorkshopValues {
    /// The usual evening slot, so a new workshop needs few changes.
    pub fn new_workshop() -> Self {
        WorkshopValues {
            start: "17:00".into(),
            end: "18:30".into(),
            format: WorkshopFormat::Digital.as_str().into(),
            seats: "30".into(),
            registration_open: true,
            ..Default::default()
        }
    }
}

fn error_p(errors: &FormErrors, key: &str) -> Markup {
    html! {
        @if let Some(e) = errors.get(key) {
            p.field-error id={ "f-" (key) "-error" } { span.visually-hidden { (t("form-error-prefix")) " " } (e) }
        }
    }
}

pub fn form(
    ctx: &Ctx,
    editing: Option<WorkshopId>,
    themes: &[ThemeRow],
    v: &WorkshopValues,
    errors: &FormErrors,
) -> Markup {
    let (title, action, button) = match editing {
        Some(id) => (
            t("ws-edit"),
            format!("/workshops/{id}/edit"),
            t("save-changes"),
        ),
        None => (t("ws-new"), "/workshops".to_string(), t("ws-create")),
    };
    let format_error = errors.get("format");
    let theme_error = errors.get("theme");
    layout::page(
        ctx,
        &title_with_errors(&title, !errors.is_empty()),
        html! {
            (breadcrumbs(&[("/workshops", &t("nav-workshops"))]))
            h1 { (title) }
            (errors.summary())
            form.stack method="post" action=(action) novalidate {
                (csrf_field(ctx.csrf()))
                (Field::text("title", L_TITLE, &v.title)
                    .hint("ws-hint-title")
                    .length(WorkshopTitle::MIN, WorkshopTitle::MAX).render(errors))
                (Field::text("date", L_DATE, &v.date)
                    .hint("ws-hint-date").render(errors))
                (Field::text("start", L_START, &v.start).hint("ws-hint-start").render(errors))
                (Field::text("end", L_END, &v.end).hint("ws-hint-end").render(errors))
                fieldset.field.has-error[format_error.is_some()] {
                    legend { (t(L_FORMAT)) }
                    (error_p(errors, "format"))
                    @for (n, f) in WorkshopFormat::ALL.into_iter().enumerate() {
                        label.choice {
                            input type="radio" name="format" value=(f.as_str())
                                id=[(n == 0).then_some("f-format")]
                                checked[v.format == f.as_str()];
                            " " (f.label())
                        }
                        " "
                    }
                }
                (Field::text("location", L_LOCATION, &v.location)
                    .hint("ws-hint-location")
                    .optional().render(errors))
                (Field::textarea("description", L_DESCRIPTION, &v.description, 10)
                    .hint("ws-hint-description").render(errors))
                (Field::textarea("agenda", L_AGENDA, &v.agenda, 8)
                    .hint("ws-hint-agenda")
                    .optional().render(errors))
                (Field::text("seats", L_SEATS, &v.seats)
                    .hint(&ta("ws-hint-seats", &[("max", Seats::MAX.into())])).render(errors))
                div.field {
                    label.choice {
                        input type="checkbox" name="registration_open" value="1" checked[v.registration_open];
                        " " (t("ws-l-registration-open"))
                    }
                    p.hint { (t("ws-hint-registration")) }
                }
                div.field.has-error[theme_error.is_some()] {
                    label for="f-theme" { (t(L_THEME)) " " span.optional { "(" (t("form-optional")) ")" } }
                    p.hint #f-theme-hint { (t("ws-hint-theme")) }
                    (error_p(errors, "theme"))
                    select #f-theme name="theme" aria-describedby="f-theme-hint" aria-invalid=[theme_error.map(|_| "true")] {
                        option value="" { (t("ws-no-theme")) }
                        @for theme in themes {
                            option value=(theme.slug) selected[theme.slug == v.theme] { (theme.name) }
                        }
                    }
                }
                (Field::textarea("report", L_REPORT, &v.report, 10)
                    .hint("ws-hint-report")
                    .optional().render(errors))
                button.primary type="submit" { (button) }
                @if let Some(id) = editing { " " a href={ "/workshops/" (id) } { (t("cancel")) } }
            }
        },
    )
}

pub fn delete_confirm(ctx: &Ctx, w: &WorkshopRow) -> Markup {
    layout::page(
        ctx,
        &t("ws-delete"),
        html! {
            h1 { (t("ws-delete")) }
            p { (ta("ws-delete-question", &[
                ("title", w.title.clone().into()),
                ("registrations", (w.confirmed + w.waiting).into()),
                ("learnings", w.learning_count.into()),
            ])) }
            div.actions {
                (button_form(&format!("/workshops/{}/delete", w.id), ctx.csrf(), &t("ws-delete-yes"), "danger"))
                a href={ "/workshops/" (w.id) } { (t("ws-back-to-workshop")) }
            }
        },
    )
}

// ---------------------------------------------------------------------------------------
// Participants and registrations

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
                    table {
                        caption.visually-hidden { (t("ws-participants-caption")) }
                        thead { tr { @for h in CSV_HEADER { th scope="col" { (t(h)) } } } }
                        tbody {
                            @for (n, p) in rows.iter().enumerate() {
                                tr {
                                    td { (n + 1) }
                                    td { a href={ "/users/" (p.user_id) } { (p.display_name) } }
                                    td { (p.email) }
                                    td { (p.status.label()) }
                                    td { (time_el(p.registered_at)) }
                                    td { @if let Some(at) = p.promoted_at { (time_el(at)) } }
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

// ---------------------------------------------------------------------------------------
// Learnings

#[derive(Default)]
pub struct LearningValues {
    pub title: String,
    pub body: String,
}

/// `editing` is the learning being changed, None for a new one of `workshop`.
pub fn learning_form(
    ctx: &Ctx,
    workshop: WorkshopId,
    workshop_title: &str,
    editing: Option<&LearningRow>,
    v: &LearningValues,
    errors: &FormErrors,
) -> Markup {
    let (title, action) = match editing {
        Some(l) => (
            ta("ws-learning-edit-n", &[("number", l.number.into())]),
            format!("/learnings/{}/edit", l.id),
        ),
        None => (
            t("ws-learning-new"),
            format!("/workshops/{workshop}/learnings"),
        ),
    };
    layout::page(
        ctx,
        &title_with_errors(&title, !errors.is_empty()),
        html! {
            (breadcrumbs(&[("/workshops", &t("nav-workshops")), (&format!("/workshops/{workshop}"), workshop_title)]))
            h1 { (title) }
            @if editing.is_none() {
                p { (t("ws-learning-form-intro")) }
            }
            (errors.summary())
            form.stack method="post" action=(action) novalidate {
                (csrf_field(ctx.csrf()))
                (Field::text("title", L_LEARNING_TITLE, &v.title)
                    .hint("ws-hint-learning-title")
                    .length(LearningTitle::MIN, LearningTitle::MAX).render(errors))
                (Field::textarea("body", L_LEARNING_BODY, &v.body, 8)
                    .hint("ws-hint-learning-body")
                    .length(LearningBody::MIN, LearningBody::MAX).render(errors))
                button.primary type="submit" { (t("ws-learning-save")) }
                " " a href={ "/workshops/" (workshop) } { (t("cancel")) }
            }
        },
    )
}

pub fn learning_delete_confirm(ctx: &Ctx, l: &LearningRow) -> Markup {
    layout::page(
        ctx,
        &t("ws-learning-delete"),
        html! {
            h1 { (t("ws-learning-delete")) }
            p { (ta("ws-learning-delete-question", &[
                ("learning", learning_label(l).into()),
                ("workshop", l.workshop_title.clone().into()),
            ])) }
            div.actions {
                (button_form(&format!("/learnings/{}/delete", l.id), ctx.csrf(), &t("ws-learning-delete-yes"), "danger"))
                a href={ "/workshops/" (l.workshop_id) "#learning-" (l.id) } { (t("ws-back-to-workshop")) }
            }
        },
    )
}

// ---------------------------------------------------------------------------------------
// On the idea page and in the idea form

/// Declared beside its query; named here too, for the idea page that shows it.
pub use crate::db::workshops::IdeaLearnings;

/// "Aus der Innovationswerkstatt": the learnings linked to the idea, and for moderators the
/// forms to link and unlink.
pub fn idea_section(ctx: &Ctx, idea: IdeaId, l: &IdeaLearnings) -> Markup {
    let moderator = ctx.is_moderator();
    let open: Vec<&LearningRow> = l
        .choices
        .iter()
        .filter(|c| !l.linked.iter().any(|x| x.id == c.id))
        .collect();
    html! {
        @if !l.linked.is_empty() || moderator {
            section.werkstatt #werkstatt aria-labelledby="werkstatt-title" {
                h2 #werkstatt-title { (t("ws-from-workshops")) }
                @if l.linked.is_empty() {
                    p.meta { (t("ws-idea-no-learnings")) }
                }
                ul.plain-list {
                    @for x in &l.linked {
                        li.learning {
                            h3 { a href={ "/workshops/" (x.workshop_id) "#learning-" (x.id) } { (learning_label(x)) } }
                            p.meta { (with_markup("ws-from-workshop", &[("date", format_date(x.starts_at).into())], "workshop",
                                html! { a href={ "/workshops/" (x.workshop_id) } { (x.workshop_title) } })) }
                            div.learning-text { (paragraphs(&x.body)) }
                            @if moderator {
                                (post_button(&format!("/ideas/{idea}/learnings/remove"), ctx.csrf(),
                                    &[("learning", &x.id.to_string())],
                                    html! { (t("ws-unlink")) span.visually-hidden { " (" (learning_label(x)) ")" } }, "link-button"))
                            }
                        }
                    }
                }
                @if moderator {
                    @if open.is_empty() {
                        p.meta { (t("ws-no-more-learnings")) }
                    } @else {
                        form.search method="post" action={ "/ideas/" (idea) "/learnings" } {
                            (csrf_field(ctx.csrf()))
                            label for="f-learning" { (t("ws-link-learning")) }
                            select #f-learning name="learning" required {
                                option value="" { (t("idea-choose")) }
                                @for group in open.chunk_by(|a, b| a.workshop_id == b.workshop_id) {
                                    optgroup label={ (group[0].workshop_title) " (" (format_date(group[0].starts_at)) ")" } {
                                        @for c in group { option value=(c.id) { (learning_label(c)) } }
                                    }
                                }
                            }
                            button type="submit" { (t("ws-link-button")) }
                        }
                    }
                }
            }
        }
    }
}

/// The hidden learning of "Idee zu diesem Learning einreichen", and a note saying so.
pub fn idea_form_learning(l: Option<&LearningRow>) -> Markup {
    html! {
        @if let Some(l) = l {
            input type="hidden" name="learning" value=(l.id);
            p.notice { (ta("ws-idea-will-link", &[
                ("learning", learning_label(l).into()),
                ("workshop", l.workshop_title.clone().into()),
            ])) }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::workshop::parse_agenda;
    use crate::i18n::render;

    #[test]
    fn agenda_errors_name_their_line() {
        let errors = parse_agenda("17:00 | Begrüßung\nabends | Ende\n17:30\n18:00 |  | X\na|b|c|d")
            .err()
            .unwrap_or_default();
        let errors: Vec<String> = errors.iter().map(render).collect();
        assert_eq!(errors.len(), 4, "{errors:?}");
        assert!(errors[0].starts_with("Zeile 2: „abends“ ist keine Uhrzeit."));
        assert!(errors[1].starts_with("Zeile 3:"));
        assert!(errors[2].starts_with("Zeile 4:"));
        assert!(errors[3].starts_with("Zeile 5:"));
    }
}
