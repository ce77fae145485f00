//! What the coordinators' pages and the booking pages read about members, as plain data that
//! both the server and the browser know (the database code that fills it lives in `db` and
//! `bookings`, on the server only).

use super::model::{BookingKind, BookingStatus, FieldGroup, ServiceUnit, Urgency};
use serde::{Deserialize, Serialize};

/// A member's whole record, as the cooperative's coordinators keep it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MemberRecord {
    pub id: i64,
    pub org_id: i64,
    pub org_name: String,
    pub display_name: String,
    pub area_code: Option<String>,
    /// The snapped cell, when a point was picked (latitude, longitude).
    pub cell: Option<(f64, f64)>,
    pub availability: String,
    pub situation_note: String,
    pub user_id: Option<i64>,
    /// When the photo was uploaded, if the member has one (its URL changes with it).
    pub photo_at: Option<i64>,
    pub version: i64,
    pub created_at: i64,
    pub deleted: bool,
}

/// One service a member offers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Service {
    pub id: i64,
    pub member_id: i64,
    pub title: String,
    pub description: String,
    pub price_fen: i64,
    pub unit: ServiceUnit,
}

/// One thing a member needs help with.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Need {
    pub id: i64,
    pub member_id: i64,
    pub title: String,
    pub description: String,
    pub urgency: Urgency,
    pub met: bool,
}

crate::choice! {
    /// The viewer's standing, as the access log records it.
    pub enum ViewerRole labels in help::viewer_roles {
        Coordinator = coordinator,
        Resident = resident,
        Admin = admin,
    }
}

crate::choice! {
    /// Where a record was looked at.
    pub enum ViewedVia labels in help::viewed_via {
        /// The member's public page or the list.
        Page = page,
        /// The coordinators' editor.
        Editor = editor,
        /// A download of everything about the member.
        Export = export,
    }
}

/// Who saw a member's non-public fields, and when (P3).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AccessEntry {
    pub viewer_name: String,
    pub viewer_role: ViewerRole,
    pub fields: Vec<FieldGroup>,
    /// The coordinators' note about the member's situation was shown too.
    pub situation_note: bool,
    pub via: ViewedVia,
    pub viewed_at: i64,
}

/// What of a member was shown beyond the public.
#[derive(Clone, Copy, Debug)]
pub struct Shown<'a> {
    pub groups: &'a [FieldGroup],
    pub situation_note: bool,
}

/// Something a coordinator did for a member (P3).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProxyEntry {
    pub actor_name: String,
    pub action: super::model::ProxyAction,
    pub detail: String,
    pub acted_at: i64,
}

/// One booking, as both sides see it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Booking {
    pub id: i64,
    pub member_id: i64,
    pub org_id: i64,
    pub kind: BookingKind,
    pub title: String,
    pub price_fen: i64,
    pub resident_id: Option<i64>,
    pub resident_name: Option<String>,
    pub time_preference: String,
    pub message: String,
    pub status: BookingStatus,
    pub thanks: Option<String>,
    pub created_at: i64,
}
