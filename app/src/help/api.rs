//! Server functions of 邻里帮帮 that read: the list of members' cards and one member's card. Every
//! answer is built from `card::card_for` for the person asking, so nothing they may not see is
//! ever sent; each non-public field shown to someone other than the member is logged (P3).

use super::card::{MemberCard, PlaceShown};
use crate::areas::model::Area;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The list's filters, as the GET form sends them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct HelpFilter {
    /// Words in a visible name, service or need.
    pub q: String,
    /// "services", "needs" or empty for both.
    pub offers: String,
    /// A community or subdistrict code.
    pub area: String,
}

/// What the list asks for, checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Offers {
    Both,
    Services,
    Needs,
}

impl HelpFilter {
    pub fn offers(&self) -> Option<Offers> {
        match self.offers.trim() {
            "" => Some(Offers::Both),
            "services" => Some(Offers::Services),
            "needs" => Some(Offers::Needs),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HelpList {
    pub cards: Vec<MemberCard>,
    pub areas: Vec<Area>,
}

/// A member's card for their page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MemberView {
    pub card: MemberCard,
    pub areas: Vec<Area>,
    /// Who is reading: decides which forms the page offers (book, or manage).
    pub viewer: super::model::Viewer,
    /// For the member themselves: who looked at what of theirs is not public (P3).
    pub own_access_log: Option<Vec<super::records::AccessEntry>>,
    /// For the member themselves: their consents, live and withdrawn, to give or withdraw more.
    pub own_consents: Option<Vec<super::model::Consent>>,
}

/// How far from an area's centre a member's cell may be to count as in that area.
pub const AREA_REACH_M: f64 = 1_500.0;

/// Whether the card matches the filter, judged only on what the card shows (so a search never
/// reveals anything hidden from the person searching).
pub fn matches(card: &MemberCard, offers: Offers, words: &str, area: Option<&Area>) -> bool {
    let services = card.services.as_deref().unwrap_or_default();
    let needs = card.needs.as_deref().unwrap_or_default();
    let offered = match offers {
        Offers::Both => !services.is_empty() || !needs.is_empty() || card.name.is_some(),
        Offers::Services => !services.is_empty(),
        Offers::Needs => !needs.is_empty(),
    };
    let words = words.trim().to_lowercase();
    let found = words.is_empty()
        || card
            .name
            .iter()
            .chain(services.iter().flat_map(|s| [&s.title, &s.description]))
            .chain(needs.iter().flat_map(|n| [&n.title, &n.description]))
            .any(|text| text.to_lowercase().contains(&words));
    let here = match (area, &card.place) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some(area), Some(PlaceShown::Area(code))) => {
            *code == area.code || area.parent_code.is_none() && code.starts_with(&area.code)
        }
        (Some(area), Some(PlaceShown::Cell(lat, lng))) => {
            use crate::geo::LatLng;
            LatLng::new(*lat, *lng).metres_to(LatLng::new(area.lat, area.lng)) <= AREA_REACH_M
        }
    };
    offered && found && here
}

/// Who is asking, with the cooperatives they run.
#[cfg(feature = "ssr")]
pub(super) struct Looker {
    pub user: Option<crate::accounts::model::SessionUser>,
    staff_of: Vec<i64>,
}

#[cfg(feature = "ssr")]
impl Looker {
    pub async fn now(state: &crate::state::AppState) -> Result<Looker, AppError> {
        let user = crate::accounts::auth::current_user(state).await?;
        Looker::for_user(state, user).await
    }

    /// `user` (or a visitor), with the organisations they run.
    pub async fn for_user(
        state: &crate::state::AppState,
        user: Option<crate::accounts::model::SessionUser>,
    ) -> Result<Looker, AppError> {
        let staff_of = match &user {
            Some(user) => crate::orgs::db::my_orgs(state.db.pool(), user.id)
                .await?
                .into_iter()
                .map(|mine| mine.org.id)
                .collect(),
            None => Vec::new(),
        };
        Ok(Looker { user, staff_of })
    }

    pub fn viewer(&self, member: &super::db::MemberRecord) -> super::model::Viewer {
        super::model::Viewer::of(
            self.user.as_ref().map(|u| u.id),
            self.staff_of.contains(&member.org_id),
            member.user_id,
        )
    }

    /// Logs what of `card` was shown beyond the public (the coordinators' note included), unless
    /// the member is looking at themselves (nothing is logged for visitors: they only ever see
    /// what is public).
    pub async fn log_shown(
        &self,
        conn: &mut sqlx::AnyConnection,
        member: &super::db::MemberRecord,
        card: &MemberCard,
        via: super::db::ViewedVia,
        now: i64,
    ) -> Result<(), sqlx::Error> {
        let shown = super::db::Shown {
            groups: &card.private_groups,
            situation_note: card.situation_note.is_some(),
        };
        self.log(conn, member, shown, via, now).await
    }

    /// Logs that `shown` (all of it beyond the public) was shown, on the terms of `log_shown`.
    pub async fn log(
        &self,
        conn: &mut sqlx::AnyConnection,
        member: &super::db::MemberRecord,
        shown: super::db::Shown<'_>,
        via: super::db::ViewedVia,
        now: i64,
    ) -> Result<(), sqlx::Error> {
        use super::db::ViewerRole;
        use super::model::Viewer;
        let Some(user) = &self.user else {
            return Ok(());
        };
        let role = match self.viewer(member) {
            Viewer::Member | Viewer::Visitor => return Ok(()),
            Viewer::Coordinator => ViewerRole::Coordinator,
            Viewer::Resident if user.is_admin => ViewerRole::Admin,
            Viewer::Resident => ViewerRole::Resident,
        };
        let viewer = (user.id, user.display_name.as_str(), role);
        super::db::log_view(conn, member.id, viewer, shown, via, now).await
    }
}

/// Every member's card the person asking may see something of, that matches the filters.
#[server(endpoint = "help/list")]
pub async fn list_help(filter: HelpFilter) -> Result<HelpList, AppError> {
    use super::db as help;
    let state = crate::state::use_app_state()?;
    let offers = filter
        .offers()
        .ok_or_else(|| AppError::InvalidInput("offers".into()))?;
    let areas = crate::areas::cache::areas(&state).await?;
    let area = match filter.area.trim() {
        "" => None,
        code => Some(
            areas
                .iter()
                .find(|a| a.code == code)
                .cloned()
                .ok_or_else(|| AppError::InvalidInput("area".into()))?,
        ),
    };
    let looker = Looker::now(&state).await?;
    let now = crate::db::now_unix();
    // Only signed-in views are logged: a visitor's list is a plain read.
    let mut tx = match looker.user {
        Some(_) => state.db.begin_write().await?,
        None => state.db.begin_read().await?,
    };
    let records = super::card::Records::read(&mut tx).await?;
    let mut cards = Vec::new();
    for member in &records.members {
        let card = records.card(looker.viewer(member), member).for_list();
        if !card.shows_anything() || !matches(&card, offers, &filter.q, area.as_ref()) {
            continue;
        }
        looker
            .log_shown(&mut tx, member, &card, help::ViewedVia::Page, now)
            .await?;
        cards.push(card);
    }
    tx.commit().await?;
    Ok(HelpList {
        cards,
        areas: areas.to_vec(),
    })
}

/// One member's card. A member the person asking may see nothing of does not exist for them.
#[server(endpoint = "help/member")]
pub async fn get_member(id: i64) -> Result<MemberView, AppError> {
    use super::db as help;
    let state = crate::state::use_app_state()?;
    let looker = Looker::now(&state).await?;
    // A visitor sees only what is public: nothing to log, so no write lock either.
    let mut tx = match looker.user {
        Some(_) => state.db.begin_write().await?,
        None => state.db.begin_read().await?,
    };
    let records = super::card::Records::of_member(&mut tx, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let member = &records.members[0];
    let viewer = looker.viewer(member);
    let card = records.card(viewer, member);
    let sees_all = matches!(
        viewer,
        super::model::Viewer::Coordinator | super::model::Viewer::Member
    );
    if !card.shows_anything() && !sees_all {
        return Err(AppError::NotFound);
    }
    let now = crate::db::now_unix();
    looker
        .log_shown(&mut tx, member, &card, help::ViewedVia::Page, now)
        .await?;
    let (own_access_log, own_consents) = match viewer {
        super::model::Viewer::Member => (
            Some(help::access_log(&mut tx, id, super::manage_api::LOG_LIMIT).await?),
            Some(records.consents_of(id)),
        ),
        _ => (None, None),
    };
    tx.commit().await?;
    let areas = crate::areas::cache::areas(&state).await?;
    Ok(MemberView {
        card,
        areas: areas.to_vec(),
        viewer,
        own_access_log,
        own_consents,
    })
}
