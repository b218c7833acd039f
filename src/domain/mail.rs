//! The kinds of mail the outbox holds, the kinds of notification events and how each is
//! delivered: fixed sets stored as TEXT, so a bad stored value is an error, never a default.

/// What a mail in the outbox is; the worker writes its text from this at sending time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailKind {
    /// "Please confirm your address" with the single-use link.
    Confirm,
    /// Someone registered with an address that already has an account.
    AlreadyRegistered,
    /// The password reset link.
    Reset,
    /// The link that confirms a new address.
    ChangeConfirm,
    /// The old address learns that the account moves to a new one.
    ChangeNotice,
    /// One notification (a stored notice) right away.
    Notice,
    /// The day's notices in one mail.
    Digest,
    /// The newsletter's double opt-in link.
    NewsletterConfirm,
    /// One issue of the newsletter.
    Newsletter,
}

impl MailKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MailKind::Confirm => "confirm",
            MailKind::AlreadyRegistered => "already_registered",
            MailKind::Reset => "reset",
            MailKind::ChangeConfirm => "change_confirm",
            MailKind::ChangeNotice => "change_notice",
            MailKind::Notice => "notice",
            MailKind::Digest => "digest",
            MailKind::NewsletterConfirm => "newsletter_confirm",
            MailKind::Newsletter => "newsletter",
        }
    }

    pub fn parse(s: &str) -> Option<MailKind> {
        Some(match s {
            "confirm" => MailKind::Confirm,
            "already_registered" => MailKind::AlreadyRegistered,
            "reset" => MailKind::Reset,
            "change_confirm" => MailKind::ChangeConfirm,
            "change_notice" => MailKind::ChangeNotice,
            "notice" => MailKind::Notice,
            "digest" => MailKind::Digest,
            "newsletter_confirm" => MailKind::NewsletterConfirm,
            "newsletter" => MailKind::Newsletter,
            _ => return None,
        })
    }

    /// Notifications and the newsletter carry a one-click unsubscribe; account mails are
    /// answers to the person's own action and do not.
    pub fn is_list_mail(self) -> bool {
        matches!(
            self,
            MailKind::Notice | MailKind::Digest | MailKind::Newsletter
        )
    }
}

crate::stored_as_text!(MailKind);

/// What a single-use link in a mail is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenPurpose {
    Confirm,
    Reset,
    ChangeEmail,
    Unsubscribe,
}

impl TokenPurpose {
    pub fn as_str(self) -> &'static str {
        match self {
            TokenPurpose::Confirm => "confirm",
            TokenPurpose::Reset => "reset",
            TokenPurpose::ChangeEmail => "change_email",
            TokenPurpose::Unsubscribe => "unsubscribe",
        }
    }

    pub fn parse(s: &str) -> Option<TokenPurpose> {
        Some(match s {
            "confirm" => TokenPurpose::Confirm,
            "reset" => TokenPurpose::Reset,
            "change_email" => TokenPurpose::ChangeEmail,
            "unsubscribe" => TokenPurpose::Unsubscribe,
            _ => return None,
        })
    }

    /// How long a link of this purpose works, in seconds.
    pub fn lifetime(self) -> i64 {
        match self {
            TokenPurpose::Confirm | TokenPurpose::ChangeEmail => 48 * 3600,
            TokenPurpose::Reset => 3600,
            // An unsubscribe link keeps working as long as the mail is kept (about ten years).
            TokenPurpose::Unsubscribe => 10 * 365 * 24 * 3600,
        }
    }
}

crate::stored_as_text!(TokenPurpose);

/// The kinds of event a person can choose the delivery of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    /// Something happened to my own idea (status, answer, merged, hidden) or my account.
    Own,
    /// A reply to my comment.
    Reply,
    /// A comment, status change or learning on an idea I follow.
    FollowedIdea,
    /// A new idea in a theme I follow.
    FollowedTheme,
    /// Workshop registration, moving up, reminder.
    Workshop,
}

impl NoticeKind {
    pub const ALL: [NoticeKind; 5] = [
        NoticeKind::Own,
        NoticeKind::Reply,
        NoticeKind::FollowedIdea,
        NoticeKind::FollowedTheme,
        NoticeKind::Workshop,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            NoticeKind::Own => "own",
            NoticeKind::Reply => "reply",
            NoticeKind::FollowedIdea => "followed_idea",
            NoticeKind::FollowedTheme => "followed_theme",
            NoticeKind::Workshop => "workshop",
        }
    }

    pub fn parse(s: &str) -> Option<NoticeKind> {
        Some(match s {
            "own" => NoticeKind::Own,
            "reply" => NoticeKind::Reply,
            "followed_idea" => NoticeKind::FollowedIdea,
            "followed_theme" => NoticeKind::FollowedTheme,
            "workshop" => NoticeKind::Workshop,
            _ => return None,
        })
    }

    /// The defaults: at once for my own ideas, replies to me, my workshops and the
    /// ideas I chose to follow; the daily digest for followed themes (many new ideas).
    pub fn default_mode(self) -> Delivery {
        match self {
            NoticeKind::Own
            | NoticeKind::Reply
            | NoticeKind::Workshop
            | NoticeKind::FollowedIdea => Delivery::Immediate,
            NoticeKind::FollowedTheme => Delivery::Digest,
        }
    }

    pub fn label_key(self) -> &'static str {
        match self {
            NoticeKind::Own => "notice-kind-own",
            NoticeKind::Reply => "notice-kind-reply",
            NoticeKind::FollowedIdea => "notice-kind-followed-idea",
            NoticeKind::FollowedTheme => "notice-kind-followed-theme",
            NoticeKind::Workshop => "notice-kind-workshop",
        }
    }
}

crate::stored_as_text!(NoticeKind);

/// How notices of one kind reach a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    Immediate,
    Digest,
    /// Only in the inbox on the site.
    Inbox,
}

impl Delivery {
    pub const ALL: [Delivery; 3] = [Delivery::Immediate, Delivery::Digest, Delivery::Inbox];

    pub fn as_str(self) -> &'static str {
        match self {
            Delivery::Immediate => "immediate",
            Delivery::Digest => "digest",
            Delivery::Inbox => "inbox",
        }
    }

    pub fn parse(s: &str) -> Option<Delivery> {
        Some(match s {
            "immediate" => Delivery::Immediate,
            "digest" => Delivery::Digest,
            "inbox" => Delivery::Inbox,
            _ => return None,
        })
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Delivery::Immediate => "delivery-immediate",
            Delivery::Digest => "delivery-digest",
            Delivery::Inbox => "delivery-inbox",
        }
    }
}

crate::stored_as_text!(Delivery);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_names_round_trip() {
        for k in NoticeKind::ALL {
            assert_eq!(NoticeKind::parse(k.as_str()), Some(k));
        }
        for d in Delivery::ALL {
            assert_eq!(Delivery::parse(d.as_str()), Some(d));
        }
        for p in [
            TokenPurpose::Confirm,
            TokenPurpose::Reset,
            TokenPurpose::ChangeEmail,
            TokenPurpose::Unsubscribe,
        ] {
            assert_eq!(TokenPurpose::parse(p.as_str()), Some(p));
        }
        assert_eq!(MailKind::parse("notice"), Some(MailKind::Notice));
        assert_eq!(MailKind::parse("nonsense"), None);
        assert_eq!(TokenPurpose::Reset.lifetime(), 3600);
        assert_eq!(TokenPurpose::Confirm.lifetime(), 48 * 3600);
    }
}

/// The hour (Europe/Berlin) the daily digest goes out.
pub const DIGEST_HOUR: u8 = 7;

/// The last digest hour at or before `now` (unix seconds): notices marked for the digest
/// that are older than this go out in the next digest mail. 07:00 is never in a clock change.
pub fn last_digest_boundary(now: i64) -> i64 {
    let local = super::berlin::to_berlin(now);
    let seven = time::Time::from_hms(DIGEST_HOUR, 0, 0).unwrap_or(time::Time::MIDNIGHT);
    let today = super::berlin::berlin_to_unix(local.date(), seven).unwrap_or(now);
    if today <= now {
        today
    } else {
        local
            .date()
            .previous_day()
            .and_then(|d| super::berlin::berlin_to_unix(d, seven).ok())
            .unwrap_or(today - 86_400)
    }
}

#[cfg(test)]
mod digest_tests {
    use super::last_digest_boundary;

    #[test]
    fn the_digest_hour_is_seven_in_berlin_summer_and_winter() {
        // 2026-07-01 10:00 UTC = 12:00 CEST: today 07:00 CEST = 05:00 UTC.
        assert_eq!(last_digest_boundary(1_782_900_000), 1_782_882_000);
        // 2026-01-15 05:30 UTC = 06:30 CET: yesterday 07:00 CET = 06:00 UTC.
        assert_eq!(last_digest_boundary(1_768_455_000), 1_768_370_400);
    }
}
