//! 邻里帮帮 over HTTP, a member's photo and their own consents: the coordinators upload a photo
//! (re-encoded without its GPS position) that only the people its consent reaches are sent, each
//! such view logged; a bad upload gets a clear 4xx; removing, exporting and deleting take the photo
//! with them. A linked member gives and withdraws their own consents in the app. On SQLite, and on
//! PostgreSQL when `TEST_POSTGRES_URL` is set.

use super::help_desk::{actions_for, location, post_ok, registered, OWNER, RESIDENT};
use super::multipart::{multipart_body, multipart_post, Part};
use super::*;
use app::help::db as help;
use app::help::model::{ConsentMethod, FieldGroup, ProxyAction};
use app::photos::{sample_phone_jpeg, SAMPLE_GPS_MARKER};

/// Sends `bytes` as the member's photo from the editor's form.
async fn upload(
    router: &axum::Router,
    member: i64,
    bytes: &[u8],
    cookie: Option<&str>,
) -> (StatusCode, axum::http::HeaderMap, String) {
    let body = multipart_body(&[Part::File("photo", "IMG_0002.jpg", bytes)]);
    send(
        router,
        multipart_post(&format!("/help/{member}/photo"), body, cookie),
    )
    .await
}

/// The status and bytes of a photo address for `cookie` (or a visitor).
async fn fetch(
    router: &axum::Router,
    address: &str,
    cookie: Option<&str>,
) -> (StatusCode, Vec<u8>) {
    let response = router
        .clone()
        .oneshot(get_with_cookie(address, cookie))
        .await
        .unwrap();
    let status = response.status();
    let cache = response.headers()[header::CACHE_CONTROL].to_str().unwrap();
    assert!(cache.contains("no-store"), "{address}: {cache}");
    let bytes = axum::body::to_bytes(response.into_body(), 4 * 1024 * 1024)
        .await
        .unwrap();
    (status, bytes.to_vec())
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[tokio::test]
async fn a_member_photo_goes_only_where_its_consent_reaches() {
    for test in app::db::testing::each_backend().await {
        a_member_photo_goes_only_where_its_consent_reaches_on(
            super::help_desk::coop_app_on(test).await,
        )
        .await;
    }
}

async fn a_member_photo_goes_only_where_its_consent_reaches_on(
    (router, test): (axum::Router, TestDb),
) {
    let id = registered(&router, &test, &[("name", "everyone")]).await;
    let (resident, owner) = (
        session_of(&test, RESIDENT).await,
        session_of(&test, OWNER).await,
    );
    let photo = sample_phone_jpeg(400, 300);
    // Only the cooperative's coordinators upload: a resident is refused, a visitor sent to sign in.
    let (status, _, _) = upload(&router, id, &photo, Some(&resident)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, headers, _) = upload(&router, id, &photo, None).await;
    assert_eq!(status, StatusCode::FOUND);
    assert!(location(&headers).starts_with("/signin?next="));
    let (status, headers, _) = upload(&router, id, &photo, Some(&owner)).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        location(&headers),
        format!("/help/{id}/edit?done=photo_changed#photo")
    );
    assert!(actions_for(&test.db, id)
        .await
        .contains(&ProxyAction::PhotoChanged));

    // Without a consent for it, the photo is the coordinators' only.
    let thumb = format!("/help/{id}/thumb.jpg");
    let full = format!("/help/{id}/photo.jpg");
    for cookie in [None, Some(resident.as_str())] {
        assert_eq!(
            fetch(&router, &thumb, cookie).await.0,
            StatusCode::NOT_FOUND
        );
        let (_, _, card) = send(&router, get_with_cookie(&format!("/help/{id}"), cookie)).await;
        assert!(card.contains("李姐测试") && !card.contains(&thumb));
    }
    let (status, kept) = fetch(&router, &full, Some(&owner)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(&kept[..2], &[0xFF, 0xD8], "a JPEG");
    assert!(!contains(&kept, SAMPLE_GPS_MARKER) && !contains(&kept, b"Exif"));
    let (_, _, editor) = send(&router, with_cookie(&format!("/help/{id}/edit"), &owner)).await;
    assert!(editor.contains(&thumb) && editor.contains("remove-photo"));

    // With a consent for signed-in residents: they are sent it, each time logged; visitors not.
    let give = format!("member={id}&group=photo&audience=residents&method=paper");
    post_ok(&router, "/api/help/record-consent", &give, &owner).await;
    let (_, _, card) = send(&router, with_cookie(&format!("/help/{id}"), &resident)).await;
    assert!(card.contains(&thumb));
    let (_, _, list) = send(&router, with_cookie("/help", &resident)).await;
    assert!(list.contains(&thumb));
    assert_eq!(
        fetch(&router, &thumb, Some(&resident)).await.0,
        StatusCode::OK
    );
    assert_eq!(fetch(&router, &thumb, None).await.0, StatusCode::NOT_FOUND);
    let mut conn = test.db.pool().acquire().await.unwrap();
    let looked = help::access_log(&mut conn, id, 50).await.unwrap();
    assert!(looked
        .iter()
        .any(|e| e.viewer_name == "小云（居民）" && e.fields == vec![FieldGroup::Photo]));
    let consent = help::consents_of(&mut conn, &[id])
        .await
        .unwrap()
        .into_iter()
        .find(|(_, c)| c.group == FieldGroup::Photo)
        .unwrap()
        .1
        .id;
    drop(conn);
    // Withdrawn: gone on the very next request.
    let withdraw = format!("member={id}&consent={consent}");
    post_ok(&router, "/api/help/withdraw-consent", &withdraw, &owner).await;
    assert_eq!(
        fetch(&router, &thumb, Some(&resident)).await.0,
        StatusCode::NOT_FOUND
    );

    // What is not a photo, or no file at all, is refused with the reason on the editor.
    for (bytes, expected) in [
        (
            b"%PDF-1.4 not a photo".as_slice(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ),
        (b"".as_slice(), StatusCode::UNSUPPORTED_MEDIA_TYPE),
    ] {
        let (status, _, page) = upload(&router, id, bytes, Some(&owner)).await;
        assert_eq!(status, expected);
        assert!(
            page.contains("photo-error") && page.contains("不是照片"),
            "{page}"
        );
    }
    // The download carries the photo as kept.
    let (_, _, json) = send(
        &router,
        html_form(&format!("/help/{id}/export.json"), "", &owner),
    )
    .await;
    let data: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(data["member"]["photo"]["jpeg_base64"]
        .as_str()
        .is_some_and(|b| b.len() > 100));

    // Removed: gone for the coordinators too, and logged; a second removal finds nothing.
    let remove = format!("member={id}");
    post_ok(&router, "/api/help/remove-photo", &remove, &owner).await;
    assert_eq!(
        fetch(&router, &full, Some(&owner)).await.0,
        StatusCode::NOT_FOUND
    );
    assert!(actions_for(&test.db, id)
        .await
        .contains(&ProxyAction::PhotoRemoved));
    let (status, _, _) = send(
        &router,
        form("/api/help/remove-photo", &remove, Some(&owner)),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // Deleting the member's data deletes a photo too.
    upload(&router, id, &photo, Some(&owner)).await;
    post_ok(
        &router,
        "/api/help/delete-member",
        &format!("member={id}&confirm=yes"),
        &owner,
    )
    .await;
    let mut conn = test.db.pool().acquire().await.unwrap();
    assert_eq!(help::photo_bytes(&mut conn, id, false).await.unwrap(), None);
    drop(conn);
    test.finish().await;
}

#[tokio::test]
async fn a_linked_member_gives_and_withdraws_their_own_consents() {
    for test in app::db::testing::each_backend().await {
        a_linked_member_gives_and_withdraws_their_own_consents_on(
            super::help_desk::coop_app_on(test).await,
        )
        .await;
    }
}

async fn a_linked_member_gives_and_withdraws_their_own_consents_on(
    (router, test): (axum::Router, TestDb),
) {
    let id = registered(&router, &test, &[]).await;
    let (member, owner) = (
        session_of(&test, RESIDENT).await,
        session_of(&test, OWNER).await,
    );
    let give = format!("member={id}&group=name&audience=everyone");
    // Not yet linked: a resident may not speak for the member.
    let (status, _, _) = send(
        &router,
        form("/api/help/record-consent", &give, Some(&member)),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let link = format!("member={id}&contact={RESIDENT}");
    post_ok(&router, "/api/help/link-account", &link, &owner).await;
    super::help_desk::accept_link(&router, &test.db, id, &member).await;

    // Linked: their own page offers the consent form, with no "how was it collected".
    let (_, _, own) = send(&router, with_cookie(&format!("/help/{id}"), &member)).await;
    assert!(own.contains("我同意给谁看什么") && own.contains("consent-form"));
    assert!(!own.contains("name=\"method\""));
    let to = post_ok(&router, "/api/help/record-consent", &give, &member).await;
    assert_eq!(to, format!("/help/{id}?done=consent_recorded#consents"));
    let mut conn = test.db.pool().acquire().await.unwrap();
    let (_, consent) = help::consents_of(&mut conn, &[id]).await.unwrap().remove(0);
    drop(conn);
    assert_eq!(consent.method, ConsentMethod::InApp);
    assert_eq!(consent.collected_by.as_deref(), Some("小云（居民）"));
    // Acting for themselves is not acting for someone: nothing in the proxy log.
    assert!(!actions_for(&test.db, id)
        .await
        .contains(&ProxyAction::ConsentRecorded));
    let (status, _, card) = send(&router, page(&format!("/help/{id}"))).await;
    assert_eq!(status, StatusCode::OK);
    assert!(card.contains("李姐测试"));

    // Withdrawn by the member: hidden on the next request.
    let withdraw = format!("member={id}&consent={}", consent.id);
    post_ok(&router, "/api/help/withdraw-consent", &withdraw, &member).await;
    let (status, _, card) = send(&router, page(&format!("/help/{id}"))).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(!card.contains("李姐测试"));
    // A coordinator of another organisation may not speak for them either.
    let other = session_of(&test, super::help_desk::COORDINATOR).await;
    let (status, _, _) = send(
        &router,
        form("/api/help/record-consent", &give, Some(&other)),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    test.finish().await;
}
