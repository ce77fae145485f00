//! The HTTP surface, driven in process: health, pages, status codes, language negotiation.

use super::router;
use app::db::testing::TestDb;
use app::state::AppState;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use leptos::config::LeptosOptions;
use tower::ServiceExt;

mod bad_input;
mod bad_routes;
mod contact_codes;
mod dashboard_pages;
mod event_pages;
mod help_desk;
mod help_pages;
mod help_photo;
mod invitations;
mod item_pages;
mod map_api;
mod map_page;
mod multipart;
mod open_data;
mod org_pages;
mod page_cache;
mod permissions;
mod pwa;
mod resource_pages;
mod sms_settings;
mod static_files;
mod stored_xss;
mod volunteering_pages;

/// The whole app over the demo district, for the campaigns that want every table filled and
/// assert nothing about what is in it (bad input and bad addresses everywhere, markup in every
/// stored text). Every other test builds what it needs with `app::testing` over `bare_app`.
async fn demo_app() -> (axum::Router, TestDb) {
    let test = TestDb::sqlite().await;
    app::demo::seed_demo(&test.db).await.unwrap();
    bare_app_on(test)
}

/// The whole app over an empty database: the test builds what it needs with `app::testing`.
async fn bare_app() -> (axum::Router, TestDb) {
    bare_app_on(TestDb::sqlite().await)
}

fn bare_app_on(test: TestDb) -> (axum::Router, TestDb) {
    let options = LeptosOptions::builder().output_name("yunyixiang").build();
    let state = with_code_senders(AppState::new(test.db.clone(), false), &test);
    (router(state, options), test)
}

/// Codes leave as files in the test's own folder, where `sent_code` reads them.
fn with_code_senders(state: AppState, test: &TestDb) -> AppState {
    state
        .with_part(app::contacts::codes::CodeKey::new(TEST_KEY))
        .with_part(test_outbox(test))
}

/// The server key of every test app: the outbox opens the seals the code module made with it.
const TEST_KEY: [u8; 32] = [42; 32];

/// An outbox whose messages leave as files in the test's own folder.
fn test_outbox(test: &TestDb) -> app::outbox::Outbox {
    use std::sync::Arc;
    let sms = app::sms::SmsTransport::folder(test.files.join("sms")).unwrap();
    let mail = app::notifications::mail::Mailer::folder(
        test.files.join("mail"),
        "云益享 <noreply@localhost>",
        None,
    )
    .unwrap();
    app::outbox::Outbox::new(Some(Arc::new(sms)), Some(Arc::new(mail)), TEST_KEY)
}

/// The newest code sent to `contact` (by SMS to a mobile number, by e-mail to an address), once
/// what is in the outbox has left: a round is run here rather than waited for.
async fn sent_code(test: &TestDb, contact: &str) -> Option<String> {
    test_outbox(test)
        .send_due(&test.db, app::db::now_unix())
        .await
        .unwrap();
    let email = contact.contains('@');
    let folder = test.files.join(if email { "mail" } else { "sms" });
    let mut messages: Vec<(std::time::SystemTime, String, String)> = std::fs::read_dir(folder)
        .ok()?
        .filter_map(|entry| {
            let entry = entry.ok()?;
            let modified = entry.metadata().ok()?.modified().ok()?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                return None;
            }
            Some((modified, name, std::fs::read_to_string(entry.path()).ok()?))
        })
        .collect();
    messages.sort();
    messages.into_iter().rev().find_map(|(_, _, text)| {
        if email {
            let (head, body) = text.split_once("\r\n\r\n")?;
            head.contains(&format!("To: {contact}"))
                .then(|| six_digits(body))?
        } else {
            let json: serde_json::Value = serde_json::from_str(&text).ok()?;
            (json["to"] == contact).then(|| json["params"]["code"].as_str().map(String::from))?
        }
    })
}

/// The first run of exactly six digits in `text`.
fn six_digits(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(5)).find_map(|at| {
        let run = &bytes[at..at + 6];
        let before = at.checked_sub(1).map(|b| bytes[b]);
        let after = bytes.get(at + 6).copied();
        (run.iter().all(u8::is_ascii_digit)
            && !before.is_some_and(|b| b.is_ascii_digit())
            && !after.is_some_and(|b| b.is_ascii_digit()))
        .then(|| String::from_utf8_lossy(run).into_owned())
    })
}

/// Lets the next code to the same contact go out (one a minute).
async fn a_minute_passes(test: &TestDb) {
    sqlx::query("UPDATE code_sends SET sent_at = sent_at - 61")
        .execute(test.db.pool())
        .await
        .unwrap();
}

/// Signs `contact` up as `name` (password `volunteer-2026`) the way a person does: a code, then
/// the form. The new session's cookie.
async fn signed_up_as(router: &axum::Router, test: &TestDb, contact: &str, name: &str) -> String {
    let contact_field: String = form_urlencoded::byte_serialize(contact.as_bytes()).collect();
    let ask = format!("contact={contact_field}&purpose=sign_up");
    let (status, _, body) = send(router, form("/api/accounts/send_code", &ask, None)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let code = sent_code(test, contact).await.expect("a code was sent");
    let name: String = form_urlencoded::byte_serialize(name.as_bytes()).collect();
    let sign_up =
        format!("contact={contact_field}&code={code}&display_name={name}&password=volunteer-2026");
    let (status, headers, body) = send(router, form("/api/accounts/sign_up", &sign_up, None)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    session_cookie(&headers)
}

async fn send(
    router: &axum::Router,
    request: Request<Body>,
) -> (StatusCode, axum::http::HeaderMap, String) {
    let response = router.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = axum::body::to_bytes(response.into_body(), 4 * 1024 * 1024)
        .await
        .unwrap();
    (status, headers, String::from_utf8_lossy(&body).into_owned())
}

/// The `href` of the link marked `data-testid="{testid}"` in `body`, if there is one.
fn link(body: &str, testid: &str) -> Option<String> {
    let at = body.find(&format!("data-testid=\"{testid}\""))?;
    let start = body[..at].rfind("href=\"")? + "href=\"".len();
    let end = start + body[start..].find('"')?;
    Some(body[start..end].replace("&amp;", "&"))
}

fn get(uri: &str) -> Request<Body> {
    Request::get(uri).body(Body::empty()).unwrap()
}

fn get_with_cookie(uri: &str, cookie: Option<&str>) -> Request<Body> {
    let mut request = Request::get(uri);
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    request.body(Body::empty()).unwrap()
}

/// A page request as a browser sends it (redirects are real 302s only for `Accept: text/html`).
fn page(uri: &str) -> Request<Body> {
    Request::get(uri)
        .header(header::ACCEPT, "text/html")
        .body(Body::empty())
        .unwrap()
}

fn with_cookie(uri: &str, cookie: &str) -> Request<Body> {
    let mut request = page(uri);
    request
        .headers_mut()
        .insert(header::COOKIE, cookie.parse().unwrap());
    request
}

/// A form sent by a browser without JavaScript: server functions answer it with a real redirect.
fn html_form(path: &str, body: &str, cookie: &str) -> Request<Body> {
    Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "text/html")
        .header(header::COOKIE, cookie)
        .body(Body::from(body.to_string()))
        .unwrap()
}

/// A server-function call as the browser's JavaScript sends it.
fn form(path: &str, body: &str, cookie: Option<&str>) -> Request<Body> {
    let mut request = Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json");
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    request.body(Body::from(body.to_string())).unwrap()
}

/// A refused server-function call's body: the refusal as it travels to the browser.
fn refused(refusal: impl Into<app::error::AppError>) -> String {
    serde_json::to_string(&refusal.into()).unwrap()
}

/// The id of the account with this mobile number (written any way people type it).
async fn user_id(db: &app::db::Db, mobile: &str) -> i64 {
    let contact = app::accounts::contact::Contact::parse(mobile).unwrap();
    app::orgs::db::user_by_contact(db.pool(), contact.as_str())
        .await
        .unwrap()
        .unwrap()
}

/// A live session cookie for the account with this mobile number.
async fn session_of(test: &TestDb, mobile: &str) -> String {
    session_for(test, user_id(&test.db, mobile).await).await
}

/// A live session cookie for this person.
async fn session_for(test: &TestDb, id: i64) -> String {
    let mut tx = test.db.begin_write().await.unwrap();
    let session = app::accounts::session::start_session(&mut tx, id, app::db::now_unix())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    format!("sid={}", session.token)
}

/// The people most page tests act as, each signed in (their session cookies): the owner and a
/// coordinator of a partner organisation, 晨光助老服务中心; a resident; the admin.
struct PartnerOrg {
    org: i64,
    owner_id: i64,
    resident_id: i64,
    owner: String,
    coordinator: String,
    resident: String,
    admin: String,
}

async fn partner_org(test: &TestDb) -> PartnerOrg {
    use app::orgs::model::{OrgKind, Verification};
    use app::testing::{neighbour, org_run_by};
    let db = &test.db;
    let (owner, coordinator, resident) = (
        neighbour(db, 1).await,
        neighbour(db, 2).await,
        neighbour(db, 3).await,
    );
    let name = "晨光助老服务中心";
    let org = org_run_by(db, name, OrgKind::SocialOrg, owner, &[coordinator]).await;
    app::testing::set_standing(db, org, Verification::Partner).await;
    PartnerOrg {
        org,
        owner_id: owner,
        resident_id: resident,
        owner: session_for(test, owner).await,
        coordinator: session_for(test, coordinator).await,
        resident: session_for(test, resident).await,
        admin: session_for(test, app::testing::admin(db).await).await,
    }
}

/// The `sid=...` pair of a response's Set-Cookie header.
fn session_cookie(headers: &axum::http::HeaderMap) -> String {
    headers
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap())
        .find(|v| v.starts_with("sid="))
        .expect("a session cookie")
        .split(';')
        .next()
        .unwrap()
        .to_string()
}

#[tokio::test]
async fn healthz_answers_when_the_database_answers() {
    let (router, test) = bare_app().await;
    let (status, _, body) = send(&router, get("/healthz")).await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "ok"));

    test.db.close().await;
    let (status, _, _) = send(&router, get("/healthz")).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    test.finish().await;
}

#[tokio::test]
async fn home_is_chinese_by_default_with_data_from_the_database() {
    let (router, test) = bare_app().await;
    for (code, name, at) in [
        ("yy-a", "甲街道", (26.58, 106.70)),
        ("yy-b", "乙街道", (26.59, 106.71)),
        ("yy-c", "丙街道", (26.60, 106.72)),
    ] {
        app::testing::subdistrict(&test.db, code, name, at).await;
    }
    let (status, headers, body) = send(&router, get("/")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    assert!(body.contains(r#"<html lang="zh-CN""#), "{body}");
    assert!(body.contains("一起公益") && body.contains("邻里帮帮"));
    // The three areas, counted on the server.
    let count = body
        .split(r#"data-testid="coverage-count""#)
        .nth(1)
        .and_then(|rest| rest.split_once('>'))
        .and_then(|(_, rest)| rest.split('<').next());
    assert_eq!(count, Some("3"), "coverage count");
    test.finish().await;
}

#[tokio::test]
async fn language_follows_accept_language_then_the_cookie() {
    let (router, test) = bare_app().await;
    let english = Request::get("/events")
        .header(header::ACCEPT_LANGUAGE, "en-GB,en;q=0.9")
        .body(Body::empty())
        .unwrap();
    let (_, _, body) = send(&router, english).await;
    assert!(body.contains(r#"<html lang="en""#));
    assert!(body.contains("Charity events and volunteering in Yunyan"));

    let chosen_chinese = Request::get("/events")
        .header(header::ACCEPT_LANGUAGE, "en-GB")
        .header(header::COOKIE, "lang=zh-CN")
        .body(Body::empty())
        .unwrap();
    let (_, _, body) = send(&router, chosen_chinese).await;
    assert!(body.contains(r#"<html lang="zh-CN""#));
    assert!(body.contains("云岩区的公益活动和志愿服务"));
    test.finish().await;
}

#[tokio::test]
async fn every_tab_renders_and_unknown_pages_are_404() {
    use app::help::model::{Audience::Everyone, FieldGroup};
    use app::testing::{consent, coop_member, cooperative, neighbour, published_event};
    let (router, test) = bare_app().await;
    // Something on each board: an event next week, a cooperative member who shows.
    let db = &test.db;
    let mut tx = db.begin_write().await.unwrap();
    published_event(&mut tx, app::db::now_unix() + 7 * 86_400, Some(10), |_| {}).await;
    tx.commit().await.unwrap();
    let coordinator = neighbour(db, 1).await;
    let member = coop_member(db, cooperative(db).await, coordinator).await;
    for group in [FieldGroup::Name, FieldGroup::Services] {
        consent(db, member, group, Everyone, coordinator).await;
    }
    // Each board lists what it holds; 我的 asks a visitor to sign in.
    for (path, content) in [
        ("/events", "data-testid=\"event-list\""),
        ("/items", "data-testid=\"post-item\""),
        ("/help", "data-testid=\"member-list\""),
        ("/map", "data-testid=\"nearby-list\""),
        ("/me", "data-testid=\"sign-in-card\""),
    ] {
        let (status, _, body) = send(&router, get(path)).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(body.contains(content), "{path}");
    }
    let (status, _, body) = send(&router, get("/no/such/page")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains("没有找到这个页面"));
    test.finish().await;
}

#[tokio::test]
async fn set_language_sets_the_cookie_and_rejects_unknown_languages() {
    let (router, test) = bare_app().await;
    let form = |lang: &str, accept: &str| {
        Request::post("/api/set_language")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, accept)
            .header(header::REFERER, "http://localhost/items")
            .body(Body::from(format!("lang={lang}")))
            .unwrap()
    };

    // Without JavaScript: a plain form post comes back to the page it was sent from.
    let (status, headers, _) = send(&router, form("en", "text/html")).await;
    assert_eq!(status, StatusCode::FOUND);
    let location = headers[header::LOCATION].to_str().unwrap();
    assert!(location.starts_with("http://localhost/items"), "{location}");
    let cookie = headers[header::SET_COOKIE].to_str().unwrap();
    assert!(
        cookie.starts_with("lang=en;") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );

    // With JavaScript: the answer is data; a bad value is a 400, not a server error.
    let (status, _, body) = send(&router, form("en", "application/json")).await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "\"En\""));
    let (status, headers, body) = send(&router, form("klingon", "application/json")).await;
    assert_eq!(body, r#"{"InvalidInput":"lang"}"#);
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(headers.get(header::SET_COOKIE).is_none());
    let (status, _, _) = send(
        &router,
        Request::post("/api/set_language")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from("nothing=here"))
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    test.finish().await;
}

/// A page that sends a visitor to sign in is a 302 for every client, not only for browsers that
/// say they accept HTML (a link preview or `curl` got a 200 with an empty body).
#[tokio::test]
async fn a_page_sends_visitors_to_sign_in_with_a_302_whatever_they_accept() {
    let (router, test) = bare_app().await;
    for accept in [None, Some("*/*"), Some("text/html")] {
        let mut request = Request::get("/me/notifications?x=1");
        if let Some(accept) = accept {
            request = request.header(header::ACCEPT, accept);
        }
        let (status, headers, _) = send(&router, request.body(Body::empty()).unwrap()).await;
        assert_eq!(status, StatusCode::FOUND, "{accept:?}");
        assert_eq!(
            headers[header::LOCATION],
            "/signin?next=%2Fme%2Fnotifications%3Fx%3D1",
            "{accept:?}"
        );
        assert!(headers.get("serverfnredirect").is_none());
    }
    test.finish().await;
}

#[tokio::test]
async fn home_still_renders_when_the_database_is_down() {
    let (router, test) = bare_app().await;
    test.db.close().await;
    let (status, _, body) = send(&router, get("/")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("四个板块"));
    assert!(body.contains("服务暂时不可用"), "{body}");
    test.finish().await;
}

#[tokio::test]
async fn forms_from_other_sites_are_refused_in_the_readers_language() {
    let (router, test) = bare_app().await;
    let post = |origin: &'static str, lang: &'static str| {
        Request::post("/api/set_language")
            .header(header::HOST, "127.0.0.1:3000")
            .header(header::ORIGIN, origin)
            .header(header::ACCEPT_LANGUAGE, lang)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from("lang=en"))
            .unwrap()
    };
    let (status, headers, body) = send(&router, post("https://evil.example", "zh-CN")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(headers.get(header::SET_COOKIE).is_none());
    assert!(body.contains("其他网站"), "{body}");
    let (_, _, body) = send(&router, post("https://evil.example", "en")).await;
    assert!(body.contains("another website"), "{body}");

    let (status, headers, _) = send(&router, post("http://127.0.0.1:3000", "zh-CN")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers.get(header::SET_COOKIE).is_some());
    test.finish().await;
}

#[tokio::test]
async fn pages_carry_security_headers_and_a_nonce_for_their_scripts() {
    let (router, test) = bare_app().await;
    let (_, headers, body) = send(&router, get("/events")).await;
    assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(headers[header::X_FRAME_OPTIONS], "DENY");
    let policy = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    let nonce = policy
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("a nonce in the page policy");
    assert!(nonce.len() >= 16);
    assert!(
        body.contains(&format!("nonce=\"{nonce}\"")),
        "scripts lack the nonce"
    );

    let (_, second, _) = send(&router, get("/events")).await;
    assert_ne!(
        second[header::CONTENT_SECURITY_POLICY],
        headers[header::CONTENT_SECURITY_POLICY]
    );

    let (_, headers, _) = send(&router, get("/healthz")).await;
    assert_eq!(
        headers[header::CONTENT_SECURITY_POLICY],
        "default-src 'none'; frame-ancestors 'none'"
    );
    test.finish().await;
}

/// Many pages at once, on several threads: each answers, with the policy of its own nonce. (Page
/// titles read through a closure once panicked under load and dropped the connection; pages then
/// and again lost their policy.)
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_under_concurrent_load_all_answer_with_their_own_policy() {
    let (router, test) = bare_app().await;
    let mut tx = test.db.begin_write().await.unwrap();
    let org =
        app::testing::new_org(&mut tx, "晨光助老服务中心", app::orgs::model::OrgKind::Ngo).await;
    tx.commit().await.unwrap();
    let profile = format!("/orgs/{org}");
    let mut requests = tokio::task::JoinSet::new();
    for i in 0..120 {
        let router = router.clone();
        let path = ["/", "/map", "/orgs", &profile, "/signin", "/nowhere"][i % 6].to_string();
        requests.spawn(async move {
            let answer = send(&router, get(&path)).await;
            (path, answer)
        });
    }
    while let Some(answer) = requests.join_next().await {
        let (path, (status, headers, body)) = answer.expect("the request did not panic");
        assert!(
            status == StatusCode::OK || path == "/nowhere",
            "{path}: {status}"
        );
        let policy = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
        let nonce = policy
            .split("'nonce-")
            .nth(1)
            .and_then(|rest| rest.split('\'').next())
            .unwrap_or_else(|| panic!("{path}: no page policy in {policy}"));
        assert!(body.contains(&format!("nonce=\"{nonce}\"")), "{path}");
    }
    test.finish().await;
}

/// Building a router while pages render elsewhere in the process (as the tests do, many at once)
/// never leaves a page waiting: the route list is made once (see `page_routes`). When each router
/// listed the routes again, leptos held back every resource in the process meanwhile, and a page
/// that started loading one then never answered.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_answer_while_other_routers_are_built() {
    use std::sync::atomic::{AtomicBool, Ordering};
    /// Stops the builder when the test ends, also when it fails (or the runtime would wait on it).
    struct StopOnDrop(std::sync::Arc<AtomicBool>);
    impl Drop for StopOnDrop {
        fn drop(&mut self) {
            self.0.store(true, Ordering::Relaxed);
        }
    }
    let (router, test) = bare_app().await;
    let cookie = session_for(&test, app::testing::neighbour(&test.db, 1).await).await;
    let db = test.db.clone();
    let stop = StopOnDrop(Default::default());
    let stopped = stop.0.clone();
    let builder = tokio::task::spawn_blocking(move || {
        while !stopped.load(Ordering::Relaxed) {
            let options = LeptosOptions::builder().output_name("yunyixiang").build();
            drop(super::router(AppState::new(db.clone(), false), options));
        }
    });
    // Signed in, so that no page comes from the page cache: each one loads its resources.
    for round in 0..20 {
        for path in ["/orgs", "/events", "/me", "/help"] {
            let uri = format!("{path}?round={round}");
            let answer = tokio::time::timeout(
                std::time::Duration::from_secs(10),
                send(&router, with_cookie(&uri, &cookie)),
            )
            .await;
            let (status, _, _) = answer.unwrap_or_else(|_| panic!("{uri} never answered"));
            assert_eq!(status, StatusCode::OK, "{uri}");
        }
    }
    drop(stop);
    builder.await.unwrap();
    test.finish().await;
}

#[tokio::test]
async fn oversized_bodies_are_refused_before_they_are_read() {
    let (router, test) = bare_app().await;
    let huge = format!("lang={}", "x".repeat(super::MAX_FORM_BYTES + 1));
    let request = Request::post("/api/set_language")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json")
        .body(Body::from(huge.clone()))
        .unwrap();
    let (status, headers, body) = send(&router, request).await;
    assert_eq!(body, "\"TooLarge\"");
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(headers.get(header::SET_COOKIE).is_none());
    // A plain form from a browser without JavaScript, which says how long it is: refused from
    // that alone, in the reader's words. One just under the limit goes through.
    let plain = |body: String| {
        Request::post("/api/set_language")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::CONTENT_LENGTH, body.len())
            .header(header::ACCEPT_LANGUAGE, "en")
            .body(Body::from(body))
            .unwrap()
    };
    let (status, _, body) = send(&router, plain(huge)).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(body, app::locales::errors::too_large(app::i18n::Lang::En));
    let fits = format!("lang=en&x={}", "x".repeat(super::MAX_FORM_BYTES - 12));
    let (status, _, body) = send(&router, plain(fits)).await;
    assert!(
        status.is_redirection() || status.is_success(),
        "{status} {body}"
    );
    test.finish().await;
}

mod accounts {
    use super::*;

    async fn me(router: &axum::Router, cookie: &str) -> String {
        let request = Request::post("/api/accounts/me")
            .header(header::COOKIE, cookie)
            .header(header::ACCEPT, "application/json")
            .body(Body::empty())
            .unwrap();
        send(router, request).await.2
    }

    #[tokio::test]
    async fn sign_up_sign_out_sign_in() {
        let (router, test) = bare_app().await;
        let ask = "contact=138+0851+0001&purpose=sign_up";
        let (status, _, _) = send(&router, form("/api/accounts/send_code", ask, None)).await;
        assert_eq!(status, StatusCode::OK);
        let code = sent_code(&test, "13808510001").await.unwrap();
        let sign_up = format!(
            "contact=138+0851+0001&code={code}&display_name=%E6%9D%8E%E6%98%8E&password=volunteer-2026"
        );
        let (status, headers, _) =
            send(&router, form("/api/accounts/sign_up", &sign_up, None)).await;
        assert_eq!(status, StatusCode::OK);
        let set = headers[header::SET_COOKIE].to_str().unwrap();
        assert!(
            set.contains("HttpOnly") && set.contains("SameSite=Lax"),
            "{set}"
        );
        let first = session_cookie(&headers);
        assert!(me(&router, &first).await.contains("李明"));
        // Pages for a signed-in person are never cached (P7); a visitor's may be.
        let page = |cookie: Option<&str>| {
            let mut request = Request::get("/me");
            if let Some(cookie) = cookie {
                request = request.header(header::COOKIE, cookie);
            }
            request.body(Body::empty()).unwrap()
        };
        let (_, headers, body) = send(&router, page(Some(&first))).await;
        assert_eq!(headers[header::CACHE_CONTROL], "no-store, private");
        assert!(body.contains("李明"), "the signed-in page names the person");
        let (_, headers, _) = send(&router, page(None)).await;
        assert!(headers.get(header::CACHE_CONTROL).is_none());

        // The same number again (a minute later) is refused with its own status and message key,
        // and no code goes out.
        a_minute_passes(&test).await;
        let ask = "contact=13808510001&purpose=sign_up";
        let (status, _, body) = send(&router, form("/api/accounts/send_code", ask, None)).await;
        assert_eq!(
            (status, body.as_str()),
            (
                StatusCode::CONFLICT,
                refused(app::accounts::AccountRefusal::ContactTaken).as_str()
            )
        );

        // Signing out makes the old cookie useless.
        let (status, _, _) = send(&router, form("/api/accounts/sign_out", "", Some(&first))).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(me(&router, &first).await, "null");

        // A wrong password is a 401 with a message; the right one gives a new session id.
        let wrong = "contact=13808510001&password=not-the-password";
        let (status, _, body) = send(&router, form("/api/accounts/sign_in", wrong, None)).await;
        assert_eq!(
            (status, body.as_str()),
            (
                StatusCode::UNAUTHORIZED,
                refused(app::accounts::AccountRefusal::WrongCredentials).as_str()
            )
        );
        let unknown = "contact=13900000000&password=volunteer-2026";
        let (status, _, _) = send(&router, form("/api/accounts/sign_in", unknown, None)).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);

        let right = "contact=%2B86+13808510001&password=volunteer-2026";
        let (status, headers, _) =
            send(&router, form("/api/accounts/sign_in", right, Some(&first))).await;
        assert_eq!(status, StatusCode::OK);
        let second = session_cookie(&headers);
        assert_ne!(second, first);
        assert!(me(&router, &second).await.contains("李明"));
        test.finish().await;
    }

    async fn signed_up(router: &axum::Router, test: &TestDb) -> String {
        signed_up_as(router, test, "13808510001", "李明").await
    }

    #[tokio::test]
    async fn changing_the_password_signs_out_other_browsers() {
        let (router, test) = bare_app().await;
        let phone = signed_up(&router, &test).await;
        let laptop = {
            let body = "contact=13808510001&password=volunteer-2026";
            session_cookie(
                &send(&router, form("/api/accounts/sign_in", body, None))
                    .await
                    .1,
            )
        };
        // Visitors cannot; the current password must be right; the new one must follow the rules.
        let change = "current_password=volunteer-2026&new_password=new-password-2027";
        let (status, _, _) =
            send(&router, form("/api/accounts/change_password", change, None)).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        let wrong = "current_password=guess-guess&new_password=new-password-2027";
        let (status, _, body) = send(
            &router,
            form("/api/accounts/change_password", wrong, Some(&phone)),
        )
        .await;
        assert_eq!(
            (status, body.as_str()),
            (
                StatusCode::FORBIDDEN,
                refused(app::accounts::AccountRefusal::WrongPassword).as_str()
            )
        );
        let short = "current_password=volunteer-2026&new_password=short";
        let (status, _, _) = send(
            &router,
            form("/api/accounts/change_password", short, Some(&phone)),
        )
        .await;
        assert_eq!(status, StatusCode::BAD_REQUEST);

        let (status, headers, _) = send(
            &router,
            form("/api/accounts/change_password", change, Some(&phone)),
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        let phone_again = session_cookie(&headers);
        assert!(me(&router, &phone_again).await.contains("李明"));
        assert_eq!(me(&router, &phone).await, "null", "old session survived");
        assert_eq!(
            me(&router, &laptop).await,
            "null",
            "other browser still signed in"
        );

        let old = "contact=13808510001&password=volunteer-2026";
        let (status, _, _) = send(&router, form("/api/accounts/sign_in", old, None)).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        let new = "contact=13808510001&password=new-password-2027";
        let (status, _, _) = send(&router, form("/api/accounts/sign_in", new, None)).await;
        assert_eq!(status, StatusCode::OK);
        test.finish().await;
    }

    #[tokio::test]
    async fn deleting_the_account_needs_the_password_and_ends_it() {
        let (router, test) = bare_app().await;
        let cookie = signed_up(&router, &test).await;
        let (status, _, _) = send(
            &router,
            form(
                "/api/accounts/delete_account",
                "password=guess-guess",
                Some(&cookie),
            ),
        )
        .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert!(me(&router, &cookie).await.contains("李明"));

        let (status, headers, _) = send(
            &router,
            form(
                "/api/accounts/delete_account",
                "password=volunteer-2026",
                Some(&cookie),
            ),
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        assert!(headers[header::SET_COOKIE]
            .to_str()
            .unwrap()
            .contains("Max-Age=0"));
        assert_eq!(me(&router, &cookie).await, "null");
        let sign_in = "contact=13808510001&password=volunteer-2026";
        let (status, _, _) = send(&router, form("/api/accounts/sign_in", sign_in, None)).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        // The number is free again (once a minute has passed since its last code).
        a_minute_passes(&test).await;
        signed_up(&router, &test).await;
        test.finish().await;
    }

    #[tokio::test]
    async fn sign_up_input_is_checked_field_by_field() {
        let (router, test) = bare_app().await;
        for (body, expected) in [
            (
                "contact=12345&code=123456&display_name=a&password=long-enough",
                refused(app::error::FormRefusal::ContactInvalid),
            ),
            (
                "contact=13808510001&code=123456&display_name=+&password=long-enough",
                refused(app::error::FormRefusal::DisplayNameInvalid),
            ),
            (
                "contact=13808510001&code=123456&display_name=a&password=short",
                refused(app::accounts::AccountRefusal::PasswordTooShort),
            ),
            (
                "contact=13808510001&code=12345&display_name=a&password=long-enough",
                refused(app::contacts::ContactRefusal::CodeMalformed),
            ),
            (
                "contact=13808510001&code=123456&display_name=a&password=long-enough",
                refused(app::contacts::ContactRefusal::CodeDead),
            ),
        ] {
            let (status, headers, response) =
                send(&router, form("/api/accounts/sign_up", body, None)).await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
            assert_eq!(response, expected);
            assert!(headers.get(header::SET_COOKIE).is_none());
        }
        // Fields missing altogether: still a 400, never a 500.
        let (status, _, _) = send(&router, form("/api/accounts/sign_up", "contact=1", None)).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        test.finish().await;
    }

    #[tokio::test]
    async fn without_javascript_errors_return_to_the_form() {
        let (router, test) = bare_app().await;
        let request = Request::post("/api/accounts/sign_in")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "text/html")
            .header(header::REFERER, "http://127.0.0.1:3000/signin")
            .body(Body::from("contact=13808510001&password=wrong-password"))
            .unwrap();
        let (status, headers, _) = send(&router, request).await;
        assert_eq!(status, StatusCode::FOUND);
        let location = headers[header::LOCATION].to_str().unwrap();
        assert!(
            location.starts_with("http://127.0.0.1:3000/signin?"),
            "{location}"
        );
        assert!(location.contains("__err="), "{location}");

        let (status, _, body) = send(
            &router,
            get(location.trim_start_matches("http://127.0.0.1:3000")),
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            body.contains("手机号/邮箱或密码不正确"),
            "message not shown"
        );
        test.finish().await;
    }
}

/// A `next` that would send the person elsewhere after signing in goes to /me instead, and no
/// `next` is ever a 5xx (a newline in it once made the redirect panic).
#[tokio::test]
async fn after_sign_in_the_redirect_stays_on_this_site() {
    let test = TestDb::sqlite().await;
    let options = LeptosOptions::builder().output_name("yunyixiang").build();
    let state = AppState::new(test.db.clone(), false)
        .with_part(app::accounts::rate_limit::AuthLimits::new(1000, 1000));
    let router = router(with_code_senders(state, &test), options);
    signed_up_as(&router, &test, "13808510002", "李明").await;
    let site = url::Url::parse("http://127.0.0.1:3000/signin").unwrap();
    let long = format!("/{}", "x".repeat(10_000));
    for (next, expected) in [
        ("/events?when=today", Some("/events?when=today")),
        ("/%09/x", Some("/%09/x")),
        ("/%2F/evil.example", Some("/%2F/evil.example")),
        ("/\t/evil.example", Some("/me")),
        ("/\n/evil.example", Some("/me")),
        ("/events\r\nSet-Cookie: x=1", Some("/me")),
        ("/\\evil.example", Some("/me")),
        ("//evil.example", Some("/me")),
        ("/..//evil.example", Some("/me")),
        ("https://evil.example/", Some("/me")),
        ("https:evil.example", Some("/me")),
        ("javascript:alert(1)", Some("/me")),
        ("\\\\evil.example", Some("/me")),
        (long.as_str(), Some("/me")),
        ("/活动", None),
    ] {
        let body = form_urlencoded::Serializer::new(String::new())
            .append_pair("contact", "13808510002")
            .append_pair("password", "volunteer-2026")
            .append_pair("next", next)
            .finish();
        let (status, headers, _) =
            send(&router, html_form("/api/accounts/sign_in", &body, "")).await;
        assert_eq!(status, StatusCode::FOUND, "{next:?}");
        let location = headers[header::LOCATION].to_str().unwrap();
        let resolved = site.join(location).unwrap();
        assert_eq!(resolved.origin(), site.origin(), "{next:?} -> {location}");
        if let Some(expected) = expected {
            assert_eq!(location, expected, "{next:?}");
        }
    }
    test.finish().await;
}

#[tokio::test]
async fn repeated_sign_in_attempts_get_429_with_a_message() {
    let (router, test) = bare_app().await;
    let attempt = || {
        Request::post("/api/accounts/sign_in")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "application/json")
            .body(Body::from("contact=13808519999&password=guess-guess"))
            .unwrap()
    };
    for _ in 0..app::accounts::rate_limit::PER_ACCOUNT_PER_MINUTE {
        let (status, _, _) = send(&router, attempt()).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    let (status, _, body) = send(&router, attempt()).await;
    assert_eq!(
        (status, body.as_str()),
        (StatusCode::TOO_MANY_REQUESTS, "\"TooManyRequests\"")
    );
    test.finish().await;
}
