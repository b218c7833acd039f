//! The search page: the form with its filters, an explanation for an empty or too short
//! query, and the hits with highlighted excerpts (escaped text with `<mark>` around the
//! matching words, never the stored text as HTML).

use crate::db::search::{Counts, Filters, Hit, Similar};
use crate::db::themes::ThemeRow;
use crate::domain::Status;
use crate::domain::search::{Found, Term, fold, stem_word};
use crate::i18n::{Label, t as tr, ta};
use crate::web::layout::{self, encode, pager};
use crate::web::markdown;
use maud::{Markup, html};

/// What the query led to.
pub enum Outcome {
    Empty,
    TooShort,
    Hits {
        terms: Vec<Term>,
        counts: Counts,
        hits: Vec<Hit>,
        pages: i64,
    },
}

pub struct SearchPage<'a> {
    pub q: &'a str,
    pub themes: &'a [ThemeRow],
    pub theme_slug: &'a str,
    /// Offered in the tag filter: (slug, name).
    pub tags: &'a [(String, String)],
    pub filters: Filters,
    pub page: i64,
    pub outcome: Outcome,
}

impl SearchPage<'_> {
    /// This search's address with another kind filter and page.
    fn href(&self, kind: Option<Found>, page: i64) -> String {
        let mut url = format!(
            "/suche?q={}&theme={}&status={}&kind={}&sort={}",
            encode(self.q),
            encode(self.theme_slug),
            self.filters.status.map(Status::as_str).unwrap_or(""),
            kind.map(Found::as_str).unwrap_or(""),
            if self.filters.newest { "newest" } else { "" },
        );
        if let Some(tag) = &self.filters.tag {
            url.push_str(&format!("&tag={}", encode(tag)));
        }
        if page > 1 {
            url.push_str(&format!("&page={page}"));
        }
        url
    }
}

/// Characters of an excerpt around the first hit.
const EXCERPT: usize = 220;

pub fn page(ctx: &crate::web::Ctx, p: &SearchPage) -> Markup {
    let title = match (&p.outcome, p.q.trim().is_empty()) {
        (_, true) => tr("search-title"),
        _ => ta("search-title-for", &[("q", shorten(p.q.trim(), 60).into())]),
    };
    layout::page(
        ctx,
        &title,
        html! {
            h1 { (tr("search-title")) }
            (form(p))
            @match &p.outcome {
                Outcome::Empty => { p.notice { (tr("search-empty")) } (tips()) }
                Outcome::TooShort => {
                    p.notice role="status" { (ta("search-too-short", &[("min", (crate::domain::search::MIN_WORD as i64).into())])) }
                    (tips())
                }
                Outcome::Hits { terms, counts, hits, pages } => {
                    (summary(p, counts))
                    @if hits.is_empty() {
                        p { (tr("search-none")) }
                        (tips())
                    } @else {
                        (results(terms, hits))
                        (pager(p.page, *pages, |n| p.href(p.filters.kind, n)))
                    }
                }
            }
        },
    )
}

fn form(p: &SearchPage) -> Markup {
    html! {
        form.search-form role="search" method="get" action="/suche" {
            p {
                label for="search-q" { (tr("search-label")) }
                input #search-q type="search" name="q" value=(p.q) maxlength="200";
            }
            div.search-filters {
                p {
                    label for="search-theme" { (tr("search-theme")) }
                    select #search-theme name="theme" {
                        option value="" { (tr("search-all-themes")) }
                        @for t in p.themes {
                            @let (name, lang) = crate::i18n::localized(&t.name, &t.name_en);
                            option value=(t.slug) selected[t.slug == p.theme_slug] lang=[lang] { (name) }
                        }
                    }
                }
                p {
                    label for="search-status" { (tr("search-status")) }
                    select #search-status name="status" {
                        option value="" { (tr("search-all-statuses")) }
                        @for st in Status::ALL.into_iter().filter(|s| !s.is_closed()) {
                            option value=(st.as_str()) selected[p.filters.status == Some(st)] { (st.label()) }
                        }
                    }
                }
                p {
                    label for="search-kind" { (tr("search-kind")) }
                    select #search-kind name="kind" {
                        option value="" { (tr("search-all-kinds")) }
                        @for k in Found::ALL {
                            option value=(k.as_str()) selected[p.filters.kind == Some(k)] { (tr(k.label_key())) }
                        }
                    }
                }
                @if !p.tags.is_empty() {
                    p {
                        label for="search-tag" { (tr("list-filter-tag")) }
                        select #search-tag name="tag" {
                            option value="" { (tr("list-filter-all-tags")) }
                            @for (slug, name) in p.tags {
                                option value=(slug) selected[Some(slug) == p.filters.tag.as_ref()] { (name) }
                            }
                        }
                    }
                }
                p {
                    label for="search-sort" { (tr("search-sort")) }
                    select #search-sort name="sort" {
                        option value="" { (tr("search-sort-relevance")) }
                        option value="newest" selected[p.filters.newest] { (tr("search-sort-newest")) }
                    }
                }
            }
            p { button.primary type="submit" { (tr("search-submit")) } }
        }
    }
}

fn tips() -> Markup {
    html! {
        p.hint { (tr("search-tips")) }
    }
}

/// How many hits of each kind, each a link that narrows the results to it.
fn summary(p: &SearchPage, counts: &Counts) -> Markup {
    html! {
        p.meta role="status" {
            (ta("search-count", &[("count", counts.total().into()), ("q", shorten(p.q.trim(), 60).into())]))
        }
        @if counts.total() > 0 {
            nav.search-kinds aria-label=(tr("search-kind")) {
                ul {
                    li {
                        a href=(p.href(None, 1)) aria-current=[p.filters.kind.is_none().then_some("page")] {
                            (tr("search-all-kinds")) " (" (counts.total()) ")"
                        }
                    }
                    @for k in Found::ALL {
                        li {
                            a href=(p.href(Some(k), 1)) aria-current=[(p.filters.kind == Some(k)).then_some("page")] {
                                (tr(k.label_key())) " (" (counts.of(k)) ")"
                            }
                        }
                    }
                }
            }
        }
    }
}

fn kind_of(h: &Hit) -> Found {
    match h {
        Hit::Idea { .. } => Found::Idea,
        Hit::Learning { .. } => Found::Learning,
        Hit::Comment { .. } => Found::Comment,
    }
}

/// The hits of this page under a heading per kind (ideas, learnings, comments).
fn results(terms: &[Term], hits: &[Hit]) -> Markup {
    html! {
        @for kind in Found::ALL {
            @let of_kind: Vec<&Hit> = hits.iter().filter(|h| kind_of(h) == kind).collect();
            @if !of_kind.is_empty() {
                section.search-results {
                    h2 { (tr(kind.label_key())) }
                    ol {
                        @for h in of_kind { li { (hit(terms, h)) } }
                    }
                }
            }
        }
    }
}

fn hit(terms: &[Term], h: &Hit) -> Markup {
    match h {
        Hit::Idea {
            id,
            title,
            body,
            status,
            created_at,
        } => html! {
            h3 { a href={ "/ideas/" (id) } { (highlight(title, terms, usize::MAX)) } }
            p.excerpt { (highlight(body, terms, EXCERPT)) }
            p.meta { (status.label()) " · " (crate::web::datetime::time_el(*created_at)) }
        },
        Hit::Learning {
            id,
            workshop,
            workshop_title,
            number,
            title,
            body,
        } => html! {
            h3 { a href={ "/workshops/" (workshop) "#learning-" (id) } { (highlight(title, terms, usize::MAX)) } }
            p.excerpt { (highlight(body, terms, EXCERPT)) }
            p.meta { (ta("search-learning-of", &[("number", (*number).into()), ("workshop", workshop_title.clone().into())])) }
        },
        Hit::Comment {
            id,
            idea,
            idea_title,
            body,
            created_at,
        } => html! {
            h3 {
                a href={ "/ideas/" (idea) "#comment-" (id) } {
                    (ta("search-comment-on", &[("title", idea_title.clone().into())]))
                }
            }
            p.excerpt { (highlight(body, terms, EXCERPT)) }
            p.meta { (crate::web::datetime::time_el(*created_at)) }
        },
    }
}

fn shorten(s: &str, max: usize) -> String {
    crate::web::excerpt(s, max)
}

/// A piece of an excerpt: plain text or a matching word.
enum Piece<'a> {
    Text(&'a str),
    Hit(&'a str),
}

/// Markdown's marks read as noise in a one-line excerpt. Emphasis marks go without a trace
/// (a space in their place left "Kampagne , die" from "**Kampagne**, die").
fn plain(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .filter(|c| !matches!(c, '*' | '_' | '`'))
        .map(|c| match c {
            '#' | '\n' | '\r' | '\t' => ' ',
            c => c,
        })
        .collect();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text (cut to about `max` characters around the first hit) with the words that match
/// a term marked. maud escapes every piece; only `<mark>` is ours.
pub fn highlight(text: &str, terms: &[Term], max: usize) -> Markup {
    let text = plain(text);
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut word_start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), word_start) {
            (true, None) => word_start = Some(i),
            (false, Some(s)) => {
                spans.push((s, i));
                word_start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = word_start {
        spans.push((s, text.len()));
    }
    let mut pieces: Vec<Piece> = Vec::new();
    let mut first_hit: Option<usize> = None;
    let mut last = 0;
    for (start, end) in spans {
        let word = &text[start..end];
        let folded = fold(word);
        let stem = stem_word(&folded);
        if terms.iter().any(|t| t.hits(&folded, &stem)) {
            if last < start {
                pieces.push(Piece::Text(&text[last..start]));
            }
            pieces.push(Piece::Hit(word));
            first_hit.get_or_insert(start);
            last = end;
        }
    }
    if last < text.len() {
        pieces.push(Piece::Text(&text[last..]));
    }
    // The window: from a little before the first hit, about `max` characters long.
    let total = text.chars().count();
    let (from, to) = if total <= max {
        (0, text.len())
    } else {
        let hit_char = first_hit.map(|b| text[..b].chars().count()).unwrap_or(0);
        let start_char = hit_char.saturating_sub(max / 4);
        let from = byte_at(&text, start_char);
        let to = byte_at(&text, (start_char + max).min(total));
        whole_words(&text, from, to, first_hit.unwrap_or(from))
    };
    let mut at = 0;
    let mut visible: Vec<(&str, bool)> = Vec::new();
    for piece in &pieces {
        let (s, is_hit) = match piece {
            Piece::Text(s) => (*s, false),
            Piece::Hit(s) => (*s, true),
        };
        let (a, b) = (at.max(from), (at + s.len()).min(to));
        if a < b {
            visible.push((&text[a..b], is_hit));
        }
        at += s.len();
    }
    // "engagieren …", not "engagieren, …" (as `web::excerpt` ends its cuts).
    if to < text.len() {
        if let Some((s, false)) = visible.last_mut() {
            *s = s.trim_end_matches(|c: char| c.is_whitespace() || ",;:–-".contains(c));
        }
    }
    html! {
        @if from > 0 { "… " }
        @for (s, is_hit) in visible {
            @if is_hit { mark { (s) } } @else { (s) }
        }
        @if to < text.len() { " …" }
    }
}

/// Moves the cuts of an excerpt off the middle of words: `from` forward to the start of the
/// next word (never past `limit`, the first hit), `to` back to the end of the last whole word.
fn whole_words(text: &str, from: usize, to: usize, limit: usize) -> (usize, usize) {
    let mid_word = |at: usize| {
        at > 0
            && at < text.len()
            && !text[..at].ends_with(char::is_whitespace)
            && !text[at..].starts_with(char::is_whitespace)
    };
    let from = if mid_word(from) {
        text[from..]
            .find(char::is_whitespace)
            .map_or(from, |i| from + i + 1)
            .min(limit)
    } else {
        from
    };
    let to = if mid_word(to) {
        text[from..to]
            .rfind(char::is_whitespace)
            .map_or(to, |i| from + i)
    } else {
        to
    };
    (from, to.max(from))
}

/// The byte offset of the `n`th character.
fn byte_at(s: &str, n: usize) -> usize {
    s.char_indices().nth(n).map(|(i, _)| i).unwrap_or(s.len())
}

/// The similar ideas found for a text being written (the fragment the script asks for, and
/// the no-script step's answer).
pub fn similar_list(similar: &[Similar]) -> Markup {
    html! {
        h2 { (tr("similar-title")) }
        @if similar.is_empty() {
            p { (tr("similar-none")) }
        } @else {
            p { (tr("similar-intro")) }
            ul.similar-ideas {
                @for s in similar {
                    li { a href={ "/ideas/" (s.id) } { (s.title) } " " (crate::ideas::views::status_badge(s.status)) }
                }
            }
        }
    }
}

/// The idea form's place for similar ideas: one polite live region, filled by the server in
/// the no-script step and by `similar.js` as the title is typed; below it the preview of
/// the text (outside the region, so it is not read out on every change).
pub fn similar_region(similar: Option<&[Similar]>, body: &str) -> Markup {
    html! {
        div #similar-ideas.similar aria-live="polite" data-source="/ideen/aehnlich" {
            @if let Some(list) = similar { (similar_list(list)) }
        }
        @if similar.is_some() && !body.trim().is_empty() {
            section.preview aria-labelledby="preview-title" {
                h2 #preview-title { (tr("similar-preview")) }
                div.idea-body { (markdown::render_post(body, markdown::Links::NewAccount)) }
            }
        }
        script src=(crate::web::assets::similar_js_url()) defer {}
    }
}

/// `/ideen`: every listed idea, across themes.
pub fn all_ideas(ctx: &crate::web::Ctx, l: &crate::ideas::list::IdeaList) -> Markup {
    layout::page(
        ctx,
        &tr("all-ideas-title"),
        html! {
            h1 { (tr("all-ideas-title")) }
            p { (tr("all-ideas-intro")) }
            // The cards are h3, as on a theme page, under this section heading.
            h2.visually-hidden #ideen { (tr("theme-ideas")) }
            (crate::ideas::list::render(ctx, l, "all-ideas-none"))
        },
    )
}

#[cfg(test)]
mod tests {
    use super::highlight;
    use crate::domain::search::SearchQuery;

    #[test]
    fn marks_stemmed_words_and_escapes_the_rest() {
        let SearchQuery::Terms(terms) = SearchQuery::parse("Familien") else {
            panic!("terms expected");
        };
        let html = highlight("<b>Eine</b> Familie & mehr", &terms, 200).into_string();
        assert_eq!(
            html,
            "&lt;b&gt;Eine&lt;/b&gt; <mark>Familie</mark> &amp; mehr"
        );
        let long = format!("{} Familie {}", "wort ".repeat(200), "ende ".repeat(200));
        let cut = highlight(&long, &terms, 100).into_string();
        assert!(
            cut.starts_with("… ") && cut.ends_with(" …") && cut.contains("<mark>Familie</mark>")
        );
    }

    #[test]
    fn excerpts_cut_between_words_and_drop_emphasis_marks() {
        let SearchQuery::Terms(terms) = SearchQuery::parse("Vereine") else {
            panic!("terms expected");
        };
        let long = format!(
            "{} **Kampagne**, die Eltern und Vereine erreicht {}",
            "Zusammenarbeit ".repeat(30),
            "Nachbarschaftshilfe ".repeat(30)
        );
        for max in [60, 61, 63, 67, 71, 100] {
            let cut = highlight(&long, &terms, max).into_string();
            assert!(
                !cut.ends_with(", …"),
                "{max}: a comma before the ellipsis: {cut}"
            );
            let inner = cut
                .strip_prefix("… ")
                .and_then(|c| c.strip_suffix(" …"))
                .unwrap_or_else(|| panic!("cut on both sides: {cut}"));
            for word in inner.split_whitespace() {
                assert!(
                    [
                        "Zusammenarbeit",
                        "Kampagne,",
                        "Kampagne",
                        "die",
                        "Eltern",
                        "und",
                        "<mark>Vereine</mark>",
                        "erreicht",
                        "Nachbarschaftshilfe"
                    ]
                    .contains(&word),
                    "{max}: a word cut in half: {word} in {cut}"
                );
            }
        }
    }
}
