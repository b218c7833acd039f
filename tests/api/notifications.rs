//! Following, notifications by mail in the recipient's language, the one-click unsubscribe
//! (RFC 8058), the daily digest and the inbox, against a real SMTP server (see mail.rs).

use crate::helpers::*;
use crate::mail::{Smtpd, app_with, smtpd_available};
use mitdenken::domain::Role;
use reqwest::StatusCode;
use std::time::Duration;

/// Register in English (the language the mails will speak) and confirm like the link would.
async fn register_in_english(app: &TestApp, client: &reqwest::Client, name: &str, email: &str) {
    crate::mail::register_in_english(app, client, name, email).await;
    sqlx::query("UPDATE users SET email_confirmed_at = created_at WHERE email = $1")
        .bind(email)
        .execute(&app.db.pool)
        .await
        .expect("confirm");
}

async fn settle(app: &TestApp) {
    for _ in 0..200 {
        let pending = mitdenken::db::mail::pending(&app.db.pool)
            .await
            .expect("pending");
        if pending == 0 {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the outbox did not empty");
}

#[tokio::test]
async fn followers_get_mail_in_their_language_and_unsubscribe_with_one_click() {
    if !smtpd_available() {
        return;
    }
    let smtpd = Smtpd::start(None, None);
    let app = app_with(&smtpd).await;
    let author = app
        .user("Anke Autorin", "anke@example.org", Role::Participant)
        .await;
    let idea = app
        .submit_idea_with(
            &author,
            "digitale-ethik",
            "Bürgerrat für Künstliche Intelligenz",
            "Ein gelooster Bürgerrat berät die Landesregierung zu KI im Amt.",
        )
        .await;
    let fan = new_client();
    register_in_english(&app, &fan, "Fiona Follower", "fiona@example.org").await;
    let page = app.get_with(&fan, &format!("/ideas/{idea}")).await;
    assert!(page.body.contains("action=\"/folgen\""), "a follow button");
    app.post_with(
        &fan,
        "/folgen",
        &[
            ("kind", "idea"),
            ("id", &idea.to_string()),
            ("back", &format!("/ideas/{idea}")),
        ],
    )
    .await
    .assert_redirect_to(&format!("/ideas/{idea}"));
    let page = app.get_with(&fan, &format!("/ideas/{idea}")).await;
    assert!(page.body.contains("action=\"/entfolgen\""), "now following");

    // Someone comments (and unticks "follow"): the author (who follows their own idea) hears
    // of it in German, the follower in English.
    let commenter = app
        .user("Kurt Kommentar", "kurt@example.org", Role::Participant)
        .await;
    app.post_with(
        &commenter,
        &format!("/ideas/{idea}/comments"),
        &[("body", "Wichtig: auch die Verwaltung muss mitlernen.")],
    )
    .await
    .assert_redirect_to(&format!("/ideas/{idea}"));
    let de = smtpd
        .wait_for("anke@example.org", 2)
        .await
        .into_iter()
        .find(|m| m.subject == "Neuigkeiten bei Mitdenken")
        .expect("the author's notification");
    assert!(
        de.text.contains(
            "Kurt Kommentar hat die Idee „Bürgerrat für Künstliche Intelligenz“ kommentiert."
        ),
        "{}",
        de.text
    );
    let en = smtpd
        .wait_for("fiona@example.org", 2)
        .await
        .into_iter()
        .find(|m| m.subject == "News on Mitdenken")
        .expect("the follower's notification");
    assert!(
        en.text.contains("Kurt Kommentar commented on the idea"),
        "{}",
        en.text
    );
    assert_eq!(en.header("Content-Language"), Some("en"));
    assert!(en.text.contains(&app.url(&format!("/ideas/{idea}"))));
    assert_eq!(
        en.header("List-Unsubscribe-Post"),
        Some("List-Unsubscribe=One-Click")
    );
    let unsubscribe = en
        .header("List-Unsubscribe")
        .expect("List-Unsubscribe")
        .trim_matches(['<', '>'])
        .to_string();
    assert!(unsubscribe.starts_with(&app.url("/abbestellen/")));
    // The commenter unticked the box: they do not follow.
    let follows = app
        .scalar(
            "SELECT COUNT(*) FROM follows WHERE target_id = $1 AND target_kind = 'idea'",
            idea,
        )
        .await;
    assert_eq!(follows, 2, "author and follower only");

    // Opening the link changes nothing; the one-click POST (no session, no token) does.
    let scanner = new_client();
    let opened = app
        .get_with(&scanner, unsubscribe.trim_start_matches(&app.url("")))
        .await;
    assert_eq!(opened.status, StatusCode::OK);
    let r = reqwest::Client::new()
        .post(&unsubscribe)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .expect("one-click");
    assert_eq!(r.status(), StatusCode::OK);
    let mode: String = sqlx::query_scalar(
        "SELECT mode FROM notification_settings s JOIN users u ON u.id = s.user_id
         WHERE u.email = 'fiona@example.org' AND s.kind = 'followed_idea'",
    )
    .fetch_one(&app.db.pool)
    .await
    .expect("setting");
    assert_eq!(mode, "inbox");

    // The next comment reaches the follower's inbox, not their mailbox.
    app.post_with(
        &commenter,
        &format!("/ideas/{idea}/comments"),
        &[("body", "Und noch ein Gedanke dazu."), ("follow", "1")],
    )
    .await;
    smtpd.wait_for("anke@example.org", 3).await;
    settle(&app).await;
    assert_eq!(
        smtpd.wait_for("fiona@example.org", 1).await.len(),
        2,
        "confirmation + one"
    );
    // The site speaks the browser's language (German here), the mails the account's.
    let inbox = app.get_with(&fan, "/benachrichtigungen").await;
    assert!(
        inbox.body.contains("Kurt Kommentar hat die Idee"),
        "{}",
        inbox.body
    );
    assert!(
        inbox.body.contains("Benachrichtigungen (2 neu)"),
        "{}",
        inbox.body
    );
    app.post_with(&fan, "/benachrichtigungen/gelesen", &[])
        .await
        .assert_redirect_to("/benachrichtigungen");
    let inbox = app.get_with(&fan, "/benachrichtigungen").await;
    assert!(!inbox.body.contains("2 neu"));
    assert!(inbox.body.contains("Keine ungelesenen Benachrichtigungen."));
    // Ticked, the commenter follows now.
    let follows = app
        .scalar(
            "SELECT COUNT(*) FROM follows WHERE target_id = $1 AND target_kind = 'idea'",
            idea,
        )
        .await;
    assert_eq!(follows, 3);
}

#[tokio::test]
async fn the_ministrys_answer_reaches_author_and_followers_in_full() {
    if !smtpd_available() {
        return;
    }
    let smtpd = Smtpd::start(None, None);
    let app = app_with(&smtpd).await;
    let author = app
        .user("Berta Bürgerin", "berta@example.org", Role::Participant)
        .await;
    let idea = app
        .submit_idea_with(
            &author,
            "digitale-kompetenzen",
            "Digitalpaten in jeder Bibliothek",
            "Ehrenamtliche helfen einmal pro Woche bei Fragen zu Handy und Computer.",
        )
        .await;
    let fan = new_client();
    register_in_english(&app, &fan, "Finn Fan", "finn@example.org").await;
    app.post_with(
        &fan,
        "/folgen",
        &[("kind", "idea"), ("id", &idea.to_string()), ("back", "/")],
    )
    .await;
    sqlx::query("UPDATE ideas SET status = 'forwarded' WHERE id = $1")
        .bind(idea)
        .execute(&app.db.pool)
        .await
        .expect("forward");
    let ministry = app
        .user("Referat 113", "referat@example.org", Role::Ministry)
        .await;
    let answer = "Wir fördern 20 Pilotstandorte ab 2027. Bewerbungen nimmt das Landesamt entgegen.";
    app.post_with(
        &ministry,
        &format!("/ideas/{idea}/status"),
        &[("to", "accepted"), ("note", answer), ("next", "/review")],
    )
    .await
    .assert_redirect_to("/review");
    let mails = smtpd.wait_for("berta@example.org", 2).await;
    let own = mails
        .iter()
        .find(|m| m.text.contains("hat einen neuen Status: Angenommen"))
        .expect("the author's mail");
    assert!(own.text.contains(answer), "the whole answer: {}", own.text);
    let fan_mail = smtpd.wait_for("finn@example.org", 2).await;
    assert!(
        fan_mail
            .iter()
            .any(|m| m.text.contains("has a new status: Accepted") && m.text.contains(answer))
    );
}

#[tokio::test]
async fn the_daily_digest_collects_followed_themes_into_one_mail() {
    if !smtpd_available() {
        return;
    }
    let smtpd = Smtpd::start(None, None);
    let app = app_with(&smtpd).await;
    let reader = app
        .user("Dora Digest", "dora@example.org", Role::Participant)
        .await;
    let theme_id = app
        .scalar(
            "SELECT id FROM themes WHERE slug = 'digitale-ethik' AND id > $1",
            0,
        )
        .await;
    let theme_page = app.get_with(&reader, "/themes/digitale-ethik").await;
    assert!(theme_page.body.contains("action=\"/folgen\""));
    app.post_with(
        &reader,
        "/folgen",
        &[
            ("kind", "theme"),
            ("id", &theme_id.to_string()),
            ("back", "/themes/digitale-ethik"),
        ],
    )
    .await
    .assert_redirect_to("/themes/digitale-ethik");
    let author = app
        .user("Emil Eifrig", "emil@example.org", Role::Participant)
        .await;
    for title in [
        "Transparenzregister für Algorithmen",
        "Ethik-Sprechstunde im Rathaus",
    ] {
        app.submit_idea_with(
            &author,
            "digitale-ethik",
            title,
            "Ein ausführlicher Vorschlag für alle Ämter im Land.",
        )
        .await;
    }
    settle(&app).await;
    assert_eq!(
        smtpd.wait_for("dora@example.org", 1).await.len(),
        1,
        "only the confirmation so far"
    );
    // The digest hour has passed (run the worker's chores as if it were two days later).
    let mut config = mitdenken::config::Config::for_tests(app.database_url.clone());
    config.smtp_url = Some(smtpd.url());
    config.base_url = Some(app.url(""));
    let worker = mitdenken::mail::worker::Worker::new(app.db.clone(), &config, Default::default())
        .expect("worker");
    assert_eq!(
        worker
            .chores(mitdenken::db::now() + 2 * 86_400)
            .await
            .expect("chores"),
        1
    );
    worker.round().await.expect("send");
    let mails = smtpd.wait_for("dora@example.org", 2).await;
    let digest = mails
        .iter()
        .find(|m| m.subject == "Ihre Neuigkeiten des Tages bei Mitdenken")
        .expect("the digest");
    assert!(digest.text.contains("Transparenzregister für Algorithmen"));
    assert!(digest.text.contains("Ethik-Sprechstunde im Rathaus"));
    assert!(digest.text.contains("2 Neuigkeiten"));
    assert!(digest.header("List-Unsubscribe").is_some());
    // Collected once.
    assert_eq!(
        worker
            .chores(mitdenken::db::now() + 2 * 86_400)
            .await
            .expect("chores"),
        0
    );
}

#[tokio::test]
async fn workshop_registration_moving_up_and_the_reminder_come_by_mail() {
    if !smtpd_available() {
        return;
    }
    let smtpd = Smtpd::start(None, None);
    let app = app_with(&smtpd).await;
    let moderator = app
        .user("Mia Moderation", "mia@example.org", Role::Moderator)
        .await;
    let workshop = crate::workshops::create_workshop(
        &app,
        &moderator,
        "Werkstatt Datenspende",
        &[("seats", "1")],
    )
    .await;
    let page = app
        .get_with(&moderator, &format!("/workshops/{workshop}"))
        .await;
    assert!(page.body.contains("action=\"/folgen\""), "a follow button");
    let first = app
        .user("Ida Erste", "ida@example.org", Role::Participant)
        .await;
    let second = app
        .user("Ben Zweiter", "ben@example.org", Role::Participant)
        .await;
    for c in [&first, &second] {
        app.post_with(c, &format!("/workshops/{workshop}/register"), &[])
            .await
            .assert_redirect_to(&format!("/workshops/{workshop}"));
    }
    let ida = smtpd.wait_for("ida@example.org", 2).await;
    assert!(ida.iter().any(|m| m.text.contains("Ihre Anmeldung zur Werkstatt „Werkstatt Datenspende“ am 09.12.2030 17:00 Uhr ist bestätigt.")));
    let ben = smtpd.wait_for("ben@example.org", 2).await;
    assert!(
        ben.iter()
            .any(|m| m.text.contains("Sie stehen auf der Warteliste"))
    );
    app.post_with(&first, &format!("/workshops/{workshop}/cancel"), &[])
        .await;
    let ben = smtpd.wait_for("ben@example.org", 3).await;
    assert!(
        ben.iter()
            .any(|m| m.text.contains("Sie sind von der Warteliste nachgerückt"))
    );

    // The day before: one reminder per confirmed person, once.
    sqlx::query("UPDATE workshops SET starts_at = $1, ends_at = $2 WHERE id = $3")
        .bind(mitdenken::db::now() + 3600)
        .bind(mitdenken::db::now() + 7200)
        .bind(workshop)
        .execute(&app.db.pool)
        .await
        .expect("move the workshop to tomorrow");
    let config = mitdenken::config::Config::for_tests(app.database_url.clone());
    let worker = mitdenken::mail::worker::Worker::new(app.db.clone(), &config, Default::default())
        .expect("worker");
    worker.chores(mitdenken::db::now()).await.expect("chores");
    worker
        .chores(mitdenken::db::now())
        .await
        .expect("chores again");
    let ben = smtpd.wait_for("ben@example.org", 4).await;
    assert_eq!(
        ben.iter()
            .filter(|m| m.text.contains("Erinnerung: Die Werkstatt"))
            .count(),
        1
    );
    settle(&app).await;
    assert_eq!(
        smtpd.wait_for("ida@example.org", 2).await.len(),
        2,
        "Ida cancelled: no reminder"
    );
}

/// The first mail to `to` whose text contains `needle` (waits for it a while).
async fn mail_with(smtpd: &Smtpd, to: &str, needle: &str) -> crate::mail::Mail {
    for _ in 0..300 {
        if let Some(m) = smtpd
            .mails()
            .into_iter()
            .find(|m| m.to == to && m.text.contains(needle))
        {
            return m;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("no mail to {to} with {needle:?}: {:?}", smtpd.mails());
}

/// The events of issue 11 not covered above, each by mail to the person it concerns: a
/// reply to my comment, a status change with its public note (by the moderation), a new
/// learning linked to a followed idea, my idea merged, my idea hidden with the reason (and
/// the rules it refers to, issue 13).
#[tokio::test]
async fn replies_notes_learnings_merges_and_hidings_reach_the_people_they_concern() {
    if !smtpd_available() {
        return;
    }
    let smtpd = Smtpd::start(None, None);
    let app = app_with(&smtpd).await;
    let author = app
        .user("Anton Autor", "anton@example.org", Role::Participant)
        .await;
    let idea = app
        .submit_idea_with(
            &author,
            "digitale-ethik",
            "Offene Algorithmen im Jobcenter",
            "Jede Software, die über Leistungen mitentscheidet, wird offen dokumentiert.",
        )
        .await;
    let fan = app
        .user("Frieda Folgt", "frieda@example.org", Role::Participant)
        .await;
    app.post_with(
        &fan,
        "/folgen",
        &[("kind", "idea"), ("id", &idea.to_string()), ("back", "/")],
    )
    .await
    .assert_redirect_to("/");

    // A reply to my comment.
    let carla = app
        .user("Carla Kommentar", "carla@example.org", Role::Participant)
        .await;
    app.post_with(
        &carla,
        &format!("/ideas/{idea}/comments"),
        &[("body", "Das sollte auch für Schulen gelten.")],
    )
    .await
    .assert_redirect_to(&format!("/ideas/{idea}"));
    let comment = app
        .scalar("SELECT MAX(id) FROM comments WHERE idea_id = $1", idea)
        .await;
    let rolf = app
        .user("Rolf Replik", "rolf@example.org", Role::Participant)
        .await;
    app.post_with(
        &rolf,
        &format!("/ideas/{idea}/comments"),
        &[
            ("body", "Schulen haben andere Träger."),
            ("parent_id", &comment.to_string()),
        ],
    )
    .await
    .assert_redirect_to(&format!("/ideas/{idea}"));
    mail_with(
        &smtpd,
        "carla@example.org",
        "Rolf Replik hat auf Ihren Kommentar zur Idee „Offene Algorithmen im Jobcenter“ geantwortet.",
    )
    .await;

    // A status change by the moderation with its public note: the author and the follower
    // read the note in the mail.
    let moderator = app
        .user("Mona Moderation", "mona@example.org", Role::Moderator)
        .await;
    let note = "Wir prüfen die Idee gemeinsam mit dem zuständigen Referat.";
    app.post_with(
        &moderator,
        &format!("/ideas/{idea}/status"),
        &[("to", "review"), ("note", note), ("next", "/moderation")],
    )
    .await
    .assert_redirect_to("/moderation");
    let own = mail_with(&smtpd, "anton@example.org", "hat einen neuen Status").await;
    assert!(own.text.contains(note), "{}", own.text);
    let followed = mail_with(&smtpd, "frieda@example.org", "hat einen neuen Status").await;
    assert!(followed.text.contains(note), "{}", followed.text);

    // A new learning linked to the followed idea.
    let workshop =
        crate::workshops::create_workshop(&app, &moderator, "Werkstatt Offene Verwaltung", &[])
            .await;
    crate::workshops::link_new_learning(
        &app,
        &moderator,
        (workshop, idea),
        "Dokumentation zuerst",
        "Was nicht dokumentiert ist, wird nicht eingesetzt.",
    )
    .await;
    mail_with(
        &smtpd,
        "frieda@example.org",
        "Eine Erkenntnis der Werkstatt „Werkstatt Offene Verwaltung“ wurde mit der Idee „Offene Algorithmen im Jobcenter“ verknüpft.",
    )
    .await;

    // My idea merged into another.
    let dora = app
        .user("Dora Doppelt", "dora@example.org", Role::Participant)
        .await;
    let duplicate = app
        .submit_idea_with(
            &dora,
            "digitale-ethik",
            "Algorithmen im Jobcenter offenlegen",
            "Die Software der Jobcenter soll offen dokumentiert werden, damit man sie prüfen kann.",
        )
        .await;
    app.post_with(
        &moderator,
        &format!("/moderation/ideas/{duplicate}/merge"),
        &[("target", &idea.to_string())],
    )
    .await;
    mail_with(
        &smtpd,
        "dora@example.org",
        "Ihre Idee „Algorithmen im Jobcenter offenlegen“ wurde mit der Idee „Offene Algorithmen im Jobcenter“ zusammengeführt",
    )
    .await;

    // My idea hidden, with the reason and the rules it refers to.
    let spam = app
        .submit_idea_with(
            &dora,
            "digitale-ethik",
            "Kaufen Sie unser Produkt",
            "Unser Produkt löst alle Probleme der Verwaltung, jetzt günstig bestellen.",
        )
        .await;
    app.post_with(
        &moderator,
        &format!("/moderation/ideas/{spam}/hide"),
        &[("reason", "spam"), ("note", "Werbung für ein Produkt.")],
    )
    .await;
    let hidden = mail_with(&smtpd, "dora@example.org", "ausgeblendet").await;
    assert!(
        hidden.text.contains("Grund: Werbung für ein Produkt."),
        "{}",
        hidden.text
    );
    assert!(hidden.text.contains(&app.url("/regeln")), "{}", hidden.text);
    let inbox = app.get_with(&dora, "/benachrichtigungen").await;
    assert!(inbox.body.contains("Grund: Werbung für ein Produkt."));
    assert!(inbox.body.contains("href=\"/regeln\""), "{}", inbox.body);
}

/// "Meine Beiträge" lists one's ideas and sends to the inbox for the news about them; it
/// no longer shows (or marks read) the notices itself.
#[tokio::test]
async fn my_contributions_point_to_the_inbox_for_the_notices() {
    let app = spawn_app().await;
    let author = app
        .user("Mia Meine", "mia@example.org", Role::Participant)
        .await;
    let idea = app
        .submit_idea_with(
            &author,
            "digitale-ethik",
            "Sprechstunde zu Algorithmen",
            "Einmal im Monat erklärt das Amt, welche Software es einsetzt und warum.",
        )
        .await;
    let moderator = app
        .user("Moritz Moderation", "moritz@example.org", Role::Moderator)
        .await;
    app.post_with(
        &moderator,
        &format!("/ideas/{idea}/status"),
        &[
            ("to", "review"),
            ("note", "Schauen wir uns an."),
            ("next", "/moderation"),
        ],
    )
    .await
    .assert_redirect_to("/moderation");
    let mine = app.get_with(&author, "/mine").await;
    assert!(mine.body.contains("Sprechstunde zu Algorithmen"));
    assert!(
        !mine.body.contains("hat einen neuen Status"),
        "{}",
        mine.body
    );
    assert!(
        mine.body
            .contains("href=\"/benachrichtigungen\">Benachrichtigungen (1 neu)")
    );
    // Visiting it marks nothing read: the inbox still counts the notice.
    let inbox = app.get_with(&author, "/benachrichtigungen").await;
    assert!(
        inbox.body.contains("hat einen neuen Status: In Prüfung"),
        "{}",
        inbox.body
    );
    assert!(inbox.body.contains("Benachrichtigungen (1 neu)"));
}
