//! Where things are: positions (stored in WGS-84, drawn in GCJ-02 on Chinese base maps), areas on
//! the map, the grid cells that keep a person's place approximate, "near me" filters and distances,
//! base maps, and the small maps that show or pick one place. Every board uses these; the 公益地图
//! board (`map`) gathers all layers on one map on top of them.

mod coords;
pub mod grid;
#[cfg(feature = "hydrate")]
pub(crate) mod leaflet_base;
pub mod locate;
pub mod near;
pub mod pin_map;
pub mod tiles;

pub use coords::*;
