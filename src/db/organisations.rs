//! Queries about NGO organisations and their members.

use super::{Exec, Tx, curation};
use crate::domain::unicode::{Name, skeleton};
use crate::domain::{Message, OrgName, OrganisationId, Role, UserId};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OrgRow {
    pub id: OrganisationId,
    pub slug: String,
    pub name: String,
    pub website: String,
    pub description: String,
    pub owner_id: UserId,
    pub verified_at: Option<i64>,
    pub created_at: i64,
}

impl OrgRow {
    pub fn verified(&self) -> bool {
        self.verified_at.is_some()
    }
}

const COLUMNS: &str = "id, slug, name, website, description, owner_id, verified_at, created_at";

pub async fn all<'e>(ex: impl Exec<'e>) -> sqlx::Result<Vec<OrgRow>> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM organisations ORDER BY name, id"
    ))
    .fetch_all(ex)
    .await
}

/// Organisations waiting for moderation to verify them, the longest waiting first.
pub async fn awaiting_verification<'e>(ex: impl Exec<'e>) -> sqlx::Result<Vec<OrgRow>> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM organisations WHERE verified_at IS NULL
         ORDER BY created_at, id LIMIT 200"
    ))
    .fetch_all(ex)
    .await
}

pub async fn by_slug<'e>(ex: impl Exec<'e>, slug: &str) -> sqlx::Result<Option<OrgRow>> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM organisations WHERE slug = $1"
    ))
    .bind(slug)
    .fetch_optional(ex)
    .await
}

pub async fn insert<'e>(
    ex: impl Exec<'e>,
    slug: &str,
    name: &str,
    website: &str,
    description: &str,
    owner: UserId,
) -> sqlx::Result<OrganisationId> {
    sqlx::query_scalar(
        "INSERT INTO organisations (slug, name, website, description, owner_id, created_at,
                                    name_skeleton)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(slug)
    .bind(name)
    .bind(website)
    .bind(description)
    .bind(owner)
    .bind(super::now())
    .bind(skeleton(name))
    .fetch_one(ex)
    .await
}

/// Why an organisation name may not be used (a catalogue key), if it may not: one that claims
/// a role of the board, unless staff chose it, or one that looks like another organisation's.
pub async fn name_refusal<'e>(
    ex: impl Exec<'e>,
    name: &OrgName,
    role: Role,
) -> sqlx::Result<Option<&'static str>> {
    if role == Role::Participant && name.claims_role() {
        return Ok(Some("err-org-name-role"));
    }
    let taken: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM organisations WHERE name_skeleton = $1")
            .bind(name.skeleton())
            .fetch_one(ex)
            .await?;
    Ok((taken > 0).then_some("err-org-name-lookalike"))
}

pub async fn set_verified<'e>(
    ex: impl Exec<'e>,
    id: OrganisationId,
    verified: bool,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE organisations SET verified_at = $1 WHERE id = $2")
        .bind(verified.then(super::now))
        .bind(id)
        .execute(ex)
        .await
        .map(|_| ())
}

pub async fn add_member<'e>(
    ex: impl Exec<'e>,
    org: OrganisationId,
    user: UserId,
) -> sqlx::Result<bool> {
    add_member_at(ex, org, user, super::now()).await
}

/// A member added at `at` (now, or a past time for the demo organisation).
pub async fn add_member_at<'e>(
    ex: impl Exec<'e>,
    org: OrganisationId,
    user: UserId,
    at: i64,
) -> sqlx::Result<bool> {
    let r = sqlx::query(
        "INSERT INTO organisation_members (organisation_id, user_id, added_at) VALUES ($1, $2, $3)
         ON CONFLICT (organisation_id, user_id) DO NOTHING",
    )
    .bind(org)
    .bind(user)
    .bind(at)
    .execute(ex)
    .await?;
    Ok(r.rows_affected() == 1)
}

pub async fn remove_member<'e>(
    ex: impl Exec<'e>,
    org: OrganisationId,
    user: UserId,
) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM organisation_members WHERE organisation_id = $1 AND user_id = $2")
        .bind(org)
        .bind(user)
        .execute(ex)
        .await
        .map(|_| ())
}

// ---------------------------------------------------------------- invitations

/// Invite `user` to `org` on behalf of its owner `by` (named `by_name` in the notice): an
/// invitation the person sees in their account, with a notice. Nothing happens for someone
/// who is already a member or already invited (no second notice). `true` when a new
/// invitation was made; the owner's answer must not depend on it (no account oracle).
pub async fn invite(
    tx: &mut Tx,
    org: &OrgRow,
    user: UserId,
    by: UserId,
    by_name: &str,
) -> sqlx::Result<bool> {
    let member: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM organisation_members WHERE organisation_id = $1 AND user_id = $2",
    )
    .bind(org.id)
    .bind(user)
    .fetch_one(&mut **tx)
    .await?;
    if member > 0 {
        return Ok(false);
    }
    let made = sqlx::query(
        "INSERT INTO organisation_invitations (organisation_id, user_id, invited_by, created_at)
         VALUES ($1, $2, $3, $4) ON CONFLICT (organisation_id, user_id) DO NOTHING",
    )
    .bind(org.id)
    .bind(user)
    .bind(by)
    .bind(super::now())
    .execute(&mut **tx)
    .await?
    .rows_affected()
        == 1;
    if made {
        let notice = Message::key("notice-org-invited")
            .arg("org", org.name.as_str())
            .arg("name", by_name);
        curation::notify(&mut **tx, user, None, &notice).await?;
    }
    Ok(made)
}

/// `user` accepts the invitation to `org` and becomes a member; the owner is told. `false`
/// when there is no such invitation (declined, accepted already, or never made).
pub async fn accept_invitation(
    tx: &mut Tx,
    org: &OrgRow,
    user: UserId,
    user_name: &str,
) -> sqlx::Result<bool> {
    if !decline_invitation(&mut **tx, org.id, user).await? {
        return Ok(false);
    }
    add_member(&mut **tx, org.id, user).await?;
    let notice = Message::key("notice-org-joined")
        .arg("org", org.name.as_str())
        .arg("name", user_name);
    curation::notify(&mut **tx, org.owner_id, None, &notice).await?;
    Ok(true)
}

/// `user` declines the invitation to `org` (or it is used up by accepting): it is gone, and
/// the owner is not told of a decline (they may invite again, within their budget). `false`
/// when there was none.
pub async fn decline_invitation<'e>(
    ex: impl Exec<'e>,
    org: OrganisationId,
    user: UserId,
) -> sqlx::Result<bool> {
    let r = sqlx::query(
        "DELETE FROM organisation_invitations WHERE organisation_id = $1 AND user_id = $2",
    )
    .bind(org)
    .bind(user)
    .execute(ex)
    .await?;
    Ok(r.rows_affected() == 1)
}

/// An open invitation as its invited person sees it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Invitation {
    pub slug: String,
    pub name: String,
    pub verified_at: Option<i64>,
    pub invited_by: String,
    pub created_at: i64,
}

/// The open invitations of `user`, newest first.
pub async fn invitations_for<'e>(ex: impl Exec<'e>, user: UserId) -> sqlx::Result<Vec<Invitation>> {
    sqlx::query_as(
        "SELECT o.slug, o.name, o.verified_at, u.display_name AS invited_by, i.created_at
         FROM organisation_invitations i
         JOIN organisations o ON o.id = i.organisation_id
         JOIN users u ON u.id = i.invited_by
         WHERE i.user_id = $1 ORDER BY i.created_at DESC, o.id DESC LIMIT 100",
    )
    .bind(user)
    .fetch_all(ex)
    .await
}

/// (user id, display name) of the members, the owner included.
pub async fn members<'e>(
    ex: impl Exec<'e>,
    org: OrganisationId,
) -> sqlx::Result<Vec<(UserId, String)>> {
    sqlx::query_as(
        "SELECT u.id, u.display_name FROM organisation_members m JOIN users u ON u.id = m.user_id
         WHERE m.organisation_id = $1 ORDER BY u.display_name, u.id",
    )
    .bind(org)
    .fetch_all(ex)
    .await
}

/// Verified organisations this person may speak for.
pub async fn verified_for_member<'e>(ex: impl Exec<'e>, user: UserId) -> sqlx::Result<Vec<OrgRow>> {
    sqlx::query_as(&format!(
        "SELECT {} FROM organisations o
         JOIN organisation_members m ON m.organisation_id = o.id
         WHERE m.user_id = $1 AND o.verified_at IS NOT NULL ORDER BY o.name",
        COLUMNS
            .split(", ")
            .map(|c| format!("o.{c}"))
            .collect::<Vec<_>>()
            .join(", ")
    ))
    .bind(user)
    .fetch_all(ex)
    .await
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Contribution {
    pub idea_id: i64,
    pub idea_title: String,
    /// Set for a comment.
    pub comment_id: Option<i64>,
    pub created_at: i64,
    pub author_name: String,
}

/// Public ideas and comments posted for the organisation, newest first.
pub async fn contributions<'e>(
    ex: impl Exec<'e>,
    org: OrganisationId,
) -> sqlx::Result<Vec<Contribution>> {
    sqlx::query_as(
        "SELECT i.id AS idea_id, i.title AS idea_title, CAST(NULL AS BIGINT) AS comment_id,
                i.created_at AS created_at, u.display_name AS author_name
         FROM ideas i JOIN users u ON u.id = i.author_id
         WHERE i.organisation_id = $1 AND i.listed = 1
         UNION ALL
         SELECT i.id, i.title, c.id, c.created_at, u.display_name
         FROM comments c JOIN ideas i ON i.id = c.idea_id JOIN users u ON u.id = c.author_id
                  WHERE c.organisation_id = $1 AND c.deleted_at IS NULL AND c.hidden_at IS NULL
           AND u.blocked_at IS NULL AND i.hidden_at IS NULL AND i.author_blocked = 0
         ORDER BY created_at DESC LIMIT 200",
    )
    .bind(org)
    .fetch_all(ex)
    .await
}
