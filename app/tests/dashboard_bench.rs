//! How long the dashboards take over a year of data for 100 organisations, on SQLite and (with
//! TEST_POSTGRES_URL) PostgreSQL: 3,000 events with 45,000 places and their hours, 5,000 bookings of
//! cooperative members, 20,000 things handed out at 100 community points and 5,000 people active
//! most months. Each board is counted five times and its median time printed; a board slower than
//! `BUDGET_MS` fails. Run it alone to read the figures (the README keeps them):
//! `cargo test -p app --features ssr --test all dashboard_bench -- --nocapture`.
use app::testing;

use app::dashboard::figures::{monthly, platform_state, public_totals, Scope};
use app::dashboard::period::{Month, Period};
use app::db::testing::each_backend;
use app::db::Db;
use app::orgs::model::OrgKind;
use std::time::{Duration, Instant};
use testing::new_org;

const ORGS: i64 = 100;
/// Every tenth organisation is a cooperative with `MEMBERS` members.
const MEMBERS: i64 = 20;
const PEOPLE: i64 = 5_000;
const EVENTS: i64 = ORGS * 30;
const SEATS: i64 = 15;
const BOOKINGS: i64 = 5_000;
const HANDOUTS: i64 = 20_000;
const DAY: i64 = 86_400;

/// The slowest a board may be, counted in a debug build on the CI machine (2 cores).
const BUDGET_MS: u128 = 500;

/// Runs `sql` with `now` as `$1` and `n` as `$2` (the rows to make).
async fn make(conn: &mut sqlx::AnyConnection, sql: &str, now: i64, n: i64) {
    sqlx::query(sql)
        .bind(now)
        .bind(n)
        .execute(&mut *conn)
        .await
        .unwrap_or_else(|e| panic!("{e}: {sql}"));
}

/// `WITH RECURSIVE n(i)`: the numbers 1 to `$2`.
const NUMBERS: &str =
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $2)";

/// A year of data up to `now`; the first organisation's id.
async fn a_busy_year(db: &Db, now: i64) -> i64 {
    // Rows fall on whole days back from `now` but never before the period's first month began:
    // early in a month, 364 days back is already outside the twelve months a dashboard counts.
    let year = Period::year_to(Month::of(now).unwrap());
    let days = (now - year.first.starts_at()) / DAY - 3;
    let mut tx = db.begin_write().await.unwrap();
    let mut orgs = Vec::new();
    for i in 0..ORGS {
        let kind = if i % 10 == 0 {
            OrgKind::Cooperative
        } else {
            OrgKind::Ngo
        };
        orgs.push(new_org(&mut tx, &format!("基准机构{i:03}"), kind).await);
    }
    let first_org = orgs[0];
    let conn = &mut *tx;
    make(
        conn,
        &format!(
            "{NUMBERS} INSERT INTO users (contact, contact_kind, display_name, created_at) \
         SELECT 'bench' || i, 'mobile', '居民' || i, $1 - 400 * {DAY} FROM n"
        ),
        now,
        PEOPLE,
    )
    .await;
    let (first_user,): (i64,) =
        sqlx::query_as("SELECT MIN(id) FROM users WHERE contact LIKE 'bench%'")
            .fetch_one(&mut *conn)
            .await
            .unwrap();
    // Events spread over the year; one in ten cancelled.
    make(
        conn,
        &format!(
            "{NUMBERS} INSERT INTO events (org_id, title, category, starts_at, ends_at, lat, lng, \
         capacity, status, seats_taken, created_at, updated_at) \
         SELECT {first_org} + i % {ORGS}, '基准活动' || i, 'community', \
         $1 - (1 + i * 7919 % {days}) * {DAY}, $1 - (1 + i * 7919 % {days}) * {DAY} + 7200, \
         26.58, 106.71, 20, CASE WHEN i % 10 = 0 THEN 'cancelled' ELSE 'completed' END, {SEATS}, \
         $1 - 400 * {DAY}, $1 - 400 * {DAY} FROM n"
        ),
        now,
        EVENTS,
    )
    .await;
    // Fifteen people at each, four in five of them attended, each with two hours confirmed.
    make(conn, &format!(
        "WITH RECURSIVE s(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM s WHERE j < $2) \
         INSERT INTO event_participants (event_id, user_id, status, joined_at, updated_at, attendance) \
         SELECT e.id, {first_user} + (e.id * 7 + s.j * 131) % {PEOPLE}, 'going', $1 - 400 * {DAY}, \
         $1 - 400 * {DAY}, CASE WHEN s.j % 5 = 0 THEN 'no_show' ELSE 'attended' END \
         FROM events e CROSS JOIN s WHERE e.title LIKE '基准活动%'"
    ), now, SEATS).await;
    make(conn,
        "INSERT INTO volunteer_hours (event_id, participant_id, kind, minutes, status, created_at) \
         SELECT p.event_id, p.id, 'credit', 120, 'approved', $1 FROM event_participants p \
         WHERE p.attendance = 'attended' AND $2 > 0",
        now, 1).await;
    // The cooperatives' members and their services, booked and done over the year.
    let coops: Vec<i64> = orgs.iter().step_by(10).copied().collect();
    for coop in &coops {
        make(
            conn,
            &format!(
            "{NUMBERS} INSERT INTO coop_members (org_id, display_name, created_at, updated_at) \
             SELECT {coop}, '成员' || i, $1 - 400 * {DAY}, $1 - 400 * {DAY} FROM n"
        ),
            now,
            MEMBERS,
        )
        .await;
    }
    let (first_member,): (i64,) = sqlx::query_as("SELECT MIN(id) FROM coop_members")
        .fetch_one(&mut *conn)
        .await
        .unwrap();
    let members = MEMBERS * coops.len() as i64;
    make(
        conn,
        &format!(
        "{NUMBERS} INSERT INTO coop_bookings (member_id, kind, title, price_fen, message, status, \
         done_at, created_at, updated_at) \
         SELECT {first_member} + i % {members}, 'service', '理发', 2000, '', 'done', \
         $1 - (i * 37 % {days}) * {DAY}, $1 - (2 + i * 37 % {days}) * {DAY}, $1 FROM n"
    ),
        now,
        BOOKINGS,
    )
    .await;
    // A point per organisation, and things handed out there.
    make(conn, &format!(
        "{NUMBERS} INSERT INTO community_resources (org_id, kind, name, lat, lng, created_at, updated_at) \
         SELECT {first_org} + i - 1, 'donation_point', '基准捐赠点' || i, 26.58, 106.71, $1, $1 FROM n"
    ), now, ORGS).await;
    let (first_point,): (i64,) = sqlx::query_as("SELECT MIN(id) FROM community_resources")
        .fetch_one(&mut *conn)
        .await
        .unwrap();
    make(conn, &format!(
        "{NUMBERS} INSERT INTO items (owner_id, kind, title, category, item_condition, mode, \
         cell_lat, cell_lng, status, expires_at, created_at, updated_at, resource_id) \
         SELECT {first_user} + i % {PEOPLE}, 'offer', '基准物品' || i, 'clothing', 'good', 'give', \
         26.58, 106.71, 'handed_over', $1, $1 - (3 + i * 13 % {days}) * {DAY}, $1, {first_point} + i % {ORGS} FROM n"
    ), now, HANDOUTS).await;
    make(
        conn,
        &format!(
        "INSERT INTO item_requests (item_id, requester_id, message, status, giver_confirmed_at, \
         taker_confirmed_at, created_at, updated_at) \
         SELECT i.id, {first_user} + (i.id + 1) % {PEOPLE}, '想要', 'handed_over', \
         i.created_at + {DAY}, i.created_at + 2 * {DAY}, i.created_at, i.created_at \
         FROM items i WHERE i.title LIKE '基准物品%' AND $2 > 0 AND $1 > 0"
    ),
        now,
        1,
    )
    .await;
    // Two in three people active each month.
    for (k, (_, start, _)) in year.bounds().into_iter().enumerate() {
        make(
            conn,
            &format!(
                "INSERT INTO user_active_months (user_id, month_start) \
             SELECT id, {start} FROM users WHERE contact LIKE 'bench%' AND (id + {k}) % 3 <> 0 \
             AND $1 > 0 AND $2 > 0"
            ),
            now,
            1,
        )
        .await;
    }
    tx.commit().await.unwrap();
    sqlx::query("ANALYZE").execute(db.pool()).await.unwrap();
    first_org
}

/// The median of five runs of `count`.
async fn median<F, Fut>(mut count: F) -> Duration
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let mut times = Vec::new();
    for _ in 0..5 {
        let started = Instant::now();
        count().await;
        times.push(started.elapsed());
    }
    times.sort();
    times[2]
}

#[tokio::test]
async fn dashboards_stay_fast_over_a_busy_year_of_a_hundred_organisations() {
    for test in each_backend().await {
        let db = &test.db;
        let now = app::db::now_unix();
        let filled = Instant::now();
        let first_org = a_busy_year(db, now).await;
        let filling = filled.elapsed();
        let year = Period::year_to(Month::of(now).unwrap());
        let mut conn = db.pool().acquire().await.unwrap();

        // The numbers add up: every event not cancelled was held, and so on.
        let platform = monthly(&mut conn, Scope::Platform, &year, now)
            .await
            .unwrap();
        let held: i64 = platform.iter().map(|m| m.events_held).sum();
        assert_eq!(held, EVENTS - EVENTS / 10);
        let given: i64 = platform.iter().map(|m| m.items_given).sum();
        assert!(given > HANDOUTS * 9 / 10, "{given}");
        assert!(platform.iter().all(|m| m.active_users > 0));

        drop(conn);
        let boards: [(&str, Scope); 2] = [
            ("platform dashboard", Scope::Platform),
            ("an organisation's dashboard", Scope::Org(first_org)),
        ];
        let mut lines = vec![format!(
            "{:?}: a year for {ORGS} organisations made in {} ms",
            db.kind(),
            filling.as_millis()
        )];
        let pool = db.pool().clone();
        let timed = |name: String, took: Duration, lines: &mut Vec<String>| {
            lines.push(format!("{name}: {} ms", took.as_millis()));
            assert!(took.as_millis() <= BUDGET_MS, "{name}: {took:?}");
        };
        for (name, scope) in boards {
            let took = median(|| {
                let pool = pool.clone();
                async move {
                    let mut conn = pool.acquire().await.unwrap();
                    monthly(&mut conn, scope, &year, now).await.unwrap();
                }
            })
            .await;
            timed(format!("{name} (12 months)"), took, &mut lines);
            let took = median(|| {
                let pool = pool.clone();
                async move {
                    let mut conn = pool.acquire().await.unwrap();
                    public_totals(&mut conn, scope, now - 365 * DAY, now)
                        .await
                        .unwrap();
                }
            })
            .await;
            timed(
                format!("{name}, public figures of the year"),
                took,
                &mut lines,
            );
        }
        let took = median(|| {
            let pool = pool.clone();
            async move {
                let mut conn = pool.acquire().await.unwrap();
                platform_state(&mut conn).await.unwrap();
            }
        })
        .await;
        timed("admins' queues".to_string(), took, &mut lines);
        println!("{}", lines.join("\n"));
        test.finish().await;
    }
}
