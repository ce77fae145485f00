//! 公益地图: one map of organisations, events, items, help and community resources.

pub mod cluster;
pub mod geo;
mod page;

pub use page::MapPage;
