//! One error type for every handler: friendly German pages for people, causes only in the log.

use crate::web::layout;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};

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
    Internal(String),
}

/// Marks a response as "the write failed for the storage", for `web::retry`.
#[derive(Clone, Copy)]
pub struct StorageFault;

impl AppError {
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        AppError::Internal(cause.to_string())
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
            AppError::LoginRequired { .. } | AppError::Internal(_) => (
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
            AppError::Internal(cause) => tracing::error!(%cause, "request failed"),
            _ => {}
        }
        let (status, title, text) = self.page();
        let page = layout::error_page(&crate::i18n::t(title), &crate::i18n::t(text));
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
        AppError::internal(format!("database: {e}"))
    }
}

impl From<tower_sessions::session::Error> for AppError {
    fn from(e: tower_sessions::session::Error) -> Self {
        AppError::internal(format!("session: {e}"))
    }
}

impl From<tokio::task::JoinError> for AppError {
    fn from(e: tokio::task::JoinError) -> Self {
        AppError::internal(format!("task: {e}"))
    }
}

pub type AppResult<T> = Result<T, AppError>;

/// True when `e` is a unique-constraint violation, so a handler can turn it into a form error.
pub fn is_unique_violation(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Database(db) => db.is_unique_violation(),
        _ => false,
    }
}
