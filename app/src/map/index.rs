//! Everything on the map, held in memory in an R*-tree so a visible-area query reads only the points
//! in that area. The database's `map_version` (bumped by triggers on every change to a place) says
//! when the copy is stale; each server checks it per request and reloads, so servers sharing one
//! PostgreSQL database agree within one request of a change.

use super::cluster::BBox;
use super::geo::LatLng;
use super::model::NearbyPlace;
use super::view::{map_view, MapFilter, MapView};
use rstar::{PointDistance, RTree, RTreeObject, AABB};
use sqlx::AnyPool;
use std::sync::{Arc, RwLock};

/// One place in the index, with the lower-case text that search matches.
#[derive(Debug)]
pub struct Entry {
    pub place: NearbyPlace,
    /// Name and address in lower case, only where that differs from them: most places have
    /// Chinese names, and a million places need not hold their names twice.
    lowercase: Option<Box<str>>,
}

impl Entry {
    pub fn new(place: NearbyPlace) -> Entry {
        let text = format!("{}\n{}", place.name, place.address);
        let lower = text.to_lowercase();
        let lowercase = (lower != text).then(|| lower.into_boxed_str());
        Entry { place, lowercase }
    }

    fn matches(&self, filter: &MapFilter) -> bool {
        filter.matches(&self.place, self.lowercase.as_deref())
    }
}

impl RTreeObject for Entry {
    type Envelope = AABB<[f64; 2]>;

    fn envelope(&self) -> Self::Envelope {
        AABB::from_point([self.place.lng, self.place.lat])
    }
}

impl PointDistance for Entry {
    fn distance_2(&self, point: &[f64; 2]) -> f64 {
        let (dx, dy) = (self.place.lng - point[0], self.place.lat - point[1]);
        dx * dx + dy * dy
    }
}

/// The map at one version of the database.
#[derive(Debug)]
pub struct Snapshot {
    version: i64,
    tree: RTree<Entry>,
}

impl Snapshot {
    pub fn new(version: i64, places: Vec<NearbyPlace>) -> Snapshot {
        Snapshot {
            version,
            tree: RTree::bulk_load(places.into_iter().map(Entry::new).collect()),
        }
    }

    pub fn len(&self) -> usize {
        self.tree.size()
    }

    pub fn is_empty(&self) -> bool {
        self.tree.size() == 0
    }

    /// The places inside `area` that pass `filter`.
    pub fn in_area<'a>(
        &'a self,
        area: BBox,
        filter: &'a MapFilter,
    ) -> impl Iterator<Item = &'a NearbyPlace> + 'a {
        let envelope = AABB::from_corners([area.west, area.south], [area.east, area.north]);
        self.tree
            .locate_in_envelope(&envelope)
            .filter(move |entry| entry.matches(filter))
            .map(|entry| &entry.place)
    }

    /// Markers and list for the visible area at `zoom`.
    pub fn view(&self, area: BBox, zoom: u8, filter: &MapFilter) -> MapView {
        let places: Vec<&NearbyPlace> = self.in_area(area, filter).collect();
        map_view(&places, area, zoom)
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
        for (entry, degrees_squared) in self
            .tree
            .nearest_neighbor_iter_with_distance_2(&[centre.lng, centre.lat])
        {
            let lower_bound_m = degrees_squared.sqrt() * widest * METRES_PER_DEGREE;
            if found.len() >= limit && lower_bound_m > found[limit - 1].distance_m {
                break;
            }
            if !entry.matches(filter) {
                continue;
            }
            let distance_m = centre.metres_to(LatLng::new(entry.place.lat, entry.place.lng));
            found.push(NearbyPlace {
                distance_m,
                ..entry.place.clone()
            });
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
        let snapshot = Arc::new(Snapshot::new(
            version,
            super::sources::all_places(pool).await?,
        ));
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
