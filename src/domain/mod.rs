//! Newtypes that parse user input once, so the rest of the code never sees a bad value.

pub mod berlin;
pub mod ids;
pub mod message;
pub mod moderation;
pub mod status;
pub mod stored;
pub mod text;
pub mod user;
pub mod workshop;

pub use ids::{CommentId, IdeaId, LearningId, OrganisationId, ThemeId, UserId, WorkshopId};
pub use message::{Arg, Message};
pub use moderation::{Action, ItemKind, Resolution, Subject};
pub use status::{Actor, NoteRule, Reason, Status};
pub use stored::Labelled;
pub use text::{
    CommentBody, IdeaBody, IdeaTitle, OrgDescription, OrgName, Slug, ThemeDescription, ThemeName,
    Website,
};
pub use user::{Acting, DisplayName, Email, NewPassword, Role};

/// Number of Unicode scalar values, which is what people mean by "characters".
pub(crate) fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// Control characters have no place in single-line fields (names, titles); newlines and tabs
/// are fine in longer texts.
pub(crate) fn has_control_chars(s: &str, allow_newlines: bool) -> bool {
    s.chars()
        .any(|c| c.is_control() && !(allow_newlines && (c == '\n' || c == '\r' || c == '\t')))
}
