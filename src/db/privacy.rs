//! The rights of the person (DSGVO Art. 15, 17, 20): deleting an account in one transaction
//! with every rule that keeps the board's numbers true, and reading everything stored about a
//! person for the data download.

use super::{Backend, Tx, now};
use crate::domain::unicode::skeleton;
use crate::domain::{IdeaId, Role, UserId, WorkshopId};
use sqlx::{Column, Row};

/// The name every deleted account's contributions show.
pub const DELETED_NAME: &str = "Gelöschtes Konto";
/// What a removed idea says instead of its title and text.
pub const REMOVED_TITLE: &str = "Entfernter Beitrag";
pub const REMOVED_BODY: &str = "*Dieser Beitrag wurde entfernt, als das Konto seiner Verfasserin oder seines Verfassers gelöscht wurde.*";

/// What the deletion did, with exact numbers (shown to the person and tested).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct DeletionReport {
    pub supports_removed: u64,
    pub ideas_removed: u64,
    pub comments_removed: u64,
    pub registrations_removed: u64,
    pub organisations_passed_on: u64,
    pub organisations_closed: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deleted {
    Done(DeletionReport),
    /// The account does not exist or is deleted already.
    Gone,
    /// The board's last admin cannot go: nobody could give the role again.
    LastAdmin,
}

/// Delete a person's account: personal data (e-mail, name, password hash, sessions, two-factor
/// secrets, registrations, memberships, notices, the reporter link of decided reports) goes;
/// the row stays as an empty shell named "Gelöschtes Konto", so ideas and comments keep their
/// author. With `remove_contributions` their texts are replaced (comments soft-deleted as
/// their author would, so replies of others keep their place). Supports are taken back under
/// each idea's lock; upcoming workshop seats go to the waiting list; organisations pass to
/// their longest member or are closed. Status trail entries keep their step with the name
/// replaced. The caller commits.
pub async fn delete_account(
    tx: &mut Tx,
    backend: Backend,
    user: UserId,
    remove_contributions: bool,
) -> sqlx::Result<Deleted> {
    let lock = match backend {
        Backend::Postgres => " FOR UPDATE",
        Backend::Sqlite => "",
    };
    let role: Option<Role> = sqlx::query_scalar(&format!(
        "SELECT role FROM users WHERE id = $1 AND deleted_at IS NULL{lock}"
    ))
    .bind(user)
    .fetch_optional(&mut **tx)
    .await?;
    let Some(role) = role else {
        return Ok(Deleted::Gone);
    };
    if role == Role::Admin && super::users::count_admins(tx, backend).await? <= 1 {
        return Ok(Deleted::LastAdmin);
    }
    let mut report = DeletionReport {
        supports_removed: super::ideas::remove_all_supports(tx, backend, user).await?,
        ..Default::default()
    };

    // Upcoming seats go to the next person waiting, through the workshop's one door.
    let upcoming: Vec<WorkshopId> = sqlx::query_scalar(
        "SELECT r.workshop_id FROM workshop_registrations r JOIN workshops w ON w.id = r.workshop_id
         WHERE r.user_id = $1 AND r.status <> 'cancelled' AND w.starts_at > $2
         ORDER BY r.workshop_id",
    )
    .bind(user)
    .bind(now())
    .fetch_all(&mut **tx)
    .await?;
    for workshop in upcoming {
        super::workshops::cancel(tx, backend, workshop, user).await?;
    }
    report.registrations_removed =
        sqlx::query("DELETE FROM workshop_registrations WHERE user_id = $1")
            .bind(user)
            .execute(&mut **tx)
            .await?
            .rows_affected();

    if remove_contributions {
        let ideas: Vec<IdeaId> =
            sqlx::query_scalar("SELECT id FROM ideas WHERE author_id = $1 ORDER BY id")
                .bind(user)
                .fetch_all(&mut **tx)
                .await?;
        for idea in ideas {
            sqlx::query("UPDATE ideas SET title = $1, body = $2 WHERE id = $3")
                .bind(REMOVED_TITLE)
                .bind(REMOVED_BODY)
                .bind(idea)
                .execute(&mut **tx)
                .await?;
            super::search::reindex_idea(tx, backend, idea).await?;
            report.ideas_removed += 1;
        }
        let comments: Vec<(crate::domain::CommentId, IdeaId)> = sqlx::query_as(
            "SELECT id, idea_id FROM comments WHERE author_id = $1 AND deleted_at IS NULL ORDER BY id",
        )
        .bind(user)
        .fetch_all(&mut **tx)
        .await?;
        for (comment, idea) in comments {
            super::ideas::lock(tx, backend, idea).await?;
            super::comments::delete(tx, backend, comment, idea).await?;
            report.comments_removed += 1;
        }
        // A deleted comment's text is never shown again; now it is not stored either.
        sqlx::query("UPDATE comments SET body = '' WHERE author_id = $1")
            .bind(user)
            .execute(&mut **tx)
            .await?;
    }

    // Organisations: to the member who joined first, or closed when nobody is left.
    let owned: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM organisations WHERE owner_id = $1 ORDER BY id")
            .bind(user)
            .fetch_all(&mut **tx)
            .await?;
    for org in owned {
        let heir: Option<UserId> = sqlx::query_scalar(
            "SELECT m.user_id FROM organisation_members m JOIN users u ON u.id = m.user_id
             WHERE m.organisation_id = $1 AND m.user_id <> $2 AND u.deleted_at IS NULL
             ORDER BY m.added_at, m.user_id LIMIT 1",
        )
        .bind(org)
        .bind(user)
        .fetch_optional(&mut **tx)
        .await?;
        match heir {
            Some(heir) => {
                sqlx::query("UPDATE organisations SET owner_id = $1 WHERE id = $2")
                    .bind(heir)
                    .bind(org)
                    .execute(&mut **tx)
                    .await?;
                report.organisations_passed_on += 1;
            }
            None => {
                for sql in [
                    "UPDATE ideas SET organisation_id = NULL WHERE organisation_id = $1",
                    "UPDATE comments SET organisation_id = NULL WHERE organisation_id = $1",
                    "DELETE FROM organisation_invitations WHERE organisation_id = $1",
                    "DELETE FROM organisation_members WHERE organisation_id = $1",
                    "DELETE FROM organisations WHERE id = $1",
                ] {
                    sqlx::query(sql).bind(org).execute(&mut **tx).await?;
                }
                report.organisations_closed += 1;
            }
        }
    }

    // Everything else that names the person. Open reports stay (moderation still decides
    // them) with the empty shell as reporter; decided ones go.
    // Mails to the person's address (sent or waiting) and their links go too.
    for sql in [
        "DELETE FROM outbox WHERE recipient = (SELECT email FROM users WHERE id = $1)",
        "DELETE FROM account_tokens WHERE user_id = $1",
        "DELETE FROM follows WHERE user_id = $1",
        "DELETE FROM notification_settings WHERE user_id = $1",
        "DELETE FROM organisation_members WHERE user_id = $1",
        "DELETE FROM organisation_invitations WHERE user_id = $1 OR invited_by = $1",
        "DELETE FROM reports WHERE reporter_id = $1 AND resolved_at IS NOT NULL",
        "DELETE FROM notices WHERE user_id = $1",
        "DELETE FROM recovery_codes WHERE user_id = $1",
        "DELETE FROM two_factor WHERE user_id = $1",
    ] {
        sqlx::query(sql).bind(user).execute(&mut **tx).await?;
    }
    for sql in [
        "UPDATE idea_transitions SET actor_name = $1 WHERE actor_id = $2",
        "UPDATE internal_notes SET author_name = $1 WHERE author_id = $2",
    ] {
        sqlx::query(sql)
            .bind(DELETED_NAME)
            .bind(user)
            .execute(&mut **tx)
            .await?;
    }
    super::sessions::delete_all_of(tx, backend, user, None).await?;

    // The shell: nothing of the person is left, and nothing links it to a new account with
    // the same address (the e-mail column holds no address, so it can never match a login).
    sqlx::query(
        "UPDATE users SET email = $1, display_name = $2, name_skeleton = $3, password_hash = '',
                role = 'participant', staff_since = NULL, auth_epoch = auth_epoch + 1,
                deleted_at = $4
         WHERE id = $5",
    )
    .bind(format!("geloescht:{}", user.0))
    .bind(DELETED_NAME)
    .bind(skeleton(DELETED_NAME))
    .bind(now())
    .bind(user)
    .execute(&mut **tx)
    .await?;
    Ok(Deleted::Done(report))
}

// ---------------------------------------------------------------- the data download

/// One part of the download: a name (its catalogue key is `data-section-<name>`) and the query
/// of its rows, all bound to the person's id as `$1`. Only the person's own rows, and of
/// other rows only what is about the person's own items, never who else did something.
pub struct Section {
    pub name: &'static str,
    sql: &'static str,
}

pub const SECTIONS: &[Section] = &[
    Section {
        name: "account",
        sql: "SELECT id, email, display_name, role, created_at, email_confirmed_at,
                     rules_accepted_at, staff_since, blocked_at, blocked_reason,
                     CASE WHEN EXISTS (SELECT 1 FROM two_factor t WHERE t.user_id = users.id)
                          THEN 1 ELSE 0 END AS two_factor
              FROM users WHERE id = $1",
    },
    Section {
        name: "ideas",
        sql: "SELECT i.id, t.name AS theme, i.title, i.body, i.status, i.support_count,
                     i.comment_count, i.created_at, i.edited_at, i.withdrawn_at, i.hidden_at,
                     i.hidden_reason, i.merged_into, i.organisation_id
              FROM ideas i JOIN themes t ON t.id = i.theme_id
              WHERE i.author_id = $1 ORDER BY i.created_at, i.id",
    },
    Section {
        name: "idea_steps",
        sql: "SELECT s.idea_id, s.from_status, s.to_status, s.note, s.created_at
              FROM idea_transitions s JOIN ideas i ON i.id = s.idea_id
              WHERE i.author_id = $1 ORDER BY s.created_at, s.id",
    },
    Section {
        name: "comments",
        sql: "SELECT id, idea_id, parent_id, body, created_at, edited_at, deleted_at, hidden_at,
                     hidden_reason, organisation_id
              FROM comments WHERE author_id = $1 ORDER BY created_at, id",
    },
    Section {
        name: "supports",
        sql: "SELECT s.idea_id, i.title, s.created_at
              FROM supports s JOIN ideas i ON i.id = s.idea_id
              WHERE s.user_id = $1 ORDER BY s.created_at, s.idea_id",
    },
    Section {
        name: "workshop_registrations",
        sql: "SELECT r.workshop_id, w.title, w.starts_at, r.status, r.registered_at,
                     r.promoted_at, r.cancelled_at
              FROM workshop_registrations r JOIN workshops w ON w.id = r.workshop_id
              WHERE r.user_id = $1 ORDER BY r.registered_at, r.id",
    },
    Section {
        name: "reports",
        sql: "SELECT item_type, item_id, reason, details, created_at, resolved_at, resolution
              FROM reports WHERE reporter_id = $1 ORDER BY created_at, id",
    },
    Section {
        name: "organisations",
        sql: "SELECT o.name, o.slug, m.added_at,
                     CASE WHEN o.owner_id = $1 THEN 1 ELSE 0 END AS owner
              FROM organisation_members m JOIN organisations o ON o.id = m.organisation_id
              WHERE m.user_id = $1
              UNION ALL
              SELECT o.name, o.slug, o.created_at, 1 FROM organisations o
              WHERE o.owner_id = $1 AND NOT EXISTS (SELECT 1 FROM organisation_members m
                    WHERE m.organisation_id = o.id AND m.user_id = $1)
              ORDER BY 3, 2",
    },
    Section {
        name: "invitations",
        sql: "SELECT o.name, o.slug, v.created_at
              FROM organisation_invitations v JOIN organisations o ON o.id = v.organisation_id
              WHERE v.user_id = $1 ORDER BY v.created_at",
    },
    Section {
        name: "notices",
        sql: "SELECT idea_id, message, text, created_at, seen_at
              FROM notices WHERE user_id = $1 ORDER BY created_at, id",
    },
    Section {
        name: "follows",
        sql: "SELECT target_kind, target_id, created_at FROM follows WHERE user_id = $1
              ORDER BY created_at",
    },
    Section {
        name: "notification_settings",
        sql: "SELECT kind, mode FROM notification_settings WHERE user_id = $1 ORDER BY kind",
    },
    Section {
        name: "sessions",
        sql: "SELECT created_at, last_seen_at, user_agent
              FROM session_meta WHERE user_id = $1 ORDER BY created_at, id",
    },
    Section {
        name: "recovery_codes",
        sql: "SELECT COUNT(*) AS total, COUNT(used_at) AS used
              FROM recovery_codes WHERE user_id = $1",
    },
    Section {
        name: "moderation_decisions",
        sql: "SELECT l.created_at, l.action, l.reason, l.note, l.item_type, l.item_id
              FROM moderation_log l
              WHERE (l.item_type = 'idea'
                     AND l.item_id IN (SELECT id FROM ideas WHERE author_id = $1))
                 OR (l.item_type = 'comment'
                     AND l.item_id IN (SELECT id FROM comments WHERE author_id = $1))
                 OR (l.item_type = 'user' AND l.item_id = $1)
              ORDER BY l.created_at, l.id",
    },
    Section {
        name: "status_changes_made",
        sql: "SELECT idea_id, from_status, to_status, actor_role, note, created_at
              FROM idea_transitions WHERE actor_id = $1 ORDER BY created_at, id",
    },
    // Staff's internal notes are their own writing: theirs to see, nobody else's (the
    // authors of the ideas never get them).
    Section {
        name: "internal_notes_written",
        sql: "SELECT idea_id, note, created_at
              FROM internal_notes WHERE author_id = $1 ORDER BY created_at, id",
    },
];

/// A value of the download: what a column held.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Text(String),
}

/// The rows of one section as (column, value) pairs, in the query's column order.
pub async fn section_rows<'e>(
    ex: impl super::Exec<'e>,
    section: &Section,
    user: UserId,
) -> sqlx::Result<Vec<Vec<(String, Value)>>> {
    let rows = sqlx::query(section.sql).bind(user).fetch_all(ex).await?;
    Ok(rows
        .iter()
        .map(|row| {
            row.columns()
                .iter()
                .enumerate()
                .map(|(i, col)| {
                    // The schema has only integers and text (see the migrations).
                    let value = match row.try_get::<Option<i64>, _>(i) {
                        Ok(Some(n)) => Value::Int(n),
                        Ok(None) => Value::Null,
                        Err(_) => match row.try_get::<Option<String>, _>(i) {
                            Ok(Some(s)) => Value::Text(s),
                            _ => Value::Null,
                        },
                    };
                    (col.name().to_string(), value)
                })
                .collect()
        })
        .collect())
}
