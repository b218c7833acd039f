//! Dates as people in Germany read them: Europe/Berlin time, "26.11.2026, 08:15 Uhr".
//!
//! The conversions themselves (`domain::berlin`, from jiff's bundled time zone database) are
//! re-exported here; this module turns instants into the words and markup pages show.

pub use crate::domain::berlin::{LocalTimeError, berlin_offset, berlin_to_unix, to_berlin};
use crate::i18n::ta;
use fluent_templates::fluent_bundle::FluentValue;
use maud::{Markup, html};
use time::OffsetDateTime;

/// The parts of a Berlin date for the catalogue's date patterns: zero-padded numbers
/// (`day`, `month`, German "01.12.2026") and the plain day with the month's name
/// (`day_plain`, `month_name`, English "1 December 2026").
fn parts(unix: i64) -> [(&'static str, FluentValue<'static>); 7] {
    let t = to_berlin(unix);
    let month = u8::from(t.month());
    [
        ("day", format!("{:02}", t.day()).into()),
        ("month", format!("{month:02}").into()),
        ("year", t.year().to_string().into()),
        ("hour", format!("{:02}", t.hour()).into()),
        ("minute", format!("{:02}", t.minute()).into()),
        ("day_plain", t.day().to_string().into()),
        (
            "month_name",
            crate::i18n::t(&format!("month-{month}")).into(),
        ),
    ]
}

/// "26.11.2026, 08:15 Uhr" (German) or "26 November 2026, 08:15" (English).
pub fn format(unix: i64) -> String {
    ta("date-time", &parts(unix))
}

/// "26.11.2026" or "26 November 2026"
pub fn format_date(unix: i64) -> String {
    ta("date", &parts(unix))
}

/// "17:00": the Berlin clock time of an instant.
pub fn format_clock(unix: i64) -> String {
    let t = to_berlin(unix);
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// The instant in UTC as RFC 3339 (`2026-11-26T07:15:00Z`), for machines: `<time>`, the API.
pub fn iso_utc(unix: i64) -> String {
    let utc = OffsetDateTime::from_unix_timestamp(unix).unwrap_or(OffsetDateTime::UNIX_EPOCH);
    format!(
        "{}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        utc.year(),
        u8::from(utc.month()),
        utc.day(),
        utc.hour(),
        utc.minute(),
        utc.second()
    )
}

/// A `<time>` element with the machine-readable instant.
pub fn time_el(unix: i64) -> Markup {
    html! { time datetime=(iso_utc(unix)) { (format(unix)) } }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::berlin::BERLIN;
    use time::{Date, Month, Time};

    #[test]
    fn the_zone_comes_from_the_bundled_database() {
        assert_eq!(BERLIN.iana_name(), Some("Europe/Berlin"));
    }

    #[test]
    fn winter_and_summer_time() {
        // 2026-01-15 12:00 UTC is 13:00 in Berlin.
        assert_eq!(format(1_768_478_400), "15.01.2026, 13:00 Uhr");
        // 2026-07-01 12:00 UTC is 14:00 in Berlin.
        assert_eq!(format(1_782_907_200), "01.07.2026, 14:00 Uhr");
    }

    fn at(y: i32, m: Month, d: u8, h: u8, min: u8) -> Result<i64, LocalTimeError> {
        let date = Date::from_calendar_date(y, m, d).unwrap_or(Date::MIN);
        berlin_to_unix(date, Time::from_hms(h, min, 0).unwrap_or(Time::MIDNIGHT))
    }

    #[test]
    fn berlin_wall_clock_to_instant() {
        // Winter: 09.12.2020 17:00 is 16:00 UTC.
        assert_eq!(at(2020, Month::December, 9, 17, 0), Ok(1_607_529_600));
        // Summer: 09.09.2020 17:00 is 15:00 UTC.
        assert_eq!(at(2020, Month::September, 9, 17, 0), Ok(1_599_663_600));
        assert_eq!(format_clock(1_599_663_600), "17:00");
        // 29.03.2026: 02:30 never happens; 01:59 and 03:00 do.
        assert_eq!(
            at(2026, Month::March, 29, 2, 30),
            Err(LocalTimeError::Nonexistent)
        );
        assert_eq!(at(2026, Month::March, 29, 1, 59), Ok(1_774_745_940));
        assert_eq!(at(2026, Month::March, 29, 3, 0), Ok(1_774_746_000));
        // 25.10.2026: 02:30 happens twice.
        assert_eq!(
            at(2026, Month::October, 25, 2, 30),
            Err(LocalTimeError::Ambiguous)
        );
        assert_eq!(at(2026, Month::October, 25, 3, 0), Ok(1_792_893_600));
    }

    #[test]
    fn switch_instants() {
        let hours = |unix| {
            berlin_offset(
                OffsetDateTime::from_unix_timestamp(unix).unwrap_or(OffsetDateTime::UNIX_EPOCH),
            )
            .whole_hours()
        };
        // 2026-03-29 00:59:59 UTC still winter; 01:00:00 UTC summer.
        assert_eq!(hours(1_774_745_999), 1);
        assert_eq!(hours(1_774_746_000), 2);
        // 2026-10-25 00:59:59 UTC still summer; 01:00:00 UTC back to winter.
        assert_eq!(hours(1_792_889_999), 2);
        assert_eq!(hours(1_792_890_000), 1);
        // 1995 summer time ended on the last Sunday of September (24.09., 01:00 UTC):
        // history the database knows and a hand-written EU rule did not.
        assert_eq!(hours(811_904_399), 2);
        assert_eq!(hours(811_904_400), 1);
    }

    #[test]
    fn far_dates_stay_in_berlin_time() {
        // 2100-07-01 12:00 UTC is 14:00 in Berlin; 2100-03-28 is the last Sunday of March.
        assert_eq!(format(4_118_126_400), "01.07.2100, 14:00 Uhr");
        assert_eq!(
            at(2100, Month::March, 28, 2, 30),
            Err(LocalTimeError::Nonexistent)
        );
    }
}
