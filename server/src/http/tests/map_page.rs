//! `/map` without JavaScript: the places nearest an area of the district, server-rendered.

use super::*;

/// The organisation names in the nearby list, in the order shown.
fn listed(body: &str) -> Vec<String> {
    let list = body
        .split(r#"data-testid="nearby-list""#)
        .nth(1)
        .expect("a nearby list");
    list.split("org-name__link")
        .skip(1)
        .filter_map(|part| {
            let name = part.split_once('>')?.1.split_once('<')?.0;
            Some(name.to_string())
        })
        .collect()
}

/// A food bank named `name` at `location`, run by nobody.
async fn fridge_at(test: &TestDb, name: &str, location: (f64, f64)) {
    use app::resources::model::ResourceKind;
    app::testing::resource_at(&test.db, None, ResourceKind::FoodBank, name, location).await;
}

#[tokio::test]
async fn the_map_page_lists_places_nearest_the_chosen_area() {
    let (router, test) = bare_app().await;
    // One place by the district centre, one in a sub-district 4 km north of it.
    fridge_at(&test, "中心爱心冰箱", (26.5851, 106.7131)).await;
    fridge_at(&test, "北坡爱心冰箱", (26.6201, 106.7101)).await;
    app::testing::subdistrict(&test.db, "yy-beipo", "北坡街道", (26.62, 106.71)).await;
    // `<!>` separates text nodes for hydration; the reader sees one line.
    let page = |body: String| body.replace("<!>", "");
    let (status, _, body) = send(&router, get("/map")).await;
    let body = page(body);
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("离这里最近：云岩区中心"), "{body}");
    let around_centre = listed(&body);
    assert_eq!(around_centre, ["中心爱心冰箱", "北坡爱心冰箱"]);
    assert!(body.contains(" 米") && body.contains(" 公里"));

    let (status, _, body) = send(&router, get("/map?area=yy-beipo")).await;
    let body = page(body);
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("离这里最近：北坡街道"));
    assert!(
        body.contains(r#"<option value="yy-beipo" selected"#),
        "the choice is kept"
    );
    assert_eq!(listed(&body), ["北坡爱心冰箱", "中心爱心冰箱"]);

    // An area that does not exist falls back to the district centre.
    let (status, _, body) = send(&router, get("/map?area=nowhere")).await;
    let body = page(body);
    assert_eq!(status, StatusCode::OK);
    assert_eq!(listed(&body), around_centre);
    test.finish().await;
}
