//! 一起公益: charity events and volunteering.

mod page;

pub use page::EventsPage;
