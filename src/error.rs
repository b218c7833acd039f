//! One error type for every handler: friendly German pages for people, causes only in the log.

use crate::web::layout;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use std::error::Error;

/// Any error with its chain of sources, as `Internal` keeps it for the log.
pub type BoxError = Box<dyn Error + Send + Sync>;

#[derive(Debug)]
pub enum AppError {
    NotFound,
    MethodNotAllowed,
    Forbidden,
    /// The account is blocked by moderation.
    Blocked,
    /// Anonymous visitor on a page that needs an account: send them to the login form.
    LoginRequired {
        next: String,
    },
    /// A staff account past its grace period without two-factor sign-in: to the setup page.
    TwoFactorSetupRequired,
    /// A request no form of ours produces (tampered or truncated).
    BadRequest,
    Csrf,
    PayloadTooLarge,
    RateLimited,
    /// A form field, the query or the path is not valid UTF-8.
    InvalidText,
    /// The database cannot write right now (full disk, I/O error); the cause is logged once
    /// per fault by `db::note_write_fault`, and `web::retry` gives back what was typed.
    StorageUnavailable,
    /// Too many password checks are waiting already (`web::hashing`).
    Busy,
    /// Something failed on our side; the cause (with its sources) goes to the log only.
    Internal(BoxError),
}

/// Marks a response as "the write failed for the storage", for `web::retry`.
#[derive(Clone, Copy)]
pub struct StorageFault;

impl AppError {
    /// An error of ours from an error value (its sources are kept) or a plain message.
    pub fn internal(cause: impl Into<BoxError>) -> Self {
        AppError::Internal(cause.into())
    }

    /// Like `internal`, with a word on where it failed ("database") as the first link.
    pub fn internal_in(context: &'static str, cause: impl Into<BoxError>) -> Self {
        AppError::Internal(Box::new(Context {
            context,
            source: cause.into(),
        }))
    }

    /// Status, and catalogue keys of the title and text of the page.
    fn page(&self) -> (StatusCode, &'static str, &'static str) {
        match self {
            AppError::NotFound => (StatusCode::NOT_FOUND, "err-404-title", "err-404-text"),
            AppError::MethodNotAllowed => (
                StatusCode::METHOD_NOT_ALLOWED,
                "err-405-title",
                "err-405-text",
            ),
            AppError::Forbidden => (StatusCode::FORBIDDEN, "err-403-title", "err-403-text"),
            AppError::Blocked => (
                StatusCode::FORBIDDEN,
                "err-blocked-title",
                "err-blocked-text",
            ),
            AppError::BadRequest => (StatusCode::BAD_REQUEST, "err-400-title", "err-400-text"),
            AppError::Csrf => (StatusCode::FORBIDDEN, "err-csrf-title", "err-csrf-text"),
            AppError::PayloadTooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "err-413-title",
                "err-413-text",
            ),
            AppError::RateLimited => (
                StatusCode::TOO_MANY_REQUESTS,
                "err-429-title",
                "err-429-text",
            ),
            AppError::InvalidText => (StatusCode::BAD_REQUEST, "err-utf8-title", "err-utf8-text"),
            AppError::StorageUnavailable => (
                StatusCode::SERVICE_UNAVAILABLE,
                "err-storage-title",
                "err-storage-text",
            ),
            AppError::Busy => (
                StatusCode::SERVICE_UNAVAILABLE,
                "err-busy-title",
                "err-busy-text",
            ),
            AppError::LoginRequired { .. }
            | AppError::TwoFactorSetupRequired
            | AppError::Internal(_) => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "err-500-title",
                "err-500-text",
            ),
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        match &self {
            AppError::LoginRequired { next } => {
                let target = format!(
                    "/login?next={}",
                    form_urlencoded::byte_serialize(next.as_bytes()).collect::<String>()
                );
                return Redirect::to(&target).into_response();
            }
            AppError::TwoFactorSetupRequired => {
                return Redirect::to(crate::web::TWO_FACTOR_SETUP).into_response();
            }
            AppError::Internal(cause) => {
                tracing::error!(error = %chain(cause.as_ref()), "request failed");
            }
            _ => {}
        }
        let (status, title, text) = self.page();
        // The request id lets a person quote the failure and us find its log lines.
        let reference = match self {
            AppError::Internal(_) => crate::web::trace::request_id(),
            _ => None,
        };
        let page = layout::error_page(
            &crate::i18n::t(title),
            &crate::i18n::t(text),
            reference.as_deref(),
        );
        let mut response = (status, page).into_response();
        let retry_after = match self {
            AppError::RateLimited => Some("60"),
            AppError::StorageUnavailable => Some("30"),
            AppError::Busy => Some("5"),
            _ => None,
        };
        if let Some(seconds) = retry_after {
            response.headers_mut().insert(
                header::RETRY_AFTER,
                header::HeaderValue::from_static(seconds),
            );
        }
        if let AppError::StorageUnavailable = self {
            response.extensions_mut().insert(StorageFault);
        }
        response
    }
}

impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
        if crate::db::is_storage_fault(&e) {
            crate::db::note_write_fault(&e);
            return AppError::StorageUnavailable;
        }
        AppError::internal_in("database", e)
    }
}

impl From<tower_sessions::session::Error> for AppError {
    fn from(e: tower_sessions::session::Error) -> Self {
        AppError::internal_in("session", e)
    }
}

impl From<tokio::task::JoinError> for AppError {
    fn from(e: tokio::task::JoinError) -> Self {
        AppError::internal_in("task", e)
    }
}

/// A cause with a word on where it happened.
#[derive(Debug)]
struct Context {
    context: &'static str,
    source: BoxError,
}

impl std::fmt::Display for Context {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.context)
    }
}

impl Error for Context {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        Some(self.source.as_ref())
    }
}

/// "database: error returned from database: no such table: themes": every link of the chain
/// once. Many errors (sqlx's among them) already print their source in their own message, so
/// a link whose text the previous one contains is skipped.
pub fn chain(error: &(dyn Error + 'static)) -> String {
    let mut out = error.to_string();
    let mut previous = out.clone();
    let mut next = error.source();
    while let Some(link) = next {
        let text = link.to_string();
        if !previous.contains(&text) {
            out.push_str(": ");
            out.push_str(&text);
        }
        previous = text;
        next = link.source();
    }
    out
}

pub type AppResult<T> = Result<T, AppError>;

/// True when `e` is a unique-constraint violation, so a handler can turn it into a form error.
pub fn is_unique_violation(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Database(db) => db.is_unique_violation(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chain_names_every_cause_once() {
        let decode = sqlx::Error::Decode(Box::new(std::io::Error::other("bad status 'x'")));
        let AppError::Internal(cause) = AppError::from(decode) else {
            panic!("a database error is internal");
        };
        assert_eq!(
            chain(cause.as_ref()),
            "database: error occurred while decoding: bad status 'x'"
        );
        let AppError::Internal(plain) = AppError::internal("session layer missing") else {
            panic!("internal");
        };
        assert_eq!(chain(plain.as_ref()), "session layer missing");
        let nested = Context {
            context: "seed",
            source: "no theme 'x'".into(),
        };
        let AppError::Internal(outer) = AppError::internal_in("task", nested) else {
            panic!("internal");
        };
        assert_eq!(chain(outer.as_ref()), "task: seed: no theme 'x'");
    }
}
