//! Volunteering: the organisers' page of an event's hours and their approval (the hours
//! themselves, credited from check-in or honoured, are kept by `events::hours`), each person's
//! record by organisation and year, and certificates anyone can verify.

pub mod certificate;
mod certificate_page;
pub mod hours_api;
mod hours_page;
pub mod issued_api;
mod issued_page;
pub mod record;
pub mod record_api;
mod record_page;
mod refusals;
pub use refusals::VolunteeringRefusal;

pub use certificate_page::{CertificatePage, VerifyPage};
pub use hours_page::EventHoursPage;
pub use issued_page::OrgCertificatesPage;
pub use record_page::{MyHoursCard, VolunteerRecordPage};
