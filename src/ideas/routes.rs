//! Handlers of the ideas area.

use super::views::{self, IdeaValues};
use crate::comments::views::CommentDraft;
use crate::db::ideas::{IdeaDetail, SubmitOutcome, SupportOutcome};
use crate::db::{self, themes::ThemeRow};
use crate::domain::{Actor, IdeaBody, IdeaId, IdeaTitle, Status, TagId};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::web::forms::new_account_wait;
use crate::web::{Ctx, Form, FormErrors, Path, Query, parse_id};
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use maud::Markup;
use serde::Deserialize;

/// A new account has submitted as many ideas this hour as it may.
const NEW_ACCOUNT_LIMIT: &str = "idea-new-account-limit";
/// How many similar ideas the form shows.
const SIMILAR: i64 = 5;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/ideas", get(|| async { Redirect::to("/") }).post(create))
        .route("/ideas/new", get(new_form))
        .route("/ideas/{id}", get(show))
        .route("/ideas/{id}/edit", get(edit_form).post(update))
        .route("/ideas/{id}/withdraw", get(withdraw_confirm).post(withdraw))
        .route("/ideas/{id}/support", post(support))
        .route("/ideas/{id}/unsupport", post(unsupport))
}

/// `?hinweis=` after supporting: the confirmation travels in the address instead of the
/// session, so a support click writes nothing but the support (no session row to update on
/// the POST and again when the notice is read).
#[derive(Deserialize, Default)]
#[serde(default)]
struct ShowQuery {
    hinweis: String,
}

/// The `hinweis` values, and the support state each confirms.
const NOTE_SUPPORTED: &str = "unterstuetzt";
const NOTE_UNSUPPORTED: &str = "zurueckgezogen";

async fn show(
    State(state): State<AppState>,
    mut ctx: Ctx,
    Path(id): Path,
    Query(q): Query<ShowQuery>,
) -> AppResult<Markup> {
    let idea = super::page::load(&state, parse_id::<IdeaId>(&id)?).await?;
    // Said only while it is true, so an old or shared address claims nothing.
    if let (None, Some(me)) = (&ctx.flash, ctx.user_id()) {
        let claim = match q.hinweis.as_str() {
            NOTE_SUPPORTED => Some((true, views::SUPPORTED)),
            NOTE_UNSUPPORTED => Some((false, views::UNSUPPORTED)),
            _ => None,
        };
        if let Some((supports, key)) = claim {
            if db::ideas::supported_by(&state.db.pool, idea.id, me).await? == supports {
                ctx.flash = Some(crate::i18n::render(&key.into()));
            }
        }
    }
    super::page::render(&state, &ctx, &idea, CommentDraft::default()).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct NewQuery {
    theme: String,
    /// "Idee zu diesem Learning einreichen": the learning the new idea will be linked to.
    learning: String,
}

async fn new_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<NewQuery>,
) -> AppResult<Markup> {
    let me = ctx.require_active_user()?;
    let themes = db::themes::all(&state.db.pool).await?;
    let orgs = db::organisations::verified_for_member(&state.db.pool, me.id).await?;
    let values = IdeaValues {
        theme: q.theme,
        learning: db::workshops::learning_in_form(&state.db.pool, &q.learning).await?,
        tag_choices: db::tags::all(&state.db.pool).await?,
        ..Default::default()
    };
    Ok(views::form(
        &ctx,
        None,
        &themes,
        &orgs,
        &values,
        &FormErrors::new(),
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct IdeaForm {
    theme: String,
    title: String,
    body: String,
    /// Slug of the verified organisation to post for, or empty for oneself.
    as_org: String,
    learning: String,
    tag1: String,
    tag2: String,
    tag3: String,
    /// "pruefen": show the similar ideas and the preview instead of submitting.
    step: String,
}

impl IdeaForm {
    fn values(&self) -> IdeaValues {
        IdeaValues {
            title: self.title.clone(),
            body: self.body.clone(),
            theme: self.theme.clone(),
            as_org: self.as_org.clone(),
            tags: [self.tag1.clone(), self.tag2.clone(), self.tag3.clone()],
            ..Default::default()
        }
    }

    fn tag_ids(&self) -> Vec<TagId> {
        crate::domain::tags::chosen([&self.tag1, &self.tag2, &self.tag3])
    }
}

struct ParsedIdea {
    theme: ThemeRow,
    title: IdeaTitle,
    body: IdeaBody,
}

/// `current_theme` is the theme an edited idea is in now: it stays allowed even if closed.
fn parse(
    form: &IdeaForm,
    themes: &[ThemeRow],
    current_theme: Option<&str>,
    errors: &mut FormErrors,
) -> Option<ParsedIdea> {
    let theme = match themes.iter().find(|t| t.slug == form.theme) {
        None => {
            errors.add("theme", views::L_THEME, views::THEME_MISSING);
            None
        }
        Some(t) if !t.open() && current_theme != Some(t.slug.as_str()) => {
            errors.add("theme", views::L_THEME, views::THEME_CLOSED);
            None
        }
        Some(t) => Some(t.clone()),
    };
    let title = errors.check("title", views::L_TITLE, IdeaTitle::parse(&form.title));
    let body = errors.check("body", views::L_BODY, IdeaBody::parse(&form.body));
    Some(ParsedIdea {
        theme: theme?,
        title: title?,
        body: body?,
    })
}

async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<IdeaForm>,
) -> AppResult<Response> {
    let me = ctx.require_active_user()?;
    let themes = db::themes::all(&state.db.pool).await?;
    let orgs = db::organisations::verified_for_member(&state.db.pool, me.id).await?;
    let learning = db::workshops::learning_in_form(&state.db.pool, &form.learning).await?;
    let tag_choices = db::tags::all(&state.db.pool).await?;
    if form.step == "pruefen" {
        // The no-script step: everything typed stays, the similar ideas and a preview join it.
        let text = format!("{} {}", form.title, form.body);
        let terms = crate::domain::search::similar_terms(&text);
        let similar =
            db::search::similar(&state.db.pool, state.db.backend, &terms, SIMILAR).await?;
        let values = IdeaValues {
            learning,
            tag_choices,
            similar: Some(similar),
            ..form.values()
        };
        let page = views::form(&ctx, None, &themes, &orgs, &values, &FormErrors::new());
        return Ok(page.into_response());
    }
    let mut errors = FormErrors::new();
    let org = crate::web::forms::speaking_for(&orgs, &form.as_org, &mut errors);
    let parsed = parse(&form, &themes, None, &mut errors);
    let (Some(p), Some(org)) = (parsed, org) else {
        let values = IdeaValues {
            learning,
            tag_choices,
            ..form.values()
        };
        let page = views::form(&ctx, None, &themes, &orgs, &values, &errors);
        return Ok(page.into_response());
    };
    let mut tx = state.db.begin_write().await?;
    let limit = state.config.new_account_ideas();
    let idea = db::ideas::NewIdea {
        theme: p.theme.id,
        author: &crate::curation::actor_of(me),
        organisation: org,
        title: p.title.as_str(),
        body: p.body.as_str(),
        limit,
    };
    let id = match db::ideas::submit(&mut tx, state.db.backend, &idea).await? {
        SubmitOutcome::Submitted(id) => id,
        // A new account at its hourly limit: the form again, with the time from which it
        // may submit and everything it typed.
        SubmitOutcome::TooSoon(until) => {
            tx.rollback().await?;
            let wait = new_account_wait(NEW_ACCOUNT_LIMIT, until, limit);
            errors.add_message("body", views::L_BODY, &wait);
            let values = IdeaValues {
                learning,
                tag_choices,
                ..form.values()
            };
            let page = views::form(&ctx, None, &themes, &orgs, &values, &errors);
            return Ok(page.into_response());
        }
    };
    if let Some(l) = &learning {
        db::workshops::link(&mut *tx, l.id, id, me.id).await?;
    }
    let tags = form.tag_ids();
    if !tags.is_empty() {
        db::tags::set_for_idea(&mut tx, id, p.theme.id, &tags).await?;
    }
    let held = db::mail::unconfirmed(&mut *tx, me.id).await?;
    tx.commit().await?;
    let flash = if held {
        "mail-idea-held"
    } else {
        views::IDEA_SUBMITTED
    };
    ctx.session.set_flash(flash).await?;
    Ok(Redirect::to(&format!("/ideas/{id}")).into_response())
}

/// The idea, if the logged-in person wrote it and it can still be changed.
async fn own_open_idea(state: &AppState, ctx: &Ctx, id: &str) -> AppResult<IdeaDetail> {
    let me = ctx.require_user()?;
    let idea = super::page::load(state, parse_id::<IdeaId>(id)?).await?;
    if idea.author_id != me.id || idea.closed() || me.blocked {
        return Err(AppError::Forbidden);
    }
    Ok(idea)
}

async fn edit_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path) -> AppResult<Markup> {
    let idea = own_open_idea(&state, &ctx, &id).await?;
    let themes = db::themes::all(&state.db.pool).await?;
    let values = IdeaValues {
        title: idea.title,
        body: idea.body,
        theme: idea.theme_slug,
        as_org: String::new(),
        ..Default::default()
    };
    Ok(views::form(
        &ctx,
        Some(idea.id.0),
        &themes,
        &[],
        &values,
        &FormErrors::new(),
    ))
}

async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
    Form(form): Form<IdeaForm>,
) -> AppResult<Response> {
    let idea = own_open_idea(&state, &ctx, &id).await?;
    let themes = db::themes::all(&state.db.pool).await?;
    let mut errors = FormErrors::new();
    let Some(p) = parse(&form, &themes, Some(&idea.theme_slug), &mut errors) else {
        return Ok(
            views::form(&ctx, Some(idea.id.0), &themes, &[], &form.values(), &errors)
                .into_response(),
        );
    };
    let mut tx = state.db.begin_write().await?;
    let outcome = db::ideas::edit(
        &mut tx,
        state.db.backend,
        idea.id,
        idea.theme_id,
        p.theme.id,
        p.title.as_str(),
        p.body.as_str(),
    )
    .await?;
    if outcome == db::ideas::EditOutcome::ChangedMeanwhile {
        tx.rollback().await?;
        errors.add("title", views::L_TITLE, views::CHANGED_MEANWHILE);
        let page = views::form(&ctx, Some(idea.id.0), &themes, &[], &form.values(), &errors);
        return Ok(page.into_response());
    }
    tx.commit().await?;
    ctx.session.set_flash(views::IDEA_SAVED).await?;
    Ok(Redirect::to(&format!("/ideas/{}", idea.id)).into_response())
}

async fn withdraw_confirm(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
) -> AppResult<Markup> {
    let idea = own_open_idea(&state, &ctx, &id).await?;
    Ok(views::withdraw_confirm(&ctx, &idea))
}

async fn withdraw(State(state): State<AppState>, ctx: Ctx, Path(id): Path) -> AppResult<Redirect> {
    let idea = own_open_idea(&state, &ctx, &id).await?;
    let me = ctx.require_user()?;
    let mut tx = state.db.begin_write().await?;
    let outcome = crate::curation::change_status(
        &mut tx,
        &state,
        &idea,
        Status::Withdrawn,
        Actor::Author,
        me,
        "",
    )
    .await?;
    tx.commit().await?;
    let flash = match outcome {
        Ok(()) => views::IDEA_WITHDRAWN,
        Err(msg) => msg,
    };
    ctx.session.set_flash(flash).await?;
    Ok(Redirect::to(&format!("/ideas/{}", idea.id)))
}

/// Where a support button sends its reader back to: a list's card sends `next` (its own
/// page and the card's anchor); the idea page's box sends nothing and gets the box.
#[derive(Deserialize, Default)]
#[serde(default)]
struct SupportForm {
    next: String,
}

async fn change_support(
    state: AppState,
    ctx: Ctx,
    id: String,
    add: bool,
    next: &str,
) -> AppResult<Redirect> {
    let me = ctx.require_active_user()?;
    let idea = parse_id::<IdeaId>(&id)?;
    let mut tx = state.db.begin_write().await?;
    let outcome = db::ideas::change_support(&mut tx, state.db.backend, idea, me.id, add).await?;
    match outcome {
        SupportOutcome::NotFound => Err(AppError::NotFound),
        SupportOutcome::Closed(idea) => {
            tx.rollback().await?;
            ctx.session.set_flash(views::WITHDRAWN_NO_CHANGE).await?;
            Ok(Redirect::to(&format!("/ideas/{idea}")))
        }
        SupportOutcome::Held(idea) => {
            tx.commit().await?;
            ctx.session.set_flash("mail-support-held").await?;
            Ok(Redirect::to(&format!("/ideas/{idea}#unterstuetzen")))
        }
        SupportOutcome::Done(idea) => {
            tx.commit().await?;
            let (note, flash) = if add {
                (NOTE_SUPPORTED, views::SUPPORTED)
            } else {
                (NOTE_UNSUPPORTED, views::UNSUPPORTED)
            };
            if next.is_empty() {
                Ok(Redirect::to(&format!(
                    "/ideas/{idea}?hinweis={note}#unterstuetzen"
                )))
            } else {
                // Back to the list the card was in: its confirmation is the session's notice.
                ctx.session.set_flash(flash).await?;
                Ok(Redirect::to(&crate::web::safe_next(Some(next))))
            }
        }
    }
}

async fn support(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
    Form(form): Form<SupportForm>,
) -> AppResult<Redirect> {
    change_support(state, ctx, id, true, &form.next).await
}

async fn unsupport(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path,
    Form(form): Form<SupportForm>,
) -> AppResult<Redirect> {
    change_support(state, ctx, id, false, &form.next).await
}
