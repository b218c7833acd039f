//! The Atom feeds, read back with a real Atom parser: ids, links, dates, authors, hidden
//! content, ETag and 304, language, and the pages that announce them.

use crate::helpers::*;
use crate::workshops::create_workshop;
use atom_syndication::{Entry, Feed};
use mitdenken::domain::Role;
use reqwest::StatusCode;

const BODY: &str = "Eine Beschreibung, lang genug für das Formular.";

/// A feed as a feed reader fetches it: status, content type, ETag and the parsed document.
struct Fetched {
    status: StatusCode,
    content_type: String,
    etag: Option<String>,
    raw: String,
}

impl Fetched {
    fn feed(&self) -> Feed {
        assert_eq!(self.status, StatusCode::OK, "{}", self.raw);
        self.raw
            .parse::<Feed>()
            .unwrap_or_else(|e| panic!("not Atom ({e}): {}", self.raw))
    }
}

async fn fetch(app: &TestApp, path: &str, if_none_match: Option<&str>) -> Fetched {
    let mut request = new_client().get(app.url(path));
    if let Some(tag) = if_none_match {
        request = request.header("if-none-match", tag);
    }
    let r = request.send().await.expect("feed request");
    let header = |name: &str| {
        r.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    Fetched {
        status: r.status(),
        content_type: header("content-type").unwrap_or_default(),
        etag: header("etag"),
        raw: r.text().await.unwrap_or_default(),
    }
}

async fn feed(app: &TestApp, path: &str) -> Feed {
    fetch(app, path, None).await.feed()
}

fn entry<'a>(feed: &'a Feed, id: &str) -> Option<&'a Entry> {
    feed.entries().iter().find(|e| e.id() == id)
}

fn tag(app: &TestApp, name: &str) -> String {
    format!("tag:{},2026:{name}", app.addr.ip())
}

/// Every feed and entry has an absolute link, an id, and authors are names (never addresses).
fn assert_well_formed(app: &TestApp, feed: &Feed) {
    let base = app.url("/");
    assert!(feed.id().starts_with("tag:"), "{}", feed.id());
    assert!(
        feed.links().iter().any(|l| l.rel() == "self"),
        "a self link"
    );
    assert!(!feed.authors().is_empty(), "the feed names its author");
    for link in feed.links() {
        assert!(link.href().starts_with(&base), "{}", link.href());
    }
    for e in feed.entries() {
        assert!(e.id().starts_with("tag:"), "{}", e.id());
        assert!(!e.links().is_empty(), "{} has a link", e.id());
        for link in e.links() {
            assert!(link.href().starts_with(&base), "{}", link.href());
        }
        assert!(e.published().is_some(), "{} has a date", e.id());
        for a in e.authors() {
            assert!(!a.name().contains('@'), "{}", a.name());
            assert!(a.email().is_none());
        }
    }
}

#[tokio::test]
async fn idea_feeds_are_atom_with_stable_ids_absolute_links_and_author_names() {
    let app = spawn_app().await;
    app.register("Berta Beispiel", "berta@example.org").await;
    let idea = app
        .submit_idea(
            "digitale-ethik",
            "Offene Algorithmen in Behörden",
            "Das ist **wichtig**. <script>alert(1)</script>",
        )
        .await;

    let first = fetch(&app, "/feeds/ideen.atom", None).await;
    assert_eq!(first.content_type, "application/atom+xml; charset=utf-8");
    assert!(
        !first.raw.contains("berta@example.org"),
        "no e-mail address"
    );
    assert!(
        first.raw.contains("&lt;strong&gt;wichtig&lt;/strong&gt;"),
        "content is escaped HTML: {}",
        first.raw
    );
    let newest = first.feed();
    assert_well_formed(&app, &newest);
    let id = tag(&app, &format!("idea-{idea}"));
    let e = entry(&newest, &id).unwrap_or_else(|| panic!("{id} in {}", first.raw));
    assert_eq!(e.title().as_str(), "Offene Algorithmen in Behörden");
    assert_eq!(e.authors()[0].name(), "Berta Beispiel");
    assert_eq!(e.links()[0].href(), app.url(&format!("/ideas/{idea}")));
    let html = e
        .content()
        .and_then(|c| c.value())
        .expect("the idea's text");
    assert!(html.contains("<strong>wichtig</strong>"), "{html}");
    assert!(!html.contains("<script"), "the page's sanitiser: {html}");

    // The same ids on the next request.
    let again = feed_ids(&feed(&app, "/feeds/ideen.atom").await);
    assert_eq!(again, feed_ids(&newest));

    // The theme's feed has it, another theme's does not.
    let ethik = feed(&app, "/feeds/themen/digitale-ethik.atom").await;
    assert_well_formed(&app, &ethik);
    assert!(entry(&ethik, &id).is_some());
    let other = feed(&app, "/feeds/themen/digitale-kompetenzen.atom").await;
    assert!(entry(&other, &id).is_none());
    assert_eq!(
        fetch(&app, "/feeds/themen/gibt-es-nicht.atom", None)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        fetch(&app, "/feeds/themen/digitale-ethik", None)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        fetch(&app, "/feeds/ideen/999999.atom", None).await.status,
        StatusCode::NOT_FOUND
    );

    // The idea's own feed starts with its submission.
    let trail = feed(&app, &format!("/feeds/ideen/{idea}.atom")).await;
    assert_well_formed(&app, &trail);
    assert_eq!(trail.entries().len(), 1, "one step so far");
    assert!(trail.entries()[0].title().as_str().contains("Eingereicht"));
    assert_eq!(trail.entries()[0].authors()[0].name(), "Berta Beispiel");
}

fn feed_ids(feed: &Feed) -> Vec<String> {
    feed.entries().iter().map(|e| e.id().to_string()).collect()
}

#[tokio::test]
async fn hidden_ideas_and_comments_leave_the_feeds_at_once() {
    let app = spawn_app().await;
    let author = app
        .user("Berta", "berta@example.org", Role::Participant)
        .await;
    let idea = app
        .submit_idea_with(
            &author,
            "digitale-ethik",
            "Geheime Idee 4711",
            "Ein Text mit der Nummer 4711 darin.",
        )
        .await;
    let commenter = app
        .user("Carl", "carl@example.org", Role::Participant)
        .await;
    app.post_with(
        &commenter,
        &format!("/ideas/{idea}/comments"),
        &[("body", "Kommentar 0815")],
    )
    .await;
    let cid = app
        .scalar("SELECT id FROM comments WHERE idea_id = $1", idea)
        .await;
    let idea_feed = format!("/feeds/ideen/{idea}.atom");
    let idea_id = tag(&app, &format!("idea-{idea}"));
    let comment_id = tag(&app, &format!("comment-{cid}"));

    let trail = feed(&app, &idea_feed).await;
    assert_well_formed(&app, &trail);
    let c = entry(&trail, &comment_id).expect("the comment");
    assert_eq!(c.authors()[0].name(), "Carl");
    assert_eq!(c.links()[0].href(), app.url(&format!("/comments/{cid}")));

    let moderator = app.user("Mo", "mo@example.org", Role::Moderator).await;
    app.post_with(
        &moderator,
        &format!("/moderation/comments/{cid}/hide"),
        &[("reason", "insult"), ("note", "Beleidigend.")],
    )
    .await;
    let trail = fetch(&app, &idea_feed, None).await;
    assert!(entry(&trail.feed(), &comment_id).is_none());
    assert!(!trail.raw.contains("Kommentar 0815"));

    for path in ["/feeds/ideen.atom", "/feeds/themen/digitale-ethik.atom"] {
        assert!(entry(&feed(&app, path).await, &idea_id).is_some(), "{path}");
    }
    app.post_with(
        &moderator,
        &format!("/moderation/ideas/{idea}/hide"),
        &[("reason", "offtopic"), ("note", "Passt nicht zum Thema.")],
    )
    .await
    .assert_redirect_to(&format!("/ideas/{idea}"));
    for path in ["/feeds/ideen.atom", "/feeds/themen/digitale-ethik.atom"] {
        let f = fetch(&app, path, None).await;
        assert!(entry(&f.feed(), &idea_id).is_none(), "{path}");
        assert!(!f.raw.contains("4711"), "{path}: {}", f.raw);
    }
    assert_eq!(
        fetch(&app, &idea_feed, None).await.status,
        StatusCode::NOT_FOUND
    );
    let page = app.get(&format!("/ideas/{idea}")).await.body;
    assert!(
        !page.contains(&idea_feed),
        "a hidden idea's page names no feed"
    );

    // Shown again: back in the lists.
    app.post_with(&moderator, &format!("/moderation/ideas/{idea}/unhide"), &[])
        .await;
    assert!(entry(&feed(&app, "/feeds/ideen.atom").await, &idea_id).is_some());
}

#[tokio::test]
async fn the_answers_feed_carries_the_ministrys_answers_in_the_asked_language() {
    let app = spawn_app().await;
    app.register("Anna", "anna@example.org").await;
    let idea = app
        .submit_idea(
            "digitale-kompetenzen",
            "Digitalpaten im Seniorentreff",
            BODY,
        )
        .await;
    let moderator = app.user("Mo", "mo@example.org", Role::Moderator).await;
    let ministry = app
        .user("Referat 113", "referat@example.org", Role::Ministry)
        .await;
    for (client, to, note) in [
        (&moderator, "discussion", ""),
        (&moderator, "review", "Klarer Vorschlag."),
        (&moderator, "forwarded", "An Referat 113 weitergeleitet."),
        (&ministry, "accepted", "Wir fördern 20 Pilotstandorte."),
    ] {
        app.post_with(
            client,
            &format!("/ideas/{idea}/status"),
            &[("to", to), ("note", note)],
        )
        .await;
    }
    let answers = feed(&app, "/feeds/antworten.atom").await;
    assert_well_formed(&app, &answers);
    assert_eq!(
        answers.title().as_str(),
        "Antworten des Ministeriums – Mitdenken"
    );
    assert_eq!(
        answers.entries().len(),
        1,
        "only the answer, not the other steps"
    );
    let a = &answers.entries()[0];
    assert_eq!(
        a.title().as_str(),
        "Antwort „Angenommen“: Digitalpaten im Seniorentreff"
    );
    assert_eq!(a.authors()[0].name(), "Referat 113");
    assert!(
        a.content()
            .and_then(|c| c.value())
            .is_some_and(|v| v.contains("Wir fördern 20 Pilotstandorte."))
    );
    let answer_id = a.id().to_string();

    let en = feed(&app, "/feeds/antworten.atom?lang=en").await;
    assert_eq!(en.title().as_str(), "The ministry's responses – Mitdenken");
    assert_eq!(en.lang(), Some("en"));
    assert_eq!(
        en.entries()[0].title().as_str(),
        "Response “Accepted”: Digitalpaten im Seniorentreff"
    );
    assert_eq!(
        en.entries()[0].id(),
        answer_id,
        "ids do not depend on language"
    );

    let trail = feed(&app, &format!("/feeds/ideen/{idea}.atom")).await;
    assert_eq!(trail.entries().len(), 5, "submitted and four changes");
    assert!(entry(&trail, &answer_id).is_some());
}

#[tokio::test]
async fn feeds_answer_304_while_unchanged_and_a_new_etag_after_a_change() {
    let app = spawn_app().await;
    app.register("Anna", "anna@example.org").await;
    app.submit_idea("digitale-ethik", "Erste Idee", BODY).await;
    let first = fetch(&app, "/feeds/ideen.atom", None).await;
    let etag = first.etag.clone().expect("an ETag");
    let same = fetch(&app, "/feeds/ideen.atom", None).await;
    assert_eq!(
        same.etag.as_deref(),
        Some(etag.as_str()),
        "hash of the same body"
    );

    let unchanged = fetch(&app, "/feeds/ideen.atom", Some(&etag)).await;
    assert_eq!(unchanged.status, StatusCode::NOT_MODIFIED);
    assert!(unchanged.raw.is_empty());

    app.submit_idea("digitale-ethik", "Zweite Idee", BODY).await;
    let changed = fetch(&app, "/feeds/ideen.atom", Some(&etag)).await;
    assert_eq!(changed.status, StatusCode::OK);
    assert_ne!(changed.etag.as_deref(), Some(etag.as_str()));
    assert_eq!(changed.feed().entries().len(), 2);
}

#[tokio::test]
async fn the_workshop_feed_has_workshops_and_their_learnings() {
    let app = spawn_app().await;
    let m = app
        .user("Jana Moderation", "jana@example.org", Role::Moderator)
        .await;
    let wid = create_workshop(&app, &m, "Sechste Innovationswerkstatt", &[]).await;
    app.post_with(
        &m,
        &format!("/workshops/{wid}/learnings"),
        &[
            ("title", "Daten teilen"),
            (
                "body",
                "Daten müssen geteilt werden.\n\nUnd <b>standardisiert</b>.",
            ),
        ],
    )
    .await
    .assert_redirect_to(&format!("/workshops/{wid}#learning-"));
    let lid = app
        .scalar("SELECT id FROM learnings WHERE workshop_id = $1", wid)
        .await;
    let f = feed(&app, "/feeds/werkstatt.atom").await;
    assert_well_formed(&app, &f);
    let w = entry(&f, &tag(&app, &format!("workshop-{wid}"))).expect("the workshop");
    assert_eq!(w.title().as_str(), "Sechste Innovationswerkstatt");
    let l = entry(&f, &tag(&app, &format!("learning-{lid}"))).expect("the learning");
    assert_eq!(
        l.title().as_str(),
        "Erkenntnis 1: Daten teilen (Sechste Innovationswerkstatt)"
    );
    assert_eq!(
        l.links()[0].href(),
        app.url(&format!("/workshops/{wid}#learning-{lid}"))
    );
    let html = l.content().and_then(|c| c.value()).unwrap_or_default();
    assert!(
        html.contains("&lt;b&gt;standardisiert"),
        "plain text stays text: {html}"
    );
}

#[tokio::test]
async fn pages_announce_their_feeds_in_the_head_and_visibly() {
    let app = spawn_app().await;
    app.register("Anna", "anna@example.org").await;
    let idea = app.submit_idea("digitale-ethik", "Eine Idee", BODY).await;
    for (page, feed) in [
        ("/", "/feeds/ideen.atom?lang=de"),
        ("/", "/feeds/antworten.atom?lang=de"),
        (
            "/themes/digitale-ethik",
            "/feeds/themen/digitale-ethik.atom?lang=de",
        ),
        (
            &format!("/ideas/{idea}"),
            &format!("/feeds/ideen/{idea}.atom?lang=de"),
        ),
        ("/workshops", "/feeds/werkstatt.atom?lang=de"),
    ] {
        let html = app.get_with(&new_client(), page).await.body;
        let (head, body) = html.split_once("</head>").expect("a head");
        let href = format!("href=\"{feed}\"");
        assert!(
            head.split("<link ").any(|l| l
                .starts_with("rel=\"alternate\" type=\"application/atom+xml\" title=")
                && l.contains(&href)),
            "{page} names {feed} in its head: {head}"
        );
        let visible = format!("<a {href} type=\"application/atom+xml\">Feed abonnieren");
        assert!(body.contains(&visible), "{page}: visible link to {feed}");
        assert_eq!(
            fetch(&app, feed, None).await.status,
            StatusCode::OK,
            "{feed} answers"
        );
    }
    let en = app.get_with(&new_client(), "/?lang=en").await.body;
    assert!(en.contains("Subscribe to the feed"));
    assert!(en.contains("/feeds/ideen.atom?lang=en"));
    assert!(en.contains("title=\"Newest ideas – Mitdenken\""));
}

#[tokio::test]
async fn the_base_url_setting_makes_the_links_and_ids() {
    let app = spawn_app_with(|c| c.base_url = Some("https://mitdenken.example.de".into())).await;
    app.register("Anna", "anna@example.org").await;
    let idea = app.submit_idea("digitale-ethik", "Eine Idee", BODY).await;
    let f = feed(&app, "/feeds/ideen.atom").await;
    let e = &f.entries()[0];
    assert_eq!(e.id(), format!("tag:mitdenken.example.de,2026:idea-{idea}"));
    assert_eq!(
        e.links()[0].href(),
        format!("https://mitdenken.example.de/ideas/{idea}")
    );
    assert!(
        f.links()
            .iter()
            .all(|l| l.href().starts_with("https://mitdenken.example.de/"))
    );
}

#[tokio::test]
async fn a_host_header_that_is_no_host_is_refused() {
    let app = spawn_app().await;
    let r = new_client()
        .get(app.url("/feeds/ideen.atom"))
        .header("host", "evil.example/x?")
        .send()
        .await
        .expect("request");
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_blocked_authors_ideas_and_comments_leave_the_feeds() {
    let app = spawn_app().await;
    app.register("Anna", "anna@example.org").await;
    let idea = app.submit_idea("digitale-ethik", "Annas Idee", BODY).await;
    let berta = app
        .user("Berta", "berta@example.org", Role::Participant)
        .await;
    let own = app
        .submit_idea_with(&berta, "digitale-ethik", "Bertas Idee", BODY)
        .await;
    app.post_with(
        &berta,
        &format!("/ideas/{idea}/comments"),
        &[("body", "Bertas Kommentar")],
    )
    .await;
    let bid = app
        .scalar("SELECT author_id FROM ideas WHERE id = $1", own)
        .await;
    let idea_feed = format!("/feeds/ideen/{idea}.atom");
    assert!(
        fetch(&app, &idea_feed, None)
            .await
            .raw
            .contains("Bertas Kommentar")
    );
    assert!(
        fetch(&app, "/feeds/ideen.atom", None)
            .await
            .raw
            .contains("Bertas Idee")
    );

    let moderator = app.user("Mo", "mo@example.org", Role::Moderator).await;
    app.post_with(
        &moderator,
        &format!("/moderation/users/{bid}/block"),
        &[("note", "Spam.")],
    )
    .await;
    let trail = fetch(&app, &idea_feed, None).await;
    assert_eq!(
        trail.feed().entries().len(),
        1,
        "only the submission is left"
    );
    assert!(!trail.raw.contains("Bertas Kommentar"));
    for path in ["/feeds/ideen.atom", "/feeds/themen/digitale-ethik.atom"] {
        let f = fetch(&app, path, None).await;
        assert!(!f.raw.contains("Bertas Idee"), "{path}");
        assert!(f.raw.contains("Annas Idee"), "{path}");
    }
    assert_eq!(
        fetch(&app, &format!("/feeds/ideen/{own}.atom"), None)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn feed_readers_get_no_session_for_their_language() {
    let app = spawn_app().await;
    let r = new_client()
        .get(app.url("/feeds/ideen.atom?lang=en"))
        .send()
        .await
        .expect("request");
    assert_eq!(r.status(), StatusCode::OK);
    assert!(
        r.headers().get("set-cookie").is_none(),
        "each poll would start a session"
    );
    let feed: Feed = r.text().await.unwrap_or_default().parse().expect("Atom");
    assert_eq!(feed.title().as_str(), "Newest ideas – Mitdenken");
}
