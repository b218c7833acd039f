//! Dates as people in Germany read them: Europe/Berlin time, "26.11.2026, 08:15 Uhr".
//!
//! Berlin follows the EU rule since 1996: summer time from the last Sunday of March, 01:00 UTC,
//! to the last Sunday of October, 01:00 UTC. Computing it here spares a time zone database.

use crate::i18n::ta;
use fluent_templates::fluent_bundle::FluentValue;
use maud::{Markup, html};
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset, Weekday};

fn last_sunday(year: i32, month: Month) -> Option<Date> {
    let mut d = Date::from_calendar_date(year, month, 31).ok()?;
    while d.weekday() != Weekday::Sunday {
        d = d.previous_day()?;
    }
    Some(d)
}

/// The UTC offset of Europe/Berlin at the given instant.
pub fn berlin_offset(utc: OffsetDateTime) -> UtcOffset {
    let year = utc.year();
    let switch = |month| {
        last_sunday(year, month).map(|d| {
            d.with_hms(1, 0, 0)
                .map(|dt| dt.assume_utc().unix_timestamp())
                .unwrap_or(0)
        })
    };
    let summer = match (switch(Month::March), switch(Month::October)) {
        (Some(start), Some(end)) => {
            let t = utc.unix_timestamp();
            t >= start && t < end
        }
        _ => false,
    };
    let hours = if summer { 2 } else { 1 };
    UtcOffset::from_hms(hours, 0, 0).unwrap_or(UtcOffset::UTC)
}

pub fn to_berlin(unix: i64) -> OffsetDateTime {
    let utc = OffsetDateTime::from_unix_timestamp(unix).unwrap_or(OffsetDateTime::UNIX_EPOCH);
    utc.to_offset(berlin_offset(utc))
}

/// The parts of a Berlin date as zero-padded text, for the catalogue's date patterns.
fn parts(unix: i64) -> [(&'static str, FluentValue<'static>); 5] {
    let t = to_berlin(unix);
    [
        ("day", format!("{:02}", t.day()).into()),
        ("month", format!("{:02}", u8::from(t.month())).into()),
        ("year", t.year().to_string().into()),
        ("hour", format!("{:02}", t.hour()).into()),
        ("minute", format!("{:02}", t.minute()).into()),
    ]
}

/// "26.11.2026, 08:15 Uhr" (German) or "26/11/2026, 08:15" (English).
pub fn format(unix: i64) -> String {
    ta("date-time", &parts(unix))
}

/// "26.11.2026"
pub fn format_date(unix: i64) -> String {
    ta("date", &parts(unix))
}

/// "17:00": the Berlin clock time of an instant.
pub fn format_clock(unix: i64) -> String {
    let t = to_berlin(unix);
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// Why a Berlin wall-clock time does not name exactly one instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LocalTimeError {
    /// Skipped when the clocks go forward (02:00–02:59 on the last Sunday of March).
    Nonexistent,
    /// Lived twice when the clocks go back (02:00–02:59 on the last Sunday of October).
    Ambiguous,
}

/// The instant of a date and time on a Berlin wall clock, in unix seconds. Tries both
/// offsets Berlin uses and keeps those that `berlin_offset` agrees with: one for a normal
/// time, none in the spring gap, two in the autumn overlap.
pub fn berlin_to_unix(date: Date, time: Time) -> Result<i64, LocalTimeError> {
    let local = PrimitiveDateTime::new(date, time);
    let mut fits = [1i8, 2].into_iter().filter_map(|hours| {
        let offset = UtcOffset::from_hms(hours, 0, 0).ok()?;
        let instant = local.assume_offset(offset);
        (berlin_offset(instant) == offset).then(|| instant.unix_timestamp())
    });
    match (fits.next(), fits.next()) {
        (Some(unix), None) => Ok(unix),
        (None, _) => Err(LocalTimeError::Nonexistent),
        (Some(_), Some(_)) => Err(LocalTimeError::Ambiguous),
    }
}

/// A `<time>` element with the machine-readable instant.
pub fn time_el(unix: i64) -> Markup {
    let utc = OffsetDateTime::from_unix_timestamp(unix).unwrap_or(OffsetDateTime::UNIX_EPOCH);
    let iso = format!(
        "{}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        utc.year(),
        u8::from(utc.month()),
        utc.day(),
        utc.hour(),
        utc.minute(),
        utc.second()
    );
    html! { time datetime=(iso) { (format(unix)) } }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        // 2026-03-29 00:59:59 UTC still winter; 01:00:00 UTC summer.
        let before = OffsetDateTime::from_unix_timestamp(1_774_745_999)
            .unwrap_or(OffsetDateTime::UNIX_EPOCH);
        let after = OffsetDateTime::from_unix_timestamp(1_774_746_000)
            .unwrap_or(OffsetDateTime::UNIX_EPOCH);
        assert_eq!(berlin_offset(before).whole_hours(), 1);
        assert_eq!(berlin_offset(after).whole_hours(), 2);
        // 2026-10-25 01:00:00 UTC back to winter.
        let back = OffsetDateTime::from_unix_timestamp(1_792_890_000)
            .unwrap_or(OffsetDateTime::UNIX_EPOCH);
        assert_eq!(berlin_offset(back).whole_hours(), 1);
    }
}
