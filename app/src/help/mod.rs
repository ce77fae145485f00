//! 邻里帮帮: the mutual-aid cooperative's members, their services and needs, who may see what of
//! them (privacy rules P1–P7), bookings and offers of help.

pub mod api;
#[cfg(feature = "ssr")]
pub mod bookings;
pub mod card;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod demo;
pub mod input;
mod list_page;
#[cfg(feature = "ssr")]
pub mod map_pins;
mod member_page;
pub mod model;

pub use list_page::HelpPage;
pub use member_page::MemberPage;
