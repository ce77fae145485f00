//! Names and addresses of the map's places, which the index does not hold: at a million places
//! they would be more memory than all the rest of the index. The few places a view draws one by
//! one or lists are named from the database; a search by words asks the database once which
//! places of each layer hold them, and those places, indexed apart, serve every view of the
//! search until the layer changes.

use super::index::{LayerTree, Pin, Snapshot};
use super::model::{nearest_first, Layer, NearbyPlace, NEARBY_LIMIT};
use super::view::{MapFilter, MapMarker, MapView};
use sqlx::AnyPool;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// The places holding a search's words, in each layer shown, as an index of their own: a view of
/// a search walks those few places, not the million around them (none for a layer where more
/// than `MOST_MATCHES` hold them: the map shows none of them and asks for other words).
#[derive(Debug)]
pub struct Matches {
    by_layer: Vec<(Layer, Option<Arc<LayerTree>>)>,
}

impl Matches {
    /// The places of `snapshot` with the given ids, in each layer.
    #[cfg(test)]
    pub(crate) fn of(snapshot: &Snapshot, ids: Vec<(Layer, Vec<i64>)>) -> Matches {
        Matches {
            by_layer: ids
                .into_iter()
                .map(|(layer, ids)| {
                    let ids = ids.into_iter().collect();
                    (layer, Some(Arc::new(matching_pins(snapshot, layer, &ids))))
                })
                .collect(),
        }
    }

    /// The index of `layer`'s places holding the words; none when none are shown.
    pub fn tree(&self, layer: Layer) -> Option<&LayerTree> {
        self.by_layer
            .iter()
            .find(|(l, _)| *l == layer)
            .and_then(|(_, tree)| tree.as_deref())
    }

    /// Whether some layer had too many matches to show.
    pub fn too_many(&self) -> bool {
        self.by_layer.iter().any(|(_, tree)| tree.is_none())
    }
}

/// The pins of `layer` whose ids are in `ids`, indexed: one pass over the layer.
fn matching_pins(snapshot: &Snapshot, layer: Layer, ids: &super::id_set::IdSet) -> LayerTree {
    if ids.is_empty() {
        return LayerTree::new(Vec::new());
    }
    let pins: Vec<Pin> = snapshot
        .pins(layer)
        .iter()
        .filter(|pin| ids.contains(pin.id))
        .copied()
        .collect();
    LayerTree::new(pins)
}

/// How many answers are kept: enough for a few people searching at once in every layer, each
/// answer at most `MOST_MATCHES` pins (160 KB).
const KEPT_ANSWERS: usize = 8 * Layer::ALL.len();

/// The places of one layer holding some words, at one version of its tables.
#[derive(Debug)]
struct Answer {
    layer: Layer,
    version: i64,
    text: String,
    /// None: too many.
    pins: Option<Arc<LayerTree>>,
}

/// The answers of the last few searches, layer by layer: a change to one layer asks again in that
/// layer only.
#[derive(Clone, Debug, Default)]
pub struct MatchesCache {
    /// Oldest first.
    kept: Arc<Mutex<Vec<Answer>>>,
}

impl MatchesCache {
    /// The places of `snapshot` holding `filter`'s words in the layers it shows; none when it has
    /// no words.
    pub async fn get(
        &self,
        pool: &AnyPool,
        snapshot: &Snapshot,
        filter: &MapFilter,
    ) -> Result<Option<Matches>, sqlx::Error> {
        if filter.text.is_empty() {
            return Ok(None);
        }
        let versions = snapshot.versions();
        // The layers are asked at once: each query has a connection (on SQLite, a thread) of its
        // own, so an unseen search costs its slowest layer, not the sum of them all.
        let layers = Layer::ALL.into_iter().filter(|l| filter.shows_layer(*l));
        let by_layer = futures_util::future::try_join_all(layers.map(|layer| async move {
            let version = versions[layer as usize];
            let pins = match self.find(layer, version, &filter.text) {
                Some(pins) => pins,
                None => {
                    let ids = super::sources::ids_with_text(pool, layer, &filter.text).await?;
                    let pins = ids.map(|ids| Arc::new(matching_pins(snapshot, layer, &ids)));
                    self.keep(layer, version, &filter.text, pins)
                }
            };
            Ok::<_, sqlx::Error>((layer, pins))
        }))
        .await?;
        Ok(Some(Matches { by_layer }))
    }

    fn find(&self, layer: Layer, version: i64, text: &str) -> Option<Option<Arc<LayerTree>>> {
        self.lock()
            .iter()
            .find(|a| a.layer == layer && a.version == version && a.text == text)
            .map(|a| a.pins.clone())
    }

    fn keep(
        &self,
        layer: Layer,
        version: i64,
        text: &str,
        pins: Option<Arc<LayerTree>>,
    ) -> Option<Arc<LayerTree>> {
        let mut kept = self.lock();
        // Answers for older versions of the layer are of no more use.
        kept.retain(|a| {
            a.layer != layer || a.version > version || (a.version == version && a.text != text)
        });
        if kept.len() >= KEPT_ANSWERS {
            kept.remove(0);
        }
        kept.push(Answer {
            layer,
            version,
            text: text.to_string(),
            pins: pins.clone(),
        });
        pins
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Answer>> {
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
