//! Account input: e-mail, display name, a new password, and the roles people hold.

use super::{char_len, has_control_chars};
use std::collections::HashSet;
use std::sync::LazyLock;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Email, &'static str> {
        let s = raw.trim().to_lowercase();
        if s.is_empty() {
            return Err("err-email-missing");
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
        if has_control_chars(s, false) {
            return Err("err-name-control");
        }
        Ok(DisplayName(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
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
