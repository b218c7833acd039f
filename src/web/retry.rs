//! When a form cannot be saved because the database cannot write, the person gets back what
//! they typed, with a button that sends it again, instead of losing it.

use crate::error::StorageFault;
use crate::i18n::t;
use crate::web::layout;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

/// Fields never written back into a page: the session's token goes back hidden, passwords
/// not at all (the person types them again).
fn is_secret(name: &str) -> bool {
    name.contains("password")
}

/// Keep the body of a form post; if the handler answers with a storage fault, answer with the
/// same 503 page plus the typed fields and a form that posts them again to the same address.
pub async fn keep_form(req: Request, next: Next) -> Response {
    let is_form = req.method() == Method::POST
        && req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return next.run(req).await;
    }
    let (parts, body) = req.into_parts();
    // The CSRF layer outside has read the body into memory already (and capped it).
    let bytes = match axum::body::to_bytes(body, super::csrf::MAX_BODY).await {
        Ok(b) => b,
        Err(_) => return crate::error::AppError::PayloadTooLarge.into_response(),
    };
    let action = parts.uri.to_string();
    let response = next
        .run(Request::from_parts(parts, Body::from(bytes.clone())))
        .await;
    if response.extensions().get::<StorageFault>().is_none() {
        return response;
    }
    let fields: Vec<(String, String)> = form_urlencoded::parse(&bytes)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .filter(|(k, _)| !is_secret(k))
        .collect();
    let page = layout::error_page_with(
        &t("err-storage-title"),
        &t("err-storage-text"),
        retry_form(&action, &fields),
    );
    let mut answer = (response.status(), page).into_response();
    if let Some(v) = response.headers().get(header::RETRY_AFTER) {
        answer.headers_mut().insert(header::RETRY_AFTER, v.clone());
    }
    answer
}

/// tower-sessions answers a bare, empty 500 when it cannot save a session (as on a full
/// disk, where even a first visit to a form needs a session row); such an answer becomes
/// the "Speichern ist gerade nicht möglich" page in the visitor's language.
pub async fn session_fault(req: Request, next: Next) -> Response {
    let lang = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(crate::i18n::Lang::from_accept_language)
        .unwrap_or(crate::i18n::Lang::De);
    let response = next.run(req).await;
    if response.status() != axum::http::StatusCode::INTERNAL_SERVER_ERROR
        || response.headers().contains_key(header::CONTENT_TYPE)
    {
        return response;
    }
    crate::i18n::scope(lang, async {
        crate::error::AppError::StorageUnavailable.into_response()
    })
    .await
}

/// A field's label: from the catalogue (`retry-field-<name>`) where one exists.
fn label(name: &str) -> String {
    let key = format!("retry-field-{name}");
    let text = t(&key);
    if text == key { name.to_string() } else { text }
}

fn retry_form(action: &str, fields: &[(String, String)]) -> Markup {
    html! {
        h2 { (t("retry-heading")) }
        p { (t("retry-intro")) }
        form method="post" action=(action) {
            @for (i, (name, value)) in fields.iter().enumerate() {
                @if name == "csrf" {
                    input type="hidden" name="csrf" value=(value);
                } @else {
                    div.field {
                        label for={ "retry-" (i) } { (label(name)) }
                        // The newline keeps a leading line break of the value, which HTML
                        // would otherwise swallow.
                        textarea id={ "retry-" (i) } name=(name) readonly
                            rows=((value.lines().count() + 1).min(12)) { "\n" (value) }
                    }
                }
            }
            button type="submit" { (t("retry-again")) }
        }
    }
}
