//! Slow, silent and too many clients, and shutdown, against the real server loop
//! (`spawn_served_app_with`, the same `serve_on` the binary runs).

use crate::helpers::*;
use reqwest::StatusCode;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Read until the server closes the connection; how long that took, or None if it stayed
/// open for `patience`. Whatever the server says before closing is returned too.
async fn wait_for_close(stream: &mut TcpStream, patience: Duration) -> Option<(Duration, String)> {
    let started = Instant::now();
    let mut said = Vec::new();
    let mut buf = [0u8; 4096];
    let reading = async {
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => said.extend_from_slice(&buf[..n]),
            }
        }
    };
    tokio::time::timeout(patience, reading).await.ok()?;
    Some((
        started.elapsed(),
        String::from_utf8_lossy(&said).into_owned(),
    ))
}

#[tokio::test]
async fn a_silent_or_half_sent_request_is_cut_off_after_the_header_timeout() {
    let served = spawn_served_app_with(|c| {
        c.header_timeout = 1;
        c.idle_timeout = 60;
    })
    .await;
    let mut silent = TcpStream::connect(served.app.addr).await.expect("connect");
    let mut half = TcpStream::connect(served.app.addr).await.expect("connect");
    half.write_all(b"GET / HTTP/1.1\r\nHost: mitdenken\r\nX-Slow: ")
        .await
        .expect("send half a header");
    let (silent_after, _) = wait_for_close(&mut silent, Duration::from_secs(5))
        .await
        .expect("a silent connection is closed");
    let (half_after, _) = wait_for_close(&mut half, Duration::from_secs(5))
        .await
        .expect("a half-sent header is cut off");
    assert!(
        silent_after >= Duration::from_millis(900),
        "{silent_after:?}"
    );
    assert!(half_after < Duration::from_secs(3), "{half_after:?}");
    // Everyone else is still served.
    assert_eq!(served.app.get("/").await.status, StatusCode::OK);
}

#[tokio::test]
async fn an_idle_keep_alive_connection_and_a_trickling_body_are_closed() {
    let served = spawn_served_app_with(|c| {
        c.header_timeout = 30;
        c.idle_timeout = 1;
        c.body_timeout = 1;
    })
    .await;
    let mut kept = TcpStream::connect(served.app.addr).await.expect("connect");
    kept.write_all(b"GET /healthz HTTP/1.1\r\nHost: mitdenken\r\n\r\n")
        .await
        .expect("send");
    let (after, said) = wait_for_close(&mut kept, Duration::from_secs(5))
        .await
        .expect("an idle kept-alive connection is closed");
    assert!(said.starts_with("HTTP/1.1 200"), "{said}");
    assert!(after >= Duration::from_millis(900), "{after:?}");

    let mut trickle = TcpStream::connect(served.app.addr).await.expect("connect");
    trickle
        .write_all(
            b"POST /login HTTP/1.1\r\nHost: mitdenken\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nemail=",
        )
        .await
        .expect("send");
    // One byte every 300 ms keeps the connection busy, but the whole body is late.
    let writer = async {
        for _ in 0..30 {
            tokio::time::sleep(Duration::from_millis(300)).await;
            if trickle.write_all(b"a").await.is_err() {
                return;
            }
        }
    };
    let started = Instant::now();
    writer.await;
    let _ = wait_for_close(&mut trickle, Duration::from_secs(3)).await;
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "the body timeout ended the upload: {:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn beyond_the_connection_cap_clients_get_a_friendly_503() {
    let served = spawn_served_app_with(|c| {
        c.max_connections = 3;
        c.header_timeout = 30;
        c.idle_timeout = 30;
    })
    .await;
    let mut holders = Vec::new();
    for _ in 0..3 {
        holders.push(TcpStream::connect(served.app.addr).await.expect("connect"));
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    let client = reqwest::Client::new();
    let r = client
        .get(served.app.url("/"))
        .send()
        .await
        .expect("an answer");
    assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(r.headers().contains_key("retry-after"));
    assert!(
        r.text()
            .await
            .unwrap_or_default()
            .contains("Gerade sehr viel los")
    );
    let r = client
        .get(served.app.url("/"))
        .header("accept-language", "en")
        .send()
        .await
        .expect("an answer");
    assert!(
        r.text()
            .await
            .unwrap_or_default()
            .contains("Very busy right now")
    );

    // When they leave, there is room again.
    drop(holders);
    let mut answered = None;
    for _ in 0..50 {
        tokio::time::sleep(Duration::from_millis(50)).await;
        let status = reqwest::Client::new()
            .get(served.app.url("/"))
            .send()
            .await
            .map(|r| r.status());
        if let Ok(StatusCode::OK) = status {
            answered = Some(());
            break;
        }
    }
    assert!(
        answered.is_some(),
        "served again after the silent clients left"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_are_served_while_many_silent_connections_are_open() {
    let served = spawn_served_app_with(|c| {
        c.header_timeout = 30;
        c.idle_timeout = 30;
    })
    .await;
    let mut silent = Vec::new();
    for _ in 0..300 {
        silent.push(TcpStream::connect(served.app.addr).await.expect("connect"));
    }
    for _ in 0..20 {
        let page = served.app.get("/").await;
        assert_eq!(page.status, StatusCode::OK);
    }
    drop(silent);
}

#[tokio::test]
async fn shutdown_ends_within_the_grace_period_despite_a_half_sent_request() {
    let mut served = spawn_served_app_with(|c| {
        c.header_timeout = 60;
        c.idle_timeout = 60;
        c.shutdown_grace = 1;
    })
    .await;
    assert_eq!(served.app.get("/healthz").await.status, StatusCode::OK);
    let mut half = TcpStream::connect(served.app.addr).await.expect("connect");
    half.write_all(b"POST /login HTTP/1.1\r\nHost: mitdenken\r\nContent-Length: 50\r\n\r\nemail=")
        .await
        .expect("send half a request");
    tokio::time::sleep(Duration::from_millis(100)).await;
    let started = Instant::now();
    served.shut_down();
    let ended = tokio::time::timeout(Duration::from_secs(5), &mut served.server).await;
    assert!(
        matches!(ended, Ok(Ok(Ok(())))),
        "the server returned cleanly within the grace period: {ended:?}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    // No longer accepting.
    assert!(TcpStream::connect(served.app.addr).await.is_err());
}

#[tokio::test]
async fn sigterm_lets_requests_finish_for_the_grace_period_and_exits_0() {
    let database_url = fresh_database().await;
    let (mut server, addr) = start_binary(
        &database_url,
        &[
            ("MITDENKEN_SHUTDOWN_GRACE", "2"),
            ("MITDENKEN_HEADER_TIMEOUT", "60"),
            ("MITDENKEN_IDLE_TIMEOUT", "60"),
        ],
    )
    .await;
    // One client stuck half-way through its request head.
    let mut half = TcpStream::connect(addr).await.expect("connect");
    half.write_all(b"GET / HTTP/1.1\r\nHost: mitdenken\r\nX-Slow: ")
        .await
        .expect("send half a header");
    // And one in the middle of sending its form.
    let mut sending = TcpStream::connect(addr).await.expect("connect");
    sending
        .write_all(b"POST /login HTTP/1.1\r\nHost: mitdenken\r\nContent-Length: 20\r\n\r\nemail=")
        .await
        .expect("send the start");
    tokio::time::sleep(Duration::from_millis(200)).await;
    let started = Instant::now();
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &server.child.id().to_string()])
        .status()
        .expect("kill -TERM");
    assert!(killed.success());
    // The request under way is finished and answered.
    tokio::time::sleep(Duration::from_millis(300)).await;
    sending
        .write_all(b"a%40example.org")
        .await
        .expect("send the rest");
    let (_, said) = wait_for_close(&mut sending, Duration::from_secs(3))
        .await
        .expect("answered and closed");
    assert!(said.starts_with("HTTP/1.1 403"), "the CSRF refusal: {said}");
    let mut status = None;
    while started.elapsed() < Duration::from_secs(8) {
        if let Ok(Some(s)) = server.child.try_wait() {
            status = Some(s);
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let status = status.expect("the process ended after SIGTERM");
    assert!(status.success(), "exit status {status:?}");
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "within the grace period: {:?}",
        started.elapsed()
    );
}

/// Raise this process's soft limit of open files towards `want` (at most to its hard limit);
/// the server started from here inherits it. Returns the limit now in force.
fn raise_open_files(want: u64) -> u64 {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: two system calls that read and write the local struct only.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) != 0 {
            return 1024;
        }
        if limit.rlim_cur < want {
            limit.rlim_cur = want.min(limit.rlim_max);
            libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
            libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit);
        }
    }
    limit.rlim_cur
}

/// Regression: with tokio's listen backlog of 1,024, a burst of 2,000 connections overflowed
/// the kernel's queue; the dropped ones never reached the server, so 58 silent clients
/// believed they were connected for good, out of reach of every timeout.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_connection_of_a_burst_of_two_thousand_reaches_the_server_and_its_timeout() {
    let burst = 2_000;
    let files = raise_open_files(8192);
    assert!(
        files > 2 * burst + 500,
        "this test needs more open files than the hard limit allows ({files}): raise `ulimit -Hn`"
    );
    let database_url = fresh_database().await;
    let (_server, addr) = start_binary(
        &database_url,
        &[
            ("MITDENKEN_HEADER_TIMEOUT", "2"),
            ("MITDENKEN_IDLE_TIMEOUT", "2"),
        ],
    )
    .await;
    let connecting: Vec<_> = (0..burst)
        .map(|_| tokio::spawn(async move { TcpStream::connect(addr).await }))
        .collect();
    let mut waiting = Vec::new();
    for c in connecting {
        let mut stream = c.await.expect("join").expect("connect");
        waiting.push(tokio::spawn(async move {
            wait_for_close(&mut stream, Duration::from_secs(15)).await
        }));
    }
    let mut never_closed = 0;
    for w in waiting {
        if w.await.expect("join").is_none() {
            never_closed += 1;
        }
    }
    assert_eq!(
        never_closed, 0,
        "silent connections the server never cut off"
    );
}
