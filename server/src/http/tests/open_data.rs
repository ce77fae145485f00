//! The open-data feeds: valid GeoJSON (read back with the `geojson` crate), GCJ-02 on request, CSV
//! that spreadsheets open, clear refusals.

use super::*;
use app::geo::{wgs84_to_gcj02, LatLng};
use geojson::{FeatureCollection, Value};

async fn collection(router: &axum::Router, uri: &str) -> FeatureCollection {
    let (status, headers, body) = send(router, get(uri)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(headers[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("application/geo+json"));
    assert_eq!(headers[header::CACHE_CONTROL], "public, max-age=300");
    assert_eq!(headers[header::ACCESS_CONTROL_ALLOW_ORIGIN], "*");
    body.parse::<geojson::GeoJson>()
        .and_then(FeatureCollection::try_from)
        .unwrap()
}

/// Three organisations on the map: a partner, one waiting for review and a rejected one (which
/// is not published); a food bank run by the partner, and a recycling bin run by nobody.
async fn published(test: &TestDb) {
    use app::orgs::model::{OrgKind, Verification};
    use app::resources::model::ResourceKind;
    use app::testing::{org_at, resource, set_standing};
    let db = &test.db;
    let partner = org_at(
        db,
        "晨光助老服务中心",
        OrgKind::SocialOrg,
        (26.583, 106.712),
    )
    .await;
    set_standing(db, partner, Verification::Partner).await;
    org_at(
        db,
        "河滨社区居民委员会",
        OrgKind::Community,
        (26.579, 106.705),
    )
    .await;
    let rejected = org_at(db, "来历不明的机构", OrgKind::Ngo, (26.590, 106.720)).await;
    set_standing(db, rejected, Verification::Rejected).await;
    resource(db, Some(partner), ResourceKind::FoodBank, "爱心冰箱").await;
    resource(db, None, ResourceKind::Recycling, "旧衣回收箱").await;
}

fn position(feature: &geojson::Feature) -> LatLng {
    match &feature.geometry.as_ref().unwrap().value {
        Value::Point(p) => LatLng::new(p[1], p[0]),
        other => panic!("not a point: {other:?}"),
    }
}

#[tokio::test]
async fn organisations_are_published_as_geojson_in_either_coordinate_system() {
    let (router, test) = bare_app().await;
    published(&test).await;
    let wgs = collection(&router, "/api/v1/organisations.geojson").await;
    let about = wgs.foreign_members.as_ref().unwrap();
    assert_eq!(about["licence"], "CC-BY-4.0");
    assert_eq!(about["crs"], "WGS-84");
    // The organisations that are not rejected.
    let mut names: Vec<_> = wgs
        .features
        .iter()
        .map(|f| f.property("name").unwrap())
        .collect();
    names.sort_by_key(|name| name.to_string());
    assert_eq!(names, ["晨光助老服务中心", "河滨社区居民委员会"]);
    let sunshine = wgs
        .features
        .iter()
        .find(|f| f.property("name").unwrap() == "晨光助老服务中心")
        .unwrap();
    assert_eq!(sunshine.property("tier").unwrap(), "partner");
    assert!(sunshine
        .property("url")
        .unwrap()
        .as_str()
        .unwrap()
        .starts_with("/orgs/"));
    // Nothing from the review desk leaks out.
    assert!(sunshine.property("rejection_reason").is_none());
    let place = position(sunshine);
    assert!((26.5..26.7).contains(&place.lat) && (106.6..106.8).contains(&place.lng));

    let gcj = collection(&router, "/api/v1/organisations.geojson?crs=gcj02").await;
    assert_eq!(gcj.foreign_members.as_ref().unwrap()["crs"], "GCJ-02");
    assert_eq!(gcj.features.len(), wgs.features.len());
    for (w, g) in wgs.features.iter().zip(&gcj.features) {
        let expected = wgs84_to_gcj02(position(w));
        assert!(position(g).metres_to(expected) < 0.01);
        // In Guiyang the offset is a few hundred metres.
        let shift = position(g).metres_to(position(w));
        assert!((100.0..700.0).contains(&shift), "{shift} m");
    }
    test.finish().await;
}

#[tokio::test]
async fn organisations_csv_opens_in_spreadsheets_and_unknown_systems_are_refused() {
    let (router, test) = bare_app().await;
    published(&test).await;
    let (status, headers, body) = send(&router, get("/api/v1/organisations.csv")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    // The byte-order mark tells Excel and WPS the file is UTF-8.
    assert!(body.starts_with('\u{feff}'));
    let mut reader = csv::Reader::from_reader(body.trim_start_matches('\u{feff}').as_bytes());
    assert_eq!(&reader.headers().unwrap()[1], "name");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(rows
        .iter()
        .any(|r| &r[1] == "晨光助老服务中心" && &r[12] == "CC-BY-4.0"));

    let english = Request::get("/api/v1/organisations.geojson?crs=bd09")
        .header(header::ACCEPT_LANGUAGE, "en")
        .body(Body::empty())
        .unwrap();
    let (status, _, body) = send(&router, english).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("wgs84") && body.contains("gcj02"), "{body}");
    let (status, _, body) = send(&router, get("/api/v1/organisations.csv?crs=x")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("坐标系"));
    test.finish().await;
}

#[tokio::test]
async fn community_resources_are_published_as_geojson_and_csv() {
    let (router, test) = bare_app().await;
    published(&test).await;
    let resources = app::resources::db::all(test.db.pool()).await.unwrap();
    assert_eq!(resources.len(), 2);
    let wgs = collection(&router, "/api/v1/resources.geojson").await;
    let about = wgs.foreign_members.as_ref().unwrap();
    assert_eq!(
        (about["name"].as_str(), about["licence"].as_str()),
        (Some("resources"), Some("CC-BY-4.0"))
    );
    assert_eq!(wgs.features.len(), resources.len());
    let fridge = wgs
        .features
        .iter()
        .find(|f| f.property("name").unwrap() == "爱心冰箱")
        .expect("the food bank");
    assert_eq!(fridge.property("kind").unwrap(), "food_bank");
    assert_eq!(fridge.property("run_by").unwrap(), "晨光助老服务中心");
    assert!(fridge
        .property("url")
        .unwrap()
        .as_str()
        .unwrap()
        .starts_with("/resources/"));
    let gcj = collection(&router, "/api/v1/resources.geojson?crs=gcj02").await;
    for (w, g) in wgs.features.iter().zip(&gcj.features) {
        assert!(position(g).metres_to(wgs84_to_gcj02(position(w))) < 0.01);
    }

    let (status, headers, body) = send(&router, get("/api/v1/resources.csv")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers[header::CONTENT_DISPOSITION]
        .to_str()
        .unwrap()
        .contains("resources.csv"));
    let mut reader = csv::Reader::from_reader(body.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(&header[..3], ["id", "name", "kind"]);
    assert!(header.contains(&"run_by".to_string()) && header.contains(&"licence".to_string()));
    assert_eq!(reader.records().count(), resources.len());

    for unknown in [
        "/api/v1/people.csv",
        "/api/v1/resources.xlsx",
        "/api/v1/resources",
    ] {
        let (status, _, _) = send(&router, get(unknown)).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{unknown}");
    }
    test.finish().await;
}

/// A feed answers at most a page of places, read by id from where the last page ended, and names
/// the next page; following the pages gives every place once.
#[tokio::test]
async fn feeds_come_a_page_at_a_time() {
    use crate::http::open_data::FEED_PAGE;
    let (router, test) = bare_app().await;
    let mut tx = test.db.begin_write().await.unwrap();
    for n in 0..FEED_PAGE + 50 {
        sqlx::query(
            "INSERT INTO community_resources (kind, name, lat, lng, created_at, updated_at) \
             VALUES ('donation_point', $1, 26.58, 106.71, 1, 1)",
        )
        .bind(format!("捐赠点 {n}"))
        .execute(&mut *tx)
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();
    let total = FEED_PAGE as usize + 50;

    let mut seen = Vec::new();
    let mut next = Some("/api/v1/resources.geojson?crs=gcj02".to_string());
    while let Some(address) = next.take() {
        let (status, headers, body) = send(&router, get(&address)).await;
        assert_eq!(status, StatusCode::OK, "{address}: {body}");
        let page = body
            .parse::<geojson::GeoJson>()
            .and_then(FeatureCollection::try_from)
            .unwrap();
        assert!(page.features.len() as i64 <= FEED_PAGE);
        assert_eq!(page.foreign_members.as_ref().unwrap()["crs"], "GCJ-02");
        seen.extend(page.features.iter().map(|f| f.id.clone()));
        next = page.foreign_members.as_ref().unwrap().get("next").map(|n| {
            let n = n.as_str().unwrap().to_string();
            assert!(n.contains("crs=gcj02"), "{n}");
            let link = headers[header::LINK].to_str().unwrap();
            assert_eq!(link, format!("<{n}>; rel=\"next\""));
            n
        });
    }
    assert_eq!(seen.len(), total, "every place once");
    // CSV pages the same way.
    let (_, headers, body) = send(&router, get("/api/v1/resources.csv")).await;
    assert_eq!(
        body.lines().count() as i64,
        FEED_PAGE + 1,
        "a header and a page"
    );
    assert!(headers[header::LINK].to_str().unwrap().contains("since="));
    for bad in ["since=abc", "since=-1", "since=1e3"] {
        let (status, _, _) = send(&router, get(&format!("/api/v1/resources.csv?{bad}"))).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
    }
    test.finish().await;
}
