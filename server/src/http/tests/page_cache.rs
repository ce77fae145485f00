//! The visitors' page cache: a page is served again for a second, each time with a nonce of its
//! own; a write through the server makes it forget at once; nothing rendered for a signed-in
//! person is served to anyone else, and they are never served a visitor's page.

use super::multipart::{multipart_body, multipart_post, Part};
use super::*;
use app::testing::{listing, neighbour};

/// The nonce of a page's policy.
fn policy_nonce(headers: &axum::http::HeaderMap) -> String {
    let policy = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    let nonce = policy.split("'nonce-").nth(1).unwrap();
    nonce.split('\'').next().unwrap().to_string()
}

/// An event next week with seats for anyone who joins.
async fn open_event(test: &TestDb) -> i64 {
    let next_week = app::db::now_unix() + 7 * 86_400;
    let mut tx = test.db.begin_write().await.unwrap();
    let id = app::testing::published_event(&mut tx, next_week, Some(10), |_| {}).await;
    tx.commit().await.unwrap();
    id
}

/// The app with one listing on 益享生活, whose id is the largest.
async fn app_with_a_listing() -> (axum::Router, TestDb) {
    let (router, test) = bare_app().await;
    listing(&test.db, neighbour(&test.db, 1).await, "台灯", "give").await;
    (router, test)
}

#[tokio::test]
async fn a_visitors_page_is_served_again_for_a_second_each_time_with_its_own_nonce() {
    let (router, test) = app_with_a_listing().await;
    let (status, first_headers, first) = send(&router, page("/items")).await;
    assert_eq!(status, StatusCode::OK);
    // Changed behind the server's back (not through it): the page stays as it was, briefly.
    sqlx::query("UPDATE items SET title = '改过名字的台灯' WHERE id = (SELECT MAX(id) FROM items)")
        .execute(test.db.pool())
        .await
        .unwrap();
    let (_, again_headers, again) = send(&router, page("/items")).await;
    assert!(!again.contains("改过名字的台灯"), "served from the cache");
    let (first_nonce, again_nonce) = (policy_nonce(&first_headers), policy_nonce(&again_headers));
    assert_ne!(first_nonce, again_nonce);
    assert!(again.contains(&format!("nonce=\"{again_nonce}\"")));
    assert!(!again.contains(&first_nonce));
    assert_eq!(
        again.replace(&again_nonce, "N"),
        first.replace(&first_nonce, "N"),
        "the same page apart from its nonce"
    );
    tokio::time::sleep(std::time::Duration::from_millis(1_100)).await;
    let (_, _, later) = send(&router, page("/items")).await;
    assert!(
        later.contains("改过名字的台灯"),
        "rendered again after a second"
    );
    test.finish().await;
}

#[tokio::test]
async fn a_write_through_the_server_shows_at_once() {
    let (router, test) = app_with_a_listing().await;
    let (_, _, before) = send(&router, page("/items")).await;
    assert!(!before.contains("缓存测试台灯"));
    let resident = session_for(&test, neighbour(&test.db, 2).await).await;
    let mut fields = super::item_pages::bike_fields();
    fields[1] = Part::Text("item[title]", "缓存测试台灯");
    let body = multipart_body(&fields);
    let (status, _, _) = send(&router, multipart_post("/items/new", body, Some(&resident))).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, _, after) = send(&router, page("/items")).await;
    assert!(after.contains("缓存测试台灯"));
    test.finish().await;
}

#[tokio::test]
async fn signed_in_pages_are_never_cached_nor_served_a_visitors_page() {
    let (router, test) = bare_app().await;
    let event = open_event(&test).await;
    let resident = session_for(&test, neighbour(&test.db, 1).await).await;
    let (status, _, _) = send(
        &router,
        form("/api/events/join", &format!("id={event}"), Some(&resident)),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let address = format!("/events/{event}");
    let going = "你已报名，届时见！";

    let (_, _, visitor) = send(&router, page(&address)).await;
    assert!(visitor.contains("登录后报名") && !visitor.contains(going));
    let (_, headers, signed_in) = send(&router, with_cookie(&address, &resident)).await;
    assert!(
        signed_in.contains(going),
        "the resident got the visitor's page"
    );
    assert_eq!(headers[header::CACHE_CONTROL], "no-store, private");
    let (_, _, visitor) = send(&router, page(&address)).await;
    assert!(
        !visitor.contains(going),
        "a visitor got the resident's page"
    );
    // Any other cookie (an expired session, say) is not a visitor's request either.
    let (_, _, stale) = send(&router, with_cookie(&address, "sid=expired; lang=zh")).await;
    assert!(stale.contains("登录后报名"));

    // The language cookie and Accept-Language each pick their own copy.
    let (_, _, english) = send(&router, with_cookie(&address, "lang=en")).await;
    assert!(english.contains("Sign in to join"), "English by cookie");
    let mut asked = page(&address);
    asked
        .headers_mut()
        .insert(header::ACCEPT_LANGUAGE, "en-GB,en;q=0.9".parse().unwrap());
    let (_, _, english) = send(&router, asked).await;
    assert!(
        english.contains("Sign in to join"),
        "English by Accept-Language"
    );
    let (_, _, chinese) = send(&router, page(&address)).await;
    assert!(chinese.contains("登录后报名"));
    test.finish().await;
}

/// A refused or unknown post changed nothing: it must not make every visitor's page render
/// afresh (anyone could send them by the thousand).
#[tokio::test]
async fn a_refused_post_keeps_the_pages() {
    let (router, test) = app_with_a_listing().await;
    let (_, _, _) = send(&router, page("/items")).await;
    sqlx::query(
        "UPDATE items SET title = '没人能刷新的台灯' WHERE id = (SELECT MAX(id) FROM items)",
    )
    .execute(test.db.pool())
    .await
    .unwrap();
    let refused = [
        form("/api/items/ask", "id=1&message=x", None),
        form("/api/nowhere", "", None),
        html_form(
            "/api/accounts/sign_in",
            "contact=13810000001&password=wrong",
            "",
        ),
        Request::post("/items/new").body(Body::empty()).unwrap(),
    ];
    for request in refused {
        let (status, _, _) = send(&router, request).await;
        assert!(
            status.is_client_error() || status.is_redirection(),
            "{status}"
        );
    }
    let (_, _, again) = send(&router, page("/items")).await;
    assert!(
        !again.contains("没人能刷新的台灯"),
        "the refused posts flushed the pages"
    );
    test.finish().await;
}

/// What the neighbour-help board shows follows consents that can be withdrawn at any time: no
/// browser or service worker may keep a visitor's copy either (P7).
#[tokio::test]
async fn the_help_board_is_never_kept_by_a_browser() {
    let (router, test) = bare_app().await;
    let coordinator = neighbour(&test.db, 1).await;
    let coop = app::testing::cooperative(&test.db).await;
    let member = app::testing::coop_member(&test.db, coop, coordinator).await;
    for address in ["/help".to_string(), format!("/help/{member}")] {
        let (_, headers, _) = send(&router, page(&address)).await;
        assert_eq!(
            headers[header::CACHE_CONTROL],
            "no-store, private",
            "{address}"
        );
    }
    let (_, headers, _) = send(&router, page("/items")).await;
    assert!(headers.get(header::CACHE_CONTROL).is_none());
    test.finish().await;
}
