//! Two-factor sign-in (TOTP): the login's second step, the setup page with its QR code and
//! recovery codes, and an admin's reset. Staff must have it (after a grace period); anyone
//! may turn it on.

use super::views::LOGGED_IN;
use crate::db::{self, curation::LogEntry};
use crate::domain::totp::{self, Secret};
use crate::domain::{Acting, Action, Role, Subject, UserId};
use crate::error::{AppError, AppResult};
use crate::i18n::{t, ta};
use crate::state::AppState;
use crate::web::client::{ClientIp, check_rate};
use crate::web::forms::csrf_field;
use crate::web::layout::{self, title_with_errors};
use crate::web::{Ctx, Field, Form, FormErrors, Path, Query, TWO_FACTOR_SETUP, safe_next};
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use maud::{Markup, PreEscaped, html};
use serde::Deserialize;

/// Minutes between the password and the code before the login starts over.
const PENDING_SECS: i64 = 10 * 60;
const L_CODE: &str = "tf-l-code";
const CODE_WRONG: &str = "tf-code-wrong";
const TOO_MANY: &str = "tf-too-many";
const ISSUER: &str = "Mitdenken";

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/login/code", get(code_form).post(code))
        .route("/account/zwei-faktor", get(setup_page).post(confirm))
        .route("/account/zwei-faktor/aus", post(turn_off))
        .route("/admin/users/{id}/zwei-faktor", post(admin_reset))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct NextQuery {
    next: String,
}

async fn code_form(mut ctx: Ctx, Query(q): Query<NextQuery>) -> AppResult<Response> {
    if ctx
        .session
        .pending_second_factor(PENDING_SECS)
        .await?
        .is_none()
    {
        return Ok(Redirect::to("/login").into_response());
    }
    ctx.ensure_csrf().await?;
    Ok(code_page(&ctx, &safe_next(Some(&q.next)), &FormErrors::new()).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct CodeForm {
    code: String,
    next: String,
}

/// Which code of the account `code` is: a fresh TOTP code (its step is used up) or an unused
/// recovery code (used up). Rate-limited per account, so guessing is hopeless.
async fn check_code(
    state: &AppState,
    user: UserId,
    code: &str,
) -> AppResult<Result<(), &'static str>> {
    if !state.code_limiter.allow(user.0) {
        return Ok(Err(TOO_MANY));
    }
    let Some((secret, _)) = db::two_factor::secret(&state.db.pool, user).await? else {
        return Ok(Err(CODE_WRONG));
    };
    let digits = totp::normalise_code(code);
    if digits.len() == 6 && digits.chars().all(|c| c.is_ascii_digit()) {
        let step = Secret::parse(&secret).and_then(|s| s.matching_step(&digits, db::now()));
        return Ok(match step {
            Some(step) if db::two_factor::accept_step(&state.db.pool, user, step).await? => Ok(()),
            _ => Err(CODE_WRONG),
        });
    }
    let hash = totp::recovery_hash(code);
    Ok(
        match db::two_factor::use_recovery_code(&state.db.pool, user, &hash).await? {
            true => Ok(()),
            false => Err(CODE_WRONG),
        },
    )
}

async fn code(
    State(state): State<AppState>,
    ip: ClientIp,
    mut ctx: Ctx,
    Form(form): Form<CodeForm>,
) -> AppResult<Response> {
    check_rate(&state, &ip)?;
    let next = safe_next(Some(&form.next));
    let Some((id, epoch)) = ctx.session.pending_second_factor(PENDING_SECS).await? else {
        return Ok(Redirect::to("/login").into_response());
    };
    match check_code(&state, id, &form.code).await? {
        Ok(()) => {
            ctx.session.log_in(id, epoch).await?;
            ctx.session.set_flash(LOGGED_IN).await?;
            Ok(Redirect::to(&next).into_response())
        }
        Err(msg) => {
            let mut errors = FormErrors::new();
            errors.add("code", L_CODE, msg);
            ctx.ensure_csrf().await?;
            Ok(code_page(&ctx, &next, &errors).into_response())
        }
    }
}

/// After the right password: the second step for accounts with two-factor sign-in, else
/// logged in (staff past their grace period go straight to the setup page).
pub async fn after_password(
    state: &AppState,
    ctx: &Ctx,
    user: &db::users::UserRow,
    next: &str,
) -> AppResult<Response> {
    if db::two_factor::secret(&state.db.pool, user.id)
        .await?
        .is_some()
    {
        ctx.session
            .begin_second_factor(user.id, user.auth_epoch)
            .await?;
        let to = format!("/login/code?next={}", crate::web::layout::encode(next));
        return Ok(Redirect::to(&to).into_response());
    }
    ctx.session.log_in(user.id, user.auth_epoch).await?;
    let staff_since = db::users::session_user(&state.db.pool, user.id)
        .await?
        .map_or(0, |u| u.staff_since);
    let grace = state.config.staff_2fa_grace_secs();
    if totp::setup_required(user.role, false, staff_since, grace, db::now()) {
        ctx.session.set_flash("tf-required").await?;
        return Ok(Redirect::to(TWO_FACTOR_SETUP).into_response());
    }
    ctx.session.set_flash(LOGGED_IN).await?;
    Ok(Redirect::to(next).into_response())
}

fn code_page(ctx: &Ctx, next: &str, errors: &FormErrors) -> Markup {
    let title = t("tf-code-title");
    layout::page(
        ctx,
        &title_with_errors(&title, !errors.is_empty()),
        html! {
            h1 { (title) }
            p { (t("tf-code-intro")) }
            (errors.summary())
            form.stack method="post" action="/login/code" novalidate {
                (csrf_field(ctx.csrf()))
                input type="hidden" name="next" value=(next);
                (Field::text("code", L_CODE, "").hint("tf-code-hint").autocomplete("one-time-code").render(errors))
                button.primary type="submit" { (t("tf-code-submit")) }
            }
        },
    )
}

/// The setup page: a new secret as QR code and as text, and the field for the first code.
/// With two-factor sign-in on already, it says so and offers setting it up anew (new phone).
async fn setup_page(State(state): State<AppState>, mut ctx: Ctx) -> AppResult<Markup> {
    let me = ctx.require_login()?.clone();
    ctx.ensure_csrf().await?;
    let enabled = db::two_factor::secret(&state.db.pool, me.id)
        .await?
        .is_some();
    let left = db::two_factor::codes_left(&state.db.pool, me.id).await?;
    let secret = match ctx
        .session
        .setup_secret()
        .await?
        .and_then(|s| Secret::parse(&s))
    {
        Some(s) => s,
        None => {
            let s = Secret::generate();
            ctx.session.set_setup_secret(Some(s.as_str())).await?;
            s
        }
    };
    let user = db::users::by_id(&state.db.pool, me.id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(setup_view(
        &ctx,
        &user.email,
        &secret,
        enabled.then_some(left),
        &FormErrors::new(),
    ))
}

fn qr_svg(data: &str) -> Option<String> {
    let code = qrcode::QrCode::new(data.as_bytes()).ok()?;
    let svg = code
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .build();
    // Inline in HTML, without the XML declaration the renderer starts with.
    Some(svg[svg.find("<svg")?..].to_string())
}

fn setup_view(
    ctx: &Ctx,
    email: &str,
    secret: &Secret,
    enabled_with_codes: Option<i64>,
    errors: &FormErrors,
) -> Markup {
    let title = t("tf-setup-title");
    let uri = secret.otpauth_uri(ISSUER, email);
    let svg = qr_svg(&uri).unwrap_or_default();
    let must = ctx.user.as_ref().is_some_and(|u| u.must_set_up_two_factor);
    layout::page(
        ctx,
        &title_with_errors(&title, !errors.is_empty()),
        html! {
            h1 { (title) }
            @if must { p.notice role="status" { (t("tf-required")) } }
            @if let Some(left) = enabled_with_codes {
                p { (ta("tf-enabled", &[("count", left.into())])) }
                h2 { (t("tf-renew")) }
            }
            p { (t("tf-setup-intro")) }
            ol {
                li { (t("tf-step-app")) }
                li { (t("tf-step-scan")) }
                li { (t("tf-step-code")) }
            }
            figure.qr {
                // The SVG is our own output (qrcode's renderer), never input: safe to embed.
                div role="img" aria-label=(t("tf-qr-alt")) { (PreEscaped(svg)) }
                figcaption { (t("tf-qr-caption")) }
            }
            dl.facts {
                dt { (t("tf-secret")) } dd { code #secret { (secret.grouped()) } }
                dt { (t("tf-settings")) } dd { (t("tf-settings-values")) }
            }
            (errors.summary())
            form.stack method="post" action=(TWO_FACTOR_SETUP) novalidate {
                (csrf_field(ctx.csrf()))
                (Field::text("code", L_CODE, "").hint("tf-first-code-hint").autocomplete("one-time-code").render(errors))
                @if enabled_with_codes.is_some() {
                    (Field::password("password", "tf-l-password").autocomplete("current-password").render(errors))
                }
                button.primary type="submit" { (t("tf-confirm")) }
            }
            // Participants chose it and may turn it off; staff must keep it.
            @if enabled_with_codes.is_some() && ctx.user.as_ref().is_some_and(|u| u.role == Role::Participant) {
                section aria-labelledby="off-title" {
                    h2 #off-title { (t("tf-off-title")) }
                    form.stack method="post" action="/account/zwei-faktor/aus" novalidate {
                        (csrf_field(ctx.csrf()))
                        (Field::password("password", "tf-l-password").autocomplete("current-password").render(&FormErrors::new()))
                        button.danger type="submit" { (t("tf-off")) }
                    }
                }
            }
        },
    )
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ConfirmForm {
    code: String,
    /// Only when replacing a second factor that is on.
    password: String,
}

/// The first code confirms the secret: two-factor sign-in is on, and the ten recovery codes
/// are shown this once.
async fn confirm(
    State(state): State<AppState>,
    ip: ClientIp,
    mut ctx: Ctx,
    Form(form): Form<ConfirmForm>,
) -> AppResult<Response> {
    let me = ctx.require_login()?.clone();
    let Some(secret) = ctx
        .session
        .setup_secret()
        .await?
        .and_then(|s| Secret::parse(&s))
    else {
        return Ok(Redirect::to(TWO_FACTOR_SETUP).into_response());
    };
    let user = db::users::by_id(&state.db.pool, me.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let enabled = db::two_factor::secret(&state.db.pool, me.id)
        .await?
        .is_some();
    let mut errors = FormErrors::new();
    // Replacing a second factor that is on takes the password too: a session left open
    // somewhere must not be enough to swap the owner's phone for another.
    if enabled {
        check_rate(&state, &ip)?;
        if !state
            .hashing
            .verify(form.password.clone(), user.password_hash.clone())
            .await?
        {
            errors.add("password", "tf-l-password", "priv-password-wrong");
        }
    }
    let step = if !state.code_limiter.allow(me.id.0) {
        Err(TOO_MANY)
    } else {
        secret
            .matching_step(&form.code, db::now())
            .ok_or(CODE_WRONG)
    };
    let step = match (step, errors.is_empty()) {
        (Ok(step), true) => step,
        (step, _) => {
            if let Err(msg) = step {
                errors.add("code", L_CODE, msg);
            }
            ctx.ensure_csrf().await?;
            let left = db::two_factor::codes_left(&state.db.pool, me.id).await?;
            return Ok(
                setup_view(&ctx, &user.email, &secret, enabled.then_some(left), &errors)
                    .into_response(),
            );
        }
    };
    let codes = totp::recovery_codes();
    let hashes: Vec<String> = codes.iter().map(|c| totp::recovery_hash(c)).collect();
    let mut tx = state.db.begin_write().await?;
    db::two_factor::enable(&mut tx, me.id, secret.as_str(), step, &hashes).await?;
    tx.commit().await?;
    ctx.session.set_setup_secret(None).await?;
    // The lock-out is over from this request on.
    if let Some(u) = ctx.user.as_mut() {
        u.must_set_up_two_factor = false;
    }
    Ok(codes_view(&ctx, &codes).into_response())
}

fn codes_view(ctx: &Ctx, codes: &[String]) -> Markup {
    let title = t("tf-codes-title");
    layout::page(
        ctx,
        &title,
        html! {
            h1 { (title) }
            p.notice role="status" { (t("tf-now-on")) }
            p { (t("tf-codes-intro")) }
            ol.recovery-codes {
                @for c in codes { li { code { (c) } } }
            }
            p { a href="/account" { (t("tf-back-to-account")) } }
        },
    )
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct OffForm {
    password: String,
}

/// A participant turns two-factor sign-in off again, confirmed with their password.
async fn turn_off(
    State(state): State<AppState>,
    ip: ClientIp,
    ctx: Ctx,
    Form(form): Form<OffForm>,
) -> AppResult<Redirect> {
    let me = ctx.require_user()?;
    if me.role != Role::Participant {
        return Err(AppError::Forbidden);
    }
    check_rate(&state, &ip)?;
    let user = db::users::by_id(&state.db.pool, me.id)
        .await?
        .ok_or(AppError::NotFound)?;
    if !state
        .hashing
        .verify(form.password, user.password_hash)
        .await?
    {
        ctx.session.set_flash("tf-off-wrong-password").await?;
        return Ok(Redirect::to(TWO_FACTOR_SETUP));
    }
    let mut tx = state.db.begin_write().await?;
    db::two_factor::reset(&mut tx, me.id).await?;
    tx.commit().await?;
    ctx.session.set_flash("tf-off-done").await?;
    Ok(Redirect::to("/account"))
}

/// An admin turns off someone's two-factor sign-in (lost phone and codes); written to the
/// moderation log. The person sets it up anew at their next login.
async fn admin_reset(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
) -> AppResult<Redirect> {
    let admin = ctx.require_admin()?;
    let id: UserId = id.parse().map_err(|_| AppError::NotFound)?;
    let mut tx = state.db.begin_write().await?;
    if db::two_factor::reset(&mut tx, id).await? {
        db::curation::log(
            &mut *tx,
            &LogEntry {
                action: Action::TwoFactorReset,
                reason: None,
                note: "",
                actor_role: Acting::Person(admin.role),
                item_type: Subject::User,
                item_id: id.0,
            },
        )
        .await?;
    }
    tx.commit().await?;
    ctx.session.set_flash("tf-reset-done").await?;
    Ok(Redirect::to("/admin/users"))
}
