//! Accounts and the personal page 我的 (/me).

pub mod contact;
mod page;

pub use page::MePage;
