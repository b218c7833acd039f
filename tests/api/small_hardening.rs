//! The smaller points of issue 10 (finding 10): the password-change form is throttled, blocked
//! people keep their name, moderation notes are bounded and without bidi controls, and
//! `X-Forwarded-For` counts only from trusted proxies.

use crate::helpers::*;
use mitdenken::domain::Role;
use reqwest::StatusCode;

const BODY: &str = "Eine Idee mit genug Text, damit sie eingereicht werden kann.";

async fn user_id(app: &TestApp, email: &str) -> i64 {
    mitdenken::db::users::by_email(&app.db.pool, email)
        .await
        .expect("read account")
        .expect("the account")
        .id
        .0
}

#[tokio::test]
async fn guessing_the_current_password_is_throttled_like_the_login() {
    let app = spawn_app_with(|c| c.auth_rate_limit = 4).await;
    // Registering took one attempt of this address's four.
    let berta = app
        .user("Berta", "berta@example.org", Role::Participant)
        .await;
    let guess = |n: usize| {
        let berta = berta.clone();
        let app = &app;
        async move {
            let wrong = format!("falsch-geraten-{n}");
            app.post_with(
                &berta,
                "/account/password",
                &[
                    ("current_password", wrong.as_str()),
                    ("new_password", "Ein-ganz-neues-Passwort-7"),
                    ("new_password_confirm", "Ein-ganz-neues-Passwort-7"),
                ],
            )
            .await
        }
    };
    for n in 0..3 {
        let page = guess(n).await;
        assert_eq!(page.status, StatusCode::OK, "guess {n}");
        assert!(page.body.contains("aktuelle Passwort"), "{}", page.body);
    }
    assert_eq!(guess(3).await.status, StatusCode::TOO_MANY_REQUESTS);
    // The right password is refused too until the budget refills: no guess gets through.
    let right = app
        .post_with(
            &berta,
            "/account/password",
            &[
                ("current_password", PASSWORD),
                ("new_password", "Ein-ganz-neues-Passwort-7"),
                ("new_password_confirm", "Ein-ganz-neues-Passwort-7"),
            ],
        )
        .await;
    assert_eq!(right.status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn blocked_people_cannot_change_their_name() {
    let app = spawn_app().await;
    let berta = app
        .user("Berta", "berta@example.org", Role::Participant)
        .await;
    let moderator = app.user("Mo", "mo@example.org", Role::Moderator).await;
    let id = user_id(&app, "berta@example.org").await;
    app.post_with(
        &moderator,
        &format!("/moderation/users/{id}/block"),
        &[("note", "Wiederholte Beleidigungen.")],
    )
    .await
    .assert_redirect_to(&format!("/users/{id}"));
    let page = app
        .post_with(
            &berta,
            "/account/name",
            &[("display_name", "Unschuldslamm")],
        )
        .await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    let name = mitdenken::db::users::by_email(&app.db.pool, "berta@example.org")
        .await
        .expect("read")
        .expect("account")
        .display_name;
    assert_eq!(name, "Berta");
}

#[tokio::test]
async fn block_notes_are_bounded_and_refuse_bidi_controls() {
    let app = spawn_app().await;
    app.user("Berta", "berta@example.org", Role::Participant)
        .await;
    let moderator = app.user("Mo", "mo@example.org", Role::Moderator).await;
    let id = user_id(&app, "berta@example.org").await;
    let blocked = |app: &TestApp| {
        let pool = app.db.pool.clone();
        async move {
            mitdenken::db::users::by_email(&pool, "berta@example.org")
                .await
                .expect("read")
                .expect("account")
                .blocked_at
                .is_some()
        }
    };
    let long = "x".repeat(5_001);
    for (note, message) in [
        (long.as_str(), "höchstens 5.000 Zeichen"),
        ("Beleidigt \u{202E}1202.21.1", "Schreibrichtung umkehren"),
    ] {
        let page = app
            .post_with(
                &moderator,
                &format!("/moderation/users/{id}/block"),
                &[("note", note)],
            )
            .await;
        page.assert_redirect_to(&format!("/users/{id}"));
        assert!(!blocked(&app).await, "{message}");
        let profile = app.get_with(&moderator, &format!("/users/{id}")).await.body;
        assert!(profile.contains(message), "{message}: {profile}");
    }
    app.post_with(
        &moderator,
        &format!("/moderation/users/{id}/block"),
        &[("note", "x".repeat(5_000).as_str())],
    )
    .await;
    assert!(blocked(&app).await, "5,000 characters are fine");
}

#[tokio::test]
async fn merge_notes_are_bounded_and_refuse_bidi_controls() {
    let app = spawn_app().await;
    let author = app
        .user("Berta", "berta@example.org", Role::Participant)
        .await;
    let moderator = app.user("Mo", "mo@example.org", Role::Moderator).await;
    let target = app
        .submit_idea_with(&author, "digitale-ethik", "Die erste Idee", BODY)
        .await;
    let dup = app
        .submit_idea_with(&author, "digitale-ethik", "Die doppelte Idee", BODY)
        .await;
    let status = |app: &TestApp| {
        let pool = app.db.pool.clone();
        async move {
            sqlx::query_scalar::<_, String>("SELECT status FROM ideas WHERE id = $1")
                .bind(dup)
                .fetch_one(&pool)
                .await
                .expect("status")
        }
    };
    let target_s = target.to_string();
    let long = "x".repeat(5_001);
    for (note, message) in [
        (long.as_str(), "höchstens 5.000 Zeichen"),
        (
            "Doppelt \u{2067}gemeldet\u{2069}",
            "Schreibrichtung umkehren",
        ),
    ] {
        let page = app
            .post_with(
                &moderator,
                &format!("/moderation/ideas/{dup}/merge"),
                &[("target", target_s.as_str()), ("note", note)],
            )
            .await;
        page.assert_redirect_to(&format!("/ideas/{dup}"));
        assert_eq!(status(&app).await, "submitted", "{message}");
        let shown = app
            .get_with(&moderator, &format!("/ideas/{dup}"))
            .await
            .body;
        assert!(shown.contains(message), "{message}");
    }
    app.post_with(
        &moderator,
        &format!("/moderation/ideas/{dup}/merge"),
        &[("target", target_s.as_str()), ("note", "Gleiche Idee.")],
    )
    .await
    .assert_redirect_to(&format!("/ideas/{target}"));
    assert_eq!(status(&app).await, "merged");
}

/// Five failed logins, each claiming another client address in `X-Forwarded-For`; the
/// statuses of the answers.
async fn rotating_logins(app: &TestApp) -> Vec<StatusCode> {
    let client = new_client();
    let mut statuses = Vec::new();
    for i in 0..5 {
        let token = app.csrf(&client).await;
        let body: String = form_urlencoded::Serializer::new(String::new())
            .extend_pairs([
                ("csrf", token.as_str()),
                ("email", "niemand@example.org"),
                ("password", "falsch"),
            ])
            .finish();
        let r = client
            .post(app.url("/login"))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("x-forwarded-for", format!("198.51.100.{i}"))
            .body(body)
            .send()
            .await
            .expect("post");
        statuses.push(r.status());
    }
    statuses
}

#[tokio::test]
async fn forwarded_addresses_count_only_from_trusted_proxies() {
    let limited = |trusted: &'static str| {
        move |c: &mut mitdenken::config::Config| {
            c.auth_rate_limit = 2;
            c.trust_proxy = true;
            c.trusted_proxies = trusted.parse().unwrap_or_default();
        }
    };
    // The test client connects from 127.0.0.1: a trusted proxy, so each claimed address has
    // its own budget.
    let app = spawn_app_with(limited("127.0.0.1,10.0.0.0/8")).await;
    assert!(
        rotating_logins(&app)
            .await
            .iter()
            .all(|s| *s == StatusCode::OK)
    );
    // Not in the list: the header is ignored, and the peer's own budget (2) runs out.
    let app = spawn_app_with(limited("10.0.0.0/8")).await;
    assert_eq!(
        rotating_logins(&app).await,
        [
            StatusCode::OK,
            StatusCode::OK,
            StatusCode::TOO_MANY_REQUESTS,
            StatusCode::TOO_MANY_REQUESTS,
            StatusCode::TOO_MANY_REQUESTS
        ]
    );
}
