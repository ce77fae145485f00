//! 公益地图: one map of organisations, events, items, help and community resources.

pub mod api;
pub mod cluster;
mod explorer;
pub mod geo;
pub mod grid;
#[cfg(feature = "ssr")]
mod id_set;
#[cfg(feature = "ssr")]
pub mod index;
#[cfg(feature = "hydrate")]
mod leaflet_base;
#[cfg(feature = "hydrate")]
mod leaflet_map;
pub mod locate;
pub mod model;
#[cfg(feature = "ssr")]
pub mod names;
pub mod near;
#[cfg(feature = "ssr")]
mod packed;
mod page;
pub mod pin_map;
mod place_card;
#[cfg(feature = "ssr")]
pub mod sources;
pub mod tiles;
pub mod view;

pub use page::MapPage;
