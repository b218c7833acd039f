//! Europe/Berlin wall-clock time from jiff's copy of the IANA time zone database, compiled
//! into the binary (`tzdb-bundle-always`): no system tzdata, no switch dates written here.
//! The rest of the app speaks the `time` crate; only the zone lookups go through jiff.

use jiff::Timestamp;
use jiff::tz::{AmbiguousOffset, Offset, TimeZone};
use std::sync::LazyLock;
use time::{Date, OffsetDateTime, Time, UtcOffset};

/// Europe/Berlin from the bundled database. The lookup cannot fail with the data compiled
/// in (a unit test checks it); should it ever, CET without summer time is logged and used
/// rather than failing every page that shows a date.
pub(crate) static BERLIN: LazyLock<TimeZone> = LazyLock::new(|| {
    jiff::tz::TimeZoneDatabase::bundled()
        .get("Europe/Berlin")
        .unwrap_or_else(|e| {
            tracing::error!(error = %e, "Europe/Berlin missing from the bundled tzdb");
            TimeZone::fixed(Offset::constant(1))
        })
});

fn utc_offset(offset: Offset) -> UtcOffset {
    UtcOffset::from_whole_seconds(offset.seconds()).unwrap_or(UtcOffset::UTC)
}

/// The UTC offset of Europe/Berlin at the given instant.
pub fn berlin_offset(utc: OffsetDateTime) -> UtcOffset {
    let offset = Timestamp::from_second(utc.unix_timestamp())
        .map(|ts| BERLIN.to_offset(ts))
        .unwrap_or(Offset::constant(1));
    utc_offset(offset)
}

pub fn to_berlin(unix: i64) -> OffsetDateTime {
    let utc = OffsetDateTime::from_unix_timestamp(unix).unwrap_or(OffsetDateTime::UNIX_EPOCH);
    utc.to_offset(berlin_offset(utc))
}

/// Why a Berlin wall-clock time does not name exactly one instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LocalTimeError {
    /// Skipped when the clocks go forward (02:00–02:59 on the last Sunday of March).
    Nonexistent,
    /// Lived twice when the clocks go back (02:00–02:59 on the last Sunday of October).
    Ambiguous,
}

/// The instant of a date and time on a Berlin wall clock, in unix seconds: one for a normal
/// time, none in the spring gap, two in the autumn overlap (both refused, so nobody has to
/// guess which of two 02:30 a workshop means).
pub fn berlin_to_unix(date: Date, time: Time) -> Result<i64, LocalTimeError> {
    let local = i16::try_from(date.year()).ok().and_then(|year| {
        jiff::civil::DateTime::new(
            year,
            u8::from(date.month()) as i8,
            date.day() as i8,
            time.hour() as i8,
            time.minute() as i8,
            time.second() as i8,
            0,
        )
        .ok()
    });
    // Dates jiff cannot hold (beyond the year 9999) name no instant either.
    let local = local.ok_or(LocalTimeError::Nonexistent)?;
    let ambiguous = BERLIN.to_ambiguous_timestamp(local);
    match ambiguous.offset() {
        AmbiguousOffset::Unambiguous { .. } => ambiguous
            .unambiguous()
            .map(|ts| ts.as_second())
            .map_err(|_| LocalTimeError::Nonexistent),
        AmbiguousOffset::Gap { .. } => Err(LocalTimeError::Nonexistent),
        AmbiguousOffset::Fold { .. } => Err(LocalTimeError::Ambiguous),
    }
}
