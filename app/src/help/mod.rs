//! 邻里帮帮: the mutual-aid cooperative's members, their services and needs.

mod page;

pub use page::HelpPage;
