//! The idea list of theme pages and of `/ideen`, written once: what the link asks for
//! (sort, filters, keyset position), the sort links, the filter form, the cards and the
//! pager whose links carry the key of the card they continue from.

use crate::db::ideas::list::{ListFilter, ListPage};
use crate::db::tags::Tag;
use crate::db::themes::ThemeRow;
use crate::db::{self, ideas::Sort};
use crate::domain::listing::{Key, Position};
use crate::domain::{IdeaId, Status};
use crate::error::AppResult;
use crate::i18n::{Label, t as tr, ta};
use crate::state::AppState;
use crate::web::layout::encode;
use crate::web::{Ctx, page_param};
use maud::{Markup, html};
use serde::Deserialize;

pub const PER_PAGE: i64 = 20;

/// The list's part of the address. Everything as text: an odd value falls back to "all"
/// or to the first page, never to an error.
#[derive(Deserialize, Default, Debug)]
#[serde(default)]
pub struct ListParams {
    pub sort: String,
    pub status: String,
    pub tag: String,
    /// Only on `/ideen`: a theme's slug.
    pub theme: String,
    /// The page's number, for "Seite 3 von 9" (the key decides what is shown).
    pub page: String,
    /// The key of the card this page follows.
    pub nach: String,
    /// The key of the card this page precedes.
    pub vor: String,
}

impl ListParams {
    pub fn sort(&self) -> Sort {
        Sort::from_param(Some(&self.sort))
    }

    /// Closed statuses are never listed, so they are no filter either.
    pub fn status(&self) -> Option<Status> {
        Status::parse(&self.status).filter(|s| !s.is_closed())
    }

    pub fn position(&self) -> Position {
        let arity = self.sort().key_arity();
        if let Some(k) = Key::parse(&self.nach, arity) {
            Position::After(k)
        } else if let Some(k) = Key::parse(&self.vor, arity) {
            Position::Before(k)
        } else {
            match page_param(&self.page) {
                1 => Position::First,
                n => Position::Numbered(n),
            }
        }
    }

    pub fn page_number(&self) -> i64 {
        page_param(&self.page)
    }
}

/// One page of the list with its tags, and how many ideas the whole list has.
/// `unfiltered_total` is the number the themes' counters give (kept in step with every
/// write), right when no status or tag narrows the list and the sort is not the trend.
pub async fn load(
    state: &AppState,
    ctx: &Ctx,
    filter: &ListFilter,
    sort: Sort,
    q: &ListParams,
    unfiltered_total: i64,
) -> AppResult<Loaded> {
    let pool = &state.db.pool;
    let mut page = db::ideas::list::page(pool, filter, sort, &q.position(), PER_PAGE).await?;
    db::tags::attach(pool, &mut page.cards).await?;
    let total = match page.trend_total {
        Some(n) if n > 0 => n,
        None if filter.status.is_none() && filter.tag.is_none() => unfiltered_total,
        _ => db::ideas::list::count(pool, filter, sort).await?,
    };
    let supported = match ctx.user_id() {
        Some(me) => {
            let ids: Vec<IdeaId> = page.cards.iter().map(|c| c.id).collect();
            db::ideas::supported_among(pool, me, &ids).await?
        }
        None => Vec::new(),
    };
    Ok(Loaded {
        page,
        total,
        supported,
    })
}

/// A list page as `load` read it.
pub struct Loaded {
    pub page: ListPage,
    /// How many ideas the whole list has.
    pub total: i64,
    /// The cards the reader supports already (their buttons say so).
    pub supported: Vec<IdeaId>,
}

/// The list as the page shows it.
pub struct IdeaList<'a> {
    /// The address of the list without parameters (`/ideen`, `/themes/x`).
    pub base: &'a str,
    pub sort: Sort,
    pub filter: &'a ListFilter,
    /// The theme filter's slug (`/ideen` only).
    pub theme_slug: &'a str,
    /// Offered in the theme filter (`/ideen` only; empty on a theme page).
    pub themes: &'a [ThemeRow],
    /// Offered in the tag filter: (slug, name).
    pub tags: &'a [(String, String)],
    pub page: &'a ListPage,
    pub number: i64,
    pub total: i64,
    /// The cards the reader supports already.
    pub supported: &'a [IdeaId],
}

impl IdeaList<'_> {
    fn pages(&self) -> i64 {
        ((self.total + PER_PAGE - 1) / PER_PAGE).max(1)
    }

    /// This list's address with another sort, at its first page.
    fn href(&self, sort: Sort) -> String {
        let mut url = format!(
            "{}?sort={}&status={}",
            self.base,
            sort.param(),
            self.filter.status.map(Status::as_str).unwrap_or("")
        );
        if !self.theme_slug.is_empty() {
            url.push_str(&format!("&theme={}", encode(self.theme_slug)));
        }
        if let Some(tag) = &self.filter.tag {
            url.push_str(&format!("&tag={}", encode(tag)));
        }
        url
    }

    /// The address of page `number`, continuing after (`nach`) or before (`vor`) a key;
    /// the first page has no key, so its address never changes.
    fn page_href(&self, number: i64, key: Option<(&str, Key)>) -> String {
        let mut url = self.href(self.sort);
        if number > 1
            && let Some((dir, key)) = key
        {
            url.push_str(&format!("&page={number}&{dir}={}", key.param()));
        }
        url
    }
}

fn sort_label(sort: Sort) -> String {
    tr(match sort {
        Sort::Newest => "sort-newest",
        Sort::MostSupported => "sort-supports",
        Sort::MostDiscussed => "sort-discussed",
        Sort::Trending => "sort-trend",
    })
}

/// Sort links, filters, the count, the cards and the pager.
pub fn render(ctx: &Ctx, l: &IdeaList, empty_key: &str) -> Markup {
    let tag_param = l.filter.tag.as_deref().unwrap_or("");
    let number = l.number.min(l.pages());
    html! {
        nav.sort aria-label=(tr("theme-sort-label")) {
            ul {
                @for s in Sort::ALL {
                    li {
                        @if s == l.sort {
                            a href=(l.href(s)) aria-current="page" { (sort_label(s)) }
                        } @else {
                            a href=(l.href(s)) { (sort_label(s)) }
                        }
                    }
                }
            }
        }
        form.search method="get" action=(l.base) {
            input type="hidden" name="sort" value=(l.sort.param());
            @if !l.themes.is_empty() {
                label for="theme-filter" { (tr("list-filter-theme")) }
                select #theme-filter name="theme" {
                    option value="" { (tr("search-all-themes")) }
                    @for t in l.themes {
                        @let (name, lang) = crate::i18n::localized(&t.name, &t.name_en);
                        option value=(t.slug) selected[t.slug == l.theme_slug] lang=[lang] { (name) }
                    }
                }
            }
            label for="status-filter" { (tr("theme-filter-status")) }
            select #status-filter name="status" {
                option value="" { (tr("theme-filter-all")) }
                @for st in Status::ALL.into_iter().filter(|s| !s.is_closed()) {
                    option value=(st.as_str()) selected[l.filter.status == Some(st)] { (st.label()) }
                }
            }
            @if !l.tags.is_empty() {
                label for="tag-filter" { (tr("list-filter-tag")) }
                select #tag-filter name="tag" {
                    option value="" { (tr("list-filter-all-tags")) }
                    @for (slug, name) in l.tags {
                        option value=(slug) selected[slug == tag_param] { (name) }
                    }
                }
            }
            button type="submit" { (tr("theme-filter")) }
        }
        p.meta {
            @if l.sort == Sort::Trending {
                (ta("theme-trend-count", &[("count", l.total.into())]))
            } @else {
                (ta("theme-count-sorted", &[("count", l.total.into()), ("sort", sort_label(l.sort).into())]))
            }
        }
        @if l.page.cards.is_empty() {
            p { @if l.number > 1 || l.page.has_prev { (tr("theme-page-empty")) } @else { (tr(empty_key)) } }
        } @else {
            ol.idea-list {
                @for idea in &l.page.cards { li { (super::views::idea_card_for(ctx, idea, l.supported.contains(&idea.id), &ctx.path)) } }
            }
        }
        @if l.page.has_prev || l.page.has_next || l.pages() > 1 {
            nav.pager aria-label=(tr("pager-label")) {
                @if l.page.has_prev {
                    a rel="prev" href=(l.page_href(number - 1, l.page.cards.first().map(|c| ("vor", l.sort.key_of(c))))) { (tr("pager-prev")) }
                }
                span aria-current="page" { (ta("pager-position", &[("page", number.into()), ("pages", l.pages().into())])) }
                @if l.page.has_next {
                    a rel="next" href=(l.page_href(number + 1, l.page.cards.last().map(|c| ("nach", l.sort.key_of(c))))) { (tr("pager-next")) }
                }
            }
        }
    }
}

/// The tag names a theme page's filter offers.
pub fn tag_options(tags: &[Tag]) -> Vec<(String, String)> {
    tags.iter()
        .map(|t| (t.slug.clone(), t.name.clone()))
        .collect()
}
