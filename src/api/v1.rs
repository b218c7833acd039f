//! The handlers of `/api/v1`: themes, ideas with their trail and comments, workshops with
//! their learnings, and the moderation log, as JSON.

use super::problem::Problem;
use crate::db::api::{ApiComment, ApiIdea, ApiLogEntry, IdeaCursor, IdeaFilter, IdeaSort};
use crate::db::curation::TransitionRow;
use crate::db::workshops::WorkshopRow;
use crate::db::{self, themes::ThemeRow};
use crate::domain::workshop::WorkshopFormat;
use crate::domain::{CommentId, IdeaId, Status, WorkshopId};
use crate::feeds::atom::Site;
use crate::moderation::hiding::public_reason;
use crate::state::AppState;
use crate::web::datetime::iso_utc;
use crate::web::{Path, Query};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde::Deserialize;
use serde_json::{Value, json};

type ApiResult = Result<Response, Problem>;

/// Items per page unless `limit` asks for fewer or more (up to `MAX_LIMIT`).
const DEFAULT_LIMIT: i64 = 50;
const MAX_LIMIT: i64 = 100;

fn site(state: &AppState, headers: &HeaderMap) -> Result<Site, Problem> {
    Site::of(
        state.config.base_url.as_deref(),
        state.config.secure_cookies,
        headers,
    )
    .map_err(Problem::from)
}

fn limit(raw: &str) -> Result<i64, Problem> {
    if raw.is_empty() {
        return Ok(DEFAULT_LIMIT);
    }
    raw.parse::<i64>()
        .ok()
        .filter(|n| (1..=MAX_LIMIT).contains(n))
        .ok_or_else(|| Problem::bad_request("api-err-limit"))
}

fn opt_time(t: Option<i64>) -> Value {
    t.map_or(Value::Null, |t| iso_utc(t).into())
}

/// `a.b.c` -> the numbers, exactly `n` of them.
fn cursor_numbers(raw: &str, n: usize) -> Result<Vec<i64>, Problem> {
    let parts: Vec<i64> = raw
        .split('.')
        .map(str::parse)
        .collect::<Result<_, _>>()
        .map_err(|_| Problem::bad_request("api-err-cursor"))?;
    if parts.len() == n {
        Ok(parts)
    } else {
        Err(Problem::bad_request("api-err-cursor"))
    }
}

/// `path?query` with `cursor` set to `cursor` (the other parameters kept as sent).
fn next_url(site: &Site, path: &str, query: &[(&str, &str)], cursor: &str) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (k, v) in query {
        if !v.is_empty() && *k != "cursor" {
            out.append_pair(k, v);
        }
    }
    out.append_pair("cursor", cursor);
    site.url(&format!("{path}?{}", out.finish()))
}

/// Cuts the one row fetched beyond `limit` (it only tells that a next page exists); gives
/// the last row kept when there is one.
fn cut<T>(rows: &mut Vec<T>, limit: i64) -> Option<&T> {
    let more = rows.len() as i64 > limit;
    rows.truncate(limit as usize);
    rows.last().filter(|_| more)
}

/// A page of items: the JSON, with the `next` link when there may be more.
fn page(items: Vec<Value>, next: Option<String>, headers: &HeaderMap) -> Response {
    let body = json!({ "items": items, "next": next });
    super::json(&body, headers, next.as_deref())
}

// ---------------------------------------------------------------- themes

fn theme_json(site: &Site, t: &ThemeRow) -> Value {
    json!({
        "id": t.id.0,
        "slug": t.slug,
        "name": t.name,
        "description": t.description,
        // The English texts where moderators gave them, else null (pages then show German).
        "name_en": (!t.name_en.trim().is_empty()).then_some(&t.name_en),
        "description_en": (!t.description_en.trim().is_empty()).then_some(&t.description_en),
        "open": t.is_open,
        "ideas": t.idea_count,
        "url": site.url(&format!("/themes/{}", t.slug)),
        "ideas_url": site.url(&format!("/api/v1/ideas?theme={}", t.slug)),
    })
}

pub(super) async fn themes(State(state): State<AppState>, headers: HeaderMap) -> ApiResult {
    let site = site(&state, &headers)?;
    let themes = db::themes::all(&state.db.pool).await?;
    let items = themes.iter().map(|t| theme_json(&site, t)).collect();
    Ok(page(items, None, &headers))
}

// ---------------------------------------------------------------- ideas

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct IdeasQuery {
    theme: String,
    status: String,
    since: String,
    sort: String,
    tag: String,
    cursor: String,
    limit: String,
}

fn sort_of(raw: &str) -> Result<IdeaSort, Problem> {
    match raw {
        "" | "neueste" => Ok(IdeaSort::Newest),
        "unterstuetzung" => Ok(IdeaSort::MostSupported),
        "diskutiert" => Ok(IdeaSort::MostDiscussed),
        "trend" => Ok(IdeaSort::Trending),
        _ => Err(Problem::bad_request("api-err-sort")),
    }
}

/// `since`: unix seconds, an RFC 3339 instant, or a day (midnight in Berlin).
fn since_of(raw: &str) -> Result<Option<i64>, Problem> {
    if raw.is_empty() {
        return Ok(None);
    }
    if let Ok(n) = raw.parse::<i64>() {
        return Ok(Some(n));
    }
    if let Ok(ts) = raw.parse::<jiff::Timestamp>() {
        return Ok(Some(ts.as_second()));
    }
    let bad = || Problem::bad_request("api-err-since");
    let mut parts = raw.splitn(3, '-').map(str::parse::<i32>);
    let (Some(Ok(y)), Some(Ok(m)), Some(Ok(d))) = (parts.next(), parts.next(), parts.next()) else {
        return Err(bad());
    };
    let month = u8::try_from(m)
        .ok()
        .and_then(|m| time::Month::try_from(m).ok())
        .ok_or_else(bad)?;
    let day = u8::try_from(d).map_err(|_| bad())?;
    let date = time::Date::from_calendar_date(y, month, day).map_err(|_| bad())?;
    crate::web::datetime::berlin_to_unix(date, time::Time::MIDNIGHT)
        .map(Some)
        .map_err(|_| bad())
}

fn idea_cursor(raw: &str, sort: IdeaSort) -> Result<Option<IdeaCursor>, Problem> {
    match raw {
        "" => Ok(None),
        raw => Ok(Some(IdeaCursor(cursor_numbers(raw, sort.keys().len())?))),
    }
}

fn cursor_text(c: &IdeaCursor) -> String {
    c.0.iter().map(i64::to_string).collect::<Vec<_>>().join(".")
}

fn idea_json(site: &Site, i: &ApiIdea, sort: IdeaSort) -> Value {
    json!({
        "id": i.id.0,
        "title": i.title,
        "theme": i.theme_slug,
        "status": i.status.as_str(),
        "author": i.author_name,
        "organisation": i.org_name,
        "supports": i.support_count,
        "comments": i.comment_count,
        "created_at": iso_utc(i.created_at),
        "edited_at": opt_time(i.edited_at),
        "url": site.url(&format!("/ideas/{}", i.id)),
        "api_url": site.url(&format!("/api/v1/ideas/{}", i.id)),
        "recent_supports": if sort == IdeaSort::Trending { Some(i.recent) } else { None },
    })
}

pub(super) async fn ideas(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<IdeasQuery>,
) -> ApiResult {
    let site = site(&state, &headers)?;
    let sort = sort_of(&q.sort)?;
    let limit = limit(&q.limit)?;
    let theme = match q.theme.as_str() {
        "" => None,
        slug => Some(
            db::themes::by_slug(&state.db.pool, slug)
                .await?
                .ok_or_else(|| Problem::bad_request("api-err-theme"))?
                .id,
        ),
    };
    let status = match q.status.as_str() {
        "" => None,
        s => Some(
            Status::parse(s)
                .filter(|s| !s.is_closed())
                .ok_or_else(|| Problem::bad_request("api-err-status"))?,
        ),
    };
    if sort == IdeaSort::Trending && theme.is_none() {
        return Err(Problem::bad_request("api-err-trend"));
    }
    let filter = IdeaFilter {
        theme,
        status,
        since: since_of(&q.since)?,
        tag: match q.tag.as_str() {
            "" => None,
            slug => {
                // A tag no theme has is a mistake in the address, like an unknown theme.
                let known = db::tags::names(&state.db.pool).await?;
                if !known.iter().any(|(s, _)| s == slug) {
                    return Err(Problem::bad_request("api-err-tag"));
                }
                Some(slug.to_string())
            }
        },
    };
    let after = idea_cursor(&q.cursor, sort)?;
    // One more than asked tells whether a next page exists.
    let mut rows = db::api::ideas(&state.db.pool, &filter, sort, after.as_ref(), limit + 1).await?;
    let next = cut(&mut rows, limit).map(|last| {
        next_url(
            &site,
            "/api/v1/ideas",
            &[
                ("theme", &q.theme),
                ("status", &q.status),
                ("tag", &q.tag),
                ("since", &q.since),
                ("sort", &q.sort),
                ("limit", &q.limit),
            ],
            &cursor_text(&last.cursor(sort)),
        )
    });
    let items = rows.iter().map(|i| idea_json(&site, i, sort)).collect();
    Ok(page(items, next, &headers))
}

fn step_json(t: &TransitionRow) -> Value {
    json!({
        "from": t.from_status.map(Status::as_str),
        "to": t.to_status.as_str(),
        "by": t.actor_name,
        "by_role": t.actor_role.as_str(),
        "note": t.note,
        "at": iso_utc(t.created_at),
    })
}

pub(super) async fn idea(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path,
) -> ApiResult {
    let site = site(&state, &headers)?;
    let id: IdeaId = crate::web::parse_id(&id)?;
    let i = db::ideas::detail(&state.db.pool, id)
        .await?
        .filter(|i| !i.hidden())
        .ok_or(Problem::new(StatusCode::NOT_FOUND))?;
    let trail = db::curation::transitions(&state.db.pool, id).await?;
    let learnings = db::workshops::idea_learnings(&state.db.pool, id, false)
        .await?
        .linked;
    // The answer as the idea page shows it: the ministry's latest answer with its text.
    let answer = trail
        .iter()
        .rev()
        .find(|t| Status::ANSWERS.contains(&t.to_status) && !t.note.is_empty())
        .map(|t| {
            json!({
                "status": t.to_status.as_str(),
                "text": t.note,
                "by": t.actor_name,
                "at": iso_utc(t.created_at),
            })
        });
    let body = json!({
        "id": i.id.0,
        "title": i.title,
        "body": i.body,
        "theme": i.theme_slug,
        "status": i.status.as_str(),
        "author": i.author_name,
        "organisation": i.org_name,
        "supports": i.support_count,
        "comments": i.comment_count,
        "created_at": iso_utc(i.created_at),
        "edited_at": opt_time(i.edited_at),
        "merged_into": i.merged_into.map(|m| m.0),
        "answer": answer,
        "trail": trail.iter().map(step_json).collect::<Vec<_>>(),
        "learnings": learnings.iter().map(|l| json!({
            "id": l.id.0,
            "workshop": l.workshop_id.0,
            "number": l.number,
            "title": l.title,
            "url": site.url(&format!("/workshops/{}#learning-{}", l.workshop_id, l.id)),
        })).collect::<Vec<_>>(),
        "url": site.url(&format!("/ideas/{id}")),
        "comments_url": site.url(&format!("/api/v1/ideas/{id}/comments")),
    });
    Ok(super::json(&body, &headers, None))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct PageQuery {
    cursor: String,
    limit: String,
}

fn comment_json(site: &Site, c: &ApiComment) -> Value {
    json!({
        "id": c.id.0,
        "parent": c.parent_id.map(|p| p.0),
        "author": c.author_name,
        "organisation": c.org_name,
        "body": c.body,
        "created_at": iso_utc(c.created_at),
        "edited_at": opt_time(c.edited_at),
        "url": site.url(&format!("/comments/{}", c.id)),
    })
}

pub(super) async fn comments(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path,
    Query(q): Query<PageQuery>,
) -> ApiResult {
    let site = site(&state, &headers)?;
    let id: IdeaId = crate::web::parse_id(&id)?;
    db::ideas::detail(&state.db.pool, id)
        .await?
        .filter(|i| !i.hidden())
        .ok_or(Problem::new(StatusCode::NOT_FOUND))?;
    let limit = limit(&q.limit)?;
    let after = match q.cursor.as_str() {
        "" => None,
        raw => {
            let n = cursor_numbers(raw, 2)?;
            Some((n[0], CommentId(n[1])))
        }
    };
    let mut rows = db::api::comments(&state.db.pool, id, after, limit + 1).await?;
    let next = cut(&mut rows, limit).map(|last| {
        next_url(
            &site,
            &format!("/api/v1/ideas/{id}/comments"),
            &[("limit", &q.limit)],
            &format!("{}.{}", last.created_at, last.id),
        )
    });
    let items = rows.iter().map(|c| comment_json(&site, c)).collect();
    Ok(page(items, next, &headers))
}

// ---------------------------------------------------------------- workshops

fn workshop_json(site: &Site, w: &WorkshopRow) -> Value {
    json!({
        "id": w.id.0,
        "title": w.title,
        "starts_at": iso_utc(w.starts_at),
        "ends_at": iso_utc(w.ends_at),
        "format": w.format.as_str(),
        // The join link of a digital workshop is only for the people registered.
        "location": match w.format {
            WorkshopFormat::OnSite => Some(w.location.as_str()),
            WorkshopFormat::Digital => None,
        },
        "description": w.description,
        "seats": w.seats,
        "free_seats": w.free_seats(),
        "registration_open": w.registration_open,
        "theme": w.theme_slug,
        "report": w.report,
        "learnings": w.learning_count,
        "url": site.url(&format!("/workshops/{}", w.id)),
        "api_url": site.url(&format!("/api/v1/workshops/{}", w.id)),
    })
}

pub(super) async fn workshops(State(state): State<AppState>, headers: HeaderMap) -> ApiResult {
    let site = site(&state, &headers)?;
    let rows = db::workshops::all(&state.db.pool).await?;
    let items = rows.iter().map(|w| workshop_json(&site, w)).collect();
    Ok(page(items, None, &headers))
}

pub(super) async fn workshop(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path,
) -> ApiResult {
    let site = site(&state, &headers)?;
    let id: WorkshopId = crate::web::parse_id(&id)?;
    let w = db::workshops::detail(&state.db.pool, id)
        .await?
        .ok_or(Problem::new(StatusCode::NOT_FOUND))?;
    let learnings = db::workshops::learnings_of(&state.db.pool, id).await?;
    // Only ideas anyone may read (the query leaves out hidden ones and blocked authors').
    let linked = db::workshops::linked_ideas(&state.db.pool, id).await?;
    let mut body = workshop_json(&site, &w);
    let learnings: Vec<Value> = learnings
        .iter()
        .map(|l| {
            json!({
                "id": l.id.0,
                "number": l.number,
                "title": l.title,
                "body": l.body,
                "idea_ids": linked.iter().filter(|i| i.learning_id == l.id)
                    .map(|i| i.id.0).collect::<Vec<_>>(),
                "url": site.url(&format!("/workshops/{}#learning-{}", w.id, l.id)),
            })
        })
        .collect();
    let mut idea_ids: Vec<i64> = linked.iter().map(|i| i.id.0).collect();
    idea_ids.sort_unstable();
    idea_ids.dedup();
    if let Some(map) = body.as_object_mut() {
        map.insert("learnings".into(), learnings.into());
        map.insert("idea_ids".into(), idea_ids.into());
    }
    Ok(super::json(&body, &headers, None))
}

// ---------------------------------------------------------------- transparency

fn log_json(e: &ApiLogEntry) -> Value {
    json!({
        "id": e.id,
        "at": iso_utc(e.created_at),
        "action": e.action.as_str(),
        "reason": if e.reason.is_empty() { None } else { Some(e.reason.as_str()) },
        "note": public_reason(&e.note),
        "by_role": e.actor_role.as_str(),
        "item_type": e.item_type.as_str(),
        "item_id": e.item_id,
    })
}

pub(super) async fn transparency(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<PageQuery>,
) -> ApiResult {
    let site = site(&state, &headers)?;
    let limit = limit(&q.limit)?;
    let before = match q.cursor.as_str() {
        "" => None,
        raw => {
            let n = cursor_numbers(raw, 2)?;
            Some((n[0], n[1]))
        }
    };
    let mut rows = db::api::log(&state.db.pool, before, limit + 1).await?;
    let next = cut(&mut rows, limit).map(|last| {
        next_url(
            &site,
            "/api/v1/transparency",
            &[("limit", &q.limit)],
            &format!("{}.{}", last.created_at, last.id),
        )
    });
    // The monthly counts head the first page, as on /transparenz.
    let monthly: Vec<Value> = match before {
        Some(_) => Vec::new(),
        None => db::curation::monthly_counts(&state.db.pool)
            .await?
            .iter()
            .map(|m| {
                json!({
                    "month": m.month,
                    "action": m.action.as_str(),
                    "reason": m.reason.map(|r| r.as_str()),
                    "count": m.count,
                })
            })
            .collect(),
    };
    let items: Vec<Value> = rows.iter().map(log_json).collect();
    let body = json!({ "monthly": monthly, "items": items, "next": next });
    Ok(super::json(&body, &headers, next.as_deref()))
}
