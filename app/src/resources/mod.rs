//! Community resources: donation points, community centres, libraries of things, food banks and
//! recycling points, on the map and on pages of their own.

pub mod api;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod demo;
pub mod model;
mod page;

pub use page::ResourcePage;
