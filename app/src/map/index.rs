//! Everything on the map, held in memory in packed spatial indexes (one per layer) so a
//! visible-area query reads only the points in that area. The database's `map_version` (a number
//! per layer, bumped by triggers on every change to a place) says when a layer's copy is stale;
//! each server checks it per request and reloads that layer, so servers sharing one PostgreSQL
//! database agree within one request of a change. Names and addresses stay in the database
//! (`super::names`): the index holds where places are and what they are.

use super::cluster::{Grid, Group, Located, Part, MOST_SINGLES};
use super::model::{Layer, NearbyPlace, PlaceKind, NEARBY_LIMIT};
use super::names::{Matches, MatchesCache};
use super::packed::{Found, PackedIndex, Summary};
use super::view::{map_view, MapFilter, MapView};
use crate::geo::BBox;
use crate::geo::LatLng;
use crate::orgs::model::Tier;
use sqlx::{AnyPool, Row};
use std::sync::{Arc, RwLock};

/// One place in the index: where it is, what it is and its id, 32 bytes. A city can hold a
/// million places, so a pin keeps no strings (its name is read when it is listed or drawn alone).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pin {
    pub lat: f64,
    pub lng: f64,
    pub id: i64,
    pub kind: PlaceKind,
    /// Organisations carry their verification badge.
    pub tier: Option<Tier>,
}

impl Pin {
    /// The pin of a whole place (its name and address are not kept).
    pub fn of(place: &NearbyPlace) -> Pin {
        Pin {
            lat: place.lat,
            lng: place.lng,
            id: place.id,
            kind: place.kind,
            tier: place.tier,
        }
    }

    /// The place without its name and address yet, `distance_m` away.
    fn unnamed(&self, distance_m: f64) -> NearbyPlace {
        NearbyPlace {
            kind: self.kind,
            id: self.id,
            name: String::new(),
            address: String::new(),
            tier: self.tier,
            lat: self.lat,
            lng: self.lng,
            distance_m,
        }
    }
}

impl Located for Pin {
    fn position(&self) -> LatLng {
        LatLng::new(self.lat, self.lng)
    }
}

/// What a box of the index knows of the pins under it: how many, and the sums of their positions
/// (for their centre). A view of the whole city takes a box that fits one of its clusters at once
/// instead of visiting its pins.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PinCount {
    count: u32,
    lat_sum: f64,
    lng_sum: f64,
}

impl Summary<Pin> for PinCount {
    fn add_item(&mut self, pin: &Pin) {
        self.count += 1;
        self.lat_sum += pin.lat;
        self.lng_sum += pin.lng;
    }

    fn add(&mut self, other: &PinCount) {
        self.count += other.count;
        self.lat_sum += other.lat_sum;
        self.lng_sum += other.lng_sum;
    }
}

/// The version of each layer's tables, in the order of [`Layer::ALL`].
pub type LayerVersions = [i64; Layer::ALL.len()];

/// The index of one layer's places (or of those holding a search's words).
pub type LayerTree = PackedIndex<Pin, PinCount>;

/// One layer's places, read when its tables were at `version`.
#[derive(Debug)]
struct LayerPins {
    version: i64,
    tree: LayerTree,
}

impl LayerPins {
    fn new(version: i64, pins: Vec<Pin>) -> LayerPins {
        LayerPins {
            version,
            tree: PackedIndex::new(pins),
        }
    }

    /// A layer not read yet: older than any version of its tables.
    fn unread() -> LayerPins {
        LayerPins::new(i64::MIN, Vec::new())
    }
}

/// The map: one index per layer, each read at the version of its own tables. A change to one
/// layer's tables (a listing posted) reloads that layer alone; the others are shared with the
/// snapshot before (at a million places, mostly community resources that seldom change).
#[derive(Debug)]
pub struct Snapshot {
    layers: [Arc<LayerPins>; Layer::ALL.len()],
}

/// Builds a snapshot place by place, each into its layer.
#[derive(Default)]
pub struct SnapshotBuilder {
    pins: [Vec<Pin>; Layer::ALL.len()],
}

impl SnapshotBuilder {
    pub fn push(&mut self, pin: Pin) {
        self.pins[pin.kind.layer() as usize].push(pin);
    }

    /// Every layer as read at `version`.
    pub fn build(self, version: i64) -> Snapshot {
        Snapshot {
            layers: self
                .pins
                .map(|pins| Arc::new(LayerPins::new(version, pins))),
        }
    }
}

/// What a view or list shows: the layers and category of `filter`, and when it has words, only
/// the places in `matches` (the places holding them, each layer's indexed apart).
#[derive(Clone, Copy)]
pub struct Shown<'a> {
    pub filter: &'a MapFilter,
    pub matches: Option<&'a Matches>,
}

impl Shown<'_> {
    /// Whether the filter's layers and category include a pin of the trees walked.
    fn includes(&self, pin: &Pin) -> bool {
        self.filter.shows(pin.kind)
    }

    /// Whether every place of a tree walked is shown (no category), so that a box's count stands
    /// for its places.
    fn includes_whole_layers(&self) -> bool {
        self.filter.category.is_none()
    }
}

impl Snapshot {
    pub fn new(version: i64, pins: Vec<Pin>) -> Snapshot {
        let mut builder = SnapshotBuilder::default();
        pins.into_iter().for_each(|pin| builder.push(pin));
        builder.build(version)
    }

    /// Whether this copy and `other` share `layer`'s places (neither read it again).
    pub fn shares_layer(&self, other: &Snapshot, layer: Layer) -> bool {
        Arc::ptr_eq(&self.layers[layer as usize], &other.layers[layer as usize])
    }

    /// The version of each layer's tables this copy was read at.
    pub fn versions(&self) -> LayerVersions {
        self.layers.each_ref().map(|layer| layer.version)
    }

    pub fn len(&self) -> usize {
        self.layers.iter().map(|layer| layer.tree.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every pin of one layer, in no particular order.
    pub fn pins(&self, layer: Layer) -> &[Pin] {
        self.layers[layer as usize].tree.items()
    }

    /// The indexes of the layers that may show something: a layer switched off is not walked, and
    /// in a search, only the places holding its words are.
    fn trees<'a>(&'a self, shown: Shown<'a>) -> impl Iterator<Item = &'a LayerTree> {
        Layer::ALL
            .into_iter()
            .filter(move |layer| shown.filter.shows_layer(*layer))
            .filter_map(move |layer| match shown.matches {
                Some(matches) => matches.tree(layer),
                None => Some(&self.layers[layer as usize].tree),
            })
    }

    /// How many places inside `area` are shown (the visible-area query alone).
    pub fn count_in_area(&self, area: BBox, shown: Shown) -> usize {
        let whole = shown.includes_whole_layers();
        self.trees(shown)
            .flat_map(|tree| tree.in_area_by_box(area, |_, _| whole))
            .map(|found| match found {
                Found::Item(pin) => usize::from(shown.includes(pin)),
                Found::Whole { summary, .. } => summary.count as usize,
            })
            .sum()
    }

    /// Markers and list for the visible area at `zoom`, the places not yet named.
    pub fn view(&self, area: BBox, zoom: u8, shown: Shown) -> MapView {
        // A box wholly inside the area whose pins are all shown and fall in one cell is one part.
        let mut grid = Grid::new(area, zoom);
        let all_shown = shown.includes_whole_layers();
        // At a zoom that draws places alone, an area with more than can be drawn (the world at
        // street zoom) is grouped: counted by whole boxes first, not found out pin by pin.
        if grid.shows_singles() && all_shown && self.count_in_area(area, shown) > MOST_SINGLES {
            grid.group_all();
        }
        let whole = |bounds: &BBox, pins: &PinCount| {
            all_shown && pins.count >= 2 && grid.fits_one_cell(bounds)
        };
        let parts = self
            .trees(shown)
            .flat_map(|tree| tree.in_area_by_box(area, &whole))
            .filter_map(|found| match found {
                Found::Item(pin) => shown.includes(pin).then_some(Part::One(pin)),
                Found::Whole { bounds, summary } => Some(Part::Many(Group {
                    count: summary.count as usize,
                    lat_sum: summary.lat_sum,
                    lng_sum: summary.lng_sum,
                    bounds,
                })),
            });
        // One more than the list shows: places as far as the last are then ordered by name.
        let list = self.nearest_in(area.middle(), area, NEARBY_LIMIT + 1, shown);
        map_view(parts, &grid, list, |pin| pin.unnamed(0.0))
    }

    /// The `limit` places nearest `centre` that are shown, nearest first, with distances, not yet
    /// named.
    pub fn nearest(&self, centre: LatLng, limit: usize, shown: Shown) -> Vec<NearbyPlace> {
        self.nearest_in(centre, BBox::EVERYWHERE, limit, shown)
    }

    /// [`Snapshot::nearest`] among the places inside `area`.
    fn nearest_in(
        &self,
        centre: LatLng,
        area: BBox,
        limit: usize,
        shown: Shown,
    ) -> Vec<NearbyPlace> {
        // The tree measures in degrees; a degree of longitude is shorter than one of latitude by
        // cos(latitude). Walking outwards in degrees, a place `d` degrees away is at least
        // `d × cos(latitude) × metres per degree` away, so once that passes the limit-th best
        // distance found, nothing further in that layer can come closer.
        const METRES_PER_DEGREE: f64 = 111_194.9;
        let widest = (centre.lat.abs() + 1.0).min(89.0).to_radians().cos();
        let mut found: Vec<NearbyPlace> = Vec::new();
        for tree in self.trees(shown) {
            for (pin, degrees_squared) in tree.nearest_in(centre, area, |pin| shown.includes(pin)) {
                let lower_bound_m = degrees_squared.sqrt() * widest * METRES_PER_DEGREE;
                if found.len() >= limit && lower_bound_m > found[limit - 1].distance_m {
                    break;
                }
                let place = pin.unnamed(centre.metres_to(pin.position()));
                super::model::insert_nearest_first(&mut found, place, limit);
            }
        }
        found
    }
}

/// The shared, self-refreshing copy of the map. Cloning shares it.
#[derive(Clone, Debug, Default)]
pub struct MapIndex {
    current: Arc<RwLock<Option<Arc<Snapshot>>>>,
    /// One reload at a time; others wait for it instead of loading the same data again.
    reloading: Arc<tokio::sync::Mutex<()>>,
    /// The places holding the words of the last few searches.
    matches: MatchesCache,
}

impl MapIndex {
    /// Markers and list for the visible area at `zoom`, named.
    pub async fn view(
        &self,
        pool: &AnyPool,
        area: BBox,
        zoom: u8,
        filter: &MapFilter,
    ) -> Result<MapView, sqlx::Error> {
        let (snapshot, matches) = self.with_matches(pool, filter).await?;
        let shown = Shown {
            filter,
            matches: matches.as_ref(),
        };
        let mut view = snapshot.view(area, zoom, shown);
        view.too_many_matches = matches.as_ref().is_some_and(Matches::too_many);
        super::names::name_view(pool, &mut view).await?;
        Ok(view)
    }

    /// The `limit` places nearest `centre` that pass `filter`, nearest first, named.
    pub async fn nearest(
        &self,
        pool: &AnyPool,
        centre: LatLng,
        limit: usize,
        filter: &MapFilter,
    ) -> Result<Vec<NearbyPlace>, sqlx::Error> {
        let (snapshot, matches) = self.with_matches(pool, filter).await?;
        let shown = Shown {
            filter,
            matches: matches.as_ref(),
        };
        let places = snapshot.nearest(centre, limit, shown);
        super::names::name_list(pool, places, limit).await
    }

    /// The map as the database has it now, and the places in it holding `filter`'s words (none
    /// when it has no words).
    async fn with_matches(
        &self,
        pool: &AnyPool,
        filter: &MapFilter,
    ) -> Result<(Arc<Snapshot>, Option<Matches>), sqlx::Error> {
        let snapshot = self.snapshot(pool).await?;
        let matches = self.matches.get(pool, &snapshot, filter).await?;
        Ok((snapshot, matches))
    }

    /// The map as the database has it now: the layers whose tables changed since the copy in
    /// memory are read again, the others kept.
    pub async fn snapshot(&self, pool: &AnyPool) -> Result<Arc<Snapshot>, sqlx::Error> {
        let versions = database_versions(pool).await?;
        if let Some(snapshot) = self.fresh(&versions) {
            return Ok(snapshot);
        }
        let _only_one = self.reloading.lock().await;
        if let Some(snapshot) = self.fresh(&versions) {
            return Ok(snapshot);
        }
        let mut layers = match self.current() {
            Some(before) => before.layers.clone(),
            None => std::array::from_fn(|_| Arc::new(LayerPins::unread())),
        };
        // The versions were read before the places: a change made meanwhile leaves the layer
        // marked older than the database, so the next request reads it again.
        for (layer, kept) in Layer::ALL.into_iter().zip(&mut layers) {
            let version = versions[layer as usize];
            if kept.version < version {
                *kept = Arc::new(read_layer(pool, layer, version).await?);
            }
        }
        let snapshot = Arc::new(Snapshot { layers });
        *self.current.write().unwrap_or_else(|e| e.into_inner()) = Some(snapshot.clone());
        Ok(snapshot)
    }

    fn current(&self) -> Option<Arc<Snapshot>> {
        let current = self.current.read().unwrap_or_else(|e| e.into_inner());
        current.clone()
    }

    fn fresh(&self, versions: &LayerVersions) -> Option<Arc<Snapshot>> {
        self.current().filter(|snapshot| {
            snapshot
                .versions()
                .iter()
                .zip(versions)
                .all(|(have, wanted)| have >= wanted)
        })
    }
}

/// One layer's places as its tables hold them, in an index made the right size at once (a list
/// that grows by doubling holds the old and the new copy at once: half again its size at the peak).
async fn read_layer(pool: &AnyPool, layer: Layer, version: i64) -> Result<LayerPins, sqlx::Error> {
    let mut pins = Vec::with_capacity(super::sources::at_most(pool, layer).await?);
    super::sources::load_layer(pool, layer, &mut pins).await?;
    Ok(LayerPins::new(version, pins))
}

/// The version of each layer's tables (`map_version` has a column per layer, named as in URLs;
/// triggers bump them).
async fn database_versions(pool: &AnyPool) -> Result<LayerVersions, sqlx::Error> {
    static SQL: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        let columns = Layer::ALL.map(Layer::as_str).join(", ");
        format!("SELECT {columns} FROM map_version WHERE id = 1")
    });
    let row = sqlx::query(&SQL).fetch_one(pool).await?;
    let mut versions = [0; Layer::ALL.len()];
    for (at, version) in versions.iter_mut().enumerate() {
        *version = row.try_get(at)?;
    }
    Ok(versions)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::model::{Layer, PlaceKind};
    use crate::orgs::model::OrgKind;
    use crate::resources::model::ResourceKind;
    use proptest::prelude::*;

    fn pin(id: i64, lat: f64, lng: f64) -> Pin {
        Pin {
            lat,
            lng,
            id,
            kind: PlaceKind::Organisation(OrgKind::Ngo),
            tier: None,
        }
    }

    fn everything() -> MapFilter {
        MapFilter::everything()
    }

    #[test]
    fn a_search_shows_only_the_places_holding_its_words() {
        let centre = LatLng::new(26.58, 106.71);
        let cafe = Pin {
            tier: Some(Tier::Verified),
            ..pin(7, 26.58, 106.71)
        };
        // The same id in another layer is another place.
        let toilet = Pin {
            kind: PlaceKind::Resource(ResourceKind::ALL[0]),
            ..pin(7, 26.581, 106.711)
        };
        let snapshot = Snapshot::new(1, vec![cafe, pin(8, 26.582, 106.712), toilet]);
        let ids = |shown: Shown| {
            let found = snapshot.nearest(centre, 10, shown);
            found
                .into_iter()
                .map(|p| (p.kind.layer(), p.id))
                .collect::<Vec<_>>()
        };
        let all = everything();
        let orgs = (Layer::Organisations, 7);
        let shown = |matches| Shown {
            filter: &all,
            matches,
        };
        assert_eq!(
            ids(shown(None)),
            [orgs, (Layer::Resources, 7), (Layer::Organisations, 8)]
        );
        let (words, none) = (
            Matches::of(&snapshot, vec![(Layer::Organisations, vec![7])]),
            Matches::of(&snapshot, Vec::new()),
        );
        assert_eq!(ids(shown(Some(&words))), [orgs]);
        assert_eq!(ids(shown(Some(&none))), []);
        let only_resources = MapFilter::parse(Some("resources"), None, None).unwrap();
        let resources = Shown {
            filter: &only_resources,
            matches: None,
        };
        assert_eq!(ids(resources), [(Layer::Resources, 7)]);
        // A listed place comes whole but for its name, which the database gives.
        let listed = snapshot.nearest(centre, 1, shown(None));
        assert_eq!(
            listed[0],
            NearbyPlace {
                kind: cafe.kind,
                id: 7,
                name: String::new(),
                address: String::new(),
                tier: Some(Tier::Verified),
                lat: 26.58,
                lng: 106.71,
                distance_m: 0.0,
            }
        );
    }

    proptest! {
        /// The tree's nearest places are the true nearest in metres (checked by sorting them all).
        #[test]
        fn nearest_matches_a_full_sort(
            points in prop::collection::vec((26.3f64..26.9, 106.4f64..107.0), 1..300),
            centre in (26.3f64..26.9, 106.4f64..107.0),
            limit in 1usize..50,
        ) {
            let pins: Vec<Pin> = points
                .iter()
                .enumerate()
                .map(|(i, (lat, lng))| pin(i as i64, *lat, *lng))
                .collect();
            let centre = LatLng::new(centre.0, centre.1);
            let snapshot = Snapshot::new(1, pins.clone());
            let all = everything();
            let shown = Shown { filter: &all, matches: None };
            let found = snapshot.nearest(centre, limit, shown);
            let mut expected: Vec<f64> = pins
                .iter()
                .map(|p| centre.metres_to(p.position()))
                .collect();
            expected.sort_by(f64::total_cmp);
            expected.truncate(limit);
            let got: Vec<f64> = found.iter().map(|p| p.distance_m).collect();
            prop_assert_eq!(got, expected);
        }

        /// Every place shown in the area is counted once, whatever the zoom and layers, and the
        /// boxes taken whole give the markers that clustering the shown pins one by one gives.
        #[test]
        fn the_view_counts_the_places_in_the_area(
            points in prop::collection::vec((26.3f64..26.9, 106.4f64..107.0, any::<bool>()), 0..1500),
            corner_a in (26.3f64..26.9, 106.4f64..107.0),
            corner_b in (26.3f64..26.9, 106.4f64..107.0),
            zoom in 0u8..=19,
            only_orgs in any::<bool>(),
        ) {
            let pins: Vec<Pin> = points
                .iter()
                .enumerate()
                .map(|(i, (lat, lng, resource))| Pin {
                    kind: if *resource {
                        PlaceKind::Resource(ResourceKind::ALL[0])
                    } else {
                        PlaceKind::Organisation(OrgKind::Ngo)
                    },
                    ..pin(i as i64, *lat, *lng)
                })
                .collect();
            let area = BBox {
                south: corner_a.0.min(corner_b.0),
                west: corner_a.1.min(corner_b.1),
                north: corner_a.0.max(corner_b.0),
                east: corner_a.1.max(corner_b.1),
            };
            let snapshot = Snapshot::new(1, pins.clone());
            let filter = match only_orgs {
                true => MapFilter::parse(Some("orgs"), None, None).unwrap(),
                false => everything(),
            };
            let shown = Shown { filter: &filter, matches: None };
            let view = snapshot.view(area, zoom, shown);
            let inside: Vec<&Pin> = pins
                .iter()
                .filter(|p| area.contains(p.position()) && shown.includes(p))
                .collect();
            prop_assert_eq!(view.total, inside.len());
            prop_assert_eq!(snapshot.count_in_area(area, shown), inside.len());
            let one_by_one = super::super::cluster::cluster(
                inside.iter().map(|p| Part::One(*p)),
                &Grid::new(area, zoom),
            );
            prop_assert_eq!(view.markers.len(), one_by_one.len());
            for (got, expected) in view.markers.iter().zip(&one_by_one) {
                prop_assert_eq!(got.count(), expected.count());
            }
            prop_assert!(view.list.len() <= NEARBY_LIMIT + 1);
            prop_assert_eq!(view.list.len(), inside.len().min(NEARBY_LIMIT + 1));
            let middle = area.middle();
            let nearest = inside
                .iter()
                .map(|p| middle.metres_to(p.position()))
                .fold(f64::INFINITY, f64::min);
            if let Some(first) = view.list.first() {
                prop_assert_eq!(first.distance_m, nearest);
            }
        }
    }
}
