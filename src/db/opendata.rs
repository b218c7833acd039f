//! The open-data downloads (`/daten`): one query per file, read row by row so that no export
//! is ever held in memory whole. Only what the pages show anyone: never hidden ideas or
//! comments, never a blocked author's posts, no e-mail addresses, no person behind a support.

use super::Exec;
use futures_util::{Stream, StreamExt};
use sqlx::Row;
use sqlx::any::AnyRow;

/// How a column's value is read and written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Int,
    Text,
    /// Unix seconds.
    Time,
    /// Days since 1970-01-01 (UTC).
    Day,
    /// A public moderation note: the moderators' words, or the automatic hide's catalogue key.
    Note,
}

#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// The column's name in the files; its description is the catalogue's `data-col-{name}`.
    pub name: &'static str,
    pub kind: Kind,
}

const fn col(name: &'static str, kind: Kind) -> Column {
    Column { name, kind }
}

/// One downloadable table.
#[derive(Debug)]
pub struct Dataset {
    /// The file name without extension (`/daten/ideen.csv`); its description is the
    /// catalogue's `data-set-{name}`.
    pub name: &'static str,
    pub columns: &'static [Column],
    sql: &'static str,
}

/// A visible idea `i`: not hidden, not by a blocked author (withdrawn and merged ideas stay
/// readable on their pages, so they are in the files too).
macro_rules! visible_idea {
    () => {
        "i.hidden_at IS NULL AND i.author_blocked = 0"
    };
}

/// The trail's steps of visible ideas, for the status changes and the answers.
macro_rules! transitions_of_visible_ideas {
    () => {
        concat!(
            "SELECT tr.id, tr.idea_id, tr.from_status, tr.to_status, tr.actor_name,
                    tr.actor_role, tr.note, tr.created_at
             FROM idea_transitions tr JOIN ideas i ON i.id = tr.idea_id WHERE ",
            visible_idea!()
        )
    };
}

use Kind::{Day, Int, Note, Text, Time};

pub const DATASETS: [Dataset; 9] = [
    Dataset {
        name: "ideen",
        columns: &[
            col("id", Int),
            col("theme", Text),
            col("title", Text),
            col("body", Text),
            col("status", Text),
            col("author", Text),
            col("organisation", Text),
            col("supports", Int),
            col("comments", Int),
            col("created_at", Time),
            col("edited_at", Time),
            col("merged_into", Int),
        ],
        sql: concat!(
            "SELECT i.id, t.slug, i.title, i.body, i.status, u.display_name, o.name,
                     i.support_count, i.comment_count, i.created_at, i.edited_at, i.merged_into
              FROM ideas i JOIN themes t ON t.id = i.theme_id JOIN users u ON u.id = i.author_id
              LEFT JOIN organisations o ON o.id = i.organisation_id
              WHERE ",
            visible_idea!(),
            " ORDER BY i.id"
        ),
    },
    Dataset {
        name: "kommentare",
        columns: &[
            col("id", Int),
            col("idea", Int),
            col("parent", Int),
            col("author", Text),
            col("organisation", Text),
            col("body", Text),
            col("created_at", Time),
            col("edited_at", Time),
        ],
        sql: concat!(
            "SELECT c.id, c.idea_id, c.parent_id, u.display_name, o.name, c.body, c.created_at,
                     c.edited_at
              FROM comments c JOIN users u ON u.id = c.author_id JOIN ideas i ON i.id = c.idea_id
              LEFT JOIN organisations o ON o.id = c.organisation_id
              WHERE c.deleted_at IS NULL AND c.hidden_at IS NULL AND u.blocked_at IS NULL
                AND ",
            visible_idea!(),
            "
              ORDER BY c.id"
        ),
    },
    Dataset {
        name: "unterstuetzungen",
        columns: &[col("idea", Int), col("day", Day), col("supports", Int)],
        // Counts only: who supported stays private.
        sql: concat!(
            "SELECT s.idea_id, s.created_at / 86400 AS day, COUNT(*) AS supports
              FROM supports s JOIN ideas i ON i.id = s.idea_id
              WHERE ",
            visible_idea!(),
            "
              GROUP BY s.idea_id, s.created_at / 86400 ORDER BY s.idea_id, day"
        ),
    },
    Dataset {
        name: "statuswechsel",
        columns: TRANSITION_COLUMNS,
        sql: concat!(transitions_of_visible_ideas!(), " ORDER BY tr.id"),
    },
    Dataset {
        name: "antworten",
        columns: TRANSITION_COLUMNS,
        sql: concat!(
            transitions_of_visible_ideas!(),
            " AND tr.to_status IN ('accepted', 'in_progress', 'rejected') ORDER BY tr.id"
        ),
    },
    Dataset {
        name: "werkstatt",
        columns: &[
            col("id", Int),
            col("title", Text),
            col("starts_at", Time),
            col("ends_at", Time),
            col("format", Text),
            col("location", Text),
            col("description", Text),
            col("seats", Int),
            col("theme", Text),
            col("report", Text),
        ],
        // The join link of a digital workshop is only for the people registered.
        sql: "SELECT w.id, w.title, w.starts_at, w.ends_at, w.format,
                     CASE WHEN w.format = 'onsite' THEN w.location ELSE NULL END,
                     w.description, w.seats, t.slug, w.report
              FROM workshops w LEFT JOIN themes t ON t.id = w.theme_id ORDER BY w.id",
    },
    Dataset {
        name: "erkenntnisse",
        columns: &[
            col("id", Int),
            col("workshop", Int),
            col("number", Int),
            col("title", Text),
            col("body", Text),
            col("created_at", Time),
        ],
        sql: "SELECT id, workshop_id, number, title, body, created_at FROM learnings ORDER BY id",
    },
    Dataset {
        name: "verknuepfungen",
        columns: &[col("learning", Int), col("idea", Int)],
        sql: concat!(
            "SELECT li.learning_id, li.idea_id FROM learning_ideas li JOIN ideas i ON i.id = li.idea_id
              WHERE ",
            visible_idea!(),
            "
              ORDER BY li.learning_id, li.idea_id"
        ),
    },
    Dataset {
        name: "moderation",
        columns: &[
            col("id", Int),
            col("created_at", Time),
            col("action", Text),
            col("reason", Text),
            col("note", Note),
            col("by_role", Text),
            col("item_type", Text),
            col("item_id", Int),
        ],
        sql: "SELECT id, created_at, action, NULLIF(reason, ''), note, actor_role, item_type,
                     item_id
              FROM moderation_log ORDER BY id",
    },
];

const TRANSITION_COLUMNS: &[Column] = &[
    col("id", Int),
    col("idea", Int),
    col("from_status", Text),
    col("to_status", Text),
    col("by", Text),
    col("by_role", Text),
    col("note", Text),
    col("created_at", Time),
];

pub fn dataset(name: &str) -> Option<&'static Dataset> {
    DATASETS.iter().find(|d| d.name == name)
}

/// One value of a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Null,
    Int(i64),
    Text(String),
}

fn cells(row: &AnyRow, columns: &[Column]) -> sqlx::Result<Vec<Cell>> {
    columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            Ok(match c.kind {
                Kind::Int | Kind::Time | Kind::Day => row
                    .try_get::<Option<i64>, _>(i)?
                    .map_or(Cell::Null, Cell::Int),
                Kind::Text | Kind::Note => row
                    .try_get::<Option<String>, _>(i)?
                    .map_or(Cell::Null, Cell::Text),
            })
        })
        .collect()
}

/// The dataset's rows one by one, in the order of their ids.
pub fn rows<'e>(
    ex: impl Exec<'e> + 'e,
    d: &'static Dataset,
) -> impl Stream<Item = sqlx::Result<Vec<Cell>>> + 'e {
    sqlx::query(d.sql)
        .fetch(ex)
        .map(move |row| row.and_then(|r| cells(&r, d.columns)))
}
