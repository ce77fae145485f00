//! Listings and their photos in the database. The board's list query is in `board_db`.

pub use super::board_db::{listed, ItemsPage, PAGE_SIZE};

use super::input::ItemDetails;
use super::model::{
    Handout, Item, ItemCategory, ItemCondition, ItemKind, ItemMode, ItemStatus, PhotoRef,
    EXPIRY_DAYS,
};
use crate::photos::StoredPhoto;
use sqlx::{AnyConnection, AnyPool, FromRow};

const DAY: i64 = 24 * 3600;

#[derive(FromRow)]
pub(super) struct ItemRow {
    pub(super) id: i64,
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
    pub(super) created_at: i64,
    photo_id: Option<i64>,
    photo_width: Option<i64>,
    photo_height: Option<i64>,
    resource_id: Option<i64>,
    resource_name: Option<String>,
    resource_org: Option<String>,
}

impl ItemRow {
    pub(super) fn into_item(self) -> Option<Item> {
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
/// the resource it is handed out at: `{COLUMNS} FROM items i {JOINS}`.
pub(super) const COLUMNS: &str = "SELECT i.id, i.owner_id, u.display_name AS owner_name, i.kind, \
     i.title, i.description, i.category, i.item_condition, i.mode, i.pickup_notes, i.cell_lat, \
     i.cell_lng, i.status, i.expires_at, i.hidden_at, i.version, i.created_at, p.id AS photo_id, \
     p.width AS photo_width, p.height AS photo_height, i.resource_id, \
     cr.name AS resource_name, cro.name AS resource_org";
pub(super) const JOINS: &str = "JOIN users u ON u.id = i.owner_id \
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
    let row: Option<ItemRow> =
        sqlx::query_as(&format!("{COLUMNS} FROM items i {JOINS} WHERE i.id = $1"))
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

/// An offer as the map holds it: only what its pin shows.
pub struct MapItem {
    pub id: i64,
    pub category: ItemCategory,
    pub cell_lat: f64,
    pub cell_lng: f64,
}

/// Offers the map shows: available, not hidden, not expired. Wanted listings stay on the board:
/// the map's layer is "things to give" (PRODUCT §2.4, available items). Row by row and only the
/// pin's columns: a city can list a great many, and the map loads them all at once.
pub fn on_the_map(
    pool: &AnyPool,
    now: i64,
) -> impl futures_util::Stream<Item = Result<MapItem, sqlx::Error>> + '_ {
    use futures_util::TryStreamExt;
    sqlx::query_as::<_, (i64, String, f64, f64)>(
        "SELECT id, category, cell_lat, cell_lng FROM items WHERE kind = 'offer' \
         AND status = 'available' AND hidden_at IS NULL AND expires_at > $1 ORDER BY id",
    )
    .bind(now)
    .fetch(pool)
    .try_filter_map(|(id, category, cell_lat, cell_lng)| async move {
        Ok(ItemCategory::parse(&category).map(|category| MapItem {
            id,
            category,
            cell_lat,
            cell_lng,
        }))
    })
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
