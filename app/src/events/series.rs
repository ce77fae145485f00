//! Events that repeat: weekly, every two weeks, or monthly on the same weekday of the month (the
//! second Saturday, the last Sunday). Each occurrence is an ordinary event; a series only says on
//! which days the next ones fall.

use crate::i18n::dates::format_date;

use crate::china_time::{china_midnight, parse_date};
use crate::i18n::Lang;
use crate::locales::Text;
use serde::{Deserialize, Serialize};
use time::{Date, Duration, Month, Weekday};

crate::choice! {
    /// How often a series repeats; stored and sent by the form as its word (`event[repeat]=weekly`).
    pub enum Frequency labels in events::repeat_options {
        Weekly = weekly,
        Biweekly = biweekly,
        /// The same weekday of the same week of every month ("the second Saturday").
        Monthly = monthly,
    }
}

/// Whether a change to one occurrence is for it and all later ones (`scope=future`), or only for
/// it (anything else: the safe reading of a missing or garbled choice).
pub fn all_future(scope: Option<&str>) -> bool {
    scope == Some("future")
}

/// Occurrences are made this many days ahead of today.
pub const AHEAD_DAYS: i64 = 8 * 7;
/// A series may be set to end at most this many days after its first occurrence.
pub const LONGEST_DAYS: i64 = 2 * 366;

/// How a series repeats, counted from one occurrence (`anchor_no`) and the day it falls on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    pub frequency: Frequency,
    pub anchor_date: Date,
    pub anchor_no: i64,
}

impl Rule {
    /// The China calendar day occurrence `no` falls on.
    pub fn date_of(&self, no: i64) -> Option<Date> {
        let steps = no - self.anchor_no;
        match self.frequency {
            Frequency::Weekly => self.anchor_date.checked_add(Duration::days(7 * steps)),
            Frequency::Biweekly => self.anchor_date.checked_add(Duration::days(14 * steps)),
            Frequency::Monthly => {
                let months = i64::from(self.anchor_date.year()) * 12
                    + i64::from(u8::from(self.anchor_date.month()) - 1)
                    + steps;
                let year = i32::try_from(months.div_euclid(12)).ok()?;
                let month = Month::try_from(u8::try_from(months.rem_euclid(12) + 1).ok()?).ok()?;
                nth_weekday(
                    year,
                    month,
                    week_of_month(self.anchor_date),
                    self.anchor_date.weekday(),
                )
            }
        }
    }

    pub fn summary(&self, until: Option<Date>) -> RuleSummary {
        RuleSummary {
            frequency: self.frequency,
            weekday: self.anchor_date.weekday().number_days_from_monday(),
            week: week_of_month(self.anchor_date),
            until: until.map(china_midnight),
        }
    }
}

/// Which week of its month a day is in: 1 to 4, or 5 for days 29 to 31, which are "the last".
fn week_of_month(date: Date) -> u8 {
    (date.day() - 1) / 7 + 1
}

/// The `week`th `weekday` of a month; week 5 is the last one.
fn nth_weekday(year: i32, month: Month, week: u8, weekday: Weekday) -> Option<Date> {
    let first = Date::from_calendar_date(year, month, 1).ok()?;
    let offset =
        (7 + weekday.number_days_from_monday() - first.weekday().number_days_from_monday()) % 7;
    let mut day = 1 + offset + 7 * (week.clamp(1, 5) - 1);
    while day > month.length(year) {
        day -= 7;
    }
    Date::from_calendar_date(year, month, day).ok()
}

/// What a form asks for: repeat how often, and until which day (none: until cancelled).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Repeat {
    pub frequency: Frequency,
    pub until: Option<Date>,
}

impl Repeat {
    /// Reads the form's two fields; `first_day` is the day of the first occurrence. `Err` names
    /// which field is wrong: the frequency (`false`) or the last day (`true`).
    pub fn read(frequency: &str, until: &str, first_day: Date) -> Result<Option<Repeat>, bool> {
        let frequency = match frequency.trim() {
            "" | "none" => return Ok(None),
            typed => Frequency::parse(typed).ok_or(false)?,
        };
        let until = match until.trim() {
            "" => None,
            typed => {
                let day = parse_date(typed).ok_or(true)?;
                let latest = first_day.checked_add(Duration::days(LONGEST_DAYS));
                if day < first_day || latest.is_some_and(|latest| day > latest) {
                    return Err(true);
                }
                Some(day)
            }
        };
        Ok(Some(Repeat { frequency, until }))
    }
}

/// A series' rule as its pages say it ("每月第二个周六").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleSummary {
    pub frequency: Frequency,
    /// 0 = Monday.
    pub weekday: u8,
    /// 1 to 4, 5 = the last.
    pub week: u8,
    /// The last day (its first second, Unix), if the series ends.
    pub until: Option<i64>,
}

impl RuleSummary {
    pub fn describe(&self, lang: Lang) -> String {
        use crate::locales::events::{weekdays, weeks_of_month};
        const DAYS: [Text; 7] = [
            weekdays::mon,
            weekdays::tue,
            weekdays::wed,
            weekdays::thu,
            weekdays::fri,
            weekdays::sat,
            weekdays::sun,
        ];
        const WEEKS: [Text; 5] = [
            weeks_of_month::first,
            weeks_of_month::second,
            weeks_of_month::third,
            weeks_of_month::fourth,
            weeks_of_month::last,
        ];
        let day = DAYS[usize::from(self.weekday.min(6))](lang);
        let week = WEEKS[usize::from(self.week.clamp(1, 5)) - 1](lang);
        let rule = match self.frequency {
            Frequency::Weekly => crate::t!(lang, events::series_rule::weekly { day }),
            Frequency::Biweekly => crate::t!(lang, events::series_rule::biweekly { day }),
            Frequency::Monthly => crate::t!(lang, events::series_rule::monthly { week, day }),
        };
        match self.until {
            None => rule,
            Some(until) => {
                let date = format_date(until, lang);
                crate::t!(lang, events::series_rule::until { rule, date })
            }
        }
    }
}

/// What an event's page says about the series it belongs to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SeriesInfo {
    pub rule: RuleSummary,
    /// Other occurrences that have not ended, soonest first: (event id, start).
    pub others: Vec<(i64, i64)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(year: i32, month: u8, day: u8) -> Date {
        Date::from_calendar_date(year, Month::try_from(month).unwrap(), day).unwrap()
    }

    fn days(rule: Rule, nos: std::ops::Range<i64>) -> Vec<Date> {
        nos.map(|no| rule.date_of(no).unwrap()).collect()
    }

    #[test]
    fn weekly_and_fortnightly_step_by_seven_and_fourteen_days_both_ways() {
        let rule = Rule {
            frequency: Frequency::Weekly,
            anchor_date: d(2026, 12, 26),
            anchor_no: 2,
        };
        assert_eq!(
            days(rule, 0..4),
            [
                d(2026, 12, 12),
                d(2026, 12, 19),
                d(2026, 12, 26),
                d(2027, 1, 2)
            ]
        );
        let rule = Rule {
            frequency: Frequency::Biweekly,
            ..rule
        };
        assert_eq!(rule.date_of(3), Some(d(2027, 1, 9)));
    }

    #[test]
    fn monthly_keeps_the_weekday_and_its_week_and_the_fifth_is_the_last() {
        // 2026-12-12 is the second Saturday of December.
        let second_saturday = Rule {
            frequency: Frequency::Monthly,
            anchor_date: d(2026, 12, 12),
            anchor_no: 0,
        };
        assert_eq!(
            days(second_saturday, 0..4),
            [
                d(2026, 12, 12),
                d(2027, 1, 9),
                d(2027, 2, 13),
                d(2027, 3, 13)
            ]
        );
        // 2026-12-31 is the fifth (last) Thursday; February 2027 has only four.
        let last_thursday = Rule {
            frequency: Frequency::Monthly,
            anchor_date: d(2026, 12, 31),
            anchor_no: 0,
        };
        assert_eq!(last_thursday.date_of(2), Some(d(2027, 2, 25)));
        assert_eq!(last_thursday.date_of(-1), Some(d(2026, 11, 26)));
        for no in 0..24 {
            let day = last_thursday.date_of(no).unwrap();
            assert_eq!(day.weekday(), Weekday::Thursday);
            assert!(day.day() + 7 > day.month().length(day.year()));
        }
    }

    #[test]
    fn the_form_is_read_with_clear_errors() {
        let first = d(2026, 12, 12);
        assert_eq!(Repeat::read("", "", first), Ok(None));
        assert_eq!(
            Repeat::read("weekly", " 2027-03-01 ", first),
            Ok(Some(Repeat {
                frequency: Frequency::Weekly,
                until: Some(d(2027, 3, 1))
            }))
        );
        assert_eq!(Repeat::read("daily", "", first), Err(false));
        assert_eq!(Repeat::read("monthly", "2026-12-01", first), Err(true));
        assert_eq!(Repeat::read("monthly", "2030-01-01", first), Err(true));
        assert_eq!(Repeat::read("monthly", "下个月", first), Err(true));
    }

    #[test]
    fn rules_read_naturally_in_both_languages() {
        let rule = Rule {
            frequency: Frequency::Monthly,
            anchor_date: d(2026, 12, 12),
            anchor_no: 0,
        };
        let summary = rule.summary(Some(d(2027, 6, 30)));
        assert_eq!(
            summary.describe(Lang::Zh),
            "每月第二个周六，至2027年6月30日"
        );
        assert_eq!(
            summary.describe(Lang::En),
            "The second Saturday of every month, until 30 Jun 2027"
        );
        let weekly = Rule {
            frequency: Frequency::Biweekly,
            ..rule
        }
        .summary(None);
        assert_eq!(weekly.describe(Lang::Zh), "每两周的周六");
        assert_eq!(weekly.describe(Lang::En), "Every other Saturday");
    }
}
