//! Traceable requests: every request gets an id and a span, so one failing request can be
//! found in the log, and a person can quote its id from the error page.

use super::pagecache::PageCache;
use crate::config::LogFormat;
use axum::Router;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use std::sync::Arc;
use std::time::Duration;
use tower_http::request_id::{
    MakeRequestUuid, PropagateRequestIdLayer, RequestId, SetRequestIdLayer,
};
use tower_http::trace::TraceLayer;
use tracing::Span;
use tracing::field::Empty;
use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::MakeWriter;

/// The header that carries the id, in both directions.
pub const X_REQUEST_ID: &str = "x-request-id";

/// Span names: `request` for pages and forms, `asset` for the stylesheet, the icon and the
/// health check. Their finished line is logged at debug: a load balancer polls /healthz every
/// few seconds and every page view fetches the stylesheet, which would bury the page views.
const SPAN_REQUEST: &str = "request";
const SPAN_ASSET: &str = "asset";

/// What code deep inside a request may need of it without seeing the request.
struct Current {
    id: String,
    /// The request's span itself: `Span::current()` may be a library's inner span by then
    /// (tower-sessions opens one), which has no `user_id` field.
    span: Span,
}

tokio::task_local! {
    static CURRENT: Current;
}

/// The id of the request being answered; None outside a request (the CLI, unit tests).
pub fn request_id() -> Option<String> {
    CURRENT.try_with(|c| c.id.clone()).ok()
}

/// From here on, every log line of this request names the logged-in person.
pub fn record_user(id: i64) {
    let _ = CURRENT.try_with(|c| {
        c.span.record("user_id", id);
    });
}

/// Wrap the whole site: outermost the id (so every response has one, and the span carries
/// it), then the span, then the task local the error page reads the id from.
///
/// Pages kept for anonymous readers are served between the id and the span: they carry an
/// id of their own but write no log line (like the stylesheet, they would bury the rest);
/// the rendering that produced them was logged.
pub fn traced(routes: Router, trust_proxy: bool, pages: Arc<PageCache>) -> Router {
    let header = HeaderName::from_static(X_REQUEST_ID);
    routes
        .layer(axum::middleware::from_fn(scope))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(span)
                .on_request(())
                .on_response(finished)
                // `AppError` logs a 500 with its cause chain; a second line without the
                // cause would only be noise.
                .on_failure(()),
        )
        .layer(axum::middleware::from_fn_with_state(
            pages,
            super::pagecache::layer,
        ))
        .layer(PropagateRequestIdLayer::new(header.clone()))
        .layer(SetRequestIdLayer::new(header, MakeRequestUuid))
        .layer(axum::middleware::map_request_with_state(
            trust_proxy,
            drop_untrusted_id,
        ))
}

/// An id that arrives with the request is kept only from our own proxy (otherwise anyone could
/// put ids of their choosing into our logs) and only in a harmless shape; else a new one is
/// made by `SetRequestIdLayer`.
async fn drop_untrusted_id(State(trust_proxy): State<bool>, mut req: Request) -> Request {
    let keep = trust_proxy && req.headers().get(X_REQUEST_ID).is_some_and(acceptable_id);
    if !keep {
        req.headers_mut().remove(X_REQUEST_ID);
    }
    req
}

/// Up to 64 letters, digits and `-_.:`: what proxies generate (UUIDs, nginx's hex), and
/// nothing that could break a log line or a page.
fn acceptable_id(value: &HeaderValue) -> bool {
    let bytes = value.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= 64
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.:".contains(b))
}

/// The route template (`/ideas/{id}`), not the address: log lines of one page group together
/// and carry no ids of people's content.
fn span(req: &Request) -> Span {
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map(MatchedPath::as_str)
        .unwrap_or("(none)");
    let request_id = req
        .extensions()
        .get::<RequestId>()
        .and_then(|id| id.header_value().to_str().ok())
        .unwrap_or("");
    let method = req.method().as_str();
    // `user_id` is filled in by the `Ctx` extractor once the session is read, `status` when
    // the response is ready. The spans are at error level: a span's level only decides
    // whether it exists, and with `RUST_LOG=warn` the error lines should still name their
    // request.
    if route == "/healthz" || route.starts_with("/static/") {
        tracing::error_span!(
            SPAN_ASSET,
            %method,
            %route,
            %request_id,
            user_id = Empty,
            status = Empty
        )
    } else {
        tracing::error_span!(
            SPAN_REQUEST,
            %method,
            %route,
            %request_id,
            user_id = Empty,
            status = Empty
        )
    }
}

/// One line per finished request.
fn finished<B>(res: &axum::http::Response<B>, latency: Duration, span: &Span) {
    span.record("status", res.status().as_u16());
    let latency_ms = latency.as_secs_f64() * 1000.0;
    if span.metadata().is_some_and(|m| m.name() == SPAN_ASSET) {
        tracing::debug!(latency_ms, "finished");
    } else {
        tracing::info!(latency_ms, "finished");
    }
}

/// Hold the id and the span for the duration of the request, for code that cannot see the
/// request (the error page is drawn in `IntoResponse for AppError`). Runs just inside the
/// `TraceLayer`, so the current span is the request's.
async fn scope(req: Request, next: Next) -> Response {
    let id = req
        .extensions()
        .get::<RequestId>()
        .and_then(|id| id.header_value().to_str().ok())
        .unwrap_or("")
        .to_string();
    let current = Current {
        id,
        span: Span::current(),
    };
    CURRENT.scope(current, next.run(req)).await
}

/// The log: readable text, or one JSON object per line for log collectors (the request's
/// fields in `spans`).
pub fn subscriber<W>(
    format: LogFormat,
    filter: EnvFilter,
    writer: W,
    ansi: bool,
) -> Box<dyn tracing::Subscriber + Send + Sync>
where
    W: for<'w> MakeWriter<'w> + Send + Sync + 'static,
{
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(writer);
    match format {
        LogFormat::Text => Box::new(builder.with_ansi(ansi).finish()),
        LogFormat::Json => Box::new(
            builder
                .json()
                .flatten_event(true)
                .with_current_span(false)
                .with_span_list(true)
                .finish(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::AppError;
    use axum::body::Body;
    use axum::routing::get;
    use std::sync::{Arc, Mutex};
    use tower::ServiceExt;

    #[test]
    fn only_harmless_ids_are_taken() {
        let ok = |s: &str| acceptable_id(&HeaderValue::from_str(s).unwrap());
        assert!(ok("0f8fad5b-d9cb-469f-a165-70867728950e"));
        assert!(ok("a1b2c3"));
        assert!(!ok(""));
        assert!(!ok("a b"));
        assert!(!ok("x\" injected=\"1"));
        assert!(!ok(&"a".repeat(65)));
    }

    /// A writer the test can read back.
    #[derive(Clone, Default)]
    struct Buffer(Arc<Mutex<Vec<u8>>>);

    impl std::io::Write for Buffer {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl Buffer {
        fn text(&self) -> String {
            String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
        }
    }

    /// A failure of ours with a cause chain (a storage fault would be a 503, not a 500).
    async fn broken_disk() -> Result<(), AppError> {
        let cause: sqlx::error::BoxDynError = Box::new(std::io::Error::other("disk on fire"));
        Err(sqlx::Error::Decode(cause).into())
    }

    /// Answer one failing request with the log going into a buffer; returns the request id
    /// from the response header and the log.
    async fn failing_request(format: LogFormat, filter: &str) -> (String, String) {
        let buffer = Buffer::default();
        let writer = buffer.clone();
        let subscriber = subscriber(
            format,
            EnvFilter::new(filter),
            move || writer.clone(),
            false,
        );
        let _guard = tracing::subscriber::set_default(subscriber);
        let pages = Arc::new(PageCache::new(crate::db::Changes::new(true), 0));
        let app = traced(
            Router::new().route("/ideas/{id}", get(broken_disk)),
            false,
            pages,
        );
        let res = app
            .oneshot(
                axum::http::Request::get("/ideas/42")
                    .header(X_REQUEST_ID, "forged")
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(res.status(), 500);
        let id = res.headers()[X_REQUEST_ID].to_str().unwrap().to_string();
        assert_ne!(id, "forged", "an untrusted id is replaced");
        (id, buffer.text())
    }

    #[tokio::test]
    async fn the_error_line_carries_the_request_id_and_the_whole_cause_chain() {
        let (id, log) = failing_request(LogFormat::Text, "info").await;
        let error = log
            .lines()
            .find(|l| l.contains("ERROR"))
            .unwrap_or_else(|| panic!("no error line in {log}"));
        assert!(error.contains(&format!("request_id={id}")), "{error}");
        assert!(error.contains("route=/ideas/{id}"), "{error}");
        assert!(
            error.contains("database: error occurred while decoding: disk on fire"),
            "{error}"
        );
        // One line per finished request, with its status.
        let finished: Vec<_> = log.lines().filter(|l| l.contains("finished")).collect();
        assert_eq!(finished.len(), 1, "{log}");
        assert!(finished[0].contains("status=500"), "{log}");
        assert!(finished[0].contains("latency_ms="), "{log}");
        assert!(
            !log.contains("/ideas/42"),
            "the address with its id stays out: {log}"
        );
    }

    #[tokio::test]
    async fn a_quiet_log_still_names_the_request_of_an_error() {
        let (id, log) = failing_request(LogFormat::Text, "warn").await;
        assert_eq!(log.lines().count(), 1, "only the error line: {log}");
        assert!(log.contains(&format!("request_id={id}")), "{log}");
    }

    #[tokio::test]
    async fn json_lines_for_log_collectors() {
        let (id, log) = failing_request(LogFormat::Json, "info").await;
        let lines: Vec<_> = log.lines().collect();
        assert_eq!(lines.len(), 2, "{log}");
        for line in &lines {
            assert!(line.starts_with('{') && line.ends_with('}'), "{line}");
            assert!(line.contains(&format!("\"request_id\":\"{id}\"")), "{line}");
        }
        assert!(lines[0].contains("\"level\":\"ERROR\""), "{log}");
        assert!(lines[0].contains("disk on fire"), "{log}");
    }
}
