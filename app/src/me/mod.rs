//! 我的 (/me): the signed-in person's page, which gathers their part of every board (invitations,
//! events, hours, bookings, organisations), and their data as a whole: where it lives, and what
//! deleting the account does with each part. Above the boards, which it reads; none reads it.

pub mod api;
pub mod invitations_api;
mod invitations_card;
mod page;
#[cfg(feature = "ssr")]
pub mod personal_data;

pub use invitations_card::InvitationsCard;
pub use page::MePage;
