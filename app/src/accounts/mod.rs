//! Accounts and the personal page 我的 (/me).

pub mod contact;
#[cfg(feature = "ssr")]
pub mod db;
pub mod display_name;
mod page;
pub mod password;

pub use page::MePage;
