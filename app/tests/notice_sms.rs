//! Notices by SMS, on SQLite and (when TEST_POSTGRES_URL is set) PostgreSQL: only the few where
//! timing matters, only to proved numbers whose person left SMS on for the kind, never in the
//! quiet hours (held until 08:00 China time), no more a month than the cap, each exactly once.
use super::outbox::rounds_until_done;
use app::db::testing::{each_backend, TestDb};
use app::db::Db;
use app::notifications::db::{notify, set_sms_choice};
use app::notifications::model::{Notice, NoticeKind, SmsMonthlyCap};
use app::outbox::Outbox;
use std::sync::Arc;

/// 2027-01-15 00:00 China time.
const MIDNIGHT: i64 = 1_799_942_400;
/// 10:00 that morning.
const MORNING: i64 = MIDNIGHT + 10 * 3600;

fn promoted(title: &str) -> Notice {
    Notice::PromotedFromWaitlist {
        event_id: 4,
        title: title.into(),
    }
}

async fn tell(db: &Db, user: i64, notice: &Notice, at: i64) -> i64 {
    let mut tx = db.begin_write().await.unwrap();
    let id = notify(&mut tx, user, notice, at).await.unwrap();
    tx.commit().await.unwrap();
    id
}

async fn sms_state(db: &Db, id: i64) -> String {
    sqlx::query_scalar("SELECT sms_state FROM notifications WHERE id = $1")
        .bind(id)
        .fetch_one(db.pool())
        .await
        .unwrap()
}

/// An outbox that writes SMS into `dir`, with `cap` a month per person.
fn outbox(dir: &std::path::Path, cap: i64) -> Outbox {
    let sms = app::sms::SmsTransport::folder(dir.to_path_buf()).unwrap();
    Outbox::new(Some(Arc::new(sms)), None, [3; 32]).with_monthly_cap(SmsMonthlyCap(cap))
}

/// The SMS written into `dir`: (number, template, title).
fn texts(dir: &std::path::Path) -> Vec<(String, String, String)> {
    let mut all: Vec<(String, String, String)> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| {
            let json: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(e.path()).unwrap()).unwrap();
            let field = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_string();
            (
                field(&json["to"]),
                field(&json["template"]),
                field(&json["params"]["title"]),
            )
        })
        .collect();
    all.sort();
    all
}

#[tokio::test]
async fn only_timely_notices_reach_proved_numbers_that_want_them() {
    for test in each_backend().await {
        let db = &test.db;
        let proved = app::testing::person(db, "13808540001", "邻居").await;
        let unproved = app::testing::unverified_person(db, "13808540002", "邻居").await;
        let by_email = app::testing::person(db, "lin@example.cn", "邻居").await;
        let switched_off = app::testing::person(db, "13808540003", "邻居").await;
        let mut tx = db.begin_write().await.unwrap();
        set_sms_choice(&mut tx, switched_off, NoticeKind::Events, false)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        let yes = tell(
            db,
            proved,
            &promoted("重阳节 敬老义剪 http://x.cn"),
            MORNING,
        )
        .await;
        let message = Notice::EventMessage {
            event_id: 4,
            title: "义剪".into(),
            text: "带上梳子".into(),
        };
        let not_timely = tell(db, proved, &message, MORNING).await;
        let not_proved = tell(db, unproved, &promoted("义剪"), MORNING).await;
        let no_number = tell(db, by_email, &promoted("义剪"), MORNING).await;
        let turned_off = tell(db, switched_off, &promoted("义剪"), MORNING).await;
        for id in [not_timely, not_proved, no_number, turned_off] {
            assert_eq!(sms_state(db, id).await, "none");
        }
        assert_eq!(sms_state(db, yes).await, "pending");

        let dir = test.files.join("sms");
        assert_eq!(outbox(&dir, 10).send_due(db, MORNING).await.unwrap(), 1);
        assert_eq!(sms_state(db, yes).await, "sent");
        // The title travels short and without anything that reads as a link.
        let sent = texts(&dir);
        assert_eq!(
            sent,
            [(
                "13808540001".to_string(),
                "waitlist_place".to_string(),
                "重阳节 敬老义剪 http x cn".to_string()
            )]
        );
        assert_eq!(
            outbox(&dir, 10).send_due(db, MORNING + 60).await.unwrap(),
            0
        );
        test.finish().await;
    }
}

#[tokio::test]
async fn a_notice_in_the_quiet_hours_waits_for_eight_in_the_morning() {
    for test in each_backend().await {
        let db = &test.db;
        let person = app::testing::person(db, "13808540011", "邻居").await;
        let late = MIDNIGHT + 22 * 3600;
        let id = tell(db, person, &promoted("义剪"), late).await;
        let dir = test.files.join("sms");
        let outbox = outbox(&dir, 10);
        assert_eq!(outbox.send_due(db, late).await.unwrap(), 0);
        assert_eq!(sms_state(db, id).await, "queued");
        let next_morning = MIDNIGHT + 24 * 3600 + 8 * 3600;
        assert_eq!(outbox.send_due(db, next_morning - 1).await.unwrap(), 0);
        assert!(texts(&dir).is_empty());
        assert_eq!(outbox.send_due(db, next_morning).await.unwrap(), 1);
        assert_eq!(sms_state(db, id).await, "sent");
        test.finish().await;
    }
}

#[tokio::test]
async fn no_more_a_month_than_the_cap() {
    for test in each_backend().await {
        let db = &test.db;
        let person = app::testing::person(db, "13808540021", "邻居").await;
        let dir = test.files.join("sms");
        let outbox = outbox(&dir, 2);
        let mut ids = Vec::new();
        for n in 0..3 {
            ids.push(tell(db, person, &promoted(&format!("活动{n}")), MORNING).await);
        }
        assert_eq!(outbox.send_due(db, MORNING).await.unwrap(), 2);
        let mut states = Vec::new();
        for id in &ids {
            states.push(sms_state(db, *id).await);
        }
        assert_eq!(states, ["sent", "sent", "skipped"]);
        // A new month, a new count.
        let february = 1_801_411_200 + 10 * 3600;
        let next = tell(db, person, &promoted("二月的活动"), february).await;
        assert_eq!(outbox.send_due(db, february).await.unwrap(), 1);
        assert_eq!(sms_state(db, next).await, "sent");
        test.finish().await;
    }
}

#[tokio::test]
async fn two_instances_text_each_notice_once_within_the_cap() {
    for test in each_backend().await {
        let people = 6;
        let mut ids = Vec::new();
        for n in 0..people {
            let person = app::testing::person(&test.db, &format!("138085400{n:02}"), "邻居").await;
            for k in 0..3 {
                ids.push(tell(&test.db, person, &promoted(&format!("活动{k}")), MORNING).await);
            }
        }
        let instance = |name: &'static str| {
            let test: &TestDb = &test;
            async move {
                let db = Db::connect(&test.url).await.unwrap();
                let dir = test.files.join(name);
                (db, Arc::new(outbox(&dir, 2)), dir)
            }
        };
        let (db_a, a, dir_a) = instance("a").await;
        let (db_b, b, dir_b) = instance("b").await;
        let (sent_a, sent_b) = tokio::join!(
            rounds_until_done(&db_a, &a, MORNING),
            rounds_until_done(&db_b, &b, MORNING)
        );
        // Two a person, each once.
        assert_eq!(sent_a + sent_b, people * 2);
        let mut all = texts(&dir_a);
        all.extend(texts(&dir_b));
        let mut numbers: Vec<String> = all.into_iter().map(|(to, _, _)| to).collect();
        numbers.sort();
        let mut expected: Vec<String> = (0..people)
            .flat_map(|n| [format!("138085400{n:02}"), format!("138085400{n:02}")])
            .collect();
        expected.sort();
        assert_eq!(numbers, expected);
        db_a.close().await;
        db_b.close().await;
        test.finish().await;
    }
}

#[tokio::test]
async fn a_notice_without_a_template_at_the_provider_stays_in_the_inbox() {
    for test in each_backend().await {
        let db = &test.db;
        let person = app::testing::person(db, "13808540031", "邻居").await;
        let id = tell(db, person, &promoted("义剪"), MORNING).await;
        // Only the code template is set up at this provider (nothing is sent to it here).
        let url = "aliyun+http://k:s@127.0.0.1:9?sign=s&verification_code=SMS_1";
        let provider = app::sms::SmsProvider::from_url(url).unwrap();
        let sms = app::sms::SmsTransport::provider(provider);
        let outbox = Outbox::new(Some(Arc::new(sms)), None, [3; 32]);
        assert_eq!(outbox.send_due(db, MORNING).await.unwrap(), 0);
        assert_eq!(sms_state(db, id).await, "skipped");
        test.finish().await;
    }
}

#[tokio::test]
async fn a_stale_notice_or_one_switched_off_meanwhile_is_not_texted() {
    for test in each_backend().await {
        let db = &test.db;
        let person = app::testing::person(db, "13808540041", "邻居").await;
        let dir = test.files.join("sms");
        let outbox = outbox(&dir, 10);
        // Marked while no SMS was set up, seven hours ago: not sent late.
        let old = tell(db, person, &promoted("早上的活动"), MORNING - 7 * 3600).await;
        // Held through the night, then switched off before the morning.
        let late = MIDNIGHT + 23 * 3600;
        let held = tell(db, person, &promoted("晚上的活动"), late).await;
        assert_eq!(outbox.send_due(db, late).await.unwrap(), 0);
        assert_eq!(sms_state(db, old).await, "skipped");
        assert_eq!(sms_state(db, held).await, "queued");
        let mut tx = db.begin_write().await.unwrap();
        set_sms_choice(&mut tx, person, NoticeKind::Events, false)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        let morning = MIDNIGHT + 32 * 3600;
        assert_eq!(outbox.send_due(db, morning).await.unwrap(), 0);
        assert_eq!(sms_state(db, held).await, "failed");
        assert!(texts(&dir).is_empty());
        test.finish().await;
    }
}
