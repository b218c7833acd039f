//! What every page shares: layout, forms, CSRF, the typed session, the request context,
//! Markdown, dates, rate limiting, security headers and the embedded stylesheet.

pub mod assets;
pub mod client;
pub mod csrf;
pub mod csv;
pub mod ctx;
pub mod datetime;
pub mod extract;
pub mod forms;
pub mod hashing;
pub mod lang;
pub mod layout;
pub mod markdown;
pub mod pagecache;
pub mod ratelimit;
pub mod retry;
pub mod session;
pub mod trace;

pub use ctx::{Ctx, CurrentUser};

/// Where staff set up two-factor sign-in (and are sent when they must).
pub const TWO_FACTOR_SETUP: &str = "/account/zwei-faktor";
pub use extract::{Form, Path, Query};
pub use forms::{Field, FormErrors};

/// A Host header we may write into a link: a host name, IPv4 or bracketed IPv6 address,
/// with an optional port (anything else could make us write a foreign address).
pub fn plain_host(h: &str) -> bool {
    !h.is_empty()
        && h.len() <= 261
        && h.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-.:[]".contains(c))
        && !h.starts_with(['-', '.', ':'])
}

/// A `next=` target is only followed when it is a path on this site (no open redirect).
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        // Visible ASCII only: browsers drop tabs and newlines from a Location header, which
        // would turn "/\t/evil.example" into "//evil.example"; control characters would also
        // make the header itself invalid.
        Some(n)
            if n.starts_with('/')
                && !n.starts_with("//")
                && !n.contains('\\')
                && n.bytes().all(|b| (0x21..=0x7e).contains(&b)) =>
        {
            n.to_string()
        }
        _ => "/".to_string(),
    }
}

/// The `?page=` of a list: 1 for anything that is not a sensible page number.
pub fn page_param(raw: &str) -> i64 {
    raw.parse::<i64>()
        .ok()
        .filter(|p| *p >= 1 && *p <= 1_000_000)
        .unwrap_or(1)
}

/// An id from the address; anything that is not one of ours is simply "not found".
pub fn parse_id<T: std::str::FromStr>(raw: &str) -> crate::error::AppResult<T> {
    raw.parse().map_err(|_| crate::error::AppError::NotFound)
}

/// The start of a text for a list or a queue, cut between words (never inside a character) with an
/// ellipsis.
pub fn excerpt(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let cut: String = s.chars().take(max).collect();
        // End at the last space, so no word is cut in half (one endless word is cut as is).
        let cut = match cut.rfind(char::is_whitespace) {
            Some(at) if at > cut.len() / 2 => &cut[..at],
            _ => cut.as_str(),
        };
        let cut = cut.trim_end_matches(|c: char| c.is_whitespace() || ",;:–-".contains(c));
        format!("{cut}…")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn excerpts_end_between_words() {
        assert_eq!(super::excerpt("kurz", 10), "kurz");
        assert_eq!(super::excerpt("Digitale Ethik für alle", 12), "Digitale…");
        assert_eq!(super::excerpt("eins, zwei drei", 9), "eins…");
        assert_eq!(super::excerpt("Donaudampfschifffahrt", 5), "Donau…");
    }

    #[test]
    fn next_targets_stay_on_site() {
        assert_eq!(super::safe_next(Some("/ideas/3")), "/ideas/3");
        assert_eq!(super::safe_next(Some("//evil.example")), "/");
        assert_eq!(super::safe_next(Some("https://evil.example")), "/");
        assert_eq!(super::safe_next(Some("/\\evil.example")), "/");
        assert_eq!(super::safe_next(None), "/");
        assert_eq!(super::safe_next(Some("/\t/evil.example")), "/");
        assert_eq!(super::safe_next(Some("/ideas\r\nSet-Cookie: x")), "/");
        assert_eq!(super::safe_next(Some("/a b")), "/");
    }
}
