//! The stylesheet and icon, compiled into the binary so it runs from any folder.

use axum::http::header;
use axum::response::IntoResponse;
use std::hash::{Hash, Hasher};
use std::sync::LazyLock;

const CSS: &str = include_str!("../../static/app.css");
const ICON: &str = include_str!("../../static/icon.svg");
const SIMILAR_JS: &str = include_str!("../../static/similar.js");
pub const ICON_URL: &str = "/static/icon.svg";

/// The stylesheet URL carries a hash of its content, so it can be cached for a year.
static CSS_URL: LazyLock<String> = LazyLock::new(|| {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    CSS.hash(&mut h);
    format!("/static/app.css?v={:x}", h.finish())
});

pub fn css_url() -> &'static str {
    &CSS_URL
}

/// The idea form's suggestions script, under a hashed address like the stylesheet.
static SIMILAR_JS_URL: LazyLock<String> = LazyLock::new(|| {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    SIMILAR_JS.hash(&mut h);
    format!("/static/similar.js?v={:x}", h.finish())
});

pub fn similar_js_url() -> &'static str {
    &SIMILAR_JS_URL
}

pub async fn similar_js() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        SIMILAR_JS,
    )
}

pub async fn css() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        CSS,
    )
}

pub async fn icon() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        ICON,
    )
}
