//! The stylesheet and icon, compiled into the binary so it runs from any folder.

use axum::http::header;
use axum::response::IntoResponse;
use std::hash::{Hash, Hasher};
use std::sync::LazyLock;

const CSS: &str = include_str!("../../static/app.css");
const ICON: &str = include_str!("../../static/icon.svg");
const SIMILAR_JS: &str = include_str!("../../static/similar.js");
const SHARE_JS: &str = include_str!("../../static/share.js");
pub const ICON_URL: &str = "/static/icon.svg";

/// An asset's URL carries a hash of its content, so it can be cached for a year.
fn versioned(path: &str, content: &str) -> String {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    content.hash(&mut h);
    format!("{path}?v={:x}", h.finish())
}

static CSS_URL: LazyLock<String> = LazyLock::new(|| versioned("/static/app.css", CSS));

pub fn css_url() -> &'static str {
    &CSS_URL
}

/// The idea form's suggestions script, under a hashed address like the stylesheet.
static SIMILAR_JS_URL: LazyLock<String> =
    LazyLock::new(|| versioned("/static/similar.js", SIMILAR_JS));

pub fn similar_js_url() -> &'static str {
    &SIMILAR_JS_URL
}

pub async fn similar_js() -> impl IntoResponse {
    script(SIMILAR_JS)
}

/// The idea page's copy button, under a hashed address like the stylesheet.
static SHARE_JS_URL: LazyLock<String> = LazyLock::new(|| versioned("/static/share.js", SHARE_JS));

pub fn share_js_url() -> &'static str {
    &SHARE_JS_URL
}

pub async fn share_js() -> impl IntoResponse {
    script(SHARE_JS)
}

fn script(source: &'static str) -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        source,
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
