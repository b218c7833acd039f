//! What every page shares: layout, forms, CSRF, the typed session, the request context,
//! Markdown, dates, rate limiting, security headers and the embedded stylesheet.

pub mod assets;
pub mod client;
pub mod csrf;
pub mod ctx;
pub mod datetime;
pub mod forms;
pub mod layout;
pub mod markdown;
pub mod ratelimit;
pub mod session;

pub use ctx::{Ctx, CurrentUser};
pub use forms::{Field, Form, FormErrors};

/// A `next=` target is only followed when it is a path on this site (no open redirect).
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') => n.to_string(),
        _ => "/".to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn next_targets_stay_on_site() {
        assert_eq!(super::safe_next(Some("/ideas/3")), "/ideas/3");
        assert_eq!(super::safe_next(Some("//evil.example")), "/");
        assert_eq!(super::safe_next(Some("https://evil.example")), "/");
        assert_eq!(super::safe_next(Some("/\\evil.example")), "/");
        assert_eq!(super::safe_next(None), "/");
    }
}
