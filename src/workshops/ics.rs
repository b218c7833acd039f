//! iCalendar (RFC 5545) for one workshop, so people can put it into their calendar app.
//!
//! Times are written in UTC with a `Z` (`DTSTART:20201209T160000Z`): every calendar shows
//! them in its own zone, and the file needs no VTIMEZONE block that could disagree with the
//! rules in `web::datetime`. Text values are escaped (`\\`, `\;`, `\,`, `\n`) and lines are
//! folded at 75 octets without splitting a UTF-8 character; lines end in CRLF.

use time::OffsetDateTime;

pub struct Event<'a> {
    /// Globally unique and stable across downloads, so a second import updates the entry.
    pub uid: &'a str,
    pub start: i64,
    pub end: i64,
    pub summary: &'a str,
    pub description: &'a str,
    pub location: &'a str,
    pub url: Option<&'a str>,
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

/// A TEXT value (RFC 5545, 3.3.11).
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.replace("\r\n", "\n").chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' | '\r' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded: at most 75 octets per physical line, continuation
/// lines start with a space (which counts), never inside a multi-byte character.
fn push_line(out: &mut String, line: &str) {
    let mut budget = 75;
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > budget {
            out.push_str("\r\n ");
            budget = 74;
            used = 0;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
}

/// The whole calendar file with one event; `now` becomes DTSTAMP.
pub fn calendar(e: &Event, now: i64) -> String {
    let mut out = String::new();
    let mut line = |name: &str, value: &str| push_line(&mut out, &format!("{name}:{value}"));
    line("BEGIN", "VCALENDAR");
    line("VERSION", "2.0");
    line(
        "PRODID",
        "-//Innovationsbuero Digitales Leben//Mitdenken//DE",
    );
    line("CALSCALE", "GREGORIAN");
    line("METHOD", "PUBLISH");
    line("BEGIN", "VEVENT");
    line("UID", e.uid);
    line("DTSTAMP", &utc(now));
    line("LAST-MODIFIED", &utc(e.last_modified));
    line("DTSTART", &utc(e.start));
    line("DTEND", &utc(e.end));
    line("SUMMARY", &escape(e.summary));
    if !e.description.is_empty() {
        line("DESCRIPTION", &escape(e.description));
    }
    if !e.location.is_empty() {
        line("LOCATION", &escape(e.location));
    }
    if let Some(url) = e.url {
        // URI values are not TEXT: no escaping, but no line breaks either.
        line("URL", &url.replace(['\r', '\n'], ""));
    }
    line("END", "VEVENT");
    line("END", "VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape("Daten, Familie; Alltag\\Zukunft\nZeile 2"),
            "Daten\\, Familie\\; Alltag\\\\Zukunft\\nZeile 2"
        );
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_breaking_characters() {
        let mut out = String::new();
        let long = format!("SUMMARY:{}", "ä".repeat(100));
        push_line(&mut out, &long);
        let lines: Vec<&str> = out.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert!(lines.len() > 2);
        for l in &lines {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        for l in &lines[1..] {
            assert!(l.starts_with(' '));
        }
        let unfolded: String = out.replace("\r\n ", "");
        assert_eq!(unfolded.trim_end(), long);
    }

    #[test]
    fn a_calendar_has_crlf_lines_and_utc_times() {
        let cal = calendar(
            &Event {
                uid: "werkstatt-6@mitdenken",
                start: 1_607_529_600,
                end: 1_607_535_000,
                summary: "Sechste Innovationswerkstatt",
                description: "",
                location: "",
                url: None,
                last_modified: 1_607_000_000,
            },
            1_607_000_000,
        );
        assert!(cal.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(cal.contains("\r\nDTSTART:20201209T160000Z\r\n"));
        assert!(cal.contains("\r\nDTEND:20201209T173000Z\r\n"));
        assert!(cal.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
        assert!(!cal.replace("\r\n", "").contains('\n'));
    }
}
