//! Pages of the Innovationswerkstatt, and the pieces the idea page and idea form show of it;
//! every German text of the area lives here.

use super::routes::Registered;
use crate::db::themes::ThemeRow;
use crate::db::workshops::{
    CONFIRMED, LearningRow, LinkedIdea, MyRegistration, Participant, Registration, WorkshopRow,
};
use crate::domain::workshop::{
    AgendaRow, LearningBody, LearningTitle, Seats, WorkshopFormat, WorkshopTitle, clock,
};
use crate::domain::{IdeaId, LearningId, WorkshopId};
use crate::ideas::views::status_badge;
use crate::web::datetime::{format, format_clock, format_date, time_el, to_berlin};
use crate::web::forms::{button_form, csrf_field};
use crate::web::layout::{self, breadcrumbs, encode, title_with_errors};
use crate::web::markdown;
use crate::web::{Ctx, Field, FormErrors};
use maud::{Markup, html};
use time::Weekday;

pub const WORKSHOP_CREATED: &str = "Die Werkstatt ist angelegt.";
pub const WORKSHOP_DELETED: &str = "Die Werkstatt wurde gelöscht.";
pub const LEARNING_CREATED: &str = "Das Learning ist gespeichert.";
pub const LEARNING_SAVED: &str = "Das Learning wurde geändert.";
pub const LEARNING_DELETED: &str =
    "Das Learning wurde gelöscht; die folgenden Learnings sind eine Nummer nach vorn gerückt.";
pub const LINKED: &str = "Learning und Idee sind jetzt verknüpft.";
pub const UNLINKED: &str = "Die Verknüpfung von Learning und Idee wurde gelöst.";
pub const CHOOSE_LEARNING: &str = "Bitte wählen Sie ein Learning aus der Liste.";
pub const CANCELLED: &str = "Ihre Anmeldung ist storniert. Danke, dass Sie den Platz freigeben!";
pub const NOTHING_TO_CANCEL: &str = "Sie waren für diese Werkstatt nicht angemeldet.";
pub const CANCEL_TOO_LATE: &str =
    "Die Werkstatt hat bereits begonnen; eine Absage ist hier nicht mehr möglich.";
pub const REGISTRATION_STARTED: &str =
    "Die Anmeldung ist geschlossen, weil die Werkstatt bereits begonnen hat.";
pub const REGISTRATION_CLOSED: &str = "Die Anmeldung für diese Werkstatt ist zurzeit geschlossen.";
pub const TIME_NONEXISTENT: &str = "Diese Uhrzeit gibt es an diesem Tag nicht: Die Uhren springen bei der Umstellung auf Sommerzeit von 02:00 auf 03:00 Uhr. Bitte wählen Sie eine andere Uhrzeit.";
pub const TIME_AMBIGUOUS: &str = "Diese Uhrzeit gibt es an diesem Tag zweimal: Die Uhren werden bei der Umstellung auf Winterzeit von 03:00 auf 02:00 Uhr zurückgestellt. Bitte wählen Sie eine Uhrzeit vor 02:00 oder ab 03:00 Uhr.";
pub const END_BEFORE_START: &str = "Das Ende muss nach dem Beginn liegen (am selben Tag).";
pub const FORMAT_MISSING: &str =
    "Bitte wählen Sie, ob die Werkstatt digital oder vor Ort stattfindet.";
pub const THEME_UNKNOWN: &str = "Dieses Thema gibt es nicht (mehr). Bitte wählen Sie ein anderes.";
pub const FORMAT_DIGITAL: &str = "Digital";
pub const FORMAT_ONSITE: &str = "Vor Ort";
pub const L_TITLE: &str = "Titel";
pub const L_DATE: &str = "Datum";
pub const L_START: &str = "Beginn";
pub const L_END: &str = "Ende";
pub const L_FORMAT: &str = "Format";
pub const L_LOCATION: &str = "Ort oder Link zur Teilnahme";
pub const L_DESCRIPTION: &str = "Beschreibung";
pub const L_AGENDA: &str = "Programm";
pub const L_SEATS: &str = "Plätze";
pub const L_THEME: &str = "Passendes Thema";
pub const L_REPORT: &str = "Bericht nach der Werkstatt";
pub const L_LEARNING_TITLE: &str = "Kurzer Titel";
pub const L_LEARNING_BODY: &str = "Text des Learnings";

pub const CSV_HEADER: [&str; 6] = [
    "Nr.",
    "Name",
    "E-Mail-Adresse",
    "Status",
    "Angemeldet am",
    "Nachgerückt am",
];

const INTRO: &str = "Die Innovationswerkstatt ist ein vierteljährlich stattfindendes Format des Innovationsbüros. Sie bietet Gelegenheit zum Austausch mit Interessierten aus zivilgesellschaftlichen Organisationen, dem Bundesministerium für Familie, Senioren, Frauen und Jugend, dem Innovationsbüro und Bürgerinnen und Bürgern zu den gesellschaftspolitischen Fragen der Digitalisierung. Was wir dort lernen, halten wir als Learnings fest – und verknüpfen es mit den Ideen auf Mitdenken.";

pub fn workshop_saved(promoted: u64) -> String {
    match promoted {
        0 => "Die Werkstatt wurde gespeichert.".to_string(),
        1 => "Die Werkstatt wurde gespeichert. 1 Person ist von der Warteliste nachgerückt."
            .to_string(),
        n => format!(
            "Die Werkstatt wurde gespeichert. {n} Personen sind von der Warteliste nachgerückt."
        ),
    }
}

pub fn registered_message(outcome: &Registered, place: Option<i64>) -> String {
    match outcome {
        Registered::Confirmed => "Sie sind angemeldet. Wir freuen uns auf Sie!".to_string(),
        Registered::Waiting => format!(
            "Alle Plätze sind vergeben. Sie stehen auf der Warteliste{} und rücken automatisch nach, sobald jemand absagt.",
            place.map(|p| format!(" auf Platz {p}")).unwrap_or_default()
        ),
        Registered::Already => {
            "Sie sind für diese Werkstatt bereits angemeldet oder stehen auf der Warteliste."
                .to_string()
        }
        Registered::Started => REGISTRATION_STARTED.to_string(),
        Registered::Closed => REGISTRATION_CLOSED.to_string(),
    }
}

fn weekday(unix: i64) -> &'static str {
    match to_berlin(unix).weekday() {
        Weekday::Monday => "Montag",
        Weekday::Tuesday => "Dienstag",
        Weekday::Wednesday => "Mittwoch",
        Weekday::Thursday => "Donnerstag",
        Weekday::Friday => "Freitag",
        Weekday::Saturday => "Samstag",
        Weekday::Sunday => "Sonntag",
    }
}

/// "Mittwoch, 09.12.2020, 17:00 Uhr bis 18:30 Uhr"
fn when(w: &WorkshopRow) -> Markup {
    html! { (weekday(w.starts_at)) ", " (time_el(w.starts_at)) " bis " (format_clock(w.ends_at)) " Uhr" }
}

fn format_label(format: &str) -> &'static str {
    match WorkshopFormat::parse(format) {
        Some(WorkshopFormat::OnSite) => FORMAT_ONSITE,
        _ => FORMAT_DIGITAL,
    }
}

fn plural(n: i64, one: &'static str, many: &'static str) -> Markup {
    html! { (n) " " (if n == 1 { one } else { many }) }
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
        (w.confirmed) " von " (plural(w.seats, "Platz", "Plätzen")) " vergeben"
        @if w.waiting > 0 { " · " (w.waiting) " auf der Warteliste" }
    }
}

fn learning_label(l: &LearningRow) -> String {
    format!("Learning {}: {}", l.number, l.title)
}

// ---------------------------------------------------------------------------------------
// List

pub fn list(ctx: &Ctx, upcoming: &[WorkshopRow], past: &[WorkshopRow], now: i64) -> Markup {
    layout::page(
        ctx,
        "Innovationswerkstatt",
        html! {
            h1 { "Innovationswerkstatt" }
            div.intro { p { (INTRO) } }
            @if ctx.user.is_some() || ctx.is_moderator() {
                div.actions {
                    @if ctx.user.is_some() { a href="/workshops/mine" { "Meine Anmeldungen" } }
                    @if ctx.is_moderator() { a.button href="/workshops/new" { "Werkstatt anlegen" } }
                }
            }
            h2 { "Demnächst" }
            @if upcoming.is_empty() {
                p { "Zurzeit ist keine Werkstatt geplant. Schauen Sie bald wieder vorbei!" }
            } @else {
                ul.plain-list.workshop-list {
                    @for w in upcoming {
                        li.idea-card {
                            h3 { a href={ "/workshops/" (w.id) } { (w.title) } }
                            p.meta { (when(w)) " · " (format_label(&w.format)) }
                            p {
                                (seats_line(w)) ". "
                                @if w.accepts_registrations(now) {
                                    @if w.free_seats() > 0 { "Anmeldung offen." } @else { "Anmeldung auf die Warteliste möglich." }
                                } @else if now >= w.starts_at { "Läuft gerade." } @else { "Anmeldung geschlossen." }
                            }
                        }
                    }
                }
            }
            h2 { "Vergangene Werkstätten" }
            @if past.is_empty() {
                p { "Noch keine." }
            } @else {
                ul.plain-list.workshop-list {
                    @for w in past {
                        li.idea-card {
                            h3 { a href={ "/workshops/" (w.id) } { (w.title) } }
                            p.meta { (format_date(w.starts_at)) " · " (format_label(&w.format)) " · " (plural(w.learning_count, "Learning", "Learnings")) }
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
            h2 #anmeldung-title { "Anmeldung" }
            @if p.now >= w.ends_at {
                p { "Diese Werkstatt hat bereits stattgefunden."
                    @if p.registration.is_some_and(|r| r.status == CONFIRMED) { " Sie waren angemeldet." } }
            } @else {
                p { (seats_line(w)) "." }
                (registration_state(ctx, p, upcoming, &here))
            }
            @if upcoming && ctx.user.is_some() {
                p.hint { "Angemeldete Personen stehen mit Anzeigenamen und E-Mail-Adresse in der Teilnehmendenliste, die nur das Innovationsbüro sieht." }
            }
        }
    }
}

/// This person's place, or what they can do, for a workshop that has not ended.
fn registration_state(ctx: &Ctx, p: &WorkshopPage, upcoming: bool, here: &str) -> Markup {
    let w = p.w;
    html! {
            @match p.registration {
                Some(r) if r.status == CONFIRMED => {
                    @if let Some(at) = r.promoted_at {
                        p.notice { strong { "Sie sind nachgerückt:" } " Seit " (time_el(at)) " haben Sie einen festen Platz." }
                    } @else {
                        p.notice { strong { "Sie sind angemeldet." } " Ihr Platz ist sicher." }
                    }
                    @if upcoming {
                        (button_form(&format!("{here}/cancel"), ctx.csrf(), "Teilnahme absagen", ""))
                    }
                }
                Some(r) => {
                    p.notice { strong { "Sie stehen auf der Warteliste, Platz " (r.waiting_place) "." } " Sobald jemand absagt, rücken Sie automatisch nach und sehen es hier." }
                    @if upcoming {
                        (button_form(&format!("{here}/cancel"), ctx.csrf(), "Von der Warteliste abmelden", ""))
                    }
                }
                None => {
                    @if !upcoming {
                        p { (REGISTRATION_STARTED) }
                    } @else if w.registration_open == 0 {
                        p { (REGISTRATION_CLOSED) }
                    } @else if ctx.user.is_none() {
                        p { a href={ "/login?next=" (encode(here)) } { "Melden Sie sich mit Ihrem Konto an" } ", um an der Werkstatt teilzunehmen. Noch kein Konto? " a href={ "/register?next=" (encode(here)) } { "Jetzt registrieren" } "." }
                    } @else if w.free_seats() > 0 {
                        p { "Noch " (plural(w.free_seats(), "Platz", "Plätze")) " frei. Die Anmeldung schließt zu Beginn der Werkstatt." }
                        (button_form(&format!("{here}/register"), ctx.csrf(), "Zur Werkstatt anmelden", "primary"))
                    } @else {
                        p { "Alle Plätze sind vergeben. Sie können sich auf die Warteliste setzen lassen: Wer absagt, macht den Platz für die nächste Person auf der Liste frei." }
                        (button_form(&format!("{here}/register"), ctx.csrf(), "Auf die Warteliste setzen", "primary"))
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
            h4 { "Ideen zu diesem Learning" }
            @if ideas.is_empty() {
                p.meta { "Noch ist keine Idee mit diesem Learning verknüpft." }
            } @else {
                ul.plain-list.linked-ideas {
                    @for i in &ideas {
                        li {
                            a href={ "/ideas/" (i.id) } { (i.title) } " "
                            (status_badge(&i.status)) " · "
                            (plural(i.support_count, "Unterstützung", "Unterstützungen"))
                            @if ctx.is_moderator() {
                                " "
                                (post_button(&format!("/ideas/{}/learnings/remove", i.id), ctx.csrf(),
                                    &[("learning", &lid), ("from", "werkstatt")],
                                    html! { "Verknüpfung lösen" span.visually-hidden { " (" (i.title) ")" } }, "link-button"))
                            }
                        }
                    }
                }
            }
            p {
                a.button href={ "/ideas/new?theme=" (encode(w.theme_slug.as_deref().unwrap_or(""))) "&learning=" (l.id) } {
                    "Idee zu diesem Learning einreichen" span.visually-hidden { " (Learning " (l.number) ")" }
                }
            }
            @if ctx.is_moderator() {
                div.actions {
                    a href={ "/learnings/" (l.id) "/edit" } { "Learning bearbeiten" span.visually-hidden { " (" (l.number) ")" } }
                    a href={ "/learnings/" (l.id) "/delete" } { "Learning löschen" span.visually-hidden { " (" (l.number) ")" } }
                }
                form.search method="get" action={ "/workshops/" (w.id) "#learning-" (l.id) } role="search" {
                    input type="hidden" name="learning" value=(l.id);
                    label for={ "q-" (l.id) } { "Idee zum Verknüpfen suchen (Titel)" }
                    input id={ "q-" (l.id) } type="search" name="q" value=(if searched { p.search_query } else { "" });
                    button type="submit" { "Suchen" }
                }
                @if searched {
                    @if p.search.is_empty() {
                        p role="status" { "Keine Idee mit „" (p.search_query.trim()) "“ im Titel gefunden." }
                    } @else {
                        p role="status" { "Gefundene Ideen zu „" (p.search_query.trim()) "“:" }
                        ul.plain-list.search-results {
                            @for hit in p.search {
                                li {
                                    a href={ "/ideas/" (hit.id) } { (hit.title) } " " (status_badge(&hit.status)) " "
                                    @if ideas.iter().any(|i| i.id == hit.id) {
                                        span.meta { "bereits verknüpft" }
                                    } @else {
                                        (post_button(&format!("/ideas/{}/learnings", hit.id), ctx.csrf(),
                                            &[("learning", &lid), ("from", "werkstatt")],
                                            html! { "Verknüpfen" span.visually-hidden { " mit „" (hit.title) "“" } }, ""))
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
    let format = WorkshopFormat::parse(&w.format).unwrap_or(WorkshopFormat::Digital);
    layout::page(
        ctx,
        &w.title,
        html! {
            (breadcrumbs(&[("/workshops", "Innovationswerkstatt")]))
            h1 { (w.title) }
            dl.facts {
                dt { "Wann" } dd { (when(w)) " (deutsche Zeit)" }
                dt { "Format" } dd { (format_label(&w.format)) }
                @match format {
                    WorkshopFormat::OnSite => { dt { "Ort" } dd { (w.location) } }
                    WorkshopFormat::Digital => {
                        dt { "Teilnahme" }
                        dd {
                            @if p.show_link && !w.location.is_empty() {
                                a href=(w.location) rel="noopener noreferrer" { (w.location) }
                            } @else if p.show_link {
                                "Der Link zur Teilnahme steht noch nicht fest."
                            } @else {
                                "Den Link zur Teilnahme sehen angemeldete Teilnehmende hier."
                            }
                        }
                    }
                }
            }
            div.actions {
                a href={ "/workshops/" (w.id) ".ics" } { "In den Kalender übernehmen (.ics)" }
                @if ctx.is_moderator() {
                    a.button href={ "/workshops/" (w.id) "/edit" } { "Werkstatt bearbeiten" }
                    a.button href={ "/workshops/" (w.id) "/participants" } { "Teilnehmende (" (w.confirmed + w.waiting) ")" }
                    a.button href={ "/workshops/" (w.id) "/learnings/new" } { "Learning hinzufügen" }
                    a href={ "/workshops/" (w.id) "/delete" } { "Werkstatt löschen" }
                }
            }
            div.workshop-description { (markdown::render(&w.description)) }
            @if !p.agenda.is_empty() {
                h2 { "Programm" }
                div.table-wrap {
                    table.agenda {
                        caption.visually-hidden { "Programm der Werkstatt" }
                        thead { tr { th scope="col" { "Uhrzeit" } th scope="col" { "Programmpunkt" } th scope="col" { "Mit" } } }
                        tbody {
                            @for r in p.agenda {
                                tr {
                                    td { @if let Some(m) = r.at_minute { (clock(m)) " Uhr" } @else { span.visually-hidden { "ohne Uhrzeit" } } }
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
                    h2 #bericht-title { "Bericht" }
                    div.workshop-report { (markdown::render(&w.report)) }
                }
            }
            @if !p.learnings.is_empty() {
                section #learnings aria-labelledby="learnings-title" {
                    h2 #learnings-title { "Die Learnings aus der Werkstatt" }
                    @for l in p.learnings { (learning_article(ctx, p, l)) }
                }
            }
        },
    )
}

/// Plain text for the calendar entry: the description's source and the programme.
pub fn calendar_description(w: &WorkshopRow, agenda: &[AgendaRow], url: Option<&str>) -> String {
    let mut out = w.description.clone();
    if !agenda.is_empty() {
        out.push_str("\n\nProgramm:");
        for r in agenda {
            out.push('\n');
            if let Some(m) = r.at_minute {
                out.push_str(&format!("{} Uhr ", clock(m)));
            }
            out.push_str(&r.item);
            if !r.speaker.is_empty() {
                out.push_str(" – ");
                out.push_str(&r.speaker);
            }
        }
    }
    if let Some(url) = url {
        out.push_str("\n\nAnmeldung und Details: ");
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
            p.field-error id={ "f-" (key) "-error" } { span.visually-hidden { "Fehler: " } (e) }
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
            "Werkstatt bearbeiten",
            format!("/workshops/{id}/edit"),
            "Änderungen speichern",
        ),
        None => (
            "Neue Werkstatt",
            "/workshops".to_string(),
            "Werkstatt anlegen",
        ),
    };
    let format_error = errors.get("format");
    let theme_error = errors.get("theme");
    layout::page(
        ctx,
        &title_with_errors(title, !errors.is_empty()),
        html! {
            (breadcrumbs(&[("/workshops", "Innovationswerkstatt")]))
            h1 { (title) }
            (errors.summary())
            form.stack method="post" action=(action) novalidate {
                (csrf_field(ctx.csrf()))
                (Field::text("title", L_TITLE, &v.title)
                    .hint("Zum Beispiel „Wie können Daten den Alltag von Familien erleichtern?“")
                    .length(WorkshopTitle::MIN, WorkshopTitle::MAX).render(errors))
                (Field::text("date", L_DATE, &v.date)
                    .hint("TT.MM.JJJJ, zum Beispiel 09.12.2026. Alle Zeiten in deutscher Zeit (Berlin).").render(errors))
                (Field::text("start", L_START, &v.start).hint("HH:MM, zum Beispiel 17:00.").render(errors))
                (Field::text("end", L_END, &v.end).hint("HH:MM, am selben Tag.").render(errors))
                fieldset.field.has-error[format_error.is_some()] {
                    legend { (L_FORMAT) }
                    (error_p(errors, "format"))
                    @for (n, f) in WorkshopFormat::ALL.into_iter().enumerate() {
                        label.choice {
                            input type="radio" name="format" value=(f.as_str())
                                id=[(n == 0).then_some("f-format")]
                                checked[v.format == f.as_str()];
                            " " (format_label(f.as_str()))
                        }
                        " "
                    }
                }
                (Field::text("location", L_LOCATION, &v.location)
                    .hint("Vor Ort: Adresse oder Raum. Digital: der Link (https://…); nur bestätigte Teilnehmende sehen ihn. Darf leer bleiben, bis er feststeht.")
                    .optional().render(errors))
                (Field::textarea("description", L_DESCRIPTION, &v.description, 10)
                    .hint("Worum geht es, für wen ist die Werkstatt gedacht? Markdown ist erlaubt.").render(errors))
                (Field::textarea("agenda", L_AGENDA, &v.agenda, 8)
                    .hint("Eine Zeile pro Programmpunkt: Uhrzeit | Programmpunkt | Person oder Organisation, zum Beispiel „17:10 | Wie sammelt man Daten? | Holger Dieterich, Sozialhelden e.V.“. Uhrzeit und Person dürfen fehlen („| Arbeitsphase“).")
                    .optional().render(errors))
                (Field::text("seats", L_SEATS, &v.seats)
                    .hint(&format!("Wie viele Personen einen festen Platz bekommen (1 bis {}). Wer danach kommt, steht auf der Warteliste.", Seats::MAX)).render(errors))
                div.field {
                    label.choice {
                        input type="checkbox" name="registration_open" value="1" checked[v.registration_open];
                        " Anmeldung geöffnet"
                    }
                    p.hint { "Die Anmeldung schließt automatisch, wenn die Werkstatt beginnt." }
                }
                div.field.has-error[theme_error.is_some()] {
                    label for="f-theme" { (L_THEME) " " span.optional { "(optional)" } }
                    p.hint #f-theme-hint { "Ideen, die aus einem Learning dieser Werkstatt entstehen, werden diesem Thema vorgeschlagen." }
                    (error_p(errors, "theme"))
                    select #f-theme name="theme" aria-describedby="f-theme-hint" aria-invalid=[theme_error.map(|_| "true")] {
                        option value="" { "Kein bestimmtes Thema" }
                        @for t in themes {
                            option value=(t.slug) selected[t.slug == v.theme] { (t.name) }
                        }
                    }
                }
                (Field::textarea("report", L_REPORT, &v.report, 10)
                    .hint("Nach der Werkstatt: Was ist passiert, wer hat was vorgestellt? Markdown ist erlaubt. Die Learnings legen Sie danach auf der Seite der Werkstatt einzeln an.")
                    .optional().render(errors))
                button.primary type="submit" { (button) }
                @if let Some(id) = editing { " " a href={ "/workshops/" (id) } { "Abbrechen" } }
            }
        },
    )
}

pub fn delete_confirm(ctx: &Ctx, w: &WorkshopRow) -> Markup {
    layout::page(
        ctx,
        "Werkstatt löschen",
        html! {
            h1 { "Werkstatt löschen" }
            p { "Möchten Sie die Werkstatt „" (w.title) "“ wirklich löschen? Mit ihr verschwinden "
                (plural(w.confirmed + w.waiting, "Anmeldung", "Anmeldungen")) ", "
                (plural(w.learning_count, "Learning", "Learnings"))
                " und deren Verknüpfungen mit Ideen. Die Ideen selbst bleiben. Das lässt sich nicht rückgängig machen." }
            div.actions {
                (button_form(&format!("/workshops/{}/delete", w.id), ctx.csrf(), "Ja, Werkstatt löschen", "danger"))
                a href={ "/workshops/" (w.id) } { "Nein, zurück zur Werkstatt" }
            }
        },
    )
}

// ---------------------------------------------------------------------------------------
// Participants and registrations

fn registration_status(status: &str) -> &'static str {
    if status == CONFIRMED {
        "Bestätigt"
    } else {
        "Warteliste"
    }
}

pub fn csv_record(n: usize, p: &Participant) -> [String; 6] {
    [
        n.to_string(),
        p.display_name.clone(),
        p.email.clone(),
        registration_status(&p.status).to_string(),
        format(p.registered_at),
        p.promoted_at.map(format).unwrap_or_default(),
    ]
}

pub fn participants(ctx: &Ctx, w: &WorkshopRow, rows: &[Participant]) -> Markup {
    let title = format!("Teilnehmende: {}", w.title);
    layout::page(
        ctx,
        &title,
        html! {
            (breadcrumbs(&[("/workshops", "Innovationswerkstatt"), (&format!("/workshops/{}", w.id), &w.title)]))
            h1 { (title) }
            p { (seats_line(w)) "." }
            p { a.button href={ "/workshops/" (w.id) "/participants.csv" } { "Liste als CSV herunterladen (für Excel)" } }
            @if rows.is_empty() {
                p { "Noch hat sich niemand angemeldet." }
            } @else {
                div.table-wrap {
                    table {
                        caption.visually-hidden { "Angemeldete Personen, zuerst die bestätigten, dann die Warteliste" }
                        thead { tr { @for h in CSV_HEADER { th scope="col" { (h) } } } }
                        tbody {
                            @for (n, p) in rows.iter().enumerate() {
                                tr {
                                    td { (n + 1) }
                                    td { a href={ "/users/" (p.user_id) } { (p.display_name) } }
                                    td { (p.email) }
                                    td { (registration_status(&p.status)) }
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
        "Meine Anmeldungen",
        html! {
            (breadcrumbs(&[("/workshops", "Innovationswerkstatt")]))
            h1 { "Meine Anmeldungen" }
            @if rows.is_empty() {
                p { "Sie sind für keine Werkstatt angemeldet. " a href="/workshops" { "Zu den Werkstätten" } }
            } @else {
                ul.plain-list.workshop-list {
                    @for r in rows {
                        li.idea-card {
                            h2 { a href={ "/workshops/" (r.workshop_id) } { (r.title) } }
                            p.meta { (weekday(r.starts_at)) ", " (time_el(r.starts_at)) @if r.starts_at <= now { " · vorbei" } }
                            p {
                                @if r.status == CONFIRMED {
                                    @if let Some(at) = r.promoted_at {
                                        strong { "Sie sind nachgerückt" } " (am " (time_el(at)) ") und haben einen festen Platz."
                                    } @else {
                                        strong { "Angemeldet" } ", Ihr Platz ist sicher."
                                    }
                                } @else {
                                    strong { "Warteliste, Platz " (r.waiting_place) } " – angemeldet am " (time_el(r.registered_at)) "."
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
            format!("Learning {} bearbeiten", l.number),
            format!("/learnings/{}/edit", l.id),
        ),
        None => (
            "Neues Learning".to_string(),
            format!("/workshops/{workshop}/learnings"),
        ),
    };
    layout::page(
        ctx,
        &title_with_errors(&title, !errors.is_empty()),
        html! {
            (breadcrumbs(&[("/workshops", "Innovationswerkstatt"), (&format!("/workshops/{workshop}"), workshop_title)]))
            h1 { (title) }
            @if editing.is_none() {
                p { "Das Learning bekommt die nächste freie Nummer. Danach können Sie es auf der Seite der Werkstatt mit Ideen verknüpfen." }
            }
            (errors.summary())
            form.stack method="post" action=(action) novalidate {
                (csrf_field(ctx.csrf()))
                (Field::text("title", L_LEARNING_TITLE, &v.title)
                    .hint("Worum es geht, in wenigen Worten.")
                    .length(LearningTitle::MIN, LearningTitle::MAX).render(errors))
                (Field::textarea("body", L_LEARNING_BODY, &v.body, 8)
                    .hint("So, wie es in der Werkstatt festgehalten wurde. Absätze durch eine Leerzeile.")
                    .length(LearningBody::MIN, LearningBody::MAX).render(errors))
                button.primary type="submit" { "Learning speichern" }
                " " a href={ "/workshops/" (workshop) } { "Abbrechen" }
            }
        },
    )
}

pub fn learning_delete_confirm(ctx: &Ctx, l: &LearningRow) -> Markup {
    layout::page(
        ctx,
        "Learning löschen",
        html! {
            h1 { "Learning löschen" }
            p { "Möchten Sie „" (learning_label(l)) "“ aus der Werkstatt „" (l.workshop_title) "“ wirklich löschen? Seine Verknüpfungen mit Ideen werden gelöst; die folgenden Learnings rücken eine Nummer nach vorn." }
            div.actions {
                (button_form(&format!("/learnings/{}/delete", l.id), ctx.csrf(), "Ja, Learning löschen", "danger"))
                a href={ "/workshops/" (l.workshop_id) "#learning-" (l.id) } { "Nein, zurück zur Werkstatt" }
            }
        },
    )
}

// ---------------------------------------------------------------------------------------
// On the idea page and in the idea form

/// What the idea page shows of the workshops.
#[derive(Default)]
pub struct IdeaLearnings {
    pub linked: Vec<LearningRow>,
    /// Every learning, for the moderators' choice (empty for everyone else).
    pub choices: Vec<LearningRow>,
}

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
                h2 #werkstatt-title { "Aus der Innovationswerkstatt" }
                @if l.linked.is_empty() {
                    p.meta { "Diese Idee ist noch mit keinem Learning verknüpft." }
                }
                ul.plain-list {
                    @for x in &l.linked {
                        li.learning {
                            h3 { a href={ "/workshops/" (x.workshop_id) "#learning-" (x.id) } { (learning_label(x)) } }
                            p.meta { "Aus der Werkstatt " a href={ "/workshops/" (x.workshop_id) } { (x.workshop_title) } " vom " (format_date(x.starts_at)) }
                            div.learning-text { (paragraphs(&x.body)) }
                            @if moderator {
                                (post_button(&format!("/ideas/{idea}/learnings/remove"), ctx.csrf(),
                                    &[("learning", &x.id.to_string())],
                                    html! { "Verknüpfung lösen" span.visually-hidden { " (" (learning_label(x)) ")" } }, "link-button"))
                            }
                        }
                    }
                }
                @if moderator {
                    @if open.is_empty() {
                        p.meta { "Es gibt kein weiteres Learning zum Verknüpfen." }
                    } @else {
                        form.search method="post" action={ "/ideas/" (idea) "/learnings" } {
                            (csrf_field(ctx.csrf()))
                            label for="f-learning" { "Learning verknüpfen" }
                            select #f-learning name="learning" required {
                                option value="" { "Bitte wählen" }
                                @for group in open.chunk_by(|a, b| a.workshop_id == b.workshop_id) {
                                    optgroup label={ (group[0].workshop_title) " (" (format_date(group[0].starts_at)) ")" } {
                                        @for c in group { option value=(c.id) { (learning_label(c)) } }
                                    }
                                }
                            }
                            button type="submit" { "Verknüpfen" }
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
            p.notice { "Ihre Idee wird mit „" (learning_label(l)) "“ aus der Werkstatt „" (l.workshop_title) "“ verknüpft." }
        }
    }
}
