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

#[tokio::test]
async fn the_map_page_lists_places_nearest_the_chosen_area() {
    let (router, test) = app().await;
    // `<!>` separates text nodes for hydration; the reader sees one line.
    let page = |body: String| body.replace("<!>", "");
    let (status, _, body) = send(&router, get("/map")).await;
    let body = page(body);
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("离这里最近：云岩区中心"), "{body}");
    let around_centre = listed(&body);
    assert_eq!(
        around_centre.first().map(String::as_str),
        Some("黔味善食爱心冰箱")
    );
    assert!(around_centre.len() >= 10);
    assert!(body.contains(" 米") || body.contains(" 公里"));

    let (status, _, body) = send(&router, get("/map?area=yy-jinguan")).await;
    let body = page(body);
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("离这里最近：金关街道"));
    assert!(
        body.contains(r#"<option value="yy-jinguan" selected"#),
        "the choice is kept"
    );
    let around_jinguan = listed(&body);
    assert_eq!(
        around_jinguan.first().map(String::as_str),
        // An upcoming clean-up on the hill's path is nearer than the committee's office.
        Some("黔灵山登山步道清洁")
    );
    assert_eq!(around_jinguan.len(), around_centre.len());

    // An area that does not exist falls back to the district centre.
    let (status, _, body) = send(&router, get("/map?area=nowhere")).await;
    let body = page(body);
    assert_eq!(status, StatusCode::OK);
    assert_eq!(listed(&body), around_centre);
    test.finish().await;
}
