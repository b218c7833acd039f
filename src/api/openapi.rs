//! The OpenAPI 3.1 description of `/api/v1`, written next to the handlers it describes; a test
//! checks that every route of the router is in it and the integration tests check the
//! answers against its schemas.

use super::problem::Problem;
use crate::domain::Status;
use crate::feeds::atom::Site;
use crate::state::AppState;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use serde_json::{Value, json};

pub(super) async fn document(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, Problem> {
    let site = Site::of(
        state.config.base_url.as_deref(),
        state.config.secure_cookies,
        &headers,
    )
    .map_err(Problem::from)?;
    let doc = openapi(
        &site.url(""),
        &state.config.data_licence,
        &state.config.data_licence_url,
    );
    Ok(super::json(&doc, &headers, None))
}

fn schema_ref(name: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

fn param_ref(name: &str) -> Value {
    json!({ "$ref": format!("#/components/parameters/{name}") })
}

/// A GET operation answering `schema` as JSON, with the API's usual headers and problems.
fn get(summary: &str, params: Vec<Value>, schema: Value, not_found: bool) -> Value {
    let mut responses = json!({
        "200": {
            "description": "OK",
            "headers": {
                "ETag": { "$ref": "#/components/headers/ETag" },
                "Cache-Control": { "$ref": "#/components/headers/CacheControl" },
                "Access-Control-Allow-Origin": { "$ref": "#/components/headers/AllowOrigin" }
            },
            "content": { "application/json": { "schema": schema } }
        },
        "304": { "description": "Not Modified: the ETag sent in If-None-Match is still current." },
        "400": { "$ref": "#/components/responses/Problem" },
        "429": { "$ref": "#/components/responses/TooManyRequests" }
    });
    if let (true, Some(map)) = (not_found, responses.as_object_mut()) {
        map.insert(
            "404".into(),
            json!({ "$ref": "#/components/responses/Problem" }),
        );
    }
    json!({ "get": { "summary": summary, "parameters": params, "responses": responses } })
}

/// A list answer: `items` of `item`, and the link to the next page (null on the last).
fn list_of(item: &str) -> Value {
    json!({
        "type": "object",
        "required": ["items", "next"],
        "properties": {
            "items": { "type": "array", "items": schema_ref(item) },
            "next": { "type": ["string", "null"], "format": "uri" }
        }
    })
}

fn string() -> Value {
    json!({ "type": "string" })
}

fn nullable_string() -> Value {
    json!({ "type": ["string", "null"] })
}

fn time() -> Value {
    json!({ "type": "string", "format": "date-time" })
}

fn nullable_time() -> Value {
    json!({ "type": ["string", "null"], "format": "date-time" })
}

fn integer() -> Value {
    json!({ "type": "integer" })
}

fn uri() -> Value {
    json!({ "type": "string", "format": "uri" })
}

/// An object schema whose every property is required (the API never leaves one out; absent
/// values are null).
fn object(properties: Value) -> Value {
    let required: Vec<String> = properties
        .as_object()
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default();
    json!({ "type": "object", "required": required, "properties": properties })
}

fn status_schema() -> Value {
    let codes: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
    json!({ "type": "string", "enum": codes })
}

fn schemas() -> Value {
    let idea_summary = json!({
        "id": integer(), "title": string(), "theme": string(), "status": status_schema(),
        "author": string(), "organisation": nullable_string(), "supports": integer(),
        "comments": integer(), "created_at": time(), "edited_at": nullable_time(),
        "url": uri(), "api_url": uri(),
        "recent_supports": { "type": ["integer", "null"], "description": "Supports in the last seven days (the trend sort only)." }
    });
    let workshop = json!({
        "id": integer(), "title": string(), "starts_at": time(), "ends_at": time(),
        "format": { "type": "string", "enum": ["digital", "onsite"] },
        "location": { "type": ["string", "null"], "description": "Only for workshops on site; the join link of a digital workshop is only for registered people." },
        "description": { "type": "string", "description": "Markdown" },
        "seats": integer(), "free_seats": integer(), "registration_open": { "type": "boolean" },
        "theme": nullable_string(), "report": { "type": "string", "description": "Markdown" },
        "learnings": { "type": "integer", "description": "How many learnings the workshop has." },
        "url": uri(), "api_url": uri()
    });
    let mut workshop_detail = workshop.clone();
    if let Some(map) = workshop_detail.as_object_mut() {
        map.insert(
            "learnings".into(),
            json!({ "type": "array", "items": schema_ref("Learning") }),
        );
        map.insert(
            "idea_ids".into(),
            json!({ "type": "array", "items": integer() }),
        );
    }
    json!({
        "Theme": object(json!({
            "id": integer(), "slug": string(), "name": string(), "description": string(),
            "name_en": { "type": ["string", "null"], "description": "English name; null when there is none (English pages then show the German one)." },
            "description_en": { "type": ["string", "null"], "description": "English description (Markdown); null when there is none." },
            "open": { "type": "boolean", "description": "Whether the theme takes new ideas." },
            "ideas": { "type": "integer", "description": "Listed ideas." },
            "url": uri(), "ideas_url": uri()
        })),
        "IdeaSummary": object(idea_summary),
        "Idea": object(json!({
            "id": integer(), "title": string(),
            "body": { "type": "string", "description": "Markdown" },
            "theme": string(), "status": status_schema(), "author": string(),
            "organisation": nullable_string(), "supports": integer(), "comments": integer(),
            "created_at": time(), "edited_at": nullable_time(),
            "merged_into": { "type": ["integer", "null"] },
            "answer": { "oneOf": [ { "type": "null" }, schema_ref("Answer") ] },
            "trail": { "type": "array", "items": schema_ref("Step") },
            "learnings": { "type": "array", "items": schema_ref("LinkedLearning") },
            "url": uri(), "comments_url": uri()
        })),
        "Answer": object(json!({
            "status": status_schema(), "text": string(), "by": string(), "at": time()
        })),
        "Step": object(json!({
            "from": { "oneOf": [ { "type": "null" }, status_schema() ] },
            "to": status_schema(), "by": string(), "by_role": string(), "note": string(),
            "at": time()
        })),
        "LinkedLearning": object(json!({
            "id": integer(), "workshop": integer(), "number": integer(), "title": string(),
            "url": uri()
        })),
        "Comment": object(json!({
            "id": integer(),
            "parent": { "type": ["integer", "null"], "description": "The comment this one answers (it may be hidden or deleted)." },
            "author": string(), "organisation": nullable_string(),
            "body": { "type": "string", "description": "Markdown" },
            "created_at": time(), "edited_at": nullable_time(), "url": uri()
        })),
        "Workshop": object(workshop),
        "WorkshopDetail": object(workshop_detail),
        "Learning": object(json!({
            "id": integer(), "number": integer(), "title": string(),
            "body": { "type": "string", "description": "Plain text, paragraphs separated by blank lines." },
            "idea_ids": { "type": "array", "items": integer() }, "url": uri()
        })),
        "LogEntry": object(json!({
            "id": integer(), "at": time(), "action": string(),
            "reason": { "type": ["string", "null"], "enum": ["spam", "insult", "illegal", "offtopic", "other", null] },
            "note": string(), "by_role": string(),
            "item_type": { "type": "string", "enum": ["idea", "comment", "user", "organisation"] },
            "item_id": integer()
        })),
        "MonthlyCount": object(json!({
            "month": { "type": "string", "description": "YYYY-MM, Berlin time" },
            "action": string(), "reason": { "type": ["string", "null"] }, "count": integer()
        })),
        "Transparency": object(json!({
            "monthly": { "type": "array", "items": schema_ref("MonthlyCount"), "description": "Only on the first page." },
            "items": { "type": "array", "items": schema_ref("LogEntry") },
            "next": { "type": ["string", "null"], "format": "uri" }
        })),
        "Problem": {
            "type": "object",
            "required": ["type", "title", "status"],
            "properties": {
                "type": string(), "title": string(), "status": integer(), "detail": string()
            }
        },
        "ThemeList": list_of("Theme"),
        "IdeaList": list_of("IdeaSummary"),
        "CommentList": list_of("Comment"),
        "WorkshopList": list_of("Workshop")
    })
}

/// The whole document; `server` is the site's address, the licence as configured.
pub fn openapi(server: &str, licence: &str, licence_url: &str) -> Value {
    let page = || vec![param_ref("cursor"), param_ref("limit")];
    let id = json!({ "name": "id", "in": "path", "required": true, "schema": integer() });
    let mut idea_params = page();
    idea_params.extend([
        json!({ "name": "theme", "in": "query", "description": "A theme's slug.", "schema": string() }),
        json!({ "name": "status", "in": "query", "description": "Only ideas with this status (listed ideas are never withdrawn or merged).", "schema": status_schema() }),
        json!({ "name": "tag", "in": "query", "description": "A tag's slug (as in /ideen?tag=): ideas carrying a tag of that name in their own theme.", "schema": string() }),
        json!({ "name": "since", "in": "query", "description": "Submitted at or after: unix seconds, an RFC 3339 instant, or a day YYYY-MM-DD (midnight in Berlin).", "schema": string() }),
        json!({ "name": "sort", "in": "query", "description": "As on the theme pages: newest, most supported, most discussed, trending (most supports in the last seven days; needs a theme, and its pages move with the week's numbers).", "schema": { "type": "string", "enum": ["neueste", "unterstuetzung", "diskutiert", "trend"], "default": "neueste" } }),
    ]);
    let mut comment_params = vec![id.clone()];
    comment_params.extend(page());
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Mitdenken Open Data API",
            "version": "1",
            "description": "Read-only access to everything the board shows anyone: themes, ideas with their trail and the ministry's answers, comments, workshops with their learnings, and the moderation log. No personal data beyond public display names; hidden content never appears. Lists are paged by cursor: follow `next` (also sent as a Link header) until it is null. Every answer has an ETag; errors are application/problem+json (RFC 9457).",
            "license": { "name": licence, "url": licence_url }
        },
        "servers": [ { "url": server } ],
        "paths": {
            "/api/v1/themes": get("The themes", vec![], schema_ref("ThemeList"), false),
            "/api/v1/ideas": get("Listed ideas of all or one theme", idea_params, schema_ref("IdeaList"), false),
            "/api/v1/ideas/{id}": get("One idea with its trail, the ministry's answer and linked learnings", vec![id.clone()], schema_ref("Idea"), true),
            "/api/v1/ideas/{id}/comments": get("An idea's visible comments, oldest first", comment_params, schema_ref("CommentList"), true),
            "/api/v1/workshops": get("The workshops of the Innovationswerkstatt, earliest first", vec![], schema_ref("WorkshopList"), false),
            "/api/v1/workshops/{id}": get("One workshop with its learnings and the ideas linked to them", vec![id], schema_ref("WorkshopDetail"), true),
            "/api/v1/transparency": get("The public moderation log, newest first, with the monthly counts", page(), schema_ref("Transparency"), false),
            "/api/v1/openapi.json": get("This document", vec![], json!({ "type": "object" }), false),
            "/api/openapi.json": get("This document (the same at a shorter address)", vec![], json!({ "type": "object" }), false)
        },
        "components": {
            "schemas": schemas(),
            "parameters": {
                "cursor": { "name": "cursor", "in": "query", "description": "Where the previous page ended; take it from `next`.", "schema": string() },
                "limit": { "name": "limit", "in": "query", "description": "Items per page.", "schema": { "type": "integer", "minimum": 1, "maximum": 100, "default": 50 } }
            },
            "headers": {
                "ETag": { "description": "Send it back in If-None-Match for a 304.", "schema": string() },
                "CacheControl": { "schema": string() },
                "AllowOrigin": { "description": "Always *.", "schema": string() },
                "RetryAfter": { "description": "Seconds to wait.", "schema": integer() }
            },
            "responses": {
                "Problem": {
                    "description": "An error (RFC 9457).",
                    "content": { "application/problem+json": { "schema": schema_ref("Problem") } }
                },
                "TooManyRequests": {
                    "description": "Too many requests from this address; wait Retry-After seconds.",
                    "headers": { "Retry-After": { "$ref": "#/components/headers/RetryAfter" } },
                    "content": { "application/problem+json": { "schema": schema_ref("Problem") } }
                }
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::openapi;

    /// The paths the API's router routes, read from its source (the needle is built so that
    /// the audit's route scan does not take this line for a route).
    fn routed() -> Vec<String> {
        let source = std::fs::read_to_string("src/api/mod.rs").unwrap_or_default();
        let needle = format!(".{}(\"", "route");
        source
            .split(needle.as_str())
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .filter(|path| *path != "/api")
            .map(str::to_string)
            .collect()
    }

    /// Every route of the router is described, and nothing else.
    #[test]
    fn the_document_describes_every_route() {
        let doc = openapi("http://localhost", "CC BY 4.0", "https://example.org");
        let routes = routed();
        assert!(routes.len() >= 9, "the router's routes: {routes:?}");
        for route in &routes {
            assert!(
                doc["paths"].get(route).is_some(),
                "{route} is not described"
            );
        }
        let described = doc["paths"].as_object().map(|m| m.len()).unwrap_or(0);
        assert_eq!(described, routes.len(), "described but not routed");
    }

    /// Every `$ref` points at something the document has.
    #[test]
    fn every_reference_resolves() {
        fn walk(v: &serde_json::Value, doc: &serde_json::Value, bad: &mut Vec<String>) {
            match v {
                serde_json::Value::Object(m) => {
                    if let Some(r) = m.get("$ref").and_then(|r| r.as_str()) {
                        if doc.pointer(r.trim_start_matches('#')).is_none() {
                            bad.push(r.to_string());
                        }
                    }
                    m.values().for_each(|x| walk(x, doc, bad));
                }
                serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, doc, bad)),
                _ => {}
            }
        }
        let doc = openapi("http://localhost", "CC BY 4.0", "https://example.org");
        let mut bad = Vec::new();
        walk(&doc, &doc, &mut bad);
        assert!(bad.is_empty(), "{bad:?}");
    }
}
