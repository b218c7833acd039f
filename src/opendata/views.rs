//! The page `/daten`: every download with its description, its columns and the licence.

use super::export::Format;
use crate::db::opendata::DATASETS;
use crate::i18n::t;
use crate::state::AppState;
use crate::web::Ctx;
use crate::web::layout;
use axum::extract::State;
use maud::{Markup, html};

pub(super) async fn page(State(state): State<AppState>, ctx: Ctx) -> Markup {
    let title = t("data-title");
    layout::page(
        &ctx,
        &title,
        html! {
            h1 { (title) }
            p { (t("data-intro")) }
            (crate::api::views::licence(&state))
            p { (t("data-formats")) }
            p { (t("data-fresh")) }
            p {
                a href="/daten/datapackage.json" type="application/json" { (t("data-package-link")) }
                " · "
                a href="/api" { (t("data-api-link")) }
                " · "
                a href="/statistik" { (t("data-stats-link")) }
            }
            @for d in &DATASETS {
                section aria-labelledby={ "set-" (d.name) } {
                    h2 id={ "set-" (d.name) } { (t(&format!("data-set-title-{}", d.name))) }
                    p { (t(&format!("data-set-{}", d.name))) }
                    ul.plain-list {
                        @for f in Format::ALL {
                            li {
                                a href={ "/daten/" (d.name) "." (f.extension()) } download {
                                    (t(&format!("data-download-{}", f.extension())))
                                    ": " (d.name) "." (f.extension())
                                }
                            }
                        }
                    }
                    details {
                        summary { (t("data-columns")) }
                        div.table-wrap {
                            table {
                                caption.visually-hidden { (t("data-columns")) ": " (d.name) }
                                thead { tr { th scope="col" { (t("data-col-name")) } th scope="col" { (t("data-col-meaning")) } } }
                                tbody {
                                    @for c in d.columns {
                                        tr { td { code { (c.name) } } td { (t(&format!("data-col-{}", c.name))) } }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        },
    )
}
