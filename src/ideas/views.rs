//! Pages of the ideas area: the idea page, the idea form, cards for lists.

use crate::accounts::views::role_badge;
use crate::comments::views::{CommentDraft, comments_section};
use crate::db::comments::CommentRow;
use crate::db::curation::{InternalNote, TransitionRow};
use crate::db::ideas::{IdeaCard, IdeaDetail};
use crate::db::organisations::OrgRow;
use crate::db::themes::ThemeRow;
use crate::domain::{Actor, IdeaBody, IdeaTitle, Role, Status};
use crate::i18n::{Label, localized, t as tr, ta};
use crate::moderation::hiding::{hide_form, public_reason};
use crate::organisations::views::{org_badge, speak_as};
use crate::review::views::{forward_form, status_form};
use crate::web::datetime::time_el;
use crate::web::forms::{button_form, csrf_field};
use crate::web::layout::{self, breadcrumbs_lang, encode, title_with_errors};
use crate::web::markdown::{self, Links};
use crate::web::{Ctx, Field, FormErrors};
use maud::{Markup, html};

pub const IDEA_SUBMITTED: &str = "idea-submitted";
pub const IDEA_SAVED: &str = "idea-saved";
pub const IDEA_WITHDRAWN: &str = "idea-withdrawn";
pub const SUPPORTED: &str = "idea-supported";
pub const UNSUPPORTED: &str = "idea-unsupported";
pub const THEME_CLOSED: &str = "idea-theme-closed";
pub const THEME_MISSING: &str = "idea-theme-missing";
pub const CHANGED_MEANWHILE: &str = "idea-changed-meanwhile";
pub const L_THEME: &str = "idea-l-theme";
pub const L_TITLE: &str = "idea-l-title";
pub const L_BODY: &str = "idea-l-body";
pub const HIDDEN_TITLE: &str = "idea-hidden-title";
pub const BLOCKED_REASON: &str = "idea-blocked-reason";
pub const WITHDRAWN_NO_CHANGE: &str = "idea-closed-no-change";

/// Status as text, never by colour alone.
pub fn status_badge(status: Status) -> Markup {
    html! { span class={ "badge status-" (status.as_str()) } { (ta("status-badge", &[("status", status.label().into())])) } }
}

/// Where an idea stands on its road to the ministry, as a step bar: the six stages, the ones
/// behind it ticked, the current one named as such (for screen readers too). Withdrawn and
/// merged ideas left the road; their badge says so and no bar is drawn. The ministry's
/// confirmation of receipt is a stop within "Weitergeleitet" (not every idea makes it, so it
/// is no step of its own that others would skip): the step then says so.
pub fn road(status: Status) -> Markup {
    let at = match status {
        Status::Submitted => 0,
        Status::Discussion => 1,
        Status::Review => 2,
        Status::Forwarded | Status::Acknowledged => 3,
        Status::Accepted | Status::InProgress | Status::Rejected => 4,
        Status::Implemented => 5,
        Status::Withdrawn | Status::Merged => return html! {},
    };
    let steps = [
        tr("road-submitted"),
        tr("road-discussion"),
        tr("road-review"),
        if status == Status::Acknowledged {
            tr("road-acknowledged")
        } else {
            tr("road-forwarded")
        },
        if at == 4 {
            ta("road-answer-is", &[("status", status.label().into())])
        } else {
            tr("road-answer")
        },
        tr("road-implemented"),
    ];
    html! {
        div.road {
            ol aria-label=(tr("road-label")) {
                @for (n, step) in steps.iter().enumerate() {
                    @if n < at {
                        li.done { (step) span.visually-hidden { " " (tr("road-done")) } }
                    } @else if n == at {
                        li.current aria-current="step" { (step) }
                    } @else {
                        li { (step) }
                    }
                }
            }
        }
    }
}

/// A card for lists that do not know their reader (search results, profiles).
pub fn idea_card(i: &IdeaCard) -> Markup {
    card(i, html! {})
}

/// A card with its support button: a form for logged-in people (back to `back`, the list
/// page, at this card), a link through the login for everyone else, and a plain statement
/// once the reader supports it. The hidden idea title tells the many buttons of a list apart.
pub fn idea_card_for(ctx: &Ctx, i: &IdeaCard, supported: bool, back: &str) -> Markup {
    let hidden_title = html! { span.visually-hidden { ": " (i.title) } };
    let actions = html! {
        @if i.status.is_closed() {
        } @else if let Some(user) = &ctx.user {
            @if supported {
                p.supported { (tr(SUPPORTED)) }
            } @else if !user.blocked {
                form.inline method="post" action={ "/ideas/" (i.id) "/support" } {
                    (csrf_field(ctx.csrf()))
                    input type="hidden" name="next" value={ (back) "#idee-" (i.id) };
                    button type="submit" { (tr("idea-support-button")) (hidden_title) }
                }
            }
        } @else {
            a.button href={ "/login?next=" (encode(&format!("/ideas/{}#unterstuetzen", i.id))) } { (tr("idea-support-button")) (hidden_title) }
        }
    };
    card(i, actions)
}

fn card(i: &IdeaCard, actions: Markup) -> Markup {
    html! {
        article.idea-card id={ "idee-" (i.id) } {
            h3 { a href={ "/ideas/" (i.id) } { (i.title) } }
            p.meta {
                (status_badge(i.status)) " "
                (tr("idea-by")) " " a href={ "/users/" (i.author_id) } { (i.author_name) } (role_badge(i.author_role))
                (org_badge(i.org_name.as_deref(), i.org_slug.as_deref(), i.org_verified))
                ", " (time_el(i.created_at))
            }
            @if !i.excerpt.is_empty() {
                p.excerpt { (crate::web::excerpt(&markdown::plain_text(&i.excerpt), 220)) }
            }
            div.card-foot {
                p.counts {
                    span.support-total { (ta("n-supports", &[("count", i.support_count.into())])) }
                    span { (ta("n-comments", &[("count", i.comment_count.into())])) }
                    @if i.recent > 0 {
                        span { (ta("idea-recent", &[("count", i.recent.into())])) }
                    }
                }
                (actions)
            }
            (tag_list(&i.tags))
        }
    }
}

/// An idea's tags, each a link to the ideas of that tag across themes.
pub fn tag_list(tags: &[crate::db::tags::Tag]) -> Markup {
    html! {
        @if !tags.is_empty() {
            ul.tags aria-label=(tr("tags-label")) {
                @for g in tags { li { a href={ "/ideen?tag=" (g.slug) } { (g.name) } } }
            }
        }
    }
}

pub struct IdeaPage<'a> {
    pub idea: &'a IdeaDetail,
    pub comments: &'a [CommentRow],
    pub supported: bool,
    pub draft: CommentDraft,
    pub trail: &'a [TransitionRow],
    /// The internal notes of the trail's steps (empty unless the reader is staff).
    pub internal_notes: &'a [InternalNote],
    pub merged_into: Option<&'a IdeaDetail>,
    /// Verified organisations the viewer may comment for.
    pub orgs: &'a [OrgRow],
    pub learnings: crate::workshops::views::IdeaLearnings,
    pub tags: &'a [crate::db::tags::Tag],
    /// The theme's tags, for a moderator's retagging (empty for everyone else).
    pub tag_choices: &'a [crate::db::tags::Tag],
    /// How long after registering an author's links are marked `ugc` (the configured
    /// new-account window).
    pub new_account_secs: i64,
    /// "Folgen" / "Nicht mehr folgen" (notifications area).
    pub follow: maud::Markup,
    /// The operator's own words on how supports count (`MITDENKEN_SUPPORT_RULE`).
    pub support_rule: Option<&'a str>,
}

/// The ministry's latest answer, shown above everything else once it exists.
fn answer(trail: &[TransitionRow]) -> Markup {
    let latest = trail
        .iter()
        .rev()
        .find(|t| Status::ANSWERS.contains(&t.to_status) && !t.note.is_empty());
    html! {
        @if let Some(t) = latest {
            section.answer aria-labelledby="answer-title" {
                h2 #answer-title { (tr("idea-answer")) }
                p.meta { (status_badge(t.to_status)) " · " (t.actor_name) " " (tr("on-date")) " " (time_el(t.created_at)) }
                p.answer-text { (t.note) }
            }
        }
    }
}

/// The public road of the idea, oldest first; for staff with the internal notes beside
/// their steps, marked as not public.
fn trail(trail: &[TransitionRow], internal: &[InternalNote]) -> Markup {
    html! {
        section.trail #verlauf aria-labelledby="trail-title" {
            h2 #trail-title { (tr("idea-trail")) }
            ol {
                @for t in trail {
                    li {
                        (time_el(t.created_at)) ": "
                        strong { (t.to_status.label()) }
                        " – " (t.actor_name)
                        @if t.actor_role.is_staff() { " (" (t.actor_role.label()) ")" }
                        @if !t.note.is_empty() { p.trail-note { (t.note) } }
                        @for n in internal.iter().filter(|n| n.transition_id == t.id) {
                            (internal_note(n))
                        }
                    }
                }
            }
        }
    }
}

/// Passing the idea on without any third party: its address in a read-only field (select
/// and copy, no script needed; `share.js` adds a copy button) and a `mailto:` link that opens
/// the reader's own mail program with subject and link filled in.
fn share(ctx: &Ctx, i: &IdeaDetail) -> Markup {
    let path = format!("/ideas/{}", i.id);
    let url = match &ctx.origin {
        Some(origin) => format!("{origin}{path}"),
        None => path,
    };
    let subject = ta("share-mail-subject", &[("title", i.title.clone().into())]);
    let body = ta("share-mail-body", &[("url", url.clone().into())]);
    let mailto = format!(
        "mailto:?subject={}&body={}",
        mail_encode(&subject),
        mail_encode(&body)
    );
    html! {
        section.share #teilen aria-labelledby="share-title" {
            h2 #share-title { (tr("share-title")) }
            div.field {
                label for="share-link" { (tr("share-link-label")) }
                p.hint #share-link-hint { (tr("share-link-hint")) }
                div.share-row {
                    input #share-link type="text" readonly value=(url) aria-describedby="share-link-hint";
                    // Shown by share.js only: without a script there is nothing to click.
                    button.share-copy type="button" hidden data-copy="share-link" data-done=(tr("share-copied")) data-failed=(tr("share-copy-failed")) { (tr("share-copy")) }
                }
                p.share-status role="status" {}
            }
            p { a.share-mail href=(mailto) { (tr("share-mail")) } }
        }
        script src=(crate::web::assets::share_js_url()) defer {}
    }
}

/// Percent-encoding for a `mailto:` header (RFC 6068): spaces as `%20`, since mail programs
/// show a form-encoded `+` as it is.
fn mail_encode(s: &str) -> String {
    encode(s).replace('+', "%20")
}

/// One internal note, for staff eyes only, marked as such in words.
pub fn internal_note(n: &InternalNote) -> Markup {
    html! {
        div.internal-note {
            p.meta { strong { (tr("internal-note-label")) } " – " (n.author_name) }
            p.trail-note { (n.note) }
        }
    }
}

/// What moderators see on an idea: hide or show it, merge it into another.
fn moderation_tools(ctx: &Ctx, i: &IdeaDetail) -> Markup {
    html! {
        section.moderation-tools aria-labelledby="mod-title" {
            h2 #mod-title { (tr("nav-moderation")) }
            div.actions {
                @if i.hidden_at.is_some() {
                    (button_form(&format!("/moderation/ideas/{}/unhide", i.id), ctx.csrf(), &tr("mod-show-again"), ""))
                } @else {
                    (hide_form(ctx, &format!("/moderation/ideas/{}/hide", i.id), &format!("i{}", i.id)))
                }
                @if !i.closed() {
                    details.moderate {
                        summary { (tr("idea-merge")) }
                        form.stack method="post" action={ "/moderation/ideas/" (i.id) "/merge" } {
                            (csrf_field(ctx.csrf()))
                            div.field {
                                label for="merge-target" { (tr("idea-merge-target")) }
                                input #merge-target type="text" inputmode="numeric" name="target" required;
                            }
                            div.field {
                                label for="merge-note" { (tr("idea-merge-note")) }
                                textarea #merge-note name="note" rows="2" maxlength="5000" {}
                            }
                            button type="submit" { (tr("idea-merge-button")) }
                        }
                    }
                }
                a href={ "/users/" (i.author_id) "#moderation" } { (tr("idea-block-author")) }
            }
        }
    }
}

pub fn show(ctx: &Ctx, p: &IdeaPage) -> Markup {
    let i = p.idea;
    let is_author = ctx.user_id() == Some(i.author_id);
    let staff_role = ctx
        .user
        .as_ref()
        .map(|u| u.role)
        .filter(|r| *r != Role::Participant);
    let can_act = ctx.user.as_ref().is_some_and(|u| !u.blocked);
    let links = Links::of_post(i.first_post(p.new_account_secs));
    let title = if i.hidden() {
        tr(HIDDEN_TITLE)
    } else {
        i.title.clone()
    };
    // A hidden idea has no feed (it answers 404), so its page names none.
    let feeds: Vec<_> = (!i.hidden())
        .then(|| crate::feeds::idea_feed(i.id))
        .into_iter()
        .collect();
    let (theme_name, theme_lang) = localized(&i.theme_name, &i.theme_name_en);
    let theme_href = format!("/themes/{}", i.theme_slug);
    layout::page_with_feeds(
        ctx,
        &title,
        &feeds,
        html! {
            (breadcrumbs_lang(&[("/", &tr("nav-themes"), None), (&theme_href, theme_name, theme_lang)]))
            article.idea {
                h1 { (title) }
                p.meta {
                    (status_badge(i.status)) " "
                    (ta("idea-number", &[("id", i.id.0.into())])) " · " (tr("idea-submitted-by")) " " a href={ "/users/" (i.author_id) } { (i.author_name) } (role_badge(i.author_role))
                    (org_badge(i.org_name.as_deref(), i.org_slug.as_deref(), i.org_verified))
                    " " (tr("on-date")) " " (time_el(i.created_at)) " " (tr("idea-in-theme")) " "
                    a href=(theme_href) lang=[theme_lang] { (theme_name) }
                    @if let Some(e) = i.edited_at { " · " (tr("edited-on")) " " (time_el(e)) }
                }
                (tag_list(p.tags))
                @if ctx.is_moderator() { (crate::tags::views::retag_form(ctx, i.id, p.tag_choices, p.tags)) }
                @if !i.hidden() { (road(i.status)) }
                @if let Some(target) = p.merged_into {
                    p.notice { (tr("idea-merged-into")) " " a href={ "/ideas/" (target.id) } { @if target.hidden() { (tr(HIDDEN_TITLE)) } @else { (target.title) } } ". " (tr("idea-merged-go")) }
                }
                @if let Some(w) = i.withdrawn_at {
                    p.notice { (tr("idea-withdrawn-on")) " " (time_el(w)) }
                }
                @if i.hidden() {
                    p.notice.hidden-notice { (tr("hidden-by-moderation")) " "
                        @if i.author_blocked && i.hidden_at.is_none() { (tr(BLOCKED_REASON)) } @else { (public_reason(i.hidden_reason.as_deref().unwrap_or(""))) } " " (layout::rules_note()) }
                    @if ctx.is_moderator() {
                        div.moderator-view {
                            p.meta { (tr("moderator-only")) }
                            p { strong { (i.title) } }
                            div.idea-body { (markdown::render_post(&i.body, links)) }
                        }
                    }
                } @else {
                    div.idea-body { (markdown::render_post(&i.body, links)) }
                }
                @if is_author && !i.closed() && can_act {
                    div.actions {
                        a.button href={ "/ideas/" (i.id) "/edit" } { (tr("idea-edit")) }
                        @if i.status.transition(Status::Withdrawn, Actor::Author).is_some() {
                            a.button href={ "/ideas/" (i.id) "/withdraw" } { (tr("idea-withdraw")) }
                        }
                    }
                }
                @if can_act && !is_author && !i.hidden() {
                    p.report-link { a href={ "/ideas/" (i.id) "/report" } { (tr("idea-report")) } }
                }
            }
            (answer(p.trail))
            section.support #unterstuetzen aria-labelledby="support-title" {
                h2 #support-title { (tr("idea-support")) }
                p.support-count { (ta("idea-supporters", &[("count", i.support_count.into())])) }
                p.support-rule { @if let Some(rule) = p.support_rule { (rule) } @else { (tr("idea-support-rule")) } }
                @if !i.closed() && !i.hidden() {
                    @if ctx.user.is_some() {
                        @if !can_act {
                        } @else if p.supported {
                            p { (tr("idea-supported")) }
                            (button_form(&format!("/ideas/{}/unsupport", i.id), ctx.csrf(), &tr("idea-unsupport"), ""))
                        } @else {
                            (button_form(&format!("/ideas/{}/support", i.id), ctx.csrf(), &tr("idea-support-button"), "primary"))
                        }
                    } @else {
                        // A real button that leads through the login and back to this box.
                        p { a.button.primary href={ "/login?next=" (encode(&format!("/ideas/{}#unterstuetzen", i.id))) } { (tr("idea-support-button")) } }
                        p.hint { (tr("idea-login-to-support")) }
                    }
                }
            }
            (p.follow)
            @if !i.hidden() { (share(ctx, i)) }
            (trail(p.trail, p.internal_notes))
            (layout::feed_links(&feeds))
            @if let Some(role) = staff_role {
                @if !i.status.next_for(Actor::Staff(role)).is_empty() {
                    section #status aria-labelledby="status-title" {
                        h2 #status-title { (tr("idea-change-status")) }
                        @if let Some(path) = i.status.forward_path(Actor::Staff(role)) {
                            (forward_form(ctx, i.id, path, ""))
                        }
                        (status_form(ctx, i.id, i.status, role, ""))
                    }
                }
            }
            @if ctx.is_moderator() { (moderation_tools(ctx, i)) }
            (crate::workshops::views::idea_section(ctx, i.id, &p.learnings))
            (comments_section(ctx, i, p.comments, &p.draft, p.orgs, p.new_account_secs))
        },
    )
}

#[derive(Default)]
pub struct IdeaValues {
    pub title: String,
    pub body: String,
    pub theme: String,
    pub as_org: String,
    /// Set when the idea starts from a learning of the Innovationswerkstatt.
    pub learning: Option<crate::db::workshops::LearningRow>,
    /// The chosen tags' ids, as sent ("" for none).
    pub tags: [String; 3],
    /// The tags a new idea may take (every open theme's).
    pub tag_choices: Vec<crate::db::tags::Tag>,
    /// After "Ähnliche Ideen prüfen": what the index found for the text so far.
    pub similar: Option<Vec<crate::db::search::Similar>>,
}

/// `editing` is the id of the idea being edited, None for a new one.
pub fn form(
    ctx: &Ctx,
    editing: Option<i64>,
    themes: &[ThemeRow],
    orgs: &[OrgRow],
    v: &IdeaValues,
    errors: &FormErrors,
) -> Markup {
    let (title, action, button) = match editing {
        Some(id) => (
            tr("idea-edit"),
            format!("/ideas/{id}/edit"),
            tr("save-changes"),
        ),
        None => (tr("idea-submit"), "/ideas".to_string(), tr("idea-submit")),
    };
    let theme_error = errors.get("theme");
    layout::page(
        ctx,
        &title_with_errors(&title, !errors.is_empty()),
        html! {
            h1 { (title) }
            @if editing.is_none() {
                p { (tr("idea-form-intro")) }
            }
            (errors.summary())
            form.stack method="post" action=(action) novalidate {
                (csrf_field(ctx.csrf()))
                (crate::workshops::views::idea_form_learning(v.learning.as_ref()))
                div.field.has-error[theme_error.is_some()] {
                    label for="f-theme" { (tr(L_THEME)) }
                    @if let Some(e) = theme_error { p.field-error #f-theme-error { span.visually-hidden { (tr("form-error-prefix")) " " } (e) } }
                    select #f-theme name="theme" required aria-describedby=[theme_error.map(|_| "f-theme-error")] aria-invalid=[theme_error.map(|_| "true")] {
                        option value="" { (tr("idea-choose")) }
                        @for t in themes {
                            @if t.open() || (editing.is_some() && t.slug == v.theme) {
                                @let (name, lang) = localized(&t.name, &t.name_en);
                                option value=(t.slug) selected[t.slug == v.theme] lang=[lang] { (name) }
                            }
                        }
                    }
                }
                (speak_as(orgs, &v.as_org, "idea", errors))
                (Field::text("title", L_TITLE, &v.title)
                    .hint("idea-title-hint")
                    .length(IdeaTitle::MIN, IdeaTitle::MAX).render(errors))
                (Field::textarea("body", L_BODY, &v.body, 12)
                    .hint("idea-body-hint")
                    .length(IdeaBody::MIN, IdeaBody::MAX).render(errors))
                @if editing.is_none() {
                    (crate::tags::views::choices(&v.tag_choices, themes, &v.tags))
                    (crate::search::views::similar_region(v.similar.as_deref(), &v.body))
                    // First in order, so Enter in a field checks before it submits.
                    button type="submit" name="step" value="pruefen" formnovalidate { (tr("similar-check")) } " "
                }
                button.primary type="submit" { (button) }
                @if let Some(id) = editing { " " a href={ "/ideas/" (id) } { (tr("cancel")) } }
            }
        },
    )
}

pub fn withdraw_confirm(ctx: &Ctx, idea: &IdeaDetail) -> Markup {
    layout::page(
        ctx,
        &tr("idea-withdraw"),
        html! {
            h1 { (tr("idea-withdraw")) }
            p { (ta("idea-withdraw-question", &[("title", idea.title.clone().into())])) }
            div.actions {
                (button_form(&format!("/ideas/{}/withdraw", idea.id), ctx.csrf(), &tr("idea-withdraw-yes"), "danger"))
                a href={ "/ideas/" (idea.id) } { (tr("idea-withdraw-no")) }
            }
        },
    )
}
