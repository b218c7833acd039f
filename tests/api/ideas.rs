//! Submitting, showing, editing and withdrawing ideas; theme lists and their sorts.

use crate::helpers::*;
use mitdenken::domain::Role;
use reqwest::StatusCode;

const BODY: &str = "Familien sollen Anträge vollständig online stellen können, ohne Medienbruch.";

#[tokio::test]
async fn submit_edit_and_withdraw_an_idea() {
    let app = spawn_app().await;
    app.register("Lea", "lea@example.org").await;
    let form = app.get("/ideas/new?theme=chancengerechtigkeit").await;
    assert!(
        form.body
            .contains("<option value=\"chancengerechtigkeit\" selected>")
    );

    let id = app
        .submit_idea("chancengerechtigkeit", "Leihgeräte für Familien", "Familien mit wenig Geld leihen Tablets in der Stadtbibliothek.\n\n- kostenlos\n- mit Einweisung")
        .await;
    let page = app.get(&format!("/ideas/{id}")).await;
    assert!(page.body.contains("<h1>Leihgeräte für Familien</h1>"));
    assert!(
        page.body.contains("<li>kostenlos</li>"),
        "Markdown is rendered"
    );
    assert!(page.body.contains("Danke! Ihre Idee ist eingereicht."));
    assert!(page.body.contains("Status: Eingereicht"));
    assert!(!page.body.contains("bearbeitet am"));
    let theme = app.get("/themes/chancengerechtigkeit").await;
    assert!(theme.body.contains("Leihgeräte für Familien"));
    assert!(app.get("/").await.body.contains("1 Idee"));
    let fan = app.user("Fan", "fan@example.org", Role::Participant).await;
    app.post_with(&fan, &format!("/ideas/{id}/support"), &[])
        .await;

    app.post(
        &format!("/ideas/{id}/edit"),
        &[
            ("theme", "digitale-kompetenzen"),
            ("title", "Leihgeräte mit Einweisung"),
            ("body", BODY),
        ],
    )
    .await
    .assert_redirect_to(&format!("/ideas/{id}"));
    let page = app.get(&format!("/ideas/{id}")).await;
    assert!(page.body.contains("Leihgeräte mit Einweisung"));
    assert!(page.body.contains("bearbeitet am"));
    assert!(page.body.contains("Digitale Kompetenzen"));
    // Its supports moved along: the new theme's trend list shows it, the old one's does not.
    let trend = app.get("/themes/digitale-kompetenzen?sort=trend").await;
    assert!(trend.body.contains("Leihgeräte mit Einweisung"));
    assert!(trend.body.contains("1 Idee wurde in den letzten 7 Tagen"));
    let old_trend = app.get("/themes/chancengerechtigkeit?sort=trend").await;
    assert!(!old_trend.body.contains("Leihgeräte"));
    assert!(
        !app.get("/themes/chancengerechtigkeit")
            .await
            .body
            .contains("Leihgeräte")
    );
    assert!(
        app.get("/themes/digitale-kompetenzen")
            .await
            .body
            .contains("Leihgeräte mit Einweisung")
    );

    let confirm = app.get(&format!("/ideas/{id}/withdraw")).await;
    assert!(confirm.body.contains("wirklich zurückziehen"));
    app.post(&format!("/ideas/{id}/withdraw"), &[])
        .await
        .assert_redirect_to(&format!("/ideas/{id}"));
    let page = app.get(&format!("/ideas/{id}")).await;
    assert!(page.body.contains("zurückgezogen"));
    assert!(page.body.contains("Status: Zurückgezogen"));
    assert!(!page.body.contains(">Unterstützen<"));
    assert!(
        !app.get("/themes/digitale-kompetenzen")
            .await
            .body
            .contains("Leihgeräte")
    );
    // SUM is NUMERIC on PostgreSQL, which the Any driver cannot decode: cast it.
    let counts: i64 =
        sqlx::query_scalar("SELECT CAST(COALESCE(SUM(idea_count), 0) AS BIGINT) FROM themes")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    assert_eq!(counts, 0, "theme counts follow the withdrawal");
    // A withdrawn idea can no longer be edited.
    let again = app.get(&format!("/ideas/{id}/edit")).await;
    assert_eq!(again.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn only_the_author_edits_and_withdraws() {
    let app = spawn_app().await;
    app.register("Mara", "mara@example.org").await;
    let id = app
        .submit_idea("digitale-ethik", "Transparenz bei KI", BODY)
        .await;
    let other = app
        .user("Nils", "nils@example.org", Role::Participant)
        .await;
    assert_eq!(
        app.get_with(&other, &format!("/ideas/{id}/edit"))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let page = app
        .post_with(
            &other,
            &format!("/ideas/{id}/edit"),
            &[
                ("theme", "digitale-ethik"),
                ("title", "Gekapert!"),
                ("body", BODY),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    assert_eq!(
        app.post_with(&other, &format!("/ideas/{id}/withdraw"), &[])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let page = app.get(&format!("/ideas/{id}")).await;
    assert!(page.body.contains("Transparenz bei KI"));
    assert!(!page.body.contains("Gekapert"));
    let anon = new_client();
    app.get_with(&anon, "/ideas/new")
        .await
        .assert_redirect_to("/login?next=");
    let page = app.get_with(&anon, &format!("/ideas/{id}")).await;
    assert!(
        !page.body.contains("Idee bearbeiten"),
        "no edit link for others"
    );
}

#[tokio::test]
async fn a_failed_submission_keeps_the_text() {
    let app = spawn_app().await;
    app.register("Olga", "olga@example.org").await;
    let long_text =
        "Ein ausführlicher Text, der bleiben muss.\nZweite Zeile mit <b>Tags</b> & Umlauten: äöü.";
    let page = app
        .post(
            "/ideas",
            &[
                ("theme", "digitale-ethik"),
                ("title", "Kurz"),
                ("body", long_text),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body
            .contains("Der Titel muss mindestens 5 Zeichen lang sein.")
    );
    assert!(page.body.contains("href=\"#f-title\""));
    assert!(page.body.contains("value=\"Kurz\""));
    assert!(
        page.body
            .contains("Zweite Zeile mit &lt;b&gt;Tags&lt;/b&gt; &amp; Umlauten: äöü.")
    );
    assert!(
        page.body
            .contains("<option value=\"digitale-ethik\" selected>")
    );

    let page = app
        .post(
            "/ideas",
            &[
                ("theme", ""),
                ("title", "Ein guter Titel"),
                ("body", "zu kurz"),
            ],
        )
        .await;
    assert!(page.body.contains("Bitte wählen Sie ein Thema."));
    assert!(
        page.body
            .contains("Die Beschreibung muss mindestens 20 Zeichen lang sein.")
    );
    assert!(page.body.contains(">zu kurz</textarea>"));
    let too_long = "x".repeat(10_001);
    let page = app
        .post(
            "/ideas",
            &[
                ("theme", "digitale-ethik"),
                ("title", "Ein guter Titel"),
                ("body", &too_long),
            ],
        )
        .await;
    assert!(page.body.contains("höchstens 10.000 Zeichen"));
    assert!(
        page.body.contains(&too_long),
        "even an over-long text comes back"
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM ideas WHERE id > $1", 0)
            .await,
        0
    );
}

#[tokio::test]
async fn closed_themes_take_no_new_ideas() {
    let app = spawn_app().await;
    let moderator = app
        .user("Moritz Moderation", "moritz@example.org", Role::Moderator)
        .await;
    app.post_with(&moderator, "/themes/digitale-ethik/close", &[])
        .await
        .assert_redirect_to("/themes/digitale-ethik");
    app.register("Paula", "paula@example.org").await;
    let theme = app.get("/themes/digitale-ethik").await;
    assert!(theme.body.contains("nimmt zurzeit keine neuen Ideen an"));
    assert!(!theme.body.contains("/ideas/new?theme=digitale-ethik"));
    let page = app
        .post(
            "/ideas",
            &[
                ("theme", "digitale-ethik"),
                ("title", "Noch eine Idee"),
                ("body", BODY),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body
            .contains("<title>Fehler: Idee einreichen – Mitdenken</title>")
    );
    let form = app.get("/ideas/new?theme=digitale-ethik").await;
    assert!(
        !form.body.contains("value=\"digitale-ethik\""),
        "a closed theme is not offered"
    );
    assert!(
        page.body
            .contains("Dieses Thema nimmt zurzeit keine neuen Ideen an.")
    );
    app.post_with(&moderator, "/themes/digitale-ethik/open", &[])
        .await;
    app.submit_idea("digitale-ethik", "Noch eine Idee", BODY)
        .await;
}

#[tokio::test]
async fn theme_pages_sort_and_paginate() {
    let app = spawn_app().await;
    app.register("Quentin", "quentin@example.org").await;
    let mut ids = Vec::new();
    for n in 1..=23 {
        ids.push(
            app.submit_idea("digitale-kompetenzen", &format!("Idee Nummer {n:02}"), BODY)
                .await,
        );
    }
    // Spread creation times so "Neueste" is well defined; give idea 5 the most supports and
    // idea 7 the most comments.
    for (k, id) in ids.iter().enumerate() {
        sqlx::query("UPDATE ideas SET created_at = created_at - $1 WHERE id = $2")
            .bind(1000 - k as i64)
            .bind(id)
            .execute(&app.db.pool)
            .await
            .unwrap();
    }
    for n in 0..3 {
        let c = app
            .user(
                &format!("Fan {n}"),
                &format!("fan{n}@example.org"),
                Role::Participant,
            )
            .await;
        app.post_with(&c, &format!("/ideas/{}/support", ids[4]), &[])
            .await;
    }
    app.post(
        &format!("/ideas/{}/comments", ids[6]),
        &[("body", "Erster Kommentar")],
    )
    .await;
    app.post(
        &format!("/ideas/{}/comments", ids[6]),
        &[("body", "Zweiter Kommentar")],
    )
    .await;

    let first = |body: &str| {
        let i = body.find("<ol class=\"idea-list\">").expect("list");
        let rest = &body[i..];
        let t = rest.find("Idee Nummer ").expect("an idea");
        rest[t..t + 14].to_string()
    };
    let newest = app.get("/themes/digitale-kompetenzen").await;
    assert_eq!(first(&newest.body), "Idee Nummer 23");
    assert!(newest.body.contains("Seite 1 von 2"));
    assert_eq!(newest.body.matches("class=\"idea-card\"").count(), 20);
    let page2 = app
        .get("/themes/digitale-kompetenzen?sort=neueste&page=2")
        .await;
    assert_eq!(page2.body.matches("class=\"idea-card\"").count(), 3);
    assert_eq!(first(&page2.body), "Idee Nummer 03");

    let supported = app
        .get("/themes/digitale-kompetenzen?sort=unterstuetzung")
        .await;
    assert_eq!(first(&supported.body), "Idee Nummer 05");
    let discussed = app
        .get("/themes/digitale-kompetenzen?sort=diskutiert")
        .await;
    assert_eq!(first(&discussed.body), "Idee Nummer 07");
    let trend = app.get("/themes/digitale-kompetenzen?sort=trend").await;
    assert_eq!(first(&trend.body), "Idee Nummer 05");
    assert_eq!(
        trend.body.matches("class=\"idea-card\"").count(),
        1,
        "only recently supported ideas"
    );
    assert!(trend.body.contains("aria-current=\"page\">Im Trend"));

    // A numbered page (links from before the keyset pages) shows the very cards the keyset
    // link of page 1 leads to, in every sort and with a status filter.
    let titles = |body: &str| -> Vec<String> {
        body.match_indices("Idee Nummer ")
            .map(|(i, _)| body[i..i + 14].to_string())
            .collect()
    };
    for query in [
        "sort=neueste",
        "sort=unterstuetzung",
        "sort=diskutiert",
        "sort=neueste&status=submitted",
    ] {
        let one = app
            .get(&format!("/themes/digitale-kompetenzen?{query}"))
            .await;
        let at = one.body.find("rel=\"next\" href=\"").expect("a next link") + 17;
        let next = one.body[at..]
            .split('"')
            .next()
            .expect("href")
            .replace("&amp;", "&");
        let keyed = app.get(&next).await;
        let numbered = app
            .get(&format!("/themes/digitale-kompetenzen?{query}&page=2"))
            .await;
        assert_eq!(
            keyed.body.matches("class=\"idea-card\"").count(),
            3,
            "{query}: {next}"
        );
        assert_eq!(titles(&numbered.body), titles(&keyed.body), "{query}");
    }

    // Odd parameters fall back instead of failing.
    for q in [
        "?sort=quatsch",
        "?page=abc",
        "?page=-4",
        "?page=99999",
        "?page=1&page=2",
        "?sort=%00",
    ] {
        let p = app.get(&format!("/themes/digitale-kompetenzen{q}")).await;
        assert!(
            p.status == StatusCode::OK || p.status == StatusCode::BAD_REQUEST,
            "{q}"
        );
        assert!(p.body.contains("<html lang=\"de\">"), "{q}: a page of ours");
    }
    assert_eq!(
        app.get("/themes/gibt-es-nicht").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn unknown_ideas_are_friendly_404s() {
    let app = spawn_app().await;
    for path in [
        "/ideas/999",
        "/ideas/abc",
        "/ideas/-1",
        "/ideas/1.5",
        "/gibt/es/nicht",
        "/themes/%00",
    ] {
        let page = app.get(path).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{path}");
        assert!(page.body.contains("Seite nicht gefunden"), "{path}");
        assert!(page.body.contains("<html lang=\"de\">"));
    }
    let page = app.get("/ideas/1/support").await;
    assert_eq!(page.status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(page.body.contains("Aktion nicht möglich"));
}
