//! Titles and texts of ideas, comments and themes, each with its bounds and German messages.

use super::{char_len, format_message, has_control_chars, has_format_chars, unicode};

/// Trims and checks length, control and invisible characters; `messages` are the field's
/// catalogue keys for empty, too short, too long and control characters. Longer texts lose
/// zero-width characters, BOMs and stray tags on the way (`unicode::strip_invisible`).
pub(crate) fn bounded(
    raw: &str,
    min: usize,
    max: usize,
    multiline: bool,
    messages: [&'static str; 4],
) -> Result<String, &'static str> {
    let [empty, too_short, too_long, control] = messages;
    // Normalise Windows line endings, so lengths and edits compare the same text.
    let mut s = raw.trim().replace("\r\n", "\n");
    if multiline {
        s = unicode::strip_invisible(&s).trim().to_string();
    }
    if s.is_empty() {
        return Err(empty);
    }
    if char_len(&s) < min {
        return Err(too_short);
    }
    if char_len(&s) > max {
        return Err(too_long);
    }
    if has_format_chars(&s, multiline) {
        return Err(format_message(multiline));
    }
    if has_control_chars(&s, multiline) {
        return Err(control);
    }
    if unicode::is_invisible(&s) {
        return Err("err-text-invisible");
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

/// An organisation's name: like a theme's, and in addition no word mixing scripts, because
/// organisations speak on the board and a look-alike could speak for another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgName(String);

impl OrgName {
    pub const MIN: usize = 3;
    pub const MAX: usize = 100;

    pub fn parse(raw: &str) -> Result<OrgName, &'static str> {
        let s = bounded(
            raw,
            Self::MIN,
            Self::MAX,
            false,
            [
                "err-org-name-missing",
                "err-name3-short",
                "err-name100-long",
                "err-name-control2",
            ],
        )?;
        if unicode::has_mixed_script_word(&s) {
            return Err("err-name-mixed-script");
        }
        Ok(OrgName(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl unicode::Name for OrgName {
    fn as_name(&self) -> &str {
        &self.0
    }
}

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
