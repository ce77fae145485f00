//! Repeating events against the database, on SQLite and (when TEST_POSTGRES_URL is set)
//! PostgreSQL: occurrences made 8 weeks ahead and never twice, "this and all future" edits that
//! move every later occurrence and what the series makes next, cancelling the rest of a series
//! (everyone told, nothing made after), publishing a draft series, and a monthly rule that stops
//! on its last day.
use app::china_time::parse_date;
use app::db::testing::each_backend;
use app::db::Db;
use app::error::FormRefusal;
use app::events::input::EventDetails;
use app::events::model::{Event, EventStatus, JoinOutcome, Place};
use app::events::series::{Frequency, Repeat};
use app::events::EventRefusal;
use app::events::{db as events, series_db, signup};
use app::i18n::Lang;

use app::testing;
use testing::{published_event, START};

const DAY: i64 = 86_400;

/// A published weekly (or other) series whose first occurrence starts at START (a Friday, 16:00
/// China time), made three days before it.
async fn series(db: &Db, repeat: Repeat, status: EventStatus) -> (i64, EventDetails) {
    let mut tx = db.begin_write().await.unwrap();
    let mut details = None;
    let id = published_event(&mut tx, START, Some(3), |d| details = Some(d.clone())).await;
    let details = details.unwrap();
    if status == EventStatus::Draft {
        events::set_status(&mut tx, id, EventStatus::Published, status, 1)
            .await
            .unwrap();
    }
    series_db::start(&mut tx, id, &details, repeat, status, None, START - 3 * DAY)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    (id, details)
}

async fn occurrences(db: &Db, first: i64) -> Vec<Event> {
    let series: i64 = sqlx::query_scalar("SELECT series_id FROM events WHERE id = $1")
        .bind(first)
        .fetch_one(db.pool())
        .await
        .unwrap();
    let ids: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM events WHERE series_id = $1 ORDER BY occurrence_no")
            .bind(series)
            .fetch_all(db.pool())
            .await
            .unwrap();
    let mut all = Vec::new();
    for id in ids {
        all.push(events::find(db.pool(), id).await.unwrap().unwrap());
    }
    all
}

const WEEKLY: Repeat = Repeat {
    frequency: Frequency::Weekly,
    until: None,
};

#[tokio::test]
async fn a_weekly_series_is_made_ahead_once_and_edited_for_all_future_occurrences() {
    for test in each_backend().await {
        let db = &test.db;
        let (first, details) = series(db, WEEKLY, EventStatus::Published).await;
        // Eight weeks ahead (made three days before the first): occurrences 0 to 7, a week
        // apart, all published.
        let all = occurrences(db, first).await;
        assert_eq!(all.len(), 8);
        for (no, event) in all.iter().enumerate() {
            assert_eq!(event.occurrence_no, Some(no as i64));
            assert_eq!(event.starts_at, START + 7 * DAY * no as i64);
            assert_eq!(event.status, EventStatus::Published);
            assert_eq!(event.title, details.title);
        }
        // A week later two more are within reach; running again makes nothing more.
        let later = START + 7 * DAY;
        assert_eq!(series_db::extend_all(db, later).await.unwrap(), 2);
        assert_eq!(series_db::extend_all(db, later).await.unwrap(), 0);
        assert_eq!(occurrences(db, first).await.len(), 10);

        // Someone holds a seat at occurrence 5; three people at occurrence 6.
        let fifth = occurrences(db, first).await[5].clone();
        let sixth = occurrences(db, first).await[6].clone();
        let mut people = Vec::new();
        for n in 0..3 {
            people.push(testing::person(db, &format!("1390000010{n}"), "x").await);
        }
        let mut tx = db.begin_write().await.unwrap();
        assert_eq!(
            signup::join(&mut tx, fifth.id, people[0], later)
                .await
                .unwrap(),
            JoinOutcome::Joined(Place::Going)
        );
        for &p in &people {
            signup::join(&mut tx, sixth.id, p, later).await.unwrap();
        }
        tx.commit().await.unwrap();

        // From occurrence 3 on: a day later (Saturday), an hour earlier, a new title.
        let third = occurrences(db, first).await[3].clone();
        let mut edit = details.shifted(third.starts_at - details.starts_at + DAY - 3_600);
        edit.title = "周六义诊".into();
        // Fewer seats than occurrence 6 has taken: refused, nothing changes.
        edit.capacity = Some(2);
        let mut tx = db.begin_write().await.unwrap();
        let refused = series_db::edit_future(&mut tx, &third, third.version, &edit, later).await;
        assert!(refused.is_err_and(|error| error == EventRefusal::CapacityBelowTaken));
        drop(tx);
        // An edit made from an old copy is refused too.
        edit.capacity = Some(5);
        let mut tx = db.begin_write().await.unwrap();
        let stale = series_db::edit_future(&mut tx, &third, third.version - 1, &edit, later).await;
        assert!(stale.is_err_and(|error| error == FormRefusal::EditConflict));
        drop(tx);
        let mut tx = db.begin_write().await.unwrap();
        series_db::edit_future(&mut tx, &third, third.version, &edit, later)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        let all = occurrences(db, first).await;
        for (no, event) in all.iter().enumerate() {
            let moved = if no >= 3 { DAY - 3_600 } else { 0 };
            assert_eq!(event.starts_at, START + 7 * DAY * no as i64 + moved, "{no}");
            assert_eq!(event.title == "周六义诊", no >= 3, "{no}");
            assert_eq!(event.capacity, Some(if no >= 3 { 5 } else { 3 }));
        }
        // The seats people held are still theirs.
        assert_eq!(all[5].seats_taken, 1);
        assert_eq!(all[6].seats_taken, 3);
        // What the series makes next is the edited event, on Saturdays.
        assert_eq!(series_db::extend_all(db, later + 8 * DAY).await.unwrap(), 1);
        let newest = occurrences(db, first).await.pop().unwrap();
        assert_eq!(newest.occurrence_no, Some(10));
        assert_eq!(newest.title, "周六义诊");
        assert_eq!(newest.starts_at, START + 70 * DAY + DAY - 3_600);
        let info = series_db::info(db.pool(), &newest, false, later)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(info.rule.describe(Lang::Zh), "每周六");
        assert_eq!(info.others.len(), 8);

        // Cancelling from occurrence 6: it and every later one, its people told, nothing more made.
        let sixth = occurrences(db, first).await[6].clone();
        let mut tx = db.begin_write().await.unwrap();
        assert_eq!(
            series_db::cancel_future(&mut tx, &sixth, later)
                .await
                .unwrap(),
            5
        );
        tx.commit().await.unwrap();
        let all = occurrences(db, first).await;
        for (no, event) in all.iter().enumerate() {
            let expected = if no >= 6 {
                EventStatus::Cancelled
            } else {
                EventStatus::Published
            };
            assert_eq!(event.status, expected, "{no}");
        }
        for &p in &people {
            let inbox = app::notifications::db::inbox(db.pool(), p).await.unwrap();
            assert_eq!(inbox.len(), 1, "one notice each: the cancelled occurrence");
        }
        assert_eq!(
            series_db::extend_all(db, later + 30 * DAY).await.unwrap(),
            0
        );
        assert_eq!(occurrences(db, first).await.len(), 11);
        test.finish().await;
    }
}

#[tokio::test]
async fn a_draft_series_is_published_from_one_occurrence_on() {
    for test in each_backend().await {
        let db = &test.db;
        let (first, _) = series(db, WEEKLY, EventStatus::Draft).await;
        let all = occurrences(db, first).await;
        assert!(all.iter().all(|e| e.status == EventStatus::Draft));
        let mut tx = db.begin_write().await.unwrap();
        let published = series_db::publish_future(&mut tx, &all[2], START)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        assert_eq!(published, 6);
        let all = occurrences(db, first).await;
        assert_eq!(all[1].status, EventStatus::Draft);
        assert!(all[2..].iter().all(|e| e.status == EventStatus::Published));
        // Occurrences made from now on are published.
        assert_eq!(series_db::extend_all(db, START + 7 * DAY).await.unwrap(), 2);
        let newest = occurrences(db, first).await.pop().unwrap();
        assert_eq!(newest.status, EventStatus::Published);
        test.finish().await;
    }
}

#[tokio::test]
async fn a_monthly_series_keeps_its_weekday_and_stops_on_its_last_day() {
    for test in each_backend().await {
        let db = &test.db;
        // START is Friday 15 January 2027, the third Friday; the series ends on 30 June.
        let repeat = Repeat {
            frequency: Frequency::Monthly,
            until: parse_date("2027-06-30"),
        };
        let (first, _) = series(db, repeat, EventStatus::Published).await;
        // Made 8 weeks ahead: 15 Jan and 19 Feb.
        assert_eq!(days(db, first).await, ["15 Jan 2027", "19 Feb 2027"]);
        // In late April: 19 March and 16 April are over and not made; then up to 8 weeks ahead.
        series_db::extend_all(db, START + 100 * DAY).await.unwrap();
        let expected = ["15 Jan 2027", "19 Feb 2027", "21 May 2027", "18 Jun 2027"];
        assert_eq!(days(db, first).await, expected);
        // Nothing after the last day.
        series_db::extend_all(db, START + 160 * DAY).await.unwrap();
        assert_eq!(days(db, first).await, expected);
        test.finish().await;
    }
}

async fn days(db: &Db, first: i64) -> Vec<String> {
    occurrences(db, first)
        .await
        .iter()
        .map(|e| app::i18n::dates::format_date(e.starts_at, Lang::En))
        .collect()
}
