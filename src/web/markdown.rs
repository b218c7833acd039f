//! The one place where user Markdown becomes HTML: pulldown-cmark, then ammonia, then PreEscaped.

use maud::{Markup, PreEscaped};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};
use std::sync::LazyLock;

static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::default();
    // Links in user text lead away from the board: never pass our referrer or rank them.
    b.link_rel(Some("nofollow noopener noreferrer"));
    // Images would be fetched from wherever their URL points: a third-party request that
    // tells a foreign server who reads what. The CSP blocks them too; here they never appear.
    b.rm_tags(["img"]);
    b
});

/// Headings in user text start at h2, below the page's one h1, keeping the outline intact.
fn demote(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// Markdown written by people on the board: its headings start at h2 below the page's h1.
pub fn render(source: &str) -> Markup {
    render_with(source, demote)
}

/// Whole documents of the site itself (Impressum, ...), whose sections are already `##`.
pub fn render_document(source: &str) -> Markup {
    render_with(source, |level| level)
}

fn render_with(source: &str, demote: fn(HeadingLevel) -> HeadingLevel) -> Markup {
    let parser = Parser::new_ext(
        source,
        Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES,
    )
    .map(|event| match event {
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Event::Start(Tag::Heading {
            level: demote(level),
            id,
            classes,
            attrs,
        }),
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(demote(level))),
        other => other,
    });
    let mut unsafe_html = String::with_capacity(source.len() * 3 / 2);
    html::push_html(&mut unsafe_html, parser);
    PreEscaped(CLEANER.clean(&unsafe_html).to_string())
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn formatting_survives_and_scripts_do_not() {
        let out = render("# Titel\n\n**fett** [Link](https://example.org) <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>").0;
        assert!(out.contains("<h2>Titel</h2>"), "{out}");
        assert!(out.contains("<strong>fett</strong>"));
        assert!(out.contains("rel=\"nofollow noopener noreferrer\""));
        assert!(!out.contains("<script"));
        assert!(!out.contains("javascript:"));
        assert!(!out.contains("onerror"));
    }
}
