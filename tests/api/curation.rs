//! The road to the ministry: transitions per role, moderation round trips, reports, merges,
//! the transparency page, the ministry's review with its CSV export, and organisations.

use crate::helpers::*;
use mitdenken::domain::Role;
use reqwest::StatusCode;

const BODY: &str = "Eine Idee mit genug Text, damit sie eingereicht werden kann.";

const STATUSES: [&str; 11] = [
    "submitted",
    "discussion",
    "review",
    "forwarded",
    "acknowledged",
    "accepted",
    "in_progress",
    "rejected",
    "implemented",
    "withdrawn",
    "merged",
];

/// The transitions each staff role may make, written out by hand from the issue, so the
/// test does not just repeat the code's own rules.
const MODERATION: [(&str, &str); 5] = [
    ("submitted", "discussion"),
    ("submitted", "review"),
    ("discussion", "review"),
    ("review", "discussion"),
    ("review", "forwarded"),
];
const MINISTRY: [(&str, &str); 10] = [
    ("forwarded", "acknowledged"),
    ("forwarded", "accepted"),
    ("forwarded", "in_progress"),
    ("forwarded", "rejected"),
    ("acknowledged", "accepted"),
    ("acknowledged", "in_progress"),
    ("acknowledged", "rejected"),
    ("accepted", "in_progress"),
    ("accepted", "implemented"),
    ("in_progress", "implemented"),
];

/// A role's name, its browser, and the transitions it may make.
type RoleCase<'a> = (&'a str, &'a reqwest::Client, Vec<(&'a str, &'a str)>);

async fn set_status(app: &TestApp, idea: i64, status: &str) {
    sqlx::query("UPDATE ideas SET status = $1 WHERE id = $2")
        .bind(status)
        .bind(idea)
        .execute(&app.db.pool)
        .await
        .unwrap();
}

async fn status_of(app: &TestApp, idea: i64) -> String {
    sqlx::query_scalar("SELECT status FROM ideas WHERE id = $1")
        .bind(idea)
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn every_status_and_role_against_the_transition_matrix() {
    let app = spawn_app().await;
    app.register("Autorin", "autorin@example.org").await;
    let idea = app
        .submit_idea("digitale-ethik", "Die Matrix-Idee", BODY)
        .await;
    let participant = app
        .user("Paul", "paul@example.org", Role::Participant)
        .await;
    let moderator = app.user("Mona", "mona@example.org", Role::Moderator).await;
    let ministry = app.user("Mia", "mia@example.org", Role::Ministry).await;
    let admin = app.user("Ada", "ada@example.org", Role::Admin).await;
    let anonymous = new_client();
    let admin_pairs: Vec<(&str, &str)> =
        MODERATION.iter().chain(MINISTRY.iter()).copied().collect();
    let roles: [RoleCase; 5] = [
        ("anonym", &anonymous, vec![]),
        ("participant", &participant, vec![]),
        ("moderator", &moderator, MODERATION.to_vec()),
        ("ministry", &ministry, MINISTRY.to_vec()),
        ("admin", &admin, admin_pairs),
    ];
    let mut allowed_seen = 0;
    for (name, client, allowed) in &roles {
        let token = if *name == "anonym" {
            String::new()
        } else {
            app.csrf(client).await
        };
        for from in STATUSES {
            for to in STATUSES {
                set_status(&app, idea, from).await;
                let page = app
                    .post_raw(
                        client,
                        &format!("/ideas/{idea}/status"),
                        &[
                            ("csrf", &token),
                            ("to", to),
                            ("note", "Öffentliche Begründung"),
                        ],
                    )
                    .await;
                let expected = allowed.contains(&(from, to));
                if *name == "anonym" {
                    // Anonymous posts have no session, so no token: refused before anything else.
                    assert_eq!(page.status, StatusCode::FORBIDDEN, "anonym {from}->{to}");
                } else if expected {
                    assert_eq!(page.status, StatusCode::SEE_OTHER, "{name} {from}->{to}");
                    assert_eq!(status_of(&app, idea).await, to, "{name} {from}->{to}");
                    allowed_seen += 1;
                } else {
                    assert_eq!(page.status, StatusCode::FORBIDDEN, "{name} {from}->{to}");
                    assert_eq!(
                        status_of(&app, idea).await,
                        from,
                        "{name} {from}->{to} changed nothing"
                    );
                }
            }
        }
    }
    assert_eq!(allowed_seen, 5 + 10 + 15);

    // The author may withdraw until the idea is forwarded, and nothing else.
    for from in STATUSES {
        set_status(&app, idea, from).await;
        sqlx::query("UPDATE ideas SET withdrawn_at = NULL WHERE id = $1")
            .bind(idea)
            .execute(&app.db.pool)
            .await
            .unwrap();
        let page = app.post(&format!("/ideas/{idea}/withdraw"), &[]).await;
        let may = ["submitted", "discussion", "review"].contains(&from);
        if may {
            page.assert_redirect_to(&format!("/ideas/{idea}"));
            assert_eq!(
                status_of(&app, idea).await,
                "withdrawn",
                "author {from}->withdrawn"
            );
        } else {
            assert_eq!(
                page.status,
                StatusCode::FORBIDDEN,
                "author {from}->withdrawn"
            );
            assert_eq!(status_of(&app, idea).await, from);
        }
    }

    // Participants reach no moderation or review route; anonymous people are sent to login.
    for path in ["/moderation", "/review", "/review.csv"] {
        assert_eq!(
            app.get_with(&participant, path).await.status,
            StatusCode::FORBIDDEN,
            "{path}"
        );
        app.get_with(&anonymous, path)
            .await
            .assert_redirect_to("/login?next=");
    }
    assert_eq!(
        app.get_with(&ministry, "/moderation").await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.get_with(&moderator, "/review").await.status,
        StatusCode::FORBIDDEN
    );
    for post in [
        "/moderation/ideas/1/hide",
        "/moderation/ideas/1/unhide",
        "/moderation/ideas/1/merge",
        "/moderation/users/1/block",
        "/moderation/reports/dismiss",
    ] {
        let page = app
            .post_with(
                &participant,
                post,
                &[
                    ("reason", "spam"),
                    ("note", "x"),
                    ("target", "1"),
                    ("item_type", "idea"),
                    ("item_id", "1"),
                ],
            )
            .await;
        assert_eq!(page.status, StatusCode::FORBIDDEN, "{post}");
    }
}

#[tokio::test]
async fn the_road_is_public_with_notes_answers_and_notices() {
    let app = spawn_app().await;
    app.register("Erika Eingabe", "erika@example.org").await;
    let idea = app
        .submit_idea(
            "digitale-kompetenzen",
            "Digitalpaten im Seniorentreff",
            BODY,
        )
        .await;
    let moderator = app
        .user("Moritz Moderation", "moritz@example.org", Role::Moderator)
        .await;
    let ministry = app
        .user("Referat 113", "referat@example.org", Role::Ministry)
        .await;

    // A required note is required, and nothing changes without it.
    app.post_with(
        &moderator,
        &format!("/ideas/{idea}/status"),
        &[("to", "review"), ("note", "  ")],
    )
    .await;
    assert_eq!(status_of(&app, idea).await, "submitted");
    assert!(
        app.get_with(&moderator, &format!("/ideas/{idea}"))
            .await
            .body
            .contains("Bitte geben Sie eine öffentliche Begründung an.")
    );

    for (to, note) in [
        ("discussion", ""),
        ("review", "Viele Unterstützungen, klarer Vorschlag."),
        ("forwarded", "An Referat 113 weitergeleitet."),
    ] {
        app.post_with(
            &moderator,
            &format!("/ideas/{idea}/status"),
            &[("to", to), ("note", note)],
        )
        .await
        .assert_redirect_to(&format!("/ideas/{idea}"));
    }
    let review = app.get_with(&ministry, "/review").await;
    assert!(review.body.contains("Digitalpaten im Seniorentreff"));
    assert!(
        review
            .body
            .contains("Viele Unterstützungen, klarer Vorschlag."),
        "moderators' notes on the review page"
    );
    app.post_with(
        &ministry,
        &format!("/ideas/{idea}/status"),
        &[("to", "accepted"), ("note", ""), ("next", "/review")],
    )
    .await
    .assert_redirect_to("/review");
    assert_eq!(
        status_of(&app, idea).await,
        "forwarded",
        "an answer needs its text"
    );
    app.post_with(
        &ministry,
        &format!("/ideas/{idea}/status"),
        &[
            ("to", "accepted"),
            ("note", "Wir fördern 20 Pilotstandorte ab 2027."),
            ("next", "/review?status=forwarded"),
        ],
    )
    .await
    .assert_redirect_to("/review?status=forwarded");

    let anon = new_client();
    let page = app.get_with(&anon, &format!("/ideas/{idea}")).await;
    assert!(page.body.contains("Antwort des Ministeriums"));
    assert!(page.body.contains("Wir fördern 20 Pilotstandorte ab 2027."));
    assert!(page.body.contains("Status: Angenommen"));
    let trail = &page.body[page.body.find("id=\"verlauf\"").expect("Verlauf")..];
    let order = [
        "Eingereicht",
        "In Diskussion",
        "In Prüfung",
        "An das Ministerium weitergeleitet",
        "Angenommen",
    ];
    let mut at = 0;
    for step in order {
        let pos = trail[at..]
            .find(step)
            .unwrap_or_else(|| panic!("{step} in the trail, in order"));
        at += pos;
    }
    assert!(trail.contains("Moritz Moderation (Moderation)"));
    assert!(trail.contains("Referat 113 (Ministerium)"));
    assert!(trail.contains("An Referat 113 weitergeleitet."));
    let theme = app
        .get_with(&anon, "/themes/digitale-kompetenzen?status=accepted")
        .await;
    assert!(theme.body.contains("Digitalpaten im Seniorentreff"));
    let other = app
        .get_with(&anon, "/themes/digitale-kompetenzen?status=rejected")
        .await;
    assert!(
        !other.body.contains("Digitalpaten im Seniorentreff"),
        "the status filter filters"
    );

    // The author learns of each change at the next visit, in the inbox (issue 11 moved the
    // notices there from "Meine Beiträge"), until they mark them read.
    let home = app.get("/").await;
    assert!(
        home.body.contains("Benachrichtigungen (4 neu)"),
        "{}",
        &home.body[..0]
    );
    let mine = app.get("/benachrichtigungen").await;
    assert!(mine.body.contains("hat einen neuen Status: Angenommen."));
    app.post("/benachrichtigungen/gelesen", &[])
        .await
        .assert_redirect_to("/benachrichtigungen");
    assert!(!app.get("/").await.body.contains("neu)"), "seen once");
    let log = app.get_with(&anon, "/transparenz").await;
    assert!(log.body.contains("Status: Angenommen"));
}

/// The parts of a page that show content (not the per-request token or notices).
fn content(body: &str) -> String {
    let start = body.find("<main").unwrap_or(0);
    let end = body.find("</main>").unwrap_or(body.len());
    body[start..end].to_string()
}

#[tokio::test]
async fn hiding_and_blocking_round_trip_to_exactly_what_was_there() {
    let app = spawn_app().await;
    let author = app
        .user("Berta Beitrag", "berta@example.org", Role::Participant)
        .await;
    let idea = app
        .submit_idea_with(
            &author,
            "digitale-ethik",
            "Offene Werkstatt für Eltern",
            BODY,
        )
        .await;
    app.register("Carl", "carl@example.org").await;
    let other = app
        .submit_idea("digitale-ethik", "Eine zweite Idee", BODY)
        .await;
    app.post_with(
        &author,
        &format!("/ideas/{other}/comments"),
        &[("body", "Ein Kommentar von Berta.")],
    )
    .await;
    let moderator = app.user("Mo", "mo@example.org", Role::Moderator).await;
    let berta = app
        .scalar(
            "SELECT id FROM users WHERE email = 'berta@example.org' AND id > $1",
            0,
        )
        .await;
    let anon = new_client();
    let pages = [
        format!("/ideas/{idea}"),
        format!("/ideas/{other}"),
        "/themes/digitale-ethik".to_string(),
        format!("/users/{berta}"),
        "/".to_string(),
    ];
    let mut before = Vec::new();
    for p in &pages {
        before.push(content(&app.get_with(&anon, p).await.body));
    }

    // Hide the idea, then show it again.
    app.post_with(
        &moderator,
        &format!("/moderation/ideas/{idea}/hide"),
        &[("reason", "offtopic"), ("note", "Passt nicht zum Thema.")],
    )
    .await
    .assert_redirect_to(&format!("/ideas/{idea}"));
    let hidden = app.get_with(&anon, &format!("/ideas/{idea}")).await.body;
    assert!(hidden.contains("Von der Moderation ausgeblendet – Grund: Passt nicht zum Thema."));
    assert!(
        !hidden.contains("Offene Werkstatt für Eltern"),
        "neither title nor text"
    );
    assert!(
        !app.get_with(&anon, "/themes/digitale-ethik")
            .await
            .body
            .contains("Offene Werkstatt")
    );
    assert!(
        app.get_with(&moderator, &format!("/ideas/{idea}"))
            .await
            .body
            .contains("Nur für die Moderation sichtbar")
    );
    app.post_with(&moderator, &format!("/moderation/ideas/{idea}/unhide"), &[])
        .await;
    for (p, b) in pages.iter().zip(&before) {
        assert_eq!(
            &content(&app.get_with(&anon, p).await.body),
            b,
            "{p} after unhide"
        );
    }

    // Hide the comment, then show it again.
    let cid = app
        .scalar("SELECT id FROM comments WHERE idea_id = $1", other)
        .await;
    app.post_with(
        &moderator,
        &format!("/moderation/comments/{cid}/hide"),
        &[("reason", "insult"), ("note", "Beleidigend.")],
    )
    .await;
    let page = app.get_with(&anon, &format!("/ideas/{other}")).await.body;
    assert!(page.contains("Von der Moderation ausgeblendet – Grund: Beleidigend."));
    assert!(!page.contains("Ein Kommentar von Berta."));
    app.post_with(
        &moderator,
        &format!("/moderation/comments/{cid}/unhide"),
        &[],
    )
    .await;
    for (p, b) in pages.iter().zip(&before) {
        assert_eq!(
            &content(&app.get_with(&anon, p).await.body),
            b,
            "{p} after comment unhide"
        );
    }

    // Block Berta: her idea and comment disappear, she can no longer act.
    app.post_with(
        &moderator,
        &format!("/moderation/users/{berta}/block"),
        &[("note", "Wiederholte Beleidigungen.")],
    )
    .await
    .assert_redirect_to(&format!("/users/{berta}"));
    assert!(
        !app.get_with(&anon, "/themes/digitale-ethik")
            .await
            .body
            .contains("Offene Werkstatt")
    );
    assert!(
        !app.get_with(&anon, &format!("/ideas/{other}"))
            .await
            .body
            .contains("Ein Kommentar von Berta.")
    );
    assert!(
        app.get_with(&anon, &format!("/ideas/{idea}"))
            .await
            .body
            .contains("Von der Moderation ausgeblendet")
    );
    for (path, fields) in [
        (
            "/ideas".to_string(),
            vec![
                ("theme", "digitale-ethik"),
                ("title", "Noch eine"),
                ("body", BODY),
            ],
        ),
        (format!("/ideas/{other}/support"), vec![]),
        (
            format!("/ideas/{other}/comments"),
            vec![("body", "Trotzdem!")],
        ),
        (format!("/ideas/{other}/report"), vec![("reason", "spam")]),
    ] {
        let page = app.post_with(&author, &path, &fields).await;
        assert_eq!(page.status, StatusCode::FORBIDDEN, "{path}");
        assert!(page.body.contains("Konto gesperrt"), "{path}");
    }
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM supports WHERE idea_id = $1", other)
            .await,
        0
    );
    app.post_with(
        &moderator,
        &format!("/moderation/users/{berta}/unblock"),
        &[],
    )
    .await;
    for (p, b) in pages.iter().zip(&before) {
        assert_eq!(
            &content(&app.get_with(&anon, p).await.body),
            b,
            "{p} after unblock"
        );
    }
    let log = app.get_with(&anon, "/transparenz").await.body;
    for action in [
        "Ausgeblendet",
        "Wieder eingeblendet",
        "Person gesperrt",
        "Sperre aufgehoben",
    ] {
        assert!(log.contains(action), "{action} in the log");
    }
}

#[tokio::test]
async fn provisional_hide_at_exactly_the_threshold_of_distinct_reporters() {
    let app = spawn_app_with(|c| c.report_threshold = 3).await;
    app.register("Anton Autor", "anton@example.org").await;
    let idea = app
        .submit_idea("digitale-ethik", "Eine umstrittene Idee", BODY)
        .await;
    let mut reporters = Vec::new();
    for n in 0..3 {
        reporters.push(
            app.user(
                &format!("Melder {n}"),
                &format!("m{n}@example.org"),
                Role::Participant,
            )
            .await,
        );
    }
    let anon = new_client();
    let report = |c: &reqwest::Client| {
        let c = c.clone();
        let app = &app;
        async move {
            app.post_with(
                &c,
                &format!("/ideas/{idea}/report"),
                &[("reason", "spam"), ("details", "Werbung")],
            )
            .await
        }
    };
    // A report without a reason comes back with an error and its text kept.
    let page = app
        .post_with(
            &reporters[0],
            &format!("/ideas/{idea}/report"),
            &[("details", "Mein Text bleibt")],
        )
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Bitte wählen Sie einen Grund."));
    assert!(page.body.contains("Mein Text bleibt"));

    report(&reporters[0])
        .await
        .assert_redirect_to(&format!("/ideas/{idea}"));
    report(&reporters[1]).await;
    // The same person twice still counts once.
    report(&reporters[1]).await;
    assert!(
        app.get_with(&reporters[1], &format!("/ideas/{idea}"))
            .await
            .body
            .contains("bereits gemeldet")
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM reports WHERE item_id = $1", idea)
            .await,
        2
    );
    assert!(
        app.get_with(&anon, "/themes/digitale-ethik")
            .await
            .body
            .contains("Eine umstrittene Idee"),
        "two are not enough"
    );
    report(&reporters[2]).await;
    assert!(
        !app.get_with(&anon, "/themes/digitale-ethik")
            .await
            .body
            .contains("Eine umstrittene Idee"),
        "three hide it"
    );
    assert!(
        app.get_with(&anon, &format!("/ideas/{idea}"))
            .await
            .body
            .contains("Vorläufig ausgeblendet")
    );

    let moderator = app.user("Mo", "mo@example.org", Role::Moderator).await;
    let queue = app.get_with(&moderator, "/moderation").await.body;
    assert!(queue.contains("Eine umstrittene Idee"));
    assert!(queue.contains("3 offene Meldungen"));
    app.post_with(
        &moderator,
        "/moderation/reports/dismiss",
        &[("item_type", "idea"), ("item_id", &idea.to_string())],
    )
    .await
    .assert_redirect_to("/moderation");
    assert!(
        app.get_with(&anon, "/themes/digitale-ethik")
            .await
            .body
            .contains("Eine umstrittene Idee"),
        "dismissing restores it"
    );
    assert!(
        app.get_with(&moderator, "/moderation")
            .await
            .body
            .contains("Gemeldete Beiträge (0)")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn merging_moves_supports_without_double_counts_even_under_concurrent_supports() {
    let app = spawn_app().await;
    app.register("Autorin A", "a@example.org").await;
    let a = app
        .submit_idea(
            "digitale-zivilgesellschaft",
            "Ehrenamtsbörse für Vereine",
            BODY,
        )
        .await;
    let dup_author = app
        .user("Autor B", "b@example.org", Role::Participant)
        .await;
    let b = app
        .submit_idea_with(
            &dup_author,
            "digitale-zivilgesellschaft",
            "Ehrenamtsbörse (doppelt)",
            BODY,
        )
        .await;
    // People 0-9 support A, 5-14 support B: 15 distinct people.
    let mut people = Vec::new();
    for n in 0..15 {
        people.push(
            app.user(
                &format!("P{n}"),
                &format!("p{n}@example.org"),
                Role::Participant,
            )
            .await,
        );
    }
    for (n, c) in people.iter().enumerate() {
        if n < 10 {
            app.post_with(c, &format!("/ideas/{a}/support"), &[]).await;
        }
        if n >= 5 {
            app.post_with(c, &format!("/ideas/{b}/support"), &[]).await;
        }
    }
    // 20 more people support A or B while the merge runs.
    let mut late = Vec::new();
    for n in 0..20 {
        let c = app
            .user(
                &format!("L{n}"),
                &format!("l{n}@example.org"),
                Role::Participant,
            )
            .await;
        let t = app.csrf(&c).await;
        late.push((c, t));
    }
    let moderator = app.user("Mo", "mo@example.org", Role::Moderator).await;
    let mod_token = app.csrf(&moderator).await;
    let mut tasks = Vec::new();
    for (n, (c, t)) in late.iter().enumerate() {
        let target = if n % 2 == 0 { a } else { b };
        let (c, url, body) = (
            c.clone(),
            app.url(&format!("/ideas/{target}/support")),
            format!("csrf={t}"),
        );
        tasks.push(spawn_post(&c, url, body));
    }
    let merge = {
        let (c, url, body) = (
            moderator.clone(),
            app.url(&format!("/moderation/ideas/{b}/merge")),
            format!("csrf={mod_token}&target={a}&note=Gleiche+Idee"),
        );
        spawn_post(&c, url, body)
    };
    assert_eq!(merge.await.unwrap().unwrap(), StatusCode::SEE_OTHER);
    for t in tasks {
        assert_eq!(t.await.unwrap().unwrap(), StatusCode::SEE_OTHER);
    }
    // Everybody counted once on A, nobody on B.
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM supports WHERE idea_id = $1", a)
            .await,
        35
    );
    assert_eq!(
        app.scalar("SELECT support_count FROM ideas WHERE id = $1", a)
            .await,
        35
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM supports WHERE idea_id = $1", b)
            .await,
        0
    );
    assert_eq!(
        app.scalar("SELECT support_count FROM ideas WHERE id = $1", b)
            .await,
        0
    );
    assert_eq!(status_of(&app, b).await, "merged");
    let page = app.get(&format!("/ideas/{b}")).await.body;
    assert!(page.contains("Status: Zusammengeführt"));
    assert!(page.contains(&format!(
        "href=\"/ideas/{a}\">Ehrenamtsbörse für Vereine</a>"
    )));
    assert!(
        app.get_with(&dup_author, "/benachrichtigungen")
            .await
            .body
            .contains("zusammengeführt")
    );
    assert!(
        !app.get("/themes/digitale-zivilgesellschaft")
            .await
            .body
            .contains("(doppelt)")
    );
}

#[tokio::test]
async fn the_transparency_page_never_shows_hidden_content_or_reporters() {
    let app = spawn_app().await;
    app.register("Geheim Autor", "geheim@example.org").await;
    let idea = app
        .submit_idea(
            "digitale-ethik",
            "GEHEIMER-TITEL-4711",
            "GEHEIMER-TEXT-4711 mit genug Zeichen.",
        )
        .await;
    let comment = app
        .post(
            &format!("/ideas/{idea}/comments"),
            &[("body", "GEHEIMER-KOMMENTAR-0815")],
        )
        .await;
    comment.assert_redirect_to(&format!("/ideas/{idea}"));
    let reporter = app
        .user("Rita Reporterin", "rita@example.org", Role::Participant)
        .await;
    app.post_with(
        &reporter,
        &format!("/ideas/{idea}/report"),
        &[("reason", "illegal"), ("details", "MELDETEXT-XYZ")],
    )
    .await;
    let cid = app
        .scalar("SELECT id FROM comments WHERE idea_id = $1", idea)
        .await;
    app.post_with(
        &reporter,
        &format!("/comments/{cid}/report"),
        &[("reason", "insult"), ("details", "MELDETEXT-ABC")],
    )
    .await;
    let moderator = app.user("Mo", "mo@example.org", Role::Moderator).await;
    app.post_with(
        &moderator,
        &format!("/moderation/ideas/{idea}/hide"),
        &[("reason", "illegal"), ("note", "Verstößt gegen Recht.")],
    )
    .await;
    app.post_with(
        &moderator,
        &format!("/moderation/comments/{cid}/hide"),
        &[("reason", "insult"), ("note", "Beleidigung.")],
    )
    .await;
    let page = app.get_with(&new_client(), "/transparenz").await;
    assert_eq!(page.status, StatusCode::OK);
    for secret in [
        "GEHEIMER-TITEL-4711",
        "GEHEIMER-TEXT-4711",
        "GEHEIMER-KOMMENTAR-0815",
        "Rita",
        "rita@example.org",
        "MELDETEXT",
    ] {
        assert!(
            !page.body.contains(secret),
            "{secret} on the transparency page"
        );
    }
    assert!(page.body.contains("Verstößt gegen Recht."));
    assert!(page.body.contains("Rechtswidrig"));
    assert!(page.body.contains(&format!("href=\"/ideas/{idea}\"")));
    assert!(page.body.contains(&format!("href=\"/comments/{cid}\"")));
    let month_row = page
        .body
        .contains(">Ausgeblendet</td><td>Rechtswidrig</td><td>1</td>");
    assert!(month_row, "monthly counts per action and reason");
    // The log cannot be rewritten, not even by a direct UPDATE.
    let denied = sqlx::query("UPDATE moderation_log SET note = 'geändert'")
        .execute(&app.db.pool)
        .await;
    assert!(denied.is_err(), "append-only");
    let denied = sqlx::query("DELETE FROM moderation_log")
        .execute(&app.db.pool)
        .await;
    assert!(denied.is_err(), "append-only");
}

#[tokio::test]
async fn the_review_export_opens_as_the_right_rows_and_columns() {
    let app = spawn_app().await;
    app.register("Semi Kolon", "semi@example.org").await;
    let tricky_title = "Daten; Familien \"und\" mehr";
    let tricky_body =
        "Erste Zeile; mit Semikolon\nZweite Zeile mit \"Anführungszeichen\", Komma\n=SUMME(A1)";
    let one = app
        .submit_idea("digitale-ethik", tricky_title, tricky_body)
        .await;
    let two = app
        .submit_idea("chancengerechtigkeit", "Zweite weitergeleitete Idee", BODY)
        .await;
    let fan = app.user("Fan", "fan@example.org", Role::Participant).await;
    app.post_with(&fan, &format!("/ideas/{two}/support"), &[])
        .await;
    let moderator = app.user("Mo", "mo@example.org", Role::Moderator).await;
    for id in [one, two] {
        for (to, note) in [
            ("review", "Notiz; mit \"Zitat\"\nund Zeile"),
            ("forwarded", "Weiter."),
        ] {
            app.post_with(
                &moderator,
                &format!("/ideas/{id}/status"),
                &[("to", to), ("note", note)],
            )
            .await;
        }
    }
    let ministry = app.user("Mia", "mia@example.org", Role::Ministry).await;
    let r = ministry
        .get(app.url("/review.csv?status=forwarded"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    assert!(
        r.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("attachment")
    );
    let bytes = r.bytes().await.unwrap();
    assert!(
        bytes.starts_with(&[0xEF, 0xBB, 0xBF]),
        "UTF-8 BOM for Excel"
    );
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(&bytes[3..]);
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(header[0], "Nr.");
    assert_eq!(header[1], "Titel");
    // Issue 13 added internal notes, the answer, its date and the link after the text.
    assert_eq!(header.len(), 14);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 2);
    // Ranked by supports: the supported idea first.
    assert_eq!(&rows[0][0], two.to_string().as_str());
    assert_eq!(&rows[0][4], "1");
    let row = &rows[1];
    assert_eq!(&row[0], one.to_string().as_str());
    assert_eq!(&row[1], tricky_title);
    assert_eq!(&row[2], "Digitale Ethik");
    assert_eq!(&row[3], "An das Ministerium weitergeleitet");
    assert_eq!(&row[7], "Semi Kolon");
    assert!(row[8].contains("Notiz; mit \"Zitat\"\nund Zeile"));
    assert_eq!(&row[9], tricky_body, "texts survive whole");
    let filtered = ministry
        .get(app.url("/review.csv?status=forwarded&theme=digitale-ethik"))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(&filtered[3..]);
    assert_eq!(
        reader.records().count(),
        1,
        "the export follows the view's filters"
    );
}

#[tokio::test]
async fn members_speak_for_verified_organisations() {
    let app = spawn_app().await;
    let owner = app
        .user("Olga Owner", "olga@example.org", Role::Participant)
        .await;
    let bad = app
        .post_with(
            &owner,
            "/organisations",
            &[
                ("name", "Sozialhelden e.V."),
                ("website", "javascript:alert(1)"),
                ("description", "Kurz"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::OK);
    assert!(bad.body.contains("https://www.beispiel.de"));
    assert!(bad.body.contains("value=\"Sozialhelden e.V.\""));
    app.post_with(
        &owner,
        "/organisations",
        &[
            ("name", "Sozialhelden e.V."),
            ("website", "https://sozialhelden.de"),
            ("description", "Wir machen Barrieren sichtbar."),
        ],
    )
    .await
    .assert_redirect_to("/organisations/sozialhelden-e-v");
    let member = app
        .user("Max Mitglied", "max@example.org", Role::Participant)
        .await;
    app.invite_and_accept(&owner, "sozialhelden-e-v", &member, "max@example.org")
        .await;
    // Not yet verified: nobody may post for it.
    let page = app
        .post_with(
            &member,
            "/ideas",
            &[
                ("theme", "chancengerechtigkeit"),
                ("title", "Rampen überall"),
                ("body", BODY),
                ("as_org", "sozialhelden-e-v"),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("nur für verifizierte Organisationen"));
    assert!(page.body.contains("value=\"Rampen überall\""));
    // Participants cannot verify; moderators can.
    assert_eq!(
        app.post_with(&owner, "/organisations/sozialhelden-e-v/verify", &[])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let moderator = app.user("Mo", "mo@example.org", Role::Moderator).await;
    app.post_with(&moderator, "/organisations/sozialhelden-e-v/verify", &[])
        .await;
    app.submit_idea_with(&member, "chancengerechtigkeit", "Rampen überall", BODY)
        .await;
    let id = app
        .post_with(
            &member,
            "/ideas",
            &[
                ("theme", "chancengerechtigkeit"),
                ("title", "Rampen für alle Ämter"),
                ("body", BODY),
                ("as_org", "sozialhelden-e-v"),
            ],
        )
        .await;
    id.assert_redirect_to("/ideas/");
    let theme = app.get("/themes/chancengerechtigkeit").await.body;
    assert!(theme.contains("Max Mitglied</a> für <a href=\"/organisations/sozialhelden-e-v\">Sozialhelden e.V.</a> <span class=\"badge verified\">verifiziert</span>"));
    let outsider = app
        .user("Otto", "otto@example.org", Role::Participant)
        .await;
    let refused = app
        .post_with(
            &outsider,
            "/ideas",
            &[
                ("theme", "chancengerechtigkeit"),
                ("title", "Gekapert"),
                ("body", BODY),
                ("as_org", "sozialhelden-e-v"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::OK);
    assert!(refused.body.contains("nur für verifizierte Organisationen"));
    let profile = app.get("/organisations/sozialhelden-e-v").await.body;
    assert!(profile.contains("Rampen für alle Ämter"));
    assert!(
        !profile.contains(">Rampen überall<"),
        "only what was posted for the organisation"
    );
    assert!(profile.contains("verifiziert"));
}

#[tokio::test]
async fn blocked_staff_lose_their_powers_and_hidden_things_stay_hidden_everywhere() {
    let app = spawn_app().await;
    let admin = app.user("Ada", "ada@example.org", Role::Admin).await;
    let moderator = app.user("Moni", "moni@example.org", Role::Moderator).await;
    let author = app
        .user("Berta", "berta@example.org", Role::Participant)
        .await;
    let idea = app
        .submit_idea_with(&author, "digitale-ethik", "GEHEIM-ABC Idee", BODY)
        .await;
    let other = app
        .submit_idea_with(&admin, "digitale-ethik", "Eine offene Idee", BODY)
        .await;
    app.post_with(
        &author,
        &format!("/ideas/{other}/comments"),
        &[("body", "KOMMENTAR-XYZ von Berta")],
    )
    .await;

    // Hidden ideas say so in words, never with a raw catalogue key.
    app.post_with(
        &moderator,
        &format!("/moderation/ideas/{idea}/hide"),
        &[("reason", "spam"), ("note", "Werbung.")],
    )
    .await;
    let page = app
        .get_with(&new_client(), &format!("/ideas/{idea}"))
        .await
        .body;
    assert!(page.contains("<h1>Ausgeblendete Idee</h1>"));
    assert!(!page.contains("idea-hidden-title"));
    // Nobody merges into a hidden idea (its title would show on the duplicate).
    let dup = app
        .submit_idea_with(&admin, "digitale-ethik", "Doppelte Idee", BODY)
        .await;
    app.post_with(
        &moderator,
        &format!("/moderation/ideas/{dup}/merge"),
        &[("target", &idea.to_string())],
    )
    .await;
    assert_eq!(status_of(&app, dup).await, "submitted");
    // The ministry still sees a forwarded idea that got hidden, marked as such.
    app.post_with(&moderator, &format!("/moderation/ideas/{idea}/unhide"), &[])
        .await;
    for (to, note) in [("review", "Gut."), ("forwarded", "Weiter.")] {
        app.post_with(
            &moderator,
            &format!("/ideas/{idea}/status"),
            &[("to", to), ("note", note)],
        )
        .await;
    }
    app.post_with(
        &moderator,
        &format!("/moderation/ideas/{idea}/hide"),
        &[("reason", "spam"), ("note", "Werbung.")],
    )
    .await;
    let review = app.get_with(&admin, "/review").await.body;
    assert!(review.contains("GEHEIM-ABC Idee"));
    assert!(review.contains("Zurzeit ausgeblendet"));
    // Commenting on a hidden idea is refused with its own reason.
    app.post_with(
        &admin,
        &format!("/ideas/{idea}/comments"),
        &[("body", "Noch ein Wort")],
    )
    .await;
    assert!(
        app.get_with(&admin, &format!("/ideas/{idea}"))
            .await
            .body
            .contains("ist ausgeblendet und kann zurzeit nicht kommentiert werden")
    );

    // A blocked person's comments vanish from their public profile too.
    let berta = app
        .scalar(
            "SELECT id FROM users WHERE email = 'berta@example.org' AND id > $1",
            0,
        )
        .await;
    assert!(
        app.get(&format!("/users/{berta}"))
            .await
            .body
            .contains("KOMMENTAR-XYZ")
    );
    app.post_with(
        &moderator,
        &format!("/moderation/users/{berta}/block"),
        &[("note", "Spam.")],
    )
    .await;
    assert!(
        !app.get(&format!("/users/{berta}"))
            .await
            .body
            .contains("KOMMENTAR-XYZ")
    );
    let theirs = app.get_with(&author, &format!("/users/{berta}")).await.body;
    assert!(
        theirs.contains("KOMMENTAR-XYZ"),
        "people still see their own"
    );

    // A blocked moderator keeps no moderation power.
    let moni = app
        .scalar(
            "SELECT id FROM users WHERE email = 'moni@example.org' AND id > $1",
            0,
        )
        .await;
    app.post_with(
        &admin,
        &format!("/moderation/users/{moni}/block"),
        &[("note", "Missbrauch.")],
    )
    .await
    .assert_redirect_to(&format!("/users/{moni}"));
    let refused = app.get_with(&moderator, "/moderation").await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(refused.body.contains("Konto gesperrt"));
    let unhide = app
        .post_with(&moderator, &format!("/moderation/ideas/{idea}/unhide"), &[])
        .await;
    assert_eq!(unhide.status, StatusCode::FORBIDDEN);
    assert!(
        !app.get_with(&moderator, &format!("/ideas/{idea}"))
            .await
            .body
            .contains("Nur für die Moderation sichtbar")
    );

    // An organisation cannot take the address of the create form.
    let page = app
        .post_with(
            &admin,
            "/organisations",
            &[
                ("name", "New"),
                ("description", "Eine Organisation namens New."),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body
            .contains("Der Name muss Buchstaben oder Ziffern enthalten.")
    );
}

/// Kinds, actions and reasons are read as types: a stored value we do not know is an error
/// that names its row (in the log), never shown as raw text or counted under a guess.
#[tokio::test]
async fn stored_moderation_values_that_do_not_parse_are_errors_naming_their_row() {
    let app = spawn_app().await;
    let moderator = app.user("Mo", "mo@example.org", Role::Moderator).await;
    let mo: i64 = sqlx::query_scalar("SELECT id FROM users WHERE email = 'mo@example.org'")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    let report: i64 = sqlx::query_scalar(
        "INSERT INTO reports (item_type, item_id, reporter_id, reason, details, created_at)
         VALUES ('idea', 1, $1, 'gossip', '', 1) RETURNING id",
    )
    .bind(mo)
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    let err = mitdenken::db::curation::open_queue(&app.db.pool, app.db.backend)
        .await
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains(&format!("row id {report}")), "{err}");
    assert!(err.contains("gossip"), "{err}");
    let page = app.get_with(&moderator, "/moderation").await;
    assert_eq!(page.status, StatusCode::INTERNAL_SERVER_ERROR);

    assert_eq!(app.get("/transparenz").await.status, StatusCode::OK);
    let line: i64 = sqlx::query_scalar(
        "INSERT INTO moderation_log (created_at, month, action, reason, note, actor_role, item_type, item_id)
         VALUES (1, '2026-11', 'delete', '', '', 'moderator', 'idea', 1) RETURNING id",
    )
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    // Written behind the site's back: tell it, as a write through it would, so the page kept
    // for anonymous readers a moment ago is not served again.
    app.db.changes.bump();
    let err = mitdenken::db::curation::log_page(&app.db.pool, 50, 0)
        .await
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains(&format!("row id {line}")), "{err}");
    assert!(err.contains("delete"), "{err}");
    let page = app.get("/transparenz").await;
    assert_eq!(page.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(!page.body.contains(">delete<"), "no raw action shown");
}
