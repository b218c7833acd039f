//! Request ids on every response, trusted only from our proxy, quoted on the 500 page and
//! carried by every log line of the request.

use crate::helpers::*;
use reqwest::StatusCode;

struct Answer {
    status: StatusCode,
    id: String,
    body: String,
}

async fn answer(request: reqwest::RequestBuilder) -> Answer {
    let response = request.send().await.expect("request");
    let status = response.status();
    let id = response
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_else(|| panic!("no x-request-id on a {status} answer"))
        .to_string();
    let body = response.text().await.unwrap_or_default();
    Answer { status, id, body }
}

/// Break the home page: its themes query now fails on both databases.
async fn break_the_home_page(app: &TestApp) {
    sqlx::query("ALTER TABLE themes RENAME TO themes_gone")
        .execute(&app.db.pool)
        .await
        .expect("rename themes");
}

#[tokio::test]
async fn every_response_has_its_own_request_id() {
    let app = spawn_app().await;
    let page = answer(app.client.get(app.url("/"))).await;
    assert_eq!(page.status, StatusCode::OK);
    let missing = answer(app.client.get(app.url("/gibt-es-nicht"))).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let css = answer(app.client.get(app.url("/static/app.css"))).await;
    assert_eq!(css.status, StatusCode::OK);
    let health = answer(app.client.get(app.url("/healthz"))).await;
    assert_eq!(health.status, StatusCode::OK);

    let token = app.csrf(&app.client).await;
    let form: String = form_urlencoded::Serializer::new(String::new())
        .extend_pairs([
            ("csrf", token.as_str()),
            ("display_name", "Ida"),
            ("email", "ida@example.org"),
            ("password", PASSWORD),
            ("password_confirm", PASSWORD),
            ("rules", "1"),
        ])
        .finish();
    let redirect = answer(
        app.client
            .post(app.url("/register"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(form),
    )
    .await;
    assert_eq!(redirect.status, StatusCode::SEE_OTHER);

    let ids = [&page.id, &missing.id, &css.id, &health.id, &redirect.id];
    for id in ids {
        // A UUID: long enough to be unique, short enough to read out on the phone.
        assert_eq!(id.len(), 36, "{id}");
    }
    let mut distinct: Vec<_> = ids.to_vec();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), ids.len(), "ids repeat: {ids:?}");
}

#[tokio::test]
async fn an_incoming_id_is_kept_only_from_a_trusted_proxy() {
    let direct = spawn_app().await;
    let forged = answer(
        direct
            .client
            .get(direct.url("/"))
            .header("x-request-id", "von-aussen-1"),
    )
    .await;
    assert_ne!(forged.id, "von-aussen-1");
    assert_eq!(forged.id.len(), 36);

    let proxied = spawn_app_with(|c| c.trust_proxy = true).await;
    let kept = answer(
        proxied
            .client
            .get(proxied.url("/"))
            .header("x-request-id", "nginx-4f2a9c"),
    )
    .await;
    assert_eq!(kept.id, "nginx-4f2a9c");
    // Even our proxy cannot put arbitrary text into the log lines.
    let odd = answer(
        proxied
            .client
            .get(proxied.url("/"))
            .header("x-request-id", "a b=c"),
    )
    .await;
    assert_ne!(odd.id, "a b=c");
    assert_eq!(odd.id.len(), 36);
}

#[tokio::test]
async fn the_error_page_names_the_request_id_of_its_log_lines() {
    let app = spawn_app().await;
    break_the_home_page(&app).await;

    let failed = answer(app.client.get(app.url("/"))).await;
    assert_eq!(failed.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(
        failed.body.contains("Ein Fehler ist aufgetreten"),
        "{}",
        failed.body
    );
    assert!(
        failed
            .body
            .contains(&format!("Fehlernummer: {}", failed.id)),
        "{}",
        failed.body
    );
    // The cause stays in the log.
    assert!(!failed.body.contains("themes"), "{}", failed.body);
    assert!(!failed.body.contains("database"), "{}", failed.body);

    let english = answer(app.client.get(app.url("/")).header("accept-language", "en")).await;
    assert_eq!(english.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(
        english
            .body
            .contains(&format!("Error reference: {}", english.id)),
        "{}",
        english.body
    );
    assert_ne!(english.id, failed.id);

    // Other error pages are no failure of ours and quote nothing.
    let missing = answer(app.client.get(app.url("/gibt-es-nicht"))).await;
    assert!(!missing.body.contains("Fehlernummer"), "{}", missing.body);
}

#[tokio::test]
async fn the_log_names_request_route_user_and_cause() {
    let app = spawn_app().await;
    app.register("Ida", "ida@example.org").await;
    let user_id: i64 = sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
        .bind("ida@example.org")
        .fetch_one(&app.db.pool)
        .await
        .expect("user id");
    break_the_home_page(&app).await;

    let failed = answer(app.client.get(app.url("/"))).await;
    assert_eq!(failed.status, StatusCode::INTERNAL_SERVER_ERROR);
    let lines = logged_lines_with(&failed.id);
    assert_eq!(lines.len(), 1, "one error line: {lines:#?}");
    let error = &lines[0];
    assert!(error.contains("ERROR"), "{error}");
    assert!(
        error.contains(&format!("request_id={}", failed.id)),
        "{error}"
    );
    assert!(error.contains(&format!("user_id={user_id}")), "{error}");
    assert!(error.contains("route=/ "), "{error}");
    assert!(error.contains("error=database: "), "{error}");
    assert!(
        error.contains("themes"),
        "the database's own words: {error}"
    );
}
