//! Form plumbing: a lenient `Form` extractor, collected field errors, and accessible fields
//! (label, hint, error linked by `aria-describedby`, summary at the top linking to each field).

use crate::domain::{Message, NewAccountLimit};
use crate::i18n::{render, t};
use crate::web::datetime;
use maud::{Markup, html};

/// Errors of one submitted form, in the order of the fields.
#[derive(Debug, Default)]
pub struct FormErrors(Vec<(String, String, String)>);

impl FormErrors {
    pub fn new() -> Self {
        Self::default()
    }

    /// `field` is the input's key (its name, unless the page has several forms with the same
    /// name); `label` and `message` are catalogue keys, translated here into the language of
    /// the request.
    pub fn add(&mut self, field: impl Into<String>, label: &str, message: &str) {
        self.0.push((field.into(), t(label), t(message)));
    }

    /// Like `add`, for a message with arguments (a time, a number).
    pub fn add_message(&mut self, field: impl Into<String>, label: &str, message: &Message) {
        self.0.push((field.into(), t(label), render(message)));
    }

    /// Take the value of a parse, or note its message (a catalogue key) for `field`.
    pub fn check<T>(
        &mut self,
        field: impl Into<String>,
        label: &str,
        parsed: Result<T, &'static str>,
    ) -> Option<T> {
        match parsed {
            Ok(v) => Some(v),
            Err(msg) => {
                self.add(field, label, msg);
                None
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(f, _, _)| *f == field)
            .map(|(_, _, m)| m.as_str())
    }

    /// The box at the top of a failed form; each entry jumps to its field.
    pub fn summary(&self) -> Markup {
        html! {
            @if !self.0.is_empty() {
                div.error-summary role="alert" aria-labelledby="error-summary-title" {
                    h2 #error-summary-title { (t("form-check-input")) }
                    ul {
                        @for (field, label, msg) in &self.0 {
                            li { a href={ "#f-" (field) } { (label) ": " (msg) } }
                        }
                    }
                }
            }
        }
    }
}

/// Why a new account may not post yet (`key` says what it wanted to post), with its limit
/// and the Berlin time from which it may post again (the next whole minute, so that the
/// time shown is never a moment too early).
pub fn new_account_wait(key: &'static str, until: i64, limit: NewAccountLimit) -> Message {
    let minute = until.div_euclid(60) * 60;
    let shown = if minute < until { minute + 60 } else { minute };
    Message::key(key)
        .arg("hours", limit.window_secs / 3600)
        .arg("limit", limit.per_hour)
        .arg("time", datetime::format(shown))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Email,
    Password,
    Textarea(u32),
}

/// One labelled form control with its hint and error; label and hint are catalogue keys.
pub struct Field<'a> {
    name: &'static str,
    /// Element id is `f-{key}`; errors are looked up by key.
    key: String,
    label: &'a str,
    value: &'a str,
    kind: Kind,
    hint: Option<&'a str>,
    required: bool,
    autocomplete: Option<&'static str>,
    maxlength: Option<usize>,
    minlength: Option<usize>,
}

impl<'a> Field<'a> {
    fn new(kind: Kind, name: &'static str, label: &'a str, value: &'a str) -> Self {
        Field {
            name,
            key: name.to_string(),
            label,
            value,
            kind,
            hint: None,
            required: true,
            autocomplete: None,
            maxlength: None,
            minlength: None,
        }
    }
    pub fn text(name: &'static str, label: &'a str, value: &'a str) -> Self {
        Self::new(Kind::Text, name, label, value)
    }
    pub fn email(name: &'static str, label: &'a str, value: &'a str) -> Self {
        Self::new(Kind::Email, name, label, value).autocomplete("email")
    }
    /// Password fields never echo what was typed back into the page.
    pub fn password(name: &'static str, label: &'a str) -> Self {
        Self::new(Kind::Password, name, label, "")
    }
    pub fn textarea(name: &'static str, label: &'a str, value: &'a str, rows: u32) -> Self {
        Self::new(Kind::Textarea(rows), name, label, value)
    }
    /// For a page with several forms sharing a field name (reply forms).
    pub fn key(mut self, key: String) -> Self {
        self.key = key;
        self
    }
    pub fn hint(mut self, hint: &'a str) -> Self {
        self.hint = Some(hint);
        self
    }
    pub fn optional(mut self) -> Self {
        self.required = false;
        self
    }
    pub fn autocomplete(mut self, v: &'static str) -> Self {
        self.autocomplete = Some(v);
        self
    }
    /// Length bounds shown to the browser too; the server checks them regardless.
    pub fn length(mut self, min: usize, max: usize) -> Self {
        self.minlength = Some(min);
        self.maxlength = Some(max);
        self
    }

    pub fn render(&self, errors: &FormErrors) -> Markup {
        let id = format!("f-{}", self.key);
        let hint_id = format!("{id}-hint");
        let error_id = format!("{id}-error");
        let error = errors.get(&self.key);
        let mut described = Vec::new();
        if self.hint.is_some() {
            described.push(hint_id.as_str());
        }
        if error.is_some() {
            described.push(error_id.as_str());
        }
        let described = (!described.is_empty()).then(|| described.join(" "));
        let input_type = match self.kind {
            Kind::Email => "email",
            Kind::Password => "password",
            _ => "text",
        };
        html! {
            div.field.has-error[error.is_some()] {
                label for=(id) {
                    (t(self.label))
                    @if !self.required { " " span.optional { "(" (t("form-optional")) ")" } }
                }
                @if let Some(h) = self.hint { p.hint id=(hint_id) { (t(h)) } }
                @if let Some(e) = error { p.field-error id=(error_id) { span.visually-hidden { (t("form-error-prefix")) " " } (e) } }
                @match self.kind {
                    Kind::Textarea(rows) => {
                        textarea id=(id) name=(self.name) rows=(rows)
                            required[self.required]
                            maxlength=[self.maxlength] minlength=[self.minlength]
                            aria-describedby=[described.as_deref()]
                            aria-invalid=[error.map(|_| "true")] { (self.value) }
                    }
                    _ => {
                        input id=(id) name=(self.name) type=(input_type) value=(self.value)
                            required[self.required]
                            maxlength=[self.maxlength] minlength=[self.minlength]
                            autocomplete=[self.autocomplete]
                            aria-describedby=[described.as_deref()]
                            aria-invalid=[error.map(|_| "true")];
                    }
                }
            }
        }
    }
}

/// The hidden CSRF field every POST form carries.
pub fn csrf_field(token: &str) -> Markup {
    html! { input type="hidden" name="csrf" value=(token); }
}

/// A one-button form (support, withdraw, logout, ...).
pub fn button_form(action: &str, csrf: &str, label: &str, class: &str) -> Markup {
    html! {
        form.inline method="post" action=(action) {
            (csrf_field(csrf))
            button.(class) type="submit" { (label) }
        }
    }
}

/// Who a contribution speaks for: `Some(None)` oneself, `Some(Some(org))` a verified
/// organisation the person belongs to (`orgs`); `None` (with an error noted) for anything
/// else. Ideas and comments both offer the choice.
pub fn speaking_for(
    orgs: &[crate::db::organisations::OrgRow],
    slug: &str,
    errors: &mut FormErrors,
) -> Option<Option<crate::domain::OrganisationId>> {
    if slug.is_empty() {
        return Some(None);
    }
    match orgs.iter().find(|o| o.slug == slug) {
        Some(o) => Some(Some(o.id)),
        None => {
            errors.add("as_org", "org-l-speak-as", "org-not-member");
            None
        }
    }
}
