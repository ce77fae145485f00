//! 邻里帮帮: the mutual-aid cooperative's members, their services and needs.

#[cfg(feature = "ssr")]
pub mod bookings;
pub mod card;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod demo;
pub mod input;
pub mod model;
mod page;

pub use page::HelpPage;
