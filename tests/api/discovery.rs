//! `/ideen` and the theme lists walk keyset pages (every idea exactly once, in order, ties
//! included, forwards and back), filter by theme, status and tag; tags are kept by
//! moderators and picked by authors; similar ideas show while writing, with or without
//! script; nothing hidden, withdrawn or merged is ever listed or suggested.

use crate::helpers::{TestApp, new_client, spawn_app};
use mitdenken::domain::Role;
use reqwest::StatusCode;

const THEME: &str = "chancengerechtigkeit";
const OTHER: &str = "digitale-kompetenzen";

/// The ids of the cards of a list page, in order.
fn card_ids(body: &str) -> Vec<i64> {
    let Some(start) = body.find("<ol class=\"idea-list\">") else {
        return Vec::new();
    };
    let list = &body[start
        ..body[start..]
            .find("</ol>")
            .map_or(body.len(), |e| start + e)];
    // Each card: `<article class="idea-card" …><h3><a href="/ideas/N">`.
    list.split("<article class=\"idea-card\"")
        .skip(1)
        .filter_map(|card| {
            let rest = card.split("<h3><a href=\"/ideas/").nth(1)?;
            rest.split('"').next()?.parse().ok()
        })
        .collect()
}

/// The address of the page's `rel` ("next" or "prev") link, unescaped.
fn link(body: &str, rel: &str) -> Option<String> {
    let marker = format!("<a rel=\"{rel}\" href=\"");
    let at = body.find(&marker)? + marker.len();
    Some(body[at..].split('"').next()?.replace("&amp;", "&"))
}

/// Follows "next" from `start` to the end, then "prev" back to the start; returns the ids
/// seen going forwards and checks the way back shows the same pages.
async fn walk(app: &TestApp, start: &str) -> Vec<i64> {
    let mut pages: Vec<Vec<i64>> = Vec::new();
    let mut url = start.to_string();
    let mut last_body;
    loop {
        let page = app.get_with(&new_client(), &url).await;
        assert_eq!(page.status, StatusCode::OK, "{url}");
        let ids = card_ids(&page.body);
        assert!(!ids.is_empty(), "{url} has cards");
        assert!(ids.len() <= 20);
        pages.push(ids);
        assert!(
            page.body.contains(&format!("Seite {} von", pages.len())) || pages.len() == 1,
            "{url}: the page knows its number"
        );
        last_body = page.body;
        match link(&last_body, "next") {
            Some(next) => {
                assert!(!next.contains("OFFSET") && next.contains("nach="), "{next}");
                url = next;
            }
            None => break,
        }
        assert!(pages.len() < 100, "the walk ends");
    }
    // And back again, page by page.
    let mut n = pages.len();
    while let Some(prev) = link(&last_body, "prev") {
        n -= 1;
        let page = app.get_with(&new_client(), &prev).await;
        assert_eq!(
            card_ids(&page.body),
            pages[n - 1],
            "back to page {n}: {prev}"
        );
        last_body = page.body;
    }
    assert_eq!(n, 1, "back at the first page");
    pages.concat()
}

async fn ids(app: &TestApp, sql: &str) -> Vec<i64> {
    sqlx::query_scalar(sql)
        .fetch_all(&app.db.pool)
        .await
        .expect("expected order")
}

/// 47 ideas in two themes with many equal sort values: five creation times, three support
/// and comment counts, and supports this week for some of them.
async fn many_ideas_with_ties(app: &TestApp) -> Vec<i64> {
    app.register("Erika Muster", "erika@example.org").await;
    let mut all = Vec::new();
    for n in 0..47 {
        let theme = if n % 3 == 0 { OTHER } else { THEME };
        let id = app
            .submit_idea(
                theme,
                &format!("Idee Nummer {n:02}"),
                "Eine Beschreibung mit genug Text.",
            )
            .await;
        all.push(id);
    }
    for (k, id) in all.iter().enumerate() {
        sqlx::query(
            "UPDATE ideas SET created_at = 1700000000 + $1, support_count = $2,
                              comment_count = $3 WHERE id = $4",
        )
        .bind((k % 5) as i64 * 60)
        .bind((k % 3) as i64)
        .bind((k % 4 == 0) as i64)
        .bind(id)
        .execute(&app.db.pool)
        .await
        .unwrap();
    }
    for n in 0..3 {
        app.user(
            &format!("Fan {n}"),
            &format!("fan{n}@example.org"),
            Role::Participant,
        )
        .await;
    }
    let fan_ids: Vec<i64> = ids(
        app,
        "SELECT id FROM users WHERE email LIKE 'fan%' ORDER BY id",
    )
    .await;
    // Ideas 0..25 supported this week by one, two or three fans.
    for (k, id) in all.iter().take(25).enumerate() {
        for fan in fan_ids.iter().take(k % 3 + 1) {
            sqlx::query(
                "INSERT INTO supports (idea_id, user_id, theme_id, created_at)
                 SELECT id, $1, theme_id, $2 FROM ideas WHERE id = $3",
            )
            .bind(fan)
            .bind(mitdenken::db::now() - 3600)
            .bind(id)
            .execute(&app.db.pool)
            .await
            .unwrap();
            // The trend's maintained count, as a support through the site raises it.
            sqlx::query("UPDATE ideas SET trend_count = trend_count + 1 WHERE id = $1")
                .bind(id)
                .execute(&app.db.pool)
                .await
                .unwrap();
        }
    }
    all
}

#[tokio::test]
async fn keyset_pages_cover_every_idea_once_in_order_even_with_ties() {
    let app = spawn_app().await;
    let all = many_ideas_with_ties(&app).await;
    assert_eq!(all.len(), 47);

    let order = |sort: &str| match sort {
        "neueste" => "i.created_at DESC, i.id DESC",
        "unterstuetzung" => "i.support_count DESC, i.created_at DESC, i.id DESC",
        _ => "i.comment_count DESC, i.created_at DESC, i.id DESC",
    };
    for sort in ["neueste", "unterstuetzung", "diskutiert"] {
        let expected = ids(
            &app,
            &format!(
                "SELECT i.id FROM ideas i WHERE i.listed = 1 ORDER BY {}",
                order(sort)
            ),
        )
        .await;
        assert_eq!(expected.len(), 47);
        assert_eq!(
            walk(&app, &format!("/ideen?sort={sort}")).await,
            expected,
            "/ideen {sort}"
        );

        let theme_id = app
            .scalar(
                "SELECT id FROM themes WHERE slug = 'chancengerechtigkeit' AND $1 = 0",
                0,
            )
            .await;
        let expected = ids(
            &app,
            &format!(
                "SELECT i.id FROM ideas i WHERE i.listed = 1 AND i.theme_id = {theme_id}
                 ORDER BY {}",
                order(sort)
            ),
        )
        .await;
        assert_eq!(expected.len(), 31);
        assert_eq!(
            walk(&app, &format!("/themes/{THEME}?sort={sort}")).await,
            expected,
            "theme {sort}"
        );
        // The theme filter of /ideen gives the same list.
        assert_eq!(
            walk(&app, &format!("/ideen?sort={sort}&theme={THEME}")).await,
            expected
        );
    }

    // "Im Trend": supports of the last seven days, ties broken by all supports, then id.
    let expected = ids(
        &app,
        "SELECT i.id FROM ideas i JOIN (SELECT idea_id, COUNT(*) AS recent FROM supports
           GROUP BY idea_id) r ON r.idea_id = i.id
         WHERE i.listed = 1 ORDER BY r.recent DESC, i.support_count DESC, i.id DESC",
    )
    .await;
    assert_eq!(expected.len(), 25);
    assert_eq!(walk(&app, "/ideen?sort=trend").await, expected);
    let page = app.get("/ideen?sort=trend").await;
    assert!(page.body.contains("25"), "the trend count");

    // Counts and the first page's address stay plain.
    let first = app.get("/ideen").await;
    assert!(first.body.contains("Seite 1 von 3"), "{}", first.body);
    assert!(first.body.contains("47 Ideen"), "count");
    assert!(link(&first.body, "prev").is_none());

    // Odd keys fall back to the first page, never an error; a key past the end is empty.
    for q in [
        "nach=abc",
        "nach=1.2.3.4.5",
        "vor=-1.2",
        "nach=%00",
        "nach=1.2&vor=3.4",
    ] {
        let p = app.get(&format!("/ideen?sort=neueste&{q}")).await;
        assert!(
            p.status == StatusCode::OK || p.status == StatusCode::BAD_REQUEST,
            "{q}"
        );
        assert!(p.body.contains("<html lang=\"de\">"), "{q}");
    }
    let past = app.get("/ideen?sort=neueste&page=9&nach=1.1").await;
    assert!(card_ids(&past.body).is_empty());
    assert!(past.body.contains("keine Ideen mehr"), "{}", past.body);
}

#[tokio::test]
async fn lists_filter_by_theme_status_and_tag_and_never_show_hidden_withdrawn_or_merged() {
    let app = spawn_app().await;
    app.register("Erika Muster", "erika@example.org").await;
    let a = app
        .submit_idea(
            THEME,
            "Lesepaten im Stadtteil",
            "Ehrenamtliche lesen mit Kindern.",
        )
        .await;
    let b = app
        .submit_idea(
            THEME,
            "Dorfladen mit Café",
            "Treffpunkt auf dem Land für alle.",
        )
        .await;
    let c = app
        .submit_idea(
            OTHER,
            "Tablet-Kurse im Dorf",
            "Digitale Hilfe auf dem Land.",
        )
        .await;
    let moderator = app
        .user("Jana Moderation", "jana@example.org", Role::Moderator)
        .await;
    let set_status = |idea: i64, to: &'static str| {
        let (app, moderator) = (&app, &moderator);
        async move {
            app.post_with(
                moderator,
                &format!("/ideas/{idea}/status"),
                &[("to", to), ("note", "Wir sprechen darüber.")],
            )
            .await;
        }
    };
    set_status(b, "discussion").await;

    let ids_of = |body: &str| card_ids(body);
    assert_eq!(ids_of(&app.get("/ideen").await.body).len(), 3);
    assert_eq!(
        ids_of(&app.get(&format!("/ideen?theme={OTHER}")).await.body),
        vec![c]
    );
    assert_eq!(
        ids_of(&app.get("/ideen?status=discussion").await.body),
        vec![b]
    );
    assert_eq!(
        ids_of(
            &app.get(&format!("/themes/{THEME}?status=discussion"))
                .await
                .body
        ),
        vec![b]
    );
    // Unknown filters fall back to "all".
    assert_eq!(
        ids_of(
            &app.get("/ideen?status=quatsch&theme=nix&tag=nix")
                .await
                .body
        )
        .len(),
        3
    );

    // Tags: a moderator keeps the lists; only moderators may.
    assert_eq!(
        app.get(&format!("/themes/{THEME}/tags")).await.status,
        StatusCode::FORBIDDEN
    );
    for (theme, name) in [
        (THEME, "Ländlicher Raum"),
        (THEME, "Ehrenamt"),
        (OTHER, "Ländlicher Raum"),
    ] {
        app.post_with(
            &moderator,
            &format!("/themes/{theme}/tags"),
            &[("name", name)],
        )
        .await
        .assert_redirect_to(&format!("/themes/{theme}/tags"));
    }
    let again = app
        .post_with(
            &moderator,
            &format!("/themes/{THEME}/tags"),
            &[("name", "Ehrenamt")],
        )
        .await;
    assert!(
        again.body.contains("hat das Schlagwort schon"),
        "{}",
        again.body
    );
    let short = app
        .post_with(
            &moderator,
            &format!("/themes/{THEME}/tags"),
            &[("name", "x")],
        )
        .await;
    assert!(short.body.contains("mindestens 2 Zeichen"));

    let tag = |theme: &str, slug: &str| {
        let (theme, slug) = (theme.to_string(), slug.to_string());
        let pool = app.db.pool.clone();
        async move {
            sqlx::query_scalar::<_, i64>(
                "SELECT g.id FROM tags g JOIN themes t ON t.id = g.theme_id
                 WHERE t.slug = $1 AND g.slug = $2",
            )
            .bind(theme)
            .bind(slug)
            .fetch_one(&pool)
            .await
            .unwrap()
        }
    };
    let land = tag(THEME, "laendlicher-raum").await;
    let ehrenamt = tag(THEME, "ehrenamt").await;
    let land_other = tag(OTHER, "laendlicher-raum").await;

    // An author picks tags when submitting; a tag of another theme is not kept.
    let d = app
        .post(
            "/ideas",
            &[
                ("theme", THEME),
                ("title", "Mitfahrbank am Dorfplatz"),
                ("body", "Wer mitfahren möchte, setzt sich auf die Bank."),
                ("tag1", &land.to_string()),
                ("tag2", &land_other.to_string()),
                ("tag3", &ehrenamt.to_string()),
            ],
        )
        .await;
    d.assert_redirect_to("/ideas/");
    let d = crate::helpers::id_from_location(d.location.as_deref().unwrap_or(""), "/ideas/");
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM idea_tags WHERE idea_id = $1", d)
            .await,
        2
    );
    // Moderators retag; participants may not.
    assert_eq!(
        app.post(&format!("/ideas/{b}/tags"), &[("tag1", &land.to_string())])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    app.post_with(
        &moderator,
        &format!("/ideas/{b}/tags"),
        &[("tag1", &land.to_string())],
    )
    .await
    .assert_redirect_to(&format!("/ideas/{b}"));
    app.post_with(
        &moderator,
        &format!("/ideas/{c}/tags"),
        &[("tag1", &land_other.to_string())],
    )
    .await
    .assert_redirect_to(&format!("/ideas/{c}"));

    // Tags show on cards and on the idea page, and filter lists and search.
    let page = app.get("/ideen").await;
    assert!(
        page.body
            .contains("href=\"/ideen?tag=laendlicher-raum\">Ländlicher Raum</a>")
    );
    assert!(
        app.get(&format!("/ideas/{d}"))
            .await
            .body
            .contains(">Ehrenamt</a>")
    );
    let mut by_tag = ids_of(&app.get("/ideen?tag=laendlicher-raum").await.body);
    by_tag.sort();
    assert_eq!(by_tag, vec![b, c, d]);
    assert_eq!(
        ids_of(
            &app.get(&format!(
                "/themes/{THEME}?tag=laendlicher-raum&status=discussion"
            ))
            .await
            .body
        ),
        vec![b]
    );
    let mut in_theme = ids_of(
        &app.get(&format!("/themes/{THEME}?tag=laendlicher-raum"))
            .await
            .body,
    );
    in_theme.sort();
    assert_eq!(in_theme, vec![b, d]);
    assert_eq!(ids_of(&app.get("/ideen?tag=ehrenamt").await.body), vec![d]);
    // The JSON API filters by the same tags.
    let api: serde_json::Value =
        serde_json::from_str(&app.get("/api/v1/ideas?tag=laendlicher-raum").await.body)
            .expect("json");
    let mut api_ids: Vec<i64> = api["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|i| i["id"].as_i64())
        .collect();
    api_ids.sort();
    assert_eq!(api_ids, vec![b, c, d]);
    let found = app.get("/suche?q=Dorf*&tag=laendlicher-raum").await.body;
    assert!(
        found.contains(&format!("href=\"/ideas/{c}\""))
            && found.contains(&format!("href=\"/ideas/{b}\""))
    );
    assert!(!found.contains(&format!("href=\"/ideas/{a}\"")));
    // Filtered search reads theme and status from the index rows.
    let found = app.get(&format!("/suche?q=Land&theme={OTHER}")).await.body;
    assert!(
        found.contains(&format!("href=\"/ideas/{c}\""))
            && !found.contains(&format!("href=\"/ideas/{b}\""))
    );
    let found = app.get("/suche?q=Land&status=discussion").await.body;
    assert!(
        found.contains(&format!("href=\"/ideas/{b}\""))
            && !found.contains(&format!("href=\"/ideas/{c}\"")),
        "{found}"
    );
    // The theme and status tokens the index keeps for filtering are never found by typing.
    let theme_id = app
        .scalar("SELECT theme_id FROM ideas WHERE id = $1", c)
        .await;
    for q in [
        format!("t{theme_id}"),
        "sdiscussion".to_string(),
        "ssubmitted".to_string(),
    ] {
        let found = app.get(&format!("/suche?q={q}")).await.body;
        assert!(!found.contains("href=\"/ideas/"), "{q}");
    }
    // A status change reaches the index in its own transaction.
    set_status(b, "review").await;
    let found = app.get("/suche?q=Land&status=discussion").await.body;
    assert!(!found.contains(&format!("href=\"/ideas/{b}\"")));
    let found = app.get("/suche?q=Land&status=review").await.body;
    assert!(found.contains(&format!("href=\"/ideas/{b}\"")));

    // Deleting a tag takes it off every idea.
    app.post_with(
        &moderator,
        &format!("/themes/{THEME}/tags/{ehrenamt}/delete"),
        &[],
    )
    .await
    .assert_redirect_to(&format!("/themes/{THEME}/tags"));
    assert!(
        !app.get(&format!("/ideas/{d}"))
            .await
            .body
            .contains(">Ehrenamt</a>")
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM idea_tags WHERE idea_id = $1", d)
            .await,
        1
    );

    // Hidden, withdrawn and merged ideas leave every list at once.
    app.post_with(
        &moderator,
        &format!("/moderation/ideas/{a}/hide"),
        &[("reason", "offtopic"), ("note", "Passt nicht.")],
    )
    .await
    .assert_redirect_to(&format!("/ideas/{a}"));
    app.post(&format!("/ideas/{c}/withdraw"), &[])
        .await
        .assert_redirect_to(&format!("/ideas/{c}"));
    app.post_with(
        &moderator,
        &format!("/moderation/ideas/{b}/merge"),
        &[("target", &d.to_string()), ("note", "Gleiche Idee")],
    )
    .await;
    for url in [
        "/ideen".to_string(),
        "/ideen?sort=unterstuetzung".to_string(),
        "/ideen?tag=laendlicher-raum".to_string(),
        format!("/themes/{THEME}"),
        format!("/themes/{OTHER}"),
    ] {
        let listed = ids_of(&app.get(&url).await.body);
        for gone in [a, b, c] {
            assert!(!listed.contains(&gone), "{url} lists {gone}");
        }
    }
    assert_eq!(ids_of(&app.get("/ideen").await.body), vec![d]);
    assert!(app.get("/ideen").await.body.contains("1 Idee"));
}

#[tokio::test]
async fn similar_ideas_show_while_writing_without_script_and_for_the_script() {
    let app = spawn_app().await;
    app.register("Erika Muster", "erika@example.org").await;
    let near = app
        .submit_idea(
            THEME,
            "Treffpunkt für Familien im Quartier",
            "Ein Ort für die ganze Familie.",
        )
        .await;
    let hidden = app
        .submit_idea(
            THEME,
            "Familientreffpunkt am Bahnhof",
            "Ein Treffpunkt für Familien.",
        )
        .await;
    let withdrawn = app
        .submit_idea(
            THEME,
            "Treffpunkt Familie im Park",
            "Familien treffen sich draußen.",
        )
        .await;
    let other = app
        .submit_idea(THEME, "Radwege zur Schule", "Sichere Wege für Kinder.")
        .await;
    let moderator = app
        .user("Jana Moderation", "jana@example.org", Role::Moderator)
        .await;
    app.post_with(
        &moderator,
        &format!("/moderation/ideas/{hidden}/hide"),
        &[("reason", "offtopic"), ("note", "Passt nicht.")],
    )
    .await;
    app.post(&format!("/ideas/{withdrawn}/withdraw"), &[]).await;

    // The form offers the check first.
    let form = app.get(&format!("/ideas/new?theme={THEME}")).await;
    assert!(form.body.contains("name=\"step\" value=\"pruefen\""));
    assert!(form.body.contains("aria-live=\"polite\""));
    assert!(form.body.contains("<script src=\"/static/similar.js?v="));
    // The script's hooks: the title field and the region it fills.
    assert!(form.body.contains("id=\"f-title\"") && form.body.contains("id=\"similar-ideas\""));

    let before = app
        .scalar("SELECT COUNT(*) FROM ideas WHERE $1 = 0", 0)
        .await;
    let title = "Treffpunkte für Familien <im> Viertel";
    let body = "Ein **Ort** für Familien & Freunde.\n\nMit Café.";
    let step = app
        .post(
            "/ideas",
            &[
                ("theme", THEME),
                ("title", title),
                ("body", body),
                ("step", "pruefen"),
            ],
        )
        .await;
    assert_eq!(step.status, StatusCode::OK);
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM ideas WHERE $1 = 0", 0)
            .await,
        before,
        "nothing submitted yet"
    );
    // What was typed is kept (escaped), the similar idea is listed, the text previewed.
    assert!(
        step.body
            .contains("value=\"Treffpunkte für Familien &lt;im&gt; Viertel\""),
        "{}",
        step.body
    );
    assert!(
        step.body
            .contains("Ein **Ort** für Familien &amp; Freunde.")
    );
    assert!(step.body.contains("Gibt es Ihre Idee schon?"));
    assert!(step.body.contains(&format!("href=\"/ideas/{near}\"")));
    assert!(step.body.contains("<strong>Ort</strong>"), "the preview");
    for never in [hidden, withdrawn, other] {
        assert!(
            !step.body.contains(&format!("href=\"/ideas/{never}\"")),
            "{never}"
        );
    }
    assert!(
        step.body
            .contains(&format!("option value=\"{THEME}\" selected"))
    );

    // Then submitting works from the same form.
    app.post(
        "/ideas",
        &[("theme", THEME), ("title", title), ("body", body)],
    )
    .await
    .assert_redirect_to("/ideas/");

    // The script's fragment: the same list, never hidden or withdrawn ideas.
    let q: String = form_urlencoded::byte_serialize("Familien-Treffpunkt".as_bytes()).collect();
    let frag = app
        .get_with(&new_client(), &format!("/ideen/aehnlich?titel={q}"))
        .await;
    assert_eq!(frag.status, StatusCode::OK);
    assert!(
        frag.body.contains(&format!("href=\"/ideas/{near}\"")),
        "{}",
        frag.body
    );
    assert!(!frag.body.contains("<html"), "a fragment");
    for never in [hidden, withdrawn, other] {
        assert!(!frag.body.contains(&format!("href=\"/ideas/{never}\"")));
    }
    for odd in ["", "a", "%22*-%5E", "der%20die%20das"] {
        let p = app.get(&format!("/ideen/aehnlich?titel={odd}")).await;
        assert_eq!(p.status, StatusCode::OK, "{odd}");
        assert!(!p.body.contains("href=\"/ideas/"), "{odd}");
    }
    let js = app.get("/static/similar.js").await;
    assert_eq!(js.status, StatusCode::OK);
    assert!(js.body.contains("similar-ideas"));
}
