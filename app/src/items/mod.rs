//! 益享生活: giving away, swapping and lending things between neighbours.

pub mod model;
mod page;

pub use page::ItemsPage;
