//! The read-only JSON API: answers checked against its own OpenAPI document, cursor pages
//! while ideas arrive, no hidden content and no e-mail addresses anywhere, ETag and 304, CORS,
//! the per-address limit with 429, and errors as problem+json.

use crate::helpers::*;
use crate::workshops::create_workshop;
use mitdenken::domain::Role;
use reqwest::StatusCode;
use serde_json::Value;
use std::collections::HashSet;

const BODY: &str = "Eine Beschreibung, lang genug für das Formular.";

struct Answer {
    status: StatusCode,
    headers: reqwest::header::HeaderMap,
    raw: String,
}

impl Answer {
    fn header(&self, name: &str) -> Option<String> {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    }

    fn json(&self) -> Value {
        assert_eq!(self.status, StatusCode::OK, "{}", self.raw);
        serde_json::from_str(&self.raw).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.raw))
    }

    /// A problem document (RFC 9457) with this status.
    fn assert_problem(&self, status: StatusCode) {
        assert_eq!(self.status, status, "{}", self.raw);
        assert_eq!(
            self.header("content-type").as_deref(),
            Some("application/problem+json"),
            "{}",
            self.raw
        );
        let p: Value = serde_json::from_str(&self.raw).expect("problem JSON");
        assert_eq!(p["status"].as_u64(), Some(u64::from(status.as_u16())));
        assert_eq!(p["type"], "about:blank");
        assert!(p["title"].is_string());
        assert_eq!(
            self.header("access-control-allow-origin").as_deref(),
            Some("*")
        );
    }
}

async fn call(app: &TestApp, method: reqwest::Method, url: &str, etag: Option<&str>) -> Answer {
    let url = if url.starts_with("http") {
        url.to_string()
    } else {
        app.url(url)
    };
    let mut request = new_client().request(method, url);
    if let Some(tag) = etag {
        request = request.header("if-none-match", tag);
    }
    let r = request.send().await.expect("API request");
    Answer {
        status: r.status(),
        headers: r.headers().clone(),
        raw: r.text().await.unwrap_or_default(),
    }
}

async fn get(app: &TestApp, url: &str) -> Answer {
    call(app, reqwest::Method::GET, url, None).await
}

// ---------------------------------------------------------------- schema check

/// A small JSON Schema check for what the OpenAPI document uses: $ref, type (one or a list),
/// required, properties, items, oneOf, enum. Returns the first mismatch.
fn check(doc: &Value, schema: &Value, value: &Value, at: &str) -> Result<(), String> {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let target = doc
            .pointer(r.trim_start_matches('#'))
            .ok_or_else(|| format!("{at}: no {r}"))?;
        return check(doc, target, value, at);
    }
    if let Some(options) = schema.get("oneOf").and_then(Value::as_array) {
        return if options.iter().any(|o| check(doc, o, value, at).is_ok()) {
            Ok(())
        } else {
            Err(format!("{at}: {value} matches no oneOf"))
        };
    }
    if let Some(types) = schema.get("type") {
        let types: Vec<&str> = match types {
            Value::String(s) => vec![s.as_str()],
            Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        let fits = types.iter().any(|t| match *t {
            "null" => value.is_null(),
            "string" => value.is_string(),
            "integer" => value.is_i64() || value.is_u64(),
            "number" => value.is_number(),
            "boolean" => value.is_boolean(),
            "array" => value.is_array(),
            "object" => value.is_object(),
            _ => false,
        });
        if !fits {
            return Err(format!("{at}: {value} is not {types:?}"));
        }
    }
    if let Some(allowed) = schema.get("enum").and_then(Value::as_array) {
        if !allowed.contains(value) {
            return Err(format!("{at}: {value} not in {allowed:?}"));
        }
    }
    if let (Some(required), Some(obj)) = (
        schema.get("required").and_then(Value::as_array),
        value.as_object(),
    ) {
        for key in required.iter().filter_map(Value::as_str) {
            if !obj.contains_key(key) {
                return Err(format!("{at}: {key} missing"));
            }
        }
    }
    if let (Some(props), Some(obj)) = (
        schema.get("properties").and_then(Value::as_object),
        value.as_object(),
    ) {
        for (key, v) in obj {
            let sub = props
                .get(key)
                .ok_or_else(|| format!("{at}: {key} is not in the schema"))?;
            check(doc, sub, v, &format!("{at}.{key}"))?;
        }
    }
    if let (Some(items), Some(arr)) = (schema.get("items"), value.as_array()) {
        for (i, v) in arr.iter().enumerate() {
            check(doc, items, v, &format!("{at}[{i}]"))?;
        }
    }
    Ok(())
}

/// The answer of `url` fits the 200 schema the document gives for `route`.
async fn assert_fits(app: &TestApp, doc: &Value, route: &str, url: &str) -> Value {
    let value = get(app, url).await.json();
    let schema =
        &doc["paths"][route]["get"]["responses"]["200"]["content"]["application/json"]["schema"];
    assert!(!schema.is_null(), "{route} has no schema");
    if let Err(e) = check(doc, schema, &value, route) {
        panic!("{url}: {e}\n{value:#}");
    }
    value
}

/// The moderator hides the comment `comment` and the idea `idea`, and blocks the author of
/// the idea `blocked`.
pub(crate) async fn hide_and_block(
    app: &TestApp,
    moderator: &reqwest::Client,
    comment: i64,
    idea: i64,
    blocked: i64,
) {
    app.post_with(
        moderator,
        &format!("/moderation/comments/{comment}/hide"),
        &[("reason", "insult"), ("note", "Beleidigend.")],
    )
    .await;
    app.post_with(
        moderator,
        &format!("/moderation/ideas/{idea}/hide"),
        &[("reason", "offtopic"), ("note", "Passt nicht.")],
    )
    .await
    .assert_redirect_to(&format!("/ideas/{idea}"));
    let author = app
        .scalar("SELECT author_id FROM ideas WHERE id = $1", blocked)
        .await;
    app.post_with(
        moderator,
        &format!("/moderation/users/{author}/block"),
        &[("note", "Spam.")],
    )
    .await;
}

/// The idea's road to the ministry, which accepts it with a public answer.
pub(crate) async fn answer(
    app: &TestApp,
    moderator: &reqwest::Client,
    ministry: &reqwest::Client,
    idea: i64,
) {
    for (client, to, note) in [
        (moderator, "discussion", ""),
        (moderator, "review", "Klarer Vorschlag."),
        (moderator, "forwarded", "An Referat 113 weitergeleitet."),
        (ministry, "accepted", "Wir fördern 20 Pilotstandorte."),
    ] {
        app.post_with(
            client,
            &format!("/ideas/{idea}/status"),
            &[("to", to), ("note", note)],
        )
        .await;
    }
}

/// Links the idea to the newest learning of the workshop, straight in the table (also a
/// hidden idea, which the moderators' form would not offer).
pub(crate) async fn link_learning(app: &TestApp, workshop: i64, idea: i64) {
    let learning = app
        .scalar(
            "SELECT MAX(id) FROM learnings WHERE workshop_id = $1",
            workshop,
        )
        .await;
    sqlx::query("INSERT INTO learning_ideas (learning_id, idea_id, created_at) VALUES ($1, $2, 0)")
        .bind(learning)
        .bind(idea)
        .execute(&app.db.pool)
        .await
        .expect("link the idea");
}

/// A board with a bit of everything: an answered idea, comments, a workshop with a learning
/// linked to the idea, a moderation log.
struct Board {
    answered: i64,
    other: i64,
    workshop: i64,
}

async fn board(app: &TestApp) -> Board {
    let anna = app
        .user("Anna Antwort", "anna@example.org", Role::Participant)
        .await;
    let answered = app
        .submit_idea_with(
            &anna,
            "digitale-kompetenzen",
            "Digitalpaten im Seniorentreff",
            BODY,
        )
        .await;
    let other = app
        .submit_idea_with(&anna, "digitale-ethik", "Offene Algorithmen", BODY)
        .await;
    app.post_with(
        &anna,
        &format!("/ideas/{answered}/comments"),
        &[("body", "Ein erster Kommentar.")],
    )
    .await;
    let moderator = app
        .user("Mo Moderation", "mo@example.org", Role::Moderator)
        .await;
    let ministry = app
        .user("Referat 113", "referat@example.org", Role::Ministry)
        .await;
    answer(app, &moderator, &ministry, answered).await;
    let workshop = create_workshop(app, &moderator, "Werkstatt Offene Daten", &[]).await;
    crate::workshops::link_new_learning(
        app,
        &moderator,
        (workshop, answered),
        "Daten teilen",
        "Daten müssen geteilt werden.",
    )
    .await;
    Board {
        answered,
        other,
        workshop,
    }
}

#[tokio::test]
async fn every_answer_fits_the_openapi_document() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let doc = get(&app, "/api/v1/openapi.json").await.json();
    assert_eq!(doc["openapi"], "3.1.0");
    assert_eq!(doc["info"]["license"]["name"], "CC BY 4.0");
    assert_eq!(get(&app, "/api/openapi.json").await.json(), doc);

    let themes = assert_fits(&app, &doc, "/api/v1/themes", "/api/v1/themes").await;
    assert_eq!(
        themes["items"].as_array().map(Vec::len),
        Some(6),
        "{themes}"
    );
    let ideas = assert_fits(&app, &doc, "/api/v1/ideas", "/api/v1/ideas").await;
    assert_eq!(ideas["items"].as_array().map(Vec::len), Some(2));
    assert_eq!(ideas["items"][0]["id"], b.other, "newest first");

    let idea = assert_fits(
        &app,
        &doc,
        "/api/v1/ideas/{id}",
        &format!("/api/v1/ideas/{}", b.answered),
    )
    .await;
    assert_eq!(idea["status"], "accepted");
    assert_eq!(idea["author"], "Anna Antwort");
    assert_eq!(idea["answer"]["text"], "Wir fördern 20 Pilotstandorte.");
    assert_eq!(idea["answer"]["by"], "Referat 113");
    assert_eq!(idea["trail"].as_array().map(Vec::len), Some(5));
    assert_eq!(idea["learnings"][0]["title"], "Daten teilen");
    assert_eq!(idea["url"], app.url(&format!("/ideas/{}", b.answered)));

    let comments = assert_fits(
        &app,
        &doc,
        "/api/v1/ideas/{id}/comments",
        &format!("/api/v1/ideas/{}/comments", b.answered),
    )
    .await;
    assert_eq!(comments["items"][0]["body"], "Ein erster Kommentar.");
    assert_fits(&app, &doc, "/api/v1/workshops", "/api/v1/workshops").await;
    let w = assert_fits(
        &app,
        &doc,
        "/api/v1/workshops/{id}",
        &format!("/api/v1/workshops/{}", b.workshop),
    )
    .await;
    assert_eq!(w["idea_ids"], serde_json::json!([b.answered]));
    assert_eq!(
        w["learnings"][0]["idea_ids"],
        serde_json::json!([b.answered])
    );
    let log = assert_fits(&app, &doc, "/api/v1/transparency", "/api/v1/transparency").await;
    assert!(
        log["items"].as_array().is_some_and(|a| !a.is_empty()),
        "{log}"
    );
    assert!(
        log["monthly"].as_array().is_some_and(|a| !a.is_empty()),
        "{log}"
    );
}

#[tokio::test]
async fn the_filters_narrow_the_list() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let ids = |v: &Value| -> Vec<i64> {
        v["items"]
            .as_array()
            .map(|a| a.iter().filter_map(|i| i["id"].as_i64()).collect())
            .unwrap_or_default()
    };
    let by_theme = get(&app, "/api/v1/ideas?theme=digitale-ethik").await.json();
    assert_eq!(ids(&by_theme), vec![b.other]);
    let by_status = get(&app, "/api/v1/ideas?status=accepted").await.json();
    assert_eq!(ids(&by_status), vec![b.answered]);
    let future = get(&app, "/api/v1/ideas?since=2099-01-01").await.json();
    assert!(ids(&future).is_empty());
    let past = get(&app, "/api/v1/ideas?since=2020-01-01T00:00:00Z")
        .await
        .json();
    assert_eq!(ids(&past).len(), 2);
    let supported = get(&app, "/api/v1/ideas?sort=unterstuetzung").await.json();
    assert_eq!(ids(&supported).len(), 2);

    // Trending as on the theme page: only ideas supported this week, of one theme.
    let sven = app
        .user("Sven Stütze", "sven@example.org", Role::Participant)
        .await;
    app.post_with(&sven, &format!("/ideas/{}/support", b.other), &[])
        .await;
    let doc = get(&app, "/api/v1/openapi.json").await.json();
    let trend = assert_fits(
        &app,
        &doc,
        "/api/v1/ideas",
        "/api/v1/ideas?theme=digitale-ethik&sort=trend&limit=1",
    )
    .await;
    assert_eq!(ids(&trend), vec![b.other]);
    assert_eq!(trend["items"][0]["recent_supports"], 1);
    assert_eq!(trend["next"], Value::Null, "one idea, one page");
    // Two supported ideas, one per page: the cursor carries the trend's keys.
    let second = app
        .submit_idea_with(&sven, "digitale-ethik", "Noch eine Idee", BODY)
        .await;
    let anna = app
        .user("Anton Zweiter", "anton@example.org", Role::Participant)
        .await;
    for idea in [b.other, second] {
        app.post_with(&anna, &format!("/ideas/{idea}/support"), &[])
            .await;
    }
    let first = get(
        &app,
        "/api/v1/ideas?theme=digitale-ethik&sort=trend&limit=1",
    )
    .await
    .json();
    assert_eq!(
        ids(&first),
        vec![b.other],
        "two supports this week before one"
    );
    let next = first["next"].as_str().expect("a second page").to_string();
    let rest = get(&app, &next).await.json();
    assert_eq!(ids(&rest), vec![second]);
    assert_eq!(rest["next"], Value::Null);
    let none = get(&app, "/api/v1/ideas?theme=digitale-kompetenzen&sort=trend")
        .await
        .json();
    assert!(ids(&none).is_empty(), "no supports this week: {none}");
    assert_eq!(
        ideas_newest(&app).await["items"][0]["recent_supports"],
        Value::Null
    );
}

async fn ideas_newest(app: &TestApp) -> Value {
    get(app, "/api/v1/ideas").await.json()
}

/// Walks every page, adding an idea after each one: each idea that existed at the start is
/// seen exactly once, and the pages hold together.
async fn walk(app: &TestApp, first: &str, during: &reqwest::Client) -> Vec<i64> {
    let mut seen = Vec::new();
    let mut url = first.to_string();
    for round in 0..50 {
        let page = get(app, &url).await;
        let v = page.json();
        seen.extend(
            v["items"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|i| i["id"].as_i64()),
        );
        app.submit_idea_with(
            during,
            "digitale-ethik",
            &format!("Neu während des Blätterns {round}"),
            BODY,
        )
        .await;
        match v["next"].as_str() {
            Some(next) => {
                assert_eq!(
                    page.header("link"),
                    Some(format!("<{next}>; rel=\"next\"")),
                    "the Link header names the next page"
                );
                assert!(next.starts_with(&app.url("/api/v1/ideas?")), "{next}");
                url = next.to_string();
            }
            None => return seen,
        }
    }
    panic!("the pages never end");
}

#[tokio::test]
async fn cursor_pages_visit_every_idea_exactly_once_while_ideas_are_added() {
    let app = spawn_app().await;
    let author = app
        .user("Paul Seiten", "paul@example.org", Role::Participant)
        .await;
    let mut ideas = Vec::new();
    for n in 0..7 {
        ideas.push(
            app.submit_idea_with(&author, "digitale-ethik", &format!("Idee Nummer {n}"), BODY)
                .await,
        );
    }
    // Several ideas in the same second: the id decides between them.
    let seen = walk(&app, "/api/v1/ideas?limit=3", &author).await;
    assert_eq!(seen.len(), 7, "{seen:?}");
    assert_eq!(
        seen.iter().copied().collect::<HashSet<_>>(),
        ideas.iter().copied().collect::<HashSet<_>>()
    );
    let mut newest_first = ideas.clone();
    newest_first.reverse();
    assert_eq!(seen, newest_first);

    // The other sorts page just as well (nobody supports meanwhile here).
    for sort in ["unterstuetzung", "diskutiert"] {
        let before: HashSet<i64> = sqlx::query_scalar::<_, i64>("SELECT id FROM ideas")
            .fetch_all(&app.db.pool)
            .await
            .expect("ids")
            .into_iter()
            .collect();
        let seen = walk(&app, &format!("/api/v1/ideas?limit=4&sort={sort}"), &author).await;
        let unique: HashSet<i64> = seen.iter().copied().collect();
        assert_eq!(unique.len(), seen.len(), "{sort}: an idea twice: {seen:?}");
        assert!(before.is_subset(&unique), "{sort}: one missing: {seen:?}");
    }
}

#[tokio::test]
async fn hidden_content_blocked_authors_and_email_addresses_never_appear() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let carl = app
        .user("Carl Kommentar", "carl@example.org", Role::Participant)
        .await;
    app.post_with(
        &carl,
        &format!("/ideas/{}/comments", b.answered),
        &[("body", "Geheimer Kommentar Quokka")],
    )
    .await;
    let cid = app
        .scalar(
            "SELECT MAX(id) FROM comments WHERE idea_id = $1",
            b.answered,
        )
        .await;
    let bert = app
        .user("Bert Gesperrt", "bert@example.org", Role::Participant)
        .await;
    let blocked_idea = app
        .submit_idea_with(&bert, "digitale-ethik", "Gesperrte Idee Axolotl", BODY)
        .await;
    app.post_with(
        &bert,
        &format!("/ideas/{}/comments", b.answered),
        &[("body", "Gesperrter Kommentar Pangolin")],
    )
    .await;
    let hidden = app
        .submit_idea_with(&carl, "digitale-ethik", "Versteckte Idee Okapi", BODY)
        .await;
    let moderator = app
        .user("Mia Moderation", "mia@example.org", Role::Moderator)
        .await;
    hide_and_block(&app, &moderator, cid, hidden, blocked_idea).await;
    // The hidden idea links the learning too: the workshop must not name it.
    link_learning(&app, b.workshop, hidden).await;

    let mut everything = String::new();
    for url in [
        "/api/v1/themes".to_string(),
        "/api/v1/ideas".to_string(),
        "/api/v1/ideas?limit=1".to_string(),
        "/api/v1/ideas?sort=diskutiert".to_string(),
        format!("/api/v1/ideas/{}", b.answered),
        format!("/api/v1/ideas/{}/comments", b.answered),
        format!("/api/v1/ideas/{}", b.other),
        "/api/v1/workshops".to_string(),
        format!("/api/v1/workshops/{}", b.workshop),
        "/api/v1/transparency".to_string(),
        "/api/v1/openapi.json".to_string(),
    ] {
        let a = get(&app, &url).await;
        assert_eq!(a.status, StatusCode::OK, "{url}: {}", a.raw);
        everything.push_str(&a.raw);
    }
    for secret in [
        "@example.org",
        "Okapi",
        "Quokka",
        "Axolotl",
        "Pangolin",
        "Bert Gesperrt",
    ] {
        assert!(
            !everything.contains(secret),
            "{secret} is out: {everything}"
        );
    }
    assert!(
        everything.contains("Ein erster Kommentar."),
        "visible ones stay"
    );
    let w = get(&app, &format!("/api/v1/workshops/{}", b.workshop))
        .await
        .json();
    assert_eq!(w["idea_ids"], serde_json::json!([b.answered]));
    for url in [
        format!("/api/v1/ideas/{hidden}"),
        format!("/api/v1/ideas/{hidden}/comments"),
        format!("/api/v1/ideas/{blocked_idea}"),
    ] {
        get(&app, &url).await.assert_problem(StatusCode::NOT_FOUND);
    }
}

#[tokio::test]
async fn answers_carry_etags_cache_control_and_cors_and_304_while_unchanged() {
    let app = spawn_app().await;
    app.register("Anna", "anna@example.org").await;
    app.submit_idea("digitale-ethik", "Erste Idee", BODY).await;
    let first = get(&app, "/api/v1/ideas").await;
    assert_eq!(
        first.header("content-type").as_deref(),
        Some("application/json")
    );
    assert_eq!(
        first.header("access-control-allow-origin").as_deref(),
        Some("*")
    );
    assert_eq!(
        first.header("cache-control").as_deref(),
        Some("public, max-age=60")
    );
    assert!(
        first.header("set-cookie").is_none(),
        "no session for API clients"
    );
    let etag = first.header("etag").expect("an ETag");
    let again = call(&app, reqwest::Method::GET, "/api/v1/ideas", Some(&etag)).await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert!(again.raw.is_empty());
    assert_eq!(again.header("etag"), Some(etag.clone()));

    app.submit_idea("digitale-ethik", "Zweite Idee", BODY).await;
    let changed = call(&app, reqwest::Method::GET, "/api/v1/ideas", Some(&etag)).await;
    assert_eq!(changed.status, StatusCode::OK);
    assert_ne!(changed.header("etag"), Some(etag));

    let preflight = call(&app, reqwest::Method::OPTIONS, "/api/v1/ideas", None).await;
    assert_eq!(preflight.status, StatusCode::NO_CONTENT);
    assert_eq!(
        preflight.header("access-control-allow-origin").as_deref(),
        Some("*")
    );
    assert!(
        preflight
            .header("access-control-allow-headers")
            .is_some_and(|h| h.contains("If-None-Match"))
    );
    let en = get(&app, "/api/v1/themes?lang=en").await;
    assert_eq!(en.status, StatusCode::OK);
    assert!(
        en.header("set-cookie").is_none(),
        "?lang= starts no session"
    );
}

#[tokio::test]
async fn errors_are_problem_documents() {
    let app = spawn_app().await;
    for (url, status) in [
        ("/api/v1/gibt-es-nicht", StatusCode::NOT_FOUND),
        ("/api/v1", StatusCode::NOT_FOUND),
        ("/api/v1/ideas/999999", StatusCode::NOT_FOUND),
        ("/api/v1/ideas/abc", StatusCode::NOT_FOUND),
        ("/api/v1/ideas/999999/comments", StatusCode::NOT_FOUND),
        ("/api/v1/workshops/999999", StatusCode::NOT_FOUND),
        ("/api/v1/ideas?limit=0", StatusCode::BAD_REQUEST),
        ("/api/v1/ideas?limit=101", StatusCode::BAD_REQUEST),
        ("/api/v1/ideas?sort=trend", StatusCode::BAD_REQUEST),
        ("/api/v1/ideas?cursor=kaputt", StatusCode::BAD_REQUEST),
        (
            "/api/v1/ideas?sort=unterstuetzung&cursor=1.2",
            StatusCode::BAD_REQUEST,
        ),
        ("/api/v1/ideas?status=withdrawn", StatusCode::BAD_REQUEST),
        ("/api/v1/ideas?theme=gibt-es-nicht", StatusCode::BAD_REQUEST),
        ("/api/v1/ideas?since=gestern", StatusCode::BAD_REQUEST),
        ("/api/v1/ideas?tag=x", StatusCode::BAD_REQUEST),
        ("/api/v1/ideas?theme=%FF", StatusCode::BAD_REQUEST),
        ("/api/v1/transparency?cursor=1", StatusCode::BAD_REQUEST),
    ] {
        let a = get(&app, url).await;
        a.assert_problem(status);
        let p: Value = serde_json::from_str(&a.raw).unwrap_or_default();
        assert!(p["detail"].is_string(), "{url}: {}", a.raw);
    }
    let a = get(&app, "/api/v1/ideas?limit=0").await;
    assert!(a.raw.contains("1 bis 100"), "German detail: {}", a.raw);
    let en = get(&app, "/api/v1/ideas?limit=0&lang=en").await;
    assert!(en.raw.contains("1 to 100"), "English detail: {}", en.raw);
    let post = call(&app, reqwest::Method::POST, "/api/v1/ideas", None).await;
    post.assert_problem(StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(post.header("allow").as_deref(), Some("GET, HEAD, OPTIONS"));
}

#[tokio::test]
async fn too_many_requests_get_429_with_retry_after() {
    let app = spawn_app_with(|c| c.api_rate_limit = 3).await;
    for _ in 0..3 {
        assert_eq!(get(&app, "/api/v1/themes").await.status, StatusCode::OK);
    }
    let refused = get(&app, "/api/v1/themes").await;
    refused.assert_problem(StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(refused.header("retry-after").as_deref(), Some("20"));
    // The pages are not counted against the API's budget.
    assert_eq!(app.get("/").await.status, StatusCode::OK);
}

#[tokio::test]
async fn the_api_page_explains_it_in_both_languages() {
    let app = spawn_app().await;
    let de = app.get("/api").await;
    assert_eq!(de.status, StatusCode::OK);
    assert!(de.body.contains("Programmierschnittstelle"), "{}", de.body);
    assert!(de.body.contains("/api/v1/openapi.json"));
    assert!(de.body.contains("CC BY 4.0"));
    assert!(
        de.body.contains(&app.url("/api/v1/ideas?theme=")),
        "examples with the address"
    );
    let en = app.get("/api?lang=en").await;
    assert!(en.body.contains("programming interface"), "{}", en.body);
}
