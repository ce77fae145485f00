//! Check-in codes against the database, on SQLite and (when TEST_POSTGRES_URL is set) PostgreSQL:
//! only during the event, only for people with a seat (unless walk-ins are welcome), and an
//! attendance credits hours once, however often the code is sent.
use app::accounts::code_tries::WRONG_TRIES_PER_MINUTE;
use app::db::testing::each_backend;
use app::events::attendance::code_at;
use app::events::checkin::{secret_of, CheckinOutcome};
use app::events::model::Place;
use app::events::{db as events, signup};

use app::testing;
use testing::{attempt, setup, END, START};

#[tokio::test]
async fn codes_work_during_the_event_for_people_with_a_seat_and_credit_once() {
    for test in each_backend().await {
        let db = &test.db;
        let (id, people, secret) = setup(db).await;
        let code = |at: i64| code_at(&secret, id, at);
        // The secret is kept: asked again, it is the same.
        let mut tx = db.begin_write().await.unwrap();
        assert_eq!(secret_of(&mut tx, id).await.unwrap(), secret);
        tx.commit().await.unwrap();

        // Too early, too late, a wrong code, someone without a seat.
        let early = START - 3 * 3_600;
        assert_eq!(
            attempt(db, id, people[0], &code(early), early).await,
            CheckinOutcome::Closed
        );
        let late = END + 3 * 3_600;
        assert_eq!(
            attempt(db, id, people[0], &code(late), late).await,
            CheckinOutcome::Closed
        );
        let at = START + 600;
        let wrong = if code(at) == "000000" {
            "111111"
        } else {
            "000000"
        };
        assert_eq!(
            attempt(db, id, people[0], wrong, at).await,
            CheckinOutcome::WrongCode
        );
        assert_eq!(
            attempt(db, id, people[2], &code(at), at).await,
            CheckinOutcome::NotJoined
        );

        // In 10 minutes after the start, out after the end: 90 minutes (the event's credit).
        assert_eq!(
            attempt(db, id, people[0], &code(at), at).await,
            CheckinOutcome::CheckedIn
        );
        let out = END + 600;
        assert_eq!(
            attempt(db, id, people[0], &code(out), out).await,
            CheckinOutcome::CheckedOut { minutes: 90 }
        );
        // The same code again, and again later: nothing more is credited.
        assert_eq!(
            attempt(db, id, people[0], &code(out), out).await,
            CheckinOutcome::AlreadyDone
        );
        assert_eq!(
            attempt(db, id, people[0], &code(out + 60), out + 60).await,
            CheckinOutcome::AlreadyDone
        );
        let credited: Vec<(i64, String)> =
            sqlx::query_as("SELECT minutes, status FROM volunteer_hours WHERE event_id = $1")
                .bind(id)
                .fetch_all(db.pool())
                .await
                .unwrap();
        assert_eq!(credited, vec![(90, "pending".to_string())]);
        let logged: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM volunteer_hours_log")
            .fetch_one(db.pool())
            .await
            .unwrap();
        assert_eq!(logged, 1);

        // Walk-ins: once the organisers allow them, someone without a seat checks in and holds one.
        let mut tx = db.begin_write().await.unwrap();
        sqlx::query("UPDATE events SET walk_ins = 1 WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        assert_eq!(
            attempt(db, id, people[2], &code(at), at).await,
            CheckinOutcome::CheckedIn
        );
        assert_eq!(
            signup::place_of(db.pool(), id, people[2]).await.unwrap(),
            Some(Place::Going)
        );
        let e = events::find(db.pool(), id).await.unwrap().unwrap();
        assert_eq!(e.seats_taken, 3);
        test.finish().await;
    }
}

/// A six-digit code falls to enough guesses: a person gets a few wrong tries a minute, then even
/// the right code waits, and a minute later it works.
#[tokio::test]
async fn wrong_codes_are_limited_per_person_per_minute() {
    for test in each_backend().await {
        let db = &test.db;
        let (id, people, secret) = setup(db).await;
        let at = START + 600;
        let right = code_at(&secret, id, at);
        let wrong = if right == "000000" {
            "111111"
        } else {
            "000000"
        };
        for _ in 0..WRONG_TRIES_PER_MINUTE {
            assert_eq!(
                attempt(db, id, people[0], wrong, at).await,
                CheckinOutcome::WrongCode
            );
        }
        assert_eq!(
            attempt(db, id, people[0], &right, at + 1).await,
            CheckinOutcome::TooManyTries
        );
        // Someone else at the same event is not held up by it.
        assert_eq!(
            attempt(db, id, people[1], &right, at + 1).await,
            CheckinOutcome::CheckedIn
        );
        let later = at + 61;
        assert_eq!(
            attempt(db, id, people[0], &code_at(&secret, id, later), later).await,
            CheckinOutcome::CheckedIn
        );
        test.finish().await;
    }
}
