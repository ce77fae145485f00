//! Where the map's places come from: one source per layer. A new layer adds its query here (and a
//! trigger that bumps `map_version` when its table changes).

use super::index::SnapshotBuilder;
use super::model::{NearbyPlace, PlaceKind};
use crate::resources::model::ResourceKind;
use futures_util::TryStreamExt;
use sqlx::AnyPool;

/// Adds every place that belongs on the map, in all layers.
pub async fn load_places(pool: &AnyPool, places: &mut SnapshotBuilder) -> Result<(), sqlx::Error> {
    places.extend(organisations(pool).await?);
    places.extend(events(pool).await?);
    resources(pool, places).await?;
    items(pool, places).await?;
    places.extend(crate::help::map_pins::on_the_map(pool).await?);
    Ok(())
}

/// Things on offer that can still be asked for, at their snapped cell (the only position stored),
/// row by row straight into the index.
async fn items(pool: &AnyPool, places: &mut SnapshotBuilder) -> Result<(), sqlx::Error> {
    let rows = crate::items::db::on_the_map(pool, crate::db::now_unix());
    let mut rows = std::pin::pin!(rows);
    while let Some(item) = rows.try_next().await? {
        places.push(NearbyPlace {
            kind: PlaceKind::Item(item.category),
            id: item.id,
            name: item.title,
            address: String::new(),
            tier: None,
            lat: item.cell_lat,
            lng: item.cell_lng,
            distance_m: 0.0,
        });
    }
    Ok(())
}

/// Published events that have not ended when the map loads. (One that ends later stays until the
/// map next reloads: the list and the event's page say it is over.)
async fn events(pool: &AnyPool) -> Result<Vec<NearbyPlace>, sqlx::Error> {
    Ok(crate::events::db::on_the_map(pool, crate::db::now_unix())
        .await?
        .into_iter()
        .map(|event| NearbyPlace {
            kind: PlaceKind::Event(event.category),
            id: event.id,
            name: event.title,
            address: if event.place_name.is_empty() {
                event.address
            } else {
                event.place_name
            },
            tier: None,
            lat: event.lat,
            lng: event.lng,
            distance_m: 0.0,
        })
        .collect())
}

/// Every community resource (all are public): only the columns the map holds, row by row straight
/// into the index, since a city can list a great many of them.
async fn resources(pool: &AnyPool, places: &mut SnapshotBuilder) -> Result<(), sqlx::Error> {
    let mut rows = sqlx::query_as::<_, (i64, String, String, String, f64, f64)>(
        "SELECT id, kind, name, address, lat, lng FROM community_resources ORDER BY id",
    )
    .fetch(pool);
    while let Some((id, kind, name, address, lat, lng)) = rows.try_next().await? {
        let Some(kind) = ResourceKind::parse(&kind) else {
            continue;
        };
        places.push(NearbyPlace {
            kind: PlaceKind::Resource(kind),
            id,
            name,
            address,
            tier: None,
            lat,
            lng,
            distance_m: 0.0,
        });
    }
    Ok(())
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
