//! The page `/api`: what the API offers, with examples, paging, limits and the licence, for
//! people who want to use it.

use crate::feeds::atom::Site;
use crate::i18n::{t, ta};
use crate::state::AppState;
use crate::web::Ctx;
use crate::web::layout;
use axum::extract::State;
use axum::http::HeaderMap;
use maud::{Markup, html};

/// Each endpoint with the catalogue key that says what it gives.
const ENDPOINTS: [(&str, &str); 8] = [
    ("/api/v1/themes", "api-ep-themes"),
    ("/api/v1/ideas", "api-ep-ideas"),
    ("/api/v1/ideas/{id}", "api-ep-idea"),
    ("/api/v1/ideas/{id}/comments", "api-ep-comments"),
    ("/api/v1/workshops", "api-ep-workshops"),
    ("/api/v1/workshops/{id}", "api-ep-workshop"),
    ("/api/v1/transparency", "api-ep-transparency"),
    ("/api/v1/openapi.json", "api-ep-openapi"),
];

/// The licence sentence with its link, as `/api` and `/daten` show it.
pub fn licence(state: &AppState) -> Markup {
    html! {
        p {
            (t("data-licence-before")) " "
            a href=(state.config.data_licence_url) rel="license" { (state.config.data_licence) }
            (t("data-licence-after"))
        }
    }
}

pub(super) async fn page(State(state): State<AppState>, ctx: Ctx, headers: HeaderMap) -> Markup {
    // Examples with this site's own address when it is known; the path alone otherwise.
    let base = Site::of(
        state.config.base_url.as_deref(),
        state.config.secure_cookies,
        &headers,
    )
    .map(|s| s.url(""))
    .unwrap_or_default();
    let title = t("api-title");
    layout::page(
        &ctx,
        &title,
        html! {
            h1 { (title) }
            p { (t("api-intro")) }
            (licence(&state))
            section aria-labelledby="api-endpoints" {
                h2 #api-endpoints { (t("api-endpoints")) }
                dl {
                    @for (path, key) in ENDPOINTS {
                        dt { code { (path) } }
                        dd { (t(key)) }
                    }
                }
                p { a href="/api/v1/openapi.json" type="application/json" { (t("api-openapi-link")) } }
            }
            section aria-labelledby="api-examples" {
                h2 #api-examples { (t("api-examples")) }
                p { (t("api-example-ideas")) }
                div.table-wrap { pre { code { "curl '" (base) "/api/v1/ideas?theme=digitale-ethik&sort=unterstuetzung&limit=10'" } } }
                p { (t("api-example-answer")) }
                div.table-wrap { pre { code { (r#"{"items": [{"id": 42, "title": "…", "theme": "digitale-ethik", "status": "forwarded", "author": "Berta Beispiel", "supports": 17, …}], "next": ""#) (base) (r#"/api/v1/ideas?…&cursor=17.1764600000.42"}"#) } } }
                p { (t("api-example-304")) }
                div.table-wrap { pre { code { "curl -H 'If-None-Match: W/\"…\"' '" (base) "/api/v1/themes'" } } }
            }
            section aria-labelledby="api-rules" {
                h2 #api-rules { (t("api-rules")) }
                ul {
                    li { (t("api-rule-paging")) }
                    li { (t("api-rule-cache")) }
                    li { (ta("api-rule-limit", &[("count", state.config.api_rate_limit.into())])) }
                    li { (t("api-rule-errors")) }
                    li { (t("api-rule-cors")) }
                    li { (t("api-rule-privacy")) }
                }
            }
            section aria-labelledby="api-more" {
                h2 #api-more { (t("api-more")) }
                ul {
                    li { a href="/daten" { (t("api-more-exports")) } }
                    li { a href="/transparenz" { (t("footer-transparency")) } }
                }
            }
        },
    )
}
