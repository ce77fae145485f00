//! 邻里帮帮: the mutual-aid cooperative's members, their services and needs, who may see what of
//! them (privacy rules P1–P7), bookings and offers of help.

pub mod api;
pub mod booking_api;
mod booking_page;
#[cfg(feature = "ssr")]
pub mod bookings;
pub mod card;
#[cfg(feature = "ssr")]
pub mod db;
mod editor_page;
#[cfg(feature = "ssr")]
pub mod export;
pub mod input;
mod list_page;
pub mod manage_api;
#[cfg(feature = "ssr")]
pub mod map_pins;
mod member_page;
mod members_page;
mod mine;
pub mod model;
pub mod photo;
pub mod records;
mod refusals;
pub use refusals::HelpRefusal;

pub use booking_page::BookingPage;
pub use editor_page::MemberEditorPage;
pub use list_page::HelpPage;
pub use member_page::MemberPage;
pub use members_page::{CoopMembersPage, NewMemberPage};
pub use mine::MyBookingsCard;
