//! The fixed vocabulary of moderation as stored: what can be reported, what a log line is
//! about, what was done, and how a report was closed.

use super::Status;

/// What people can report and moderation can hide: an idea or a comment (`reports.item_type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ItemKind {
    Idea,
    Comment,
}

impl ItemKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Idea => "idea",
            ItemKind::Comment => "comment",
        }
    }

    pub fn parse(s: &str) -> Option<ItemKind> {
        match s {
            "idea" => Some(ItemKind::Idea),
            "comment" => Some(ItemKind::Comment),
            _ => None,
        }
    }
}

crate::stored_as_text!(ItemKind);

/// What a line of the public moderation log is about (`moderation_log.item_type`): a reported
/// kind of item, a person (blocking) or an organisation (verification).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    Idea,
    Comment,
    User,
    Organisation,
}

impl Subject {
    pub fn as_str(self) -> &'static str {
        match self {
            Subject::Idea => "idea",
            Subject::Comment => "comment",
            Subject::User => "user",
            Subject::Organisation => "organisation",
        }
    }

    pub fn parse(s: &str) -> Option<Subject> {
        match s {
            "user" => Some(Subject::User),
            "organisation" => Some(Subject::Organisation),
            _ => ItemKind::parse(s).map(Subject::from),
        }
    }
}

impl From<ItemKind> for Subject {
    fn from(kind: ItemKind) -> Subject {
        match kind {
            ItemKind::Idea => Subject::Idea,
            ItemKind::Comment => Subject::Comment,
        }
    }
}

crate::stored_as_text!(Subject);

/// What a line of the moderation log records (`moderation_log.action`). A status change by
/// staff is stored as `status:<status>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Hide,
    Unhide,
    /// The provisional hide once enough different people reported an item.
    AutoHide,
    Dismiss,
    Block,
    Unblock,
    Merge,
    VerifyOrg,
    UnverifyOrg,
    /// An admin gave an account another role (the new role is the note).
    RoleChange,
    /// An admin turned off an account's two-factor sign-in (lost phone and codes).
    TwoFactorReset,
    /// An admin deleted an account on its person's request; logged without details.
    AccountDeleted,
    Status(Status),
}

impl Action {
    /// Every action that is not a status change (those are `Status::ALL` mapped).
    const PLAIN: [Action; 12] = [
        Action::Hide,
        Action::Unhide,
        Action::AutoHide,
        Action::Dismiss,
        Action::Block,
        Action::Unblock,
        Action::Merge,
        Action::VerifyOrg,
        Action::UnverifyOrg,
        Action::RoleChange,
        Action::TwoFactorReset,
        Action::AccountDeleted,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Action::Hide => "hide",
            Action::Unhide => "unhide",
            Action::AutoHide => "auto_hide",
            Action::Dismiss => "dismiss",
            Action::Block => "block",
            Action::Unblock => "unblock",
            Action::Merge => "merge",
            Action::VerifyOrg => "verify_org",
            Action::UnverifyOrg => "unverify_org",
            Action::RoleChange => "role_change",
            Action::TwoFactorReset => "two_factor_reset",
            Action::AccountDeleted => "account_deleted",
            // Spelled out (not built with format!) so the stored text is a `&'static str`;
            // a new status fails to compile here until it gets its action.
            Action::Status(s) => match s {
                Status::Submitted => "status:submitted",
                Status::Discussion => "status:discussion",
                Status::Review => "status:review",
                Status::Forwarded => "status:forwarded",
                Status::Acknowledged => "status:acknowledged",
                Status::Accepted => "status:accepted",
                Status::InProgress => "status:in_progress",
                Status::Rejected => "status:rejected",
                Status::Implemented => "status:implemented",
                Status::Withdrawn => "status:withdrawn",
                Status::Merged => "status:merged",
            },
        }
    }

    pub fn parse(s: &str) -> Option<Action> {
        match s.strip_prefix("status:") {
            Some(status) => Status::parse(status).map(Action::Status),
            None => Action::PLAIN.into_iter().find(|a| a.as_str() == s),
        }
    }

    /// Its catalogue key; a status change's text takes the status as argument `status`.
    pub fn label_key(self) -> &'static str {
        match self {
            Action::Hide => "action-hide",
            Action::Unhide => "action-unhide",
            Action::AutoHide => "action-auto_hide",
            Action::Dismiss => "action-dismiss",
            Action::Block => "action-block",
            Action::Unblock => "action-unblock",
            Action::Merge => "action-merge",
            Action::VerifyOrg => "action-verify_org",
            Action::UnverifyOrg => "action-unverify_org",
            Action::RoleChange => "action-role_change",
            Action::TwoFactorReset => "action-two_factor_reset",
            Action::AccountDeleted => "action-account_deleted",
            Action::Status(_) => "action-status",
        }
    }
}

crate::stored_as_text!(Action);

/// How a report was closed (`reports.resolution`): the item was hidden, or the report was
/// found unfounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    Hidden,
    Dismissed,
}

impl Resolution {
    pub fn as_str(self) -> &'static str {
        match self {
            Resolution::Hidden => "hidden",
            Resolution::Dismissed => "dismissed",
        }
    }

    pub fn parse(s: &str) -> Option<Resolution> {
        match s {
            "hidden" => Some(Resolution::Hidden),
            "dismissed" => Some(Resolution::Dismissed),
            _ => None,
        }
    }
}

crate::stored_as_text!(Resolution);

/// The public reason stored with an automatic hide: a catalogue key (see `i18n`'s use in the
/// views), so each reader sees it in their language.
pub const AUTO_HIDDEN_REASON: &str = "mod-auto-hidden-reason";

/// The notice an author gets when their item was hidden automatically.
pub const AUTO_HIDDEN_NOTICE: &str = "mod-auto-hidden-notice";

/// Whether a notice (by its catalogue key) tells an author that their item was hidden, with
/// its reason: such notices link to the rules the reason refers to (issue 13).
pub fn is_hiding_notice(key: &str) -> bool {
    matches!(
        key,
        "notice-idea-hidden" | "notice-comment-hidden" | AUTO_HIDDEN_NOTICE
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_names_round_trip() {
        for k in [ItemKind::Idea, ItemKind::Comment] {
            assert_eq!(ItemKind::parse(k.as_str()), Some(k));
            assert_eq!(Subject::parse(k.as_str()), Some(Subject::from(k)));
        }
        for s in [Subject::User, Subject::Organisation] {
            assert_eq!(Subject::parse(s.as_str()), Some(s));
        }
        assert_eq!(ItemKind::parse("user"), None);
        for a in Action::PLAIN
            .into_iter()
            .chain(Status::ALL.map(Action::Status))
        {
            assert_eq!(Action::parse(a.as_str()), Some(a));
        }
        assert_eq!(
            Action::parse("status:in_progress"),
            Some(Action::Status(Status::InProgress))
        );
        assert_eq!(Action::parse("status:lost"), None);
        assert_eq!(Action::parse("delete"), None);
        for r in [Resolution::Hidden, Resolution::Dismissed] {
            assert_eq!(Resolution::parse(r.as_str()), Some(r));
        }
    }

    #[test]
    fn status_actions_follow_the_status_names() {
        for s in Status::ALL {
            assert_eq!(Action::Status(s).as_str(), format!("status:{}", s.as_str()));
        }
    }
}

/// A moderator's own words on a merge or a block: kept in the trail, the log and on the
/// profile, so bounded like the curation notes (5,000 characters) and without bidi controls
/// that would turn the text around it; invisible characters pasted along are cleaned out.
/// Empty is a valid note here; a caller that needs one checks `is_empty`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModerationNote(String);

impl ModerationNote {
    pub const MAX: usize = 5_000;

    pub fn parse(raw: &str) -> Result<ModerationNote, &'static str> {
        let s = raw.trim().replace("\r\n", "\n");
        let s = super::unicode::strip_invisible(&s).trim().to_string();
        if super::char_len(&s) > Self::MAX {
            return Err("mod-note5000-long");
        }
        if super::has_format_chars(&s, true) {
            return Err(super::format_message(true));
        }
        if super::has_control_chars(&s, true) {
            return Err("mod-note-control");
        }
        Ok(ModerationNote(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod note_tests {
    use super::ModerationNote;

    #[test]
    fn notes_are_bounded_and_refuse_bidi_controls() {
        assert_eq!(
            ModerationNote::parse(" Doppelt. ").map(|n| n.as_str().to_string()),
            Ok("Doppelt.".to_string())
        );
        assert!(ModerationNote::parse("").is_ok_and(|n| n.is_empty()));
        assert!(ModerationNote::parse(&"ä".repeat(5_000)).is_ok());
        assert_eq!(
            ModerationNote::parse(&"ä".repeat(5_001)),
            Err("mod-note5000-long")
        );
        assert_eq!(
            ModerationNote::parse("Spam \u{202E}1202.21.1"),
            Err("err-text-bidi")
        );
        assert_eq!(ModerationNote::parse("a\u{7}b"), Err("mod-note-control"));
        assert_eq!(
            ModerationNote::parse("Wer\u{200B}bung").map(|n| n.as_str().to_string()),
            Ok("Werbung".to_string())
        );
    }
}
