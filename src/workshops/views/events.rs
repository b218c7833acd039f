//! The workshop list, the workshop page, its calendar text, and the workshop form.

use super::learnings::learning_article;
use super::registration::registration_box;
use super::{
    L_AGENDA, L_DATE, L_DESCRIPTION, L_END, L_FORMAT, L_LOCATION, L_REPORT, L_SEATS, L_START,
    L_THEME, L_TITLE, clock_label, count, seats_line, when,
};

use crate::db::themes::ThemeRow;
use crate::db::workshops::{LearningRow, LinkedIdea, Registration, WorkshopRow};
use crate::domain::workshop::{AgendaRow, Seats, WorkshopFormat, WorkshopTitle};
use crate::domain::{LearningId, Message, WorkshopId};
use crate::i18n::{Label, t, ta};
use crate::web::datetime::format_date;
use crate::web::forms::{button_form, csrf_field};
use crate::web::layout::{self, breadcrumbs, title_with_errors};
use crate::web::markdown;
use crate::web::{Ctx, Field, FormErrors};
use maud::{Markup, html};

/// The flash message after saving a workshop; it names how many moved up from the waiting list.
pub fn workshop_saved(promoted: u64) -> Message {
    match promoted {
        0 => Message::key("ws-saved"),
        n => Message::key("ws-saved-promoted").arg("count", i64::try_from(n).unwrap_or(i64::MAX)),
    }
}

pub fn list(ctx: &Ctx, upcoming: &[WorkshopRow], past: &[WorkshopRow], now: i64) -> Markup {
    let feeds = [crate::feeds::workshop_feed()];
    layout::page_with_feeds(
        ctx,
        &t("nav-workshops"),
        &feeds,
        html! {
            h1 { (t("nav-workshops")) }
            div.intro { p { (t("ws-intro")) } }
            (layout::feed_links(&feeds))
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
    /// "Folgen" / "Nicht mehr folgen" (notifications area).
    pub follow: Markup,
}

/// A coming workshop puts registration first; one that has taken place leads with its
/// learnings (with a table of contents) and offers no calendar file or join link any more.
pub fn show(ctx: &Ctx, p: &WorkshopPage) -> Markup {
    let w = p.w;
    let format = w.format;
    let past = p.now >= w.ends_at;
    let description = html! { div.workshop-description { (markdown::render(&w.description)) } };
    let agenda = html! {
        @if !p.agenda.is_empty() {
            h2 { (t(L_AGENDA)) }
            div.table-wrap {
                // One card per programme item on a phone: a speaker's long name ("Innovationsbüro
                // Digitales Leben") made the three columns wider than the screen.
                table.agenda.cards {
                    caption.visually-hidden { (t("ws-agenda-caption")) }
                    thead { tr { th scope="col" { (t("ws-col-time")) } th scope="col" { (t("ws-col-item")) } th scope="col" { (t("ws-col-with")) } } }
                    tbody {
                        @for r in p.agenda {
                            tr {
                                td data-label=(t("ws-col-time")) { @if let Some(m) = r.at_minute { (clock_label(m)) } @else { span.visually-hidden { (t("ws-no-time")) } } }
                                td data-label=(t("ws-col-item")) { (r.item) }
                                td data-label=(t("ws-col-with")) { (r.speaker) }
                            }
                        }
                    }
                }
            }
        }
    };
    let report = html! {
        @if !w.report.is_empty() {
            section aria-labelledby="bericht-title" {
                h2 #bericht-title { (t("ws-report")) }
                div.workshop-report { (markdown::render(&w.report)) }
            }
        }
    };
    let learnings = html! {
        @if !p.learnings.is_empty() {
            section #learnings aria-labelledby="learnings-title" {
                h2 #learnings-title { (t("ws-learnings-heading")) }
                p.hint.learnings-explained { (t("ws-learnings-explained")) }
                @if past {
                    nav.toc aria-label=(t("ws-learnings-toc")) {
                        ol {
                            @for l in p.learnings {
                                li { a href={ "#learning-" (l.id) } { (super::learning_label(l)) } }
                            }
                        }
                    }
                }
                @for l in p.learnings { (learning_article(ctx, p, l)) }
            }
        }
    };
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
                        @if !past {
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
            }
            (p.follow)
            div.actions {
                @if !past {
                    a href={ "/workshops/" (w.id) ".ics" } { (t("ws-add-to-calendar")) }
                }
                @if ctx.is_moderator() {
                    a.button href={ "/workshops/" (w.id) "/edit" } { (t("ws-edit")) }
                    a.button href={ "/workshops/" (w.id) "/participants" } { (count("ws-participants-count", w.confirmed + w.waiting)) }
                    a.button href={ "/workshops/" (w.id) "/learnings/new" } { (t("ws-learning-add")) }
                    a href={ "/workshops/" (w.id) "/delete" } { (t("ws-delete")) }
                }
            }
            @if past {
                (learnings)
                (report)
                (description)
                (agenda)
                (registration_box(ctx, p))
            } @else {
                (registration_box(ctx, p))
                (description)
                (agenda)
                (report)
                (learnings)
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
                            @let (name, lang) = crate::i18n::localized(&theme.name, &theme.name_en);
                            option value=(theme.slug) selected[theme.slug == v.theme] lang=[lang] { (name) }
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
