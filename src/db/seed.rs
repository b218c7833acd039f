//! Writes that only the demo and bulk seeding make: past timestamps, and bulk inserts that
//! bypass the per-write aggregates on purpose for speed, followed by one recount
//! (`ideas::write::recount_all_counters`).

use super::{Backend, Db, Exec, Tx};
use crate::domain::{CommentId, IdeaId, OrganisationId, Status, ThemeId, UserId};

/// Whether an idea with this title exists (the demo adds each of its ideas once).
pub async fn idea_titled<'e>(ex: impl Exec<'e>, title: &str) -> sqlx::Result<bool> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM ideas WHERE title = $1")
        .bind(title)
        .fetch_one(ex)
        .await?;
    Ok(n > 0)
}

/// A submitted idea created at a past time; counters and trail come from the final recount.
pub async fn insert_idea<'e>(
    ex: impl Exec<'e>,
    theme: ThemeId,
    author: UserId,
    title: &str,
    body: &str,
    created_at: i64,
) -> sqlx::Result<IdeaId> {
    sqlx::query_scalar(
        "INSERT INTO ideas (theme_id, author_id, title, body, status, support_count,
                            comment_count, created_at)
         VALUES ($1, $2, $3, $4, 'submitted', 0, 0, $5) RETURNING id",
    )
    .bind(theme)
    .bind(author)
    .bind(title)
    .bind(body)
    .bind(created_at)
    .fetch_one(ex)
    .await
}

/// A comment written at a past time, without touching the idea's count.
pub async fn insert_comment<'e>(
    ex: impl Exec<'e>,
    idea: IdeaId,
    author: UserId,
    parent: Option<CommentId>,
    body: &str,
    at: i64,
) -> sqlx::Result<CommentId> {
    sqlx::query_scalar(
        "INSERT INTO comments (idea_id, author_id, parent_id, body, created_at)
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(idea)
    .bind(author)
    .bind(parent)
    .bind(body)
    .bind(at)
    .fetch_one(ex)
    .await
}

/// A support given at a past time, without touching the idea's count; 1 if it is new.
pub async fn insert_support<'e>(
    ex: impl Exec<'e>,
    idea: IdeaId,
    user: UserId,
    theme: ThemeId,
    at: i64,
) -> sqlx::Result<u64> {
    let r = sqlx::query(
        "INSERT INTO supports (idea_id, user_id, theme_id, created_at)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (idea_id, user_id) DO NOTHING",
    )
    .bind(idea)
    .bind(user)
    .bind(theme)
    .bind(at)
    .execute(ex)
    .await?;
    Ok(r.rows_affected())
}

/// Whether any idea has gone a step beyond its submission (then the demo road exists).
pub async fn road_started<'e>(ex: impl Exec<'e>) -> sqlx::Result<bool> {
    let n: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM idea_transitions WHERE from_status IS NOT NULL")
            .fetch_one(ex)
            .await?;
    Ok(n > 0)
}

/// The most supported listed ideas still at their submission, for the demo road.
pub async fn top_submitted<'e>(ex: impl Exec<'e>, limit: i64) -> sqlx::Result<Vec<IdeaId>> {
    sqlx::query_scalar(
        "SELECT id FROM ideas WHERE status = $1 AND listed = 1
         ORDER BY support_count DESC, id LIMIT $2",
    )
    .bind(Status::Submitted)
    .bind(limit)
    .fetch_all(ex)
    .await
}

/// An organisation founded and verified at a past time.
pub async fn insert_verified_organisation<'e>(
    ex: impl Exec<'e>,
    slug: &str,
    name: &str,
    description: &str,
    owner: UserId,
    at: i64,
) -> sqlx::Result<OrganisationId> {
    sqlx::query_scalar(
        "INSERT INTO organisations (slug, name, website, description, owner_id, verified_at, created_at)
         VALUES ($1, $2, '', $3, $4, $5, $5) RETURNING id",
    )
    .bind(slug)
    .bind(name)
    .bind(description)
    .bind(owner)
    .bind(at)
    .fetch_one(ex)
    .await
}

/// Every idea of `author` speaks for `org` (the demo member's ideas).
pub async fn attribute_ideas<'e>(
    ex: impl Exec<'e>,
    org: OrganisationId,
    author: UserId,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE ideas SET organisation_id = $1 WHERE author_id = $2")
        .bind(org)
        .bind(author)
        .execute(ex)
        .await
        .map(|_| ())
}

/// Every idea's trail starts with its submission by its author; add that first step where
/// the seeding left it out.
pub async fn add_missing_submissions(tx: &mut Tx) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO idea_transitions
           (idea_id, from_status, to_status, actor_id, actor_role, actor_name, note, created_at)
         SELECT i.id, NULL, 'submitted', i.author_id, u.role, u.display_name, '', i.created_at
         FROM ideas i JOIN users u ON u.id = i.author_id
         WHERE NOT EXISTS (SELECT 1 FROM idea_transitions t WHERE t.idea_id = i.id)",
    )
    .execute(&mut **tx)
    .await
    .map(|_| ())
}

/// `count` participants for the bulk data, all with the same password hash; returns the
/// first one's id (the rest follow without gaps: the transaction holds the write lock).
pub async fn insert_people(tx: &mut Tx, count: i64, hash: &str, now: i64) -> sqlx::Result<UserId> {
    // The highest id so far tags this batch's addresses, so a second run adds new people.
    let batch_tag: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM users")
        .fetch_one(&mut **tx)
        .await?;
    sqlx::query(
        "WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < $1)
         INSERT INTO users (email, display_name, password_hash, role, created_at,
                            email_confirmed_at)
         SELECT 'bulk-' || $2 || '-' || k || '@demo.mitdenken.example',
                'Testperson ' || $2 || '-' || k, $3, 'participant', $4 - k * 60, $4 - k * 60
         FROM n",
    )
    .bind(count)
    .bind(batch_tag.to_string())
    .bind(hash)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    sqlx::query_scalar("SELECT MIN(id) FROM users WHERE id > $1")
        .bind(batch_tag)
        .fetch_one(&mut **tx)
        .await
}

/// The id the next inserted idea will get.
pub async fn next_idea_id(tx: &mut Tx) -> sqlx::Result<IdeaId> {
    sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) + 1 FROM ideas")
        .fetch_one(&mut **tx)
        .await
}

/// One idea of the bulk data.
pub struct BulkIdea {
    pub theme: ThemeId,
    pub author: UserId,
    pub title: String,
    pub body: String,
    pub created_at: i64,
}

/// Ideas inserted 500 rows per statement (2,500 parameters stay below every backend's limit).
pub async fn insert_ideas(tx: &mut Tx, ideas: &[BulkIdea]) -> sqlx::Result<()> {
    for chunk in ideas.chunks(500) {
        let mut sql = String::from(
            "INSERT INTO ideas (theme_id, author_id, title, body, status, support_count,
                                comment_count, created_at) VALUES ",
        );
        for j in 0..chunk.len() {
            let p = j * 5;
            if j > 0 {
                sql.push(',');
            }
            sql.push_str(&format!(
                "(${}, ${}, ${}, ${}, 'submitted', 0, 0, ${})",
                p + 1,
                p + 2,
                p + 3,
                p + 4,
                p + 5
            ));
        }
        let mut q = sqlx::query(&sql);
        for idea in chunk {
            q = q
                .bind(idea.theme)
                .bind(idea.author)
                .bind(idea.title.as_str())
                .bind(idea.body.as_str())
                .bind(idea.created_at);
        }
        q.execute(&mut **tx).await?;
    }
    Ok(())
}

/// Who gives the bulk supports and comments: `count` people from `first` on, to ideas from
/// `first_idea` on, at times up to `now`.
#[derive(Clone, Copy)]
pub struct BulkRange {
    pub first: UserId,
    pub count: i64,
    pub first_idea: IdeaId,
    pub now: i64,
}

/// 0 to 20 supports per idea (10 on average), from distinct people, at times between the
/// idea's creation and now; generated in SQL. Returns how many were added.
pub async fn insert_supports(tx: &mut Tx, r: BulkRange) -> sqlx::Result<u64> {
    Ok(sqlx::query(
        "WITH RECURSIVE ks(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM ks WHERE k < 19)
         INSERT INTO supports (idea_id, user_id, theme_id, created_at)
         SELECT i.id, $1 + ((i.id * 7919 + ks.k * 104729) % $2), i.theme_id,
                i.created_at + ((i.id * 131 + ks.k * 86413) % ($3 - i.created_at + 1))
         FROM ideas i JOIN ks ON ks.k < (i.id * 31) % 21
         WHERE i.id >= $4
         ON CONFLICT (idea_id, user_id) DO NOTHING",
    )
    .bind(r.first)
    .bind(r.count)
    .bind(r.now)
    .bind(r.first_idea)
    .execute(&mut **tx)
    .await?
    .rows_affected())
}

/// 0 to 6 comments per idea (3 on average) with texts from `snippets`; generated in SQL over
/// a temporary table of the snippets. Returns how many were added.
pub async fn insert_comments(tx: &mut Tx, r: BulkRange, snippets: &[&str]) -> sqlx::Result<u64> {
    sqlx::query("CREATE TEMPORARY TABLE seed_snippets (n BIGINT PRIMARY KEY, body TEXT NOT NULL)")
        .execute(&mut **tx)
        .await?;
    for (n, s) in snippets.iter().enumerate() {
        sqlx::query("INSERT INTO seed_snippets (n, body) VALUES ($1, $2)")
            .bind(n as i64)
            .bind(*s)
            .execute(&mut **tx)
            .await?;
    }
    let added = sqlx::query(
        "WITH RECURSIVE ks(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM ks WHERE k < 5)
         INSERT INTO comments (idea_id, author_id, parent_id, body, created_at)
         SELECT i.id, $1 + ((i.id * 104729 + ks.k * 7919) % $2), NULL, sn.body,
                i.created_at + ((i.id * 17 + ks.k * 3571) % ($3 - i.created_at + 1))
         FROM ideas i
         JOIN ks ON ks.k < (i.id * 17) % 7
         JOIN seed_snippets sn ON sn.n = (i.id + ks.k) % $4
         WHERE i.id >= $5",
    )
    .bind(r.first)
    .bind(r.count)
    .bind(r.now)
    .bind(snippets.len() as i64)
    .bind(r.first_idea)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    sqlx::query("DROP TABLE seed_snippets")
        .execute(&mut **tx)
        .await?;
    Ok(added)
}

/// After bulk seeding: DIALECT: on SQLite, fold the large write-ahead log into the database
/// and refresh the planner's statistics, so the first pages after seeding are as fast as
/// later ones.
pub async fn settle(db: &Db) -> sqlx::Result<()> {
    if db.backend == Backend::Sqlite {
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(&db.pool)
            .await?;
        sqlx::query("ANALYZE").execute(&db.pool).await?;
    }
    Ok(())
}

/// A demo account registered at a past time.
pub async fn backdate_account<'e>(ex: impl Exec<'e>, id: UserId, at: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE users SET created_at = $1 WHERE id = $2")
        .bind(at)
        .bind(id)
        .execute(ex)
        .await
        .map(|_| ())
}
