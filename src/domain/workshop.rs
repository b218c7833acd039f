//! Workshop input: titles and texts, format and place, seats, dates and times as typed in
//! Germany, agenda lines and learnings, each with its bounds and the catalogue keys of its
//! messages (locales/*/workshops.ftl).

use super::text::text_type;
use super::{Arg, Labelled, Message, char_len, has_control_chars, unicode};
use std::borrow::Cow;
use time::{Date, Month, Time};

text_type!(
    WorkshopTitle,
    5,
    150,
    false,
    [
        "err-ws-title-missing",
        "err-title-short",
        "err-ws-title-long",
        "err-title-control",
    ]
);

text_type!(
    WorkshopDescription,
    10,
    20_000,
    true,
    [
        "err-ws-desc-missing",
        "err-desc10-short",
        "err-ws-desc-long",
        "err-body-control",
    ]
);

text_type!(
    LearningTitle,
    3,
    150,
    false,
    [
        "err-ws-learning-title-missing",
        "err-ws-learning-title-short",
        "err-ws-title-long",
        "err-title-control",
    ]
);

text_type!(
    LearningBody,
    10,
    5_000,
    true,
    [
        "err-ws-learning-body-missing",
        "err-ws-text-short",
        "err-ws-text-long",
        "err-ws-text-control",
    ]
);

/// The report written after the event: Markdown, empty until someone writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkshopReport(String);

impl WorkshopReport {
    pub const MAX: usize = 50_000;

    pub fn parse(raw: &str) -> Result<WorkshopReport, &'static str> {
        let s = unicode::strip_invisible(raw.trim())
            .trim()
            .replace("\r\n", "\n");
        if char_len(&s) > Self::MAX {
            return Err("err-ws-report-long");
        }
        if has_control_chars(&s, true) {
            return Err("err-ws-report-control");
        }
        Ok(WorkshopReport(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkshopFormat {
    Digital,
    OnSite,
}

impl WorkshopFormat {
    pub const ALL: [WorkshopFormat; 2] = [WorkshopFormat::Digital, WorkshopFormat::OnSite];

    /// The value in the database and in the form.
    pub fn as_str(self) -> &'static str {
        match self {
            WorkshopFormat::Digital => "digital",
            WorkshopFormat::OnSite => "onsite",
        }
    }

    pub fn parse(s: &str) -> Option<WorkshopFormat> {
        Self::ALL.into_iter().find(|f| f.as_str() == s)
    }
}

crate::stored_as_text!(WorkshopFormat);

impl Labelled for WorkshopFormat {
    fn label_key(self) -> &'static str {
        match self {
            WorkshopFormat::Digital => "ws-format-digital",
            WorkshopFormat::OnSite => "ws-format-onsite",
        }
    }
}

/// Where a person stands with a workshop: a confirmed seat, a place in the queue, or a
/// registration they took back (kept, so registering again starts at the end of the queue).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegistrationState {
    Confirmed,
    Waiting,
    Cancelled,
}

impl RegistrationState {
    pub const ALL: [RegistrationState; 3] = [
        RegistrationState::Confirmed,
        RegistrationState::Waiting,
        RegistrationState::Cancelled,
    ];

    /// The value in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            RegistrationState::Confirmed => "confirmed",
            RegistrationState::Waiting => "waiting",
            RegistrationState::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<RegistrationState> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

crate::stored_as_text!(RegistrationState);

impl Labelled for RegistrationState {
    fn label_key(self) -> &'static str {
        match self {
            RegistrationState::Confirmed => "ws-status-confirmed",
            RegistrationState::Waiting => "ws-status-waiting",
            RegistrationState::Cancelled => "ws-status-cancelled",
        }
    }
}

/// Where it happens: for a digital workshop the link to join (may be left empty until it is
/// known), for one on site the place.
pub fn parse_location(format: WorkshopFormat, raw: &str) -> Result<String, &'static str> {
    let s = raw.trim();
    if has_control_chars(s, false) {
        return Err("err-ws-location-control");
    }
    match format {
        WorkshopFormat::Digital => {
            if s.is_empty() {
                return Ok(String::new());
            }
            let is_link = (s.starts_with("https://") || s.starts_with("http://"))
                && s.len() > "https://".len()
                && !s.chars().any(char::is_whitespace);
            if !is_link {
                return Err("err-ws-link-invalid");
            }
            if s.len() > 500 {
                return Err("err-ws-link-long");
            }
            Ok(s.to_string())
        }
        WorkshopFormat::OnSite => {
            if s.is_empty() {
                return Err("err-ws-place-missing");
            }
            if char_len(s) < 3 {
                return Err("err-ws-place-short");
            }
            if char_len(s) > 300 {
                return Err("err-ws-place-long");
            }
            if unicode::is_invisible(s) {
                return Err("err-text-invisible");
            }
            Ok(s.to_string())
        }
    }
}

/// The seat limit: how many people get a confirmed place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seats(i64);

impl Seats {
    pub const MAX: i64 = 10_000;

    pub fn parse(raw: &str) -> Result<Seats, &'static str> {
        let s = raw.trim();
        if s.is_empty() {
            return Err("err-ws-seats-missing");
        }
        match s.parse::<i64>() {
            Ok(n) if (1..=Self::MAX).contains(&n) && s.bytes().all(|b| b.is_ascii_digit()) => {
                Ok(Seats(n))
            }
            _ => Err("err-ws-seats-invalid"),
        }
    }

    pub fn get(self) -> i64 {
        self.0
    }
}

/// A calendar date as typed: "09.12.2026" (as people write it here) or "2026-12-09" (as date
/// pickers send it).
pub fn parse_date(raw: &str) -> Result<Date, &'static str> {
    const FORMAT: &str = "err-ws-date-format";
    let s = raw.trim();
    if s.is_empty() {
        return Err("err-ws-date-missing");
    }
    let iso = s.contains('-');
    let parts: Vec<&str> = s.split(if iso { '-' } else { '.' }).collect();
    let [a, b, c] = parts[..] else {
        return Err(FORMAT);
    };
    let (y, m, d) = if iso { (a, b, c) } else { (c, b, a) };
    let digits = |p: &str, len: std::ops::RangeInclusive<usize>| {
        len.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
    };
    if !(digits(y, 4..=4) && digits(m, 1..=2) && digits(d, 1..=2)) {
        return Err(FORMAT);
    }
    let (Ok(year), Ok(month), Ok(day)) = (y.parse::<i32>(), m.parse::<u8>(), d.parse::<u8>())
    else {
        return Err(FORMAT);
    };
    if !(2000..=2100).contains(&year) {
        return Err("err-ws-year-range");
    }
    let month = Month::try_from(month).map_err(|_| "err-ws-month-invalid")?;
    Date::from_calendar_date(year, month, day).map_err(|_| "err-ws-date-invalid")
}

/// A clock time as typed: "17:00", "9.30", "17 Uhr", "17:00 Uhr".
pub fn parse_time(raw: &str) -> Result<Time, &'static str> {
    const FORMAT: &str = "err-ws-time-format";
    let s = raw.trim();
    if s.is_empty() {
        return Err("err-ws-time-missing");
    }
    let s = s
        .strip_suffix("Uhr")
        .or_else(|| s.strip_suffix("uhr"))
        .unwrap_or(s)
        .trim();
    let (h, m) = match s.split_once([':', '.']) {
        Some((h, m)) => (h, m),
        None => (s, "00"),
    };
    let digits = |p: &str, max_len: usize| {
        !p.is_empty() && p.len() <= max_len && p.bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(h, 2) || !digits(m, 2) || m.len() != 2 {
        return Err(FORMAT);
    }
    let (h, m): (u8, u8) = (
        h.parse().map_err(|_| FORMAT)?,
        m.parse().map_err(|_| FORMAT)?,
    );
    Time::from_hms(h, m, 0).map_err(|_| "err-ws-time-invalid")
}

/// "17:05" for minutes after midnight.
pub fn clock(minute_of_day: i64) -> String {
    format!("{:02}:{:02}", minute_of_day / 60, minute_of_day % 60)
}

/// One row of the programme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaRow {
    /// Minutes after midnight (Berlin); None when the programme gives no time for it.
    pub at_minute: Option<i64>,
    pub item: String,
    pub speaker: String,
}

pub const AGENDA_MAX_ROWS: usize = 40;

/// "Zeile 3: …": an agenda error naming its line.
fn line_error(line: usize, message: Message) -> Message {
    Message::key("ws-agenda-line-error")
        .arg("line", i64::try_from(line).unwrap_or(i64::MAX))
        .arg("message", message)
}

/// The programme as typed into one text field, one row per line:
/// `17:10 | Wie sammelt man Daten? | Holger Dieterich, Sozialhelden e.V.`.
/// The time may be left empty (`| Arbeitsphase`), the person or organisation too.
/// Errors name their line, so a long programme is quick to fix; they are messages (a key
/// with the line number), translated where they are shown.
pub fn parse_agenda(raw: &str) -> Result<Vec<AgendaRow>, Vec<Message>> {
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    for (n, line) in raw.lines().enumerate() {
        let n = n + 1;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let parts: Vec<&str> = line.split('|').map(str::trim).collect();
        let (time, item, speaker) = match parts.as_slice() {
            [time, item] => (*time, *item, ""),
            [time, item, speaker] => (*time, *item, *speaker),
            [_] => {
                errors.push(line_error(n, Message::key("err-ws-agenda-separator")));
                continue;
            }
            _ => {
                errors.push(line_error(n, Message::key("err-ws-agenda-parts")));
                continue;
            }
        };
        let at_minute = match time {
            "" | "-" | "–" => None,
            t => match parse_time(t) {
                Ok(t) => Some(i64::from(t.hour()) * 60 + i64::from(t.minute())),
                Err(e) => {
                    let message = Message::key("err-ws-agenda-not-time")
                        .arg("time", t)
                        .arg("reason", Arg::Key(Cow::Borrowed(e)));
                    errors.push(line_error(n, message));
                    continue;
                }
            },
        };
        if item.is_empty() {
            errors.push(line_error(n, Message::key("err-ws-agenda-item-missing")));
            continue;
        }
        if char_len(item) > 300 || char_len(speaker) > 300 {
            errors.push(line_error(n, Message::key("err-ws-agenda-too-long")));
            continue;
        }
        if has_control_chars(line, false) {
            errors.push(line_error(n, Message::key("err-ws-agenda-control")));
            continue;
        }
        rows.push(AgendaRow {
            at_minute,
            item: item.to_string(),
            speaker: speaker.to_string(),
        });
    }
    if rows.len() > AGENDA_MAX_ROWS {
        errors.push(
            Message::key("err-ws-agenda-rows")
                .arg("max", i64::try_from(AGENDA_MAX_ROWS).unwrap_or(i64::MAX)),
        );
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(errors)
    }
}

/// The text field's content for stored rows: the inverse of `parse_agenda`.
pub fn agenda_text(rows: &[AgendaRow]) -> String {
    rows.iter()
        .map(|r| {
            let time = r.at_minute.map(clock).unwrap_or_default();
            if r.speaker.is_empty() {
                format!("{time} | {}", r.item)
            } else {
                format!("{time} | {} | {}", r.item, r.speaker)
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_both_spellings() {
        let d = Date::from_calendar_date(2026, Month::December, 9).ok();
        assert_eq!(parse_date("09.12.2026").ok(), d);
        assert_eq!(parse_date(" 9.12.2026 ").ok(), d);
        assert_eq!(parse_date("2026-12-09").ok(), d);
        for bad in [
            "",
            "9.12.",
            "31.02.2026",
            "2026-13-01",
            "12/09/2026",
            "09.12.26",
            "1.1.1999",
        ] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn times_as_people_write_them() {
        let t = Time::from_hms(17, 0, 0).ok();
        for ok in ["17:00", "17.00", "17 Uhr", "17:00 Uhr"] {
            assert_eq!(parse_time(ok).ok(), t, "{ok}");
        }
        assert_eq!(parse_time("9:05").ok(), Time::from_hms(9, 5, 0).ok());
        for bad in ["", "24:00", "17:60", "17:5", "abends", "1700"] {
            assert!(parse_time(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn agenda_lines_round_trip_and_errors_name_the_line() {
        let text = "17:00 | Begrüßung\n\n17:10 | Wie sammelt man Daten? | Holger Dieterich, Sozialhelden e.V.\n| Arbeitsphase";
        let rows = parse_agenda(text).unwrap_or_default();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[1].at_minute, Some(17 * 60 + 10));
        assert_eq!(rows[1].speaker, "Holger Dieterich, Sozialhelden e.V.");
        assert_eq!(rows[2].at_minute, None);
        assert_eq!(parse_agenda(&agenda_text(&rows)).unwrap_or_default(), rows);

        let errors = parse_agenda("17:00 | Begrüßung\nabends | Ende\n17:30\n18:00 |  | X\na|b|c|d")
            .err()
            .unwrap_or_default();
        assert_eq!(errors.len(), 4, "{errors:?}");
        // The words ("Zeile 2: …") are tested where they are translated (workshops' views).
        let lines: Vec<Option<&Arg>> = errors
            .iter()
            .map(|e| {
                e.args
                    .iter()
                    .find(|(name, _)| name == "line")
                    .map(|(_, a)| a)
            })
            .collect();
        for (n, line) in lines.into_iter().enumerate() {
            assert_eq!(line, Some(&Arg::Number(n as i64 + 2)));
        }
        assert!(errors.iter().all(|e| e.key == "ws-agenda-line-error"));
    }

    #[test]
    fn registration_states_round_trip() {
        for r in RegistrationState::ALL {
            assert_eq!(RegistrationState::parse(r.as_str()), Some(r));
        }
        assert_eq!(RegistrationState::parse("maybe"), None);
    }

    #[test]
    fn locations_depend_on_the_format() {
        assert_eq!(
            parse_location(WorkshopFormat::Digital, ""),
            Ok(String::new())
        );
        assert!(parse_location(WorkshopFormat::Digital, "https://meet.example.org/x").is_ok());
        assert!(parse_location(WorkshopFormat::Digital, "Zoom").is_err());
        assert!(parse_location(WorkshopFormat::OnSite, "").is_err());
        assert!(parse_location(WorkshopFormat::OnSite, "Glinkastraße 24, Berlin").is_ok());
    }

    #[test]
    fn seats() {
        assert_eq!(Seats::parse(" 30 ").map(Seats::get), Ok(30));
        for bad in ["", "0", "-1", "2.5", "zehn", "10001"] {
            assert!(Seats::parse(bad).is_err(), "{bad}");
        }
    }
}
