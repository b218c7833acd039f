//! Issue 16: the data download, deleting an account (own and by an admin), re-registering,
//! the sessions list, and the retention purge.

use crate::helpers::*;
use crate::workshops::create_workshop;
use mitdenken::domain::Role;
use reqwest::{Client, StatusCode};

const BODY: &str = "Ein ausführlicher Vorschlag, damit die Mindestlänge sicher erreicht wird.";
const THEME: &str = "digitale-ethik";

/// One person's whole life on the board: an idea, a comment, a reply, a support, a report, a
/// workshop registration, an organisation, a notice (their idea hidden by moderation).
struct Life {
    client: Client,
    idea: i64,
    comment: i64,
    org: String,
}

async fn live(
    app: &TestApp,
    moderator: &Client,
    name: &str,
    email: &str,
    tag: &str,
    other_idea: Option<i64>,
    workshop: i64,
) -> Life {
    let client = app.user(name, email, Role::Participant).await;
    let idea = app
        .submit_idea_with(
            &client,
            THEME,
            &format!("Idee {tag}"),
            &format!("{BODY} {tag}"),
        )
        .await;
    let target = other_idea.unwrap_or(idea);
    app.post_with(
        &client,
        &format!("/ideas/{target}/comments"),
        &[("body", &format!("Kommentar {tag}")), ("parent_id", "")],
    )
    .await
    .assert_redirect_to("/ideas/");
    let comment = app
        .scalar(
            "SELECT MAX(id) FROM comments WHERE author_id = (SELECT author_id FROM ideas WHERE id = $1)",
            idea,
        )
        .await;
    if let Some(other) = other_idea {
        app.post_with(&client, &format!("/ideas/{other}/support"), &[])
            .await;
        app.post_with(
            &client,
            &format!("/ideas/{other}/report"),
            &[("reason", "spam"), ("details", &format!("Meldung {tag}"))],
        )
        .await;
    }
    app.post_with(&client, &format!("/workshops/{workshop}/register"), &[])
        .await;
    let org = app
        .post_with(
            &client,
            "/organisations",
            &[
                ("name", &format!("Verein {tag}")),
                ("website", ""),
                ("description", "Wir helfen im Kiez, wo es nötig ist."),
            ],
        )
        .await;
    org.assert_redirect_to("/organisations/");
    // The person under test (who acts on another's idea) gets a moderation decision; the
    // other's idea stays visible for them to act on.
    if other_idea.is_some() {
        app.post_with(
            moderator,
            &format!("/moderation/ideas/{idea}/hide"),
            &[("reason", "offtopic"), ("note", "Passt nicht zum Thema.")],
        )
        .await;
    }
    // A page view records the session for the list.
    app.get_with(&client, "/account").await;
    Life {
        client,
        idea,
        comment,
        org: org.location.unwrap_or_default(),
    }
}

#[tokio::test]
async fn the_download_holds_every_kind_of_record_of_the_person_and_nothing_of_another() {
    let app = spawn_app().await;
    let moderator = app
        .user("Mo Moderation", "mo@example.org", Role::Moderator)
        .await;
    let workshop = create_workshop(&app, &moderator, "Datenwerkstatt", &[]).await;
    let bob = live(
        &app,
        &moderator,
        "Bob Becker",
        "bob@example.org",
        "BOBGEHEIM",
        None,
        workshop,
    )
    .await;
    let anna = live(
        &app,
        &moderator,
        "Anna Arndt",
        "anna@example.org",
        "ANNAEIGEN",
        Some(bob.idea),
        workshop,
    )
    .await;
    // Anna turns on two-factor sign-in, and Bob's organisation invites her (still open).
    app.enrol_two_factor(&anna.client).await;
    let bob_slug = bob.org.trim_start_matches("/organisations/").to_string();
    app.post_with(
        &bob.client,
        &format!("/organisations/{bob_slug}/members"),
        &[("email", "anna@example.org")],
    )
    .await
    .assert_redirect_to(&bob.org);
    // Bob also acts on Anna's idea: none of that is Anna's data.
    app.post_with(
        &bob.client,
        &format!("/ideas/{}/comments", anna.idea),
        &[("body", "Antwort BOBGEHEIM"), ("parent_id", "")],
    )
    .await;

    let json = app.get_with(&anna.client, "/account/daten.json").await;
    assert_eq!(json.status, StatusCode::OK);
    let data: serde_json::Value = serde_json::from_str(&json.body).expect("valid JSON");
    let sections = data["sections"].as_object().expect("sections");
    for name in [
        "account",
        "ideas",
        "idea_steps",
        "comments",
        "supports",
        "workshop_registrations",
        "reports",
        "organisations",
        "notices",
        "follows",
        "sessions",
        "moderation_decisions",
        "invitations",
        "status_changes_made",
    ] {
        let rows = sections[name].as_array().expect(name);
        assert!(!rows.is_empty(), "section {name} is empty: {}", json.body);
    }
    assert_eq!(sections["account"][0]["email"], "anna@example.org");
    assert_eq!(sections["account"][0]["two_factor"], 1);
    assert_eq!(sections["recovery_codes"][0]["total"], 10);
    assert!(!json.body.contains("code_hash") && !json.body.contains("secret"));
    assert!(json.body.contains("ANNAEIGEN"));
    assert!(json.body.contains("Meldung ANNAEIGEN"));
    assert!(
        json.body.contains(&format!("\"idea_id\":{}", bob.idea)),
        "the support"
    );
    // The invitation's notice names who invited her: that is the message Anna was shown, a
    // copy of her own data. Nowhere else does Bob (or the moderator) appear.
    let notices = sections["notices"].to_string();
    assert!(notices.contains("notice-org-invited"), "{notices}");
    let mut rest = data.clone();
    rest["sections"]
        .as_object_mut()
        .expect("sections")
        .remove("notices");
    let without_notices = rest.to_string();
    for other in [
        "bob@example.org",
        "Bob Becker",
        "Kommentar BOBGEHEIM",
        "Antwort BOBGEHEIM",
        "mo@example.org",
        "Mo Moderation",
    ] {
        assert!(
            !without_notices.contains(other),
            "{other} is in Anna's download: {}",
            json.body
        );
    }
    assert!(!notices.contains("bob@example.org"));
    let _ = (anna.comment, &anna.org);

    let page = app.get_with(&anna.client, "/account/daten").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Idee ANNAEIGEN"));
    assert!(page.body.contains("Workshop-Anmeldungen"));
    // Notices read as sentences, not as stored JSON.
    assert!(page.body.contains("Verein BOBGEHEIM"));
    assert!(!page.body.contains("notice-org-invited"));
    assert!(!page.body.contains("bob@example.org"));
    // Only for the person themself.
    app.get_with(&new_client(), "/account/daten.json")
        .await
        .assert_redirect_to("/login");
}

async fn users_row(app: &TestApp, id: i64) -> (String, String, String, Option<i64>) {
    sqlx::query_as("SELECT email, display_name, password_hash, deleted_at FROM users WHERE id = $1")
        .bind(id)
        .fetch_one(&app.db.pool)
        .await
        .expect("the row")
}

async fn count(app: &TestApp, sql: &str, id: i64) -> i64 {
    app.scalar(sql, id).await
}

#[tokio::test]
async fn deleting_an_account_removes_the_person_and_keeps_the_board_true() {
    let app = spawn_app().await;
    let moderator = app
        .user("Mo Moderation", "mo@example.org", Role::Moderator)
        .await;
    let workshop = create_workshop(&app, &moderator, "Datenwerkstatt", &[("seats", "1")]).await;
    let bob = live(
        &app,
        &moderator,
        "Bob Becker",
        "bob@example.org",
        "BOB",
        None,
        workshop,
    )
    .await;
    let carla = app
        .user("Carla Conrad", "carla@example.org", Role::Participant)
        .await;
    let carla_idea = app
        .submit_idea_with(&carla, THEME, "Idee von Carla", BODY)
        .await;
    // Anna: waits for a seat (Bob has the only one), supports two ideas, owns an organisation
    // Carla joined and one nobody else is in.
    let anna = live(
        &app,
        &moderator,
        "Anna Arndt",
        "anna@example.org",
        "ANNA",
        Some(bob.idea),
        workshop,
    )
    .await;
    app.post_with(&anna.client, &format!("/ideas/{carla_idea}/support"), &[])
        .await;
    let anna_slug = anna.org.trim_start_matches("/organisations/").to_string();
    app.invite_and_accept(&anna.client, &anna_slug, &carla, "carla@example.org")
        .await;
    let lonely = app
        .post_with(
            &anna.client,
            "/organisations",
            &[
                ("name", "Einsamer Verein"),
                ("website", ""),
                ("description", "Wir helfen im Kiez, wo es nötig ist."),
            ],
        )
        .await;
    lonely.assert_redirect_to("/organisations/");
    // Carla supports Bob's idea too, and replies to Anna's comment.
    app.post_with(&carla, &format!("/ideas/{}/support", bob.idea), &[])
        .await;
    let anna_id = count(&app, "SELECT author_id FROM ideas WHERE id = $1", anna.idea).await;
    // A second device of Anna's.
    let phone = new_client();
    app.login_with(&phone, "anna@example.org", PASSWORD)
        .await
        .assert_redirect_to("/");
    app.get_with(&phone, "/account").await;

    let supports_before = count(
        &app,
        "SELECT support_count FROM ideas WHERE id = $1",
        bob.idea,
    )
    .await;
    assert_eq!(supports_before, 2);

    // The wrong password changes nothing.
    let wrong = app
        .post_with(
            &anna.client,
            "/account/loeschen",
            &[("password", "falsch-falsch-falsch")],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::OK);
    assert!(wrong.body.contains("Passwort ist nicht richtig"));
    assert_eq!(users_row(&app, anna_id).await.0, "anna@example.org");

    // She follows her idea (authors do): that goes with the account too.
    assert!(
        count(
            &app,
            "SELECT COUNT(*) FROM follows WHERE user_id = $1",
            anna_id
        )
        .await
            > 0
    );
    let form = app.get_with(&anna.client, "/account/loeschen").await;
    assert!(form.body.contains("auch meine Beiträge entfernen"));
    let done = app
        .post_with(&anna.client, "/account/loeschen", &[("password", PASSWORD)])
        .await;
    done.assert_redirect_to("/");
    let home = app.get_with(&anna.client, "/").await;
    assert!(
        home.body.contains("Zurückgenommene Unterstützungen: 2"),
        "{}",
        home.body
    );

    // The person's data is gone, straight from the tables.
    let (email, name, hash, deleted) = users_row(&app, anna_id).await;
    assert!(!email.contains("anna"), "{email}");
    assert_eq!(name, "Gelöschtes Konto");
    assert_eq!(hash, "");
    assert!(deleted.is_some());
    for table in [
        "SELECT COUNT(*) FROM supports WHERE user_id = $1",
        "SELECT COUNT(*) FROM workshop_registrations WHERE user_id = $1",
        "SELECT COUNT(*) FROM organisation_members WHERE user_id = $1",
        "SELECT COUNT(*) FROM organisations WHERE owner_id = $1",
        "SELECT COUNT(*) FROM notices WHERE user_id = $1",
        "SELECT COUNT(*) FROM session_meta WHERE user_id = $1",
        "SELECT COUNT(*) FROM follows WHERE user_id = $1",
        "SELECT COUNT(*) FROM notification_settings WHERE user_id = $1",
        "SELECT COUNT(*) FROM account_tokens WHERE user_id = $1",
        "SELECT COUNT(*) FROM held_supports WHERE user_id = $1",
        "SELECT COUNT(*) FROM reports WHERE reporter_id = $1 AND resolved_at IS NOT NULL",
        "SELECT COUNT(*) FROM idea_transitions WHERE actor_id = $1 AND actor_name <> 'Gelöschtes Konto'",
    ] {
        assert_eq!(count(&app, table, anna_id).await, 0, "{table}");
    }
    // Counts stay the number of their rows, exactly.
    assert_eq!(
        count(
            &app,
            "SELECT support_count FROM ideas WHERE id = $1",
            bob.idea
        )
        .await,
        1
    );
    assert_eq!(
        count(
            &app,
            "SELECT support_count FROM ideas WHERE id = $1",
            carla_idea
        )
        .await,
        0
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM ideas i WHERE i.support_count <> (SELECT COUNT(*) FROM supports s WHERE s.idea_id = i.id) AND i.id > $1", 0).await,
        0
    );
    // The organisation with Carla is hers now; the lonely one is closed.
    let carla_id = count(
        &app,
        "SELECT author_id FROM ideas WHERE id = $1",
        carla_idea,
    )
    .await;
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM organisations WHERE owner_id = $1",
            carla_id
        )
        .await,
        1
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM organisations WHERE name = 'Einsamer Verein' AND id > $1",
            0
        )
        .await,
        0
    );
    // The seat Anna waited for was never hers; Bob keeps his. Her contributions stay.
    assert_eq!(
        crate::workshops::count(&app, workshop, "confirmed").await,
        1
    );
    let idea = app.get(&format!("/ideas/{}", anna.idea)).await;
    assert!(idea.body.contains("Gelöschtes Konto"));
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM comments WHERE author_id = $1 AND deleted_at IS NULL",
            anna_id
        )
        .await,
        1
    );
    // Both devices are logged out.
    app.get_with(&phone, "/account")
        .await
        .assert_redirect_to("/login");
    app.get_with(&anna.client, "/account")
        .await
        .assert_redirect_to("/login");
    // The old login does not work; the address registers anew as a new person.
    let old = app
        .login_with(&new_client(), "anna@example.org", PASSWORD)
        .await;
    assert_eq!(old.status, StatusCode::OK);
    let again = new_client();
    app.register_with(&again, "Anna Arndt", "anna@example.org")
        .await
        .assert_redirect_to("/");
    let new_id = app
        .scalar(
            "SELECT id FROM users WHERE email = 'anna@example.org' AND id > $1",
            0,
        )
        .await;
    assert_ne!(new_id, anna_id);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM ideas WHERE author_id = $1",
            new_id
        )
        .await,
        0
    );
    let json = app.get_with(&again, "/account/daten.json").await;
    assert!(
        !json.body.contains("Idee ANNA"),
        "nothing links the two accounts"
    );
}

#[tokio::test]
async fn removing_contributions_replaces_their_texts_and_keeps_replies() {
    let app = spawn_app().await;
    let bob = app
        .user("Bob Becker", "bob@example.org", Role::Participant)
        .await;
    let anna = app
        .user("Anna Arndt", "anna@example.org", Role::Participant)
        .await;
    let bob_idea = app.submit_idea_with(&bob, THEME, "Bobs Idee", BODY).await;
    let anna_idea = app
        .submit_idea_with(&anna, THEME, "Annas Idee GEHEIM", &format!("{BODY} GEHEIM"))
        .await;
    app.post_with(
        &anna,
        &format!("/ideas/{bob_idea}/comments"),
        &[("body", "Annas Kommentar GEHEIM"), ("parent_id", "")],
    )
    .await;
    let anna_comment = app
        .scalar("SELECT MAX(id) FROM comments WHERE idea_id = $1", bob_idea)
        .await;
    app.post_with(
        &bob,
        &format!("/ideas/{bob_idea}/comments"),
        &[
            ("body", "Bobs Antwort bleibt"),
            ("parent_id", &anna_comment.to_string()),
        ],
    )
    .await;
    assert_eq!(
        count(
            &app,
            "SELECT comment_count FROM ideas WHERE id = $1",
            bob_idea
        )
        .await,
        2
    );

    app.post_with(
        &anna,
        "/account/loeschen",
        &[("password", PASSWORD), ("remove_contributions", "1")],
    )
    .await
    .assert_redirect_to("/");

    let title: (String, String) = sqlx::query_as("SELECT title, body FROM ideas WHERE id = $1")
        .bind(anna_idea)
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert!(
        !title.0.contains("GEHEIM") && !title.1.contains("GEHEIM"),
        "{title:?}"
    );
    let comment: (String, Option<i64>) =
        sqlx::query_as("SELECT body, deleted_at FROM comments WHERE id = $1")
            .bind(anna_comment)
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    assert_eq!(comment.0, "");
    assert!(comment.1.is_some());
    assert_eq!(
        count(
            &app,
            "SELECT comment_count FROM ideas WHERE id = $1",
            bob_idea
        )
        .await,
        1
    );
    let page = app.get(&format!("/ideas/{bob_idea}")).await;
    assert!(page.body.contains("Bobs Antwort bleibt"));
    assert!(!page.body.contains("GEHEIM"));
    let search = app.get("/suche?q=GEHEIM").await;
    assert!(
        !search.body.contains("Annas Idee"),
        "the old texts left the search"
    );
}

#[tokio::test]
async fn a_deleted_persons_workshop_seat_goes_to_the_waiting_list() {
    let app = spawn_app().await;
    let moderator = app
        .user("Mo Moderation", "mo@example.org", Role::Moderator)
        .await;
    let workshop = create_workshop(&app, &moderator, "Kleine Werkstatt", &[("seats", "1")]).await;
    let anna = app
        .user("Anna Arndt", "anna@example.org", Role::Participant)
        .await;
    let bob = app
        .user("Bob Becker", "bob@example.org", Role::Participant)
        .await;
    for c in [&anna, &bob] {
        app.post_with(c, &format!("/workshops/{workshop}/register"), &[])
            .await;
    }
    assert_eq!(crate::workshops::count(&app, workshop, "waiting").await, 1);
    app.post_with(&anna, "/account/loeschen", &[("password", PASSWORD)])
        .await
        .assert_redirect_to("/");
    assert_eq!(
        crate::workshops::count(&app, workshop, "confirmed").await,
        1
    );
    assert_eq!(crate::workshops::count(&app, workshop, "waiting").await, 0);
    let bob_status: String = sqlx::query_scalar(
        "SELECT r.status FROM workshop_registrations r JOIN users u ON u.id = r.user_id
         WHERE u.email = 'bob@example.org'",
    )
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    assert_eq!(bob_status, "confirmed");
}

#[tokio::test]
async fn an_admin_deletes_on_request_and_the_log_names_nobody() {
    let app = spawn_app().await;
    let admin = app.user("Ida Admin", "ida@example.org", Role::Admin).await;
    let anna = app
        .user("Anna Arndt", "anna@example.org", Role::Participant)
        .await;
    app.submit_idea_with(&anna, THEME, "Annas Idee", BODY).await;
    let anna_id = app
        .scalar(
            "SELECT id FROM users WHERE email = 'anna@example.org' AND id > $1",
            0,
        )
        .await;
    let form = app
        .get_with(&admin, &format!("/admin/users/{anna_id}/loeschen"))
        .await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("anna@example.org"));
    // Participants cannot.
    let refused = app
        .post_with(
            &anna,
            &format!("/admin/users/{anna_id}/loeschen"),
            &[("password", PASSWORD)],
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    app.post_with(
        &admin,
        &format!("/admin/users/{anna_id}/loeschen"),
        &[("password", PASSWORD)],
    )
    .await
    .assert_redirect_to("/admin/users");
    assert_eq!(users_row(&app, anna_id).await.1, "Gelöschtes Konto");
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM moderation_log WHERE action = 'account_deleted' AND item_id = $1",
            0
        )
        .await,
        1
    );
    let log = app.get("/transparenz").await;
    assert!(log.body.contains("Konto auf Wunsch gelöscht"));
    assert!(!log.body.contains("Anna"));
    let list = app.get_with(&admin, "/admin/users").await;
    assert!(
        !list.body.contains("Gelöschtes Konto"),
        "shells are not listed"
    );
    // The last admin cannot delete themself.
    let ida_id = app
        .scalar(
            "SELECT id FROM users WHERE email = 'ida@example.org' AND id > $1",
            0,
        )
        .await;
    app.post_with(&admin, "/account/loeschen", &[("password", PASSWORD)])
        .await
        .assert_redirect_to("/account/loeschen");
    assert_eq!(users_row(&app, ida_id).await.0, "ida@example.org");
}

/// The row id of a session's "end" form on /account.
fn session_ids(html: &str) -> Vec<i64> {
    html.match_indices("/account/sitzungen/")
        .filter_map(|(i, _)| {
            let rest = &html[i + "/account/sitzungen/".len()..];
            rest.split('/').next()?.parse().ok()
        })
        .collect()
}

#[tokio::test]
async fn people_see_their_sessions_and_end_them() {
    let app = spawn_app().await;
    let laptop = app
        .user("Anna Arndt", "anna@example.org", Role::Participant)
        .await;
    let phone = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .user_agent("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/126.0.0.0 Mobile Safari/537.36")
        .build()
        .unwrap();
    let tablet = new_client();
    for c in [&phone, &tablet] {
        app.login_with(c, "anna@example.org", PASSWORD)
            .await
            .assert_redirect_to("/");
        app.get_with(c, "/").await;
    }
    let account = app.get_with(&laptop, "/account").await;
    assert!(
        account.body.contains("Chrome · Android"),
        "coarse agent: {}",
        account.body
    );
    assert!(!account.body.contains("Pixel"), "never the details");
    assert!(account.body.contains("diese Sitzung"));
    let ids = session_ids(&account.body);
    assert_eq!(ids.len(), 2, "two other sessions to end");

    // End the phone's session (it is the one with the agent).
    let phone_row = app
        .scalar(
            "SELECT id FROM session_meta WHERE user_agent <> '' AND id > $1",
            0,
        )
        .await;
    app.post_with(
        &laptop,
        &format!("/account/sitzungen/{phone_row}/beenden"),
        &[],
    )
    .await
    .assert_redirect_to("/account");
    app.get_with(&phone, "/account")
        .await
        .assert_redirect_to("/login");
    app.get_with(&tablet, "/account").await;
    // Nobody ends someone else's session by its number.
    let bob = app
        .user("Bob Becker", "bob@example.org", Role::Participant)
        .await;
    let anna_rows = "SELECT COUNT(*) FROM session_meta WHERE user_id = (SELECT id FROM users WHERE email = 'anna@example.org') AND id > $1";
    let before = app.scalar(anna_rows, 0).await;
    for id in &ids {
        app.post_with(&bob, &format!("/account/sitzungen/{id}/beenden"), &[])
            .await;
    }
    assert_eq!(app.scalar(anna_rows, 0).await, before);
    assert_eq!(
        app.get_with(&tablet, "/account").await.status,
        StatusCode::OK
    );

    // End all others: the tablet goes, the laptop stays.
    app.post_with(&laptop, "/account/sitzungen/andere-beenden", &[])
        .await
        .assert_redirect_to("/account");
    app.get_with(&tablet, "/account")
        .await
        .assert_redirect_to("/login");
    assert_eq!(
        app.get_with(&laptop, "/account").await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn staff_sessions_end_sooner_when_idle() {
    let app = spawn_app_with(|c| c.staff_idle_minutes = 0).await;
    let staff = app
        .user("Paula Person", "paula@example.org", Role::Participant)
        .await;
    let participant = app
        .user("Otto Other", "otto@example.org", Role::Participant)
        .await;
    // Staff now, with two-factor sign-in set up (the session itself is unchanged).
    app.enrol_two_factor(&staff).await;
    sqlx::query("UPDATE users SET role = 'moderator' WHERE email = 'paula@example.org'")
        .execute(&app.db.pool)
        .await
        .unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    app.get_with(&staff, "/account")
        .await
        .assert_redirect_to("/login");
    assert_eq!(
        app.get_with(&participant, "/account").await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn the_purge_deletes_what_is_due_and_the_privacy_page_says_when() {
    let app = spawn_app_with(|c| c.feedback_retention_days = 30).await;
    let now = mitdenken::db::now();
    for (message, age_days) in [("alt", 31), ("neu", 29)] {
        sqlx::query("INSERT INTO accessibility_feedback (message, contact, page, created_at) VALUES ($1, '', '', $2)")
            .bind(message)
            .bind(now - age_days * 86_400)
            .execute(&app.db.pool)
            .await
            .unwrap();
    }
    let anna = app
        .user("Anna Arndt", "anna@example.org", Role::Participant)
        .await;
    app.get_with(&anna, "/account").await;
    // A row whose session is gone (ended elsewhere) and the live one.
    let anna_id = app
        .scalar(
            "SELECT id FROM users WHERE email = 'anna@example.org' AND id > $1",
            0,
        )
        .await;
    sqlx::query("INSERT INTO session_meta (session_id, user_id, created_at, last_seen_at, user_agent) VALUES ('weg', $1, 1, 1, '')")
        .bind(anna_id)
        .execute(&app.db.pool)
        .await
        .unwrap();

    // A session that expired yesterday, with its row in the list.
    let expired = match app.db.backend {
        mitdenken::db::Backend::Sqlite => {
            "INSERT INTO tower_sessions (id, data, expiry_date) VALUES ('abgelaufen', x'', '2000-01-01 00:00:00')"
        }
        mitdenken::db::Backend::Postgres => {
            "INSERT INTO \"tower_sessions\".\"session\" (id, data, expiry_date) VALUES ('abgelaufen', '\\x', now() - interval '1 day')"
        }
    };
    sqlx::query(expired).execute(&app.db.pool).await.unwrap();
    sqlx::query("INSERT INTO session_meta (session_id, user_id, created_at, last_seen_at, user_agent) VALUES ('abgelaufen', $1, 1, 1, '')")
        .bind(anna_id)
        .execute(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM session_meta WHERE user_id = $1",
            anna_id
        )
        .await,
        3
    );

    let mut config = mitdenken::config::Config::for_tests(app.database_url.clone());
    config.feedback_retention_days = 30;
    let state = mitdenken::state::AppState::new(app.db.clone(), config);
    mitdenken::purge(&state).await.expect("purge");

    let left: Vec<String> =
        sqlx::query_scalar("SELECT message FROM accessibility_feedback ORDER BY id")
            .fetch_all(&app.db.pool)
            .await
            .unwrap();
    assert_eq!(left, vec!["neu".to_string()]);
    let store = match app.db.backend {
        mitdenken::db::Backend::Sqlite => {
            "SELECT COUNT(*) FROM tower_sessions WHERE id = 'abgelaufen'"
        }
        mitdenken::db::Backend::Postgres => {
            "SELECT COUNT(*) FROM \"tower_sessions\".\"session\" WHERE id = 'abgelaufen'"
        }
    };
    let gone: i64 = sqlx::query_scalar(store)
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(gone, 0, "the expired session is purged");
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM session_meta WHERE user_id = $1",
            anna_id
        )
        .await,
        1
    );
    assert_eq!(app.get_with(&anna, "/account").await.status, StatusCode::OK);

    let page = app.get("/datenschutz").await;
    assert!(page.body.contains("Speicherfristen"));
    assert!(
        page.body.contains("nach 30 Tagen gelöscht"),
        "{}",
        page.body
    );
    assert!(page.body.contains("nach 120 Minuten"));
}

#[tokio::test]
async fn deletion_pages_need_an_account_and_the_form_explains() {
    let app = spawn_app().await;
    app.get("/account/loeschen")
        .await
        .assert_redirect_to("/login");
    app.get("/account/daten").await.assert_redirect_to("/login");
    let anna = app
        .user("Anna Arndt", "anna@example.org", Role::Participant)
        .await;
    let page = app.get_with(&anna, "/account/loeschen").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Gelöschtes Konto"));
    assert!(page.body.contains("neu registrieren"));
}
