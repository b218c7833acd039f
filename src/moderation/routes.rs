//! Handlers of the moderation area.

use super::views::{self, QueuePage, QueueSortParam, ReportItem, ReportValues};
use crate::db::curation::LogEntry;
use crate::db::{self, Tx};
use crate::domain::{Acting, CommentId, IdeaId, Message, Reason, Role, Status, UserId};
use crate::error::{AppError, AppResult};
use crate::ideas::page::load;
use crate::state::AppState;
use crate::web::parse_id;
use crate::web::{Ctx, Form, FormErrors, Path, Query};
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use maud::Markup;
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/moderation", get(queue))
        .route("/moderation/ideas/{id}/hide", post(hide_idea))
        .route("/moderation/ideas/{id}/unhide", post(unhide_idea))
        .route("/moderation/ideas/{id}/merge", post(merge))
        .route("/moderation/comments/{id}/hide", post(hide_comment))
        .route("/moderation/comments/{id}/unhide", post(unhide_comment))
        .route("/moderation/reports/dismiss", post(dismiss))
        .route("/moderation/users/{id}/block", post(block))
        .route("/moderation/users/{id}/unblock", post(unblock))
        .route(
            "/ideas/{id}/report",
            get(report_idea_form).post(report_idea),
        )
        .route(
            "/comments/{id}/report",
            get(report_comment_form).post(report_comment),
        )
        .route("/comments/{id}", get(comment_link))
        .route("/transparenz", get(transparency))
}

/// The public log line for a moderation action.
async fn log(
    tx: &mut Tx,
    role: Role,
    action: &str,
    reason: &str,
    note: &str,
    item: (&str, i64),
) -> AppResult<()> {
    db::curation::log(
        &mut **tx,
        &LogEntry {
            action,
            reason,
            note,
            actor_role: Acting::Person(role),
            item_type: item.0,
            item_id: item.1,
        },
    )
    .await?;
    Ok(())
}

// ---------------------------------------------------------------- the queue

#[derive(Deserialize, Default)]
#[serde(default)]
struct QueueQuery {
    sort: String,
}

async fn queue(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<QueueQuery>,
) -> AppResult<Markup> {
    ctx.require_moderator()?;
    let sort = QueueSortParam::from_param(&q.sort);
    let open = db::curation::open_queue(&state.db.pool, state.db.backend).await?;
    // All open reports' texts in one query, sorted to their items here.
    let mut details: std::collections::HashMap<(String, i64), Vec<String>> =
        std::collections::HashMap::new();
    for (kind, id, text) in db::curation::open_report_details(&state.db.pool).await? {
        details.entry((kind, id)).or_default().push(text);
    }
    let mut reported = Vec::with_capacity(open.len());
    for row in open {
        // One lookup per reported item (at most 200, the queue's limit); an item deleted
        // since is skipped.
        let item = match ReportItem::load(&state.db.pool, &row.item_type, row.item_id).await {
            Ok(item) => item,
            Err(AppError::NotFound) => continue,
            Err(e) => return Err(e),
        };
        let texts = details
            .remove(&(row.item_type.clone(), row.item_id))
            .unwrap_or_default();
        reported.push((row, item, texts));
    }
    let curation = db::ideas::by_statuses(
        &state.db.pool,
        &[Status::Submitted, Status::Discussion, Status::Review],
        None,
        sort.db(),
        true,
        100,
    )
    .await?;
    let blocked = db::users::blocked(&state.db.pool).await?;
    Ok(views::queue(
        &ctx,
        &QueuePage {
            reported: &reported,
            curation: &curation,
            sort,
            blocked: &blocked,
        },
    ))
}

// ---------------------------------------------------------------- hiding

/// What hiding, showing, reporting and dismissing need to know of an idea or a comment.
impl ReportItem {
    /// `kind` is "idea" or "comment", as stored in reports and the log.
    async fn load<'e>(ex: impl db::Exec<'e>, kind: &str, id: i64) -> AppResult<ReportItem> {
        let item = match kind {
            "idea" => db::ideas::detail(ex, IdeaId(id))
                .await?
                .map(ReportItem::Idea),
            "comment" => db::comments::by_id(ex, CommentId(id))
                .await?
                .map(ReportItem::Comment),
            _ => return Err(AppError::BadRequest),
        };
        item.ok_or(AppError::NotFound)
    }

    fn kind(&self) -> &'static str {
        match self {
            ReportItem::Idea(_) => "idea",
            ReportItem::Comment(_) => "comment",
        }
    }

    fn id(&self) -> i64 {
        match self {
            ReportItem::Idea(i) => i.id.0,
            ReportItem::Comment(c) => c.id.0,
        }
    }

    fn author(&self) -> UserId {
        match self {
            ReportItem::Idea(i) => i.author_id,
            ReportItem::Comment(c) => c.author_id,
        }
    }

    /// The idea the item is or belongs to (notices link there).
    fn idea(&self) -> IdeaId {
        match self {
            ReportItem::Idea(i) => i.id,
            ReportItem::Comment(c) => c.idea_id,
        }
    }

    /// Where the item is shown.
    fn url(&self) -> String {
        match self {
            ReportItem::Idea(i) => format!("/ideas/{}", i.id),
            ReportItem::Comment(c) => format!("/ideas/{}#comment-{}", c.idea_id, c.id),
        }
    }

    /// The address of its report form.
    fn report_url(&self) -> String {
        match self {
            ReportItem::Idea(i) => format!("/ideas/{}/report", i.id),
            ReportItem::Comment(c) => format!("/comments/{}/report", c.id),
        }
    }

    fn hidden_at(&self) -> Option<i64> {
        match self {
            ReportItem::Idea(i) => i.hidden_at,
            ReportItem::Comment(c) => c.hidden_at,
        }
    }

    fn provisional(&self) -> bool {
        match self {
            ReportItem::Idea(i) => i.hidden_provisional,
            ReportItem::Comment(c) => c.hidden_provisional,
        }
    }

    /// Hide it (a public reason, and whether only provisionally) or show it again; an idea's
    /// place in the lists and its theme's count follow in the same transaction.
    async fn set_hidden(
        &self,
        tx: &mut Tx,
        backend: db::Backend,
        hidden: Option<(&str, bool)>,
    ) -> AppResult<()> {
        match self {
            ReportItem::Idea(i) => db::ideas::hide(tx, backend, i.id, hidden).await?,
            ReportItem::Comment(c) => db::comments::set_hidden(&mut **tx, c.id, hidden).await?,
        }
        Ok(())
    }

    /// Tell the author that moderation hid it, and why.
    async fn notify_hidden(&self, tx: &mut Tx, reason: &str) -> AppResult<()> {
        let (key, title) = match self {
            ReportItem::Idea(i) => ("notice-idea-hidden", i.title.as_str()),
            ReportItem::Comment(_) => ("notice-comment-hidden", ""),
        };
        let notice = Message::key(key).arg("title", title).arg("reason", reason);
        db::curation::notify(&mut **tx, self.author(), Some(self.idea()), &notice).await?;
        Ok(())
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct HideForm {
    reason: String,
    note: String,
}

/// The category and public text of a hide; both are required.
fn hide_reason(form: &HideForm) -> Result<(Reason, String), &'static str> {
    let reason = Reason::parse(&form.reason).ok_or(views::REASON_MISSING)?;
    let note = form.note.trim();
    if note.is_empty() {
        return Err(views::NOTE_MISSING);
    }
    if note.chars().count() > 1_000 {
        return Err(views::NOTE_TOO_LONG);
    }
    Ok((reason, note.to_string()))
}

/// Hide an idea or a comment with a public reason, closing its reports.
async fn hide(state: AppState, ctx: Ctx, item: ReportItem, form: HideForm) -> AppResult<Redirect> {
    let me = ctx.require_moderator()?;
    let back = item.url();
    let (reason, note) = match hide_reason(&form) {
        Ok(r) => r,
        Err(msg) => {
            ctx.session.set_flash(msg).await?;
            return Ok(Redirect::to(&back));
        }
    };
    let mut tx = state.db.begin_write().await?;
    item.set_hidden(&mut tx, state.db.backend, Some((&note, false)))
        .await?;
    db::curation::resolve_reports(&mut *tx, item.kind(), item.id(), "hidden").await?;
    let entry = (item.kind(), item.id());
    log(&mut tx, me.role, "hide", reason.as_str(), &note, entry).await?;
    item.notify_hidden(&mut tx, &note).await?;
    tx.commit().await?;
    ctx.session.set_flash(views::HIDDEN).await?;
    Ok(Redirect::to(&back))
}

/// Show a hidden idea or comment again; its open reports are closed as unfounded.
async fn unhide(state: AppState, ctx: Ctx, item: ReportItem) -> AppResult<Redirect> {
    let me = ctx.require_moderator()?;
    let mut tx = state.db.begin_write().await?;
    item.set_hidden(&mut tx, state.db.backend, None).await?;
    db::curation::resolve_reports(&mut *tx, item.kind(), item.id(), "dismissed").await?;
    log(&mut tx, me.role, "unhide", "", "", (item.kind(), item.id())).await?;
    tx.commit().await?;
    ctx.session.set_flash(views::UNHIDDEN).await?;
    Ok(Redirect::to(&item.url()))
}

async fn load_comment(state: &AppState, id: &str) -> AppResult<db::comments::CommentRow> {
    let id: CommentId = id.parse().map_err(|_| AppError::NotFound)?;
    db::comments::by_id(&state.db.pool, id)
        .await?
        .ok_or(AppError::NotFound)
}

/// The idea or comment a route's `{id}` names.
async fn path_item(state: &AppState, kind: &str, id: &str) -> AppResult<ReportItem> {
    let id: i64 = match kind {
        "idea" => parse_id::<IdeaId>(id)?.0,
        _ => id.parse::<CommentId>().map_err(|_| AppError::NotFound)?.0,
    };
    ReportItem::load(&state.db.pool, kind, id).await
}

async fn hide_idea(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
    Form(form): Form<HideForm>,
) -> AppResult<Redirect> {
    let item = path_item(&state, "idea", &id).await?;
    hide(state, ctx, item, form).await
}

async fn hide_comment(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
    Form(form): Form<HideForm>,
) -> AppResult<Redirect> {
    let item = path_item(&state, "comment", &id).await?;
    hide(state, ctx, item, form).await
}

async fn unhide_idea(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
) -> AppResult<Redirect> {
    let item = path_item(&state, "idea", &id).await?;
    unhide(state, ctx, item).await
}

async fn unhide_comment(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
) -> AppResult<Redirect> {
    let item = path_item(&state, "comment", &id).await?;
    unhide(state, ctx, item).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct DismissForm {
    item_type: String,
    item_id: String,
}

/// Close the open reports of an item as unfounded; an automatic hide is lifted.
async fn dismiss(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<DismissForm>,
) -> AppResult<Redirect> {
    let me = ctx.require_moderator()?;
    let item_id: i64 = form.item_id.parse().map_err(|_| AppError::BadRequest)?;
    let mut tx = state.db.begin_write().await?;
    let item = ReportItem::load(&mut *tx, &form.item_type, item_id).await?;
    if item.provisional() {
        item.set_hidden(&mut tx, state.db.backend, None).await?;
    }
    db::curation::resolve_reports(&mut *tx, item.kind(), item.id(), "dismissed").await?;
    log(
        &mut tx,
        me.role,
        "dismiss",
        "",
        "",
        (item.kind(), item.id()),
    )
    .await?;
    tx.commit().await?;
    ctx.session.set_flash(views::DISMISSED).await?;
    Ok(Redirect::to("/moderation"))
}

// ---------------------------------------------------------------- blocking

#[derive(Deserialize, Default)]
#[serde(default)]
struct BlockForm {
    note: String,
}

async fn set_blocked(
    state: AppState,
    ctx: Ctx,
    id: String,
    note: Option<String>,
) -> AppResult<Redirect> {
    let me = ctx.require_moderator()?;
    let id: UserId = id.parse().map_err(|_| AppError::NotFound)?;
    let target = db::users::by_id(&state.db.pool, id)
        .await?
        .ok_or(AppError::NotFound)?;
    // Moderation blocks participants and ministry accounts; only admins block moderators,
    // and nobody blocks an admin or themself.
    let allowed = match target.role {
        Role::Admin => false,
        Role::Moderator => me.role == Role::Admin,
        _ => true,
    } && target.id != me.id;
    if !allowed {
        return Err(AppError::Forbidden);
    }
    let back = format!("/users/{}", target.id);
    let note = match note.as_deref().map(str::trim) {
        Some("") => {
            ctx.session.set_flash(views::NOTE_MISSING).await?;
            return Ok(Redirect::to(&back));
        }
        other => other.map(str::to_string),
    };
    let mut tx = state.db.begin_write().await?;
    db::users::set_blocked(&mut *tx, target.id, note.as_deref()).await?;
    db::ideas::set_authors_ideas_blocked(&mut tx, state.db.backend, target.id, note.is_some())
        .await?;
    let (action, flash) = match &note {
        Some(_) => ("block", views::BLOCKED),
        None => ("unblock", views::UNBLOCKED),
    };
    log(
        &mut tx,
        me.role,
        action,
        "",
        note.as_deref().unwrap_or(""),
        ("user", target.id.0),
    )
    .await?;
    tx.commit().await?;
    ctx.session.set_flash(flash).await?;
    Ok(Redirect::to(&back))
}

async fn block(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
    Form(form): Form<BlockForm>,
) -> AppResult<Redirect> {
    set_blocked(state, ctx, id, Some(form.note)).await
}

async fn unblock(State(state): State<AppState>, ctx: Ctx, Path(id): Path) -> AppResult<Redirect> {
    set_blocked(state, ctx, id, None).await
}

// ---------------------------------------------------------------- merging

#[derive(Deserialize, Default)]
#[serde(default)]
struct MergeForm {
    target: String,
    note: String,
}

async fn merge(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
    Form(form): Form<MergeForm>,
) -> AppResult<Redirect> {
    let me = ctx.require_moderator()?;
    let dup = load(&state, parse_id(&id)?).await?;
    let back = format!("/ideas/{}", dup.id);
    let target_id = form.target.trim().trim_start_matches('#').parse::<IdeaId>();
    let target = match target_id {
        Ok(t) => db::ideas::detail(&state.db.pool, t).await?,
        Err(()) => None,
    };
    let Some(target) = target else {
        ctx.session.set_flash(views::MERGE_TARGET_MISSING).await?;
        return Ok(Redirect::to(&back));
    };
    if target.id == dup.id || target.closed() || target.hidden() {
        ctx.session.set_flash(views::MERGE_TARGET_INVALID).await?;
        return Ok(Redirect::to(&back));
    }
    let mut tx = state.db.begin_write().await?;
    let Some(from) = db::ideas::merge(&mut tx, state.db.backend, dup.id, target.id).await? else {
        tx.rollback().await?;
        ctx.session.set_flash(views::MERGE_TARGET_INVALID).await?;
        return Ok(Redirect::to(&back));
    };
    // The trail shows the target itself (a link); the note is the moderator's own words.
    let note = form.note.trim();
    let actor = crate::curation::actor_of(me);
    db::curation::add_transition(
        &mut *tx,
        dup.id,
        Some(from),
        Status::Merged,
        &actor,
        note,
        db::now(),
    )
    .await?;
    log(&mut tx, me.role, "merge", "", note, ("idea", dup.id.0)).await?;
    let notice = Message::key("notice-merged")
        .arg("title", dup.title.as_str())
        .arg("target", target.title.as_str());
    db::curation::notify(&mut *tx, dup.author_id, Some(dup.id), &notice).await?;
    tx.commit().await?;
    ctx.session.set_flash(views::MERGED).await?;
    Ok(Redirect::to(&format!("/ideas/{}", target.id)))
}

// ---------------------------------------------------------------- reports

#[derive(Deserialize, Default)]
#[serde(default)]
struct ReportForm {
    reason: String,
    details: String,
}

async fn report_form(state: AppState, ctx: Ctx, kind: &str, id: &str) -> AppResult<Markup> {
    ctx.require_active_user()?;
    let item = path_item(&state, kind, id).await?;
    Ok(views::report_form(
        &ctx,
        &item.report_url(),
        &item.url(),
        &ReportValues::default(),
        &FormErrors::new(),
    ))
}

async fn report_idea_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
) -> AppResult<Markup> {
    report_form(state, ctx, "idea", &id).await
}

async fn report_comment_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
) -> AppResult<Markup> {
    report_form(state, ctx, "comment", &id).await
}

/// File a report and hide the item provisionally once enough different people reported it.
async fn file_report(
    state: AppState,
    ctx: Ctx,
    kind: &str,
    id: &str,
    form: ReportForm,
) -> AppResult<Response> {
    let me = ctx.require_active_user()?;
    let item = path_item(&state, kind, id).await?;
    let mut errors = FormErrors::new();
    let reason = Reason::parse(&form.reason);
    if reason.is_none() {
        errors.add("reason-spam", views::L_REASON, views::REASON_MISSING);
    }
    if form.details.chars().count() > 2_000 {
        errors.add("details", views::L_DETAILS, views::DETAILS_TOO_LONG);
    }
    let Some(reason) = reason.filter(|_| errors.is_empty()) else {
        let v = ReportValues {
            reason: form.reason,
            details: form.details,
        };
        let page = views::report_form(&ctx, &item.report_url(), &item.url(), &v, &errors);
        return Ok(page.into_response());
    };
    let mut tx = state.db.begin_write().await?;
    // The reported item's row lock makes concurrent reports count one after the other, so
    // the threshold is met exactly once. DIALECT: PostgreSQL; SQLite serialises writers.
    if state.db.backend == db::Backend::Postgres {
        let table = if item.kind() == "idea" {
            "ideas"
        } else {
            "comments"
        };
        sqlx::query(&format!("SELECT id FROM {table} WHERE id = $1 FOR UPDATE"))
            .bind(item.id())
            .execute(&mut *tx)
            .await?;
    }
    let filed = db::curation::add_report(
        &mut *tx,
        item.kind(),
        item.id(),
        me.id,
        reason.as_str(),
        form.details.trim(),
    )
    .await?;
    if filed {
        let reporters = db::curation::open_reporters(&mut *tx, item.kind(), item.id()).await?;
        if reporters >= state.config.report_threshold {
            // Read again under the lock: someone may have hidden it meanwhile.
            let item = ReportItem::load(&mut *tx, item.kind(), item.id()).await?;
            auto_hide(&mut tx, state.db.backend, &item).await?;
        }
    }
    tx.commit().await?;
    ctx.session
        .set_flash(if filed {
            views::REPORTED
        } else {
            views::ALREADY_REPORTED
        })
        .await?;
    Ok(Redirect::to(&item.url()).into_response())
}

/// The provisional hide at the report threshold; a moderator decides later.
async fn auto_hide(tx: &mut Tx, backend: db::Backend, item: &ReportItem) -> AppResult<()> {
    if item.hidden_at().is_some() {
        return Ok(());
    }
    let note = views::AUTO_HIDDEN_REASON;
    item.set_hidden(tx, backend, Some((note, true))).await?;
    db::curation::log(
        &mut **tx,
        &LogEntry {
            action: "auto_hide",
            reason: "",
            note,
            actor_role: Acting::System,
            item_type: item.kind(),
            item_id: item.id(),
        },
    )
    .await?;
    let notice = Message::key(views::AUTO_HIDDEN_NOTICE);
    db::curation::notify(&mut **tx, item.author(), Some(item.idea()), &notice).await?;
    Ok(())
}

async fn report_idea(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
    Form(form): Form<ReportForm>,
) -> AppResult<Response> {
    file_report(state, ctx, "idea", &id, form).await
}

async fn report_comment(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
    Form(form): Form<ReportForm>,
) -> AppResult<Response> {
    file_report(state, ctx, "comment", &id, form).await
}

/// A stable address for a comment (the transparency log links here).
async fn comment_link(State(state): State<AppState>, Path(id): Path) -> AppResult<Redirect> {
    let c = load_comment(&state, &id).await?;
    Ok(Redirect::to(&format!(
        "/ideas/{}#comment-{}",
        c.idea_id, c.id
    )))
}

// ---------------------------------------------------------------- transparency

#[derive(Deserialize, Default)]
#[serde(default)]
struct PageQuery {
    page: String,
}

const LOG_PAGE: i64 = 50;

async fn transparency(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<PageQuery>,
) -> AppResult<Markup> {
    let page = crate::web::page_param(&q.page);
    let entries = db::curation::log_page(&state.db.pool, LOG_PAGE, (page - 1) * LOG_PAGE).await?;
    let total = db::curation::log_count(&state.db.pool).await?;
    let monthly = db::curation::monthly_counts(&state.db.pool).await?;
    let pages = ((total + LOG_PAGE - 1) / LOG_PAGE).max(1);
    Ok(views::transparency(&ctx, &entries, &monthly, page, pages))
}
