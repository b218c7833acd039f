//! Queries of curation: the status trail, reports, the append-only moderation log, notices.

use super::Exec;
use crate::domain::{
    Acting, Action, Arg, IdeaId, ItemKind, Message, Reason, Resolution, Status, Subject, UserId,
};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TransitionRow {
    pub id: i64,
    pub from_status: Option<Status>,
    pub to_status: Status,
    pub actor_role: Acting,
    pub actor_name: String,
    pub note: String,
    pub created_at: i64,
}

/// Who acts, as stored in the trail and the log.
pub struct ActorInfo<'a> {
    pub id: Option<UserId>,
    pub role: Acting,
    pub name: &'a str,
}

/// One step of an idea's road, at `at` (now, or a past time for the demo's road); its id.
pub async fn add_transition<'e>(
    ex: impl Exec<'e>,
    idea: IdeaId,
    from: Option<Status>,
    to: Status,
    actor: &ActorInfo<'_>,
    note: &str,
    at: i64,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO idea_transitions
           (idea_id, from_status, to_status, actor_id, actor_role, actor_name, note, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(idea)
    .bind(from)
    .bind(to)
    .bind(actor.id)
    .bind(actor.role)
    .bind(actor.name)
    .bind(note)
    .bind(at)
    .fetch_one(ex)
    .await
}

/// The internal note written with the status change `transition` (never public: only the
/// staff views below read the table).
pub async fn add_internal_note<'e>(
    ex: impl Exec<'e>,
    idea: IdeaId,
    transition: i64,
    author: &ActorInfo<'_>,
    note: &str,
    at: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO internal_notes (idea_id, transition_id, author_id, author_name, note, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(idea)
    .bind(transition)
    .bind(author.id)
    .bind(author.name)
    .bind(note)
    .bind(at)
    .execute(ex)
    .await
    .map(|_| ())
}

/// An internal note with the step it was written with.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct InternalNote {
    pub idea_id: IdeaId,
    pub transition_id: i64,
    pub to_status: Status,
    pub author_name: String,
    pub note: String,
    pub created_at: i64,
}

/// The internal notes of `ideas`, oldest first: for the idea page of staff, the review list
/// and its CSV. Callers check the reader's role first.
pub async fn internal_notes<'e>(
    ex: impl Exec<'e>,
    ideas: &[IdeaId],
) -> sqlx::Result<Vec<InternalNote>> {
    if ideas.is_empty() {
        return Ok(Vec::new());
    }
    sqlx::query(&format!(
        "SELECT n.id, n.idea_id, n.transition_id, tr.to_status, n.author_name, n.note, n.created_at
         FROM internal_notes n JOIN idea_transitions tr ON tr.id = n.transition_id
         WHERE n.idea_id IN ({}) ORDER BY n.created_at, n.id",
        super::id_list(ideas)
    ))
    .try_map(super::decoded)
    .fetch_all(ex)
    .await
}

pub async fn transitions<'e>(ex: impl Exec<'e>, idea: IdeaId) -> sqlx::Result<Vec<TransitionRow>> {
    sqlx::query(
        "SELECT id, from_status, to_status, actor_role, actor_name, note, created_at
         FROM idea_transitions WHERE idea_id = $1 ORDER BY created_at, id",
    )
    .bind(idea)
    .try_map(super::decoded)
    .fetch_all(ex)
    .await
}

/// The notes moderation wrote on the way to the ministry, for the review page.
pub async fn moderation_notes<'e>(
    ex: impl Exec<'e>,
    ideas: &[IdeaId],
) -> sqlx::Result<Vec<(IdeaId, Status, String)>> {
    if ideas.is_empty() {
        return Ok(Vec::new());
    }
    // The step's own id comes last: the tuple reads the first three, `decoded` names the id.
    sqlx::query(&format!(
        "SELECT idea_id, to_status, note, id FROM idea_transitions
         WHERE idea_id IN ({}) AND note <> '' AND to_status IN ('discussion', 'review', 'forwarded')
         ORDER BY created_at, id",
        super::id_list(ideas)
    ))
    .try_map(super::decoded)
    .fetch_all(ex)
    .await
}

/// An answer of the ministry: the status, its public text and when it was given.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Answer {
    pub idea_id: IdeaId,
    pub to_status: Status,
    pub note: String,
    pub created_at: i64,
}

/// The latest answer of each of `ideas` that has one (the answer the idea page shows).
pub async fn latest_answers<'e>(ex: impl Exec<'e>, ideas: &[IdeaId]) -> sqlx::Result<Vec<Answer>> {
    if ideas.is_empty() {
        return Ok(Vec::new());
    }
    let all: Vec<Answer> = sqlx::query(&format!(
        "SELECT id, idea_id, to_status, note, created_at FROM idea_transitions
         WHERE idea_id IN ({}) AND note <> '' AND to_status IN ('accepted', 'in_progress', 'rejected')
         ORDER BY idea_id, created_at, id",
        super::id_list(ideas)
    ))
    .try_map(super::decoded)
    .fetch_all(ex)
    .await?;
    let mut latest: Vec<Answer> = Vec::new();
    for a in all {
        match latest.last_mut() {
            Some(last) if last.idea_id == a.idea_id => *last = a,
            _ => latest.push(a),
        }
    }
    Ok(latest)
}

// ---------------------------------------------------------------- moderation log

pub struct LogEntry<'a> {
    pub action: Action,
    /// The category of a hide; the other actions have none.
    pub reason: Option<Reason>,
    pub note: &'a str,
    pub actor_role: Acting,
    pub item_type: Subject,
    pub item_id: i64,
}

/// Append one line to the public log (the table refuses updates and deletes).
pub async fn log<'e>(ex: impl Exec<'e>, e: &LogEntry<'_>) -> sqlx::Result<()> {
    log_at(ex, e, super::now()).await
}

/// A log line at a given time (the demo seed writes a past road).
pub async fn log_at<'e>(ex: impl Exec<'e>, e: &LogEntry<'_>, now: i64) -> sqlx::Result<()> {
    let berlin = crate::domain::berlin::to_berlin(now);
    let month = format!("{}-{:02}", berlin.year(), u8::from(berlin.month()));
    sqlx::query(
        "INSERT INTO moderation_log (created_at, month, action, reason, note, actor_role, item_type, item_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(now)
    .bind(month)
    .bind(e.action)
    .bind(e.reason.map_or("", Reason::as_str))
    .bind(e.note)
    .bind(e.actor_role)
    .bind(e.item_type)
    .bind(e.item_id)
    .execute(ex)
    .await
    .map(|_| ())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LogRow {
    pub id: i64,
    pub created_at: i64,
    pub action: Action,
    #[sqlx(try_from = "Category")]
    pub reason: Option<Reason>,
    pub note: String,
    pub actor_role: Acting,
    pub item_type: Subject,
    pub item_id: i64,
}

/// The log's `reason` column: a report category, or '' for none (the column is NOT NULL).
/// Anything else is a decoding error. Use as `#[sqlx(try_from = "Category")]`.
struct Category(Option<Reason>);

impl sqlx::Type<sqlx::Any> for Category {
    fn type_info() -> sqlx::any::AnyTypeInfo {
        <String as sqlx::Type<sqlx::Any>>::type_info()
    }
    fn compatible(ty: &sqlx::any::AnyTypeInfo) -> bool {
        <String as sqlx::Type<sqlx::Any>>::compatible(ty)
    }
}

impl<'r> sqlx::Decode<'r, sqlx::Any> for Category {
    fn decode(value: sqlx::any::AnyValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
        match <&str as sqlx::Decode<'r, sqlx::Any>>::decode(value)? {
            "" => Ok(Category(None)),
            code => Reason::parse(code)
                .map(|r| Category(Some(r)))
                .ok_or_else(|| format!("unknown Reason {code:?}").into()),
        }
    }
}

impl From<Category> for Option<Reason> {
    fn from(c: Category) -> Option<Reason> {
        c.0
    }
}

pub async fn log_page<'e>(ex: impl Exec<'e>, limit: i64, offset: i64) -> sqlx::Result<Vec<LogRow>> {
    sqlx::query(
        "SELECT id, created_at, action, reason, note, actor_role, item_type, item_id
         FROM moderation_log ORDER BY created_at DESC, id DESC LIMIT $1 OFFSET $2",
    )
    .bind(limit)
    .bind(offset)
    .try_map(super::decoded)
    .fetch_all(ex)
    .await
}

/// What the transparency page may say about the items of its log lines: per idea its title
/// and whether it is hidden now; per comment its idea with the same; per organisation its
/// address and name. The page decides what to show (never a hidden idea's title).
#[derive(Debug, Default)]
pub struct LogItems {
    pub ideas: std::collections::HashMap<i64, (String, bool)>,
    pub comments: std::collections::HashMap<i64, (i64, String, bool)>,
    pub organisations: std::collections::HashMap<i64, (String, String)>,
}

/// The items named by `entries`, in three queries at most.
pub async fn log_items(pool: &sqlx::AnyPool, entries: &[LogRow]) -> sqlx::Result<LogItems> {
    // Typed integers from our own rows: writing them into the statement injects nothing.
    let ids = |kind: Subject| {
        let ids: Vec<String> = entries
            .iter()
            .filter(|e| e.item_type == kind)
            .map(|e| e.item_id.to_string())
            .collect();
        (!ids.is_empty()).then(|| ids.join(","))
    };
    let hidden = "CASE WHEN i.hidden_at IS NOT NULL OR i.author_blocked = 1 THEN 1 ELSE 0 END";
    let mut items = LogItems::default();
    if let Some(list) = ids(Subject::Idea) {
        let rows: Vec<(i64, String, i64)> = sqlx::query_as(&format!(
            "SELECT i.id, i.title, {hidden} FROM ideas i WHERE i.id IN ({list})"
        ))
        .fetch_all(pool)
        .await?;
        items.ideas = rows
            .into_iter()
            .map(|(id, title, hidden)| (id, (title, hidden != 0)))
            .collect();
    }
    if let Some(list) = ids(Subject::Comment) {
        let rows: Vec<(i64, i64, String, i64)> = sqlx::query_as(&format!(
            "SELECT c.id, i.id, i.title, {hidden} FROM comments c JOIN ideas i ON i.id = c.idea_id
             WHERE c.id IN ({list})"
        ))
        .fetch_all(pool)
        .await?;
        items.comments = rows
            .into_iter()
            .map(|(id, idea, title, hidden)| (id, (idea, title, hidden != 0)))
            .collect();
    }
    if let Some(list) = ids(Subject::Organisation) {
        let rows: Vec<(i64, String, String)> = sqlx::query_as(&format!(
            "SELECT id, slug, name FROM organisations WHERE id IN ({list})"
        ))
        .fetch_all(pool)
        .await?;
        items.organisations = rows
            .into_iter()
            .map(|(id, slug, name)| (id, (slug, name)))
            .collect();
    }
    Ok(items)
}

pub async fn log_count<'e>(ex: impl Exec<'e>) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM moderation_log")
        .fetch_one(ex)
        .await
}

/// How often an action (with a category) happened in a month ("2026-11", Berlin time).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MonthlyCount {
    pub month: String,
    pub action: Action,
    #[sqlx(try_from = "Category")]
    pub reason: Option<Reason>,
    pub count: i64,
}

/// Newest month first; a bad stored value is an error naming one of its rows.
pub async fn monthly_counts<'e>(ex: impl Exec<'e>) -> sqlx::Result<Vec<MonthlyCount>> {
    sqlx::query(
        "SELECT MIN(id) AS id, month, action, reason, COUNT(*) AS count FROM moderation_log
         GROUP BY month, action, reason ORDER BY month DESC, action, reason",
    )
    .try_map(super::decoded)
    .fetch_all(ex)
    .await
}

// ---------------------------------------------------------------- reports

// Writing reports is `db::moderation`'s (it hides at the threshold in the same transaction).

/// Files a report; false when this person already has an open report on the item.
pub(super) async fn add_report<'e>(
    ex: impl Exec<'e>,
    item_type: ItemKind,
    item_id: i64,
    reporter: UserId,
    reason: Reason,
    details: &str,
) -> sqlx::Result<bool> {
    let r = sqlx::query(
        "INSERT INTO reports (item_type, item_id, reporter_id, reason, details, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (item_type, item_id, reporter_id) WHERE resolved_at IS NULL DO NOTHING",
    )
    .bind(item_type)
    .bind(item_id)
    .bind(reporter)
    .bind(reason)
    .bind(details)
    .bind(super::now())
    .execute(ex)
    .await?;
    Ok(r.rows_affected() == 1)
}

pub(super) async fn resolve_reports<'e>(
    ex: impl Exec<'e>,
    item_type: ItemKind,
    item_id: i64,
    resolution: Resolution,
) -> sqlx::Result<u64> {
    let r = sqlx::query(
        "UPDATE reports SET resolved_at = $1, resolution = $2
         WHERE item_type = $3 AND item_id = $4 AND resolved_at IS NULL",
    )
    .bind(super::now())
    .bind(resolution)
    .bind(item_type)
    .bind(item_id)
    .execute(ex)
    .await?;
    Ok(r.rows_affected())
}

/// One line of the moderation queue: an item with open reports.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct QueueRow {
    pub item_type: ItemKind,
    pub item_id: i64,
    pub reports: i64,
    pub first_at: i64,
    /// The reasons given, each once.
    #[sqlx(try_from = "Categories")]
    pub reasons: Vec<Reason>,
}

/// The reasons of an item's open reports as the queue's query joins them (comma separated);
/// one that does not parse is a decoding error. Use as `#[sqlx(try_from = "Categories")]`.
struct Categories(Vec<Reason>);

impl sqlx::Type<sqlx::Any> for Categories {
    fn type_info() -> sqlx::any::AnyTypeInfo {
        <String as sqlx::Type<sqlx::Any>>::type_info()
    }
    fn compatible(ty: &sqlx::any::AnyTypeInfo) -> bool {
        <String as sqlx::Type<sqlx::Any>>::compatible(ty)
    }
}

impl<'r> sqlx::Decode<'r, sqlx::Any> for Categories {
    fn decode(value: sqlx::any::AnyValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
        let joined = <&str as sqlx::Decode<'r, sqlx::Any>>::decode(value)?;
        joined
            .split(',')
            .map(|code| {
                Reason::parse(code).ok_or_else(|| format!("unknown Reason {code:?}").into())
            })
            .collect::<Result<_, _>>()
            .map(Categories)
    }
}

impl From<Categories> for Vec<Reason> {
    fn from(c: Categories) -> Vec<Reason> {
        c.0
    }
}

/// Items with open reports, the longest waiting first. DIALECT: the aggregate that joins the
/// reasons is `group_concat` in SQLite and `string_agg` in PostgreSQL.
pub async fn open_queue<'e>(
    ex: impl Exec<'e>,
    backend: super::Backend,
) -> sqlx::Result<Vec<QueueRow>> {
    let agg = match backend {
        super::Backend::Sqlite => "group_concat(DISTINCT reason)",
        super::Backend::Postgres => "string_agg(DISTINCT reason, ',')",
    };
    // `id` is the item's first open report, so a bad stored value leads to a row.
    sqlx::query(&format!(
        "SELECT MIN(id) AS id, item_type, item_id, COUNT(*) AS reports,
                MIN(created_at) AS first_at, {agg} AS reasons
         FROM reports WHERE resolved_at IS NULL
         GROUP BY item_type, item_id ORDER BY MIN(created_at), item_type, item_id LIMIT 200"
    ))
    .try_map(super::decoded)
    .fetch_all(ex)
    .await
}

/// The free text of an open report (never shown publicly).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ReportDetails {
    pub item_type: ItemKind,
    pub item_id: i64,
    pub details: String,
}

/// The free texts of all open reports, oldest first.
pub async fn open_report_details<'e>(ex: impl Exec<'e>) -> sqlx::Result<Vec<ReportDetails>> {
    sqlx::query(
        "SELECT id, item_type, item_id, details FROM reports
         WHERE resolved_at IS NULL AND details <> '' ORDER BY created_at, id",
    )
    .try_map(super::decoded)
    .fetch_all(ex)
    .await
}

// ---------------------------------------------------------------- notices

/// Leave a notice for `user` about their own idea or account, stored as a message
/// (translated when the person reads it, in their language); by their settings it is also
/// mailed (`notifications::deliver`, in the same transaction).
/// Generic over the connection so that callers keep passing `&mut **tx`.
pub async fn notify<C: std::ops::DerefMut<Target = sqlx::AnyConnection>>(
    mut conn: C,
    user: UserId,
    idea: Option<IdeaId>,
    message: &Message,
) -> sqlx::Result<()> {
    super::notifications::deliver(
        &mut conn,
        user,
        idea,
        crate::domain::mail::NoticeKind::Own,
        message,
    )
    .await
}

/// A message column holds JSON (see migration 0005); a row that does not parse is an error.
impl sqlx::Type<sqlx::Any> for Message {
    fn type_info() -> sqlx::any::AnyTypeInfo {
        <String as sqlx::Type<sqlx::Any>>::type_info()
    }
}

impl<'q> sqlx::Encode<'q, sqlx::Any> for Message {
    fn encode_by_ref(
        &self,
        buf: &mut <sqlx::Any as sqlx::Database>::ArgumentBuffer<'q>,
    ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
        <String as sqlx::Encode<'q, sqlx::Any>>::encode(serde_json::to_string(self)?, buf)
    }
}

impl<'r> sqlx::Decode<'r, sqlx::Any> for Message {
    fn decode(value: sqlx::any::AnyValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
        let text = <String as sqlx::Decode<'r, sqlx::Any>>::decode(value)?;
        Ok(serde_json::from_str(&text)?)
    }
}

/// Notices written before messages were stored as JSON held `key?name=value&…`; convert
/// them once at start-up, so reading never has to parse sentences back.
pub async fn convert_legacy_notices(pool: &sqlx::AnyPool) -> sqlx::Result<u64> {
    let rows: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, text FROM notices WHERE message = '' LIMIT 100000")
            .fetch_all(pool)
            .await?;
    let mut converted = 0;
    for (id, text) in rows {
        let (key, query) = text.split_once('?').unwrap_or((&text, ""));
        let mut message = Message {
            key: key.to_string().into(),
            args: Vec::new(),
        };
        for (name, value) in form_urlencoded::parse(query.as_bytes()) {
            let arg = match (name.as_ref(), Status::parse(&value)) {
                ("status", Some(status)) => Arg::Status(status),
                _ => Arg::Text(value.into_owned()),
            };
            message.args.push((name.into_owned().into(), arg));
        }
        sqlx::query("UPDATE notices SET message = $1 WHERE id = $2")
            .bind(&message)
            .bind(id)
            .execute(pool)
            .await?;
        converted += 1;
    }
    Ok(converted)
}

pub async fn unseen_notices<'e>(ex: impl Exec<'e>, user: UserId) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM notices WHERE user_id = $1 AND seen_at IS NULL")
        .bind(user)
        .fetch_one(ex)
        .await
}

pub async fn mark_notices_seen<'e>(ex: impl Exec<'e>, user: UserId) -> sqlx::Result<()> {
    sqlx::query("UPDATE notices SET seen_at = $1 WHERE user_id = $2 AND seen_at IS NULL")
        .bind(super::now())
        .bind(user)
        .execute(ex)
        .await
        .map(|_| ())
}
