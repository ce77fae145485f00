use super::model::{Area, AreaKind, Coverage};
use sqlx::{AnyConnection, AnyPool};

#[derive(sqlx::FromRow)]
struct AreaRow {
    code: String,
    kind: String,
    parent_code: Option<String>,
    name_zh: String,
    name_en: String,
    lat: f64,
    lng: f64,
}

impl AreaRow {
    fn into_area(self) -> Option<Area> {
        Some(Area {
            kind: AreaKind::parse(&self.kind)?,
            code: self.code,
            parent_code: self.parent_code,
            name_zh: self.name_zh,
            name_en: self.name_en,
            lat: self.lat,
            lng: self.lng,
        })
    }
}

/// Adds an area unless one with the same code exists; returns whether it was added.
pub async fn insert_if_absent(
    conn: &mut AnyConnection,
    area: &Area,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let result = sqlx::query(
        "INSERT INTO areas (code, kind, parent_code, name_zh, name_en, lat, lng, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (code) DO NOTHING",
    )
    .bind(&area.code)
    .bind(area.kind.as_str())
    .bind(&area.parent_code)
    .bind(&area.name_zh)
    .bind(&area.name_en)
    .bind(area.lat)
    .bind(area.lng)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// Every area, sub-districts first, then by code.
pub async fn list(pool: &AnyPool) -> Result<Vec<Area>, sqlx::Error> {
    let rows: Vec<AreaRow> = sqlx::query_as(
        "SELECT code, kind, parent_code, name_zh, name_en, lat, lng FROM areas \
         ORDER BY CASE kind WHEN 'subdistrict' THEN 0 ELSE 1 END, code",
    )
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().filter_map(AreaRow::into_area).collect())
}

pub async fn coverage(pool: &AnyPool) -> Result<Coverage, sqlx::Error> {
    let (subdistricts, communities): (i64, i64) = sqlx::query_as(
        "SELECT \
           COALESCE(SUM(CASE WHEN kind = 'subdistrict' THEN 1 ELSE 0 END), 0), \
           COALESCE(SUM(CASE WHEN kind = 'community' THEN 1 ELSE 0 END), 0) \
         FROM areas",
    )
    .fetch_one(pool)
    .await?;
    Ok(Coverage {
        subdistricts,
        communities,
    })
}
