//! `mitdenken backup` copies a running SQLite board consistently.

use crate::helpers::*;
use mitdenken::db::{Backend, Db};
use reqwest::StatusCode;
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

const BODY: &str = "Eine Idee, deren Kommentare während der Sicherung weiterlaufen.";

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_backup_during_writes_holds_every_write_acknowledged_before_it() {
    let app = spawn_app().await;
    if app.db.backend != Backend::Sqlite {
        eprintln!("skipped: PostgreSQL is backed up with pg_dump");
        return;
    }
    app.register("Bernd Backup", "bernd@example.org").await;
    let idea = app
        .submit_idea("digitale-ethik", "Sichere Daten", BODY)
        .await;
    let token = app.csrf(&app.client).await;

    // A writer comments as fast as it can until told to stop, noting what was acknowledged.
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (client, url, stop) = (
            app.client.clone(),
            app.url(&format!("/ideas/{idea}/comments")),
            stop.clone(),
        );
        tokio::spawn(async move {
            let mut acknowledged = Vec::new();
            let mut n = 0;
            while !stop.load(Ordering::SeqCst) {
                n += 1;
                let text = format!("schreiben-{n}");
                let r = client
                    .post(&url)
                    .header("content-type", "application/x-www-form-urlencoded")
                    .body(format!("csrf={token}&body={text}"))
                    .send()
                    .await;
                if r.map(|r| r.status() == StatusCode::SEE_OTHER)
                    .unwrap_or(false)
                {
                    acknowledged.push(text);
                }
            }
            acknowledged
        })
    };
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    // Everything acknowledged up to here must be in the copy.
    let before: i64 = app
        .scalar("SELECT COUNT(*) FROM comments WHERE idea_id = $1", idea)
        .await;
    let target = std::env::temp_dir().join(format!(
        "mitdenken-backup-{}-{before}.db",
        std::process::id()
    ));
    let _ = std::fs::remove_file(&target);
    let url = app.database_url.clone();
    let to = target.clone();
    let out = tokio::task::spawn_blocking(move || {
        Command::new(env!("CARGO_BIN_EXE_mitdenken"))
            .args(["backup", "--to"])
            .arg(&to)
            .env("DATABASE_URL", url)
            .output()
            .expect("run mitdenken backup")
    })
    .await
    .expect("backup task");
    assert!(
        out.status.success(),
        "backup failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Sicherung geschrieben"));
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    stop.store(true, Ordering::SeqCst);
    let acknowledged = writer.await.expect("writer");
    assert!(
        acknowledged.len() as i64 > before,
        "writes went on during the backup"
    );

    let copy = Db::connect(&format!("sqlite://{}", target.display()))
        .await
        .expect("open the copy");
    let ok: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&copy.pool)
        .await
        .expect("check");
    assert_eq!(ok, "ok");
    let in_copy: Vec<String> =
        sqlx::query_scalar("SELECT body FROM comments WHERE idea_id = $1 ORDER BY id")
            .bind(idea)
            .fetch_all(&copy.pool)
            .await
            .expect("comments in the copy");
    assert!(
        in_copy.len() as i64 >= before,
        "copy has {} of {before}",
        in_copy.len()
    );
    for text in acknowledged.iter().take(before as usize) {
        assert!(
            in_copy.contains(text),
            "{text} acknowledged before the backup is missing"
        );
    }
    // The copy is a working board.
    let users: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users")
        .fetch_one(&copy.pool)
        .await
        .expect("users");
    assert_eq!(users, 1);
    let again = Command::new(env!("CARGO_BIN_EXE_mitdenken"))
        .args(["backup", "--to"])
        .arg(&target)
        .env("DATABASE_URL", &app.database_url)
        .output()
        .expect("run backup again");
    assert!(
        !again.status.success(),
        "an existing file is never overwritten"
    );
    let _ = std::fs::remove_file(&target);
}
