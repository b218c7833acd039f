//! Request extractors that answer bad input with our German pages, never with axum's
//! plain-text rejections: `Form`, `Query` and `Path`.
//!
//! All three also refuse NUL characters, which no person types and PostgreSQL cannot store.

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
        if urlencoded_has_nul(&bytes) {
            return Err(AppError::BadRequest);
        }
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
        if urlencoded_has_nul(raw.as_bytes()) {
            return Err(AppError::BadRequest);
        }
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

/// One path segment (an id or a slug). Anything undecodable is simply "not found".
pub struct Path(pub String);

impl<S: Send + Sync> FromRequestParts<S> for Path {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        match axum::extract::Path::<String>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(s)) if !has_nul(&s) => Ok(Path(s)),
            _ => Err(AppError::NotFound),
        }
    }
}
