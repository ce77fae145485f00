//! Accounts: signing up and in, sessions, passwords, who may do what. The page 我的 (/me) and
//! what a person's data is made of are `crate::me`.

#[cfg(feature = "ssr")]
pub mod admin;
pub mod api;
#[cfg(feature = "ssr")]
pub mod auth;
#[cfg(feature = "ssr")]
pub mod code_tries;
pub mod contact;
#[cfg(feature = "ssr")]
pub mod db;
pub mod display_name;
pub(crate) mod form_parts;
mod language;
pub mod model;
pub mod password;
#[cfg(feature = "ssr")]
pub mod rate_limit;
mod refusals;
#[cfg(feature = "ssr")]
pub mod session;
pub mod settings;
mod sign_in_page;
pub use language::{LanguageSwitch, SetLanguage};
pub use refusals::AccountRefusal;

/// The name of the session cookie (the session code itself is server-only).
pub const SESSION_COOKIE: &str = "sid";
pub use sign_in_page::SignInPage;
