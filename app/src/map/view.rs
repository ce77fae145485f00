//! What the map shows for one visible area: which places pass the filters, grouped into markers,
//! and the list under the map. The same types travel from the server to the browser.

use super::cluster::{cluster, Grid, Located, Marker, Part, MAX_ZOOM};
use super::model::{nearest_first, Layer, NearbyPlace, PlaceKind, NEARBY_LIMIT};
use crate::geo::BBox;
use crate::geo::LatLng;
use serde::{Deserialize, Serialize};

impl Located for NearbyPlace {
    fn position(&self) -> LatLng {
        LatLng::new(self.lat, self.lng)
    }
}

/// Which places to show: the layers switched on, one category (or all), and words in the name or
/// address.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MapFilter {
    pub layers: Vec<Layer>,
    pub category: Option<PlaceKind>,
    /// Lower case; empty matches everything.
    pub text: String,
}

/// A part of the map request that could not be understood (the API answers 400 with it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BadMapRequest {
    Layer,
    Category,
    Area,
    Zoom,
}

impl MapFilter {
    pub fn everything() -> MapFilter {
        MapFilter {
            layers: Layer::ALL.to_vec(),
            category: None,
            text: String::new(),
        }
    }

    /// From the query: `layers` is a comma list (absent or empty: all — a URL cannot tell an
    /// empty value from none), `category` a category name (empty: all), `q` free text.
    pub fn parse(
        layers: Option<&str>,
        category: Option<&str>,
        text: Option<&str>,
    ) -> Result<MapFilter, BadMapRequest> {
        let layers = match layers.map(str::trim).filter(|l| !l.is_empty()) {
            None => Layer::ALL.to_vec(),
            Some(list) => list
                .split(',')
                .map(str::trim)
                .filter(|name| !name.is_empty())
                .map(|name| Layer::parse(name).ok_or(BadMapRequest::Layer))
                .collect::<Result<Vec<_>, _>>()?,
        };
        let category = match category.map(str::trim).filter(|c| !c.is_empty()) {
            None => None,
            Some(code) => Some(category_named(code).ok_or(BadMapRequest::Category)?),
        };
        Ok(MapFilter {
            layers,
            category,
            // As on the boards: no one types more, and each character is more index to read.
            text: text
                .unwrap_or_default()
                .trim()
                .chars()
                .take(100)
                .collect::<String>()
                .to_lowercase(),
        })
    }

    /// Whether places of this kind are in a chosen layer and category.
    pub fn shows(&self, kind: PlaceKind) -> bool {
        self.layers.contains(&kind.layer()) && self.category.is_none_or(|c| c == kind)
    }

    /// Whether some places of `layer` may be shown: it is chosen, and so is its category if any.
    pub fn shows_layer(&self, layer: Layer) -> bool {
        self.layers.contains(&layer) && self.category.is_none_or(|c| c.layer() == layer)
    }

    /// Whether the name or the address holds the text, in any case. Most names are Chinese, which
    /// has no case, so a name is lower-cased only when it has capitals and the plain search failed.
    pub fn text_in(&self, name: &str, address: &str) -> bool {
        let holds = |field: &str| {
            field.contains(&self.text)
                || (field.chars().any(char::is_uppercase)
                    && field.to_lowercase().contains(&self.text))
        };
        self.text.is_empty() || holds(name) || holds(address)
    }

    /// Whether `place` passes every part of the filter (what the index checks, on a whole place).
    #[cfg(test)]
    pub fn matches(&self, place: &NearbyPlace) -> bool {
        self.shows(place.kind) && self.text_in(&place.name, &place.address)
    }
}

/// The category with this URL name, in whichever layer.
pub fn category_named(code: &str) -> Option<PlaceKind> {
    Layer::ALL
        .into_iter()
        .flat_map(Layer::kinds)
        .find(|kind| kind.category() == code)
}

/// The visible area from the query, checked: finite, south below north, west of east, on earth.
pub fn parse_area(south: f64, west: f64, north: f64, east: f64) -> Result<BBox, BadMapRequest> {
    let finite = [south, west, north, east].iter().all(|v| v.is_finite());
    let ordered = south <= north && west <= east;
    let on_earth = (-90.0..=90.0).contains(&south)
        && (-90.0..=90.0).contains(&north)
        && (-180.0..=180.0).contains(&west)
        && (-180.0..=180.0).contains(&east);
    if finite && ordered && on_earth {
        Ok(BBox {
            south,
            west,
            north,
            east,
        })
    } else {
        Err(BadMapRequest::Area)
    }
}

pub fn parse_zoom(zoom: u8) -> Result<u8, BadMapRequest> {
    if zoom <= MAX_ZOOM {
        Ok(zoom)
    } else {
        Err(BadMapRequest::Zoom)
    }
}

/// One marker as the browser draws it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum MapMarker {
    Place(NearbyPlace),
    Cluster {
        lat: f64,
        lng: f64,
        count: usize,
        /// The box around its points: tapping the cluster zooms there.
        south: f64,
        west: f64,
        north: f64,
        east: f64,
    },
}

impl MapMarker {
    pub fn count(&self) -> usize {
        match self {
            MapMarker::Place(_) => 1,
            MapMarker::Cluster { count, .. } => *count,
        }
    }
}

/// The answer for one visible area.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MapView {
    pub markers: Vec<MapMarker>,
    /// How many places are in the area (the markers' counts add up to it).
    pub total: usize,
    /// The places nearest the middle of the area, for the list under the map.
    pub list: Vec<NearbyPlace>,
    /// More places hold the search's words than the map shows (`sources::MOST_MATCHES`): those
    /// layers show none, and the reader is asked for more precise words.
    #[serde(default)]
    pub too_many_matches: bool,
}

/// The markers for the places inside the grid's area at its zoom (`parts`: the places already filtered, some
/// counted beforehand), and the list under the map (`list`: those nearest the middle of the area,
/// not yet ordered). `single` gives the whole place for one drawn alone: only these few are copied.
pub fn map_view<'a, T: Located + 'a>(
    parts: impl IntoIterator<Item = Part<'a, T>>,
    grid: &Grid,
    list: Vec<NearbyPlace>,
    single: impl Fn(&T) -> NearbyPlace,
) -> MapView {
    let markers = cluster(parts, grid)
        .into_iter()
        .map(|marker| match marker {
            Marker::Single(one) => MapMarker::Place(single(one)),
            Marker::Cluster {
                center,
                count,
                bounds,
            } => MapMarker::Cluster {
                lat: center.lat,
                lng: center.lng,
                count,
                south: bounds.south,
                west: bounds.west,
                north: bounds.north,
                east: bounds.east,
            },
        })
        .collect::<Vec<_>>();
    let total = markers.iter().map(MapMarker::count).sum();
    MapView {
        markers,
        total,
        // Naming the places orders those as far as each other by name, then keeps NEARBY_LIMIT.
        list: nearest_first(list, NEARBY_LIMIT + 1),
        too_many_matches: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::orgs::model::OrgKind;

    fn place(name: &str, kind: OrgKind, lat: f64, lng: f64) -> NearbyPlace {
        NearbyPlace {
            kind: PlaceKind::Organisation(kind),
            id: 1,
            name: name.into(),
            address: String::new(),
            tier: None,
            lat,
            lng,
            distance_m: 0.0,
        }
    }

    #[test]
    fn filters_parse_from_the_query() {
        assert_eq!(
            MapFilter::parse(None, None, None),
            Ok(MapFilter::everything())
        );
        let blank = MapFilter::parse(Some(""), Some(""), Some("  ")).unwrap();
        assert_eq!(blank, MapFilter::everything());
        let some = MapFilter::parse(Some("orgs"), Some("ngo"), Some(" 阳光 ABC ")).unwrap();
        assert_eq!(some.category, Some(PlaceKind::Organisation(OrgKind::Ngo)));
        assert_eq!(some.text, "阳光 abc");
        assert_eq!(
            MapFilter::parse(Some("orgs,spaceships"), None, None),
            Err(BadMapRequest::Layer)
        );
        assert_eq!(
            MapFilter::parse(None, Some("dragons"), None),
            Err(BadMapRequest::Category)
        );
    }

    #[test]
    fn a_filter_checks_layer_category_and_text() {
        let ngo = place("阳光助老服务中心", OrgKind::Ngo, 26.58, 106.71);
        let by_text = MapFilter::parse(None, None, Some("助老")).unwrap();
        assert!(by_text.matches(&ngo));
        let other_text = MapFilter::parse(None, None, Some("环保")).unwrap();
        assert!(!other_text.matches(&ngo));
        let other_kind = MapFilter::parse(None, Some("enterprise"), None).unwrap();
        assert!(!other_kind.matches(&ngo));
        let no_layers = MapFilter {
            layers: vec![],
            ..MapFilter::everything()
        };
        assert!(!no_layers.matches(&ngo));
        // Latin letters are matched in any case, in the name or the address.
        let shop = NearbyPlace {
            name: "Fairy Cafe".into(),
            address: "中华北路 1 号".into(),
            ..ngo.clone()
        };
        let by_latin = MapFilter::parse(None, None, Some("FAIRY")).unwrap();
        assert!(by_latin.matches(&shop));
        assert!(by_text.matches(&ngo));
        let by_address = MapFilter::parse(None, None, Some("北路")).unwrap();
        assert!(by_address.matches(&shop));
        assert!(!by_address.matches(&ngo));
    }

    #[test]
    fn bad_areas_and_zooms_are_refused() {
        assert!(parse_area(26.5, 106.6, 26.7, 106.8).is_ok());
        assert_eq!(
            parse_area(26.7, 106.6, 26.5, 106.8),
            Err(BadMapRequest::Area)
        );
        assert_eq!(
            parse_area(f64::NAN, 0.0, 1.0, 1.0),
            Err(BadMapRequest::Area)
        );
        assert_eq!(parse_area(0.0, -200.0, 1.0, 1.0), Err(BadMapRequest::Area));
        assert_eq!(parse_zoom(20), Err(BadMapRequest::Zoom));
    }

    #[test]
    fn the_view_counts_every_place_and_orders_the_list() {
        let area = parse_area(26.50, 106.60, 26.68, 106.80).unwrap();
        let near_middle = place("middle", OrgKind::Ngo, 26.59, 106.70);
        let corner = place("corner", OrgKind::Ngo, 26.51, 106.61);
        let twin = place("twin", OrgKind::Ngo, 26.5101, 106.6101);
        let places = [&corner, &near_middle, &twin];
        let far = NearbyPlace {
            distance_m: 900.0,
            ..corner.clone()
        };
        let view = map_view(
            places.into_iter().map(Part::One),
            &Grid::new(area, 10),
            vec![far, near_middle.clone()],
            NearbyPlace::clone,
        );
        assert_eq!(view.total, 3);
        assert_eq!(
            view.markers.len(),
            2,
            "the two corner places share a marker"
        );
        assert_eq!(view.list[0].name, "middle");
        assert!(view.list[0].distance_m < view.list[1].distance_m);
    }
}
