//! The figures of `/statistik` and the home page, counted over what anyone may see: ideas
//! that are not hidden and not by a blocked author, their visible comments and supports.
//! Days are counted in UTC (`created_at / 86400`), so both databases group the same way;
//! the program folds days into months.

use super::Exec;
use crate::domain::{Status, ThemeId, WorkshopId};

/// How many of one thing a theme got on one day.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DayCount {
    pub theme_id: ThemeId,
    /// Days since 1970-01-01 (UTC).
    pub day: i64,
    pub count: i64,
}

/// What is counted per theme and day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Activity {
    Ideas,
    Comments,
    Supports,
}

impl Activity {
    pub const ALL: [Activity; 3] = [Activity::Ideas, Activity::Comments, Activity::Supports];

    fn sql(self) -> &'static str {
        match self {
            Activity::Ideas => {
                "SELECT i.theme_id, i.created_at / 86400 AS day, COUNT(*) AS count
                 FROM ideas i WHERE i.hidden_at IS NULL AND i.author_blocked = 0
                 GROUP BY i.theme_id, i.created_at / 86400"
            }
            Activity::Comments => {
                "SELECT i.theme_id, c.created_at / 86400 AS day, COUNT(*) AS count
                 FROM comments c JOIN ideas i ON i.id = c.idea_id
                 JOIN users u ON u.id = c.author_id
                 WHERE c.deleted_at IS NULL AND c.hidden_at IS NULL AND u.blocked_at IS NULL
                   AND i.hidden_at IS NULL AND i.author_blocked = 0
                 GROUP BY i.theme_id, c.created_at / 86400"
            }
            Activity::Supports => {
                "SELECT i.theme_id, s.created_at / 86400 AS day, COUNT(*) AS count
                 FROM supports s JOIN ideas i ON i.id = s.idea_id
                 WHERE i.hidden_at IS NULL AND i.author_blocked = 0
                 GROUP BY i.theme_id, s.created_at / 86400"
            }
        }
    }
}

/// Per theme and day: ideas submitted, comments written or supports given.
pub async fn per_day<'e>(ex: impl Exec<'e>, what: Activity) -> sqlx::Result<Vec<DayCount>> {
    sqlx::query_as(what.sql()).fetch_all(ex).await
}

/// How many visible ideas ever reached each status (a step of their trail).
pub async fn reached<'e>(ex: impl Exec<'e>) -> sqlx::Result<Vec<(Status, i64)>> {
    sqlx::query_as(
        "SELECT tr.to_status, COUNT(DISTINCT tr.idea_id) FROM idea_transitions tr
         JOIN ideas i ON i.id = tr.idea_id
         WHERE i.hidden_at IS NULL AND i.author_blocked = 0
         GROUP BY tr.to_status",
    )
    .fetch_all(ex)
    .await
}

/// When an idea was submitted, first forwarded and first answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Road {
    pub submitted: i64,
    pub forwarded: Option<i64>,
    pub answered: Option<i64>,
}

/// The road of every visible idea that was forwarded (those with `answered_only`: that were
/// answered; few, found through `ideas_status`, cheap enough for the home page).
pub async fn roads<'e>(ex: impl Exec<'e>, answered_only: bool) -> sqlx::Result<Vec<Road>> {
    let which = if answered_only {
        "i.status IN ('accepted', 'in_progress', 'rejected', 'implemented')"
    } else {
        "1 = 1"
    };
    let rows: Vec<(i64, i64, Status, i64)> = sqlx::query_as(&format!(
        "SELECT i.id, i.created_at, tr.to_status, tr.created_at
         FROM ideas i JOIN idea_transitions tr ON tr.idea_id = i.id
         WHERE {which} AND i.hidden_at IS NULL AND i.author_blocked = 0
           AND tr.to_status IN ('forwarded', 'accepted', 'in_progress', 'rejected')
         ORDER BY i.id, tr.created_at, tr.id"
    ))
    .fetch_all(ex)
    .await?;
    let mut out: Vec<(i64, Road)> = Vec::new();
    for (id, submitted, status, at) in rows {
        if out.last().is_none_or(|(last, _)| *last != id) {
            out.push((
                id,
                Road {
                    submitted,
                    forwarded: None,
                    answered: None,
                },
            ));
        }
        if let Some((_, road)) = out.last_mut() {
            match status {
                Status::Forwarded => {
                    road.forwarded.get_or_insert(at);
                }
                _ => {
                    road.answered.get_or_insert(at);
                }
            }
        }
    }
    Ok(out
        .into_iter()
        .map(|(_, r)| r)
        .filter(|r| r.forwarded.is_some())
        .collect())
}

/// Visible ideas in the theme lists (the themes keep this count in step).
pub async fn listed_ideas<'e>(ex: impl Exec<'e>) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT CAST(COALESCE(SUM(idea_count), 0) AS BIGINT) FROM themes")
        .fetch_one(ex)
        .await
}

/// A workshop and what came of it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct WorkshopYield {
    pub id: WorkshopId,
    pub title: String,
    pub starts_at: i64,
    pub learnings: i64,
    /// Visible ideas linked to one of its learnings.
    pub ideas: i64,
}

pub async fn workshop_yields<'e>(ex: impl Exec<'e>) -> sqlx::Result<Vec<WorkshopYield>> {
    sqlx::query_as(
        "SELECT w.id, w.title, w.starts_at,
                (SELECT COUNT(*) FROM learnings l WHERE l.workshop_id = w.id) AS learnings,
                (SELECT COUNT(DISTINCT li.idea_id) FROM learning_ideas li
                 JOIN learnings l ON l.id = li.learning_id JOIN ideas i ON i.id = li.idea_id
                 WHERE l.workshop_id = w.id AND i.hidden_at IS NULL AND i.author_blocked = 0)
                AS ideas
         FROM workshops w ORDER BY w.starts_at, w.id",
    )
    .fetch_all(ex)
    .await
}
