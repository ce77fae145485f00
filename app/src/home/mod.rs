//! The home page `/`: what 云益享 is, its four boards, and how much of the district it covers.

mod page;

pub use page::HomePage;
