//! Titles and texts of ideas, comments and themes, each with its bounds and German messages.

use super::{char_len, has_control_chars};

/// Trims and checks length and control characters; `what` names the field in the message.
pub(crate) fn bounded(
    raw: &str,
    min: usize,
    max: usize,
    multiline: bool,
    messages: [&'static str; 4],
) -> Result<String, &'static str> {
    let [empty, too_short, too_long, control] = messages;
    // Normalise Windows line endings, so lengths and edits compare the same text.
    let s = raw.trim().replace("\r\n", "\n");
    if s.is_empty() {
        return Err(empty);
    }
    if char_len(&s) < min {
        return Err(too_short);
    }
    if char_len(&s) > max {
        return Err(too_long);
    }
    if has_control_chars(&s, multiline) {
        return Err(control);
    }
    Ok(s)
}

macro_rules! text_type {
    ($name:ident, $min:expr, $max:expr, $multiline:expr, $messages:expr) => {
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct $name(String);

        impl $name {
            pub const MIN: usize = $min;
            pub const MAX: usize = $max;

            pub fn parse(raw: &str) -> Result<$name, &'static str> {
                $crate::domain::text::bounded(raw, $min, $max, $multiline, $messages).map($name)
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }
    };
}
/// Other domain modules declare their texts the same way.
pub(crate) use text_type;

text_type!(
    IdeaTitle,
    5,
    120,
    false,
    [
        "err-title-missing",
        "err-title-short",
        "err-title-long",
        "err-title-control",
    ]
);

text_type!(
    IdeaBody,
    20,
    10_000,
    true,
    [
        "err-idea-body-missing",
        "err-idea-body-short",
        "err-idea-body-long",
        "err-body-control",
    ]
);

text_type!(
    CommentBody,
    2,
    5_000,
    true,
    [
        "err-comment-missing",
        "err-comment-short",
        "err-comment-long",
        "err-comment-control",
    ]
);

text_type!(
    ThemeName,
    3,
    100,
    false,
    [
        "err-theme-name-missing",
        "err-name3-short",
        "err-name100-long",
        "err-name-control2",
    ]
);

text_type!(
    ThemeDescription,
    10,
    5_000,
    true,
    [
        "err-theme-desc-missing",
        "err-desc10-short",
        "err-desc5000-long",
        "err-body-control",
    ]
);

text_type!(
    OrgName,
    3,
    100,
    false,
    [
        "err-org-name-missing",
        "err-name3-short",
        "err-name100-long",
        "err-name-control2",
    ]
);

text_type!(
    OrgDescription,
    10,
    2_000,
    true,
    [
        "err-org-desc-missing",
        "err-desc10-short",
        "err-desc2000-long",
        "err-body-control",
    ]
);

/// An optional web address: empty, or http(s) with a host and no spaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Website(String);

impl Website {
    pub fn parse(raw: &str) -> Result<Website, &'static str> {
        let s = raw.trim();
        if s.is_empty() {
            return Ok(Website(String::new()));
        }
        let rest = s
            .strip_prefix("https://")
            .or_else(|| s.strip_prefix("http://"));
        match rest {
            Some(r)
                if !r.is_empty()
                    && r.len() <= 200
                    && !r.contains(char::is_whitespace)
                    && !r.starts_with('/') =>
            {
                Ok(Website(s.to_string()))
            }
            _ => Err("err-website"),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The URL part of a theme: lower-case ASCII letters, digits and single hyphens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slug(String);

impl Slug {
    pub fn parse(raw: &str) -> Result<Slug, &'static str> {
        let s = raw.trim();
        if s.is_empty() {
            return Err("err-slug-missing");
        }
        let valid = s.len() <= 80
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !s.starts_with('-')
            && !s.ends_with('-')
            && !s.contains("--");
        if valid {
            Ok(Slug(s.to_string()))
        } else {
            Err("err-slug-invalid")
        }
    }

    /// A slug suggested from a name: umlauts spelled out, everything else folded to hyphens.
    pub fn from_name(name: &str) -> String {
        let mut out = String::new();
        for c in name.trim().to_lowercase().chars() {
            match c {
                'ä' => out.push_str("ae"),
                'ö' => out.push_str("oe"),
                'ü' => out.push_str("ue"),
                'ß' => out.push_str("ss"),
                c if c.is_ascii_alphanumeric() => out.push(c),
                _ => {
                    if !out.ends_with('-') && !out.is_empty() {
                        out.push('-')
                    }
                }
            }
        }
        let mut s = out.trim_end_matches('-').to_string();
        s.truncate(80);
        s.trim_end_matches('-').to_string()
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_trimmed_and_bounded() {
        assert_eq!(
            IdeaTitle::parse("  Digitalpaten im Seniorentreff ").map(|t| t.as_str().to_string()),
            Ok("Digitalpaten im Seniorentreff".to_string())
        );
        assert!(IdeaTitle::parse("   ").is_err());
        assert!(IdeaTitle::parse("Kurz").is_err());
        assert!(IdeaTitle::parse(&"ü".repeat(121)).is_err());
        assert!(IdeaTitle::parse(&"ü".repeat(120)).is_ok());
        assert!(IdeaTitle::parse("Zeile\nZwei und mehr").is_err());
    }

    #[test]
    fn bodies_allow_newlines_and_normalise_crlf() {
        let b = IdeaBody::parse("Erster Absatz mit Text.\r\n\r\nZweiter Absatz.")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(b.as_str(), "Erster Absatz mit Text.\n\nZweiter Absatz.");
        assert!(IdeaBody::parse("zu kurz").is_err());
        assert!(CommentBody::parse("ok").is_ok());
        assert!(CommentBody::parse(&"x".repeat(5_001)).is_err());
    }

    #[test]
    fn websites() {
        assert!(Website::parse("").is_ok());
        assert!(Website::parse("https://sozialhelden.de").is_ok());
        assert!(Website::parse("javascript:alert(1)").is_err());
        assert!(Website::parse("https://").is_err());
        assert!(Website::parse("https://a b.de").is_err());
    }

    #[test]
    fn slugs() {
        assert_eq!(
            Slug::from_name("Begleitender Sozialstaat für die digitale Gesellschaft"),
            "begleitender-sozialstaat-fuer-die-digitale-gesellschaft"
        );
        assert_eq!(
            Slug::from_name("  Straße & Ökologie!! "),
            "strasse-oekologie"
        );
        assert!(Slug::parse("digitale-ethik").is_ok());
        for bad in ["", "Digitale", "a--b", "-a", "a-", "ä", "a b"] {
            assert!(Slug::parse(bad).is_err(), "{bad}");
        }
    }
}
