//! A full disk breaks writing only while it lasts: the person gets a 503 page with what they
//! typed, `/readyz` says 503, the cause is logged once, and writing works again at once
//! when space returns, without a restart.
//!
//! How the fault is made: the real binary runs as a child whose file-size limit
//! (RLIMIT_FSIZE, set from outside with `prlimit`) is lowered to 4 KiB, so every write to the
//! database or its write-ahead log beyond that fails with EFBIG (SIGXFSZ is ignored), as
//! writes fail on a full disk. Unlike revoking file permissions this also works as root
//! (CI runs as root), and unlike a tiny tmpfs it needs no mount privileges; raising the
//! limit again is "space is back".

use crate::helpers::*;
use mitdenken::db::Db;
use reqwest::StatusCode;
use std::process::Command;
use std::time::{Duration, Instant};

/// Set the child's file-size limit (`soft:hard`, bytes) from outside.
fn limit_file_size(server: &BinaryServer, limit: &str) {
    let status = Command::new("prlimit")
        .arg("--pid")
        .arg(server.child.id().to_string())
        .arg(format!("--fsize={limit}"))
        .status()
        .expect("run prlimit (util-linux)");
    assert!(status.success(), "prlimit failed");
}

#[tokio::test]
async fn writes_fail_cleanly_while_the_disk_is_full_and_work_again_at_once_after() {
    if std::env::var("MITDENKEN_TEST_POSTGRES").is_ok_and(|s| !s.is_empty()) {
        eprintln!("skipped: the fault is simulated on the SQLite file");
        return;
    }
    let database_url = fresh_database().await;
    let (server, addr) = start_binary(&database_url, &[]).await;
    let db = Db::connect(&database_url).await.expect("open the test db");
    let app = TestApp {
        addr,
        database_url,
        db,
        client: new_client(),
    };
    app.register("Fiona Festplatte", "fiona@example.org").await;
    let first = app
        .submit_idea(
            "digitale-ethik",
            "Vor dem Fehler",
            "Diese Idee wird geschrieben, solange die Platte noch Platz hat.",
        )
        .await;
    assert_eq!(app.get("/readyz").await.status, StatusCode::OK);

    let token = app.csrf(&app.client).await;

    // The disk is full.
    limit_file_size(&server, "4096:unlimited");
    let title = "Trotz voller Platte";
    let body = "Was ich hier tippe, darf nicht verloren gehen: <Zeile eins>\nZeile zwei.";
    let mut failed = None;
    for _ in 0..6 {
        let page = app
            .post_raw(
                &app.client,
                "/ideas",
                &[
                    ("csrf", token.as_str()),
                    ("theme", "digitale-ethik"),
                    ("title", title),
                    ("body", body),
                ],
            )
            .await;
        assert_eq!(
            page.status,
            StatusCode::SERVICE_UNAVAILABLE,
            "{}",
            page.body
        );
        failed = Some(page);
    }
    let failed = failed.expect("a page");
    // A first visit to a form needs a session row, which cannot be saved either: the same
    // page, not a blank 500.
    let fresh = new_client();
    let page = app.get_with(&fresh, "/login").await;
    assert_eq!(page.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(page.body.contains("Speichern ist gerade nicht möglich"));
    // Reading goes on.
    let read = app.get(&format!("/ideas/{first}")).await;
    assert_eq!(read.status, StatusCode::OK, "{}", read.body);
    assert!(failed.body.contains("Speichern ist gerade nicht möglich"));
    // What was typed comes back (escaped), in a form that sends it again.
    assert!(failed.body.contains(title));
    assert!(failed.body.contains("&lt;Zeile eins&gt;"));
    assert!(failed.body.contains("Erneut versuchen"));
    assert!(failed.body.contains("action=\"/ideas\""));
    tokio::time::sleep(Duration::from_millis(1100)).await;
    assert_eq!(
        app.get("/readyz").await.status,
        StatusCode::SERVICE_UNAVAILABLE
    );
    assert_eq!(app.get("/healthz").await.status, StatusCode::OK, "alive");
    assert_eq!(
        server.log_lines("the database cannot write"),
        1,
        "the fault is logged once, not once per request"
    );

    // Space is back: the very next write works, without a restart.
    limit_file_size(&server, "unlimited:unlimited");
    let back = Instant::now();
    let retry = csrf_of(&failed.body).expect("the retry form carries the token");
    let page = app
        .post_raw(
            &app.client,
            "/ideas",
            &[
                ("csrf", retry.as_str()),
                ("theme", "digitale-ethik"),
                ("title", title),
                ("body", &format!("\n{body}")),
            ],
        )
        .await;
    page.assert_redirect_to("/ideas/");
    for _ in 0..5 {
        app.post(
            &format!(
                "/ideas/{}/comments",
                id_from_location(page.location.as_deref().unwrap_or(""), "/ideas/")
            ),
            &[("body", "Geht wieder.")],
        )
        .await
        .assert_redirect_to("/ideas/");
    }
    assert!(
        back.elapsed() < Duration::from_secs(1),
        "{:?}",
        back.elapsed()
    );
    tokio::time::sleep(Duration::from_millis(1100)).await;
    assert_eq!(app.get("/readyz").await.status, StatusCode::OK);
    let stored: Vec<String> = sqlx::query_scalar("SELECT title FROM ideas ORDER BY id")
        .fetch_all(&app.db.pool)
        .await
        .expect("titles");
    assert_eq!(
        stored,
        vec!["Vor dem Fehler".to_string(), title.to_string()]
    );
    assert_eq!(server.log_lines("the database writes again"), 1);
}

#[tokio::test]
async fn readyz_proves_a_write_and_healthz_stays_liveness() {
    let app = spawn_app().await;
    let ready = app.get("/readyz").await;
    assert_eq!(ready.status, StatusCode::OK, "{}", ready.body);
    assert_eq!(app.get("/healthz").await.status, StatusCode::OK);
    let probes: i64 = app
        .scalar("SELECT COUNT(*) FROM health WHERE id = $1", 1)
        .await;
    assert_eq!(probes, 1, "the probe wrote its row");
}
