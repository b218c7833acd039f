//! Several stateless instances on one PostgreSQL behind nginx as a round-robin balancer:
//! sessions carry over, counts and seat limits stay exact, and killing an instance loses no
//! acknowledged write.
//!
//! Runs when MITDENKEN_TEST_POSTGRES names a server; `.ci/run` sets it and installs nginx, and
//! sets MITDENKEN_REQUIRE_NGINX=1 so that a missing nginx fails instead of skipping.

use crate::helpers::*;
use reqwest::StatusCode;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port")
}

fn nginx_binary() -> Option<PathBuf> {
    ["/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

/// Kills its process when the test ends, however it ends.
struct Guard(Child);

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn start_instance(database_url: &str, port: u16, dir: &Path, n: u32) -> Guard {
    let log = std::fs::File::create(dir.join(format!("instance-{n}.log"))).expect("log file");
    let child = Command::new(env!("CARGO_BIN_EXE_mitdenken"))
        .arg("serve")
        .env("DATABASE_URL", database_url)
        .env("MITDENKEN_BIND", format!("127.0.0.1:{port}"))
        .env("MITDENKEN_AUTH_RATE_LIMIT", "100000")
        .env("MITDENKEN_TRUST_PROXY", "true")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .expect("start an instance");
    Guard(child)
}

fn start_nginx(nginx: &Path, dir: &Path, port: u16, upstreams: [u16; 2]) -> Guard {
    let is_root = Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false);
    let d = dir.display();
    let conf = format!(
        "{user}
worker_processes 1;
daemon off;
# One process: the guard's kill then ends all of nginx (a killed master leaves its workers
# running, holding the test run's inherited files).
master_process off;
pid {d}/nginx.pid;
error_log {d}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {d}/body;
    proxy_temp_path {d}/proxy;
    fastcgi_temp_path {d}/fastcgi;
    uwsgi_temp_path {d}/uwsgi;
    scgi_temp_path {d}/scgi;
    upstream mitdenken {{
        server 127.0.0.1:{a} max_fails=1 fail_timeout=5s;
        server 127.0.0.1:{b} max_fails=1 fail_timeout=5s;
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://mitdenken;
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_connect_timeout 1s;
            proxy_next_upstream error timeout http_502;
        }}
    }}
}}
",
        user = if is_root { "user root;" } else { "" },
        a = upstreams[0],
        b = upstreams[1],
    );
    let path = dir.join("nginx.conf");
    std::fs::write(&path, conf).expect("nginx.conf");
    let child = Command::new(nginx)
        .arg("-c")
        .arg(&path)
        .arg("-p")
        .arg(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start nginx");
    Guard(child)
}

async fn wait_until_up(url: &str) {
    let client = new_client();
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Ok(r) = client.get(url).send().await {
            if r.status() == StatusCode::OK {
                return;
            }
        }
        assert!(Instant::now() < deadline, "{url} did not come up");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// A TestApp-like handle whose requests go to `base` (an instance or the balancer).
fn via(app: &TestApp, port: u16) -> TestApp {
    TestApp {
        addr: std::net::SocketAddr::from(([127, 0, 0, 1], port)),
        database_url: app.database_url.clone(),
        db: app.db.clone(),
        client: app.client.clone(),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_instances_behind_nginx() {
    if std::env::var("MITDENKEN_TEST_POSTGRES")
        .unwrap_or_default()
        .is_empty()
    {
        eprintln!("skipped: MITDENKEN_TEST_POSTGRES is not set");
        return;
    }
    let Some(nginx) = nginx_binary() else {
        assert!(
            std::env::var("MITDENKEN_REQUIRE_NGINX").is_err(),
            "nginx is required but not installed"
        );
        eprintln!("skipped: nginx is not installed");
        return;
    };
    // One database for both instances; migrated once here, as a deployment would.
    let url = fresh_database().await;
    let config = mitdenken::config::Config::for_tests(url.clone());
    let db = mitdenken::prepare(&config).await.expect("prepare");
    let dir = std::env::temp_dir().join(format!(
        "mitdenken-lb-{}-{}",
        std::process::id(),
        free_port()
    ));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let (p1, p2, pn) = (free_port(), free_port(), free_port());
    let mut one = start_instance(&url, p1, &dir, 1);
    let _two = start_instance(&url, p2, &dir, 2);
    let _nginx = start_nginx(&nginx, &dir, pn, [p1, p2]);
    for p in [p1, p2, pn] {
        wait_until_up(&format!("http://127.0.0.1:{p}/healthz")).await;
    }
    let base = TestApp {
        addr: std::net::SocketAddr::from(([127, 0, 0, 1], pn)),
        database_url: url.clone(),
        db,
        client: new_client(),
    };
    let first = via(&base, p1);
    let second = via(&base, p2);

    // 1. Log in through one instance, act through the other with the same session cookie.
    first.register("Ronja Rundlauf", "ronja@example.org").await;
    let account = second.get("/account").await;
    assert_eq!(
        account.status,
        StatusCode::OK,
        "the session is known on the other instance"
    );
    assert!(account.body.contains("ronja@example.org"));
    let idea = second
        .submit_idea(
            "digitale-zivilgesellschaft",
            "Ausfallsichere Beteiligung",
            "Mehrere Instanzen teilen sich eine Datenbank und niemand merkt es.",
        )
        .await;
    assert!(
        first
            .get(&format!("/ideas/{idea}"))
            .await
            .body
            .contains("Ausfallsichere Beteiligung")
    );

    // 2. 200 people support at once through the balancer: exactly 200.
    let mut people = Vec::new();
    for n in 0..200 {
        let c = new_client();
        base.register_with(&c, &format!("Person {n}"), &format!("lb{n}@example.org"))
            .await
            .assert_redirect_to("/");
        let token = base.csrf(&c).await;
        people.push((c, token));
    }
    let mut tasks = Vec::new();
    for (c, token) in &people {
        let (c, url, body) = (
            c.clone(),
            base.url(&format!("/ideas/{idea}/support")),
            format!("csrf={token}"),
        );
        tasks.push(spawn_post(&c, url, body));
    }
    for t in tasks {
        assert_eq!(
            t.await.expect("task").expect("request"),
            StatusCode::SEE_OTHER
        );
    }
    assert_eq!(
        base.scalar("SELECT support_count FROM ideas WHERE id = $1", idea)
            .await,
        200
    );
    assert_eq!(
        base.scalar("SELECT COUNT(*) FROM supports WHERE idea_id = $1", idea)
            .await,
        200
    );

    // 3. Sixty people register at once for a workshop with twenty seats, spread over both
    //    instances by the balancer: exactly twenty get a place, forty wait.
    sqlx::query("UPDATE users SET role = 'moderator' WHERE email = 'lb0@example.org'")
        .execute(&base.db.pool)
        .await
        .expect("make a moderator");
    // Staff sign in with a second factor (issue 16): set it up as the person would.
    base.enrol_two_factor(&people[0].0).await;
    let workshop = crate::workshops::create_workshop(
        &base,
        &people[0].0,
        "Werkstatt hinter dem Balancer",
        &[("seats", "20")],
    )
    .await;
    let registering: Vec<(String, reqwest::Client)> = people[..60]
        .iter()
        .enumerate()
        .map(|(n, (c, _))| (format!("lb{n}@example.org"), c.clone()))
        .collect();
    crate::workshops::all_at_once(
        &base,
        &registering,
        &format!("/workshops/{workshop}/register"),
    )
    .await;
    assert_eq!(
        crate::workshops::count(&base, workshop, "confirmed").await,
        20
    );
    assert_eq!(
        crate::workshops::count(&base, workshop, "waiting").await,
        40
    );

    // 4. Kill one instance in the middle of a burst of comments: the balancer and the other
    //    instance keep serving, and every comment that was answered with success is stored.
    let mut tasks = Vec::new();
    for (n, (c, token)) in people.iter().enumerate() {
        let (c, url, token) = (
            c.clone(),
            base.url(&format!("/ideas/{idea}/comments")),
            token.clone(),
        );
        tasks.push(tokio::spawn(async move {
            let mut acknowledged = Vec::new();
            for k in 0..3 {
                let text = format!("burst-{n}-{k}");
                let body = format!("csrf={token}&body={text}");
                let r = c
                    .post(&url)
                    .header("content-type", "application/x-www-form-urlencoded")
                    .body(body)
                    .send()
                    .await;
                if r.map(|r| r.status() == StatusCode::SEE_OTHER)
                    .unwrap_or(false)
                {
                    acknowledged.push(text);
                }
            }
            acknowledged
        }));
    }
    tokio::time::sleep(Duration::from_millis(150)).await;
    one.0.kill().expect("SIGKILL instance one");
    let mut acknowledged = Vec::new();
    for t in tasks {
        acknowledged.extend(t.await.expect("task"));
    }
    assert!(
        acknowledged.len() >= 300,
        "the surviving instance kept serving: {} of 600",
        acknowledged.len()
    );
    let stored: Vec<String> = sqlx::query_scalar("SELECT body FROM comments WHERE idea_id = $1")
        .bind(idea)
        .fetch_all(&base.db.pool)
        .await
        .expect("comments");
    let stored: std::collections::HashSet<String> = stored.into_iter().collect();
    for text in &acknowledged {
        assert!(stored.contains(text), "acknowledged {text} is missing");
    }
    // After the kill everything still works through the balancer.
    let after = base.get(&format!("/ideas/{idea}")).await;
    assert_eq!(after.status, StatusCode::OK);
    eprintln!(
        "multi-instance: {} of 600 comments acknowledged during the kill, all {} stored",
        acknowledged.len(),
        acknowledged.len()
    );
    let _ = std::fs::remove_dir_all(&dir);
}
