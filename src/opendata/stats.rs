//! `/statistik`: participation over time, the road to the ministry, moderation and the
//! workshops, as charts drawn on the server (SVG in the page: no script, nothing from
//! elsewhere), each with the same numbers as a table; and the home page's headline figures.
//!
//! The charts draw with `currentColor`, so they follow the page's text colour in light and
//! dark mode, and scale with the width (a viewBox 320 units wide, readable at 320 px).

use crate::db::statistics::{Activity, Road};
use crate::db::{self, themes::ThemeRow};
use crate::domain::Status;
use crate::error::AppResult;
use crate::i18n::{self, Label, Lang, t, ta};
use crate::state::AppState;
use crate::web::Ctx;
use crate::web::layout;
use axum::extract::State;
use maud::{Markup, html};
use std::collections::BTreeMap;

/// The width of every chart's viewBox.
const W: i64 = 320;
/// Months a time chart shows at most (the table has them all).
const CHART_MONTHS: usize = 24;

/// (year, month) of days since 1970-01-01.
fn month_of(day: i64) -> (i32, u8) {
    let julian = i32::try_from(day + 2_440_588).unwrap_or(2_440_588);
    let d = time::Date::from_julian_day(julian).unwrap_or(time::Date::MIN);
    (d.year(), u8::from(d.month()))
}

fn month_text((year, month): (i32, u8)) -> String {
    format!("{year}-{month:02}")
}

/// Every month from `first` to `last`, both included: months without anything stay in the
/// charts as empty columns, so the time axis is true.
fn month_range(first: (i32, u8), last: (i32, u8)) -> Vec<(i32, u8)> {
    let mut out = Vec::new();
    let (mut y, mut m) = first;
    while (y, m) <= last {
        out.push((y, m));
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }
    out
}

/// The median of some durations in seconds, as days; None without any.
pub fn median_days(mut secs: Vec<i64>) -> Option<f64> {
    if secs.is_empty() {
        return None;
    }
    secs.sort_unstable();
    let n = secs.len();
    let mid = if n % 2 == 1 {
        secs[n / 2] as f64
    } else {
        (secs[n / 2 - 1] as f64 + secs[n / 2] as f64) / 2.0
    };
    Some(mid / 86_400.0)
}

/// "12,5" (German) or "12.5" (English): days with one decimal.
fn days_text(days: f64) -> String {
    let s = format!("{days:.1}");
    match i18n::current() {
        Lang::De => s.replace('.', ","),
        Lang::En => s,
    }
}

fn median_text(days: Option<f64>) -> String {
    days.map_or_else(
        || t("stats-no-median"),
        |d| ta("stats-days", &[("days", days_text(d).into())]),
    )
}

// ---------------------------------------------------------------- home page figures

/// The three figures the home page shows.
pub struct Headline {
    pub ideas: i64,
    pub answered: i64,
    /// Median days from forwarding to the ministry's answer.
    pub answer_days: Option<f64>,
}

impl Headline {
    /// Cheap reads: the themes' counters and the few answered ideas' trails.
    pub async fn load(state: &AppState) -> AppResult<Headline> {
        let ideas = db::statistics::listed_ideas(&state.db.pool).await?;
        let roads = db::statistics::roads(&state.db.pool, true).await?;
        let answered: Vec<&Road> = roads.iter().filter(|r| r.answered.is_some()).collect();
        Ok(Headline {
            ideas,
            answered: answered.len() as i64,
            answer_days: median_days(answer_times(&roads)),
        })
    }
}

/// Seconds from forwarding to the answer, of the answered ideas.
fn answer_times(roads: &[Road]) -> Vec<i64> {
    roads
        .iter()
        .filter_map(|r| Some(r.answered? - r.forwarded?))
        .collect()
}

/// The figures as a small section for the home page (the home page places it).
pub fn headline(h: &Headline) -> Markup {
    html! {
        section.headline-figures aria-labelledby="figures-title" {
            h2 #figures-title { (t("stats-figures")) }
            ul.plain-list {
                li { strong { (h.ideas) } " " (ta("stats-fig-ideas", &[("count", h.ideas.into())])) }
                li { strong { (h.answered) } " " (ta("stats-fig-answered", &[("count", h.answered.into())])) }
                li { strong { (median_text(h.answer_days)) } " " (t("stats-fig-answer-time")) }
            }
            p { a href="/statistik" { (t("stats-more")) } }
        }
    }
}

// ---------------------------------------------------------------- charts

/// One bar: what it stands for and its number.
pub struct Bar {
    pub label: String,
    pub value: i64,
}

/// The accessible frame of a chart: `role="img"` named by its title and description, and
/// the numbers as a table in `<details>` below it.
fn figure(id: &str, title: &str, desc: &str, height: i64, shapes: Markup, table: Markup) -> Markup {
    html! {
        // A div, not <figure>: browsers indent figures by 40 px on each side, which
        // leaves a chart little room at 320 px.
        div.chart role="figure" aria-labelledby={ (id) "-caption" } {
            h3 id={ (id) "-caption" } { (title) }
            svg xmlns="http://www.w3.org/2000/svg" role="img" width="100%"
                viewBox={ "0 0 " (W) " " (height) }
                aria-labelledby={ (id) "-title" } aria-describedby={ (id) "-desc" } {
                title id={ (id) "-title" } { (title) }
                desc id={ (id) "-desc" } { (desc) }
                (shapes)
            }
            details {
                summary { (t("stats-as-table")) }
                (table)
            }
        }
    }
}

/// A chart with nothing to draw yet: its title and a sentence.
fn empty(title: &str) -> Markup {
    html! {
        h3 { (title) }
        p { (t("stats-empty")) }
    }
}

/// Characters of a bar's label the chart shows (the table has it whole): about what fits
/// in 320 units at this size.
const LABEL_CHARS: usize = 44;

/// A simple two-column table of the bars.
fn bars_table(caption: &str, head: &str, bars: &[Bar]) -> Markup {
    html! {
        div.table-wrap {
            table {
                caption { (caption) }
                thead { tr { th scope="col" { (head) } th scope="col" { (t("col-count")) } } }
                tbody {
                    @for b in bars { tr { th scope="row" { (b.label) } td { (b.value) } } }
                }
            }
        }
    }
}

/// Horizontal bars, each with its label above it (long labels fit at 320 px).
fn bar_chart(id: &str, title: &str, head: &str, bars: &[Bar]) -> Markup {
    if bars.is_empty() {
        return empty(title);
    }
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let row = 38;
    let height = (bars.len() as i64 * row).max(row);
    let desc = match bars.iter().max_by_key(|b| b.value) {
        Some(top) => ta(
            "stats-bars-desc",
            &[
                ("count", (bars.len() as i64).into()),
                ("top", top.label.clone().into()),
                ("value", top.value.into()),
            ],
        ),
        None => t("stats-empty"),
    };
    let shapes = html! {
        @for (i, b) in bars.iter().enumerate() {
            @let y = i as i64 * row;
            @let width = (b.value * (W - 60) / max).max(if b.value > 0 { 1 } else { 0 });
            text x="0" y=(y + 13) font-size="13" fill="currentColor" { (crate::web::excerpt(&b.label, LABEL_CHARS)) }
            rect x="0" y=(y + 18) width=(width) height="13" fill="currentColor" {}
            text x=(width + 4) y=(y + 30) font-size="12" fill="currentColor" { (b.value) }
        }
    };
    figure(
        id,
        title,
        &desc,
        height,
        shapes,
        bars_table(title, head, bars),
    )
}

/// Columns over months: the last `CHART_MONTHS` months, the first and last named below.
fn month_chart(id: &str, title: &str, months: &[(String, i64)], table: Markup) -> Markup {
    if months.is_empty() {
        return empty(title);
    }
    let shown = &months[months.len().saturating_sub(CHART_MONTHS)..];
    let max = shown.iter().map(|(_, v)| *v).max().unwrap_or(0).max(1);
    let (left, top, plot_h) = (40, 8, 120);
    let plot_w = W - left - 4;
    let n = shown.len().max(1) as i64;
    let step = plot_w / n;
    let desc = match (
        shown.first(),
        shown.last(),
        shown.iter().max_by_key(|(_, v)| *v),
    ) {
        (Some((from, _)), Some((to, _)), Some((peak, value))) => ta(
            "stats-months-desc",
            &[
                ("from", from.clone().into()),
                ("to", to.clone().into()),
                ("peak", peak.clone().into()),
                ("value", (*value).into()),
            ],
        ),
        _ => t("stats-empty"),
    };
    let shapes = html! {
        text x="0" y=(top + 10) font-size="12" fill="currentColor" { (max) }
        text x="0" y=(top + plot_h) font-size="12" fill="currentColor" { "0" }
        line x1=(left) y1=(top + plot_h) x2=(W) y2=(top + plot_h) stroke="currentColor" stroke-width="1" {}
        @for (i, (_, v)) in shown.iter().enumerate() {
            @let h = v * plot_h / max;
            rect x=(left + i as i64 * step + 1) y=(top + plot_h - h) width=((step - 2).max(1)) height=(h) fill="currentColor" {}
        }
        @if let Some((first, _)) = shown.first() {
            text x=(left) y=(top + plot_h + 16) font-size="12" fill="currentColor" { (first) }
        }
        @if let (true, Some((last, _))) = (shown.len() > 1, shown.last()) {
            text x=(W) y=(top + plot_h + 16) font-size="12" text-anchor="end" fill="currentColor" { (last) }
        }
    };
    figure(id, title, &desc, top + plot_h + 22, shapes, table)
}

// ---------------------------------------------------------------- the page

/// One activity per theme and month: the months in order, the counts per theme.
struct Monthly {
    months: Vec<String>,
    /// (month, theme id) -> count
    counts: BTreeMap<(String, i64), i64>,
}

impl Monthly {
    fn total(&self, month: &str) -> i64 {
        self.counts
            .iter()
            .filter(|((m, _), _)| m == month)
            .map(|(_, c)| c)
            .sum()
    }
}

/// The three activities per theme and month, over one range of months: from the first
/// month with anything to this month.
async fn participation(state: &AppState) -> AppResult<Vec<(Activity, Monthly)>> {
    let mut raw = Vec::new();
    for what in Activity::ALL {
        let mut counts: BTreeMap<((i32, u8), i64), i64> = BTreeMap::new();
        for r in db::statistics::per_day(&state.db.pool, what).await? {
            *counts.entry((month_of(r.day), r.theme_id.0)).or_default() += r.count;
        }
        raw.push((what, counts));
    }
    let first = raw
        .iter()
        .filter_map(|(_, c)| c.keys().next().map(|(m, _)| *m))
        .min();
    let now = month_of(db::now() / 86_400);
    let months: Vec<String> = match first {
        Some(first) => month_range(first, now.max(first))
            .into_iter()
            .map(month_text)
            .collect(),
        None => Vec::new(),
    };
    Ok(raw
        .into_iter()
        .map(|(what, counts)| {
            let counts = counts
                .into_iter()
                .map(|((m, theme), n)| ((month_text(m), theme), n))
                .collect();
            (
                what,
                Monthly {
                    months: months.clone(),
                    counts,
                },
            )
        })
        .collect())
}

fn monthly_table(caption: &str, m: &Monthly, themes: &[ThemeRow]) -> Markup {
    html! {
        div.table-wrap {
            table {
                caption { (caption) }
                thead {
                    tr {
                        th scope="col" { (t("col-month")) }
                        @for th in themes {
                            @let (name, lang) = i18n::localized(&th.name, &th.name_en);
                            th scope="col" lang=[lang] { (name) }
                        }
                        th scope="col" { (t("stats-total")) }
                    }
                }
                tbody {
                    @for month in &m.months {
                        tr {
                            th scope="row" { (month) }
                            @for th in themes {
                                td { (m.counts.get(&(month.clone(), th.id.0)).copied().unwrap_or(0)) }
                            }
                            td { (m.total(month)) }
                        }
                    }
                }
            }
        }
    }
}

fn activity_keys(what: Activity) -> (&'static str, &'static str) {
    match what {
        Activity::Ideas => ("ideas", "stats-ideas-per-month"),
        Activity::Comments => ("comments", "stats-comments-per-month"),
        Activity::Supports => ("supports", "stats-supports-per-month"),
    }
}

/// Everything `/statistik` shows, as numbers (labels are drawn in the reader's language).
struct Figures {
    made_at: i64,
    themes: Vec<ThemeRow>,
    participation: Vec<(Activity, Monthly)>,
    reached: Vec<(Status, i64)>,
    to_forwarding: Option<f64>,
    to_answer: Option<f64>,
    /// Per action, summed over the months.
    per_action: Vec<(crate::domain::Action, i64)>,
    workshops: Vec<db::statistics::WorkshopYield>,
}

async fn load(state: &AppState) -> AppResult<Figures> {
    let themes = db::themes::all(&state.db.pool).await?;
    let participation = participation(state).await?;
    let reached = db::statistics::reached(&state.db.pool).await?;
    let roads = db::statistics::roads(&state.db.pool, false).await?;
    let to_forwarding = median_days(
        roads
            .iter()
            .filter_map(|r| Some(r.forwarded? - r.submitted))
            .collect(),
    );
    let to_answer = median_days(answer_times(&roads));
    let mut per_action: Vec<(crate::domain::Action, i64)> = Vec::new();
    for m in db::curation::monthly_counts(&state.db.pool).await? {
        match per_action.iter_mut().find(|(a, _)| *a == m.action) {
            Some((_, n)) => *n += m.count,
            None => per_action.push((m.action, m.count)),
        }
    }
    let workshops = db::statistics::workshop_yields(&state.db.pool).await?;
    Ok(Figures {
        made_at: db::now(),
        themes,
        participation,
        reached,
        to_forwarding,
        to_answer,
        per_action,
        workshops,
    })
}

/// Seconds the figures are reused: counting a large board takes seconds (every support and
/// comment is read), and statistics need not be fresher than this.
const FRESH_FOR: std::time::Duration = std::time::Duration::from_secs(300);

type Cached = (std::time::Instant, std::sync::Arc<Figures>);

/// The figures per database (keyed by its URL, so several boards in one process, as in the
/// tests, never share them). The lock is held while counting: requests arriving meanwhile
/// wait for that one count instead of starting their own.
static CACHE: tokio::sync::Mutex<BTreeMap<String, Cached>> =
    tokio::sync::Mutex::const_new(BTreeMap::new());

async fn figures(state: &AppState) -> AppResult<std::sync::Arc<Figures>> {
    let mut cache = CACHE.lock().await;
    let key = &state.config.database_url;
    if let Some((at, f)) = cache.get(key) {
        if at.elapsed() < FRESH_FOR {
            return Ok(f.clone());
        }
    }
    let f = std::sync::Arc::new(load(state).await?);
    cache.insert(key.clone(), (std::time::Instant::now(), f.clone()));
    Ok(f)
}

pub(super) async fn page(State(state): State<AppState>, ctx: Ctx) -> AppResult<Markup> {
    let f = figures(&state).await?;
    let (themes, participation, workshops) = (&f.themes, &f.participation, &f.workshops);
    let (to_forwarding, to_answer) = (f.to_forwarding, f.to_answer);
    // The road to the ministry, in order (withdrawn and merged ideas left it).
    let road_bars: Vec<Bar> = Status::ALL
        .iter()
        .filter(|s| !s.is_closed())
        .map(|s| Bar {
            label: s.label(),
            value: f
                .reached
                .iter()
                .find(|(r, _)| r == s)
                .map_or(0, |(_, n)| *n),
        })
        .collect();
    let per_action: Vec<Bar> = f
        .per_action
        .iter()
        .map(|(a, n)| Bar {
            label: crate::moderation::transparency::action_label(*a),
            value: *n,
        })
        .collect();
    let workshop_bars: Vec<Bar> = workshops
        .iter()
        .map(|w| Bar {
            label: w.title.clone(),
            value: w.ideas,
        })
        .collect();
    let theme_bars: Vec<Bar> = themes
        .iter()
        .map(|th| Bar {
            label: th.name.clone(),
            value: th.idea_count,
        })
        .collect();

    let title = t("stats-title");
    Ok(layout::page(
        &ctx,
        &title,
        html! {
            h1 { (title) }
            p { (t("stats-intro")) }
            p { (t("stats-as-of")) " " (crate::web::datetime::time_el(f.made_at)) }
            section aria-labelledby="stats-participation" {
                h2 #stats-participation { (t("stats-participation")) }
                @for (what, m) in participation {
                    @let (id, key) = activity_keys(*what);
                    @let chart_title = t(key);
                    @let totals: Vec<(String, i64)> = m.months.iter().map(|mo| (mo.clone(), m.total(mo))).collect();
                    (month_chart(&format!("chart-{id}"), &chart_title, &totals, monthly_table(&chart_title, m, themes)))
                }
                (bar_chart("chart-themes", &t("stats-ideas-per-theme"), &t("stats-theme"), &theme_bars))
            }
            section aria-labelledby="stats-road" {
                h2 #stats-road { (t("stats-road")) }
                (bar_chart("chart-road", &t("stats-reached"), &t("col-status"), &road_bars))
                dl {
                    dt { (t("stats-median-forwarding")) }
                    dd #median-forwarding { (median_text(to_forwarding)) }
                    dt { (t("stats-median-answer")) }
                    dd #median-answer { (median_text(to_answer)) }
                }
            }
            section aria-labelledby="stats-moderation" {
                h2 #stats-moderation { (t("stats-moderation")) }
                (bar_chart("chart-moderation", &t("stats-moderation-actions"), &t("col-action"), &per_action))
                p { a href="/transparenz" { (t("stats-to-transparency")) } }
            }
            section aria-labelledby="stats-workshops" {
                h2 #stats-workshops { (t("stats-workshops")) }
                (bar_chart("chart-workshops", &t("stats-workshop-ideas"), &t("stats-workshop"), &workshop_bars))
                div.table-wrap {
                    table {
                        caption { (t("stats-workshops")) }
                        thead { tr {
                            th scope="col" { (t("stats-workshop")) }
                            th scope="col" { (t("stats-learnings")) }
                            th scope="col" { (t("stats-linked-ideas")) }
                        } }
                        tbody {
                            @for w in workshops {
                                tr { th scope="row" { a href={ "/workshops/" (w.id) } { (w.title) } } td { (w.learnings) } td { (w.ideas) } }
                            }
                        }
                    }
                }
            }
            p { a href="/daten" { (t("data-stats-to-data")) } }
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::{median_days, month_range, month_text};

    #[test]
    fn medians_of_odd_and_even_counts_in_days() {
        assert_eq!(median_days(Vec::new()), None);
        assert_eq!(median_days(vec![3 * 86_400, 86_400, 2 * 86_400]), Some(2.0));
        assert_eq!(median_days(vec![86_400, 2 * 86_400]), Some(1.5));
    }

    #[test]
    fn month_ranges_cross_the_year_and_keep_empty_months() {
        let months: Vec<String> = month_range((2025, 11), (2026, 2))
            .into_iter()
            .map(month_text)
            .collect();
        assert_eq!(months, ["2025-11", "2025-12", "2026-01", "2026-02"]);
        assert_eq!(month_range((2026, 3), (2026, 3)).len(), 1);
        assert!(month_range((2026, 4), (2026, 3)).is_empty());
    }
}
