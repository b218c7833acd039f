//! The account's mailed links: confirming the address (and sending the link again),
//! "Passwort vergessen?" with its reset link, and moving the account to a new address.

use super::views::{L_EMAIL, L_NEW_PASSWORD, L_NEW_PASSWORD_CONFIRM, PASSWORDS_DIFFER};
use crate::db;
use crate::db::mail::EmailChange;
use crate::domain::mail::TokenPurpose;
use crate::domain::{Email, NewPassword};
use crate::error::{AppError, AppResult};
use crate::i18n::t;
use crate::state::AppState;
use crate::web::client::{ClientIp, check_rate};
use crate::web::forms::csrf_field;
use crate::web::layout::{self, title_with_errors};
use crate::web::{Ctx, Field, Form, FormErrors, Path};
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use maud::{Markup, html};
use serde::Deserialize;
use std::time::{Duration, Instant};

use db::mail::RESEND_EVERY_SECS;
/// The reset request answers after this long whatever happened, so the time does not tell
/// whether the address has an account.
const RESET_ANSWER_TIME: Duration = Duration::from_millis(400);

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/konto/bestaetigen/{token}", get(confirm))
        .route("/konto/bestaetigung-senden", post(resend))
        .route("/passwort-vergessen", get(forgot_form).post(forgot))
        .route("/passwort-neu/{token}", get(reset_form).post(reset))
        .route("/account/email", post(change_email))
        .route("/konto/adresse-bestaetigen/{token}", get(confirm_change))
}

/// The plain notice for an unconfirmed account, with "Link erneut senden" (for the account
/// page and "Meine Beiträge").
pub fn unconfirmed_notice(ctx: &Ctx) -> Markup {
    html! {
        div.notice role="status" {
            p { (t("mail-unconfirmed")) }
            form method="post" action="/konto/bestaetigung-senden" {
                (csrf_field(ctx.csrf()))
                button type="submit" { (t("mail-resend")) }
            }
        }
    }
}

/// On the account page: the notice while unconfirmed, and the change of address.
pub fn account_section(ctx: &Ctx, user: &db::users::UserRow) -> Markup {
    html! {
        @if user.email_confirmed_at.is_none() { (unconfirmed_notice(ctx)) }
        section aria-labelledby="email-title" {
            h2 #email-title { (t("mail-change-title")) }
            p { (t("mail-change-intro")) }
            form.stack method="post" action="/account/email" novalidate {
                (csrf_field(ctx.csrf()))
                (Field::email("email", "mail-l-new-email", "").autocomplete("email").render(&FormErrors::new()))
                button type="submit" { (t("mail-change-send")) }
            }
        }
    }
}

fn message_page(ctx: &Ctx, title: &str, text: &str) -> Markup {
    layout::page(
        ctx,
        &t(title),
        html! {
            h1 { (t(title)) }
            p { (t(text)) }
        },
    )
}

async fn confirm(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path,
) -> AppResult<Response> {
    let mut tx = state.db.begin_write().await?;
    let confirmed = db::mail::confirm(&mut tx, state.db.backend, &token).await?;
    tx.commit().await?;
    let Some((user, next)) = confirmed else {
        return Ok(
            message_page(&ctx, "mail-link-invalid-title", "mail-link-invalid").into_response(),
        );
    };
    // The link reached the mailbox, so it logs the person in, like a login with the password
    // (and its second factor, if they set one up meanwhile); then back to where they were.
    let Some(row) = db::users::by_id(&state.db.pool, user).await? else {
        return Err(AppError::NotFound);
    };
    let two_factor = db::two_factor::secret(&state.db.pool, user)
        .await?
        .is_some();
    let next = crate::web::safe_next(Some(&next));
    let answer = super::two_factor::after_password(&state, &ctx, &row, &next).await?;
    // Its own notice, unless the login asks for something first (the code, a staff member's
    // second factor to set up), which keeps the notice that says so.
    let to_next = answer
        .headers()
        .get(axum::http::header::LOCATION)
        .is_some_and(|l| l.as_bytes() == next.as_bytes());
    if two_factor {
        ctx.session.set_flash("mail-confirmed").await?;
    } else if to_next {
        ctx.session.set_flash(super::views::WELCOME).await?;
    }
    Ok(answer)
}

async fn resend(State(state): State<AppState>, ctx: Ctx) -> AppResult<Redirect> {
    let me = ctx.require_user()?;
    let mut tx = state.db.begin_write().await?;
    let last = db::mail::last_token_at(&mut *tx, me.id, TokenPurpose::Confirm).await?;
    let flash = if !db::mail::unconfirmed(&mut *tx, me.id).await? {
        "mail-confirmed"
    } else if last.is_some_and(|at| db::now() - at < RESEND_EVERY_SECS) {
        "mail-resend-wait"
    } else {
        db::mail::send_confirmation(&mut tx, me.id).await?;
        "mail-resent"
    };
    tx.commit().await?;
    state.mail_wake.notify_one();
    ctx.session.set_flash(flash).await?;
    Ok(Redirect::to("/account"))
}

fn forgot_page(ctx: &Ctx, email: &str, sent: bool, errors: &FormErrors) -> Markup {
    let title = t("mail-forgot-title");
    layout::page(
        ctx,
        &title_with_errors(&title, !errors.is_empty()),
        html! {
            h1 { (title) }
            @if sent {
                p.notice role="status" { (t("mail-forgot-sent")) }
            } @else {
                p { (t("mail-forgot-intro")) }
            }
            (errors.summary())
            form.stack method="post" action="/passwort-vergessen" novalidate {
                (csrf_field(ctx.csrf()))
                (Field::email("email", L_EMAIL, email).autocomplete("username").render(errors))
                button.primary type="submit" { (t("mail-forgot-send")) }
            }
            p { a href="/login" { (t("acc-to-login")) } }
        },
    )
}

async fn forgot_form(mut ctx: Ctx) -> AppResult<Markup> {
    ctx.ensure_csrf().await?;
    Ok(forgot_page(&ctx, "", false, &FormErrors::new()))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ForgotForm {
    email: String,
}

async fn forgot(
    State(state): State<AppState>,
    ip: ClientIp,
    mut ctx: Ctx,
    Form(form): Form<ForgotForm>,
) -> AppResult<Markup> {
    let started = Instant::now();
    check_rate(&state, &ip)?;
    let mut errors = FormErrors::new();
    if form.email.trim().is_empty() {
        errors.add("email", L_EMAIL, super::views::EMAIL_MISSING);
    } else {
        // Known or not, the same transaction runs and the same page comes back.
        let email = Email::normalise(&form.email);
        let mut tx = state.db.begin_write().await?;
        db::mail::start_reset(&mut tx, &email).await?;
        tx.commit().await?;
        state.mail_wake.notify_one();
    }
    tokio::time::sleep_until((started + RESET_ANSWER_TIME).into()).await;
    ctx.ensure_csrf().await?;
    Ok(forgot_page(&ctx, "", errors.is_empty(), &errors))
}

fn reset_page(ctx: &Ctx, token: &str, errors: &FormErrors) -> Markup {
    let title = t("mail-reset-title");
    layout::page(
        ctx,
        &title_with_errors(&title, !errors.is_empty()),
        html! {
            h1 { (title) }
            (errors.summary())
            form.stack method="post" action={ "/passwort-neu/" (token) } novalidate {
                (csrf_field(ctx.csrf()))
                (Field::password("new_password", L_NEW_PASSWORD).hint("acc-new-password-hint").autocomplete("new-password").render(errors))
                (Field::password("new_password_confirm", L_NEW_PASSWORD_CONFIRM).autocomplete("new-password").render(errors))
                button.primary type="submit" { (t("mail-reset-save")) }
            }
        },
    )
}

async fn reset_form(
    State(state): State<AppState>,
    mut ctx: Ctx,
    Path(token): Path,
) -> AppResult<Response> {
    if !db::mail::token_valid(&state.db.pool, TokenPurpose::Reset, &token).await? {
        return Ok(
            message_page(&ctx, "mail-link-invalid-title", "mail-link-invalid").into_response(),
        );
    }
    ctx.ensure_csrf().await?;
    Ok(reset_page(&ctx, &token, &FormErrors::new()).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ResetForm {
    new_password: String,
    new_password_confirm: String,
}

async fn reset(
    State(state): State<AppState>,
    ip: ClientIp,
    mut ctx: Ctx,
    Path(token): Path,
    Form(form): Form<ResetForm>,
) -> AppResult<Response> {
    check_rate(&state, &ip)?;
    let mut errors = FormErrors::new();
    let new = errors.check(
        "new_password",
        L_NEW_PASSWORD,
        NewPassword::parse(&form.new_password, "", ""),
    );
    if new.is_some() && form.new_password != form.new_password_confirm {
        errors.add(
            "new_password_confirm",
            L_NEW_PASSWORD_CONFIRM,
            PASSWORDS_DIFFER,
        );
    }
    let (Some(new), true) = (new, errors.is_empty()) else {
        ctx.ensure_csrf().await?;
        return Ok(reset_page(&ctx, &token, &errors).into_response());
    };
    let hash = state.hashing.hash(new.as_str().to_string()).await?;
    let mut tx = state.db.begin_write().await?;
    let done = db::mail::finish_reset(&mut tx, state.db.backend, &token, &hash).await?;
    tx.commit().await?;
    match done {
        Some((user, _epoch)) => {
            // Every other session has ended with the raised epoch. This browser signs in like
            // any login: with the second factor, if the person has one (a mailed link alone
            // must not get past it).
            let Some(row) = db::users::by_id(&state.db.pool, user).await? else {
                return Err(AppError::NotFound);
            };
            ctx.session.set_flash("mail-reset-done").await?;
            crate::accounts::two_factor::after_password(&state, &ctx, &row, "/account").await
        }
        None => {
            Ok(message_page(&ctx, "mail-link-invalid-title", "mail-link-invalid").into_response())
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ChangeEmailForm {
    email: String,
}

async fn change_email(
    State(state): State<AppState>,
    ip: ClientIp,
    ctx: Ctx,
    Form(form): Form<ChangeEmailForm>,
) -> AppResult<Redirect> {
    let me = ctx.require_active_user()?;
    check_rate(&state, &ip)?;
    let Ok(email) = Email::parse(&form.email) else {
        ctx.session.set_flash("mail-change-invalid").await?;
        return Ok(Redirect::to("/account"));
    };
    let mut tx = state.db.begin_write().await?;
    // An address that already has an account gets no link (it could not be taken), but the
    // answer is the same, so the form does not tell which addresses have accounts.
    if db::users::by_email(&mut *tx, email.as_str())
        .await?
        .is_none()
    {
        db::mail::start_email_change(&mut tx, me.id, email.as_str()).await?;
    }
    tx.commit().await?;
    state.mail_wake.notify_one();
    ctx.session.set_flash("mail-change-sent").await?;
    Ok(Redirect::to("/account"))
}

async fn confirm_change(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path,
) -> AppResult<Response> {
    let mut tx = state.db.begin_write().await?;
    let outcome = db::mail::finish_email_change(&mut tx, &token).await?;
    tx.commit().await?;
    match outcome {
        EmailChange::Done(_) => {
            ctx.session.set_flash("mail-change-done").await?;
            Ok(Redirect::to("/").into_response())
        }
        EmailChange::Taken => {
            Ok(message_page(&ctx, "mail-link-invalid-title", "mail-change-taken").into_response())
        }
        EmailChange::Invalid => {
            Ok(message_page(&ctx, "mail-link-invalid-title", "mail-link-invalid").into_response())
        }
    }
}
