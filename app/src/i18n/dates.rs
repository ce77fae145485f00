//! Dates as people in the district read them: stored as UTC Unix seconds, shown in China time
//! (Asia/Shanghai, UTC+8 all year, no daylight saving) in the reader's language.

use super::Lang;
use time::{OffsetDateTime, UtcOffset};

const CHINA: UtcOffset = match UtcOffset::from_hms(8, 0, 0) {
    Ok(offset) => offset,
    Err(_) => UtcOffset::UTC,
};

/// `2026年11月27日` in Chinese, `27 Nov 2026` in English; an impossible time shows as `-`.
pub fn format_date(unix_seconds: i64, lang: Lang) -> String {
    let Ok(moment) = OffsetDateTime::from_unix_timestamp(unix_seconds) else {
        return "-".to_string();
    };
    let date = moment.to_offset(CHINA).date();
    match lang {
        Lang::Zh => format!(
            "{}年{}月{}日",
            date.year(),
            u8::from(date.month()),
            date.day()
        ),
        Lang::En => {
            let month = &format!("{:?}", date.month())[..3];
            format!("{} {month} {}", date.day(), date.year())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_in_china_time() {
        // 2026-11-27 16:30 UTC is already the 28th in Guiyang.
        let late_evening_utc = 1_795_797_000;
        assert_eq!(format_date(late_evening_utc, Lang::Zh), "2026年11月28日");
        assert_eq!(format_date(late_evening_utc, Lang::En), "28 Nov 2026");
        assert_eq!(format_date(0, Lang::Zh), "1970年1月1日");
        assert_eq!(format_date(i64::MAX, Lang::En), "-");
    }
}
