//! Tags: a theme's short list of keywords (e.g. "Ehrenamt"), at most three per idea.

use super::text::text_type;

/// An author may pick this many of the theme's tags; moderators keep to it when retagging.
pub const MAX_PER_IDEA: usize = 3;

/// The tag ids of the three tag selects as sent; empty or odd values are no choice.
pub fn chosen(raw: [&str; 3]) -> Vec<super::TagId> {
    raw.into_iter().filter_map(|s| s.parse().ok()).collect()
}

text_type!(
    TagName,
    2,
    40,
    false,
    [
        "err-tag-missing",
        "err-tag-short",
        "err-tag-long",
        "err-tag-control",
    ]
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_names_are_short_single_lines() {
        assert_eq!(
            TagName::parse(" Ehrenamt ").map(|t| t.as_str().to_string()),
            Ok("Ehrenamt".to_string())
        );
        assert!(TagName::parse("x").is_err());
        assert!(TagName::parse(&"y".repeat(41)).is_err());
        assert!(TagName::parse("Länd\nlich").is_err());
    }
}
