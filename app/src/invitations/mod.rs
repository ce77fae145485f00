//! Invitations: nobody is made a coordinator, or linked to a cooperative member's record, without
//! saying yes. The inviter types a mobile number or email; the answer is the same whether or not
//! an account holds it, and the person who does sees the invitation on 我的 and in the inbox
//! (`me::InvitationsCard`, where it is answered).

#[cfg(feature = "ssr")]
pub mod db;
pub mod model;
mod refusals;
pub use refusals::InvitationRefusal;
