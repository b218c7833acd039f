//! The outbox (every mail, written in the transaction of its event and sent by the worker)
//! and the single-use tokens of mailed links, stored only as their SHA-256.

use super::{Backend, Exec, Tx, now};
use crate::domain::UserId;
use crate::domain::mail::{MailKind, TokenPurpose};
use sha2::{Digest, Sha256};

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A fresh random token (what goes into the link) and its hash (what is stored).
pub fn new_token() -> (String, String) {
    use rand::RngCore;
    let mut raw = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut raw);
    let token = hex(&raw);
    let hash = token_hash(&token);
    (token, hash)
}

/// The stored form of a token from a link.
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.trim().as_bytes()))
}

/// A new single-use link for `user`; returns the raw token for the mail.
pub async fn issue_token(
    conn: &mut sqlx::AnyConnection,
    user: UserId,
    purpose: TokenPurpose,
    detail: Option<&str>,
) -> sqlx::Result<String> {
    let (token, hash) = new_token();
    let at = now();
    sqlx::query(
        "INSERT INTO account_tokens (user_id, purpose, token_hash, detail, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(user)
    .bind(purpose)
    .bind(hash)
    .bind(detail)
    .bind(at)
    .bind(at + purpose.lifetime())
    .execute(&mut *conn)
    .await?;
    Ok(token)
}

/// Use a token once: marks it used and returns its account (and new address for a change),
/// or `None` when it is unknown, used, expired or of another purpose. One UPDATE, so two
/// clicks at the same moment cannot both succeed.
pub async fn consume_token<'e>(
    ex: impl Exec<'e>,
    purpose: TokenPurpose,
    token: &str,
) -> sqlx::Result<Option<(UserId, Option<String>)>> {
    let at = now();
    sqlx::query_as(
        "UPDATE account_tokens SET used_at = $1
         WHERE token_hash = $2 AND purpose = $3 AND used_at IS NULL AND expires_at > $1
         RETURNING user_id, detail",
    )
    .bind(at)
    .bind(token_hash(token))
    .bind(purpose)
    .fetch_optional(ex)
    .await
}

/// Whether a token would still work (the reset form checks before asking for a password).
pub async fn token_valid<'e>(
    ex: impl Exec<'e>,
    purpose: TokenPurpose,
    token: &str,
) -> sqlx::Result<bool> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM account_tokens
         WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3",
    )
    .bind(token_hash(token))
    .bind(purpose)
    .bind(now())
    .fetch_one(ex)
    .await?;
    Ok(n > 0)
}

/// Retire the other open links of this purpose (a new reset link voids the older ones).
pub async fn retire_tokens<'e>(
    ex: impl Exec<'e>,
    user: UserId,
    purpose: TokenPurpose,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE account_tokens SET used_at = $1
         WHERE user_id = $2 AND purpose = $3 AND used_at IS NULL",
    )
    .bind(now())
    .bind(user)
    .bind(purpose)
    .execute(ex)
    .await
    .map(|_| ())
}

/// When the last link of this purpose was issued (for "Link erneut senden" limits).
pub async fn last_token_at<'e>(
    ex: impl Exec<'e>,
    user: UserId,
    purpose: TokenPurpose,
) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar(
        "SELECT MAX(created_at) FROM account_tokens WHERE user_id = $1 AND purpose = $2",
    )
    .bind(user)
    .bind(purpose)
    .fetch_one(ex)
    .await
}

// ---------------------------------------------------------------- outbox

/// A mail to put into the outbox. The worker writes its words from `kind` in `language`.
#[derive(Debug, Default)]
pub struct NewMail<'a> {
    pub recipient: &'a str,
    pub language: &'a str,
    pub kind: Option<MailKind>,
    /// A stored notice's message (JSON), for notifications.
    pub message: &'a str,
    /// The path of the mail's one link (may carry a raw token; cleared once sent).
    pub link: &'a str,
    /// The path of the one-click unsubscribe (list mails only).
    pub unsubscribe: &'a str,
    /// Newsletter subject and Markdown text; a digest's lines.
    pub subject: &'a str,
    pub body: &'a str,
}

/// Put a mail into the outbox, inside the caller's transaction.
pub async fn enqueue<'e>(ex: impl Exec<'e>, mail: &NewMail<'_>) -> sqlx::Result<i64> {
    let (message_id, _) = new_token();
    let at = now();
    sqlx::query_scalar(
        "INSERT INTO outbox (recipient, language, kind, message, link, unsubscribe, subject, body,
                             message_id, created_at, next_attempt_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id",
    )
    .bind(mail.recipient)
    .bind(mail.language)
    .bind(mail.kind.unwrap_or(MailKind::Notice))
    .bind(mail.message)
    .bind(mail.link)
    .bind(mail.unsubscribe)
    .bind(mail.subject)
    .bind(mail.body)
    .bind(&message_id[..32])
    .bind(at)
    .fetch_one(ex)
    .await
}

/// A mail the worker has claimed.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OutboxRow {
    pub id: i64,
    pub recipient: String,
    pub language: String,
    pub kind: MailKind,
    pub message: String,
    pub link: String,
    pub unsubscribe: String,
    pub subject: String,
    pub body: String,
    pub message_id: String,
    pub created_at: i64,
    pub attempts: i64,
}

/// Claim up to `limit` due mails for `worker` until `lease_until`. DIALECT: PostgreSQL
/// skips rows another instance holds locked (`FOR UPDATE SKIP LOCKED`), so two instances
/// never claim the same mail; SQLite's `BEGIN IMMEDIATE` serialises the claims. A claim
/// whose lease ran out (its instance died) is claimed again.
pub async fn claim(
    tx: &mut Tx,
    backend: Backend,
    worker: &str,
    lease_until: i64,
    limit: i64,
) -> sqlx::Result<Vec<OutboxRow>> {
    let lock = match backend {
        Backend::Postgres => " FOR UPDATE SKIP LOCKED",
        Backend::Sqlite => "",
    };
    let at = now();
    let ids: Vec<i64> = sqlx::query_scalar(&format!(
        "SELECT id FROM outbox
         WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $1
           AND (claimed_until IS NULL OR claimed_until < $1)
         ORDER BY next_attempt_at, id LIMIT $2{lock}"
    ))
    .bind(at)
    .bind(limit)
    .fetch_all(&mut **tx)
    .await?;
    let mut rows = Vec::with_capacity(ids.len());
    for id in ids {
        let row: OutboxRow = sqlx::query(
            "UPDATE outbox SET claimed_by = $1, claimed_until = $2 WHERE id = $3
             RETURNING id, recipient, language, kind, message, link, unsubscribe, subject, body,
                       message_id, created_at, attempts",
        )
        .bind(worker)
        .bind(lease_until)
        .bind(id)
        .try_map(super::decoded)
        .fetch_one(&mut **tx)
        .await?;
        rows.push(row);
    }
    Ok(rows)
}

/// The mail went out: never again. The secret link is forgotten.
pub async fn mark_sent<'e>(ex: impl Exec<'e>, id: i64, worker: &str) -> sqlx::Result<bool> {
    let r = sqlx::query(
        "UPDATE outbox SET sent_at = $1, claimed_until = NULL, link = '', attempts = attempts + 1,
                           last_error = NULL
         WHERE id = $2 AND claimed_by = $3 AND sent_at IS NULL",
    )
    .bind(now())
    .bind(id)
    .bind(worker)
    .execute(ex)
    .await?;
    Ok(r.rows_affected() == 1)
}

/// Sending failed for now: try again at `next_at`.
pub async fn mark_retry<'e>(
    ex: impl Exec<'e>,
    id: i64,
    worker: &str,
    next_at: i64,
    error: &str,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = $1, claimed_until = NULL,
                           last_error = $2
         WHERE id = $3 AND claimed_by = $4 AND sent_at IS NULL",
    )
    .bind(next_at)
    .bind(error)
    .bind(id)
    .bind(worker)
    .execute(ex)
    .await
    .map(|_| ())
}

/// Given up: the reason stays with the row (and in the log).
pub async fn mark_failed<'e>(
    ex: impl Exec<'e>,
    id: i64,
    worker: &str,
    error: &str,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE outbox SET attempts = attempts + 1, failed_at = $1, claimed_until = NULL,
                           link = '', last_error = $2
         WHERE id = $3 AND claimed_by = $4 AND sent_at IS NULL",
    )
    .bind(now())
    .bind(error)
    .bind(id)
    .bind(worker)
    .execute(ex)
    .await
    .map(|_| ())
}

/// Mails that could be claimed right now.
pub async fn due<'e>(ex: impl Exec<'e>) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM outbox
         WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $1
           AND (claimed_until IS NULL OR claimed_until < $1)",
    )
    .bind(now())
    .fetch_one(ex)
    .await
}

/// Mails not yet sent nor given up (for tests and the admin's overview).
pub async fn pending<'e>(ex: impl Exec<'e>) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL")
        .fetch_one(ex)
        .await
}

/// Who gets a mail about an account, and in which language.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Recipient {
    pub email: String,
    pub language: String,
}

pub async fn recipient<'e>(ex: impl Exec<'e>, user: UserId) -> sqlx::Result<Option<Recipient>> {
    sqlx::query_as("SELECT email, language FROM users WHERE id = $1")
        .bind(user)
        .fetch_optional(ex)
        .await
}

// ---------------------------------------------------------------- account mails

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
            let id = super::users::insert(
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
            let last: Option<i64> = sqlx::query_scalar(
                "SELECT MAX(o.created_at) FROM outbox o JOIN users u ON u.email = o.recipient
                 WHERE u.id = $1 AND o.kind = $2",
            )
            .bind(id)
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
/// where the person goes next; `None` for an unknown, used or expired link.
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
    if unconfirmed(&mut **tx, user).await? {
        if let Some(hash) = &detail.password_hash {
            super::users::set_password_hash(&mut **tx, user, hash).await?;
        }
        mark_confirmed(&mut **tx, user).await?;
        super::ideas::release_held(tx, backend, user).await?;
    }
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
    let epoch = super::users::set_password_hash(&mut **tx, user, hash).await?;
    if unconfirmed(&mut **tx, user).await? {
        mark_confirmed(&mut **tx, user).await?;
        super::ideas::release_held(tx, backend, user).await?;
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
    Ok(EmailChange::Done(user))
}
