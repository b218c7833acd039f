//! iCalendar (RFC 5545) for one workshop, so people can put it into their calendar app.
//!
//! Written with the `icalendar` crate, which escapes TEXT values (`\\`, `\;`, `\,`, `\n`),
//! folds lines at 75 octets without splitting a UTF-8 character and ends them in CRLF. Two
//! things it leaves to us: it passes carriage returns and other control characters through
//! (so `clean` drops them first), and it stamps a random UID and the current time when a
//! file has none (so we always set both: the UID must stay the same across downloads).
//!
//! Times are written in UTC with a `Z` (`DTSTART:20201209T160000Z`): every calendar shows
//! them in its own zone, and the file needs no VTIMEZONE block that could disagree with
//! `web::datetime`. `METHOD:PUBLISH` asks for an `ORGANIZER` (RFC 5546) and calendar apps
//! apply an update only when its `SEQUENCE` is higher than the one they hold.

use icalendar::{Calendar, Component, EventLike, Property};
use time::OffsetDateTime;

/// The office that runs the workshops, as the ORGANIZER's name.
const ORGANIZER_NAME: &str = "Innovationsbüro Digitales Leben";

pub struct Event<'a> {
    /// Globally unique and stable across downloads, so a second import updates the entry.
    pub uid: &'a str,
    /// Raised with every change of time or place (`ics_sequence` of the workshop).
    pub sequence: i64,
    pub start: i64,
    pub end: i64,
    pub summary: &'a str,
    pub description: &'a str,
    pub location: &'a str,
    pub url: Option<&'a str>,
    /// The ORGANIZER's address (a URI: the site); left out when unknown.
    pub organizer: Option<&'a str>,
    pub last_modified: i64,
}

/// "20201209T160000Z"
fn utc(unix: i64) -> String {
    let t = OffsetDateTime::from_unix_timestamp(unix).unwrap_or(OffsetDateTime::UNIX_EPOCH);
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// Text the crate can escape: line breaks as `\n` only, no other control characters.
fn clean(s: &str) -> String {
    s.replace("\r\n", "\n")
        .chars()
        .map(|c| if c == '\r' { '\n' } else { c })
        .filter(|&c| c == '\n' || !c.is_control())
        .collect()
}

/// A URI value is not escaped: it must not hold line breaks or other controls.
fn uri(s: &str) -> String {
    s.chars().filter(|c| !c.is_control()).collect()
}

/// The whole calendar file with one event; `now` becomes DTSTAMP.
pub fn calendar(e: &Event, now: i64) -> String {
    let mut event = icalendar::Event::new();
    event
        .uid(&uri(e.uid))
        .add_property("DTSTAMP", utc(now))
        .add_property("LAST-MODIFIED", utc(e.last_modified))
        .add_property("SEQUENCE", e.sequence.max(0).to_string())
        .add_property("DTSTART", utc(e.start))
        .add_property("DTEND", utc(e.end))
        .summary(&clean(e.summary));
    if !e.description.is_empty() {
        event.description(&clean(e.description));
    }
    if !e.location.is_empty() {
        event.location(&clean(e.location));
    }
    if let Some(url) = e.url {
        event.url(&uri(url));
    }
    if let Some(organizer) = e.organizer {
        event.append_property(
            Property::new("ORGANIZER", uri(organizer))
                .add_parameter("CN", ORGANIZER_NAME)
                .done(),
        );
    }
    let mut cal = Calendar::empty();
    for (name, value) in [
        ("VERSION", "2.0"),
        (
            "PRODID",
            "-//Innovationsbuero Digitales Leben//Mitdenken//DE",
        ),
        ("CALSCALE", "GREGORIAN"),
        ("METHOD", "PUBLISH"),
    ] {
        cal.append_property(Property::new(name, value));
    }
    cal.push(event.done());
    cal.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event<'a>(summary: &'a str, description: &'a str) -> Event<'a> {
        Event {
            uid: "werkstatt-6@mitdenken",
            sequence: 2,
            start: 1_607_529_600,
            end: 1_607_535_000,
            summary,
            description,
            location: "",
            url: None,
            organizer: Some("https://mitdenken.example"),
            last_modified: 1_607_000_000,
        }
    }

    #[test]
    fn text_is_escaped_and_controls_dropped() {
        let cal = calendar(
            &event(
                "Daten, Familie; Alltag\\Zukunft",
                "Zeile 1\r\nZeile 2\rZeile 3\u{7}",
            ),
            0,
        );
        assert!(cal.contains("\r\nSUMMARY:Daten\\, Familie\\; Alltag\\\\Zukunft\r\n"));
        assert!(cal.contains("\r\nDESCRIPTION:Zeile 1\\nZeile 2\\nZeile 3\r\n"));
        assert!(!cal.replace("\r\n", "").contains(['\r', '\n', '\u{7}']));
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_breaking_characters() {
        let long = "ä".repeat(100);
        let cal = calendar(&event(&long, ""), 0);
        let lines: Vec<&str> = cal.split("\r\n").filter(|l| !l.is_empty()).collect();
        for l in &lines {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        let unfolded = cal.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("\r\nSUMMARY:{long}\r\n")));
    }

    #[test]
    fn a_calendar_has_crlf_lines_utc_times_sequence_and_organizer() {
        let cal = calendar(&event("Sechste Innovationswerkstatt", ""), 1_607_000_000);
        assert!(cal.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(cal.contains("\r\nMETHOD:PUBLISH\r\n"));
        assert!(cal.contains("\r\nUID:werkstatt-6@mitdenken\r\n"));
        assert!(cal.contains("\r\nDTSTAMP:20201203T125320Z\r\n"));
        assert!(cal.contains("\r\nDTSTART:20201209T160000Z\r\n"));
        assert!(cal.contains("\r\nDTEND:20201209T173000Z\r\n"));
        assert!(cal.contains("\r\nSEQUENCE:2\r\n"));
        assert!(cal.contains(
            "\r\nORGANIZER;CN=Innovationsbüro Digitales Leben:https://mitdenken.example\r\n"
        ));
        assert!(!cal.contains("DESCRIPTION"), "empty texts are left out");
        assert!(cal.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
        assert!(!cal.replace("\r\n", "").contains('\n'));
    }
}
