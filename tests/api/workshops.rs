//! The Innovationswerkstatt: seat limit and waiting list under concurrency, closing at the
//! start, links between learnings and ideas from both sides, calendar file, CSV export,
//! forms that keep what was typed, and the demo content.

use crate::helpers::*;
use mitdenken::domain::Role;
use reqwest::{Client, StatusCode};

const DESCRIPTION: &str = "Wir sprechen darüber, wie Daten den Alltag von Familien erleichtern.";

/// A workshop form as a moderator sends it; `changes` replace single fields.
pub(crate) fn workshop_fields<'a>(
    title: &'a str,
    changes: &[(&'a str, &'a str)],
) -> Vec<(&'a str, &'a str)> {
    let mut fields = vec![
        ("title", title),
        ("date", "09.12.2030"),
        ("start", "17:00"),
        ("end", "18:30"),
        ("format", "digital"),
        ("location", "https://meet.example.org/werkstatt"),
        ("description", DESCRIPTION),
        (
            "agenda",
            "17:00 | Begrüßung | Innovationsbüro\n17:10 | Input | Holger Dieterich, Sozialhelden e.V.",
        ),
        ("seats", "30"),
        ("registration_open", "1"),
        ("theme", ""),
        ("report", ""),
    ];
    for (k, v) in changes {
        match fields.iter_mut().find(|(name, _)| name == k) {
            Some(f) => f.1 = v,
            None => fields.push((k, v)),
        }
    }
    fields
}

pub(crate) async fn create_workshop(
    app: &TestApp,
    moderator: &Client,
    title: &str,
    changes: &[(&str, &str)],
) -> i64 {
    let page = app
        .post_with(moderator, "/workshops", &workshop_fields(title, changes))
        .await;
    page.assert_redirect_to("/workshops/");
    id_from_location(page.location.as_deref().unwrap_or(""), "/workshops/")
}

/// A learning of `workshop`, written by `moderator` and linked to `idea`; returns its id.
pub(crate) async fn link_new_learning(
    app: &TestApp,
    moderator: &Client,
    (workshop, idea): (i64, i64),
    title: &str,
    body: &str,
) -> i64 {
    app.post_with(
        moderator,
        &format!("/workshops/{workshop}/learnings"),
        &[("title", title), ("body", body)],
    )
    .await;
    let learning = app
        .scalar(
            "SELECT MAX(id) FROM learnings WHERE workshop_id = $1",
            workshop,
        )
        .await;
    app.post_with(
        moderator,
        &format!("/ideas/{idea}/learnings"),
        &[("learning", &learning.to_string())],
    )
    .await;
    learning
}

async fn moderator(app: &TestApp) -> Client {
    app.user("Jana Moderation", "jana@example.org", Role::Moderator)
        .await
}

pub(crate) async fn count(app: &TestApp, workshop: i64, status: &str) -> i64 {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM workshop_registrations WHERE workshop_id = $1 AND status = $2",
    )
    .bind(workshop)
    .bind(status)
    .fetch_one(&app.db.pool)
    .await
    .expect("count")
}

/// E-mail addresses of the people with `status`, in queue order.
async fn people(app: &TestApp, workshop: i64, status: &str) -> Vec<String> {
    sqlx::query_scalar(
        "SELECT u.email FROM workshop_registrations r JOIN users u ON u.id = r.user_id
         WHERE r.workshop_id = $1 AND r.status = $2 ORDER BY r.queue_no",
    )
    .bind(workshop)
    .bind(status)
    .fetch_all(&app.db.pool)
    .await
    .expect("people")
}

/// POST to `path` for every client at the same moment; every answer must be a redirect.
pub(crate) async fn all_at_once(app: &TestApp, clients: &[(String, Client)], path: &str) {
    let mut tokens = Vec::new();
    for (_, c) in clients {
        tokens.push(app.csrf(c).await);
    }
    let mut tasks = Vec::new();
    for ((_, c), token) in clients.iter().zip(tokens) {
        let (c, url) = (c.clone(), app.url(path));
        tasks.push(tokio::spawn(async move {
            c.post(url)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(format!("csrf={token}"))
                .send()
                .await
                .map(|r| r.status())
        }));
    }
    for t in tasks {
        assert_eq!(
            t.await.expect("task").expect("request"),
            StatusCode::SEE_OTHER
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn seat_limit_and_waiting_list_are_exact_under_concurrency() {
    let app = spawn_app().await;
    let m = moderator(&app).await;
    const SEATS: usize = 8;
    let seats = SEATS.to_string();
    let id = create_workshop(&app, &m, "Daten im Familienalltag", &[("seats", &seats)]).await;

    let mut clients = Vec::new();
    for n in 0..SEATS * 3 {
        let email = format!("p{n}@example.org");
        let c = app
            .user(&format!("Person {n}"), &email, Role::Participant)
            .await;
        clients.push((email, c));
    }
    // Three times as many people as seats register at the same moment.
    let path = format!("/workshops/{id}/register");
    all_at_once(&app, &clients, &path).await;
    assert_eq!(count(&app, id, "confirmed").await, SEATS as i64);
    assert_eq!(count(&app, id, "waiting").await, 2 * SEATS as i64);
    let queue: Vec<i64> = sqlx::query_scalar(
        "SELECT queue_no FROM workshop_registrations WHERE workshop_id = $1 ORDER BY queue_no",
    )
    .bind(id)
    .fetch_all(&app.db.pool)
    .await
    .expect("queue");
    assert_eq!(queue, (1..=3 * SEATS as i64).collect::<Vec<_>>());
    // Everyone confirmed registered before everyone waiting.
    let max_confirmed = app
        .scalar(
            "SELECT MAX(queue_no) FROM workshop_registrations WHERE workshop_id = $1 AND status = 'confirmed'",
            id,
        )
        .await;
    assert_eq!(max_confirmed, SEATS as i64);

    // A second click changes nothing.
    let (first_email, first) = &clients[0];
    let _ = first_email;
    app.post_with(first, &path, &[]).await;
    assert_eq!(
        count(&app, id, "confirmed").await + count(&app, id, "waiting").await,
        3 * SEATS as i64
    );

    let confirmed = people(&app, id, "confirmed").await;
    let waiting = people(&app, id, "waiting").await;
    let client_of = |email: &str| {
        clients
            .iter()
            .find(|(e, _)| e == email)
            .map(|(_, c)| c.clone())
            .expect("client")
    };
    let page = app
        .get_with(&client_of(&waiting[0]), &format!("/workshops/{id}"))
        .await;
    assert!(
        page.body
            .contains("Sie stehen auf der Warteliste, Platz 1.")
    );
    // Waiting people do not see the link to join; confirmed ones do.
    assert!(!page.body.contains("https://meet.example.org/werkstatt"));
    let page = app
        .get_with(&client_of(&confirmed[0]), &format!("/workshops/{id}"))
        .await;
    assert!(page.body.contains("https://meet.example.org/werkstatt"));

    // One cancellation: exactly the first on the waiting list moves up.
    let cancel = format!("/workshops/{id}/cancel");
    app.post_with(&client_of(&confirmed[0]), &cancel, &[])
        .await
        .assert_redirect_to(&format!("/workshops/{id}"));
    assert_eq!(count(&app, id, "confirmed").await, SEATS as i64);
    assert_eq!(people(&app, id, "waiting").await, waiting[1..].to_vec());
    assert!(people(&app, id, "confirmed").await.contains(&waiting[0]));
    let promoted = client_of(&waiting[0]);
    let page = app.get_with(&promoted, &format!("/workshops/{id}")).await;
    assert!(page.body.contains("Sie sind nachgerückt"), "{}", page.body);
    assert!(page.body.contains("https://meet.example.org/werkstatt"));
    let mine = app.get_with(&promoted, "/workshops/mine").await;
    assert!(mine.body.contains("Sie sind nachgerückt"));
    assert!(mine.body.contains("Daten im Familienalltag"));
    let mine = app
        .get_with(&client_of(&waiting[1]), "/workshops/mine")
        .await;
    assert!(mine.body.contains("Warteliste, Platz 1"));

    // Cancelling twice frees one seat, not two.
    app.post_with(&client_of(&confirmed[0]), &cancel, &[]).await;
    assert_eq!(count(&app, id, "waiting").await, 2 * SEATS as i64 - 1);

    // Four cancellations at the same moment: the next four move up, in order.
    let leaving: Vec<(String, Client)> = confirmed[1..5]
        .iter()
        .map(|e| (e.clone(), client_of(e)))
        .collect();
    all_at_once(&app, &leaving, &cancel).await;
    assert_eq!(count(&app, id, "confirmed").await, SEATS as i64);
    assert_eq!(people(&app, id, "waiting").await, waiting[5..].to_vec());
    let now_confirmed = people(&app, id, "confirmed").await;
    for e in &waiting[1..5] {
        assert!(now_confirmed.contains(e), "{e} moved up");
    }
    let promoted_once = app
        .scalar(
            "SELECT COUNT(*) FROM workshop_registrations WHERE workshop_id = $1 AND promoted_at IS NOT NULL",
            id,
        )
        .await;
    assert_eq!(promoted_once, 5);

    // More seats from the moderators: the waiting list moves up at once.
    let more = (SEATS + 2).to_string();
    app.post_with(
        &m,
        &format!("/workshops/{id}/edit"),
        &workshop_fields("Daten im Familienalltag", &[("seats", &more)]),
    )
    .await
    .assert_redirect_to(&format!("/workshops/{id}"));
    assert_eq!(count(&app, id, "confirmed").await, SEATS as i64 + 2);
    assert_eq!(people(&app, id, "waiting").await, waiting[7..].to_vec());
}

#[tokio::test]
async fn registration_closes_when_the_workshop_starts() {
    let app = spawn_app().await;
    let m = moderator(&app).await;
    let id = create_workshop(&app, &m, "Werkstatt, die gleich beginnt", &[]).await;
    let early = app
        .user("Frühe Anna", "anna@example.org", Role::Participant)
        .await;
    let page = app.get_with(&early, &format!("/workshops/{id}")).await;
    assert!(page.body.contains("Zur Werkstatt anmelden"));
    app.post_with(&early, &format!("/workshops/{id}/register"), &[])
        .await
        .assert_redirect_to(&format!("/workshops/{id}"));

    // The start passes; nobody switches registration off.
    sqlx::query("UPDATE workshops SET starts_at = $1, ends_at = $2 WHERE id = $3")
        .bind(mitdenken::db::now() - 60)
        .bind(mitdenken::db::now() + 3600)
        .bind(id)
        .execute(&app.db.pool)
        .await
        .expect("move start");
    let late = app
        .user("Späte Berta", "berta@example.org", Role::Participant)
        .await;
    let page = app.get_with(&late, &format!("/workshops/{id}")).await;
    assert!(!page.body.contains("Zur Werkstatt anmelden"));
    assert!(page.body.contains("Die Anmeldung ist geschlossen"));
    let refused = app
        .post_with(&late, &format!("/workshops/{id}/register"), &[])
        .await;
    refused.assert_redirect_to(&format!("/workshops/{id}"));
    let page = app.get_with(&late, &format!("/workshops/{id}")).await;
    assert!(
        page.body
            .contains("Die Anmeldung ist geschlossen, weil die Werkstatt bereits begonnen hat."),
        "{}",
        page.body
    );
    assert_eq!(count(&app, id, "confirmed").await, 1);
    assert_eq!(count(&app, id, "waiting").await, 0);
    // Nor can a place be given back once it has begun.
    app.post_with(&early, &format!("/workshops/{id}/cancel"), &[])
        .await;
    assert_eq!(count(&app, id, "confirmed").await, 1);
    // It now lists as running, not as open for registration.
    assert!(app.get("/workshops").await.body.contains("Läuft gerade."));

    // Registration switched off by the moderators is refused too.
    let closed = create_workshop(
        &app,
        &m,
        "Geschlossene Werkstatt",
        &[("registration_open", "")],
    )
    .await;
    app.post_with(&late, &format!("/workshops/{closed}/register"), &[])
        .await;
    assert_eq!(count(&app, closed, "confirmed").await, 0);
    let page = app.get_with(&late, &format!("/workshops/{closed}")).await;
    assert!(page.body.contains("zurzeit geschlossen"));
    // Anonymous people are sent to the login.
    app.post_with(&new_client(), &format!("/workshops/{id}/register"), &[])
        .await
        .assert_redirect_to("/login");
}

/// The learning's id from the workshop page (`id="learning-N"` of its article).
fn learning_ids(html: &str) -> Vec<i64> {
    html.match_indices("<article class=\"learning\" id=\"learning-")
        .filter_map(|(i, m)| {
            let rest = &html[i + m.len()..];
            rest[..rest.find('"')?].parse().ok()
        })
        .collect()
}

pub(crate) async fn add_learning(app: &TestApp, m: &Client, workshop: i64, title: &str) -> i64 {
    app.post_with(
        m,
        &format!("/workshops/{workshop}/learnings"),
        &[
            ("title", title),
            (
                "body",
                "Daten müssen gesammelt, geteilt und standardisiert werden.",
            ),
        ],
    )
    .await
    .assert_redirect_to(&format!("/workshops/{workshop}#learning-"));
    let page = app.get(&format!("/workshops/{workshop}")).await;
    *learning_ids(&page.body).last().expect("a learning")
}

#[tokio::test]
async fn links_between_learnings_and_ideas_work_from_both_sides() {
    let app = spawn_app().await;
    let m = moderator(&app).await;
    let wid = create_workshop(&app, &m, "Sechste Innovationswerkstatt", &[]).await;
    let lid = add_learning(&app, &m, wid, "Daten teilen und standardisieren").await;
    let lid_s = lid.to_string();
    let participant = app
        .user("Paula Beteiligt", "paula@example.org", Role::Participant)
        .await;
    let idea = app
        .submit_idea_with(
            &participant,
            "begleitender-sozialstaat",
            "Offene Daten über Aufzüge im Nahverkehr",
            "Wenn Aufzüge ihren Zustand melden, können alle ihre Wege besser planen.",
        )
        .await;
    let workshop_page = format!("/workshops/{wid}");
    let idea_page = format!("/ideas/{idea}");
    let linked_on_workshop = |body: &str| body.contains("Offene Daten über Aufzüge im Nahverkehr");
    let linked_on_idea = |body: &str| body.contains("Learning 1: Daten teilen und standardisieren");

    // Side 1: the moderator searches on the workshop page and links.
    let search = app
        .get_with(
            &m,
            &format!("{workshop_page}?learning={lid}&q=aufz%C3%BCge"),
        )
        .await;
    assert!(search.body.contains("Gefundene Ideen"), "{}", search.body);
    assert!(
        search
            .body
            .contains(&format!("action=\"/ideas/{idea}/learnings\""))
    );
    app.post_with(
        &m,
        &format!("/ideas/{idea}/learnings"),
        &[("learning", &lid_s), ("from", "werkstatt")],
    )
    .await
    .assert_redirect_to(&format!("{workshop_page}#learning-{lid}"));
    let w = app.get(&workshop_page).await.body;
    assert!(linked_on_workshop(&w));
    assert!(w.contains("Status: Eingereicht"));
    assert!(w.contains("0 Unterstützungen"));
    let i = app.get(&idea_page).await.body;
    assert!(i.contains("Aus der Innovationswerkstatt"));
    assert!(linked_on_idea(&i));
    assert!(i.contains("Sechste Innovationswerkstatt"));
    assert!(i.contains("09.12.2030"));

    // Removed from the idea side: gone from both.
    app.post_with(
        &m,
        &format!("/ideas/{idea}/learnings/remove"),
        &[("learning", &lid_s)],
    )
    .await
    .assert_redirect_to(&format!("{idea_page}#werkstatt"));
    assert!(!linked_on_workshop(&app.get(&workshop_page).await.body));
    assert!(!linked_on_idea(&app.get(&idea_page).await.body));

    // Side 2: the moderator chooses the learning on the idea page.
    let i = app.get_with(&m, &idea_page).await.body;
    assert!(i.contains(&format!("<option value=\"{lid}\">Learning 1: Daten teilen")));
    app.post_with(
        &m,
        &format!("/ideas/{idea}/learnings"),
        &[("learning", &lid_s)],
    )
    .await
    .assert_redirect_to(&format!("{idea_page}#werkstatt"));
    assert!(linked_on_workshop(&app.get(&workshop_page).await.body));
    assert!(linked_on_idea(&app.get(&idea_page).await.body));
    // Removed from the workshop side: gone from both.
    app.post_with(
        &m,
        &format!("/ideas/{idea}/learnings/remove"),
        &[("learning", &lid_s), ("from", "werkstatt")],
    )
    .await
    .assert_redirect_to(&format!("{workshop_page}#learning-{lid}"));
    assert!(!linked_on_workshop(&app.get(&workshop_page).await.body));
    assert!(!linked_on_idea(&app.get(&idea_page).await.body));

    // Only moderators and admins link: participants get 403, anonymous people the login.
    for path in [
        format!("/ideas/{idea}/learnings"),
        format!("/ideas/{idea}/learnings/remove"),
    ] {
        let refused = app
            .post_with(&participant, &path, &[("learning", &lid_s)])
            .await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{path}");
        let anonymous = app
            .post_with(&new_client(), &path, &[("learning", &lid_s)])
            .await;
        anonymous.assert_redirect_to("/login");
        // After logging in, the way back leads to the idea, not to a form address.
        let next = anonymous
            .location
            .unwrap_or_default()
            .replace("/login?next=", "")
            .replace("%2F", "/");
        if next != idea_page {
            app.get(&next).await.assert_redirect_to(&idea_page);
        }
    }
    assert_eq!(
        app.scalar(
            "SELECT COUNT(*) FROM learning_ideas WHERE learning_id = $1",
            lid
        )
        .await,
        0
    );
    // Participants see neither the search nor the choice.
    assert!(
        !app.get_with(&participant, &workshop_page)
            .await
            .body
            .contains("Idee zum Verknüpfen suchen")
    );
    assert!(
        !app.get_with(&participant, &idea_page)
            .await
            .body
            .contains("Learning verknüpfen")
    );
    let admin = app.user("Ada Admin", "ada@example.org", Role::Admin).await;
    app.post_with(
        &admin,
        &format!("/ideas/{idea}/learnings"),
        &[("learning", &lid_s)],
    )
    .await
    .assert_redirect_to(&idea_page);
    assert!(linked_on_workshop(&app.get(&workshop_page).await.body));

    // A learning can start a new idea: the link is made when the idea is submitted.
    let form = app
        .get_with(
            &participant,
            &format!("/ideas/new?theme=digitale-ethik&learning={lid}"),
        )
        .await;
    assert!(
        form.body
            .contains(&format!("name=\"learning\" value=\"{lid}\""))
    );
    assert!(
        form.body
            .contains("Ihre Idee wird mit „Learning 1: Daten teilen")
    );
    // A failed submission keeps the learning.
    let failed = app
        .post_with(
            &participant,
            "/ideas",
            &[
                ("theme", "digitale-ethik"),
                ("title", "Kurz"),
                ("body", "zu kurz"),
                ("learning", &lid_s),
            ],
        )
        .await;
    assert_eq!(failed.status, StatusCode::OK);
    assert!(
        failed
            .body
            .contains(&format!("name=\"learning\" value=\"{lid}\""))
    );
    let page = app
        .post_with(
            &participant,
            "/ideas",
            &[
                ("theme", "digitale-ethik"),
                ("title", "Sensordaten von Aufzügen für alle öffnen"),
                (
                    "body",
                    "Die Daten der Aufzugsensoren sollten offen und standardisiert sein.",
                ),
                ("learning", &lid_s),
            ],
        )
        .await;
    page.assert_redirect_to("/ideas/");
    let new_idea = id_from_location(page.location.as_deref().unwrap_or(""), "/ideas/");
    assert!(linked_on_idea(
        &app.get(&format!("/ideas/{new_idea}")).await.body
    ));
    assert!(
        app.get(&workshop_page)
            .await
            .body
            .contains("Sensordaten von Aufzügen für alle öffnen")
    );
}

#[tokio::test]
async fn learnings_are_numbered_and_stay_gapless() {
    let app = spawn_app().await;
    let m = moderator(&app).await;
    let wid = create_workshop(&app, &m, "Fünfte Innovationswerkstatt", &[]).await;
    let first = add_learning(&app, &m, wid, "Strukturen schaffen").await;
    let second = add_learning(&app, &m, wid, "Besser aufstellen").await;
    let third = add_learning(&app, &m, wid, "Zivilgesellschaft pflegen").await;
    assert_eq!(
        learning_ids(&app.get(&format!("/workshops/{wid}")).await.body),
        vec![first, second, third]
    );
    let participant = app
        .user("Paul Beteiligt", "paul@example.org", Role::Participant)
        .await;
    assert_eq!(
        app.get_with(&participant, &format!("/workshops/{wid}/learnings/new"))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    app.post_with(&m, &format!("/learnings/{second}/delete"), &[])
        .await
        .assert_redirect_to(&format!("/workshops/{wid}"));
    let page = app.get(&format!("/workshops/{wid}")).await.body;
    assert!(page.contains("Learning 1: Strukturen schaffen"));
    assert!(page.contains("Learning 2: Zivilgesellschaft pflegen"));
    assert!(!page.contains("Besser aufstellen"));
    // An invalid edit keeps what was typed.
    let bad = app
        .post_with(
            &m,
            &format!("/learnings/{third}/edit"),
            &[("title", "Zivilgesellschaft <pflegen>"), ("body", "kurz")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::OK);
    assert!(
        bad.body
            .contains("value=\"Zivilgesellschaft &lt;pflegen&gt;\"")
    );
    assert!(
        bad.body
            .contains("Der Text muss mindestens 10 Zeichen lang sein.")
    );
    // The permalink leads to the learning on its workshop page.
    app.get(&format!("/learnings/{third}"))
        .await
        .assert_redirect_to(&format!("/workshops/{wid}#learning-{third}"));
}

#[tokio::test]
async fn calendar_files_parse_and_carry_the_right_utc_start() {
    let app = spawn_app().await;
    let m = moderator(&app).await;
    let summer = create_workshop(
        &app,
        &m,
        "Sommer-Werkstatt: Daten, Familie; Alltag",
        &[("date", "15.07.2026"), ("start", "17:00"), ("end", "18:30")],
    )
    .await;
    let winter = create_workshop(
        &app,
        &m,
        "Winter-Werkstatt",
        &[("date", "2026-12-09"), ("start", "17:00"), ("end", "18:30")],
    )
    .await;
    for (id, start, end, title) in [
        (
            summer,
            "20260715T150000Z",
            "20260715T163000Z",
            "Sommer-Werkstatt: Daten, Familie; Alltag",
        ),
        (
            winter,
            "20261209T160000Z",
            "20261209T173000Z",
            "Winter-Werkstatt",
        ),
    ] {
        let r = app
            .client
            .get(app.url(&format!("/workshops/{id}.ics")))
            .send()
            .await
            .expect("ics");
        assert_eq!(r.status(), StatusCode::OK);
        let content_type = r
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string();
        assert!(content_type.starts_with("text/calendar"), "{content_type}");
        let text = r.text().await.expect("body");
        assert!(
            !text.replace("\r\n", "").contains('\n'),
            "only CRLF line ends"
        );
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "folded: {line}");
        }
        let calendar: icalendar::Calendar = text.parse().expect("a valid calendar");
        let events: Vec<&icalendar::Event> = calendar
            .components
            .iter()
            .filter_map(|c| c.as_event())
            .collect();
        assert_eq!(events.len(), 1);
        let event = events[0];
        use icalendar::Component;
        assert_eq!(event.get_summary(), Some(title));
        assert_eq!(event.property_value("DTSTART"), Some(start));
        assert_eq!(event.property_value("DTEND"), Some(end));
        assert!(event.get_uid().is_some());
        assert!(event.property_value("DTSTAMP").is_some());
        // The start as an instant, to make sure the parser reads it as UTC.
        let utc = match event.get_start() {
            Some(icalendar::DatePerhapsTime::DateTime(icalendar::CalendarDateTime::Utc(t))) => t,
            other => panic!("start in UTC expected, got {other:?}"),
        };
        assert_eq!(utc.format("%Y%m%dT%H%M%SZ").to_string(), start);
        // The link to join is only in the files of those who may see it.
        let description = event.get_description().unwrap_or_default();
        assert!(description.contains("Begrüßung"), "{description}");
        assert!(!text.contains("meet.example.org"));
    }
    let with_link = app.get_with(&m, &format!("/workshops/{summer}.ics")).await;
    assert!(with_link.body.contains("meet.example.org"));
    assert_eq!(
        app.get("/workshops/424242.ics").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get("/workshops/abc.ics").await.status,
        StatusCode::NOT_FOUND
    );
}

/// SEQUENCE and ORGANIZER of the calendar file, read with the icalendar parser.
async fn calendar_sequence(app: &TestApp, id: i64) -> (Option<String>, Option<String>) {
    let text = app.get(&format!("/workshops/{id}.ics")).await.body;
    let calendar: icalendar::Calendar = text.parse().expect("a valid calendar");
    let event = calendar
        .components
        .iter()
        .find_map(|c| c.as_event())
        .expect("one event");
    use icalendar::Component;
    (
        event.property_value("SEQUENCE").map(str::to_string),
        event.property_value("ORGANIZER").map(str::to_string),
    )
}

#[tokio::test]
async fn calendar_files_raise_their_sequence_when_time_or_place_change() {
    let app = spawn_app().await;
    let m = moderator(&app).await;
    let id = create_workshop(&app, &m, "Werkstatt mit Folgen", &[]).await;
    let (sequence, organizer) = calendar_sequence(&app, id).await;
    assert_eq!(sequence.as_deref(), Some("0"));
    let organizer = organizer.unwrap_or_default();
    assert!(organizer.starts_with("http://127.0.0.1:"), "{organizer}");
    let text = app.get(&format!("/workshops/{id}.ics")).await.body;
    assert!(
        text.contains("ORGANIZER;CN=Innovationsbüro Digitales Leben:"),
        "{text}"
    );

    // Every edit after the first keeps the new time, 18:00 to 19:30.
    let edit = |changes: &[(&'static str, &'static str)]| {
        let (app, m) = (&app, &m);
        let changes: Vec<_> = [("start", "18:00"), ("end", "19:30")]
            .into_iter()
            .chain(changes.iter().copied())
            .collect();
        async move {
            let fields = workshop_fields("Werkstatt mit Folgen", &changes);
            app.post_with(m, &format!("/workshops/{id}/edit"), &fields)
                .await
                .assert_redirect_to(&format!("/workshops/{id}"));
            calendar_sequence(app, id).await.0
        }
    };
    // A new time: calendars must apply it.
    assert_eq!(edit(&[]).await.as_deref(), Some("1"));
    // Only the description and the seats: nothing a calendar needs to move.
    let text_only = [
        ("description", "Jetzt mit mehr Beispielen."),
        ("seats", "40"),
    ];
    assert_eq!(edit(&text_only).await.as_deref(), Some("1"));
    // A new place.
    let place = [
        ("format", "onsite"),
        ("location", "Glinkastraße 24, Berlin"),
    ];
    assert_eq!(edit(&place).await.as_deref(), Some("2"));
}

#[tokio::test]
async fn the_participant_list_exports_as_csv_for_excel() {
    let app = spawn_app().await;
    let m = moderator(&app).await;
    let id = create_workshop(&app, &m, "Werkstatt mit Liste", &[("seats", "2")]).await;
    let names = [
        "Müller; Anna",
        "Bernd \"der Bär\" Brandt",
        "Carla\nZweizeilig",
        "=HYPERLINK(\"x\")",
    ];
    let mut clients = Vec::new();
    for (n, name) in names.iter().enumerate() {
        let email = format!("liste{n}@example.org");
        let c = app
            .user(&format!("Person {n}"), &email, Role::Participant)
            .await;
        // Names people can choose are single-line; set them directly to test the quoting.
        sqlx::query("UPDATE users SET display_name = $1 WHERE email = $2")
            .bind(*name)
            .bind(&email)
            .execute(&app.db.pool)
            .await
            .expect("rename");
        app.post_with(&c, &format!("/workshops/{id}/register"), &[])
            .await
            .assert_redirect_to(&format!("/workshops/{id}"));
        clients.push(c);
    }
    let path = format!("/workshops/{id}/participants.csv");
    assert_eq!(
        app.get_with(&clients[0], &path).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.get_with(&clients[0], &format!("/workshops/{id}/participants"))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let r = m.get(app.url(&path)).send().await.expect("csv");
    assert_eq!(r.status(), StatusCode::OK);
    let content_type = r
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    assert_eq!(content_type, "text/csv; charset=utf-8");
    let bytes = r.bytes().await.expect("bytes");
    assert!(bytes.starts_with(b"\xef\xbb\xbf"), "UTF-8 with BOM");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(&bytes[3..]);
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(
        header,
        [
            "Nr.",
            "Name",
            "E-Mail-Adresse",
            "Status",
            "Angemeldet am",
            "Nachgerückt am"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("record")).collect();
    assert_eq!(rows.len(), 4);
    for (n, row) in rows.iter().enumerate() {
        assert_eq!(row.len(), 6);
        assert_eq!(&row[0], (n + 1).to_string());
        assert_eq!(&row[2], format!("liste{n}@example.org"));
        assert_eq!(&row[3], if n < 2 { "Bestätigt" } else { "Warteliste" });
        assert!(row[4].ends_with(" Uhr"), "{}", &row[4]);
    }
    assert_eq!(&rows[0][1], "Müller; Anna");
    assert_eq!(&rows[1][1], "Bernd \"der Bär\" Brandt");
    assert_eq!(&rows[2][1], "Carla\nZweizeilig");
    // A formula stays text in Excel.
    assert_eq!(&rows[3][1], "'=HYPERLINK(\"x\")");

    let list = app
        .get_with(&m, &format!("/workshops/{id}/participants"))
        .await;
    assert!(list.body.contains("Müller; Anna"));
    assert!(list.body.contains("liste3@example.org"));
}

#[tokio::test]
async fn workshop_forms_explain_errors_and_keep_what_was_typed() {
    let app = spawn_app().await;
    let participant = app
        .user("Paul Beteiligt", "paul@example.org", Role::Participant)
        .await;
    assert_eq!(
        app.get_with(&participant, "/workshops/new").await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.post_with(
            &participant,
            "/workshops",
            &workshop_fields("Nicht erlaubt", &[])
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    let m = moderator(&app).await;
    let agenda = "17:00 | Begrüßung\nabends | Ausklang\n17:30";
    let bad = app
        .post_with(
            &m,
            "/workshops",
            &workshop_fields(
                "Werkstatt mit Tippfehlern",
                &[
                    ("date", "31.02.2026"),
                    ("agenda", agenda),
                    ("seats", "viele"),
                ],
            ),
        )
        .await;
    assert_eq!(bad.status, StatusCode::OK);
    assert!(bad.body.contains("<title>Fehler: Neue Werkstatt"));
    assert!(bad.body.contains("Dieses Datum gibt es nicht."));
    assert!(bad.body.contains("Zeile 2: „abends“ ist keine Uhrzeit."));
    assert!(
        bad.body
            .contains("Zeile 3: Bitte trennen Sie Uhrzeit und Programmpunkt")
    );
    assert!(bad.body.contains("Bitte geben Sie eine ganze Zahl"));
    assert!(bad.body.contains("value=\"Werkstatt mit Tippfehlern\""));
    assert!(bad.body.contains("value=\"31.02.2026\""));
    assert!(bad.body.contains("value=\"viele\""));
    assert!(
        bad.body
            .contains("17:00 | Begrüßung\nabends | Ausklang\n17:30</textarea>")
    );
    assert!(bad.body.contains("href=\"#f-agenda\""));

    // A time the clocks skip, one they live twice, an end before the start, no place.
    for (changes, message) in [
        (
            [("date", "29.03.2026"), ("start", "02:30")],
            "Diese Uhrzeit gibt es an diesem Tag nicht",
        ),
        (
            [("date", "25.10.2026"), ("start", "02:30")],
            "Diese Uhrzeit gibt es an diesem Tag zweimal",
        ),
        (
            [("start", "18:00"), ("end", "17:00")],
            "Das Ende muss nach dem Beginn liegen",
        ),
        (
            [("format", "onsite"), ("location", "")],
            "Bitte geben Sie an, wo die Werkstatt stattfindet.",
        ),
    ] {
        let page = app
            .post_with(
                &m,
                "/workshops",
                &workshop_fields("Werkstatt mit Fehler", &changes),
            )
            .await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains(message), "{message}");
    }

    // Saved and edited: the form shows the stored values in Berlin time.
    let id = create_workshop(
        &app,
        &m,
        "Werkstatt vor Ort",
        &[
            ("format", "onsite"),
            ("location", "Glinkastraße 24, Berlin"),
            ("date", "2026-07-15"),
            ("start", "9:30"),
            ("theme", "digitale-ethik"),
        ],
    )
    .await;
    let edit = app.get_with(&m, &format!("/workshops/{id}/edit")).await;
    assert!(edit.body.contains("value=\"15.07.2026\""));
    assert!(edit.body.contains("value=\"09:30\""));
    assert!(edit.body.contains("17:00 | Begrüßung | Innovationsbüro\n17:10 | Input | Holger Dieterich, Sozialhelden e.V.</textarea>"));
    assert!(
        edit.body
            .contains("<option value=\"digitale-ethik\" selected>")
    );
    let page = app.get(&format!("/workshops/{id}")).await.body;
    assert!(page.contains("Mittwoch, <time datetime=\"2026-07-15T07:30:00Z\">15.07.2026, 09:30 Uhr</time> bis 18:30 Uhr"), "{page}");
    assert!(page.contains("Glinkastraße 24, Berlin"));
    assert!(page.contains("Holger Dieterich, Sozialhelden e.V."));
    // Listed first among the coming ones, and deleted again.
    assert!(
        app.get("/workshops")
            .await
            .body
            .contains("Werkstatt vor Ort")
    );
    app.post_with(&m, &format!("/workshops/{id}/delete"), &[])
        .await
        .assert_redirect_to("/workshops");
    assert_eq!(
        app.get(&format!("/workshops/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn the_demo_shows_the_fifth_and_sixth_workshop_with_their_learnings() {
    let app = spawn_app().await;
    mitdenken::seed::seed_demo(&app.db).await.expect("demo");
    let first = mitdenken::seed::demo_workshops::seed(&app.db)
        .await
        .expect("workshops");
    assert_eq!(first.workshops, 3);
    assert_eq!(first.learnings, 7);
    assert_eq!(first.links, 14);
    // Running it again adds nothing.
    let again = mitdenken::seed::demo_workshops::seed(&app.db)
        .await
        .expect("workshops again");
    assert_eq!((again.workshops, again.learnings, again.links), (0, 0, 0));

    let list = app.get("/workshops").await.body;
    assert!(list.contains("Sechste Innovationswerkstatt"));
    assert!(list.contains("Fünfte Innovationswerkstatt"));
    assert!(list.contains("Gute Online-Beratung für Familien"));
    let sixth: i64 = sqlx::query_scalar("SELECT id FROM workshops WHERE title LIKE 'Sechste%'")
        .fetch_one(&app.db.pool)
        .await
        .expect("sixth");
    let page = app.get(&format!("/workshops/{sixth}")).await.body;
    assert!(page.contains(
        "Mittwoch, <time datetime=\"2020-12-09T16:00:00Z\">09.12.2020, 17:00 Uhr</time>"
    ));
    assert!(page.contains("Luise Springer, Deutsches Rotes Kreuz"));
    assert!(page.contains("Ein vorsichtiger Umgang, eine zielgerichtete Vorgehensweise und Transparenz bei der Sammlung von Daten sind wichtige Punkte, wenn es darum geht, Skeptikerinnen und Skeptiker von den damit verbundenen Vorteilen zu überzeugen."));
    // The writing guide's pair forms, no gender star (docs/schreibweise.md); a name keeps
    // its own spelling, and its star stays a star in the Markdown report.
    assert!(!page.contains("Skeptiker*innen"));
    assert!(page.contains("Sozialheld*innen"));
    assert!(page.contains("Open-Data-Portal für Familienleistungen und Förderangebote"));
    let idea: i64 = sqlx::query_scalar(
        "SELECT id FROM ideas WHERE title = 'Open-Data-Portal für Familienleistungen und Förderangebote'",
    )
    .fetch_one(&app.db.pool)
    .await
    .expect("idea");
    let idea_page = app.get(&format!("/ideas/{idea}")).await.body;
    assert!(idea_page.contains("Aus der Innovationswerkstatt"));
    assert!(idea_page.contains("Learning 2: Vor der nächsten Krise besser aufstellen"));
    assert!(idea_page.contains("Learning 2: Daten strategisch für das Gemeinwohl nutzen"));
    assert!(idea_page.contains("09.09.2020"));
    // The coming one takes registrations.
    let coming: i64 =
        sqlx::query_scalar("SELECT id FROM workshops WHERE title LIKE '%Online-Beratung%'")
            .fetch_one(&app.db.pool)
            .await
            .expect("coming");
    app.register("Neu Gierig", "neugierig@example.org").await;
    app.post(&format!("/workshops/{coming}/register"), &[])
        .await
        .assert_redirect_to(&format!("/workshops/{coming}"));
    assert_eq!(count(&app, coming, "confirmed").await, 3);
}

/// Writes a value the schema's CHECK would refuse, as an older or hand-edited database might
/// hold: SQLite skips CHECKs on one connection when asked, PostgreSQL drops the constraint
/// (the test database is thrown away).
async fn force(app: &TestApp, table: &str, column: &str, value: &str, id_column: &str, id: i64) {
    let mut conn = app.db.pool.acquire().await.expect("connection");
    if app.db.backend == mitdenken::db::Backend::Sqlite {
        sqlx::query("PRAGMA ignore_check_constraints = ON")
            .execute(&mut *conn)
            .await
            .expect("pragma");
    } else {
        sqlx::query(&format!(
            "ALTER TABLE {table} DROP CONSTRAINT IF EXISTS {table}_{column}_check"
        ))
        .execute(&mut *conn)
        .await
        .expect("drop check");
    }
    sqlx::query(&format!(
        "UPDATE {table} SET {column} = $1 WHERE {id_column} = $2"
    ))
    .bind(value)
    .bind(id)
    .execute(&mut *conn)
    .await
    .expect("forced value");
    if app.db.backend == mitdenken::db::Backend::Sqlite {
        sqlx::query("PRAGMA ignore_check_constraints = OFF")
            .execute(&mut *conn)
            .await
            .expect("pragma");
    }
}

/// A registration state or format in the database that the code does not know is an error
/// (the page fails and the log names the row), never quietly shown as something else: the
/// participant list used to call any state but "confirmed" a place on the waiting list, and
/// an unknown format read as digital.
#[tokio::test]
async fn unknown_stored_values_are_errors_not_defaults() {
    let app = spawn_app().await;
    let m = moderator(&app).await;
    let id = create_workshop(&app, &m, "Werkstatt mit fremden Werten", &[]).await;
    let anna = app
        .user("Anna Anmeldung", "anna@example.org", Role::Participant)
        .await;
    app.post_with(&anna, &format!("/workshops/{id}/register"), &[])
        .await
        .assert_redirect_to(&format!("/workshops/{id}"));
    let list = app
        .get_with(&m, &format!("/workshops/{id}/participants"))
        .await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.body.contains("Bestätigt"));

    force(
        &app,
        "workshop_registrations",
        "status",
        "vielleicht",
        "workshop_id",
        id,
    )
    .await;
    let list = app
        .get_with(&m, &format!("/workshops/{id}/participants"))
        .await;
    assert_eq!(list.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(!list.body.contains("Warteliste"));
    let mine = app.get_with(&anna, "/workshops/mine").await;
    assert_eq!(mine.status, StatusCode::INTERNAL_SERVER_ERROR);

    force(&app, "workshops", "format", "hologramm", "id", id).await;
    let page = app.get(&format!("/workshops/{id}")).await;
    assert_eq!(page.status, StatusCode::INTERNAL_SERVER_ERROR);
}
