//! Bad bytes and login floods: invalid UTF-8 is refused with a clear 400 page and nothing is
//! stored; a full password-check queue answers 503 with Retry-After and nothing breaks.

use crate::helpers::*;
use reqwest::StatusCode;

const NOT_READABLE: &str = "Zeichen nicht lesbar";

/// POST a body exactly as given (it may hold bytes that are not UTF-8).
async fn post_bytes(app: &TestApp, path: &str, body: Vec<u8>) -> (StatusCode, String) {
    let r = app
        .client
        .post(app.url(path))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .expect("post");
    (r.status(), r.text().await.unwrap_or_default())
}

#[tokio::test]
async fn a_display_name_that_is_not_utf8_is_refused_and_not_stored() {
    let app = spawn_app().await;
    let token = app.csrf(&app.client).await;
    let password = format!("password={PASSWORD}&password_confirm={PASSWORD}");
    // "Grüße" in Latin-1, percent-encoded, and the same as raw bytes.
    for name in [b"Gr%FC%DFe+Anna".to_vec(), b"Gr\xfc\xdfe Anna".to_vec()] {
        let mut body = format!("csrf={token}&display_name=").into_bytes();
        body.extend_from_slice(&name);
        body.extend_from_slice(format!("&email=utf%40example.org&{password}").as_bytes());
        let (status, page) = post_bytes(&app, "/register", body).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(page.contains(NOT_READABLE), "{page}");
    }
    let users: i64 = app
        .scalar("SELECT COUNT(*) FROM users WHERE id > $1", 0)
        .await;
    assert_eq!(users, 0);
    // The same form with valid text works.
    app.register("Grüße Anna", "utf@example.org").await;
}

#[tokio::test]
async fn an_idea_title_that_is_not_utf8_is_refused_and_not_stored() {
    let app = spawn_app().await;
    app.register("Ida Idee", "ida@example.org").await;
    let token = app.csrf(&app.client).await;
    let body = format!(
        "csrf={token}&theme=digitale-ethik&title=Sch%F6ne+neue+Idee&body=Eine+Beschreibung+mit+genug+Zeichen."
    );
    let (status, page) = post_bytes(&app, "/ideas", body.into_bytes()).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains(NOT_READABLE), "{page}");
    let ideas: i64 = app
        .scalar("SELECT COUNT(*) FROM ideas WHERE id > $1", 0)
        .await;
    assert_eq!(ideas, 0);
}

#[tokio::test]
async fn a_query_that_is_not_utf8_is_refused() {
    let app = spawn_app().await;
    let page = app.get("/login?next=%2Fideas%2F%FF").await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    assert!(page.body.contains(NOT_READABLE));
    let page = app.get("/themes/digitale-ethik?sort=%C3").await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    // In a path too: bytes that are not UTF-8 are refused with the same clear page.
    for path in ["/ideas/%FF", "/ideas/%FF%FE", "/themes/%C3"] {
        let page = app.get(path).await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{path}");
        assert!(page.body.contains(NOT_READABLE), "{path}");
    }
    // Valid percent-encoded UTF-8 is still fine.
    assert_eq!(
        app.get("/themes/digitale-ethik?sort=%C3%BC").await.status,
        StatusCode::OK
    );
    assert_eq!(app.get("/ideas/%C3%BC").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_the_password_queue_full_a_login_gets_503_and_nothing_breaks() {
    let app = spawn_app_with(|c| {
        c.hash_workers = 1;
        c.hash_queue = 1;
    })
    .await;
    app.register("Lena Login", "lena@example.org").await;
    let mut clients = Vec::new();
    for _ in 0..16 {
        let client = new_client();
        let token = app.csrf(&client).await;
        clients.push((client, token));
    }
    let tasks: Vec<_> = clients
        .iter()
        .map(|(client, token)| {
            let (client, url) = (client.clone(), app.url("/login"));
            let body =
                format!("csrf={token}&email=lena%40example.org&password=falsch-falsch-falsch");
            tokio::spawn(async move {
                let r = client
                    .post(url)
                    .header("content-type", "application/x-www-form-urlencoded")
                    .body(body)
                    .send()
                    .await
                    .expect("post");
                let retry_after = r.headers().get("retry-after").is_some();
                (r.status(), retry_after, r.text().await.unwrap_or_default())
            })
        })
        .collect();
    let mut busy = 0;
    for task in tasks {
        let (status, retry_after, page) = task.await.expect("task");
        match status {
            StatusCode::SERVICE_UNAVAILABLE => {
                assert!(retry_after, "503 says when to come back");
                assert!(page.contains("Gerade sehr viel los"), "{page}");
                busy += 1;
            }
            // A failed login shows the form again.
            StatusCode::OK => {}
            other => panic!("unexpected {other}"),
        }
    }
    assert!(busy >= 1, "some logins found the queue full");
    assert!(busy <= 14, "one runs and one waits");
    // Afterwards logins work as before.
    let client = new_client();
    app.login_with(&client, "lena@example.org", PASSWORD)
        .await
        .assert_redirect_to("/");
}
