//! The HTTP server loop, because `axum::serve` has no timeouts, no connection cap and no
//! shutdown deadline: slow and silent clients are cut off, clients beyond the cap get a short
//! 503 page, and SIGTERM waits for running requests only for a grace period.

use crate::config::Config;
use crate::i18n::{self, Lang, t};
use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::ConnectInfo;
use hyper::body::{Frame, Incoming};
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Semaphore, watch};
use tokio::task::JoinSet;
use tokio::time::Instant;
use tower::ServiceExt;

/// How many refusals may be written at the same time; beyond that a connection over the cap
/// is closed without an answer, so refusing cannot itself use up the open files.
const REFUSING_AT_ONCE: usize = 64;
/// How long a client over the cap may take to send its request before it gets the 503 page
/// (short: silent clients must not keep the refusal slots).
const REFUSAL_READ: Duration = Duration::from_millis(500);
/// Open files kept back for the database, the log and the refusals when the connection cap
/// is derived from the process's limit.
const FILES_KEPT_BACK: usize = 128;

/// The limits of the server loop, read from the configuration.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub header_timeout: Duration,
    pub idle_timeout: Duration,
    pub body_timeout: Duration,
    pub max_connections: usize,
    pub shutdown_grace: Duration,
}

impl Limits {
    pub fn from_config(c: &Config) -> Limits {
        let max_connections = if c.max_connections > 0 {
            c.max_connections
        } else {
            open_files_limit()
                .map(|n| n.saturating_sub(FILES_KEPT_BACK).max(16))
                .unwrap_or(1000)
        };
        Limits {
            header_timeout: Duration::from_secs(c.header_timeout.max(1)),
            idle_timeout: Duration::from_secs(c.idle_timeout.max(1)),
            body_timeout: Duration::from_secs(c.body_timeout.max(1)),
            max_connections,
            shutdown_grace: Duration::from_secs(c.shutdown_grace),
        }
    }
}

/// The soft limit of open files (Linux), from which the default connection cap follows.
fn open_files_limit() -> Option<usize> {
    let limits = std::fs::read_to_string("/proc/self/limits").ok()?;
    let line = limits.lines().find(|l| l.starts_with("Max open files"))?;
    line.split_whitespace().nth(3)?.parse().ok()
}

/// When a connection last moved a byte, and how many of its requests are being handled;
/// a connection with no request in hand and no byte for `idle_timeout` is closed.
struct Activity {
    start: Instant,
    last_ms: AtomicU64,
    in_flight: AtomicUsize,
}

impl Activity {
    fn new() -> Activity {
        Activity {
            start: Instant::now(),
            last_ms: AtomicU64::new(0),
            in_flight: AtomicUsize::new(0),
        }
    }

    fn touch(&self) {
        let ms = self.start.elapsed().as_millis() as u64;
        self.last_ms.store(ms, Ordering::Relaxed);
    }

    /// When the connection counts as idle if nothing happens before.
    fn idle_at(&self, idle: Duration) -> Instant {
        if self.in_flight.load(Ordering::Relaxed) > 0 {
            return Instant::now() + idle;
        }
        self.start + Duration::from_millis(self.last_ms.load(Ordering::Relaxed)) + idle
    }
}

/// Counts a request as in hand until dropped.
struct InFlight(Arc<Activity>);

impl InFlight {
    fn new(activity: &Arc<Activity>) -> InFlight {
        activity.in_flight.fetch_add(1, Ordering::Relaxed);
        InFlight(activity.clone())
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.in_flight.fetch_sub(1, Ordering::Relaxed);
        self.0.touch();
    }
}

/// The socket, noting every byte read or written in its `Activity`.
struct Tracked {
    inner: TcpStream,
    activity: Arc<Activity>,
}

impl AsyncRead for Tracked {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let this = self.get_mut();
        let before = buf.filled().len();
        let polled = Pin::new(&mut this.inner).poll_read(cx, buf);
        if buf.filled().len() > before {
            this.activity.touch();
        }
        polled
    }
}

impl AsyncWrite for Tracked {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        let this = self.get_mut();
        let polled = Pin::new(&mut this.inner).poll_write(cx, buf);
        if matches!(polled, Poll::Ready(Ok(n)) if n > 0) {
            this.activity.touch();
        }
        polled
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[std::io::IoSlice<'_>],
    ) -> Poll<std::io::Result<usize>> {
        let this = self.get_mut();
        let polled = Pin::new(&mut this.inner).poll_write_vectored(cx, bufs);
        if matches!(polled, Poll::Ready(Ok(n)) if n > 0) {
            this.activity.touch();
        }
        polled
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_shutdown(cx)
    }
}

/// A request body that must arrive completely within the body timeout, however it trickles.
struct Deadline {
    inner: Incoming,
    sleep: Pin<Box<tokio::time::Sleep>>,
}

#[derive(Debug)]
struct BodyTimedOut;

impl std::fmt::Display for BodyTimedOut {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the request body did not arrive within the body timeout")
    }
}

impl std::error::Error for BodyTimedOut {}

impl http_body::Body for Deadline {
    type Data = Bytes;
    type Error = Box<dyn std::error::Error + Send + Sync>;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
        let this = self.get_mut();
        if this.sleep.as_mut().poll(cx).is_ready() {
            return Poll::Ready(Some(Err(Box::new(BodyTimedOut))));
        }
        Pin::new(&mut this.inner)
            .poll_frame(cx)
            .map_err(|e| e.into())
    }

    fn is_end_stream(&self) -> bool {
        http_body::Body::is_end_stream(&self.inner)
    }

    fn size_hint(&self) -> http_body::SizeHint {
        http_body::Body::size_hint(&self.inner)
    }
}

/// The 503 answer for clients over the connection cap, in both languages, drawn once.
struct Refusal {
    de: Bytes,
    en: Bytes,
}

impl Refusal {
    async fn new() -> Refusal {
        Refusal {
            de: i18n::scope(Lang::De, async { Self::render() }).await,
            en: i18n::scope(Lang::En, async { Self::render() }).await,
        }
    }

    fn render() -> Bytes {
        let page = crate::web::layout::error_page(&t("err-full-title"), &t("err-full-text"), None)
            .into_string();
        Bytes::from(format!(
            "HTTP/1.1 503 Service Unavailable\r\ncontent-type: text/html; charset=utf-8\r\n\
             content-language: {}\r\nretry-after: 10\r\ncache-control: no-store\r\n\
             connection: close\r\ncontent-length: {}\r\n\r\n{page}",
            i18n::current().code(),
            page.len()
        ))
    }

    /// Read the request head (briefly), answer 503 in the client's language and close.
    async fn send(&self, mut stream: TcpStream) {
        let mut head = Vec::with_capacity(1024);
        let mut buf = [0u8; 1024];
        let read = tokio::time::timeout(REFUSAL_READ, async {
            while head.len() < 8192 && !head.windows(4).any(|w| w == b"\r\n\r\n") {
                match stream.read(&mut buf).await {
                    Ok(0) | Err(_) => break,
                    Ok(n) => head.extend_from_slice(&buf[..n]),
                }
            }
        });
        let _ = read.await;
        let lang = String::from_utf8_lossy(&head)
            .lines()
            .find_map(|l| {
                let (name, value) = l.split_once(':')?;
                name.eq_ignore_ascii_case("accept-language")
                    .then(|| Lang::from_accept_language(value.trim()))
            })
            .unwrap_or(Lang::De);
        let answer = match lang {
            Lang::De => &self.de,
            Lang::En => &self.en,
        };
        let _ = tokio::time::timeout(REFUSAL_READ, async {
            let _ = stream.write_all(answer).await;
            let _ = stream.shutdown().await;
        })
        .await;
    }
}

/// Serve `app` on `listener` until `shutdown` completes, then let the running requests
/// finish for at most the grace period and return.
pub async fn run(
    listener: TcpListener,
    app: Router,
    limits: Limits,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let permits = Arc::new(Semaphore::new(limits.max_connections));
    let refusing = Arc::new(Semaphore::new(REFUSING_AT_ONCE));
    let refusal = Arc::new(Refusal::new().await);
    let (stop, stopped) = watch::channel(false);
    let mut connections = JoinSet::new();
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .keep_alive(true);
    tokio::pin!(shutdown);
    let mut accept_failing = false;
    loop {
        let (stream, peer) = tokio::select! {
            _ = &mut shutdown => break,
            Some(_) = connections.join_next(), if !connections.is_empty() => continue,
            accepted = listener.accept() => match accepted {
                Ok(accepted) => {
                    accept_failing = false;
                    accepted
                }
                Err(e) => {
                    // Out of open files, for instance: say so once, wait a moment instead
                    // of spinning, and go on with the connections we have.
                    if !accept_failing {
                        tracing::error!(error = %e, "cannot accept connections");
                        accept_failing = true;
                    }
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let Ok(permit) = permits.clone().try_acquire_owned() else {
            match refusing.clone().try_acquire_owned() {
                Ok(slot) => {
                    let refusal = refusal.clone();
                    tokio::spawn(async move {
                        refusal.send(stream).await;
                        drop(slot);
                    });
                }
                // No time to read the request: the page goes out if the socket takes it
                // at once, and the connection is closed either way.
                Err(_) => {
                    let _ = stream.try_write(&refusal.de);
                }
            }
            continue;
        };
        let _ = stream.set_nodelay(true);
        let activity = Arc::new(Activity::new());
        let io = TokioIo::new(Tracked {
            inner: stream,
            activity: activity.clone(),
        });
        let service = {
            let (app, activity) = (app.clone(), activity.clone());
            let body_timeout = limits.body_timeout;
            hyper::service::service_fn(move |req: hyper::Request<Incoming>| {
                let guard = InFlight::new(&activity);
                let mut req = req.map(|inner| {
                    Body::new(Deadline {
                        inner,
                        sleep: Box::pin(tokio::time::sleep(body_timeout)),
                    })
                });
                req.extensions_mut().insert(ConnectInfo(peer));
                let answer = app.clone().oneshot(req);
                async move {
                    let response = answer.await;
                    drop(guard);
                    response
                }
            })
        };
        let connection = builder.serve_connection(io, service);
        let mut stopped = stopped.clone();
        let idle = limits.idle_timeout;
        connections.spawn(async move {
            let _permit = permit;
            tokio::pin!(connection);
            let mut stopping = false;
            loop {
                tokio::select! {
                    _ = connection.as_mut() => break,
                    _ = stopped.changed(), if !stopping => {
                        stopping = true;
                        connection.as_mut().graceful_shutdown();
                    }
                    _ = tokio::time::sleep_until(activity.idle_at(idle)) => {
                        if activity.idle_at(idle) <= Instant::now() {
                            break;
                        }
                    }
                }
            }
        });
    }
    // Stop accepting: new clients get "connection refused" rather than a hanging socket.
    drop(listener);
    let _ = stop.send(true);
    let grace = tokio::time::sleep(limits.shutdown_grace);
    tokio::pin!(grace);
    loop {
        tokio::select! {
            _ = &mut grace => {
                tracing::warn!(
                    open = connections.len(),
                    "grace period over; closing the remaining connections"
                );
                connections.abort_all();
                break;
            }
            next = connections.join_next() => if next.is_none() { break },
        }
    }
    Ok(())
}
