//! Open data for partners (map apps such as Amap, researchers, other platforms): the organisations
//! on the map as GeoJSON and CSV, in WGS-84 or, with `?crs=gcj02`, in the coordinates Chinese maps
//! draw in. Only what the public profile pages show; each feed names its licence.

use super::ServerState;
use app::i18n::lang_from_headers;
use app::map::geo::{wgs84_to_gcj02, LatLng};
use app::orgs::db::OrgRecord;
use app::orgs::model::OrgKind;
use axum::{
    extract::{Query, State},
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};
use geojson::{Feature, FeatureCollection, Geometry, JsonObject, Value};
use serde::Deserialize;
use serde_json::json;

/// The terms under which anyone may reuse the feeds.
pub const LICENCE: &str = "CC-BY-4.0";
pub const LICENCE_URL: &str = "https://creativecommons.org/licenses/by/4.0/";
pub const ATTRIBUTION: &str = "云益享 Yunyixiang";

/// Coordinate systems the feeds offer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Crs {
    Wgs84,
    Gcj02,
}

impl Crs {
    fn parse(value: Option<&str>) -> Option<Crs> {
        match value.map(|v| v.trim().to_ascii_lowercase()).as_deref() {
            None | Some("") | Some("wgs84") | Some("wgs-84") | Some("epsg:4326") => {
                Some(Crs::Wgs84)
            }
            Some("gcj02") | Some("gcj-02") => Some(Crs::Gcj02),
            _ => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Crs::Wgs84 => "WGS-84",
            Crs::Gcj02 => "GCJ-02",
        }
    }

    fn place(self, lat: f64, lng: f64) -> LatLng {
        let p = LatLng::new(lat, lng);
        match self {
            Crs::Wgs84 => p,
            Crs::Gcj02 => wgs84_to_gcj02(p),
        }
    }
}

#[derive(Deserialize)]
pub struct FeedQuery {
    crs: Option<String>,
}

/// One organisation as the feeds publish it.
struct Published {
    id: i64,
    kind: OrgKind,
    name: String,
    tier: &'static str,
    address: String,
    contact: String,
    opening_hours: String,
    services: String,
    place: LatLng,
}

fn published(records: Vec<OrgRecord>, crs: Crs) -> Vec<Published> {
    records
        .into_iter()
        .filter_map(
            |OrgRecord {
                 id,
                 details,
                 verification,
                 ..
             }| {
                let (lat, lng) = details.location?;
                Some(Published {
                    id,
                    kind: details.kind,
                    name: details.name,
                    tier: verification.tier().as_str(),
                    address: details.address,
                    contact: details.contact,
                    opening_hours: details.opening_hours,
                    services: details.services,
                    place: crs.place(lat, lng),
                })
            },
        )
        .collect()
}

/// Reads `?crs=`, then the organisations; a clear 400 or 503 in the reader's language otherwise.
async fn load(
    state: &ServerState,
    query: &FeedQuery,
    headers: &HeaderMap,
) -> Result<(Crs, Vec<Published>), Response> {
    let t = lang_from_headers(headers).texts();
    let crs = Crs::parse(query.crs.as_deref())
        .ok_or_else(|| (StatusCode::BAD_REQUEST, t.errors.crs_unknown).into_response())?;
    let records = app::orgs::db::on_the_map(state.app.db.pool())
        .await
        .map_err(|error| {
            tracing::warn!(%error, "open data: database did not answer");
            (StatusCode::SERVICE_UNAVAILABLE, t.errors.unavailable).into_response()
        })?;
    Ok((crs, published(records, crs)))
}

/// Partners fetch these from their own servers and pages: cache for five minutes, any origin.
fn feed_headers(content_type: &'static str) -> [(header::HeaderName, HeaderValue); 3] {
    [
        (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
        (
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=300"),
        ),
        (
            header::ACCESS_CONTROL_ALLOW_ORIGIN,
            HeaderValue::from_static("*"),
        ),
    ]
}

/// `/api/v1/organisations.geojson`
pub async fn organisations_geojson(
    State(state): State<ServerState>,
    Query(query): Query<FeedQuery>,
    headers: HeaderMap,
) -> Response {
    let (crs, orgs) = match load(&state, &query, &headers).await {
        Ok(loaded) => loaded,
        Err(response) => return response,
    };
    let features = orgs
        .into_iter()
        .map(|org| {
            let mut properties = JsonObject::new();
            properties.insert("name".into(), json!(org.name));
            properties.insert("kind".into(), json!(org.kind.as_str()));
            properties.insert("tier".into(), json!(org.tier));
            properties.insert("address".into(), json!(org.address));
            properties.insert("contact".into(), json!(org.contact));
            properties.insert("opening_hours".into(), json!(org.opening_hours));
            properties.insert("services".into(), json!(org.services));
            properties.insert("url".into(), json!(format!("/orgs/{}", org.id)));
            Feature {
                bbox: None,
                // GeoJSON positions are longitude first.
                geometry: Some(Geometry::new(Value::Point(vec![
                    org.place.lng,
                    org.place.lat,
                ]))),
                id: Some(geojson::feature::Id::Number(org.id.into())),
                properties: Some(properties),
                foreign_members: None,
            }
        })
        .collect();
    let mut about = JsonObject::new();
    about.insert("name".into(), json!("organisations"));
    about.insert("crs".into(), json!(crs.name()));
    about.insert("licence".into(), json!(LICENCE));
    about.insert("licence_url".into(), json!(LICENCE_URL));
    about.insert("attribution".into(), json!(ATTRIBUTION));
    let collection = FeatureCollection {
        bbox: None,
        features,
        foreign_members: Some(about),
    };
    (
        feed_headers("application/geo+json; charset=utf-8"),
        collection.to_string(),
    )
        .into_response()
}

/// `/api/v1/organisations.csv`: UTF-8 with a byte-order mark, so Excel and WPS read the Chinese.
pub async fn organisations_csv(
    State(state): State<ServerState>,
    Query(query): Query<FeedQuery>,
    headers: HeaderMap,
) -> Response {
    let (crs, orgs) = match load(&state, &query, &headers).await {
        Ok(loaded) => loaded,
        Err(response) => return response,
    };
    match csv_body(crs, orgs) {
        Ok(bytes) => (
            feed_headers("text/csv; charset=utf-8"),
            [(
                header::CONTENT_DISPOSITION,
                HeaderValue::from_static("inline; filename=\"organisations.csv\""),
            )],
            bytes,
        )
            .into_response(),
        Err(error) => {
            tracing::error!(%error, "open data: could not write the CSV");
            let t = lang_from_headers(&headers).texts();
            (StatusCode::INTERNAL_SERVER_ERROR, t.errors.internal).into_response()
        }
    }
}

fn csv_body(crs: Crs, orgs: Vec<Published>) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer("\u{feff}".as_bytes().to_vec());
    writer.write_record([
        "id",
        "name",
        "kind",
        "tier",
        "address",
        "lat",
        "lng",
        "crs",
        "contact",
        "opening_hours",
        "services",
        "url",
        "licence",
    ])?;
    for org in orgs {
        writer.write_record([
            org.id.to_string(),
            org.name,
            org.kind.as_str().to_string(),
            org.tier.to_string(),
            org.address,
            format!("{:.6}", org.place.lat),
            format!("{:.6}", org.place.lng),
            crs.name().to_string(),
            org.contact,
            org.opening_hours,
            org.services,
            format!("/orgs/{}", org.id),
            LICENCE.to_string(),
        ])?;
    }
    writer
        .into_inner()
        .map_err(|error| error.into_error().into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crs_names_are_read_leniently_and_others_refused() {
        assert_eq!(Crs::parse(None), Some(Crs::Wgs84));
        assert_eq!(Crs::parse(Some("WGS84")), Some(Crs::Wgs84));
        assert_eq!(Crs::parse(Some(" gcj-02 ")), Some(Crs::Gcj02));
        assert_eq!(Crs::parse(Some("bd09")), None);
    }
}
