//! Words several domains share. An organisation's standing and a person's role in it, what an
//! invitation does and where a booking stands are told of by notifications and checked by
//! sign-in rules, which sit below the domains that own these words; so the words sit here, and
//! each domain re-exports its own (`orgs::model::OrgRole` is `vocabulary::OrgRole`).

use crate::locales::Lang;
use serde::{Deserialize, Serialize};

crate::choice! {
    /// Where an organisation stands with the platform. `Pending` and `Rejected` both show as
    /// unverified; the platform's dashboard names each.
    pub enum Verification labels in orgs::verification {
        Pending = pending,
        Verified = verified,
        Partner = partner,
        Rejected = rejected,
    }
}

impl Verification {
    pub fn tier(self) -> Tier {
        match self {
            Verification::Verified => Tier::Verified,
            Verification::Partner => Tier::Partner,
            Verification::Pending | Verification::Rejected => Tier::Unverified,
        }
    }
}

/// The badge shown next to an organisation's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Tier {
    Unverified,
    Verified,
    Partner,
}

impl Tier {
    pub fn as_str(self) -> &'static str {
        match self {
            Tier::Unverified => "unverified",
            Tier::Verified => "verified",
            Tier::Partner => "partner",
        }
    }

    /// Checked by the platform: its records (hours, certificates) can be relied on.
    pub fn is_verified(self) -> bool {
        self != Tier::Unverified
    }

    /// The tier of a stored `verification` value (unverified for anything unknown).
    pub fn of_stored(verification: &str) -> Tier {
        Verification::parse(verification).map_or(Tier::Unverified, Verification::tier)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Tier::Unverified => crate::locales::orgs::tiers::unverified(lang),
            Tier::Verified => crate::locales::orgs::tiers::verified(lang),
            Tier::Partner => crate::locales::orgs::tiers::partner(lang),
        }
    }
}

/// A person's part in an organisation. The owner registered it and decides who coordinates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum OrgRole {
    Owner,
    Coordinator,
}

impl OrgRole {
    pub fn as_str(self) -> &'static str {
        match self {
            OrgRole::Owner => "owner",
            OrgRole::Coordinator => "coordinator",
        }
    }

    pub fn parse(value: &str) -> Option<OrgRole> {
        match value {
            "owner" => Some(OrgRole::Owner),
            "coordinator" => Some(OrgRole::Coordinator),
            _ => None,
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            OrgRole::Owner => crate::locales::orgs::role_owner(lang),
            OrgRole::Coordinator => crate::locales::orgs::role_coordinator(lang),
        }
    }
}

crate::choice! {
    /// What accepting an invitation does.
    pub enum InvitationKind {
        /// Joins the organisation's team as a coordinator (the owner invites).
        Coordinator = "coordinator",
        /// Links the account to a cooperative member's record (a coordinator invites).
        MemberLink = "member_link",
    }
}

crate::choice! {
    pub enum BookingStatus labels in help::booking_statuses {
        Requested = requested,
        Accepted = accepted,
        Declined = declined,
        Cancelled = cancelled,
        Done = done,
    }
}
