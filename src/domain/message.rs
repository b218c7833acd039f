//! Messages shown to people (flash notices, stored notices, form errors built from parts):
//! a catalogue key with its arguments, translated only when someone reads it.

use super::Status;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// A catalogue key and its named arguments. Never a finished sentence: the reader's language
/// is only known when the message is shown (a notice is read days later, maybe in English).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    pub key: Cow<'static, str>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<(Cow<'static, str>, Arg)>,
}

/// One argument of a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Arg {
    /// Text as it is: a title, a name, a place.
    Text(String),
    Number(i64),
    /// A status, shown with its label in the reader's language.
    Status(Status),
    /// Another catalogue key (a reason, a label), translated with the message.
    Key(Cow<'static, str>),
    /// A whole message nested as an argument (an error naming its line).
    Message(Box<Message>),
}

impl Message {
    pub const fn key(key: &'static str) -> Message {
        Message {
            key: Cow::Borrowed(key),
            args: Vec::new(),
        }
    }

    /// Adds an argument; `Message::key("x").arg("title", title)`.
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Message {
        self.args.push((Cow::Borrowed(name), value.into()));
        self
    }
}

impl From<&'static str> for Message {
    fn from(key: &'static str) -> Message {
        Message::key(key)
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Arg {
        Arg::Number(n)
    }
}

impl From<Status> for Arg {
    fn from(s: Status) -> Arg {
        Arg::Status(s)
    }
}

impl From<Message> for Arg {
    fn from(m: Message) -> Arg {
        Arg::Message(Box::new(m))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_round_trip_through_json() {
        let m = Message::key("notice-status")
            .arg("title", "Digitale Sprechstunde")
            .arg("status", Status::Forwarded)
            .arg("count", 3)
            .arg("reason", Arg::Key(Cow::Borrowed("reason-spam")));
        let json = serde_json::to_string(&m).unwrap_or_default();
        let back: Option<Message> = serde_json::from_str(&json).ok();
        assert_eq!(back, Some(m));
        assert_eq!(
            serde_json::to_string(&Message::key("x")).unwrap_or_default(),
            r#"{"key":"x"}"#
        );
    }
}
