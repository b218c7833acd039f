//! How German text becomes search terms, the same way for the index and for a query on both
//! databases: lower-cased (all of Unicode), umlauts and ß folded (ä→ae, ö→oe, ü→ue, ß→ss, so
//! "Straße"/"Strasse" and "älter"/"Aelter" meet), cut into words, stemmed (Snowball German).

use rust_stemmers::{Algorithm, Stemmer};

/// Words shorter than this are left out of a query (one letter finds everything).
pub const MIN_WORD: usize = 2;
/// At most this many words of a query count; the rest is ignored (a pasted essay stays cheap).
pub const MAX_WORDS: usize = 12;
/// Longer "words" are cut (nobody searches for 10,000 letters in a row).
const MAX_WORD_CHARS: usize = 60;

/// Lower-cases and folds umlauts and ß; every other character stays.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            c => out.push(c),
        }
    }
    out
}

/// The words of a folded text: runs of letters and digits.
pub fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

fn stemmer() -> Stemmer {
    Stemmer::create(Algorithm::German)
}

/// The stem of one folded word.
pub fn stem_word(word: &str) -> String {
    stemmer().stem(word).into_owned()
}

/// The stemmed shadow of a text, as SQLite's FTS5 index stores it: stems separated by spaces.
pub fn stemmed(text: &str) -> String {
    let s = stemmer();
    let folded = fold(text);
    let mut out = String::with_capacity(folded.len());
    for w in words(&folded) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&s.stem(w));
    }
    out
}

/// What a search finds, in the order the results list them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    Idea,
    Learning,
    Comment,
}

impl Found {
    pub const ALL: [Found; 3] = [Found::Idea, Found::Learning, Found::Comment];

    pub fn as_str(self) -> &'static str {
        match self {
            Found::Idea => "idea",
            Found::Learning => "learning",
            Found::Comment => "comment",
        }
    }

    pub fn parse(s: &str) -> Option<Found> {
        Found::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Found::Idea => "search-kind-idea",
            Found::Learning => "search-kind-learning",
            Found::Comment => "search-kind-comment",
        }
    }
}

crate::stored_as_text!(Found);

/// One word of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// Folded, not stemmed (PostgreSQL stems with its own `german` configuration).
    pub folded: String,
    /// Folded and stemmed (SQLite's index holds stems).
    pub stem: String,
    /// Typed with a trailing `*`: every word starting with it.
    pub prefix: bool,
}

impl Term {
    /// Whether a folded word of a text is a hit for this term (for the highlighted excerpt).
    pub fn hits(&self, folded_word: &str, stem: &str) -> bool {
        if self.prefix {
            folded_word.starts_with(&self.stem) || folded_word.starts_with(&self.folded)
        } else {
            stem == self.stem
        }
    }
}

/// A query as typed, parsed once: its words, never its operators.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SearchQuery {
    /// Nothing typed.
    Empty,
    /// Only words shorter than `MIN_WORD` letters.
    TooShort,
    /// All terms must occur (in any order).
    Terms(Vec<Term>),
}

impl SearchQuery {
    pub fn parse(raw: &str) -> SearchQuery {
        let folded = fold(raw);
        let mut terms: Vec<Term> = Vec::new();
        let mut any = false;
        let mut rest = folded.as_str();
        while let Some(start) = rest.find(|c: char| c.is_alphanumeric()) {
            let tail = &rest[start..];
            let end = tail
                .find(|c: char| !c.is_alphanumeric())
                .unwrap_or(tail.len());
            let word = &tail[..end];
            let prefix = tail[end..].starts_with('*');
            rest = &tail[end..];
            any = true;
            let word: String = word.chars().take(MAX_WORD_CHARS).collect();
            if word.chars().count() < MIN_WORD || terms.len() >= MAX_WORDS {
                continue;
            }
            let term = Term {
                stem: stem_word(&word),
                folded: word,
                prefix,
            };
            if !terms.contains(&term) {
                terms.push(term);
            }
        }
        match (terms.is_empty(), any || !raw.trim().is_empty()) {
            (false, _) => SearchQuery::Terms(terms),
            (true, true) => SearchQuery::TooShort,
            (true, false) => SearchQuery::Empty,
        }
    }
}

/// Words too common to tell ideas apart, left out when looking for similar ideas (folded).
const STOPWORDS: [&str; 40] = [
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einer", "und", "oder",
    "fuer", "mit", "von", "vom", "zu", "zum", "zur", "im", "in", "an", "am", "auf", "aus", "bei",
    "nach", "ueber", "unter", "wir", "ich", "sie", "es", "ist", "sind", "mehr", "auch", "nicht",
    "wie", "als",
];

/// The words of a text being written that may find a similar idea: the parsed words without
/// the most common ones and without prefixes, at most `MAX_WORDS`.
pub fn similar_terms(text: &str) -> Vec<Term> {
    let mut out: Vec<Term> = Vec::new();
    let folded = fold(text);
    for w in words(&folded) {
        if out.len() >= MAX_WORDS {
            break;
        }
        let w: String = w.chars().take(MAX_WORD_CHARS).collect();
        if w.chars().count() < 3 || STOPWORDS.contains(&w.as_str()) {
            continue;
        }
        let term = Term {
            stem: stem_word(&w),
            folded: w,
            prefix: false,
        };
        if !out.iter().any(|t| t.stem == term.stem) {
            out.push(term);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(q: &str) -> Vec<String> {
        match SearchQuery::parse(q) {
            SearchQuery::Terms(t) => t.into_iter().map(|t| t.stem).collect(),
            _ => Vec::new(),
        }
    }

    #[test]
    fn german_forms_meet() {
        assert_eq!(stems("Familien"), stems("Familie"));
        assert_eq!(stems("Beratungen"), stems("Beratung"));
        assert_eq!(stems("digitaler"), stems("digital"));
        assert_eq!(stems("Aelter"), stems("älter"));
        assert_eq!(stems("Strasse"), stems("STRASSE"));
        assert_eq!(stems("Straße"), stems("strasse"));
        assert_ne!(stems("Familie"), stems("Beratung"));
    }

    #[test]
    fn operators_are_not_words() {
        assert_eq!(SearchQuery::parse(""), SearchQuery::Empty);
        assert_eq!(SearchQuery::parse("   "), SearchQuery::Empty);
        assert_eq!(SearchQuery::parse("\"*-^()"), SearchQuery::TooShort);
        assert_eq!(SearchQuery::parse("a"), SearchQuery::TooShort);
        let SearchQuery::Terms(t) = SearchQuery::parse("\"fam*\" NEAR(x y) -beratung^") else {
            panic!("words expected");
        };
        assert!(t[0].prefix && t[0].folded == "fam");
        assert!(
            t.iter()
                .all(|t| t.folded.chars().all(char::is_alphanumeric))
        );
        let similar = similar_terms("Ein Treffpunkt für Familien und die Familie, \"*-^");
        assert_eq!(
            similar
                .iter()
                .map(|t| t.folded.as_str())
                .collect::<Vec<_>>(),
            ["treffpunkt", "familien"]
        );
        let long = "wort ".repeat(5000);
        assert!(matches!(SearchQuery::parse(&long), SearchQuery::Terms(t) if t.len() == 1));
    }
}
