//! Errors of the API as `application/problem+json` (RFC 9457), so a client never has to read
//! an HTML error page.

use crate::error::AppError;
use crate::i18n::t;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

pub const CONTENT_TYPE: &str = "application/problem+json";

#[derive(Debug)]
pub struct Problem {
    status: StatusCode,
    /// A sentence for people, in the request's language.
    detail: Option<String>,
    retry_after: Option<u64>,
}

impl Problem {
    pub fn new(status: StatusCode) -> Problem {
        Problem {
            status,
            detail: None,
            retry_after: None,
        }
    }

    /// A 400 that says which parameter is wrong (a catalogue key).
    pub fn bad_request(detail_key: &str) -> Problem {
        Problem {
            detail: Some(t(detail_key)),
            ..Problem::new(StatusCode::BAD_REQUEST)
        }
    }

    pub fn rate_limited(seconds: u64) -> Problem {
        Problem {
            retry_after: Some(seconds),
            ..Problem::new(StatusCode::TOO_MANY_REQUESTS)
        }
    }

    fn body(&self) -> serde_json::Value {
        // `about:blank`: the status says it all, and the title is its phrase (RFC 9457 4.2.1).
        let mut body = serde_json::json!({
            "type": "about:blank",
            "title": self.status.canonical_reason().unwrap_or("Error"),
            "status": self.status.as_u16(),
        });
        let detail = self.detail.clone().or_else(|| default_detail(self.status));
        if let (Some(detail), Some(map)) = (detail, body.as_object_mut()) {
            map.insert("detail".into(), detail.into());
        }
        body
    }
}

/// The error pages' own sentence for the common statuses.
fn default_detail(status: StatusCode) -> Option<String> {
    let key = match status {
        StatusCode::NOT_FOUND => "api-err-404",
        StatusCode::METHOD_NOT_ALLOWED => "api-err-405",
        StatusCode::TOO_MANY_REQUESTS => "api-err-429",
        StatusCode::BAD_REQUEST => "api-err-400",
        StatusCode::INTERNAL_SERVER_ERROR => "err-500-text",
        StatusCode::SERVICE_UNAVAILABLE => "err-storage-text",
        _ => return None,
    };
    Some(t(key))
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let body = self.body().to_string();
        let mut r = (
            self.status,
            [(header::CONTENT_TYPE, HeaderValue::from_static(CONTENT_TYPE))],
            body,
        )
            .into_response();
        if let Some(s) = self.retry_after {
            r.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(s));
        }
        r
    }
}

impl From<AppError> for Problem {
    /// The status the error page would have had; `AppError` logs an internal cause itself.
    fn from(e: AppError) -> Problem {
        Problem::new(e.into_response().status())
    }
}

impl From<sqlx::Error> for Problem {
    fn from(e: sqlx::Error) -> Problem {
        Problem::from(AppError::from(e))
    }
}

/// An error answer that is not a problem document yet (an extractor's 400 page, a 503 from
/// the storage) becomes one with the same status and `Retry-After`.
pub fn from_error_page(response: Response) -> Response {
    let status = response.status();
    let is_problem = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(CONTENT_TYPE.as_bytes()));
    if !(status.is_client_error() || status.is_server_error()) || is_problem {
        return response;
    }
    let retry_after = response.headers().get(header::RETRY_AFTER).cloned();
    let mut r = Problem::new(status).into_response();
    if let Some(v) = retry_after {
        r.headers_mut().insert(header::RETRY_AFTER, v);
    }
    r
}
