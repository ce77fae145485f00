//! Areas of the district (街道 sub-districts and 社区 communities): where things and people are placed
//! without an exact point, and the coverage shown on the home page.

pub mod api;
#[cfg(feature = "ssr")]
pub mod cache;
#[cfg(feature = "ssr")]
pub mod db;
pub mod model;
