//! The home page and theme administration.

use crate::helpers::*;
use mitdenken::domain::Role;
use reqwest::StatusCode;

#[tokio::test]
async fn a_new_board_has_the_six_themes_of_the_office() {
    let app = spawn_app().await;
    let home = app.get("/").await;
    assert_eq!(home.status, StatusCode::OK);
    for name in [
        "Digitale Zivilgesellschaft",
        "Digitale Kompetenzen",
        "Neue Wege der Beratung",
        "Begleitender Sozialstaat für die digitale Gesellschaft",
        "Digitale Ethik",
        "Chancengerechtigkeit",
    ] {
        assert!(home.body.contains(name), "{name}");
    }
    let ethik = app.get("/themes/digitale-ethik").await;
    assert!(
        ethik
            .body
            .contains("Mit großer Macht geht große Verantwortung einher")
    );
    // Starting again does not duplicate them.
    mitdenken::seed::ensure_themes(&app.db).await.unwrap();
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM themes WHERE id > $1", 0)
            .await,
        6
    );
}

#[tokio::test]
async fn moderators_create_and_edit_themes() {
    let app = spawn_app().await;
    app.register("Xaver", "xaver@example.org").await;
    assert_eq!(app.get("/themes/new").await.status, StatusCode::FORBIDDEN);
    let refused = app
        .post(
            "/themes",
            &[
                ("name", "Kapern"),
                ("slug", ""),
                ("description", "Teilnehmende dürfen das nicht."),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);

    let m = app
        .user("Yara Moderation", "yara@example.org", Role::Moderator)
        .await;
    let bad = app
        .post_with(
            &m,
            "/themes",
            &[
                ("name", "Familie & Daten"),
                ("slug", "Familie Daten"),
                ("description", "kurz"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::OK);
    assert!(bad.body.contains("Kleinbuchstaben"));
    assert!(bad.body.contains("value=\"Familie &amp; Daten\""));
    app.post_with(
        &m,
        "/themes",
        &[
            ("name", "Familie & Daten"),
            ("slug", ""),
            (
                "description",
                "Wie Daten den Alltag von Familien erleichtern.",
            ),
        ],
    )
    .await
    .assert_redirect_to("/themes/familie-daten");
    let taken = app
        .post_with(
            &m,
            "/themes",
            &[
                ("name", "Noch einmal"),
                ("slug", "familie-daten"),
                ("description", "Eine zweite Beschreibung."),
            ],
        )
        .await;
    assert!(taken.body.contains("Diese Kurzadresse ist schon vergeben."));

    app.post_with(
        &m,
        "/themes/familie-daten/edit",
        &[
            ("name", "Daten für Familien"),
            ("slug", "daten-fuer-familien"),
            ("description", "Neue Beschreibung mit **Markdown**."),
        ],
    )
    .await
    .assert_redirect_to("/themes/daten-fuer-familien");
    let page = app.get("/themes/daten-fuer-familien").await;
    assert!(page.body.contains("<h1>Daten für Familien</h1>"));
    assert!(page.body.contains("<strong>Markdown</strong>"));
    assert!(app.get("/").await.body.contains("Daten für Familien"));
    assert_eq!(
        app.get("/themes/familie-daten").await.status,
        StatusCode::NOT_FOUND
    );
}
