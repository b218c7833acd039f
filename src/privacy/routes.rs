//! Handlers of the privacy area: the data download, deleting an account (by its person or an
//! admin), and ending one's own sessions.

use super::views;
use crate::db::privacy::{Deleted, SECTIONS, Value};
use crate::db::{self, curation::LogEntry};
use crate::domain::{Acting, Action, Message, Subject, UserId};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::web::client::{ClientIp, check_rate};
use crate::web::{Ctx, CurrentUser, Form, FormErrors, Path};
use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use maud::Markup;
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/account/daten", get(data_page))
        .route("/account/daten.json", get(data_json))
        .route("/account/loeschen", get(delete_form).post(delete_own))
        .route(
            "/admin/users/{id}/loeschen",
            get(admin_delete_form).post(admin_delete),
        )
        .route("/account/sitzungen/{id}/beenden", post(end_session))
        .route(
            "/account/sitzungen/andere-beenden",
            post(end_other_sessions),
        )
}

/// Everything stored about the person, readable.
async fn data_page(State(state): State<AppState>, ctx: Ctx) -> AppResult<Markup> {
    let me = ctx.require_user()?;
    let mut sections = Vec::with_capacity(SECTIONS.len());
    for section in SECTIONS {
        sections.push((
            section.name,
            db::privacy::section_rows(&state.db.pool, section, me.id).await?,
        ));
    }
    Ok(views::data_page(&ctx, &sections))
}

/// The same as one JSON file, written section by section while it is read (one query per
/// section), so even a long history starts downloading at once and only one section is in
/// memory at a time.
async fn data_json(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let me = ctx.require_user()?.id;
    let head = format!(
        "{{\"format\":\"mitdenken-daten/1\",\"exported_at\":{},\"user_id\":{},\"sections\":{{",
        db::now(),
        me.0
    );
    let pool = state.db.pool.clone();
    // The head first, then one chunk per section.
    let chunks = futures_util::stream::iter(
        std::iter::once(None).chain(SECTIONS.iter().enumerate().map(Some)),
    )
    .then(move |item| {
        let pool = pool.clone();
        let head = head.clone();
        async move {
            let Some((n, section)) = item else {
                return Ok::<_, sqlx::Error>(head);
            };
            let rows = db::privacy::section_rows(&pool, section, me).await?;
            let mut out = String::new();
            if n > 0 {
                out.push(',');
            }
            out.push_str(&json_string(section.name));
            out.push_str(":[");
            for (i, row) in rows.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&json_row(row));
            }
            out.push(']');
            if n + 1 == SECTIONS.len() {
                out.push_str("}}\n");
            }
            Ok(out)
        }
    });
    let filename = format!("mitdenken-daten-{}.json", me.0);
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "application/json; charset=utf-8".to_string(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
        ],
        Body::from_stream(chunks),
    )
        .into_response())
}

use futures_util::StreamExt;

fn json_string(s: &str) -> String {
    serde_json::Value::String(s.to_string()).to_string()
}

/// One row as a JSON object, its columns in the query's order.
fn json_row(row: &[(String, Value)]) -> String {
    let fields: Vec<String> = row
        .iter()
        .map(|(name, value)| {
            let v = match value {
                Value::Null => "null".to_string(),
                Value::Int(n) => n.to_string(),
                Value::Text(s) => json_string(s),
            };
            format!("{}:{v}", json_string(name))
        })
        .collect();
    format!("{{{}}}", fields.join(","))
}

async fn delete_form(mut ctx: Ctx) -> AppResult<Markup> {
    ctx.require_user()?;
    ctx.ensure_csrf().await?;
    Ok(views::delete_page(&ctx, None, &FormErrors::new()))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct DeleteForm {
    password: String,
    /// "auch meine Beiträge entfernen"
    remove_contributions: String,
}

/// The person deletes their own account, confirmed with their password.
async fn delete_own(
    State(state): State<AppState>,
    ip: ClientIp,
    ctx: Ctx,
    Form(form): Form<DeleteForm>,
) -> AppResult<Response> {
    let me = ctx.require_user()?.id;
    let user = db::users::by_id(&state.db.pool, me)
        .await?
        .ok_or(AppError::NotFound)?;
    delete_confirmed(&state, &ip, ctx, &user, form, None).await
}

async fn target(state: &AppState, id: &str) -> AppResult<db::users::UserRow> {
    let id: UserId = id.parse().map_err(|_| AppError::NotFound)?;
    db::users::by_id(&state.db.pool, id)
        .await?
        .filter(|u| u.deleted_at.is_none())
        .ok_or(AppError::NotFound)
}

async fn admin_delete_form(
    State(state): State<AppState>,
    mut ctx: Ctx,
    Path(id): Path,
) -> AppResult<Markup> {
    ctx.require_admin()?;
    let user = target(&state, &id).await?;
    ctx.ensure_csrf().await?;
    Ok(views::delete_page(&ctx, Some(&user), &FormErrors::new()))
}

/// An admin deletes an account on its person's request, confirmed with the admin's own
/// password; /transparenz shows that an account was deleted, not which.
async fn admin_delete(
    State(state): State<AppState>,
    ip: ClientIp,
    ctx: Ctx,
    Path(id): Path,
    Form(form): Form<DeleteForm>,
) -> AppResult<Response> {
    let admin = ctx.require_admin()?.clone();
    let user = target(&state, &id).await?;
    delete_confirmed(&state, &ip, ctx, &user, form, Some(&admin)).await
}

/// The one road of both deletions: the password of whoever acts (the person, or the admin
/// acting for them), then `db::privacy::delete_account` in one transaction; an admin's
/// deletion is logged without saying whose.
async fn delete_confirmed(
    state: &AppState,
    ip: &ClientIp,
    mut ctx: Ctx,
    user: &db::users::UserRow,
    form: DeleteForm,
    admin: Option<&CurrentUser>,
) -> AppResult<Response> {
    // Each attempt checks a password with argon2, from the login's per-address budget.
    check_rate(state, ip)?;
    let acting = match admin {
        Some(a) => {
            db::users::by_id(&state.db.pool, a.id)
                .await?
                .ok_or(AppError::NotFound)?
                .password_hash
        }
        None => user.password_hash.clone(),
    };
    let page = if admin.is_some() { Some(user) } else { None };
    if !state.hashing.verify(form.password.clone(), acting).await? {
        let mut errors = FormErrors::new();
        errors.add("password", views::L_PASSWORD, views::PASSWORD_WRONG);
        ctx.ensure_csrf().await?;
        return Ok(views::delete_page(&ctx, page, &errors).into_response());
    }
    let back = if admin.is_some() {
        "/admin/users"
    } else {
        "/account/loeschen"
    };
    let mut tx = state.db.begin_write().await?;
    let remove = !form.remove_contributions.is_empty();
    let report =
        match db::privacy::delete_account(&mut tx, state.db.backend, user.id, remove).await? {
            Deleted::Done(report) => report,
            Deleted::LastAdmin => {
                tx.rollback().await?;
                ctx.session.set_flash(views::LAST_ADMIN).await?;
                return Ok(Redirect::to(back).into_response());
            }
            Deleted::Gone => {
                tx.rollback().await?;
                return Err(AppError::NotFound);
            }
        };
    if let Some(admin) = admin {
        db::curation::log(
            &mut *tx,
            &LogEntry {
                action: Action::AccountDeleted,
                reason: None,
                note: "",
                actor_role: Acting::Person(admin.role),
                item_type: Subject::User,
                item_id: 0,
            },
        )
        .await?;
    }
    tx.commit().await?;
    if admin.is_none_or(|a| a.id == user.id) {
        ctx.session.log_out().await?;
    }
    ctx.session
        .set_flash(views::deleted_message(&report))
        .await?;
    Ok(Redirect::to(if admin.is_some() { "/admin/users" } else { "/" }).into_response())
}

/// End one of one's own other sessions (the list on /account).
async fn end_session(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
) -> AppResult<Redirect> {
    let me = ctx.require_login()?.id;
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    let mut tx = state.db.begin_write().await?;
    let ended = db::sessions::end_one(&mut tx, state.db.backend, me, id).await?;
    tx.commit().await?;
    ctx.session
        .set_flash(if ended {
            views::SESSION_ENDED
        } else {
            views::SESSION_GONE
        })
        .await?;
    Ok(Redirect::to("/account#sessions-title"))
}

/// End every session of the account but this one: the epoch rises (also ending sessions this
/// list does not know), and this session continues under the new one with a new id.
async fn end_other_sessions(State(state): State<AppState>, ctx: Ctx) -> AppResult<Redirect> {
    let me = ctx.require_login()?.id;
    let keep = ctx.session.store_id();
    let mut tx = state.db.begin_write().await?;
    let ended = db::sessions::delete_all_of(&mut tx, state.db.backend, me, keep.as_deref()).await?;
    let epoch = db::sessions::raise_epoch(&mut *tx, me).await?;
    // This session's own row goes too: after the new id it is recorded afresh.
    if let Some(keep) = &keep {
        db::sessions::forget(&mut *tx, keep).await?;
    }
    tx.commit().await?;
    ctx.session.log_in(me, epoch).await?;
    ctx.session
        .set_flash(Message::key(views::OTHERS_ENDED).arg("count", ended as i64))
        .await?;
    Ok(Redirect::to("/account#sessions-title"))
}
