//! Small pieces shown wherever an event appears: when it is, and how many places are left.

use super::model::Event;
use crate::i18n::dates::{china_day, china_year, format_clock, format_date_time};
use crate::i18n::{use_lang, Lang, Texts};
use leptos::prelude::*;

/// "12月5日 周六 09:00–11:30", with the end's date too when it is another day. The year shows
/// only when it is not this year.
pub fn when_text(starts_at: i64, ends_at: i64, lang: Lang) -> String {
    let this_year = china_year(now_seconds());
    let start = format_date_time(starts_at, lang, this_year);
    let same_day = china_day(starts_at).map(|d| d.0) == china_day(ends_at).map(|d| d.0);
    let end = if same_day {
        format_clock(ends_at)
    } else {
        format_date_time(ends_at, lang, this_year)
    };
    format!("{start}–{end}")
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
pub fn seats_text(event: &Event, t: &Texts) -> String {
    let e = &t.events_page;
    match event.seats_left() {
        None => e.seats_unlimited.to_string(),
        Some(0) if event.waitlist_length > 0 => e
            .full_waitlist
            .replace("{n}", &event.waitlist_length.to_string()),
        Some(0) => e.full.to_string(),
        Some(n) => e.seats_left.replace("{n}", &n.to_string()),
    }
}

#[component]
pub fn SeatsLine(event: Event) -> impl IntoView {
    let t = crate::i18n::use_texts();
    let full = event.is_full();
    view! { <span class="seats" class:seats--full=full>{move || seats_text(&event, t())}</span> }
}
