//! The road of an idea: its statuses, who may move it where, and the reasons for reports.

use super::Role;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    Submitted,
    Discussion,
    Review,
    Forwarded,
    /// The ministry confirmed receipt (with a public note) and works on its answer.
    Acknowledged,
    Accepted,
    InProgress,
    Rejected,
    Implemented,
    Withdrawn,
    Merged,
}

/// Who asks for a change: a role, or the idea's own author (who may withdraw it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    Author,
    Staff(Role),
}

/// What a transition needs besides the permission.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteRule {
    Optional,
    /// A public reason (moderation) or the ministry's public answer.
    Required,
}

impl Status {
    pub const ALL: [Status; 11] = [
        Status::Submitted,
        Status::Discussion,
        Status::Review,
        Status::Forwarded,
        Status::Acknowledged,
        Status::Accepted,
        Status::InProgress,
        Status::Rejected,
        Status::Implemented,
        Status::Withdrawn,
        Status::Merged,
    ];

    /// The statuses that are the ministry's answer.
    pub const ANSWERS: [Status; 3] = [Status::Accepted, Status::InProgress, Status::Rejected];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Submitted => "submitted",
            Status::Discussion => "discussion",
            Status::Review => "review",
            Status::Forwarded => "forwarded",
            Status::Acknowledged => "acknowledged",
            Status::Accepted => "accepted",
            Status::InProgress => "in_progress",
            Status::Rejected => "rejected",
            Status::Implemented => "implemented",
            Status::Withdrawn => "withdrawn",
            Status::Merged => "merged",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|st| st.as_str() == s)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Status::Submitted => "status-submitted",
            Status::Discussion => "status-discussion",
            Status::Review => "status-review",
            Status::Forwarded => "status-forwarded",
            Status::Acknowledged => "status-acknowledged",
            Status::Accepted => "status-accepted",
            Status::InProgress => "status-in-progress",
            Status::Rejected => "status-rejected",
            Status::Implemented => "status-implemented",
            Status::Withdrawn => "status-withdrawn",
            Status::Merged => "status-merged",
        }
    }

    /// Withdrawn and merged ideas take no supports, comments or further changes.
    pub fn is_closed(self) -> bool {
        matches!(self, Status::Withdrawn | Status::Merged)
    }

    /// Whether `actor` may move an idea from `self` to `to`, and what note it needs.
    ///
    /// Moderation moves ideas up to "weitergeleitet" (and may set a shortlisted idea back to
    /// discussion); the ministry may first confirm receipt ("Eingang bestätigt"), gives one
    /// answer to a forwarded or acknowledged idea and later marks it implemented; the author may withdraw until it is forwarded. Admins act for both staff
    /// roles. Merging has its own action (it needs a target).
    pub fn transition(self, to: Status, actor: Actor) -> Option<NoteRule> {
        use Status::*;
        let moderation = matches!(actor, Actor::Staff(Role::Moderator | Role::Admin));
        let ministry = matches!(actor, Actor::Staff(Role::Ministry | Role::Admin));
        match (self, to) {
            (Submitted, Discussion) if moderation => Some(NoteRule::Optional),
            (Submitted | Discussion, Review) if moderation => Some(NoteRule::Required),
            (Review, Discussion) if moderation => Some(NoteRule::Required),
            (Review, Forwarded) if moderation => Some(NoteRule::Required),
            (Forwarded, Acknowledged) if ministry => Some(NoteRule::Required),
            (Forwarded | Acknowledged, Accepted | InProgress | Rejected) if ministry => {
                Some(NoteRule::Required)
            }
            (Accepted, InProgress) if ministry => Some(NoteRule::Optional),
            (Accepted | InProgress, Implemented) if ministry => Some(NoteRule::Optional),
            (Submitted | Discussion | Review, Withdrawn) if actor == Actor::Author => {
                Some(NoteRule::Optional)
            }
            _ => None,
        }
    }

    /// The steps of moderation's one-step forwarding from here ("In Prüfung", then
    /// "Weitergeleitet"), when `actor` may take each of them in turn; None otherwise (the idea
    /// is already in review, or further, or the actor is no moderator). Built from
    /// `transition`, so the one-step way never allows what the single steps do not.
    pub fn forward_path(self, actor: Actor) -> Option<[Status; 2]> {
        let path = [Status::Review, Status::Forwarded];
        (self != Status::Review
            && self.transition(Status::Review, actor).is_some()
            && Status::Review
                .transition(Status::Forwarded, actor)
                .is_some())
        .then_some(path)
    }

    /// The statuses `actor` may choose next from here.
    pub fn next_for(self, actor: Actor) -> Vec<(Status, NoteRule)> {
        Status::ALL
            .into_iter()
            .filter_map(|to| self.transition(to, actor).map(|rule| (to, rule)))
            .collect()
    }
}

/// Why something was reported, or why moderation hid it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    Spam,
    Insult,
    Illegal,
    OffTopic,
    Other,
}

impl Reason {
    pub const ALL: [Reason; 5] = [
        Reason::Spam,
        Reason::Insult,
        Reason::Illegal,
        Reason::OffTopic,
        Reason::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Spam => "spam",
            Reason::Insult => "insult",
            Reason::Illegal => "illegal",
            Reason::OffTopic => "offtopic",
            Reason::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Reason> {
        Reason::ALL.into_iter().find(|r| r.as_str() == s)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Reason::Spam => "reason-spam",
            Reason::Insult => "reason-insult",
            Reason::Illegal => "reason-illegal",
            Reason::OffTopic => "reason-offtopic",
            Reason::Other => "reason-other",
        }
    }
}

crate::stored_as_text!(Status);
crate::stored_as_text!(Reason);

impl super::Labelled for Status {
    fn label_key(self) -> &'static str {
        Status::label_key(self)
    }
}

impl super::Labelled for Reason {
    fn label_key(self) -> &'static str {
        Reason::label_key(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_round_trip() {
        for s in Status::ALL {
            assert_eq!(Status::parse(s.as_str()), Some(s));
        }
        for r in Reason::ALL {
            assert_eq!(Reason::parse(r.as_str()), Some(r));
        }
    }

    #[test]
    fn participants_move_nothing_and_authors_only_withdraw() {
        for from in Status::ALL {
            for to in Status::ALL {
                assert_eq!(from.transition(to, Actor::Staff(Role::Participant)), None);
                if to != Status::Withdrawn {
                    assert_eq!(from.transition(to, Actor::Author), None);
                }
            }
        }
        assert!(
            Status::Review
                .transition(Status::Withdrawn, Actor::Author)
                .is_some()
        );
        assert!(
            Status::Forwarded
                .transition(Status::Withdrawn, Actor::Author)
                .is_none()
        );
    }

    #[test]
    fn the_ministry_answers_only_forwarded_ideas_and_moderation_never_answers() {
        let ministry = Actor::Staff(Role::Ministry);
        let moderation = Actor::Staff(Role::Moderator);
        for answer in Status::ANSWERS {
            assert_eq!(
                Status::Forwarded.transition(answer, ministry),
                Some(NoteRule::Required)
            );
            assert_eq!(Status::Forwarded.transition(answer, moderation), None);
            assert_eq!(Status::Review.transition(answer, ministry), None);
        }
        assert_eq!(Status::Review.transition(Status::Forwarded, ministry), None);
        assert_eq!(
            Status::Review.transition(Status::Forwarded, moderation),
            Some(NoteRule::Required)
        );
    }

    #[test]
    fn the_acknowledgement_sits_between_forwarding_and_the_answer() {
        let ministry = Actor::Staff(Role::Ministry);
        let moderation = Actor::Staff(Role::Moderator);
        let ack = Status::Acknowledged;
        assert_eq!(
            Status::Forwarded.transition(ack, ministry),
            Some(NoteRule::Required)
        );
        assert_eq!(Status::Forwarded.transition(ack, moderation), None);
        for answer in Status::ANSWERS {
            assert_eq!(ack.transition(answer, ministry), Some(NoteRule::Required));
            assert_eq!(ack.transition(answer, moderation), None);
        }
        assert_eq!(ack.transition(Status::Implemented, ministry), None);
        assert_eq!(ack.transition(Status::Withdrawn, Actor::Author), None);
        assert!(!ack.is_closed());
    }

    #[test]
    fn only_moderation_forwards_in_one_step_and_only_from_before_review() {
        let path = Some([Status::Review, Status::Forwarded]);
        for role in [Role::Moderator, Role::Admin] {
            let actor = Actor::Staff(role);
            assert_eq!(Status::Submitted.forward_path(actor), path);
            assert_eq!(Status::Discussion.forward_path(actor), path);
            for from in [Status::Review, Status::Forwarded, Status::Acknowledged] {
                assert_eq!(from.forward_path(actor), None, "{from:?}");
            }
        }
        for actor in [
            Actor::Author,
            Actor::Staff(Role::Participant),
            Actor::Staff(Role::Ministry),
        ] {
            for from in Status::ALL {
                assert_eq!(from.forward_path(actor), None);
            }
        }
    }
}
