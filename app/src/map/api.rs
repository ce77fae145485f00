//! Server functions of the map.

use super::model::Nearby;
use crate::error::AppError;
use leptos::prelude::*;

/// The places nearest an area of the district (by its code), or nearest the district centre when
/// none (or an unknown one) is given.
#[server(endpoint = "map/nearby")]
pub async fn nearby_places(area: Option<String>) -> Result<Nearby, AppError> {
    use super::geo::LatLng;
    use super::model::{nearest_first, NearbyPlace, PlaceKind, DISTRICT_CENTRE, NEARBY_LIMIT};
    let state = crate::state::use_app_state()?;
    let pool = state.db.pool();
    let areas = crate::areas::db::list(pool).await?;
    let chosen = area
        .as_deref()
        .and_then(|code| areas.iter().find(|a| a.code == code.trim()));
    let centre = chosen.map_or(DISTRICT_CENTRE, |a| LatLng::new(a.lat, a.lng));
    let places = crate::orgs::db::on_the_map(pool)
        .await?
        .into_iter()
        .filter_map(|org| {
            let (lat, lng) = org.details.location?;
            Some(NearbyPlace {
                kind: PlaceKind::Organisation(org.details.kind),
                id: org.id,
                name: org.details.name,
                address: org.details.address,
                tier: Some(org.verification.tier()),
                lat,
                lng,
                distance_m: centre.metres_to(LatLng::new(lat, lng)),
            })
        })
        .collect();
    Ok(Nearby {
        area: chosen.map(|a| a.code.clone()),
        areas,
        places: nearest_first(places, NEARBY_LIMIT),
    })
}
