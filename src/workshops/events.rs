//! Handlers for the workshops themselves: the list, the page and its calendar file, and
//! creating, editing and deleting a workshop.

use super::ics;
use super::registration::{my_registration, sees_join_link};
use super::views::{self, WorkshopPage, WorkshopValues};
use super::{load, parse_id, workshop_url};
use crate::db::{self};
use crate::domain::workshop::{
    Seats, WorkshopDescription, WorkshopFormat, WorkshopReport, WorkshopTitle, agenda_text,
    parse_agenda, parse_date, parse_location, parse_time,
};
use crate::domain::{LearningId, WorkshopId};
use crate::error::{AppError, AppResult};
use crate::i18n::Label;
use crate::state::AppState;
use crate::web::datetime::{self, berlin_to_unix, format_clock};
use crate::web::{Ctx, Form, FormErrors, Path, Query};
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use maud::Markup;
use serde::Deserialize;

/// Search results offered for linking under a learning.
const SEARCH_LIMIT: i64 = 20;

pub(super) async fn list(State(state): State<AppState>, ctx: Ctx) -> AppResult<Markup> {
    let now = db::now();
    let (upcoming, mut past): (Vec<_>, Vec<_>) = db::workshops::all(&state.db.pool)
        .await?
        .into_iter()
        .partition(|w| w.ends_at > now);
    past.reverse();
    Ok(views::list(&ctx, &upcoming, &past, now))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct ShowQuery {
    /// The learning whose "link an idea" search was sent, and the words searched for.
    learning: String,
    q: String,
}

pub(super) async fn show_or_ics(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path(raw): Path,
    Query(q): Query<ShowQuery>,
) -> AppResult<Response> {
    match raw.strip_suffix(".ics") {
        Some(id) => calendar_file(&state, &ctx, &headers, parse_id(id)?).await,
        None => Ok(show(&state, &ctx, parse_id(&raw)?, &q)
            .await?
            .into_response()),
    }
}

async fn show(state: &AppState, ctx: &Ctx, id: WorkshopId, q: &ShowQuery) -> AppResult<Markup> {
    let pool = &state.db.pool;
    let w = load(state, id).await?;
    let agenda = db::workshops::agenda(pool, id).await?;
    let learnings = db::workshops::learnings_of(pool, id).await?;
    let linked = db::workshops::linked_ideas(pool, id).await?;
    let registration = my_registration(state, ctx, id).await?;
    let search_learning: Option<LearningId> = q.learning.parse().ok();
    let search = match search_learning {
        Some(l) if ctx.is_moderator() && !q.q.trim().is_empty() => {
            db::workshops::search_ideas(pool, q.q.trim(), l, SEARCH_LIMIT).await?
        }
        _ => Vec::new(),
    };
    let show_link = sees_join_link(ctx, registration.as_ref());
    let follow = crate::notifications::follow_control(
        state,
        ctx,
        db::notifications::Target::Workshop(id),
        &format!("/workshops/{id}"),
    )
    .await?;
    Ok(views::show(
        ctx,
        &WorkshopPage {
            w: &w,
            agenda: &agenda,
            learnings: &learnings,
            linked: &linked,
            registration: registration.as_ref(),
            show_link,
            search_learning,
            search_query: &q.q,
            search: &search,
            now: db::now(),
            follow,
        },
    ))
}

/// `https://host` of this request, for the absolute link in the calendar entry; None when
/// the Host header holds anything but a plain host name and port.
fn site_origin(state: &AppState, headers: &HeaderMap) -> Option<String> {
    let host = headers.get(header::HOST)?.to_str().ok()?;
    let plain = !host.is_empty()
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b));
    let scheme = if state.config.secure_cookies {
        "https"
    } else {
        "http"
    };
    plain.then(|| format!("{scheme}://{host}"))
}

async fn calendar_file(
    state: &AppState,
    ctx: &Ctx,
    headers: &HeaderMap,
    id: WorkshopId,
) -> AppResult<Response> {
    let w = load(state, id).await?;
    let agenda = db::workshops::agenda(&state.db.pool, id).await?;
    let origin = site_origin(state, headers);
    let url = origin.as_ref().map(|o| format!("{o}{}", workshop_url(id)));
    let format = w.format;
    // The link to join goes only into the files of those who may see it on the page.
    let location = match format {
        WorkshopFormat::OnSite => w.location.clone(),
        WorkshopFormat::Digital
            if !w.location.is_empty()
                && sees_join_link(ctx, my_registration(state, ctx, id).await?.as_ref()) =>
        {
            format!("{} ({})", WorkshopFormat::Digital.label(), w.location)
        }
        WorkshopFormat::Digital => WorkshopFormat::Digital.label(),
    };
    let description = views::calendar_description(&w, &agenda, url.as_deref());
    let uid = format!("innovationswerkstatt-{}-{}@mitdenken", w.id, w.created_at);
    let body = ics::calendar(
        &ics::Event {
            uid: &uid,
            sequence: w.ics_sequence,
            start: w.starts_at,
            end: w.ends_at,
            summary: &w.title,
            description: &description,
            location: &location,
            url: url.as_deref(),
            organizer: origin.as_deref(),
            last_modified: w.updated_at,
        },
        db::now(),
    );
    let disposition = HeaderValue::from_str(&format!(
        "attachment; filename=\"innovationswerkstatt-{id}.ics\""
    ))
    .unwrap_or_else(|_| HeaderValue::from_static("attachment"));
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/calendar; charset=utf-8"),
            ),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        body,
    )
        .into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct WorkshopForm {
    title: String,
    date: String,
    start: String,
    end: String,
    format: String,
    location: String,
    description: String,
    agenda: String,
    seats: String,
    registration_open: String,
    theme: String,
    report: String,
}

impl WorkshopForm {
    fn values(&self) -> WorkshopValues {
        WorkshopValues {
            title: self.title.clone(),
            date: self.date.clone(),
            start: self.start.clone(),
            end: self.end.clone(),
            format: self.format.clone(),
            location: self.location.clone(),
            description: self.description.clone(),
            agenda: self.agenda.clone(),
            seats: self.seats.clone(),
            registration_open: !self.registration_open.is_empty(),
            theme: self.theme.clone(),
            report: self.report.clone(),
        }
    }
}

struct ParsedWorkshop {
    title: WorkshopTitle,
    starts_at: i64,
    ends_at: i64,
    format: WorkshopFormat,
    location: String,
    description: WorkshopDescription,
    agenda: Vec<crate::domain::workshop::AgendaRow>,
    seats: Seats,
    theme: Option<db::themes::ThemeRow>,
    report: WorkshopReport,
}

/// A Berlin wall-clock time on `date` as an instant, or the catalogue key of the reason it
/// names none.
fn instant(date: time::Date, time: time::Time) -> Result<i64, &'static str> {
    berlin_to_unix(date, time).map_err(|e| match e {
        datetime::LocalTimeError::Nonexistent => views::TIME_NONEXISTENT,
        datetime::LocalTimeError::Ambiguous => views::TIME_AMBIGUOUS,
    })
}

fn parse_workshop(
    form: &WorkshopForm,
    themes: &[db::themes::ThemeRow],
    errors: &mut FormErrors,
) -> Option<ParsedWorkshop> {
    let title = errors.check("title", views::L_TITLE, WorkshopTitle::parse(&form.title));
    let date = errors.check("date", views::L_DATE, parse_date(&form.date));
    let start = errors.check("start", views::L_START, parse_time(&form.start));
    let end = errors.check("end", views::L_END, parse_time(&form.end));
    let starts_at = match (date, start) {
        (Some(d), Some(t)) => errors.check("start", views::L_START, instant(d, t)),
        _ => None,
    };
    let ends_at = match (date, end) {
        (Some(d), Some(t)) => errors.check("end", views::L_END, instant(d, t)),
        _ => None,
    };
    let ends_at = match (starts_at, ends_at) {
        (Some(s), Some(e)) if e <= s => {
            errors.add("end", views::L_END, views::END_BEFORE_START);
            None
        }
        (_, e) => e,
    };
    let format = WorkshopFormat::parse(&form.format);
    if format.is_none() {
        errors.add("format", views::L_FORMAT, views::FORMAT_MISSING);
    }
    let location = match format {
        Some(f) => errors.check(
            "location",
            views::L_LOCATION,
            parse_location(f, &form.location),
        ),
        None => None,
    };
    let description = errors.check(
        "description",
        views::L_DESCRIPTION,
        WorkshopDescription::parse(&form.description),
    );
    let agenda = match parse_agenda(&form.agenda) {
        Ok(rows) => Some(rows),
        Err(lines) => {
            let lines: Vec<String> = lines.iter().map(crate::i18n::render).collect();
            errors.add("agenda", views::L_AGENDA, &lines.join(" "));
            None
        }
    };
    let seats = errors.check("seats", views::L_SEATS, Seats::parse(&form.seats));
    let theme = match form.theme.as_str() {
        "" => Some(None),
        slug => match themes.iter().find(|t| t.slug == slug) {
            Some(t) => Some(Some(t.clone())),
            None => {
                errors.add("theme", views::L_THEME, views::THEME_UNKNOWN);
                None
            }
        },
    };
    let report = errors.check(
        "report",
        views::L_REPORT,
        WorkshopReport::parse(&form.report),
    );
    Some(ParsedWorkshop {
        title: title?,
        starts_at: starts_at?,
        ends_at: ends_at?,
        format: format?,
        location: location?,
        description: description?,
        agenda: agenda?,
        seats: seats?,
        theme: theme?,
        report: report?,
    })
}

impl ParsedWorkshop {
    fn fields(&self, registration_open: bool) -> db::workshops::WorkshopFields<'_> {
        db::workshops::WorkshopFields {
            title: self.title.as_str(),
            starts_at: self.starts_at,
            ends_at: self.ends_at,
            format: self.format,
            location: &self.location,
            description: self.description.as_str(),
            seats: self.seats.get(),
            registration_open,
            theme_id: self.theme.as_ref().map(|t| t.id),
            report: self.report.as_str(),
        }
    }
}

pub(super) async fn new_form(State(state): State<AppState>, ctx: Ctx) -> AppResult<Markup> {
    ctx.require_moderator()?;
    let themes = db::themes::all(&state.db.pool).await?;
    Ok(views::form(
        &ctx,
        None,
        &themes,
        &WorkshopValues::new_workshop(),
        &FormErrors::new(),
    ))
}

pub(super) async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<WorkshopForm>,
) -> AppResult<Response> {
    ctx.require_moderator()?;
    let themes = db::themes::all(&state.db.pool).await?;
    let mut errors = FormErrors::new();
    let Some(p) = parse_workshop(&form, &themes, &mut errors) else {
        return Ok(views::form(&ctx, None, &themes, &form.values(), &errors).into_response());
    };
    let mut tx = state.db.begin_write().await?;
    let fields = p.fields(!form.registration_open.is_empty());
    let id = db::workshops::create(&mut tx, &fields, &p.agenda).await?;
    tx.commit().await?;
    ctx.session.set_flash(views::WORKSHOP_CREATED).await?;
    Ok(Redirect::to(&workshop_url(id)).into_response())
}

/// The date as the form reads it back ("15.07.2026"), in whatever language the page is:
/// `parse_date` takes only this spelling and ISO.
fn form_date(unix: i64) -> String {
    let d = datetime::to_berlin(unix);
    format!("{:02}.{:02}.{}", d.day(), u8::from(d.month()), d.year())
}

pub(super) async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
) -> AppResult<Markup> {
    ctx.require_moderator()?;
    let w = load(&state, parse_id(&id)?).await?;
    let agenda = db::workshops::agenda(&state.db.pool, w.id).await?;
    let themes = db::themes::all(&state.db.pool).await?;
    let values = WorkshopValues {
        title: w.title.clone(),
        date: form_date(w.starts_at),
        start: format_clock(w.starts_at),
        end: format_clock(w.ends_at),
        format: w.format.as_str().to_string(),
        location: w.location.clone(),
        description: w.description.clone(),
        agenda: agenda_text(&agenda),
        seats: w.seats.to_string(),
        registration_open: w.registration_open,
        theme: w.theme_slug.clone().unwrap_or_default(),
        report: w.report.clone(),
    };
    Ok(views::form(
        &ctx,
        Some(w.id),
        &themes,
        &values,
        &FormErrors::new(),
    ))
}

pub(super) async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
    Form(form): Form<WorkshopForm>,
) -> AppResult<Response> {
    ctx.require_moderator()?;
    let id = parse_id(&id)?;
    let themes = db::themes::all(&state.db.pool).await?;
    let mut errors = FormErrors::new();
    let Some(p) = parse_workshop(&form, &themes, &mut errors) else {
        return Ok(views::form(&ctx, Some(id), &themes, &form.values(), &errors).into_response());
    };
    let mut tx = state.db.begin_write().await?;
    let fields = p.fields(!form.registration_open.is_empty());
    let promoted = db::workshops::edit(&mut tx, state.db.backend, id, &fields, &p.agenda)
        .await?
        .ok_or(AppError::NotFound)?;
    tx.commit().await?;
    ctx.session
        .set_flash(views::workshop_saved(promoted))
        .await?;
    Ok(Redirect::to(&workshop_url(id)).into_response())
}

pub(super) async fn delete_confirm(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
) -> AppResult<Markup> {
    ctx.require_moderator()?;
    let w = load(&state, parse_id(&id)?).await?;
    Ok(views::delete_confirm(&ctx, &w))
}

pub(super) async fn delete(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
) -> AppResult<Redirect> {
    ctx.require_moderator()?;
    let id = parse_id(&id)?;
    let mut tx = state.db.begin_write().await?;
    if !db::workshops::delete(&mut tx, state.db.backend, id).await? {
        return Err(AppError::NotFound);
    }
    tx.commit().await?;
    ctx.session.set_flash(views::WORKSHOP_DELETED).await?;
    Ok(Redirect::to("/workshops"))
}
