//! Dashboards over HTTP: an organisation's figures for its own people and platform admins only,
//! drawn as a chart and a table of the same numbers, months in the reader's
//! language, and a period that cannot be read answered with a 400 and the form again; the public
//! figures on the home and organisation pages.

use super::*;

/// Who is who in `district`.
struct People {
    org: i64,
    coop: i64,
    owner: String,
    coordinator: String,
    resident: String,
    admin: String,
}

/// A partner organisation (an owner and a coordinator) that held an event three weeks ago and
/// holds another next week; a cooperative waiting for review, run by the same owner; a listing
/// hidden by three reports; a resident and the admin, each signed in.
async fn district(test: &TestDb) -> People {
    use app::events::model::EventStatus;
    use app::orgs::model::OrgKind;
    use app::testing::{event_of, listing, neighbours, org_run_by};
    let db = &test.db;
    let PartnerOrg {
        org,
        owner_id,
        resident_id,
        owner,
        coordinator,
        resident,
        admin,
    } = partner_org(test).await;
    let coop = org_run_by(db, "河滨邻里互助社", OrgKind::Cooperative, owner_id, &[]).await;
    let now = app::db::now_unix();
    let mut tx = db.begin_write().await.unwrap();
    for starts_at in [now - 21 * 86_400, now + 7 * 86_400] {
        event_of(&mut tx, org, EventStatus::Published, starts_at, |_| {}).await;
    }
    tx.commit().await.unwrap();
    let reported = listing(db, resident_id, "可疑的手机", "give").await;
    let reporters = neighbours(db, 10, 3).await;
    let mut tx = db.begin_write().await.unwrap();
    for reporter in reporters {
        let reason = app::items::model::ReportReason::Misleading;
        app::items::moderation::report(&mut tx, reported, reporter, reason, "", now)
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
    People {
        org,
        coop,
        owner,
        coordinator,
        resident,
        admin,
    }
}

/// The `data-value`s of a chart's bars of `series`, in order.
fn bar_values(page: &str, series: &str) -> Vec<String> {
    let marker = format!("data-series=\"{series}\" data-value=\"");
    page.split(&marker)
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap().to_string())
        .collect()
}

/// The cells of the table's `column`, in order (the body's rows; the total row has no key).
fn column_values(page: &str, column: &str) -> Vec<String> {
    let marker = format!("<td data-column=\"{column}\">");
    page.split(&marker)
        .skip(1)
        .map(|rest| rest.split('<').next().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn the_dashboard_shows_the_same_figures_in_its_chart_and_its_table() {
    let (router, test) = bare_app().await;
    let People {
        org,
        coordinator,
        resident,
        admin,
        ..
    } = district(&test).await;
    let address = format!("/orgs/{org}/dashboard");
    let (status, headers, page_html) = send(&router, with_cookie(&address, &coordinator)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers[header::CACHE_CONTROL]
        .to_str()
        .unwrap()
        .contains("no-store"));
    assert!(page_html.contains("数据看板") && page_html.contains("<svg"));
    // Twelve months, each a bar and a row with the same number; one event was held.
    for (series, column) in [("held", "held"), ("credit", "credit"), ("honour", "honour")] {
        let bars = bar_values(&page_html, series);
        assert_eq!(bars.len(), 12, "{series}");
        assert_eq!(bars, column_values(&page_html, column), "{series}");
    }
    let held: i64 = bar_values(&page_html, "held")
        .iter()
        .map(|v| v.parse::<i64>().unwrap())
        .sum();
    assert_eq!(held, 1, "the past event counts, the next one not yet");
    assert!(page_html.contains("怎样统计") && page_html.contains("年"));
    // Not a cooperative: no services section.
    assert!(!page_html.contains("figures-services"));

    // In English, the months are English.
    let english = Request::get(&address)
        .header(header::COOKIE, &coordinator)
        .header(header::ACCEPT_LANGUAGE, "en-GB")
        .body(Body::empty())
        .unwrap();
    let (_, _, page_en) = send(&router, english).await;
    assert!(page_en.contains("Dashboard") && page_en.contains("How it is counted"));

    // A chosen period; one that cannot be read is a 400 with the form again.
    let (status, _, two) = send(
        &router,
        with_cookie(&format!("{address}?from=2026-01&to=2026-02"), &coordinator),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(bar_values(&two, "held").len(), 2);
    for bad in [
        "?from=2026-05&to=2026-01",
        "?from=abc",
        "?from=2020-01&to=2026-01",
    ] {
        let (status, _, body) = send(
            &router,
            with_cookie(&format!("{address}{bad}"), &coordinator),
        )
        .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
        assert!(
            body.contains("请选择起止月份") && body.contains("period-form"),
            "{bad}"
        );
    }

    // A resident is refused; a visitor is sent to sign in; an admin may look.
    let (status, _, _) = send(&router, with_cookie(&address, &resident)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _, _) = send(&router, page(&address)).await;
    assert_eq!(status, StatusCode::FOUND);
    let (status, _, _) = send(&router, with_cookie(&address, &admin)).await;
    assert_eq!(status, StatusCode::OK);
    test.finish().await;
}

#[tokio::test]
async fn a_cooperative_also_sees_its_members_services() {
    let (router, test) = bare_app().await;
    let People { coop, owner, .. } = district(&test).await;
    let (status, _, page_html) = send(
        &router,
        with_cookie(&format!("/orgs/{coop}/dashboard"), &owner),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(page_html.contains("figures-services") && page_html.contains("收入"));
    let bars = bar_values(&page_html, "done");
    assert_eq!(bars, column_values(&page_html, "done"));
    test.finish().await;
}

#[tokio::test]
async fn the_home_and_organisation_pages_show_only_safe_aggregates() {
    let (router, test) = bare_app().await;
    let org = district(&test).await.org;
    let (status, _, home) = send(&router, page("/")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(home.contains("data-testid=\"impact\"") && home.contains("过去一年"));
    assert!(home.contains("data-figure=\"events\""));
    let (_, _, profile) = send(&router, page(&format!("/orgs/{org}"))).await;
    assert!(profile.contains("data-testid=\"impact\"") && profile.contains("场公益活动"));
    // The answer for anyone carries numbers only.
    let (status, _, answer) = send(
        &router,
        form("/api/dashboard/public", &format!("org={org}"), None),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let figures: app::dashboard::figures::PublicFigures = serde_json::from_str(&answer).unwrap();
    assert_eq!(figures.events_held, 1);
    test.finish().await;
}

#[tokio::test]
async fn the_platform_dashboard_is_for_admins_with_the_queues_and_every_organisation() {
    let (router, test) = bare_app().await;
    let People {
        admin, coordinator, ..
    } = district(&test).await;
    let (status, _, board) = send(&router, with_cookie("/admin/dashboard", &admin)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(board.contains("平台数据看板") && board.contains("data-queue=\"verification\""));
    // A listing hidden by reports waits for an admin.
    let moderation = board.split("data-queue=\"moderation\"").nth(1).unwrap();
    let waiting = moderation
        .split("<td data-column=\"waiting\">")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap();
    assert_eq!(waiting, "1");
    for (series, column) in [("new_orgs", "new_orgs"), ("held", "held"), ("done", "done")] {
        let bars = bar_values(&board, series);
        assert_eq!(bars.len(), 12, "{series}");
        assert_eq!(bars, column_values(&board, column), "{series}");
    }
    assert!(board.contains("data-state=\"pending\"") && board.contains("data-state=\"partner\""));
    let (status, _, _) = send(
        &router,
        with_cookie("/admin/dashboard?from=2026-09&to=2026-01", &admin),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _, _) = send(&router, with_cookie("/admin/dashboard", &coordinator)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    test.finish().await;
}

/// The body's rows of a CSV answer, without its byte-order mark.
fn csv_rows(body: &str) -> Vec<Vec<String>> {
    let text = body
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark for Excel");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

#[tokio::test]
async fn the_impact_report_and_its_spreadsheet_show_the_same_figures() {
    let (router, test) = bare_app().await;
    let People {
        org,
        coordinator,
        resident,
        admin,
        ..
    } = district(&test).await;
    let (status, headers, report) = send(
        &router,
        with_cookie(&format!("/orgs/{org}/report"), &coordinator),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers[header::CACHE_CONTROL]
        .to_str()
        .unwrap()
        .contains("no-store"));
    assert!(report.contains("影响力报告") && report.contains("每个数字怎样统计"));
    assert!(report.contains("统计期间") && report.contains("report.csv?from="));
    let held = column_values(&report, "held");
    assert_eq!(held.len(), 12);
    let total: i64 = held.iter().map(|v| v.parse::<i64>().unwrap()).sum();
    assert_eq!(total, 1);
    // The summary's total is the table's.
    let summary = report
        .split("data-testid=\"report-summary\"")
        .nth(1)
        .unwrap();
    let held_total = summary
        .split("data-column=\"held\"")
        .nth(1)
        .unwrap()
        .split("<dd>")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap();
    assert_eq!(held_total, total.to_string());

    // The spreadsheet: the same months and numbers, headings in the reader's language.
    let (status, headers, csv) = send(
        &router,
        with_cookie(&format!("/orgs/{org}/report.csv"), &coordinator),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    assert!(headers[header::CONTENT_DISPOSITION]
        .to_str()
        .unwrap()
        .contains(&format!("report-org-{org}-")));
    assert!(headers[header::CACHE_CONTROL]
        .to_str()
        .unwrap()
        .contains("no-store"));
    let rows = csv_rows(&csv);
    assert_eq!(rows[0][0], "月份");
    assert_eq!(rows.len(), 12 + 1 + 1);
    let held_column = rows[0].iter().position(|h| h == "举办活动").unwrap();
    let by_month: Vec<String> = rows[1..13].iter().map(|r| r[held_column].clone()).collect();
    assert_eq!(by_month, held);
    assert_eq!(rows[13][0], "合计");
    assert_eq!(rows[13][held_column], total.to_string());

    // Chosen months; months that cannot be read are refused with why.
    let (status, _, two) = send(
        &router,
        with_cookie(
            &format!("/orgs/{org}/report.csv?from=2026-01&to=2026-02&x=1"),
            &coordinator,
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(csv_rows(&two)[1][0], "2026-01");
    let (status, _, why) = send(
        &router,
        with_cookie(
            &format!("/orgs/{org}/report.csv?from=2026-05&to=2026-01"),
            &coordinator,
        ),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(why.contains("请选择起止月份"), "{why}");
    let (status, _, _) = send(
        &router,
        with_cookie(
            &format!("/orgs/{org}/report?from=2026-05&to=2026-01"),
            &coordinator,
        ),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    // Only the organisation's people and admins; the platform's only for admins.
    for address in [
        format!("/orgs/{org}/report"),
        format!("/orgs/{org}/report.csv"),
    ] {
        let (status, _, _) = send(&router, with_cookie(&address, &resident)).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{address}");
    }
    let (status, _, _) = send(&router, page(&format!("/orgs/{org}/report.csv"))).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _, _) = send(&router, page("/orgs/abc/report.csv")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, _) = send(&router, with_cookie("/admin/report.csv", &coordinator)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _, platform) = send(&router, with_cookie("/admin/report", &admin)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(platform.contains("平台影响力报告") && platform.contains("data-column=\"new_orgs\""));
    let (status, _, platform_csv) = send(&router, with_cookie("/admin/report.csv", &admin)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(csv_rows(&platform_csv)[0].contains(&"新注册机构".to_string()));
    test.finish().await;
}
