//! Following, the inbox (the `notices` table) and how each notice reaches its person: the one
//! door `deliver` stores the notice and, by the person's setting, puts a mail into the outbox
//! or marks it for the daily digest, in the caller's transaction.

use super::mail::{self, NewMail};
use super::{Exec, now};
use crate::domain::mail::{Delivery, MailKind, NoticeKind, TokenPurpose};
use crate::domain::{CommentId, IdeaId, Message, ThemeId, UserId, WorkshopId};

/// What can be followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Idea(IdeaId),
    Theme(ThemeId),
    Workshop(WorkshopId),
}

impl Target {
    pub fn kind(self) -> &'static str {
        match self {
            Target::Idea(_) => "idea",
            Target::Theme(_) => "theme",
            Target::Workshop(_) => "workshop",
        }
    }

    pub fn id(self) -> i64 {
        match self {
            Target::Idea(i) => i.0,
            Target::Theme(t) => t.0,
            Target::Workshop(w) => w.0,
        }
    }

    /// From a form's `kind` and `id`.
    pub fn parse(kind: &str, id: i64) -> Option<Target> {
        match kind {
            "idea" => Some(Target::Idea(IdeaId(id))),
            "theme" => Some(Target::Theme(ThemeId(id))),
            "workshop" => Some(Target::Workshop(WorkshopId(id))),
            _ => None,
        }
    }
}

pub async fn follow<'e>(ex: impl Exec<'e>, user: UserId, target: Target) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO follows (user_id, target_kind, target_id, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id, target_kind, target_id) DO NOTHING",
    )
    .bind(user)
    .bind(target.kind())
    .bind(target.id())
    .bind(now())
    .execute(ex)
    .await
    .map(|_| ())
}

pub async fn unfollow<'e>(ex: impl Exec<'e>, user: UserId, target: Target) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM follows WHERE user_id = $1 AND target_kind = $2 AND target_id = $3")
        .bind(user)
        .bind(target.kind())
        .bind(target.id())
        .execute(ex)
        .await
        .map(|_| ())
}

pub async fn is_following<'e>(
    ex: impl Exec<'e>,
    user: UserId,
    target: Target,
) -> sqlx::Result<bool> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM follows WHERE user_id = $1 AND target_kind = $2 AND target_id = $3",
    )
    .bind(user)
    .bind(target.kind())
    .bind(target.id())
    .fetch_one(ex)
    .await?;
    Ok(n > 0)
}

/// How notices of `kind` reach the person: their setting, or the default.
pub async fn delivery<'e>(
    ex: impl Exec<'e>,
    user: UserId,
    kind: NoticeKind,
) -> sqlx::Result<Delivery> {
    let set: Option<Delivery> = sqlx::query_scalar(
        "SELECT mode FROM notification_settings WHERE user_id = $1 AND kind = $2",
    )
    .bind(user)
    .bind(kind)
    .fetch_optional(ex)
    .await?;
    Ok(set.unwrap_or(kind.default_mode()))
}

/// Every kind with the person's delivery.
pub async fn settings(
    conn: &mut sqlx::AnyConnection,
    user: UserId,
) -> sqlx::Result<Vec<(NoticeKind, Delivery)>> {
    let mut out = Vec::new();
    for kind in NoticeKind::ALL {
        out.push((kind, delivery(&mut *conn, user, kind).await?));
    }
    Ok(out)
}

pub async fn set_delivery<'e>(
    ex: impl Exec<'e>,
    user: UserId,
    kind: NoticeKind,
    mode: Delivery,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO notification_settings (user_id, kind, mode) VALUES ($1, $2, $3)
         ON CONFLICT (user_id, kind) DO UPDATE SET mode = excluded.mode",
    )
    .bind(user)
    .bind(kind)
    .bind(mode)
    .execute(ex)
    .await
    .map(|_| ())
}

/// Leave a notice for `user` (in the inbox) and send it on by their setting: a mail now, a
/// line in the daily digest, or nothing more. Unconfirmed addresses get no mail.
pub async fn deliver(
    conn: &mut sqlx::AnyConnection,
    user: UserId,
    idea: Option<IdeaId>,
    kind: NoticeKind,
    message: &Message,
) -> sqlx::Result<()> {
    deliver_noted(conn, user, idea, kind, message, "").await
}

/// `deliver` with a text the mail quotes in full (a status change's public note, the
/// ministry's whole answer).
pub async fn deliver_noted(
    conn: &mut sqlx::AnyConnection,
    user: UserId,
    idea: Option<IdeaId>,
    kind: NoticeKind,
    message: &Message,
    note: &str,
) -> sqlx::Result<()> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO notices (user_id, idea_id, text, message, created_at, kind)
         VALUES ($1, $2, '', $3, $4, $5) RETURNING id",
    )
    .bind(user)
    .bind(idea)
    .bind(message)
    .bind(now())
    .bind(kind)
    .fetch_one(&mut *conn)
    .await?;
    if mail::unconfirmed(&mut *conn, user).await? {
        return Ok(());
    }
    match delivery(&mut *conn, user, kind).await? {
        Delivery::Inbox => Ok(()),
        Delivery::Digest => sqlx::query("UPDATE notices SET digest_due = 1 WHERE id = $1")
            .bind(id)
            .execute(&mut *conn)
            .await
            .map(|_| ()),
        Delivery::Immediate => {
            let Some(r) = mail::recipient(&mut *conn, user).await? else {
                return Ok(());
            };
            let token = mail::issue_token(
                &mut *conn,
                user,
                TokenPurpose::Unsubscribe,
                Some(kind.as_str()),
            )
            .await?;
            let json = serde_json::to_string(message).unwrap_or_default();
            mail::enqueue(
                &mut *conn,
                &NewMail {
                    recipient: &r.email,
                    language: &r.language,
                    kind: Some(MailKind::Notice),
                    message: &json,
                    link: &notice_path(idea),
                    unsubscribe: &format!("/abbestellen/{token}"),
                    body: note,
                    ..Default::default()
                },
            )
            .await
            .map(|_| ())
        }
    }
}

fn notice_path(idea: Option<IdeaId>) -> String {
    match idea {
        Some(i) => format!("/ideas/{i}"),
        None => "/benachrichtigungen".into(),
    }
}

/// Tell everyone who follows `target` (but the people in `except`: the one who acted, and
/// whoever got a notice of their own about it). Blocked people get nothing.
pub async fn notify_followers(
    conn: &mut sqlx::AnyConnection,
    target: Target,
    idea: Option<IdeaId>,
    kind: NoticeKind,
    (message, note): (&Message, &str),
    except: &[UserId],
) -> sqlx::Result<()> {
    let followers: Vec<UserId> = sqlx::query_scalar(
        "SELECT f.user_id FROM follows f JOIN users u ON u.id = f.user_id
         WHERE f.target_kind = $1 AND f.target_id = $2 AND u.blocked_at IS NULL
         ORDER BY f.user_id",
    )
    .bind(target.kind())
    .bind(target.id())
    .fetch_all(&mut *conn)
    .await?;
    for user in followers.into_iter().filter(|u| !except.contains(u)) {
        deliver_noted(conn, user, idea, kind, message, note).await?;
    }
    Ok(())
}

/// An unsubscribe link: its account and what it ends (a notice kind, or "digest").
pub async fn unsubscribe_target<'e>(
    ex: impl Exec<'e>,
    token: &str,
) -> sqlx::Result<Option<(UserId, String)>> {
    sqlx::query_as(
        "SELECT user_id, COALESCE(detail, '') FROM account_tokens
         WHERE token_hash = $1 AND purpose = $2 AND expires_at > $3",
    )
    .bind(mail::token_hash(token))
    .bind(TokenPurpose::Unsubscribe)
    .bind(now())
    .fetch_optional(ex)
    .await
}

/// One click on an unsubscribe link: that kind of notice (or everything the digest held)
/// stays in the inbox from now on. Clicking again changes nothing.
pub async fn unsubscribe(conn: &mut sqlx::AnyConnection, token: &str) -> sqlx::Result<bool> {
    let Some((user, what)) = unsubscribe_target(&mut *conn, token).await? else {
        return Ok(false);
    };
    let kinds: Vec<NoticeKind> = match NoticeKind::parse(&what) {
        Some(kind) => vec![kind],
        None => {
            let mut digest = Vec::new();
            for kind in NoticeKind::ALL {
                if delivery(&mut *conn, user, kind).await? == Delivery::Digest {
                    digest.push(kind);
                }
            }
            digest
        }
    };
    for kind in kinds {
        set_delivery(&mut *conn, user, kind, Delivery::Inbox).await?;
    }
    Ok(true)
}

/// A new comment: a reply tells the author of the comment it answers, and everyone who
/// follows the idea hears of it (but the writer and that author). The writer follows the
/// idea from now on when they asked to.
pub async fn comment_added(
    conn: &mut sqlx::AnyConnection,
    idea: IdeaId,
    author: UserId,
    parent: Option<CommentId>,
    follow_idea: bool,
) -> sqlx::Result<()> {
    let (title, name): (String, String) = sqlx::query_as(
        "SELECT i.title, u.display_name FROM ideas i, users u WHERE i.id = $1 AND u.id = $2",
    )
    .bind(idea)
    .bind(author)
    .fetch_one(&mut *conn)
    .await?;
    let mut except = vec![author];
    if let Some(parent) = parent {
        let parent_author: Option<UserId> =
            sqlx::query_scalar("SELECT author_id FROM comments WHERE id = $1")
                .bind(parent)
                .fetch_optional(&mut *conn)
                .await?;
        if let Some(p) = parent_author.filter(|p| *p != author) {
            let reply = Message::key("notice-reply")
                .arg("name", name.as_str())
                .arg("title", title.as_str());
            deliver(conn, p, Some(idea), NoticeKind::Reply, &reply).await?;
            except.push(p);
        }
    }
    let message = Message::key("notice-followed-comment")
        .arg("name", name.as_str())
        .arg("title", title.as_str());
    notify_followers(
        conn,
        Target::Idea(idea),
        Some(idea),
        NoticeKind::FollowedIdea,
        (&message, ""),
        &except,
    )
    .await?;
    if follow_idea {
        follow(&mut *conn, author, Target::Idea(idea)).await?;
    }
    Ok(())
}

/// A learning was linked to an idea: the idea's followers hear of it (but who linked it).
pub async fn learning_linked(
    conn: &mut sqlx::AnyConnection,
    learning: crate::domain::LearningId,
    idea: IdeaId,
    by: UserId,
) -> sqlx::Result<()> {
    let (title, workshop): (String, String) = sqlx::query_as(
        "SELECT i.title, w.title FROM ideas i, learnings l JOIN workshops w ON w.id = l.workshop_id
         WHERE i.id = $1 AND l.id = $2",
    )
    .bind(idea)
    .bind(learning)
    .fetch_one(&mut *conn)
    .await?;
    let message = Message::key("notice-learning-linked")
        .arg("title", title.as_str())
        .arg("workshop", workshop.as_str());
    notify_followers(
        conn,
        Target::Idea(idea),
        Some(idea),
        NoticeKind::FollowedIdea,
        (&message, ""),
        &[by],
    )
    .await
}

/// "Confirmed", "on the waiting list", "moved up" or "tomorrow": one workshop notice
/// (`key` names the workshop's title and start) for one person, who follows the workshop.
pub async fn workshop_notice(
    conn: &mut sqlx::AnyConnection,
    workshop: WorkshopId,
    user: UserId,
    key: &'static str,
) -> sqlx::Result<()> {
    let (title, starts_at): (String, i64) =
        sqlx::query_as("SELECT title, starts_at FROM workshops WHERE id = $1")
            .bind(workshop)
            .fetch_one(&mut *conn)
            .await?;
    let start = crate::domain::berlin::to_berlin(starts_at);
    let when = format!(
        "{:02}.{:02}.{} {:02}:{:02}",
        start.day(),
        u8::from(start.month()),
        start.year(),
        start.hour(),
        start.minute()
    );
    let message = Message::key(key)
        .arg("title", title.as_str())
        .arg("when", when);
    follow(&mut *conn, user, Target::Workshop(workshop)).await?;
    deliver(conn, user, None, NoticeKind::Workshop, &message).await
}

/// The reminder the day before: every confirmed registration of a workshop that starts
/// within the next 24 hours and was not reminded yet. Returns how many were reminded.
pub async fn remind_workshops(tx: &mut super::Tx, now: i64) -> sqlx::Result<usize> {
    let due: Vec<(WorkshopId, UserId)> = sqlx::query_as(
        "UPDATE workshop_registrations SET reminded_at = $1
         WHERE status = 'confirmed' AND reminded_at IS NULL
           AND workshop_id IN (SELECT id FROM workshops WHERE starts_at > $1 AND starts_at <= $2)
         RETURNING workshop_id, user_id",
    )
    .bind(now)
    .bind(now + 86_400)
    .fetch_all(&mut **tx)
    .await?;
    for (workshop, user) in &due {
        workshop_notice(tx, *workshop, *user, "notice-workshop-reminder").await?;
    }
    Ok(due.len())
}

// ---------------------------------------------------------------- inbox

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct InboxRow {
    pub id: i64,
    pub idea_id: Option<IdeaId>,
    pub message: Message,
    pub kind: NoticeKind,
    pub created_at: i64,
    pub seen_at: Option<i64>,
}

/// The person's notices, newest first.
pub async fn inbox<'e>(
    ex: impl Exec<'e>,
    user: UserId,
    limit: i64,
    offset: i64,
) -> sqlx::Result<Vec<InboxRow>> {
    sqlx::query(
        "SELECT id, idea_id, message, kind, created_at, seen_at FROM notices
         WHERE user_id = $1 AND message <> ''
         ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3",
    )
    .bind(user)
    .bind(limit)
    .bind(offset)
    .try_map(super::decoded)
    .fetch_all(ex)
    .await
}

pub async fn inbox_count<'e>(ex: impl Exec<'e>, user: UserId) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM notices WHERE user_id = $1 AND message <> ''")
        .bind(user)
        .fetch_one(ex)
        .await
}

/// Mark one notice read (only the person's own).
pub async fn mark_read<'e>(ex: impl Exec<'e>, user: UserId, id: i64) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE notices SET seen_at = $1 WHERE id = $2 AND user_id = $3 AND seen_at IS NULL",
    )
    .bind(now())
    .bind(id)
    .bind(user)
    .execute(ex)
    .await
    .map(|_| ())
}

// ---------------------------------------------------------------- daily digest

/// Gather every notice marked for the digest that was written before `boundary` (the last
/// digest hour), into one mail per person. One UPDATE … RETURNING takes them, so two
/// instances running this at once never both send the same line.
pub async fn collect_digests(tx: &mut super::Tx, boundary: i64) -> sqlx::Result<usize> {
    let rows: Vec<(UserId, Option<IdeaId>, Message)> = sqlx::query_as(
        "UPDATE notices SET digest_due = 0 WHERE digest_due = 1 AND created_at < $1
         RETURNING user_id, idea_id, message",
    )
    .bind(boundary)
    .fetch_all(&mut **tx)
    .await?;
    let mut by_user: std::collections::HashMap<UserId, Vec<(Message, String)>> = Default::default();
    for (user, idea, message) in rows {
        let path = idea.map(|i| format!("/ideas/{i}")).unwrap_or_default();
        by_user.entry(user).or_default().push((message, path));
    }
    let n = by_user.len();
    for (user, items) in by_user {
        let Some(r) = mail::recipient(&mut **tx, user).await? else {
            continue;
        };
        let token = mail::issue_token(tx, user, TokenPurpose::Unsubscribe, Some("digest")).await?;
        let json = serde_json::to_string(&items).unwrap_or_default();
        mail::enqueue(
            &mut **tx,
            &NewMail {
                recipient: &r.email,
                language: &r.language,
                kind: Some(MailKind::Digest),
                message: &json,
                unsubscribe: &format!("/abbestellen/{token}"),
                ..Default::default()
            },
        )
        .await?;
    }
    Ok(n)
}
