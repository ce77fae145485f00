//! What an invitation is, as the invited person and the inviter see it.

use serde::{Deserialize, Serialize};

crate::choice! {
    /// What accepting an invitation does.
    pub enum InvitationKind labels invitations.kinds {
        /// Joins the organisation's team as a coordinator (the owner invites).
        Coordinator = "coordinator",
        /// Links the account to a cooperative member's record (a coordinator invites).
        MemberLink = "member_link",
    }
}

crate::choice! {
    pub enum InvitationStatus labels invitations.statuses {
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
/// Invitations one organisation may send in a day.
pub const MOST_PER_DAY: i64 = 30;

/// An invitation waiting for my answer. It names the organisation and who invited me, never the
/// member record it would link (that stays private until I am that member).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InvitationForMe {
    pub id: i64,
    pub kind: InvitationKind,
    pub org_id: i64,
    pub org_name: String,
    pub inviter_name: String,
    pub created_at: i64,
}

/// An invitation as its organisation sees it: to whom, and whether it was answered.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SentInvitation {
    pub id: i64,
    pub contact: String,
    pub status: InvitationStatus,
    pub created_at: i64,
}
