//! Requests for listings on SQLite and (when TEST_POSTGRES_URL is set) PostgreSQL: the owner
//! chooses and promises, either side backs out, the handover needs both sides (or the giver's
//! code), lending comes back, the fairness limits hold, and under concurrent promises and
//! handovers a listing ends with exactly one taker.
use app::db::testing::each_backend;
use app::db::Db;
use app::items::db as items;
use app::items::model::{ItemLimits, ItemStatus, RequestStatus};
use app::items::requests::{self, AskOutcome, StepOutcome};
use app::notifications::db::inbox;
use app::notifications::model::Notice;

use app::testing;

use testing::{listing, neighbours as people};

const NOW: i64 = testing::START;
const LIMITS: ItemLimits = ItemLimits {
    open_requests: 5,
    received_per_28_days: 10,
};

async fn ask(db: &Db, item: i64, who: i64, limits: ItemLimits) -> AskOutcome {
    let mut tx = db.begin_write().await.unwrap();
    let outcome = requests::ask(&mut tx, item, who, "我需要，周末可以来取", limits, NOW)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    outcome
}

fn sent(outcome: AskOutcome) -> i64 {
    match outcome {
        AskOutcome::Sent(id) => id,
        other => panic!("not sent: {other:?}"),
    }
}

/// Runs one step in its own transaction, committing whatever it did.
macro_rules! step {
    ($db:expr, $call:ident ( $($arg:expr),* )) => {{
        let mut tx = $db.begin_write().await.unwrap();
        let outcome = requests::$call(&mut tx, $($arg),*).await.unwrap();
        tx.commit().await.unwrap();
        outcome
    }};
}

async fn status_of(db: &Db, item: i64) -> ItemStatus {
    items::find(db.pool(), item).await.unwrap().unwrap().status
}

async fn request_status(db: &Db, request: i64) -> RequestStatus {
    let mut conn = db.pool().acquire().await.unwrap();
    requests::find(&mut conn, request)
        .await
        .unwrap()
        .unwrap()
        .status
}

async fn notices(db: &Db, user: i64) -> Vec<Notice> {
    inbox(db.pool(), user)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.notice)
        .collect()
}

async fn code_of(db: &Db, request: i64) -> String {
    let mut conn = db.pool().acquire().await.unwrap();
    requests::handover_code(&mut conn, request)
        .await
        .unwrap()
        .unwrap()
}

#[tokio::test]
async fn the_owner_chooses_either_side_backs_out_and_the_code_completes_the_handover() {
    for test in each_backend().await {
        let db = &test.db;
        let p = people(db, 0, 3).await;
        let (owner, ana, bo) = (p[0], p[1], p[2]);
        let item = listing(db, owner, "儿童自行车", "give").await;
        assert_eq!(ask(db, item, owner, LIMITS).await, AskOutcome::OwnItem);
        let ana_asks = sent(ask(db, item, ana, LIMITS).await);
        let bo_asks = sent(ask(db, item, bo, LIMITS).await);
        assert_eq!(ask(db, item, bo, LIMITS).await, AskOutcome::AlreadyAsked);
        assert!(matches!(
            notices(db, owner).await[0],
            Notice::ItemRequested { .. }
        ));

        // Only the owner promises; Bo is told it went to someone else and stays waiting.
        assert_eq!(
            step!(db, promise(ana_asks, bo, None, NOW)),
            StepOutcome::NotYours
        );
        assert_eq!(
            step!(db, promise(ana_asks, owner, None, NOW)),
            StepOutcome::Done
        );
        assert_eq!(status_of(db, item).await, ItemStatus::Promised);
        assert_eq!(
            step!(db, promise(bo_asks, owner, None, NOW)),
            StepOutcome::NotNow
        );
        assert!(matches!(
            notices(db, ana).await[0],
            Notice::ItemPromised { .. }
        ));
        assert!(matches!(
            notices(db, bo).await[0],
            Notice::ItemPromisedToOther { .. }
        ));
        assert_eq!(request_status(db, bo_asks).await, RequestStatus::Open);
        // A promised item takes no new requests.
        let late = people(db, 3, 1).await[0];
        assert_eq!(ask(db, item, late, LIMITS).await, AskOutcome::NotOpen);

        // Ana backs out: the item is available again and the owner is told.
        assert_eq!(step!(db, back_out(ana_asks, ana, NOW)), StepOutcome::Done);
        assert_eq!(request_status(db, ana_asks).await, RequestStatus::Withdrawn);
        assert_eq!(status_of(db, item).await, ItemStatus::Available);
        assert!(matches!(
            notices(db, owner).await[0],
            Notice::PromiseCancelled { .. }
        ));

        // Promised to Bo; a wrong code changes nothing, the giver's code completes it.
        assert_eq!(
            step!(db, promise(bo_asks, owner, None, NOW)),
            StepOutcome::Done
        );
        let code = code_of(db, bo_asks).await;
        assert_eq!(code.len(), 6);
        let wrong = if code == "000000" { "111111" } else { "000000" };
        assert_eq!(
            step!(db, confirm_handover(bo_asks, bo, Some(wrong), NOW)),
            StepOutcome::WrongCode
        );
        assert_eq!(
            step!(db, confirm_handover(bo_asks, ana, Some(code.as_str()), NOW)),
            StepOutcome::NotYours
        );
        assert_eq!(
            step!(db, confirm_handover(bo_asks, bo, Some(code.as_str()), NOW)),
            StepOutcome::Done
        );
        assert_eq!(request_status(db, bo_asks).await, RequestStatus::HandedOver);
        assert_eq!(status_of(db, item).await, ItemStatus::HandedOver);
        assert!(matches!(
            notices(db, bo).await[0],
            Notice::HandedOver { .. }
        ));
        // Nobody backs out of what has changed hands.
        assert_eq!(
            step!(db, back_out(bo_asks, owner, NOW)),
            StepOutcome::NotNow
        );
        test.finish().await;
    }
}

/// Guessing the giver's code: a few wrong tries a minute per person, and after three wrong ones
/// the code changes, so the guesses made so far are worth nothing.
#[tokio::test]
async fn wrong_handover_codes_are_limited_and_change_the_code() {
    use app::accounts::code_tries::WRONG_TRIES_PER_MINUTE;
    for test in each_backend().await {
        let db = &test.db;
        let p = people(db, 0, 2).await;
        let (owner, taker) = (p[0], p[1]);
        let item = listing(db, owner, "电饭煲", "give").await;
        let asked = sent(ask(db, item, taker, LIMITS).await);
        assert_eq!(
            step!(db, promise(asked, owner, None, NOW)),
            StepOutcome::Done
        );
        let first = code_of(db, asked).await;
        let wrong_for = |code: &str| if code == "000000" { "111111" } else { "000000" }.to_string();
        let wrong = wrong_for(&first);
        for _ in 0..2 {
            assert_eq!(
                step!(
                    db,
                    confirm_handover(asked, taker, Some(wrong.as_str()), NOW)
                ),
                StepOutcome::WrongCode
            );
        }
        assert_eq!(
            code_of(db, asked).await,
            first,
            "two wrong tries keep the code"
        );
        let wrong = wrong_for(&first);
        assert_eq!(
            step!(
                db,
                confirm_handover(asked, taker, Some(wrong.as_str()), NOW)
            ),
            StepOutcome::WrongCode
        );
        let second = code_of(db, asked).await;
        assert_ne!(second, first, "the third wrong try changes the code");
        for _ in 3..WRONG_TRIES_PER_MINUTE {
            let wrong = wrong_for(&code_of(db, asked).await);
            assert_eq!(
                step!(
                    db,
                    confirm_handover(asked, taker, Some(wrong.as_str()), NOW)
                ),
                StepOutcome::WrongCode
            );
        }
        let current = code_of(db, asked).await;
        assert_eq!(
            step!(
                db,
                confirm_handover(asked, taker, Some(current.as_str()), NOW + 1)
            ),
            StepOutcome::TooManyTries
        );
        assert_eq!(request_status(db, asked).await, RequestStatus::Promised);
        // A minute later the giver's code works.
        let current = code_of(db, asked).await;
        assert_eq!(
            step!(
                db,
                confirm_handover(asked, taker, Some(current.as_str()), NOW + 61)
            ),
            StepOutcome::Done
        );
        assert_eq!(status_of(db, item).await, ItemStatus::HandedOver);
        test.finish().await;
    }
}

#[tokio::test]
async fn taps_from_both_sides_hand_over_a_lent_item_which_comes_back() {
    for test in each_backend().await {
        let db = &test.db;
        let p = people(db, 0, 3).await;
        let (owner, ana, bo) = (p[0], p[1], p[2]);
        let item = listing(db, owner, "儿童自行车", "lend").await;
        let ana_asks = sent(ask(db, item, ana, LIMITS).await);
        let bo_asks = sent(ask(db, item, bo, LIMITS).await);
        let due = NOW + 7 * 86_400;
        assert_eq!(
            step!(db, promise(ana_asks, owner, Some(due), NOW)),
            StepOutcome::Done
        );
        assert_eq!(
            step!(db, confirm_handover(ana_asks, owner, None, NOW)),
            StepOutcome::Done
        );
        // One side alone is not a handover; the other side is asked to confirm.
        assert_eq!(request_status(db, ana_asks).await, RequestStatus::Promised);
        assert!(matches!(
            notices(db, ana).await[0],
            Notice::HandoverConfirmed { .. }
        ));
        assert_eq!(
            step!(db, confirm_handover(ana_asks, ana, None, NOW)),
            StepOutcome::Done
        );
        assert_eq!(status_of(db, item).await, ItemStatus::HandedOver);
        // The one still waiting is told it went, and their request is closed.
        assert!(matches!(notices(db, bo).await[0], Notice::ItemGone { .. }));
        assert_eq!(request_status(db, bo_asks).await, RequestStatus::Declined);
        let mut conn = db.pool().acquire().await.unwrap();
        let lent = requests::find(&mut conn, ana_asks).await.unwrap().unwrap();
        drop(conn);
        assert_eq!(lent.due_at, Some(due));

        assert_eq!(
            step!(db, confirm_return(ana_asks, ana, NOW)),
            StepOutcome::NotYours
        );
        assert_eq!(
            step!(db, confirm_return(ana_asks, owner, NOW + 86_400)),
            StepOutcome::Done
        );
        assert_eq!(request_status(db, ana_asks).await, RequestStatus::Returned);
        assert_eq!(status_of(db, item).await, ItemStatus::Available);
        assert!(matches!(
            notices(db, ana).await[0],
            Notice::ItemReturned { .. }
        ));
        // Available to lend again, to someone new.
        let cy = people(db, 3, 1).await[0];
        assert!(matches!(
            ask(db, item, cy, LIMITS).await,
            AskOutcome::Sent(_)
        ));
        test.finish().await;
    }
}

#[tokio::test]
async fn fairness_limits_stop_hoarding() {
    for test in each_backend().await {
        let db = &test.db;
        let p = people(db, 0, 2).await;
        let (owner, ana) = (p[0], p[1]);
        let tight = ItemLimits {
            open_requests: 2,
            received_per_28_days: 1,
        };
        let listings: Vec<i64> = {
            let mut ids = Vec::new();
            for _ in 0..4 {
                ids.push(listing(db, owner, "儿童自行车", "give").await);
            }
            ids
        };
        let first = sent(ask(db, listings[0], ana, tight).await);
        sent(ask(db, listings[1], ana, tight).await);
        assert_eq!(
            ask(db, listings[2], ana, tight).await,
            AskOutcome::TooManyOpen
        );
        // One received within 28 days uses up the other limit.
        assert_eq!(
            step!(db, promise(first, owner, None, NOW)),
            StepOutcome::Done
        );
        let code = code_of(db, first).await;
        assert_eq!(
            step!(db, confirm_handover(first, ana, Some(code.as_str()), NOW)),
            StepOutcome::Done
        );
        assert_eq!(
            ask(db, listings[3], ana, tight).await,
            AskOutcome::TooManyReceived
        );
        test.finish().await;
    }
}

#[tokio::test]
async fn concurrent_promises_and_handovers_leave_exactly_one_taker() {
    for test in each_backend().await {
        let db = &test.db;
        let p = people(db, 0, 21).await;
        let owner = p[0];
        let item = listing(db, owner, "儿童自行车", "give").await;
        let mut asks = Vec::new();
        for &person in &p[1..] {
            asks.push((person, sent(ask(db, item, person, LIMITS).await)));
        }
        // The owner's taps race each other, and every asker races to confirm and to back out.
        let mut tasks = tokio::task::JoinSet::new();
        for &(person, request) in &asks {
            let first = db.clone();
            tasks.spawn(async move {
                let db = first;
                let _ = step!(db, promise(request, owner, None, NOW));
                let _ = step!(db, confirm_handover(request, owner, None, NOW));
                let _ = step!(db, confirm_handover(request, person, None, NOW));
            });
            let second = db.clone();
            tasks.spawn(async move {
                let db = second;
                let _ = step!(db, back_out(request, person, NOW));
                let _ = step!(db, promise(request, owner, None, NOW));
            });
        }
        while let Some(joined) = tasks.join_next().await {
            joined.unwrap();
        }
        let statuses: Vec<String> =
            sqlx::query_scalar("SELECT status FROM item_requests WHERE item_id = $1")
                .bind(item)
                .fetch_all(db.pool())
                .await
                .unwrap();
        let holders = statuses
            .iter()
            .filter(|s| *s == "promised" || *s == "handed_over")
            .count();
        let item_status = status_of(db, item).await;
        match item_status {
            ItemStatus::Available => assert_eq!(holders, 0, "{statuses:?}"),
            ItemStatus::Promised | ItemStatus::HandedOver => {
                assert_eq!(holders, 1, "{statuses:?}")
            }
            other => panic!("unexpected item status {other:?}"),
        }
        if item_status == ItemStatus::HandedOver {
            assert_eq!(statuses.iter().filter(|s| *s == "handed_over").count(), 1);
            assert!(!statuses.iter().any(|s| s == "open"));
        }
        test.finish().await;
    }
}

/// One person asks for many listings at the same moment: the open-request limit still holds.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn requests_sent_at_once_stay_within_the_open_request_limit() {
    for test in each_backend().await {
        let db = &test.db;
        let p = people(db, 0, 2).await;
        let (owner, asker) = (p[0], p[1]);
        let mut listings = Vec::new();
        for n in 0..20 {
            listings.push(listing(db, owner, &format!("旧书 {n}"), "give").await);
        }
        let tasks: Vec<_> = listings
            .into_iter()
            .map(|item| {
                let db = db.clone();
                tokio::spawn(async move {
                    let mut tx = db.begin_write().await?;
                    let outcome =
                        requests::ask(&mut tx, item, asker, "我需要", LIMITS, NOW).await?;
                    tx.commit().await?;
                    Ok::<_, sqlx::Error>(outcome)
                })
            })
            .collect();
        let mut sent = 0;
        for task in tasks {
            match task.await.unwrap().expect("no request failed") {
                AskOutcome::Sent(_) => sent += 1,
                AskOutcome::TooManyOpen => {}
                other => panic!("{other:?}"),
            }
        }
        assert_eq!(sent, LIMITS.open_requests as usize);
        let open: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM item_requests WHERE requester_id = $1 AND status = 'open'",
        )
        .bind(asker)
        .fetch_one(db.pool())
        .await
        .unwrap();
        assert_eq!(open, i64::from(LIMITS.open_requests));
        test.finish().await;
    }
}
