//! Kept pages for anonymous readers: every kind of write shows at once, nobody gets another
//! person's page, 304 only while nothing changed, compressed forms decode to the same page.

use crate::helpers::*;
use crate::workshops::{add_learning, create_workshop};
use mitdenken::domain::Role;
use reqwest::header::{
    ACCEPT_ENCODING, ACCEPT_LANGUAGE, CONTENT_ENCODING, ETAG, IF_NONE_MATCH, SET_COOKIE,
};
use reqwest::{Client, StatusCode};

const BODY: &str = "Familien brauchen einen einfachen Zugang zu digitalen Angeboten.";

/// A reader without cookies (every request is a first visit).
fn anonymous() -> Client {
    Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

/// The page as an anonymous reader gets it, after making sure it is kept: the same request
/// twice, the second answered from the kept bytes (same tag).
async fn read(app: &TestApp, path: &str) -> String {
    let first = anonymous().get(app.url(path)).send().await.expect("get");
    assert_eq!(first.status(), StatusCode::OK, "{path}");
    assert!(
        first.headers().get(SET_COOKIE).is_none(),
        "an anonymous read starts no session: {path}"
    );
    let tag = first.headers().get(ETAG).cloned();
    assert!(tag.is_some(), "{path} has a tag");
    let again = anonymous().get(app.url(path)).send().await.expect("get");
    assert_eq!(again.headers().get(ETAG).cloned(), tag, "{path} kept");
    again.text().await.expect("body")
}

/// The anonymous pages show each kind of write at once, also when they were kept just before.
#[tokio::test]
async fn every_kind_of_write_shows_at_once_to_anonymous_readers() {
    let app = spawn_app().await;
    app.register("Autorin", "autorin@example.org").await;
    let moderator = app
        .user("Jana Moderation", "jana@example.org", Role::Moderator)
        .await;
    let supporter = app
        .user("Paul Unterstützer", "paul@example.org", Role::Participant)
        .await;
    let idea_page_of = |id: i64| format!("/ideas/{id}");
    let theme = "/themes/digitale-kompetenzen";

    // A new idea: on the theme page and the home page's counts at once.
    let before = read(&app, theme).await;
    assert!(!before.contains("Lernorte im Quartier"));
    let idea = app
        .submit_idea("digitale-kompetenzen", "Lernorte im Quartier", BODY)
        .await;
    assert!(read(&app, theme).await.contains("Lernorte im Quartier"));
    let idea_page = idea_page_of(idea);

    // A support: the count on the idea page; then the supporter logs out and sees it too.
    assert!(
        !read(&app, &idea_page)
            .await
            .contains("1 Person unterstützt")
    );
    app.post_with(&supporter, &format!("/ideas/{idea}/support"), &[])
        .await
        .assert_redirect_to(&idea_page);
    assert!(
        read(&app, &idea_page)
            .await
            .contains("1 Person unterstützt")
    );

    // A comment.
    app.post_with(
        &supporter,
        &format!("/ideas/{idea}/comments"),
        &[("body", "Ein Treffpunkt in der Bibliothek wäre gut.")],
    )
    .await
    .assert_redirect_to(&format!("{idea_page}#comment-"));
    assert!(
        read(&app, &idea_page)
            .await
            .contains("Ein Treffpunkt in der Bibliothek wäre gut.")
    );

    // An edit by the author: the idea page and the theme list.
    app.post(
        &format!("/ideas/{idea}/edit"),
        &[
            ("theme", "digitale-kompetenzen"),
            ("title", "Lernorte in jedem Quartier"),
            ("body", BODY),
        ],
    )
    .await
    .assert_redirect_to(&idea_page);
    assert!(
        read(&app, &idea_page)
            .await
            .contains("Lernorte in jedem Quartier")
    );
    assert!(
        read(&app, theme)
            .await
            .contains("Lernorte in jedem Quartier")
    );

    // A status change with its public note.
    app.post_with(
        &moderator,
        &format!("/ideas/{idea}/status"),
        &[
            ("to", "review"),
            ("note", "Wird geprüft, danke für die Idee."),
        ],
    )
    .await
    .assert_redirect_to(&idea_page);
    assert!(
        read(&app, &idea_page)
            .await
            .contains("Wird geprüft, danke für die Idee.")
    );

    // A learning linked to the idea.
    let workshop = create_workshop(&app, &moderator, "Werkstatt Lernorte", &[]).await;
    let learning = add_learning(&app, &moderator, workshop, "Räume sind knapp").await;
    assert!(!read(&app, &idea_page).await.contains("Räume sind knapp"));
    app.post_with(
        &moderator,
        &format!("/ideas/{idea}/learnings"),
        &[("learning", &learning.to_string())],
    )
    .await
    .assert_redirect_to(&format!("{idea_page}#werkstatt"));
    assert!(read(&app, &idea_page).await.contains("Räume sind knapp"));

    // A theme edit: the home page and the theme page.
    app.post_with(
        &moderator,
        "/themes/digitale-kompetenzen/edit",
        &[
            ("name", "Digitale Kompetenzen im Alltag"),
            ("slug", "digitale-kompetenzen"),
            (
                "description",
                "Wie Familien sicher und selbstbestimmt digital leben.",
            ),
        ],
    )
    .await
    .assert_redirect_to(theme);
    assert!(
        read(&app, "/")
            .await
            .contains("Digitale Kompetenzen im Alltag")
    );
    assert!(
        read(&app, theme)
            .await
            .contains("Digitale Kompetenzen im Alltag")
    );

    // A merge: the duplicate says where it went, and leaves the theme list.
    let dup = app
        .submit_idea("digitale-kompetenzen", "Lernorte für Familien", BODY)
        .await;
    assert!(read(&app, theme).await.contains("Lernorte für Familien"));
    app.post_with(
        &moderator,
        &format!("/moderation/ideas/{dup}/merge"),
        &[("target", &idea.to_string()), ("note", "Gleiche Idee.")],
    )
    .await;
    assert!(!read(&app, theme).await.contains("Lernorte für Familien"));
    assert!(
        read(&app, &idea_page_of(dup))
            .await
            .contains("zusammengeführt")
    );

    // Hiding: the text leaves the idea page and the theme page at once.
    app.post_with(
        &moderator,
        &format!("/moderation/ideas/{idea}/hide"),
        &[("reason", "offtopic"), ("note", "Passt nicht zum Thema.")],
    )
    .await
    .assert_redirect_to(&idea_page);
    let hidden = read(&app, &idea_page).await;
    assert!(hidden.contains("Passt nicht zum Thema."));
    assert!(!hidden.contains(BODY));
    assert!(
        !read(&app, theme)
            .await
            .contains("Lernorte in jedem Quartier")
    );
}

/// The language a reader asks for is part of what is kept: German and English readers of the
/// same address each get their own page.
#[tokio::test]
async fn each_language_gets_its_own_kept_page() {
    let app = spawn_app().await;
    for _ in 0..2 {
        for (accept, says) in [
            ("de-DE,de;q=0.9", "lang=\"de\""),
            ("en-GB,en;q=0.8", "lang=\"en\""),
        ] {
            let page = anonymous()
                .get(app.url("/"))
                .header(ACCEPT_LANGUAGE, accept)
                .send()
                .await
                .expect("get");
            assert_eq!(page.headers()["content-language"], &says[6..8]);
            assert!(page.text().await.expect("body").contains(says), "{accept}");
        }
    }
}

/// A logged-in person always gets their own page, never the kept one of anonymous readers or
/// of someone else.
#[tokio::test]
async fn logged_in_people_never_get_someone_elses_page() {
    let app = spawn_app().await;
    app.register("Autorin", "autorin@example.org").await;
    let idea = app
        .submit_idea("digitale-kompetenzen", "Sprechstunde für Eltern", BODY)
        .await;
    let path = format!("/ideas/{idea}");
    let anonymous_page = read(&app, &path).await;
    assert!(!anonymous_page.contains("Abmelden"));
    let anna = app
        .user("Anna Erste", "anna@example.org", Role::Participant)
        .await;
    let ben = app
        .user("Ben Zweiter", "ben@example.org", Role::Participant)
        .await;
    for _ in 0..2 {
        let a = app.get_with(&anna, &path).await.body;
        let b = app.get_with(&ben, &path).await.body;
        assert!(a.contains("Anna Erste") && !a.contains("Ben Zweiter"));
        assert!(b.contains("Ben Zweiter") && !b.contains("Anna Erste"));
    }
    // And the anonymous page stays anonymous.
    assert!(!read(&app, &path).await.contains("Anna Erste"));
}

/// `304` while nothing changed, a new tag after a write; the compressed forms are the page.
#[tokio::test]
async fn not_modified_only_while_nothing_changed() {
    let app = spawn_app().await;
    app.register("Autorin", "autorin@example.org").await;
    let idea = app
        .submit_idea("digitale-kompetenzen", "Offene Sprechstunde", BODY)
        .await;
    let path = format!("/ideas/{idea}");
    let plain = read(&app, &path).await;
    let first = anonymous().get(app.url(&path)).send().await.expect("get");
    let tag = first.headers()[ETAG].clone();
    let same = anonymous()
        .get(app.url(&path))
        .header(IF_NONE_MATCH, tag.clone())
        .send()
        .await
        .expect("get");
    assert_eq!(same.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(same.headers()[ETAG], tag);

    for (encoding, decode) in [
        ("gzip", decode_gzip as fn(&[u8]) -> String),
        ("br", decode_brotli),
    ] {
        let r = anonymous()
            .get(app.url(&path))
            .header(ACCEPT_ENCODING, encoding)
            .send()
            .await
            .expect("get");
        assert_eq!(r.headers()[CONTENT_ENCODING], encoding);
        let bytes = r.bytes().await.expect("bytes");
        assert_eq!(decode(&bytes), plain, "{encoding}");
    }

    // Someone comments: the tag changes and the old one gets the new page.
    let client = app
        .user("Clara Kommentar", "clara@example.org", Role::Participant)
        .await;
    app.post_with(
        &client,
        &format!("/ideas/{idea}/comments"),
        &[("body", "Auch abends, bitte.")],
    )
    .await;
    let changed = anonymous()
        .get(app.url(&path))
        .header(IF_NONE_MATCH, tag.clone())
        .send()
        .await
        .expect("get");
    assert_eq!(changed.status(), StatusCode::OK);
    assert_ne!(changed.headers()[ETAG], tag);
    assert!(
        changed
            .text()
            .await
            .expect("body")
            .contains("Auch abends, bitte.")
    );
}

fn decode_gzip(data: &[u8]) -> String {
    use std::io::Read;
    let mut out = String::new();
    flate2::read::GzDecoder::new(data)
        .read_to_string(&mut out)
        .expect("gzip");
    out
}

fn decode_brotli(data: &[u8]) -> String {
    use std::io::Read;
    let mut out = String::new();
    brotli::Decompressor::new(data, 4096)
        .read_to_string(&mut out)
        .expect("brotli");
    out
}

/// Two instances on one PostgreSQL database: a write through one shows on the other's kept
/// pages within the stated bound (2 s; LISTEN/NOTIFY makes it milliseconds). SQLite serves
/// from one process, so there is nothing to converge.
#[tokio::test]
async fn a_second_instance_shows_a_write_within_two_seconds() {
    let first = spawn_app().await;
    if first.db.backend != mitdenken::db::Backend::Postgres {
        return;
    }
    let second = spawn_instance_beside(&first).await;
    first.register("Autorin", "autorin@example.org").await;
    let idea = first
        .submit_idea("digitale-kompetenzen", "Familienzentren digital", BODY)
        .await;
    let path = format!("/ideas/{idea}");
    // The second instance hears writes once its listener is up; then it keeps pages.
    let started = std::time::Instant::now();
    while !second.db.changes.complete() {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(5),
            "listening"
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    for round in 0..3 {
        assert!(
            read(&second, &path)
                .await
                .contains("Familienzentren digital")
        );
        let supporter = first
            .user(
                &format!("Person {round}"),
                &format!("p{round}@example.org"),
                Role::Participant,
            )
            .await;
        first
            .post_with(&supporter, &format!("/ideas/{idea}/support"), &[])
            .await
            .assert_redirect_to(&path);
        let wanted = if round == 0 {
            "1 Person unterstützt".to_string()
        } else {
            format!("{} Personen unterstützen", round + 1)
        };
        let written = std::time::Instant::now();
        loop {
            let page = anonymous()
                .get(second.url(&path))
                .send()
                .await
                .expect("get");
            let body = page.text().await.expect("body");
            if body.replace(['\u{2068}', '\u{2069}'], "").contains(&wanted) {
                break;
            }
            assert!(
                written.elapsed() < std::time::Duration::from_secs(2),
                "the second instance still shows the old count after 2 s"
            );
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
    }
}
