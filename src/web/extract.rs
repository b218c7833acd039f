//! Request extractors that answer bad input with our German pages, never with axum's
//! plain-text rejections: `Form`, `Query` and `Path`.
//!
//! All three also refuse NUL characters, which no person types and PostgreSQL cannot store;
//! forms and queries refuse bytes that are not UTF-8 (a 400 page saying so), which would
//! otherwise be stored as replacement characters.

use crate::error::AppError;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

fn has_nul(s: &str) -> bool {
    s.contains('\0')
}

/// Decoded `key=value` pairs must not contain NUL.
fn urlencoded_has_nul(raw: &[u8]) -> bool {
    form_urlencoded::parse(raw).any(|(k, v)| has_nul(&k) || has_nul(&v))
}

/// Percent-decode one `key` or `value` of a urlencoded string (`+` is a space).
fn percent_decoded(part: &[u8]) -> Vec<u8> {
    fn hex(b: u8) -> Option<u8> {
        (b as char).to_digit(16).map(|d| d as u8)
    }
    let mut out = Vec::with_capacity(part.len());
    let mut i = 0;
    while i < part.len() {
        match part[i] {
            b'+' => out.push(b' '),
            b'%' => match (
                part.get(i + 1).and_then(|&b| hex(b)),
                part.get(i + 2).and_then(|&b| hex(b)),
            ) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                // A stray `%` stays as it is, as form_urlencoded keeps it.
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    out
}

/// Every key and value decodes to valid UTF-8 (form_urlencoded would replace bad bytes
/// with U+FFFD without a word).
fn urlencoded_is_utf8(raw: &[u8]) -> bool {
    raw.split(|&b| b == b'&')
        .flat_map(|pair| pair.splitn(2, |&b| b == b'='))
        .all(|part| std::str::from_utf8(&percent_decoded(part)).is_ok())
}

/// The first refusal a urlencoded string earns, if any.
fn check_urlencoded(raw: &[u8]) -> Result<(), AppError> {
    if !urlencoded_is_utf8(raw) {
        return Err(AppError::InvalidText);
    }
    if urlencoded_has_nul(raw) {
        return Err(AppError::BadRequest);
    }
    Ok(())
}

/// A form body. Form structs use `#[serde(default)]`, so missing fields arrive as empty
/// strings and the validation reports them beside the field; only bodies no form of ours
/// sends become the 400 page.
pub struct Form<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for Form<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, AppError> {
        let bytes = axum::body::Bytes::from_request(req, state)
            .await
            .map_err(|_| AppError::BadRequest)?;
        check_urlencoded(&bytes)?;
        serde_urlencoded::from_bytes(&bytes).map(Form).map_err(|e| {
            tracing::debug!(error = %e, "unreadable form");
            AppError::BadRequest
        })
    }
}

/// Query parameters; page structs read everything as strings and fall back on odd values.
pub struct Query<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Query<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AppError> {
        let raw = parts.uri.query().unwrap_or("");
        check_urlencoded(raw.as_bytes())?;
        // A repeated parameter (`?page=1&page=2`) keeps the first value instead of failing.
        let mut seen = std::collections::HashSet::new();
        let pairs: Vec<(String, String)> = form_urlencoded::parse(raw.as_bytes())
            .filter(|(k, _)| seen.insert(k.to_string()))
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        let canonical = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs)
            .finish();
        serde_urlencoded::from_str(&canonical)
            .map(Query)
            .map_err(|_| AppError::BadRequest)
    }
}

/// One path segment (an id or a slug). Bytes that are not UTF-8 get the same 400 page as in
/// a form or a query (issue 10: no input is decoded leniently); anything else undecodable is
/// simply "not found".
pub struct Path(pub String);

impl<S: Send + Sync> FromRequestParts<S> for Path {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        use axum::extract::path::ErrorKind;
        use axum::extract::rejection::PathRejection;
        match axum::extract::Path::<String>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(s)) if !has_nul(&s) => Ok(Path(s)),
            Err(PathRejection::FailedToDeserializePathParams(e))
                if matches!(e.kind(), ErrorKind::InvalidUtf8InPathParam { .. }) =>
            {
                Err(AppError::InvalidText)
            }
            _ => Err(AppError::NotFound),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::urlencoded_is_utf8;

    #[test]
    fn utf8_is_checked_after_percent_decoding() {
        assert!(urlencoded_is_utf8(
            b"title=Gr%C3%BC%C3%9Fe+aus+K%C3%B6ln&x=1"
        ));
        assert!(urlencoded_is_utf8("name=Jürgen".as_bytes()));
        assert!(urlencoded_is_utf8(b"a=100%&b=%zz"));
        assert!(!urlencoded_is_utf8(b"title=Gr%FC%DFe"));
        assert!(!urlencoded_is_utf8(b"ok=1&%FF=key"));
        assert!(!urlencoded_is_utf8(&[b'a', b'=', 0xC3]));
        assert!(!urlencoded_is_utf8(b"half=%C3"));
    }
}
