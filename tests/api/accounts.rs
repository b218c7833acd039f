//! Registration, login, logout, account settings, profiles, roles, rate limits.

use crate::helpers::*;
use mitdenken::domain::Role;
use reqwest::StatusCode;

#[tokio::test]
async fn register_log_out_and_log_in_again() {
    let app = spawn_app().await;
    // Registering logs nobody in; the mailed link confirms the address and logs in.
    app.post_register(&app.client, "Anna Beispiel", "anna@example.org")
        .await
        .assert_redirect_to(SENT_PAGE);
    assert!(
        !app.get("/").await.body.contains("Konto (Anna Beispiel)"),
        "not logged in before the link"
    );
    let link = app.confirmation_link("anna@example.org").await;
    app.get(&link).await.assert_redirect_to("/");
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
    // The taken address gets the answer a new one gets: no error that would tell that the
    // address has an account, no session, and no second account.
    let other = new_client();
    let taken = app
        .post_register(&other, "Frida Zwei", "Frida@Example.org")
        .await;
    let new = app
        .post_register(&new_client(), "Greta Neu", "greta@example.org")
        .await;
    assert_eq!(taken.status, new.status);
    assert_eq!(taken.location, new.location);
    taken.assert_redirect_to(SENT_PAGE);
    assert!(!taken.body.contains("bereits ein Konto"));
    assert!(
        !app.get_with(&other, "/").await.body.contains("Konto ("),
        "nobody is logged in"
    );
    let sent = app.get_with(&other, SENT_PAGE).await;
    assert_eq!(sent.status, StatusCode::OK);
    assert!(
        sent.body.contains("Wir haben Ihnen eine E-Mail geschickt."),
        "{}",
        sent.body
    );
    let accounts = app
        .scalar(
            "SELECT COUNT(*) FROM users WHERE email = 'frida@example.org' AND id > $1",
            0,
        )
        .await;
    assert_eq!(accounts, 1, "no second account");
    // Frida learns that someone tried, and the name typed did not replace hers.
    assert_eq!(
        app.mails_of_kind("frida@example.org", "already_registered")
            .await,
        1
    );
    let name: String =
        sqlx::query_scalar("SELECT display_name FROM users WHERE email = 'frida@example.org'")
            .fetch_one(&app.db.pool)
            .await
            .expect("name");
    assert_eq!(name, "Frida");
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

/// The answer to a registration, with the parts that differ per response (the CSRF field)
/// taken out, and how long it took.
async fn timed_registration(app: &TestApp, name: &str, email: &str) -> (Page, std::time::Duration) {
    let client = new_client();
    app.csrf(&client).await;
    let started = std::time::Instant::now();
    let page = app.post_register(&client, name, email).await;
    (page, started.elapsed())
}

/// Issue 11: "Registration does not reveal accounts" – the same status, page, cookies and
/// (roughly) time for an address with an account and a new one; the owner of the address is
/// told once, with the login and the reset; no second account, no session.
#[tokio::test]
async fn a_taken_address_gets_the_answer_of_a_new_one() {
    let app = spawn_app().await;
    app.register("Tara Taken", "tara@example.org").await;
    let mut taken = Vec::new();
    let mut new = Vec::new();
    for n in 0..3 {
        taken.push(timed_registration(&app, &format!("Tara {n}"), "TARA@example.org").await);
        new.push(
            timed_registration(&app, &format!("Nina {n}"), &format!("nina{n}@example.org")).await,
        );
    }
    for ((t, _), (n, _)) in taken.iter().zip(&new) {
        assert_eq!(t.status, n.status);
        assert_eq!(t.location, n.location);
        assert_eq!(t.body, n.body);
        assert!(t.set_cookies.is_empty(), "{:?}", t.set_cookies);
        assert!(n.set_cookies.is_empty(), "{:?}", n.set_cookies);
        t.assert_redirect_to(SENT_PAGE);
    }
    // Both run argon2: the fastest of three answers each are close together.
    let fastest = |v: &[(Page, std::time::Duration)]| v.iter().map(|(_, d)| *d).min();
    let (a, b) = (fastest(&taken), fastest(&new));
    let (Some(a), Some(b)) = (a, b) else {
        panic!("no timings")
    };
    assert!(
        a.abs_diff(b) < std::time::Duration::from_millis(150),
        "{a:?} vs {b:?}"
    );
    assert_eq!(
        app.scalar(
            "SELECT COUNT(*) FROM users WHERE email = 'tara@example.org' AND id > $1",
            0
        )
        .await,
        1
    );
    // Three tries, one mail: the form cannot be used to fill someone's mailbox.
    assert_eq!(
        app.mails_of_kind("tara@example.org", "already_registered")
            .await,
        1
    );
    assert_eq!(app.mails_of_kind("tara@example.org", "confirm").await, 1);
}

/// The confirmation link confirms, logs in and leads back to where the person registered
/// from, with a notice; without it, the password logs in an unconfirmed account.
#[tokio::test]
async fn the_confirmation_link_logs_in_and_leads_back() {
    let app = spawn_app().await;
    let browser = new_client();
    let page = app
        .post_with(
            &browser,
            "/register",
            &[
                ("display_name", "Lotte Link"),
                ("email", "lotte@example.org"),
                ("password", PASSWORD),
                ("password_confirm", PASSWORD),
                ("rules", "1"),
                ("next", "/themes/digitale-ethik"),
            ],
        )
        .await;
    page.assert_redirect_to(SENT_PAGE);
    let sent = app.get_with(&browser, SENT_PAGE).await;
    assert!(sent.body.contains("48 Stunden"), "{}", sent.body);
    assert!(!sent.body.contains("Konto (Lotte Link)"));
    // Before the link, the password logs in (reading, commenting, the profile).
    let phone = new_client();
    app.login_with(&phone, "lotte@example.org", PASSWORD)
        .await
        .assert_redirect_to("/");
    let account = app.get_with(&phone, "/account").await;
    assert!(account.body.contains("Link erneut senden"));
    let author = app
        .user("Anna Autorin", "anna@example.org", Role::Participant)
        .await;
    let idea = app
        .submit_idea_with(
            &author,
            "digitale-ethik",
            "Offene Sprechstunde im Rathaus",
            "Einmal im Monat beantwortet das Rathaus Fragen zu seinen digitalen Diensten.",
        )
        .await;
    app.post_with(
        &phone,
        &format!("/ideas/{idea}/comments"),
        &[("body", "Gern auch abends, für Berufstätige.")],
    )
    .await
    .assert_redirect_to(&format!("/ideas/{idea}"));
    assert!(
        app.get(&format!("/ideas/{idea}"))
            .await
            .body
            .contains("Gern auch abends, für Berufstätige.")
    );
    app.post_with(&phone, "/account/name", &[("display_name", "Lotte Link")])
        .await
        .assert_redirect_to("/account");

    let link = app.confirmation_link("lotte@example.org").await;
    let mail_program = new_client();
    app.get_with(&mail_program, &link)
        .await
        .assert_redirect_to("/themes/digitale-ethik");
    let theme = app.get_with(&mail_program, "/themes/digitale-ethik").await;
    assert!(
        theme.body.contains("Willkommen bei Mitdenken!"),
        "{}",
        theme.body
    );
    assert!(theme.body.contains("Konto (Lotte Link)"));
    let account = app.get_with(&mail_program, "/account").await;
    assert!(!account.body.contains("Link erneut senden"));
    // The other session goes on (the link only confirmed).
    assert_eq!(
        app.get_with(&phone, "/account").await.status,
        StatusCode::OK
    );
    // Used once.
    let again = app.get_with(&new_client(), &link).await;
    assert!(again.body.contains("abgelaufen oder wurde schon benutzt"));
}

/// Registering again with an address that waits for its confirmation sends the link again
/// (at most once a minute), with the same answer; the new link sets the password typed then,
/// so whoever registered the address first cannot keep a password for it.
#[tokio::test]
async fn registering_an_unconfirmed_address_again_sends_the_link_again() {
    let app = spawn_app().await;
    app.post_register(&new_client(), "Uwe Unbestätigt", "uwe@example.org")
        .await
        .assert_redirect_to(SENT_PAGE);
    let second_password = "Zweites-Passwort-2026";
    let again = |password: &'static str| {
        let app = &app;
        async move {
            app.post_with(
                &new_client(),
                "/register",
                &[
                    ("display_name", "Uwe Zwei"),
                    ("email", "uwe@example.org"),
                    ("password", password),
                    ("password_confirm", password),
                    ("rules", "1"),
                ],
            )
            .await
        }
    };
    again(second_password).await.assert_redirect_to(SENT_PAGE);
    assert_eq!(
        app.mails_of_kind("uwe@example.org", "confirm").await,
        1,
        "not again within the minute"
    );
    sqlx::query("UPDATE account_tokens SET created_at = created_at - 120")
        .execute(&app.db.pool)
        .await
        .expect("age the link");
    again(second_password).await.assert_redirect_to(SENT_PAGE);
    assert_eq!(app.mails_of_kind("uwe@example.org", "confirm").await, 2);
    assert_eq!(
        app.mails_of_kind("uwe@example.org", "already_registered")
            .await,
        0
    );
    let link = app.confirmation_link("uwe@example.org").await;
    let browser = new_client();
    app.get_with(&browser, &link).await.assert_redirect_to("/");
    assert!(
        app.get_with(&browser, "/")
            .await
            .body
            .contains("Konto (Uwe Unbestätigt)")
    );
    // The password of the registration whose link was opened counts; the first no longer.
    let old = app
        .login_with(&new_client(), "uwe@example.org", PASSWORD)
        .await;
    assert_eq!(old.status, StatusCode::OK);
    app.login_with(&new_client(), "uwe@example.org", second_password)
        .await
        .assert_redirect_to("/");
    assert_eq!(
        app.scalar(
            "SELECT COUNT(*) FROM users WHERE email = 'uwe@example.org' AND id > $1",
            0
        )
        .await,
        1
    );
}

/// Regression: the older link of an address registered twice, and a link of an account that
/// was confirmed meanwhile by a password reset, log nobody in (the first would set an earlier
/// registrant's password; the second proves only a mailbox).
#[tokio::test]
async fn only_the_newest_confirmation_link_of_an_unconfirmed_account_logs_in() {
    let app = spawn_app().await;
    app.post_register(&new_client(), "Vera Vorher", "vera@example.org")
        .await
        .assert_redirect_to(SENT_PAGE);
    let first = app.confirmation_link("vera@example.org").await;
    sqlx::query("UPDATE account_tokens SET created_at = created_at - 120")
        .execute(&app.db.pool)
        .await
        .expect("age the link");
    app.post_register(&new_client(), "Vera Nachher", "vera@example.org")
        .await
        .assert_redirect_to(SENT_PAGE);
    let second = app.confirmation_link("vera@example.org").await;
    assert_ne!(first, second);
    let browser = new_client();
    let answer = app.get_with(&browser, &first).await;
    assert!(
        !app.get_with(&browser, "/account").await.status.is_success(),
        "the older link logged in: {:?}",
        answer.location
    );

    // A reset confirms the address; the confirmation link still in the mailbox then fails.
    let reset = app
        .post("/passwort-vergessen", &[("email", "vera@example.org")])
        .await;
    assert!(reset.status.is_redirection() || reset.status.is_success());
    let reset_link: String = sqlx::query_scalar(
        "SELECT link FROM outbox WHERE recipient = 'vera@example.org' AND kind = 'reset'
         ORDER BY id DESC LIMIT 1",
    )
    .fetch_one(&app.db.pool)
    .await
    .expect("a reset link");
    let form = app.get(&reset_link).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    let done = app
        .post(
            &reset_link,
            &[
                ("new_password", "Neues-Passwort-2026"),
                ("new_password_confirm", "Neues-Passwort-2026"),
            ],
        )
        .await;
    assert!(done.status.is_redirection(), "{}", done.body);
    let other = new_client();
    app.get_with(&other, &second).await;
    assert!(
        !app.get_with(&other, "/account").await.status.is_success(),
        "a link of an account confirmed by the reset logged in"
    );
}

/// Issue 13 "Rules": registration needs the tick; without it a clear error and everything
/// typed stays (but the password); the time of the acceptance is stored and in the download.
#[tokio::test]
async fn registration_needs_the_rules_accepted_and_remembers_when() {
    let app = spawn_app().await;
    let form = app.get("/register").await;
    assert!(form.body.contains("href=\"/regeln\""));
    assert!(
        form.body.contains(
            "Ich habe die Netiquette und Nutzungsbedingungen gelesen und akzeptiere sie."
        )
    );
    let page = app
        .post(
            "/register",
            &[
                ("display_name", "Rita Regel"),
                ("email", "rita@example.org"),
                ("password", PASSWORD),
                ("password_confirm", PASSWORD),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("href=\"#f-rules\""), "{}", page.body);
    assert!(page.body.contains(
        "Bitte bestätigen Sie, dass Sie die Netiquette und Nutzungsbedingungen gelesen haben"
    ));
    assert!(page.body.contains("value=\"Rita Regel\""));
    assert!(page.body.contains("value=\"rita@example.org\""));
    assert!(!page.body.contains(PASSWORD));
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM users WHERE id > $1", 0)
            .await,
        0
    );
    // A tick stays ticked when something else needs fixing.
    let ticked = app
        .post(
            "/register",
            &[
                ("display_name", "Rita Regel"),
                ("email", "kein-at-zeichen"),
                ("password", PASSWORD),
                ("password_confirm", PASSWORD),
                ("rules", "1"),
            ],
        )
        .await;
    assert!(
        ticked.body.contains("value=\"1\" required checked"),
        "{}",
        ticked.body
    );
    assert!(!ticked.body.contains("href=\"#f-rules\""));
    // In English too.
    let token = app.csrf(&app.client).await;
    let english = app
        .client
        .post(app.url("/register"))
        .header("accept-language", "en")
        .form(&[
            ("csrf", token.as_str()),
            ("display_name", "Rita Rule"),
            ("email", "rita@example.org"),
            ("password", PASSWORD),
            ("password_confirm", PASSWORD),
        ])
        .send()
        .await
        .expect("post")
        .text()
        .await
        .expect("body");
    assert!(english.contains("Please confirm that you have read and accept"));

    let before = mitdenken::db::now();
    app.register("Rita Regel", "rita@example.org").await;
    let accepted: Option<i64> =
        sqlx::query_scalar("SELECT rules_accepted_at FROM users WHERE email = 'rita@example.org'")
            .fetch_one(&app.db.pool)
            .await
            .expect("read");
    assert!(accepted.is_some_and(|at| at >= before), "{accepted:?}");
    let data = app.get("/account/daten").await;
    assert!(
        data.body
            .contains("Netiquette und Nutzungsbedingungen akzeptiert"),
        "{}",
        data.body
    );
    let json = app.get("/account/daten.json").await;
    assert!(json.body.contains("rules_accepted_at"), "{}", json.body);
}

/// Accounts that `create-user` makes are confirmed and count as having accepted the rules
/// (the admin who creates them vouches); accounts from before the checkbox stay NULL.
#[tokio::test]
async fn create_user_accounts_are_confirmed_with_the_rules_accepted() {
    let app = spawn_app().await;
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_mitdenken"))
        .args([
            "create-user",
            "--email",
            "clara@example.org",
            "--name",
            "Clara Kommandozeile",
            "--role",
            "participant",
        ])
        .env("DATABASE_URL", &app.database_url)
        .env("MITDENKEN_PASSWORD", PASSWORD)
        .output()
        .expect("run mitdenken create-user");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (confirmed, accepted): (Option<i64>, Option<i64>) = sqlx::query_as(
        "SELECT email_confirmed_at, rules_accepted_at FROM users WHERE email = 'clara@example.org'",
    )
    .fetch_one(&app.db.pool)
    .await
    .expect("read");
    assert!(confirmed.is_some());
    assert!(accepted.is_some());
}

/// The confirmation link logs in like the password does: with the second factor, if the
/// person set one up before confirming (a mailed link alone must not get past it).
#[tokio::test]
async fn the_confirmation_link_does_not_get_past_the_second_factor() {
    let app = spawn_app().await;
    let browser = new_client();
    app.register_unconfirmed(&browser, "Zora Zweifaktor", "zora@example.org")
        .await
        .assert_redirect_to("/");
    app.enrol_two_factor(&browser).await;
    let link = app.confirmation_link("zora@example.org").await;
    let mail_program = new_client();
    app.get_with(&mail_program, &link)
        .await
        .assert_redirect_to("/login/code");
    let code_page = app.get_with(&mail_program, "/login/code?next=%2F").await;
    assert!(
        code_page.body.contains("Ihre E-Mail-Adresse ist bestätigt"),
        "{}",
        code_page.body
    );
    assert!(!code_page.body.contains("Konto (Zora Zweifaktor)"));
    assert_eq!(
        app.get_with(&mail_program, "/account").await.status,
        StatusCode::SEE_OTHER,
        "not logged in without the code"
    );
    let confirmed = app
        .scalar(
            "SELECT COUNT(*) FROM users WHERE email_confirmed_at IS NOT NULL AND id > $1",
            0,
        )
        .await;
    assert_eq!(confirmed, 1);
}
