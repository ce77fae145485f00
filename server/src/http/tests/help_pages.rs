//! 邻里帮帮 over HTTP: what each person is sent about a member — in the server-rendered page and in
//! the server function's answer — field by field, for every consent audience; withdrawing a
//! consent takes effect on the next request; every view of a non-public field is logged; pages
//! with personal data are never cached. On SQLite, and on PostgreSQL when `TEST_POSTGRES_URL` is
//! set.

use super::*;
use app::help::db::{self as help, NewConsent};
use app::help::input::{MemberFields, NeedFields, ServiceFields};
use app::help::model::{Audience, ConsentMethod, FieldGroup, NOTICE_VERSION};

/// Distinct text for each field group of test member `n`, so its presence anywhere in a response
/// is unambiguous (and tells this member from the ones made before it).
fn value_of(group: FieldGroup, n: usize) -> String {
    let base = match group {
        FieldGroup::Name => "测试成员甲",
        FieldGroup::Services => "独特服务乙",
        FieldGroup::Needs => "独特需要丙",
        FieldGroup::Availability => "独特时间丁",
        _ => unreachable!("not in this test"),
    };
    format!("{base}〔{n}〕")
}

fn note_of(n: usize) -> String {
    format!("独特备注戊〔{n}〕")
}

/// The groups whose values are text in the page.
const GROUPS: [FieldGroup; 4] = [
    FieldGroup::Name,
    FieldGroup::Services,
    FieldGroup::Needs,
    FieldGroup::Availability,
];

/// Every group a member has: the text ones, the photo (its address in the page, its bytes from
/// its own route) and the area (a community: its name on the page, its code in the answer).
const TESTED: [FieldGroup; 6] = [
    FieldGroup::Name,
    FieldGroup::Photo,
    FieldGroup::Services,
    FieldGroup::Needs,
    FieldGroup::Area,
    FieldGroup::Availability,
];

/// The test members' community.
const AREA: &str = "yy-yanzhong-wenchang";

/// The test members' community (AREA) and its sub-district.
async fn the_members_community(test: &TestDb) {
    let db = &test.db;
    app::testing::subdistrict(db, "yy-yanzhong", "延中街道", (26.5808, 106.7118)).await;
    app::testing::community(db, AREA, "yy-yanzhong", "文昌阁社区", (26.58, 106.71)).await;
}

/// Test member `n` of the cooperative with one consent: `group` for `audience`.
async fn member_with(test: &TestDb, n: usize, group: FieldGroup, audience: Audience) -> i64 {
    let pool = test.db.pool();
    let org = app::orgs::db::directory(pool, "云岩区邻里互助合作社", None)
        .await
        .unwrap()[0]
        .id;
    let owner = app::orgs::db::user_by_contact(pool, "13800000003")
        .await
        .unwrap()
        .unwrap();
    let details = MemberFields {
        display_name: value_of(FieldGroup::Name, n),
        availability: value_of(FieldGroup::Availability, n),
        situation_note: note_of(n),
        area: AREA.into(),
        ..MemberFields::default()
    }
    .check(|code| code == AREA)
    .unwrap();
    let mut tx = test.db.begin_write().await.unwrap();
    let now = app::db::now_unix();
    let id = help::insert_member(&mut tx, org, &details, owner, now)
        .await
        .unwrap();
    let service = ServiceFields {
        title: value_of(FieldGroup::Services, n),
        unit: "per_hour".into(),
        ..ServiceFields::default()
    };
    help::add_service(&mut tx, id, &service.check().unwrap(), now)
        .await
        .unwrap();
    let need = NeedFields {
        title: value_of(FieldGroup::Needs, n),
        urgency: "low".into(),
        ..NeedFields::default()
    };
    help::add_need(&mut tx, id, &need.check().unwrap(), now)
        .await
        .unwrap();
    let consent = NewConsent {
        group,
        audience,
        method: ConsentMethod::Paper,
        notice_version: NOTICE_VERSION,
    };
    help::record_consent(&mut tx, id, consent, owner, now)
        .await
        .unwrap();
    let photo = app::photos::process(&app::photos::sample_phone_jpeg(40, 30)).unwrap();
    help::set_photo(&mut tx, id, &photo, now).await.unwrap();
    tx.commit().await.unwrap();
    id
}

/// Whether a server function's answer gives a photo's upload time (from which its address is made).
fn photo_at_sent(answer: &str) -> bool {
    answer
        .split("\"photo_at\":")
        .skip(1)
        .any(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Who {
    Visitor,
    Resident,
    /// The cooperative's owner (its coordinator).
    Coordinator,
    /// A coordinator of another organisation.
    OtherCoordinator,
    Admin,
}

/// Whether a consent for `audience` reaches `who` (the cooperative's coordinators see all).
fn reaches(who: Who, audience: Audience) -> bool {
    match who {
        Who::Coordinator => true,
        Who::Visitor => audience == Audience::Everyone,
        Who::Resident | Who::OtherCoordinator | Who::Admin => audience != Audience::Coordinators,
    }
}

/// What `who` is shown on the card of a member whose one consent is `group` for `audience`. A
/// card whose only visible field is when the member is available, their photo or their area
/// says nothing on its own: it is neither listed nor shown.
fn expected(who: Who, group: FieldGroup, audience: Audience) -> Vec<FieldGroup> {
    match who {
        Who::Coordinator => TESTED.to_vec(),
        _ if matches!(
            group,
            FieldGroup::Availability | FieldGroup::Photo | FieldGroup::Area
        ) =>
        {
            vec![]
        }
        _ if reaches(who, audience) => vec![group],
        _ => vec![],
    }
}

#[tokio::test]
async fn each_person_is_sent_exactly_the_fields_the_live_consents_allow() {
    for test in app::db::testing::each_backend().await {
        each_person_is_sent_exactly_the_fields_the_live_consents_allow_on(
            super::help_desk::coop_app_on(test).await,
        )
        .await;
    }
}

async fn each_person_is_sent_exactly_the_fields_the_live_consents_allow_on(
    (router, test): (axum::Router, TestDb),
) {
    the_members_community(&test).await;
    let people = [
        (Who::Visitor, None),
        (Who::Resident, Some(session_of(&test, "13800000001").await)),
        (
            Who::Coordinator,
            Some(session_of(&test, "13800000003").await),
        ),
        (
            Who::OtherCoordinator,
            Some(session_of(&test, super::help_desk::COORDINATOR).await),
        ),
        (
            Who::Admin,
            Some(session_for(&test, app::testing::admin(&test.db).await).await),
        ),
    ];
    let mut n = 0;
    for group in TESTED {
        for audience in Audience::ALL.iter().copied() {
            n += 1;
            let id = member_with(&test, n, group, audience).await;
            for (who, cookie) in &people {
                let shown = expected(*who, group, audience);
                let (status, headers, page) = send(
                    &router,
                    get_with_cookie(&format!("/help/{id}"), cookie.as_deref()),
                )
                .await;
                let (_, _, answer) = send(
                    &router,
                    form("/api/help/member", &format!("id={id}"), cookie.as_deref()),
                )
                .await;
                let (_, _, list) = send(&router, get_with_cookie("/help", cookie.as_deref())).await;
                let case = format!("{group:?} for {audience:?}, seen by {who:?}");
                if shown.is_empty() {
                    assert_eq!(status, StatusCode::NOT_FOUND, "{case}");
                }
                for g in GROUPS {
                    let value = value_of(g, n);
                    let visible = shown.contains(&g);
                    for (what, body) in [("page", &page), ("answer", &answer), ("list", &list)] {
                        // The list shows no availability: that is on the member's page only.
                        let expected =
                            visible && !(what == "list" && g == FieldGroup::Availability);
                        assert_eq!(
                            body.contains(&value),
                            expected,
                            "{case}: {g:?} in the {what}"
                        );
                    }
                }
                // The photo: its address only on the cards that show it; its bytes for whoever
                // its consent reaches, never cached.
                let address = format!("/help/{id}/thumb.jpg");
                for (what, sent) in [
                    ("page", page.contains(&address)),
                    ("answer", photo_at_sent(&answer)),
                    ("list", list.contains(&address)),
                ] {
                    let expected = shown.contains(&FieldGroup::Photo);
                    assert_eq!(sent, expected, "{case}: photo in the {what}");
                }
                let reached = *who == Who::Coordinator
                    || group == FieldGroup::Photo && reaches(*who, audience);
                for file in ["thumb", "photo"] {
                    let address = format!("/help/{id}/{file}.jpg");
                    let response = router
                        .clone()
                        .oneshot(get_with_cookie(&address, cookie.as_deref()))
                        .await
                        .unwrap();
                    let status = response.status();
                    assert_eq!(status == StatusCode::OK, reached, "{case}: {file} {status}");
                    let cache = response.headers()[header::CACHE_CONTROL].to_str().unwrap();
                    assert!(cache.contains("no-store"), "{case}: {file} {cache}");
                }
                // The area: on the member's page, and in the answer (the list shows it for many
                // members at once, so it is checked there by the filters' test).
                let area_shown = shown.contains(&FieldGroup::Area);
                assert_eq!(
                    page.contains("data-testid=\"member-place\""),
                    area_shown,
                    "{case}: area in the page"
                );
                assert_eq!(
                    answer.contains(&format!("{{\"Area\":\"{AREA}\"}}")),
                    area_shown,
                    "{case}: area in the answer"
                );
                let note_visible = *who == Who::Coordinator;
                let note = note_of(n);
                assert_eq!(
                    page.contains(&note),
                    note_visible,
                    "{case}: note in the page"
                );
                assert_eq!(
                    answer.contains(&note),
                    note_visible,
                    "{case}: note in the answer"
                );
                assert!(
                    !list.contains(&note),
                    "{case}: the note is never in the list"
                );
                if cookie.is_some() {
                    let cache = headers[header::CACHE_CONTROL].to_str().unwrap();
                    assert!(cache.contains("no-store"), "{case}: {cache}");
                }
            }
        }
    }
    test.finish().await;
}

#[tokio::test]
async fn withdrawing_hides_the_field_on_the_next_request_and_views_are_logged() {
    for test in app::db::testing::each_backend().await {
        withdrawing_hides_the_field_on_the_next_request_and_views_are_logged_on(
            super::help_desk::coop_app_on(test).await,
        )
        .await;
    }
}

async fn withdrawing_hides_the_field_on_the_next_request_and_views_are_logged_on(
    (router, test): (axum::Router, TestDb),
) {
    the_members_community(&test).await;
    let id = member_with(&test, 1, FieldGroup::Needs, Audience::Residents).await;
    let need = value_of(FieldGroup::Needs, 1);
    let resident = session_of(&test, "13800000001").await;
    let (status, _, page) = send(&router, with_cookie(&format!("/help/{id}"), &resident)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(&need));
    // The visitor sees nothing and is not logged; the resident's view of a residents-only field is.
    send(&router, get(&format!("/help/{id}"))).await;
    let mut conn = test.db.pool().acquire().await.unwrap();
    let log = help::access_log(&mut conn, id, 10).await.unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].viewer_name, "小云（居民）");
    assert_eq!(log[0].fields, vec![FieldGroup::Needs]);
    let consent = help::consents_of(&mut conn, &[id]).await.unwrap()[0].1.id;
    drop(conn);
    // The cooperative's coordinator sees everything, the note too: that is logged as well.
    let coordinator = session_of(&test, "13800000003").await;
    send(&router, with_cookie(&format!("/help/{id}"), &coordinator)).await;
    let mut conn = test.db.pool().acquire().await.unwrap();
    let log = help::access_log(&mut conn, id, 10).await.unwrap();
    assert_eq!(log.len(), 2);
    assert_eq!(log[0].viewer_role, app::help::db::ViewerRole::Coordinator);
    assert!(log[0].situation_note && !log[1].situation_note);
    drop(conn);

    let mut tx = test.db.begin_write().await.unwrap();
    assert!(
        help::withdraw_consent(&mut tx, id, consent, 1, app::db::now_unix())
            .await
            .unwrap()
    );
    tx.commit().await.unwrap();
    let (status, _, page) = send(&router, with_cookie(&format!("/help/{id}"), &resident)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(!page.contains(&need));
    let (_, _, list) = send(&router, with_cookie("/help", &resident)).await;
    assert!(!list.contains(&need));
    test.finish().await;
}

#[tokio::test]
async fn the_list_filters_on_what_it_shows_and_refuses_filters_it_cannot_read() {
    use app::testing::{consent, coop_member_as, cooperative, neighbour};
    use FieldGroup::{Area, Name, Needs, Services};
    let (router, test) = bare_app().await;
    let db = &test.db;
    // 北京路街道, and four members: two near it, two almost 3 km south.
    let beijinglu = (26.5986, 106.7182);
    app::testing::subdistrict(db, "yy-beijinglu", "北京路街道", beijinglu).await;
    let (coop, by) = (cooperative(db).await, neighbour(db, 1).await);
    let south = (26.5750, 106.7100);
    for (name, at, service, need, open) in [
        (
            "王阿姨",
            south,
            "缝补改衣",
            "每周帮忙买一次菜",
            &[Name, Services, Needs, Area][..],
        ),
        ("小杨", south, "手工串珠饰品", "陪同就医", &[]),
        ("赵叔", beijinglu, "下象棋陪练", "换灯泡", &[Services, Area]),
        (
            "周大爷",
            beijinglu,
            "磨刀",
            "小家电维修",
            &[Name, Services, Area],
        ),
    ] {
        let member = coop_member_as(db, coop, by, name, at, service, need).await;
        for &group in open {
            consent(db, member, group, Audience::Everyone, by).await;
        }
    }
    let (status, _, page) = send(&router, get("/help")).await;
    assert_eq!(status, StatusCode::OK);
    // Public members show; the one nobody outside the cooperative may see does not.
    assert!(page.contains("王阿姨") && page.contains("缝补改衣") && page.contains("¥10"));
    assert!(!page.contains("小杨") && !page.contains("手工串珠饰品"));
    // A name that is not public leaves the services shown without it.
    assert!(page.contains("下象棋陪练") && !page.contains("赵叔"));
    let (_, _, needs) = send(&router, get("/help?offers=needs")).await;
    assert!(needs.contains("每周帮忙买一次菜") && !needs.contains("小家电维修"));
    let (_, _, found) = send(&router, get("/help?q=%E7%A3%A8%E5%88%80")).await;
    assert!(found.contains("周大爷") && !found.contains("王阿姨"));
    let (_, _, area) = send(&router, get("/help?area=yy-beijinglu")).await;
    assert!(area.contains("周大爷") && !area.contains("王阿姨"));
    for bad in ["/help?offers=gifts", "/help?area=nowhere"] {
        let (status, _, body) = send(&router, get(bad)).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
        assert!(body.contains("筛选条件看不懂"), "{bad}");
    }
    let (status, _, _) = send(&router, get("/help/999999")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    test.finish().await;
}
