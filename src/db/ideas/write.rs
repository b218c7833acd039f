//! The one door for writes to an idea: submitting, editing, status changes, hiding, blocking,
//! merging and supports. Each keeps the idea's counters, its `listed` flag and its theme's
//! `idea_count` true inside the caller's write transaction, so no handler has to remember them.

use super::super::curation::{self, ActorInfo};
use super::super::newcomers::{self, Posts};
use super::super::notifications::{self, Target};
use super::super::{Backend, Tx, now, search, themes};
use super::trend;
use crate::domain::mail::NoticeKind;
use crate::domain::{IdeaId, NewAccountLimit, OrganisationId, Status, ThemeId, UserId};

/// Whether an idea appears in lists (see the column's comment in the schema).
const LISTED: &str = "CASE WHEN withdrawn_at IS NULL AND merged_into IS NULL AND hidden_at IS NULL
    AND author_blocked = 0 AND held_back = 0 THEN 1 ELSE 0 END";

/// An idea as it is under its row lock.
#[derive(Debug, Clone, Copy, sqlx::FromRow)]
pub struct Locked {
    pub status: Status,
    pub merged_into: Option<IdeaId>,
    /// Hidden by moderation or its author blocked: its discussion pauses.
    #[sqlx(try_from = "super::super::Flag")]
    pub hidden: bool,
}

/// Take the idea's row lock before changing its supports, comments or status. DIALECT:
/// PostgreSQL locks the row (`FOR UPDATE`), so a merge and a concurrent support on the same
/// idea run one after the other; SQLite's `BEGIN IMMEDIATE` already serialises every writer.
/// Returns the idea as it is under the lock.
pub async fn lock(tx: &mut Tx, backend: Backend, id: IdeaId) -> sqlx::Result<Option<Locked>> {
    let lock = match backend {
        Backend::Postgres => " FOR UPDATE",
        Backend::Sqlite => "",
    };
    sqlx::query(&format!(
        "SELECT id, status, merged_into,
                CASE WHEN hidden_at IS NULL AND author_blocked = 0 THEN 0 ELSE 1 END AS hidden
         FROM ideas WHERE id = $1{lock}"
    ))
    .bind(id)
    .try_map(super::super::decoded)
    .fetch_optional(&mut **tx)
    .await
}

/// What a new idea consists of.
pub struct NewIdea<'a> {
    pub theme: ThemeId,
    pub author: &'a ActorInfo<'a>,
    pub organisation: Option<OrganisationId>,
    pub title: &'a str,
    pub body: &'a str,
    /// How many ideas the author may submit per hour while their account is new.
    pub limit: NewAccountLimit,
}

/// What became of a new idea.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubmitOutcome {
    Submitted(IdeaId),
    /// The account is new and has submitted as many ideas in the last hour as it may; it may
    /// submit again at this time (unix seconds). Nothing was stored.
    TooSoon(i64),
}

/// A new idea with its first step on the trail, counted in its theme when it is listed,
/// unless its new account has reached its hourly limit (counted in this transaction). The
/// author's block state is read in the same statement, so a block that lands while the form
/// is submitted is not bypassed.
pub async fn submit(
    tx: &mut Tx,
    backend: Backend,
    idea: &NewIdea<'_>,
) -> sqlx::Result<SubmitOutcome> {
    let author = idea.author.id.unwrap_or(UserId(0));
    if let Some(at) = newcomers::wait_until(tx, backend, Posts::Ideas, author, idea.limit).await? {
        return Ok(SubmitOutcome::TooSoon(at));
    }
    let (id, listed): (IdeaId, i64) = sqlx::query_as(
        "INSERT INTO ideas (theme_id, author_id, organisation_id, title, body, status,
                            support_count, comment_count, created_at, author_blocked, listed,
                            held_back)
         SELECT $1, id, $3, $4, $5, 'submitted', 0, 0, $6,
                CASE WHEN blocked_at IS NULL THEN 0 ELSE 1 END,
                CASE WHEN blocked_at IS NULL AND email_confirmed_at IS NOT NULL THEN 1 ELSE 0 END,
                CASE WHEN email_confirmed_at IS NULL THEN 1 ELSE 0 END
         FROM users WHERE id = $2
         RETURNING id, listed",
    )
    .bind(idea.theme)
    .bind(author)
    .bind(idea.organisation)
    .bind(idea.title)
    .bind(idea.body)
    .bind(now())
    .fetch_one(&mut **tx)
    .await?;
    themes::add_to_idea_count(&mut **tx, idea.theme, listed).await?;
    curation::add_transition(
        &mut **tx,
        id,
        None,
        Status::Submitted,
        idea.author,
        "",
        now(),
    )
    .await?;
    search::reindex_idea(tx, backend, id).await?;
    // Authors follow their ideas; people who follow the theme hear of a listed new idea.
    notifications::follow(&mut **tx, author, Target::Idea(id)).await?;
    if listed == 1 {
        let message =
            crate::domain::Message::key("notice-followed-theme-idea").arg("title", idea.title);
        notifications::notify_followers(
            tx,
            Target::Theme(idea.theme),
            Some(id),
            NoticeKind::FollowedTheme,
            (&message, ""),
            &[author],
        )
        .await?;
    }
    Ok(SubmitOutcome::Submitted(id))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditOutcome {
    Saved,
    /// Withdrawn, merged or moved by someone else since the form was opened.
    ChangedMeanwhile,
}

/// Saves an edit only if the idea is still open in `old_theme`, so the theme counts cannot
/// drift when two edits or an edit and a withdrawal race. A move to another theme recounts
/// both themes and takes the supports along (the trend sort reads them per theme).
pub async fn edit(
    tx: &mut Tx,
    backend: Backend,
    id: IdeaId,
    old_theme: ThemeId,
    theme: ThemeId,
    title: &str,
    body: &str,
) -> sqlx::Result<EditOutcome> {
    let r = sqlx::query(
        "UPDATE ideas SET theme_id = $1, title = $2, body = $3, edited_at = $4
         WHERE id = $5 AND theme_id = $6 AND status NOT IN ('withdrawn', 'merged')",
    )
    .bind(theme)
    .bind(title)
    .bind(body)
    .bind(now())
    .bind(id)
    .bind(old_theme)
    .execute(&mut **tx)
    .await?;
    if r.rows_affected() != 1 {
        return Ok(EditOutcome::ChangedMeanwhile);
    }
    if theme != old_theme {
        themes::lock(tx, backend, &[old_theme, theme]).await?;
        themes::recount(tx, backend, old_theme).await?;
        themes::recount(tx, backend, theme).await?;
        sqlx::query("UPDATE supports SET theme_id = $1 WHERE idea_id = $2")
            .bind(theme)
            .bind(id)
            .execute(&mut **tx)
            .await?;
    }
    search::reindex_idea(tx, backend, id).await?;
    Ok(EditOutcome::Saved)
}

/// Move the idea from `from` to `to`; false if its status was no longer `from` (someone else
/// acted first), so a transition is stored only once. A withdrawal leaves the lists and the
/// theme's count at once. The trail entry is the caller's (it knows who acts and why).
pub async fn set_status(
    tx: &mut Tx,
    backend: Backend,
    id: IdeaId,
    from: Status,
    to: Status,
) -> sqlx::Result<bool> {
    let withdrawn = (to == Status::Withdrawn).then(now);
    let r = sqlx::query(
        "UPDATE ideas SET status = $1, withdrawn_at = COALESCE($2, withdrawn_at)
         WHERE id = $3 AND status = $4",
    )
    .bind(to)
    .bind(withdrawn)
    .bind(id)
    .bind(from)
    .execute(&mut **tx)
    .await?;
    if r.rows_affected() != 1 {
        return Ok(false);
    }
    if to == Status::Withdrawn {
        relist(tx, backend, id).await?;
    } else {
        // The search rows carry the status, for filtered searches.
        search::reindex_idea(tx, backend, id).await?;
    }
    Ok(true)
}

/// Recompute whether the idea is listed, its theme's count and its place in the search index.
async fn relist(tx: &mut Tx, backend: Backend, id: IdeaId) -> sqlx::Result<()> {
    let theme: ThemeId = sqlx::query_scalar(&format!(
        "UPDATE ideas SET listed = {LISTED} WHERE id = $1 RETURNING theme_id"
    ))
    .bind(id)
    .fetch_one(&mut **tx)
    .await?;
    search::reindex_idea(tx, backend, id).await?;
    themes::recount(tx, backend, theme).await
}

/// Hide the idea with a public reason (`provisional` marks an automatic hide after reports)
/// or show it again; it leaves or re-enters the lists and its theme's count.
pub async fn hide(
    tx: &mut Tx,
    backend: Backend,
    id: IdeaId,
    hidden: Option<(&str, bool)>,
) -> sqlx::Result<()> {
    let (at, reason, provisional) = match hidden {
        Some((reason, provisional)) => (Some(now()), Some(reason), i64::from(provisional)),
        None => (None, None, 0),
    };
    sqlx::query(
        "UPDATE ideas SET hidden_at = $1, hidden_reason = $2, hidden_provisional = $3 WHERE id = $4",
    )
    .bind(at)
    .bind(reason)
    .bind(provisional)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    relist(tx, backend, id).await
}

/// Blocking hides all of a person's ideas, unblocking shows them again; every theme is
/// recounted, as their ideas may be anywhere.
pub async fn set_authors_ideas_blocked(
    tx: &mut Tx,
    backend: Backend,
    author: UserId,
    blocked: bool,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE ideas SET author_blocked = $1, listed = CASE WHEN withdrawn_at IS NULL
            AND merged_into IS NULL AND hidden_at IS NULL AND held_back = 0 AND $1 = 0
            THEN 1 ELSE 0 END
         WHERE author_id = $2",
    )
    .bind(i64::from(blocked))
    .bind(author)
    .execute(&mut **tx)
    .await?;
    // The person's comments leave (or re-enter) the search with their ideas.
    search::reindex_author(tx, backend, author).await?;
    themes::recount_all(tx, backend).await
}

/// Mark `from` as merged into `into` and move its supports there: people who supported both
/// count once. Both rows are locked (the lower id first, so two merges cannot deadlock), so a
/// support landing at the same moment is either fully before or fully after the merge.
/// Returns the duplicate's status before the merge (for the trail), or `None` when either
/// idea is gone or closed by now (nothing is changed then).
pub async fn merge(
    tx: &mut Tx,
    backend: Backend,
    from: IdeaId,
    into: IdeaId,
) -> sqlx::Result<Option<Status>> {
    let (first, second) = if from.0 < into.0 {
        (from, into)
    } else {
        (into, from)
    };
    let cutoff = trend::hold(tx, backend).await?;
    let a = lock(tx, backend, first).await?;
    let b = lock(tx, backend, second).await?;
    let (from_state, into_state) = if first == from { (a, b) } else { (b, a) };
    let (Some(dup), Some(target)) = (from_state, into_state) else {
        return Ok(None);
    };
    let status = dup.status;
    if from == into || status.is_closed() || target.status.is_closed() {
        return Ok(None);
    }
    sqlx::query(
        "INSERT INTO supports (idea_id, user_id, theme_id, created_at)
         SELECT $1, s.user_id, (SELECT theme_id FROM ideas WHERE id = $1), s.created_at
         FROM supports s WHERE s.idea_id = $2
         ON CONFLICT (idea_id, user_id) DO NOTHING",
    )
    .bind(into)
    .bind(from)
    .execute(&mut **tx)
    .await?;
    sqlx::query("DELETE FROM supports WHERE idea_id = $1")
        .bind(from)
        .execute(&mut **tx)
        .await?;
    for id in [from, into] {
        sqlx::query(
            "UPDATE ideas SET support_count = (SELECT COUNT(*) FROM supports WHERE idea_id = $1)
             WHERE id = $1",
        )
        .bind(id)
        .execute(&mut **tx)
        .await?;
    }
    trend::recount(tx, cutoff, &[from, into]).await?;
    sqlx::query("UPDATE ideas SET merged_into = $1, status = 'merged' WHERE id = $2")
        .bind(into)
        .bind(from)
        .execute(&mut **tx)
        .await?;
    relist(tx, backend, from).await?;
    Ok(Some(status))
}

/// What became of a support or its withdrawal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SupportOutcome {
    /// Done (or already so); the idea that now carries it (a merged duplicate's target).
    Done(IdeaId),
    /// Withdrawn or merged: supports no longer change.
    Closed(IdeaId),
    /// Kept aside, not counted, until the person confirms their address.
    Held(IdeaId),
    NotFound,
}

/// Support the idea (`add`) or take the support back: one per person and idea (the primary
/// key says so), the idea's count changed in the same transaction under the idea's lock, so
/// concurrent clicks and a concurrent merge add up exactly. Supporting a merged duplicate
/// supports the idea it was merged into.
pub async fn change_support(
    tx: &mut Tx,
    backend: Backend,
    idea: IdeaId,
    user: UserId,
    add: bool,
) -> sqlx::Result<SupportOutcome> {
    // DIALECT: the everyday support and withdrawal on SQLite in one call each. `BEGIN
    // IMMEDIATE` holds the only write lock, so what the path below reads under the idea's lock
    // (open, not merged, the person confirmed, the trend's cutoff) can sit in the statements
    // themselves; each statement saved is a trip to SQLite's worker thread while the lock is
    // held (a support makes 3 trips instead of 6, a withdrawal 3 instead of 8). Anything else
    // (nothing to change, merged, closed, held back, unknown) takes the path below.
    if backend == Backend::Sqlite && support_fast(tx, idea, user, add).await? {
        return Ok(SupportOutcome::Done(idea));
    }
    // Only a withdrawal needs the trend's cutoff; it is taken before the idea's lock.
    let cutoff = if add {
        None
    } else {
        Some(trend::hold(tx, backend).await?)
    };
    let Some(locked) = lock(tx, backend, idea).await? else {
        return Ok(SupportOutcome::NotFound);
    };
    let mut status = locked.status;
    let mut idea = idea;
    if let (true, Some(target)) = (add, locked.merged_into) {
        idea = target;
        match lock(tx, backend, target).await? {
            Some(t) => status = t.status,
            None => return Ok(SupportOutcome::NotFound),
        }
    }
    if status.is_closed() {
        return Ok(SupportOutcome::Closed(idea));
    }
    match cutoff {
        None => {
            // Until the person confirms their address, the support is kept aside, uncounted.
            let unconfirmed: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM users WHERE id = $1 AND email_confirmed_at IS NULL",
            )
            .bind(user)
            .fetch_one(&mut **tx)
            .await?;
            if unconfirmed > 0 {
                sqlx::query(
                    "INSERT INTO held_supports (idea_id, user_id, created_at) VALUES ($1, $2, $3)
                     ON CONFLICT (idea_id, user_id) DO NOTHING",
                )
                .bind(idea)
                .bind(user)
                .bind(now())
                .execute(&mut **tx)
                .await?;
                return Ok(SupportOutcome::Held(idea));
            }
            let added = sqlx::query(
                "INSERT INTO supports (idea_id, user_id, theme_id, created_at)
                 SELECT id, $2, theme_id, $3 FROM ideas WHERE id = $1
                 ON CONFLICT (idea_id, user_id) DO NOTHING",
            )
            .bind(idea)
            .bind(user)
            .bind(now())
            .execute(&mut **tx)
            .await?;
            if added.rows_affected() == 1 {
                count_new_support(tx, idea).await?;
            }
        }
        Some(cutoff) => {
            sqlx::query("DELETE FROM held_supports WHERE idea_id = $1 AND user_id = $2")
                .bind(idea)
                .bind(user)
                .execute(&mut **tx)
                .await?;
            withdraw_support(tx, cutoff, idea, user).await?;
        }
    }
    Ok(SupportOutcome::Done(idea))
}

/// Support (`add`) an idea that is open and not merged, as a confirmed person, counting it; or
/// withdraw a support from an idea that is not closed, lowering its counts (the trend's only if
/// the support was made after the cutoff). False when any of that does not hold or there is
/// nothing to change: nothing is written then. SQLite only: on PostgreSQL the idea's row lock
/// must come first (see `lock`).
///
/// Two statements in one call (SQLite runs them in order, with the same values), the second
/// only if the first changed its row (`changes()`), so the pair costs one trip to the worker
/// thread while the write lock is held. A withdrawal lowers the counts first, while the
/// support row still tells whether it counted in the trend.
async fn support_fast(tx: &mut Tx, idea: IdeaId, user: UserId, add: bool) -> sqlx::Result<bool> {
    let sql = if add {
        "INSERT INTO supports (idea_id, user_id, theme_id, created_at)
         SELECT i.id, $2, i.theme_id, $5 FROM ideas i
         WHERE i.id = $1 AND i.merged_into IS NULL AND i.status NOT IN ($3, $4)
           AND EXISTS (SELECT 1 FROM users u WHERE u.id = $2 AND u.email_confirmed_at IS NOT NULL)
         ON CONFLICT (idea_id, user_id) DO NOTHING;
         UPDATE ideas SET support_count = support_count + 1, trend_count = trend_count + 1
         WHERE id = $1 AND changes() = 1"
    } else {
        "UPDATE ideas SET support_count = support_count - 1,
           trend_count = trend_count - (SELECT COUNT(*) FROM supports s
             WHERE s.idea_id = $1 AND s.user_id = $2
               AND s.created_at >= (SELECT cutoff FROM trend_state WHERE id = 1))
         WHERE id = $1 AND status NOT IN ($3, $4)
           AND EXISTS (SELECT 1 FROM supports s WHERE s.idea_id = $1 AND s.user_id = $2);
         DELETE FROM supports WHERE idea_id = $1 AND user_id = $2 AND changes() = 1"
    };
    let changed = sqlx::query(sql)
        .bind(idea)
        .bind(user)
        .bind(Status::Withdrawn)
        .bind(Status::Merged)
        .bind(now())
        .execute(&mut **tx)
        .await?
        .rows_affected();
    match changed {
        0 => Ok(false),
        2 => Ok(true),
        // A support row and its count out of step would make every later count wrong.
        n => Err(sqlx::Error::Protocol(format!(
            "a support changed {n} rows instead of 2 or 0"
        ))),
    }
}

/// A new support is always inside the trend's week.
async fn count_new_support(tx: &mut Tx, idea: IdeaId) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE ideas SET support_count = support_count + 1,
           trend_count = trend_count + 1 WHERE id = $1",
    )
    .bind(idea)
    .execute(&mut **tx)
    .await
    .map(|_| ())
}

/// Take back every support of a person (their account is being deleted): each idea under
/// its row lock, lowest id first (as `merge` locks), its counts lowered in the same
/// transaction, closed ideas included, so every count stays the number of its rows.
/// Returns how many supports were removed.
pub async fn remove_all_supports(tx: &mut Tx, backend: Backend, user: UserId) -> sqlx::Result<u64> {
    // The trend's cutoff before any idea's lock, as everywhere (see `trend::hold`).
    let cutoff = trend::hold(tx, backend).await?;
    sqlx::query("DELETE FROM held_supports WHERE user_id = $1")
        .bind(user)
        .execute(&mut **tx)
        .await?;
    let ideas: Vec<IdeaId> =
        sqlx::query_scalar("SELECT idea_id FROM supports WHERE user_id = $1 ORDER BY idea_id")
            .bind(user)
            .fetch_all(&mut **tx)
            .await?;
    let mut removed = 0;
    for idea in ideas {
        lock(tx, backend, idea).await?;
        if withdraw_support(tx, cutoff, idea, user).await? {
            removed += 1;
        }
    }
    Ok(removed)
}

/// Delete one support and lower the idea's counts; false when there was none.
async fn withdraw_support(
    tx: &mut Tx,
    cutoff: trend::Cutoff,
    idea: IdeaId,
    user: UserId,
) -> sqlx::Result<bool> {
    let removed: Option<i64> = sqlx::query_scalar(
        "DELETE FROM supports WHERE idea_id = $1 AND user_id = $2 RETURNING created_at",
    )
    .bind(idea)
    .bind(user)
    .fetch_optional(&mut **tx)
    .await?;
    let Some(created_at) = removed else {
        return Ok(false);
    };
    sqlx::query("UPDATE ideas SET support_count = support_count - 1 WHERE id = $1")
        .bind(idea)
        .execute(&mut **tx)
        .await?;
    trend::withdrawn(tx, cutoff, idea, created_at).await?;
    Ok(true)
}

/// The person confirmed their address: their held-back ideas are listed and counted, their
/// held-back supports are counted (each under its idea's lock, like any support).
pub async fn release_held(tx: &mut Tx, backend: Backend, user: UserId) -> sqlx::Result<()> {
    let ideas: Vec<IdeaId> =
        sqlx::query_scalar("SELECT id FROM ideas WHERE author_id = $1 AND held_back = 1")
            .bind(user)
            .fetch_all(&mut **tx)
            .await?;
    for id in ideas {
        sqlx::query("UPDATE ideas SET held_back = 0 WHERE id = $1")
            .bind(id)
            .execute(&mut **tx)
            .await?;
        relist(tx, backend, id).await?;
    }
    let held: Vec<IdeaId> =
        sqlx::query_scalar("SELECT idea_id FROM held_supports WHERE user_id = $1 ORDER BY idea_id")
            .bind(user)
            .fetch_all(&mut **tx)
            .await?;
    sqlx::query("DELETE FROM held_supports WHERE user_id = $1")
        .bind(user)
        .execute(&mut **tx)
        .await?;
    for idea in held {
        change_support(tx, backend, idea, user, true).await?;
    }
    Ok(())
}

/// Every idea's support and comment counts and every theme's idea count afresh from the rows
/// themselves: the one recount after seeding, whose bulk inserts skip the per-write counters.
pub async fn recount_all_counters(tx: &mut Tx, backend: Backend) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE ideas SET
           support_count = (SELECT COUNT(*) FROM supports s WHERE s.idea_id = ideas.id),
           comment_count = (SELECT COUNT(*) FROM comments c
                            WHERE c.idea_id = ideas.id AND c.deleted_at IS NULL)",
    )
    .execute(&mut **tx)
    .await?;
    trend::recount_all(tx, backend, now()).await?;
    themes::recount_all(tx, backend).await
}

#[cfg(test)]
mod tests {
    use crate::domain::Status;

    /// `support_fast` names the closed statuses in its SQL: it must name all of them.
    #[test]
    fn the_fast_support_path_knows_every_closed_status() {
        let closed: Vec<Status> = Status::ALL.into_iter().filter(|s| s.is_closed()).collect();
        assert_eq!(closed, [Status::Withdrawn, Status::Merged]);
    }
}
