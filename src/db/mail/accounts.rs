//! The mails of an account's life: confirming the address, registering again, resetting the
//! password and changing the address, each with its single-use link.

use super::super::{Backend, Exec, Tx, now};
use super::{
    NewMail, consume_token, enqueue, issue_token, last_token_at, recipient, retire_tokens,
};
use crate::domain::UserId;
use crate::domain::mail::{MailKind, TokenPurpose};

/// Whether the person has not confirmed their address yet.
pub async fn unconfirmed<'e>(ex: impl Exec<'e>, user: UserId) -> sqlx::Result<bool> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM users WHERE id = $1 AND email_confirmed_at IS NULL",
    )
    .bind(user)
    .fetch_one(ex)
    .await?;
    Ok(n > 0)
}

/// Mark an account confirmed without a mail (create-user, seed-demo, staff made by admins).
pub async fn mark_confirmed<'e>(ex: impl Exec<'e>, user: UserId) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE users SET email_confirmed_at = $1 WHERE id = $2 AND email_confirmed_at IS NULL",
    )
    .bind(now())
    .bind(user)
    .execute(ex)
    .await
    .map(|_| ())
}

/// Remember the language of the person's mails.
pub async fn set_language<'e>(ex: impl Exec<'e>, user: UserId, lang: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE users SET language = $1 WHERE id = $2")
        .bind(lang)
        .bind(user)
        .execute(ex)
        .await
        .map(|_| ())
}

/// A mail for one account (to its current address, in its language).
async fn enqueue_for(
    conn: &mut sqlx::AnyConnection,
    user: UserId,
    kind: MailKind,
    link: &str,
    body: &str,
) -> sqlx::Result<()> {
    let Some(r) = recipient(&mut *conn, user).await? else {
        return Ok(());
    };
    enqueue(
        &mut *conn,
        &NewMail {
            recipient: &r.email,
            language: &r.language,
            kind: Some(kind),
            link,
            body,
            ..Default::default()
        },
    )
    .await
    .map(|_| ())
}

/// "Link erneut senden", and a second registration of a not yet confirmed address, at most
/// this often per account.
pub const RESEND_EVERY_SECS: i64 = 60;
/// "Someone tried to register with your address" at most this often per account, so that
/// the registration form cannot be used to fill somebody's mailbox.
pub const ALREADY_REGISTERED_EVERY_SECS: i64 = 15 * 60;

/// What a registration form brought, checked and hashed.
pub struct NewAccount<'a> {
    pub email: &'a str,
    pub display_name: &'a str,
    pub password_hash: &'a str,
    /// The language of the account's mails.
    pub language: &'a str,
    /// Where the confirmation link leads after confirming (a path of this site).
    pub next: &'a str,
}

/// What a confirmation link carries beside its account (stored as the token's `detail`).
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct ConfirmDetail {
    /// Where the person goes once confirmed.
    #[serde(default)]
    pub next: String,
    /// The password typed at a second registration of a not yet confirmed address: whoever
    /// can read the mailbox decides the password, not whoever registered the address first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password_hash: Option<String>,
}

/// A registration, whatever the address: a new account waiting for its confirmation (with
/// the link mailed); for an address with a confirmed account a mail to its owner that someone
/// tried (with the login and reset links); for one not yet confirmed the link again (with the
/// password typed now). The caller answers the same in every case, so the form does not tell
/// which addresses have accounts. Returns the new account, if one was made.
pub async fn register(tx: &mut Tx, a: &NewAccount<'_>) -> sqlx::Result<Option<UserId>> {
    let existing: Option<(UserId, Option<i64>)> = sqlx::query_as(
        "SELECT id, email_confirmed_at FROM users WHERE email = $1 AND deleted_at IS NULL",
    )
    .bind(a.email)
    .fetch_optional(&mut **tx)
    .await?;
    let detail = |password_hash: Option<&str>| {
        serde_json::to_string(&ConfirmDetail {
            next: a.next.to_string(),
            password_hash: password_hash.map(str::to_string),
        })
        .unwrap_or_default()
    };
    match existing {
        None => {
            let id = super::super::users::insert(
                &mut **tx,
                a.email,
                a.display_name,
                a.password_hash,
                crate::domain::Role::Participant,
            )
            .await?;
            sqlx::query("UPDATE users SET email_confirmed_at = NULL, language = $1 WHERE id = $2")
                .bind(a.language)
                .bind(id)
                .execute(&mut **tx)
                .await?;
            send_confirmation_with(tx, id, &detail(None)).await?;
            Ok(Some(id))
        }
        Some((id, Some(_))) => {
            // Along `outbox_recipient` (0020): the time this takes must not grow with the
            // outbox, or a taken address would answer slower than a new one.
            let last: Option<i64> = sqlx::query_scalar(
                "SELECT MAX(created_at) FROM outbox WHERE recipient = $1 AND kind = $2",
            )
            .bind(a.email)
            .bind(MailKind::AlreadyRegistered)
            .fetch_one(&mut **tx)
            .await?;
            if last.is_none_or(|at| now() - at >= ALREADY_REGISTERED_EVERY_SECS) {
                send_already_registered(tx, id).await?;
            }
            Ok(None)
        }
        Some((id, None)) => {
            let last = last_token_at(&mut **tx, id, TokenPurpose::Confirm).await?;
            if last.is_none_or(|at| now() - at >= RESEND_EVERY_SECS) {
                // Only the newest link works: an older one would set the password of an
                // earlier registration (perhaps not the mailbox owner's).
                retire_tokens(&mut **tx, id, TokenPurpose::Confirm).await?;
                send_confirmation_with(tx, id, &detail(Some(a.password_hash))).await?;
            }
            Ok(None)
        }
    }
}

/// The confirmation link for a new (or not yet confirmed) account, into the outbox.
pub async fn send_confirmation(conn: &mut sqlx::AnyConnection, user: UserId) -> sqlx::Result<()> {
    send_confirmation_with(conn, user, "").await
}

async fn send_confirmation_with(
    conn: &mut sqlx::AnyConnection,
    user: UserId,
    detail: &str,
) -> sqlx::Result<()> {
    let detail = (!detail.is_empty()).then_some(detail);
    let token = issue_token(&mut *conn, user, TokenPurpose::Confirm, detail).await?;
    enqueue_for(
        conn,
        user,
        MailKind::Confirm,
        &format!("/konto/bestaetigen/{token}"),
        "",
    )
    .await
}

/// Someone registered with this account's address: tell its owner (with the login and
/// reset links), and nobody else.
pub async fn send_already_registered(
    conn: &mut sqlx::AnyConnection,
    user: UserId,
) -> sqlx::Result<()> {
    enqueue_for(conn, user, MailKind::AlreadyRegistered, "", "").await
}

/// Follow a confirmation link: the account is confirmed, what it held back counts now, the
/// other confirmation links stop working, and a password typed at a second registration
/// becomes the account's (ending every session under the old one). Returns the account and
/// where the person goes next; `None` for an unknown, used or expired link, and for one of an
/// account that is confirmed already.
pub async fn confirm(
    tx: &mut Tx,
    backend: Backend,
    token: &str,
) -> sqlx::Result<Option<(UserId, String)>> {
    let Some((user, detail)) = consume_token(&mut **tx, TokenPurpose::Confirm, token).await? else {
        return Ok(None);
    };
    let detail: ConfirmDetail = detail
        .and_then(|d| serde_json::from_str(&d).ok())
        .unwrap_or_default();
    retire_tokens(&mut **tx, user, TokenPurpose::Confirm).await?;
    // A link of an account confirmed meanwhile (by a reset or a change of address) logs
    // nobody in: the link proves only the mailbox it was sent to, perhaps an old one.
    if !unconfirmed(&mut **tx, user).await? {
        return Ok(None);
    }
    if let Some(hash) = &detail.password_hash {
        super::super::users::set_password_hash(&mut **tx, user, hash).await?;
    }
    mark_confirmed(&mut **tx, user).await?;
    super::super::ideas::release_held(tx, backend, user).await?;
    Ok(Some((user, detail.next)))
}

/// A reset link for the account with this address, if there is one; the older links stop
/// working. Nothing happens (and nothing differs for the caller) for unknown addresses.
pub async fn start_reset(conn: &mut sqlx::AnyConnection, email: &str) -> sqlx::Result<()> {
    let user: Option<UserId> = sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
        .bind(email)
        .fetch_optional(&mut *conn)
        .await?;
    let Some(user) = user else {
        return Ok(());
    };
    retire_tokens(&mut *conn, user, TokenPurpose::Reset).await?;
    let token = issue_token(&mut *conn, user, TokenPurpose::Reset, None).await?;
    enqueue_for(
        conn,
        user,
        MailKind::Reset,
        &format!("/passwort-neu/{token}"),
        "",
    )
    .await
}

/// Use a reset link: the new password, a raised `auth_epoch` (every session ends) and the
/// address counts as confirmed (the mail reached it). Returns the account and its new epoch.
pub async fn finish_reset(
    tx: &mut Tx,
    backend: Backend,
    token: &str,
    hash: &str,
) -> sqlx::Result<Option<(UserId, i64)>> {
    let Some((user, _)) = consume_token(&mut **tx, TokenPurpose::Reset, token).await? else {
        return Ok(None);
    };
    let epoch = super::super::users::set_password_hash(&mut **tx, user, hash).await?;
    // Confirmation links end with the password they may carry.
    retire_tokens(&mut **tx, user, TokenPurpose::Confirm).await?;
    if unconfirmed(&mut **tx, user).await? {
        mark_confirmed(&mut **tx, user).await?;
        super::super::ideas::release_held(tx, backend, user).await?;
    }
    Ok(Some((user, epoch)))
}

/// Ask to move the account to `new_email`: a link to the new address, a notice to the old.
pub async fn start_email_change(
    conn: &mut sqlx::AnyConnection,
    user: UserId,
    new_email: &str,
) -> sqlx::Result<()> {
    let Some(r) = recipient(&mut *conn, user).await? else {
        return Ok(());
    };
    retire_tokens(&mut *conn, user, TokenPurpose::ChangeEmail).await?;
    let token = issue_token(&mut *conn, user, TokenPurpose::ChangeEmail, Some(new_email)).await?;
    enqueue(
        &mut *conn,
        &NewMail {
            recipient: new_email,
            language: &r.language,
            kind: Some(MailKind::ChangeConfirm),
            link: &format!("/konto/adresse-bestaetigen/{token}"),
            ..Default::default()
        },
    )
    .await?;
    enqueue(
        &mut *conn,
        &NewMail {
            recipient: &r.email,
            language: &r.language,
            kind: Some(MailKind::ChangeNotice),
            body: new_email,
            ..Default::default()
        },
    )
    .await
    .map(|_| ())
}

/// What came of a change-of-address link.
#[derive(Debug, PartialEq, Eq)]
pub enum EmailChange {
    Done(UserId),
    /// Another account took the address meanwhile.
    Taken,
    Invalid,
}

/// Follow the link sent to the new address: the account moves to it (and counts as confirmed).
pub async fn finish_email_change(tx: &mut Tx, token: &str) -> sqlx::Result<EmailChange> {
    let Some((user, Some(new_email))) =
        consume_token(&mut **tx, TokenPurpose::ChangeEmail, token).await?
    else {
        return Ok(EmailChange::Invalid);
    };
    let taken: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE email = $1 AND id <> $2")
        .bind(&new_email)
        .bind(user)
        .fetch_one(&mut **tx)
        .await?;
    if taken > 0 {
        return Ok(EmailChange::Taken);
    }
    sqlx::query(
        "UPDATE users SET email = $1, email_confirmed_at = COALESCE(email_confirmed_at, $2)
         WHERE id = $3",
    )
    .bind(&new_email)
    .bind(now())
    .bind(user)
    .execute(&mut **tx)
    .await?;
    // Links mailed to the old address no longer speak for the account.
    retire_tokens(&mut **tx, user, TokenPurpose::Confirm).await?;
    Ok(EmailChange::Done(user))
}
