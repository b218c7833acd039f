//! Atom feeds, so journalists, researchers and other offices can follow the board without an
//! account: newest ideas, a theme's ideas, one idea's trail and comments, the ministry's
//! answers, the workshops and their learnings.

pub mod atom;

use crate::db;
use crate::db::feeds::{FeedComment, FeedIdea, FeedLearning, FeedTransition, FeedWorkshop};
use crate::domain::IdeaId;
use crate::error::{AppError, AppResult};
use crate::i18n::{Label, t, ta};
use crate::state::AppState;
use crate::web::layout::Feed;
use crate::web::markdown;
use atom::{EntryParts, LIMIT, Site, entry};
use atom_syndication::Entry;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::get;
use maud::html;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/feeds/ideen.atom", get(ideas))
        .route("/feeds/themen/{file}", get(theme))
        .route("/feeds/ideen/{file}", get(idea))
        .route("/feeds/antworten.atom", get(answers))
        .route("/feeds/werkstatt.atom", get(workshop))
}

/// The feeds the pages offer, in the page's language (for `layout::page_with_feeds`).
pub fn newest_ideas_feed() -> Feed {
    Feed {
        path: "/feeds/ideen.atom".into(),
        title: t("feed-ideas-title"),
    }
}

pub fn answers_feed() -> Feed {
    Feed {
        path: "/feeds/antworten.atom".into(),
        title: t("feed-answers-title"),
    }
}

pub fn theme_feed(slug: &str, name: &str) -> Feed {
    Feed {
        path: format!("/feeds/themen/{slug}.atom"),
        title: ta("feed-theme-title", &[("name", name.to_string().into())]),
    }
}

/// Named without the idea's title: people's text stays out of attributes (the page's own
/// title names the idea).
pub fn idea_feed(id: IdeaId) -> Feed {
    Feed {
        path: format!("/feeds/ideen/{id}.atom"),
        title: t("feed-this-idea-title"),
    }
}

pub fn workshop_feed() -> Feed {
    Feed {
        path: "/feeds/werkstatt.atom".into(),
        title: t("feed-workshops-title"),
    }
}

fn site(state: &AppState, headers: &HeaderMap) -> AppResult<Site> {
    Site::of(
        state.config.base_url.as_deref(),
        state.config.secure_cookies,
        headers,
    )
}

/// `name.atom` -> `name`; anything else is no feed of ours.
fn strip_atom(file: &str) -> AppResult<&str> {
    file.strip_suffix(".atom").ok_or(AppError::NotFound)
}

fn idea_entry(site: &Site, i: &FeedIdea) -> Entry {
    entry(EntryParts {
        id: site.id(&format!("idea-{}", i.id)),
        title: i.title.clone(),
        published: i.created_at,
        updated: i.edited_at.unwrap_or(i.created_at),
        author: Some(&i.author_name),
        link: site.url(&format!("/ideas/{}", i.id)),
        html: markdown::render(&i.body).0,
        // The theme in the feed's language (the German name where it has no English one).
        category: Some(crate::i18n::localized(&i.theme_name, &i.theme_name_en).0),
    })
}

fn transition_entry(site: &Site, tr: &FeedTransition, title: String) -> Entry {
    entry(EntryParts {
        id: site.id(&format!("transition-{}", tr.id)),
        title,
        published: tr.created_at,
        updated: tr.created_at,
        author: Some(&tr.actor_name),
        link: site.url(&format!("/ideas/{}", tr.idea_id)),
        // Notes are plain text on the pages too.
        html: html! { @if !tr.note.is_empty() { p { (tr.note) } } }.0,
        category: None,
    })
}

fn comment_entry(site: &Site, c: &FeedComment) -> Entry {
    entry(EntryParts {
        id: site.id(&format!("comment-{}", c.id)),
        title: ta(
            "feed-comment-title",
            &[("name", c.author_name.clone().into())],
        ),
        published: c.created_at,
        updated: c.edited_at.unwrap_or(c.created_at),
        author: Some(&c.author_name),
        link: site.url(&format!("/comments/{}", c.id)),
        html: markdown::render(&c.body).0,
        category: None,
    })
}

fn workshop_entry(site: &Site, w: &FeedWorkshop) -> Entry {
    let when = crate::web::datetime::format(w.starts_at);
    entry(EntryParts {
        id: site.id(&format!("workshop-{}", w.id)),
        title: w.title.clone(),
        published: w.created_at,
        updated: w.updated_at,
        author: None,
        link: site.url(&format!("/workshops/{}", w.id)),
        html: html! {
            p { (ta("feed-workshop-when", &[("when", when.into())])) }
            (markdown::render(&w.description))
        }
        .0,
        category: None,
    })
}

fn learning_entry(site: &Site, l: &FeedLearning) -> Entry {
    entry(EntryParts {
        id: site.id(&format!("learning-{}", l.id)),
        title: ta(
            "feed-learning-title",
            &[
                ("number", l.number.into()),
                ("title", l.title.clone().into()),
                ("workshop", l.workshop_title.clone().into()),
            ],
        ),
        published: l.created_at,
        updated: l.created_at,
        author: None,
        link: site.url(&format!("/workshops/{}#learning-{}", l.workshop_id, l.id)),
        // Learnings are plain text, drawn as on the workshop page.
        html: crate::workshops::views::paragraphs(&l.body).0,
        category: None,
    })
}

async fn ideas(State(state): State<AppState>, headers: HeaderMap) -> AppResult<Response> {
    let site = site(&state, &headers)?;
    let rows = db::feeds::newest_ideas(&state.db.pool, LIMIT).await?;
    let entries = rows.iter().map(|i| idea_entry(&site, i)).collect();
    let feed = atom::feed(
        &site,
        "ideen",
        "/feeds/ideen.atom",
        "/",
        t("feed-ideas-title"),
        entries,
    );
    atom::respond(&feed, &headers)
}

async fn theme(
    State(state): State<AppState>,
    Path(file): Path<String>,
    headers: HeaderMap,
) -> AppResult<Response> {
    let slug = strip_atom(&file)?;
    let site = site(&state, &headers)?;
    let theme = db::themes::by_slug(&state.db.pool, slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let rows = db::feeds::theme_ideas(&state.db.pool, theme.id, LIMIT).await?;
    let entries = rows.iter().map(|i| idea_entry(&site, i)).collect();
    let feed = atom::feed(
        &site,
        &format!("theme-{}", theme.slug),
        &format!("/feeds/themen/{}.atom", theme.slug),
        &format!("/themes/{}", theme.slug),
        ta(
            "feed-theme-title",
            &[(
                "name",
                crate::i18n::localized(&theme.name, &theme.name_en)
                    .0
                    .to_string()
                    .into(),
            )],
        ),
        entries,
    );
    atom::respond(&feed, &headers)
}

async fn idea(
    State(state): State<AppState>,
    Path(file): Path<String>,
    headers: HeaderMap,
) -> AppResult<Response> {
    let id: IdeaId = crate::web::parse_id(strip_atom(&file)?)?;
    let site = site(&state, &headers)?;
    let idea = db::ideas::detail(&state.db.pool, id)
        .await?
        .filter(|i| !i.hidden())
        .ok_or(AppError::NotFound)?;
    let trail = db::feeds::idea_trail(&state.db.pool, id, LIMIT).await?;
    let comments = db::feeds::idea_comments(&state.db.pool, id, LIMIT).await?;
    let mut entries: Vec<Entry> = trail
        .iter()
        .map(|tr| {
            let title = ta(
                "feed-status-title",
                &[
                    ("status", tr.to_status.label().into()),
                    ("title", tr.idea_title.clone().into()),
                ],
            );
            transition_entry(&site, tr, title)
        })
        .collect();
    entries.extend(comments.iter().map(|c| comment_entry(&site, c)));
    let feed = atom::feed(
        &site,
        &format!("idea-{id}"),
        &format!("/feeds/ideen/{id}.atom"),
        &format!("/ideas/{id}"),
        ta("feed-idea-title", &[("title", idea.title.clone().into())]),
        entries,
    );
    atom::respond(&feed, &headers)
}

async fn answers(State(state): State<AppState>, headers: HeaderMap) -> AppResult<Response> {
    let site = site(&state, &headers)?;
    let rows = db::feeds::answers(&state.db.pool, LIMIT).await?;
    let entries = rows
        .iter()
        .map(|tr| {
            let title = ta(
                "feed-answer-title",
                &[
                    ("status", tr.to_status.label().into()),
                    ("title", tr.idea_title.clone().into()),
                ],
            );
            transition_entry(&site, tr, title)
        })
        .collect();
    let feed = atom::feed(
        &site,
        "antworten",
        "/feeds/antworten.atom",
        "/",
        t("feed-answers-title"),
        entries,
    );
    atom::respond(&feed, &headers)
}

async fn workshop(State(state): State<AppState>, headers: HeaderMap) -> AppResult<Response> {
    let site = site(&state, &headers)?;
    let workshops = db::feeds::workshops(&state.db.pool, LIMIT).await?;
    let learnings = db::feeds::learnings(&state.db.pool, LIMIT).await?;
    let mut entries: Vec<Entry> = workshops.iter().map(|w| workshop_entry(&site, w)).collect();
    entries.extend(learnings.iter().map(|l| learning_entry(&site, l)));
    let feed = atom::feed(
        &site,
        "werkstatt",
        "/feeds/werkstatt.atom",
        "/workshops",
        t("feed-workshops-title"),
        entries,
    );
    atom::respond(&feed, &headers)
}
