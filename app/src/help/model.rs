//! What 邻里帮帮 keeps about a cooperative member (PRODUCT §2.3), and who may see which part of it
//! (privacy rules P1–P3): the cooperative's coordinators see everything they keep; anyone else
//! sees a field group only while a consent for an audience they belong to is live.

use crate::choice;
pub use crate::vocabulary::BookingStatus;
use serde::{Deserialize, Serialize};

choice! {
    /// The parts of a member's record that consents are given for, one by one.
    pub enum FieldGroup labels in help::field_groups {
        /// The display name (which may be a pseudonym).
        Name = name,
        Photo = photo,
        Services = services,
        Needs = needs,
        /// The community, or the snapped cell on the map.
        Area = area,
        Availability = availability,
    }
}

choice! {
    /// Who a consent lets see a field group. Each audience includes the ones before it.
    pub enum Audience labels in help::audiences {
        /// The cooperative's coordinators (who keep the record in any case).
        Coordinators = coordinators,
        /// Anyone signed in.
        Residents = residents,
        /// Anyone, signed in or not.
        Everyone = everyone,
    }
}

choice! {
    /// How a consent was collected.
    pub enum ConsentMethod labels in help::consent_methods {
        Paper = paper,
        InPerson = in_person,
        InApp = in_app,
    }
}

choice! {
    /// What a service's price is counted per.
    pub enum ServiceUnit labels in help::units {
        PerHour = per_hour,
        PerVisit = per_visit,
        PerItem = per_item,
        PerDay = per_day,
    }
}

choice! {
    pub enum Urgency labels in help::urgencies {
        Low = low,
        Normal = normal,
        Urgent = urgent,
    }
}

choice! {
    /// A booking of a service, or an offer of help with a need.
    pub enum BookingKind labels in help::booking_kinds {
        Service = service,
        Help = help,
    }
}

choice! {
    /// How a member shows on the map: offering services, or (with none shown) needing help.
    pub enum MapHelpKind labels in help::map_kinds {
        Services = services,
        Needs = needs,
    }
}

impl MapHelpKind {
    /// Its name in the map's category filter, unique across the map's layers.
    pub fn map_key(self) -> &'static str {
        match self {
            MapHelpKind::Services => "help_services",
            MapHelpKind::Needs => "help_needs",
        }
    }
}

choice! {
    /// What a coordinator did for a member, as the proxy log records it (P3).
    pub enum ProxyAction labels in help::proxy_actions {
        MemberCreated = member_created,
        MemberUpdated = member_updated,
        ServiceAdded = service_added,
        ServiceRemoved = service_removed,
        NeedAdded = need_added,
        NeedMet = need_met,
        ConsentRecorded = consent_recorded,
        ConsentWithdrawn = consent_withdrawn,
        AccountLinked = account_linked,
        AccountUnlinked = account_unlinked,
        DataExported = data_exported,
        BookingAccepted = booking_accepted,
        BookingDeclined = booking_declined,
        BookingDone = booking_done,
        PhotoChanged = photo_changed,
        PhotoRemoved = photo_removed,
        AccountInvited = account_invited,
        LinkInvitationWithdrawn = link_invitation_withdrawn,
    }
}

impl ProxyAction {
    /// The action of answering a booking with `to` (accepted, declined or done).
    pub fn answering(to: BookingStatus) -> Option<ProxyAction> {
        match to {
            BookingStatus::Accepted => Some(ProxyAction::BookingAccepted),
            BookingStatus::Declined => Some(ProxyAction::BookingDeclined),
            BookingStatus::Done => Some(ProxyAction::BookingDone),
            _ => None,
        }
    }
}

/// The version of the consent notice the forms show now; each consent records the one it was given
/// under, so a changed notice can be asked for again.
pub const NOTICE_VERSION: &str = "2026-11-29";

/// Who is looking at a member's record, as far as privacy goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Viewer {
    /// Not signed in.
    Visitor,
    /// Signed in, and not a coordinator of this cooperative. Platform admins and coordinators of
    /// other organisations are residents here: P1 opens a record to this cooperative only.
    Resident,
    /// The owner or a coordinator of the member's cooperative.
    Coordinator,
    /// The member, through their linked account.
    Member,
}

impl Viewer {
    /// Who someone is to a member: `person` signed in (or not), `staff_here` when they own or
    /// coordinate the member's cooperative, `linked` the member's own account.
    pub fn of(person: Option<i64>, staff_here: bool, linked: Option<i64>) -> Viewer {
        match person {
            None => Viewer::Visitor,
            Some(_) if staff_here => Viewer::Coordinator,
            Some(id) if linked == Some(id) => Viewer::Member,
            Some(_) => Viewer::Resident,
        }
    }

    /// Whether a live consent for `audience` lets this viewer see the field group.
    fn reached_by(self, audience: Audience) -> bool {
        match self {
            Viewer::Visitor => audience == Audience::Everyone,
            Viewer::Resident => matches!(audience, Audience::Residents | Audience::Everyone),
            Viewer::Coordinator | Viewer::Member => true,
        }
    }
}

/// One consent as recorded (P2).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Consent {
    pub id: i64,
    pub group: FieldGroup,
    pub audience: Audience,
    pub notice_version: String,
    pub method: ConsentMethod,
    /// Who collected it (a coordinator, or the member in the app).
    pub collected_by: Option<String>,
    pub given_at: i64,
    pub withdrawn_at: Option<i64>,
}

impl Consent {
    pub fn is_live(&self) -> bool {
        self.withdrawn_at.is_none()
    }
}

/// The field groups a viewer may see, from the live consents. Coordinators of the cooperative and
/// the member see every group; everyone else only what a live consent opens to them.
pub fn visible_groups(viewer: Viewer, consents: &[Consent]) -> Vec<FieldGroup> {
    FieldGroup::ALL
        .iter()
        .copied()
        .filter(|group| match viewer {
            Viewer::Coordinator | Viewer::Member => true,
            _ => consents
                .iter()
                .any(|c| c.is_live() && c.group == *group && viewer.reached_by(c.audience)),
        })
        .collect()
}

/// The groups among `shown` that are not open to everyone: what showing them to someone other
/// than the member must log (P3).
pub fn non_public(shown: &[FieldGroup], consents: &[Consent]) -> Vec<FieldGroup> {
    let public = visible_groups(Viewer::Visitor, consents);
    shown
        .iter()
        .copied()
        .filter(|g| !public.contains(g))
        .collect()
}

/// A price in fen as the reader sees it: "免费" / "Free", or "¥12.50".
pub fn format_price(fen: i64, free: &str) -> String {
    if fen == 0 {
        free.to_string()
    } else if fen % 100 == 0 {
        format!("¥{}", fen / 100)
    } else {
        format!("¥{}.{:02}", fen / 100, fen % 100)
    }
}

/// A price typed in yuan ("12", "12.5", "12.50", "¥12") in fen; `None` if it is not one.
pub fn parse_price(typed: &str) -> Option<i64> {
    let text = typed.trim().trim_start_matches(['¥', '￥']).trim();
    if text.is_empty() {
        return Some(0);
    }
    let (yuan, fen) = match text.split_once('.') {
        Some((yuan, fen)) if (1..=2).contains(&fen.len()) => (yuan, fen),
        Some(_) => return None,
        None => (text, ""),
    };
    if yuan.is_empty() || !yuan.chars().all(|c| c.is_ascii_digit()) || yuan.len() > 6 {
        return None;
    }
    if !fen.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let fen = match fen.len() {
        0 => 0,
        1 => fen.parse::<i64>().ok()? * 10,
        _ => fen.parse::<i64>().ok()?,
    };
    Some(yuan.parse::<i64>().ok()? * 100 + fen)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn consent(group: FieldGroup, audience: Audience, withdrawn: bool) -> Consent {
        Consent {
            id: 1,
            group,
            audience,
            notice_version: NOTICE_VERSION.into(),
            method: ConsentMethod::Paper,
            collected_by: None,
            given_at: 0,
            withdrawn_at: withdrawn.then_some(10),
        }
    }

    #[test]
    fn with_no_consent_only_the_cooperative_and_the_member_see_anything() {
        for viewer in [Viewer::Visitor, Viewer::Resident] {
            assert!(visible_groups(viewer, &[]).is_empty());
        }
        for viewer in [Viewer::Coordinator, Viewer::Member] {
            assert_eq!(visible_groups(viewer, &[]), FieldGroup::ALL.to_vec());
        }
    }

    #[test]
    fn each_audience_reaches_its_viewers_and_a_withdrawn_consent_reaches_nobody() {
        use Audience::*;
        use FieldGroup::*;
        let cases = [
            (Coordinators, false, false),
            (Residents, false, true),
            (Everyone, true, true),
        ];
        for (audience, visitor, resident) in cases {
            let live = [consent(Services, audience, false)];
            assert_eq!(
                visible_groups(Viewer::Visitor, &live) == [Services],
                visitor
            );
            assert_eq!(
                visible_groups(Viewer::Resident, &live) == [Services],
                resident
            );
            let withdrawn = [consent(Services, audience, true)];
            assert!(visible_groups(Viewer::Visitor, &withdrawn).is_empty());
            assert!(visible_groups(Viewer::Resident, &withdrawn).is_empty());
        }
        // A consent opens its own group only.
        let name_only = [consent(Name, Everyone, false)];
        assert_eq!(visible_groups(Viewer::Resident, &name_only), vec![Name]);
    }

    #[test]
    fn what_is_not_open_to_everyone_is_logged_when_shown() {
        use FieldGroup::*;
        let consents = [
            consent(Name, Audience::Everyone, false),
            consent(Needs, Audience::Residents, false),
        ];
        let shown = visible_groups(Viewer::Resident, &consents);
        assert_eq!(shown, vec![Name, Needs]);
        assert_eq!(non_public(&shown, &consents), vec![Needs]);
    }

    #[test]
    fn prices_are_fen_typed_as_yuan() {
        assert_eq!(parse_price("12"), Some(1200));
        assert_eq!(parse_price("¥12.5"), Some(1250));
        assert_eq!(parse_price(" 0.05 "), Some(5));
        assert_eq!(parse_price(""), Some(0));
        for bad in ["12.345", "-3", "abc", "1e3", ".5", "12.", "9999999"] {
            assert_eq!(parse_price(bad), None, "{bad}");
        }
        assert_eq!(format_price(0, "免费"), "免费");
        assert_eq!(format_price(1200, "免费"), "¥12");
        assert_eq!(format_price(1205, "免费"), "¥12.05");
    }
}
