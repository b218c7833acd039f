//! Issue 13's moderation and review journeys: forwarding in one step, internal notes that
//! never leave the staff's pages, back to the queue after a decision, organisations waiting
//! for verification, the ministry's "Eingang bestätigt", the review CSV, and the
//! transparency report that names items without showing what was hidden.

use crate::helpers::*;
use mitdenken::domain::Role;
use reqwest::StatusCode;

const BODY: &str = "Eine Idee mit genug Text, damit sie eingereicht werden kann.";

async fn status_of(app: &TestApp, idea: i64) -> String {
    sqlx::query_scalar("SELECT status FROM ideas WHERE id = $1")
        .bind(idea)
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
}

/// The trail of an idea as stored: (from, to, note), in the trail's order.
async fn trail_of(app: &TestApp, idea: i64) -> Vec<(Option<String>, String, String)> {
    sqlx::query_as(
        "SELECT from_status, to_status, note FROM idea_transitions
         WHERE idea_id = $1 ORDER BY created_at, id",
    )
    .bind(idea)
    .fetch_all(&app.db.pool)
    .await
    .unwrap()
}

async fn count(app: &TestApp, sql: &str, id: i64) -> i64 {
    app.scalar(sql, id).await
}

/// The body of a GET as text, whatever its type (HTML, Atom, JSON, CSV).
async fn text_of(app: &TestApp, client: &reqwest::Client, path: &str) -> String {
    let r = client.get(app.url(path)).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK, "{path}");
    r.text().await.unwrap()
}

/// The part of the idea page between the trail's heading and the next section.
fn trail_section(page: &str) -> &str {
    let start = page.find("id=\"verlauf\"").expect("a trail");
    let rest = &page[start..];
    &rest[..rest.find("</section>").unwrap_or(rest.len())]
}

#[tokio::test]
async fn moderation_forwards_in_one_step_with_both_steps_in_the_trail() {
    let app = spawn_app().await;
    app.register("Autorin", "autorin@example.org").await;
    let submitted = app
        .submit_idea("digitale-ethik", "Direkt ins Ministerium", BODY)
        .await;
    let discussed = app
        .submit_idea("digitale-ethik", "Erst diskutiert, dann weiter", BODY)
        .await;
    let in_review = app
        .submit_idea("digitale-ethik", "Schon in Prüfung", BODY)
        .await;
    let moderator = app.user("Mona", "mona@example.org", Role::Moderator).await;
    let ministry = app.user("Mia", "mia@example.org", Role::Ministry).await;
    let participant = app
        .user("Paul", "paul@example.org", Role::Participant)
        .await;
    app.post_with(
        &moderator,
        &format!("/ideas/{discussed}/status"),
        &[("to", "discussion"), ("note", "")],
    )
    .await
    .assert_redirect_to(&format!("/ideas/{discussed}"));
    app.post_with(
        &moderator,
        &format!("/ideas/{in_review}/status"),
        &[("to", "review"), ("note", "Wird geprüft.")],
    )
    .await
    .assert_redirect_to(&format!("/ideas/{in_review}"));

    // The form is on the page of a submitted idea for moderation, one button, no script.
    let page = app
        .get_with(&moderator, &format!("/ideas/{submitted}"))
        .await;
    let action = format!("action=\"/ideas/{submitted}/forward\"");
    assert!(page.body.contains(&action), "the one-step form");
    assert!(page.body.contains("In einem Schritt weiterleiten"));
    assert!(
        page.body
            .contains(&format!("for=\"forward-note-{submitted}\""))
    );
    assert!(
        page.body
            .contains(&format!("for=\"forward-internal-{submitted}\""))
    );
    // Nobody else gets it, and an idea already in review takes the ordinary step.
    for client in [&ministry, &participant] {
        let other = app.get_with(client, &format!("/ideas/{submitted}")).await;
        assert!(!other.body.contains(&action));
    }
    let reviewing = app
        .get_with(&moderator, &format!("/ideas/{in_review}"))
        .await;
    assert!(!reviewing.body.contains("/forward\""));

    // Without a public note nothing changes at all.
    let refused = app
        .post_with(
            &moderator,
            &format!("/ideas/{submitted}/forward"),
            &[("note", "  "), ("internal", "Nur intern.")],
        )
        .await;
    refused.assert_redirect_to(&format!("/ideas/{submitted}"));
    assert_eq!(status_of(&app, submitted).await, "submitted");
    assert_eq!(trail_of(&app, submitted).await.len(), 1);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM internal_notes WHERE idea_id = $1",
            submitted
        )
        .await,
        0
    );
    let notices_before = count(
        &app,
        "SELECT COUNT(*) FROM notices WHERE idea_id = $1",
        submitted,
    )
    .await;

    for idea in [submitted, discussed] {
        let from = status_of(&app, idea).await;
        app.post_with(
            &moderator,
            &format!("/ideas/{idea}/forward"),
            &[
                ("note", "Viel Zustimmung, das Ministerium soll antworten."),
                ("internal", "Bitte Referat 3 fragen."),
            ],
        )
        .await
        .assert_redirect_to(&format!("/ideas/{idea}#verlauf"));
        assert_eq!(status_of(&app, idea).await, "forwarded");
        let trail = trail_of(&app, idea).await;
        let tail: Vec<_> = trail[trail.len() - 2..].to_vec();
        assert_eq!(
            tail,
            vec![
                (Some(from.clone()), "review".to_string(), String::new()),
                (
                    Some("review".to_string()),
                    "forwarded".to_string(),
                    "Viel Zustimmung, das Ministerium soll antworten.".to_string()
                ),
            ],
            "both steps, in order"
        );
        // Both steps in the public log too, in order.
        let log: Vec<String> = sqlx::query_scalar(
            "SELECT action FROM moderation_log WHERE item_type = 'idea' AND item_id = $1
             ORDER BY created_at, id",
        )
        .bind(idea)
        .fetch_all(&app.db.pool)
        .await
        .unwrap();
        assert_eq!(
            log[log.len() - 2..],
            ["status:review".to_string(), "status:forwarded".to_string()]
        );
        // The page shows the steps in time order, with the confirmation.
        let page = app.get_with(&moderator, &format!("/ideas/{idea}")).await;
        assert!(page.body.contains("Der Verlauf zeigt beide Schritte"));
        let trail = trail_section(&page.body);
        let review_at = trail
            .find("<strong>In Prüfung</strong>")
            .expect("review step");
        let forwarded_at = trail
            .find("<strong>An das Ministerium weitergeleitet</strong>")
            .expect("forwarded step");
        assert!(review_at < forwarded_at, "time order");
    }
    // The author hears once, of the last status.
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM notices WHERE idea_id = $1",
            submitted
        )
        .await,
        notices_before + 1
    );

    // Ministry staff, participants and a second try are refused; nothing moves.
    for (client, idea) in [
        (&ministry, in_review),
        (&participant, in_review),
        (&moderator, in_review),
        (&moderator, submitted),
    ] {
        let before = status_of(&app, idea).await;
        let page = app
            .post_with(
                client,
                &format!("/ideas/{idea}/forward"),
                &[("note", "Weiter.")],
            )
            .await;
        assert_eq!(page.status, StatusCode::FORBIDDEN);
        assert_eq!(status_of(&app, idea).await, before);
    }
    let anonymous = app
        .post_raw(
            &new_client(),
            &format!("/ideas/{in_review}/forward"),
            &[("note", "Weiter.")],
        )
        .await;
    assert_eq!(anonymous.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn internal_notes_reach_staff_and_nowhere_else() {
    const FORWARD_NOTE: &str = "INTERN-MODERATION-4711";
    const ACK_NOTE: &str = "INTERN-EINGANG-0815";
    const ANSWER_NOTE: &str = "INTERN-ANTWORT-2342";
    const SECRETS: [&str; 3] = [FORWARD_NOTE, ACK_NOTE, ANSWER_NOTE];
    let app = spawn_app().await;
    app.register("Autorin Anna", "anna@example.org").await;
    let idea = app
        .submit_idea("digitale-ethik", "Offene Verwaltungsdaten", BODY)
        .await;
    let other = app
        .submit_idea("digitale-ethik", "Eine zweite Idee", BODY)
        .await;
    let moderator = app.user("Mona", "mona@example.org", Role::Moderator).await;
    let ministry = app.user("Mia", "mia@example.org", Role::Ministry).await;
    let admin = app.user("Ada", "ada@example.org", Role::Admin).await;
    let reader = app
        .user("Lea Leserin", "lea@example.org", Role::Participant)
        .await;
    // A follower, so that followers' notices and mails are written too.
    app.post_with(
        &reader,
        "/folgen",
        &[("kind", "idea"), ("id", &idea.to_string()), ("back", "/")],
    )
    .await;
    app.post_with(
        &moderator,
        &format!("/ideas/{idea}/forward"),
        &[("note", "Öffentlich: weiter."), ("internal", FORWARD_NOTE)],
    )
    .await
    .assert_redirect_to(&format!("/ideas/{idea}"));
    app.post_with(
        &ministry,
        &format!("/ideas/{idea}/status"),
        &[
            ("to", "acknowledged"),
            ("note", "Öffentlich: Eingang bestätigt."),
            ("internal", ACK_NOTE),
        ],
    )
    .await
    .assert_redirect_to(&format!("/ideas/{idea}"));
    app.post_with(
        &ministry,
        &format!("/ideas/{idea}/status"),
        &[
            ("to", "accepted"),
            ("note", "Öffentlich: Wir setzen das um."),
            ("internal", ANSWER_NOTE),
        ],
    )
    .await
    .assert_redirect_to(&format!("/ideas/{idea}"));
    assert_eq!(status_of(&app, idea).await, "accepted");
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM internal_notes WHERE idea_id = $1",
            idea
        )
        .await,
        3
    );

    // Staff read them on the idea page, marked as not public.
    for client in [&moderator, &ministry, &admin] {
        let page = app.get_with(client, &format!("/ideas/{idea}")).await;
        for secret in SECRETS {
            assert!(page.body.contains(secret), "{secret} for staff");
        }
        assert!(page.body.contains("Interne Notiz (nicht öffentlich)"));
    }
    // The ministry's desk and its file carry them.
    let review = app.get_with(&ministry, "/review?status=alle").await;
    for secret in SECRETS {
        assert!(review.body.contains(secret), "{secret} on /review");
    }
    let csv = text_of(&app, &ministry, "/review.csv?status=alle").await;
    for secret in SECRETS {
        assert!(csv.contains(secret), "{secret} in the review CSV");
    }

    // Nowhere else: public pages, feeds, the API, open data, statistics, transparency,
    // search, notices, and the data downloads of the author and of a follower.
    let anonymous = new_client();
    let mut public: Vec<String> = [
        "/",
        "/ideen",
        "/ideen?status=accepted",
        "/themes/digitale-ethik",
        "/feeds/ideen.atom",
        "/feeds/antworten.atom",
        "/feeds/themen/digitale-ethik.atom",
        "/api/v1/ideas",
        "/api/v1/transparency",
        "/daten",
        "/daten/datapackage.json",
        "/statistik",
        "/transparenz",
        "/suche?q=Verwaltungsdaten",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    public.push(format!("/ideas/{idea}"));
    public.push(format!("/ideas/{idea}?lang=en"));
    public.push(format!("/feeds/ideen/{idea}.atom"));
    public.push(format!("/api/v1/ideas/{idea}"));
    public.push(format!("/api/v1/ideas/{idea}/comments"));
    for name in mitdenken::db::opendata::DATASETS.map(|d| d.name) {
        public.push(format!("/daten/{name}.csv"));
        public.push(format!("/daten/{name}.jsonl"));
    }
    for path in &public {
        let body = text_of(&app, &anonymous, path).await;
        for secret in SECRETS {
            assert!(!body.contains(secret), "{secret} in {path}");
        }
    }
    // The search finds the idea by its words, never by an internal note (the page repeats
    // the query itself, so the check is for the idea among the results).
    let by_words = app.get_with(&anonymous, "/suche?q=Verwaltungsdaten").await;
    assert!(by_words.body.contains(&format!("href=\"/ideas/{idea}\"")));
    for secret in SECRETS {
        let found = app
            .get_with(&anonymous, &format!("/suche?q={secret}"))
            .await;
        assert!(!found.body.contains(&format!("href=\"/ideas/{idea}\"")));
    }
    // Logged-in people who are not staff: the author and a follower.
    for client in [&app.client, &reader] {
        for path in [
            format!("/ideas/{idea}"),
            "/benachrichtigungen".to_string(),
            "/account/daten".to_string(),
            "/account/daten.json".to_string(),
        ] {
            let body = text_of(&app, client, &path).await;
            for secret in SECRETS {
                assert!(
                    !body.contains(secret),
                    "{secret} in {path} of a participant"
                );
            }
        }
    }
    // No notice or mail carries them either.
    for sql in [
        "SELECT COUNT(*) FROM notices WHERE (text LIKE '%INTERN-%' OR message LIKE '%INTERN-%') AND idea_id = $1",
        "SELECT COUNT(*) FROM outbox WHERE (body LIKE '%INTERN-%' OR message LIKE '%INTERN-%') AND $1 > 0",
    ] {
        assert_eq!(count(&app, sql, idea).await, 0, "{sql}");
    }
    // The moderator's own data download holds the note she wrote, and only that one.
    let own = text_of(&app, &moderator, "/account/daten.json").await;
    assert!(own.contains(FORWARD_NOTE));
    assert!(!own.contains(ACK_NOTE) && !own.contains(ANSWER_NOTE));
    // A blocked moderator reads no more of them.
    let blocked = app.user("Bea", "bea@example.org", Role::Moderator).await;
    sqlx::query("UPDATE users SET blocked_at = 1 WHERE email = 'bea@example.org'")
        .execute(&app.db.pool)
        .await
        .unwrap();
    let page = app.get_with(&blocked, &format!("/ideas/{idea}")).await;
    for secret in SECRETS {
        assert!(
            !page.body.contains(secret),
            "{secret} for a blocked account"
        );
    }
    // The other idea's page shows none of this idea's notes, even to staff.
    let page = app.get_with(&ministry, &format!("/ideas/{other}")).await;
    for secret in SECRETS {
        assert!(!page.body.contains(secret));
    }
}

#[tokio::test]
async fn after_hiding_or_dismissing_the_moderator_is_back_at_the_queue() {
    let app = spawn_app().await;
    app.register("Autorin", "autorin@example.org").await;
    let first = app
        .submit_idea("digitale-ethik", "Gemeldete Idee eins", BODY)
        .await;
    let second = app
        .submit_idea("digitale-ethik", "Gemeldete Idee zwei", BODY)
        .await;
    let reporter = app
        .user("Rita", "rita@example.org", Role::Participant)
        .await;
    for idea in [first, second] {
        app.post_with(
            &reporter,
            &format!("/ideas/{idea}/report"),
            &[("reason", "spam"), ("details", "")],
        )
        .await;
    }
    let moderator = app.user("Mo", "mo@example.org", Role::Moderator).await;
    let queue = app.get_with(&moderator, "/moderation").await;
    assert!(
        queue
            .body
            .contains("name=\"next\" value=\"/moderation#reports-title\""),
        "the queue's hide forms return to it"
    );
    let hidden = app
        .post_with(
            &moderator,
            &format!("/moderation/ideas/{first}/hide"),
            &[
                ("reason", "spam"),
                ("note", "Werbung."),
                ("next", "/moderation#reports-title"),
            ],
        )
        .await;
    hidden.assert_redirect_to("/moderation");
    let queue = app.get_with(&moderator, "/moderation").await;
    assert!(
        queue.body.contains("Der Beitrag ist ausgeblendet"),
        "the confirmation on the queue"
    );
    app.post_with(
        &moderator,
        "/moderation/reports/dismiss",
        &[("item_type", "idea"), ("item_id", &second.to_string())],
    )
    .await
    .assert_redirect_to("/moderation");
    let queue = app.get_with(&moderator, "/moderation").await;
    assert!(
        queue
            .body
            .contains("Die Meldungen wurden als unbegründet geschlossen.")
    );
    assert!(queue.body.contains("Keine offenen Meldungen."));
    // From the idea page the moderator stays on the idea; a foreign address stays home.
    let third = app.submit_idea("digitale-ethik", "Dritte Idee", BODY).await;
    app.post_with(
        &moderator,
        &format!("/moderation/ideas/{third}/hide"),
        &[("reason", "spam"), ("note", "Werbung.")],
    )
    .await
    .assert_redirect_to(&format!("/ideas/{third}"));
    let fourth = app.submit_idea("digitale-ethik", "Vierte Idee", BODY).await;
    let away = app
        .post_with(
            &moderator,
            &format!("/moderation/ideas/{fourth}/hide"),
            &[
                ("reason", "spam"),
                ("note", "Werbung."),
                ("next", "https://example.com/"),
            ],
        )
        .await;
    assert_eq!(away.status, StatusCode::SEE_OTHER);
    assert!(away.location.as_deref().is_some_and(|l| l.starts_with('/')));
}

#[tokio::test]
async fn organisations_waiting_for_verification_are_listed_in_the_queue() {
    let app = spawn_app().await;
    let owner = app
        .user("Olga Owner", "olga@example.org", Role::Participant)
        .await;
    app.post_with(
        &owner,
        "/organisations",
        &[
            ("name", "Kiezhelden e.V."),
            ("website", "https://kiezhelden.example.org"),
            ("description", "Wir helfen im Kiez."),
        ],
    )
    .await
    .assert_redirect_to("/organisations/kiezhelden-e-v");
    let moderator = app.user("Mo", "mo@example.org", Role::Moderator).await;
    let queue = app.get_with(&moderator, "/moderation").await;
    assert!(queue.body.contains("1 Organisation wartet auf Bestätigung"));
    assert!(queue.body.contains("Kiezhelden e.V."));
    assert!(
        queue
            .body
            .contains("href=\"/organisations/kiezhelden-e-v\"")
    );
    assert!(queue.body.contains("Prüfen und bestätigen"));
    app.post_with(&moderator, "/organisations/kiezhelden-e-v/verify", &[])
        .await
        .assert_redirect_to("/organisations/kiezhelden-e-v");
    let queue = app.get_with(&moderator, "/moderation").await;
    assert!(
        queue
            .body
            .contains("Alle angemeldeten Organisationen sind bestätigt.")
    );
    assert!(
        !queue
            .body
            .contains("href=\"/organisations/kiezhelden-e-v\"")
    );
    let english = app.get_with(&moderator, "/moderation?lang=en").await;
    assert!(
        english
            .body
            .contains("No organisation is waiting for verification")
    );
}

#[tokio::test]
async fn the_ministry_confirms_receipt_before_it_answers() {
    let app = spawn_app().await;
    app.register("Autorin", "autorin@example.org").await;
    let idea = app
        .submit_idea("digitale-ethik", "Eine Idee zum Bestätigen", BODY)
        .await;
    let waiting = app
        .submit_idea("digitale-ethik", "Noch ohne Bestätigung", BODY)
        .await;
    let moderator = app.user("Mo", "mo@example.org", Role::Moderator).await;
    let ministry = app.user("Mia", "mia@example.org", Role::Ministry).await;
    for id in [idea, waiting] {
        app.post_with(
            &moderator,
            &format!("/ideas/{id}/forward"),
            &[("note", "Weiter.")],
        )
        .await
        .assert_redirect_to(&format!("/ideas/{id}"));
    }
    // The form offers it, with no decision preselected.
    let page = app.get_with(&ministry, &format!("/ideas/{idea}")).await;
    assert!(
        page.body
            .contains("<option value=\"acknowledged\">Eingang bestätigt</option>")
    );
    assert!(page.body.contains("<option value=\"\" selected>"));
    // A public note is required.
    app.post_with(
        &ministry,
        &format!("/ideas/{idea}/status"),
        &[("to", "acknowledged"), ("note", "")],
    )
    .await
    .assert_redirect_to(&format!("/ideas/{idea}"));
    assert_eq!(status_of(&app, idea).await, "forwarded");
    app.post_with(
        &ministry,
        &format!("/ideas/{idea}/status"),
        &[
            ("to", "acknowledged"),
            ("note", "Danke, wir prüfen die Idee bis Ende Januar."),
        ],
    )
    .await
    .assert_redirect_to(&format!("/ideas/{idea}"));
    assert_eq!(status_of(&app, idea).await, "acknowledged");

    // In public: badge with its own class, the step bar, the note in the trail.
    let public = app.get_with(&new_client(), &format!("/ideas/{idea}")).await;
    assert!(public.body.contains("badge status-acknowledged"));
    assert!(
        public
            .body
            .contains("aria-current=\"step\">Weitergeleitet, Eingang bestätigt</li>")
    );
    assert!(
        public
            .body
            .contains("Danke, wir prüfen die Idee bis Ende Januar.")
    );
    let english = app
        .get_with(&new_client(), &format!("/ideas/{idea}?lang=en"))
        .await;
    assert!(english.body.contains("Receipt confirmed"));
    // Filters, the API and its description know the value.
    let list = app
        .get_with(&new_client(), "/ideen?status=acknowledged")
        .await;
    assert!(list.body.contains(&format!("href=\"/ideas/{idea}\"")));
    assert!(!list.body.contains(&format!("href=\"/ideas/{waiting}\"")));
    assert!(list.body.contains("<option value=\"acknowledged\""));
    let api = text_of(&app, &new_client(), &format!("/api/v1/ideas/{idea}")).await;
    assert!(api.contains("\"acknowledged\""), "{api}");
    let spec = text_of(&app, &new_client(), "/api/v1/openapi.json").await;
    assert!(spec.contains("\"acknowledged\""));
    let data = text_of(&app, &new_client(), "/daten/ideen.csv").await;
    assert!(data.contains("\"acknowledged\""));

    // The desk: waiting means forwarded or acknowledged; each can be chosen alone.
    let desk = app.get_with(&ministry, "/review").await;
    for id in [idea, waiting] {
        assert!(desk.body.contains(&format!("href=\"/ideas/{id}\"")));
    }
    assert!(
        desk.body
            .contains("<option value=\"\" selected>Wartet auf Antwort</option>")
    );
    let acknowledged = app.get_with(&ministry, "/review?status=acknowledged").await;
    assert!(
        acknowledged
            .body
            .contains(&format!("href=\"/ideas/{idea}\""))
    );
    assert!(
        !acknowledged
            .body
            .contains(&format!("href=\"/ideas/{waiting}\""))
    );
    assert!(
        acknowledged
            .body
            .contains("<option value=\"acknowledged\" selected>")
    );

    // Then the answer; the author could not withdraw in between.
    let withdraw = app.post(&format!("/ideas/{idea}/withdraw"), &[]).await;
    assert_eq!(withdraw.status, StatusCode::FORBIDDEN);
    app.post_with(
        &ministry,
        &format!("/ideas/{idea}/status"),
        &[("to", "rejected"), ("note", "Leider nicht möglich.")],
    )
    .await
    .assert_redirect_to(&format!("/ideas/{idea}"));
    assert_eq!(status_of(&app, idea).await, "rejected");
    let transparency = app.get_with(&new_client(), "/transparenz").await;
    assert!(transparency.body.contains("Status: Eingang bestätigt"));
}

#[tokio::test]
async fn the_review_csv_has_the_answer_its_date_the_link_and_plain_text() {
    for base in [None, Some("https://mitdenken.example.de")] {
        let app = spawn_app_with(|c| c.base_url = base.map(str::to_string)).await;
        app.register("Semi Kolon", "semi@example.org").await;
        let markdown = "Ein **wichtiger** Punkt mit [Quelle](https://example.org/q).\n\n- erstens\n- zweitens\n\n> Zitat";
        let idea = app
            .submit_idea("digitale-ethik", "Idee mit Auszeichnung", markdown)
            .await;
        let moderator = app.user("Mo", "mo@example.org", Role::Moderator).await;
        app.post_with(
            &moderator,
            &format!("/ideas/{idea}/forward"),
            &[("note", "Weiter."), ("internal", "Intern: eilt.")],
        )
        .await
        .assert_redirect_to(&format!("/ideas/{idea}"));
        let ministry = app.user("Mia", "mia@example.org", Role::Ministry).await;
        let answer = "=HYPERLINK(\"x\") Wir setzen das um; mit \"Zitat\"\nund Zeile";
        app.post_with(
            &ministry,
            &format!("/ideas/{idea}/status"),
            &[("to", "accepted"), ("note", answer)],
        )
        .await
        .assert_redirect_to(&format!("/ideas/{idea}"));
        let r = ministry
            .get(app.url("/review.csv?status=accepted"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        let bytes = r.bytes().await.unwrap();
        assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "BOM");
        let text = std::str::from_utf8(&bytes[3..]).unwrap();
        for line in text.split("\r\n").filter(|l| !l.is_empty()) {
            if !line.starts_with("\"'=") {
                assert!(line.starts_with('"'), "every field quoted: {line}");
            }
        }
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b';')
            .from_reader(&bytes[3..]);
        let header: Vec<String> = reader
            .headers()
            .unwrap()
            .iter()
            .map(str::to_string)
            .collect();
        assert_eq!(
            header[9..],
            [
                "Text",
                "Interne Notizen (nicht öffentlich)",
                "Antwort des Ministeriums",
                "Antwort vom",
                "Link zur Idee"
            ]
        );
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
        assert_eq!(rows.len(), 1);
        let row = &rows[0];
        assert_eq!(
            &row[9],
            "Ein wichtiger Punkt mit Quelle (https://example.org/q).\n\n- erstens\n- zweitens\n\nZitat",
            "the text without Markdown marks"
        );
        assert!(row[10].contains("Intern: eilt."));
        assert_eq!(&row[11], format!("'{answer}"), "formula guarded");
        let today = mitdenken::web::datetime::format_date(mitdenken::db::now());
        assert_eq!(&row[12], today.as_str());
        let link = format!("{}/ideas/{idea}", base.unwrap_or(""));
        assert_eq!(&row[13], link.as_str());
    }
}

#[tokio::test]
async fn the_transparency_report_names_items_without_showing_what_was_hidden() {
    let app = spawn_app().await;
    app.register("Autor", "autor@example.org").await;
    let visible = app
        .submit_idea("digitale-ethik", "Sichtbarer Titel", BODY)
        .await;
    let hidden = app
        .submit_idea("digitale-ethik", "VERBORGENER-TITEL-99", BODY)
        .await;
    app.post(
        &format!("/ideas/{visible}/comments"),
        &[("body", "VERBORGENER-KOMMENTAR-77 auf einer sichtbaren Idee")],
    )
    .await;
    let cid = app
        .scalar("SELECT id FROM comments WHERE idea_id = $1", visible)
        .await;
    let moderator = app.user("Mo", "mo@example.org", Role::Moderator).await;
    app.post_with(
        &moderator,
        &format!("/ideas/{visible}/status"),
        &[("to", "discussion"), ("note", "")],
    )
    .await;
    app.post_with(
        &moderator,
        &format!("/moderation/ideas/{hidden}/hide"),
        &[("reason", "insult"), ("note", "Beleidigend.")],
    )
    .await;
    app.post_with(
        &moderator,
        &format!("/moderation/comments/{cid}/hide"),
        &[("reason", "spam"), ("note", "Werbung.")],
    )
    .await;
    let page = app.get_with(&new_client(), "/transparenz").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Idee „Sichtbarer Titel“"));
    assert!(page.body.contains("Kommentar zu „Sichtbarer Titel“"));
    assert!(page.body.contains("eine ausgeblendete Idee"));
    assert!(!page.body.contains("VERBORGENER-TITEL-99"));
    assert!(!page.body.contains("VERBORGENER-KOMMENTAR-77"));
    assert!(!page.body.contains(&format!(">Idee #{hidden}<")));
    // Readable months; log lines as cards on a phone.
    let month = mitdenken::domain::berlin::to_berlin(mitdenken::db::now());
    let names = [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ];
    let label = format!(
        "{} {}",
        names[usize::from(u8::from(month.month())) - 1],
        month.year()
    );
    assert!(page.body.contains(&label), "{label}");
    assert!(page.body.contains("table class=\"cards\""));
    // A log page whose lines have no note shows no note column.
    let quiet = spawn_app().await;
    quiet.register("Autor", "autor@example.org").await;
    let idea = quiet
        .submit_idea("digitale-ethik", "Still diskutiert", BODY)
        .await;
    let moderator = quiet.user("Mo", "mo@example.org", Role::Moderator).await;
    quiet
        .post_with(
            &moderator,
            &format!("/ideas/{idea}/status"),
            &[("to", "discussion"), ("note", "")],
        )
        .await;
    let page = quiet.get_with(&new_client(), "/transparenz").await;
    assert!(page.body.contains("Idee „Still diskutiert“"));
    assert!(!page.body.contains(">Begründung</th>") && !page.body.contains(">Grund</th>"));
    // In English too.
    let english = quiet.get_with(&new_client(), "/transparenz?lang=en").await;
    assert!(english.body.contains("Idea “Still diskutiert”"));
}

#[tokio::test]
async fn a_deleted_account_leaves_its_internal_notes_without_its_name() {
    let app = spawn_app().await;
    app.register("Autorin", "autorin@example.org").await;
    let idea = app
        .submit_idea("digitale-ethik", "Idee mit interner Notiz", BODY)
        .await;
    let moderator = app
        .user("Moritz Eigenname", "moritz@example.org", Role::Moderator)
        .await;
    app.post_with(
        &moderator,
        &format!("/ideas/{idea}/forward"),
        &[
            ("note", "Weiter."),
            ("internal", "Bleibt als Notiz stehen."),
        ],
    )
    .await
    .assert_redirect_to(&format!("/ideas/{idea}"));
    app.post_with(&moderator, "/account/loeschen", &[("password", PASSWORD)])
        .await
        .assert_redirect_to("/");
    let names: Vec<String> =
        sqlx::query_scalar("SELECT author_name FROM internal_notes WHERE idea_id = $1")
            .bind(idea)
            .fetch_all(&app.db.pool)
            .await
            .unwrap();
    assert_eq!(names, ["Gelöschtes Konto"]);
    let ministry = app.user("Mia", "mia@example.org", Role::Ministry).await;
    let page = app.get_with(&ministry, &format!("/ideas/{idea}")).await;
    assert!(page.body.contains("Bleibt als Notiz stehen."));
    assert!(!page.body.contains("Moritz Eigenname"));
}
