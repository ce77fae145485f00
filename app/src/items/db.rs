//! Listings and their photos in the database.

use super::filter::{OlderThan, WantedItems};
use super::input::ItemDetails;
use super::model::{
    Handout, Item, ItemCategory, ItemCondition, ItemKind, ItemMode, ItemStatus, PhotoRef,
    EXPIRY_DAYS,
};
use crate::db::{Db, DbKind};
use crate::photos::StoredPhoto;
use sqlx::{AnyConnection, AnyPool, FromRow};

const DAY: i64 = 24 * 3600;

#[derive(FromRow)]
struct ItemRow {
    id: i64,
    owner_id: i64,
    owner_name: String,
    kind: String,
    title: String,
    description: String,
    category: String,
    item_condition: Option<String>,
    mode: String,
    pickup_notes: String,
    cell_lat: f64,
    cell_lng: f64,
    status: String,
    expires_at: i64,
    hidden_at: Option<i64>,
    version: i64,
    created_at: i64,
    photo_id: Option<i64>,
    photo_width: Option<i64>,
    photo_height: Option<i64>,
    resource_id: Option<i64>,
    resource_name: Option<String>,
    resource_org: Option<String>,
}

impl ItemRow {
    fn into_item(self) -> Option<Item> {
        let first_photo = match (self.photo_id, self.photo_width, self.photo_height) {
            (Some(id), Some(width), Some(height)) => vec![PhotoRef { id, width, height }],
            _ => Vec::new(),
        };
        Some(Item {
            id: self.id,
            owner_id: self.owner_id,
            owner_name: self.owner_name,
            kind: ItemKind::parse(&self.kind)?,
            title: self.title,
            description: self.description,
            category: ItemCategory::parse(&self.category)?,
            condition: self
                .item_condition
                .as_deref()
                .and_then(ItemCondition::parse),
            mode: ItemMode::parse(&self.mode)?,
            pickup_notes: self.pickup_notes,
            cell_lat: self.cell_lat,
            cell_lng: self.cell_lng,
            status: ItemStatus::parse(&self.status)?,
            expires_at: self.expires_at,
            hidden: self.hidden_at.is_some(),
            version: self.version,
            created_at: self.created_at,
            photos: first_photo,
            handout: self.resource_id.zip(self.resource_name).map(
                |(resource_id, resource_name)| Handout {
                    resource_id,
                    resource_name,
                    org_name: self.resource_org,
                },
            ),
        })
    }
}

/// Every column of an item, its owner's name, its first photo (lists show only that one) and
/// the resource it is handed out at.
const SELECT: &str = "SELECT i.id, i.owner_id, u.display_name AS owner_name, i.kind, i.title, \
     i.description, i.category, i.item_condition, i.mode, i.pickup_notes, i.cell_lat, i.cell_lng, \
     i.status, i.expires_at, i.hidden_at, i.version, i.created_at, p.id AS photo_id, \
     p.width AS photo_width, p.height AS photo_height, i.resource_id, \
     cr.name AS resource_name, cro.name AS resource_org \
     FROM items i JOIN users u ON u.id = i.owner_id \
     LEFT JOIN item_photos p ON p.item_id = i.id AND p.position = 0 \
     LEFT JOIN community_resources cr ON cr.id = i.resource_id \
     LEFT JOIN organisations cro ON cro.id = cr.org_id";

/// An item with all its photos, in order.
pub async fn find(pool: &AnyPool, id: i64) -> Result<Option<Item>, sqlx::Error> {
    let mut conn = pool.acquire().await?;
    find_in(&mut conn, id).await
}

/// `find` on a connection already held (inside a transaction, say).
pub async fn find_in(conn: &mut AnyConnection, id: i64) -> Result<Option<Item>, sqlx::Error> {
    let row: Option<ItemRow> = sqlx::query_as(&format!("{SELECT} WHERE i.id = $1"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    let Some(mut item) = row.and_then(ItemRow::into_item) else {
        return Ok(None);
    };
    item.photos = photos_of(conn, id).await?;
    Ok(Some(item))
}

async fn photos_of(conn: &mut AnyConnection, item_id: i64) -> Result<Vec<PhotoRef>, sqlx::Error> {
    let rows: Vec<(i64, i64, i64)> = sqlx::query_as(
        "SELECT id, width, height FROM item_photos WHERE item_id = $1 ORDER BY position",
    )
    .bind(item_id)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, width, height)| PhotoRef { id, width, height })
        .collect())
}

/// Listings on one page of the board: enough to fill a phone's screen a few times over, few
/// enough that a page stays light and a search stops walking early.
pub const PAGE_SIZE: usize = 24;

/// Shortest text the trigram index can answer; shorter queries use the index of single characters
/// and pairs (migration 22).
const TRIGRAM_CHARS: usize = 3;

/// One page of the board, and where the next one starts if there are older listings.
#[derive(Debug, Default)]
pub struct ItemsPage {
    pub items: Vec<Item>,
    pub older: Option<OlderThan>,
}

/// A value bound to the list query.
enum Param {
    Text(String),
    Int(i64),
    Real(f64),
}

/// Listings people can still ask for or watch (available or promised, not hidden, not expired)
/// that match, newest first, `page_size` at a time from `q.before`. With a radius, only the
/// listings in a box around it are read; the caller measures the exact distance.
pub async fn listed(
    db: &Db,
    q: &WantedItems,
    now: i64,
    page_size: usize,
) -> Result<ItemsPage, sqlx::Error> {
    let text = q.text.trim();
    let search = Search::of(text, db.kind());
    // Only the filters asked for go into the SQL: `($n = '' OR i.category = $n)` would hide the
    // category from the planner, and the newest-first walk within one category
    // (`items_category_newest`) could not be used.
    let mut params: Vec<Param> = Vec::new();
    let mut next = |value: Param| {
        params.push(value);
        format!("${}", params.len() + 2)
    };
    let mut chosen = String::new();
    for (column, value) in [
        ("kind", q.kind.map(ItemKind::as_str)),
        ("category", q.category.map(ItemCategory::as_str)),
        ("mode", q.mode.map(ItemMode::as_str)),
    ] {
        if let Some(value) = value {
            let value = next(Param::Text(value.to_string()));
            chosen.push_str(&format!(" AND i.{column} = {value}"));
        }
    }
    if let Some(b) = q.origin.as_ref().and_then(|o| o.bounds()) {
        let (south, north) = (next(Param::Real(b.south)), next(Param::Real(b.north)));
        let (west, east) = (next(Param::Real(b.west)), next(Param::Real(b.east)));
        chosen.push_str(&format!(
            " AND i.cell_lat BETWEEN {south} AND {north} AND i.cell_lng BETWEEN {west} AND {east}"
        ));
    }
    // The newest-first indexes serve this as a range (row values: SQLite 3.15+, PostgreSQL).
    if let Some(start) = q.before {
        let (created_at, id) = (
            next(Param::Int(start.created_at)),
            next(Param::Int(start.id)),
        );
        chosen.push_str(&format!(" AND (i.created_at, i.id) < ({created_at}, {id})"));
    }
    let text_match = match search {
        Search::Everything => String::new(),
        Search::Trigrams => format!(
            " AND +i.id IN (SELECT rowid FROM items_text WHERE items_text MATCH {})",
            next(Param::Text(fts_phrase(text)))
        ),
        Search::Grams => format!(
            " AND +i.id IN (SELECT rowid FROM items_grams WHERE items_grams MATCH {})",
            next(Param::Text(fts_phrase(text)))
        ),
        Search::Like => {
            let pattern = next(Param::Text(crate::orgs::db::like_pattern(text)));
            format!(
                " AND (i.title LIKE {pattern} ESCAPE '\\' OR i.description LIKE {pattern} ESCAPE '\\')"
            )
        }
        // The trigram index serves ILIKE on this very expression.
        Search::PgTrigrams => format!(
            " AND (i.title || ' ' || i.description) ILIKE {} ESCAPE '\\'",
            next(Param::Text(crate::orgs::db::like_pattern(text)))
        ),
        // The grams are stored with each listing and indexed (migration 22).
        Search::PgGrams => format!(
            " AND i.grams @> ARRAY[{}::text]",
            next(Param::Text(text.to_lowercase()))
        ),
    };
    // On SQLite, `+` keeps a column's index out of the plan: a newest-first index (`items_newest`,
    // or `items_category_newest` for one category) then serves the ORDER BY and the scan stops at
    // the page's last match, instead of every listed item being read and sorted, or every match
    // fetched by id. Not for LIKE: a rare word would walk that index to its end, row by row,
    // slower than reading the listed items in order.
    let plus = match search {
        Search::Like | Search::PgTrigrams | Search::PgGrams => "",
        Search::Everything if db.kind() == DbKind::Postgres => "",
        Search::Everything | Search::Trigrams | Search::Grams => "+",
    };
    let sql = format!(
        "{SELECT} WHERE {plus}i.status IN ('available', 'promised') AND i.hidden_at IS NULL \
         AND {plus}i.expires_at > $1{chosen}{text_match} \
         ORDER BY i.created_at DESC, i.id DESC LIMIT $2"
    );
    // PostgreSQL plans a statement it has run five times once for any values ("generic"): a plan
    // that cannot see how common the search words are, which walked 100,000 listings for a word
    // few of them hold. A statement not kept is planned for the values it gets.
    // One row more than the page tells whether there is another page.
    let mut query = sqlx::query_as::<_, ItemRow>(&sql)
        .persistent(db.kind() == DbKind::Sqlite)
        .bind(now)
        .bind(page_size as i64 + 1);
    for param in params {
        query = match param {
            Param::Text(text) => query.bind(text),
            Param::Int(number) => query.bind(number),
            Param::Real(number) => query.bind(number),
        };
    }
    let mut rows = query.fetch_all(db.pool()).await?;
    let older = match rows.len() > page_size {
        true => {
            rows.truncate(page_size);
            rows.last().map(|last| OlderThan {
                created_at: last.created_at,
                id: last.id,
            })
        }
        false => None,
    };
    Ok(ItemsPage {
        items: rows.into_iter().filter_map(ItemRow::into_item).collect(),
        older,
    })
}

/// Offers the map shows: available, not hidden, not expired. Wanted listings stay on the board:
/// the map's layer is "things to give" (PRODUCT §2.4, available items).
pub async fn on_the_map(pool: &AnyPool, now: i64) -> Result<Vec<Item>, sqlx::Error> {
    let rows: Vec<ItemRow> = sqlx::query_as(&format!(
        "{SELECT} WHERE i.kind = 'offer' AND i.status = 'available' AND i.hidden_at IS NULL \
         AND i.expires_at > $1 ORDER BY i.id"
    ))
    .bind(now)
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().filter_map(ItemRow::into_item).collect())
}

/// How the board's search words are matched.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Search {
    Everything,
    /// SQLite, three characters or more: the trigram index (`items_text`).
    Trigrams,
    /// SQLite, one or two letters or digits: the index of single characters and pairs
    /// (`items_grams`). Its words hold no punctuation, so a query with some goes to LIKE.
    Grams,
    Like,
    /// PostgreSQL, three characters or more: pg_trgm's index.
    PgTrigrams,
    /// PostgreSQL, one or two characters: the index of single characters and pairs.
    PgGrams,
}

impl Search {
    fn of(text: &str, kind: DbKind) -> Search {
        let short = text.chars().count() < TRIGRAM_CHARS;
        match (text, kind) {
            ("", _) => Search::Everything,
            (_, DbKind::Sqlite) if !short => Search::Trigrams,
            (t, DbKind::Sqlite) if t.chars().all(char::is_alphanumeric) => Search::Grams,
            (_, DbKind::Sqlite) => Search::Like,
            (_, DbKind::Postgres) if !short => Search::PgTrigrams,
            (_, DbKind::Postgres) => Search::PgGrams,
        }
    }
}

/// The text as one FTS5 phrase: every character taken literally.
fn fts_phrase(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

pub async fn insert(
    conn: &mut AnyConnection,
    owner_id: i64,
    d: &ItemDetails,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO items (owner_id, kind, title, description, category, item_condition, mode, \
         pickup_notes, cell_lat, cell_lng, expires_at, created_at, updated_at, resource_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13) RETURNING id",
    )
    .bind(owner_id)
    .bind(d.kind.as_str())
    .bind(d.title.as_str())
    .bind(d.description.as_str())
    .bind(d.category.as_str())
    .bind(d.condition.map(ItemCondition::as_str))
    .bind(d.mode.as_str())
    .bind(d.pickup_notes.as_str())
    .bind(d.cell.lat)
    .bind(d.cell.lng)
    .bind(now + EXPIRY_DAYS * DAY)
    .bind(now)
    .bind(d.resource)
    .fetch_one(conn)
    .await
}

pub async fn insert_photo(
    conn: &mut AnyConnection,
    item_id: i64,
    position: usize,
    photo: &StoredPhoto,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO item_photos (item_id, position, width, height, display, thumb) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(item_id)
    .bind(position as i64)
    .bind(i64::from(photo.width))
    .bind(i64::from(photo.height))
    .bind(photo.display.as_slice())
    .bind(photo.thumb.as_slice())
    .fetch_one(conn)
    .await
}

/// A stored photo's bytes, with what decides who may see them: a hidden listing's photos are only
/// for its owner and admins.
#[derive(Debug, PartialEq, Eq)]
pub struct PhotoBytes {
    pub bytes: Vec<u8>,
    pub owner_id: i64,
    pub hidden: bool,
}

impl PhotoBytes {
    pub fn visible_to(&self, viewer: Option<(i64, bool)>) -> bool {
        !self.hidden || viewer.is_some_and(|(id, is_admin)| is_admin || id == self.owner_id)
    }
}

/// A photo's bytes (the thumbnail or the display size).
pub async fn photo_bytes(
    pool: &AnyPool,
    photo_id: i64,
    thumb: bool,
) -> Result<Option<PhotoBytes>, sqlx::Error> {
    let sql = if thumb {
        "SELECT p.thumb, i.owner_id, i.hidden_at FROM item_photos p JOIN items i ON i.id = p.item_id WHERE p.id = $1"
    } else {
        "SELECT p.display, i.owner_id, i.hidden_at FROM item_photos p JOIN items i ON i.id = p.item_id WHERE p.id = $1"
    };
    let row: Option<(Vec<u8>, i64, Option<i64>)> = sqlx::query_as(sql)
        .bind(photo_id)
        .fetch_optional(pool)
        .await?;
    Ok(row.map(|(bytes, owner_id, hidden_at)| PhotoBytes {
        bytes,
        owner_id,
        hidden: hidden_at.is_some(),
    }))
}

#[cfg(test)]
mod tests {
    use super::fts_phrase;

    #[test]
    fn search_text_is_one_literal_phrase() {
        assert_eq!(fts_phrase("儿童车"), "\"儿童车\"");
        assert_eq!(fts_phrase("a\" OR b"), "\"a\"\" OR b\"");
    }
}
