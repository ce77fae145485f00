//! Notifications: what happened to someone, kept per person, shown in the inbox on 我的 with an
//! unread count on the tab, and (when configured) sent by email.

pub mod api;
#[cfg(feature = "ssr")]
pub mod db;
mod inbox_page;
#[cfg(feature = "ssr")]
pub mod mail;
pub mod model;
mod sms_card;
mod unread_badge;

pub use inbox_page::InboxPage;
pub use unread_badge::UnreadBadge;

/// Bumped when the inbox changes in this browser, so the unread count on the tab is asked again.
#[derive(Clone, Copy)]
pub struct InboxVersion(pub leptos::prelude::RwSignal<usize>);
