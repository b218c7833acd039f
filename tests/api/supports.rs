//! Supporting ideas: once per person, exact under concurrency.

use crate::helpers::*;
use mitdenken::domain::Role;
use reqwest::StatusCode;

const BODY: &str = "Eine Sprechstunde per Video für Eltern, abends und am Wochenende.";

async fn count(app: &TestApp, id: i64) -> i64 {
    app.scalar("SELECT support_count FROM ideas WHERE id = $1", id)
        .await
}

#[tokio::test]
async fn support_and_take_it_back() {
    let app = spawn_app().await;
    app.register("Rita", "rita@example.org").await;
    let id = app
        .submit_idea("neue-wege-der-beratung", "Video-Sprechstunde", BODY)
        .await;
    let supporter = app
        .user("Sven", "sven@example.org", Role::Participant)
        .await;
    let page = app.get_with(&supporter, &format!("/ideas/{id}")).await;
    assert!(page.body.contains(">Unterstützen</button>"));

    app.post_with(&supporter, &format!("/ideas/{id}/support"), &[])
        .await
        .assert_redirect_to(&format!("/ideas/{id}"));
    let page = app.get_with(&supporter, &format!("/ideas/{id}")).await;
    assert!(page.body.contains("1 Person unterstützt"));
    assert!(page.body.contains("Unterstützung zurückziehen"));

    // A second click (or a replayed form) does not count twice.
    app.post_with(&supporter, &format!("/ideas/{id}/support"), &[])
        .await;
    assert_eq!(count(&app, id).await, 1);

    app.post_with(&supporter, &format!("/ideas/{id}/unsupport"), &[])
        .await;
    app.post_with(&supporter, &format!("/ideas/{id}/unsupport"), &[])
        .await;
    assert_eq!(count(&app, id).await, 0);
    let page = app.get_with(&supporter, &format!("/ideas/{id}")).await;
    assert!(page.body.contains("0 Personen unterstützen"));

    let anon = new_client();
    let page = app.get_with(&anon, &format!("/ideas/{id}")).await;
    assert!(
        page.body
            .contains("Melden Sie sich an, um diese Idee zu unterstützen.")
    );
    let refused = app
        .post_with(&anon, &format!("/ideas/{id}/support"), &[])
        .await;
    refused.assert_redirect_to("/login");
    assert_eq!(count(&app, id).await, 0);
    assert_eq!(
        app.post_with(&supporter, "/ideas/424242/support", &[])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_people_supporting_at_once_make_exactly_fifty() {
    let app = spawn_app().await;
    app.register("Tina", "tina@example.org").await;
    let id = app
        .submit_idea("digitale-zivilgesellschaft", "Ehrenamtsbörse", BODY)
        .await;

    let mut clients = Vec::new();
    for n in 0..50 {
        clients.push(
            app.user(
                &format!("Person {n}"),
                &format!("p{n}@example.org"),
                Role::Participant,
            )
            .await,
        );
    }
    let mut tokens = Vec::new();
    for c in &clients {
        tokens.push(app.csrf(c).await);
    }
    // Every person clicks twice at the same moment; the database keeps one support each.
    let path = format!("/ideas/{id}/support");
    let mut tasks = Vec::new();
    for (c, t) in clients.iter().zip(&tokens) {
        for _ in 0..2 {
            let c = c.clone();
            let url = app.url(&path);
            let body = format!("csrf={t}");
            tasks.push(spawn_post(&c, url, body));
        }
    }
    for t in tasks {
        let status = t.await.expect("task").expect("request");
        assert_eq!(status, StatusCode::SEE_OTHER);
    }
    assert_eq!(count(&app, id).await, 50);
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM supports WHERE idea_id = $1", id)
            .await,
        50
    );
    let page = app.get(&format!("/ideas/{id}")).await;
    assert!(page.body.contains("50 Personen unterstützen"));
}

/// The trend sort's order, from the supports themselves: an idea's supports created at or
/// after the trend's cutoff, most first; ties by all supports, then the newer idea.
async fn trend_by_definition(app: &TestApp) -> Vec<String> {
    sqlx::query_scalar(
        "SELECT i.title FROM ideas i
         JOIN supports s ON s.idea_id = i.id
         WHERE i.listed = 1 AND s.created_at >= (SELECT cutoff FROM trend_state)
         GROUP BY i.id, i.title, i.support_count
         ORDER BY COUNT(*) DESC, i.support_count DESC, i.id DESC",
    )
    .fetch_all(&app.db.pool)
    .await
    .expect("trend by definition")
}

/// Titles in the order the trend page lists them.
fn listed_titles(html: &str, titles: &[&str]) -> Vec<String> {
    let mut found: Vec<(usize, String)> = titles
        .iter()
        .filter_map(|t| html.find(&format!(">{t}<")).map(|at| (at, t.to_string())))
        .collect();
    found.sort();
    found.into_iter().map(|(_, t)| t).collect()
}

/// "Im Trend" is a maintained count: it matches its definition after supports, withdrawals,
/// a merge and the week moving on, and every idea's count equals its recent supports.
#[tokio::test]
async fn the_trend_matches_its_definition_as_the_week_moves_on() {
    let app = spawn_app().await;
    app.register("Autorin", "autorin@example.org").await;
    let titles = ["Idee Alpha", "Idee Beta", "Idee Gamma", "Idee Delta"];
    let mut ids = Vec::new();
    for t in titles {
        ids.push(app.submit_idea("digitale-kompetenzen", t, BODY).await);
    }
    let mut people = Vec::new();
    for n in 0..6 {
        people.push(
            app.user(
                &format!("Person {n}"),
                &format!("trend{n}@example.org"),
                Role::Participant,
            )
            .await,
        );
    }
    let support = |who: usize, idea: i64, add: bool| {
        let path = if add {
            format!("/ideas/{idea}/support")
        } else {
            format!("/ideas/{idea}/unsupport")
        };
        let client = people[who].clone();
        let app = &app;
        async move {
            app.post_with(&client, &path, &[]).await;
        }
    };
    // Beta gets four supports that will age out of the week.
    for who in 0..4 {
        support(who, ids[1], true).await;
    }
    let old_supports_made = mitdenken::db::now();
    // A second later the week moves past them (as a week later would).
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let passed = mitdenken::db::ideas::trend::advance(
        &app.db,
        old_supports_made + mitdenken::db::ideas::trend::WINDOW_SECS + 1,
    )
    .await
    .expect("advance");
    assert_eq!(passed, 4, "Beta's four supports left the week");
    // Recent ones: Alpha 3, Gamma 2, Beta 1, Delta none.
    for who in 0..3 {
        support(who, ids[0], true).await;
    }
    for who in 0..2 {
        support(who, ids[2], true).await;
    }
    support(4, ids[1], true).await;
    // Withdrawing an aged support leaves the trend alone; a recent one counts down.
    support(0, ids[1], false).await;
    support(5, ids[2], true).await;
    support(5, ids[2], false).await;

    let page = app
        .get("/themes/digitale-kompetenzen?sort=trend")
        .await
        .body;
    let expected = trend_by_definition(&app).await;
    assert_eq!(expected, ["Idee Alpha", "Idee Gamma", "Idee Beta"]);
    assert_eq!(listed_titles(&page, &titles), expected);
    assert!(
        !page.contains(">Idee Delta<"),
        "no recent support, not in the trend"
    );

    // Merging Gamma into Delta takes its recent supports along.
    let moderator = app
        .user("Jana Moderation", "jana@example.org", Role::Moderator)
        .await;
    app.post_with(
        &moderator,
        &format!("/moderation/ideas/{}/merge", ids[2]),
        &[("target", &ids[3].to_string()), ("note", "Gleiche Idee.")],
    )
    .await;
    let page = app
        .get("/themes/digitale-kompetenzen?sort=trend")
        .await
        .body;
    let expected = trend_by_definition(&app).await;
    assert_eq!(expected, ["Idee Alpha", "Idee Delta", "Idee Beta"]);
    assert_eq!(listed_titles(&page, &titles), expected);

    // Every idea's kept count is its recent supports, exactly.
    let wrong: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM ideas i WHERE i.trend_count <> (SELECT COUNT(*) FROM supports s
           WHERE s.idea_id = i.id AND s.created_at >= (SELECT cutoff FROM trend_state))",
    )
    .fetch_one(&app.db.pool)
    .await
    .expect("check");
    assert_eq!(wrong, 0);
}

/// A support click writes the support and nothing else: the confirmation comes with the
/// address it leads to (no session write), and says only what is true.
#[tokio::test]
async fn supporting_confirms_without_writing_the_session() {
    let app = spawn_app().await;
    app.register("Rita", "rita@example.org").await;
    let id = app
        .submit_idea("neue-wege-der-beratung", "Video-Sprechstunde", BODY)
        .await;
    let supporter = app
        .user("Sven", "sven@example.org", Role::Participant)
        .await;
    let page = app
        .post_with(&supporter, &format!("/ideas/{id}/support"), &[])
        .await;
    assert!(
        page.set_cookies.is_empty(),
        "the session is not saved again"
    );
    let location = page.location.expect("a redirect");
    let shown = app.get_with(&supporter, &location).await.body;
    assert!(shown.contains("Sie unterstützen diese Idee."), "{location}");
    assert!(shown.contains("1 Person unterstützt"));

    let page = app
        .post_with(&supporter, &format!("/ideas/{id}/unsupport"), &[])
        .await;
    let location = page.location.expect("a redirect");
    let shown = app.get_with(&supporter, &location).await.body;
    assert!(shown.contains("Sie unterstützen diese Idee nicht mehr."));

    // The address claims nothing that is not so, and means nothing to others.
    let forged = app
        .get_with(&supporter, &format!("/ideas/{id}?hinweis=unterstuetzt"))
        .await
        .body;
    assert!(!forged.contains("Sie unterstützen diese Idee."));
    let anonymous = app
        .get_with(
            &new_client(),
            &format!("/ideas/{id}?hinweis=zurueckgezogen"),
        )
        .await
        .body;
    assert!(!anonymous.contains("Sie unterstützen diese Idee nicht mehr."));
}

/// The real binary killed with SIGKILL while 16 people support ideas: every support it
/// acknowledged (303) is stored, and every count equals its rows, the trend's included. (On
/// SQLite the supports take the one-call path and checkpoints run in the background.)
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn supports_acknowledged_before_a_kill_are_all_stored_and_counted() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let app = spawn_app().await;
    let author = app
        .user("Autorin Alt", "autorin@example.org", Role::Participant)
        .await;
    // An established account, so the limits for new accounts do not stop the ideas.
    sqlx::query("UPDATE users SET created_at = created_at - 90 * 86400 WHERE email = $1")
        .bind("autorin@example.org")
        .execute(&app.db.pool)
        .await
        .expect("age the author");
    let mut ideas = Vec::new();
    for n in 0..30 {
        ideas.push(
            app.submit_idea_with(
                &author,
                "digitale-zivilgesellschaft",
                &format!("Idee Nummer {n} für alle"),
                BODY,
            )
            .await,
        );
    }
    let mut people = Vec::new();
    for n in 0..16 {
        let client = app
            .user(
                &format!("Unterstützerin {n}"),
                &format!("u{n}@example.org"),
                Role::Participant,
            )
            .await;
        let token = app.csrf(&client).await;
        people.push((n, client, token));
    }
    let (mut server, addr) = start_binary(&app.database_url, &[]).await;
    let acknowledged = Arc::new(AtomicUsize::new(0));
    let mut tasks = Vec::new();
    for (n, client, token) in people {
        let ideas = ideas.clone();
        let acknowledged = acknowledged.clone();
        tasks.push(tokio::spawn(async move {
            let mut mine = Vec::new();
            for idea in ideas {
                let answer = client
                    .post(format!("http://{addr}/ideas/{idea}/support"))
                    .header("content-type", "application/x-www-form-urlencoded")
                    .body(format!("csrf={token}"))
                    .send()
                    .await;
                match answer {
                    Ok(a) if a.status() == StatusCode::SEE_OTHER => {
                        mine.push((n, idea));
                        acknowledged.fetch_add(1, Ordering::SeqCst);
                    }
                    Ok(a) => panic!("support answered {}", a.status()),
                    // The server is gone.
                    Err(_) => break,
                }
            }
            mine
        }));
    }
    // Kill once about a third of the 480 supports are acknowledged.
    while acknowledged.load(Ordering::SeqCst) < 160 {
        tokio::time::sleep(std::time::Duration::from_millis(2)).await;
    }
    server.child.kill().expect("SIGKILL");
    let _ = server.child.wait();
    let mut confirmed = Vec::new();
    for t in tasks {
        confirmed.extend(t.await.expect("task"));
    }
    assert!(
        confirmed.len() >= 160 && confirmed.len() < 480,
        "{}",
        confirmed.len()
    );
    for (n, idea) in &confirmed {
        let stored = sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM supports s JOIN users u ON u.id = s.user_id
             WHERE s.idea_id = $1 AND u.email = $2",
        )
        .bind(idea)
        .bind(format!("u{n}@example.org"))
        .fetch_one(&app.db.pool)
        .await
        .expect("count");
        assert_eq!(
            stored, 1,
            "acknowledged support of u{n} for idea {idea} is stored"
        );
    }
    let off = app
        .scalar(
            "SELECT COUNT(*) FROM ideas i WHERE i.id > $1 AND (
               i.support_count <> (SELECT COUNT(*) FROM supports s WHERE s.idea_id = i.id)
               OR i.trend_count <> (SELECT COUNT(*) FROM supports s WHERE s.idea_id = i.id
                    AND s.created_at >= (SELECT cutoff FROM trend_state)))",
            0,
        )
        .await;
    assert_eq!(off, 0, "ideas whose counts differ from their rows");
}
