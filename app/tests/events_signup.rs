//! Seats and the waitlist under concurrency, on SQLite and (when TEST_POSTGRES_URL is set)
//! PostgreSQL: never more people than seats, one place per person, the waitlist first come first
//! served, and every freed seat given to the next person in the same step.
use app::db::testing::each_backend;
use app::db::Db;
use app::events::model::{EventStatus, JoinOutcome, LeaveOutcome, Place};
use app::events::{db as events, signup};
use std::collections::{HashMap, VecDeque};

use app::testing;

const NOW: i64 = 1_800_000_000;

async fn people(db: &Db, count: usize) -> Vec<i64> {
    let mut tx = db.begin_write().await.unwrap();
    let mut ids = Vec::with_capacity(count);
    for n in 0..count {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO users (contact, contact_kind, display_name, created_at) \
             VALUES ($1, 'mobile', $2, 1) RETURNING id",
        )
        .bind(format!("139{n:08}"))
        .bind(format!("志愿者{n}"))
        .fetch_one(&mut *tx)
        .await
        .unwrap();
        ids.push(id);
    }
    tx.commit().await.unwrap();
    ids
}

async fn event(db: &Db, capacity: Option<i64>) -> i64 {
    let mut tx = db.begin_write().await.unwrap();
    let id = testing::published_event(&mut tx, NOW + 86_400, capacity, |d| {
        d.title = "重阳敬老探访".into();
        d.cancel_deadline = Some(NOW + 3_600);
    })
    .await;
    tx.commit().await.unwrap();
    id
}

async fn join(db: &Db, event: i64, user: i64, at: i64) -> JoinOutcome {
    let mut tx = db.begin_write().await.unwrap();
    let outcome = signup::join(&mut tx, event, user, at).await.unwrap();
    tx.commit().await.unwrap();
    outcome
}

async fn leave(db: &Db, event: i64, user: i64, at: i64) -> LeaveOutcome {
    let mut tx = db.begin_write().await.unwrap();
    let outcome = signup::leave(&mut tx, event, user, at).await.unwrap();
    tx.commit().await.unwrap();
    outcome
}

#[tokio::test]
async fn seats_then_waitlist_then_promotion_with_a_notice() {
    for test in each_backend().await {
        let db = &test.db;
        let id = event(db, Some(2)).await;
        let p = people(db, 4).await;
        assert_eq!(
            join(db, id, p[0], NOW).await,
            JoinOutcome::Joined(Place::Going)
        );
        assert_eq!(
            join(db, id, p[1], NOW).await,
            JoinOutcome::Joined(Place::Going)
        );
        assert_eq!(
            join(db, id, p[2], NOW).await,
            JoinOutcome::Joined(Place::Waitlisted { position: 1 })
        );
        assert_eq!(
            join(db, id, p[3], NOW).await,
            JoinOutcome::Joined(Place::Waitlisted { position: 2 })
        );
        // One place per person.
        assert_eq!(
            join(db, id, p[3], NOW).await,
            JoinOutcome::AlreadyIn(Place::Waitlisted { position: 2 })
        );
        assert_eq!(
            join(db, id, p[0], NOW).await,
            JoinOutcome::AlreadyIn(Place::Going)
        );

        // A seat freed goes to the first person waiting, who is told; the queue moves up.
        assert_eq!(leave(db, id, p[1], NOW).await, LeaveOutcome::Left);
        assert_eq!(
            signup::place_of(db.pool(), id, p[2]).await.unwrap(),
            Some(Place::Going)
        );
        assert_eq!(
            signup::place_of(db.pool(), id, p[3]).await.unwrap(),
            Some(Place::Waitlisted { position: 1 })
        );
        let inbox = app::notifications::db::inbox(db.pool(), p[2])
            .await
            .unwrap();
        assert_eq!(inbox.len(), 1);
        assert_eq!(inbox[0].notice.link(), format!("/events/{id}"));
        let e = events::find(db.pool(), id).await.unwrap().unwrap();
        assert_eq!((e.seats_taken, e.waitlist_length), (2, 1));

        // Leaving the waitlist frees no seat; after the deadline only organisers change places.
        assert_eq!(leave(db, id, p[3], NOW).await, LeaveOutcome::Left);
        assert_eq!(leave(db, id, p[3], NOW).await, LeaveOutcome::NotIn);
        assert_eq!(
            leave(db, id, p[0], NOW + 3_600).await,
            LeaveOutcome::TooLate
        );
        // Sign-up closes when the event starts; someone who left may come back before then.
        assert_eq!(
            join(db, id, p[1], NOW + 86_400).await,
            JoinOutcome::SignupClosed
        );
        assert_eq!(
            join(db, id, p[1], NOW).await,
            JoinOutcome::Joined(Place::Waitlisted { position: 1 })
        );
        test.finish().await;
    }
}

#[tokio::test]
async fn drafts_and_cancelled_events_take_nobody() {
    for test in each_backend().await {
        let db = &test.db;
        let id = event(db, None).await;
        let p = people(db, 1).await;
        let mut tx = db.begin_write().await.unwrap();
        assert!(events::set_status(
            &mut tx,
            id,
            EventStatus::Published,
            EventStatus::Cancelled,
            NOW
        )
        .await
        .unwrap());
        tx.commit().await.unwrap();
        assert_eq!(join(db, id, p[0], NOW).await, JoinOutcome::NotOpen);
        test.finish().await;
    }
}

/// What each concurrent request did.
enum Attempt {
    Join(i64),
    Leave(i64),
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_thousand_people_race_for_fifty_seats() {
    for test in each_backend().await {
        let db = test.db.clone();
        let id = event(&db, Some(50)).await;
        let crowd = people(&db, 700).await;
        // 1,000 joins (700 people, 300 of them twice) and 300 leaves, all at once, in a shuffled
        // but repeatable order.
        let mut attempts: Vec<Attempt> = crowd
            .iter()
            .chain(crowd.iter().take(300))
            .map(|&p| Attempt::Join(p))
            .chain(
                crowd
                    .iter()
                    .step_by(7)
                    .chain(crowd.iter().take(200))
                    .map(|&p| Attempt::Leave(p)),
            )
            .collect();
        let mut seed = 0x2545_f491_u64;
        for i in (1..attempts.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            attempts.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        assert!(
            attempts
                .iter()
                .filter(|a| matches!(a, Attempt::Join(_)))
                .count()
                >= 1000
        );
        let tasks: Vec<_> = attempts
            .into_iter()
            .map(|attempt| {
                let db = db.clone();
                tokio::spawn(async move {
                    let mut tx = db.begin_write().await?;
                    match attempt {
                        Attempt::Join(p) => signup::join(&mut tx, id, p, NOW).await.map(|_| ())?,
                        Attempt::Leave(p) => {
                            signup::leave(&mut tx, id, p, NOW).await.map(|_| ())?
                        }
                    }
                    tx.commit().await
                })
            })
            .collect();
        for task in tasks {
            task.await.unwrap().expect("no request failed");
        }
        check_invariants(&db, id, 50).await;
        test.finish().await;
    }
}

/// Replays the sign-up log and compares it, step by step and at the end, with the rules and with
/// what the database holds.
async fn check_invariants(db: &Db, id: i64, capacity: usize) {
    let rows: Vec<(i64, Option<i64>, String, Option<i64>)> = sqlx::query_as(
        "SELECT id, user_id, status, queue_no FROM event_participants WHERE event_id = $1",
    )
    .bind(id)
    .fetch_all(db.pool())
    .await
    .unwrap();
    let mut users: Vec<i64> = rows.iter().filter_map(|r| r.1).collect();
    users.sort_unstable();
    users.dedup();
    assert_eq!(users.len(), rows.len(), "nobody holds two places");
    let going: Vec<i64> = rows
        .iter()
        .filter(|r| r.2 == "going")
        .map(|r| r.0)
        .collect();
    let mut waiting: Vec<(i64, i64)> = rows
        .iter()
        .filter(|r| r.2 == "waitlisted")
        .map(|r| (r.3.unwrap(), r.0))
        .collect();
    waiting.sort_unstable();
    let wanting = going.len() + waiting.len();
    assert_eq!(
        going.len(),
        capacity.min(wanting),
        "exactly min(seats, people wanting one) hold seats"
    );
    let e = events::find(db.pool(), id).await.unwrap().unwrap();
    assert_eq!(e.seats_taken as usize, going.len());
    assert_eq!(e.waitlist_length as usize, waiting.len());

    let log: Vec<(i64, String)> = sqlx::query_as(
        "SELECT participant_id, action FROM event_signup_log WHERE event_id = $1 ORDER BY id",
    )
    .bind(id)
    .fetch_all(db.pool())
    .await
    .unwrap();
    let mut seats: HashMap<i64, ()> = HashMap::new();
    let mut queue: VecDeque<i64> = VecDeque::new();
    for (step, (participant, action)) in log.iter().enumerate() {
        match action.as_str() {
            "joined" => {
                assert!(
                    seats.len() < capacity && queue.is_empty(),
                    "a seat was free and nobody waiting"
                );
                seats.insert(*participant, ());
            }
            "waitlisted" => {
                assert_eq!(seats.len(), capacity, "waitlisted only when full");
                queue.push_back(*participant);
            }
            "promoted" => {
                assert_eq!(
                    queue.pop_front(),
                    Some(*participant),
                    "the first person waiting moves up"
                );
                assert!(seats.len() < capacity);
                seats.insert(*participant, ());
            }
            "left" => assert!(seats.remove(participant).is_some()),
            "left_waitlist" => {
                let at = queue
                    .iter()
                    .position(|p| p == participant)
                    .expect("was waiting");
                queue.remove(at);
            }
            other => panic!("unexpected action {other}"),
        }
        // Between requests (a promotion belongs to the leave before it) no seat is free while
        // someone waits.
        let next_is_promotion = log.get(step + 1).is_some_and(|(_, a)| a == "promoted");
        if !next_is_promotion {
            assert!(
                queue.is_empty() || seats.len() == capacity,
                "a freed seat went to the next person"
            );
        }
    }
    let mut replayed_seats: Vec<i64> = seats.into_keys().collect();
    replayed_seats.sort_unstable();
    let mut held: Vec<i64> = going.clone();
    held.sort_unstable();
    assert_eq!(replayed_seats, held);
    let queue_in_db: Vec<i64> = waiting.iter().map(|w| w.1).collect();
    assert_eq!(
        Vec::from(queue),
        queue_in_db,
        "the waitlist is in arrival order"
    );
}
