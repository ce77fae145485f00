//! What an invitation is, as the invited person and the inviter see it.

pub use crate::vocabulary::InvitationKind;
use serde::{Deserialize, Serialize};

crate::choice! {
    /// Where an invitation stands. Its organisation sees only whether it is open (waiting or
    /// declined) or not.
    pub enum InvitationStatus {
        Pending = "pending",
        Accepted = "accepted",
        Declined = "declined",
        Withdrawn = "withdrawn",
    }
}

/// How long an invitation can be answered.
pub const VALID_FOR_SECS: i64 = 14 * 24 * 3600;
/// How long an invitation is kept at all (its contact included); it also bounds the counts below.
pub const KEPT_FOR_SECS: i64 = 30 * 24 * 3600;
/// Invitations one organisation may send to one contact within `KEPT_FOR_SECS`: a declined one
/// can be sent again, but nobody can be pestered.
pub const MOST_PER_CONTACT: i64 = 3;
/// Invitations one person may send in a day, whatever organisations they run.
pub const MOST_PER_DAY: i64 = 30;
/// Wrong codes typed before a member link is withdrawn (and must be sent again).
pub const MOST_WRONG_CODES: i64 = 3;

/// An invitation waiting for my answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InvitationForMe {
    pub id: i64,
    pub kind: InvitationKind,
    /// Who invites me, for a team. A member link names nobody: until contacts are verified
    /// (issue 37) whoever signed up with the number sees it, and the name of a cooperative for
    /// vulnerable people would say too much about the person it was meant for.
    pub from: Option<Inviter>,
    pub created_at: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Inviter {
    pub org_id: i64,
    pub org_name: String,
    pub inviter_name: String,
}

/// An open invitation as its organisation sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SentInvitation {
    pub id: i64,
    pub contact: String,
    /// A member link's code, for the coordinator to tell the member in person.
    pub code: Option<String>,
    pub created_at: i64,
}
