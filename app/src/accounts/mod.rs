//! Accounts and the personal page 我的 (/me).

pub mod contact;
#[cfg(feature = "ssr")]
pub mod db;
pub mod display_name;
pub mod model;
mod page;
pub mod password;
#[cfg(feature = "ssr")]
pub mod session;

pub use page::MePage;
