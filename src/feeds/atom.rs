//! Writing Atom 1.0 (RFC 4287) documents: absolute links, tag: ids, and answers with an ETag.

use crate::error::{AppError, AppResult};
use crate::i18n::{self, t};
use atom_syndication::{Category, Content, Entry, FixedDateTime, Link, Person, Text};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::hash::{Hash, Hasher};

/// The year in every tag: id; fixed, so ids never change (RFC 4151 wants a date the name
/// belonged to us).
const TAG_YEAR: u16 = 2026;

/// Entries per feed at most.
pub const LIMIT: i64 = 50;

/// Where the site lives, for absolute links and stable ids.
pub struct Site {
    /// `https://host[:port][/path]`, without the final slash.
    base: String,
    /// `tag:host,2026:`
    tag: String,
}

impl Site {
    /// From `MITDENKEN_BASE_URL`, or else from the request's Host header (refused when it
    /// is not a plain host name or address, so nobody can make us write foreign links).
    pub fn of(base_url: Option<&str>, secure: bool, headers: &HeaderMap) -> AppResult<Site> {
        let base = match base_url {
            Some(base) => base.to_string(),
            None => {
                let host = headers
                    .get(header::HOST)
                    .and_then(|h| h.to_str().ok())
                    .filter(|h| crate::web::plain_host(h))
                    .ok_or(AppError::BadRequest)?;
                let scheme = if secure { "https" } else { "http" };
                format!("{scheme}://{host}")
            }
        };
        let authority = base.split_once("://").map_or(base.as_str(), |(_, r)| r);
        let authority = authority.split('/').next().unwrap_or(authority);
        let host = match authority.rsplit_once(':') {
            Some((h, port)) if !port.contains(']') => h,
            _ => authority,
        };
        let tag = format!("tag:{},{TAG_YEAR}:", host.trim_matches(['[', ']']));
        Ok(Site { base, tag })
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// A stable entry or feed id: `tag:host,2026:idea-42`.
    pub fn id(&self, name: &str) -> String {
        format!("{}{name}", self.tag)
    }
}

/// Unix seconds as an Atom date (the epoch for a value out of range).
pub fn date(secs: i64) -> FixedDateTime {
    chrono::DateTime::from_timestamp(secs, 0)
        .unwrap_or_default()
        .fixed_offset()
}

/// What one entry says; `author` only for entries with a person behind them (the feed's
/// author, the office, stands for the rest).
pub struct EntryParts<'a> {
    pub id: String,
    pub title: String,
    pub published: i64,
    pub updated: i64,
    pub author: Option<&'a str>,
    pub link: String,
    /// Already sanitised HTML (`web::markdown`, or maud-escaped plain text).
    pub html: String,
    pub category: Option<&'a str>,
}

pub fn entry(p: EntryParts<'_>) -> Entry {
    Entry {
        title: Text::plain(p.title),
        id: p.id,
        updated: date(p.updated),
        published: Some(date(p.published)),
        authors: p
            .author
            .map(|name| Person {
                name: name.to_string(),
                ..Default::default()
            })
            .into_iter()
            .collect(),
        links: vec![Link {
            href: p.link,
            rel: "alternate".into(),
            mime_type: Some("text/html".into()),
            ..Default::default()
        }],
        categories: p
            .category
            .map(|term| Category {
                term: term.to_string(),
                ..Default::default()
            })
            .into_iter()
            .collect(),
        content: Some(Content {
            value: Some(p.html),
            content_type: Some("html".into()),
            ..Default::default()
        }),
        ..Default::default()
    }
}

/// A whole feed: `name` makes its id, `path` its own address, `page` the page it mirrors.
pub fn feed(
    site: &Site,
    name: &str,
    path: &str,
    page: &str,
    title: String,
    mut entries: Vec<Entry>,
) -> atom_syndication::Feed {
    entries.sort_by(|a, b| b.updated.cmp(&a.updated).then_with(|| b.id.cmp(&a.id)));
    entries.truncate(usize::try_from(LIMIT).unwrap_or(50));
    let lang = i18n::current().code();
    let updated = entries
        .iter()
        .map(|e| e.updated)
        .max()
        .unwrap_or_else(|| date(0));
    atom_syndication::Feed {
        title: Text::plain(title),
        id: site.id(&format!("feed-{name}")),
        updated,
        authors: vec![Person {
            name: t("site-name"),
            uri: Some(site.url("/")),
            ..Default::default()
        }],
        links: vec![
            Link {
                href: site.url(&format!("{path}?lang={lang}")),
                rel: "self".into(),
                mime_type: Some("application/atom+xml".into()),
                ..Default::default()
            },
            Link {
                href: site.url(&format!("{page}?lang={lang}")),
                rel: "alternate".into(),
                mime_type: Some("text/html".into()),
                ..Default::default()
            },
        ],
        lang: Some(lang.to_string()),
        entries,
        ..Default::default()
    }
}

/// The feed as `application/atom+xml` with a weak ETag over its bytes (weak: the
/// compression layer may change the bytes on the wire), or `304` when the reader has it.
pub fn respond(feed: &atom_syndication::Feed, request: &HeaderMap) -> AppResult<Response> {
    let body = feed
        .write_to(Vec::new())
        .map_err(|e| AppError::internal_in("atom feed", e))?;
    let mut hasher = std::hash::DefaultHasher::new();
    body.hash(&mut hasher);
    let etag = format!("W/\"{:016x}\"", hasher.finish());
    let etag_value = HeaderValue::from_str(&etag).map_err(|e| AppError::internal_in("etag", e))?;
    let known = request
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|tag| tag.trim())
        .any(|tag| tag == "*" || tag.trim_start_matches("W/") == etag.trim_start_matches("W/"));
    if known {
        return Ok((StatusCode::NOT_MODIFIED, [(header::ETAG, etag_value)]).into_response());
    }
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/atom+xml; charset=utf-8"),
            ),
            (header::ETAG, etag_value),
        ],
        body,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::Site;
    use crate::web::plain_host as valid_host;
    use axum::http::{HeaderMap, HeaderValue, header};

    #[test]
    fn hosts_are_plain_names_or_addresses() {
        for good in [
            "example.de",
            "example.de:8080",
            "127.0.0.1:3000",
            "[::1]:3000",
        ] {
            assert!(valid_host(good), "{good}");
        }
        for bad in ["", "evil.de/x", "a b", "evil.de\"", "-x", "user@evil.de"] {
            assert!(!valid_host(bad), "{bad}");
        }
    }

    #[test]
    fn ids_leave_out_the_port_and_links_keep_it() {
        let mut headers = HeaderMap::new();
        headers.insert(header::HOST, HeaderValue::from_static("example.de:8080"));
        let site = Site::of(None, true, &headers).expect("a site");
        assert_eq!(site.id("idea-1"), "tag:example.de,2026:idea-1");
        assert_eq!(site.url("/ideas/1"), "https://example.de:8080/ideas/1");
        let site = Site::of(
            Some("https://board.example.de/mit"),
            false,
            &HeaderMap::new(),
        )
        .expect("a site");
        assert_eq!(site.id("x"), "tag:board.example.de,2026:x");
        assert_eq!(site.url("/"), "https://board.example.de/mit/");
        assert!(Site::of(None, false, &HeaderMap::new()).is_err());
    }
}
