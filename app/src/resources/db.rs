//! Community resources in the database.

use super::model::{CommunityResource, ResourceKind};
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
    let rows: Vec<ResourceRow> = sqlx::query_as(&format!("{SELECT} ORDER BY r.id"))
        .fetch_all(pool)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(ResourceRow::into_resource)
        .collect())
}

pub async fn find(pool: &AnyPool, id: i64) -> Result<Option<CommunityResource>, sqlx::Error> {
    let row: Option<ResourceRow> = sqlx::query_as(&format!("{SELECT} WHERE r.id = $1"))
        .bind(id)
        .fetch_optional(pool)
        .await?;
    Ok(row.and_then(ResourceRow::into_resource))
}

/// What a new resource is made of.
pub struct NewResource<'a> {
    pub org_id: Option<i64>,
    pub kind: ResourceKind,
    pub name: &'a str,
    pub description: &'a str,
    pub address: &'a str,
    pub location: (f64, f64),
    pub opening_hours: &'a str,
    pub contact: &'a str,
}

pub async fn insert(
    conn: &mut AnyConnection,
    new: &NewResource<'_>,
    created_by: Option<i64>,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO community_resources (org_id, kind, name, description, address, lat, lng, \
         opening_hours, contact, created_by, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id",
    )
    .bind(new.org_id)
    .bind(new.kind.as_str())
    .bind(new.name)
    .bind(new.description)
    .bind(new.address)
    .bind(new.location.0)
    .bind(new.location.1)
    .bind(new.opening_hours)
    .bind(new.contact)
    .bind(created_by)
    .bind(now)
    .fetch_one(conn)
    .await
}
