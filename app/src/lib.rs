//! 云益享 · Yunyixiang: the app — pages, components, server functions and shared types.
//! Server-only code sits behind the `ssr` feature, browser-only code behind `hydrate`.

pub mod accounts;
pub mod areas;
pub mod china_time;
mod choice;
pub mod components;
pub mod contacts;
pub mod cookies;
pub mod dashboard;
pub mod error;
pub mod events;
pub mod fields;
pub mod geo;
pub mod help;
pub mod home;
pub mod i18n;
pub mod invitations;
pub mod items;
pub mod locales;
pub mod map;
pub mod me;
pub mod notifications;
pub mod numbers;
pub mod orgs;
#[cfg(feature = "ssr")]
pub mod outbox;
pub mod paging;
pub mod resources;
pub mod shell;
pub mod sms;
pub mod vocabulary;
pub mod volunteering;

#[cfg(feature = "ssr")]
pub mod db;
/// The demo data set (`server seed-demo`); a production build may leave it out.
#[cfg(all(feature = "ssr", feature = "demo"))]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod photos;
#[cfg(feature = "ssr")]
pub mod secrets;
#[cfg(feature = "ssr")]
pub mod state;
/// Builders for tests (only the dev-dependencies turn `testing` on).
#[cfg(all(feature = "ssr", feature = "testing"))]
pub mod testing;

pub use shell::{shell, App};
