//! The help layer of the map. The map's index is shared by everyone, so a member is on it only
//! with what a visitor may see: their place (community or 500 m cell) and their name, services or
//! needs must each be open to everyone. A pin is named by the member's name, or else by what they
//! offer or need; it stands at the community's centre or the cell, never anywhere more precise. A
//! member shows on the map only with services or needs open to everyone.

use super::card::{PlaceShown, Records};
use super::model::{MapHelpKind, Viewer};
use sqlx::AnyPool;

/// A member as the map may show them to anyone.
#[derive(Clone, Debug, PartialEq)]
pub struct HelpPin {
    pub kind: MapHelpKind,
    pub member: i64,
    pub name: String,
    pub lat: f64,
    pub lng: f64,
}

pub async fn on_the_map(pool: &AnyPool) -> Result<Vec<HelpPin>, sqlx::Error> {
    let areas = crate::areas::db::list(pool).await?;
    let records = Records::read(&mut *pool.acquire().await?).await?;
    let mut pins = Vec::new();
    for member in &records.members {
        let card = records.card(Viewer::Visitor, member);
        let (lat, lng) = match &card.place {
            Some(PlaceShown::Cell(lat, lng)) => (*lat, *lng),
            Some(PlaceShown::Area(code)) => match areas.iter().find(|a| &a.code == code) {
                Some(area) => (area.lat, area.lng),
                None => continue,
            },
            None => continue,
        };
        let offered = card.services.as_deref().unwrap_or_default();
        let needed = card.needs.as_deref().unwrap_or_default();
        // Drawn as "needs help" only when needs are open to everyone: a pin must not say more
        // than the card. With neither services nor needs to show, there is nothing to find here.
        let kind = match (offered.is_empty(), needed.is_empty()) {
            (false, _) => MapHelpKind::Services,
            (true, false) => MapHelpKind::Needs,
            (true, true) => continue,
        };
        let name = card
            .name
            .clone()
            .or_else(|| offered.first().map(|s| s.title.clone()))
            .or_else(|| needed.first().map(|n| n.title.clone()));
        let Some(name) = name else { continue };
        pins.push(HelpPin {
            kind,
            member: member.id,
            name,
            lat,
            lng,
        });
    }
    Ok(pins)
}
