//! Tags: each theme's list (kept by moderators) and the tags of each idea (at most three,
//! only of the idea's own theme). A tag counts only while its idea is in the tag's theme, so
//! moving an idea needs no clean-up here.

use super::{Exec, Tx};
use crate::domain::tags::MAX_PER_IDEA;
use crate::domain::{IdeaId, TagId, ThemeId};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Tag {
    pub id: TagId,
    pub theme_id: ThemeId,
    pub slug: String,
    pub name: String,
}

/// A theme's tags, by name.
pub async fn of_theme<'e>(ex: impl Exec<'e>, theme: ThemeId) -> sqlx::Result<Vec<Tag>> {
    sqlx::query_as(
        "SELECT id, theme_id, slug, name FROM tags WHERE theme_id = $1 ORDER BY name, id",
    )
    .bind(theme)
    .fetch_all(ex)
    .await
}

/// Every theme's tags, by theme and name (the idea form offers them grouped by theme).
pub async fn all<'e>(ex: impl Exec<'e>) -> sqlx::Result<Vec<Tag>> {
    sqlx::query_as("SELECT id, theme_id, slug, name FROM tags ORDER BY theme_id, name, id")
        .fetch_all(ex)
        .await
}

/// One tag of a theme by its slug.
pub async fn by_slug<'e>(
    ex: impl Exec<'e>,
    theme: ThemeId,
    slug: &str,
) -> sqlx::Result<Option<Tag>> {
    sqlx::query_as("SELECT id, theme_id, slug, name FROM tags WHERE theme_id = $1 AND slug = $2")
        .bind(theme)
        .bind(slug)
        .fetch_optional(ex)
        .await
}

/// Adds a tag to a theme; a slug the theme already has is a unique violation.
pub async fn add<'e>(
    ex: impl Exec<'e>,
    theme: ThemeId,
    slug: &str,
    name: &str,
    now: i64,
) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO tags (theme_id, slug, name, created_at) VALUES ($1, $2, $3, $4)")
        .bind(theme)
        .bind(slug)
        .bind(name)
        .bind(now)
        .execute(ex)
        .await?;
    Ok(())
}

/// Removes a tag from its theme and from every idea carrying it.
pub async fn delete(tx: &mut Tx, tag: TagId) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM idea_tags WHERE tag_id = $1")
        .bind(tag)
        .execute(&mut **tx)
        .await?;
    sqlx::query("DELETE FROM tags WHERE id = $1")
        .bind(tag)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The tags an idea shows: those of its own theme.
pub async fn of_idea<'e>(ex: impl Exec<'e>, idea: IdeaId) -> sqlx::Result<Vec<Tag>> {
    sqlx::query_as(
        "SELECT g.id, g.theme_id, g.slug, g.name FROM idea_tags it
         JOIN tags g ON g.id = it.tag_id JOIN ideas i ON i.id = it.idea_id
         WHERE it.idea_id = $1 AND g.theme_id = i.theme_id ORDER BY g.name, g.id",
    )
    .bind(idea)
    .fetch_all(ex)
    .await
}

/// The tags of the ideas of one list page, in one query.
pub async fn of_ideas<'e>(ex: impl Exec<'e>, ids: &[IdeaId]) -> sqlx::Result<Vec<(IdeaId, Tag)>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<(IdeaId, TagId, ThemeId, String, String)> = sqlx::query_as(&format!(
        "SELECT it.idea_id, g.id, g.theme_id, g.slug, g.name FROM idea_tags it
         JOIN tags g ON g.id = it.tag_id JOIN ideas i ON i.id = it.idea_id
         WHERE it.idea_id IN ({}) AND g.theme_id = i.theme_id ORDER BY g.name, g.id",
        super::id_list(ids)
    ))
    .fetch_all(ex)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(idea, id, theme_id, slug, name)| {
            (
                idea,
                Tag {
                    id,
                    theme_id,
                    slug,
                    name,
                },
            )
        })
        .collect())
}

/// The names of all tags, one per slug (the filter of `/ideen` spans themes).
pub async fn names<'e>(ex: impl Exec<'e>) -> sqlx::Result<Vec<(String, String)>> {
    sqlx::query_as("SELECT slug, MIN(name) FROM tags GROUP BY slug ORDER BY MIN(name), slug")
        .fetch_all(ex)
        .await
}

/// Sets an idea's tags to `chosen` (ids of tags of `theme`; others and any beyond the
/// third are dropped: the form offers only the theme's tags and says so).
pub async fn set_for_idea(
    tx: &mut Tx,
    idea: IdeaId,
    theme: ThemeId,
    chosen: &[TagId],
) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM idea_tags WHERE idea_id = $1")
        .bind(idea)
        .execute(&mut **tx)
        .await?;
    let own: Vec<TagId> = sqlx::query_scalar("SELECT id FROM tags WHERE theme_id = $1")
        .bind(theme)
        .fetch_all(&mut **tx)
        .await?;
    let mut kept: Vec<TagId> = Vec::new();
    for t in chosen {
        if own.contains(t) && !kept.contains(t) && kept.len() < MAX_PER_IDEA {
            kept.push(*t);
        }
    }
    for t in kept {
        sqlx::query("INSERT INTO idea_tags (idea_id, tag_id) VALUES ($1, $2)")
            .bind(idea)
            .bind(t)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// Fills in the tags of a page of cards.
pub async fn attach<'e>(
    ex: impl Exec<'e>,
    cards: &mut [super::ideas::IdeaCard],
) -> sqlx::Result<()> {
    let ids: Vec<IdeaId> = cards.iter().map(|c| c.id).collect();
    for (idea, tag) in of_ideas(ex, &ids).await? {
        if let Some(c) = cards.iter_mut().find(|c| c.id == idea) {
            c.tags.push(tag);
        }
    }
    Ok(())
}

/// SQL: `id` names an idea carrying the tag whose slug is in placeholder `param`, counted only
/// while the idea is in the tag's theme (moving an idea needs no clean-up). Not correlated
/// with the outer row, so the planner may start from the tag's few ideas.
pub(crate) fn tagged(id: &str, param: &str) -> String {
    format!(
        "{id} IN (SELECT it.idea_id FROM tags g
           JOIN idea_tags it ON it.tag_id = g.id
           JOIN ideas x ON x.id = it.idea_id AND x.theme_id = g.theme_id
           WHERE g.slug = {param})"
    )
}
