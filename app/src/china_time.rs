//! Time in China: every moment is stored as UTC Unix seconds and lives, for the people of the
//! district, in China time (Asia/Shanghai, UTC+8 all year, no daylight saving): which day and
//! calendar month a moment falls on, the first second of a day or month, and what date and time
//! inputs send. A leaf: it imports nothing of the app (`i18n::dates` writes these in words).

use serde::{Deserialize, Serialize};
use time::{Date, Month as CalendarMonth, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

const CHINA: UtcOffset = match UtcOffset::from_hms(8, 0, 0) {
    Ok(offset) => offset,
    Err(_) => UtcOffset::UTC,
};

/// A moment in China time; `None` for one `time` cannot hold.
pub fn in_china(unix_seconds: i64) -> Option<OffsetDateTime> {
    Some(
        OffsetDateTime::from_unix_timestamp(unix_seconds)
            .ok()?
            .to_offset(CHINA),
    )
}

/// The year of a moment in China time.
pub fn china_year(unix_seconds: i64) -> Option<i32> {
    in_china(unix_seconds).map(|local| local.year())
}

/// The calendar day (China time) a moment falls on, and its weekday (0 = Monday).
pub fn china_day(unix_seconds: i64) -> Option<(Date, u8)> {
    let local = in_china(unix_seconds)?;
    Some((local.date(), local.weekday().number_days_from_monday()))
}

/// The first second of a China-time calendar day, as Unix seconds.
pub fn china_midnight(date: Date) -> i64 {
    PrimitiveDateTime::new(date, Time::MIDNIGHT)
        .assume_offset(CHINA)
        .unix_timestamp()
}

/// Reads what a `datetime-local` input sends (`2026-12-05T09:00`, seconds optional), as China time.
pub fn parse_china_datetime(value: &str) -> Option<i64> {
    let (date, clock) = value.trim().split_once(['T', ' '])?;
    let date = parse_date(date)?;
    let mut clock = clock.split(':');
    let hour: u8 = clock.next()?.parse().ok()?;
    let minute: u8 = clock.next()?.parse().ok()?;
    let second: u8 = clock.next().map_or(Some(0), |s| s.parse().ok())?;
    if clock.next().is_some() {
        return None;
    }
    let time = Time::from_hms(hour, minute, second).ok()?;
    Some(
        china_midnight(date)
            + i64::from(time.hour()) * 3600
            + i64::from(time.minute()) * 60
            + i64::from(time.second()),
    )
}

/// Reads what a `date` input sends (`2026-12-05`).
pub fn parse_date(value: &str) -> Option<Date> {
    let mut parts = value.trim().split('-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u8 = parts.next()?.parse().ok()?;
    let day: u8 = parts.next()?.parse().ok()?;
    if parts.next().is_some() || !(1900..=9999).contains(&year) {
        return None;
    }
    Date::from_calendar_date(year, CalendarMonth::try_from(month).ok()?, day).ok()
}

/// What a `datetime-local` input shows for a stored moment (China time, to the minute).
pub fn china_datetime_input(unix_seconds: i64) -> String {
    in_china(unix_seconds)
        .map(|local| {
            format!(
                "{}-{:02}-{:02}T{:02}:{:02}",
                local.year(),
                u8::from(local.month()),
                local.day(),
                local.hour(),
                local.minute()
            )
        })
        .unwrap_or_default()
}

/// What a `date` input shows for a calendar day.
pub fn date_input(date: Date) -> String {
    format!(
        "{}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// One calendar month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Month {
    pub year: i32,
    /// 1 to 12.
    pub month: u8,
}

impl Month {
    pub fn new(year: i32, month: u8) -> Option<Month> {
        ((1..=12).contains(&month) && (2000..=2100).contains(&year))
            .then_some(Month { year, month })
    }

    /// Reads `2026-03` (what a month input sends).
    pub fn parse(value: &str) -> Option<Month> {
        let (year, month) = value.trim().split_once('-')?;
        Month::new(year.parse().ok()?, month.parse().ok()?)
    }

    pub fn next(self) -> Month {
        match self.month {
            12 => Month {
                year: self.year + 1,
                month: 1,
            },
            m => Month {
                year: self.year,
                month: m + 1,
            },
        }
    }

    pub fn previous(self) -> Month {
        match self.month {
            1 => Month {
                year: self.year - 1,
                month: 12,
            },
            m => Month {
                year: self.year,
                month: m - 1,
            },
        }
    }

    /// As a month input writes it: `2026-03`.
    pub fn key(self) -> String {
        format!("{}-{:02}", self.year, self.month)
    }

    /// The first second of the month in China time, as Unix seconds.
    pub fn starts_at(self) -> i64 {
        let month = CalendarMonth::try_from(self.month).unwrap_or(CalendarMonth::January);
        Date::from_calendar_date(self.year, month, 1)
            .map(china_midnight)
            .unwrap_or_default()
    }

    /// The month a moment falls in, China time.
    pub fn of(unix_seconds: i64) -> Option<Month> {
        let (date, _) = china_day(unix_seconds)?;
        Month::new(date.year(), u8::from(date.month()))
    }
}
