//! 公益地图: one map of organisations, events, items, help and community resources.

// `places_in_view` takes each query parameter of `/api/map/view` as an argument (its URL is a
// public interface); `#[server]` copies an `allow` on the function to the server side only, not
// to the browser's caller it generates.
#[allow(clippy::too_many_arguments)]
pub mod api;
pub mod cluster;
mod explorer;
#[cfg(feature = "ssr")]
mod id_set;
#[cfg(feature = "ssr")]
pub mod index;
#[cfg(feature = "hydrate")]
mod leaflet_map;
pub mod model;
#[cfg(feature = "ssr")]
pub mod names;
#[cfg(feature = "ssr")]
mod packed;
mod page;
mod place_card;
#[cfg(feature = "ssr")]
pub mod sources;
pub mod view;

pub use page::MapPage;
