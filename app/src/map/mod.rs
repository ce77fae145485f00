//! 公益地图: one map of organisations, events, items, help and community resources.

pub mod api;
pub mod cluster;
pub mod geo;
pub mod model;
mod page;

pub use page::MapPage;
