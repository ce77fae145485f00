//! The dashboards' figures against a hand-counted fixture, on SQLite and (with TEST_POSTGRES_URL)
//! PostgreSQL: what counts as held, taken, attended, confirmed, booked, done and earned, month by
//! month in China time, for one organisation and for the platform.
use app::testing;

use app::dashboard::figures::{
    monthly, platform_state, public_totals, MonthFigures, PublicFigures, Scope,
};
use app::dashboard::period::{Month, Period};
use app::db::testing::each_backend;
use app::events::model::EventStatus;
use app::help::db as help;
use app::help::input::{MemberFields, ServiceFields};
use app::orgs::model::OrgKind;
use sqlx::AnyConnection;
use testing::{event_details, neighbours, new_org as org, new_org_at};

const HOUR: i64 = 3_600;

fn month(key: &str) -> Month {
    Month::parse(key).unwrap()
}

/// An event of `org` starting `at` for two hours, in `status`.
async fn event(conn: &mut AnyConnection, org: i64, at: i64, status: EventStatus) -> i64 {
    let details = event_details(org, at);
    app::events::db::insert(conn, &details, status, None, 1)
        .await
        .unwrap()
}

/// `person` at `event` with a place in `status`, marked `attendance` (or not); the place's id.
async fn place(
    conn: &mut AnyConnection,
    event: i64,
    person: i64,
    status: &str,
    attendance: Option<&str>,
) -> i64 {
    sqlx::query_scalar(
        "INSERT INTO event_participants (event_id, user_id, status, queue_no, joined_at, updated_at, attendance) \
         VALUES ($1, $2, $3, 1, 1, 1, $4) RETURNING id",
    )
    .bind(event)
    .bind(person)
    .bind(status)
    .bind(attendance)
    .fetch_one(conn)
    .await
    .unwrap()
}

async fn hours(
    conn: &mut AnyConnection,
    event: i64,
    place: i64,
    kind: &str,
    minutes: i64,
    status: &str,
) {
    sqlx::query(
        "INSERT INTO volunteer_hours (event_id, participant_id, kind, minutes, reason, status, created_at) \
         VALUES ($1, $2, $3, $4, 'x', $5, 1)",
    )
    .bind(event)
    .bind(place)
    .bind(kind)
    .bind(minutes)
    .bind(status)
    .execute(conn)
    .await
    .unwrap();
}

/// A booking of `member`'s service (or an offer of help) made `at`, in `status`, done `done_at`.
async fn booking(
    conn: &mut AnyConnection,
    member: i64,
    kind: &str,
    price_fen: i64,
    at: i64,
    status: &str,
    done_at: Option<i64>,
) {
    sqlx::query(
        "INSERT INTO coop_bookings (member_id, kind, title, price_fen, message, status, done_at, created_at, updated_at) \
         VALUES ($1, $2, '修鞋', $3, '', $4, $5, $6, $6)",
    )
    .bind(member)
    .bind(kind)
    .bind(price_fen)
    .bind(status)
    .bind(done_at)
    .bind(at)
    .execute(conn)
    .await
    .unwrap();
}

async fn member(conn: &mut AnyConnection, coop: i64) -> i64 {
    let details = MemberFields {
        display_name: "李姐".into(),
        ..MemberFields::default()
    }
    .check(|_| false)
    .unwrap();
    let id = help::insert_member(conn, coop, &details, 1, 1)
        .await
        .unwrap();
    let service = ServiceFields {
        title: "修鞋".into(),
        unit: "per_item".into(),
        ..ServiceFields::default()
    };
    help::add_service(conn, id, &service.check().unwrap(), 1)
        .await
        .unwrap();
    id
}

/// The figures with the month left out, for comparing with a hand count.
fn counts(f: &MonthFigures) -> [i64; 8] {
    [
        f.events_held,
        f.places_taken,
        f.attended,
        f.credit_minutes,
        f.honour_minutes,
        f.services_booked,
        f.services_done,
        f.income_fen,
    ]
}

#[tokio::test]
async fn each_figure_matches_a_hand_count_month_by_month() {
    for test in each_backend().await {
        let db = &test.db;
        let people = neighbours(db, 1, 4).await;
        let (jan, feb, mar) = (month("2026-01"), month("2026-02"), month("2026-03"));
        // Ten in the morning on the 10th of each month, China time.
        let day10 = |m: Month| m.starts_at() + 9 * 24 * HOUR + 10 * HOUR;
        let now = day10(mar) + HOUR; // the March event is still going on
        let mut tx = db.begin_write().await.unwrap();
        let ngo = org(&mut tx, "阳光助老", OrgKind::Ngo).await;
        let other = org(&mut tx, "绿色环保", OrgKind::Ngo).await;
        let coop = org(&mut tx, "邻里互助合作社", OrgKind::Cooperative).await;

        // January, 阳光助老: two events held; one cancelled and one draft do not count.
        let a = event(&mut tx, ngo, day10(jan), EventStatus::Published).await;
        let b = event(&mut tx, ngo, day10(jan) + 24 * HOUR, EventStatus::Completed).await;
        event(&mut tx, ngo, day10(jan), EventStatus::Cancelled).await;
        event(&mut tx, ngo, day10(jan), EventStatus::Draft).await;
        // At a: three seats (two attended), one on the waitlist, one who left.
        let a0 = place(&mut tx, a, people[0], "going", Some("attended")).await;
        let a1 = place(&mut tx, a, people[1], "going", Some("attended")).await;
        place(&mut tx, a, people[2], "going", Some("no_show")).await;
        place(&mut tx, a, people[3], "waitlisted", None).await;
        // At b: one seat, attended; someone who left.
        let b0 = place(&mut tx, b, people[0], "going", Some("attended")).await;
        place(&mut tx, b, people[1], "left", None).await;
        // Hours: confirmed 90 + 90 + 120 credit and 30 honour; pending and rejected ones wait.
        hours(&mut tx, a, a0, "credit", 90, "approved").await;
        hours(&mut tx, a, a1, "credit", 90, "approved").await;
        hours(&mut tx, a, a0, "honour", 30, "approved").await;
        hours(&mut tx, b, b0, "credit", 120, "approved").await;
        hours(&mut tx, b, b0, "honour", 45, "pending").await;
        hours(&mut tx, a, a1, "honour", 60, "rejected").await;
        // The last minute of January in China time is still January.
        let late = event(
            &mut tx,
            ngo,
            feb.starts_at() - 3 * HOUR,
            EventStatus::Published,
        )
        .await;
        place(&mut tx, late, people[2], "going", None).await;

        // February: one event of 阳光助老 with nobody; one of another organisation.
        event(&mut tx, ngo, day10(feb), EventStatus::Published).await;
        let theirs = event(&mut tx, other, day10(feb), EventStatus::Published).await;
        place(&mut tx, theirs, people[3], "going", Some("attended")).await;

        // A new organisation registered in February, waiting to be verified.
        new_org_at(&mut tx, "新机构", OrgKind::Ngo, day10(feb)).await;

        // March: an event still going on is not held yet.
        event(&mut tx, ngo, day10(mar), EventStatus::Published).await;

        // The cooperative: two services booked in January (one done in February for ¥15, one
        // declined), an offer of help (not a service), a service booked and done in March.
        let li = member(&mut tx, coop).await;
        booking(
            &mut tx,
            li,
            "service",
            1500,
            day10(jan),
            "done",
            Some(day10(feb)),
        )
        .await;
        booking(&mut tx, li, "service", 800, day10(jan), "declined", None).await;
        booking(&mut tx, li, "help", 0, day10(jan), "done", Some(day10(jan))).await;
        booking(
            &mut tx,
            li,
            "service",
            0,
            day10(mar),
            "done",
            Some(day10(mar)),
        )
        .await;
        tx.commit().await.unwrap();

        let period = Period::new(jan, mar).unwrap();
        let mut conn = db.pool().acquire().await.unwrap();
        let of = |rows: &[MonthFigures]| rows.iter().map(counts).collect::<Vec<_>>();
        let sunshine = monthly(&mut conn, Scope::Org(ngo), &period, now)
            .await
            .unwrap();
        assert_eq!(sunshine.len(), 3);
        assert_eq!(sunshine[0].month, Some(jan));
        assert_eq!(
            of(&sunshine),
            vec![
                // held, places, attended, credit, honour, booked, done, income
                [3, 5, 3, 300, 30, 0, 0, 0],
                [1, 0, 0, 0, 0, 0, 0, 0],
                [0, 0, 0, 0, 0, 0, 0, 0],
            ]
        );
        let cooperative = monthly(&mut conn, Scope::Org(coop), &period, now)
            .await
            .unwrap();
        assert_eq!(
            of(&cooperative),
            vec![
                [0, 0, 0, 0, 0, 2, 0, 0],
                [0, 0, 0, 0, 0, 0, 1, 1500],
                [0, 0, 0, 0, 0, 1, 1, 0],
            ]
        );
        let platform = monthly(&mut conn, Scope::Platform, &period, now)
            .await
            .unwrap();
        assert_eq!(
            of(&platform),
            vec![
                [3, 5, 3, 300, 30, 2, 0, 0],
                [2, 1, 1, 0, 0, 0, 1, 1500],
                [0, 0, 0, 0, 0, 1, 1, 0],
            ]
        );
        // New organisations by month: only the platform's view counts them all.
        let new: Vec<i64> = platform.iter().map(|f| f.new_orgs).collect();
        assert_eq!(new, vec![0, 1, 0]);
        assert!(sunshine.iter().all(|f| f.new_orgs == 0));
        // What waits for the admins: every organisation here is still waiting, the oldest since
        // it was made; no reports.
        let state = platform_state(&mut conn).await.unwrap();
        assert_eq!(
            state.orgs_by_state,
            vec![
                ("pending".to_string(), 4),
                ("verified".to_string(), 0),
                ("partner".to_string(), 0),
                ("rejected".to_string(), 0),
            ]
        );
        assert_eq!(
            (state.verification_waiting, state.verification_oldest),
            (4, Some(1))
        );
        assert_eq!(
            (state.moderation_waiting, state.moderation_oldest),
            (0, None)
        );
        // In public, a figure about people needs three people behind it: 阳光助老's attendance (3
        // times, 2 people) and hours (2 people) are left out; the platform's attendance (3 people)
        // shows, as do the events held, which are about no one.
        let since = jan.starts_at();
        let public = public_totals(&mut conn, Scope::Org(ngo), since, now)
            .await
            .unwrap();
        assert_eq!(
            public,
            PublicFigures {
                events_held: 4,
                attended: None,
                volunteer_minutes: None,
                services_done: None,
            }
        );
        let everyone = public_totals(&mut conn, Scope::Platform, since, now)
            .await
            .unwrap();
        assert_eq!(
            (
                everyone.events_held,
                everyone.attended,
                everyone.volunteer_minutes
            ),
            (5, Some(4), None)
        );
        // Only one member did the services: never said in public.
        assert_eq!(everyone.services_done, None);
        // Later, the March event has been held too.
        let later = monthly(&mut conn, Scope::Org(ngo), &period, now + 2 * HOUR)
            .await
            .unwrap();
        assert_eq!(later[2].events_held, 1);
        drop(conn);
        test.finish().await;
    }
}

/// A community resource of `org`.
async fn resource(conn: &mut AnyConnection, org: i64, name: &str) -> i64 {
    sqlx::query_scalar(
        "INSERT INTO community_resources (org_id, kind, name, lat, lng, created_at, updated_at) \
         VALUES ($1, 'donation_point', $2, 26.58, 106.71, 1, 1) RETURNING id",
    )
    .bind(org)
    .bind(name)
    .fetch_one(conn)
    .await
    .unwrap()
}

/// A listing of `kind` by `owner`, at `resource` (or not), with one request in `status` whose
/// two confirmations came at `giver` and `taker`.
#[allow(clippy::too_many_arguments)]
async fn handover(
    conn: &mut AnyConnection,
    owner: i64,
    taker: i64,
    kind: &str,
    resource: Option<i64>,
    status: &str,
    giver_at: Option<i64>,
    taker_at: Option<i64>,
) {
    let condition = (kind == "offer").then_some("good");
    let item: i64 = sqlx::query_scalar(
        "INSERT INTO items (owner_id, kind, title, category, item_condition, mode, cell_lat, \
         cell_lng, expires_at, created_at, updated_at, resource_id) \
         VALUES ($1, $2, '棉衣', 'clothing', $3, 'give', 26.58, 106.71, 9999999999, 1, 1, $4) \
         RETURNING id",
    )
    .bind(owner)
    .bind(kind)
    .bind(condition)
    .bind(resource)
    .fetch_one(&mut *conn)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO item_requests (item_id, requester_id, message, status, giver_confirmed_at, \
         taker_confirmed_at, created_at, updated_at) VALUES ($1, $2, '想要', $3, $4, $5, 1, 1)",
    )
    .bind(item)
    .bind(taker)
    .bind(status)
    .bind(giver_at)
    .bind(taker_at)
    .execute(&mut *conn)
    .await
    .unwrap();
}

#[tokio::test]
async fn things_given_at_resources_and_active_users_match_a_hand_count() {
    use app::accounts::session::{start_session, user_for_request};
    for test in each_backend().await {
        let db = &test.db;
        let people = neighbours(db, 1, 4).await;
        let (jan, feb, mar) = (month("2026-01"), month("2026-02"), month("2026-03"));
        let day10 = |m: Month| m.starts_at() + 9 * 24 * HOUR + 10 * HOUR;
        let now = day10(mar) + HOUR;
        let mut tx = db.begin_write().await.unwrap();
        let ngo = org(&mut tx, "阳光助老", OrgKind::Ngo).await;
        let other = org(&mut tx, "绿色环保", OrgKind::Ngo).await;
        let ours = resource(&mut tx, ngo, "旧衣物捐赠点").await;
        let theirs = resource(&mut tx, other, "图书捐赠箱").await;
        let (giver, taker) = (people[0], people[1]);
        let at = |t: i64| Some(t);
        // (kind, point, status, giver's and taker's confirmations)
        let handovers = [
            // January: handed over at our point (the later confirmation decides the month).
            (
                "offer",
                Some(ours),
                "handed_over",
                at(day10(jan)),
                at(day10(jan) + HOUR),
            ),
            // Confirmed by the giver in January, by the taker in the first minute of February
            // (China time): February's.
            (
                "offer",
                Some(ours),
                "handed_over",
                at(day10(jan)),
                at(feb.starts_at() + 60),
            ),
            // March: lent out and back (still a handover); March, after `now`: not yet.
            (
                "offer",
                Some(ours),
                "returned",
                at(day10(mar) - HOUR),
                at(day10(mar) - HOUR),
            ),
            (
                "offer",
                Some(ours),
                "handed_over",
                at(now + HOUR),
                at(now + HOUR),
            ),
            // Not counted for us: only promised; a wish; another organisation's point; no point.
            ("offer", Some(ours), "promised", at(day10(jan)), None),
            (
                "wanted",
                Some(ours),
                "handed_over",
                at(day10(jan)),
                at(day10(jan)),
            ),
            (
                "offer",
                Some(theirs),
                "handed_over",
                at(day10(jan)),
                at(day10(jan)),
            ),
            ("offer", None, "handed_over", at(day10(jan)), at(day10(jan))),
        ];
        for (kind, point, status, giver_at, taker_at) in handovers {
            handover(
                &mut tx, giver, taker, kind, point, status, giver_at, taker_at,
            )
            .await;
        }

        // Active users: two in January, one in February (written as the app writes them).
        for (person, when) in [(people[0], jan), (people[1], jan), (people[0], feb)] {
            sqlx::query("INSERT INTO user_active_months (user_id, month_start) VALUES ($1, $2)")
                .bind(person)
                .bind(when.starts_at())
                .execute(&mut *tx)
                .await
                .unwrap();
        }
        let first = start_session(&mut tx, people[2], day10(mar) - 2 * HOUR)
            .await
            .unwrap();
        let second = start_session(&mut tx, people[2], day10(mar) - HOUR)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        // In March one person uses the app in two browsers, more than once: counted once.
        for session in [&first, &second, &first] {
            let user = user_for_request(db, &session.token, day10(mar))
                .await
                .unwrap();
            assert_eq!(user.map(|u| u.id), Some(people[2]));
        }

        let period = Period::new(jan, mar).unwrap();
        let mut conn = db.pool().acquire().await.unwrap();
        let given = |rows: &[MonthFigures]| rows.iter().map(|f| f.items_given).collect::<Vec<_>>();
        let active =
            |rows: &[MonthFigures]| rows.iter().map(|f| f.active_users).collect::<Vec<_>>();
        let sunshine = monthly(&mut conn, Scope::Org(ngo), &period, now)
            .await
            .unwrap();
        assert_eq!(given(&sunshine), vec![1, 1, 1]);
        assert_eq!(
            active(&sunshine),
            vec![0, 0, 0],
            "active users are the platform's"
        );
        let green = monthly(&mut conn, Scope::Org(other), &period, now)
            .await
            .unwrap();
        assert_eq!(given(&green), vec![1, 0, 0]);
        let platform = monthly(&mut conn, Scope::Platform, &period, now)
            .await
            .unwrap();
        assert_eq!(given(&platform), vec![2, 1, 1]);
        assert_eq!(active(&platform), vec![2, 1, 1]);
        drop(conn);
        test.finish().await;
    }
}
