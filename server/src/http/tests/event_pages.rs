//! Event pages, the calendar file and the events feed, server-rendered (what a phone without
//! JavaScript gets).

use super::*;

/// Who is who in `district`, and its events.
struct District {
    org: i64,
    /// 重阳敬老探访 in ten days: six seats, all taken, and three people waiting.
    visit: i64,
    draft: i64,
    owner: String,
    coordinator: String,
    resident: String,
    admin: String,
}

/// A partner organisation run by an owner and a coordinator, with its full visit and a draft; a
/// resident and the admin, each signed in.
async fn district(test: &TestDb) -> District {
    use app::events::model::{EventCategory, EventStatus};
    use app::testing::{event_of, neighbours};
    let db = &test.db;
    let PartnerOrg {
        org,
        owner,
        coordinator,
        resident,
        admin,
        ..
    } = partner_org(test).await;
    let joining = neighbours(db, 101, 9).await;
    let now = app::db::now_unix();
    // On the hour, as forms write times (to the minute).
    let in_ten_days = (now + 10 * 86_400) / 3_600 * 3_600;
    let mut tx = db.begin_write().await.unwrap();
    let visit = event_of(&mut tx, org, EventStatus::Published, in_ten_days, |e| {
        e.title = "重阳敬老探访".into();
        e.category = EventCategory::Elderly;
        e.capacity = Some(6);
    })
    .await;
    let draft = event_of(&mut tx, org, EventStatus::Draft, in_ten_days, |e| {
        e.title = "新春写福字（草稿）".into();
    })
    .await;
    for &person in &joining {
        app::events::signup::join(&mut tx, visit, person, now)
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
    District {
        org,
        visit,
        draft,
        owner,
        coordinator,
        resident,
        admin,
    }
}

#[tokio::test]
async fn a_long_list_comes_a_page_at_a_time() {
    let (router, test) = bare_app().await;
    let org = district(&test).await.org;
    let (lat, lng) = (26.59, 106.71);
    // Thirty more of one organisation's events next month, an hour apart.
    let month = app::db::now_unix() + 30 * 86_400;
    for n in 0..30i64 {
        sqlx::query(
            "INSERT INTO events (org_id, title, category, starts_at, ends_at, lat, lng, status, \
             created_at, updated_at) VALUES ($1, $2, 'community', $3, $4, $5, $6, 'published', 1, 1)",
        )
        .bind(org)
        .bind(format!("楼道清扫第{n}场"))
        .bind(month + n * 3_600)
        .bind(month + n * 3_600 + 1_800)
        .bind(lat)
        .bind(lng)
        .execute(test.db.pool())
        .await
        .unwrap();
    }
    let mut seen = Vec::new();
    let mut url = "/events?q=%E6%A5%BC%E9%81%93%E6%B8%85%E6%89%AB".to_string();
    let mut pages = 0;
    loop {
        let (status, _, body) = send(&router, get(&url)).await;
        assert_eq!(status, StatusCode::OK, "{url}");
        pages += 1;
        assert!(body.contains("这一页"), "{body}");
        assert_eq!(link(&body, "first-page").is_some(), pages > 1);
        for n in 0..30 {
            if body.contains(&format!("楼道清扫第{n}场<")) {
                seen.push(n);
            }
        }
        match link(&body, "next-page") {
            Some(next) => url = next,
            None => break,
        }
    }
    assert_eq!(pages, 2);
    assert_eq!(
        seen,
        (0..30).collect::<Vec<_>>(),
        "every event once, soonest first"
    );
    // Spaces alone are the first page, with no way "back".
    let (_, _, body) = send(&router, get("/events?after=+")).await;
    assert!(link(&body, "first-page").is_none() && link(&body, "next-page").is_some());
    test.finish().await;
}

#[tokio::test]
async fn the_list_is_soonest_first_filtered_and_refuses_unreadable_filters() {
    use app::events::model::{EventCategory, EventStatus};
    let (router, test) = bare_app().await;
    let org = district(&test).await.org;
    // 威清街道's centre; a talk 300 m from it, a training 3 km away.
    app::testing::subdistrict(&test.db, "yy-weiqing", "威清街道", (26.5779, 106.6960)).await;
    let now = app::db::now_unix();
    let mut tx = test.db.begin_write().await.unwrap();
    for (title, status, starts_at, category, location) in [
        (
            "垃圾分类入户宣传",
            EventStatus::Published,
            now + 86_400,
            EventCategory::Environment,
            (26.59, 106.71),
        ),
        (
            "长者防诈骗讲座",
            EventStatus::Published,
            now + 12 * 86_400,
            EventCategory::Elderly,
            (26.5806, 106.6960),
        ),
        (
            "社会组织能力建设培训",
            EventStatus::Published,
            now + 12 * 86_400,
            EventCategory::Education,
            (26.6050, 106.6960),
        ),
        (
            "户外拓展（因天气取消）",
            EventStatus::Cancelled,
            now + 5 * 86_400,
            EventCategory::Community,
            (26.59, 106.71),
        ),
        (
            "社区长者义剪日",
            EventStatus::Published,
            now - 5 * 86_400,
            EventCategory::Elderly,
            (26.59, 106.71),
        ),
    ] {
        app::testing::event_of(&mut tx, org, status, starts_at, |e| {
            e.title = title.into();
            e.category = category;
            e.location = location;
        })
        .await;
    }
    tx.commit().await.unwrap();
    let (status, _, body) = send(&router, get("/events")).await;
    let body = body.replace("<!>", "");
    assert_eq!(status, StatusCode::OK);
    assert!(
        body.contains("重阳敬老探访") && body.contains("名额已满 · 候补 3 人"),
        "{body}"
    );
    assert!(
        !body.contains("新春写福字送长者（草稿）"),
        "drafts are not listed"
    );
    assert!(
        !body.contains("户外拓展（因天气取消）"),
        "cancelled events are not listed"
    );
    assert!(
        !body.contains("社区长者义剪日"),
        "past events are not listed"
    );
    let soonest = body.find("垃圾分类入户宣传").unwrap();
    assert!(
        soonest < body.find("重阳敬老探访").unwrap(),
        "soonest first"
    );

    let (_, _, body) = send(&router, get("/events?category=environment")).await;
    assert!(body.contains("垃圾分类入户宣传") && !body.contains("重阳敬老探访"));
    // Near 威清街道, within a kilometre: the events there, with their distance.
    let (_, _, body) = send(&router, get("/events?near=yy-weiqing&within=1")).await;
    assert!(
        body.contains("长者防诈骗讲座") && !body.contains("社会组织能力建设培训"),
        "{body}"
    );
    assert!(body.contains(" 米"));
    let (_, _, body) = send(&router, get("/events?q=%E9%98%B2%E8%AF%88%E9%AA%97")).await;
    assert!(body.contains("长者防诈骗讲座") && !body.contains("重阳敬老探访"));

    for bad in [
        "/events?when=someday",
        "/events?category=sport",
        "/events?near=mars",
        "/events?within=7",
        "/events?when=dates&from=2026-13-01",
        "/events?near=here&lat=x&lng=1",
        "/events?after=tomorrow",
    ] {
        let (status, _, body) = send(&router, get(bad)).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
        assert!(body.contains("有筛选条件无法识别"), "{bad}");
    }
    test.finish().await;
}

#[tokio::test]
async fn an_event_page_shows_places_organiser_and_calendar_and_hides_drafts() {
    let (router, test) = bare_app().await;
    let District { visit, draft, .. } = district(&test).await;
    let (status, _, body) = send(&router, get(&format!("/events/{visit}"))).await;
    let body = body.replace("<!>", "");
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("<title>重阳敬老探访 · 云益享</title>"));
    assert!(body.contains("名额已满 · 候补 3 人"));
    assert!(body.contains("晨光助老服务中心") && body.contains("data-tier=\"partner\""));
    assert!(body.contains("登录后报名"), "visitors are asked to sign in");
    // The link to share is the page's full address (the request had no Host: localhost).
    assert!(
        body.contains(&format!(r#"value="http://localhost/events/{}""#, visit)),
        "{body}"
    );
    assert!(body.contains(&format!(r#"href="/events/{}/calendar.ics""#, visit)));

    let (status, headers, ics) =
        send(&router, get(&format!("/events/{}/calendar.ics", visit))).await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/calendar"));
    assert!(
        ics.contains("BEGIN:VEVENT") && ics.contains("SUMMARY:重阳敬老探访"),
        "{ics}"
    );
    assert!(ics.contains(&format!("UID:event-{}@yunyixiang", visit)));
    assert!(ics.contains("STATUS:CONFIRMED"));

    for hidden in [
        format!("/events/{draft}"),
        format!("/events/{draft}/calendar.ics"),
        "/events/99999".into(),
        "/events/abc".into(),
        "/events/abc/calendar.ics".into(),
    ] {
        let (status, _, _) = send(&router, get(&hidden)).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{hidden}");
    }
    test.finish().await;
}

#[tokio::test]
async fn upcoming_public_events_are_open_data_in_either_coordinate_system() {
    let (router, test) = bare_app().await;
    district(&test).await;
    let (status, _, body) = send(&router, get("/api/v1/events.geojson")).await;
    assert_eq!(status, StatusCode::OK);
    let feed: serde_json::Value = serde_json::from_str(&body).unwrap();
    let features = feed["features"].as_array().unwrap();
    let on_map = app::events::db::on_the_map(test.db.pool(), app::db::now_unix())
        .await
        .unwrap();
    assert_eq!(features.len(), on_map.len());
    assert_eq!(feed["licence"], "CC-BY-4.0");
    let visit = features
        .iter()
        .find(|f| f["properties"]["name"] == "重阳敬老探访")
        .unwrap();
    assert_eq!(visit["properties"]["kind"], "elderly");
    assert_eq!(visit["properties"]["seats_left"], "0");
    assert!(visit["properties"]["starts_at"]
        .as_str()
        .unwrap()
        .ends_with(":00+08:00"));
    let wgs = visit["geometry"]["coordinates"][0].as_f64().unwrap();
    let (_, _, gcj) = send(&router, get("/api/v1/events.geojson?crs=gcj02")).await;
    let gcj: serde_json::Value = serde_json::from_str(&gcj).unwrap();
    let shifted = gcj["features"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["properties"]["name"] == "重阳敬老探访")
        .unwrap()["geometry"]["coordinates"][0]
        .as_f64()
        .unwrap();
    assert!(
        (shifted - wgs).abs() > 0.001,
        "GCJ-02 moves points in China"
    );
    let (status, _, csv) = send(&router, get("/api/v1/events.csv")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(csv.starts_with('\u{feff}') && csv.contains("重阳敬老探访"));
    test.finish().await;
}

#[tokio::test]
async fn the_roster_and_its_spreadsheet_are_for_organisers_only() {
    let (router, test) = bare_app().await;
    let District {
        visit,
        coordinator,
        resident,
        ..
    } = district(&test).await;
    let csv_path = format!("/events/{}/roster.csv", visit);
    let (status, _, _) = send(&router, get(&csv_path)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _, body) = send(&router, get_with_cookie(&csv_path, Some(&resident))).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(
        !body.contains("13810000101"),
        "no contact details for others"
    );
    let (status, _, body) = send(
        &router,
        get_with_cookie(&format!("/events/{}/roster", visit), Some(&resident)),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(!body.contains("13810000101"));

    let (status, headers, csv) =
        send(&router, get_with_cookie(&csv_path, Some(&coordinator))).await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers[header::CACHE_CONTROL]
        .to_str()
        .unwrap()
        .contains("no-store"));
    assert!(csv.starts_with("\u{feff}姓名,联系方式,状态"), "{csv}");
    assert_eq!(csv.lines().count(), 1 + 9, "six going, three waiting");
    assert!(
        csv.contains("邻居101,13810000101,已报名") && csv.contains("候补第 3 位"),
        "{csv}"
    );

    // Adding someone by hand when full puts them on the waitlist; removing a seat-holder seats
    // the first person waiting.
    let add = form(
        "/api/events/add_person",
        &format!(
            "id={}&name=%E5%BC%A0%E5%A5%B6%E5%A5%B6&phone=0851-1234567",
            visit
        ),
        Some(&coordinator),
    );
    let (status, _, _) = send(&router, add).await;
    assert!(status.is_redirection() || status.is_success(), "{status}");
    let roster = app::events::roster::roster(test.db.pool(), visit)
        .await
        .unwrap();
    let added = roster.iter().find(|r| r.name == "张奶奶").unwrap();
    assert!(added.by_hand && added.contact == "08511234567");
    // Accounts say whether they proved their contact; one that never did is marked on the page.
    assert!(!added.contact_verified);
    assert!(roster
        .iter()
        .any(|r| r.contact == "13810000101" && r.contact_verified));
    sqlx::query("UPDATE users SET contact_verified_at = NULL WHERE contact = '13810000101'")
        .execute(test.db.pool())
        .await
        .unwrap();
    let (_, _, page) = send(
        &router,
        get_with_cookie(&format!("/events/{visit}/roster"), Some(&coordinator)),
    )
    .await;
    let entry = page.find("13810000101").unwrap();
    let unverified = page.find("badge--warn").unwrap();
    assert!(unverified > entry && page[entry..unverified].matches("roster-entry").count() == 0);
    assert_eq!(
        added.place,
        app::events::model::Place::Waitlisted { position: 4 }
    );
    let first_seat = roster
        .iter()
        .find(|r| r.contact == "13810000101")
        .unwrap()
        .participant_id;
    let remove = form(
        "/api/events/remove_person",
        &format!("id={}&participant={first_seat}", visit),
        Some(&coordinator),
    );
    let (status, _, _) = send(&router, remove).await;
    assert!(status.is_redirection() || status.is_success(), "{status}");
    let after = app::events::db::find(test.db.pool(), visit)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((after.seats_taken, after.waitlist_length), (6, 3));
    test.finish().await;
}

#[tokio::test]
async fn a_series_is_created_shown_and_edited_for_all_later_occurrences_with_plain_forms() {
    let (router, test) = bare_app().await;
    let District {
        org: org_id,
        coordinator,
        ..
    } = district(&test).await;
    let now = app::db::now_unix();
    let at = |seconds: i64| app::china_time::china_datetime_input(seconds).replace(':', "%3A");
    let start = now + 10 * 86_400;
    let fields = |repeat_until: &str| {
        format!(
            "event[org]={org_id}&event[title]=Weekly+tea&event[category]=elderly\
             &event[starts_at]={}&event[ends_at]={}&event[lat]=26.59&event[lng]=106.71\
             &event[repeat]=weekly&event[repeat_until]={repeat_until}&publish=1",
            at(start),
            at(start + 3_600)
        )
    };
    // A last day before the first occurrence is refused, with the field named.
    let (status, _, body) = send(
        &router,
        form(
            "/api/events/create",
            &fields("2020-01-01"),
            Some(&coordinator),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body, refused(app::events::EventRefusal::RepeatUntilInvalid));
    let (status, _, _) = send(
        &router,
        form("/api/events/create", &fields(""), Some(&coordinator)),
    )
    .await;
    assert!(status.is_redirection() || status.is_success(), "{status}");
    let series = series_of(&test, org_id).await;
    let ids: Vec<i64> = series.iter().map(|e| e.id).collect();
    assert!(ids.len() >= 7, "made 8 weeks ahead: {ids:?}");

    // Its page names the rule and links the next occurrences, to anyone.
    let (_, _, body) = send(&router, get(&format!("/events/{}", ids[0]))).await;
    let body = body.replace("<!>", "");
    assert!(body.contains("系列活动") && body.contains("每周"), "{body}");
    assert!(body.contains(&format!("href=\"/events/{}\"", ids[1])));
    // Editing an occurrence asks whether for it alone or all later ones.
    let edit_page = format!("/events/{}/edit", ids[1]);
    let (_, _, body) = send(&router, get_with_cookie(&edit_page, Some(&coordinator))).await;
    assert!(body.contains("name=\"scope\"") && body.contains("这一场及以后所有场次"));
    assert!(!body.contains("event[repeat]"), "the rule is not re-chosen");

    let second = app::events::db::find(test.db.pool(), ids[1])
        .await
        .unwrap()
        .unwrap();
    let edit = format!(
        "id={}&version={}&scope=future&event[org]={org_id}&event[title]=Tea+and+talk\
         &event[category]=elderly&event[starts_at]={}&event[ends_at]={}&event[lat]=26.59\
         &event[lng]=106.71",
        second.id,
        second.version,
        at(second.starts_at),
        at(second.ends_at)
    );
    let (status, _, _) = send(
        &router,
        form("/api/events/update", &edit, Some(&coordinator)),
    )
    .await;
    assert!(status.is_redirection() || status.is_success(), "{status}");
    let titles: Vec<String> = series_of(&test, org_id)
        .await
        .into_iter()
        .map(|e| e.title)
        .collect();
    assert_eq!(titles[0], "Weekly tea");
    assert!(
        titles[1..].iter().all(|t| t == "Tea and talk"),
        "{titles:?}"
    );
    test.finish().await;
}

/// The organisation's events that belong to a series, in order.
async fn series_of(test: &TestDb, org_id: i64) -> Vec<app::events::model::Event> {
    let mut events: Vec<_> = app::events::db::of_org(test.db.pool(), org_id, 500)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.series_id.is_some())
        .collect();
    events.sort_by_key(|e| e.occurrence_no);
    events
}

/// "添加活动" is for people who run an organisation and for admins, read with their session.
#[tokio::test]
async fn only_organisers_and_admins_are_offered_to_add_an_event() {
    let (router, test) = bare_app().await;
    let District {
        owner,
        coordinator,
        resident,
        admin,
        ..
    } = district(&test).await;
    for (who, cookie, offered) in [
        ("a visitor", None, false),
        ("a resident", Some(resident), false),
        ("a coordinator", Some(coordinator), true),
        ("an owner", Some(owner), true),
        ("an admin", Some(admin), true),
    ] {
        let (status, _, body) = send(&router, get_with_cookie("/events", cookie.as_deref())).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(body.contains("href=\"/events/new\""), offered, "{who}");
    }
    test.finish().await;
}

/// Hours are checked against the event's length, so once some are recorded its start and end
/// stay as they were; the rest of it can still be edited.
#[tokio::test]
async fn an_event_with_hours_recorded_keeps_its_times() {
    let (router, test) = bare_app().await;
    let District {
        visit, coordinator, ..
    } = district(&test).await;
    let event = app::events::db::find(test.db.pool(), visit)
        .await
        .unwrap()
        .unwrap();
    let at = |seconds: i64| app::china_time::china_datetime_input(seconds).replace(':', "%3A");
    let edit = |version: i64, title: &str, ends_at: i64| {
        format!(
            "id={}&version={version}&event[org]={}&event[title]={title}&event[category]=elderly\
             &event[starts_at]={}&event[ends_at]={}&event[lat]=26.59&event[lng]=106.71",
            event.id,
            event.org_id,
            at(event.starts_at),
            at(ends_at)
        )
    };
    let participant: i64 = sqlx::query_scalar(
        "SELECT id FROM event_participants WHERE event_id = $1 AND status = 'going' LIMIT 1",
    )
    .bind(event.id)
    .fetch_one(test.db.pool())
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO volunteer_hours (event_id, participant_id, kind, minutes, reason, status, created_at) \
         VALUES ($1, $2, 'honour', 60, '提前布置', 'approved', 1)",
    )
    .bind(event.id)
    .bind(participant)
    .execute(test.db.pool())
    .await
    .unwrap();
    let longer = edit(event.version, "Longer", event.ends_at + 6 * 3_600);
    let (status, _, body) = send(
        &router,
        form("/api/events/update", &longer, Some(&coordinator)),
    )
    .await;
    assert_eq!(
        (status, body.as_str()),
        (
            StatusCode::CONFLICT,
            refused(app::events::EventRefusal::TimeLocked).as_str()
        )
    );
    let retitled = edit(event.version, "Same+times", event.ends_at);
    let (status, _, _) = send(
        &router,
        form("/api/events/update", &retitled, Some(&coordinator)),
    )
    .await;
    assert!(status.is_redirection() || status.is_success(), "{status}");
    let after = app::events::db::find(test.db.pool(), event.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (after.title.as_str(), after.ends_at),
        ("Same times", event.ends_at)
    );
    test.finish().await;
}
