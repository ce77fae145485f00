//! Check-in, hours, certificates and calendar feeds over HTTP, server-rendered: who may open
//! which page, what the public verification page shows (and what it never shows), and the
//! private calendar address.

use super::*;

const RESIDENT: &str = "13800000001";

/// A resident (小云（居民）, RESIDENT) with two approved hours at 社区长者义剪日, a verified
/// organisation's event a month ago; the resident's id.
async fn served(test: &TestDb) -> i64 {
    use app::events::model::EventStatus;
    use app::orgs::model::{OrgKind, Verification};
    use app::testing::{event_of, neighbour, org_run_by, person, set_standing};
    let db = &test.db;
    let resident = person(db, RESIDENT, "小云（居民）").await;
    let org = org_run_by(
        db,
        "晨光助老服务中心",
        OrgKind::SocialOrg,
        neighbour(db, 1).await,
        &[],
    )
    .await;
    set_standing(db, org, Verification::Verified).await;
    let month_ago = app::db::now_unix() - 30 * 86_400;
    let mut tx = db.begin_write().await.unwrap();
    let event = event_of(&mut tx, org, EventStatus::Published, month_ago, |e| {
        e.title = "社区长者义剪日".into();
    })
    .await;
    app::events::signup::join(&mut tx, event, resident, month_ago - 86_400)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    app::testing::approved_hours(db, event, 120, month_ago).await;
    resident
}

/// An organisation with a coordinator, its published 长者生日会 in three weeks and a draft, and
/// a resident: (event, coordinator, resident).
async fn a_birthday_party(test: &TestDb) -> (i64, i64, i64) {
    use app::events::model::EventStatus;
    use app::orgs::model::OrgKind;
    use app::testing::{event_of, neighbour, org_run_by};
    let db = &test.db;
    let (owner, coordinator, resident) = (
        neighbour(db, 1).await,
        neighbour(db, 2).await,
        neighbour(db, 3).await,
    );
    let org = org_run_by(db, "晨光助老服务中心", OrgKind::Ngo, owner, &[coordinator]).await;
    let in_three_weeks = app::db::now_unix() + 21 * 86_400;
    let mut tx = db.begin_write().await.unwrap();
    let party = event_of(&mut tx, org, EventStatus::Published, in_three_weeks, |e| {
        e.title = "长者生日会".into();
        e.capacity = Some(20);
    })
    .await;
    event_of(&mut tx, org, EventStatus::Draft, in_three_weeks, |e| {
        e.title = "新春写福字（草稿）".into();
    })
    .await;
    tx.commit().await.unwrap();
    (party, coordinator, resident)
}

#[tokio::test]
async fn a_resident_with_hours_gets_a_certificate_anyone_can_verify() {
    let (router, test) = bare_app().await;
    let id = served(&test).await;
    let resident = session_for(&test, id).await;
    let (status, _, body) = send(&router, get_with_cookie("/me/hours", Some(&resident))).await;
    let body = body.replace("<!>", "");
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("社区长者义剪日"), "past events: {body}");
    assert!(body.contains("开具证明"));

    // Issue a certificate for the first organisation and year on the record.
    let mut conn = test.db.pool().acquire().await.unwrap();
    let served = app::volunteering::record::served_events(&mut conn, id)
        .await
        .unwrap();
    drop(conn);
    let year = app::volunteering::record::service_years(&served)
        .into_iter()
        .next()
        .expect("confirmed hours");
    let (status, headers, _) = send(
        &router,
        html_form(
            "/api/volunteering/issue_certificate",
            &format!("org={}&year={}", year.org_id, year.year),
            &resident,
        ),
    )
    .await;
    assert!(status.is_redirection(), "{status}");
    let location = headers[header::LOCATION].to_str().unwrap().to_string();
    let serial = location
        .strip_prefix("/me/certificates/")
        .expect("to the certificate")
        .to_string();

    let (status, _, body) = send(&router, get_with_cookie(&location, Some(&resident))).await;
    let body = body.replace("<!>", "");
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("志愿服务记录证明") && body.contains(&serial));
    assert!(body.contains("<svg"), "a QR code to the verification page");
    assert!(body.contains(&format!("/verify/{serial}")));
    // Someone else's certificate is not there for them.
    let someone = session_for(&test, app::testing::neighbour(&test.db, 2).await).await;
    let (status, _, _) = send(&router, get_with_cookie(&location, Some(&someone))).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // The public page: name, organisation, hours, period, valid — and not the phone number.
    let (status, headers, body) = send(&router, get(&format!("/verify/{serial}"))).await;
    let body = body.replace("<!>", "");
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("小云（居民）") && body.contains(&year.org_name));
    assert!(body.contains("有效"));
    assert!(body.contains(&year.first_day));
    assert!(
        !body.contains(RESIDENT),
        "no contact details on the public page"
    );
    assert!(headers.get(header::SET_COOKIE).is_none());
    let (status, _, _) = send(&router, get("/verify/YYX-2026-NOSUCH22")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, _) = send(&router, get("/verify/%3Cscript%3E")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // The organisation lists it and withdraws it with a reason (a plain form); the public page
    // then says revoked, without the reason, and the holder is told why.
    let admin = session_for(&test, app::testing::admin(&test.db).await).await;
    let issued = format!("/orgs/{}/certificates", year.org_id);
    let (status, _, _) = send(&router, get_with_cookie(&issued, Some(&resident))).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _, body) = send(&router, get_with_cookie(&issued, Some(&admin))).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains(&serial) && body.contains("有效"), "{body}");
    let (status, headers, _) = send(
        &router,
        html_form(
            "/api/volunteering/withdraw",
            &format!(
                "id={}&serial={serial}&reason=%E5%90%8D%E5%AD%97%E5%86%99%E9%94%99",
                year.org_id
            ),
            &admin,
        ),
    )
    .await;
    assert!(status.is_redirection(), "{status}");
    assert_eq!(
        headers[header::LOCATION],
        format!("{issued}?done=withdrawn")
    );
    let (_, _, body) = send(
        &router,
        get_with_cookie(&format!("{issued}?done=withdrawn"), Some(&admin)),
    )
    .await;
    assert!(
        body.contains("证明已作废") && body.contains("名字写错"),
        "{body}"
    );
    let (_, _, body) = send(&router, get(&format!("/verify/{serial}"))).await;
    assert!(body.contains("已作废") && !body.contains("名字写错"));
    let (_, _, body) = send(
        &router,
        get_with_cookie("/me/notifications", Some(&resident)),
    )
    .await;
    assert!(
        body.contains(&serial) && body.contains("名字写错"),
        "{body}"
    );
    test.finish().await;
}

#[tokio::test]
async fn check_in_and_hours_pages_are_for_the_right_people() {
    let (router, test) = bare_app().await;
    let (id, coordinator, resident) = a_birthday_party(&test).await;
    // Visitors are sent to sign in, and back with the code they scanned.
    let (status, headers, _) =
        send(&router, page(&format!("/events/{id}/checkin?code=123456"))).await;
    assert!(status.is_redirection());
    let to = headers[header::LOCATION].to_str().unwrap();
    assert!(
        to.starts_with("/signin?next=") && to.contains("code%3D123456"),
        "{to}"
    );

    let resident = session_for(&test, resident).await;
    let coordinator = session_for(&test, coordinator).await;
    for path in [
        format!("/events/{id}/checkin/code"),
        format!("/events/{id}/hours"),
    ] {
        let (status, _, _) = send(&router, get_with_cookie(&path, Some(&resident))).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{path}");
        let (status, _, _) = send(&router, get_with_cookie(&path, Some(&coordinator))).await;
        assert_eq!(status, StatusCode::OK, "{path}");
    }
    // Weeks before the event, the screen says when the code will show, and shows none.
    let (_, _, body) = send(
        &router,
        get_with_cookie(&format!("/events/{id}/checkin/code"), Some(&coordinator)),
    )
    .await;
    assert!(body.contains("签到码在") && !body.contains("data-testid=\"checkin-code\""));
    // The resident's check-in page: not open yet.
    let (status, _, body) = send(
        &router,
        get_with_cookie(&format!("/events/{id}/checkin"), Some(&resident)),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("现在不能签到"), "{body}");
    test.finish().await;
}

#[tokio::test]
async fn calendar_feeds_for_an_organisation_and_a_private_address() {
    let (router, test) = bare_app().await;
    let (party, _, id) = a_birthday_party(&test).await;
    let org = app::events::db::find(test.db.pool(), party)
        .await
        .unwrap()
        .unwrap()
        .org_id;
    let mut tx = test.db.begin_write().await.unwrap();
    app::events::signup::join(&mut tx, party, id, app::db::now_unix())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let (status, headers, body) = send(&router, get(&format!("/orgs/{org}/calendar.ics"))).await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/calendar"));
    assert!(body.contains("BEGIN:VCALENDAR") && body.contains("长者生日会"));
    assert!(!body.contains("草稿"), "no drafts in public calendars");
    let (status, _, _) = send(&router, get("/orgs/999999/calendar.ics")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // The private feed: off until turned on; on, it lists the person's events; renewed, the old
    // address stops working.
    let resident = session_for(&test, id).await;
    let stored = || async {
        sqlx::query_as::<_, (Option<String>, Option<String>)>(
            "SELECT calendar_token, calendar_token_hash FROM users WHERE id = $1",
        )
        .bind(id)
        .fetch_one(test.db.pool())
        .await
        .unwrap()
    };
    assert_eq!(stored().await, (None, None));
    let mut addresses = Vec::new();
    for _ in 0..2 {
        let (status, headers, _) = send(
            &router,
            form("/api/events/set_calendar_feed", "on=true", Some(&resident)),
        )
        .await;
        assert!(status.is_redirection() || status.is_success(), "{status}");
        // The secret reaches this browser alone, for a few minutes, and only its hash is kept.
        let cookie = headers
            .get_all(header::SET_COOKIE)
            .iter()
            .map(|v| v.to_str().unwrap())
            .find(|v| v.starts_with("new_calendar="))
            .expect("the new address for this browser");
        assert!(
            cookie.contains("HttpOnly") && cookie.contains("Path=/me"),
            "{cookie}"
        );
        let token = cookie["new_calendar=".len()..].split(';').next().unwrap();
        let (plain, hash) = stored().await;
        assert_eq!(plain, None);
        assert!(hash.is_some_and(|hash| hash.len() == 64 && !hash.contains(token)));
        // 我的 shows the address while the cookie lasts, and not after.
        let with_new = format!("{resident}; new_calendar={token}");
        let (_, _, me) = send(&router, with_cookie("/me", &with_new)).await;
        assert!(
            me.contains(&app::events::feed::feed_path(token)),
            "shown once"
        );
        let (_, _, me) = send(&router, with_cookie("/me", &resident)).await;
        assert!(me.contains("feed-is-on") && !me.contains(token));
        addresses.push(app::events::feed::feed_path(token));
    }
    let (status, headers, body) = send(&router, get(&addresses[1])).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("长者生日会"), "the resident's event: {body}");
    assert_eq!(headers[header::CACHE_CONTROL], "private, no-store");
    let (status, _, _) = send(&router, get(&addresses[0])).await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "the renewed address replaced the old one"
    );
    let (status, _, _) = send(&router, get("/me/calendar/not-a-token/events.ics")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // An address made before secrets were hashed keeps working after the upgrade, which leaves
    // only its hash.
    let old = "ab".repeat(32);
    sqlx::query("UPDATE users SET calendar_token = $1, calendar_token_hash = NULL WHERE id = $2")
        .bind(&old)
        .bind(id)
        .execute(test.db.pool())
        .await
        .unwrap();
    assert_eq!(
        app::db::upgrades::hash_stored_tokens(test.db.pool())
            .await
            .unwrap(),
        1
    );
    assert_eq!(stored().await.0, None);
    let (status, _, _) = send(&router, get(&app::events::feed::feed_path(&old))).await;
    assert_eq!(status, StatusCode::OK);
    test.finish().await;
}
