//! Open data for partners (map apps such as Amap, researchers, other platforms): the organisations,
//! upcoming public events and community resources on the map as GeoJSON and CSV, in WGS-84 or, with `?crs=gcj02`, in the coordinates Chinese maps
//! draw in. Only what the public profile pages show; each feed names its licence.

use super::spreadsheet::spreadsheet_text;
use super::ServerState;
use app::geo::{wgs84_to_gcj02, LatLng};
use app::i18n::lang_from_headers;
use axum::{
    extract::{Path, Query, State},
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
    /// The last id of the page before: the feed goes on after it.
    since: Option<String>,
}

/// Places in one answer at most; the answer names the next page (`Link: <…>; rel="next"`, and
/// `next` in GeoJSON). Each page is read by id from where the last one ended, so the last page
/// of a million places costs what the first does.
pub const FEED_PAGE: i64 = 1_000;

/// The feeds: what each publishes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Feed {
    Organisations,
    Events,
    Resources,
}

impl Feed {
    fn name(self) -> &'static str {
        match self {
            Feed::Organisations => "organisations",
            Feed::Events => "events",
            Feed::Resources => "resources",
        }
    }

    /// The fields after id, name and kind, in column order.
    fn columns(self) -> &'static [&'static str] {
        match self {
            Feed::Organisations => &["tier", "address", "contact", "opening_hours", "services"],
            Feed::Events => &[
                "starts_at",
                "ends_at",
                "place",
                "address",
                "organiser",
                "capacity",
                "seats_left",
                "summary",
            ],
            Feed::Resources => &[
                "address",
                "contact",
                "opening_hours",
                "description",
                "run_by",
            ],
        }
    }

    async fn rows(
        self,
        state: &ServerState,
        page: app::db::IdPage,
    ) -> Result<Vec<Row>, app::error::AppError> {
        let pool = state.app.db.pool();
        Ok(match self {
            Feed::Organisations => app::orgs::db::on_the_map_page(pool, page)
                .await?
                .into_iter()
                .filter_map(|org| {
                    let (lat, lng) = org.details.location?;
                    let d = org.details;
                    Some(Row {
                        id: org.id,
                        name: d.name,
                        kind: d.kind.as_str(),
                        fields: vec![
                            org.verification.tier().as_str().to_string(),
                            d.address,
                            d.contact,
                            d.opening_hours,
                            d.services,
                        ],
                        lat,
                        lng,
                        url: format!("/orgs/{}", org.id),
                    })
                })
                .collect(),
            Feed::Events => app::events::db::on_the_map_page(pool, app::db::now_unix(), page)
                .await?
                .into_iter()
                .map(|e| Row {
                    id: e.id,
                    kind: e.category.as_str(),
                    fields: vec![
                        rfc3339_china(e.starts_at),
                        rfc3339_china(e.ends_at),
                        e.place_name.clone(),
                        e.address.clone(),
                        e.org_name.clone(),
                        e.capacity.map(|c| c.to_string()).unwrap_or_default(),
                        e.seats_left().map(|n| n.to_string()).unwrap_or_default(),
                        e.summary.clone(),
                    ],
                    name: e.title,
                    lat: e.lat,
                    lng: e.lng,
                    url: format!("/events/{}", e.id),
                })
                .collect(),
            Feed::Resources => app::resources::db::all_page(pool, page)
                .await?
                .into_iter()
                .map(|r| Row {
                    id: r.id,
                    name: r.name,
                    kind: r.kind.as_str(),
                    fields: vec![
                        r.address,
                        r.contact,
                        r.opening_hours,
                        r.description,
                        r.org.map(|(_, name)| name).unwrap_or_default(),
                    ],
                    lat: r.lat,
                    lng: r.lng,
                    url: format!("/resources/{}", r.id),
                })
                .collect(),
        })
    }
}

/// `2026-12-05T09:00:00+08:00`: the time as people in the district read it, unambiguous.
fn rfc3339_china(unix: i64) -> String {
    let local = app::china_time::china_datetime_input(unix);
    format!("{local}:00+08:00")
}

/// One published place: id, name, kind, the feed's own fields (in `Feed::columns` order), where.
struct Row {
    id: i64,
    name: String,
    kind: &'static str,
    fields: Vec<String>,
    lat: f64,
    lng: f64,
    url: String,
}

/// One page of a feed, and where the next one starts (when there is one).
struct Loaded {
    crs: Crs,
    rows: Vec<Row>,
    next: Option<String>,
}

/// Reads `?crs=` and `?since=`, then a page of the feed's rows; a clear 400 or 503 in the
/// reader's language otherwise.
async fn load(
    feed: Feed,
    file: &str,
    state: &ServerState,
    query: &FeedQuery,
    headers: &HeaderMap,
) -> Result<Loaded, Response> {
    let lang = lang_from_headers(headers);
    let crs = Crs::parse(query.crs.as_deref()).ok_or_else(|| {
        (
            StatusCode::BAD_REQUEST,
            app::locales::errors::crs_unknown(lang),
        )
            .into_response()
    })?;
    let after = match query.since.as_deref().map(str::trim) {
        None | Some("") => 0,
        Some(id) => id
            .parse::<i64>()
            .ok()
            .filter(|id| *id >= 0)
            .ok_or_else(|| {
                (
                    StatusCode::BAD_REQUEST,
                    app::locales::errors::invalid_input(lang),
                )
                    .into_response()
            })?,
    };
    // One more than a page: whether there is a next one.
    let page = app::db::IdPage {
        after,
        limit: FEED_PAGE + 1,
    };
    // The database error is logged where it turns into an AppError.
    let mut rows = feed
        .rows(state, page)
        .await
        .map_err(|error| (error.status(), error.message(lang)).into_response())?;
    let next = (rows.len() as i64 > FEED_PAGE).then(|| {
        rows.truncate(FEED_PAGE as usize);
        let last = rows.last().map_or(after, |row| row.id);
        let crs = match crs {
            Crs::Wgs84 => "",
            Crs::Gcj02 => "&crs=gcj02",
        };
        format!("/api/v1/{file}?since={last}{crs}")
    });
    for row in &mut rows {
        let place = crs.place(row.lat, row.lng);
        (row.lat, row.lng) = (place.lat, place.lng);
    }
    Ok(Loaded { crs, rows, next })
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

/// `/api/v1/{feed}.{format}`: `organisations`, `events` or `resources`, as `geojson` or `csv`.
pub async fn feed_file(
    State(state): State<ServerState>,
    Path(file): Path<String>,
    Query(query): Query<FeedQuery>,
    headers: HeaderMap,
) -> Response {
    let (name, format) = file.split_once('.').unwrap_or_default();
    let feed = match name {
        "organisations" => Some(Feed::Organisations),
        "events" => Some(Feed::Events),
        "resources" => Some(Feed::Resources),
        _ => None,
    };
    let (Some(feed), true) = (feed, matches!(format, "geojson" | "csv")) else {
        let lang = lang_from_headers(&headers);
        return (StatusCode::NOT_FOUND, app::locales::errors::not_found(lang)).into_response();
    };
    let loaded = match load(feed, &file, &state, &query, &headers).await {
        Ok(loaded) => loaded,
        Err(response) => return response,
    };
    let next = loaded.next.clone();
    let mut response = if format == "geojson" {
        geojson_feed(feed, loaded)
    } else {
        csv_feed(feed, loaded.crs, loaded.rows, &headers)
    };
    if let Some(link) =
        next.and_then(|next| HeaderValue::from_str(&format!("<{next}>; rel=\"next\"")).ok())
    {
        response.headers_mut().insert(header::LINK, link);
    }
    response
}

fn geojson_feed(feed: Feed, loaded: Loaded) -> Response {
    let Loaded { crs, rows, next } = loaded;
    let features = rows
        .into_iter()
        .map(|row| {
            let mut properties = JsonObject::new();
            properties.insert("name".into(), json!(row.name));
            properties.insert("kind".into(), json!(row.kind));
            for (column, value) in feed.columns().iter().zip(row.fields) {
                properties.insert((*column).into(), json!(value));
            }
            properties.insert("url".into(), json!(row.url));
            Feature {
                bbox: None,
                // GeoJSON positions are longitude first.
                geometry: Some(Geometry::new(Value::Point(vec![row.lng, row.lat]))),
                id: Some(geojson::feature::Id::Number(row.id.into())),
                properties: Some(properties),
                foreign_members: None,
            }
        })
        .collect();
    let mut about = JsonObject::new();
    about.insert("name".into(), json!(feed.name()));
    about.insert("crs".into(), json!(crs.name()));
    about.insert("licence".into(), json!(LICENCE));
    about.insert("licence_url".into(), json!(LICENCE_URL));
    about.insert("attribution".into(), json!(ATTRIBUTION));
    if let Some(next) = next {
        about.insert("next".into(), json!(next));
    }
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

/// CSV in UTF-8 with a byte-order mark, so Excel and WPS read the Chinese.
fn csv_feed(feed: Feed, crs: Crs, rows: Vec<Row>, headers: &HeaderMap) -> Response {
    match csv_body(feed, crs, rows) {
        Ok(bytes) => (
            feed_headers("text/csv; charset=utf-8"),
            [(
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&format!("inline; filename=\"{}.csv\"", feed.name()))
                    .unwrap_or(HeaderValue::from_static("inline")),
            )],
            bytes,
        )
            .into_response(),
        Err(error) => {
            tracing::error!(%error, "open data: could not write the CSV");
            let lang = lang_from_headers(headers);
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                app::locales::errors::internal(lang),
            )
                .into_response()
        }
    }
}

fn csv_body(feed: Feed, crs: Crs, rows: Vec<Row>) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer("\u{feff}".as_bytes().to_vec());
    let mut header = vec!["id", "name", "kind"];
    header.extend(feed.columns());
    header.extend(["lat", "lng", "crs", "url", "licence"]);
    writer.write_record(&header)?;
    for row in rows {
        let mut record = vec![
            row.id.to_string(),
            spreadsheet_text(&row.name),
            row.kind.to_string(),
        ];
        record.extend(row.fields.iter().map(|field| spreadsheet_text(field)));
        record.extend([
            format!("{:.6}", row.lat),
            format!("{:.6}", row.lng),
            crs.name().to_string(),
            row.url,
            LICENCE.to_string(),
        ]);
        writer.write_record(&record)?;
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
