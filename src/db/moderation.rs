//! The one door for moderation's writes: reports (with the provisional hide at the threshold),
//! hiding and showing ideas and comments, dismissing reports, blocking people and merging
//! duplicates. Each closes the item's reports, writes its public log line and tells the author
//! inside the caller's write transaction, so no handler has to remember them.

use super::comments::{self, CommentRow};
use super::curation::{self, ActorInfo, LogEntry};
use super::ideas::{self, IdeaDetail};
use super::{Backend, Exec, Tx, users};
use crate::domain::moderation::{AUTO_HIDDEN_NOTICE, AUTO_HIDDEN_REASON, ModerationNote};
use crate::domain::{
    Acting, Action, CommentId, IdeaId, ItemKind, Message, Reason, Resolution, Role, Status,
    Subject, UserId,
};

/// What can be reported and hidden: an idea or a comment, as read from the database.
pub enum ReportItem {
    Idea(IdeaDetail),
    Comment(CommentRow),
}

impl ReportItem {
    /// The item of a report or a route; `None` when it does not exist (any more).
    pub async fn load<'e>(
        ex: impl Exec<'e>,
        kind: ItemKind,
        id: i64,
    ) -> sqlx::Result<Option<ReportItem>> {
        Ok(match kind {
            ItemKind::Idea => ideas::detail(ex, IdeaId(id)).await?.map(ReportItem::Idea),
            ItemKind::Comment => comments::by_id(ex, CommentId(id))
                .await?
                .map(ReportItem::Comment),
        })
    }

    pub fn kind(&self) -> ItemKind {
        match self {
            ReportItem::Idea(_) => ItemKind::Idea,
            ReportItem::Comment(_) => ItemKind::Comment,
        }
    }

    pub fn id(&self) -> i64 {
        match self {
            ReportItem::Idea(i) => i.id.0,
            ReportItem::Comment(c) => c.id.0,
        }
    }

    pub fn author(&self) -> UserId {
        match self {
            ReportItem::Idea(i) => i.author_id,
            ReportItem::Comment(c) => c.author_id,
        }
    }

    /// The author's role: what staff wrote is never hidden automatically.
    pub fn author_role(&self) -> Role {
        match self {
            ReportItem::Idea(i) => i.author_role,
            ReportItem::Comment(c) => c.author_role,
        }
    }

    /// The idea the item is or belongs to (notices link there).
    pub fn idea(&self) -> IdeaId {
        match self {
            ReportItem::Idea(i) => i.id,
            ReportItem::Comment(c) => c.idea_id,
        }
    }

    /// Where the item is shown.
    pub fn url(&self) -> String {
        match self {
            ReportItem::Idea(i) => format!("/ideas/{}", i.id),
            ReportItem::Comment(c) => format!("/ideas/{}#comment-{}", c.idea_id, c.id),
        }
    }

    /// The address of its report form.
    pub fn report_url(&self) -> String {
        match self {
            ReportItem::Idea(i) => format!("/ideas/{}/report", i.id),
            ReportItem::Comment(c) => format!("/comments/{}/report", c.id),
        }
    }

    /// The moderation form that hides it.
    pub fn hide_url(&self) -> String {
        match self {
            ReportItem::Idea(i) => format!("/moderation/ideas/{}/hide", i.id),
            ReportItem::Comment(c) => format!("/moderation/comments/{}/hide", c.id),
        }
    }

    pub fn hidden_at(&self) -> Option<i64> {
        match self {
            ReportItem::Idea(i) => i.hidden_at,
            ReportItem::Comment(c) => c.hidden_at,
        }
    }

    /// Hidden only because enough people reported it; a moderator has not decided yet.
    pub fn provisional(&self) -> bool {
        match self {
            ReportItem::Idea(i) => i.hidden_provisional,
            ReportItem::Comment(c) => c.hidden_provisional,
        }
    }

    /// Hide it (a public reason, and whether only provisionally) or show it again; an idea's
    /// place in the lists and its theme's count follow in the same transaction.
    async fn set_hidden(
        &self,
        tx: &mut Tx,
        backend: Backend,
        hidden: Option<(&str, bool)>,
    ) -> sqlx::Result<()> {
        match self {
            ReportItem::Idea(i) => ideas::hide(tx, backend, i.id, hidden).await,
            ReportItem::Comment(c) => comments::set_hidden(tx, backend, c.id, hidden).await,
        }
    }

    /// The item's public log line.
    async fn log(
        &self,
        tx: &mut Tx,
        action: Action,
        actor: Acting,
        reason: Option<Reason>,
        note: &str,
    ) -> sqlx::Result<()> {
        let entry = LogEntry {
            action,
            reason,
            note,
            actor_role: actor,
            item_type: self.kind().into(),
            item_id: self.id(),
        };
        curation::log(&mut **tx, &entry).await
    }

    /// Tell the author that it was hidden, and why.
    async fn notify_hidden(&self, tx: &mut Tx, notice: Message) -> sqlx::Result<()> {
        curation::notify(&mut **tx, self.author(), Some(self.idea()), &notice).await
    }
}

/// Take the reported item's row lock, so concurrent reports count one after the other and the
/// threshold is met exactly once. DIALECT: PostgreSQL locks the row; SQLite's
/// `BEGIN IMMEDIATE` already serialises writers.
async fn lock(tx: &mut Tx, backend: Backend, kind: ItemKind, id: i64) -> sqlx::Result<()> {
    if backend == Backend::Postgres {
        let sql = match kind {
            ItemKind::Idea => "SELECT id FROM ideas WHERE id = $1 FOR UPDATE",
            ItemKind::Comment => "SELECT id FROM comments WHERE id = $1 FOR UPDATE",
        };
        sqlx::query(sql).bind(id).execute(&mut **tx).await?;
    }
    Ok(())
}

/// A moderator hides the item with a category and a public reason; its open reports are
/// closed as founded and its author is told why.
pub async fn hide(
    tx: &mut Tx,
    backend: Backend,
    item: &ReportItem,
    by: Role,
    reason: Reason,
    note: &str,
) -> sqlx::Result<()> {
    item.set_hidden(tx, backend, Some((note, false))).await?;
    curation::resolve_reports(&mut **tx, item.kind(), item.id(), Resolution::Hidden).await?;
    let by = Acting::Person(by);
    item.log(tx, Action::Hide, by, Some(reason), note).await?;
    let notice = match item {
        ReportItem::Idea(i) => Message::key("notice-idea-hidden").arg("title", i.title.as_str()),
        ReportItem::Comment(_) => Message::key("notice-comment-hidden").arg("title", ""),
    };
    item.notify_hidden(tx, notice.arg("reason", note)).await
}

/// A moderator shows the item again; its open reports are closed as unfounded.
pub async fn unhide(
    tx: &mut Tx,
    backend: Backend,
    item: &ReportItem,
    by: Role,
) -> sqlx::Result<()> {
    item.set_hidden(tx, backend, None).await?;
    curation::resolve_reports(&mut **tx, item.kind(), item.id(), Resolution::Dismissed).await?;
    item.log(tx, Action::Unhide, Acting::Person(by), None, "")
        .await
}

/// A moderator closes the item's open reports as unfounded; an automatic hide is lifted.
/// `false` when the item does not exist.
pub async fn dismiss(
    tx: &mut Tx,
    backend: Backend,
    kind: ItemKind,
    id: i64,
    by: Role,
) -> sqlx::Result<bool> {
    lock(tx, backend, kind, id).await?;
    let Some(item) = ReportItem::load(&mut **tx, kind, id).await? else {
        return Ok(false);
    };
    if item.provisional() {
        item.set_hidden(tx, backend, None).await?;
    }
    curation::resolve_reports(&mut **tx, kind, id, Resolution::Dismissed).await?;
    item.log(tx, Action::Dismiss, Acting::Person(by), None, "")
        .await?;
    Ok(true)
}

/// What a report needs besides the item.
pub struct NewReport<'a> {
    pub reporter: UserId,
    pub reason: Reason,
    pub details: &'a str,
    /// Distinct reporters at which the item is hidden provisionally.
    pub threshold: i64,
    /// Seconds a reporter's account must have existed when reporting for the report to
    /// count toward the threshold.
    pub min_account_age: i64,
}

/// File a report; `false` when this person already has an open report on the item. Once
/// `threshold` different people whose accounts were old enough when they reported have open
/// reports, the item is hidden provisionally (once: the row lock orders concurrent reports)
/// until a moderator decides. Reports from younger accounts are stored and shown to the
/// moderation all the same, but a handful of throwaway accounts cannot hide anything. What
/// staff wrote (an answer of the ministry, a note of the moderation) is never hidden
/// provisionally: only a moderator hides it.
pub async fn report(
    tx: &mut Tx,
    backend: Backend,
    kind: ItemKind,
    id: i64,
    report: &NewReport<'_>,
) -> sqlx::Result<bool> {
    lock(tx, backend, kind, id).await?;
    let filed = curation::add_report(
        &mut **tx,
        kind,
        id,
        report.reporter,
        report.reason,
        report.details,
    )
    .await?;
    if !filed || counting_reporters(tx, kind, id, report.min_account_age).await? < report.threshold
    {
        return Ok(filed);
    }
    // Read under the lock: someone may have hidden it meanwhile.
    match ReportItem::load(&mut **tx, kind, id).await? {
        Some(item) if item.hidden_at().is_none() && item.author_role() == Role::Participant => {
            auto_hide(tx, backend, &item).await?
        }
        _ => {}
    }
    Ok(true)
}

/// The distinct people with an open report on the item whose account had existed for at
/// least `min_age` seconds when they reported.
async fn counting_reporters(
    tx: &mut Tx,
    kind: ItemKind,
    id: i64,
    min_age: i64,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "SELECT COUNT(DISTINCT r.reporter_id) FROM reports r JOIN users u ON u.id = r.reporter_id
         WHERE r.item_type = $1 AND r.item_id = $2 AND r.resolved_at IS NULL
           AND r.created_at - u.created_at >= $3",
    )
    .bind(kind)
    .bind(id)
    .bind(min_age)
    .fetch_one(&mut **tx)
    .await
}

/// Open reports on one item from accounts that were young when they reported.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct YoungReports {
    pub item_type: ItemKind,
    pub item_id: i64,
    pub reports: i64,
}

/// The open reports filed since `since` by accounts younger than `min_age` seconds at the
/// time, per item, most first (at most 50 items): what a report brigade from fresh accounts
/// leaves behind. Reads the open reports of the last hour through `reports_open`.
pub async fn young_reports<'e>(
    ex: impl Exec<'e>,
    since: i64,
    min_age: i64,
) -> sqlx::Result<Vec<YoungReports>> {
    // `id` is one of the item's reports, so a bad stored value leads to a row.
    sqlx::query(
        "SELECT MIN(r.id) AS id, r.item_type, r.item_id, COUNT(*) AS reports
         FROM reports r JOIN users u ON u.id = r.reporter_id
         WHERE r.resolved_at IS NULL AND r.created_at >= $1 AND r.created_at - u.created_at < $2
         GROUP BY r.item_type, r.item_id
         ORDER BY COUNT(*) DESC, MIN(r.created_at), r.item_type, r.item_id LIMIT 50",
    )
    .bind(since)
    .bind(min_age)
    .try_map(super::decoded)
    .fetch_all(ex)
    .await
}

/// The provisional hide at the report threshold; a moderator decides later.
async fn auto_hide(tx: &mut Tx, backend: Backend, item: &ReportItem) -> sqlx::Result<()> {
    let note = AUTO_HIDDEN_REASON;
    item.set_hidden(tx, backend, Some((note, true))).await?;
    item.log(tx, Action::AutoHide, Acting::System, None, note)
        .await?;
    item.notify_hidden(tx, Message::key(AUTO_HIDDEN_NOTICE))
        .await
}

/// Block a person (`Some(public note)`) or lift the block (`None`): their ideas leave or
/// re-enter the lists with every theme's count, and the log says so.
pub async fn set_blocked(
    tx: &mut Tx,
    backend: Backend,
    person: UserId,
    by: Role,
    note: Option<&ModerationNote>,
) -> sqlx::Result<()> {
    let note = note.map(ModerationNote::as_str);
    users::set_blocked(&mut **tx, person, note).await?;
    ideas::set_authors_ideas_blocked(tx, backend, person, note.is_some()).await?;
    let entry = LogEntry {
        action: if note.is_some() {
            Action::Block
        } else {
            Action::Unblock
        },
        reason: None,
        note: note.unwrap_or(""),
        actor_role: Acting::Person(by),
        item_type: Subject::User,
        item_id: person.0,
    };
    curation::log(&mut **tx, &entry).await
}

/// Merge the duplicate `dup` into `target` (see `ideas::merge` for the supports): the
/// duplicate's trail shows the step with the moderator's note, the log records it and its
/// author is told where the idea lives on. `false` (nothing changed) when either idea is gone
/// or closed by now.
pub async fn merge(
    tx: &mut Tx,
    backend: Backend,
    dup: &IdeaDetail,
    target: &IdeaDetail,
    actor: &ActorInfo<'_>,
    note: &ModerationNote,
) -> sqlx::Result<bool> {
    let note = note.as_str();
    let Some(from) = ideas::merge(tx, backend, dup.id, target.id).await? else {
        return Ok(false);
    };
    let now = super::now();
    curation::add_transition(
        &mut **tx,
        dup.id,
        Some(from),
        Status::Merged,
        actor,
        note,
        now,
    )
    .await?;
    let entry = LogEntry {
        action: Action::Merge,
        reason: None,
        note,
        actor_role: actor.role,
        item_type: Subject::Idea,
        item_id: dup.id.0,
    };
    curation::log(&mut **tx, &entry).await?;
    let notice = Message::key("notice-merged")
        .arg("title", dup.title.as_str())
        .arg("target", target.title.as_str());
    curation::notify(&mut **tx, dup.author_id, Some(dup.id), &notice).await?;
    Ok(true)
}
