//! The outbox (every mail, written in the transaction of its event and sent by the worker)
//! and the single-use tokens of mailed links, stored only as their SHA-256.

use super::{Backend, Exec, Tx, now};
use crate::domain::UserId;
use crate::domain::mail::{MailKind, TokenPurpose};
use sha2::{Digest, Sha256};

mod accounts;

pub use accounts::{
    ALREADY_REGISTERED_EVERY_SECS, ConfirmDetail, EmailChange, NewAccount, RESEND_EVERY_SECS,
    confirm, finish_email_change, finish_reset, mark_confirmed, register, send_already_registered,
    send_confirmation, set_language, start_email_change, start_reset, unconfirmed,
};

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
