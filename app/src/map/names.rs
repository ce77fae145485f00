//! Names and addresses of the map's places, which the index does not hold: at a million places
//! they would be more memory than all the rest of the index. The few places a view draws one by
//! one or lists are named from the database; a search by words asks the database once which
//! places hold them, and that answer serves every view of the search until the map changes.

use super::id_set::IdSet;
use super::model::{nearest_first, Layer, NearbyPlace, NEARBY_LIMIT};
use super::view::{MapFilter, MapMarker, MapView};
use sqlx::AnyPool;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// The places whose name or address holds a search's words, layer by layer.
#[derive(Debug)]
pub struct Matches {
    by_layer: Vec<(Layer, IdSet)>,
}

impl Matches {
    /// Asks each layer's table which of its places hold `text` (lower case).
    async fn find(pool: &AnyPool, text: &str) -> Result<Matches, sqlx::Error> {
        let mut by_layer = Vec::with_capacity(Layer::ALL.len());
        for layer in Layer::ALL {
            let ids = super::sources::ids_with_text(pool, layer, text).await?;
            by_layer.push((layer, ids));
        }
        Ok(Matches { by_layer })
    }

    /// The given places of each layer.
    #[cfg(test)]
    pub(crate) fn of(ids: Vec<(Layer, Vec<i64>)>) -> Matches {
        Matches {
            by_layer: ids
                .into_iter()
                .map(|(layer, ids)| (layer, ids.into_iter().collect()))
                .collect(),
        }
    }

    pub fn contains(&self, layer: Layer, id: i64) -> bool {
        self.by_layer
            .iter()
            .any(|(l, ids)| *l == layer && ids.contains(id))
    }
}

/// How many searches' answers are kept: enough for a few people searching at once, each answer a
/// bit per place at most (125 KB a layer at a million places).
const KEPT_SEARCHES: usize = 16;

/// The answers of the last few searches, for the version of the map each was found in.
#[derive(Clone, Debug, Default)]
pub struct MatchesCache {
    /// Oldest first.
    kept: Arc<Mutex<Vec<(i64, String, Arc<Matches>)>>>,
}

impl MatchesCache {
    /// The places holding `filter`'s words in the map at `version`; none when it has no words.
    pub async fn get(
        &self,
        pool: &AnyPool,
        version: i64,
        filter: &MapFilter,
    ) -> Result<Option<Arc<Matches>>, sqlx::Error> {
        if filter.text.is_empty() {
            return Ok(None);
        }
        let same =
            |(v, text, _): &(i64, String, Arc<Matches>)| *v == version && *text == filter.text;
        if let Some(found) = self.lock().iter().find(|kept| same(kept)) {
            return Ok(Some(found.2.clone()));
        }
        let matches = Arc::new(Matches::find(pool, &filter.text).await?);
        let mut kept = self.lock();
        // Answers for older versions of the map are of no more use.
        kept.retain(|(v, text, _)| *v == version && *text != filter.text);
        if kept.len() >= KEPT_SEARCHES {
            kept.remove(0);
        }
        kept.push((version, filter.text.clone(), matches.clone()));
        Ok(Some(matches))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<(i64, String, Arc<Matches>)>> {
        self.kept.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Names and addresses of some places, read from their tables.
struct Names(HashMap<(Layer, i64), (String, String)>);

impl Names {
    async fn of<'a>(
        pool: &AnyPool,
        places: impl Iterator<Item = &'a NearbyPlace>,
    ) -> Result<Names, sqlx::Error> {
        let mut wanted: HashMap<Layer, Vec<i64>> = HashMap::new();
        for place in places {
            wanted.entry(place.kind.layer()).or_default().push(place.id);
        }
        let mut names = HashMap::new();
        for (layer, mut ids) in wanted {
            ids.sort_unstable();
            ids.dedup();
            for (id, name, address) in super::sources::names(pool, layer, &ids).await? {
                names.insert((layer, id), (name, address));
            }
        }
        Ok(Names(names))
    }

    /// Names the place; false when it is no longer in its table.
    fn give(&self, place: &mut NearbyPlace) -> bool {
        match self.0.get(&(place.kind.layer(), place.id)) {
            Some((name, address)) => {
                place.name.clone_from(name);
                place.address.clone_from(address);
                true
            }
            None => false,
        }
    }
}

/// Names the places a view draws one by one and lists. One deleted since the index was read (a
/// moment ago: each request checks the map's version first) is left out.
pub async fn name_view(pool: &AnyPool, view: &mut MapView) -> Result<(), sqlx::Error> {
    let singles = view.markers.iter().filter_map(|marker| match marker {
        MapMarker::Place(place) => Some(place),
        MapMarker::Cluster { .. } => None,
    });
    let names = Names::of(pool, singles.chain(&view.list)).await?;
    let drawn = view.markers.len();
    view.markers.retain_mut(|marker| match marker {
        MapMarker::Place(place) => names.give(place),
        MapMarker::Cluster { .. } => true,
    });
    view.total -= drawn - view.markers.len();
    view.list.retain_mut(|place| names.give(place));
    // Places the same distance away go by name, now that they have one.
    view.list = nearest_first(std::mem::take(&mut view.list), NEARBY_LIMIT);
    Ok(())
}

/// Names a list of places (nearest first), leaving out any deleted meanwhile.
pub async fn name_list(
    pool: &AnyPool,
    mut places: Vec<NearbyPlace>,
    limit: usize,
) -> Result<Vec<NearbyPlace>, sqlx::Error> {
    let names = Names::of(pool, places.iter()).await?;
    places.retain_mut(|place| names.give(place));
    Ok(nearest_first(places, limit))
}
