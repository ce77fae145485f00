//! The months a dashboard or report covers, as China-time calendar months (a month is counted
//! where it falls in Guiyang, not in UTC).

pub use crate::china_time::Month;
use crate::locales::{dashboard::months, Lang, Text};
use serde::{Deserialize, Serialize};

/// A month under a chart's bar: "3月", "Mar".
pub fn month_short(month: Month, lang: Lang) -> &'static str {
    const NAMES: [Text; 12] = [
        months::jan,
        months::feb,
        months::mar,
        months::apr,
        months::may,
        months::jun,
        months::jul,
        months::aug,
        months::sep,
        months::oct,
        months::nov,
        months::dec,
    ];
    NAMES[usize::from(month.month.clamp(1, 12)) - 1](lang)
}

/// A month in a table: "2026年3月", "Mar 2026".
pub fn month_name(month: Month, lang: Lang) -> String {
    crate::t!(
        lang,
        dashboard::month_of_year {
            year: month.year,
            month: month_short(month, lang)
        }
    )
}

/// The most months one view covers (two years).
pub const MAX_MONTHS: usize = 24;

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

    /// What the period form sends (`2026-01`, or nothing): nothing at all is the twelve months up
    /// to `today`; only a last month, the twelve months up to it; only a first month, from it to
    /// `today`. `None` when a month cannot be read or the period is out of order or too long.
    pub fn from_form(from: &str, to: &str, today: Month) -> Option<Period> {
        let read = |value: &str| match value.trim() {
            "" => Some(None),
            value => Month::parse(value).map(Some),
        };
        match (read(from)?, read(to)?) {
            (None, None) => Some(Period::year_to(today)),
            (None, Some(last)) => Some(Period::year_to(last)),
            (Some(first), None) => Period::new(first, today.max(first)),
            (Some(first), Some(last)) => Period::new(first, last),
        }
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

    #[test]
    fn the_form_reads_either_end_or_neither() {
        let today = Month::parse("2026-11").unwrap();
        let year = Period::from_form("", "", today).unwrap();
        assert_eq!(
            (year.first.key(), year.last.key()),
            ("2025-12".into(), "2026-11".into())
        );
        let to_june = Period::from_form(" ", "2026-06", today).unwrap();
        assert_eq!(to_june.first.key(), "2025-07");
        let from_march = Period::from_form("2026-03", "", today).unwrap();
        assert_eq!(
            (from_march.first.key(), from_march.last.key()),
            ("2026-03".into(), "2026-11".into())
        );
        let both = Period::from_form("2026-01", "2026-02", today).unwrap();
        assert_eq!(both.months().len(), 2);
        for (from, to) in [
            ("2026-05", "2026-01"),
            ("x", ""),
            ("", "2026-13"),
            ("2020-01", ""),
        ] {
            assert_eq!(Period::from_form(from, to, today), None, "{from} {to}");
        }
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
