//! Server functions of the map.

use super::model::Nearby;
use super::view::MapView;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

/// The places nearest an area of the district (by its code), or nearest the district centre when
/// none (or an unknown one) is given.
#[server(endpoint = "map/nearby")]
pub async fn nearby_places(area: Option<String>) -> Result<Nearby, AppError> {
    use super::model::NEARBY_LIMIT;
    use super::view::MapFilter;
    use crate::geo::LatLng;
    use crate::geo::DISTRICT_CENTRE;
    let state = crate::state::use_app_state()?;
    let pool = state.db.pool();
    let areas = crate::areas::cache::areas(&state).await?;
    let chosen = area
        .as_deref()
        .and_then(|code| areas.iter().find(|a| a.code == code.trim()));
    let centre = chosen.map_or(DISTRICT_CENTRE, |a| LatLng::new(a.lat, a.lng));
    let places = state
        .part::<super::index::MapIndex>()
        .nearest(pool, centre, NEARBY_LIMIT, &MapFilter::everything())
        .await?;
    Ok(Nearby {
        area: chosen.map(|a| a.code.clone()),
        areas: areas.to_vec(),
        places,
        centre: (centre.lat, centre.lng),
    })
}

/// Where `places_in_view` answers, under `/api/`.
pub const VIEW_ENDPOINT: &str = "map/view";

/// What the map shows for the visible area (WGS-84 degrees) at `zoom`: clusters and single places,
/// and the list under the map. `layers` is a comma list (absent or empty: all), `category` one category,
/// `q` words in the name or address. A GET, so partners and caches can use it too.
#[server(endpoint = "map/view", input = GetUrl)]
pub async fn places_in_view(
    south: f64,
    west: f64,
    north: f64,
    east: f64,
    zoom: u8,
    layers: Option<String>,
    category: Option<String>,
    q: Option<String>,
) -> Result<MapView, AppError> {
    use super::view::{parse_area, parse_zoom, MapFilter};
    let bad = |problem| AppError::InvalidInput(format!("{problem:?}"));
    let area = parse_area(south, west, north, east).map_err(bad)?;
    let zoom = parse_zoom(zoom).map_err(bad)?;
    let filter =
        MapFilter::parse(layers.as_deref(), category.as_deref(), q.as_deref()).map_err(bad)?;
    let state = crate::state::use_app_state()?;
    Ok(state
        .part::<super::index::MapIndex>()
        .view(state.db.pool(), area, zoom, &filter)
        .await?)
}

#[cfg(test)]
mod tests {
    use leptos::server_fn::ServerFn;

    #[test]
    fn the_browser_asks_where_the_server_answers() {
        assert_eq!(
            super::PlacesInView::PATH,
            format!("/api/{}", super::VIEW_ENDPOINT)
        );
    }
}
