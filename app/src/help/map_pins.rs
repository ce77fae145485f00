//! The help layer of the map. The map's index is shared by everyone, so a member is on it only
//! with what a visitor may see: their place (community or 500 m cell) and their name, services or
//! needs must each be open to everyone. A pin is named by the member's name, or else by what they
//! offer or need; it stands at the community's centre or the cell, never anywhere more precise.

use super::card::{card_for, PlaceShown};
use super::model::{MapHelpKind, Viewer};
use crate::map::model::{NearbyPlace, PlaceKind};
use sqlx::AnyPool;

pub async fn on_the_map(pool: &AnyPool) -> Result<Vec<NearbyPlace>, sqlx::Error> {
    use super::db as help;
    let areas = crate::areas::db::list(pool).await?;
    let mut conn = pool.acquire().await?;
    let members = help::all_members(&mut conn).await?;
    let ids: Vec<i64> = members.iter().map(|m| m.id).collect();
    let services = help::services_of(&mut conn, &ids).await?;
    let needs = help::needs_of(&mut conn, &ids).await?;
    let consents = help::consents_of(&mut conn, &ids).await?;
    let mut pins = Vec::new();
    for member in &members {
        let own: Vec<_> = consents
            .iter()
            .filter(|(id, _)| *id == member.id)
            .map(|(_, c)| c.clone())
            .collect();
        let card = card_for(Viewer::Visitor, member, &services, &needs, &own);
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
        let kind = if offered.is_empty() {
            MapHelpKind::Needs
        } else {
            MapHelpKind::Services
        };
        let name = card
            .name
            .clone()
            .or_else(|| offered.first().map(|s| s.title.clone()))
            .or_else(|| needed.first().map(|n| n.title.clone()));
        let Some(name) = name else { continue };
        pins.push(NearbyPlace {
            kind: PlaceKind::Help(kind),
            id: member.id,
            name,
            address: String::new(),
            tier: None,
            lat,
            lng,
            distance_m: 0.0,
        });
    }
    Ok(pins)
}
