//! Handlers of the organisations area.

use super::views::{self, OrgValues};
use crate::db::curation::LogEntry;
use crate::db::{self, organisations::OrgRow};
use crate::domain::{Action, Email, OrgDescription, OrgName, Slug, Subject, UserId, Website};
use crate::error::{AppError, AppResult, is_unique_violation};
use crate::state::AppState;
use crate::web::client::{ClientIp, check_rate};
use crate::web::{Ctx, Form, FormErrors, Path};
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use maud::Markup;
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/organisations", get(list).post(create))
        .route("/organisations/new", get(new_form))
        .route("/organisations/{slug}", get(show))
        .route("/organisations/{slug}/members", post(invite_member))
        .route("/organisations/{slug}/invitation/accept", post(accept))
        .route("/organisations/{slug}/invitation/decline", post(decline))
        .route(
            "/organisations/{slug}/members/{uid}/remove",
            post(remove_member),
        )
        .route("/organisations/{slug}/verify", post(verify))
        .route("/organisations/{slug}/unverify", post(unverify))
}

async fn list(State(state): State<AppState>, ctx: Ctx) -> AppResult<Markup> {
    let orgs = db::organisations::all(&state.db.pool).await?;
    Ok(views::list(&ctx, &orgs))
}

async fn new_form(ctx: Ctx) -> AppResult<Markup> {
    ctx.require_active_user()?;
    Ok(views::form(&ctx, &OrgValues::default(), &FormErrors::new()))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct OrgForm {
    name: String,
    website: String,
    description: String,
}

async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<OrgForm>,
) -> AppResult<Response> {
    let me = ctx.require_active_user()?;
    let mut errors = FormErrors::new();
    let name = match errors.check("name", views::L_NAME, OrgName::parse(&form.name)) {
        Some(n) => match db::organisations::name_refusal(&state.db.pool, &n, me.role).await? {
            Some(msg) => {
                errors.add("name", views::L_NAME, msg);
                None
            }
            None => Some(n),
        },
        None => None,
    };
    let website = errors.check("website", views::L_WEBSITE, Website::parse(&form.website));
    let description = errors.check(
        "description",
        views::L_DESCRIPTION,
        OrgDescription::parse(&form.description),
    );
    let values = OrgValues {
        name: form.name.clone(),
        website: form.website.clone(),
        description: form.description.clone(),
    };
    // "new" is the address of the create form itself.
    let slug = Slug::parse(&Slug::from_name(&form.name))
        .ok()
        .filter(|s| s.as_str() != "new");
    let (Some(name), Some(website), Some(description), Some(slug)) =
        (name, website, description, slug)
    else {
        if errors.is_empty() {
            errors.add("name", views::L_NAME, views::NAME_UNUSABLE);
        }
        return Ok(views::form(&ctx, &values, &errors).into_response());
    };
    let mut tx = state.db.begin_write().await?;
    let id = match db::organisations::insert(
        &mut *tx,
        slug.as_str(),
        name.as_str(),
        website.as_str(),
        description.as_str(),
        me.id,
    )
    .await
    {
        Ok(id) => id,
        Err(e) if is_unique_violation(&e) => {
            tx.rollback().await?;
            errors.add("name", views::L_NAME, views::NAME_TAKEN);
            return Ok(views::form(&ctx, &values, &errors).into_response());
        }
        Err(e) => return Err(e.into()),
    };
    db::organisations::add_member(&mut *tx, id, me.id).await?;
    tx.commit().await?;
    ctx.session.set_flash(views::CREATED).await?;
    Ok(Redirect::to(&format!("/organisations/{}", slug.as_str())).into_response())
}

async fn load(state: &AppState, slug: &str) -> AppResult<OrgRow> {
    db::organisations::by_slug(&state.db.pool, slug)
        .await?
        .ok_or(AppError::NotFound)
}

async fn show(State(state): State<AppState>, ctx: Ctx, Path(slug): Path) -> AppResult<Markup> {
    let org = load(&state, &slug).await?;
    let members = db::organisations::members(&state.db.pool, org.id).await?;
    let contributions = db::organisations::contributions(&state.db.pool, org.id).await?;
    Ok(views::show(&ctx, &org, &members, &contributions))
}

/// The organisation, if the logged-in person owns it.
async fn own(state: &AppState, ctx: &Ctx, slug: &str) -> AppResult<OrgRow> {
    let me = ctx.require_active_user()?;
    let org = load(state, slug).await?;
    if org.owner_id != me.id {
        return Err(AppError::Forbidden);
    }
    Ok(org)
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct MemberForm {
    email: String,
}

/// The owner invites an account by its e-mail address. The answer is the same whether the
/// address has an account, is staff, is a member or invited already: the form must not tell
/// who has an account here. Every attempt counts against the owner's budget and the
/// address's login budget, so it cannot be used to probe many addresses either.
async fn invite_member(
    State(state): State<AppState>,
    ip: ClientIp,
    ctx: Ctx,
    Path(slug): Path,
    Form(form): Form<MemberForm>,
) -> AppResult<Redirect> {
    let org = own(&state, &ctx, &slug).await?;
    let me = ctx.require_active_user()?;
    check_rate(&state, &ip)?;
    if !state.invite_limiter.allow(me.id.0) {
        return Err(AppError::RateLimited);
    }
    let back = format!("/organisations/{}#mitglieder", org.slug);
    if form.email.trim().is_empty() {
        ctx.session.set_flash(views::INVITE_EMAIL_MISSING).await?;
        return Ok(Redirect::to(&back));
    }
    let email = Email::normalise(&form.email);
    if let Some(user) = db::users::by_email(&state.db.pool, &email).await? {
        let mut tx = state.db.begin_write().await?;
        db::organisations::invite(&mut tx, &org, user.id, me.id, &me.name).await?;
        tx.commit().await?;
    }
    ctx.session.set_flash(views::INVITED).await?;
    Ok(Redirect::to(&back))
}

/// The invited person joins; only now do they appear on the page and may speak for it.
async fn accept(State(state): State<AppState>, ctx: Ctx, Path(slug): Path) -> AppResult<Redirect> {
    let me = ctx.require_active_user()?;
    let org = load(&state, &slug).await?;
    let mut tx = state.db.begin_write().await?;
    if !db::organisations::accept_invitation(&mut tx, &org, me.id, &me.name).await? {
        tx.rollback().await?;
        ctx.session.set_flash(views::INVITATION_GONE).await?;
        return Ok(Redirect::to("/account#einladungen"));
    }
    tx.commit().await?;
    ctx.session.set_flash(views::JOINED).await?;
    Ok(Redirect::to(&format!(
        "/organisations/{}#mitglieder",
        org.slug
    )))
}

/// The invited person says no; blocked people may decline too.
async fn decline(State(state): State<AppState>, ctx: Ctx, Path(slug): Path) -> AppResult<Redirect> {
    let me = ctx.require_user()?;
    let org = load(&state, &slug).await?;
    let flash = if db::organisations::decline_invitation(&state.db.pool, org.id, me.id).await? {
        views::DECLINED
    } else {
        views::INVITATION_GONE
    };
    ctx.session.set_flash(flash).await?;
    Ok(Redirect::to("/account#einladungen"))
}

async fn remove_member(
    State(state): State<AppState>,
    ctx: Ctx,
    axum::extract::Path((slug, uid)): axum::extract::Path<(String, String)>,
) -> AppResult<Redirect> {
    let org = own(&state, &ctx, &slug).await?;
    let uid: UserId = uid.parse().map_err(|_| AppError::NotFound)?;
    if uid == org.owner_id {
        return Err(AppError::Forbidden);
    }
    db::organisations::remove_member(&state.db.pool, org.id, uid).await?;
    ctx.session.set_flash(views::MEMBER_REMOVED).await?;
    Ok(Redirect::to(&format!(
        "/organisations/{}#mitglieder",
        org.slug
    )))
}

async fn set_verified(
    state: AppState,
    ctx: Ctx,
    slug: String,
    verified: bool,
) -> AppResult<Redirect> {
    let me = ctx.require_moderator()?;
    let org = load(&state, &slug).await?;
    let mut tx = state.db.begin_write().await?;
    db::organisations::set_verified(&mut *tx, org.id, verified).await?;
    db::curation::log(
        &mut *tx,
        &LogEntry {
            action: if verified {
                Action::VerifyOrg
            } else {
                Action::UnverifyOrg
            },
            reason: None,
            note: &org.name,
            actor_role: crate::domain::Acting::Person(me.role),
            item_type: Subject::Organisation,
            item_id: org.id.0,
        },
    )
    .await?;
    tx.commit().await?;
    ctx.session
        .set_flash(if verified {
            views::VERIFIED
        } else {
            views::UNVERIFIED
        })
        .await?;
    Ok(Redirect::to(&format!("/organisations/{}", org.slug)))
}

async fn verify(State(state): State<AppState>, ctx: Ctx, Path(slug): Path) -> AppResult<Redirect> {
    set_verified(state, ctx, slug, true).await
}

async fn unverify(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path,
) -> AppResult<Redirect> {
    set_verified(state, ctx, slug, false).await
}
