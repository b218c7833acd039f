//! The message catalogue (locales/{de,en}/*.ftl, Fluent) and the language of the request.
//!
//! The language is decided once per request by `web::lang::negotiate` and held in a task
//! local, so views, form errors, flash messages and error pages all speak it without
//! threading a parameter through every function.

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid, static_loader};
use std::borrow::Cow;
use std::collections::HashMap;

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "de",
        // Fluent wraps arguments in invisible bidi marks by default; in HTML and in
        // tests they are only noise.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static DE: LanguageIdentifier = langid!("de");
static EN: LanguageIdentifier = langid!("en");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    De,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::De, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "de" => Some(Lang::De),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    fn id(self) -> &'static LanguageIdentifier {
        match self {
            Lang::De => &DE,
            Lang::En => &EN,
        }
    }

    /// The language preferred by an Accept-Language header among ours; German otherwise.
    pub fn from_accept_language(header: &str) -> Lang {
        let mut best: Option<(f32, Lang)> = None;
        for part in header.split(',') {
            let mut pieces = part.trim().split(';');
            let tag = pieces.next().unwrap_or("").trim().to_ascii_lowercase();
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            let primary = tag.split('-').next().unwrap_or("");
            if let Some(lang) = Lang::parse(primary) {
                if q > 0.0 && best.is_none_or(|(bq, _)| q > bq) {
                    best = Some((q, lang));
                }
            }
        }
        best.map(|(_, l)| l).unwrap_or(Lang::De)
    }
}

tokio::task_local! {
    static LANG: Lang;
}

/// Run `f` with `lang` as the request's language.
pub async fn scope<F: std::future::Future>(lang: Lang, f: F) -> F::Output {
    LANG.scope(lang, f).await
}

/// The current request's language (German outside a request, e.g. in the CLI).
pub fn current() -> Lang {
    LANG.try_with(|l| *l).unwrap_or(Lang::De)
}

/// Content that carries an optional English version (a theme's name or description): the
/// English text on English pages where it exists, else the German one together with `"de"`,
/// for a `lang` attribute, so screen readers and translators know it is German.
pub fn localized<'a>(german: &'a str, english: &'a str) -> (&'a str, Option<&'static str>) {
    match current() {
        Lang::En if !english.trim().is_empty() => (english, None),
        Lang::En => (german, Some("de")),
        Lang::De => (german, None),
    }
}

/// The text for `key` in the current language. A string that is not a key comes back as it
/// is, so text that already is final (a person's own words) can pass through safely; the
/// catalogue test below makes sure every key the code names exists in both languages.
pub fn t(key: &str) -> String {
    LOCALES
        .try_lookup(current().id(), key)
        .unwrap_or_else(|| key.to_string())
}

/// The text for `key` with Fluent arguments, e.g. `ta("n-ideas", &[("count", n.into())])`.
pub fn ta(key: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
    let map: HashMap<Cow<'static, str>, FluentValue> = args
        .iter()
        .map(|(k, v)| (Cow::Borrowed(*k), v.clone()))
        .collect();
    LOCALES
        .try_lookup_with_args(current().id(), key, &map)
        .unwrap_or_else(|| key.to_string())
}

/// Words for a value of the domain (a status, a reason) in the current language.
pub trait Label {
    fn label(self) -> String;
}

impl<T: crate::domain::Labelled> Label for T {
    fn label(self) -> String {
        t(self.label_key())
    }
}

/// A message in the current language, its arguments translated too.
pub fn render(message: &crate::domain::Message) -> String {
    use crate::domain::Arg;
    if message.args.is_empty() {
        return t(&message.key);
    }
    let map: HashMap<Cow<'static, str>, FluentValue> = message
        .args
        .iter()
        .map(|(name, arg)| {
            let value: FluentValue = match arg {
                Arg::Text(s) => s.clone().into(),
                Arg::Number(n) => (*n).into(),
                Arg::Status(s) => s.label().into(),
                Arg::Key(k) => t(k).into(),
                Arg::Message(m) => render(m).into(),
            };
            (name.clone(), value)
        })
        .collect();
    LOCALES
        .try_lookup_with_args(current().id(), &message.key, &map)
        .unwrap_or_else(|| message.key.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn keys(lang: &str) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        for entry in std::fs::read_dir(format!("locales/{lang}"))
            .into_iter()
            .flatten()
            .flatten()
        {
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            for line in text.lines() {
                if let Some((key, _)) = line.split_once(" =") {
                    if !key.is_empty() && !key.starts_with([' ', '#', '.', '[', '*']) {
                        out.insert(key.trim().to_string());
                    }
                }
            }
        }
        out
    }

    #[test]
    fn both_catalogues_have_the_same_keys() {
        let de = keys("de");
        let en = keys("en");
        assert!(de.len() > 5);
        let missing_en: Vec<_> = de.difference(&en).collect();
        let missing_de: Vec<_> = en.difference(&de).collect();
        assert!(missing_en.is_empty(), "missing in English: {missing_en:?}");
        assert!(missing_de.is_empty(), "missing in German: {missing_de:?}");
    }

    /// Every `t("…")`, `ta("…"` and `tr("…")` in the sources names a key of both catalogues.
    #[test]
    fn every_key_the_code_uses_exists() {
        let de = keys("de");
        let mut missing = Vec::new();
        let mut stack = vec![std::path::PathBuf::from("src")];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                for pattern in ["t(\"", "ta(\"", "tr(\""] {
                    for (i, _) in text.match_indices(pattern) {
                        // Only the functions themselves, not `push_str("…")` and the like.
                        let before = text[..i].chars().next_back();
                        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                            continue;
                        }
                        let rest = &text[i + pattern.len()..];
                        let key: String = rest.chars().take_while(|c| *c != '"').collect();
                        let is_key = !key.is_empty()
                            && key.chars().all(|c| {
                                c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_'
                            });
                        if is_key && !de.contains(&key) {
                            missing.push(format!("{}: {key}", path.display()));
                        }
                    }
                }
            }
        }
        missing.sort();
        missing.dedup();
        assert!(
            missing.is_empty(),
            "keys missing in the catalogue: {missing:#?}"
        );
    }

    #[test]
    fn accept_language() {
        assert_eq!(
            Lang::from_accept_language("en-GB,en;q=0.9,de;q=0.8"),
            Lang::En
        );
        assert_eq!(
            Lang::from_accept_language("fr-FR,de;q=0.5,en;q=0.4"),
            Lang::De
        );
        assert_eq!(Lang::from_accept_language("fr"), Lang::De);
        assert_eq!(Lang::from_accept_language("de;q=0.2, en;q=0.9"), Lang::En);
        assert_eq!(Lang::from_accept_language(""), Lang::De);
    }

    #[tokio::test]
    async fn lookups_follow_the_scope() {
        assert_eq!(t("site-name"), "Mitdenken");
        let en = scope(Lang::En, async { t("nav-themes") }).await;
        let de = scope(Lang::De, async { t("nav-themes") }).await;
        assert_eq!(en, "Themes");
        assert_eq!(de, "Themen");
    }
}
