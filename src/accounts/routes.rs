//! Handlers of the accounts area.

use super::views::{self, AccountForms, AdminList, RegisterValues};
use crate::db;
use crate::domain::{DisplayName, Email, NewPassword, Role, UserId};
use crate::error::{AppError, AppResult, is_unique_violation};
use crate::state::AppState;
use crate::web::client::{ClientIp, check_rate};
use crate::web::{Ctx, Form, FormErrors, Path, Query, page_param, safe_next};
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use maud::Markup;
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/register", get(register_form).post(register))
        .route("/register/gesendet", get(register_sent))
        .route("/login", get(login_form).post(login))
        .route("/logout", post(logout))
        .route("/account", get(account))
        .route("/account/name", post(change_name))
        .route("/account/password", post(change_password))
        .route("/users/{id}", get(profile))
        .route("/mine", get(mine))
        .route("/admin/users", get(admin_users))
        .route("/admin/users/{id}/role", post(change_role))
        .merge(super::mail::router())
}

/// Argon2 is slow and large on purpose; it runs off the async workers and behind the one
/// bound of `web::hashing` (503 when too many wait).
async fn hash_password(state: &AppState, password: String) -> AppResult<String> {
    state.hashing.hash(password).await
}

async fn verify_password(state: &AppState, password: String, hash: String) -> AppResult<bool> {
    state.hashing.verify(password, hash).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct NextQuery {
    next: Option<String>,
    abgemeldet: Option<String>,
}

async fn register_form(mut ctx: Ctx, Query(q): Query<NextQuery>) -> AppResult<Response> {
    if ctx.user.is_some() {
        return Ok(Redirect::to("/").into_response());
    }
    ctx.ensure_csrf().await?;
    let values = RegisterValues {
        next: safe_next(q.next.as_deref()),
        ..Default::default()
    };
    Ok(views::register(&ctx, &values, &FormErrors::new()).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RegisterForm {
    display_name: String,
    email: String,
    password: String,
    password_confirm: String,
    /// The rules checkbox ("1" when ticked).
    rules: String,
    next: String,
}

/// Where every registration that passed the form's checks goes: the same page whether the
/// address was new, already had an account or was waiting for its confirmation.
const SENT_PAGE: &str = "/register/gesendet";

async fn register(
    State(state): State<AppState>,
    ip: ClientIp,
    mut ctx: Ctx,
    Form(form): Form<RegisterForm>,
) -> AppResult<Response> {
    check_rate(&state, &ip)?;
    let mut errors = FormErrors::new();
    let name = errors.check(
        "display_name",
        views::L_NAME,
        DisplayName::parse(&form.display_name),
    );
    let email = errors.check("email", views::L_EMAIL, Email::parse(&form.email));
    let password = errors.check(
        "password",
        views::L_PASSWORD,
        NewPassword::parse(&form.password, &form.email, &form.display_name),
    );
    if password.is_some() && form.password != form.password_confirm {
        errors.add(
            "password_confirm",
            views::L_PASSWORD_CONFIRM,
            views::PASSWORDS_DIFFER,
        );
    }
    if form.rules.is_empty() {
        errors.add("rules", views::L_RULES, views::RULES_MISSING);
    }
    if let Some(n) = &name {
        if let Some(msg) =
            db::users::name_refusal(&state.db.pool, n, Role::Participant, None).await?
        {
            errors.add("display_name", views::L_NAME, msg);
        }
    }
    let values = RegisterValues {
        display_name: form.display_name.clone(),
        email: form.email.clone(),
        next: safe_next(Some(&form.next)),
        rules: !form.rules.is_empty(),
    };
    let (Some(name), Some(email), Some(password), true) =
        (name, email, password, errors.is_empty())
    else {
        ctx.ensure_csrf().await?;
        return Ok(views::register(&ctx, &values, &errors).into_response());
    };
    // Argon2 runs for every address, so the answer takes as long for a taken one.
    let hash = hash_password(&state, password.as_str().to_string()).await?;
    let account = db::mail::NewAccount {
        email: email.as_str(),
        display_name: name.as_str(),
        password_hash: &hash,
        language: crate::i18n::current().code(),
        next: &values.next,
    };
    // The account (or the mail to the address's owner) in one transaction. On PostgreSQL two
    // registrations of one new address at the same moment meet at the unique index; the
    // second then runs once more and finds the first one's account.
    let mut attempt = 0;
    loop {
        attempt += 1;
        let mut tx = state.db.begin_write().await?;
        match db::mail::register(&mut tx, &account).await {
            Ok(_) => {
                tx.commit().await?;
                break;
            }
            Err(e) if attempt == 1 && is_unique_violation(&e) => tx.rollback().await?,
            Err(e) => return Err(e.into()),
        }
    }
    state.mail_wake.notify_one();
    // No session starts here: the mailed link logs the person in (or the password does).
    Ok(Redirect::to(SENT_PAGE).into_response())
}

/// "Wir haben Ihnen eine E-Mail geschickt": the one answer to every registration.
async fn register_sent(ctx: Ctx) -> Markup {
    views::register_sent(&ctx)
}

async fn login_form(mut ctx: Ctx, Query(q): Query<NextQuery>) -> AppResult<Response> {
    if ctx.user.is_some() {
        return Ok(Redirect::to(&safe_next(q.next.as_deref())).into_response());
    }
    ctx.ensure_csrf().await?;
    let next = safe_next(q.next.as_deref());
    Ok(views::login(&ctx, "", &next, q.abgemeldet.is_some(), &FormErrors::new()).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct LoginForm {
    email: String,
    password: String,
    next: String,
}

/// A valid hash to verify against when the address is unknown, so the answer takes as long
/// as for a known address and does not reveal which addresses have accounts.
static DUMMY_HASH: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| password_auth::generate_hash("kein-konto-vorhanden"));

async fn login(
    State(state): State<AppState>,
    ip: ClientIp,
    mut ctx: Ctx,
    Form(form): Form<LoginForm>,
) -> AppResult<Response> {
    check_rate(&state, &ip)?;
    let next = safe_next(Some(&form.next));
    let mut errors = FormErrors::new();
    if form.email.trim().is_empty() {
        errors.add("email", views::L_EMAIL, views::EMAIL_MISSING);
    }
    if form.password.is_empty() {
        errors.add("password", views::L_PASSWORD, views::PASSWORD_MISSING);
    }
    if errors.is_empty() {
        let email = Email::normalise(&form.email);
        let user = db::users::by_email(&state.db.pool, &email).await?;
        let hash = match &user {
            Some(u) => u.password_hash.clone(),
            None => tokio::task::spawn_blocking(|| DUMMY_HASH.clone()).await?,
        };
        let ok = verify_password(&state, form.password.clone(), hash).await?;
        if let (true, Some(user)) = (ok, user) {
            // Mails follow the language the person uses the site in.
            db::mail::set_language(&state.db.pool, user.id, crate::i18n::current().code()).await?;
            return super::two_factor::after_password(&state, &ctx, &user, &next).await;
        }
        errors.add("password", views::L_PASSWORD, views::LOGIN_FAILED);
    }
    ctx.ensure_csrf().await?;
    Ok(views::login(&ctx, &form.email, &next, false, &errors).into_response())
}

async fn logout(ctx: Ctx) -> AppResult<Redirect> {
    ctx.session.log_out().await?;
    Ok(Redirect::to("/login?abgemeldet=1"))
}

async fn account(State(state): State<AppState>, ctx: Ctx) -> AppResult<Markup> {
    let me = ctx.require_user()?;
    let user = db::users::by_id(&state.db.pool, me.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let forms = AccountForms {
        display_name: &user.display_name,
        name_errors: FormErrors::new(),
        password_errors: FormErrors::new(),
    };
    account_page(&state, &ctx, &user, &forms).await
}

/// The account page with the person's open invitations from organisations.
async fn account_page(
    state: &AppState,
    ctx: &Ctx,
    user: &db::users::UserRow,
    forms: &AccountForms<'_>,
) -> AppResult<Markup> {
    let invitations = db::organisations::invitations_for(&state.db.pool, user.id).await?;
    let two_factor = db::two_factor::secret(&state.db.pool, user.id)
        .await?
        .is_some();
    let sessions = db::sessions::active(&state.db.pool, state.db.backend, user.id).await?;
    let current = ctx.session.store_id();
    let privacy =
        crate::privacy::views::account_sections(ctx, two_factor, &sessions, current.as_deref());
    Ok(views::account(ctx, user, forms, &invitations, privacy))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct NameForm {
    display_name: String,
}

async fn change_name(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<NameForm>,
) -> AppResult<Response> {
    // A blocked person's name stays as moderation saw it (their posts are hidden meanwhile).
    let me = ctx.require_active_user()?;
    let user = db::users::by_id(&state.db.pool, me.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let parsed = match DisplayName::parse(&form.display_name) {
        Ok(name) => db::users::name_refusal(&state.db.pool, &name, me.role, Some(me.id))
            .await?
            .map_or(Ok(name), Err),
        Err(msg) => Err(msg),
    };
    match parsed {
        Ok(name) => {
            db::users::set_display_name(&state.db.pool, me.id, name.as_str()).await?;
            ctx.session.set_flash(views::NAME_CHANGED).await?;
            Ok(Redirect::to("/account").into_response())
        }
        Err(msg) => {
            let mut name_errors = FormErrors::new();
            name_errors.add("display_name", views::L_NAME, msg);
            let forms = AccountForms {
                display_name: &form.display_name,
                name_errors,
                password_errors: FormErrors::new(),
            };
            Ok(account_page(&state, &ctx, &user, &forms)
                .await?
                .into_response())
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct PasswordForm {
    current_password: String,
    new_password: String,
    new_password_confirm: String,
}

async fn change_password(
    State(state): State<AppState>,
    ip: ClientIp,
    ctx: Ctx,
    Form(form): Form<PasswordForm>,
) -> AppResult<Response> {
    let me = ctx.require_user()?;
    // Each attempt checks the current password with argon2: guessing it here is as slow as
    // at the login, from the same per-address budget.
    check_rate(&state, &ip)?;
    let user = db::users::by_id(&state.db.pool, me.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut errors = FormErrors::new();
    if !verify_password(
        &state,
        form.current_password.clone(),
        user.password_hash.clone(),
    )
    .await?
    {
        errors.add(
            "current_password",
            views::L_CURRENT_PASSWORD,
            views::CURRENT_PASSWORD_WRONG,
        );
    }
    let new = errors.check(
        "new_password",
        views::L_NEW_PASSWORD,
        NewPassword::parse(&form.new_password, &user.email, &user.display_name),
    );
    if new.is_some() && form.new_password != form.new_password_confirm {
        errors.add(
            "new_password_confirm",
            views::L_NEW_PASSWORD_CONFIRM,
            views::PASSWORDS_DIFFER,
        );
    }
    match (new, errors.is_empty()) {
        (Some(new), true) => {
            let hash = hash_password(&state, new.as_str().to_string()).await?;
            let epoch = db::users::set_password_hash(&state.db.pool, me.id, &hash).await?;
            // Every other session of this account ends; this one continues with a new id.
            ctx.session.log_in(me.id, epoch).await?;
            ctx.session.set_flash(views::PASSWORD_CHANGED).await?;
            Ok(Redirect::to("/account").into_response())
        }
        _ => {
            let forms = AccountForms {
                display_name: &user.display_name,
                name_errors: FormErrors::new(),
                password_errors: errors,
            };
            Ok(account_page(&state, &ctx, &user, &forms)
                .await?
                .into_response())
        }
    }
}

async fn profile(State(state): State<AppState>, ctx: Ctx, Path(id): Path) -> AppResult<Markup> {
    let id: UserId = id.parse().map_err(|_| AppError::NotFound)?;
    let user = db::users::by_id(&state.db.pool, id)
        .await?
        .ok_or(AppError::NotFound)?;
    // People see their own hidden contributions; others (moderators included) see the public view.
    let own = ctx.user_id() == Some(id);
    let ideas = db::ideas::by_author(&state.db.pool, id, own, PROFILE_LIST).await?;
    let comments = db::comments::by_author(&state.db.pool, id, own, PROFILE_LIST).await?;
    let totals = (
        db::ideas::count_by_author(&state.db.pool, id).await?,
        db::comments::count_by_author(&state.db.pool, id).await?,
    );
    Ok(views::profile(&ctx, &user, &ideas, &comments, totals))
}

/// "Meine Beiträge": one's ideas; their news are in the inbox (/benachrichtigungen).
async fn mine(State(state): State<AppState>, ctx: Ctx) -> AppResult<Markup> {
    let me = ctx.require_user()?;
    let ideas = db::ideas::by_author(&state.db.pool, me.id, true, PROFILE_LIST).await?;
    Ok(views::mine(&ctx, &ideas))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct AdminQuery {
    q: String,
    page: String,
}

const ADMIN_PAGE: i64 = 50;
/// A profile shows this many of the newest ideas and comments.
const PROFILE_LIST: i64 = 100;

async fn admin_users(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<AdminQuery>,
) -> AppResult<Markup> {
    ctx.require_admin()?;
    let query = q.q.trim();
    let page = page_param(&q.page);
    let total = db::users::count(&state.db.pool, query).await?;
    let users = db::users::list(&state.db.pool, query, ADMIN_PAGE, (page - 1) * ADMIN_PAGE).await?;
    let pages = ((total + ADMIN_PAGE - 1) / ADMIN_PAGE).max(1);
    Ok(views::admin_users(
        &ctx,
        &AdminList {
            users: &users,
            query,
            page,
            pages,
            total,
        },
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RoleForm {
    role: String,
}

async fn change_role(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
    Form(form): Form<RoleForm>,
) -> AppResult<Redirect> {
    ctx.require_admin()?;
    let id: UserId = id.parse().map_err(|_| AppError::NotFound)?;
    let role = Role::parse(&form.role).ok_or(AppError::BadRequest)?;
    let mut tx = state.db.begin_write().await?;
    let target = db::users::by_id(&mut *tx, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if target.role == Role::Admin
        && role != Role::Admin
        && db::users::count_admins(&mut tx, state.db.backend).await? <= 1
    {
        tx.rollback().await?;
        ctx.session.set_flash(views::LAST_ADMIN).await?;
        return Ok(Redirect::to("/admin/users"));
    }
    db::users::set_role(&mut *tx, id, role).await?;
    if role != target.role {
        db::curation::log(
            &mut *tx,
            &db::curation::LogEntry {
                action: crate::domain::Action::RoleChange,
                reason: None,
                note: role.as_str(),
                actor_role: crate::domain::Acting::Person(Role::Admin),
                item_type: crate::domain::Subject::User,
                item_id: id.0,
            },
        )
        .await?;
    }
    tx.commit().await?;
    ctx.session.set_flash(views::ROLE_CHANGED).await?;
    Ok(Redirect::to("/admin/users"))
}
