//! Comments and replies: write, answer, edit, delete.

use crate::helpers::*;
use mitdenken::domain::Role;
use reqwest::StatusCode;

const BODY: &str = "Digitale Sprechstunden in Familienzentren, betreut von Ehrenamtlichen.";

async fn comment(
    app: &TestApp,
    client: &reqwest::Client,
    idea: i64,
    body: &str,
    parent: Option<i64>,
) -> i64 {
    let parent = parent.map(|p| p.to_string()).unwrap_or_default();
    let page = app
        .post_with(
            client,
            &format!("/ideas/{idea}/comments"),
            &[("body", body), ("parent_id", &parent)],
        )
        .await;
    page.assert_redirect_to(&format!("/ideas/{idea}#comment-"));
    page.location
        .as_deref()
        .and_then(|l| l.rsplit("#comment-").next())
        .and_then(|n| n.parse().ok())
        .expect("comment id")
}

#[tokio::test]
async fn comment_reply_edit_and_delete() {
    let app = spawn_app().await;
    app.register("Uwe", "uwe@example.org").await;
    let idea = app
        .submit_idea("digitale-kompetenzen", "Digitale Sprechstunde", BODY)
        .await;
    let vera = app
        .user("Vera", "vera@example.org", Role::Participant)
        .await;

    let first = comment(&app, &vera, idea, "Gute Idee, **unbedingt** machen!", None).await;
    let reply = comment(&app, &app.client, idea, "Danke, Vera!", Some(first)).await;
    // An answer to a reply joins the same thread (one level deep).
    let nested = comment(&app, &vera, idea, "Gern geschehen.", Some(reply)).await;
    let parent: Option<i64> = sqlx::query_scalar("SELECT parent_id FROM comments WHERE id = $1")
        .bind(nested)
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(parent, Some(first));

    let page = app.get(&format!("/ideas/{idea}")).await;
    assert!(page.body.contains("Kommentare (3)"));
    assert!(page.body.contains("<strong>unbedingt</strong>"));
    assert!(page.body.contains("Antworten auf Vera"));
    assert_eq!(
        app.scalar("SELECT comment_count FROM ideas WHERE id = $1", idea)
            .await,
        3
    );

    // Only the author edits.
    assert_eq!(
        app.get(&format!("/comments/{first}/edit")).await.status,
        StatusCode::FORBIDDEN
    );
    let bad = app
        .post_with(&vera, &format!("/comments/{first}/edit"), &[("body", " ")])
        .await;
    assert!(bad.body.contains("Bitte schreiben Sie einen Kommentar."));
    app.post_with(
        &vera,
        &format!("/comments/{first}/edit"),
        &[("body", "Gute Idee – geändert.")],
    )
    .await
    .assert_redirect_to(&format!("/ideas/{idea}#comment-{first}"));
    let page = app.get(&format!("/ideas/{idea}")).await;
    assert!(page.body.contains("Gute Idee – geändert."));
    assert!(page.body.contains("bearbeitet am"));

    // Deleting a comment with replies leaves a placeholder and keeps the replies.
    assert_eq!(
        app.post(&format!("/comments/{first}/delete"), &[])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    app.post_with(&vera, &format!("/comments/{first}/delete"), &[])
        .await
        .assert_redirect_to(&format!("/ideas/{idea}"));
    let page = app.get(&format!("/ideas/{idea}")).await;
    assert!(page.body.contains("Dieser Kommentar wurde gelöscht."));
    assert!(!page.body.contains("Gute Idee – geändert."));
    assert!(page.body.contains("Danke, Vera!"));
    assert!(page.body.contains("Kommentare (2)"));

    // Deleting a comment without replies removes it entirely.
    let lonely = comment(&app, &vera, idea, "Nur ein Gedanke.", None).await;
    app.post_with(&vera, &format!("/comments/{lonely}/delete"), &[])
        .await;
    let page = app.get(&format!("/ideas/{idea}")).await;
    assert!(!page.body.contains("Nur ein Gedanke."));
    assert_eq!(
        page.body
            .matches("Dieser Kommentar wurde gelöscht.")
            .count(),
        1
    );
}

#[tokio::test]
async fn a_failed_comment_keeps_its_text_in_the_right_form() {
    let app = spawn_app().await;
    app.register("Wim", "wim@example.org").await;
    let idea = app
        .submit_idea("digitale-ethik", "Offene Algorithmen", BODY)
        .await;
    let first = comment(&app, &app.client, idea, "Ein erster Gedanke.", None).await;

    let long = "ü".repeat(5_001);
    let page = app
        .post(
            &format!("/ideas/{idea}/comments"),
            &[("body", &long), ("parent_id", "")],
        )
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("höchstens 5.000 Zeichen"));
    assert!(page.body.contains(&long));
    assert!(page.body.contains("href=\"#f-body\""));

    let page = app
        .post(
            &format!("/ideas/{idea}/comments"),
            &[("body", "x"), ("parent_id", &first.to_string())],
        )
        .await;
    assert!(page.body.contains("mindestens 2 Zeichen"));
    assert!(page.body.contains(&format!("href=\"#f-reply-{first}\"")));
    assert!(page.body.contains("<details class=\"reply\" open>"));
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM comments WHERE idea_id = $1", idea)
            .await,
        1
    );

    let anon = new_client();
    app.post_with(
        &anon,
        &format!("/ideas/{idea}/comments"),
        &[("body", "anonym")],
    )
    .await
    .assert_redirect_to("/login");
}

#[tokio::test]
async fn staff_are_marked_beside_their_name() {
    let app = spawn_app().await;
    app.register("Xenia", "xenia@example.org").await;
    let idea = app
        .submit_idea("digitale-ethik", "Offene Algorithmen", BODY)
        .await;
    let ministry = app
        .user("Referat 113", "referat@example.org", Role::Ministry)
        .await;
    let impostor = app
        .user("Referat 114", "fake@example.org", Role::Participant)
        .await;
    comment(&app, &ministry, idea, "Wir prüfen das.", None).await;
    comment(&app, &impostor, idea, "Wir auch!", None).await;
    let page = app.get(&format!("/ideas/{idea}")).await;
    assert!(
        page.body
            .contains("Referat 113</a> <span class=\"badge role\">Ministerium</span>")
    );
    assert!(
        !page
            .body
            .contains("Referat 114</a> <span class=\"badge role\">")
    );
}
