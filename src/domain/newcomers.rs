//! Accounts in their first hours: enough room to take part, too little to flood the board
//! from throwaway accounts without a captcha, and their links earn no search ranking.

use super::Role;

pub const HOUR: i64 = 3600;

/// How many posts of one kind (ideas, comments) an account may make per hour while it is new.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NewAccountLimit {
    /// How long after registration an account counts as new.
    pub window_secs: i64,
    pub per_hour: i64,
}

impl NewAccountLimit {
    /// Whether the limit binds an account of `role` registered at `registered`, at `now`:
    /// staff (moderation, ministry, admins) answer and moderate and are never limited.
    pub fn applies(self, role: Role, registered: i64, now: i64) -> bool {
        role == Role::Participant && now < registered + self.window_secs
    }

    /// When a bound account may post again, `None` when it may post now. `nth_newest` is the
    /// time of its `per_hour`-th newest post of the last hour (`None` when it made fewer):
    /// once that one is an hour old, there is room again, and at the latest when the
    /// account stops being new.
    pub fn wait_until(self, registered: i64, nth_newest: Option<i64>) -> Option<i64> {
        let grown_up = registered + self.window_secs;
        if self.per_hour <= 0 {
            return Some(grown_up);
        }
        nth_newest.map(|t| (t + HOUR).min(grown_up))
    }
}

/// Whether a post is one of its author's first posts: written by a participant whose account
/// had existed for less than `window_secs` (`account_age`, in seconds). Its links are marked
/// `ugc`, so a fresh account cannot buy search ranking with the board's name.
pub fn first_post(role: Role, account_age: i64, window_secs: i64) -> bool {
    role == Role::Participant && account_age < window_secs
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMIT: NewAccountLimit = NewAccountLimit {
        window_secs: 24 * HOUR,
        per_hour: 3,
    };

    #[test]
    fn only_new_participants_are_bound() {
        assert!(LIMIT.applies(Role::Participant, 1_000, 1_000 + 23 * HOUR));
        assert!(!LIMIT.applies(Role::Participant, 1_000, 1_000 + 24 * HOUR));
        for staff in [Role::Moderator, Role::Ministry, Role::Admin] {
            assert!(!LIMIT.applies(staff, 1_000, 1_001));
        }
    }

    #[test]
    fn room_again_an_hour_after_the_nth_newest_post() {
        assert_eq!(LIMIT.wait_until(0, None), None);
        assert_eq!(LIMIT.wait_until(0, Some(500)), Some(500 + HOUR));
        // The account stops being new before the hour is over.
        assert_eq!(LIMIT.wait_until(0, Some(24 * HOUR - 60)), Some(24 * HOUR));
        let none = NewAccountLimit {
            per_hour: 0,
            ..LIMIT
        };
        assert_eq!(none.wait_until(100, None), Some(100 + 24 * HOUR));
    }

    #[test]
    fn first_posts_are_those_of_the_first_hours() {
        assert!(first_post(Role::Participant, 24 * HOUR - 1, 24 * HOUR));
        assert!(!first_post(Role::Participant, 24 * HOUR, 24 * HOUR));
        assert!(!first_post(Role::Ministry, 10, 24 * HOUR));
    }
}
