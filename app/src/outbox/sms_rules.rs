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

/// The last moment a message that may leave at `not_before` may still leave: before the next
/// quiet hours begin, and within `within` seconds.
pub fn last_allowed(not_before: i64, within: i64) -> i64 {
    let evening = china_day(not_before).map_or(not_before + within, |(day, _)| {
        china_midnight(day) + QUIET_FROM
    });
    evening.min(not_before + within)
}

/// What a person wrote, made fit for a template variable: letters, digits, CJK and spaces only
/// (no dots, slashes or colons, so nothing reads as a link), no run of 5 digits or more (nothing
/// reads as a phone number to call), at most 20 characters.
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
    let mut digits = String::new();
    let mut without_numbers = String::new();
    for c in kept.chars().chain([' ']) {
        if c.is_numeric() {
            digits.push(c);
            continue;
        }
        if digits.chars().count() < 5 {
            without_numbers.push_str(&digits);
        }
        digits.clear();
        without_numbers.push(c);
    }
    let words: Vec<&str> = without_numbers.split_whitespace().collect();
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
        // Numbers to call are dropped, in any digits; short ones (a year, a size) stay.
        assert_eq!(template_text("退款请致电13912345678"), "退款请致电");
        assert_eq!(template_text("加微信 １３９１２３４５"), "加微信");
        assert_eq!(template_text("2026 重阳 3 升"), "2026 重阳 3 升");
    }

    #[test]
    fn a_held_message_is_given_up_before_the_next_quiet_hours() {
        let at = |h: i64| MIDNIGHT + h * 3600;
        assert_eq!(last_allowed(at(8), 12 * 3600), at(20));
        assert_eq!(last_allowed(at(14), 12 * 3600), at(21));
        assert_eq!(last_allowed(at(20), 3600), at(21));
    }
}
