//! Small pieces shown wherever an event appears: when it is, and how many places are left.

use super::model::Seats;
use crate::china_time::{china_year, in_china};
use crate::i18n::dates::{write_clock, write_date_time};
use crate::i18n::{use_lang, Lang};
use leptos::prelude::*;

/// "12月5日 周六 09:00–11:30", with the end's date too when it is another day. The year shows
/// only when it is not this year.
pub fn when_text(starts_at: i64, ends_at: i64, lang: Lang) -> String {
    let (Some(start), Some(end)) = (in_china(starts_at), in_china(ends_at)) else {
        return "-".to_string();
    };
    let this_year = china_year(now_seconds());
    let mut out = String::with_capacity(40);
    write_date_time(&mut out, start, lang, this_year);
    out.push('–');
    match start.date() == end.date() {
        true => write_clock(&mut out, end),
        false => write_date_time(&mut out, end, lang, this_year),
    }
    out
}

/// Now, for deciding whether to print the year.
fn now_seconds() -> i64 {
    #[cfg(feature = "ssr")]
    return crate::db::now_unix();
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    return (js_sys::Date::now() / 1000.0) as i64;
    #[allow(unreachable_code)]
    0
}

#[component]
pub fn EventWhen(starts_at: i64, ends_at: i64) -> impl IntoView {
    let lang = use_lang();
    view! { <time datetime=starts_at_iso(starts_at)>{move || when_text(starts_at, ends_at, lang.get())}</time> }
}

/// `2026-12-05T01:00:00Z`, for `<time datetime>`.
fn starts_at_iso(unix_seconds: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(unix_seconds)
        .map(|m| {
            format!(
                "{}-{:02}-{:02}T{:02}:{:02}:00Z",
                m.year(),
                u8::from(m.month()),
                m.day(),
                m.hour(),
                m.minute()
            )
        })
        .unwrap_or_default()
}

/// "剩余 5 个名额", "已满 · 候补 3 人", "不限名额".
pub fn seats_text(seats: Seats, lang: Lang) -> String {
    match seats.left() {
        None => crate::locales::events::seats_unlimited(lang).to_string(),
        Some(0) if seats.waitlist > 0 => {
            crate::t!(lang, events::full_waitlist { n: &seats.waitlist })
        }
        Some(0) => crate::locales::events::full(lang).to_string(),
        Some(n) => crate::t!(lang, events::seats_left { count: n }),
    }
}

#[component]
pub fn SeatsLine(seats: Seats) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    view! { <span class="seats" class:seats--full=seats.is_full()>{move || seats_text(seats, lang.get())}</span> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn when_shows_the_end_date_only_when_it_is_another_day() {
        // Saturday 2026-11-28 00:30 in Guiyang (the year shows only in other years).
        let at = 1_795_797_000;
        let same_day = when_text(at, at + 3600, Lang::Zh);
        assert!(same_day.contains("11月28日 周六 00:30–01:30"), "{same_day}");
        let two_days = when_text(at, at + 86_400, Lang::En);
        assert!(two_days.contains("Sat 28 Nov"), "{two_days}");
        assert!(two_days.contains("–Sun 29 Nov"), "{two_days}");
        assert!(two_days.ends_with("00:30"), "{two_days}");
        assert_eq!(when_text(i64::MAX, at, Lang::Zh), "-");
    }
}
