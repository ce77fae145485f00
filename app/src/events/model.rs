//! What an event is, and where a person stands with one.

use crate::locales::Lang;
use crate::orgs::model::Tier;
use serde::{Deserialize, Serialize};

/// What an event is for (PRODUCT.md §2.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EventCategory {
    Elderly,
    Disability,
    Children,
    Environment,
    Community,
    Education,
    Health,
    Culture,
    Emergency,
    Other,
}

impl EventCategory {
    pub const ALL: [EventCategory; 10] = [
        EventCategory::Elderly,
        EventCategory::Disability,
        EventCategory::Children,
        EventCategory::Environment,
        EventCategory::Community,
        EventCategory::Education,
        EventCategory::Health,
        EventCategory::Culture,
        EventCategory::Emergency,
        EventCategory::Other,
    ];

    /// The value stored in the database and used in forms and URLs (`category=elderly`).
    pub fn as_str(self) -> &'static str {
        match self {
            EventCategory::Elderly => "elderly",
            EventCategory::Disability => "disability",
            EventCategory::Children => "children",
            EventCategory::Environment => "environment",
            EventCategory::Community => "community",
            EventCategory::Education => "education",
            EventCategory::Health => "health",
            EventCategory::Culture => "culture",
            EventCategory::Emergency => "emergency",
            EventCategory::Other => "other",
        }
    }

    pub fn parse(value: &str) -> Option<EventCategory> {
        EventCategory::ALL.into_iter().find(|c| c.as_str() == value)
    }

    /// The category's name on the map, where names must differ from other layers' (`event_other`).
    pub fn map_key(self) -> &'static str {
        match self {
            EventCategory::Elderly => "event_elderly",
            EventCategory::Disability => "event_disability",
            EventCategory::Children => "event_children",
            EventCategory::Environment => "event_environment",
            EventCategory::Community => "event_community",
            EventCategory::Education => "event_education",
            EventCategory::Health => "event_health",
            EventCategory::Culture => "event_culture",
            EventCategory::Emergency => "event_emergency",
            EventCategory::Other => "event_other",
        }
    }

    pub fn label(self, lang: crate::locales::Lang) -> &'static str {
        use crate::locales::events::categories;
        match self {
            EventCategory::Elderly => categories::elderly(lang),
            EventCategory::Disability => categories::disability(lang),
            EventCategory::Children => categories::children(lang),
            EventCategory::Environment => categories::environment(lang),
            EventCategory::Community => categories::community(lang),
            EventCategory::Education => categories::education(lang),
            EventCategory::Health => categories::health(lang),
            EventCategory::Culture => categories::culture(lang),
            EventCategory::Emergency => categories::emergency(lang),
            EventCategory::Other => categories::other(lang),
        }
    }
}

/// Where an event is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum EventStatus {
    /// Only its organisation sees it.
    Draft,
    Published,
    /// Called off; everyone who held a place was told.
    Cancelled,
    /// Over, and its hours settled.
    Completed,
}

impl EventStatus {
    pub const ALL: [EventStatus; 4] = [
        EventStatus::Draft,
        EventStatus::Published,
        EventStatus::Cancelled,
        EventStatus::Completed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventStatus::Draft => "draft",
            EventStatus::Published => "published",
            EventStatus::Cancelled => "cancelled",
            EventStatus::Completed => "completed",
        }
    }

    pub fn parse(value: &str) -> Option<EventStatus> {
        EventStatus::ALL.into_iter().find(|s| s.as_str() == value)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            EventStatus::Draft => crate::locales::events::status_draft(lang),
            EventStatus::Published => crate::locales::events::status_published(lang),
            EventStatus::Cancelled => crate::locales::events::status_cancelled(lang),
            EventStatus::Completed => crate::locales::events::status_completed(lang),
        }
    }
}

/// Check-in codes work from this long before an event starts until this long after it ends;
/// organisers can mark attendance from the same moment.
pub const CHECKIN_MARGIN_SECONDS: i64 = 30 * 60;

/// An event with everything its page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: i64,
    pub org_id: i64,
    pub org_name: String,
    pub org_tier: Tier,
    /// The organisation is not rejected by the platform (its events are public).
    pub org_public: bool,
    pub title: String,
    pub summary: String,
    pub description: String,
    pub category: EventCategory,
    pub tags: Vec<String>,
    /// Unix seconds, UTC.
    pub starts_at: i64,
    pub ends_at: i64,
    pub place_name: String,
    pub address: String,
    pub lat: f64,
    pub lng: f64,
    pub capacity: Option<i64>,
    pub signup_deadline: Option<i64>,
    pub cancel_deadline: Option<i64>,
    pub requirements: String,
    pub contact: String,
    pub status: EventStatus,
    /// Hours credited per attendance, in minutes (the event's length unless set).
    pub credit_minutes: i64,
    /// People who did not sign up may check in (and so take a seat) at the event.
    pub walk_ins: bool,
    pub seats_taken: i64,
    pub waitlist_length: i64,
    pub version: i64,
    /// The series it is an occurrence of, and which one (counting from 0).
    pub series_id: Option<i64>,
    pub occurrence_no: Option<i64>,
}

impl Event {
    pub fn seats(&self) -> Seats {
        Seats {
            capacity: self.capacity,
            taken: self.seats_taken,
            waitlist: self.waitlist_length,
        }
    }

    /// Seats still free; none when anyone may join.
    pub fn seats_left(&self) -> Option<i64> {
        self.seats().left()
    }

    pub fn is_full(&self) -> bool {
        self.seats().is_full()
    }

    pub fn has_ended(&self, now: i64) -> bool {
        self.ends_at <= now
    }

    /// Whether people may still ask for a place (a seat or the waitlist).
    pub fn signup_open(&self, now: i64) -> bool {
        self.status == EventStatus::Published
            && now < self.signup_deadline.unwrap_or(self.starts_at)
    }

    /// Whether people holding a place may still give it up themselves.
    pub fn leaving_open(&self, now: i64) -> bool {
        self.status == EventStatus::Published
            && now < self.cancel_deadline.unwrap_or(self.starts_at)
    }
}

/// An event as a list shows it (its card): a third of `Event`'s columns to read, copy and send.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventSummary {
    pub id: i64,
    pub org_id: i64,
    pub org_name: String,
    pub org_tier: Tier,
    pub title: String,
    pub category: EventCategory,
    /// Unix seconds, UTC.
    pub starts_at: i64,
    pub ends_at: i64,
    pub place_name: String,
    pub lat: f64,
    pub lng: f64,
    pub seats: Seats,
}

/// How many places an event has, and how they are taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seats {
    /// None: anyone may join.
    pub capacity: Option<i64>,
    pub taken: i64,
    pub waitlist: i64,
}

impl Seats {
    /// Seats still free; none when anyone may join.
    pub fn left(self) -> Option<i64> {
        self.capacity.map(|c| (c - self.taken).max(0))
    }

    pub fn is_full(self) -> bool {
        self.left() == Some(0)
    }
}

/// A person's place at an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Place {
    Going,
    /// Waiting for a seat; 1 is next.
    Waitlisted {
        position: i64,
    },
}

/// The answer to "join": where the person ended up, or why they could not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum JoinOutcome {
    Joined(Place),
    /// Already holds a place (one per person): nothing changed.
    AlreadyIn(Place),
    SignupClosed,
    NotOpen,
}

/// The answer to "leave".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LeaveOutcome {
    Left,
    /// Held no place.
    NotIn,
    /// The cancellation deadline has passed: the organiser must be asked.
    TooLate,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn categories_and_statuses_round_trip_with_names_in_both_languages() {
        for c in EventCategory::ALL {
            assert_eq!(EventCategory::parse(c.as_str()), Some(c));
            assert!(c.map_key().ends_with(c.as_str()));
            for lang in [Lang::Zh, Lang::En] {
                assert!(!c.label(lang).is_empty());
            }
        }
        for s in EventStatus::ALL {
            assert_eq!(EventStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(EventCategory::parse("sports"), None);
        assert_eq!(EventCategory::Elderly.label(Lang::Zh), "助老");
    }
}
