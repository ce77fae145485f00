//! The outbox on SQLite and (when TEST_POSTGRES_URL is set) PostgreSQL: a message is claimed by
//! one sender at a time, kept for a retry or given up by the rules, emptied once done with, and
//! two server instances on one database send each message exactly once. Named leases too.
use app::db::testing::{each_backend, TestDb};
use app::db::Db;
use app::locales::Lang;
use app::outbox::queue::{
    claim_due, enqueue_once, finish, renew, Outcome, State, Window, LEASE_SECONDS, MAX_ATTEMPTS,
};
use app::outbox::{lease, Channel, Outbox, Outgoing};
use std::sync::Arc;

const NOW: i64 = 1_800_000_000;
/// The server key the codes are sealed with.
const KEY: [u8; 32] = [7; 32];

fn code_to(to: &str) -> Outgoing {
    Outgoing::Code {
        to: to.to_string(),
        seal: "5eal".to_string(),
        lang: Lang::Zh,
    }
}

async fn queue(db: &Db, message: &Outgoing, give_up_at: i64) -> i64 {
    let mut tx = db.begin_write().await.unwrap();
    let id = enqueue_once(
        &mut tx,
        message,
        None,
        NOW,
        Window::from_now(NOW, give_up_at),
    )
    .await
    .unwrap()
    .unwrap();
    tx.commit().await.unwrap();
    id
}

async fn row(db: &Db, id: i64) -> (String, String, i64, Option<String>) {
    sqlx::query_as("SELECT state, payload, attempts, outcome FROM outbox WHERE id = $1")
        .bind(id)
        .fetch_one(db.pool())
        .await
        .unwrap()
}

#[tokio::test]
async fn a_claimed_message_is_one_senders_until_its_lease_runs_out() {
    for test in each_backend().await {
        let db = &test.db;
        let id = queue(db, &code_to("13808520001"), NOW + 300).await;
        let first = claim_due(db, Channel::Sms, 10, NOW).await.unwrap();
        assert_eq!(first.len(), 1);
        assert_eq!(first[0].message(), Some(code_to("13808520001")));
        // Mail is another channel; and a held row is nobody else's.
        assert!(claim_due(db, Channel::Mail, 10, NOW)
            .await
            .unwrap()
            .is_empty());
        assert!(claim_due(db, Channel::Sms, 10, NOW + LEASE_SECONDS)
            .await
            .unwrap()
            .is_empty());
        // The first sender stopped mid-way: once its lease has run out another takes the row over,
        // and what the first one reports afterwards is not written.
        let second = claim_due(db, Channel::Sms, 10, NOW + LEASE_SECONDS + 1)
            .await
            .unwrap();
        assert_eq!((second.len(), second[0].attempts), (1, 2));
        // The first one may not send it any more, nor record anything.
        assert!(!renew(db, &first[0], NOW + 62).await.unwrap());
        let late = finish(db, &first[0], Outcome::Failed("late".into()), NOW + 62).await;
        assert_eq!(late.unwrap(), None);
        assert!(renew(db, &second[0], NOW + 62).await.unwrap());
        let sent = finish(db, &second[0], Outcome::Sent("biz-1".into()), NOW + 62).await;
        assert_eq!(sent.unwrap(), Some(State::Sent));
        // Done with: the number and the code are gone; the state, a masked number and the
        // provider's id stay.
        assert_eq!(
            row(db, id).await,
            ("sent".into(), String::new(), 2, Some("biz-1".into()))
        );
        let recipient: String = sqlx::query_scalar("SELECT recipient FROM outbox")
            .fetch_one(db.pool())
            .await
            .unwrap();
        assert_eq!(recipient, "138****0001");
        assert!(claim_due(db, Channel::Sms, 10, NOW + 9999)
            .await
            .unwrap()
            .is_empty());
        test.finish().await;
    }
}

#[tokio::test]
async fn failures_are_retried_later_then_given_up() {
    for test in each_backend().await {
        let db = &test.db;
        // Worth retrying: queued again, not before the wait is over.
        let id = queue(db, &code_to("13808520002"), NOW + 3600).await;
        let mut at = NOW;
        for attempt in 1..MAX_ATTEMPTS {
            let claimed = claim_due(db, Channel::Sms, 10, at).await.unwrap();
            assert_eq!(claimed.len(), 1, "try {attempt}");
            finish(
                db,
                &claimed[0],
                Outcome::Again("provider timed out".into()),
                at,
            )
            .await
            .unwrap();
            let (state, payload, attempts, _) = row(db, id).await;
            assert_eq!((state.as_str(), attempts), ("queued", attempt));
            assert!(!payload.is_empty());
            let wait = app::outbox::queue::backoff(attempt);
            assert!(claim_due(db, Channel::Sms, 10, at + wait - 1)
                .await
                .unwrap()
                .is_empty());
            at += wait;
        }
        // The last try fails too: given up, emptied.
        let claimed = claim_due(db, Channel::Sms, 10, at).await.unwrap();
        finish(
            db,
            &claimed[0],
            Outcome::Again("provider timed out".into()),
            at,
        )
        .await
        .unwrap();
        let (state, payload, _, outcome) = row(db, id).await;
        assert_eq!((state.as_str(), payload.as_str()), ("failed", ""));
        assert_eq!(outcome.as_deref(), Some("provider timed out"));

        // Refused: given up at once.
        let refused = queue(db, &code_to("13808520003"), NOW + 3600).await;
        let claimed = claim_due(db, Channel::Sms, 10, NOW).await.unwrap();
        finish(
            db,
            &claimed[0],
            Outcome::Failed("aliyun 200 isv.MOBILE_NUMBER_ILLEGAL".into()),
            NOW,
        )
        .await
        .unwrap();
        assert_eq!(row(db, refused).await.0, "failed");

        // A code whose next try would come after it expires is not tried again.
        let short = queue(db, &code_to("13808520004"), NOW + 10).await;
        let claimed = claim_due(db, Channel::Sms, 10, NOW).await.unwrap();
        finish(db, &claimed[0], Outcome::Again("busy".into()), NOW)
            .await
            .unwrap();
        assert_eq!(row(db, short).await.0, "expired");
        test.finish().await;
    }
}

/// Sends rounds at `now` until one sends nothing; how many messages were sent. Two of these at
/// once are two server instances at work on one database.
pub async fn rounds_until_done(db: &Db, outbox: &Outbox, now: i64) -> usize {
    let mut sent = 0;
    loop {
        match outbox.send_due(db, now).await.unwrap() {
            0 => return sent,
            n => sent += n,
        }
    }
}

/// What the senders wrote into `dir`: the number each file went to.
fn numbers_in(dir: &std::path::Path) -> Vec<String> {
    let mut numbers: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
                .map(|e| {
                    let text = std::fs::read_to_string(e.path()).unwrap();
                    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
                    json["to"].as_str().unwrap().to_string()
                })
                .collect()
        })
        .unwrap_or_default();
    numbers.sort();
    numbers
}

/// One server instance: its own pool on the shared database, its own folder for what it sends.
async fn instance(test: &TestDb, name: &str) -> (Db, Arc<Outbox>, std::path::PathBuf) {
    let db = Db::connect(&test.url).await.unwrap();
    let dir = test.files.join(name);
    let sms = app::sms::SmsTransport::folder(dir.clone()).unwrap();
    (
        db,
        Arc::new(Outbox::new(Some(Arc::new(sms)), None, KEY)),
        dir,
    )
}

#[tokio::test]
async fn two_instances_on_one_database_send_each_message_once() {
    for test in each_backend().await {
        let numbers: Vec<String> = (0..40).map(|n| format!("138085300{n:02}")).collect();
        for number in &numbers {
            queue(&test.db, &code_to(number), NOW + 300).await;
        }
        let (db_a, a, dir_a) = instance(&test, "a").await;
        let (db_b, b, dir_b) = instance(&test, "b").await;
        // Both send rounds at the same time until nothing is left.
        let (sent_a, sent_b) = tokio::join!(
            rounds_until_done(&db_a, &a, NOW),
            rounds_until_done(&db_b, &b, NOW)
        );
        assert_eq!(sent_a + sent_b, numbers.len());
        let mut all = numbers_in(&dir_a);
        all.extend(numbers_in(&dir_b));
        all.sort();
        assert_eq!(all, numbers, "each number exactly once");
        let unsent: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE state <> 'sent'")
            .fetch_one(test.db.pool())
            .await
            .unwrap();
        assert_eq!(unsent, 0);
        db_a.close().await;
        db_b.close().await;
        test.finish().await;
    }
}

#[tokio::test]
async fn two_instances_mail_each_notification_once() {
    use app::notifications::{db::notify, mail::Mailer, model::Notice};
    for test in each_backend().await {
        let now = app::db::now_unix();
        let mut readers = Vec::new();
        let mut ids = Vec::new();
        for n in 0..12 {
            let address = format!("reader{n:02}@example.cn");
            ids.push(app::testing::person(&test.db, &address, "邻居").await);
            readers.push(address);
        }
        let mut tx = test.db.begin_write().await.unwrap();
        for reader in ids {
            let notice = Notice::AddedToTeam {
                org_id: 7,
                org_name: "互助社".into(),
                role: app::orgs::model::OrgRole::Coordinator,
            };
            notify(&mut tx, reader, &notice, now).await.unwrap();
        }
        tx.commit().await.unwrap();
        let mail_instance = |name: &'static str| {
            let test = &test;
            async move {
                let db = Db::connect(&test.url).await.unwrap();
                let dir = test.files.join(name);
                let mailer = Mailer::folder(dir.clone(), "云益享 <noreply@example.cn>", None);
                (
                    db,
                    Arc::new(Outbox::new(None, Some(Arc::new(mailer.unwrap())), KEY)),
                    dir,
                )
            }
        };
        let (db_a, a, dir_a) = mail_instance("mail-a").await;
        let (db_b, b, dir_b) = mail_instance("mail-b").await;
        let (sent_a, sent_b) = tokio::join!(
            rounds_until_done(&db_a, &a, now),
            rounds_until_done(&db_b, &b, now)
        );
        assert_eq!(sent_a + sent_b, readers.len());
        let mut to: Vec<String> = [dir_a, dir_b]
            .iter()
            .flat_map(|dir| std::fs::read_dir(dir).into_iter().flatten().flatten())
            .map(|e| {
                let text = std::fs::read_to_string(e.path()).unwrap();
                let line = text.lines().find(|l| l.starts_with("To: ")).unwrap();
                line.trim_start_matches("To: ").to_string()
            })
            .collect();
        to.sort();
        assert_eq!(to, readers, "each reader mailed exactly once");
        let states: Vec<String> =
            sqlx::query_scalar("SELECT DISTINCT email_state FROM notifications")
                .fetch_all(test.db.pool())
                .await
                .unwrap();
        assert_eq!(states, ["sent"]);
        db_a.close().await;
        db_b.close().await;
        test.finish().await;
    }
}

#[tokio::test]
async fn a_code_is_kept_sealed_and_sent_opened() {
    for test in each_backend().await {
        let seal = app::secrets::new_seal();
        let message = Outgoing::Code {
            to: "13808520006".into(),
            seal: seal.clone(),
            lang: Lang::Zh,
        };
        let id = queue(&test.db, &message, NOW + 300).await;
        let code = app::secrets::code_from_seal(&KEY, &seal);
        let (_, payload, _, _) = row(&test.db, id).await;
        assert!(
            !payload.contains(&code),
            "the outbox holds no code: {payload}"
        );
        let (db, outbox, dir) = instance(&test, "sealed").await;
        assert_eq!(outbox.send_due(&db, NOW).await.unwrap(), 1);
        let file = std::fs::read_dir(&dir).unwrap().flatten().next().unwrap();
        let json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(file.path()).unwrap()).unwrap();
        assert_eq!(json["params"]["code"], code.as_str());
        db.close().await;
        test.finish().await;
    }
}

#[tokio::test]
async fn what_no_sender_took_is_emptied_once_past_its_time() {
    for test in each_backend().await {
        // Queued for SMS on a site whose SMS setting was removed since: nobody claims it.
        let id = queue(&test.db, &code_to("13808520007"), NOW + 300).await;
        app::outbox::queue::forget_old(&test.db, NOW + 299)
            .await
            .unwrap();
        assert_eq!(row(&test.db, id).await.0, "queued");
        app::outbox::queue::forget_old(&test.db, NOW + 301)
            .await
            .unwrap();
        let (state, payload, _, _) = row(&test.db, id).await;
        assert_eq!((state.as_str(), payload.as_str()), ("expired", ""));
        // A week after it is done with, it is forgotten.
        app::outbox::queue::forget_old(&test.db, NOW + 301 + 7 * 24 * 3600 + 1)
            .await
            .unwrap();
        let left: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox")
            .fetch_one(test.db.pool())
            .await
            .unwrap();
        assert_eq!(left, 0);
        test.finish().await;
    }
}

#[tokio::test]
async fn a_message_past_its_time_is_not_sent() {
    for test in each_backend().await {
        let id = queue(&test.db, &code_to("13808520005"), NOW + 300).await;
        let (db, outbox, dir) = instance(&test, "late").await;
        assert_eq!(outbox.send_due(&db, NOW + 300).await.unwrap(), 0);
        assert_eq!(row(&test.db, id).await.0, "expired");
        assert!(numbers_in(&dir).is_empty());
        db.close().await;
        test.finish().await;
    }
}

#[tokio::test]
async fn a_named_lease_has_one_holder_until_it_runs_out() {
    for test in each_backend().await {
        let db = &test.db;
        assert!(lease::take(db, "reminders", "a", NOW, 60).await.unwrap());
        assert!(!lease::take(db, "reminders", "b", NOW + 30, 60)
            .await
            .unwrap());
        // Renewed by its holder, it lasts longer.
        assert!(lease::take(db, "reminders", "a", NOW + 50, 60)
            .await
            .unwrap());
        assert!(!lease::take(db, "reminders", "b", NOW + 100, 60)
            .await
            .unwrap());
        // Another name is another lease.
        assert!(lease::take(db, "upkeep", "b", NOW + 100, 60).await.unwrap());
        // Run out: taken over.
        assert!(lease::take(db, "reminders", "b", NOW + 111, 60)
            .await
            .unwrap());
        assert!(!lease::take(db, "reminders", "a", NOW + 112, 60)
            .await
            .unwrap());
        // Given up at a clean stop: free at once.
        lease::give_up(db, "reminders", "b").await.unwrap();
        assert!(lease::take(db, "reminders", "a", NOW + 113, 60)
            .await
            .unwrap());
        test.finish().await;
    }
}
