//! `/resources/{id}`: a community resource's page, server-rendered.

use super::*;

#[tokio::test]
async fn a_resource_page_shows_what_where_when_and_who() {
    let (router, test) = app().await;
    let fridge = app::resources::db::all(test.db.pool())
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.name == "黔味善食爱心冰箱")
        .unwrap();
    let (status, _, body) = send(&router, get(&format!("/resources/{}", fridge.id))).await;
    let body = body.replace("<!>", "");
    assert_eq!(status, StatusCode::OK);
    assert!(
        body.contains("<title>黔味善食爱心冰箱 · 云益享</title>"),
        "{body}"
    );
    assert!(body.contains("爱心食物站"));
    assert!(body.contains("贵阳市云岩区合群路 19 号"));
    assert!(body.contains("每天 17:00–22:00"));
    let (org, name) = fridge.org.unwrap();
    assert!(body.contains(&format!(r#"href="/orgs/{org}""#)) && body.contains(&name));
    // The small map is an island over the page; Leaflet loads here.
    assert!(body.contains("/vendor/leaflet/leaflet.js"));

    for missing in ["/resources/99999", "/resources/abc"] {
        let (status, _, _) = send(&router, get(missing)).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{missing}");
    }
    test.finish().await;
}
