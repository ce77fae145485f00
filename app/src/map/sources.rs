//! Where the map's places come from: one source per layer. A new layer adds its query here (and a
//! column of `map_version` that triggers bump when its tables change), and says where its names
//! and addresses are (`text_columns`): the index keeps only pins, and names are read when shown.

use super::id_set::IdSet;
use super::index::Pin;
use super::model::{Layer, NearbyPlace, PlaceKind};
use crate::db::search::Search;
use crate::db::DbKind;
use crate::resources::model::ResourceKind;
use futures_util::TryStreamExt;
use sqlx::AnyPool;

/// Adds every place of `layer` that belongs on the map.
pub async fn load_layer(
    pool: &AnyPool,
    layer: Layer,
    places: &mut Vec<Pin>,
) -> Result<(), sqlx::Error> {
    match layer {
        Layer::Organisations => organisations(pool, places).await,
        Layer::Events => events(pool, places).await,
        Layer::Resources => resources(pool, places).await,
        Layer::Items => items(pool, places).await,
        Layer::Help => {
            places.extend(neighbours(pool).await?.iter().map(Pin::of));
            Ok(())
        }
    }
}

/// How many places `layer` can have at most: the rows of the table it comes from, so that its
/// index is made the right size at once.
pub async fn at_most(pool: &AnyPool, layer: Layer) -> Result<usize, sqlx::Error> {
    let table = text_columns(layer).map_or("coop_members", |columns| columns.table);
    let rows: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(pool)
        .await?;
    Ok(usize::try_from(rows).unwrap_or(0))
}

/// Things on offer that can still be asked for, at their snapped cell (the only position stored),
/// row by row straight into the index.
async fn items(pool: &AnyPool, places: &mut Vec<Pin>) -> Result<(), sqlx::Error> {
    let rows = crate::items::db::on_the_map(pool, crate::db::now_unix());
    let mut rows = std::pin::pin!(rows);
    while let Some(item) = rows.try_next().await? {
        places.push(Pin {
            kind: PlaceKind::Item(item.category),
            id: item.id,
            tier: None,
            lat: item.cell_lat,
            lng: item.cell_lng,
        });
    }
    Ok(())
}

/// Published events that have not ended when the map loads. (One that ends later stays until the
/// map next reloads: the list and the event's page say it is over.)
async fn events(pool: &AnyPool, places: &mut Vec<Pin>) -> Result<(), sqlx::Error> {
    let events = crate::events::db::on_the_map(pool, crate::db::now_unix()).await?;
    places.extend(events.into_iter().map(|event| Pin {
        kind: PlaceKind::Event(event.category),
        id: event.id,
        tier: None,
        lat: event.lat,
        lng: event.lng,
    }));
    Ok(())
}

/// Every community resource (all are public): only the columns a pin holds, row by row straight
/// into the index, since a city can list a great many of them.
async fn resources(pool: &AnyPool, places: &mut Vec<Pin>) -> Result<(), sqlx::Error> {
    let mut rows = sqlx::query_as::<_, (i64, String, f64, f64)>(
        "SELECT id, kind, lat, lng FROM community_resources ORDER BY id",
    )
    .fetch(pool);
    while let Some((id, kind, lat, lng)) = rows.try_next().await? {
        let Some(kind) = ResourceKind::parse(&kind) else {
            continue;
        };
        places.push(Pin {
            kind: PlaceKind::Resource(kind),
            id,
            tier: None,
            lat,
            lng,
        });
    }
    Ok(())
}

/// Public organisations (not rejected) that have a location.
async fn organisations(pool: &AnyPool, places: &mut Vec<Pin>) -> Result<(), sqlx::Error> {
    let orgs = crate::orgs::db::on_the_map(pool).await?;
    places.extend(orgs.into_iter().filter_map(|org| {
        let (lat, lng) = org.details.location?;
        Some(Pin {
            kind: PlaceKind::Organisation(org.details.kind),
            id: org.id,
            tier: Some(org.verification.tier()),
            lat,
            lng,
        })
    }));
    Ok(())
}

/// Where a layer's places have the name and address the map shows: a table and two SQL
/// expressions over its columns.
struct TextColumns {
    table: &'static str,
    name: &'static str,
    address: &'static str,
}

/// None for the help layer: what it may show of a member is decided in Rust (`help::map_pins`).
fn text_columns(layer: Layer) -> Option<TextColumns> {
    let columns = |table, name, address| {
        Some(TextColumns {
            table,
            name,
            address,
        })
    };
    match layer {
        Layer::Organisations => columns("organisations", "name", "address"),
        // An event's place name when it has one (a hall, a park), else its street address.
        Layer::Events => columns(
            "events",
            "title",
            "CASE WHEN place_name = '' THEN address ELSE place_name END",
        ),
        Layer::Resources => columns("community_resources", "name", "address"),
        Layer::Items => columns("items", "title", "''"),
        Layer::Help => None,
    }
}

/// How many ids one query asks for: far below either database's limit on parameters.
const IDS_A_QUERY: usize = 500;

/// The names and addresses of these places of one layer (those still there), by id.
pub async fn names(
    pool: &AnyPool,
    layer: Layer,
    ids: &[i64],
) -> Result<Vec<(i64, String, String)>, sqlx::Error> {
    let Some(columns) = text_columns(layer) else {
        return Ok(neighbours(pool)
            .await?
            .into_iter()
            .filter(|pin| ids.contains(&pin.id))
            .map(|pin| (pin.id, pin.name, pin.address))
            .collect());
    };
    let mut found = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(IDS_A_QUERY) {
        let marks = (1..=chunk.len())
            .map(|n| format!("${n}"))
            .collect::<Vec<_>>()
            .join(", ");
        let TextColumns {
            table,
            name,
            address,
        } = &columns;
        let sql = format!("SELECT id, {name}, {address} FROM {table} WHERE id IN ({marks})");
        // Not kept as a prepared statement: every length of list would be one more, on every
        // connection (at a hundred each, tens of MB under load).
        let query = chunk
            .iter()
            .fold(sqlx::query_as(&sql).persistent(false), |query, id| {
                query.bind(*id)
            });
        found.extend(query.fetch_all(pool).await?);
    }
    Ok(found)
}

/// More places than this holding a search's words are not shown: the map asks for more precise
/// words instead. Reading the matches and indexing them apart is the cost (a word in every name
/// of a million places would read a million), and nobody looks through thousands of results on a
/// map.
pub const MOST_MATCHES: usize = 5_000;

/// A layer's own text index, over its name and address (or what stands for them).
struct TextIndex {
    table: &'static str,
    /// FTS5 tables, SQLite: trigrams, then single characters and pairs.
    trigrams: &'static str,
    grams: &'static str,
    /// PostgreSQL: the expression pg_trgm's index is on (a `grams` column holds the pairs).
    text: &'static str,
    /// Which rows are on the map (`{now}`: the time now), so that what is not shown does not count
    /// towards `MOST_MATCHES`.
    on_the_map: &'static str,
}

/// The layers that can hold a great many places. A listing is found by its title or description,
/// as on the board.
fn text_index(layer: Layer) -> Option<TextIndex> {
    match layer {
        Layer::Resources => Some(TextIndex {
            table: "community_resources",
            trigrams: "resources_text",
            grams: "resources_grams",
            text: "name || ' ' || address",
            on_the_map: "TRUE",
        }),
        Layer::Items => Some(TextIndex {
            table: "items",
            trigrams: "items_text",
            grams: "items_grams",
            text: "title || ' ' || description",
            // As `items::db::on_the_map`.
            on_the_map: "kind = 'offer' AND status = 'available' AND hidden_at IS NULL \
                         AND expires_at > {now}",
        }),
        Layer::Organisations | Layer::Events | Layer::Help => None,
    }
}

impl TextIndex {
    /// The ids of the rows on the map holding `$1` (bound to `search.value`; `$3` to
    /// `Search::gram` for `PgGramsThenLike`).
    fn query(&self, search: Search, now: i64) -> String {
        let TextIndex {
            table,
            trigrams,
            grams,
            text,
            on_the_map,
        } = self;
        let on_the_map = on_the_map.replace("{now}", &now.to_string());
        // SQLite: the text index leads, row by row, so that LIMIT stops it early (`id IN (…)`
        // read every match of a common word first: 370 ms for "云岩" at a million places).
        let led_by = |fts: &str| {
            format!(
                "SELECT t.id FROM {fts} CROSS JOIN {table} AS t ON t.id = {fts}.rowid \
                 WHERE {fts} MATCH $1 AND {on_the_map}"
            )
        };
        let holding = match search {
            Search::Trigrams => return led_by(trigrams),
            Search::Grams => return led_by(grams),
            Search::PgTrigrams => format!("({text}) ILIKE $1 ESCAPE '\\'"),
            Search::PgGrams => "grams @> ARRAY[CAST($1 AS TEXT)]".to_string(),
            Search::PgGramsThenLike => {
                format!("grams @> ARRAY[CAST($3 AS TEXT)] AND ({text}) ILIKE $1 ESCAPE '\\'")
            }
            // Answered without asking (`ids_with_text`).
            Search::Everything | Search::Nothing => "FALSE".to_string(),
        };
        format!("SELECT id FROM {table} WHERE {holding} AND {on_the_map}")
    }
}

/// The ids of one layer's places whose name or address holds `text` (lower case, trimmed, not
/// empty); none when more than `MOST_MATCHES` do. The large layers ask their text index; the small
/// ones (organisations, events) are read with LIKE.
pub async fn ids_with_text(
    pool: &AnyPool,
    layer: Layer,
    text: &str,
) -> Result<Option<IdSet>, sqlx::Error> {
    let words = crate::db::search::search_words(text);
    let text = words.as_str();
    let kind = crate::db::kind_of(pool);
    let search = Search::of(text, kind);
    if matches!(search, Search::Nothing | Search::Everything) {
        return Ok(Some(IdSet::default()));
    }
    let Some(TextColumns {
        table,
        name,
        address,
    }) = text_columns(layer)
    else {
        let filter = super::view::MapFilter {
            text: text.to_string(),
            ..super::view::MapFilter::everything()
        };
        let ids: Vec<i64> = neighbours(pool)
            .await?
            .into_iter()
            .filter(|pin| filter.text_in(&pin.name, &pin.address))
            .map(|pin| pin.id)
            .collect();
        return Ok((ids.len() <= MOST_MATCHES).then(|| ids.into_iter().collect()));
    };
    // The query, its `$1`, and its `$3` when it has one.
    let (matching, value, gram) = match text_index(layer) {
        Some(index) => (
            index.query(search, crate::db::now_unix()),
            search.value(text),
            (search == Search::PgGramsThenLike).then(|| Search::gram(text)),
        ),
        None => (
            format!(
                "SELECT id FROM {table} \
                 WHERE lower({name}) LIKE $1 ESCAPE '\\' OR lower({address}) LIKE $1 ESCAPE '\\'"
            ),
            crate::db::search::like_pattern(text),
            None,
        ),
    };
    // One row with every id: row by row, the driver cost more than the index.
    let all_ids = match kind {
        DbKind::Sqlite => "group_concat(id)",
        DbKind::Postgres => "string_agg(CAST(id AS TEXT), ',')",
    };
    let sql = format!("SELECT {all_ids} FROM ({matching} LIMIT $2) AS found");
    let mut query = sqlx::query_scalar(&sql)
        .persistent(false)
        .bind(value)
        .bind(MOST_MATCHES as i64 + 1);
    if let Some(gram) = gram {
        query = query.bind(gram);
    }
    let listed: Option<String> = query.fetch_one(pool).await?;
    let ids: Vec<i64> = listed
        .unwrap_or_default()
        .split(',')
        .filter_map(|id| id.parse().ok())
        .collect();
    Ok((ids.len() <= MOST_MATCHES).then(|| ids.into_iter().collect()))
}

/// The help layer's pins as visitors may see them, names and all.
async fn neighbours(pool: &AnyPool) -> Result<Vec<NearbyPlace>, sqlx::Error> {
    let pins = crate::help::map_pins::on_the_map(pool).await?;
    Ok(pins
        .into_iter()
        .map(|pin| NearbyPlace {
            kind: PlaceKind::Help(pin.kind),
            id: pin.member,
            name: pin.name,
            address: String::new(),
            tier: None,
            lat: pin.lat,
            lng: pin.lng,
            distance_m: 0.0,
        })
        .collect())
}
