//! Dates as people in the district read them: stored as UTC Unix seconds, shown in China time
//! (Asia/Shanghai, UTC+8 all year, no daylight saving) in the reader's language.

use super::Lang;
use crate::china_time::in_china;
use time::{Date, OffsetDateTime};

/// Months and weekdays as English dates abbreviate them.
const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const DAYS_EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const DAYS_ZH: [&str; 7] = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];

fn month_en(date: Date) -> &'static str {
    MONTHS_EN[usize::from(u8::from(date.month())) - 1]
}

/// `2026年11月27日` in Chinese, `27 Nov 2026` in English; an impossible time shows as `-`.
pub fn format_date(unix_seconds: i64, lang: Lang) -> String {
    let Some(local) = in_china(unix_seconds) else {
        return "-".to_string();
    };
    let date = local.date();
    match lang {
        Lang::Zh => format!(
            "{}年{}月{}日",
            date.year(),
            u8::from(date.month()),
            date.day()
        ),
        Lang::En => format!("{} {} {}", date.day(), month_en(date), date.year()),
    }
}

/// `12月5日 周六 09:00` in Chinese, `Sat 5 Dec 09:00` in English (China time; the year only when
/// it is not `this_year`).
pub fn format_date_time(unix_seconds: i64, lang: Lang, this_year: Option<i32>) -> String {
    let mut out = String::with_capacity(24);
    match in_china(unix_seconds) {
        Some(local) => write_date_time(&mut out, local, lang, this_year),
        None => out.push('-'),
    }
    out
}

/// Only the clock time, `09:00`, in China time.
pub fn format_clock(unix_seconds: i64) -> String {
    let mut out = String::with_capacity(5);
    match in_china(unix_seconds) {
        Some(local) => write_clock(&mut out, local),
        None => out.push('-'),
    }
    out
}

/// `format_date_time`, written onto `out` (lists show dozens: one buffer, no pieces).
pub fn write_date_time(
    out: &mut String,
    local: OffsetDateTime,
    lang: Lang,
    this_year: Option<i32>,
) {
    use std::fmt::Write;
    let date = local.date();
    let weekday = date.weekday().number_days_from_monday() as usize;
    let year = (this_year != Some(date.year())).then_some(date.year());
    // Writing to a String cannot fail, so the results are not looked at.
    match lang {
        Lang::Zh => {
            if let Some(year) = year {
                _ = write!(out, "{year}年");
            }
            let month = u8::from(date.month());
            _ = write!(out, "{month}月{}日 {} ", date.day(), DAYS_ZH[weekday]);
        }
        Lang::En => {
            _ = write!(
                out,
                "{} {} {}",
                DAYS_EN[weekday],
                date.day(),
                month_en(date)
            );
            match year {
                Some(year) => _ = write!(out, " {year} "),
                None => out.push(' '),
            }
        }
    }
    write_clock(out, local);
}

/// `09:00`, written onto `out`.
pub fn write_clock(out: &mut String, local: OffsetDateTime) {
    use std::fmt::Write;
    let _ = write!(out, "{:02}:{:02}", local.hour(), local.minute());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::china_time::{china_datetime_input, date_input, parse_china_datetime, parse_date};

    #[test]
    fn dates_are_in_china_time() {
        // 2026-11-27 16:30 UTC is already the 28th in Guiyang.
        let late_evening_utc = 1_795_797_000;
        assert_eq!(format_date(late_evening_utc, Lang::Zh), "2026年11月28日");
        assert_eq!(format_date(late_evening_utc, Lang::En), "28 Nov 2026");
        assert_eq!(format_date(0, Lang::Zh), "1970年1月1日");
        assert_eq!(format_date(i64::MAX, Lang::En), "-");
    }

    #[test]
    fn typed_times_are_china_time_and_round_trip() {
        let at = parse_china_datetime("2026-11-28T00:30").unwrap();
        // 00:30 in Guiyang is 16:30 UTC the day before.
        assert_eq!(at, 1_795_797_000);
        assert_eq!(china_datetime_input(at), "2026-11-28T00:30");
        assert_eq!(parse_china_datetime("2026-11-28 00:30:00"), Some(at));
        assert_eq!(
            format_date_time(at, Lang::Zh, Some(2026)),
            "11月28日 周六 00:30"
        );
        assert_eq!(
            format_date_time(at, Lang::En, Some(2025)),
            "Sat 28 Nov 2026 00:30"
        );
        assert_eq!(
            format_date_time(at, Lang::Zh, Some(2025)),
            "2026年11月28日 周六 00:30"
        );
        assert_eq!(
            format_date_time(at, Lang::En, Some(2026)),
            "Sat 28 Nov 00:30"
        );
        assert_eq!(format_date_time(i64::MAX, Lang::Zh, None), "-");
        assert_eq!(format_clock(at), "00:30");
        for bad in [
            "",
            "2026-11-28",
            "2026-13-01T09:00",
            "2026-02-30T09:00",
            "2026-11-28T25:00",
            "x-1-1T1:1",
            "2026-11-28T09:00:00:00",
        ] {
            assert_eq!(parse_china_datetime(bad), None, "{bad}");
        }
        assert_eq!(date_input(parse_date("2026-1-5").unwrap()), "2026-01-05");
    }
}
