//! Comments and replies: write, answer, edit, delete.

use crate::helpers::*;
use mitdenken::domain::Role;
use reqwest::StatusCode;

const BODY: &str = "Digitale Sprechstunden in Familienzentren, betreut von Ehrenamtlichen.";

pub(crate) async fn comment(
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

/// A trigger that refuses any comment stored on a withdrawn, merged or hidden idea. It is not
/// part of the schema: it only makes a comment that slips past the application's own check
/// visible (as a failed request) instead of silently stored.
async fn refuse_comments_on_closed_ideas(app: &TestApp) {
    let statements: &[&str] = match app.db.backend {
        mitdenken::db::Backend::Sqlite => &["CREATE TRIGGER test_no_comment_on_closed
             BEFORE INSERT ON comments
             WHEN EXISTS (SELECT 1 FROM ideas WHERE id = NEW.idea_id
                          AND (status IN ('withdrawn', 'merged') OR hidden_at IS NOT NULL))
             BEGIN SELECT RAISE(ABORT, 'comment on a closed idea'); END"],
        mitdenken::db::Backend::Postgres => &[
            "CREATE FUNCTION test_no_comment_on_closed() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN
               IF EXISTS (SELECT 1 FROM ideas WHERE id = NEW.idea_id
                          AND (status IN ('withdrawn', 'merged') OR hidden_at IS NOT NULL)) THEN
                 RAISE EXCEPTION 'comment on a closed idea';
               END IF;
               RETURN NEW;
             END $$",
            "CREATE TRIGGER test_no_comment_on_closed BEFORE INSERT ON comments
             FOR EACH ROW EXECUTE FUNCTION test_no_comment_on_closed()",
        ],
    };
    for sql in statements {
        sqlx::query(sql).execute(&app.db.pool).await.unwrap();
    }
}

/// Comments racing a withdrawal: each comment is decided inside its write transaction, so it
/// either lands before the idea closes (and is counted) or is refused with the text kept;
/// none is stored on the closed idea, and no one sees an error page.
#[tokio::test]
async fn comments_racing_a_withdrawal_are_decided_inside_the_transaction() {
    let app = spawn_app().await;
    app.register("Autorin", "autorin@example.org").await;
    refuse_comments_on_closed_ideas(&app).await;
    let mut people = Vec::new();
    for n in 0..8 {
        let client = app
            .user(
                &format!("Person {n}"),
                &format!("p{n}@example.org"),
                Role::Participant,
            )
            .await;
        let token = app.csrf(&client).await;
        people.push((client, token));
    }
    for round in 0..4 {
        let idea = app
            .submit_idea(
                "digitale-kompetenzen",
                &format!("Idee Nummer {round}"),
                BODY,
            )
            .await;
        let mut tasks = Vec::new();
        for (i, (client, token)) in people.iter().enumerate() {
            for k in 0..3 {
                let client = client.clone();
                let url = app.url(&format!("/ideas/{idea}/comments"));
                let body = format!("csrf={token}&body=Kommentar+{i}+{k}+zu+dieser+Idee");
                tasks.push(tokio::spawn(async move {
                    let r = client
                        .post(url)
                        .header("content-type", "application/x-www-form-urlencoded")
                        .body(body)
                        .send()
                        .await
                        .unwrap_or_else(|e| panic!("comment request failed: {e:?}"));
                    let location = r
                        .headers()
                        .get("location")
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or("")
                        .to_string();
                    (r.status(), location, r.text().await.unwrap_or_default())
                }));
            }
            if i == 3 {
                let page = app.post(&format!("/ideas/{idea}/withdraw"), &[]).await;
                page.assert_redirect_to(&format!("/ideas/{idea}"));
            }
        }
        let mut accepted = 0;
        for task in tasks {
            let (status, location, body) = task.await.expect("comment task");
            match status {
                StatusCode::SEE_OTHER if location.contains("#comment-") => accepted += 1,
                // Refused before the transaction: back to the idea with a notice.
                StatusCode::SEE_OTHER => assert_eq!(location, format!("/ideas/{idea}")),
                // Refused inside it: the form again, with the text and the reason.
                StatusCode::OK => {
                    assert!(body.contains("zu dieser Idee"), "typed text kept");
                    assert!(body.contains("zurückgezogen"), "reason shown: {body}");
                }
                other => panic!("comment answered {other}: {body}"),
            }
        }
        let stored = app
            .scalar("SELECT COUNT(*) FROM comments WHERE idea_id = $1", idea)
            .await;
        assert_eq!(
            stored, accepted,
            "every accepted comment is stored, no other"
        );
        assert_eq!(
            app.scalar("SELECT comment_count FROM ideas WHERE id = $1", idea)
                .await,
            stored
        );
        assert_eq!(
            app.scalar(
                "SELECT COUNT(*) FROM ideas WHERE id = $1 AND status = 'withdrawn'",
                idea
            )
            .await,
            1
        );
    }
}
