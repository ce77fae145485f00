//! Organisations as pages and server functions see them.

use crate::locales::Lang;
use crate::paging::PageMark;
pub use crate::vocabulary::{OrgRole, Tier, Verification};
use serde::{Deserialize, Serialize};

/// What kind of body an organisation is (PRODUCT.md §2.4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OrgKind {
    Ngo,
    SocialOrg,
    Community,
    Cooperative,
    Enterprise,
    Government,
}

impl OrgKind {
    pub const ALL: [OrgKind; 6] = [
        OrgKind::Ngo,
        OrgKind::SocialOrg,
        OrgKind::Community,
        OrgKind::Cooperative,
        OrgKind::Enterprise,
        OrgKind::Government,
    ];

    /// The value stored in the database and used in forms and URLs.
    pub fn as_str(self) -> &'static str {
        match self {
            OrgKind::Ngo => "ngo",
            OrgKind::SocialOrg => "social_org",
            OrgKind::Community => "community",
            OrgKind::Cooperative => "cooperative",
            OrgKind::Enterprise => "enterprise",
            OrgKind::Government => "government",
        }
    }

    pub fn parse(value: &str) -> Option<OrgKind> {
        OrgKind::ALL.into_iter().find(|kind| kind.as_str() == value)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        use crate::locales::orgs::kinds;
        match self {
            OrgKind::Ngo => kinds::ngo(lang),
            OrgKind::SocialOrg => kinds::social_org(lang),
            OrgKind::Community => kinds::community(lang),
            OrgKind::Cooperative => kinds::cooperative(lang),
            OrgKind::Enterprise => kinds::enterprise(lang),
            OrgKind::Government => kinds::government(lang),
        }
    }
}

/// One line of the directory (and of every list that names an organisation).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrgSummary {
    pub id: i64,
    pub kind: OrgKind,
    pub name: String,
    pub address: String,
    pub tier: Tier,
}

/// A page of the directory, and where the next one starts if more organisations match. A mark's
/// `at` is the badge's rank (partners 0, verified 1, the rest 2), its `id` the organisation's.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrgPage {
    pub orgs: Vec<OrgSummary>,
    pub later: Option<PageMark>,
}

/// The editable part of an organisation, already checked.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrgDetails {
    pub kind: OrgKind,
    pub name: String,
    pub description: String,
    pub services: String,
    pub address: String,
    /// WGS-84 latitude and longitude.
    pub location: Option<(f64, f64)>,
    pub contact: String,
    pub opening_hours: String,
    pub credit_code: Option<String>,
}

/// The profile page's view of an organisation, with what the viewer may do there.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrgProfile {
    pub id: i64,
    pub details: OrgDetails,
    pub verification: Verification,
    /// Why the platform rejected it; only for its own people and admins.
    pub rejection_reason: Option<String>,
    /// Changes with every edit; an edit form sends back the version it was made from.
    pub version: i64,
    /// The viewer's role in this organisation, if any.
    pub my_role: Option<OrgRole>,
    pub viewer_is_admin: bool,
}

impl OrgProfile {
    pub fn summary(&self) -> OrgSummary {
        OrgSummary {
            id: self.id,
            kind: self.details.kind,
            name: self.details.name.clone(),
            address: self.details.address.clone(),
            tier: self.verification.tier(),
        }
    }
}

/// Someone who runs an organisation, as its owner sees them on the team list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamMember {
    pub user_id: i64,
    pub display_name: String,
    pub role: OrgRole,
}

/// An organisation of mine, for 我的.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MyOrg {
    pub org: OrgSummary,
    pub role: OrgRole,
    pub verification: Verification,
}

/// An organisation waiting in the admins' verification queue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PendingOrg {
    pub org: OrgSummary,
    /// The version the admin reviews: a decision on an older one is refused.
    pub version: i64,
    pub credit_code: Option<String>,
    pub registered_by: Option<String>,
    /// Unix seconds.
    pub registered_at: i64,
}

/// What an admin decides about an organisation in the queue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReviewDecision {
    Verify,
    Partner,
    Reject,
}

impl ReviewDecision {
    pub fn parse(value: &str) -> Option<ReviewDecision> {
        match value {
            "verify" => Some(ReviewDecision::Verify),
            "partner" => Some(ReviewDecision::Partner),
            "reject" => Some(ReviewDecision::Reject),
            _ => None,
        }
    }

    pub fn outcome(self) -> Verification {
        match self {
            ReviewDecision::Verify => Verification::Verified,
            ReviewDecision::Partner => Verification::Partner,
            ReviewDecision::Reject => Verification::Rejected,
        }
    }
}
