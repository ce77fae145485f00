//! Everything on the map, held in memory in a packed spatial index so a visible-area query reads only
//! the points in that area. The database's `map_version` (bumped by triggers on every change to a place) says
//! when the copy is stale; each server checks it per request and reloads, so servers sharing one
//! PostgreSQL database agree within one request of a change.

use super::cluster::{BBox, Located};
use super::geo::LatLng;
use super::model::{NearbyPlace, PlaceKind};
use super::packed::PackedIndex;
use super::view::{map_view, MapFilter, MapView};
use crate::orgs::model::Tier;
use sqlx::AnyPool;
use std::sync::{Arc, RwLock};

/// One place in the index: where it is, what it is, and where its name and address lie in the
/// snapshot's text. A city can hold a million places, so an entry keeps no strings of its own
/// (one allocation each would cost more than the entry) and the text sits in one buffer.
#[derive(Debug)]
struct Entry {
    lat: f64,
    lng: f64,
    id: i64,
    /// Where the name starts in `Snapshot::text`; the address follows it.
    text_at: u32,
    name_len: u32,
    address_len: u32,
    kind: PlaceKind,
    tier: Option<Tier>,
}

impl Located for Entry {
    fn position(&self) -> LatLng {
        LatLng::new(self.lat, self.lng)
    }
}

/// The map at one version of the database.
#[derive(Debug)]
pub struct Snapshot {
    version: i64,
    tree: PackedIndex<Entry>,
    /// Every place's name and address, one after the other.
    text: String,
}

/// Builds a snapshot place by place, so the places never all sit in memory as `NearbyPlace`s.
#[derive(Default)]
pub struct SnapshotBuilder {
    entries: Vec<Entry>,
    text: String,
}

impl SnapshotBuilder {
    /// Adds a place. Text past what a `u32` can address (4 GB of names) is left out rather than
    /// wrapped around.
    pub fn push(&mut self, place: NearbyPlace) {
        let (Ok(text_at), Ok(name_len), Ok(address_len)) = (
            u32::try_from(self.text.len()),
            u32::try_from(place.name.len()),
            u32::try_from(place.address.len()),
        ) else {
            return;
        };
        self.text.push_str(&place.name);
        self.text.push_str(&place.address);
        self.entries.push(Entry {
            lat: place.lat,
            lng: place.lng,
            id: place.id,
            text_at,
            name_len,
            address_len,
            kind: place.kind,
            tier: place.tier,
        });
    }

    /// The text and the entries keep the room they grew into: room never written to takes no
    /// memory, while shrinking would copy a million places once more at the peak of the load.
    pub fn build(self, version: i64) -> Snapshot {
        Snapshot {
            version,
            tree: PackedIndex::new(self.entries),
            text: self.text,
        }
    }
}

impl Extend<NearbyPlace> for SnapshotBuilder {
    fn extend<I: IntoIterator<Item = NearbyPlace>>(&mut self, places: I) {
        places.into_iter().for_each(|place| self.push(place));
    }
}

impl Snapshot {
    pub fn new(version: i64, places: Vec<NearbyPlace>) -> Snapshot {
        let mut builder = SnapshotBuilder::default();
        builder.extend(places);
        builder.build(version)
    }

    pub fn len(&self) -> usize {
        self.tree.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tree.is_empty()
    }

    fn name_and_address(&self, entry: &Entry) -> (&str, &str) {
        let name_at = entry.text_at as usize;
        let address_at = name_at + entry.name_len as usize;
        (
            &self.text[name_at..address_at],
            &self.text[address_at..address_at + entry.address_len as usize],
        )
    }

    fn passes(&self, entry: &Entry, filter: &MapFilter) -> bool {
        let (name, address) = self.name_and_address(entry);
        filter.shows(entry.kind) && filter.text_in(name, address)
    }

    /// The whole place, for the few that are listed or drawn one by one.
    fn place(&self, entry: &Entry, distance_m: f64) -> NearbyPlace {
        let (name, address) = self.name_and_address(entry);
        NearbyPlace {
            kind: entry.kind,
            id: entry.id,
            name: name.to_string(),
            address: address.to_string(),
            tier: entry.tier,
            lat: entry.lat,
            lng: entry.lng,
            distance_m,
        }
    }

    fn entries_in<'a>(
        &'a self,
        area: BBox,
        filter: &'a MapFilter,
    ) -> impl Iterator<Item = &'a Entry> + 'a {
        self.tree
            .in_area(area)
            .filter(move |entry| self.passes(entry, filter))
    }

    /// How many places inside `area` pass `filter` (the visible-area query alone).
    pub fn count_in_area(&self, area: BBox, filter: &MapFilter) -> usize {
        self.entries_in(area, filter).count()
    }

    /// Markers and list for the visible area at `zoom`.
    pub fn view(&self, area: BBox, zoom: u8, filter: &MapFilter) -> MapView {
        let entries: Vec<&Entry> = self.entries_in(area, filter).collect();
        map_view(&entries, area, zoom, |entry, distance_m| {
            self.place(entry, distance_m)
        })
    }

    /// The `limit` places nearest `centre` that pass `filter`, nearest first, with distances.
    pub fn nearest(&self, centre: LatLng, limit: usize, filter: &MapFilter) -> Vec<NearbyPlace> {
        // The tree measures in degrees; a degree of longitude is shorter than one of latitude by
        // cos(latitude). Walking outwards in degrees, a place `d` degrees away is at least
        // `d × cos(latitude) × metres per degree` away, so once that passes the limit-th best
        // distance found, nothing further can come closer.
        const METRES_PER_DEGREE: f64 = 111_194.9;
        let widest = (centre.lat.abs() + 1.0).min(89.0).to_radians().cos();
        let mut found: Vec<NearbyPlace> = Vec::new();
        for (entry, degrees_squared) in self.tree.nearest(centre) {
            let lower_bound_m = degrees_squared.sqrt() * widest * METRES_PER_DEGREE;
            if found.len() >= limit && lower_bound_m > found[limit - 1].distance_m {
                break;
            }
            if !self.passes(entry, filter) {
                continue;
            }
            found.push(self.place(entry, centre.metres_to(entry.position())));
            found = super::model::nearest_first(found, limit);
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
}

impl MapIndex {
    /// The map as the database has it now.
    pub async fn snapshot(&self, pool: &AnyPool) -> Result<Arc<Snapshot>, sqlx::Error> {
        let version = database_version(pool).await?;
        if let Some(snapshot) = self.fresh(version) {
            return Ok(snapshot);
        }
        let _only_one = self.reloading.lock().await;
        if let Some(snapshot) = self.fresh(version) {
            return Ok(snapshot);
        }
        // Read the version before the places: a change made meanwhile leaves this copy marked
        // older than the database, so the next request loads again.
        let mut places = SnapshotBuilder::default();
        super::sources::load_places(pool, &mut places).await?;
        let snapshot = Arc::new(places.build(version));
        *self.current.write().unwrap_or_else(|e| e.into_inner()) = Some(snapshot.clone());
        Ok(snapshot)
    }

    fn fresh(&self, version: i64) -> Option<Arc<Snapshot>> {
        let current = self.current.read().unwrap_or_else(|e| e.into_inner());
        current
            .as_ref()
            .filter(|snapshot| snapshot.version >= version)
            .cloned()
    }
}

async fn database_version(pool: &AnyPool) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT version FROM map_version WHERE id = 1")
        .fetch_one(pool)
        .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::model::PlaceKind;
    use crate::orgs::model::OrgKind;
    use proptest::prelude::*;

    fn place(id: i64, lat: f64, lng: f64) -> NearbyPlace {
        NearbyPlace {
            kind: PlaceKind::Organisation(OrgKind::Ngo),
            id,
            name: format!("place {id}"),
            address: String::new(),
            tier: None,
            lat,
            lng,
            distance_m: 0.0,
        }
    }

    #[test]
    fn places_come_back_whole_and_are_found_by_their_words() {
        let mut cafe = place(7, 26.58, 106.71);
        cafe.name = "Fairy Cafe 仙女咖啡".into();
        cafe.address = "中华北路 1 号".into();
        cafe.tier = Some(crate::orgs::model::Tier::Verified);
        let mut plain = place(8, 26.581, 106.711);
        plain.address = "Zhonghua Road".into();
        let snapshot = Snapshot::new(1, vec![cafe.clone(), plain.clone()]);
        let centre = LatLng::new(26.58, 106.71);
        let search = |q: &str| {
            let filter = MapFilter::parse(None, None, Some(q)).unwrap();
            let found = snapshot.nearest(centre, 10, &filter);
            found.into_iter().map(|p| p.id).collect::<Vec<_>>()
        };
        assert_eq!(search(""), [7, 8]);
        assert_eq!(search("FAIRY"), [7]);
        assert_eq!(search("咖啡"), [7]);
        assert_eq!(search("北路"), [7]);
        assert_eq!(search("zhonghua"), [8]);
        assert_eq!(search("cafe\n中华"), Vec::<i64>::new());
        let listed = snapshot.nearest(centre, 1, &MapFilter::everything());
        assert_eq!(
            listed[0],
            NearbyPlace {
                distance_m: 0.0,
                ..cafe
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
            let places: Vec<NearbyPlace> = points
                .iter()
                .enumerate()
                .map(|(i, (lat, lng))| place(i as i64, *lat, *lng))
                .collect();
            let centre = LatLng::new(centre.0, centre.1);
            let snapshot = Snapshot::new(1, places.clone());
            let found = snapshot.nearest(centre, limit, &MapFilter::everything());
            let mut expected: Vec<f64> = places
                .iter()
                .map(|p| centre.metres_to(LatLng::new(p.lat, p.lng)))
                .collect();
            expected.sort_by(f64::total_cmp);
            expected.truncate(limit);
            let got: Vec<f64> = found.iter().map(|p| p.distance_m).collect();
            prop_assert_eq!(got, expected);
        }

        /// Every place in the area is counted once, whatever the zoom.
        #[test]
        fn the_view_counts_the_places_in_the_area(
            points in prop::collection::vec((26.3f64..26.9, 106.4f64..107.0), 0..300),
            corner_a in (26.3f64..26.9, 106.4f64..107.0),
            corner_b in (26.3f64..26.9, 106.4f64..107.0),
            zoom in 0u8..=19,
        ) {
            let places: Vec<NearbyPlace> = points
                .iter()
                .enumerate()
                .map(|(i, (lat, lng))| place(i as i64, *lat, *lng))
                .collect();
            let area = BBox {
                south: corner_a.0.min(corner_b.0),
                west: corner_a.1.min(corner_b.1),
                north: corner_a.0.max(corner_b.0),
                east: corner_a.1.max(corner_b.1),
            };
            let snapshot = Snapshot::new(1, places.clone());
            let view = snapshot.view(area, zoom, &MapFilter::everything());
            let inside = places.iter().filter(|p| area.contains(LatLng::new(p.lat, p.lng))).count();
            prop_assert_eq!(view.total, inside);
            prop_assert_eq!(view.markers.iter().map(|m| m.count()).sum::<usize>(), inside);
        }
    }
}
