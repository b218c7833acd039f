//! German first, English through the catalogue: chosen by a link on every page (remembered
//! in the one session cookie) or, without a choice, by Accept-Language.

use crate::helpers::*;
use reqwest::StatusCode;

async fn get_lang(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    accept: &str,
) -> (reqwest::StatusCode, String, Vec<String>) {
    let r = client
        .get(app.url(path))
        .header("accept-language", accept)
        .send()
        .await
        .unwrap();
    let status = r.status();
    let cookies = r
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok().map(str::to_string))
        .collect();
    (status, r.text().await.unwrap(), cookies)
}

#[tokio::test]
async fn accept_language_picks_english_without_setting_a_cookie() {
    let app = spawn_app().await;
    let (status, body, cookies) = get_lang(&app, &app.client, "/", "en-GB,en;q=0.9,de;q=0.5").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("<html lang=\"en\">"));
    assert!(body.contains(">Themes<"));
    assert!(body.contains("Skip to content"));
    assert!(body.contains("Submit an idea"));
    assert!(!body.contains("Zum Inhalt springen"));
    // The themes are content of the office and stay as written.
    assert!(body.contains("Digitale Zivilgesellschaft"));
    assert!(cookies.is_empty(), "reading in English sets no cookie");
    let (_, de, _) = get_lang(&app, &app.client, "/", "de-DE,de;q=0.9").await;
    assert!(de.contains("<html lang=\"de\">"));
    assert!(de.contains("Zum Inhalt springen"));
    let (_, other, _) = get_lang(&app, &app.client, "/", "fr-FR").await;
    assert!(
        other.contains("<html lang=\"de\">"),
        "German is the default"
    );
}

#[tokio::test]
async fn the_switch_is_on_every_page_and_is_remembered_in_the_session() {
    let app = spawn_app().await;
    let home = app.get("/themes/digitale-ethik?sort=trend").await;
    assert!(home.body.contains("href=\"/themes/digitale-ethik?sort=trend&amp;lang=en\" hreflang=\"en\" lang=\"en\">English</a>"));
    let english = app.get("/themes/digitale-ethik?sort=trend&lang=en").await;
    assert!(english.body.contains("<html lang=\"en\">"));
    assert!(english.body.contains("Trending"));
    assert!(
        english
            .body
            .contains("hreflang=\"de\" lang=\"de\">Deutsch</a>")
    );
    assert_eq!(
        english.set_cookies.len(),
        1,
        "the choice lives in the one session cookie"
    );
    assert!(english.set_cookies[0].starts_with("mitdenken_sitzung="));
    // Later pages stay English without asking again, even with a German browser.
    let (_, later, _) = get_lang(&app, &app.client, "/register", "de-DE").await;
    assert!(later.contains("<html lang=\"en\">"));
    assert!(later.contains("Create account"));
    // Forms, errors and notices speak English too.
    let page = app
        .post(
            "/register",
            &[
                ("display_name", "Jo"),
                ("email", "no-at-sign"),
                ("password", "short"),
                ("password_confirm", "short"),
            ],
        )
        .await;
    assert!(page.body.contains("Please check your input"));
    assert!(page.body.contains("Please enter a valid e-mail address"));
    assert!(
        page.body
            .contains("The password must be at least 10 characters long.")
    );
    assert!(
        page.body
            .contains("<title>Error: Register – Mitdenken</title>")
    );
    app.register("Joan", "joan@example.org").await;
    let home = app.get("/").await;
    assert!(home.body.contains("Welcome to Mitdenken!"));
    assert!(home.body.contains("Account (Joan)"));
    let missing = app.get("/ideas/99999").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(missing.body.contains("Page not found"));
    // And back.
    let german = app.get("/?lang=de").await;
    assert!(german.body.contains("<html lang=\"de\">"));
    assert!(app.get("/").await.body.contains("Themen"));
}

#[tokio::test]
async fn user_content_is_never_translated() {
    let app = spawn_app().await;
    app.register("Hanna", "hanna@example.org").await;
    let id = app
        .submit_idea(
            "digitale-ethik",
            "Eine deutsche Idee",
            "Dieser Text bleibt so, wie er geschrieben wurde.",
        )
        .await;
    let page = app.get(&format!("/ideas/{id}?lang=en")).await;
    assert!(page.body.contains("Eine deutsche Idee"));
    assert!(
        page.body
            .contains("Dieser Text bleibt so, wie er geschrieben wurde.")
    );
    assert!(page.body.contains("Status: Submitted"));
    assert!(page.body.contains("History"));
    let r = app.client.get(app.url("/impressum")).send().await.unwrap();
    assert_eq!(
        r.headers()
            .get("content-language")
            .and_then(|v| v.to_str().ok()),
        Some("en")
    );
    let easy = app.get("/leichte-sprache").await;
    assert!(
        easy.body.contains("<div class=\"prose\" lang=\"de\">"),
        "Leichte Sprache is German, and marked so"
    );
}

#[tokio::test]
async fn the_information_pages_and_the_barrier_feedback() {
    let app = spawn_app().await;
    for (path, heading) in [
        ("/impressum", "Impressum"),
        ("/datenschutz", "Datenschutzerklärung"),
        ("/barrierefreiheit", "Erklärung zur Barrierefreiheit"),
        ("/leichte-sprache", "Leichte Sprache"),
    ] {
        let page = app.get(path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert!(page.body.contains(&format!("<h1>{heading}</h1>")), "{path}");
        assert!(
            page.body.contains(&format!("href=\"{path}\"")),
            "{path} is linked from the footer"
        );
    }
    assert!(
        app.get("/datenschutz")
            .await
            .body
            .contains("mitdenken_sitzung")
    );
    let bad = app
        .post(
            "/barrierefreiheit",
            &[("message", "kurz"), ("contact", "ich@example.org")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::OK);
    assert!(bad.body.contains("mindestens 10 Zeichen"));
    assert!(bad.body.contains("value=\"ich@example.org\""));
    app.post(
        "/barrierefreiheit",
        &[
            ("message", "Der Kontrast der Schaltfläche ist zu schwach."),
            ("contact", "ich@example.org"),
            ("page", "/ideas/1"),
        ],
    )
    .await
    .assert_redirect_to("/barrierefreiheit#feedback");
    assert!(
        app.get("/barrierefreiheit")
            .await
            .body
            .contains("Danke! Ihre Nachricht ist angekommen.")
    );
    assert_eq!(
        app.get("/admin/feedback").await.status,
        StatusCode::SEE_OTHER
    );
    let admin = app
        .user("Ada", "ada@example.org", mitdenken::domain::Role::Admin)
        .await;
    let list = app.get_with(&admin, "/admin/feedback").await;
    assert!(
        list.body
            .contains("Der Kontrast der Schaltfläche ist zu schwach.")
    );
    assert!(list.body.contains("ich@example.org"));
}
