//! Organisation pages over HTTP: server-rendered for visitors, and the status codes of pages that
//! need a sign-in or a right.

use super::*;
use app::orgs::model::{OrgKind, Verification};
use app::testing::{admin, neighbour, org_run_by, set_standing};

/// A partner organisation (a social organisation with an address) and an unverified
/// residents' committee, each run by a resident of its own.
async fn two_orgs(test: &TestDb) -> (i64, i64) {
    let db = &test.db;
    let partner = org_run_by(
        db,
        "晨光助老服务中心",
        OrgKind::SocialOrg,
        neighbour(db, 1).await,
        &[],
    )
    .await;
    sqlx::query("UPDATE organisations SET address = '测试路 8 号' WHERE id = $1")
        .bind(partner)
        .execute(db.pool())
        .await
        .unwrap();
    set_standing(db, partner, Verification::Partner).await;
    let committee = org_run_by(
        db,
        "河滨社区居民委员会",
        OrgKind::Community,
        neighbour(db, 2).await,
        &[],
    )
    .await;
    (partner, committee)
}

#[tokio::test]
async fn directory_and_profiles_render_on_the_server_with_badges() {
    let (router, test) = bare_app().await;
    let (partner, _) = two_orgs(&test).await;
    let (status, _, body) = send(&router, page("/orgs")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("晨光助老服务中心") && body.contains("河滨社区居民委员会"));
    assert!(body.contains(r#"data-tier="partner""#) && body.contains(r#"data-tier="unverified""#));

    // Search and type filter work from the address alone (a plain GET form without JavaScript).
    let (_, _, body) = send(&router, page("/orgs?q=%E5%8A%A9%E8%80%81&kind=social_org")).await;
    assert!(body.contains("晨光助老服务中心"));
    assert!(!body.contains("河滨社区居民委员会"));

    let (status, _, body) = send(&router, page(&format!("/orgs/{partner}"))).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("测试路 8 号") && body.contains("合作伙伴"));
    assert!(!body.contains("编辑资料"), "visitors get no edit link");

    for missing in ["/orgs/999999", "/orgs/not-a-number", "/orgs/999999/edit"] {
        let (status, _, _) = send(&router, page(missing)).await;
        let expected = if missing.ends_with("edit") {
            // A visitor is asked to sign in before being told anything about it.
            StatusCode::FOUND
        } else {
            StatusCode::NOT_FOUND
        };
        assert_eq!(status, expected, "{missing}");
    }
    test.finish().await;
}

#[tokio::test]
async fn a_long_directory_comes_a_page_at_a_time_and_refuses_an_unreadable_start() {
    let (router, test) = bare_app().await;
    two_orgs(&test).await;
    // Forty small groups, registered by one resident (unverified: after the partner).
    let owner = neighbour(&test.db, 3).await;
    let mut tx = test.db.begin_write().await.unwrap();
    for n in 0..40 {
        let details = app::orgs::model::OrgDetails {
            kind: app::orgs::model::OrgKind::Cooperative,
            name: format!("楼栋互助小组{n:02}号"),
            description: "邻里之间互相照应".into(),
            services: "互助".into(),
            address: String::new(),
            location: None,
            contact: "0851-0000".into(),
            opening_hours: String::new(),
            credit_code: None,
        };
        app::orgs::db::create_org(&mut tx, &details, owner, 1)
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();

    let mut seen = Vec::new();
    let mut url = "/orgs?q=%E6%A5%BC%E6%A0%8B%E4%BA%92%E5%8A%A9".to_string();
    let mut pages = 0;
    loop {
        let (status, _, body) = send(&router, page(&url)).await;
        assert_eq!(status, StatusCode::OK, "{url}");
        pages += 1;
        assert!(body.contains("这一页"), "{body}");
        assert_eq!(link(&body, "first-page").is_some(), pages > 1);
        for n in 0..40 {
            if body.contains(&format!("楼栋互助小组{n:02}号<")) {
                seen.push(n);
            }
        }
        match link(&body, "next-page") {
            Some(next) => {
                assert!(next.contains("q=") && next.contains("after="), "{next}");
                url = next;
            }
            None => break,
        }
    }
    assert_eq!(pages, 2);
    assert_eq!(
        seen,
        (0..40).collect::<Vec<_>>(),
        "every group once, in order"
    );

    // The whole directory starts with the partners, and says how many are on this page.
    let (_, _, body) = send(&router, page("/orgs")).await;
    assert!(
        body.contains("这一页 <!>30<!> 家机构") || body.contains("这一页 30 家机构"),
        "{body}"
    );
    let partner = body.find(r#"data-tier="partner""#).unwrap();
    assert!(partner < body.find(r#"data-tier="unverified""#).unwrap());

    for bad in [
        "/orgs?after=tomorrow",
        "/orgs?after=1-x",
        "/orgs?q=a&after=-5",
    ] {
        let (status, _, body) = send(&router, page(bad)).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
        assert!(
            body.contains("翻页位置无法识别") && body.contains("查看全部机构"),
            "{bad}"
        );
    }
    // The same list as data, for the API's users.
    let (status, _, body) = send(
        &router,
        form(
            "/api/orgs/directory",
            "q=%E6%A5%BC%E6%A0%8B&after=9-0",
            None,
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        body.contains("\"orgs\":[]") && body.contains("\"later\":null"),
        "{body}"
    );
    let (status, _, _) = send(&router, form("/api/orgs/directory", "after=soon", None)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    test.finish().await;
}

#[tokio::test]
async fn pages_that_need_a_right_redirect_visitors_and_refuse_others() {
    let (router, test) = bare_app().await;
    let db = &test.db;
    let (owner, coordinator) = (neighbour(db, 1).await, neighbour(db, 2).await);
    let mine = org_run_by(
        db,
        "晨光助老服务中心",
        OrgKind::SocialOrg,
        owner,
        &[coordinator],
    )
    .await;
    let other = org_run_by(
        db,
        "筑梦青少年成长服务中心",
        OrgKind::SocialOrg,
        neighbour(db, 3).await,
        &[],
    )
    .await;
    let verified = org_run_by(db, "河滨社区居民委员会", OrgKind::Community, owner, &[]).await;
    set_standing(db, verified, Verification::Verified).await;
    let resident = session_for(&test, neighbour(db, 4).await).await;
    let admin = session_for(&test, admin(db).await).await;
    let coordinator = session_for(&test, coordinator).await;
    let (edit, edit_next) = (
        format!("/orgs/{mine}/edit"),
        format!("%2Forgs%2F{mine}%2Fedit"),
    );
    for (path, next) in [
        ("/orgs/new", "%2Forgs%2Fnew"),
        ("/admin/orgs", "%2Fadmin%2Forgs"),
        (edit.as_str(), edit_next.as_str()),
    ] {
        let (status, headers, _) = send(&router, page(path)).await;
        assert_eq!(status, StatusCode::FOUND, "{path}");
        assert_eq!(
            headers[header::LOCATION],
            format!("/signin?next={next}"),
            "{path}"
        );
    }

    let (status, _, body) = send(&router, with_cookie("/admin/orgs", &resident)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(body.contains("你没有权限打开这个页面"));
    let (status, _, _) = send(&router, with_cookie(&edit, &resident)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _, body) = send(&router, with_cookie("/orgs/new", &resident)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains(r#"name="org[credit_code]""#));

    let (status, _, body) = send(&router, with_cookie("/admin/orgs", &admin)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        body.contains("筑梦青少年成长服务中心") && body.contains("晨光助老服务中心"),
        "pending organisations in the queue"
    );
    assert!(
        !body.contains("河滨社区居民委员会"),
        "verified ones are not in the queue"
    );

    // Verifying the organisation tells the people who run it (its owner and coordinator).
    let unread = |cookie: String| {
        let router = router.clone();
        async move {
            send(
                &router,
                form("/api/notifications/unread", "", Some(&cookie)),
            )
            .await
            .2
        }
    };
    assert_eq!(unread(coordinator.clone()).await, "0");
    let body = format!("org_id={other}&decision=partner");
    let (status, _, _) = send(&router, form("/api/orgs/review", &body, Some(&admin))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        unread(coordinator.clone()).await,
        "0",
        "not their organisation"
    );
    let body = format!("org_id={mine}&decision=verify");
    let (status, _, _) = send(&router, form("/api/orgs/review", &body, Some(&admin))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(unread(coordinator.clone()).await, "1");
    let (_, _, inbox) = send(&router, with_cookie("/me/notifications", &coordinator)).await;
    assert!(
        inbox.contains("你的机构「晨光助老服务中心」已通过平台认证。"),
        "{inbox}"
    );
    test.finish().await;
}

/// The badge vouches for what the admin read: an edit made while they read it (a new name, say)
/// makes their decision a conflict, and the organisation stays in the queue.
#[tokio::test]
async fn a_review_of_a_version_edited_since_is_refused() {
    let (router, test) = bare_app().await;
    let (_, id) = two_orgs(&test).await;
    let admin = session_for(&test, admin(&test.db).await).await;
    let seen = app::orgs::db::find(test.db.pool(), id)
        .await
        .unwrap()
        .unwrap()
        .version;
    let record = app::orgs::db::find(test.db.pool(), id)
        .await
        .unwrap()
        .unwrap();
    let mut renamed = record.details.clone();
    renamed.name = "换了名字的机构".into();
    let mut tx = test.db.begin_write().await.unwrap();
    app::orgs::db::update_org(&mut tx, id, seen, &renamed, 10)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let body = format!("org_id={id}&decision=verify&version={seen}");
    let (status, _, answer) = send(&router, form("/api/orgs/review", &body, Some(&admin))).await;
    assert_eq!(
        (status, answer.as_str()),
        (
            StatusCode::CONFLICT,
            refused(app::error::FormRefusal::EditConflict).as_str()
        )
    );
    let after = app::orgs::db::find(test.db.pool(), id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(after.verification, Verification::Pending);
    // On the version now shown, the decision goes through.
    let body = format!("org_id={id}&decision=verify&version={}", after.version);
    let (status, _, _) = send(&router, form("/api/orgs/review", &body, Some(&admin))).await;
    assert_eq!(status, StatusCode::OK);
    test.finish().await;
}
