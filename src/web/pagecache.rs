//! Anonymous readers get the same bytes until someone writes: pages rendered for a visitor
//! without a session are kept (with their gzip and Brotli forms) and served again until the
//! next committed write, so most views cost a lookup instead of queries and rendering.
//!
//! Correctness first:
//! - Only GET/HEAD requests without a session cookie are served from here, and only answers
//!   that are `200`, set no cookie and have a known size are kept. A logged-in person always
//!   gets their own page.
//! - Every entry remembers the write counter (`db::Changes`) read *before* it was rendered; it
//!   is served only while the counter is unchanged. A page whose rendering overlapped a write
//!   is therefore never served after that write was acknowledged.
//! - Any POST (or other unsafe method) raises the counter after its handler, before its
//!   answer leaves, also when it wrote outside a transaction.
//! - On PostgreSQL other instances' writes arrive by LISTEN/NOTIFY; while that connection is
//!   down nothing is served from here.
//! - Pages also depend on the clock (a workshop's registration closes when it starts): an
//!   entry lives at most `MAX_AGE`.

use crate::db::Changes;
use crate::i18n::Lang;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use http_body::Body as _;
use std::collections::HashMap;
use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

/// The longest an entry is served without a write: bounds how late clock-driven changes
/// (registration closing, "upcoming" becoming "past") show.
const MAX_AGE: Duration = Duration::from_secs(10);
/// Larger pages are rendered each time (they are rare; exports stream and are never kept).
const MAX_PAGE: u64 = 1 << 20;
/// Below this, compressing costs more than it saves.
const MIN_COMPRESS: usize = 1024;

/// Paths whose answers must be live or carry per-address limits.
fn never_kept(path: &str) -> bool {
    path == "/healthz"
        || path == "/readyz"
        || path.starts_with("/static/")
        || path.starts_with("/api")
}

struct Entry {
    generation: u64,
    born: Instant,
    /// The answer's headers without length and encoding.
    headers: HeaderMap,
    etag: HeaderValue,
    identity: Bytes,
    gzip: Option<Bytes>,
    brotli: Option<Bytes>,
}

impl Entry {
    fn size(&self) -> usize {
        self.identity.len()
            + self.gzip.as_ref().map_or(0, Bytes::len)
            + self.brotli.as_ref().map_or(0, Bytes::len)
            + 512
    }
}

/// The kept pages of one instance, bounded in bytes.
pub struct PageCache {
    entries: RwLock<HashMap<String, Arc<Entry>>>,
    bytes: AtomicUsize,
    cap: usize,
    changes: Changes,
    /// One rendering at a time per kept address: after a write, sixteen readers of the same
    /// page wait for one rendering instead of all rendering it at once.
    rendering: std::sync::Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
}

/// What the cache knows of an address.
enum Lookup {
    Fresh(Arc<Entry>),
    /// Kept before, but a write (or the clock) has made it old.
    Stale,
    Absent,
}

impl PageCache {
    /// `cap_bytes` 0 turns keeping off (every page is rendered; writes are still counted).
    pub fn new(changes: Changes, cap_bytes: usize) -> PageCache {
        PageCache {
            entries: RwLock::new(HashMap::new()),
            bytes: AtomicUsize::new(0),
            cap: cap_bytes,
            changes,
            rendering: Default::default(),
        }
    }

    fn lookup(&self, key: &str) -> Lookup {
        let Ok(entries) = self.entries.read() else {
            return Lookup::Absent;
        };
        match entries.get(key) {
            None => Lookup::Absent,
            Some(entry)
                if entry.generation == self.changes.current()
                    && self.changes.complete()
                    && entry.born.elapsed() < MAX_AGE =>
            {
                Lookup::Fresh(entry.clone())
            }
            Some(_) => Lookup::Stale,
        }
    }

    /// The lock the renderings of `key` take turns on.
    fn turn(&self, key: &str) -> Option<Arc<tokio::sync::Mutex<()>>> {
        let mut rendering = self.rendering.lock().ok()?;
        Some(rendering.entry(key.to_string()).or_default().clone())
    }

    /// Forget the turn lock once nobody else waits on it.
    fn done(&self, key: &str, turn: Arc<tokio::sync::Mutex<()>>) {
        if let Ok(mut rendering) = self.rendering.lock() {
            // The map's reference and ours: no one else is waiting.
            if Arc::strong_count(&turn) <= 2 {
                rendering.remove(key);
            }
        }
    }

    fn put(&self, key: String, entry: Entry) -> Arc<Entry> {
        let entry = Arc::new(entry);
        let size = entry.size() + key.len();
        if size > self.cap {
            return entry;
        }
        let Ok(mut entries) = self.entries.write() else {
            return entry;
        };
        if self.bytes.load(Ordering::Relaxed) + size > self.cap {
            // Old generations and expired entries go first; if that is not enough, all.
            let now = self.changes.current();
            entries.retain(|_, e| e.generation == now && e.born.elapsed() < MAX_AGE);
            if entries.values().map(|e| e.size()).sum::<usize>() + size > self.cap {
                entries.clear();
            }
            let total = entries.iter().map(|(k, e)| k.len() + e.size()).sum();
            self.bytes.store(total, Ordering::Relaxed);
        }
        if let Some(old) = entries.insert(key.clone(), entry.clone()) {
            self.bytes
                .fetch_sub(old.size() + key.len(), Ordering::Relaxed);
        }
        self.bytes.fetch_add(size, Ordering::Relaxed);
        entry
    }

    /// Bytes held now (for the benchmark and the tests).
    pub fn held_bytes(&self) -> usize {
        self.bytes.load(Ordering::Relaxed)
    }
}

/// Serve a kept page, or render one and keep it; count every unsafe request as a write.
pub async fn layer(State(cache): State<Arc<PageCache>>, req: Request, next: Next) -> Response {
    let method = req.method().clone();
    if method != Method::GET && method != Method::HEAD {
        let response = next.run(req).await;
        // A write that committed has counted itself (`Tx::commit`); this covers the few that
        // write outside a transaction. A refused request (403, 404, 429, 503 …) wrote nothing
        // and must not empty the cache: a stream of junk POSTs would otherwise make every
        // reader's page a fresh render.
        let status = response.status();
        if status.is_success() || status.is_redirection() {
            cache.changes.bump();
        }
        return response;
    }
    if cache.cap == 0 || has_session(req.headers()) || never_kept(req.uri().path()) {
        return next.run(req).await;
    }
    let key = key_of(&req);
    let wants = Encodings::of(req.headers());
    let if_none_match = req.headers().get(header::IF_NONE_MATCH).cloned();
    let head = method == Method::HEAD;
    let turn = match cache.lookup(&key) {
        Lookup::Fresh(entry) => return answer(&entry, wants, if_none_match.as_ref(), head),
        // An address kept before is rendered by one request while the others wait for it.
        // (Addresses never kept, like forms that start a session, are not held up.)
        Lookup::Stale => cache.turn(&key),
        Lookup::Absent => None,
    };
    let guard = match &turn {
        Some(t) => Some(t.clone().lock_owned().await),
        None => None,
    };
    if guard.is_some() {
        if let Lookup::Fresh(entry) = cache.lookup(&key) {
            drop(guard);
            if let Some(t) = turn {
                cache.done(&key, t);
            }
            return answer(&entry, wants, if_none_match.as_ref(), head);
        }
    }
    let response = render(&cache, key.clone(), req, next, wants, if_none_match, head).await;
    drop(guard);
    if let Some(t) = turn {
        cache.done(&key, t);
    }
    response
}

/// Render the page and keep it when it may be kept.
async fn render(
    cache: &PageCache,
    key: String,
    req: Request,
    next: Next,
    wants: Encodings,
    if_none_match: Option<HeaderValue>,
    head: bool,
) -> Response {
    // Read before rendering: a write that lands during rendering makes this entry stale.
    let generation = cache.changes.current();
    let (mut parts, body) = req.into_parts();
    // Rendered plain and unconditional: the encodings and the 304 are chosen here.
    parts.headers.remove(header::ACCEPT_ENCODING);
    parts.headers.remove(header::IF_NONE_MATCH);
    let response = next.run(Request::from_parts(parts, body)).await;
    if !keepable(&response) {
        return response;
    }
    let (parts, body) = response.into_parts();
    let identity = match axum::body::to_bytes(body, MAX_PAGE as usize).await {
        Ok(b) => b,
        Err(e) => {
            tracing::warn!(error = %e, "could not read a page to keep it");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let entry = cache.put(key, entry_of(generation, parts.headers, identity));
    answer(&entry, wants, if_none_match.as_ref(), head)
}

fn has_session(headers: &HeaderMap) -> bool {
    headers.get_all(header::COOKIE).iter().any(|v| {
        v.as_bytes()
            .windows(crate::SESSION_COOKIE.len())
            .any(|w| w == crate::SESSION_COOKIE.as_bytes())
    })
}

/// Host (links in feeds may follow it), language as `negotiate` would choose it without a
/// session, and the whole address.
fn key_of(req: &Request) -> String {
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    let lang: Lang = super::lang::sessionless(req.uri(), req.headers());
    let target = req.uri().path_and_query().map_or("/", |p| p.as_str());
    format!("{host}\n{}\n{target}", lang.code())
}

fn keepable(response: &Response) -> bool {
    response.status() == StatusCode::OK
        && !response.headers().contains_key(header::SET_COOKIE)
        && !response
            .headers()
            .get(header::CACHE_CONTROL)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("no-store"))
        && response
            .body()
            .size_hint()
            .exact()
            .is_some_and(|n| n <= MAX_PAGE)
}

fn entry_of(generation: u64, mut headers: HeaderMap, identity: Bytes) -> Entry {
    headers.remove(header::CONTENT_LENGTH);
    headers.remove(header::CONTENT_ENCODING);
    headers.remove(header::TRANSFER_ENCODING);
    // Each answer gets its own request id (set outside this layer).
    headers.remove(super::trace::X_REQUEST_ID);
    let varies = headers
        .get_all(header::VARY)
        .iter()
        .any(|v| v.as_bytes().eq_ignore_ascii_case(b"accept-encoding"));
    if !varies {
        headers.append(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    // A feed's own (weak) tag stays; pages get one from their bytes.
    let etag = match headers.get(header::ETAG) {
        Some(tag) => tag.clone(),
        None => {
            let tag = HeaderValue::from_str(&format!("\"{:016x}\"", fnv1a(&identity)))
                .unwrap_or_else(|_| HeaderValue::from_static("\"0\""));
            headers.insert(header::ETAG, tag.clone());
            tag
        }
    };
    let compress = identity.len() >= MIN_COMPRESS;
    Entry {
        generation,
        born: Instant::now(),
        headers,
        etag,
        gzip: compress.then(|| gzip(&identity)).flatten(),
        brotli: compress.then(|| brotli(&identity)).flatten(),
        identity,
    }
}

fn answer(
    entry: &Entry,
    wants: Encodings,
    if_none_match: Option<&HeaderValue>,
    head: bool,
) -> Response {
    if if_none_match.is_some_and(|v| matches_etag(v, &entry.etag)) {
        let mut response = StatusCode::NOT_MODIFIED.into_response();
        for name in [
            header::ETAG,
            header::CACHE_CONTROL,
            header::VARY,
            header::CONTENT_LANGUAGE,
        ] {
            for value in entry.headers.get_all(&name) {
                response.headers_mut().append(name.clone(), value.clone());
            }
        }
        return response;
    }
    let (body, encoding) = match (&entry.brotli, &entry.gzip) {
        (Some(b), _) if wants.brotli => (b.clone(), Some("br")),
        (_, Some(g)) if wants.gzip => (g.clone(), Some("gzip")),
        _ => (entry.identity.clone(), None),
    };
    let length = body.len();
    let mut response = if head {
        Response::new(Body::empty())
    } else {
        Response::new(Body::from(body))
    };
    *response.headers_mut() = entry.headers.clone();
    if let Some(encoding) = encoding {
        response
            .headers_mut()
            .insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding));
    }
    response
        .headers_mut()
        .insert(header::CONTENT_LENGTH, HeaderValue::from(length));
    response
}

/// `If-None-Match` against our tag (weak comparison, as RFC 9110 asks for GET).
fn matches_etag(header: &HeaderValue, etag: &HeaderValue) -> bool {
    let Ok(header) = header.to_str() else {
        return false;
    };
    let ours = etag.to_str().unwrap_or("");
    let ours = ours.trim_start_matches("W/");
    header
        .split(',')
        .map(str::trim)
        .any(|t| t == "*" || t.trim_start_matches("W/") == ours)
}

/// Which encodings the client accepts (a `q=0` refuses one).
#[derive(Clone, Copy, Default)]
struct Encodings {
    gzip: bool,
    brotli: bool,
}

impl Encodings {
    fn of(headers: &HeaderMap) -> Encodings {
        let mut e = Encodings::default();
        for value in headers.get_all(header::ACCEPT_ENCODING) {
            let Ok(value) = value.to_str() else { continue };
            for item in value.split(',') {
                let mut parts = item.split(';');
                let name = parts.next().unwrap_or("").trim();
                let refused = parts.any(|p| {
                    p.trim()
                        .strip_prefix("q=")
                        .and_then(|q| q.trim().parse::<f32>().ok())
                        .is_some_and(|q| q <= 0.0)
                });
                match name {
                    "gzip" | "x-gzip" => e.gzip = !refused,
                    "br" => e.brotli = !refused,
                    "*" if !refused => {
                        e.gzip = true;
                        e.brotli = true;
                    }
                    _ => {}
                }
            }
        }
        e
    }
}

fn gzip(data: &[u8]) -> Option<Bytes> {
    let mut w = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
    w.write_all(data).ok()?;
    w.finish().ok().map(Bytes::from)
}

fn brotli(data: &[u8]) -> Option<Bytes> {
    let mut out = Vec::new();
    {
        // Quality 5: most of the gain at a fraction of the time of 11 (pages change often).
        let mut w = brotli::CompressorWriter::new(&mut out, 4096, 5, 22);
        w.write_all(data).ok()?;
    }
    Some(Bytes::from(out))
}

/// A fast, stable 64-bit hash for tags (FNV-1a): tags only need to change when bytes do.
fn fnv1a(data: &[u8]) -> u64 {
    data.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_encoding_is_read_with_its_weights() {
        let mut h = HeaderMap::new();
        h.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_static("gzip, deflate, br;q=0"),
        );
        let e = Encodings::of(&h);
        assert!(e.gzip && !e.brotli);
        h.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_static("br;q=1.0, gzip;q=0.8"),
        );
        let e = Encodings::of(&h);
        assert!(e.gzip && e.brotli);
        assert!(!Encodings::of(&HeaderMap::new()).gzip);
    }

    #[test]
    fn tags_match_weakly_and_in_lists() {
        let ours = HeaderValue::from_static("\"abc\"");
        for h in ["\"abc\"", "W/\"abc\"", "\"x\", \"abc\"", "*"] {
            assert!(matches_etag(&HeaderValue::from_static(h), &ours), "{h}");
        }
        assert!(!matches_etag(&HeaderValue::from_static("\"abd\""), &ours));
    }

    #[test]
    fn only_the_session_cookie_makes_a_visitor_known() {
        let mut h = HeaderMap::new();
        h.insert(header::COOKIE, HeaderValue::from_static("other=1"));
        assert!(!has_session(&h));
        let c = format!("other=1; {}=abc", crate::SESSION_COOKIE);
        h.insert(header::COOKIE, HeaderValue::from_str(&c).unwrap());
        assert!(has_session(&h));
    }
}
