//! The one place where user Markdown becomes HTML: pulldown-cmark, then ammonia, then PreEscaped.

use maud::{Markup, PreEscaped};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};
use std::sync::LazyLock;

/// The one sanitiser; the two kinds of text differ only in how their links are marked.
fn cleaner(rel: &'static str) -> ammonia::Builder<'static> {
    let mut b = ammonia::Builder::default();
    b.link_rel(Some(rel));
    // Images would be fetched from wherever their URL points: a third-party request that
    // tells a foreign server who reads what. The CSP blocks them too; here they never appear.
    b.rm_tags(["img"]);
    b
}

// Links in user text lead away from the board: never pass our referrer or rank them.
static CLEANER: LazyLock<ammonia::Builder<'static>> =
    LazyLock::new(|| cleaner("nofollow noopener noreferrer"));
// A new account's first posts also say that the link is user-generated (`ugc`): links are
// what spam accounts are made for.
static NEW_ACCOUNT_CLEANER: LazyLock<ammonia::Builder<'static>> =
    LazyLock::new(|| cleaner("nofollow ugc noopener noreferrer"));

/// Whose text it is, for how its links are marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Links {
    /// Everything else people write on the board.
    Board,
    /// A post from its author's first hours on the board (`rel="nofollow ugc"`).
    NewAccount,
}

impl Links {
    /// `NewAccount` for a post written while its author's account was new.
    pub fn of_post(first_post: bool) -> Links {
        if first_post {
            Links::NewAccount
        } else {
            Links::Board
        }
    }

    fn cleaner(self) -> &'static ammonia::Builder<'static> {
        match self {
            Links::Board => &CLEANER,
            Links::NewAccount => &NEW_ACCOUNT_CLEANER,
        }
    }
}

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
    render_with(source, demote, Links::Board)
}

/// An idea or a comment: like `render`, with the links of a new account's first posts
/// marked `ugc`.
pub fn render_post(source: &str, links: Links) -> Markup {
    render_with(source, demote, links)
}

/// Whole documents of the site itself (Impressum, ...), whose sections are already `##`.
pub fn render_document(source: &str) -> Markup {
    render_with(source, |level| level, Links::Board)
}

/// The words of a Markdown text without its marks, for excerpts on cards and in lists:
/// "Ich schlage eine **Börse** vor" reads "Ich schlage eine Börse vor". The result is text,
/// escaped like any other when it is shown.
pub fn plain_text(source: &str) -> String {
    let mut out = String::new();
    for event in Parser::new(source) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::CodeBlock,
            ) if !out.ends_with(' ') => out.push(' '),
            _ => {}
        }
    }
    out.trim().to_string()
}

/// A Markdown text as plain text that keeps its shape, for files people read elsewhere (the
/// review CSV): lines stay lines, paragraphs are parted by an empty line, list items start
/// with "- " (or their number), a link keeps its address in brackets, and the marks (`**`,
/// `#`, `>`) and raw HTML tags are gone.
pub fn plain_document(source: &str) -> String {
    let mut out = String::new();
    // Per open list: the next number of an ordered list, None for bullets.
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut link: Option<(String, usize)> = None;
    for event in Parser::new_ext(
        source,
        Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES,
    ) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push('\n'),
            Event::Start(Tag::List(first)) => lists.push(first),
            Event::End(TagEnd::List(_)) => {
                lists.pop();
                end_block(&mut out);
            }
            Event::Start(Tag::Item) => {
                if !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                }
                out.push_str(&"  ".repeat(lists.len().saturating_sub(1)));
                match lists.last_mut() {
                    Some(Some(n)) => {
                        out.push_str(&format!("{n}. "));
                        *n += 1;
                    }
                    _ => out.push_str("- "),
                }
            }
            Event::End(TagEnd::Item) if !out.ends_with('\n') => out.push('\n'),
            Event::Start(Tag::Link { dest_url, .. }) => {
                link = Some((dest_url.to_string(), out.len()))
            }
            Event::End(TagEnd::Link) => {
                if let Some((url, from)) = link.take() {
                    if out.get(from..) != Some(url.as_str()) {
                        out.push_str(&format!(" ({url})"));
                    }
                }
            }
            Event::End(TagEnd::TableCell) => out.push('\t'),
            Event::End(TagEnd::TableRow | TagEnd::TableHead) => {
                while out.ends_with('\t') {
                    out.pop();
                }
                out.push('\n');
            }
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_)
                | TagEnd::Table,
            ) => end_block(&mut out),
            _ => {}
        }
    }
    out.trim().to_string()
}

/// Ends a block: one empty line before the next (inside a list item: just the line).
fn end_block(out: &mut String) {
    while out.ends_with('\n') {
        out.pop();
    }
    if !out.is_empty() {
        out.push_str("\n\n");
    }
}

fn render_with(source: &str, demote: fn(HeadingLevel) -> HeadingLevel, links: Links) -> Markup {
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
    PreEscaped(links.cleaner().clean(&unsafe_html).to_string())
}

#[cfg(test)]
mod tests {
    use super::{Links, plain_document, plain_text, render, render_document, render_post};

    #[test]
    fn plain_documents_keep_lines_paragraphs_lists_and_link_addresses() {
        assert_eq!(
            plain_document(
                "# Titel\n\nErste Zeile; **fett**\nzweite Zeile\n\n- eins\n- [zwei](https://example.org/a)\n\n1. erste\n2. zweite <b>x</b>\n\n> Zitat"
            ),
            "Titel\n\nErste Zeile; fett\nzweite Zeile\n\n- eins\n- zwei (https://example.org/a)\n\n1. erste\n2. zweite x\n\nZitat"
        );
        let plain =
            "Erste Zeile; mit Semikolon\nZweite Zeile mit \"Anführungszeichen\", Komma\n=SUMME(A1)";
        assert_eq!(plain_document(plain), plain);
        assert_eq!(
            plain_document("<https://example.org>"),
            "https://example.org"
        );
    }

    #[test]
    fn plain_text_keeps_the_words_and_drops_the_marks() {
        assert_eq!(
            plain_text("Ich schlage eine **Börse** vor.\n\n- eins\n- zwei <b>x</b>"),
            "Ich schlage eine Börse vor. eins zwei x"
        );
    }

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

    #[test]
    fn a_new_accounts_links_are_marked_ugc_and_nothing_else_changes() {
        let source = "[Link](https://example.org) <script>alert(1)</script>";
        let new = render_post(source, Links::NewAccount).0;
        assert!(
            new.contains("rel=\"nofollow ugc noopener noreferrer\""),
            "{new}"
        );
        assert!(!new.contains("<script"), "{new}");
        let board = render_post(source, Links::Board).0;
        assert_eq!(board, render(source).0);
        assert!(!board.contains("ugc"), "{board}");
    }

    /// What the browser would see in the output, read with html5ever's tokenizer (the one
    /// ammonia parses with): every problem found, empty when the output is safe and
    /// well-formed.
    mod reader {
        use html5ever::tendril::StrTendril;
        use html5ever::tokenizer::{
            BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
        };
        use std::cell::RefCell;

        const VOID: &[&str] = &[
            "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
            "track", "wbr",
        ];
        /// Elements that run code, load things or change how the rest is parsed.
        const FORBIDDEN: &[&str] = &[
            "script",
            "style",
            "iframe",
            "frame",
            "frameset",
            "object",
            "embed",
            "applet",
            "svg",
            "math",
            "form",
            "input",
            "button",
            "textarea",
            "select",
            "link",
            "meta",
            "base",
            "img",
            "video",
            "audio",
            "source",
            "template",
            "noscript",
            "xmp",
            "plaintext",
            "noembed",
            "noframes",
            "title",
            "body",
            "html",
            "head",
        ];
        /// Attributes whose value is a URL that a browser follows or loads.
        const URL_ATTRS: &[&str] = &[
            "href",
            "src",
            "action",
            "formaction",
            "background",
            "poster",
            "cite",
            "data",
            "xlink:href",
            "srcset",
            "longdesc",
            "lowsrc",
            "dynsrc",
        ];
        const BAD_SCHEMES: &[&str] = &["javascript:", "vbscript:", "data:"];

        #[derive(Default)]
        struct Sink {
            open: RefCell<Vec<String>>,
            problems: RefCell<Vec<String>>,
        }

        impl Sink {
            fn problem(&self, p: String) {
                self.problems.borrow_mut().push(p);
            }
        }

        impl TokenSink for Sink {
            type Handle = ();

            fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
                match token {
                    Token::ParseError(e) => self.problem(format!("parse error: {e}")),
                    Token::DoctypeToken(_) => self.problem("doctype".into()),
                    Token::TagToken(tag) => {
                        let name = tag.name.to_string();
                        if FORBIDDEN.contains(&name.as_str()) {
                            self.problem(format!("<{name}>"));
                        }
                        match tag.kind {
                            TagKind::StartTag => {
                                if !VOID.contains(&name.as_str()) && !tag.self_closing {
                                    self.open.borrow_mut().push(name.clone());
                                }
                            }
                            TagKind::EndTag => {
                                let top = self.open.borrow_mut().pop();
                                if top.as_deref() != Some(name.as_str()) {
                                    self.problem(format!("</{name}> closes {top:?}"));
                                }
                            }
                        }
                        for attr in &tag.attrs {
                            let attr_name = attr.name.local.to_string().to_ascii_lowercase();
                            if attr_name.starts_with("on") || attr_name == "style" {
                                self.problem(format!("attribute {attr_name} on <{name}>"));
                            }
                            if URL_ATTRS.contains(&attr_name.as_str()) {
                                // Browsers drop whitespace and controls inside the scheme
                                // ("java\tscript:") and ignore case.
                                let url: String = attr
                                    .value
                                    .chars()
                                    .filter(|c| !c.is_whitespace() && !c.is_control())
                                    .collect::<String>()
                                    .to_ascii_lowercase();
                                if BAD_SCHEMES.iter().any(|s| url.starts_with(s)) {
                                    self.problem(format!("{attr_name}={url}"));
                                }
                            }
                        }
                    }
                    _ => {}
                }
                TokenSinkResult::Continue
            }
        }

        pub fn problems(html: &str) -> Vec<String> {
            let input = BufferQueue::default();
            input.push_back(StrTendril::from(html));
            let tokenizer = Tokenizer::new(Sink::default(), TokenizerOpts::default());
            let _ = tokenizer.feed(&input);
            tokenizer.end();
            let sink = tokenizer.sink;
            let mut problems = sink.problems.into_inner();
            let open = sink.open.into_inner();
            if !open.is_empty() {
                problems.push(format!("left open: {open:?}"));
            }
            if html.to_ascii_lowercase().contains("<script") {
                problems.push("<script".into());
            }
            problems
        }
    }

    /// The checker itself finds what it is there to find, so a passing property means
    /// something.
    #[test]
    fn the_reader_sees_dangerous_and_broken_markup() {
        for bad in [
            "<script>alert(1)</script>",
            "<p onclick=\"x\">a</p>",
            "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
            "<a href=\" &#106;avascript:alert(1)\">x</a>",
            "<a href=\"DATA:text/html,x\">x</a>",
            "<a href=\"vbscript:x\">x</a>",
            "<b><i>x</b></i>",
            "<p>offen",
            "<svg></svg>",
            "<p style=\"x\">a</p>",
            "<a href=\"x>",
        ] {
            assert!(!reader::problems(bad).is_empty(), "{bad}");
        }
        assert_eq!(
            reader::problems("<p><a href=\"https://x.de\" rel=\"nofollow\">a &amp; b</a><br></p>"),
            Vec::<String>::new()
        );
    }

    mod fuzz {
        use super::{Links, reader, render, render_document, render_post};
        use proptest::prelude::*;

        /// Filter-evasion shapes after the OWASP XSS cheat sheet, with Markdown's own ways
        /// to make links and raw HTML.
        const SHAPES: &[&str] = &[
            "<script>alert(1)</script>",
            "<ScRiPt>alert(1)</sCrIpT>",
            "<SCRIPT SRC=//x.example/x.js></SCRIPT>",
            "<scr<script>ipt>alert(1)</scr</script>ipt>",
            "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>",
            "<SCRIPT/XSS SRC=\"http://x/xss.js\"></SCRIPT>",
            "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
            "<img src=x onerror=alert(1)>",
            "<IMG SRC=JaVaScRiPt:alert('XSS')>",
            "<IMG SRC=`javascript:alert(\"XSS\")`>",
            "<IMG SRC=/ onerror=\"alert(String.fromCharCode(88,83,83))\"></img>",
            "<a href=\"java\tscript:alert(1)\">x</a>",
            "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
            "<a href=\"jav&#x0A;ascript:alert(1)\">x</a>",
            "<a href=\" &#14;  javascript:alert(1)\">x</a>",
            "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
            "<a href=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)\">x</a>",
            "<a href=\"&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)\">x</a>",
            "<a href=\"javas&#99;ript:alert(1)\">x</a>",
            "<a href=\"javascript&colon;alert(1)\">x</a>",
            "<a href='javascript:alert(1)'",
            "<a href=javascript:alert(1)//",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
            "<a href=\"vbscript:msgbox(1)\">x</a>",
            "<a onmouseover=\"alert(1)\">x</a>",
            "<a href=# onclick=alert(1)>x</a>",
            "[x](javascript:alert(1))",
            "[x](JAVASCRIPT:alert(1))",
            "[x](&#106;avascript:alert(1))",
            "[x](java&#x09;script:alert(1))",
            "[x](vbscript:msgbox(1))",
            "[x](data:text/html;base64,PHNjcmlwdD4=)",
            "[x](<javascript:alert(1)>)",
            "[x](\"onmouseover=alert(1))",
            "![x](data:image/svg+xml;base64,PHN2Zz4=)",
            "![x\" onerror=\"alert(1)](https://x.example/a.png)",
            "<javascript:alert(1)>",
            "<https://example.org/?q=\"><script>>",
            "[y][x]\n\n[x]: javascript:alert(1)\n",
            "<svg onload=alert(1)>",
            "<svg><script>alert(1)</script></svg>",
            "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "<math href=\"javascript:alert(1)\">x</math>",
            "<BODY ONLOAD=alert('XSS')>",
            "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"XSS\")>",
            "<iframe src=javascript:alert(1)></iframe>",
            "<object data=javascript:alert(1)>",
            "<embed src=data:text/html,x>",
            "<div style=\"width: expression(alert('XSS'));\">x</div>",
            "<STYLE>@import'http://x/xss.css';</STYLE>",
            "<style>li {list-style-image: url(\"javascript:alert('XSS')\");}</style><ul><li>XSS</li></ul>",
            "<INPUT TYPE=\"IMAGE\" SRC=\"javascript:alert('XSS');\">",
            "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">",
            "<TABLE BACKGROUND=\"javascript:alert('XSS')\">",
            "<LINK REL=\"stylesheet\" HREF=\"javascript:alert('XSS');\">",
            "<BASE HREF=\"javascript:alert('XSS');//\">",
            "<!--[if gte IE 4]><SCRIPT>alert('XSS');</SCRIPT><![endif]-->",
            "<![CDATA[<script>alert(1)</script>]]>",
            "<xss onfocus=alert(1) autofocus tabindex=1>",
            "<details open ontoggle=alert(1)>",
            "<form action=javascript:alert(1)><button formaction=javascript:alert(1)>x</button></form>",
            "\"><script>alert(1)</script>",
            "'><img src=x onerror=alert(1)>",
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
            "<textarea><script>alert(1)</script></textarea>",
            "<template><script>alert(1)</script></template>",
            "<xmp><script>alert(1)</script></xmp>",
            "<plaintext><script>",
            "<title><script>alert(1)</script></title>",
            "<a href=\"https://example.org\">gut</a>",
            "**fett** _kursiv_ ~~weg~~",
            "# Titel\n",
            "> Zitat\n",
            "- a\n- b\n",
            "1. eins\n2. zwei\n",
            "`<script>`",
            "```\n<script>alert(1)</script>\n```\n",
            "| a | b |\n|---|---|\n| <script> | <b>x |\n",
            "<div><p>offen",
            "</div></p></span>",
            "<b><i>falsch</b></i>",
            "&lt;script&gt;",
            "&#60;script&#62;",
            "&",
            "<",
            "\"",
            "'",
            "=",
            "\n\n",
            "    eingerückt\n",
            "\u{0}",
            "\u{202E}",
        ];

        /// A shape, sometimes with its case shuffled (`<sCrIpT`), as filters that compare
        /// case-sensitively are fooled.
        fn shape() -> impl Strategy<Value = String> {
            (prop::sample::select(SHAPES), any::<u64>()).prop_map(|(s, bits)| {
                s.chars()
                    .enumerate()
                    .map(|(i, c)| {
                        if bits >> (i % 64) & 1 == 1 {
                            c.to_ascii_uppercase()
                        } else {
                            c.to_ascii_lowercase()
                        }
                    })
                    .collect()
            })
        }

        /// A made-up tag with made-up attributes: event handlers, URL attributes with
        /// hostile schemes spelled in several ways, broken and missing quotes.
        fn tag() -> impl Strategy<Value = String> {
            proptest::string::string_regex(
                "</?(a|img|svg|math|script|style|iframe|p|div|span|table|td|details|x[a-z]{0,4})\
                 ( {0,2}(on[a-z]{1,8}|href|src|style|xlink:href|formaction|title)\
                 (=(\"|'|`)?( ?|\\t|&#9;|&#x0A;)(javascript:|JaVaScRiPt:|java\\tscript:|&#106;avascript:|jav&#x09;ascript:|vbscript:|data:text/html,|https://x.example/|expression\\()\
                 [a-z()0-9'\"<>]{0,8}(\"|'|`)?)?){0,3} ?/?>?",
            )
            .unwrap_or_else(|e| panic!("{e}"))
        }

        /// Anything at all, so what the shapes do not think of still gets tried.
        fn noise() -> impl Strategy<Value = String> {
            prop_oneof![
                any::<String>(),
                proptest::string::string_regex("[<>\"'=&#;:/ a-zA-Z0-9\\[\\]()!*`\\n-]{0,40}")
                    .unwrap_or_else(|e| panic!("{e}")),
            ]
        }

        fn document() -> impl Strategy<Value = String> {
            prop::collection::vec(prop_oneof![3 => shape(), 3 => tag(), 2 => noise()], 1..12)
                .prop_map(|parts| parts.concat())
        }

        proptest! {
            // Ten thousand documents (rendered each way) on every test run; a second or two in a debug build.
            #![proptest_config(ProptestConfig { cases: 10_000, ..ProptestConfig::default() })]

            #[test]
            fn rendered_markdown_is_safe_and_well_formed(source in document()) {
                let new_account = render_post(&source, Links::NewAccount).0;
                for out in [render(&source).0, render_document(&source).0, new_account] {
                    let problems = reader::problems(&out);
                    prop_assert!(problems.is_empty(), "{problems:?}\nin: {source:?}\nout: {out}");
                }
            }
        }
    }
}
