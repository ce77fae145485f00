//! A member as one viewer may see them: each field group present only when the viewer may see it
//! (`model::visible_groups`), the coordinators-only note only for the cooperative's coordinators.
//! Pages and server functions build every answer about a member from this, so a value the viewer
//! may not see never reaches the response.

use super::model::FieldGroup;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::{
    db::{MemberRecord, Need, Service},
    model::{visible_groups, Consent, Viewer},
};

/// One offered service, as shown.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceCard {
    pub id: i64,
    pub title: String,
    pub description: String,
    pub price_fen: i64,
    pub unit: super::model::ServiceUnit,
}

/// One open need, as shown.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NeedCard {
    pub id: i64,
    pub title: String,
    pub description: String,
    pub urgency: super::model::Urgency,
}

/// Where the member is, as shown: a community, or a cell of at least 500 m.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum PlaceShown {
    Area(String),
    Cell(f64, f64),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MemberCard {
    pub id: i64,
    pub org_id: i64,
    pub org_name: String,
    pub name: Option<String>,
    pub services: Option<Vec<ServiceCard>>,
    pub needs: Option<Vec<NeedCard>>,
    pub place: Option<PlaceShown>,
    pub availability: Option<String>,
    /// When the photo shown was uploaded (its address is `photo::photo_url`).
    pub photo_at: Option<i64>,
    /// The cooperative's coordinators only.
    pub situation_note: Option<String>,
    /// The groups shown that are not open to everyone (what the access log records).
    pub private_groups: Vec<FieldGroup>,
}

impl MemberCard {
    /// The card as the list shows it: no availability and no coordinators' note (those are on the
    /// member's page only), so the list neither sends nor logs them.
    pub fn for_list(mut self) -> MemberCard {
        self.availability = None;
        self.situation_note = None;
        self.private_groups
            .retain(|g| *g != FieldGroup::Availability);
        self
    }

    /// Whether the card has anything to show beyond its cooperative (else it is left out of lists).
    pub fn shows_anything(&self) -> bool {
        self.name.is_some()
            || self.services.as_ref().is_some_and(|s| !s.is_empty())
            || self.needs.as_ref().is_some_and(|n| !n.is_empty())
    }
}

/// Every listed member with all their cards are built from, read at once: the list and the map
/// build many cards from one read.
#[cfg(feature = "ssr")]
pub struct Records {
    pub members: Vec<MemberRecord>,
    services: Vec<Service>,
    needs: Vec<Need>,
    consents: Vec<(i64, Consent)>,
}

#[cfg(feature = "ssr")]
impl Records {
    /// The members of every cooperative (not deleted), with their services, needs and consents.
    pub async fn read(conn: &mut sqlx::AnyConnection) -> Result<Records, sqlx::Error> {
        use super::db as help;
        let members = help::all_members(conn).await?;
        let ids: Vec<i64> = members.iter().map(|m| m.id).collect();
        Ok(Records {
            services: help::services_of(conn, &ids).await?,
            needs: help::needs_of(conn, &ids).await?,
            consents: help::consents_of(conn, &ids).await?,
            members,
        })
    }

    /// One member (not deleted) with their services, needs and consents; `None` if there is none.
    pub async fn of_member(
        conn: &mut sqlx::AnyConnection,
        id: i64,
    ) -> Result<Option<Records>, sqlx::Error> {
        use super::db as help;
        let Some(member) = help::find_member(conn, id).await?.filter(|m| !m.deleted) else {
            return Ok(None);
        };
        Ok(Some(Records {
            services: help::services_of(conn, &[id]).await?,
            needs: help::needs_of(conn, &[id]).await?,
            consents: help::consents_of(conn, &[id]).await?,
            members: vec![member],
        }))
    }

    /// The live and withdrawn consents of `member`.
    pub fn consents_of(&self, member: i64) -> Vec<Consent> {
        self.consents
            .iter()
            .filter(|(id, _)| *id == member)
            .map(|(_, c)| c.clone())
            .collect()
    }

    /// Every service and need of `member`, met needs included (for the coordinators' editor).
    pub fn entries_of(&self, member: i64) -> (Vec<Service>, Vec<Need>) {
        (
            self.services
                .iter()
                .filter(|s| s.member_id == member)
                .cloned()
                .collect(),
            self.needs
                .iter()
                .filter(|n| n.member_id == member)
                .cloned()
                .collect(),
        )
    }

    /// `member`'s card (one of `members`) for `viewer`.
    pub fn card(&self, viewer: Viewer, member: &MemberRecord) -> MemberCard {
        let own = self.consents_of(member.id);
        card_for(viewer, member, &self.services, &self.needs, &own)
    }
}

/// The card of `member` for `viewer`. `services` and `needs` may hold other members' entries too:
/// only this member's are taken; met needs are left out.
#[cfg(feature = "ssr")]
pub fn card_for(
    viewer: Viewer,
    member: &MemberRecord,
    services: &[Service],
    needs: &[Need],
    consents: &[Consent],
) -> MemberCard {
    let groups = visible_groups(viewer, consents);
    let sees = |group: FieldGroup| groups.contains(&group);
    let place = match (&member.area_code, member.cell) {
        (Some(code), _) => Some(PlaceShown::Area(code.clone())),
        (None, Some((lat, lng))) => Some(PlaceShown::Cell(lat, lng)),
        (None, None) => None,
    };
    let shown_groups: Vec<FieldGroup> = groups
        .iter()
        .copied()
        .filter(|g| match g {
            FieldGroup::Area => place.is_some(),
            FieldGroup::Availability => !member.availability.is_empty(),
            // The card carries only the photo's address: the photo's own route logs each time
            // its bytes are sent (`photo::member_photo`).
            FieldGroup::Photo => false,
            _ => true,
        })
        .collect();
    MemberCard {
        id: member.id,
        org_id: member.org_id,
        org_name: member.org_name.clone(),
        name: sees(FieldGroup::Name).then(|| member.display_name.clone()),
        services: sees(FieldGroup::Services).then(|| {
            services
                .iter()
                .filter(|s| s.member_id == member.id)
                .map(|s| ServiceCard {
                    id: s.id,
                    title: s.title.clone(),
                    description: s.description.clone(),
                    price_fen: s.price_fen,
                    unit: s.unit,
                })
                .collect()
        }),
        needs: sees(FieldGroup::Needs).then(|| {
            needs
                .iter()
                .filter(|n| n.member_id == member.id && !n.met)
                .map(|n| NeedCard {
                    id: n.id,
                    title: n.title.clone(),
                    description: n.description.clone(),
                    urgency: n.urgency,
                })
                .collect()
        }),
        place: if sees(FieldGroup::Area) { place } else { None },
        availability: (sees(FieldGroup::Availability) && !member.availability.is_empty())
            .then(|| member.availability.clone()),
        photo_at: member.photo_at.filter(|_| sees(FieldGroup::Photo)),
        situation_note: (viewer == Viewer::Coordinator).then(|| member.situation_note.clone()),
        private_groups: super::model::non_public(&shown_groups, consents),
    }
}
