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
    Internal(String),
}

impl AppError {
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        AppError::Internal(cause.to_string())
    }

    fn page(&self) -> (StatusCode, &'static str, &'static str) {
        match self {
            AppError::NotFound => (
                StatusCode::NOT_FOUND,
                "Seite nicht gefunden",
                "Diese Seite gibt es nicht (mehr). Vielleicht wurde sie verschoben, oder die Adresse enthält einen Tippfehler.",
            ),
            AppError::MethodNotAllowed => (
                StatusCode::METHOD_NOT_ALLOWED,
                "Aktion nicht möglich",
                "Diese Adresse kann so nicht aufgerufen werden. Bitte nutzen Sie die Links und Schaltflächen der Seite.",
            ),
            AppError::Forbidden => (
                StatusCode::FORBIDDEN,
                "Kein Zugriff",
                "Für diese Seite oder Aktion fehlt Ihnen die Berechtigung.",
            ),
            AppError::Blocked => (
                StatusCode::FORBIDDEN,
                "Konto gesperrt",
                "Ihr Konto wurde von der Moderation gesperrt. Sie können weiter lesen, aber nichts veröffentlichen, unterstützen oder melden. Die Begründung steht im Transparenzbericht.",
            ),
            AppError::BadRequest => (
                StatusCode::BAD_REQUEST,
                "Anfrage nicht verständlich",
                "Die gesendeten Daten passen zu keinem unserer Formulare. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal.",
            ),
            AppError::Csrf => (
                StatusCode::FORBIDDEN,
                "Formular abgelaufen",
                "Das Formular war nicht mehr gültig, zum Beispiel weil Ihre Sitzung abgelaufen ist. Bitte gehen Sie zurück, laden Sie die Seite neu und senden Sie es erneut.",
            ),
            AppError::PayloadTooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "Eingabe zu groß",
                "Die gesendeten Daten sind zu umfangreich. Bitte kürzen Sie Ihren Text und versuchen Sie es erneut.",
            ),
            AppError::RateLimited => (
                StatusCode::TOO_MANY_REQUESTS,
                "Zu viele Versuche",
                "Von Ihrer Adresse kamen in kurzer Zeit zu viele Anmelde- oder Registrierungsversuche. Bitte warten Sie eine Minute und versuchen Sie es dann erneut.",
            ),
            AppError::LoginRequired { .. } | AppError::Internal(_) => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "Ein Fehler ist aufgetreten",
                "Entschuldigung, auf unserer Seite ist ein Fehler aufgetreten. Er wurde protokolliert. Bitte versuchen Sie es später noch einmal.",
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
        let mut response = (status, layout::error_page(title, text)).into_response();
        if status == StatusCode::TOO_MANY_REQUESTS {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, header::HeaderValue::from_static("60"));
        }
        response
    }
}

impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
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
