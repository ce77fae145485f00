//! 益享生活: giving away, swapping and lending things between neighbours.

mod page;

pub use page::ItemsPage;
