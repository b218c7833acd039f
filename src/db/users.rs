//! Queries about accounts.

use super::Exec;
use crate::domain::unicode::{Name, skeleton};
use crate::domain::{DisplayName, Role, UserId};

#[derive(Debug, sqlx::FromRow)]
pub struct UserRow {
    pub id: UserId,
    pub email: String,
    pub display_name: String,
    pub password_hash: String,
    pub role: Role,
    pub created_at: i64,
    pub auth_epoch: i64,
    pub blocked_at: Option<i64>,
    pub blocked_reason: Option<String>,
    /// Set once the account is deleted (the row is an empty shell then).
    pub deleted_at: Option<i64>,
    /// None until the address is confirmed (migration 0012).
    pub email_confirmed_at: Option<i64>,
}

/// What every request needs to know about the logged-in person.
#[derive(Debug, sqlx::FromRow)]
pub struct SessionUser {
    pub id: UserId,
    pub display_name: String,
    pub role: Role,
    #[sqlx(try_from = "super::Flag")]
    pub blocked: bool,
    /// Notices not yet opened, for the header's badge.
    pub unseen_notices: i64,
    /// Raised at a password change: sessions logged in under an older epoch end.
    pub auth_epoch: i64,
    /// Whether two-factor sign-in is set up.
    #[sqlx(try_from = "super::Flag")]
    pub two_factor: bool,
    /// Since when the account has its staff role (its creation when not recorded).
    pub staff_since: i64,
}

/// The logged-in person with their unseen notices and their account's `auth_epoch`.
pub async fn session_user<'e>(ex: impl Exec<'e>, id: UserId) -> sqlx::Result<Option<SessionUser>> {
    sqlx::query(
        "SELECT id, display_name, role, auth_epoch,
                CASE WHEN blocked_at IS NULL THEN 0 ELSE 1 END AS blocked,
                (SELECT COUNT(*) FROM notices n WHERE n.user_id = users.id AND n.seen_at IS NULL)
                  AS unseen_notices,
                CASE WHEN EXISTS (SELECT 1 FROM two_factor t WHERE t.user_id = users.id)
                     THEN 1 ELSE 0 END AS two_factor,
                COALESCE(staff_since, created_at) AS staff_since
         FROM users WHERE id = $1 AND deleted_at IS NULL",
    )
    .bind(id)
    .try_map(super::decoded)
    .fetch_optional(ex)
    .await
}

pub async fn by_email<'e>(ex: impl Exec<'e>, email: &str) -> sqlx::Result<Option<UserRow>> {
    // A deleted account's shell holds no address; it is never found here.
    sqlx::query("SELECT * FROM users WHERE email = $1 AND deleted_at IS NULL")
        .bind(email)
        .try_map(super::decoded)
        .fetch_optional(ex)
        .await
}

pub async fn by_id<'e>(ex: impl Exec<'e>, id: UserId) -> sqlx::Result<Option<UserRow>> {
    sqlx::query("SELECT * FROM users WHERE id = $1")
        .bind(id)
        .try_map(super::decoded)
        .fetch_optional(ex)
        .await
}

/// A new account, its address counted as confirmed and the rules accepted now (create-user,
/// seed-demo; registration requires the tick); registration then takes the confirmation back
/// until the mailed link is followed.
pub async fn insert<'e>(
    ex: impl Exec<'e>,
    email: &str,
    display_name: &str,
    password_hash: &str,
    role: Role,
) -> sqlx::Result<UserId> {
    sqlx::query_scalar(
        "INSERT INTO users (email, display_name, password_hash, role, created_at, name_skeleton,
                            staff_since, email_confirmed_at, rules_accepted_at)
         VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $4 = 'participant' THEN NULL ELSE $5 END, $5,
                 $5)
         RETURNING id",
    )
    .bind(email)
    .bind(display_name)
    .bind(password_hash)
    .bind(role)
    .bind(super::now())
    .bind(skeleton(display_name))
    .fetch_one(ex)
    .await
}

pub async fn set_display_name<'e>(ex: impl Exec<'e>, id: UserId, name: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE users SET display_name = $1, name_skeleton = $2 WHERE id = $3")
        .bind(name)
        .bind(skeleton(name))
        .bind(id)
        .execute(ex)
        .await
        .map(|_| ())
}

/// Why a display name may not be used (a catalogue key), if it may not: a participant's name
/// that claims a role of the board, or anyone's name that looks like another account's
/// (same skeleton). `me` is the account that asks, whose own name does not count.
pub async fn name_refusal<'e>(
    ex: impl Exec<'e>,
    name: &DisplayName,
    role: Role,
    me: Option<UserId>,
) -> sqlx::Result<Option<&'static str>> {
    if role == Role::Participant && name.claims_role() {
        return Ok(Some("err-name-role"));
    }
    let taken: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE name_skeleton = $1 AND id <> $2")
            .bind(name.skeleton())
            .bind(me.map_or(0, |id| id.0))
            .fetch_one(ex)
            .await?;
    Ok((taken > 0).then_some("err-name-lookalike"))
}

/// Fill the look-alike keys that migration 0008 could not compute: names of accounts and
/// organisations made before it.
pub async fn backfill_name_skeletons(tx: &mut super::Tx) -> sqlx::Result<()> {
    for (table, column) in [("users", "display_name"), ("organisations", "name")] {
        // Both are constants above, never input.
        let rows: Vec<(i64, String)> = sqlx::query_as(&format!(
            "SELECT id, {column} FROM {table} WHERE name_skeleton IS NULL"
        ))
        .fetch_all(&mut **tx)
        .await?;
        for (id, name) in rows {
            sqlx::query(&format!(
                "UPDATE {table} SET name_skeleton = $1 WHERE id = $2"
            ))
            .bind(skeleton(&name))
            .bind(id)
            .execute(&mut **tx)
            .await?;
        }
    }
    Ok(())
}

/// New password and a raised `auth_epoch`, which logs out every session of the account;
/// returns the new epoch for the session that made the change.
pub async fn set_password_hash<'e>(ex: impl Exec<'e>, id: UserId, hash: &str) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "UPDATE users SET password_hash = $1, auth_epoch = auth_epoch + 1 WHERE id = $2
         RETURNING auth_epoch",
    )
    .bind(hash)
    .bind(id)
    .fetch_one(ex)
    .await
}

/// A new role; `staff_since` starts when a participant becomes staff (the two-factor grace
/// period counts from it) and ends when staff become participants again.
pub async fn set_role<'e>(ex: impl Exec<'e>, id: UserId, role: Role) -> sqlx::Result<bool> {
    let r = sqlx::query(
        "UPDATE users SET role = $1, staff_since = CASE WHEN $1 = 'participant' THEN NULL
            WHEN role = 'participant' OR staff_since IS NULL THEN $3 ELSE staff_since END
         WHERE id = $2",
    )
    .bind(role)
    .bind(id)
    .bind(super::now())
    .execute(ex)
    .await?;
    Ok(r.rows_affected() == 1)
}

/// Admins left. DIALECT: PostgreSQL locks the admin rows, so two admins demoting each other
/// at the same moment cannot both see "two left"; SQLite's write transaction already
/// serialises them.
/// Block (with a reason) or unblock a person.
pub async fn set_blocked<'e>(
    ex: impl Exec<'e>,
    id: UserId,
    reason: Option<&str>,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE users SET blocked_at = $1, blocked_reason = $2 WHERE id = $3")
        .bind(reason.map(|_| super::now()))
        .bind(reason)
        .bind(id)
        .execute(ex)
        .await
        .map(|_| ())
}

/// Blocked people: (id, name, reason), for the moderation page.
pub async fn blocked<'e>(ex: impl Exec<'e>) -> sqlx::Result<Vec<(UserId, String, String)>> {
    sqlx::query_as(
        "SELECT id, display_name, COALESCE(blocked_reason, '') FROM users
         WHERE blocked_at IS NOT NULL ORDER BY blocked_at DESC LIMIT 200",
    )
    .fetch_all(ex)
    .await
}

pub async fn count_admins(tx: &mut super::Tx, backend: super::Backend) -> sqlx::Result<i64> {
    if backend == super::Backend::Postgres {
        sqlx::query("SELECT id FROM users WHERE role = 'admin' FOR UPDATE")
            .execute(&mut **tx)
            .await?;
    }
    sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE role = 'admin'")
        .fetch_one(&mut **tx)
        .await
}

#[derive(Debug, sqlx::FromRow)]
pub struct UserListRow {
    pub id: UserId,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub created_at: i64,
}

/// One page of the admin's user list, newest first, optionally filtered by name or e-mail.
pub async fn list<'e>(
    ex: impl Exec<'e>,
    query: &str,
    limit: i64,
    offset: i64,
) -> sqlx::Result<Vec<UserListRow>> {
    let pattern = format!("%{}%", query.to_lowercase());
    sqlx::query(
        "SELECT id, email, display_name, role, created_at FROM users
         WHERE deleted_at IS NULL AND ($1 = '' OR LOWER(display_name) LIKE $2 OR email LIKE $2)
         ORDER BY created_at DESC, id DESC LIMIT $3 OFFSET $4",
    )
    .bind(query)
    .bind(pattern)
    .bind(limit)
    .bind(offset)
    .try_map(super::decoded)
    .fetch_all(ex)
    .await
}

pub async fn count<'e>(ex: impl Exec<'e>, query: &str) -> sqlx::Result<i64> {
    let pattern = format!("%{}%", query.to_lowercase());
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM users
         WHERE deleted_at IS NULL AND ($1 = '' OR LOWER(display_name) LIKE $2 OR email LIKE $2)",
    )
    .bind(query)
    .bind(pattern)
    .fetch_one(ex)
    .await
}
