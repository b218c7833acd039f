//! CSRF, injection, headers, limits, error pages, the one cookie, health.

use crate::helpers::*;
use mitdenken::domain::Role;
use reqwest::StatusCode;

const BODY: &str = "Eine Idee mit ausreichend langem Text für die Prüfung.";

#[tokio::test]
async fn posts_without_a_valid_csrf_token_are_refused_and_change_nothing() {
    let app = spawn_app().await;
    app.register("Zoe", "zoe@example.org").await;
    let id = app
        .submit_idea("digitale-ethik", "Schutz vor Fälschung", BODY)
        .await;

    let none = app
        .post_raw(&app.client, &format!("/ideas/{id}/support"), &[])
        .await;
    assert_eq!(none.status, StatusCode::FORBIDDEN);
    assert!(none.body.contains("Formular abgelaufen"));
    let wrong = app
        .post_raw(
            &app.client,
            &format!("/ideas/{id}/support"),
            &[("csrf", "0000")],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::FORBIDDEN);
    let edit = app
        .post_raw(
            &app.client,
            &format!("/ideas/{id}/edit"),
            &[
                ("csrf", "falsch"),
                ("theme", "digitale-ethik"),
                ("title", "Gefälscht"),
                ("body", BODY),
            ],
        )
        .await;
    assert_eq!(edit.status, StatusCode::FORBIDDEN);
    let comment = app
        .post_raw(
            &app.client,
            &format!("/ideas/{id}/comments"),
            &[("body", "gefälscht")],
        )
        .await;
    assert_eq!(comment.status, StatusCode::FORBIDDEN);
    assert_eq!(
        app.scalar("SELECT support_count FROM ideas WHERE id = $1", id)
            .await,
        0
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM comments WHERE idea_id = $1", id)
            .await,
        0
    );
    assert!(
        app.get(&format!("/ideas/{id}"))
            .await
            .body
            .contains("Schutz vor Fälschung")
    );

    // Another person's token does not work for this session.
    let other = app
        .user("Anton", "anton@example.org", Role::Participant)
        .await;
    let foreign = app.csrf(&other).await;
    let page = app
        .post_raw(
            &app.client,
            &format!("/ideas/{id}/support"),
            &[("csrf", &foreign)],
        )
        .await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);

    // Logging in and registering need a token too (no login CSRF).
    let fresh = new_client();
    let login = app
        .post_raw(
            &fresh,
            "/login",
            &[("email", "zoe@example.org"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(login.status, StatusCode::FORBIDDEN);
}

/// The first real tag (not escaped text) that carries an `on…=` attribute.
/// The page without our own copy-button script tag (`<script src="/static/share.js?v=…"
/// defer></script>`); only that exact address is ours.
fn without_own_scripts(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<script src=\"/static/share.js?v=") {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let end = tail
            .find("\" defer></script>")
            .map_or(tail.len(), |e| e + "\" defer></script>".len());
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

fn event_handler_in_tags(html: &str) -> Option<String> {
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        let tag_end = rest[i..].find('>').map(|e| i + e).unwrap_or(rest.len());
        let tag = &rest[i..tag_end];
        let is_tag = tag[1..].starts_with(|c: char| c.is_ascii_alphabetic());
        if is_tag {
            for (pos, _) in tag.match_indices(" on") {
                let name: String = tag[pos + 3..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphabetic())
                    .collect();
                if !name.is_empty() && tag[pos + 3 + name.len()..].starts_with('=') {
                    return Some(tag.to_string());
                }
            }
        }
        rest = &rest[tag_end.min(rest.len())..];
        if rest.len() <= 1 {
            break;
        }
        rest = &rest[1..];
    }
    None
}

#[test]
fn the_event_handler_check_can_fail() {
    assert!(event_handler_in_tags("<b onclick=alert(1)>x</b>").is_some());
    assert!(event_handler_in_tags("<p class=\"a\" onload=\"x\">").is_some());
    assert!(event_handler_in_tags("&lt;img onerror=alert(1)&gt; <b>ok</b>").is_none());
}

#[tokio::test]
async fn injected_html_and_scripts_come_out_inert() {
    let app = spawn_app().await;
    let evil_name = "<img src=x onerror=alert(1)>Mallory";
    let client = new_client();
    app.register_with(&client, evil_name, "mallory@example.org")
        .await
        .assert_redirect_to("/");
    let title = "<script>alert('titel')</script><svg onload=alert(2)>";
    let body = "Text <script>alert(3)</script> und [klick](javascript:alert(4)) \
        <a href=\"javascript:alert(5)\">a</a> <img src=x onerror=alert(6)> <svg onload=alert(7)></svg> \
        <div onclick=\"alert(8)\">div</div> <iframe src=\"https://evil.example\"></iframe> \
        <b onmouseover=alert(9)>fett <i>offen";
    let id = app
        .submit_idea_with(&client, "digitale-ethik", title, body)
        .await;
    let comment = app
        .post_with(
            &client,
            &format!("/ideas/{id}/comments"),
            &[("body", "<script>alert(10)</script><img src=x onerror=alert(11)> [x](javascript:alert(12)) <p onclick=alert(13)>p")],
        )
        .await;
    comment.assert_redirect_to(&format!("/ideas/{id}"));

    let uid = app
        .scalar(
            "SELECT id FROM users WHERE email = 'mallory@example.org' AND id > $1",
            0,
        )
        .await;
    for path in [
        format!("/ideas/{id}"),
        "/themes/digitale-ethik".to_string(),
        format!("/users/{uid}"),
        "/".to_string(),
    ] {
        let page = app.get_with(&client, &path).await;
        assert_eq!(page.status, StatusCode::OK);
        // The idea page's own copy-button script (same origin, under /static/) is the one
        // script tag a page may carry (issue 13); anything else would be injected.
        let html = without_own_scripts(&page.body.to_lowercase());
        for bad in ["<script", "<svg", "<iframe", "<img", "href=\"javascript:"] {
            assert!(!html.contains(bad), "{path} contains {bad}");
        }
        assert_eq!(event_handler_in_tags(&html), None, "{path}");
    }
    let page = app.get_with(&client, &format!("/ideas/{id}")).await;
    assert!(
        page.body
            .contains("&lt;script&gt;alert('titel')&lt;/script&gt;"),
        "the title is shown as text"
    );
    assert!(
        page.body
            .contains("&lt;img src=x onerror=alert(1)&gt;Mallory"),
        "the name is shown as text"
    );
    assert!(page.body.contains("<b>fett <i>offen"));
    assert!(
        page.body.contains("</i></b></div>"),
        "unclosed tags are closed inside the text"
    );
}

#[tokio::test]
async fn security_headers_and_the_one_cookie() {
    let app = spawn_app().await;
    let r = app.client.get(app.url("/")).send().await.unwrap();
    let h = r.headers();
    let csp = h
        .get("content-security-policy")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    assert!(csp.contains("frame-ancestors 'none'"));
    assert!(csp.contains("script-src 'self'"));
    assert!(!csp.contains("unsafe-inline"));
    assert_eq!(
        h.get("x-content-type-options")
            .and_then(|v| v.to_str().ok()),
        Some("nosniff")
    );
    assert!(h.get("referrer-policy").is_some());
    assert!(h.get("set-cookie").is_none(), "reading sets no cookie");

    let page = app.get("/register").await;
    assert_eq!(page.set_cookies.len(), 1);
    let cookie = page.set_cookies[0].to_lowercase();
    assert!(cookie.starts_with("mitdenken_sitzung="));
    assert!(cookie.contains("httponly"));
    assert!(cookie.contains("samesite=lax"));
    assert!(!cookie.contains("secure"), "not secure unless configured");
    let login = app
        .register_with(&app.client, "Berta", "berta@example.org")
        .await;
    for c in &login.set_cookies {
        assert!(
            c.starts_with("mitdenken_sitzung="),
            "only the session cookie: {c}"
        );
    }
    let html = app.get("/").await.body;
    assert!(!html.contains("<script"), "pages need no JavaScript");
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "no third-party resources"
    );

    let secure = spawn_app_with(|c| c.secure_cookies = true).await;
    let page = secure.get("/register").await;
    assert!(page.set_cookies[0].to_lowercase().contains("secure"));
}

#[tokio::test]
async fn oversized_bodies_get_a_clear_message() {
    let app = spawn_app().await;
    app.register("Carlo", "carlo@example.org").await;
    let huge = "a".repeat(400 * 1024);
    let page = app
        .post(
            "/ideas",
            &[
                ("theme", "digitale-ethik"),
                ("title", "Zu groß"),
                ("body", &huge),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(page.body.contains("Eingabe zu groß"));
}

#[tokio::test]
async fn health_answers_when_the_database_does() {
    let app = spawn_app().await;
    let page = app.get("/healthz").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.body, "ok");
}

#[tokio::test]
async fn malformed_forms_get_a_friendly_page() {
    let app = spawn_app().await;
    app.register("Dana", "dana@example.org").await;
    let id = app.submit_idea("digitale-ethik", "Eine Idee", BODY).await;
    let page = app
        .post(
            &format!("/ideas/{id}/comments"),
            &[("body", "Antwort"), ("parent_id", "keine-zahl")],
        )
        .await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    assert!(page.body.contains("Anfrage nicht verständlich"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn expired_sessions_are_deleted_and_instances_do_not_collide() {
    use mitdenken::db::SessionPool;
    use tower_sessions::session::{Id, Record};
    use tower_sessions::session_store::SessionStore;
    let app = spawn_app().await;
    app.register("Svea", "svea@example.org").await;
    let expired = Record {
        id: Id::default(),
        data: Default::default(),
        expiry_date: time::OffsetDateTime::now_utc() - time::Duration::hours(1),
    };
    let count = || async {
        match &app.db.sessions {
            SessionPool::Sqlite(p) => {
                let mut r = expired.clone();
                tower_sessions_sqlx_store::SqliteStore::new(p.clone())
                    .create(&mut r)
                    .await
                    .unwrap();
                sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM tower_sessions")
                    .fetch_one(p)
                    .await
                    .unwrap()
            }
            SessionPool::Postgres(p) => {
                let mut r = expired.clone();
                tower_sessions_sqlx_store::PostgresStore::new(p.clone())
                    .create(&mut r)
                    .await
                    .unwrap();
                sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM tower_sessions.session")
                    .fetch_one(p)
                    .await
                    .unwrap()
            }
        }
    };
    // The logged-in session plus one long expired.
    assert_eq!(count().await, 2);
    // Two instances cleaning up at the same moment.
    let (a, b) = tokio::join!(
        mitdenken::delete_expired_sessions(&app.db),
        mitdenken::delete_expired_sessions(&app.db)
    );
    a.unwrap();
    b.unwrap();
    let remaining = match &app.db.sessions {
        SessionPool::Sqlite(p) => {
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM tower_sessions")
                .fetch_one(p)
                .await
                .unwrap()
        }
        SessionPool::Postgres(p) => {
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM tower_sessions.session")
                .fetch_one(p)
                .await
                .unwrap()
        }
    };
    assert_eq!(remaining, 1, "only the live session is left");
    assert!(
        app.get("/account").await.body.contains("svea@example.org"),
        "and it still works"
    );
}
