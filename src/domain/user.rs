//! Account input: e-mail, display name, a new password, and the roles people hold.

use super::{char_len, format_message, has_control_chars, has_format_chars, unicode};
use std::collections::HashSet;
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;
use unicode_security::GeneralSecurityProfile;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    /// The form in which addresses are stored and looked up: compatibility-normalised (NFKC,
    /// so fullwidth "ａｎｎａ＠…" typed with a Japanese input method and a decomposed "ö" are
    /// the address they look like) and lower-cased. Login uses the same, so people reach their
    /// account however their keyboard spelled it.
    pub fn normalise(raw: &str) -> String {
        let folded: String = raw.trim().nfkc().collect::<String>().to_lowercase();
        folded.nfc().collect()
    }

    pub fn parse(raw: &str) -> Result<Email, &'static str> {
        let s = Self::normalise(raw);
        if s.is_empty() {
            return Err("err-email-missing");
        }
        if Self::looks_like_another(&s) {
            return Err("err-email-lookalike");
        }
        let valid = s.len() <= 254
            && !s.chars().any(|c| c.is_whitespace() || c.is_control())
            && match s.split_once('@') {
                Some((local, domain)) => {
                    !local.is_empty()
                        && !domain.contains('@')
                        && domain.contains('.')
                        && !domain.starts_with('.')
                        && !domain.ends_with('.')
                        && !domain.contains("..")
                }
                None => false,
            };
        if valid {
            Ok(Email(s))
        } else {
            Err("err-email-invalid")
        }
    }

    /// Spellings that would make a second account look like the first: invisible characters,
    /// a combining mark on an ASCII letter (what is left of "İ" after lower-casing, or a dot
    /// put on an "i"), characters that TR 39 keeps out of identifiers (symbols, letter-like
    /// signs), a part (before the "@", or one label of the domain) that mixes scripts, like
    /// "аnna" with a Cyrillic "а", Latin letters that stand in for ASCII ones (the dotless
    /// "ı": Turkish addresses are ASCII in practice, so this costs little) and a part whose
    /// letters all do (an all-Cyrillic "аеро"). Addresses in another script pass.
    fn looks_like_another(s: &str) -> bool {
        let mut after_ascii = false;
        for c in s.chars() {
            if unicode::is_hidden(c)
                || (after_ascii && unicode::is_mark(c))
                || (!c.is_ascii() && !c.identifier_allowed())
                || unicode::stands_in_for_ascii(c)
            {
                return true;
            }
            after_ascii = c.is_ascii();
        }
        s.split(['@', '.']).any(|part| {
            unicode::has_mixed_script_word(part)
                || (!part.is_ascii() && unicode::skeleton(part).is_ascii())
        })
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisplayName(String);

impl DisplayName {
    pub const MAX: usize = 50;

    pub fn parse(raw: &str) -> Result<DisplayName, &'static str> {
        let s = raw.trim();
        if s.is_empty() {
            return Err("err-name-missing");
        }
        if char_len(s) < 2 {
            return Err("err-name-short");
        }
        if char_len(s) > Self::MAX {
            return Err("err-name-long");
        }
        if has_format_chars(s, false) {
            return Err(format_message(false));
        }
        if has_control_chars(s, false) {
            return Err("err-name-control");
        }
        if unicode::is_invisible(s) {
            return Err("err-text-invisible");
        }
        if unicode::has_mixed_script_word(s) {
            return Err("err-name-mixed-script");
        }
        Ok(DisplayName(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl unicode::Name for DisplayName {
    fn as_name(&self) -> &str {
        &self.0
    }
}

static COMMON_PASSWORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("common_passwords.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
});

/// A password someone chose: long enough, not on the list of the most common ones, and not
/// their own name or address.
#[derive(Clone)]
pub struct NewPassword(String);

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(***)")
    }
}

impl NewPassword {
    pub const MIN: usize = 10;

    pub fn parse(raw: &str, email: &str, name: &str) -> Result<NewPassword, &'static str> {
        if raw.is_empty() {
            return Err("err-password-missing");
        }
        if char_len(raw) < Self::MIN {
            return Err("err-password-short");
        }
        if char_len(raw) > 200 {
            return Err("err-password-long");
        }
        let lower = raw.to_lowercase();
        if COMMON_PASSWORDS.contains(lower.as_str()) {
            return Err("err-password-common");
        }
        let email = email.trim().to_lowercase();
        let local = email.split('@').next().unwrap_or("");
        let name = name.trim().to_lowercase();
        if lower == email || (local.len() >= 4 && lower == local) || lower == name {
            return Err("err-password-personal");
        }
        if raw.chars().all(|c| raw.starts_with(c)) {
            return Err("err-password-repeated");
        }
        Ok(NewPassword(raw.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Participant,
    Moderator,
    Ministry,
    Admin,
}

impl Role {
    pub const ALL: [Role; 4] = [
        Role::Participant,
        Role::Moderator,
        Role::Ministry,
        Role::Admin,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Participant => "participant",
            Role::Moderator => "moderator",
            Role::Ministry => "ministry",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Moderators and admins curate the board (themes now; reports and reviews later).
    pub fn can_moderate(self) -> bool {
        matches!(self, Role::Moderator | Role::Admin)
    }

    pub fn is_admin(self) -> bool {
        self == Role::Admin
    }

    /// Moderation, ministry staff and admins read the internal notes written with status
    /// changes; nobody else ever does.
    pub fn reads_internal_notes(self) -> bool {
        self != Role::Participant
    }
}

crate::stored_as_text!(Role);

impl super::Labelled for Role {
    fn label_key(self) -> &'static str {
        match self {
            Role::Participant => "role-participant",
            Role::Moderator => "role-moderator",
            Role::Ministry => "role-ministry",
            Role::Admin => "role-admin",
        }
    }
}

/// Who acted on the public trail and in the moderation log: a person in a role, or the
/// system itself (a provisional hide after enough reports).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Acting {
    Person(Role),
    System,
}

impl Acting {
    pub fn as_str(self) -> &'static str {
        match self {
            Acting::Person(r) => r.as_str(),
            Acting::System => "system",
        }
    }

    pub fn parse(s: &str) -> Option<Acting> {
        match s {
            "system" => Some(Acting::System),
            _ => Role::parse(s).map(Acting::Person),
        }
    }

    /// Staff act visibly as staff; participants (an author withdrawing) need no label.
    pub fn is_staff(self) -> bool {
        !matches!(self, Acting::Person(Role::Participant))
    }
}

crate::stored_as_text!(Acting);

impl super::Labelled for Acting {
    fn label_key(self) -> &'static str {
        match self {
            Acting::Person(r) => super::Labelled::label_key(r),
            Acting::System => "actor-system",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(
            Email::parse("  Anna.Muster@Beispiel.DE ").map(|e| e.as_str().to_string()),
            Ok("anna.muster@beispiel.de".to_string())
        );
        for bad in [
            "", "anna", "anna@", "@x.de", "a@b", "a b@x.de", "a@@x.de", "a@x..de", "a@.x.de",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad} should be refused");
        }
    }

    #[test]
    fn display_names_have_sensible_bounds() {
        assert!(DisplayName::parse(" Jörg ").is_ok_and(|n| n.as_str() == "Jörg"));
        assert!(DisplayName::parse("J").is_err());
        assert!(DisplayName::parse(&"ä".repeat(51)).is_err());
        assert!(DisplayName::parse(&"ä".repeat(50)).is_ok());
        assert!(DisplayName::parse("Anna\u{0007}").is_err());
    }

    #[test]
    fn display_names_refuse_invisible_and_mixed_script_tricks() {
        assert_eq!(
            DisplayName::parse("Anna\u{202E}1202.01.01"),
            Err("err-text-format")
        );
        assert_eq!(
            DisplayName::parse("\u{200B}\u{200B}\u{200B}"),
            Err("err-text-format")
        );
        assert_eq!(
            DisplayName::parse("\u{3164}\u{3164}"),
            Err("err-text-format")
        );
        assert_eq!(DisplayName::parse("⠀⠀⠀"), Err("err-text-invisible"));
        assert_eq!(
            DisplayName::parse("L\u{0435}na Schäfer"),
            Err("err-name-mixed-script")
        );
        for ok in ["Ayşe Yılmaz", "محمد الأحمد", "Anna Иванова", "Lena 👩🏽‍💻"]
        {
            assert!(DisplayName::parse(ok).is_ok(), "{ok}");
        }
        let cyrillic = DisplayName::parse("\u{0410}dmin Innovationsbüro");
        assert_eq!(cyrillic, Err("err-name-mixed-script"));
    }

    #[test]
    fn email_look_alikes_are_refused_or_become_the_original() {
        let original = Email::parse("anna.müller@beispiel.de").map(|e| e.0);
        // The HTTP test (tests/api/lookalikes.rs) tries all eleven variants of the issue.
        for v in [
            "ａｎｎａ.ｍüｌｌｅｒ@beispiel.de",
            "\u{0430}nna.müller@beispiel.de",
            "an\u{200C}na.müller@beispiel.de",
            "anna.mu\u{0308}ller@beispiel.de",
            "anna.mü\u{0131}ler@beispiel.de",
            "\u{0430}\u{0435}\u{0440}\u{043E}@beispiel.de",
            "anni\u{0307}@beispiel.de",
        ] {
            let parsed = Email::parse(v).map(|e| e.0);
            assert!(
                parsed.is_err() || parsed == original,
                "{v:?} gave {parsed:?}"
            );
        }
        for ok in [
            "jörg@müller.de",
            "иван@почта.рф",
            "anna+ideen@beispiel.de",
            "ayşe@örnek.com.tr",
        ] {
            assert!(Email::parse(ok).is_ok(), "{ok}");
        }
        assert_eq!(Email::normalise(" ＡNNA@Beispiel.DE "), "anna@beispiel.de");
    }

    #[test]
    fn passwords_refuse_short_common_and_personal() {
        assert!(NewPassword::parse("kurz", "a@b.de", "Anna").is_err());
        assert!(NewPassword::parse("passwort123", "a@b.de", "Anna").is_err());
        assert!(NewPassword::parse("PassWort123", "a@b.de", "Anna").is_err());
        assert!(NewPassword::parse("anna.muster", "anna.muster@b.de", "Anna").is_err());
        assert!(NewPassword::parse("aaaaaaaaaaaa", "a@b.de", "Anna").is_err());
        assert!(NewPassword::parse("Hafer-Flocken-Regal-7", "a@b.de", "Anna").is_ok());
    }

    #[test]
    fn the_common_list_is_loaded() {
        assert!(COMMON_PASSWORDS.len() > 300);
        assert!(COMMON_PASSWORDS.contains("123456"));
    }

    #[test]
    fn roles_round_trip() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        assert_eq!(Role::parse("root"), None);
    }
}
