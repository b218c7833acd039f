//! Pages and partials of the tags area: a theme's tag list, the three tag choices of the
//! idea form and of retagging.

use crate::db::tags::Tag;
use crate::db::themes::ThemeRow;
use crate::i18n::{localized, t as tr, ta};
use crate::web::forms::{button_form, csrf_field};
use crate::web::layout::{self, breadcrumbs_lang, title_with_errors};
use crate::web::{Ctx, Field, FormErrors};
use maud::{Markup, html};

pub const TAG_ADDED: &str = "tag-added";
pub const TAG_DELETED: &str = "tag-deleted";
pub const TAG_TAKEN: &str = "tag-taken";
pub const RETAGGED: &str = "idea-retagged";
pub const L_NAME: &str = "tags-l-name";

pub fn list(ctx: &Ctx, theme: &ThemeRow, tags: &[Tag], name: &str, errors: &FormErrors) -> Markup {
    let (theme_name, theme_lang) = localized(&theme.name, &theme.name_en);
    let title = ta("tags-title", &[("theme", theme_name.to_string().into())]);
    let theme_href = format!("/themes/{}", theme.slug);
    let base = format!("/themes/{}/tags", theme.slug);
    layout::page(
        ctx,
        &title_with_errors(&title, !errors.is_empty()),
        html! {
            (breadcrumbs_lang(&[("/", &tr("nav-themes"), None), (&theme_href, theme_name, theme_lang)]))
            h1 { (title) }
            p { (tr("tags-intro")) }
            @if tags.is_empty() {
                p { (tr("tags-none")) }
            } @else {
                ul.tag-admin {
                    @for t in tags {
                        li {
                            a href={ "/ideen?tag=" (t.slug) } { (t.name) } " "
                            (button_form(&format!("{base}/{}/delete", t.id), ctx.csrf(),
                                &ta("tags-delete-named", &[("name", t.name.clone().into())]), "danger"))
                        }
                    }
                }
            }
            (errors.summary())
            form.stack method="post" action=(base) novalidate {
                (csrf_field(ctx.csrf()))
                (Field::text("name", L_NAME, name).length(2, 40).render(errors))
                button.primary type="submit" { (tr("tags-add")) }
            }
        },
    )
}

/// Three selects ("Schlagwort 1" to "3"), the options grouped by theme when there are
/// several: no script needed, and never more than three.
pub fn choices(tags: &[Tag], themes: &[ThemeRow], chosen: &[String; 3]) -> Markup {
    let grouped = themes.len() > 1;
    html! {
        @if !tags.is_empty() {
            fieldset.tag-choices {
                legend { (tr("idea-tags-legend")) }
                @if grouped { p.hint { (tr("idea-tags-hint")) } }
                @for (n, current) in chosen.iter().enumerate() {
                    p {
                        label for={ "f-tag" (n + 1) } { (tr("list-filter-tag")) " " (n + 1) }
                        select id={ "f-tag" (n + 1) } name={ "tag" (n + 1) } {
                            option value="" { "–" }
                            @if grouped {
                                @for th in themes.iter().filter(|th| tags.iter().any(|t| t.theme_id == th.id)) {
                                    @let (group, group_lang) = localized(&th.name, &th.name_en);
                                    optgroup label=(group) lang=[group_lang] {
                                        @for t in tags.iter().filter(|t| t.theme_id == th.id) {
                                            option value=(t.id) selected[t.id.to_string() == *current] { (t.name) }
                                        }
                                    }
                                }
                            } @else {
                                @for t in tags {
                                    option value=(t.id) selected[t.id.to_string() == *current] { (t.name) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The moderators' form under an idea: its theme's tags, the current ones chosen.
pub fn retag_form(ctx: &Ctx, idea: crate::domain::IdeaId, tags: &[Tag], current: &[Tag]) -> Markup {
    let mut chosen: [String; 3] = Default::default();
    for (slot, t) in chosen.iter_mut().zip(current) {
        *slot = t.id.to_string();
    }
    html! {
        @if !tags.is_empty() {
            details.moderator-view {
                summary { (tr("idea-retag")) }
                form.stack method="post" action={ "/ideas/" (idea) "/tags" } {
                    (csrf_field(ctx.csrf()))
                    (choices(tags, &[], &chosen))
                    button type="submit" { (tr("idea-retag-save")) }
                }
            }
        }
    }
}
