//! Community resources in the database.

use super::input::ResourceDetails;
use super::model::{CommunityResource, HandoutPoint, ResourceKind};
use sqlx::{AnyConnection, AnyPool, FromRow};

#[derive(FromRow)]
struct ResourceRow {
    id: i64,
    kind: String,
    name: String,
    description: String,
    address: String,
    lat: f64,
    lng: f64,
    opening_hours: String,
    contact: String,
    org_id: Option<i64>,
    org_name: Option<String>,
    version: i64,
}

impl ResourceRow {
    fn into_resource(self) -> Option<CommunityResource> {
        Some(CommunityResource {
            id: self.id,
            kind: ResourceKind::parse(&self.kind)?,
            name: self.name,
            description: self.description,
            address: self.address,
            lat: self.lat,
            lng: self.lng,
            opening_hours: self.opening_hours,
            contact: self.contact,
            org: self.org_id.zip(self.org_name),
            version: self.version,
        })
    }
}

const SELECT: &str = "SELECT r.id, r.kind, r.name, r.description, r.address, r.lat, r.lng, \
     r.opening_hours, r.contact, r.org_id, o.name AS org_name, r.version \
     FROM community_resources r LEFT JOIN organisations o ON o.id = r.org_id";

/// Every resource, oldest first (all are public and on the map).
pub async fn all(pool: &AnyPool) -> Result<Vec<CommunityResource>, sqlx::Error> {
    all_page(pool, crate::db::IdPage::EVERYTHING).await
}

/// A page of [`all`], for the open-data feeds.
pub async fn all_page(
    pool: &AnyPool,
    page: crate::db::IdPage,
) -> Result<Vec<CommunityResource>, sqlx::Error> {
    let rows: Vec<ResourceRow> =
        sqlx::query_as(&format!("{SELECT} WHERE r.id > $1 ORDER BY r.id LIMIT $2"))
            .bind(page.after)
            .bind(page.limit)
            .fetch_all(pool)
            .await?;
    Ok(rows
        .into_iter()
        .filter_map(ResourceRow::into_resource)
        .collect())
}

/// The resources run by the organisations `user_id` is an owner or coordinator of, by
/// organisation and name: where they may hand out what they post.
pub async fn handout_points(
    pool: &AnyPool,
    user_id: i64,
) -> Result<Vec<HandoutPoint>, sqlx::Error> {
    let rows: Vec<(i64, String, String, f64, f64)> = sqlx::query_as(
        "SELECT r.id, r.name, o.name, r.lat, r.lng FROM community_resources r \
         JOIN organisations o ON o.id = r.org_id \
         JOIN org_members m ON m.org_id = r.org_id AND m.user_id = $1 \
         ORDER BY o.name, r.name, r.id",
    )
    .bind(user_id)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, org_name, lat, lng)| HandoutPoint {
            id,
            name,
            org_name,
            lat,
            lng,
        })
        .collect())
}

pub async fn find(pool: &AnyPool, id: i64) -> Result<Option<CommunityResource>, sqlx::Error> {
    let row: Option<ResourceRow> = sqlx::query_as(&format!("{SELECT} WHERE r.id = $1"))
        .bind(id)
        .fetch_optional(pool)
        .await?;
    Ok(row.and_then(ResourceRow::into_resource))
}

pub async fn insert(
    conn: &mut AnyConnection,
    d: &ResourceDetails,
    created_by: Option<i64>,
    now: i64,
) -> Result<i64, sqlx::Error> {
    bind(
        sqlx::query_scalar(
            "INSERT INTO community_resources (org_id, kind, name, description, address, lat, lng, \
             opening_hours, contact, created_by, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id",
        ),
        d,
    )
    .bind(created_by)
    .bind(now)
    .fetch_one(conn)
    .await
}

/// Saves an edit made from `version`; false when someone saved in between (nothing changed).
pub async fn update(
    conn: &mut AnyConnection,
    id: i64,
    version: i64,
    d: &ResourceDetails,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let updated: Option<i64> = bind(
        sqlx::query_scalar(
            "UPDATE community_resources SET org_id = $1, kind = $2, name = $3, description = $4, \
             address = $5, lat = $6, lng = $7, opening_hours = $8, contact = $9, \
             version = version + 1, updated_at = $10 WHERE id = $11 AND version = $12 RETURNING id",
        ),
        d,
    )
    .bind(now)
    .bind(id)
    .bind(version)
    .fetch_optional(conn)
    .await?;
    Ok(updated.is_some())
}

type ScalarQuery<'q> = sqlx::query::QueryScalar<'q, sqlx::Any, i64, sqlx::any::AnyArguments<'q>>;

fn bind<'q>(query: ScalarQuery<'q>, d: &'q ResourceDetails) -> ScalarQuery<'q> {
    query
        .bind(d.org_id)
        .bind(d.kind.as_str())
        .bind(d.name.as_str())
        .bind(d.description.as_str())
        .bind(d.address.as_str())
        .bind(d.location.0)
        .bind(d.location.1)
        .bind(d.opening_hours.as_str())
        .bind(d.contact.as_str())
}
