//! Check-in, hours, certificates and calendar feeds over HTTP, server-rendered: who may open
//! which page, what the public verification page shows (and what it never shows), and the
//! private calendar address.

use super::*;

const RESIDENT: &str = "13800000001";
const COORDINATOR: &str = "13800000002";

#[tokio::test]
async fn the_demo_resident_has_hours_and_a_certificate_anyone_can_verify() {
    let (router, test) = app().await;
    let resident = session_of(&test, RESIDENT).await;
    let (status, _, body) = send(&router, get_with_cookie("/me/hours", Some(&resident))).await;
    let body = body.replace("<!>", "");
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("社区长者义剪日"), "past demo events: {body}");
    assert!(body.contains("开具证明"));

    // Issue a certificate for the first organisation and year on the record.
    let id = user_id(&test.db, RESIDENT).await;
    let mut conn = test.db.pool().acquire().await.unwrap();
    let served = app::volunteering::record::served_events(&mut conn, id)
        .await
        .unwrap();
    drop(conn);
    let year = app::volunteering::record::service_years(&served)
        .into_iter()
        .next()
        .expect("confirmed demo hours");
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
    let coordinator = session_of(&test, COORDINATOR).await;
    let (status, _, _) = send(&router, get_with_cookie(&location, Some(&coordinator))).await;
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
    let admin = session_of(&test, "13800000004").await;
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
    let (router, test) = app().await;
    let event = app::events::db::upcoming(test.db.pool(), &Default::default(), 100)
        .await
        .unwrap()
        .events
        .into_iter()
        .find(|e| e.title == "长者生日会")
        .expect("a demo event");
    let id = event.id;
    // Visitors are sent to sign in, and back with the code they scanned.
    let (status, headers, _) =
        send(&router, page(&format!("/events/{id}/checkin?code=123456"))).await;
    assert!(status.is_redirection());
    let to = headers[header::LOCATION].to_str().unwrap();
    assert!(
        to.starts_with("/signin?next=") && to.contains("code%3D123456"),
        "{to}"
    );

    let resident = session_of(&test, RESIDENT).await;
    let coordinator = session_of(&test, COORDINATOR).await;
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
    let (router, test) = app().await;
    let org = app::orgs::db::directory(test.db.pool(), "阳光助老", None)
        .await
        .unwrap()[0]
        .id;
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
    let resident = session_of(&test, RESIDENT).await;
    let id = user_id(&test.db, RESIDENT).await;
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
    assert!(
        body.contains("社区长者义剪日"),
        "the resident's past event: {body}"
    );
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
