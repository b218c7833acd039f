//! CSRF protection for every state-changing request, in one middleware so no handler can
//! forget it: the form's `csrf` field must equal the token in the session.
//!
//! The middleware also enforces the body limit, so an oversized post gets our German page.

use super::session::AppSession;
use crate::error::AppError;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;

/// Largest accepted request body. Idea texts are capped at 10,000 characters by validation
/// (reported beside the field); this only stops bodies no form of ours sends.
pub const MAX_BODY: usize = 256 * 1024;

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    if s.len() % 2 != 0 {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

/// The token as written into a page: a fresh random pad and the token XOR the pad. Every
/// response carries different bytes, so compression cannot leak the secret (BREACH).
pub fn mask(token: &str) -> String {
    use rand::RngCore;
    let raw = unhex(token).unwrap_or_default();
    let mut pad = vec![0u8; raw.len()];
    rand::rngs::OsRng.fill_bytes(&mut pad);
    let masked: Vec<u8> = raw.iter().zip(&pad).map(|(t, p)| t ^ p).collect();
    format!("{}{}", hex(&pad), hex(&masked))
}

/// The session token a masked form value stands for.
fn unmask(sent: &str) -> Option<String> {
    let bytes = unhex(sent)?;
    if bytes.is_empty() || bytes.len() % 2 != 0 {
        return None;
    }
    let (pad, masked) = bytes.split_at(bytes.len() / 2);
    Some(hex(&pad
        .iter()
        .zip(masked)
        .map(|(p, m)| p ^ m)
        .collect::<Vec<u8>>()))
}

fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

pub async fn protect(req: Request, next: Next) -> Response {
    // RFC 8058 one-click unsubscribe comes from a mail program without our session; the
    // secret token in the path is what authorises it.
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS)
        || req.uri().path().starts_with("/abbestellen/")
        || req.uri().path().starts_with("/newsletter/abbestellen/")
    {
        return next.run(req).await;
    }
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > MAX_BODY) {
        return AppError::PayloadTooLarge.into_response();
    }
    let session = req.extensions().get::<Session>().cloned().map(AppSession);
    let (parts, body) = req.into_parts();
    let bytes = match axum::body::to_bytes(body, MAX_BODY).await {
        Ok(b) => b,
        Err(_) => return AppError::PayloadTooLarge.into_response(),
    };
    let sent = form_urlencoded::parse(&bytes)
        .find(|(k, _)| k == "csrf")
        .and_then(|(_, v)| unmask(&v));
    let expected = match &session {
        Some(s) => match s.csrf_token().await {
            Ok(t) => t,
            Err(e) => return e.into_response(),
        },
        None => None,
    };
    match (sent, expected) {
        (Some(sent), Some(expected)) if same(sent.as_bytes(), expected.as_bytes()) => {
            next.run(Request::from_parts(parts, Body::from(bytes)))
                .await
        }
        _ => {
            tracing::info!(path = %parts.uri.path(), "refused a post without a valid CSRF token");
            AppError::Csrf.into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn masking_round_trips_and_differs_each_time() {
        let token = "00ff10aa".repeat(8);
        let a = super::mask(&token);
        let b = super::mask(&token);
        assert_ne!(a, b);
        assert_eq!(super::unmask(&a).as_deref(), Some(token.as_str()));
        assert_eq!(super::unmask(&b).as_deref(), Some(token.as_str()));
        assert_eq!(super::unmask("zz"), None);
        assert_eq!(super::unmask(""), None);
    }

    #[test]
    fn comparison() {
        assert!(super::same(b"abc", b"abc"));
        assert!(!super::same(b"abc", b"abd"));
        assert!(!super::same(b"abc", b"abcd"));
        assert!(!super::same(b"", b"a"));
    }
}
