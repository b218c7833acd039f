//! Handlers of the review area (ministry staff and admins only).

use super::views::{self, ReviewPage};
use crate::db::curation::{Answer, InternalNote};
use crate::db::{self, ideas::QueueSort};
use crate::domain::{IdeaId, Status};
use crate::error::AppResult;
use crate::i18n::Label;
use crate::state::AppState;
use crate::web::csv::Csv;
use crate::web::{Ctx, Query};
use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use maud::Markup;
use serde::Deserialize;
use std::collections::HashMap;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/review", get(review))
        .route("/review.csv", get(export))
}

/// The statuses the review desk works with.
pub const REVIEW_STATUSES: [Status; 6] = [
    Status::Forwarded,
    Status::Acknowledged,
    Status::Accepted,
    Status::InProgress,
    Status::Rejected,
    Status::Implemented,
];

/// Waiting for the ministry's answer: the review list's default.
pub const WAITING: [Status; 2] = [Status::Forwarded, Status::Acknowledged];

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct ReviewQuery {
    pub theme: String,
    pub status: String,
}

impl ReviewQuery {
    /// The chosen status, "alle" for every review status; default: waiting for an answer
    /// (forwarded, with or without a confirmation of receipt).
    pub fn statuses(&self) -> Vec<Status> {
        match self.status.as_str() {
            "alle" => REVIEW_STATUSES.to_vec(),
            // An unknown value in the address shows the default list, not an error.
            _ => match self.chosen() {
                Some(status) => vec![status],
                None => WAITING.to_vec(),
            },
        }
    }

    /// The one review status the address names, if it names one.
    pub fn chosen(&self) -> Option<Status> {
        Status::parse(&self.status).filter(|st| REVIEW_STATUSES.contains(st))
    }

    pub fn query_string(&self) -> String {
        form_urlencoded::Serializer::new(String::new())
            .append_pair("theme", &self.theme)
            .append_pair("status", &self.status)
            .finish()
    }
}

struct Loaded {
    themes: Vec<db::themes::ThemeRow>,
    ideas: Vec<db::ideas::QueueIdea>,
    notes: HashMap<IdeaId, Vec<(Status, String)>>,
    internal: HashMap<IdeaId, Vec<InternalNote>>,
    learnings: HashMap<IdeaId, Vec<db::workshops::LearningRow>>,
}

async fn load(state: &AppState, q: &ReviewQuery) -> AppResult<Loaded> {
    let themes = db::themes::all(&state.db.pool).await?;
    let theme = themes.iter().find(|t| t.slug == q.theme).map(|t| t.id);
    let ideas = db::ideas::by_statuses(
        &state.db.pool,
        &q.statuses(),
        theme,
        QueueSort::Supports,
        false,
        500,
    )
    .await?;
    let ids: Vec<IdeaId> = ideas.iter().map(|i| i.id).collect();
    let mut notes: HashMap<IdeaId, Vec<(Status, String)>> = HashMap::new();
    for (id, status, note) in db::curation::moderation_notes(&state.db.pool, &ids).await? {
        notes.entry(id).or_default().push((status, note));
    }
    // The staff's internal notes: this desk is for ministry staff and admins only.
    let mut internal: HashMap<IdeaId, Vec<InternalNote>> = HashMap::new();
    for n in db::curation::internal_notes(&state.db.pool, &ids).await? {
        internal.entry(n.idea_id).or_default().push(n);
    }
    // What the Innovationswerkstatt learned about each idea, for the ministry's reading.
    let mut learnings: HashMap<IdeaId, Vec<db::workshops::LearningRow>> = HashMap::new();
    for row in db::workshops::learnings_of_ideas(&state.db.pool, &ids).await? {
        learnings.entry(row.idea_id).or_default().push(row.learning);
    }
    Ok(Loaded {
        themes,
        ideas,
        notes,
        internal,
        learnings,
    })
}

async fn review(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<ReviewQuery>,
) -> AppResult<Markup> {
    ctx.require_ministry()?;
    let l = load(&state, &q).await?;
    Ok(views::review(
        &ctx,
        &ReviewPage {
            query: &q,
            themes: &l.themes,
            ideas: &l.ideas,
            notes: &l.notes,
            internal: &l.internal,
            learnings: &l.learnings,
        },
    ))
}

async fn export(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<ReviewQuery>,
) -> AppResult<Response> {
    ctx.require_ministry()?;
    let l = load(&state, &q).await?;
    // Only the file carries the answers (the page shows them in each idea's trail).
    let ids: Vec<IdeaId> = l.ideas.iter().map(|i| i.id).collect();
    let answers: HashMap<IdeaId, Answer> = db::curation::latest_answers(&state.db.pool, &ids)
        .await?
        .into_iter()
        .map(|a| (a.idea_id, a))
        .collect();
    let header: Vec<String> = views::CSV_HEADER
        .iter()
        .map(|k| crate::i18n::t(k))
        .collect();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let mut csv = Csv::new(&header);
    // The public link: absolute with the configured address, else the path (the reader's
    // own address is not known to a file opened later).
    let base = state.config.base_url.as_deref().unwrap_or("");
    for i in &l.ideas {
        let notes = l
            .notes
            .get(&i.id)
            .map(|n| {
                n.iter()
                    .map(|(_, note)| note.as_str())
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .unwrap_or_default();
        let internal = l
            .internal
            .get(&i.id)
            .map(|n| {
                n.iter()
                    .map(|n| format!("{} ({}): {}", n.to_status.label(), n.author_name, n.note))
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .unwrap_or_default();
        let (answer, answered_on) = answers.get(&i.id).map_or_else(Default::default, |a| {
            (
                a.note.clone(),
                crate::web::datetime::format_date(a.created_at),
            )
        });
        let status = i.status.label();
        csv.row(&[
            i.id.to_string(),
            i.title.clone(),
            i.theme_name.clone(),
            status,
            i.support_count.to_string(),
            i.comment_count.to_string(),
            crate::web::datetime::format_date(i.created_at),
            i.author_name.clone(),
            notes,
            crate::web::markdown::plain_document(&i.body),
            internal,
            answer,
            answered_on,
            format!("{base}/ideas/{}", i.id),
        ]);
    }
    let day = crate::web::datetime::to_berlin(db::now());
    let name = format!(
        "mitdenken-pruefung-{}-{:02}-{:02}.csv",
        day.year(),
        u8::from(day.month()),
        day.day()
    );
    Ok(csv.into_download(&name))
}
