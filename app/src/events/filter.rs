//! The `/events` list's filters as they arrive in the address (`?category=elderly&when=weekend&
//! near=520103001&within=3&q=...`), and what they mean: a time window, a category, a place and a
//! radius, some text.

use super::model::EventCategory;
use crate::china_time::{china_day, china_midnight, parse_date};
pub use crate::geo::near::Origin;
pub use crate::paging::PageMark;
use serde::{Deserialize, Serialize};

/// The filters as typed; every field may be empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EventFilter {
    pub category: String,
    /// `today`, `week`, `weekend`, `dates` (then `from`/`to`), or empty for everything upcoming.
    pub when: String,
    pub from: String,
    pub to: String,
    /// An area code, or `here` with `lat`/`lng` from the browser.
    pub near: String,
    pub lat: String,
    pub lng: String,
    /// Kilometres from `near`.
    pub within: String,
    pub q: String,
    /// Where the page starts: `PageMark`'s form, empty for the soonest events.
    pub after: String,
}

const DAY: i64 = 24 * 3600;

/// What a filter asks for, checked.
#[derive(Clone, Debug, PartialEq)]
pub struct Wanted {
    pub category: Option<EventCategory>,
    /// Events not over by `from` and starting before `until`.
    pub from: i64,
    pub until: Option<i64>,
    /// Where distances are measured from, and the radius in metres if the list is cut by it.
    pub origin: Option<Origin>,
    pub text: String,
    /// Only events after this one in the list's order (the next page); `None` for the first page.
    pub after: Option<PageMark>,
}

/// Which filter could not be read: named in the 400 answer.
#[derive(Debug, PartialEq, Eq)]
pub struct BadFilter(pub &'static str);

impl EventFilter {
    /// Reads the filters at `now`; `area_centre` finds an area's centre by its code.
    pub fn wanted(
        &self,
        now: i64,
        area_centre: impl Fn(&str) -> Option<(f64, f64)>,
    ) -> Result<Wanted, BadFilter> {
        let category = match self.category.trim() {
            "" => None,
            c => Some(EventCategory::parse(c).ok_or(BadFilter("category"))?),
        };
        let (from, until) = self.window(now)?;
        let origin = Origin::read(&self.near, &self.lat, &self.lng, &self.within, area_centre)
            .map_err(BadFilter)?;
        Ok(Wanted {
            category,
            from,
            until,
            origin,
            text: self.q.trim().chars().take(100).collect(),
            after: PageMark::from_query(&self.after).map_err(|_| BadFilter("after"))?,
        })
    }

    /// The list's address with these filters, starting after `after` (`None`: the soonest).
    /// Empty filters are left out, so the address stays short.
    pub fn href(&self, after: Option<PageMark>) -> String {
        let after = after.map(|a| a.to_string()).unwrap_or_default();
        crate::paging::list_href(
            "/events",
            &[
                ("q", self.q.as_str()),
                ("category", self.category.as_str()),
                ("when", self.when.as_str()),
                ("from", self.from.as_str()),
                ("to", self.to.as_str()),
                ("near", self.near.as_str()),
                ("lat", self.lat.as_str()),
                ("lng", self.lng.as_str()),
                ("within", self.within.as_str()),
                ("after", after.as_str()),
            ],
        )
    }

    /// The time window: from now (or the first chosen day) until the end of the chosen period.
    fn window(&self, now: i64) -> Result<(i64, Option<i64>), BadFilter> {
        let (today, weekday) = china_day(now).ok_or(BadFilter("when"))?;
        let midnight = china_midnight(today);
        Ok(match self.when.trim() {
            "" => (now, None),
            "today" => (now, Some(midnight + DAY)),
            // This week ends at midnight before next Monday.
            "week" => (now, Some(midnight + (7 - i64::from(weekday)) * DAY)),
            "weekend" => {
                let saturday = midnight + (5 - i64::from(weekday)).max(0) * DAY;
                let monday = midnight + (7 - i64::from(weekday)) * DAY;
                (now.max(saturday), Some(monday))
            }
            "dates" => {
                let day = |value: &str, field| match value.trim() {
                    "" => Ok(None),
                    typed => parse_date(typed)
                        .map(|d| Some(china_midnight(d)))
                        .ok_or(BadFilter(field)),
                };
                let first = day(&self.from, "from")?;
                let last = day(&self.to, "to")?;
                if let (Some(first), Some(last)) = (first, last) {
                    if last < first {
                        return Err(BadFilter("to"));
                    }
                }
                (first.map_or(now, |f| f.max(now)), last.map(|l| l + DAY))
            }
            _ => return Err(BadFilter("when")),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::china_time::parse_china_datetime;

    fn at(typed: &str) -> i64 {
        parse_china_datetime(typed).unwrap()
    }

    fn window(when: &str, now: &str) -> (i64, Option<i64>) {
        let filter = EventFilter {
            when: when.into(),
            ..EventFilter::default()
        };
        filter.window(at(now)).unwrap()
    }

    #[test]
    fn periods_are_china_calendar_days() {
        // 2026-11-25 is a Wednesday.
        let now = "2026-11-25T22:00";
        assert_eq!(window("", now), (at(now), None));
        assert_eq!(
            window("today", now),
            (at(now), Some(at("2026-11-26T00:00")))
        );
        assert_eq!(window("week", now), (at(now), Some(at("2026-11-30T00:00"))));
        assert_eq!(
            window("weekend", now),
            (at("2026-11-28T00:00"), Some(at("2026-11-30T00:00")))
        );
        // On Sunday the weekend is what is left of today.
        let sunday = "2026-11-29T10:00";
        assert_eq!(
            window("weekend", sunday),
            (at(sunday), Some(at("2026-11-30T00:00")))
        );
        assert_eq!(
            window("week", sunday),
            (at(sunday), Some(at("2026-11-30T00:00")))
        );
    }

    #[test]
    fn date_ranges_include_the_last_day_and_never_start_in_the_past() {
        let filter = EventFilter {
            when: "dates".into(),
            from: "2026-12-01".into(),
            to: "2026-12-03".into(),
            ..EventFilter::default()
        };
        let now = at("2026-11-25T08:00");
        assert_eq!(
            filter.window(now).unwrap(),
            (at("2026-12-01T00:00"), Some(at("2026-12-04T00:00")))
        );
        assert_eq!(
            filter.window(at("2026-12-02T08:00")).unwrap().0,
            at("2026-12-02T08:00")
        );
        let backwards = EventFilter {
            from: "2026-12-03".into(),
            to: "2026-12-01".into(),
            ..filter.clone()
        };
        assert_eq!(backwards.window(now), Err(BadFilter("to")));
    }

    #[test]
    fn places_and_bad_values() {
        let centre = |code: &str| (code == "520103001").then_some((26.6, 106.7));
        let now = at("2026-11-25T08:00");
        let near = EventFilter {
            near: "520103001".into(),
            within: "3".into(),
            category: "elderly".into(),
            q: "  敬老 ".into(),
            ..EventFilter::default()
        };
        let wanted = near.wanted(now, centre).unwrap();
        assert_eq!(
            wanted.origin,
            Some(Origin {
                lat: 26.6,
                lng: 106.7,
                within_m: Some(3000.0)
            })
        );
        assert_eq!(wanted.category, Some(EventCategory::Elderly));
        assert_eq!(wanted.text, "敬老");
        let here = EventFilter {
            near: "here".into(),
            lat: "26.58".into(),
            lng: "106.71".into(),
            ..EventFilter::default()
        };
        assert_eq!(
            here.wanted(now, centre).unwrap().origin.unwrap().within_m,
            None
        );
        let bad = |change: fn(&mut EventFilter)| {
            let mut f = near.clone();
            change(&mut f);
            f.wanted(now, centre).unwrap_err()
        };
        assert_eq!(bad(|f| f.category = "sport".into()), BadFilter("category"));
        assert_eq!(bad(|f| f.when = "soon".into()), BadFilter("when"));
        assert_eq!(bad(|f| f.near = "nowhere".into()), BadFilter("near"));
        assert_eq!(bad(|f| f.within = "7".into()), BadFilter("within"));
        assert_eq!(
            bad(|f| {
                f.near = "here".into();
                f.lat = "x".into();
            }),
            BadFilter("lat")
        );
        assert_eq!(
            bad(|f| {
                f.when = "dates".into();
                f.from = "12/01".into();
            }),
            BadFilter("from")
        );
        assert_eq!(bad(|f| f.after = "tomorrow".into()), BadFilter("after"));
        assert_eq!(near.wanted(now, centre).unwrap().after, None);
        let later = EventFilter {
            after: " 1764300000-17 ".into(),
            ..near.clone()
        };
        assert_eq!(
            later.wanted(now, centre).unwrap().after,
            Some(PageMark {
                at: 1_764_300_000,
                id: 17
            })
        );
    }

    #[test]
    fn page_addresses_keep_the_filters() {
        let filter = EventFilter {
            q: "敬老 &".into(),
            when: "week".into(),
            after: "1-2".into(),
            ..EventFilter::default()
        };
        assert_eq!(
            filter.href(Some(PageMark { at: 9, id: 3 })),
            "/events?q=%E6%95%AC%E8%80%81+%26&when=week&after=9-3"
        );
        assert_eq!(
            filter.href(None),
            "/events?q=%E6%95%AC%E8%80%81+%26&when=week"
        );
        assert_eq!(EventFilter::default().href(None), "/events");
    }
}
