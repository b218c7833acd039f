//! The newsletter: double opt-in (nothing subscribed before the link), the admin's issue with
//! preview sent through the outbox, one-click unsubscribe, the archive, the 7-day purge.

use crate::helpers::*;
use crate::mail::{Smtpd, app_with, smtpd_available};
use mitdenken::domain::Role;
use reqwest::StatusCode;

async fn subscribers(app: &TestApp, confirmed: bool) -> i64 {
    let sql = if confirmed {
        "SELECT COUNT(*) FROM newsletter_subscribers WHERE confirmed_at IS NOT NULL AND id > $1"
    } else {
        "SELECT COUNT(*) FROM newsletter_subscribers WHERE confirmed_at IS NULL AND id > $1"
    };
    app.scalar(sql, 0).await
}

#[tokio::test]
async fn double_opt_in_issue_and_one_click_unsubscribe() {
    if !smtpd_available() {
        return;
    }
    let smtpd = Smtpd::start(None, None);
    let app = app_with(&smtpd).await;
    let reader = new_client();
    let page = app.get_with(&reader, "/newsletter").await;
    assert!(page.body.contains("action=\"/newsletter/abonnieren\""));
    let answer = app
        .post_with(
            &reader,
            "/newsletter/abonnieren",
            &[("email", "Leser@Example.org")],
        )
        .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(
        answer
            .body
            .contains("Wir haben Ihnen eine E-Mail geschickt")
    );
    assert_eq!(
        subscribers(&app, true).await,
        0,
        "not subscribed before the link"
    );
    let mail = smtpd.wait_for("leser@example.org", 1).await.remove(0);
    assert_eq!(
        mail.subject,
        "Bitte bestätigen Sie Ihr Newsletter-Abonnement"
    );
    let link = mail.link("/newsletter/bestaetigen/");
    let confirmed = app
        .get_with(&reader, link.trim_start_matches(&app.url("")))
        .await;
    assert!(
        confirmed
            .body
            .contains("Sie bekommen den Newsletter ab der nächsten Ausgabe")
    );
    assert_eq!(subscribers(&app, true).await, 1);
    // Subscribing again answers the same and sends nothing.
    let again = app
        .post_with(
            &new_client(),
            "/newsletter/abonnieren",
            &[("email", "leser@example.org")],
        )
        .await;
    assert!(again.body.contains("Wir haben Ihnen eine E-Mail geschickt"));

    // The office writes an issue: preview first, then send.
    let editor = app
        .user("Olivia Office", "olivia@example.org", Role::Moderator)
        .await;
    let participant = app
        .user("Paul Publikum", "paul@example.org", Role::Participant)
        .await;
    assert_eq!(
        app.get_with(&participant, "/admin/newsletter").await.status,
        StatusCode::FORBIDDEN
    );
    // The header leads the office (moderators and admins) to it, nobody else.
    let link = "href=\"/admin/newsletter\"";
    assert!(app.get_with(&editor, "/").await.body.contains(link));
    assert!(!app.get_with(&participant, "/").await.body.contains(link));
    let admin = app.user("Ada Admin", "ada@example.org", Role::Admin).await;
    assert!(app.get_with(&admin, "/").await.body.contains(link));
    let fields = [
        ("subject", "Neues aus der Werkstatt"),
        (
            "body",
            "Im März laden wir zur **Zukunftswerkstatt** ein.\n\n- Anmeldung ab sofort",
        ),
    ];
    let mut preview = fields.to_vec();
    preview.push(("action", "preview"));
    let page = app.post_with(&editor, "/admin/newsletter", &preview).await;
    assert!(
        page.body.contains("<strong>Zukunftswerkstatt</strong>"),
        "{}",
        page.body
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM newsletter_issues WHERE id > $1", 0)
            .await,
        0,
        "a preview sends nothing"
    );
    let mut send = fields.to_vec();
    send.push(("action", "send"));
    app.post_with(&editor, "/admin/newsletter", &send)
        .await
        .assert_redirect_to("/admin/newsletter");
    let mails = smtpd.wait_for("leser@example.org", 2).await;
    let issue = mails
        .iter()
        .find(|m| m.subject == "Neues aus der Werkstatt")
        .expect("the issue");
    assert!(issue.text.contains("**Zukunftswerkstatt**"));
    assert!(issue.html.contains("<strong>Zukunftswerkstatt</strong>"));
    assert_eq!(
        issue.header("List-Unsubscribe-Post"),
        Some("List-Unsubscribe=One-Click")
    );
    let archive = app.get_with(&new_client(), "/newsletter").await;
    assert!(archive.body.contains("Neues aus der Werkstatt"));
    // The office's list says how many mails each issue went out as.
    let sent: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE kind = 'newsletter'")
        .fetch_one(&app.db.pool)
        .await
        .expect("count");
    assert_eq!(sent, 1);
    let list = app.get_with(&editor, "/admin/newsletter").await;
    assert!(
        list.body.contains("an 1 Person verschickt"),
        "{}",
        list.body
    );

    let unsubscribe = issue
        .header("List-Unsubscribe")
        .expect("List-Unsubscribe")
        .trim_matches(['<', '>'])
        .to_string();
    let r = reqwest::Client::new()
        .post(&unsubscribe)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .expect("one-click");
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(subscribers(&app, true).await, 0, "gone with one click");
}

#[tokio::test]
async fn unconfirmed_requests_are_deleted_after_seven_days() {
    let app = spawn_app().await;
    app.post_with(
        &new_client(),
        "/newsletter/abonnieren",
        &[("email", "spaeter@example.org")],
    )
    .await;
    assert_eq!(subscribers(&app, false).await, 1);
    let config = mitdenken::config::Config::for_tests(app.database_url.clone());
    let worker = mitdenken::mail::worker::Worker::new(app.db.clone(), &config, Default::default())
        .expect("worker");
    worker
        .chores(mitdenken::db::now() + 6 * 86_400)
        .await
        .expect("chores");
    assert_eq!(subscribers(&app, false).await, 1, "kept for seven days");
    worker
        .chores(mitdenken::db::now() + 8 * 86_400)
        .await
        .expect("chores");
    assert_eq!(subscribers(&app, false).await, 0, "then deleted");
}
