//! The commands beside `serve` refuse a database path that does not exist, and a read-only
//! database file is named at start instead of ending in a pool timeout.

use crate::helpers::*;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

fn run(database_url: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mitdenken"))
        .args(args)
        .env("DATABASE_URL", database_url)
        .env("MITDENKEN_PASSWORD", PASSWORD)
        .output()
        .expect("run mitdenken")
}

#[test]
fn commands_refuse_a_database_that_does_not_exist() {
    let folder = std::env::temp_dir().join(format!("mitdenken-missing-{}", std::process::id()));
    let db = folder.join("vertippt.db");
    let url = format!("sqlite://{}", db.display());
    let copy = std::env::temp_dir().join(format!("mitdenken-copy-{}.db", std::process::id()));
    let copy = copy.to_string_lossy().into_owned();
    let commands: [&[&str]; 4] = [
        &["backup", "--to", &copy],
        &["migrate"],
        &[
            "create-user",
            "--email",
            "a@example.org",
            "--name",
            "Anna Admin",
            "--role",
            "admin",
        ],
        &["seed-demo"],
    ];
    for args in commands {
        let out = run(&url, args);
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?} failed");
        assert!(said.contains("gibt es nicht"), "{args:?}: {said}");
        assert!(!folder.exists(), "{args:?} created nothing");
        assert!(!std::path::Path::new(&copy).exists());
    }
}

/// True when this process runs as root (file permissions then do not stop it).
fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .map(|l| l.split_whitespace().nth(2) == Some("0"))
        })
        .unwrap_or(false)
}

#[tokio::test]
async fn a_read_only_database_is_named_at_start() {
    if std::env::var("MITDENKEN_TEST_POSTGRES").is_ok_and(|s| !s.is_empty()) {
        eprintln!("skipped: a file property of SQLite");
        return;
    }
    let url = fresh_database().await;
    // A database made by `serve`'s preparation, then made read-only.
    let prepared = mitdenken::db::Db::connect(&url).await.expect("create");
    prepared.migrate().await.expect("migrate");
    prepared.pool.close().await;
    if let mitdenken::db::SessionPool::Sqlite(p) = &prepared.sessions {
        p.close().await;
    }
    let path = url.trim_start_matches("sqlite://").to_string();
    // Root passes file permissions, so as root the file is made immutable (chattr, ext4 and
    // similar); otherwise its write permission is taken away.
    let immutable = is_root();
    let made_read_only = if immutable {
        Command::new("chattr")
            .args(["+i", &path])
            .status()
            .is_ok_and(|s| s.success())
    } else {
        Command::new("chmod")
            .args(["0444", &path])
            .status()
            .is_ok_and(|s| s.success())
    };
    if !made_read_only {
        eprintln!("skipped: cannot make {path} read-only here (root without chattr support)");
        return;
    }
    for args in [&["migrate"][..], &["serve"][..]] {
        let started = Instant::now();
        let out = run(&url, args);
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?}");
        assert!(
            said.contains("lässt sich nicht beschreiben"),
            "{args:?}: {said}"
        );
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{:?}",
            started.elapsed()
        );
    }
    if immutable {
        let _ = Command::new("chattr").args(["-i", &path]).status();
    }
}
