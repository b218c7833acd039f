//! Which invisible Unicode characters names and texts may hold, and the look-alike key
//! (Unicode TR 39 skeleton) under which "Аdmin" with a Cyrillic "А" and "Admin" compare equal.

use std::sync::LazyLock;
use unicode_bidi::{BidiClass, bidi_class};
use unicode_properties::{GeneralCategory, GeneralCategoryGroup, UnicodeGeneralCategory};
use unicode_script::{Script, UnicodeScript};
use unicode_security::MixedScript;

const ZWNJ: char = '\u{200C}';
const ZWJ: char = '\u{200D}';
const VS16: char = '\u{FE0F}';
/// The waving black flag that starts the emoji tag sequences of England, Scotland and Wales.
const BLACK_FLAG: char = '\u{1F3F4}';
const CANCEL_TAG: char = '\u{E007F}';

/// Embeddings, overrides (U+202A–U+202E) and isolates (U+2066–U+2069) reorder everything up to
/// the end of the paragraph, beyond the field they were typed in: a right-to-left override in
/// a name reverses the timestamp printed next to it. No text on the board needs them: the
/// direction of Arabic or Hebrew words follows from their letters.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Default_Ignorable_Code_Point (DerivedCoreProperties.txt): characters a font draws as
/// nothing. The list is short and stable, so it is written out here.
fn is_default_ignorable(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}'..='\u{1160}' | '\u{17B4}'..='\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
        | '\u{FFA0}' | '\u{FFF0}'..='\u{FFF8}' | '\u{1BCA0}'..='\u{1BCA3}'
        | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}')
}

/// Hangul fillers and the blank Braille pattern are letters or symbols that show nothing:
/// the usual ingredients of an "invisible" name.
fn is_blank_letter(c: char) -> bool {
    matches!(
        c,
        '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' | '\u{2800}'
    )
}

pub(crate) fn is_mark(c: char) -> bool {
    c.general_category_group() == GeneralCategoryGroup::Mark
}

/// A character that shows nothing by itself and is not a mark: format characters, default
/// ignorables, blank letters, noncharacters. Never part of an e-mail address.
pub(crate) fn is_hidden(c: char) -> bool {
    c.general_category() == GeneralCategory::Format
        || is_default_ignorable(c)
        || is_blank_letter(c)
        || is_noncharacter(c)
}

/// U+FDD0–U+FDEF and the last two code points of every plane are promised never to be
/// characters; they only appear in text by mistake or on purpose.
fn is_noncharacter(c: char) -> bool {
    matches!(c, '\u{FDD0}'..='\u{FDEF}') || (c as u32 & 0xFFFE) == 0xFFFE
}

/// Scripts whose spelling needs the joiners: Arabic-type scripts use ZWNJ to keep letters
/// apart that would otherwise join (Persian "می‌خواهم", Kurdish, Urdu), and Brahmic scripts use
/// ZWJ/ZWNJ after a virama to choose between half forms and conjuncts (Hindi, Bengali,
/// Malayalam, Sinhala names). Latin, Greek and Cyrillic have no use for them in a name, so
/// there a joiner is only a way to make two names differ invisibly.
fn script_uses_joiners(script: Script) -> bool {
    matches!(
        script,
        Script::Arabic
            | Script::Syriac
            | Script::Nko
            | Script::Mandaic
            | Script::Mongolian
            | Script::Devanagari
            | Script::Bengali
            | Script::Gurmukhi
            | Script::Gujarati
            | Script::Oriya
            | Script::Tamil
            | Script::Telugu
            | Script::Kannada
            | Script::Malayalam
            | Script::Sinhala
            | Script::Myanmar
            | Script::Khmer
            | Script::Tibetan
    )
}

/// Emoji that ZWJ glues into one picture (👩‍💻, 🏳️‍🌈): pictographs, skin tones and the
/// emoji variation selector, but not the ASCII digits, `#` and `*`, which are emoji
/// components too.
fn joins_emoji(c: char) -> bool {
    use unicode_properties::UnicodeEmoji;
    !c.is_ascii() && (c == VS16 || c.is_emoji_char_or_emoji_component())
}

/// Whether a joiner at `i` stands where a script needs it: between two visible characters,
/// after a letter of a script that uses joiners (possibly with its marks), or for ZWJ after
/// an emoji.
fn joiner_in_place(chars: &[char], i: usize) -> bool {
    let next_visible = chars
        .get(i + 1)
        .is_some_and(|&n| (!n.is_whitespace() && !is_default_ignorable(n)) || n == VS16);
    if !next_visible || i == 0 {
        return false;
    }
    let prev = chars[i - 1];
    if chars[i] == ZWJ && joins_emoji(prev) {
        return true;
    }
    // The letter the joiner belongs to: skip back over its vowel signs and viramas.
    chars[..i]
        .iter()
        .rev()
        .find(|&&c| !is_mark(c))
        .is_some_and(|&base| script_uses_joiners(base.script()))
}

/// Right-to-left letters, not counting the marks RLM and ALM themselves.
fn has_strong_rtl(s: &str) -> bool {
    s.chars().any(|c| {
        !matches!(c, '\u{200F}' | '\u{061C}')
            && matches!(bidi_class(c), BidiClass::R | BidiClass::AL)
    })
}

/// Characters a one-line field (a name, a title, a place) may not hold: every format
/// character (General_Category Cf: bidi controls, zero-width spaces, word joiner, BOM, soft
/// hyphen, tag characters, ...) and the other invisible code points, except
/// - ZWJ and ZWNJ where a script needs them (see `script_uses_joiners`) and ZWJ inside emoji;
/// - the direction marks LRM, RLM and ALM, which only act on neighbouring punctuation and
///   digits, and only in a text that has right-to-left letters (an Arabic or Hebrew name with
///   a number in it may need one; in a left-to-right text they have no use);
/// - variation selectors (emoji presentation, ideographic variants of Japanese names), which
///   change how the character before them looks, not where text goes.
pub(crate) fn has_stray_format_chars(s: &str) -> bool {
    let chars: Vec<char> = s.chars().collect();
    let rtl = has_strong_rtl(s);
    chars.iter().enumerate().any(|(i, &c)| match c {
        ZWJ | ZWNJ => !joiner_in_place(&chars, i),
        '\u{200E}' | '\u{200F}' | '\u{061C}' => !rtl,
        '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}' | '\u{180B}'..='\u{180D}' => false,
        '\u{2028}' | '\u{2029}' => true,
        _ => {
            c.general_category() == GeneralCategory::Format
                || is_default_ignorable(c)
                || is_noncharacter(c)
                || matches!(c, '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}')
        }
    })
}

/// In longer texts (idea descriptions, comments, reports) bidi controls (and noncharacters)
/// are refused: they would reverse text beyond the post. Other invisible characters are
/// cleaned out instead by `strip_invisible`, because they often come along unnoticed when
/// text is pasted.
pub(crate) fn refused_in_long_text(s: &str) -> bool {
    s.chars().any(is_bidi_control) || s.chars().any(is_noncharacter)
}

/// Longer texts without zero-width spaces, word joiners, invisible operators, BOMs and the
/// deprecated format characters, and without tag characters, except inside the flag emoji of
/// England, Scotland and Wales (🏴 + tag letters + cancel tag), the one use they have. Tag
/// characters elsewhere are the way to hide text that people cannot see but programs read.
/// Kept: ZWJ/ZWNJ (emoji, Persian, Indic scripts), direction marks (mixed Arabic and German
/// text needs them), soft hyphens (hyphenation hints) and variation selectors.
pub(crate) fn strip_invisible(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == BLACK_FLAG {
            // A complete tag sequence stays with its flag.
            let tags = chars[i + 1..]
                .iter()
                .take_while(|&&t| matches!(t, '\u{E0020}'..='\u{E007E}'))
                .count();
            if tags > 0 && chars.get(i + 1 + tags) == Some(&CANCEL_TAG) {
                out.extend(&chars[i..=i + 1 + tags]);
                i += tags + 2;
                continue;
            }
        }
        let drop = matches!(c,
            '\u{200B}' | '\u{2060}'..='\u{2064}' | '\u{206A}'..='\u{206F}' | '\u{FEFF}'
            | '\u{E0000}'..='\u{E007F}');
        if !drop {
            out.push(c);
        }
        i += 1;
    }
    out
}

/// A Latin (or script-neutral) letter outside ASCII that TR 39 reads as ASCII: the dotless
/// "ı" as "i", "ɑ" as "a". In a name that is fine ("Yılmaz"); in an e-mail address it makes a
/// second address that looks like the first.
pub(crate) fn stands_in_for_ascii(c: char) -> bool {
    !c.is_ascii()
        && matches!(
            c.script(),
            Script::Latin | Script::Common | Script::Inherited
        )
        && unicode_security::skeleton(c.encode_utf8(&mut [0; 4])).all(|k| k.is_ascii())
}

/// Nothing a reader could see: only spaces, marks, format characters and blank letters.
pub(crate) fn is_invisible(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_whitespace() || c.is_control() || is_hidden(c) || is_mark(c))
}

/// A word that mixes scripts, like "Аdmin" with a Cyrillic "А": single words in two
/// alphabets are how look-alikes are made, while a name may well use two scripts in
/// different words ("Anna Иванова"). Digits and punctuation belong to every script; the
/// Japanese, Chinese and Korean combinations count as one (TR 39 augmented script sets).
pub(crate) fn has_mixed_script_word(s: &str) -> bool {
    s.split(|c: char| !c.is_alphanumeric() && !is_mark(c))
        .any(|word| !word.is_single_script())
}

/// The look-alike key of a name (TR 39 skeleton): names with the same key look the same to a
/// reader. Beyond the standard, case is folded and runs of spaces count as one, as the page
/// shows them. Folding happens in two steps around the first skeleton pass: ASCII letters
/// before it (else "I" would become the "l" it resembles, while "i" stays "i", and "ADMIN"
/// would not meet "Admin"), everything else after it (so a Cyrillic "А" has become the Latin
/// "A" before it is lower-cased).
pub fn skeleton(s: &str) -> String {
    let first: String = unicode_security::skeleton(&s.to_ascii_lowercase()).collect();
    let second: String = unicode_security::skeleton(&first.to_lowercase()).collect();
    second.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Names others could imitate (display names, organisation names), with their look-alike
/// key and whether they claim a role.
pub trait Name {
    fn as_name(&self) -> &str;

    /// The key under which look-alike names compare equal (`skeleton`).
    fn skeleton(&self) -> String {
        skeleton(self.as_name())
    }

    /// Whether the name speaks for the board's staff ("Admin …", "… (Moderation)"); only
    /// staff may carry such a name.
    fn claims_role(&self) -> bool {
        claims_role(self.as_name())
    }
}

/// Words that make a name speak for the board's staff. Matched on the skeleton, so "Аdmin" and
/// "M0deration" count too. Each entry says how it may occur in a word: whole, at its start,
/// at its end or anywhere (German compounds: "Bundesfamilienministerium").
const ROLE_WORDS: &[(&str, Place)] = &[
    ("admin", Place::StartOrEnd),
    ("administrator", Place::Anywhere),
    ("administration", Place::Anywhere),
    ("moderat", Place::Start),
    ("moderation", Place::Anywhere),
    ("moderator", Place::Anywhere),
    ("mod", Place::Whole),
    ("mods", Place::Whole),
    ("minister", Place::Start),
    ("ministerium", Place::Anywhere),
    ("ministry", Place::Anywhere),
    ("bmfsfj", Place::Anywhere),
    ("innovationsbüro", Place::Anywhere),
    ("innovationsbuero", Place::Anywhere),
    ("innovationsburo", Place::Anywhere),
    // The board's own name, as in "Mitdenken-Team"; "Mitdenkende Nachbarn" is fine.
    ("mitdenken", Place::Whole),
];

#[derive(Clone, Copy)]
enum Place {
    Whole,
    Start,
    StartOrEnd,
    Anywhere,
}

/// Skeletons keep "l", "I" and "1" apart from "i" ("Adm1n" is not "Admin" to TR 39); for role
/// words, which contain no "l", they are folded together as a reader would.
fn role_key(s: &str) -> String {
    skeleton(s).replace('l', "i")
}

/// The role words as keys, computed once.
static ROLE_KEYS: LazyLock<Vec<(String, Place)>> = LazyLock::new(|| {
    ROLE_WORDS
        .iter()
        .map(|&(word, place)| (role_key(word), place))
        .collect()
});

/// Whether a name claims a role of the board: a role word in one of its words ("Admin
/// Innovationsbüro", "Jana (Moderation)", "Familienministerium"), or spelled out across
/// the whole name ("A.d.m.i.n", "M o d e r a t i o n").
pub fn claims_role(name: &str) -> bool {
    let key = role_key(name);
    let words: Vec<&str> = key
        .split(|c: char| !c.is_alphanumeric() && !is_mark(c))
        .filter(|w| !w.is_empty())
        .collect();
    let squashed: String = words.concat();
    ROLE_KEYS.iter().any(|(word, place)| {
        let word = word.as_str();
        squashed == word
            || words.iter().any(|w| match place {
                Place::Whole => *w == word,
                Place::Start => w.starts_with(word),
                Place::StartOrEnd => w.starts_with(word) || w.ends_with(word),
                Place::Anywhere => w.contains(word),
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_many_languages_pass() {
        for ok in [
            "Jörg Müller-Lüdenscheidt",
            "Ayşe Yılmaz",
            "İbrahim Çelik",
            "محمد الأحمد",
            "יעל כהן",
            "Анна Иванова",
            "Νίκος Παπαδόπουλος",
            "山田 太郎",
            "김민준",
            "मीनाक्षी",
            "ශ්‍රී ලංකා",
            "می‌خواهم",
            "Lena 👩🏽‍💻",
            "Regenbogen 🏳️‍🌈",
            "Referat 113 – BMFSFJ",
            "محمد 2\u{200F}",
        ] {
            assert!(!has_stray_format_chars(ok), "{ok} should pass");
            assert!(!is_invisible(ok), "{ok}");
        }
    }

    #[test]
    fn invisible_and_reordering_characters_are_stray() {
        for bad in [
            "Anna\u{202E}",
            "\u{202D}Anna",
            "An\u{2066}na\u{2069}",
            "An\u{200B}na",
            "An\u{200C}na",
            "An\u{200D}na",
            "\u{200D}Anna",
            "Anna\u{200D}",
            "Anna\u{200E}",
            "Anna\u{2060}",
            "\u{FEFF}Anna",
            "Anna\u{E0041}\u{E0042}",
            "Anna\u{E0001}",
            "An\u{00AD}na",
            "Anna\u{2028}",
            "Anna\u{3164}",
            "Anna\u{FFFF}",
            "Anna\u{061C}",
            "1\u{200D}2",
        ] {
            assert!(has_stray_format_chars(bad), "{bad:?} should be refused");
        }
    }

    #[test]
    fn long_texts_lose_hidden_characters_but_keep_flags_and_joiners() {
        assert_eq!(strip_invisible("a\u{200B}b\u{FEFF}c\u{2060}d"), "abcd");
        assert_eq!(strip_invisible("hallo\u{E0068}\u{E0069}\u{E007F}"), "hallo");
        let scotland = "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}";
        assert_eq!(strip_invisible(scotland), scotland);
        assert_eq!(strip_invisible("🏴\u{E0067}x"), "🏴x");
        assert_eq!(strip_invisible("می‌خواهم 👩‍💻"), "می‌خواهم 👩‍💻");
        assert!(refused_in_long_text("Text \u{202E}gnalrebü"));
        assert!(refused_in_long_text("Text \u{2067}x\u{2069}"));
        assert!(!refused_in_long_text("مرحبا\u{200F} 2026"));
    }

    #[test]
    fn invisible_only() {
        for s in [
            "\u{200B}\u{200B}",
            "\u{3164}\u{3164}",
            "⠀⠀⠀",
            " \u{0301}\u{0301}",
            "\u{FE0F}\u{FE0F}",
        ] {
            assert!(is_invisible(s), "{s:?}");
        }
        assert!(!is_invisible("\u{200B}a"));
    }

    #[test]
    fn look_alikes_share_a_skeleton() {
        let admin = skeleton("Admin Innovationsbüro");
        for s in [
            "\u{0410}dmin Innovationsbüro",
            "Admin  Innovationsbu\u{0308}ro",
            "ADMIN INNOVATIONSBÜRO",
            "Аdmin Innovationsbüro\u{200B}",
            "Ａdmin Innovationsbüro",
        ] {
            assert_eq!(skeleton(s), admin, "{s}");
        }
        assert_ne!(skeleton("Admin Innovationsburo"), admin);
        assert_ne!(skeleton("Lena Schäfer"), skeleton("Lena Schaefer"));
        assert_eq!(skeleton("Lena Schäfer"), skeleton("Lеna Schäfer"));
    }

    #[test]
    fn role_claims() {
        for name in [
            "Admin",
            "admin",
            "Аdmin Innovationsbüro",
            "Sysadmin Paul",
            "Adm1n",
            "Administrator",
            "Jana Köhler (Moderation)",
            "Jana (Mod)",
            "M0derator",
            "Moderatorin Eva",
            "Team Forenmoderation",
            "Bundesministerium",
            "Familienministerium Berlin",
            "Ministerin Paus",
            "BMFSFJ",
            "Innovationsbüro",
            "Innovationsbuero Digitales Leben",
            "A.d.m.i.n",
            "M o d e r a t i o n",
            "Mitdenken-Team",
            "Team Mitdenken",
        ] {
            assert!(claims_role(name), "{name} should claim a role");
        }
        for name in [
            "Anna Badminton",
            "Modesto Ruiz",
            "Ahmad Mina",
            "Yusuf Demir",
            "Lena Schäfer",
            "Referat 114",
            "Karim Haddad",
            "Adam Inn",
            "Mo",
            "Mitdenkende Nachbarn",
            "Moderne Kunst",
            "Admiral Nelson",
        ] {
            assert!(!claims_role(name), "{name} should not claim a role");
        }
    }

    #[test]
    fn mixed_script_words() {
        assert!(has_mixed_script_word("\u{0410}dmin"));
        assert!(has_mixed_script_word("Lena Sch\u{0430}fer"));
        assert!(!has_mixed_script_word("Anna Иванова"));
        assert!(!has_mixed_script_word("山田たろう"));
        assert!(!has_mixed_script_word("Jörg-2000"));
        assert!(!has_mixed_script_word("محمد الأحمد"));
    }
}
