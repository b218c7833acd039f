//! Throwaway accounts: their reports hide nothing, what staff wrote is never hidden by
//! reports, a burst of their reports shows on /moderation, they post only so much per hour,
//! and the links of their first posts are marked `ugc`.

use crate::helpers::*;
use mitdenken::domain::Role;
use reqwest::StatusCode;

const BODY: &str = "Eine Idee mit genug Text, damit sie eingereicht werden kann.";
const THEME: &str = "digitale-ethik";
const HOUR: i64 = 3600;

/// Three reporters hide an item, if their accounts are at least a day old; and an idea's
/// author is logged in with the app's own client.
async fn reporting_app() -> TestApp {
    let app = spawn_app_with(|c| {
        c.report_threshold = 3;
        c.report_min_account_age = 24;
    })
    .await;
    app.register("Anton Autor", "anton@example.org").await;
    app
}

/// Make an account look as if it registered `hours` earlier.
async fn age(app: &TestApp, email: &str, hours: i64) {
    sqlx::query("UPDATE users SET created_at = created_at - $1 WHERE email = $2")
        .bind(hours * HOUR)
        .bind(email)
        .execute(&app.db.pool)
        .await
        .expect("age the account");
}

/// `n` participants whose accounts are `hours` old (0: made just now).
async fn reporters(app: &TestApp, prefix: &str, n: usize, hours: i64) -> Vec<reqwest::Client> {
    let mut out = Vec::new();
    for i in 0..n {
        let email = format!("{}{i}@example.org", prefix.to_lowercase());
        out.push(
            app.user(&format!("{prefix} {i}"), &email, Role::Participant)
                .await,
        );
        if hours > 0 {
            age(app, &email, hours).await;
        }
    }
    out
}

async fn report(app: &TestApp, client: &reqwest::Client, path: &str) {
    let page = app
        .post_with(client, path, &[("reason", "spam"), ("details", "")])
        .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
}

async fn comment(app: &TestApp, client: &reqwest::Client, idea: i64, body: &str) -> Page {
    app.post_with(
        client,
        &format!("/ideas/{idea}/comments"),
        &[("body", body)],
    )
    .await
}

fn comment_id(page: &Page) -> i64 {
    page.assert_redirect_to("/ideas/");
    let loc = page.location.as_deref().unwrap_or("");
    loc.rsplit_once("#comment-")
        .and_then(|(_, id)| id.parse().ok())
        .unwrap_or_else(|| panic!("no comment id in {loc}"))
}

async fn listed(app: &TestApp, title: &str) -> bool {
    app.get_with(&new_client(), &format!("/themes/{THEME}"))
        .await
        .body
        .contains(title)
}

#[tokio::test]
async fn reports_from_fresh_accounts_do_not_hide_but_from_old_enough_ones_do() {
    let app = reporting_app().await;
    let idea = app.submit_idea(THEME, "Eine umstrittene Idee", BODY).await;
    let path = format!("/ideas/{idea}/report");

    // Three accounts made a moment ago: stored and shown to the moderation, nothing hidden.
    for r in reporters(&app, "Neu", 3, 0).await {
        report(&app, &r, &path).await;
    }
    assert!(
        listed(&app, "Eine umstrittene Idee").await,
        "fresh accounts hide nothing"
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM reports WHERE item_id = $1", idea)
            .await,
        3,
        "their reports are stored"
    );
    let moderator = app.user("Mo", "mo@example.org", Role::Moderator).await;
    let queue = app.get_with(&moderator, "/moderation").await.body;
    assert!(queue.contains("Eine umstrittene Idee"), "{queue}");
    assert!(queue.contains("3 offene Meldungen"), "{queue}");

    // Accounts older than a day count: two are not enough, the third hides it.
    let old = reporters(&app, "Alt", 3, 25).await;
    report(&app, &old[0], &path).await;
    report(&app, &old[1], &path).await;
    assert!(
        listed(&app, "Eine umstrittene Idee").await,
        "two count, five reported"
    );
    report(&app, &old[2], &path).await;
    assert!(
        !listed(&app, "Eine umstrittene Idee").await,
        "three old enough hide it"
    );
    assert!(
        app.get_with(&new_client(), &format!("/ideas/{idea}"))
            .await
            .body
            .contains("Vorläufig ausgeblendet")
    );
}

#[tokio::test]
async fn what_staff_wrote_is_never_hidden_by_reports_only_by_a_moderator() {
    let app = reporting_app().await;
    let idea = app.submit_idea(THEME, "Digitale Sprechstunde", BODY).await;
    let moderator = app
        .user("Moritz Moderation", "moritz@example.org", Role::Moderator)
        .await;
    let ministry = app
        .user("Referat 113", "referat@example.org", Role::Ministry)
        .await;
    // The ministry answers on the trail.
    sqlx::query("UPDATE ideas SET status = 'forwarded' WHERE id = $1")
        .bind(idea)
        .execute(&app.db.pool)
        .await
        .unwrap();
    app.post_with(
        &ministry,
        &format!("/ideas/{idea}/status"),
        &[
            ("to", "accepted"),
            ("note", "Wir fördern 20 Pilotstandorte ab 2027."),
        ],
    )
    .await
    .assert_redirect_to(&format!("/ideas/{idea}"));
    let ministry_comment = comment_id(
        &comment(
            &app,
            &ministry,
            idea,
            "Das Ministerium prüft die Kosten bis Mai.",
        )
        .await,
    );
    let moderation_note = comment_id(
        &comment(
            &app,
            &moderator,
            idea,
            "Bitte bleiben Sie beim Thema der Idee.",
        )
        .await,
    );
    let staff_idea = app
        .submit_idea_with(&moderator, THEME, "Hinweis der Moderation", BODY)
        .await;

    let old = reporters(&app, "Alt", 3, 25).await;
    for r in &old {
        report(&app, r, &format!("/comments/{ministry_comment}/report")).await;
        report(&app, r, &format!("/comments/{moderation_note}/report")).await;
        report(&app, r, &format!("/ideas/{staff_idea}/report")).await;
        report(&app, r, &format!("/ideas/{idea}/report")).await;
    }
    let anon = new_client();
    let page = app.get_with(&anon, &format!("/ideas/{idea}")).await.body;
    assert!(
        page.contains("Vorläufig ausgeblendet"),
        "the participant's idea is hidden"
    );
    assert!(
        page.contains("Wir fördern 20 Pilotstandorte ab 2027."),
        "the ministry's answer stays"
    );
    for cid in [ministry_comment, moderation_note] {
        assert_eq!(
            app.scalar(
                "SELECT COUNT(*) FROM comments WHERE id = $1 AND hidden_at IS NULL",
                cid
            )
            .await,
            1,
            "staff comment {cid} is not hidden"
        );
    }
    assert!(
        listed(&app, "Hinweis der Moderation").await,
        "a staff idea stays listed"
    );
    // The reports are there for the moderation, which alone may hide staff posts.
    let queue = app.get_with(&moderator, "/moderation").await.body;
    assert!(queue.contains("Kommentar von Referat 113"), "{queue}");
    assert!(queue.contains("Hinweis der Moderation"), "{queue}");
    app.post_with(
        &moderator,
        &format!("/moderation/comments/{ministry_comment}/hide"),
        &[("reason", "offtopic"), ("note", "Gehört nicht hierher.")],
    )
    .await
    .assert_redirect_to(&format!("/ideas/{idea}"));
    assert_eq!(
        app.scalar(
            "SELECT COUNT(*) FROM comments WHERE id = $1 AND hidden_at IS NOT NULL",
            ministry_comment
        )
        .await,
        1,
        "a moderator can hide it"
    );
}

#[tokio::test]
async fn a_burst_of_reports_from_new_accounts_shows_on_the_moderation_page() {
    let app = reporting_app().await;
    let idea = app.submit_idea(THEME, "Ziel einer Kampagne", BODY).await;
    let other = app.submit_idea(THEME, "Eine ruhige Idee", BODY).await;
    let moderator = app.user("Mo", "mo@example.org", Role::Moderator).await;
    let fresh = reporters(&app, "Neu", 3, 0).await;
    let old = reporters(&app, "Alt", 3, 25).await;
    // Old accounts' reports are no burst of new ones.
    for r in &old {
        report(&app, r, &format!("/ideas/{other}/report")).await;
    }
    report(&app, &fresh[0], &format!("/ideas/{idea}/report")).await;
    report(&app, &fresh[1], &format!("/ideas/{idea}/report")).await;
    let queue = app.get_with(&moderator, "/moderation").await.body;
    assert!(
        !queue.contains("Auffällig viele Meldungen von neuen Konten"),
        "two are no burst: {queue}"
    );
    report(&app, &fresh[2], &format!("/ideas/{idea}/report")).await;
    let queue = app.get_with(&moderator, "/moderation").await.body;
    assert!(
        queue.contains("Auffällig viele Meldungen von neuen Konten"),
        "{queue}"
    );
    assert!(
        queue.contains("3 Meldungen von Konten jünger als 24 h in der letzten Stunde"),
        "{queue}"
    );
    let notice = queue
        .split("report-spike")
        .nth(1)
        .and_then(|rest| rest.split("</section>").next())
        .unwrap_or("");
    assert!(
        notice.contains(&format!("href=\"/ideas/{idea}\""))
            && notice.contains("Ziel einer Kampagne"),
        "{notice}"
    );
    assert!(!notice.contains("Eine ruhige Idee"), "{notice}");
}

#[tokio::test]
async fn a_new_account_posts_only_so_much_per_hour_and_keeps_its_text() {
    let app = spawn_app_with(|c| {
        c.new_account_hours = 24;
        c.new_account_ideas_per_hour = 3;
        c.new_account_comments_per_hour = 2;
    })
    .await;
    let fresh = app
        .user("Nina Neu", "nina@example.org", Role::Participant)
        .await;
    let mut ideas = Vec::new();
    for n in 0..3 {
        ideas.push(
            app.submit_idea_with(&fresh, THEME, &format!("Idee Nummer {n}"), BODY)
                .await,
        );
    }
    let page = app
        .post_with(
            &fresh,
            "/ideas",
            &[
                ("theme", THEME),
                ("title", "Die vierte Idee"),
                (
                    "body",
                    "Mein sorgfältig geschriebener Text bleibt erhalten.",
                ),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::OK, "the form again");
    let first = app
        .scalar("SELECT created_at FROM ideas WHERE id = $1", ideas[0])
        .await;
    // Room again once the first is an hour old, shown as the next whole minute.
    let until = first + HOUR;
    let shown = (until + 59) / 60 * 60;
    let time = mitdenken::web::datetime::format(shown);
    assert!(
        page.body.contains(
            "Neue Konten können in ihren ersten 24 Stunden höchstens 3 Ideen pro Stunde einreichen."
        ),
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains(&format!("Ab {time} können Sie wieder eine Idee einreichen")),
        "{time}: {}",
        page.body
    );
    assert!(page.body.contains("Die vierte Idee"), "the title is kept");
    assert!(
        page.body
            .contains("Mein sorgfältig geschriebener Text bleibt erhalten.")
    );
    assert_eq!(
        app.scalar(
            "SELECT COUNT(*) FROM ideas WHERE author_id = (SELECT author_id FROM ideas WHERE id = $1)",
            ideas[0]
        )
        .await,
        3,
        "nothing stored"
    );

    // Comments: two, then the third waits with its text in the form.
    for n in 0..2 {
        comment_id(&comment(&app, &fresh, ideas[0], &format!("Kommentar {n} von Nina")).await);
    }
    let page = comment(
        &app,
        &fresh,
        ideas[0],
        "Der dritte Kommentar bleibt im Feld.",
    )
    .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body
            .contains("höchstens 2 Kommentare pro Stunde schreiben. Ab "),
        "{}",
        page.body
    );
    assert!(page.body.contains("können Sie wieder kommentieren"));
    assert!(page.body.contains("Der dritte Kommentar bleibt im Feld."));

    // Staff and accounts older than the new-account hours are not limited.
    let staff = app
        .user("Moritz Moderation", "moritz@example.org", Role::Moderator)
        .await;
    let grown = app
        .user("Olga Alt", "olga@example.org", Role::Participant)
        .await;
    age(&app, "olga@example.org", 25).await;
    for client in [&staff, &grown] {
        for n in 0..4 {
            app.submit_idea_with(client, THEME, &format!("Noch eine Idee {n}"), BODY)
                .await;
        }
        for n in 0..3 {
            comment_id(&comment(&app, client, ideas[1], &format!("Beitrag Nummer {n}")).await);
        }
    }
}

#[tokio::test]
async fn links_in_a_new_accounts_posts_are_marked_ugc_an_older_accounts_are_not() {
    let app = spawn_app().await;
    let fresh = app
        .user("Nina Neu", "nina@example.org", Role::Participant)
        .await;
    let grown = app
        .user("Olga Alt", "olga@example.org", Role::Participant)
        .await;
    age(&app, "olga@example.org", 25).await;
    let staff = app
        .user("Moritz Moderation", "moritz@example.org", Role::Moderator)
        .await;
    let link_body =
        |who: &str| format!("Mehr dazu steht [hier](https://example.org/{who}) im Netz.");
    let new_idea = app
        .submit_idea_with(&fresh, THEME, "Idee mit Link", &link_body("neu-idee"))
        .await;
    let old_idea = app
        .submit_idea_with(
            &grown,
            THEME,
            "Ältere Idee mit Link",
            &link_body("alt-idee"),
        )
        .await;
    comment_id(&comment(&app, &fresh, old_idea, &link_body("neu-kommentar")).await);
    comment_id(&comment(&app, &grown, new_idea, &link_body("alt-kommentar")).await);
    comment_id(&comment(&app, &staff, new_idea, &link_body("team-kommentar")).await);

    let new_page = app.get(&format!("/ideas/{new_idea}")).await.body;
    let old_page = app.get(&format!("/ideas/{old_idea}")).await.body;
    let ugc = |who: &str| {
        format!("href=\"https://example.org/{who}\" rel=\"nofollow ugc noopener noreferrer\"")
    };
    let usual = |who: &str| {
        format!("href=\"https://example.org/{who}\" rel=\"nofollow noopener noreferrer\"")
    };
    assert!(new_page.contains(&ugc("neu-idee")), "{new_page}");
    assert!(old_page.contains(&ugc("neu-kommentar")), "{old_page}");
    assert!(old_page.contains(&usual("alt-idee")), "{old_page}");
    assert!(new_page.contains(&usual("alt-kommentar")), "{new_page}");
    assert!(new_page.contains(&usual("team-kommentar")), "{new_page}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn ideas_sent_at_once_by_a_new_account_stop_exactly_at_the_limit() {
    let app = spawn_app_with(|c| c.new_account_ideas_per_hour = 3).await;
    let fresh = app
        .user("Nina Neu", "nina@example.org", Role::Participant)
        .await;
    let token = app.csrf(&fresh).await;
    let tasks: Vec<_> = (0..12)
        .map(|n| {
            let body = form_urlencoded::Serializer::new(String::new())
                .extend_pairs([
                    ("csrf", token.as_str()),
                    ("theme", THEME),
                    ("title", &format!("Gleichzeitige Idee {n}")),
                    ("body", BODY),
                ])
                .finish();
            spawn_post(&fresh, app.url("/ideas"), body)
        })
        .collect();
    let mut stored = 0;
    for t in tasks {
        match t.await.expect("task").expect("request") {
            StatusCode::SEE_OTHER => stored += 1,
            StatusCode::OK => {}
            other => panic!("unexpected {other}"),
        }
    }
    assert_eq!(stored, 3, "three acknowledged");
    let kept: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM ideas i JOIN users u ON u.id = i.author_id WHERE u.email = $1",
    )
    .bind("nina@example.org")
    .fetch_one(&app.db.pool)
    .await
    .expect("count");
    assert_eq!(kept, 3, "three stored");
}
