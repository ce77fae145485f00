//! What the map shows: places of several kinds (layers), each at a WGS-84 position.

use crate::areas::model::Area;
use crate::events::model::EventCategory;
use crate::help::model::MapHelpKind;
use crate::items::model::ItemCategory;
use crate::locales::{map, Lang};
use crate::orgs::model::{OrgKind, Tier};
use crate::resources::model::ResourceKind;
use serde::{Deserialize, Serialize};

/// How many places the list shows, nearest first.
pub const NEARBY_LIMIT: usize = 40;

/// A layer of the map, switched on and off as a whole. Each feature (events, items, help, community
/// resources) adds its layer here, a [`PlaceKind`] variant, and its places in `map::sources`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Layer {
    Organisations,
    Events,
    Resources,
    Items,
    Help,
}

impl Layer {
    pub const ALL: [Layer; 5] = [
        Layer::Organisations,
        Layer::Events,
        Layer::Resources,
        Layer::Items,
        Layer::Help,
    ];

    /// The name used in URLs (`layers=orgs`).
    pub fn as_str(self) -> &'static str {
        match self {
            Layer::Organisations => "orgs",
            Layer::Events => "events",
            Layer::Resources => "resources",
            Layer::Items => "items",
            Layer::Help => "help",
        }
    }

    pub fn parse(value: &str) -> Option<Layer> {
        Layer::ALL.into_iter().find(|l| l.as_str() == value)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Layer::Organisations => map::layer_orgs(lang),
            Layer::Events => map::layer_events(lang),
            Layer::Resources => map::layer_resources(lang),
            Layer::Items => map::layer_items(lang),
            Layer::Help => map::layer_help(lang),
        }
    }

    /// The kinds of place in this layer, for the category filter.
    pub fn kinds(self) -> Vec<PlaceKind> {
        match self {
            Layer::Organisations => OrgKind::ALL.map(PlaceKind::Organisation).to_vec(),
            Layer::Events => EventCategory::ALL.map(PlaceKind::Event).to_vec(),
            Layer::Resources => ResourceKind::ALL.map(PlaceKind::Resource).to_vec(),
            Layer::Items => ItemCategory::ALL
                .iter()
                .copied()
                .map(PlaceKind::Item)
                .collect(),
            Layer::Help => MapHelpKind::ALL
                .iter()
                .copied()
                .map(PlaceKind::Help)
                .collect(),
        }
    }
}

/// What a place is: its layer and its category within the layer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PlaceKind {
    Organisation(OrgKind),
    Event(EventCategory),
    Resource(ResourceKind),
    Item(ItemCategory),
    /// A cooperative member whose place and more are open to everyone.
    Help(MapHelpKind),
}

impl PlaceKind {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            PlaceKind::Organisation(kind) => kind.label(lang),
            PlaceKind::Event(category) => category.label(lang),
            PlaceKind::Resource(kind) => kind.label(lang),
            PlaceKind::Item(category) => category.label(lang),
            PlaceKind::Help(kind) => kind.label(lang),
        }
    }

    pub fn layer(self) -> Layer {
        match self {
            PlaceKind::Organisation(_) => Layer::Organisations,
            PlaceKind::Event(_) => Layer::Events,
            PlaceKind::Resource(_) => Layer::Resources,
            PlaceKind::Item(_) => Layer::Items,
            PlaceKind::Help(_) => Layer::Help,
        }
    }

    /// The category's name in URLs (`category=ngo`); unique across layers.
    pub fn category(self) -> &'static str {
        match self {
            PlaceKind::Organisation(kind) => kind.as_str(),
            PlaceKind::Event(category) => category.map_key(),
            PlaceKind::Resource(kind) => kind.as_str(),
            PlaceKind::Item(category) => category.map_key(),
            PlaceKind::Help(kind) => kind.map_key(),
        }
    }
}

/// One place in the list under (or, without JavaScript, instead of) the map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NearbyPlace {
    pub kind: PlaceKind,
    pub id: i64,
    pub name: String,
    pub address: String,
    /// Organisations carry their verification badge.
    pub tier: Option<Tier>,
    pub lat: f64,
    pub lng: f64,
    pub distance_m: f64,
}

impl NearbyPlace {
    pub fn url(&self) -> String {
        match self.kind {
            PlaceKind::Organisation(_) => format!("/orgs/{}", self.id),
            PlaceKind::Event(_) => format!("/events/{}", self.id),
            PlaceKind::Resource(_) => format!("/resources/{}", self.id),
            PlaceKind::Item(_) => format!("/items/{}", self.id),
            PlaceKind::Help(_) => format!("/help/{}", self.id),
        }
    }
}

/// The places nearest a chosen area (or the district centre), with the areas one may choose.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Nearby {
    /// The chosen area's code; none means the district centre.
    pub area: Option<String>,
    pub areas: Vec<Area>,
    pub places: Vec<NearbyPlace>,
    /// Where distances are measured from (latitude, longitude); the map opens there.
    pub centre: (f64, f64),
}

/// Nearest first; places at the same distance by name, so the order never flickers.
pub fn nearest_first(mut places: Vec<NearbyPlace>, limit: usize) -> Vec<NearbyPlace> {
    places.sort_by(by_nearness);
    places.truncate(limit);
    places
}

/// Adds `place` to `places` (nearest first, at most `limit`) where sorting would put it: after
/// those as near, and not at all when `limit` nearer ones are there already.
pub fn insert_nearest_first(places: &mut Vec<NearbyPlace>, place: NearbyPlace, limit: usize) {
    let at = places.partition_point(|there| by_nearness(there, &place).is_le());
    if at < limit {
        places.insert(at, place);
        places.truncate(limit);
    }
}

fn by_nearness(a: &NearbyPlace, b: &NearbyPlace) -> std::cmp::Ordering {
    a.distance_m
        .total_cmp(&b.distance_m)
        .then_with(|| a.name.cmp(&b.name))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index keeps a layer's places at `layer as usize`, in the order of `Layer::ALL`.
    #[test]
    fn layers_are_numbered_in_their_listed_order() {
        for (at, layer) in Layer::ALL.into_iter().enumerate() {
            assert_eq!(layer as usize, at);
        }
    }

    #[test]
    fn the_list_is_nearest_first_and_capped() {
        let place = |name: &str, distance_m: f64| NearbyPlace {
            kind: PlaceKind::Organisation(OrgKind::Ngo),
            id: 1,
            name: name.into(),
            address: String::new(),
            tier: None,
            lat: 0.0,
            lng: 0.0,
            distance_m,
        };
        let list = nearest_first(
            vec![
                place("c", 900.0),
                place("b", 10.0),
                place("a", 10.0),
                place("d", 5.0),
            ],
            3,
        );
        let names: Vec<&str> = list.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["d", "a", "b"]);
    }

    proptest::proptest! {
        /// Places added one at a time make the list that sorting them all makes.
        #[test]
        fn adding_one_at_a_time_orders_as_sorting_does(
            found in proptest::collection::vec((0u8..4, 0u16..50), 0..60),
            limit in 1usize..25,
        ) {
            let places: Vec<NearbyPlace> = found
                .iter()
                .enumerate()
                .map(|(id, (name, metres))| NearbyPlace {
                    kind: PlaceKind::Organisation(OrgKind::Ngo),
                    id: id as i64,
                    name: name.to_string(),
                    address: String::new(),
                    tier: None,
                    lat: 0.0,
                    lng: 0.0,
                    distance_m: f64::from(*metres),
                })
                .collect();
            let mut one_at_a_time = Vec::new();
            for place in places.clone() {
                insert_nearest_first(&mut one_at_a_time, place, limit);
            }
            let ids = |list: &[NearbyPlace]| list.iter().map(|p| p.id).collect::<Vec<_>>();
            proptest::prop_assert_eq!(ids(&one_at_a_time), ids(&nearest_first(places, limit)));
        }
    }
}
