//! The journeys of issue 13 as a person meets them: the home page, the cards' support
//! buttons, the idea's step bar.

use crate::helpers::*;
use mitdenken::domain::Role;

const BODY: &str = "Ältere Menschen lernen im **Seniorentreff** mit ehrenamtlichen Digitalpatinnen und \
    Digitalpaten, wie Videoanrufe, Online-Banking und die Termine beim Amt funktionieren. \
    Jede Woche zwei Stunden, mit Leihgeräten für alle, die noch keines haben.";

/// Rita registers (and stays logged in with the app's client) and submits one idea.
async fn rita_submits(app: &TestApp) -> i64 {
    app.register("Rita", "rita@example.org").await;
    app.submit_idea(
        "digitale-kompetenzen",
        "Digitalpaten im Seniorentreff",
        BODY,
    )
    .await
}

#[tokio::test]
async fn the_home_page_starts_with_one_call_to_action_and_the_four_steps() {
    let app = spawn_app().await;
    let home = app.get("/").await.body;
    assert!(home.contains("<h1 id=\"hero-title\">Ihre Idee für das digitale Leben</h1>"));
    assert_eq!(
        home.matches("class=\"button primary").count(),
        1,
        "one primary button on the home page"
    );
    assert!(home.contains("href=\"/ideas/new\""));
    for step in [
        "Idee einreichen",
        "Diskutieren und unterstützen",
        "Die Moderation leitet weiter",
        "Das Ministerium antwortet öffentlich",
    ] {
        assert!(home.contains(&format!("<h3>{step}</h3>")), "{step}");
    }
    // No answers yet: no empty section.
    assert!(!home.contains("Neueste Antworten des Ministeriums"));
    // The compact menu needs no script.
    assert!(home.contains("<details class=\"menu\">"));
    assert!(!home.contains("<script"));
}

#[tokio::test]
async fn the_ministrys_answer_reaches_the_home_page_once_per_idea() {
    let app = spawn_app().await;
    app.register("Rita", "rita@example.org").await;
    let idea = app
        .submit_idea(
            "digitale-kompetenzen",
            "Digitalpaten im Seniorentreff",
            BODY,
        )
        .await;
    let moderator = app
        .user("Moritz", "moritz@example.org", Role::Moderator)
        .await;
    let ministry = app
        .user("Referat 113", "referat@example.org", Role::Ministry)
        .await;
    for (client, to, note) in [
        (&moderator, "review", "Viele Unterstützungen."),
        (&moderator, "forwarded", "An Referat 113."),
        (
            &ministry,
            "accepted",
            "Wir fördern 20 Pilotstandorte ab 2027.",
        ),
        (
            &ministry,
            "in_progress",
            "Die ersten Standorte starten im Frühjahr.",
        ),
    ] {
        app.post_with(
            client,
            &format!("/ideas/{idea}/status"),
            &[("to", to), ("note", note)],
        )
        .await
        .assert_redirect_to(&format!("/ideas/{idea}"));
    }
    let home = app.get_with(&new_client(), "/").await.body;
    assert!(home.contains("Neueste Antworten des Ministeriums"));
    assert!(home.contains("Die ersten Standorte starten im Frühjahr."));
    assert!(
        !home.contains("Wir fördern 20 Pilotstandorte"),
        "only the newest answer of an idea"
    );
    // The idea page shows its road: four steps behind it, the answer current.
    let page = app
        .get_with(&new_client(), &format!("/ideas/{idea}"))
        .await
        .body;
    assert_eq!(page.matches("<li class=\"done\">").count(), 4);
    assert!(
        page.contains("<li class=\"current\" aria-current=\"step\">Antwort: In Umsetzung</li>")
    );
}

#[tokio::test]
async fn cards_carry_an_excerpt_and_a_support_button_that_comes_back_to_the_list() {
    let app = spawn_app().await;
    let id = rita_submits(&app).await;
    let list = "/themes/digitale-kompetenzen?sort=newest&status=";

    // Anonymous: a real button that leads through the login to the idea's support box.
    let anon = app.get_with(&new_client(), list).await.body;
    assert!(
        anon.contains("Ältere Menschen lernen im Seniorentreff mit"),
        "plain excerpt"
    );
    assert!(!anon.contains("**Seniorentreff**"));
    assert!(anon.contains(&format!(
        "href=\"/login?next=%2Fideas%2F{id}%23unterstuetzen\">Unterstützen<span class=\"visually-hidden\">: Digitalpaten im Seniorentreff</span></a>"
    )));
    let idea_page = app
        .get_with(&new_client(), &format!("/ideas/{id}"))
        .await
        .body;
    assert!(idea_page.contains(&format!(
        "class=\"button primary\" href=\"/login?next=%2Fideas%2F{id}%23unterstuetzen\">Unterstützen</a>"
    )));

    // Logged in: a form that supports and returns to the card.
    let sven = app
        .user("Sven", "sven@example.org", Role::Participant)
        .await;
    let page = app.get_with(&sven, list).await.body;
    assert!(page.contains(&format!("action=\"/ideas/{id}/support\"")));
    let back = format!("{list}#idee-{id}");
    app.post_with(&sven, &format!("/ideas/{id}/support"), &[("next", &back)])
        .await
        .assert_redirect_to(&back);
    let page = app.get_with(&sven, list).await.body;
    assert!(page.contains("Sie unterstützen diese Idee."));
    assert!(!page.contains(&format!("action=\"/ideas/{id}/support\"")));
    assert!(page.contains("1 Unterstützung"));

    // A return address off the site goes home instead; the idea page's own box is unchanged.
    let away = app
        .post_with(
            &sven,
            &format!("/ideas/{id}/unsupport"),
            &[("next", "//evil.example/")],
        )
        .await;
    assert_eq!(away.location.as_deref(), Some("/"));
    app.post_with(&sven, &format!("/ideas/{id}/support"), &[])
        .await
        .assert_redirect_to(&format!("/ideas/{id}?hinweis=unterstuetzt#unterstuetzen"));
}

#[tokio::test]
async fn english_pages_write_dates_with_the_months_name() {
    let app = spawn_app().await;
    let id = rita_submits(&app).await;
    let page = app.get(&format!("/ideas/{id}?lang=en")).await.body;
    let start = page.find("<time datetime=").expect("a date");
    let text = &page[page[start..].find('>').expect("tag end") + start + 1..];
    let text = &text[..text.find('<').expect("text end")];
    // "1 December 2026, 18:10": day, month name, year, clock.
    let words: Vec<&str> = text.split(' ').collect();
    assert_eq!(words.len(), 4, "{text}");
    assert!(
        words[0].parse::<u8>().is_ok_and(|d| (1..=31).contains(&d)),
        "{text}"
    );
    assert!(
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December"
        ]
        .contains(&words[1]),
        "{text}"
    );
    assert!(!text.contains('/'), "{text}");
    // German keeps the numeric form the tests and people know.
    let de = app.get(&format!("/ideas/{id}?lang=de")).await.body;
    assert!(de.contains(" Uhr</time>"));
}

#[tokio::test]
async fn the_demo_reads_right_trails_in_time_order_and_names_without_roles() {
    let app = spawn_app().await;
    mitdenken::seed::seed_demo(&app.db).await.expect("demo");
    // No step of a trail is older than the step before it, and each starts with "submitted".
    let out_of_order: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM idea_transitions a JOIN idea_transitions b
           ON a.idea_id = b.idea_id AND b.to_status = 'submitted' AND a.to_status <> 'submitted'
         WHERE a.created_at < b.created_at",
    )
    .fetch_one(&app.db.pool)
    .await
    .expect("count");
    assert_eq!(out_of_order, 0, "a step before the submission");
    let answered: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM idea_transitions WHERE to_status IN ('accepted', 'in_progress', 'rejected')",
    )
    .fetch_one(&app.db.pool)
    .await
    .expect("answers");
    assert!(answered > 0, "the demo has answers to show");
    // Roles are badges and organisations are organisations, never part of a name.
    let names: Vec<String> = sqlx::query_scalar("SELECT display_name FROM users")
        .fetch_all(&app.db.pool)
        .await
        .expect("names");
    for name in &names {
        assert!(
            !name.contains("(Moderation)") && !name.contains("(BMFSFJ)") && !name.contains("e.V."),
            "{name}"
        );
    }
}

#[tokio::test]
async fn the_support_box_says_how_support_counts_in_the_operators_words() {
    let app = spawn_app().await;
    let id = rita_submits(&app).await;
    let page = app.get(&format!("/ideas/{id}")).await.body;
    assert!(page.contains("Jeden Monat schaut sich die Moderation die Ideen mit den meisten"));

    let own = spawn_app_with(|c| {
        c.support_rule = Some("Ab 50 Unterstützungen prüft die Moderation die Idee.".into())
    })
    .await;
    let id = rita_submits(&own).await;
    let page = own.get(&format!("/ideas/{id}")).await.body;
    assert!(page.contains("Ab 50 Unterstützungen prüft die Moderation die Idee."));
    assert!(!page.contains("Jeden Monat schaut sich die Moderation"));
}

#[tokio::test]
async fn the_rules_are_one_page_in_both_languages_linked_where_people_publish() {
    let app = spawn_app().await;
    let de = app.get_with(&new_client(), "/regeln").await;
    assert_eq!(de.status, reqwest::StatusCode::OK);
    assert!(
        de.body
            .contains("<h1>Netiquette und Nutzungsbedingungen</h1>")
    );
    assert!(de.body.contains("Kritisieren Sie Ideen, nicht Menschen."));
    let en = app.get_with(&new_client(), "/regeln?lang=en").await.body;
    assert!(en.contains("<h1>Netiquette and terms of use</h1>"));
    assert!(en.contains("Criticise ideas, not people."));
    // Linked from registration, the footer of every page, and the comment form.
    let register = app.get_with(&new_client(), "/register").await.body;
    assert!(
        register.contains(
            "Es gelten unsere <a href=\"/regeln\">Netiquette und Nutzungsbedingungen</a>."
        )
    );
    let id = rita_submits(&app).await;
    let page = app.get(&format!("/ideas/{id}")).await.body;
    assert!(
        page.matches("href=\"/regeln\"").count() >= 2,
        "footer and comment form"
    );
}

#[tokio::test]
async fn a_past_workshop_leads_with_its_learnings_and_a_coming_one_with_registration() {
    let app = spawn_app().await;
    demo_board(&app).await;
    let past: i64 = sqlx::query_scalar("SELECT id FROM workshops WHERE title LIKE 'Sechste%'")
        .fetch_one(&app.db.pool)
        .await
        .expect("sixth");
    let page = app.get(&format!("/workshops/{past}")).await.body;
    let learnings = page.find("id=\"learnings\"").expect("learnings");
    let report = page.find("id=\"bericht-title\"").expect("report");
    let registration = page.find("id=\"anmeldung\"").expect("registration box");
    assert!(
        learnings < report && report < registration,
        "learnings first"
    );
    assert!(page.contains("<nav class=\"toc\""), "a table of contents");
    assert!(!page.contains(".ics\""), "no calendar file for the past");

    let coming: i64 = sqlx::query_scalar(
        "SELECT id FROM workshops WHERE starts_at > $1 ORDER BY starts_at LIMIT 1",
    )
    .bind(mitdenken::db::now())
    .fetch_one(&app.db.pool)
    .await
    .expect("a coming workshop");
    let page = app.get(&format!("/workshops/{coming}")).await.body;
    let registration = page.find("id=\"anmeldung\"").expect("registration box");
    let description = page
        .find("class=\"workshop-description\"")
        .expect("description");
    assert!(registration < description, "registration first");
    assert!(page.contains(&format!("href=\"/workshops/{coming}.ics\"")));
}

#[tokio::test]
async fn themes_speak_english_on_english_pages_and_mark_the_german_fallback() {
    let app = spawn_app().await;
    // The office's six are in German until a moderator translates them: English pages show
    // them marked as German.
    let en = app.get_with(&new_client(), "/?lang=en").await.body;
    assert!(en.contains("lang=\"de\">Digitale Ethik</a>"));
    let page = app
        .get_with(&new_client(), "/themes/digitale-ethik?lang=en")
        .await
        .body;
    assert!(page.contains("<h1 lang=\"de\">Digitale Ethik</h1>"));
    let de = app
        .get_with(&new_client(), "/themes/digitale-ethik")
        .await
        .body;
    assert!(de.contains("<h1>Digitale Ethik</h1>"));

    // A moderator's new theme: English where given, German marked as German where not.
    let moderator = app
        .user("Moritz", "moritz@example.org", Role::Moderator)
        .await;
    family_theme(&app, &moderator, "").await;
    let page = app
        .get_with(&new_client(), "/themes/daten-fuer-familien?lang=en")
        .await
        .body;
    assert!(page.contains("<h1>Data for families</h1>"));
    assert!(page.contains(
        "<div class=\"theme-description\" lang=\"de\"><p>Wie Daten den Alltag von Familien erleichtern können.</p>"
    ));
    let form = app
        .get_with(&moderator, "/themes/daten-fuer-familien/edit")
        .await
        .body;
    assert!(form.contains("value=\"Data for families\""));
    // A translation follows the German rules: one letter is no name.
    let refused = app
        .post_with(
            &moderator,
            "/themes/daten-fuer-familien/edit",
            &[
                ("name", "Daten für Familien"),
                ("slug", "daten-fuer-familien"),
                (
                    "description",
                    "Wie Daten den Alltag von Familien erleichtern können.",
                ),
                ("name_en", "D"),
                ("description_en", ""),
            ],
        )
        .await;
    assert_eq!(refused.status, reqwest::StatusCode::OK);
    assert!(
        refused.body.contains("href=\"#f-name_en\""),
        "the error names the field"
    );
}

#[tokio::test]
async fn the_status_form_preselects_no_decision() {
    let app = spawn_app().await;
    let id = rita_submits(&app).await;
    let moderator = app
        .user("Moritz", "moritz@example.org", Role::Moderator)
        .await;
    let page = app.get_with(&moderator, &format!("/ideas/{id}")).await.body;
    assert!(page.contains("<option value=\"\" selected>Bitte wählen</option>"));
    let sent = app
        .post_with(
            &moderator,
            &format!("/ideas/{id}/status"),
            &[("to", ""), ("note", "Passt.")],
        )
        .await;
    sent.assert_redirect_to(&format!("/ideas/{id}"));
    let page = app.get_with(&moderator, &format!("/ideas/{id}")).await.body;
    assert!(page.contains("Bitte wählen Sie zuerst den neuen Status aus"));
    assert!(page.contains("Status: Eingereicht"), "nothing changed");
}

/// The demo with its workshops, as `seed-demo` leaves a board.
async fn demo_board(app: &TestApp) {
    mitdenken::seed::seed_demo(&app.db).await.expect("demo");
    mitdenken::seed::demo_workshops::seed(&app.db)
        .await
        .expect("workshops");
}

/// A moderator creates "Daten für Familien" with the English name "Data for families".
async fn family_theme(app: &TestApp, moderator: &reqwest::Client, description_en: &str) {
    app.post_with(
        moderator,
        "/themes",
        &[
            ("name", "Daten für Familien"),
            ("slug", ""),
            (
                "description",
                "Wie Daten den Alltag von Familien erleichtern können.",
            ),
            ("name_en", "Data for families"),
            ("description_en", description_en),
        ],
    )
    .await
    .assert_redirect_to("/themes/daten-fuer-familien");
}

/// The text of a page's breadcrumb line, tags stripped.
fn breadcrumb_text(page: &str) -> String {
    let start = page
        .find("<nav class=\"breadcrumb\"")
        .expect("a breadcrumb");
    let end = start + page[start..].find("</nav>").expect("its end");
    let mut text = String::new();
    let mut in_tag = false;
    for c in page[start..end].chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

#[tokio::test]
async fn the_idea_page_shares_its_address_and_a_mail_without_third_parties() {
    let app = spawn_app().await;
    let id = rita_submits(&app).await;
    let page = app
        .get_with(&new_client(), &format!("/ideas/{id}"))
        .await
        .body;
    // The absolute address, to select and copy without any script.
    let url = app.url(&format!("/ideas/{id}"));
    assert!(
        page.contains("<label for=\"share-link\">Link zu dieser Idee</label>"),
        "a labelled field"
    );
    assert!(page.contains(&format!(
        "<input id=\"share-link\" type=\"text\" readonly value=\"{url}\""
    )));
    // The copy button only appears with our own script (same origin, allowed by the CSP).
    assert!(page.contains("<button class=\"share-copy\" type=\"button\" hidden"));
    assert!(page.contains(">Link kopieren</button>"));
    assert!(page.contains("<script src=\"/static/share.js?v="));
    let script = app
        .client
        .get(app.url("/static/share.js"))
        .send()
        .await
        .expect("script");
    assert_eq!(
        script.headers()["content-type"],
        "text/javascript; charset=utf-8"
    );
    assert!(script.text().await.expect("text").contains("data-copy"));
    // The reader's own mail program, with subject and link; spaces as %20, not "+".
    let encoded_url = url.replace(':', "%3A").replace('/', "%2F");
    assert!(page.contains(&format!(
        "href=\"mailto:?subject=Idee%20auf%20Mitdenken%3A%20Digitalpaten%20im%20Seniorentreff&amp;body=Diese%20Idee%20auf%20Mitdenken%20k%C3%B6nnte%20Sie%20interessieren%3A%20{encoded_url}\">Per E-Mail teilen</a>"
    )));
    // No other site is asked.
    for third in ["facebook", "twitter", "x.com", "whatsapp", "linkedin"] {
        assert!(!page.contains(third), "{third}");
    }

    // Behind a proxy the configured address counts, not the Host header.
    let behind = spawn_app_with(|c| c.base_url = Some("https://mitdenken.example.de".into())).await;
    let id = rita_submits(&behind).await;
    let page = behind.get(&format!("/ideas/{id}")).await.body;
    assert!(page.contains(&format!(
        "readonly value=\"https://mitdenken.example.de/ideas/{id}\""
    )));
    let english = behind.get(&format!("/ideas/{id}?lang=en")).await.body;
    assert!(english.contains(">Copy link</button>"));
    assert!(english.contains(">Share by e-mail</a>"));
}

#[tokio::test]
async fn a_hidden_idea_offers_nothing_to_share() {
    let app = spawn_app().await;
    let id = rita_submits(&app).await;
    let moderator = app
        .user("Moritz", "moritz@example.org", Role::Moderator)
        .await;
    app.post_with(
        &moderator,
        &format!("/moderation/ideas/{id}/hide"),
        &[("reason", "offtopic"), ("note", "Passt nicht zum Thema.")],
    )
    .await;
    let page = app
        .get_with(&new_client(), &format!("/ideas/{id}"))
        .await
        .body;
    assert!(page.contains("Von der Moderation ausgeblendet"));
    assert!(!page.contains("id=\"share-link\""));
}

#[tokio::test]
async fn english_theme_names_follow_the_idea_everywhere_with_german_marked_where_missing() {
    let app = spawn_app().await;
    let moderator = app
        .user("Moritz", "moritz@example.org", Role::Moderator)
        .await;
    family_theme(&app, &moderator, "How data can make family life easier.").await;
    app.register("Rita", "rita@example.org").await;
    let id = app
        .submit_idea("daten-fuer-familien", "Digitalpaten im Seniorentreff", BODY)
        .await;
    let anon = new_client();
    let en = app
        .get_with(&anon, &format!("/ideas/{id}?lang=en"))
        .await
        .body;
    assert_eq!(breadcrumb_text(&en), "ThemesData for families");
    assert!(
        en.contains("in the theme <a href=\"/themes/daten-fuer-familien\">Data for families</a>")
    );
    assert!(!en.contains("Daten für Familien"), "no German name left");
    let de = app
        .get_with(&new_client(), &format!("/ideas/{id}"))
        .await
        .body;
    assert!(de.contains("<a href=\"/themes/daten-fuer-familien\">Daten für Familien</a>"));
    // The filters of the lists and the search, the idea form, the author's profile.
    for path in [
        "/ideen?lang=en",
        "/suche?q=Seniorentreff&lang=en",
        "/ideas/new?lang=en",
    ] {
        let page = app.get(path).await.body;
        assert!(
            page.contains("<option value=\"daten-fuer-familien\">Data for families</option>")
                || page.contains(
                    "<option value=\"daten-fuer-familien\" selected>Data for families</option>"
                ),
            "{path}"
        );
        assert!(
            page.contains("<option value=\"digitale-ethik\" lang=\"de\">Digitale Ethik</option>"),
            "{path}: the German fallback is marked"
        );
    }
    let rita: i64 = app
        .scalar("SELECT author_id FROM ideas WHERE id = $1", id)
        .await;
    let profile = app.get(&format!("/users/{rita}?lang=en")).await.body;
    assert!(profile.contains("Data for families"));
    // The theme's feed and its entries' category in the feed's language.
    let feed = app
        .get_with(&anon, "/feeds/themen/daten-fuer-familien.atom?lang=en")
        .await
        .body;
    assert!(feed.contains("Data for families"), "{feed}");
    assert!(!feed.contains("Daten für Familien"), "{feed}");
    let feed = app.get_with(&anon, "/feeds/ideen.atom?lang=en").await.body;
    assert!(feed.contains("term=\"Data for families\""), "{feed}");
    let feed = app.get_with(&new_client(), "/feeds/ideen.atom").await.body;
    assert!(feed.contains("term=\"Daten für Familien\""), "{feed}");

    // A theme without an English name: German, marked as such, on the idea page too.
    let other = app
        .submit_idea("digitale-ethik", "Ethikrat für Algorithmen in Ämtern", BODY)
        .await;
    let en = app
        .get_with(&anon, &format!("/ideas/{other}?lang=en"))
        .await
        .body;
    assert!(en.contains("<a href=\"/themes/digitale-ethik\" lang=\"de\">Digitale Ethik</a>"));
}

#[tokio::test]
async fn breadcrumbs_never_end_with_a_separator() {
    let app = spawn_app().await;
    let id = rita_submits(&app).await;
    let moderator = app
        .user("Moritz", "moritz@example.org", Role::Moderator)
        .await;
    let pages = [
        app.get(&format!("/ideas/{id}")).await.body,
        app.get("/themes/digitale-kompetenzen").await.body,
        app.get_with(&moderator, "/themes/digitale-kompetenzen/tags")
            .await
            .body,
    ];
    for page in &pages {
        let text = breadcrumb_text(page);
        let text = text.trim();
        assert!(!text.is_empty());
        assert!(
            !text.ends_with(['/', '›', '>', '»', '|']),
            "breadcrumb ends with a separator: {text}"
        );
    }
    // The separators are drawn between items only, never after the last.
    let css = app.get("/static/app.css").await.body;
    assert!(css.contains(".breadcrumb li + li::before"));
    assert!(!css.contains(".breadcrumb li::after"));
}

#[tokio::test]
async fn a_number_before_a_noun_takes_its_plural_form() {
    let app = spawn_app_with(|c| c.feedback_retention_days = 1).await;
    rita_submits(&app).await;
    let home = app.get_with(&new_client(), "/").await.body;
    assert!(home.contains("<strong>1</strong> Idee</li>"), "{home}");
    assert!(home.contains("<strong>0</strong> Antworten des Ministeriums</li>"));
    let home = app.get_with(&new_client(), "/?lang=en").await.body;
    assert!(home.contains("<strong>1</strong> idea</li>"));
    assert!(home.contains("<strong>0</strong> responses from the ministry</li>"));
    let privacy = app.get_with(&new_client(), "/datenschutz").await.body;
    assert!(privacy.contains("Rückmeldungen zu Barrieren werden nach 1 Tag gelöscht."));
}

/// The `datetime` values of the trail on an idea page, in page order.
fn trail_times(page: &str) -> Vec<String> {
    let Some(start) = page.find("id=\"verlauf\"") else {
        return Vec::new();
    };
    let end = start
        + page[start..]
            .find("</section>")
            .unwrap_or(page.len() - start);
    page[start..end]
        .split("datetime=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next().map(str::to_string))
        .collect()
}

#[tokio::test]
async fn every_demo_page_reads_right_roles_once_and_trails_in_time_order() {
    let app = spawn_app().await;
    demo_board(&app).await;
    let mut paths: Vec<String> = ["/", "/ideen", "/workshops", "/suche?q=Daten"]
        .iter()
        .map(|p| p.to_string())
        .collect();
    let ideas: Vec<i64> = sqlx::query_scalar("SELECT id FROM ideas ORDER BY id")
        .fetch_all(&app.db.pool)
        .await
        .expect("ideas");
    for table in ["themes", "workshops", "users"] {
        let sql = match table {
            "themes" => "SELECT '/themes/' || slug FROM themes",
            "workshops" => "SELECT '/workshops/' || CAST(id AS TEXT) FROM workshops",
            _ => "SELECT '/users/' || CAST(id AS TEXT) FROM users",
        };
        let more: Vec<String> = sqlx::query_scalar(sql)
            .fetch_all(&app.db.pool)
            .await
            .expect(table);
        paths.extend(more);
    }
    paths.extend(ideas.iter().map(|id| format!("/ideas/{id}")));
    let mut trails = 0;
    for lang in ["", "en"] {
        for path in &paths {
            let sep = if path.contains('?') { '&' } else { '?' };
            let url = if lang.is_empty() {
                path.clone()
            } else {
                format!("{path}{sep}lang={lang}")
            };
            let page = app.get_with(&new_client(), &url).await;
            assert_eq!(page.status, reqwest::StatusCode::OK, "{url}");
            for doubled in [
                "(Moderation) (Moderation)",
                "(Ministerium) (Ministerium)",
                "(Moderation) <span class=\"badge role\">Moderation",
                "(Moderators) (Moderators)",
                "(Ministry) (Ministry)",
            ] {
                assert!(!page.body.contains(doubled), "{url}: {doubled}");
            }
            // Organisations are organisations, never part of a person's name.
            assert!(!page.body.contains("– BMFSFJ"), "{url}");
            let times = trail_times(&page.body);
            if !times.is_empty() {
                trails += 1;
                let mut sorted = times.clone();
                sorted.sort();
                assert_eq!(times, sorted, "{url}: the trail in time order");
            }
            assert!(
                !page.body.contains("Skeptiker*innen"),
                "{url}: pair forms, no gender star"
            );
            // A space between a link and the words around it ("Jetzt registrieren und
            // mitmachen" ran into the sentence before).
            for (at, _) in page.body.match_indices("<a ") {
                let before = page.body[..at].chars().next_back().unwrap_or(' ');
                assert!(
                    !before.is_alphanumeric(),
                    "{url}: no space before a link: {}",
                    &page.body[at.saturating_sub(40)..at + 3]
                );
            }
            for (at, tag) in page.body.match_indices("</a>") {
                let after = page.body[at + tag.len()..].chars().next().unwrap_or(' ');
                assert!(
                    !after.is_alphanumeric(),
                    "{url}: no space after a link: {}",
                    &page.body[at..(at + 40).min(page.body.len())]
                );
            }
        }
    }
    assert!(trails >= ideas.len(), "every idea page has its trail");
}

#[tokio::test]
async fn a_past_online_workshop_shows_no_join_link_even_to_moderators() {
    let app = spawn_app().await;
    demo_board(&app).await;
    sqlx::query("UPDATE workshops SET location = 'https://meet.example.org/raum' WHERE title LIKE 'Sechste%'")
        .execute(&app.db.pool)
        .await
        .expect("a join link");
    let past: i64 = sqlx::query_scalar("SELECT id FROM workshops WHERE title LIKE 'Sechste%'")
        .fetch_one(&app.db.pool)
        .await
        .expect("sixth");
    let moderator = app
        .user("Moritz", "moritz@example.org", Role::Moderator)
        .await;
    let page = app
        .get_with(&moderator, &format!("/workshops/{past}"))
        .await
        .body;
    assert!(page.contains("id=\"learnings\""));
    assert!(!page.contains("meet.example.org"), "no join link");
    assert!(!page.contains("<dt>Teilnahme</dt>"));
    assert!(!page.contains(".ics\""), "no calendar file");
}

#[tokio::test]
async fn the_api_gives_a_themes_english_texts_or_null() {
    let app = spawn_app().await;
    let moderator = app
        .user("Moritz", "moritz@example.org", Role::Moderator)
        .await;
    family_theme(&app, &moderator, "How data can make family life easier.").await;
    let body = app.get_with(&new_client(), "/api/v1/themes").await.body;
    let themes: serde_json::Value = serde_json::from_str(&body).expect("json");
    let items = themes["items"].as_array().expect("items");
    let family = items
        .iter()
        .find(|t| t["slug"] == "daten-fuer-familien")
        .expect("the new theme");
    assert_eq!(family["name_en"], "Data for families");
    assert_eq!(
        family["description_en"],
        "How data can make family life easier."
    );
    let ethics = items
        .iter()
        .find(|t| t["slug"] == "digitale-ethik")
        .expect("an office theme");
    assert!(ethics["name_en"].is_null() && ethics["description_en"].is_null());
}
