//! E-mail: what each mail in the outbox says (German or English, plain text and simple
//! HTML, with the headers a good mail carries) and the worker that sends them.

pub mod worker;

use crate::db::mail::OutboxRow;
use crate::domain::Message as Notice;
use crate::domain::mail::MailKind;
use crate::i18n::{self, Lang, t, ta};
use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use maud::{DOCTYPE, Markup, html};

/// What every mail needs beside its row: the sender and the site's public address.
#[derive(Debug, Clone)]
pub struct Sender {
    pub from: Mailbox,
    /// `https://host[/path]`, without the final slash.
    pub base: String,
}

impl Sender {
    /// The domain of the sender's address, for Message-IDs.
    fn domain(&self) -> &str {
        self.from.email.domain()
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

/// The words of one mail in the recipient's language.
struct Words {
    subject: String,
    /// Paragraphs; each may end in the mail's link.
    paragraphs: Vec<String>,
    /// The link the mail is about, with its button text.
    link: Option<(String, String)>,
    /// Newsletter Markdown, shown as it is in the text part and rendered in the HTML part.
    markdown: Option<String>,
}

fn words(row: &OutboxRow, sender: &Sender) -> Words {
    let link = (!row.link.is_empty()).then(|| sender.url(&row.link));
    let simple = |subject: &str, body: &str, button: &str| Words {
        subject: t(subject),
        paragraphs: vec![t(body)],
        link: link.clone().map(|l| (l, t(button))),
        markdown: None,
    };
    match row.kind {
        MailKind::Confirm => simple(
            "mail-confirm-subject",
            "mail-confirm-body",
            "mail-confirm-button",
        ),
        MailKind::AlreadyRegistered => Words {
            subject: t("mail-already-subject"),
            paragraphs: vec![
                t("mail-already-body"),
                ta(
                    "mail-already-links",
                    &[
                        ("login", sender.url("/login").into()),
                        ("reset", sender.url("/passwort-vergessen").into()),
                    ],
                ),
            ],
            link: None,
            markdown: None,
        },
        MailKind::Reset => simple("mail-reset-subject", "mail-reset-body", "mail-reset-button"),
        MailKind::ChangeConfirm => simple(
            "mail-change-subject",
            "mail-change-body",
            "mail-confirm-button",
        ),
        MailKind::ChangeNotice => Words {
            subject: t("mail-change-notice-subject"),
            paragraphs: vec![ta(
                "mail-change-notice-body",
                &[("email", row.body.clone().into())],
            )],
            link: None,
            markdown: None,
        },
        MailKind::Notice => {
            let text = serde_json::from_str::<Notice>(&row.message)
                .map(|m| i18n::render(&m))
                .unwrap_or_default();
            let hidden = serde_json::from_str::<Notice>(&row.message)
                .is_ok_and(|m| crate::domain::moderation::is_hiding_notice(&m.key));
            let mut paragraphs = vec![text];
            if !row.body.is_empty() {
                paragraphs.push(row.body.clone());
            }
            if hidden {
                paragraphs.push(ta(
                    "mail-rules-line",
                    &[("link", sender.url("/regeln").into())],
                ));
            }
            Words {
                subject: t("mail-notice-subject"),
                paragraphs,
                link: link.map(|l| (l, t("mail-notice-button"))),
                markdown: None,
            }
        }
        MailKind::Digest => {
            let items: Vec<(Notice, String)> =
                serde_json::from_str(&row.message).unwrap_or_default();
            let mut paragraphs = vec![ta(
                "mail-digest-intro",
                &[("count", (items.len() as i64).into())],
            )];
            paragraphs.extend(items.iter().map(|(m, path)| {
                if path.is_empty() {
                    format!("• {}", i18n::render(m))
                } else {
                    format!("• {}\n  {}", i18n::render(m), sender.url(path))
                }
            }));
            Words {
                subject: t("mail-digest-subject"),
                paragraphs,
                link: Some((sender.url("/benachrichtigungen"), t("mail-digest-button"))),
                markdown: None,
            }
        }
        MailKind::NewsletterConfirm => simple(
            "mail-newsletter-confirm-subject",
            "mail-newsletter-confirm-body",
            "mail-confirm-button",
        ),
        MailKind::Newsletter => Words {
            subject: row.subject.clone(),
            paragraphs: Vec::new(),
            link: None,
            markdown: Some(row.body.clone()),
        },
    }
}

fn text_part(w: &Words, unsubscribe: Option<&str>) -> String {
    let mut out = String::new();
    if let Some(md) = &w.markdown {
        out.push_str(md.trim());
        out.push_str("\n\n");
    }
    for p in &w.paragraphs {
        out.push_str(p);
        out.push_str("\n\n");
    }
    if let Some((url, _)) = &w.link {
        out.push_str(url);
        out.push_str("\n\n");
    }
    out.push_str("-- \n");
    out.push_str(&t("mail-footer"));
    out.push('\n');
    if let Some(u) = unsubscribe {
        out.push_str(&ta(
            "mail-footer-unsubscribe",
            &[("link", u.to_string().into())],
        ));
        out.push('\n');
    }
    out
}

fn html_part(w: &Words, lang: Lang, unsubscribe: Option<&str>) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head { meta charset="utf-8"; title { (w.subject) } }
            body style="font-family: sans-serif; line-height: 1.5; color: #1a1a1a; max-width: 40em" {
                @if let Some(md) = &w.markdown { (crate::web::markdown::render(md)) }
                @for p in &w.paragraphs {
                    p { @for (i, line) in p.lines().enumerate() { @if i > 0 { br; } (line) } }
                }
                @if let Some((url, label)) = &w.link {
                    p { a href=(url) { (label) } }
                }
                hr;
                p style="font-size: 0.9em; color: #444" {
                    (t("mail-footer"))
                    @if let Some(u) = unsubscribe {
                        br;
                        a href=(u) { (t("mail-unsubscribe-link")) }
                    }
                }
            }
        }
    }
}

fn header(name: &'static str, value: String) -> HeaderValue {
    HeaderValue::new(HeaderName::new_from_ascii_str(name), value)
}

/// Why a mail cannot be built: it will never work, so it is given up at once.
#[derive(Debug)]
pub struct Unsendable(pub String);

/// The finished message for one outbox row, in the recipient's language.
pub async fn compose(row: &OutboxRow, sender: &Sender) -> Result<lettre::Message, Unsendable> {
    let lang = Lang::parse(&row.language).unwrap_or(Lang::De);
    let to: Mailbox = row
        .recipient
        .parse()
        .map_err(|e| Unsendable(format!("recipient address: {e}")))?;
    let unsubscribe = (row.kind.is_list_mail() && !row.unsubscribe.is_empty())
        .then(|| sender.url(&row.unsubscribe));
    let (subject, text, html) = i18n::scope(lang, async {
        let w = words(row, sender);
        let text = text_part(&w, unsubscribe.as_deref());
        let html = html_part(&w, lang, unsubscribe.as_deref()).into_string();
        (w.subject, text, html)
    })
    .await;
    let mut builder = lettre::Message::builder()
        .from(sender.from.clone())
        .to(to)
        .subject(subject)
        .date_now()
        .message_id(Some(format!("<{}@{}>", row.message_id, sender.domain())))
        .raw_header(header("Auto-Submitted", "auto-generated".into()))
        .raw_header(header("Content-Language", lang.code().into()));
    if let Some(u) = &unsubscribe {
        // RFC 8058: a POST to this address unsubscribes at once, without logging in.
        builder = builder
            .raw_header(header("List-Unsubscribe", format!("<{u}>")))
            .raw_header(header(
                "List-Unsubscribe-Post",
                "List-Unsubscribe=One-Click".into(),
            ));
    }
    builder
        .multipart(MultiPart::alternative_plain_html(text, html))
        .map_err(|e| Unsendable(format!("building the message: {e}")))
}
