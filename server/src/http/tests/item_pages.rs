//! 益享生活 over HTTP: posting with photos through the multipart route (photos re-encoded without
//! their GPS position, a refused posting shown again with what was typed, uploads over the limit
//! refused before they are read), the list with its search, and item pages.

use super::multipart::{multipart_body, multipart_post, Part};
use super::*;
use app::photos::{sample_phone_jpeg, SAMPLE_GPS_MARKER};
use app::testing::neighbour;
use futures_util::StreamExt;

fn posting(body: Vec<u8>, cookie: Option<&str>) -> Request<Body> {
    multipart_post("/items/new", body, cookie)
}

pub(super) fn bike_fields<'a>() -> Vec<Part<'a>> {
    vec![
        Part::Text("item[kind]", "offer"),
        Part::Text("item[title]", "儿童自行车"),
        Part::Text("item[category]", "baby_kids"),
        Part::Text("item[condition]", "good"),
        Part::Text("item[mode]", "give"),
        Part::Text("item[description]", "九成新，带辅助轮"),
        Part::Text("item[pickup_notes]", "晚上七点后小区门口"),
        Part::Text("item[lat]", "26.583411"),
        Part::Text("item[lng]", "106.713372"),
    ]
}

async fn bytes_of(router: &axum::Router, uri: &str) -> (StatusCode, Vec<u8>) {
    let response = router.clone().oneshot(get(uri)).await.unwrap();
    let status = response.status();
    let body = axum::body::to_bytes(response.into_body(), 8 * 1024 * 1024)
        .await
        .unwrap();
    (status, body.to_vec())
}

#[tokio::test]
async fn a_resident_posts_an_item_with_a_phone_photo() {
    let (router, test) = bare_app().await;
    let cookie = session_for(&test, neighbour(&test.db, 1).await).await;
    let photo = sample_phone_jpeg(640, 480);
    let mut parts = bike_fields();
    parts.push(Part::File("photos", "IMG_0001.jpg", &photo));
    let (status, headers, _) = send(&router, posting(multipart_body(&parts), Some(&cookie))).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let location = headers[header::LOCATION].to_str().unwrap().to_string();
    let id: i64 = location
        .strip_prefix("/items/")
        .and_then(|rest| rest.strip_suffix("?done=posted"))
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("{location}"));

    let (status, _, page) = send(&router, get(&location)).await;
    let page = page.replace("<!>", "");
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("<title>儿童自行车 · 云益享</title>"),
        "{page}"
    );
    assert!(page.contains("已发布"));
    assert!(page.contains("九成新，带辅助轮") && page.contains("晚上七点后小区门口"));
    assert!(!page.contains("26.583411") && !page.contains("106.713372"));
    assert!(page.contains("大致位置：约 300 米范围内"));

    // The photo is served upright, re-encoded: no EXIF block, no GPS position.
    let item = app::items::db::find(test.db.pool(), id)
        .await
        .unwrap()
        .unwrap();
    let stored = &item.photos[0];
    assert_eq!((stored.width, stored.height), (480, 640));
    for url in [stored.display_url(), stored.thumb_url()] {
        assert!(page.contains(&stored.display_url()));
        let (status, bytes) = bytes_of(&router, &url).await;
        assert_eq!(status, StatusCode::OK, "{url}");
        assert_eq!(&bytes[..2], &[0xFF, 0xD8]);
        assert!(!bytes.windows(4).any(|w| w == b"Exif"), "{url}");
        assert!(!bytes
            .windows(SAMPLE_GPS_MARKER.len())
            .any(|w| w == SAMPLE_GPS_MARKER));
    }

    // It is in the list, and found by a long and a short search.
    for query in [
        "",
        "?q=%E8%87%AA%E8%A1%8C%E8%BD%A6",
        "?q=%E8%BD%A6",
        "?category=baby_kids",
    ] {
        let (status, _, list) = send(&router, get(&format!("/items{query}"))).await;
        assert_eq!(status, StatusCode::OK);
        assert!(list.contains(&format!("href=\"/items/{id}\"")), "{query}");
    }
    let (_, _, none) = send(&router, get("/items?category=books")).await;
    assert!(!none.contains(&format!("href=\"/items/{id}\"")));
    let (status, _, _) = send(&router, get("/items?mode=sell")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    // Three reports hide it: its photos are gone for others, kept for its owner (never cached).
    let reporters = app::testing::neighbours(&test.db, 2, 3).await;
    let mut tx = test.db.begin_write().await.unwrap();
    for reporter in reporters {
        let reason = app::items::model::ReportReason::Misleading;
        app::items::moderation::report(&mut tx, id, reporter, reason, "", 1)
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
    let (status, _) = bytes_of(&router, &stored.display_url()).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let response = router
        .clone()
        .oneshot(get_with_cookie(&stored.display_url(), Some(&cookie)))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let cache = response.headers()[header::CACHE_CONTROL].to_str().unwrap();
    assert!(
        cache.contains("no-store") && cache.contains("private"),
        "{cache}"
    );
    test.finish().await;
}

#[tokio::test]
async fn a_refused_posting_comes_back_with_what_was_typed_and_why() {
    let (router, test) = bare_app().await;
    let cookie = session_for(&test, neighbour(&test.db, 1).await).await;
    let mut parts = bike_fields();
    parts.push(Part::File(
        "photos",
        "notes.jpg",
        b"%PDF-1.4 this is not a photo",
    ));
    let (status, headers, page) =
        send(&router, posting(multipart_body(&parts), Some(&cookie))).await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    // The page shown again is a page like any other: its scripts carry the policy's nonce.
    let policy = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(policy.contains("'nonce-"), "{policy}");
    assert!(page.contains("有一个文件不是照片"), "{page}");
    assert!(page.contains("value=\"儿童自行车\"") && page.contains("九成新，带辅助轮"));

    let mut short = bike_fields();
    short[1] = Part::Text("item[title]", "车");
    let (status, _, page) = send(&router, posting(multipart_body(&short), Some(&cookie))).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("物品名称需要 2 到 60 个字"));

    let photo = sample_phone_jpeg(40, 30);
    let mut seven = bike_fields();
    for _ in 0..7 {
        seven.push(Part::File("photos", "p.jpg", &photo));
    }
    let (status, _, page) = send(&router, posting(multipart_body(&seven), Some(&cookie))).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("最多上传 6 张照片"));

    let listed = app::items::db::listed(
        &test.db,
        &app::items::filter::WantedItems::default(),
        app::db::now_unix(),
        1000,
    )
    .await
    .unwrap();
    assert!(listed
        .items
        .iter()
        .all(|item| item.title != "儿童自行车" && item.title != "车"));
    test.finish().await;
}

#[tokio::test]
async fn only_signed_in_people_post_and_only_from_this_site() {
    let (router, test) = bare_app().await;
    let (status, headers, _) = send(&router, posting(multipart_body(&bike_fields()), None)).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(headers[header::LOCATION]
        .to_str()
        .unwrap()
        .starts_with("/signin?next="));
    let (status, _, _) = send(&router, page("/items/new")).await;
    assert!(status.is_redirection(), "{status}");

    let cookie = session_for(&test, neighbour(&test.db, 1).await).await;
    let mut cross_site = posting(multipart_body(&bike_fields()), Some(&cookie));
    cross_site
        .headers_mut()
        .insert("sec-fetch-site", "cross-site".parse().unwrap());
    let (status, _, _) = send(&router, cross_site).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    test.finish().await;
}

#[tokio::test]
async fn an_oversized_upload_is_refused_before_it_is_read_whole() {
    let (router, test) = bare_app().await;
    let cookie = session_for(&test, neighbour(&test.db, 1).await).await;
    // A body that announces more than the limit and then never ends: answering at all proves
    // the server did not wait to read it.
    let first = bytes::Bytes::from(multipart_body(&bike_fields()));
    let endless = futures_util::stream::once(async move { Ok::<_, std::io::Error>(first) })
        .chain(futures_util::stream::pending());
    let (mut parts, _) = posting(Vec::new(), Some(&cookie)).into_parts();
    parts.headers.insert(
        header::CONTENT_LENGTH,
        (super::super::items::MAX_UPLOAD_BYTES + 1).into(),
    );
    let request = Request::from_parts(parts, Body::from_stream(endless));
    let answer = tokio::time::timeout(
        std::time::Duration::from_secs(10),
        router.clone().oneshot(request),
    )
    .await
    .expect("answered without reading the body")
    .unwrap();
    assert_eq!(answer.status(), StatusCode::PAYLOAD_TOO_LARGE);

    // Without a length, the body is cut off at one photo's limit as it streams in.
    let big = vec![0u8; app::photos::PHOTO_MAX_BYTES + 1];
    let mut parts = bike_fields();
    parts.push(Part::File("photos", "huge.jpg", &big));
    let (status, _, page) = send(&router, posting(multipart_body(&parts), Some(&cookie))).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(page.contains("每张照片不能超过 10 MB"));
    test.finish().await;
}

#[tokio::test]
async fn a_coordinator_hands_things_out_at_their_organisations_point_and_no_one_else_can() {
    use app::orgs::model::OrgKind;
    use app::resources::model::ResourceKind;
    use app::testing::{org_run_by, resource};
    let (router, test) = bare_app().await;
    let db = &test.db;
    let coordinator = neighbour(db, 1).await;
    let org = org_run_by(
        db,
        "晨光助老服务中心",
        OrgKind::Ngo,
        neighbour(db, 2).await,
        &[coordinator],
    )
    .await;
    let ours = resource(
        db,
        Some(org),
        ResourceKind::DonationPoint,
        "中华北路旧衣物捐赠点",
    )
    .await;
    let other = org_run_by(db, "邻里共享会", OrgKind::Ngo, neighbour(db, 3).await, &[]).await;
    let elsewhere = resource(
        db,
        Some(other),
        ResourceKind::LibraryOfThings,
        "邻里共享工具屋",
    )
    .await;
    let coordinator = session_for(&test, coordinator).await;
    // The form offers the coordinator their organisation's points only; a resident none.
    let (_, _, form) = send(&router, with_cookie("/items/new", &coordinator)).await;
    assert!(form.contains("name=\"item[resource]\"") && form.contains("中华北路旧衣物捐赠点"));
    assert!(!form.contains("邻里共享工具屋"));
    let resident = session_for(&test, neighbour(db, 4).await).await;
    let (_, _, form) = send(&router, with_cookie("/items/new", &resident)).await;
    assert!(!form.contains("item[resource]"));

    // Posted at the point (no place of its own needed): shown there, with the organisation.
    fn at_point(resource: &str, kind: &str) -> Vec<u8> {
        let mut parts: Vec<Part> = bike_fields()
            .into_iter()
            .filter(|p| !matches!(p, Part::Text("item[lat]" | "item[lng]" | "item[kind]", _)))
            .collect();
        parts.push(Part::Text("item[kind]", kind));
        parts.push(Part::Text("item[resource]", resource));
        multipart_body(&parts)
    }
    let (ours_text, elsewhere_text) = (ours.to_string(), elsewhere.to_string());
    let (status, headers, _) = send(
        &router,
        posting(at_point(&ours_text, "offer"), Some(&coordinator)),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let location = headers[header::LOCATION].to_str().unwrap().to_string();
    let (_, _, page) = send(&router, get(&location)).await;
    assert!(page.contains("data-testid=\"item-handout\""), "{page}");
    assert!(page.contains(&format!("/resources/{ours}")) && page.contains("晨光助老"));
    // The place is the point's, not a neighbour's rough one.
    assert!(page.contains("到上面的领取点领取") && !page.contains("约 300 米范围内"));

    // Someone else's point, a resident, a wish, a made-up point: refused with why.
    for (body, cookie) in [
        (at_point(&elsewhere_text, "offer"), &coordinator),
        (at_point(&ours_text, "offer"), &resident),
        (at_point(&ours_text, "wanted"), &coordinator),
        (at_point("99999", "offer"), &coordinator),
        (at_point("x", "offer"), &coordinator),
    ] {
        let (status, _, page) = send(&router, posting(body, Some(cookie))).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(page.contains("这个站点不能选"), "{page}");
    }
    test.finish().await;
}
