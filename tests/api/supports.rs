//! Supporting ideas: once per person, exact under concurrency.

use crate::helpers::*;
use mitdenken::domain::Role;
use reqwest::StatusCode;

const BODY: &str = "Eine Sprechstunde per Video für Eltern, abends und am Wochenende.";

async fn count(app: &TestApp, id: i64) -> i64 {
    app.scalar("SELECT support_count FROM ideas WHERE id = $1", id)
        .await
}

#[tokio::test]
async fn support_and_take_it_back() {
    let app = spawn_app().await;
    app.register("Rita", "rita@example.org").await;
    let id = app
        .submit_idea("neue-wege-der-beratung", "Video-Sprechstunde", BODY)
        .await;
    let supporter = app
        .user("Sven", "sven@example.org", Role::Participant)
        .await;
    let page = app.get_with(&supporter, &format!("/ideas/{id}")).await;
    assert!(page.body.contains(">Unterstützen</button>"));

    app.post_with(&supporter, &format!("/ideas/{id}/support"), &[])
        .await
        .assert_redirect_to(&format!("/ideas/{id}"));
    let page = app.get_with(&supporter, &format!("/ideas/{id}")).await;
    assert!(page.body.contains("1 Person unterstützt"));
    assert!(page.body.contains("Unterstützung zurückziehen"));

    // A second click (or a replayed form) does not count twice.
    app.post_with(&supporter, &format!("/ideas/{id}/support"), &[])
        .await;
    assert_eq!(count(&app, id).await, 1);

    app.post_with(&supporter, &format!("/ideas/{id}/unsupport"), &[])
        .await;
    app.post_with(&supporter, &format!("/ideas/{id}/unsupport"), &[])
        .await;
    assert_eq!(count(&app, id).await, 0);
    let page = app.get_with(&supporter, &format!("/ideas/{id}")).await;
    assert!(page.body.contains("0 Personen unterstützen"));

    let anon = new_client();
    let page = app.get_with(&anon, &format!("/ideas/{id}")).await;
    assert!(
        page.body
            .contains("Melden Sie sich an, um diese Idee zu unterstützen.")
    );
    let refused = app
        .post_with(&anon, &format!("/ideas/{id}/support"), &[])
        .await;
    refused.assert_redirect_to("/login");
    assert_eq!(count(&app, id).await, 0);
    assert_eq!(
        app.post_with(&supporter, "/ideas/424242/support", &[])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_people_supporting_at_once_make_exactly_fifty() {
    let app = spawn_app().await;
    app.register("Tina", "tina@example.org").await;
    let id = app
        .submit_idea("digitale-zivilgesellschaft", "Ehrenamtsbörse", BODY)
        .await;

    let mut clients = Vec::new();
    for n in 0..50 {
        clients.push(
            app.user(
                &format!("Person {n}"),
                &format!("p{n}@example.org"),
                Role::Participant,
            )
            .await,
        );
    }
    let mut tokens = Vec::new();
    for c in &clients {
        tokens.push(app.csrf(c).await);
    }
    // Every person clicks twice at the same moment; the database keeps one support each.
    let path = format!("/ideas/{id}/support");
    let mut tasks = Vec::new();
    for (c, t) in clients.iter().zip(&tokens) {
        for _ in 0..2 {
            let c = c.clone();
            let url = app.url(&path);
            let body = format!("csrf={t}");
            tasks.push(spawn_post(&c, url, body));
        }
    }
    for t in tasks {
        let status = t.await.expect("task").expect("request");
        assert_eq!(status, StatusCode::SEE_OTHER);
    }
    assert_eq!(count(&app, id).await, 50);
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM supports WHERE idea_id = $1", id)
            .await,
        50
    );
    let page = app.get(&format!("/ideas/{id}")).await;
    assert!(page.body.contains("50 Personen unterstützen"));
}
