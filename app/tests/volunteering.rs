//! Hours, attendance, volunteer records and certificates against the database, on SQLite and (when
//! TEST_POSTGRES_URL is set) PostgreSQL: credit from check-out or from an organiser marking someone
//! present, approval and rejection, honour hours only with a reason and only for people with a
//! seat, no-shows, every change in the history, and certificates that state confirmed hours and
//! are replaced (not doubled) when those change.
use app::db::testing::each_backend;
use app::db::Db;
use app::events::attendance::code_at;
use app::events::checkin::CheckinOutcome;
use app::events::hours::{
    add_honour, approve_pending, event_hours, event_hours_log, mark_attendance, record_no_shows,
    review, Attendance, HoursAction, HoursKind, HoursRefusal, HoursStatus, Review,
};
use app::events::model::{JoinOutcome, Place};
use app::events::signup;
use app::orgs::model::Tier;
use app::volunteering::certificate::{find, issue, of_org, of_user, withdraw, Issue, Withdrawal};
use app::volunteering::record::{served_events, service_years};

use app::testing;
use testing::{attempt, setup, END, START};

async fn organiser(db: &Db) -> i64 {
    account(db, "13900000099", "王协调").await
}

async fn account(db: &Db, mobile: &str, name: &str) -> i64 {
    let mut tx = db.begin_write().await.unwrap();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO users (contact, contact_kind, display_name, created_at) \
         VALUES ($1, 'mobile', $2, 1) RETURNING id",
    )
    .bind(mobile)
    .bind(name)
    .fetch_one(&mut *tx)
    .await
    .unwrap();
    tx.commit().await.unwrap();
    id
}

/// Sets the organisation's standing with the platform, as an admin's review would.
async fn set_verification(db: &Db, org: i64, verification: &str) {
    let mut tx = db.begin_write().await.unwrap();
    sqlx::query("UPDATE organisations SET verification = $1 WHERE id = $2")
        .bind(verification)
        .bind(org)
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

async fn org_of(db: &Db, event: i64) -> i64 {
    sqlx::query_scalar("SELECT org_id FROM events WHERE id = $1")
        .bind(event)
        .fetch_one(db.pool())
        .await
        .unwrap()
}

async fn seat_of(db: &Db, event: i64, person: i64) -> i64 {
    sqlx::query_scalar("SELECT id FROM event_participants WHERE event_id = $1 AND user_id = $2")
        .bind(event)
        .bind(person)
        .fetch_one(db.pool())
        .await
        .unwrap()
}

/// Runs `f` in a write transaction and commits.
macro_rules! in_tx {
    ($db:expr, |$tx:ident| $body:expr) => {{
        let mut $tx = $db.begin_write().await.unwrap();
        let out = $body;
        $tx.commit().await.unwrap();
        out
    }};
}

fn statuses(
    entries: &[app::events::hours::HoursEntry],
) -> Vec<(String, HoursKind, i64, HoursStatus)> {
    let mut all: Vec<_> = entries
        .iter()
        .map(|h| (h.name.clone(), h.kind, h.minutes, h.status))
        .collect();
    all.sort_by_key(|h| (h.1 == HoursKind::Honour, h.2));
    all
}

#[tokio::test]
async fn hours_are_credited_approved_corrected_and_logged() {
    for test in each_backend().await {
        let db = &test.db;
        let (id, people, secret) = setup(db).await;
        let boss = organiser(db).await;
        let pool = db.pool();
        // The third person takes a seat too, and will not come.
        assert_eq!(
            in_tx!(db, |tx| signup::join(&mut tx, id, people[2], START - 3_600)
                .await
                .unwrap()),
            JoinOutcome::Joined(Place::Going)
        );
        let mut seats = Vec::new();
        for &person in &people {
            let seat: i64 = sqlx::query_scalar(
                "SELECT id FROM event_participants WHERE event_id = $1 AND user_id = $2",
            )
            .bind(id)
            .bind(person)
            .fetch_one(pool)
            .await
            .unwrap();
            seats.push(seat);
        }
        let (first, second, third) = (seats[0], seats[1], seats[2]);

        // The first checks in and out; the second has no phone and is marked present by hand.
        let at = START + 600;
        assert_eq!(
            attempt(db, id, people[0], &code_at(&secret, id, at), at).await,
            CheckinOutcome::CheckedIn
        );
        let out = END - 1_800;
        assert_eq!(
            attempt(db, id, people[0], &code_at(&secret, id, out), out).await,
            CheckinOutcome::CheckedOut { minutes: 80 }
        );
        assert_eq!(
            in_tx!(db, |tx| mark_attendance(
                &mut tx,
                id,
                second,
                Attendance::Attended,
                boss,
                END
            )
            .await
            .unwrap()),
            Ok(())
        );
        // Marking again credits nothing more.
        assert_eq!(
            in_tx!(db, |tx| mark_attendance(
                &mut tx,
                id,
                second,
                Attendance::Attended,
                boss,
                END
            )
            .await
            .unwrap()),
            Ok(())
        );
        let hours = event_hours(pool, id).await.unwrap();
        assert_eq!(
            statuses(&hours),
            vec![
                ("x".into(), HoursKind::Credit, 80, HoursStatus::Pending),
                ("x".into(), HoursKind::Credit, 90, HoursStatus::Pending),
            ]
        );

        // Approve both; then the second turns out not to have stayed: rejected, with a reason.
        assert_eq!(
            in_tx!(db, |tx| approve_pending(&mut tx, id, boss, END)
                .await
                .unwrap()),
            2
        );
        assert_eq!(
            in_tx!(db, |tx| approve_pending(&mut tx, id, boss, END)
                .await
                .unwrap()),
            0
        );
        let second_hours = hours
            .iter()
            .find(|h| h.participant_id == second)
            .unwrap()
            .id;
        assert_eq!(
            in_tx!(db, |tx| review(
                &mut tx,
                id,
                second_hours,
                Review::Reject,
                "提前离开",
                boss,
                END + 60
            )
            .await
            .unwrap()),
            Ok(true)
        );
        assert_eq!(
            in_tx!(db, |tx| review(
                &mut tx,
                id,
                second_hours,
                Review::Reject,
                "",
                boss,
                END + 60
            )
            .await
            .unwrap()),
            Ok(false)
        );
        // Hours of another event cannot be reviewed through this one.
        assert_eq!(
            in_tx!(db, |tx| review(
                &mut tx,
                id + 1,
                second_hours,
                Review::Approve,
                "",
                boss,
                END
            )
            .await
            .unwrap()),
            Ok(false)
        );

        // Honour hours: only with a seat at this event (the database also insists on a reason).
        assert!(in_tx!(db, |tx| add_honour(
            &mut tx,
            id,
            first,
            30,
            "提前布置场地",
            boss,
            END + 120
        )
        .await
        .unwrap())
        .is_ok_and(|(_, status)| status == HoursStatus::Approved));
        let mut tx = db.begin_write().await.unwrap();
        assert!(add_honour(&mut tx, id, first, 30, "", boss, END)
            .await
            .is_err());
        drop(tx);
        let nobody: i64 = 999_999;
        assert_eq!(
            in_tx!(db, |tx| add_honour(
                &mut tx, id, nobody, 30, "理由", boss, END
            )
            .await
            .unwrap()),
            Err(HoursRefusal::NoSeat)
        );

        // After the event, the one who never came is recorded as a no-show; nobody else is.
        assert_eq!(
            in_tx!(db, |tx| record_no_shows(&mut tx, id, END - 60)
                .await
                .unwrap()),
            0
        );
        assert_eq!(
            in_tx!(db, |tx| record_no_shows(&mut tx, id, END + 60)
                .await
                .unwrap()),
            1
        );
        let attendance: Vec<(i64, Option<String>)> = sqlx::query_as(
            "SELECT id, attendance FROM event_participants WHERE event_id = $1 ORDER BY id",
        )
        .bind(id)
        .fetch_all(pool)
        .await
        .unwrap();
        assert_eq!(
            attendance,
            vec![
                (first, Some("attended".into())),
                (second, Some("attended".into())),
                (third, Some("no_show".into())),
            ]
        );

        // The history has every change, newest first, with who did it and why.
        let log = event_hours_log(pool, id).await.unwrap();
        let actions: Vec<(HoursAction, i64, &str, &str)> = log
            .iter()
            .map(|l| (l.action, l.minutes, l.reason.as_str(), l.actor.as_str()))
            .collect();
        assert_eq!(
            actions,
            vec![
                (HoursAction::Added, 30, "提前布置场地", "王协调"),
                (HoursAction::Rejected, 90, "提前离开", "王协调"),
                (HoursAction::Approved, 90, "", "王协调"),
                (HoursAction::Approved, 80, "", "王协调"),
                (HoursAction::Credited, 90, "", "王协调"),
                (HoursAction::Credited, 80, "", "x"),
            ]
        );
        test.finish().await;
    }
}

#[tokio::test]
async fn certificates_state_confirmed_hours_and_are_replaced_when_they_change() {
    for test in each_backend().await {
        let db = &test.db;
        let (id, people, _) = setup(db).await;
        let boss = organiser(db).await;
        let pool = db.pool();
        let seat: i64 = sqlx::query_scalar(
            "SELECT id FROM event_participants WHERE event_id = $1 AND user_id = $2",
        )
        .bind(id)
        .bind(people[0])
        .fetch_one(pool)
        .await
        .unwrap();
        let org = org_of(db, id).await;
        set_verification(db, org, "verified").await;
        // START is in January 2027, China time.
        let year = 2027;

        // Nothing confirmed yet: no certificate.
        in_tx!(db, |tx| mark_attendance(
            &mut tx,
            id,
            seat,
            Attendance::Attended,
            boss,
            END
        )
        .await
        .unwrap())
        .unwrap();
        assert_eq!(
            in_tx!(db, |tx| issue(&mut tx, people[0], org, year, END)
                .await
                .unwrap()),
            Issue::NoHours
        );

        in_tx!(db, |tx| approve_pending(&mut tx, id, boss, END)
            .await
            .unwrap());
        let mut conn = pool.acquire().await.unwrap();
        let served = served_events(&mut conn, people[0]).await.unwrap();
        drop(conn);
        assert_eq!(
            (
                served.len(),
                served[0].approved_minutes,
                served[0].pending_minutes
            ),
            (1, 90, 0)
        );
        let years = service_years(&served);
        assert_eq!(
            (years[0].year, years[0].minutes, years[0].events),
            (year, 90, 1)
        );

        let serial = in_tx!(db, |tx| issue(&mut tx, people[0], org, year, END)
            .await
            .unwrap())
        .serial();
        let certificate = find(pool, &serial).await.unwrap().unwrap();
        assert_eq!(
            (certificate.minutes, certificate.events, certificate.revoked),
            (90, 1, false)
        );
        assert_eq!(certificate.period_from, "2027-01-15");
        // Asked again with nothing changed: the same certificate.
        assert_eq!(
            in_tx!(db, |tx| issue(&mut tx, people[0], org, year, END)
                .await
                .unwrap()),
            Issue::Serial(serial.clone())
        );
        // Other people's hours and other years certify nothing.
        assert_eq!(
            in_tx!(db, |tx| issue(&mut tx, people[1], org, year, END)
                .await
                .unwrap()),
            Issue::NoHours
        );
        assert_eq!(
            in_tx!(db, |tx| issue(&mut tx, people[0], org, 2026, END)
                .await
                .unwrap()),
            Issue::NoHours
        );

        // More hours confirmed: a new certificate, and the old one says it is revoked. With the
        // 90 minutes credited they go beyond the two-hour event, so they wait for another
        // organiser: the one who added them cannot approve them.
        let (honour, status) = in_tx!(db, |tx| add_honour(
            &mut tx, id, seat, 60, "带队", boss, END
        )
        .await
        .unwrap())
        .unwrap();
        assert_eq!(status, HoursStatus::Pending);
        assert_eq!(
            in_tx!(db, |tx| review(
                &mut tx,
                id,
                honour,
                Review::Approve,
                "",
                boss,
                END
            )
            .await
            .unwrap()),
            Err(HoursRefusal::NeedsAnotherReviewer)
        );
        assert_eq!(
            in_tx!(db, |tx| approve_pending(&mut tx, id, boss, END)
                .await
                .unwrap()),
            0
        );
        let colleague = account(db, "13900000098", "李协调").await;
        assert_eq!(
            in_tx!(db, |tx| review(
                &mut tx,
                id,
                honour,
                Review::Approve,
                "",
                colleague,
                END
            )
            .await
            .unwrap()),
            Ok(true)
        );
        let newer = in_tx!(db, |tx| issue(&mut tx, people[0], org, year, END + 60)
            .await
            .unwrap())
        .serial();
        assert_ne!(newer, serial);
        assert!(find(pool, &serial).await.unwrap().unwrap().revoked);
        let current = of_user(pool, people[0]).await.unwrap();
        assert_eq!(current.len(), 1);
        assert_eq!(
            (current[0].serial.as_str(), current[0].minutes),
            (newer.as_str(), 150)
        );

        // The organisation withdraws the current one with a reason: it stops being valid, the
        // holder is named for the notice, and its list says who did it and why.
        assert_eq!(
            in_tx!(db, |tx| withdraw(
                &mut tx,
                org + 1,
                &newer,
                "错发",
                boss,
                END + 90
            )
            .await
            .unwrap()),
            Withdrawal::NotFound,
            "another organisation cannot withdraw it"
        );
        assert_eq!(
            in_tx!(db, |tx| withdraw(
                &mut tx,
                org,
                &newer,
                "时长记错",
                boss,
                END + 90
            )
            .await
            .unwrap()),
            Withdrawal::Withdrawn {
                holder: Some(people[0])
            }
        );
        assert_eq!(
            in_tx!(db, |tx| withdraw(
                &mut tx,
                org,
                &newer,
                "再来",
                boss,
                END + 99
            )
            .await
            .unwrap()),
            Withdrawal::AlreadyRevoked
        );
        assert!(find(pool, &newer).await.unwrap().unwrap().revoked);
        assert!(of_user(pool, people[0]).await.unwrap().is_empty());
        let issued = of_org(pool, org, 10).await.unwrap();
        let summary: Vec<_> = issued
            .iter()
            .map(|i| {
                (
                    i.certificate.serial.as_str(),
                    i.revoked_at,
                    i.revoked_by.as_str(),
                    i.revoke_reason.as_str(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                (newer.as_str(), Some(END + 90), "王协调", "时长记错"),
                (serial.as_str(), Some(END + 60), "", "")
            ]
        );
        // Asked again, the volunteer gets a fresh certificate of the same hours.
        let again = in_tx!(db, |tx| issue(&mut tx, people[0], org, year, END + 120)
            .await
            .unwrap())
        .serial();
        assert!(again != newer && again != serial);
        test.finish().await;
    }
}

trait IssuedSerial {
    fn serial(self) -> String;
}

impl IssuedSerial for Issue {
    fn serial(self) -> String {
        match self {
            Issue::Serial(serial) => serial,
            other => panic!("no certificate: {other:?}"),
        }
    }
}

/// The review's finding: a resident registers an organisation, runs an event, joins it and
/// certifies hours for themselves. Nobody acts on their own hours, and an unverified
/// organisation's hours certify nothing; the verification page says when the organisation has
/// lost its badge since.
#[tokio::test]
async fn nobody_certifies_their_own_hours() {
    for test in each_backend().await {
        let db = &test.db;
        let (id, people, secret) = setup(db).await;
        let org = org_of(db, id).await;
        // people[0] runs the organisation and holds a seat at its event.
        let me = people[0];
        let seat = seat_of(db, id, me).await;
        let other = seat_of(db, id, people[1]).await;
        assert_eq!(
            in_tx!(db, |tx| add_honour(
                &mut tx,
                id,
                seat,
                1_440,
                "组织活动",
                me,
                END
            )
            .await
            .unwrap()),
            Err(HoursRefusal::OwnHours)
        );
        assert_eq!(
            in_tx!(db, |tx| mark_attendance(
                &mut tx,
                id,
                seat,
                Attendance::Attended,
                me,
                END
            )
            .await
            .unwrap()),
            Err(HoursRefusal::OwnHours)
        );
        // Checking in and out records pending credit, which only someone else may confirm.
        let at = START + 60;
        attempt(db, id, me, &code_at(&secret, id, at), at).await;
        attempt(db, id, me, &code_at(&secret, id, END), END).await;
        let mine = event_hours(db.pool(), id).await.unwrap()[0].id;
        assert_eq!(
            in_tx!(db, |tx| review(
                &mut tx,
                id,
                mine,
                Review::Approve,
                "",
                me,
                END
            )
            .await
            .unwrap()),
            Err(HoursRefusal::OwnHours)
        );
        assert_eq!(
            in_tx!(db, |tx| approve_pending(&mut tx, id, me, END)
                .await
                .unwrap()),
            0
        );
        // Within the event's length, hours one adds for someone else count at once.
        assert_eq!(
            in_tx!(db, |tx| add_honour(
                &mut tx,
                id,
                other,
                120,
                "全程帮忙",
                me,
                END
            )
            .await
            .unwrap())
            .map(|(_, status)| status),
            Ok(HoursStatus::Approved)
        );
        // An admin (here: anyone else) confirms the organiser's own hours.
        let admin = organiser(db).await;
        assert_eq!(
            in_tx!(db, |tx| review(
                &mut tx,
                id,
                mine,
                Review::Approve,
                "",
                admin,
                END
            )
            .await
            .unwrap()),
            Ok(true)
        );
        // The organisation is not verified: its hours certify nothing.
        assert_eq!(
            in_tx!(db, |tx| issue(&mut tx, me, org, 2027, END).await.unwrap()),
            Issue::OrgUnverified
        );
        let mut conn = db.pool().acquire().await.unwrap();
        let years = service_years(&served_events(&mut conn, me).await.unwrap());
        drop(conn);
        assert_eq!(years[0].org_tier, Tier::Unverified);

        // Verified: a certificate, which says so; once the badge is lost the check says that.
        set_verification(db, org, "verified").await;
        let serial = in_tx!(db, |tx| issue(&mut tx, me, org, 2027, END).await.unwrap()).serial();
        let issued = find(db.pool(), &serial).await.unwrap().unwrap();
        assert_eq!(
            (issued.org_tier_at_issue, issued.org_tier_now),
            (Tier::Verified, Tier::Verified)
        );
        set_verification(db, org, "rejected").await;
        let issued = find(db.pool(), &serial).await.unwrap().unwrap();
        assert_eq!(
            (issued.org_tier_at_issue, issued.org_tier_now),
            (Tier::Verified, Tier::Unverified)
        );
        assert_eq!(
            in_tx!(db, |tx| issue(&mut tx, people[1], org, 2027, END)
                .await
                .unwrap()),
            Issue::OrgUnverified
        );
        test.finish().await;
    }
}

/// The same certificate asked for many times at once (a double tap, two tabs): one live
/// certificate, and every request gets its serial.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn certificates_asked_for_at_once_are_issued_once() {
    for test in each_backend().await {
        let db = &test.db;
        let (id, people, _) = setup(db).await;
        let org = org_of(db, id).await;
        set_verification(db, org, "verified").await;
        let boss = organiser(db).await;
        let seat = seat_of(db, id, people[0]).await;
        in_tx!(db, |tx| mark_attendance(
            &mut tx,
            id,
            seat,
            Attendance::Attended,
            boss,
            END
        )
        .await
        .unwrap())
        .unwrap();
        in_tx!(db, |tx| approve_pending(&mut tx, id, boss, END)
            .await
            .unwrap());
        let person = people[0];
        let tasks: Vec<_> = (0..16)
            .map(|_| {
                let db = db.clone();
                tokio::spawn(async move {
                    let mut tx = db.begin_write().await?;
                    let issued = issue(&mut tx, person, org, 2027, END).await?;
                    tx.commit().await?;
                    Ok::<_, sqlx::Error>(issued)
                })
            })
            .collect();
        let mut serials = Vec::new();
        for task in tasks {
            serials.push(task.await.unwrap().expect("no request failed").serial());
        }
        serials.dedup();
        assert_eq!(serials.len(), 1, "{serials:?}");
        let live: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM hours_certificates WHERE user_id = $1 AND revoked_at IS NULL",
        )
        .bind(person)
        .fetch_one(db.pool())
        .await
        .unwrap();
        let all: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM hours_certificates")
            .fetch_one(db.pool())
            .await
            .unwrap();
        assert_eq!((live, all), (1, 1));
        test.finish().await;
    }
}
