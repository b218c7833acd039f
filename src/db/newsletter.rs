//! The office's newsletter: double opt-in subscribers (only the hashes of their links are
//! stored), issues sent through the outbox, the public archive.

use super::mail::{self, NewMail, new_token, token_hash};
use super::{Exec, Tx, now};
use crate::domain::UserId;
use crate::domain::mail::MailKind;

/// Unconfirmed requests are deleted after this long.
pub const UNCONFIRMED_DAYS: i64 = 7;

/// Ask for the newsletter: a confirmation link to the address. An address already confirmed
/// gets nothing (the answer on the page is the same); an unconfirmed one gets a new link.
pub async fn subscribe(
    conn: &mut sqlx::AnyConnection,
    email: &str,
    lang: &str,
) -> sqlx::Result<()> {
    let confirmed: Option<Option<i64>> =
        sqlx::query_scalar("SELECT confirmed_at FROM newsletter_subscribers WHERE email = $1")
            .bind(email)
            .fetch_optional(&mut *conn)
            .await?;
    if matches!(confirmed, Some(Some(_))) {
        return Ok(());
    }
    let (token, hash) = new_token();
    sqlx::query(
        "INSERT INTO newsletter_subscribers (email, language, token_hash, created_at)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (email) DO UPDATE SET token_hash = excluded.token_hash,
                                           language = excluded.language,
                                           created_at = excluded.created_at",
    )
    .bind(email)
    .bind(lang)
    .bind(hash)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    mail::enqueue(
        &mut *conn,
        &NewMail {
            recipient: email,
            language: lang,
            kind: Some(MailKind::NewsletterConfirm),
            link: &format!("/newsletter/bestaetigen/{token}"),
            ..Default::default()
        },
    )
    .await
    .map(|_| ())
}

/// Follow the confirmation link (within the seven days); true when it confirmed.
pub async fn confirm<'e>(ex: impl Exec<'e>, token: &str) -> sqlx::Result<bool> {
    let r = sqlx::query(
        "UPDATE newsletter_subscribers SET confirmed_at = $1
         WHERE token_hash = $2 AND confirmed_at IS NULL AND created_at > $3",
    )
    .bind(now())
    .bind(token_hash(token))
    .bind(now() - UNCONFIRMED_DAYS * 86_400)
    .execute(ex)
    .await?;
    Ok(r.rows_affected() == 1)
}

/// Whether an unsubscribe link is known (the page shows its button only then).
pub async fn link_known<'e>(ex: impl Exec<'e>, token: &str) -> sqlx::Result<bool> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM newsletter_links WHERE token_hash = $1")
        .bind(token_hash(token))
        .fetch_one(ex)
        .await?;
    Ok(n > 0)
}

/// One click: the subscriber and all their links are gone. False for an unknown link.
pub async fn unsubscribe(conn: &mut sqlx::AnyConnection, token: &str) -> sqlx::Result<bool> {
    let id: Option<i64> =
        sqlx::query_scalar("SELECT subscriber_id FROM newsletter_links WHERE token_hash = $1")
            .bind(token_hash(token))
            .fetch_optional(&mut *conn)
            .await?;
    let Some(id) = id else {
        return Ok(false);
    };
    sqlx::query("DELETE FROM newsletter_links WHERE subscriber_id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM newsletter_subscribers WHERE id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(true)
}

/// Delete the requests nobody confirmed within seven days.
pub async fn purge_unconfirmed<'e>(ex: impl Exec<'e>, now: i64) -> sqlx::Result<u64> {
    sqlx::query("DELETE FROM newsletter_subscribers WHERE confirmed_at IS NULL AND created_at < $1")
        .bind(now - UNCONFIRMED_DAYS * 86_400)
        .execute(ex)
        .await
        .map(|r| r.rows_affected())
}

pub async fn confirmed_count<'e>(ex: impl Exec<'e>) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM newsletter_subscribers WHERE confirmed_at IS NOT NULL")
        .fetch_one(ex)
        .await
}

/// Store the issue and put one mail per confirmed subscriber into the outbox, each with its
/// own unsubscribe link. Returns the issue's id and how many it goes to.
pub async fn send_issue(
    tx: &mut Tx,
    author: UserId,
    subject: &str,
    body: &str,
) -> sqlx::Result<(i64, i64)> {
    let subscribers: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT id, email, language FROM newsletter_subscribers
         WHERE confirmed_at IS NOT NULL ORDER BY id",
    )
    .fetch_all(&mut **tx)
    .await?;
    let count = subscribers.len() as i64;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO newsletter_issues (subject, body, author_id, sent_at, recipients)
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(subject)
    .bind(body)
    .bind(author)
    .bind(now())
    .bind(count)
    .fetch_one(&mut **tx)
    .await?;
    for (subscriber, email, language) in subscribers {
        let (token, hash) = new_token();
        sqlx::query(
            "INSERT INTO newsletter_links (token_hash, subscriber_id, created_at) VALUES ($1, $2, $3)",
        )
        .bind(hash)
        .bind(subscriber)
        .bind(now())
        .execute(&mut **tx)
        .await?;
        mail::enqueue(
            &mut **tx,
            &NewMail {
                recipient: &email,
                language: &language,
                kind: Some(MailKind::Newsletter),
                unsubscribe: &format!("/newsletter/abbestellen/{token}"),
                subject,
                body,
                ..Default::default()
            },
        )
        .await?;
    }
    Ok((id, count))
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct IssueRow {
    pub id: i64,
    pub subject: String,
    pub body: String,
    pub sent_at: i64,
    pub recipients: i64,
}

/// The past issues, newest first.
pub async fn issues<'e>(ex: impl Exec<'e>) -> sqlx::Result<Vec<IssueRow>> {
    sqlx::query_as(
        "SELECT id, subject, body, sent_at, recipients FROM newsletter_issues
         ORDER BY sent_at DESC, id DESC LIMIT 200",
    )
    .fetch_all(ex)
    .await
}

pub async fn issue<'e>(ex: impl Exec<'e>, id: i64) -> sqlx::Result<Option<IssueRow>> {
    sqlx::query_as(
        "SELECT id, subject, body, sent_at, recipients FROM newsletter_issues WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(ex)
    .await
}
