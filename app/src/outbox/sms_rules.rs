//! When and how often a notice may reach someone by SMS: never between 21:00 and 08:00 China
//! time (one decided then waits for the morning), and at most a number a month per person.
//! Only the text a person wrote travels in a template variable, cut short and without anything
//! a provider or a phone could take for a link.

use crate::china_time::{china_day, china_midnight, Month};

/// The quiet hours, China time: from 21:00 to 08:00.
const QUIET_FROM: i64 = 21 * 3600;
const QUIET_UNTIL: i64 = 8 * 3600;

/// The first moment at or after `now` (Unix seconds) outside the quiet hours.
pub fn first_allowed(now: i64) -> i64 {
    let Some((today, _)) = china_day(now) else {
        return now;
    };
    let midnight = china_midnight(today);
    let into_day = now - midnight;
    if into_day < QUIET_UNTIL {
        midnight + QUIET_UNTIL
    } else if into_day >= QUIET_FROM {
        // Tomorrow's midnight is 24 hours on: China keeps no daylight saving.
        midnight + 24 * 3600 + QUIET_UNTIL
    } else {
        now
    }
}

/// The first second of the China-time calendar month `at` falls in: what the monthly cap counts
/// from.
pub fn month_start(at: i64) -> i64 {
    Month::of(at).map_or(at, Month::starts_at)
}

/// What a person wrote, made fit for a template variable: letters, digits, CJK and spaces only
/// (no dots, slashes or colons, so nothing reads as a link), at most 20 characters.
pub fn template_text(text: &str) -> String {
    let kept: String = text
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == ' ' {
                c
            } else {
                ' '
            }
        })
        .collect();
    let words: Vec<&str> = kept.split_whitespace().collect();
    let joined = words.join(" ");
    match joined.chars().count() {
        0 => "—".to_string(),
        n if n > 20 => format!("{}…", joined.chars().take(19).collect::<String>()),
        _ => joined,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2026-12-08 00:00 China time.
    const MIDNIGHT: i64 = 1_796_659_200;

    #[test]
    fn quiet_hours_hold_a_message_until_eight_in_the_morning() {
        let at = |h: i64, m: i64| MIDNIGHT + h * 3600 + m * 60;
        assert_eq!(first_allowed(at(8, 0)), at(8, 0));
        assert_eq!(first_allowed(at(14, 30)), at(14, 30));
        assert_eq!(first_allowed(at(20, 59)), at(20, 59));
        assert_eq!(first_allowed(at(21, 0)), at(24 + 8, 0));
        assert_eq!(first_allowed(at(23, 59)), at(24 + 8, 0));
        assert_eq!(first_allowed(at(0, 0)), at(8, 0));
        assert_eq!(first_allowed(at(7, 59)), at(8, 0));
    }

    #[test]
    fn a_month_starts_at_china_midnight_of_its_first() {
        // 2026-12-01 00:00 China time is 2026-11-30 16:00 UTC.
        assert_eq!(month_start(MIDNIGHT + 3600), 1_796_054_400);
        assert_eq!(month_start(1_796_054_400), 1_796_054_400);
        assert_eq!(month_start(1_796_054_399), 1_793_462_400);
    }

    #[test]
    fn written_text_travels_short_and_without_links() {
        assert_eq!(template_text("重阳节 敬老 义剪"), "重阳节 敬老 义剪");
        assert_eq!(template_text("go http://a.cn/x"), "go http a cn x");
        assert_eq!(
            template_text("一二三四五六七八九十一二三四五六七八九十一"),
            "一二三四五六七八九十一二三四五六七八九…"
        );
        assert_eq!(template_text("..."), "—");
    }
}
