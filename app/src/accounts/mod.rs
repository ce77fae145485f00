//! Accounts and the personal page 我的 (/me).

mod page;

pub use page::MePage;
