//! The months a dashboard or report covers, as China-time calendar months (a month is counted
//! where it falls in Guiyang, not in UTC).

use serde::{Deserialize, Serialize};

/// One calendar month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Month {
    pub year: i32,
    /// 1 to 12.
    pub month: u8,
}

/// The most months one view covers (two years).
pub const MAX_MONTHS: usize = 24;

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
}

/// First and last month, both included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub first: Month,
    pub last: Month,
}

impl Period {
    /// `first` to `last`, when in order and at most `MAX_MONTHS` long.
    pub fn new(first: Month, last: Month) -> Option<Period> {
        let period = Period { first, last };
        (first <= last && period.months().len() <= MAX_MONTHS).then_some(period)
    }

    /// The twelve months up to and including `last`.
    pub fn year_to(last: Month) -> Period {
        let mut first = last;
        for _ in 1..12 {
            first = first.previous();
        }
        Period { first, last }
    }

    /// Every month of the period, in order (stops at `MAX_MONTHS` whatever the bounds say).
    pub fn months(&self) -> Vec<Month> {
        let mut months = vec![self.first];
        while *months.last().unwrap_or(&self.last) < self.last && months.len() <= MAX_MONTHS {
            let next = months[months.len() - 1].next();
            months.push(next);
        }
        months
    }
}

#[cfg(feature = "ssr")]
mod bounds {
    use super::{Month, Period};
    use crate::i18n::dates::china_midnight;
    use time::{Date, Month as CalendarMonth};

    impl Month {
        /// The first second of the month in China time, as Unix seconds.
        pub fn starts_at(self) -> i64 {
            let month = CalendarMonth::try_from(self.month).unwrap_or(CalendarMonth::January);
            Date::from_calendar_date(self.year, month, 1)
                .map(china_midnight)
                .unwrap_or_default()
        }

        /// The month a moment falls in, China time.
        pub fn of(unix_seconds: i64) -> Option<Month> {
            let (date, _) = crate::i18n::dates::china_day(unix_seconds)?;
            Month::new(date.year(), u8::from(date.month()))
        }
    }

    impl Period {
        /// Each month with its first second and the first second after it.
        pub fn bounds(&self) -> Vec<(Month, i64, i64)> {
            self.months()
                .into_iter()
                .map(|m| (m, m.starts_at(), m.next().starts_at()))
                .collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_read_step_and_print() {
        let march = Month::parse("2026-03").unwrap();
        assert_eq!(
            march,
            Month {
                year: 2026,
                month: 3
            }
        );
        assert_eq!(march.key(), "2026-03");
        assert_eq!(Month::parse("2026-12").unwrap().next().key(), "2027-01");
        assert_eq!(Month::parse("2026-01").unwrap().previous().key(), "2025-12");
        for bad in ["2026-13", "2026-0", "26", "x-01", "1999-05", ""] {
            assert_eq!(Month::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_period_lists_its_months_and_refuses_backwards_or_long_ones() {
        let year = Period::year_to(Month::parse("2026-11").unwrap());
        let months = year.months();
        assert_eq!(months.len(), 12);
        assert_eq!(months[0].key(), "2025-12");
        assert_eq!(months[11].key(), "2026-11");
        let (a, b) = (
            Month::parse("2026-03").unwrap(),
            Month::parse("2026-01").unwrap(),
        );
        assert_eq!(Period::new(a, b), None);
        assert_eq!(Period::new(b, a).unwrap().months().len(), 3);
        let far = Month::parse("2029-01").unwrap();
        assert_eq!(Period::new(b, far), None);
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn months_begin_at_midnight_in_china() {
        let march = Month::parse("2026-03").unwrap();
        // 2026-03-01 00:00 in China is 2026-02-28 16:00 UTC.
        assert_eq!(march.starts_at(), 1_772_294_400);
        assert_eq!(Month::of(march.starts_at()), Some(march));
        assert_eq!(Month::of(march.starts_at() - 1), Some(march.previous()));
        let bounds = Period::new(march, march.next()).unwrap().bounds();
        assert_eq!(bounds[0].2, bounds[1].1);
    }
}
