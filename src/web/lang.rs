//! Choosing the language of a request: `?lang=` (remembered in the session, the only cookie),
//! then the session's earlier choice, then Accept-Language, then German.

use crate::i18n::{self, Lang};
use axum::extract::Request;
use axum::http::header;
use axum::middleware::Next;
use axum::response::Response;
use tower_sessions::Session;

const KEY: &str = "lang";

pub async fn negotiate(req: Request, next: Next) -> Response {
    let session = req.extensions().get::<Session>().cloned();
    let asked = asked(req.uri());
    // Feed readers and API clients poll without cookies: remembering their `?lang=` would
    // start a session (a stored row and a cookie) on every poll.
    let path = req.uri().path();
    let remember = !["/feeds/", "/api/v1/", "/daten/"]
        .iter()
        .any(|p| path.starts_with(p));
    let lang = match (asked, &session) {
        (Some(lang), Some(s)) if remember => {
            // Remembering the choice is best effort: a failing store must not fail the page.
            let _ = s.insert(KEY, lang.code()).await;
            Some(lang)
        }
        (Some(lang), _) => Some(lang),
        (None, Some(s)) => s
            .get::<String>(KEY)
            .await
            .ok()
            .flatten()
            .and_then(|c| Lang::parse(&c)),
        (None, None) => None,
    };
    let lang = lang.unwrap_or_else(|| from_headers(req.headers()));
    let mut response = i18n::scope(lang, next.run(req)).await;
    response.headers_mut().insert(
        header::CONTENT_LANGUAGE,
        header::HeaderValue::from_static(lang.code()),
    );
    response.headers_mut().append(
        header::VARY,
        header::HeaderValue::from_static("accept-language"),
    );
    response
}

/// The language a request asks for in its address (`?lang=`).
fn asked(uri: &axum::http::Uri) -> Option<Lang> {
    uri.query().and_then(|q| {
        form_urlencoded::parse(q.as_bytes())
            .find(|(k, _)| k == "lang")
            .and_then(|(_, v)| Lang::parse(&v))
    })
}

/// The language from Accept-Language, German without it.
fn from_headers(headers: &axum::http::HeaderMap) -> Lang {
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(Lang::from_accept_language)
        .unwrap_or(Lang::De)
}

/// The language of a request without a session, as `negotiate` chooses it.
pub fn sessionless(uri: &axum::http::Uri, headers: &axum::http::HeaderMap) -> Lang {
    asked(uri).unwrap_or_else(|| from_headers(headers))
}

/// The current address with `lang=` set to `lang` (for the language switch).
pub fn switch_url(path_and_query: &str, lang: Lang) -> String {
    let (path, query) = path_and_query
        .split_once('?')
        .unwrap_or((path_and_query, ""));
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (k, v) in form_urlencoded::parse(query.as_bytes()) {
        if k != "lang" {
            out.append_pair(&k, &v);
        }
    }
    out.append_pair("lang", lang.code());
    format!("{path}?{}", out.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn switch_keeps_the_rest_of_the_address() {
        assert_eq!(switch_url("/", Lang::En), "/?lang=en");
        assert_eq!(
            switch_url("/themes/x?sort=trend&lang=de&page=2", Lang::En),
            "/themes/x?sort=trend&page=2&lang=en"
        );
    }
}
