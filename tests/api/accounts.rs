//! Registration, login, logout, account settings, profiles, roles, rate limits.

use crate::helpers::*;
use mitdenken::domain::Role;
use reqwest::StatusCode;

#[tokio::test]
async fn register_log_out_and_log_in_again() {
    let app = spawn_app().await;
    app.register("Anna Beispiel", "anna@example.org").await;
    let home = app.get("/").await;
    assert!(
        home.body.contains("Willkommen bei Mitdenken!"),
        "flash shown once"
    );
    assert!(home.body.contains("Konto (Anna Beispiel)"));
    let again = app.get("/").await;
    assert!(
        !again.body.contains("Willkommen bei Mitdenken!"),
        "flash only once"
    );

    app.post("/logout", &[])
        .await
        .assert_redirect_to("/login?abgemeldet=1");
    let after = app.get("/login?abgemeldet=1").await;
    assert!(after.body.contains("Sie wurden abgemeldet."));
    assert!(!after.body.contains("Konto (Anna Beispiel)"));
    assert_eq!(app.get("/account").await.status, StatusCode::SEE_OTHER);

    app.login_with(&app.client, "ANNA@example.org", PASSWORD)
        .await
        .assert_redirect_to("/");
    assert!(app.get("/").await.body.contains("Konto (Anna Beispiel)"));
}

#[tokio::test]
async fn login_follows_next_but_only_on_this_site() {
    let app = spawn_app().await;
    app.register("Bea", "bea@example.org").await;
    app.post("/logout", &[]).await;
    let page = app.get("/account").await;
    page.assert_redirect_to("/login?next=%2Faccount");
    app.post(
        "/login",
        &[
            ("email", "bea@example.org"),
            ("password", PASSWORD),
            ("next", "/account"),
        ],
    )
    .await
    .assert_redirect_to("/account");
    app.post("/logout", &[]).await;
    for target in [
        "//evil.example/",
        "/\t/evil.example",
        "https://evil.example",
        "/ideas\r\nX: y",
    ] {
        let evil = app
            .post(
                "/login",
                &[
                    ("email", "bea@example.org"),
                    ("password", PASSWORD),
                    ("next", target),
                ],
            )
            .await;
        assert_eq!(evil.location.as_deref(), Some("/"), "{target:?}");
        app.post("/logout", &[]).await;
    }
    // A form posted while logged out leads back to its page, not to the POST address.
    app.post("/ideas/1/support", &[])
        .await
        .assert_redirect_to("/login?next=%2Fideas%2F1");
}

#[tokio::test]
async fn the_session_id_changes_at_login() {
    let app = spawn_app().await;
    app.register("Carla", "carla@example.org").await;
    app.post("/logout", &[]).await;
    let anon = app.get("/login").await;
    let before = anon
        .set_cookies
        .iter()
        .find(|c| c.starts_with("mitdenken_sitzung="))
        .cloned()
        .expect("anonymous session for the login form");
    let login = app
        .login_with(&app.client, "carla@example.org", PASSWORD)
        .await;
    login.assert_redirect_to("/");
    let after = login
        .set_cookies
        .iter()
        .find(|c| c.starts_with("mitdenken_sitzung="))
        .cloned()
        .expect("new session cookie at login");
    let value = |c: &str| c.split(';').next().unwrap_or("").to_string();
    assert_ne!(value(&before), value(&after));
}

#[tokio::test]
async fn wrong_password_keeps_the_email_and_says_so_in_german() {
    let app = spawn_app().await;
    app.register("Dora", "dora@example.org").await;
    app.post("/logout", &[]).await;
    let page = app
        .login_with(&app.client, "dora@example.org", "falsch-falsch-falsch")
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body
            .contains("E-Mail-Adresse oder Passwort sind nicht richtig.")
    );
    assert!(page.body.contains("value=\"dora@example.org\""));
    assert!(
        !page.body.contains("falsch-falsch-falsch"),
        "passwords are never echoed"
    );
    let unknown = app
        .login_with(&app.client, "niemand@example.org", PASSWORD)
        .await;
    assert!(
        unknown
            .body
            .contains("E-Mail-Adresse oder Passwort sind nicht richtig.")
    );
}

#[tokio::test]
async fn registration_errors_keep_what_was_typed() {
    let app = spawn_app().await;
    let page = app
        .post(
            "/register",
            &[
                ("display_name", "Emil <Erfinder>"),
                ("email", "kein-at-zeichen"),
                ("password", "passwort123"),
                ("password_confirm", "passwort123"),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Bitte prüfen Sie Ihre Eingaben"));
    assert!(
        page.body.contains("href=\"#f-email\""),
        "summary links to the field"
    );
    assert!(
        page.body
            .contains("Bitte geben Sie eine gültige E-Mail-Adresse an")
    );
    assert!(page.body.contains("am häufigsten verwendeten"));
    assert!(page.body.contains("value=\"Emil &lt;Erfinder&gt;\""));
    assert!(page.body.contains("value=\"kein-at-zeichen\""));
    assert!(
        page.body
            .contains("aria-describedby=\"f-email-hint f-email-error\"")
    );
    assert!(!page.body.contains("passwort123"));

    let short = app
        .post(
            "/register",
            &[
                ("display_name", "Emil"),
                ("email", "emil@example.org"),
                ("password", "kurz"),
                ("password_confirm", "kurz"),
            ],
        )
        .await;
    assert!(short.body.contains("mindestens 10 Zeichen"));
    let differ = app
        .post(
            "/register",
            &[
                ("display_name", "Emil"),
                ("email", "emil@example.org"),
                ("password", PASSWORD),
                ("password_confirm", "Sonnenblumen-Feld-43"),
            ],
        )
        .await;
    assert!(
        differ
            .body
            .contains("Die beiden Passwörter stimmen nicht überein.")
    );
    let users = app
        .scalar("SELECT COUNT(*) FROM users WHERE id > $1", 0)
        .await;
    assert_eq!(users, 0, "nothing was stored");
}

#[tokio::test]
async fn an_email_can_only_register_once() {
    let app = spawn_app().await;
    app.register("Frida", "frida@example.org").await;
    let other = new_client();
    let page = app
        .register_with(&other, "Frida Zwei", "Frida@Example.org")
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body
            .contains("Für diese E-Mail-Adresse gibt es bereits ein Konto.")
    );
    assert!(page.body.contains("value=\"Frida Zwei\""));
}

#[tokio::test]
async fn people_change_their_name_and_password() {
    let app = spawn_app().await;
    app.register("Greta", "greta@example.org").await;
    let other_device = new_client();
    app.login_with(&other_device, "greta@example.org", PASSWORD)
        .await
        .assert_redirect_to("/");
    let bad = app.post("/account/name", &[("display_name", "G")]).await;
    assert!(bad.body.contains("mindestens 2 Zeichen"));
    assert!(bad.body.contains("value=\"G\""));
    app.post("/account/name", &[("display_name", "Greta Grün")])
        .await
        .assert_redirect_to("/account");
    assert!(
        app.get("/account")
            .await
            .body
            .contains("Ihr Anzeigename wurde geändert.")
    );

    let wrong = app
        .post(
            "/account/password",
            &[
                ("current_password", "nicht-das-richtige"),
                ("new_password", "Neues-Passwort-2026"),
                ("new_password_confirm", "Neues-Passwort-2026"),
            ],
        )
        .await;
    assert!(
        wrong
            .body
            .contains("Das aktuelle Passwort ist nicht richtig.")
    );
    app.post(
        "/account/password",
        &[
            ("current_password", PASSWORD),
            ("new_password", "Neues-Passwort-2026"),
            ("new_password_confirm", "Neues-Passwort-2026"),
        ],
    )
    .await
    .assert_redirect_to("/account");
    assert!(
        app.get("/account")
            .await
            .body
            .contains("Ihr Passwort wurde geändert."),
        "this session goes on"
    );
    assert_eq!(
        app.get_with(&other_device, "/account").await.status,
        StatusCode::SEE_OTHER,
        "other sessions end"
    );
    app.post("/logout", &[]).await;
    let old = app
        .login_with(&app.client, "greta@example.org", PASSWORD)
        .await;
    assert_eq!(old.status, StatusCode::OK, "old password no longer works");
    app.login_with(&app.client, "greta@example.org", "Neues-Passwort-2026")
        .await
        .assert_redirect_to("/");
}

#[tokio::test]
async fn admin_pages_are_for_admins_only() {
    let app = spawn_app().await;
    app.register("Hans", "hans@example.org").await;
    assert_eq!(app.get("/admin/users").await.status, StatusCode::FORBIDDEN);
    let page = app.get("/admin/users").await;
    assert!(page.body.contains("Kein Zugriff"));
    let anon = new_client();
    app.get_with(&anon, "/admin/users")
        .await
        .assert_redirect_to("/login?next=%2Fadmin%2Fusers");

    let admin = app.user("Ida Admin", "ida@example.org", Role::Admin).await;
    let list = app.get_with(&admin, "/admin/users?q=hans").await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.body.contains("hans@example.org"));
    assert!(!list.body.contains("ida@example.org"), "search filters");
    let hans_id = app
        .scalar(
            "SELECT id FROM users WHERE email = 'hans@example.org' AND id > $1",
            0,
        )
        .await;
    let forbidden = app
        .post(
            &format!("/admin/users/{hans_id}/role"),
            &[("role", "admin")],
        )
        .await;
    assert_eq!(
        forbidden.status,
        StatusCode::FORBIDDEN,
        "a participant cannot promote themself"
    );
    app.post_with(
        &admin,
        &format!("/admin/users/{hans_id}/role"),
        &[("role", "moderator")],
    )
    .await
    .assert_redirect_to("/admin/users");
    let role: String = sqlx::query_scalar("SELECT role FROM users WHERE id = $1")
        .bind(hans_id)
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(role, "moderator");

    // The last admin cannot step down and lock everyone out.
    let ida_id = app
        .scalar(
            "SELECT id FROM users WHERE email = 'ida@example.org' AND id > $1",
            0,
        )
        .await;
    app.post_with(
        &admin,
        &format!("/admin/users/{ida_id}/role"),
        &[("role", "participant")],
    )
    .await;
    assert!(
        app.get_with(&admin, "/admin/users")
            .await
            .body
            .contains("letzte Administratorin")
    );
    assert_eq!(
        app.scalar(
            "SELECT COUNT(*) FROM users WHERE role = 'admin' AND id > $1",
            0
        )
        .await,
        1
    );
}

#[tokio::test]
async fn login_and_registration_are_rate_limited_per_address() {
    let app = spawn_app_with(|c| c.auth_rate_limit = 3).await;
    for _ in 0..3 {
        let page = app
            .login_with(&app.client, "x@example.org", "irgendwas-langes")
            .await;
        assert_eq!(page.status, StatusCode::OK);
    }
    let blocked = app
        .login_with(&app.client, "x@example.org", "irgendwas-langes")
        .await;
    assert_eq!(blocked.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(blocked.body.contains("Zu viele Versuche"));
    let reg = app.register_with(&app.client, "Jo", "jo@example.org").await;
    assert_eq!(reg.status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn public_profiles_list_ideas_and_comments() {
    let app = spawn_app().await;
    app.register("Karl Kommentar", "karl@example.org").await;
    let idea = app
        .submit_idea(
            "digitale-ethik",
            "Ethikrat für Algorithmen in Ämtern",
            "Ein unabhängiger Rat prüft Algorithmen, bevor Ämter sie einsetzen.",
        )
        .await;
    app.post(
        &format!("/ideas/{idea}/comments"),
        &[("body", "Ich ergänze: mit Beteiligung von Betroffenen.")],
    )
    .await;
    let id = app
        .scalar(
            "SELECT id FROM users WHERE email = 'karl@example.org' AND id > $1",
            0,
        )
        .await;
    let anon = new_client();
    let page = app.get_with(&anon, &format!("/users/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Profil von Karl Kommentar"));
    assert!(page.body.contains("Ethikrat für Algorithmen in Ämtern"));
    assert!(
        page.body
            .contains("Ich ergänze: mit Beteiligung von Betroffenen.")
    );
    assert!(
        !page.body.contains("karl@example.org"),
        "e-mail addresses stay private"
    );
    assert_eq!(
        app.get_with(&anon, "/users/9999").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get_with(&anon, "/users/abc").await.status,
        StatusCode::NOT_FOUND
    );
}
