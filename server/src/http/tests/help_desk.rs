//! 邻里帮帮 end to end over HTTP, as plain forms (no JavaScript): a coordinator registers a member
//! and records consents, the card shows only what was consented, a resident books, the coordinator
//! answers for the member (logged), it is done and thanked; a member's data is exported (logged)
//! and deleted (anonymous figures stay). On SQLite, and on PostgreSQL when `TEST_POSTGRES_URL` is set.

use super::*;
use app::help::bookings;
use app::help::db as help;
use app::help::model::{BookingStatus, FieldGroup, ProxyAction};

/// The people of `coop_app_on`, by their mobile numbers.
pub(super) const OWNER: &str = "13800000003";
pub(super) const RESIDENT: &str = "13800000001";
pub(super) const COORDINATOR: &str = "13800000002";
const COOP: &str = "云岩区邻里互助合作社";
pub(super) const OTHER_ORG: &str = "晨光助老服务中心";

/// The app over the 邻里帮帮 tests' own district: a cooperative with no members yet, run by its
/// owner (OWNER); an organisation of another kind (OTHER_ORG) run by the same owner with a
/// coordinator (COORDINATOR); a resident, 小云（居民） (RESIDENT); and the platform admin.
pub(super) async fn coop_app_on(test: TestDb) -> (axum::Router, TestDb) {
    use app::orgs::model::OrgKind;
    use app::testing::{admin, org_run_by, person};
    let db = &test.db;
    person(db, RESIDENT, "小云（居民）").await;
    let coordinator = person(db, COORDINATOR, "王协调（协调员）").await;
    let owner = person(db, OWNER, "李负责（机构负责人）").await;
    org_run_by(db, COOP, OrgKind::Cooperative, owner, &[]).await;
    org_run_by(db, OTHER_ORG, OrgKind::Ngo, owner, &[coordinator]).await;
    admin(db).await;
    bare_app_on(test)
}

pub(super) async fn coop_id(test: &TestDb) -> i64 {
    app::orgs::db::directory(test.db.pool(), COOP, None)
        .await
        .unwrap()[0]
        .id
}

/// Where a form's answer sends the browser.
pub(super) fn location(headers: &axum::http::HeaderMap) -> String {
    headers[header::LOCATION].to_str().unwrap().to_string()
}

/// The id after `prefix` in a redirect's address (`/help/12/edit?...` → 12).
fn id_after(address: &str, prefix: &str) -> i64 {
    let rest = address.strip_prefix(prefix).expect(address);
    rest.split(['/', '?', '#']).next().unwrap().parse().unwrap()
}

/// Posts a plain form and expects it accepted (a redirect); returns where it leads.
pub(super) async fn post_ok(router: &axum::Router, path: &str, body: &str, cookie: &str) -> String {
    let (status, headers, answer) = send(router, html_form(path, body, cookie)).await;
    assert!(status.is_redirection(), "{path} {body}: {status} {answer}");
    let to = location(&headers);
    assert!(!to.contains("__err"), "{path} {body}: refused: {to}");
    to
}

/// A member registered through the desk, with one service and one need, and `consents`
/// (group, audience) recorded; returns the member's id.
pub(super) async fn registered(
    router: &axum::Router,
    test: &TestDb,
    consents: &[(&str, &str)],
) -> i64 {
    let owner = session_of(test, OWNER).await;
    let coop = coop_id(test).await;
    let body = format!(
        "org={coop}&member[display_name]=%E6%9D%8E%E5%A7%90%E6%B5%8B%E8%AF%95&member[area]=\
         &member[lat]=26.5812345&member[lng]=106.7123456&member[availability]=%E5%91%A8%E6%9C%AB\
         &member[situation_note]=%E7%8B%AC%E8%87%AA%E5%B1%85%E4%BD%8F%E6%B5%8B%E8%AF%95"
    );
    let to = post_ok(router, "/api/help/create-member", &body, &owner).await;
    let id = id_after(&to, "/help/");
    let service = "service[title]=%E4%BF%AE%E9%9E%8B%E6%B5%8B%E8%AF%95&service[description]=\
                   &service[price]=15&service[unit]=per_item";
    post_ok(
        router,
        "/api/help/add-service",
        &format!("member={id}&{service}"),
        &owner,
    )
    .await;
    let need =
        "need[title]=%E8%AF%BB%E6%8A%A5%E6%B5%8B%E8%AF%95&need[description]=&need[urgency]=low";
    post_ok(
        router,
        "/api/help/add-need",
        &format!("member={id}&{need}"),
        &owner,
    )
    .await;
    for (group, audience) in consents {
        let body = format!("member={id}&group={group}&audience={audience}&method=paper");
        post_ok(router, "/api/help/record-consent", &body, &owner).await;
    }
    id
}

/// The member's open link invitation: (id, code), as the coordinator's page shows them.
pub(super) async fn link_invitation(db: &app::db::Db, member: i64) -> (i64, String) {
    let mut conn = db.pool().acquire().await.unwrap();
    let sent = app::invitations::db::member_link_invitation(&mut conn, member, app::db::now_unix())
        .await
        .unwrap()
        .expect("an open invitation");
    (sent.id, sent.code.expect("a code"))
}

/// The member accepts the coordinator's invitation to link, with the code (as a plain form).
pub(super) async fn accept_link(
    router: &axum::Router,
    db: &app::db::Db,
    member: i64,
    cookie: &str,
) {
    let (id, code) = link_invitation(db, member).await;
    let body = format!("id={id}&code={code}");
    post_ok(router, "/api/invitations/accept", &body, cookie).await;
}

/// What the proxy log says was done for the member, newest first.
pub(super) async fn actions_for(db: &app::db::Db, member: i64) -> Vec<ProxyAction> {
    let mut conn = db.pool().acquire().await.unwrap();
    help::proxy_log(&mut conn, member, 50)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect()
}

#[tokio::test]
async fn a_coordinator_registers_a_member_and_the_card_shows_only_what_was_consented() {
    for test in app::db::testing::each_backend().await {
        a_coordinator_registers_a_member_and_the_card_shows_only_what_was_consented_on(
            coop_app_on(test).await,
        )
        .await;
    }
}

async fn a_coordinator_registers_a_member_and_the_card_shows_only_what_was_consented_on(
    (router, test): (axum::Router, TestDb),
) {
    let id = registered(
        &router,
        &test,
        &[("services", "everyone"), ("area", "residents")],
    )
    .await;
    // Only the snapped cell is stored, and saving the form again (as it shows the cell) keeps it.
    let mut conn = test.db.pool().acquire().await.unwrap();
    let member = help::find_member(&mut conn, id).await.unwrap().unwrap();
    drop(conn);
    let (lat, lng) = member.cell.expect("a cell");
    assert!((lat - 26.5812345).abs() > 1e-6 && (lat - 26.5812345).abs() < 0.01);
    assert!((lng - 106.7123456).abs() < 0.01);
    let owner = session_of(&test, OWNER).await;
    let (status, headers, editor) =
        send(&router, with_cookie(&format!("/help/{id}/edit"), &owner)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers[header::CACHE_CONTROL]
        .to_str()
        .unwrap()
        .contains("no-store"));
    assert!(editor.contains("独自居住测试") && editor.contains("2026-11"));
    let resave = format!(
        "id={id}&version={}&member[display_name]=%E6%9D%8E%E5%A7%90%E6%B5%8B%E8%AF%95&member[area]=\
         &member[lat]={lat:.6}&member[lng]={lng:.6}&member[availability]=&member[situation_note]=",
        member.version
    );
    post_ok(&router, "/api/help/save-member", &resave, &owner).await;
    let mut conn = test.db.pool().acquire().await.unwrap();
    let again = help::find_member(&mut conn, id).await.unwrap().unwrap();
    assert_eq!(again.cell, Some((lat, lng)));
    // An edit on the old version is refused, not saved over the new one.
    let (status, _, _) = send(
        &router,
        form("/api/help/save-member", &resave, Some(&owner)),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    drop(conn);

    // A visitor sees the service (everyone) but not the name, the place (residents) or the note.
    let (status, _, card) = send(&router, page(&format!("/help/{id}"))).await;
    assert_eq!(status, StatusCode::OK);
    assert!(card.contains("修鞋测试") && card.contains("¥15"));
    for hidden in ["李姐测试", "读报测试", "独自居住测试", "大致位置"] {
        assert!(!card.contains(hidden), "{hidden} shown to a visitor");
    }
    let resident = session_of(&test, RESIDENT).await;
    let (_, _, card) = send(&router, with_cookie(&format!("/help/{id}"), &resident)).await;
    assert!(card.contains("大致位置") && !card.contains("李姐测试"));
    // The desk's own actions are in the proxy log; the coordinator's editor views in the access log.
    let mut conn = test.db.pool().acquire().await.unwrap();
    let acted = actions_for(&test.db, id).await;
    for action in [
        ProxyAction::MemberCreated,
        ProxyAction::ServiceAdded,
        ProxyAction::NeedAdded,
        ProxyAction::ConsentRecorded,
        ProxyAction::MemberUpdated,
    ] {
        assert!(acted.contains(&action), "{action:?} not logged");
    }
    let looked = help::access_log(&mut conn, id, 50).await.unwrap();
    assert!(looked
        .iter()
        .any(|e| e.via == help::ViewedVia::Editor && e.situation_note));
    assert!(looked
        .iter()
        .any(|e| e.viewer_name == "小云（居民）" && e.fields == vec![FieldGroup::Area]));
    drop(conn);
    test.finish().await;
}

#[tokio::test]
async fn a_resident_books_the_coordinator_answers_for_the_member_and_thanks_arrive() {
    for test in app::db::testing::each_backend().await {
        a_resident_books_the_coordinator_answers_for_the_member_and_thanks_arrive_on(
            coop_app_on(test).await,
        )
        .await;
    }
}

async fn a_resident_books_the_coordinator_answers_for_the_member_and_thanks_arrive_on(
    (router, test): (axum::Router, TestDb),
) {
    let id = registered(&router, &test, &[("services", "residents")]).await;
    let mut conn = test.db.pool().acquire().await.unwrap();
    let service = help::services_of(&mut conn, &[id]).await.unwrap()[0].id;
    let need = help::needs_of(&mut conn, &[id]).await.unwrap()[0].id;
    drop(conn);
    let (resident, owner) = (
        session_of(&test, RESIDENT).await,
        session_of(&test, OWNER).await,
    );
    // The need is not shown to residents: no offer of help for it.
    let body = format!("kind=help&target={need}&time_preference=&message=");
    let (status, _, answer) = send(&router, form("/api/help/book", &body, Some(&resident))).await;
    assert_eq!(status, StatusCode::CONFLICT, "{answer}");
    let body = format!(
        "kind=service&target={service}&time_preference=%E5%91%A8%E5%85%AD&message=%E4%BD%A0%E5%A5%BD"
    );
    let to = post_ok(&router, "/api/help/book", &body, &resident).await;
    let booking = id_after(&to, "/help/bookings/");
    let address = format!("/help/bookings/{booking}");
    let (status, headers, page_html) = send(&router, with_cookie(&address, &resident)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers[header::CACHE_CONTROL]
        .to_str()
        .unwrap()
        .contains("no-store"));
    assert!(
        page_html.contains("修鞋测试") && page_html.contains("¥15") && page_html.contains("周六")
    );
    // Nobody else reads it; a visitor is asked to sign in.
    let other = session_of(&test, COORDINATOR).await;
    let (status, _, _) = send(&router, with_cookie(&address, &other)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _, _) = send(&router, page(&address)).await;
    assert_eq!(status, StatusCode::FOUND);
    // The resident cannot answer for the member; the coordinator can, and it is logged.
    let accept = format!("booking={booking}&to=accepted");
    let (status, _, _) = send(&router, form("/api/help/answer", &accept, Some(&resident))).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (_, _, desk_view) = send(&router, with_cookie(&address, &owner)).await;
    assert!(desk_view.contains("小云（居民）") && desk_view.contains("代"));
    post_ok(&router, "/api/help/answer", &accept, &owner).await;
    post_ok(
        &router,
        "/api/help/answer",
        &format!("booking={booking}&to=done"),
        &owner,
    )
    .await;
    // Done once: a second "done" is refused with a message, not a 500.
    let (status, _, _) = send(
        &router,
        form(
            "/api/help/answer",
            &format!("booking={booking}&to=done"),
            Some(&owner),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    let thanks = format!("booking={booking}&text=%E8%B0%A2%E8%B0%A2%E6%9D%8E%E5%A7%90");
    post_ok(&router, "/api/help/thank", &thanks, &resident).await;
    let (_, _, page_html) = send(&router, with_cookie(&address, &resident)).await;
    assert!(page_html.contains("谢谢李姐") && page_html.contains("已完成"));
    let mut conn = test.db.pool().acquire().await.unwrap();
    let done = bookings::find(&mut conn, booking).await.unwrap().unwrap();
    assert_eq!(done.status, BookingStatus::Done);
    let acted = actions_for(&test.db, id).await;
    assert!(
        acted.contains(&ProxyAction::BookingAccepted) && acted.contains(&ProxyAction::BookingDone)
    );
    drop(conn);
    // Each step reached the resident's inbox, leading to the booking; it is on 我的 too.
    let (_, _, inbox) = send(&router, with_cookie("/me/notifications", &resident)).await;
    assert!(inbox.contains("修鞋测试") && inbox.contains("确认完成"));
    let (_, _, me) = send(&router, with_cookie("/me", &resident)).await;
    assert!(me.contains(&address) && me.contains("修鞋测试"));
    test.finish().await;
}

#[tokio::test]
async fn export_is_for_the_cooperative_and_the_member_and_delete_keeps_only_anonymous_figures() {
    for test in app::db::testing::each_backend().await {
        export_is_for_the_cooperative_and_the_member_and_delete_keeps_only_anonymous_figures_on(
            coop_app_on(test).await,
        )
        .await;
    }
}

async fn export_is_for_the_cooperative_and_the_member_and_delete_keeps_only_anonymous_figures_on(
    (router, test): (axum::Router, TestDb),
) {
    let id = registered(&router, &test, &[("services", "everyone")]).await;
    let (resident, owner) = (
        session_of(&test, RESIDENT).await,
        session_of(&test, OWNER).await,
    );
    let mut conn = test.db.pool().acquire().await.unwrap();
    let service = help::services_of(&mut conn, &[id]).await.unwrap()[0].id;
    drop(conn);
    let body = format!("kind=service&target={service}&time_preference=&message=%E7%A7%81%E4%BA%BA%E7%95%99%E8%A8%80");
    post_ok(&router, "/api/help/book", &body, &resident).await;

    let export = format!("/help/{id}/export.json");
    let (status, _, _) = send(&router, form(&export, "", None)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _, _) = send(&router, html_form(&export, "", &resident)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // A link (another site can send someone to one) makes no file and writes no log.
    let (status, _, _) = send(&router, with_cookie(&export, &owner)).await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    let mut conn = test.db.pool().acquire().await.unwrap();
    let acted = help::proxy_log(&mut conn, id, 50).await.unwrap();
    assert!(!acted.iter().any(|e| e.action == ProxyAction::DataExported));
    drop(conn);
    let (status, headers, json) = send(&router, html_form(&export, "", &owner)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers[header::CACHE_CONTROL]
        .to_str()
        .unwrap()
        .contains("no-store"));
    assert!(headers[header::CONTENT_DISPOSITION]
        .to_str()
        .unwrap()
        .contains("attachment"));
    let data: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(data["member"]["display_name"], "李姐测试");
    assert_eq!(data["member"]["situation_note"], "独自居住测试");
    assert_eq!(data["services"][0]["title"], "修鞋测试");
    assert_eq!(data["consents"].as_array().unwrap().len(), 1);
    assert_eq!(data["bookings"][0]["message"], "私人留言");
    // The member, once their account is linked, downloads their own data, without the note.
    let link = format!("member={id}&contact={RESIDENT}");
    post_ok(&router, "/api/help/link-account", &link, &owner).await;
    accept_link(&router, &test.db, id, &resident).await;
    let (status, _, json) = send(&router, html_form(&export, "", &resident)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(json.contains("修鞋测试") && !json.contains("独自居住测试"));
    // On their own page the member sees who looked at what of theirs is not public.
    let (_, _, own) = send(&router, with_cookie(&format!("/help/{id}"), &resident)).await;
    assert!(own.contains("own-access-log") && own.contains("下载"));
    assert!(!own.contains("独自居住测试"));
    let mut conn = test.db.pool().acquire().await.unwrap();
    let looked = help::access_log(&mut conn, id, 50).await.unwrap();
    assert!(looked
        .iter()
        .any(|e| e.via == help::ViewedVia::Export && e.situation_note));
    let acted = help::proxy_log(&mut conn, id, 50).await.unwrap();
    assert!(acted.iter().any(|e| e.action == ProxyAction::DataExported));
    drop(conn);

    // Deleting needs the box ticked; then the personal data is gone and the figures stay.
    let (status, _, answer) = send(
        &router,
        form(
            "/api/help/delete-member",
            &format!("member={id}"),
            Some(&owner),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{answer}");
    let to = post_ok(
        &router,
        "/api/help/delete-member",
        &format!("member={id}&confirm=yes"),
        &owner,
    )
    .await;
    assert!(to.starts_with(&format!("/orgs/{}/members", coop_id(&test).await)));
    for address in [format!("/help/{id}"), format!("/help/{id}/edit")] {
        let (status, _, _) = send(&router, with_cookie(&address, &owner)).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{address}");
    }
    let (status, _, _) = send(&router, html_form(&export, "", &owner)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, _, list) = send(
        &router,
        with_cookie(&format!("/orgs/{}/members", coop_id(&test).await), &owner),
    )
    .await;
    assert!(!list.contains("李姐测试"));
    let mut conn = test.db.pool().acquire().await.unwrap();
    let member = help::find_member(&mut conn, id).await.unwrap().unwrap();
    assert!(member.deleted && member.display_name.is_empty() && member.situation_note.is_empty());
    assert_eq!((member.cell, member.user_id), (None, None));
    assert!(help::services_of(&mut conn, &[id])
        .await
        .unwrap()
        .is_empty());
    assert!(help::needs_of(&mut conn, &[id]).await.unwrap().is_empty());
    assert!(help::consents_of(&mut conn, &[id])
        .await
        .unwrap()
        .iter()
        .all(|(_, c)| !c.is_live()));
    let kept = bookings::of_member(&mut conn, id).await.unwrap();
    assert_eq!(kept.len(), 1);
    assert_eq!(
        (kept[0].title.as_str(), kept[0].price_fen),
        ("修鞋测试", 1500)
    );
    assert!(kept[0].message.is_empty());
    drop(conn);
    test.finish().await;
}

#[tokio::test]
async fn only_a_cooperative_keeps_members_and_bad_desk_input_gets_a_clear_4xx() {
    for test in app::db::testing::each_backend().await {
        only_a_cooperative_keeps_members_and_bad_desk_input_gets_a_clear_4xx_on(
            coop_app_on(test).await,
        )
        .await;
    }
}

async fn only_a_cooperative_keeps_members_and_bad_desk_input_gets_a_clear_4xx_on(
    (router, test): (axum::Router, TestDb),
) {
    let coordinator = session_of(&test, COORDINATOR).await;
    let other = app::orgs::db::directory(test.db.pool(), OTHER_ORG, None)
        .await
        .unwrap()[0]
        .id;
    let (status, _, body) = send(
        &router,
        with_cookie(&format!("/orgs/{other}/members"), &coordinator),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("合作社"));
    let owner = session_of(&test, OWNER).await;
    let coop = coop_id(&test).await;
    let id = registered(&router, &test, &[]).await;
    let (status, _, list) = send(
        &router,
        with_cookie(&format!("/orgs/{coop}/members"), &owner),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(list.contains("李姐测试"));
    for (path, body, expected) in [
        (
            "/api/help/add-service",
            format!("member={id}&service[title]=x&service[price]=abc&service[unit]=per_hour"),
            StatusCode::BAD_REQUEST,
        ),
        (
            "/api/help/record-consent",
            format!("member={id}&group=income&audience=everyone&method=paper"),
            StatusCode::BAD_REQUEST,
        ),
        (
            "/api/help/record-consent",
            format!("member={id}&group=name&audience=nobody&method=paper"),
            StatusCode::BAD_REQUEST,
        ),
        (
            "/api/help/link-account",
            format!("member={id}&contact=13999"),
            StatusCode::BAD_REQUEST,
        ),
        // No invitation is open for the member.
        (
            "/api/help/withdraw-link",
            format!("member={id}"),
            StatusCode::NOT_FOUND,
        ),
        (
            "/api/help/create-member",
            format!("org={coop}&member[display_name]=x&member[area]=nowhere"),
            StatusCode::BAD_REQUEST,
        ),
    ] {
        let (status, _, answer) = send(&router, form(path, &body, Some(&owner))).await;
        assert_eq!(status, expected, "{path} {body}: {answer}");
    }
    // The same consent twice is refused; after a withdrawal it can be given again.
    let give = format!("member={id}&group=name&audience=everyone&method=in_person");
    post_ok(&router, "/api/help/record-consent", &give, &owner).await;
    let (status, _, _) = send(
        &router,
        form("/api/help/record-consent", &give, Some(&owner)),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    let (_, _, card) = send(&router, page(&format!("/help/{id}"))).await;
    assert!(card.contains("李姐测试"));
    let mut conn = test.db.pool().acquire().await.unwrap();
    let consent = help::consents_of(&mut conn, &[id]).await.unwrap()[0].1.id;
    drop(conn);
    post_ok(
        &router,
        "/api/help/withdraw-consent",
        &format!("member={id}&consent={consent}"),
        &owner,
    )
    .await;
    let (status, _, card) = send(&router, page(&format!("/help/{id}"))).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(!card.contains("李姐测试"));
    post_ok(&router, "/api/help/record-consent", &give, &owner).await;
    test.finish().await;
}

/// P3: a name that is not public, shown on a booking's page or in the coordinators' list of
/// members, is a view that is logged like any other; a visitor's look at a member page is not
/// (they see only what is public) and takes no write lock.
#[tokio::test]
async fn names_on_bookings_and_the_members_list_are_logged_views() {
    use app::help::db::{ViewedVia, ViewerRole};
    let (router, test) = coop_app_on(TestDb::sqlite().await).await;
    let id = registered(
        &router,
        &test,
        &[("name", "residents"), ("services", "residents")],
    )
    .await;
    let (resident, owner) = (
        session_of(&test, RESIDENT).await,
        session_of(&test, OWNER).await,
    );
    let mut conn = test.db.pool().acquire().await.unwrap();
    let service = help::services_of(&mut conn, &[id]).await.unwrap()[0].id;
    drop(conn);
    let body = format!("kind=service&target={service}&time_preference=&message=x");
    post_ok(&router, "/api/help/book", &body, &resident).await;
    let mut conn = test.db.pool().acquire().await.unwrap();
    let booking = bookings::of_member(&mut conn, id).await.unwrap()[0].id;
    drop(conn);
    let logged = || async {
        let mut conn = test.db.pool().acquire().await.unwrap();
        help::access_log(&mut conn, id, 50).await.unwrap()
    };
    let before = logged().await.len();

    let (_, _, booking_page) = send(
        &router,
        with_cookie(&format!("/help/bookings/{booking}"), &resident),
    )
    .await;
    assert!(
        booking_page.contains("李姐测试"),
        "the resident sees the name"
    );
    let after_booking = logged().await;
    assert_eq!(
        after_booking.len(),
        before + 1,
        "the booking page's view is logged"
    );
    let entry = &after_booking[0];
    assert_eq!(
        (entry.viewer_role, entry.via, entry.fields.clone()),
        (
            ViewerRole::Resident,
            ViewedVia::Page,
            vec![FieldGroup::Name]
        )
    );

    let coop = coop_id(&test).await;
    let (_, _, list) = send(
        &router,
        with_cookie(&format!("/orgs/{coop}/members"), &owner),
    )
    .await;
    assert!(list.contains("李姐测试"));
    let after_list = logged().await;
    assert_eq!(
        after_list.len(),
        after_booking.len() + 1,
        "the list's view is logged"
    );
    assert_eq!(
        (after_list[0].viewer_role, after_list[0].via),
        (ViewerRole::Coordinator, ViewedVia::Editor)
    );

    // A visitor's look writes nothing at all.
    let commits = test.db.commits();
    let (status, _, _) = send(&router, page(&format!("/help/{id}"))).await;
    assert!(status == StatusCode::OK || status == StatusCode::NOT_FOUND);
    assert_eq!(test.db.commits(), commits);
    assert_eq!(logged().await.len(), after_list.len());
    test.finish().await;
}
