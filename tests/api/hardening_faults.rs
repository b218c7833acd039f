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
use std::io::BufRead;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

struct Server {
    child: Child,
    log: Arc<Mutex<Vec<String>>>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn log_lines(&self, needle: &str) -> usize {
        self.log
            .lock()
            .map(|l| l.iter().filter(|l| l.contains(needle)).count())
            .unwrap_or(0)
    }

    fn limit_file_size(&self, limit: &str) {
        let status = Command::new("prlimit")
            .arg("--pid")
            .arg(self.child.id().to_string())
            .arg(format!("--fsize={limit}"))
            .status()
            .expect("run prlimit (util-linux)");
        assert!(status.success(), "prlimit failed");
    }
}

/// Start `mitdenken serve` on a fresh SQLite file; returns it and its address.
async fn start(database_url: &str) -> (Server, std::net::SocketAddr) {
    let mut child = Command::new("sh")
        .arg("-c")
        // An ignored signal stays ignored across exec: writes past the limit then fail with
        // EFBIG instead of killing the process.
        .arg("trap '' XFSZ; exec \"$0\" serve")
        .arg(env!("CARGO_BIN_EXE_mitdenken"))
        .env("DATABASE_URL", database_url)
        .env("MITDENKEN_BIND", "127.0.0.1:0")
        .env("MITDENKEN_AUTH_RATE_LIMIT", "10000")
        .env("RUST_LOG", "info,sqlx=warn,tower_sessions=warn")
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start mitdenken serve");
    let stdout = child.stdout.take().expect("stdout");
    let log = Arc::new(Mutex::new(Vec::new()));
    let (addr_tx, addr_rx) = std::sync::mpsc::channel();
    {
        let log = log.clone();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
            {
                if let Some(rest) = line.strip_prefix("Mitdenken läuft auf http://") {
                    let _ = addr_tx.send(rest.trim_end_matches('/').to_string());
                }
                if let Ok(mut l) = log.lock() {
                    l.push(line);
                }
            }
        });
    }
    let addr = tokio::task::spawn_blocking(move || addr_rx.recv_timeout(Duration::from_secs(30)))
        .await
        .expect("wait")
        .expect("the server says where it listens");
    (Server { child, log }, addr.parse().expect("an address"))
}

#[tokio::test]
async fn writes_fail_cleanly_while_the_disk_is_full_and_work_again_at_once_after() {
    if std::env::var("MITDENKEN_TEST_POSTGRES").is_ok_and(|s| !s.is_empty()) {
        eprintln!("skipped: the fault is simulated on the SQLite file");
        return;
    }
    let database_url = fresh_database().await;
    let (server, addr) = start(&database_url).await;
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
    server.limit_file_size("4096:unlimited");
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
    server.limit_file_size("unlimited:unlimited");
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
