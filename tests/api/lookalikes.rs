//! Names, titles and addresses that look like something else (issue 10, finding 9): bidi
//! overrides, invisible names, Cyrillic look-alikes, role names and e-mail variants.

use crate::helpers::{new_client, spawn_app};
use mitdenken::domain::Role;
use reqwest::StatusCode;

const BODY: &str = "Eine ausführliche Beschreibung, damit die Idee lang genug ist.";

async fn users(app: &crate::helpers::TestApp) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM users")
        .fetch_one(&app.db.pool)
        .await
        .expect("count users")
}

#[tokio::test]
async fn a_bidi_override_in_a_name_is_refused_and_what_was_typed_stays() {
    let app = spawn_app().await;
    // The override would reverse the date printed after the name.
    let typed = "Anna \u{202E}Beispiel";
    let page = app
        .register_with(&app.client, typed, "anna@example.org")
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("unsichtbare Steuerzeichen"),
        "{}",
        page.body
    );
    assert!(page.body.contains(&format!("value=\"{typed}\"")));
    assert_eq!(users(&app).await, 0);

    // The same on the name form of an existing account.
    app.register("Anna Beispiel", "anna@example.org").await;
    let page = app
        .post(
            "/account/name",
            &[("display_name", "Anna \u{2067}Beispiel\u{2069}")],
        )
        .await;
    assert!(page.body.contains("unsichtbare Steuerzeichen"));
    assert!(
        page.body
            .contains("value=\"Anna \u{2067}Beispiel\u{2069}\"")
    );
    let stored: String = sqlx::query_scalar("SELECT display_name FROM users")
        .fetch_one(&app.db.pool)
        .await
        .expect("name");
    assert_eq!(stored, "Anna Beispiel");
}

#[tokio::test]
async fn a_bidi_override_in_a_title_is_refused_and_what_was_typed_stays() {
    let app = spawn_app().await;
    app.register("Bernd", "bernd@example.org").await;
    let title = "Mehr Bänke \u{202E}im Park";
    let page = app
        .post(
            "/ideas",
            &[
                ("theme", "digitale-ethik"),
                ("title", title),
                ("body", BODY),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("unsichtbare Steuerzeichen"),
        "{}",
        page.body
    );
    assert!(page.body.contains(title));
    // In a description the override is refused too; zero-width spaces are only removed.
    let page = app
        .post(
            "/ideas",
            &[
                ("theme", "digitale-ethik"),
                ("title", "Mehr Bänke im Park"),
                ("body", &format!("{BODY} \u{202E}2026-01-01")),
            ],
        )
        .await;
    assert!(
        page.body.contains("Schreibrichtung umkehren"),
        "{}",
        page.body
    );
    let id = app
        .submit_idea(
            "digitale-ethik",
            "Mehr Bänke im Park",
            &format!("{BODY}\u{200B}\u{FEFF}"),
        )
        .await;
    let body: String = sqlx::query_scalar("SELECT body FROM ideas WHERE id = $1")
        .bind(id)
        .fetch_one(&app.db.pool)
        .await
        .expect("body");
    assert_eq!(body, BODY);
}

#[tokio::test]
async fn invisible_names_are_refused() {
    let app = spawn_app().await;
    for (n, name) in [
        "\u{200B}\u{200B}\u{200B}",
        "\u{3164}\u{3164}",
        "⠀⠀⠀",
        "\u{2060}\u{FEFF}",
    ]
    .into_iter()
    .enumerate()
    {
        let page = app
            .register_with(&new_client(), name, &format!("leer{n}@example.org"))
            .await;
        assert_eq!(page.status, StatusCode::OK, "{name:?}");
        assert!(
            page.body.contains("unsichtbare") || page.body.contains("Steuerzeichen"),
            "{name:?}: {}",
            page.body
        );
    }
    assert_eq!(users(&app).await, 0);
}

#[tokio::test]
async fn look_alikes_of_names_and_roles_are_refused() {
    let app = spawn_app().await;
    // The admin account as an admin would create it (create-user / seed-demo): staff may
    // carry a role in their name.
    app.user("Admin Innovationsbüro", "admin@example.org", Role::Admin)
        .await;
    app.register("Sascha Becker", "sascha@example.org").await;

    for (name, says) in [
        // A Cyrillic "А" in an otherwise Latin word.
        ("\u{0410}dmin Innovationsbüro", "mischt Buchstaben"),
        // The whole word Cyrillic (Ѕ, а, ѕ, с, һ, а), so it is one script and still the same picture.
        (
            "\u{0405}\u{0430}\u{0455}\u{0441}\u{04BB}\u{0430} Becker",
            "zum Verwechseln ähnlich",
        ),
        ("sascha  becker", "zum Verwechseln ähnlich"),
        ("Admin", "nach einer Rolle"),
        ("Paula (Moderation)", "nach einer Rolle"),
        ("Paula (Mod)", "nach einer Rolle"),
        ("M0derator Paul", "nach einer Rolle"),
        ("Bundesministerium", "nach einer Rolle"),
        ("Referat – BMFSFJ", "nach einer Rolle"),
        ("Innovationsbuero", "nach einer Rolle"),
    ] {
        let client = new_client();
        let page = app.register_with(&client, name, "paula@example.org").await;
        assert_eq!(page.status, StatusCode::OK, "{name} was accepted");
        assert!(page.body.contains(says), "{name}: {}", page.body);
        assert!(page.body.contains(&format!("value=\"{name}\"")), "{name}");
    }
    assert_eq!(users(&app).await, 2);

    // Changing one's name later meets the same rules; one's own name does not count.
    app.register("Paula", "paula@example.org").await;
    let page = app
        .post("/account/name", &[("display_name", "Paula (Moderation)")])
        .await;
    assert!(page.body.contains("nach einer Rolle"));
    let page = app
        .post("/account/name", &[("display_name", "SASCHA BECKER")])
        .await;
    assert!(page.body.contains("zum Verwechseln ähnlich"));
    app.post("/account/name", &[("display_name", "PAULA")])
        .await
        .assert_redirect_to("/account");

    // A moderator may say so in the name.
    let moderator = app
        .user("Moritz", "moritz@example.org", Role::Moderator)
        .await;
    app.post_with(
        &moderator,
        "/account/name",
        &[("display_name", "Moritz (Moderation)")],
    )
    .await
    .assert_redirect_to("/account");
}

#[tokio::test]
async fn organisation_look_alikes_and_role_names_are_refused() {
    let app = spawn_app().await;
    app.register("Olga", "olga@example.org").await;
    let org = |name: &'static str| {
        [
            ("name", name),
            ("website", ""),
            ("description", "Wir machen Nachbarschaft digital."),
        ]
    };
    app.post("/organisations", &org("Kiezhelden e.V."))
        .await
        .assert_redirect_to("/organisations/");
    for (name, says) in [
        ("Kiezhelden  E.V.", "zum Verwechseln ähnlich"),
        ("Kiezh\u{0435}lden e.V.", "mischt Buchstaben"),
        ("Familienministerium", "Stelle der Plattform"),
        ("Innovationsbüro Digitales Leben", "Stelle der Plattform"),
    ] {
        let page = app.post("/organisations", &org(name)).await;
        assert_eq!(page.status, StatusCode::OK, "{name} was accepted");
        assert!(page.body.contains(says), "{name}: {}", page.body);
        assert!(page.body.contains(&format!("value=\"{name}\"")));
    }
    let orgs: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM organisations")
        .fetch_one(&app.db.pool)
        .await
        .expect("count");
    assert_eq!(orgs, 1);
}

#[tokio::test]
async fn names_in_arabic_turkish_and_other_scripts_register() {
    let app = spawn_app().await;
    for (n, name) in [
        "محمد الأحمد",
        "Ayşe Yılmaz",
        "İbrahim Çelik",
        "Jörg Müller-Lüdenscheidt",
        "مریم می‌خواهد",
        "Анна Иванова",
        "Lena 👩🏽‍💻",
    ]
    .into_iter()
    .enumerate()
    {
        let client = new_client();
        app.register_with(&client, name, &format!("person{n}@example.org"))
            .await
            .assert_redirect_to("/");
        let home = app.get_with(&client, "/").await;
        assert!(home.body.contains(name), "{name}");
    }
}

/// The variants of "anna.müller@beispiel.de" that looked like it and registered as new
/// accounts: case, fullwidth letters and "@", Cyrillic letters in the name and the domain,
/// zero-width space, decomposed umlaut, soft hyphen, BOM, dotless i.
#[tokio::test]
async fn email_look_alikes_do_not_become_a_second_account() {
    let app = spawn_app().await;
    app.register("Anna Müller", "anna.müller@beispiel.de").await;
    let variants = [
        "ANNA.MÜLLER@BEISPIEL.DE",
        "ａｎｎａ.ｍüｌｌｅｒ@ｂｅｉｓｐｉｅｌ.ｄｅ",
        "anna.müller＠beispiel.de",
        "\u{0430}nna.müller@beispiel.de",
        "anna.müller@b\u{0435}ispiel.de",
        "an\u{200B}na.müller@beispiel.de",
        "anna.mu\u{0308}ller@beispiel.de",
        "anna.mü\u{00AD}ller@beispiel.de",
        "\u{FEFF}anna.müller@beispiel.de",
        "ann\u{0430}.müller@beispiel.de",
        "anna.mü\u{0131}ler@beispiel.de",
    ];
    // The same variants on a board where the address has no account: the answer must be
    // the same, so that no variant tells whether the address is taken.
    let empty = spawn_app().await;
    for (n, email) in variants.into_iter().enumerate() {
        let name = format!("Zweitkonto {n}");
        let page = app.post_register(&new_client(), &name, email).await;
        let elsewhere = empty.post_register(&new_client(), &name, email).await;
        assert_eq!(page.status, elsewhere.status, "{email:?}");
        assert_eq!(page.location, elsewhere.location, "{email:?}");
        let refused = page.body.contains("nur wie andere aussehen");
        assert_eq!(
            refused,
            elsewhere.body.contains("nur wie andere aussehen"),
            "{email:?}"
        );
        // Either the neutral answer of every registration, or the refusal of a spelling
        // that only looks like an address (whoever has an account).
        assert!(
            page.location.as_deref() == Some(crate::helpers::SENT_PAGE) || refused,
            "{email:?}: {} {}",
            page.status,
            page.body
        );
        assert!(!page.body.contains("bereits ein Konto"), "{email:?}");
    }
    assert_eq!(users(&app).await, 1);
    // Anna hears that someone tried (once: the notice is not repeated for every attempt).
    assert_eq!(
        app.mails_of_kind("anna.müller@beispiel.de", "already_registered")
            .await,
        1
    );
    // The one account is reachable however the keyboard spells the address.
    app.login_with(
        &new_client(),
        "ANNA.MU\u{0308}LLER@beispiel.de",
        crate::helpers::PASSWORD,
    )
    .await
    .assert_redirect_to("/");
}

/// Accounts from before migration 0008 have no look-alike key until the program computes it
/// at the next start; from then on their names are protected too.
#[tokio::test]
async fn names_from_before_the_migration_get_their_key_at_start() {
    let app = spawn_app().await;
    app.register("Sascha Becker", "sascha@example.org").await;
    sqlx::query("UPDATE users SET name_skeleton = NULL")
        .execute(&app.db.pool)
        .await
        .expect("forget the keys");
    app.db.migrate().await.expect("migrate again");
    let page = app
        .register_with(
            &new_client(),
            "\u{0405}\u{0430}\u{0455}\u{0441}\u{04BB}\u{0430} Becker",
            "zweit@example.org",
        )
        .await;
    assert!(
        page.body.contains("zum Verwechseln ähnlich"),
        "{}",
        page.body
    );
    assert_eq!(users(&app).await, 1);
}

/// `create-user` follows the same rules: an admin may give staff their role in the name, but
/// not a participant, and no account a look-alike of another's.
#[tokio::test]
async fn create_user_lets_staff_carry_their_role_but_not_look_alikes() {
    let app = spawn_app().await;
    let run = |email: &str, name: &str, role: &str| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_mitdenken"))
            .args([
                "create-user",
                "--email",
                email,
                "--name",
                name,
                "--role",
                role,
            ])
            .env("DATABASE_URL", &app.database_url)
            .env("MITDENKEN_PASSWORD", crate::helpers::PASSWORD)
            .output()
            .expect("run mitdenken create-user");
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stderr).to_string(),
        )
    };
    let (ok, err) = run("jana@example.org", "Jana Köhler (Moderation)", "moderator");
    assert!(ok, "{err}");
    let (ok, err) = run("paul@example.org", "Paul (Moderation)", "participant");
    assert!(!ok);
    assert!(err.contains("nach einer Rolle"), "{err}");
    let (ok, err) = run(
        "jana2@example.org",
        "JANA KÖHLER  (Moderation)",
        "moderator",
    );
    assert!(!ok);
    assert!(err.contains("zum Verwechseln ähnlich"), "{err}");
    assert_eq!(users(&app).await, 1);
}
