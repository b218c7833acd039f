//! The read-only JSON API under `/api/v1`, its OpenAPI document and the page that explains it,
//! so journalists, researchers and other offices can read the board with their own tools.
//!
//! Every answer is public content only (the pages' rules: no hidden content, no blocked
//! authors, display names but never e-mail addresses or reporters), cacheable with an ETag,
//! open to every origin (CORS), limited per address, and every error is
//! `application/problem+json` (RFC 9457).

pub mod openapi;
pub mod problem;
mod v1;
pub mod views;

use crate::state::AppState;
use crate::web::client::ClientIp;
use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use problem::Problem;
use std::hash::{Hash, Hasher};

/// Where `guard` applies: the API, and the downloads of `/daten` (the same budget).
const GUARDED: [&str; 3] = ["/api/v1", "/api/openapi.json", "/daten/"];

/// The API's routes; `openapi::tests` reads them from this source and checks that the
/// document describes each.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api", get(views::page))
        .route("/api/v1/themes", get(v1::themes))
        .route("/api/v1/ideas", get(v1::ideas))
        .route("/api/v1/ideas/{id}", get(v1::idea))
        .route("/api/v1/ideas/{id}/comments", get(v1::comments))
        .route("/api/v1/workshops", get(v1::workshops))
        .route("/api/v1/workshops/{id}", get(v1::workshop))
        .route("/api/v1/transparency", get(v1::transparency))
        .route("/api/v1/openapi.json", get(openapi::document))
        .route("/api/openapi.json", get(openapi::document))
}

/// Seconds a client may keep an answer without asking again; after that the ETag makes the
/// question cheap.
const MAX_AGE: &str = "public, max-age=60";

/// Around the whole site, outside the CSRF check (`lib.rs`), passing everything outside
/// `GUARDED` through. For the API and the downloads it answers CORS preflights, refuses other
/// methods than GET and HEAD (a POST is a 405 problem, not a form error page), counts the
/// address against its budget, and turns any error page (an unknown address under /api/v1,
/// an extractor's 400) into a problem document.
pub async fn guard(
    State(state): State<AppState>,
    ip: ClientIp,
    req: Request,
    next: Next,
) -> Response {
    let path = req.uri().path();
    if !GUARDED.iter().any(|p| path.starts_with(p)) {
        return next.run(req).await;
    }
    if req.method() == Method::OPTIONS {
        return with_cors(
            (
                StatusCode::NO_CONTENT,
                [
                    (header::ACCESS_CONTROL_ALLOW_METHODS, "GET, HEAD, OPTIONS"),
                    (header::ACCESS_CONTROL_ALLOW_HEADERS, "If-None-Match"),
                    (header::ACCESS_CONTROL_MAX_AGE, "86400"),
                ],
            )
                .into_response(),
        );
    }
    if req.method() != Method::GET && req.method() != Method::HEAD {
        let mut r = Problem::new(StatusCode::METHOD_NOT_ALLOWED).into_response();
        r.headers_mut().insert(
            header::ALLOW,
            HeaderValue::from_static("GET, HEAD, OPTIONS"),
        );
        return with_cors(r);
    }
    if let Some(wait) = over_budget(&state, &ip) {
        return with_cors(Problem::rate_limited(wait).into_response());
    }
    let response = next.run(req).await;
    with_cors(problem::from_error_page(response))
}

/// The seconds until the address may ask again, when its budget is spent. With a limit of
/// n per minute one more request is allowed every 60/n seconds.
pub fn over_budget(state: &AppState, ip: &ClientIp) -> Option<u64> {
    match ip.0 {
        Some(ip) if !state.api_limiter.allow(ip) => {
            let per_minute = u64::from(state.config.api_rate_limit.max(1));
            Some(60_u64.div_ceil(per_minute))
        }
        _ => None,
    }
}

/// Any origin may read: the data is public and no answer depends on a cookie.
fn with_cors(mut r: Response) -> Response {
    let h = r.headers_mut();
    h.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    h.insert(
        header::ACCESS_CONTROL_EXPOSE_HEADERS,
        HeaderValue::from_static("ETag, Link, Retry-After"),
    );
    r
}

/// A JSON answer with a weak ETag over its bytes (weak: the compression layer may change the
/// bytes on the wire), or `304` when the client has it; `next` also goes into a Link header.
pub fn json(value: &serde_json::Value, request: &HeaderMap, next: Option<&str>) -> Response {
    let body = match serde_json::to_vec(value) {
        Ok(b) => b,
        Err(e) => {
            return Problem::from(crate::error::AppError::internal_in("json", e)).into_response();
        }
    };
    let etag = etag_of(&body);
    let etag_value = HeaderValue::from_str(&etag).unwrap_or(HeaderValue::from_static("W/\"0\""));
    let mut response = if has_etag(request, &etag) {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        (
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            )],
            body,
        )
            .into_response()
    };
    let h = response.headers_mut();
    h.insert(header::ETAG, etag_value);
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(MAX_AGE));
    if let Some(link) =
        next.and_then(|n| HeaderValue::from_str(&format!("<{n}>; rel=\"next\"")).ok())
    {
        h.insert(header::LINK, link);
    }
    response
}

/// `W/"…"` over the bytes.
pub fn etag_of(body: &[u8]) -> String {
    let mut hasher = std::hash::DefaultHasher::new();
    body.hash(&mut hasher);
    format!("W/\"{:016x}\"", hasher.finish())
}

/// Whether `If-None-Match` names `etag` (weak comparison, as RFC 9110 asks for GET).
pub fn has_etag(request: &HeaderMap, etag: &str) -> bool {
    request
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .any(|tag| tag == "*" || tag.trim_start_matches("W/") == etag.trim_start_matches("W/"))
}
