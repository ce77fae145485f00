//! Community resources: donation points, community centres, libraries of things, food banks and
//! recycling points, on the map and on pages of their own.

pub mod api;
#[cfg(feature = "ssr")]
pub mod db;
mod form_page;
pub mod input;
pub mod model;
mod page;
mod refusals;
pub use refusals::ResourceRefusal;

pub use form_page::{EditResourcePage, NewResourcePage};
pub use page::ResourcePage;
