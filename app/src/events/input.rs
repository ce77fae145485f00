//! The event form as typed, and the checks that turn it into what is stored.

use super::model::{Event, EventCategory};
use super::series::Repeat;
use crate::china_time::{china_datetime_input, china_day, parse_china_datetime};
use crate::error::FormRefusal;
use crate::error::Refusal;
use crate::events::EventRefusal;
use crate::fields::{location, one_line, paragraphs, LINE_MAX};
use crate::numbers::format_hours;
use serde::{Deserialize, Serialize};

pub const TITLE_CHARS: std::ops::RangeInclusive<usize> = 2..=80;
pub const SUMMARY_MAX: usize = 200;
pub const DESCRIPTION_MAX: usize = 5000;
pub const REQUIREMENTS_MAX: usize = 1000;
pub const PLACE_NAME_MAX: usize = 100;
pub const CAPACITY_MAX: i64 = 100_000;
/// An event lasts at most this long (a week): longer ones are series.
pub const LONGEST_SECONDS: i64 = 7 * 24 * 3600;

/// The fields of the create/edit form, exactly as sent (`event[title]`, ...). Times are China
/// time as a `datetime-local` input sends them; `credit_hours` is decimal hours, empty for the
/// event's length.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EventFields {
    pub org: String,
    pub title: String,
    pub summary: String,
    pub description: String,
    pub category: String,
    pub tags: String,
    pub starts_at: String,
    pub ends_at: String,
    pub place_name: String,
    pub address: String,
    pub lat: String,
    pub lng: String,
    pub capacity: String,
    pub signup_deadline: String,
    pub cancel_deadline: String,
    pub requirements: String,
    pub contact: String,
    pub credit_hours: String,
    /// "on" when people who did not sign up may check in at the event.
    pub walk_ins: String,
    /// Empty for a single event, else a series `Frequency` (`weekly`, `biweekly`, `monthly`).
    pub repeat: String,
    /// The last day of a series (`2027-03-01`), empty for no end.
    pub repeat_until: String,
}

/// A checked form. A series keeps the one its future occurrences are made from (as JSON).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventDetails {
    pub org_id: i64,
    pub title: String,
    pub summary: String,
    pub description: String,
    pub category: EventCategory,
    /// Comma-separated, each trimmed.
    pub tags: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub place_name: String,
    pub address: String,
    pub location: (f64, f64),
    pub capacity: Option<i64>,
    pub signup_deadline: Option<i64>,
    pub cancel_deadline: Option<i64>,
    pub requirements: String,
    pub contact: String,
    pub credit_minutes: Option<i64>,
    pub walk_ins: bool,
}

impl EventFields {
    /// The form filled in with what is stored, for editing or duplicating.
    pub fn from_event(e: &Event) -> EventFields {
        let credit_hours = if e.credit_minutes == (e.ends_at - e.starts_at) / 60 {
            String::new()
        } else {
            format_hours(e.credit_minutes)
        };
        EventFields {
            org: e.org_id.to_string(),
            title: e.title.clone(),
            summary: e.summary.clone(),
            description: e.description.clone(),
            category: e.category.as_str().into(),
            tags: e.tags.join(", "),
            starts_at: china_datetime_input(e.starts_at),
            ends_at: china_datetime_input(e.ends_at),
            place_name: e.place_name.clone(),
            address: e.address.clone(),
            lat: e.lat.to_string(),
            lng: e.lng.to_string(),
            capacity: e.capacity.map(|c| c.to_string()).unwrap_or_default(),
            signup_deadline: e
                .signup_deadline
                .map(china_datetime_input)
                .unwrap_or_default(),
            cancel_deadline: e
                .cancel_deadline
                .map(china_datetime_input)
                .unwrap_or_default(),
            requirements: e.requirements.clone(),
            contact: e.contact.clone(),
            credit_hours,
            walk_ins: if e.walk_ins {
                "on".into()
            } else {
                String::new()
            },
            repeat: String::new(),
            repeat_until: String::new(),
        }
    }

    /// Whether (and how) the event repeats; `starts_at` is the checked start of the first one.
    pub fn repeat(&self, starts_at: i64) -> Result<Option<Repeat>, Refusal> {
        let first_day = china_day(starts_at).ok_or(EventRefusal::TimeInvalid)?.0;
        Repeat::read(&self.repeat, &self.repeat_until, first_day).map_err(|until| {
            if until {
                EventRefusal::RepeatUntilInvalid.into()
            } else {
                EventRefusal::RepeatInvalid.into()
            }
        })
    }

    /// Checks every field; the first problem found is the answer.
    pub fn check(&self) -> Result<EventDetails, Refusal> {
        let org_id = self
            .org
            .trim()
            .parse()
            .map_err(|_| EventRefusal::OrgInvalid)?;
        let title = one_line(&self.title, usize::MAX)?;
        if !TITLE_CHARS.contains(&title.chars().count()) {
            return Err(EventRefusal::TitleInvalid.into());
        }
        let category =
            EventCategory::parse(self.category.trim()).ok_or(EventRefusal::CategoryInvalid)?;
        let starts_at = parse_china_datetime(&self.starts_at).ok_or(EventRefusal::TimeInvalid)?;
        let ends_at = parse_china_datetime(&self.ends_at).ok_or(EventRefusal::TimeInvalid)?;
        if ends_at <= starts_at || ends_at - starts_at > LONGEST_SECONDS {
            return Err(EventRefusal::EndsBeforeStart.into());
        }
        let deadline = |value: &str| -> Result<Option<i64>, Refusal> {
            match value.trim() {
                "" => Ok(None),
                typed => match parse_china_datetime(typed) {
                    Some(at) if at <= starts_at => Ok(Some(at)),
                    _ => Err(EventRefusal::DeadlineInvalid.into()),
                },
            }
        };
        let capacity = match self.capacity.trim() {
            "" => None,
            typed => match typed.parse::<i64>() {
                Ok(n) if (1..=CAPACITY_MAX).contains(&n) => Some(n),
                _ => return Err(EventRefusal::CapacityInvalid.into()),
            },
        };
        let credit_minutes = match self.credit_hours.trim() {
            "" => None,
            typed => Some(super::hours::parse_hours(typed).ok_or(FormRefusal::CreditHoursInvalid)?),
        };
        let tags = one_line(&self.tags.replace('，', ","), LINE_MAX)?
            .split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(",");
        Ok(EventDetails {
            org_id,
            title,
            summary: one_line(&self.summary, SUMMARY_MAX)?,
            description: paragraphs(&self.description, DESCRIPTION_MAX)?,
            category,
            tags,
            starts_at,
            ends_at,
            place_name: one_line(&self.place_name, PLACE_NAME_MAX)?,
            address: one_line(&self.address, LINE_MAX)?,
            location: location(&self.lat, &self.lng)?.ok_or(FormRefusal::LocationRequired)?,
            capacity,
            signup_deadline: deadline(&self.signup_deadline)?,
            cancel_deadline: deadline(&self.cancel_deadline)?,
            requirements: paragraphs(&self.requirements, REQUIREMENTS_MAX)?,
            contact: one_line(&self.contact, LINE_MAX)?,
            credit_minutes,
            walk_ins: !self.walk_ins.trim().is_empty(),
        })
    }
}

impl EventDetails {
    /// The same event moved by `seconds`, deadlines with it (another occurrence of a series).
    pub fn shifted(&self, seconds: i64) -> EventDetails {
        EventDetails {
            starts_at: self.starts_at + seconds,
            ends_at: self.ends_at + seconds,
            signup_deadline: self.signup_deadline.map(|at| at + seconds),
            cancel_deadline: self.cancel_deadline.map(|at| at + seconds),
            ..self.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled() -> EventFields {
        EventFields {
            org: "2".into(),
            title: " 重阳节  敬老探访 ".into(),
            category: "elderly".into(),
            tags: "重阳，探访, ,老人".into(),
            starts_at: "2026-12-05T09:00".into(),
            ends_at: "2026-12-05T11:30".into(),
            lat: "26.59".into(),
            lng: "106.71".into(),
            capacity: "20".into(),
            signup_deadline: "2026-12-04T18:00".into(),
            ..EventFields::default()
        }
    }

    #[test]
    fn a_filled_form_is_cleaned() {
        let d = filled().check().unwrap();
        assert_eq!(d.title, "重阳节 敬老探访");
        assert_eq!(d.tags, "重阳,探访,老人");
        assert_eq!(d.ends_at - d.starts_at, 150 * 60);
        assert_eq!(d.capacity, Some(20));
        assert_eq!(d.signup_deadline, Some(d.starts_at - 15 * 3600));
        assert_eq!(d.credit_minutes, None);
    }

    #[test]
    fn each_bad_field_is_named() {
        let with = |change: fn(&mut EventFields)| {
            let mut fields = filled();
            change(&mut fields);
            fields.check().unwrap_err()
        };
        assert_eq!(with(|f| f.org = "x".into()), EventRefusal::OrgInvalid);
        assert_eq!(with(|f| f.title = "访".into()), EventRefusal::TitleInvalid);
        assert_eq!(
            with(|f| f.category = "sport".into()),
            EventRefusal::CategoryInvalid
        );
        assert_eq!(
            with(|f| f.starts_at = "明天".into()),
            EventRefusal::TimeInvalid
        );
        assert_eq!(
            with(|f| f.ends_at = "2026-12-05T08:00".into()),
            EventRefusal::EndsBeforeStart
        );
        assert_eq!(
            with(|f| f.ends_at = "2026-12-25T08:00".into()),
            EventRefusal::EndsBeforeStart
        );
        assert_eq!(
            with(|f| f.capacity = "0".into()),
            EventRefusal::CapacityInvalid
        );
        assert_eq!(
            with(|f| f.capacity = "十".into()),
            EventRefusal::CapacityInvalid
        );
        assert_eq!(
            with(|f| f.signup_deadline = "2026-12-06T09:00".into()),
            EventRefusal::DeadlineInvalid
        );
        assert_eq!(
            with(|f| f.cancel_deadline = "soon".into()),
            EventRefusal::DeadlineInvalid
        );
        assert_eq!(
            with(|f| f.credit_hours = "-1".into()),
            FormRefusal::CreditHoursInvalid
        );
        assert_eq!(
            with(|f| f.credit_hours = "25".into()),
            FormRefusal::CreditHoursInvalid
        );
        assert_eq!(
            with(|f| f.lat = String::new()),
            FormRefusal::LocationInvalid
        );
        assert_eq!(
            with(|f| {
                f.lat = String::new();
                f.lng = String::new();
            }),
            FormRefusal::LocationRequired
        );
    }

    #[test]
    fn hours_are_read_and_written_the_same_way() {
        use crate::events::hours::parse_hours;
        assert_eq!(parse_hours("2.5"), Some(150));
        assert_eq!(parse_hours("0.25"), Some(15));
        assert_eq!(parse_hours("NaN"), None);
    }
}
