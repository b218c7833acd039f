//! Issue 16: two-factor sign-in (TOTP, RFC 6238): setup with QR code and text, login with a
//! code, no replay, single-use recovery codes, rate limits, the staff lock-out, admin resets
//! and role changes in the moderation log.

use crate::helpers::*;
use mitdenken::domain::Role;
use reqwest::{Client, StatusCode};

/// The recovery codes on the page shown right after setup.
fn recovery_codes(html: &str) -> Vec<String> {
    let Some(start) = html.find("recovery-codes") else {
        return Vec::new();
    };
    html[start..]
        .split("<code>")
        .skip(1)
        .filter_map(|c| c.split('<').next().map(str::to_string))
        .take(10)
        .collect()
}

/// A staff account as an admin would make it today: a participant given the role, without
/// two-factor sign-in yet.
async fn new_staff(app: &TestApp, email: &str, role: Role) -> Client {
    let client = app.user("Paula Person", email, Role::Participant).await;
    sqlx::query("UPDATE users SET role = $1 WHERE email = $2")
        .bind(role.as_str())
        .bind(email)
        .execute(&app.db.pool)
        .await
        .unwrap();
    client
}

async fn password_step(app: &TestApp, client: &Client, email: &str) {
    app.login_with(client, email, PASSWORD)
        .await
        .assert_redirect_to("/login/code");
}

/// A TOTP code of a step not used yet: the current one, or the next (the server accepts one
/// step ahead, as phones' clocks drift); waits when both are used.
async fn fresh_code(secret: &str, used: &mut i64) -> String {
    let secret = mitdenken::domain::totp::Secret::parse(secret).expect("secret");
    loop {
        let now = mitdenken::db::now() / 30;
        let step = (*used + 1).max(now);
        if step <= now + 1 {
            *used = step;
            return secret.code_at_step(step);
        }
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    }
}

#[tokio::test]
async fn staff_are_locked_out_until_they_set_up_two_factor() {
    let app = spawn_app().await;
    let staff = new_staff(&app, "paula@example.org", Role::Moderator).await;
    app.get_with(&staff, "/moderation")
        .await
        .assert_redirect_to("/account/zwei-faktor");
    app.get_with(&staff, "/account")
        .await
        .assert_redirect_to("/account/zwei-faktor");
    // A fresh login goes straight to the setup too.
    let other = new_client();
    app.login_with(&other, "paula@example.org", PASSWORD)
        .await
        .assert_redirect_to("/account/zwei-faktor");
    let setup = app.get_with(&other, "/account/zwei-faktor").await;
    assert_eq!(setup.status, StatusCode::OK);
    assert!(
        setup.body.contains("<svg"),
        "the QR code drawn on the server"
    );
    assert!(
        setup.body.contains("role=\"img\" aria-label=\"QR-Code"),
        "its text alternative"
    );
    assert!(setup.body.contains("brauchen eine Zwei-Faktor-Anmeldung"));
    let secret = secret_of(&setup.body).expect("the secret as text");
    assert_eq!(secret.len(), 32);
    // A wrong first code does not turn it on.
    let wrong = app
        .post_with(&other, "/account/zwei-faktor", &[("code", "000000")])
        .await;
    if totp_now(&secret) != "000000" {
        assert_eq!(wrong.status, StatusCode::OK);
        assert!(wrong.body.contains("Code passt nicht"));
    }
    app.enrol_two_factor(&other).await;
    assert_eq!(
        app.get_with(&other, "/moderation").await.status,
        StatusCode::OK
    );
    assert_eq!(
        app.get_with(&staff, "/moderation").await.status,
        StatusCode::OK
    );
    // The secret is stored; the recovery codes only as hashes.
    let hashes: Vec<String> = sqlx::query_scalar(
        "SELECT code_hash FROM recovery_codes WHERE user_id = (SELECT id FROM users WHERE email = 'paula@example.org')",
    )
    .fetch_all(&app.db.pool)
    .await
    .unwrap();
    assert_eq!(hashes.len(), 10);
    assert!(hashes.iter().all(|h| h.len() == 64 && !h.contains('-')));
}

#[tokio::test]
async fn a_grace_period_lets_new_staff_in_for_a_while() {
    let app = spawn_app_with(|c| c.staff_2fa_grace_days = 7).await;
    let staff = new_staff(&app, "paula@example.org", Role::Ministry).await;
    assert_eq!(app.get_with(&staff, "/review").await.status, StatusCode::OK);
    // Past it (the role given eight days ago), the same account is locked out.
    sqlx::query("UPDATE users SET staff_since = $1 WHERE email = 'paula@example.org'")
        .bind(mitdenken::db::now() - 8 * 86_400)
        .execute(&app.db.pool)
        .await
        .unwrap();
    app.get_with(&staff, "/review")
        .await
        .assert_redirect_to("/account/zwei-faktor");
}

#[tokio::test]
async fn the_login_asks_for_a_code_and_refuses_a_replay() {
    let app = spawn_app().await;
    let anna = app
        .user("Anna Arndt", "anna@example.org", Role::Participant)
        .await;
    let (secret, _) = app.enrol_two_factor(&anna).await;
    let mut used = mitdenken::db::now() / 30;

    let laptop = new_client();
    password_step(&app, &laptop, "anna@example.org").await;
    // Halfway in is not logged in.
    app.get_with(&laptop, "/account")
        .await
        .assert_redirect_to("/login");
    password_step(&app, &laptop, "anna@example.org").await;
    let page = app.get_with(&laptop, "/login/code").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("one-time-code"));
    let wrong = app
        .post_with(&laptop, "/login/code", &[("code", "12345")])
        .await;
    assert_eq!(wrong.status, StatusCode::OK);
    assert!(wrong.body.contains("Code passt nicht"));
    let code = fresh_code(&secret, &mut used).await;
    app.post_with(&laptop, "/login/code", &[("code", &code)])
        .await
        .assert_redirect_to("/");
    assert_eq!(
        app.get_with(&laptop, "/account").await.status,
        StatusCode::OK
    );

    // The same code again, on another device: refused.
    let thief = new_client();
    password_step(&app, &thief, "anna@example.org").await;
    let replay = app
        .post_with(&thief, "/login/code", &[("code", &code)])
        .await;
    assert_eq!(replay.status, StatusCode::OK);
    assert!(replay.body.contains("schon benutzt"));
    app.get_with(&thief, "/account")
        .await
        .assert_redirect_to("/login");
    // The next code works.
    let next = fresh_code(&secret, &mut used).await;
    app.post_with(&thief, "/login/code", &[("code", &next)])
        .await
        .assert_redirect_to("/");
}

#[tokio::test]
async fn recovery_codes_work_once_each() {
    let app = spawn_app().await;
    let anna = app
        .user("Anna Arndt", "anna@example.org", Role::Participant)
        .await;
    let (_, page) = app.enrol_two_factor(&anna).await;
    let codes = recovery_codes(&page.body);
    assert_eq!(codes.len(), 10, "{}", page.body);
    let first = new_client();
    password_step(&app, &first, "anna@example.org").await;
    app.post_with(&first, "/login/code", &[("code", &codes[0].to_uppercase())])
        .await
        .assert_redirect_to("/");
    let second = new_client();
    password_step(&app, &second, "anna@example.org").await;
    let again = app
        .post_with(&second, "/login/code", &[("code", &codes[0])])
        .await;
    assert_eq!(again.status, StatusCode::OK);
    app.post_with(&second, "/login/code", &[("code", &codes[1])])
        .await
        .assert_redirect_to("/");
    let account = app.get_with(&second, "/account/zwei-faktor").await;
    assert!(
        account.body.contains("Wiederherstellungscodes: 8"),
        "{}",
        account.body
    );
}

#[tokio::test]
async fn codes_are_rate_limited_per_account() {
    let app = spawn_app().await;
    let anna = app
        .user("Anna Arndt", "anna@example.org", Role::Participant)
        .await;
    let (secret, _) = app.enrol_two_factor(&anna).await;
    let client = new_client();
    password_step(&app, &client, "anna@example.org").await;
    let mut last = String::new();
    for _ in 0..12 {
        last = app
            .post_with(&client, "/login/code", &[("code", "kein-code-1")])
            .await
            .body;
    }
    assert!(last.contains("Zu viele Versuche"), "{last}");
    // Even the right code waits now.
    let right = app
        .post_with(&client, "/login/code", &[("code", &totp_now(&secret))])
        .await;
    assert_eq!(right.status, StatusCode::OK);
}

#[tokio::test]
async fn admin_resets_and_role_changes_are_logged() {
    let app = spawn_app().await;
    let admin = app.user("Ida Admin", "ida@example.org", Role::Admin).await;
    let moderator = app
        .user("Mo Moderation", "mo@example.org", Role::Moderator)
        .await;
    let mo_id = app
        .scalar(
            "SELECT id FROM users WHERE email = 'mo@example.org' AND id > $1",
            0,
        )
        .await;
    app.post_with(&admin, &format!("/admin/users/{mo_id}/zwei-faktor"), &[])
        .await
        .assert_redirect_to("/admin/users");
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM two_factor WHERE user_id = $1", mo_id)
            .await,
        0
    );
    assert_eq!(
        app.scalar(
            "SELECT COUNT(*) FROM moderation_log WHERE action = 'two_factor_reset' AND item_id = $1",
            mo_id
        )
        .await,
        1
    );
    // Without it, the moderator can only set it up again.
    app.get_with(&moderator, "/moderation")
        .await
        .assert_redirect_to("/account/zwei-faktor");
    let hans = app
        .user("Hans Hansen", "hans@example.org", Role::Participant)
        .await;
    // A participant cannot reset anyone's.
    let refused = app
        .post_with(&hans, &format!("/admin/users/{mo_id}/zwei-faktor"), &[])
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let hans_id = app
        .scalar(
            "SELECT id FROM users WHERE email = 'hans@example.org' AND id > $1",
            0,
        )
        .await;
    app.post_with(
        &admin,
        &format!("/admin/users/{hans_id}/role"),
        &[("role", "ministry")],
    )
    .await
    .assert_redirect_to("/admin/users");
    assert_eq!(
        app.scalar(
            "SELECT COUNT(*) FROM moderation_log WHERE action = 'role_change' AND item_id = $1",
            hans_id
        )
        .await,
        1
    );
    assert!(
        app.get("/transparenz")
            .await
            .body
            .contains("Rolle geändert")
    );
    // The new ministry account has its grace period from now: none by default.
    app.get_with(&hans, "/review")
        .await
        .assert_redirect_to("/account/zwei-faktor");
}

#[tokio::test]
async fn participants_may_turn_it_off_again_staff_may_not() {
    let app = spawn_app().await;
    let anna = app
        .user("Anna Arndt", "anna@example.org", Role::Participant)
        .await;
    app.enrol_two_factor(&anna).await;
    let page = app.get_with(&anna, "/account/zwei-faktor").await;
    assert!(page.body.contains("/account/zwei-faktor/aus"));
    app.post_with(
        &anna,
        "/account/zwei-faktor/aus",
        &[("password", "falsch-falsch")],
    )
    .await
    .assert_redirect_to("/account/zwei-faktor");
    let anna_id = app
        .scalar(
            "SELECT id FROM users WHERE email = 'anna@example.org' AND id > $1",
            0,
        )
        .await;
    assert_eq!(
        app.scalar(
            "SELECT COUNT(*) FROM two_factor WHERE user_id = $1",
            anna_id
        )
        .await,
        1
    );
    app.post_with(&anna, "/account/zwei-faktor/aus", &[("password", PASSWORD)])
        .await
        .assert_redirect_to("/account");
    assert_eq!(
        app.scalar(
            "SELECT COUNT(*) FROM recovery_codes WHERE user_id = $1",
            anna_id
        )
        .await,
        0
    );
    app.login_with(&new_client(), "anna@example.org", PASSWORD)
        .await
        .assert_redirect_to("/");

    let mo = app
        .user("Mo Moderation", "mo@example.org", Role::Moderator)
        .await;
    let page = app.get_with(&mo, "/account/zwei-faktor").await;
    assert!(!page.body.contains("/account/zwei-faktor/aus"));
    let refused = app
        .post_with(&mo, "/account/zwei-faktor/aus", &[("password", PASSWORD)])
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn replacing_a_second_factor_takes_the_password() {
    let app = spawn_app().await;
    let anna = app
        .user("Anna Arndt", "anna@example.org", Role::Participant)
        .await;
    let (old, _) = app.enrol_two_factor(&anna).await;
    let page = app.get_with(&anna, "/account/zwei-faktor").await;
    let new = secret_of(&page.body).expect("a new secret");
    assert_ne!(new, old);
    let refused = app
        .post_with(&anna, "/account/zwei-faktor", &[("code", &totp_now(&new))])
        .await;
    assert_eq!(refused.status, StatusCode::OK);
    assert!(refused.body.contains("Passwort ist nicht richtig"));
    let stored: String = sqlx::query_scalar("SELECT secret FROM two_factor")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(stored, old);
    let done = app
        .post_with(
            &anna,
            "/account/zwei-faktor",
            &[("code", &totp_now(&new)), ("password", PASSWORD)],
        )
        .await;
    assert!(done.body.contains("recovery-codes"), "{}", done.body);
    let stored: String = sqlx::query_scalar("SELECT secret FROM two_factor")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(stored, new);
}
