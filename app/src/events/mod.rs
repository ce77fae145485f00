//! 一起公益: charity events — the public list and pages, joining with seats and a waitlist, the
//! organisers' forms, check-in, and the hours people give at each (`hours`).

pub mod api;
#[cfg(feature = "ssr")]
pub mod attendance;
#[cfg(feature = "ssr")]
pub mod checkin;
pub mod checkin_api;
mod checkin_page;
#[cfg(feature = "ssr")]
pub mod db;
mod detail_page;
pub mod feed;
pub mod filter;
mod form_page;
pub mod hours;
pub mod input;
mod list_page;
mod mine;
pub mod model;
mod parts;
mod refusals;
pub mod roster;
pub mod roster_api;
mod roster_page;
pub mod scan;
pub mod series;
#[cfg(feature = "ssr")]
pub mod series_db;
#[cfg(feature = "ssr")]
pub mod signup;
pub use refusals::EventRefusal;

pub use checkin_page::{CheckinCodePage, CheckinPage};
pub use detail_page::EventPage;
pub use feed::CalendarFeedCard;
pub use form_page::{EditEventPage, NewEventPage};
pub use list_page::EventListPage;
pub use mine::{MyEventsCard, OrgEventsSection};
pub use roster_page::RosterPage;
