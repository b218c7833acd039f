//! `/suche`: German word forms find each other on both databases, hidden, withdrawn and merged
//! content never surfaces (not in results, excerpts or counts), and no typed text breaks it.

use crate::comments::comment;
use crate::helpers::{TestApp, new_client, spawn_app};
use crate::workshops::create_workshop;
use mitdenken::domain::Role;
use reqwest::StatusCode;

/// The results page for `q` (plus extra parameters), as an anonymous visitor sees it.
async fn search(app: &TestApp, q: &str, extra: &str) -> String {
    let q: String = form_urlencoded::byte_serialize(q.as_bytes()).collect();
    let page = app
        .get_with(&new_client(), &format!("/suche?q={q}{extra}"))
        .await;
    assert_eq!(page.status, StatusCode::OK, "q={q}: {}", page.body);
    page.body
}

fn finds(body: &str, idea: i64) -> bool {
    body.contains(&format!("href=\"/ideas/{idea}\""))
}

#[tokio::test]
async fn german_word_forms_umlauts_and_prefixes_find_each_other() {
    let app = spawn_app().await;
    app.register("Erika Muster", "erika@example.org").await;
    let theme = "chancengerechtigkeit";
    let familie = app
        .submit_idea(
            theme,
            "Treffpunkt Familie",
            "Ein Ort für die ganze Familie am Nachmittag.",
        )
        .await;
    let beratung = app
        .submit_idea(
            theme,
            "Beratung im Rathaus",
            "Kostenlose Beratung zu Handyverträgen.",
        )
        .await;
    let digital = app
        .submit_idea(
            theme,
            "Kurse im Quartier",
            "Kurse, die digital und analog stattfinden.",
        )
        .await;
    let senioren = app
        .submit_idea(
            theme,
            "Angebote für Seniorinnen und Senioren",
            "Gemeinsam lernen am Tablet.",
        )
        .await;
    let aelter = app
        .submit_idea(
            theme,
            "Hilfe für ältere Nachbarn",
            "Wer Hilfe braucht, bekommt Unterstützung.",
        )
        .await;
    let strasse = app
        .submit_idea(
            theme,
            "Sichere Straße zur Schule",
            "Ampeln und Zebrastreifen.",
        )
        .await;
    let all = [familie, beratung, digital, senioren, aelter, strasse];

    for (q, idea) in [
        ("Familien", familie),
        ("familie", familie),
        ("FAMILIE", familie),
        ("Beratungen", beratung),
        ("digitaler", digital),
        ("Senioren", senioren),
        ("Aelter", aelter),
        ("älter", aelter),
        ("ÄLTERE", aelter),
        ("Strasse", strasse),
        ("Straße", strasse),
        ("STRASSE", strasse),
        ("Digi*", digital),
        ("Famil*", familie),
        ("Stra*", strasse),
        ("Nachbarn Hilfe", aelter),
    ] {
        let body = search(&app, q, "").await;
        assert!(finds(&body, idea), "{q} should find idea {idea}");
        for other in all.iter().filter(|o| **o != idea) {
            assert!(!finds(&body, *other), "{q} should not find idea {other}");
        }
    }
    // Without the star a word start is no word; two words must both occur.
    assert!(!finds(&search(&app, "Digi", "").await, digital));
    assert!(!finds(&search(&app, "Familie Rathaus", "").await, familie));

    // The excerpt marks the matching words, the count says how many.
    let body = search(&app, "Familien", "").await;
    assert!(body.contains("<mark>Familie</mark>"), "{body}");
    assert!(body.contains(">1 Treffer für „Familien“"), "{body}");
    let body = search(&app, "strasse", "").await;
    assert!(body.contains("Sichere <mark>Straße</mark> zur Schule"));

    // English pages search the same content.
    let en = search(&app, "Familien", "&lang=en").await;
    assert!(finds(&en, familie));
    assert!(en.contains(">1 result for “Familien”"), "{en}");
}

#[tokio::test]
async fn filters_kinds_order_and_pages() {
    let app = spawn_app().await;
    app.register("Erika Muster", "erika@example.org").await;
    let a = app
        .submit_idea(
            "chancengerechtigkeit",
            "Lernpaten gesucht",
            "Lernpaten helfen beim Lesen.",
        )
        .await;
    let b = app
        .submit_idea(
            "digitale-kompetenzen",
            "Lernpaten für Apps",
            "Jüngere zeigen Älteren Apps.",
        )
        .await;
    let cid = comment(&app, &app.client, a, "Ich wäre gern Lernpatin!", None).await;

    let body = search(&app, "Lernpaten", "").await;
    assert!(finds(&body, a) && finds(&body, b));
    let body = search(&app, "Lernpaten", "&theme=digitale-kompetenzen").await;
    assert!(!finds(&body, a) && finds(&body, b));
    let body = search(&app, "Lernpaten", "&status=review").await;
    assert!(!finds(&body, a) && !finds(&body, b));
    let body = search(&app, "Lernpatin", "&kind=comment").await;
    assert!(
        body.contains(&format!("href=\"/ideas/{a}#comment-{cid}\"")),
        "{body}"
    );
    let body = search(&app, "Lernpatin", "&kind=idea").await;
    assert!(!body.contains("#comment-"));
    // Newest first: b was submitted after a.
    let body = search(&app, "Lernpaten", "&sort=newest").await;
    let (pa, pb) = (
        body.find(&format!("href=\"/ideas/{a}\"")),
        body.find(&format!("href=\"/ideas/{b}\"")),
    );
    assert!(pb < pa, "newest first");

    // A learning is found too, after the ideas, with a link to it.
    let moderator = app
        .user("Jana Moderation", "jana@example.org", Role::Moderator)
        .await;
    let workshop = create_workshop(&app, &moderator, "Werkstatt Lernen", &[]).await;
    app.post_with(
        &moderator,
        &format!("/workshops/{workshop}/learnings"),
        &[
            ("title", "Lernpaten brauchen Begleitung"),
            ("body", "Ehrenamtliche wünschen sich Austausch."),
        ],
    )
    .await
    .assert_redirect_to(&format!("/workshops/{workshop}#learning-"));
    let body = search(&app, "Lernpaten", "").await;
    let learning = body
        .find(&format!("href=\"/workshops/{workshop}#learning-"))
        .expect("the learning is found");
    assert!(body.find(&format!("href=\"/ideas/{a}\"")) < Some(learning));
    assert!(body.contains("Learning 1 aus „Werkstatt Lernen“"));
    let before = search(&app, "Begleitung", "").await;
    assert!(before.contains(">1 Treffer"), "{before}");
    // A deleted workshop takes its learnings out of the results and the counts.
    app.post_with(&moderator, &format!("/workshops/{workshop}/delete"), &[])
        .await
        .assert_redirect_to("/workshops");
    let after = search(&app, "Begleitung", "").await;
    assert!(after.contains(">0 Treffer"), "{after}");

    // Pages: 25 ideas share a word, 20 per page.
    for n in 0..24 {
        app.submit_idea(
            "chancengerechtigkeit",
            &format!("Quartiersgarten Nummer {n}"),
            "Gemüse für alle in der Nachbarschaft.",
        )
        .await;
    }
    let stored = app
        .scalar(
            "SELECT COUNT(*) FROM ideas WHERE title LIKE 'Quartiersgarten%' AND id > $1",
            0,
        )
        .await;
    let body = search(&app, "Quartiersgarten", "").await;
    assert!(body.contains(&format!(">{stored} Treffer")), "{body}");
    if stored > 20 {
        assert!(body.contains("Seite 1 von 2"));
        let second = search(&app, "Quartiersgarten", "&page=2").await;
        assert!(second.contains("Seite 2 von 2"));
        assert_eq!(second.matches("<li><h3>").count() as i64, stored - 20);
    }
}

#[tokio::test]
async fn hidden_withdrawn_merged_and_blocked_content_never_surfaces() {
    let app = spawn_app().await;
    app.register("Erika Muster", "erika@example.org").await;
    let theme = "chancengerechtigkeit";
    let word = "Zauberwald";
    let hidden = app
        .submit_idea(theme, "Zauberwald für Kinder", "Ein Spielplatz im Wald.")
        .await;
    let withdrawn = app
        .submit_idea(theme, "Lesungen im Zauberwald", "Geschichten vorlesen.")
        .await;
    let merged = app
        .submit_idea(
            theme,
            "Zauberwald als Lernort",
            "Draußen lernen, bei jedem Wetter.",
        )
        .await;
    let target = app
        .submit_idea(
            theme,
            "Naturerlebnis für Schulen",
            "Draußen lernen, bei jedem Wetter.",
        )
        .await;
    let cid = comment(&app, &app.client, target, "Wie im Zauberwald!", None).await;
    let berta = new_client();
    app.register_with(&berta, "Berta Beispiel", "berta@example.org")
        .await
        .assert_redirect_to("/");
    let blocked = app
        .submit_idea_with(
            &berta,
            theme,
            "Zauberwald am See",
            "Ein Waldweg für alle Familien.",
        )
        .await;
    let berta_id = app
        .scalar("SELECT author_id FROM ideas WHERE id = $1", blocked)
        .await;

    let body = search(&app, word, "").await;
    for idea in [hidden, withdrawn, merged, blocked] {
        assert!(finds(&body, idea), "{idea} before");
    }
    assert!(body.contains(">5 Treffer"), "{body}");

    let moderator = app
        .user("Jana Moderation", "jana@example.org", Role::Moderator)
        .await;
    app.post_with(
        &moderator,
        &format!("/moderation/ideas/{hidden}/hide"),
        &[("reason", "offtopic"), ("note", "Passt nicht.")],
    )
    .await
    .assert_redirect_to(&format!("/ideas/{hidden}"));
    let body = search(&app, word, "").await;
    assert!(!finds(&body, hidden), "hidden right away");
    assert!(!body.contains("Spielplatz"), "no excerpt of it");
    assert!(body.contains(">4 Treffer"), "{body}");

    app.post(&format!("/ideas/{withdrawn}/withdraw"), &[])
        .await
        .assert_redirect_to(&format!("/ideas/{withdrawn}"));
    let body = search(&app, word, "").await;
    assert!(!finds(&body, withdrawn) && body.contains(">3 Treffer"));

    app.post_with(
        &moderator,
        &format!("/moderation/ideas/{merged}/merge"),
        &[("target", &target.to_string()), ("note", "Gleiche Idee")],
    )
    .await;
    let body = search(&app, word, "").await;
    assert!(
        !finds(&body, merged) && body.contains(">2 Treffer"),
        "{body}"
    );

    app.post_with(
        &moderator,
        &format!("/moderation/comments/{cid}/hide"),
        &[("reason", "insult"), ("note", "Beleidigung.")],
    )
    .await;
    let body = search(&app, word, "").await;
    assert!(
        !body.contains("#comment-") && body.contains(">1 Treffer"),
        "{body}"
    );

    app.post_with(
        &moderator,
        &format!("/moderation/users/{berta_id}/block"),
        &[("note", "Wiederholte Beleidigungen.")],
    )
    .await;
    let body = search(&app, word, "").await;
    assert!(
        !finds(&body, blocked) && body.contains(">0 Treffer"),
        "{body}"
    );
    assert!(!body.contains("<mark>"));
    // Nor through a prefix, a filter or another page.
    for extra in ["&kind=idea", "&sort=newest", "&page=2", "&status=submitted"] {
        let body = search(&app, "Zauber*", extra).await;
        assert!(body.contains(">0 Treffer"), "{extra}: {body}");
    }

    // Shown again, it is found again at once.
    app.post_with(
        &moderator,
        &format!("/moderation/ideas/{hidden}/unhide"),
        &[],
    )
    .await;
    assert!(finds(&search(&app, word, "").await, hidden));
}

#[tokio::test]
async fn anything_typed_is_answered_without_error() {
    let app = spawn_app().await;
    app.register("Erika Muster", "erika@example.org").await;
    let idea = app
        .submit_idea(
            "chancengerechtigkeit",
            "Familienzentrum mit WLAN",
            "Offen für alle, jeden Tag.",
        )
        .await;
    let long_word = "a".repeat(10_000);
    let long_text = "Familie ".repeat(1_250);
    let hostile = [
        "\"",
        "\"Familie",
        "Familie\"",
        "\"\"",
        "*",
        "**",
        "*Familie",
        "Fam*ilie",
        "-",
        "-Familie",
        "Familie -WLAN",
        "NEAR",
        "NEAR(Familie WLAN)",
        "Familie NEAR/2 WLAN",
        "Familie AND",
        "AND OR NOT",
        "Familie OR WLAN",
        "(",
        ")",
        "(Familie",
        "^",
        "^Familie",
        "title:Familie",
        "head:familie",
        "{head text}: familie",
        "familie:*",
        "'",
        "''",
        "Familie' OR '1'='1",
        "\\",
        "%",
        "_",
        "&|!<->",
        "!Familie",
        ":",
        "+Familie",
        "\u{202E}Familie\u{200F}",
        "\u{200B}\u{2066}",
        "👪 Familie",
        "ﬁ",
        "İstanbul",
        long_word.as_str(),
        long_text.as_str(),
    ];
    for q in hostile {
        let body = search(&app, q, "").await;
        assert!(!body.contains("Fehler"), "{q:?}: {body}");
    }
    // NUL is refused like everywhere on the site (issue 10): the friendly 400 page, no 500.
    for q in ["Familie%00WLAN", "%00"] {
        let page = app.get(&format!("/suche?q={q}")).await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{q}");
        assert!(page.body.contains("Anfrage nicht verständlich"));
    }
    // The words still count: operators are no operators, just separators.
    assert!(finds(&search(&app, "\"Familienzentrum\"", "").await, idea));
    assert!(finds(&search(&app, "(WLAN)", "").await, idea));
    assert!(finds(&search(&app, "\u{202E}WLAN\u{200F}", "").await, idea));
    // Odd filters fall back to "all".
    let body = search(
        &app,
        "WLAN",
        "&theme=%3Cx%3E&status=x&kind=%22&sort=1&page=-3",
    )
    .await;
    assert!(finds(&body, idea));

    // Empty and too short queries explain themselves.
    let empty = app.get("/suche").await;
    assert_eq!(empty.status, StatusCode::OK);
    assert!(empty.body.contains("Geben Sie ein oder mehrere Wörter ein"));
    let short = search(&app, "a", "").await;
    assert!(short.contains("mindestens ein Wort mit 2 oder mehr Buchstaben"));
    let only_marks = search(&app, "\"*\"", "").await;
    assert!(only_marks.contains("mindestens ein Wort"));

    // Every page has the search field in its header.
    let home = app.get("/").await.body;
    assert!(home.contains("role=\"search\"") && home.contains("action=\"/suche\""));
}

#[tokio::test]
async fn an_index_missing_at_start_is_built_from_the_rows() {
    let app = spawn_app().await;
    app.register("Erika Muster", "erika@example.org").await;
    let idea = app
        .submit_idea(
            "chancengerechtigkeit",
            "Bücherschrank am Markt",
            "Tauschen statt kaufen.",
        )
        .await;
    // As if the database predated search: an empty index.
    sqlx::query("DELETE FROM search_items")
        .execute(&app.db.pool)
        .await
        .expect("empty the index");
    if app.db.backend == mitdenken::db::Backend::Sqlite {
        sqlx::query("INSERT INTO search_fts (search_fts) VALUES ('delete-all')")
            .execute(&app.db.pool)
            .await
            .expect("empty the words");
    }
    assert!(!finds(&search(&app, "bücherschranks", "").await, idea));
    app.db.migrate().await.expect("migrate again");
    assert!(finds(&search(&app, "bücherschranks", "").await, idea));
}
