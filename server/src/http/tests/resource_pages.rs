//! `/resources/{id}`: a community resource's page, server-rendered.

use super::*;

#[tokio::test]
async fn a_resource_page_shows_what_where_when_and_who() {
    use app::{orgs::model::OrgKind, resources::model::ResourceKind, testing};
    let (router, test) = bare_app().await;
    let mut tx = test.db.begin_write().await.unwrap();
    let org = testing::new_org(&mut tx, "爱心食物银行", OrgKind::Ngo).await;
    tx.commit().await.unwrap();
    let fridge = testing::resource(&test.db, Some(org), ResourceKind::FoodBank, "爱心冰箱").await;
    let (status, _, body) = send(&router, get(&format!("/resources/{fridge}"))).await;
    let body = body.replace("<!>", "");
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("<title>爱心冰箱 · 云益享</title>"), "{body}");
    assert!(body.contains("爱心食物站"), "the kind's name");
    assert!(body.contains("测试路 1 号"));
    assert!(body.contains("每天 9:00–17:00"));
    assert!(body.contains(&format!(r#"href="/orgs/{org}""#)) && body.contains("爱心食物银行"));
    // The small map is an island over the page; Leaflet loads here.
    assert!(body.contains("/vendor/leaflet/leaflet.js"));

    for missing in ["/resources/99999", "/resources/abc"] {
        let (status, _, _) = send(&router, get(missing)).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{missing}");
    }
    test.finish().await;
}
