//! Where the map's places come from: one source per layer. A new layer adds its query here (and a
//! trigger that bumps `map_version` when its table changes).

use super::model::{NearbyPlace, PlaceKind};
use sqlx::AnyPool;

/// Every place that belongs on the map, in all layers.
pub async fn all_places(pool: &AnyPool) -> Result<Vec<NearbyPlace>, sqlx::Error> {
    let mut places = organisations(pool).await?;
    places.extend(resources(pool).await?);
    Ok(places)
}

/// Every community resource (all are public).
async fn resources(pool: &AnyPool) -> Result<Vec<NearbyPlace>, sqlx::Error> {
    Ok(crate::resources::db::all(pool)
        .await?
        .into_iter()
        .map(|resource| NearbyPlace {
            kind: PlaceKind::Resource(resource.kind),
            id: resource.id,
            name: resource.name,
            address: resource.address,
            tier: None,
            lat: resource.lat,
            lng: resource.lng,
            distance_m: 0.0,
        })
        .collect())
}

/// Public organisations (not rejected) that have a location.
async fn organisations(pool: &AnyPool) -> Result<Vec<NearbyPlace>, sqlx::Error> {
    Ok(crate::orgs::db::on_the_map(pool)
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
                distance_m: 0.0,
            })
        })
        .collect())
}
