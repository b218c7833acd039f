//! Newtypes that parse user input once, so the rest of the code never sees a bad value.

pub mod berlin;
pub mod ids;
pub mod listing;
pub mod mail;
pub mod message;
pub mod moderation;
pub mod newcomers;
pub mod search;
pub mod status;
pub mod stored;
pub mod tags;
pub mod text;
pub mod totp;
pub mod unicode;
pub mod user;
pub mod workshop;

pub use ids::{CommentId, IdeaId, LearningId, OrganisationId, TagId, ThemeId, UserId, WorkshopId};
pub use message::{Arg, Message};
pub use moderation::{Action, ItemKind, Resolution, Subject};
pub use newcomers::NewAccountLimit;
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
/// are fine in longer texts. Invisible format characters count too (see `unicode`): in
/// one-line fields all that no script needs, in longer texts the bidi controls.
pub(crate) fn has_control_chars(s: &str, allow_newlines: bool) -> bool {
    s.chars()
        .any(|c| c.is_control() && !(allow_newlines && (c == '\n' || c == '\r' || c == '\t')))
        || has_format_chars(s, allow_newlines)
}

/// The invisible characters of `unicode` that a field refuses: for one-line fields every
/// format character no script needs, for longer texts (which are cleaned with
/// `unicode::strip_invisible` first) bidi embeddings, overrides and isolates.
pub(crate) fn has_format_chars(s: &str, multiline: bool) -> bool {
    if multiline {
        unicode::refused_in_long_text(s)
    } else {
        unicode::has_stray_format_chars(s)
    }
}

/// The message for invisible characters in a field, by kind of field.
pub(crate) fn format_message(multiline: bool) -> &'static str {
    if multiline {
        "err-text-bidi"
    } else {
        "err-text-format"
    }
}
