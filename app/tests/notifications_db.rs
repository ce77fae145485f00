//! Notifications in the database, on SQLite and (when TEST_POSTGRES_URL is set) PostgreSQL.
use app::accounts::session;
use app::db::testing::each_backend;
use app::db::Db;
use app::i18n::Lang;
use app::me::personal_data::erase;
use app::notifications::db as notifications;
use app::notifications::model::{Notice, NoticeKind};
use app::orgs::model::{OrgRole, Verification};
use app::testing;

fn added(org_name: &str) -> Notice {
    Notice::AddedToTeam {
        org_id: 7,
        org_name: org_name.into(),
        role: OrgRole::Coordinator,
    }
}

/// The unread count a page sees: the one read with the person's session.
async fn unread(db: &Db, user: i64) -> i64 {
    let mut conn = db.pool().acquire().await.unwrap();
    let started = session::start_session(&mut conn, user, 1).await.unwrap();
    drop(conn);
    let signed_in = session::user_for_token(db.pool(), &started.token, 2)
        .await
        .unwrap()
        .expect("a live session");
    signed_in.unread_notifications
}

async fn email_states(db: &Db, user: i64) -> Vec<String> {
    sqlx::query_scalar("SELECT email_state FROM notifications WHERE user_id = $1 ORDER BY id")
        .bind(user)
        .fetch_all(db.pool())
        .await
        .unwrap()
}

#[tokio::test]
async fn notify_then_read_in_the_inbox() {
    for test in each_backend().await {
        let db = &test.db;
        let me = testing::person(db, "13800000021", "邻居").await;
        let other = testing::person(db, "13800000022", "邻居").await;
        let mut tx = db.begin_write().await.unwrap();
        let first = notifications::notify(&mut tx, me, &added("互助社"), 10)
            .await
            .unwrap();
        let reviewed = Notice::OrgReviewed {
            org_id: 7,
            org_name: "互助社".into(),
            outcome: Verification::Rejected,
            reason: Some("请补充地址".into()),
        };
        notifications::notify(&mut tx, me, &reviewed, 20)
            .await
            .unwrap();
        notifications::notify(&mut tx, other, &added("别家"), 30)
            .await
            .unwrap();
        tx.commit().await.unwrap();

        let inbox = notifications::inbox(db.pool(), me).await.unwrap();
        assert_eq!(
            inbox.iter().map(|e| &e.notice).collect::<Vec<_>>(),
            [&reviewed, &added("互助社")]
        );
        assert_eq!(inbox[0].notice.detail(), Some("请补充地址"));
        assert!(inbox[0].notice.text(Lang::Zh).contains("未通过"));
        assert!(inbox[0].notice.text(Lang::En).contains("not verified"));
        assert_eq!(unread(db, me).await, 2);

        // Someone else's notification cannot be opened; one's own is marked read once.
        let mut tx = db.begin_write().await.unwrap();
        assert_eq!(
            notifications::mark_read(&mut tx, other, first, 40)
                .await
                .unwrap(),
            None
        );
        let opened = notifications::mark_read(&mut tx, me, first, 40)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        assert_eq!(opened.map(|n| n.link()), Some("/orgs/7".to_string()));
        assert_eq!(unread(db, me).await, 1);
        assert_eq!(unread(db, other).await, 1);

        let mut tx = db.begin_write().await.unwrap();
        assert_eq!(
            notifications::mark_all_read(&mut tx, me, 50).await.unwrap(),
            1
        );
        tx.commit().await.unwrap();
        assert_eq!(unread(db, me).await, 0);
        assert!(notifications::inbox(db.pool(), me)
            .await
            .unwrap()
            .iter()
            .all(|e| e.read));
        test.finish().await;
    }
}

#[tokio::test]
async fn email_is_queued_only_for_email_accounts_that_want_it() {
    for test in each_backend().await {
        let db = &test.db;
        let by_mobile = testing::person(db, "13800000023", "邻居").await;
        let by_email = testing::person(db, "linju@example.cn", "邻居").await;
        let mut tx = db.begin_write().await.unwrap();
        notifications::notify(&mut tx, by_mobile, &added("甲"), 1)
            .await
            .unwrap();
        notifications::notify(&mut tx, by_email, &added("甲"), 1)
            .await
            .unwrap();
        notifications::set_email_choice(&mut tx, by_email, NoticeKind::OrgTeam, false)
            .await
            .unwrap();
        notifications::notify(&mut tx, by_email, &added("乙"), 2)
            .await
            .unwrap();
        notifications::set_email_choice(&mut tx, by_email, NoticeKind::OrgTeam, true)
            .await
            .unwrap();
        notifications::notify(&mut tx, by_email, &added("丙"), 3)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        assert_eq!(email_states(db, by_mobile).await, ["none"]);
        assert_eq!(
            email_states(db, by_email).await,
            ["pending", "none", "pending"]
        );
        let choices = notifications::email_choices(db.pool(), by_email)
            .await
            .unwrap();
        assert!(choices.iter().all(|c| c.email));
        assert!(notifications::has_email_address(db.pool(), by_email)
            .await
            .unwrap());
        assert!(!notifications::has_email_address(db.pool(), by_mobile)
            .await
            .unwrap());

        // Deleting the account takes its notifications; nobody is notified after that.
        let mut tx = db.begin_write().await.unwrap();
        erase(&mut tx, by_email, 4).await.unwrap();
        assert_eq!(
            notifications::notify(&mut tx, by_email, &added("丁"), 5)
                .await
                .unwrap(),
            0
        );
        tx.commit().await.unwrap();
        assert!(email_states(db, by_email).await.is_empty());
        test.finish().await;
    }
}

#[tokio::test]
async fn pending_emails_are_sent_in_the_readers_language() {
    use app::notifications::mail::{Mailer, MAIL_WITHIN_SECONDS};
    use app::outbox::Outbox;
    for test in each_backend().await {
        let db = &test.db;
        let folder = tempfile::tempdir().unwrap();
        let mailer = Mailer::folder(
            folder.path().to_path_buf(),
            "云益享 <noreply@example.cn>",
            Some("https://yyx.example.cn/".into()),
        )
        .unwrap();
        let outbox = Outbox::new(None, Some(std::sync::Arc::new(mailer)), [7; 32]);
        let reader = testing::person(db, "reader@example.cn", "邻居").await;
        let by_mobile = testing::person(db, "13800000024", "邻居").await;
        let now = 1_800_000_000;
        let mut tx = db.begin_write().await.unwrap();
        app::accounts::db::set_lang(&mut tx, reader, Lang::En)
            .await
            .unwrap();
        notifications::notify(
            &mut tx,
            reader,
            &added("Sunshine Elder Care"),
            now - MAIL_WITHIN_SECONDS - 1,
        )
        .await
        .unwrap();
        notifications::notify(&mut tx, reader, &added("互助社"), now)
            .await
            .unwrap();
        notifications::notify(&mut tx, by_mobile, &added("互助社"), now)
            .await
            .unwrap();
        tx.commit().await.unwrap();

        assert_eq!(outbox.send_due(db, now).await.unwrap(), 1);
        // The stale one is given up, the fresh one sent, the mobile account never had one.
        assert_eq!(email_states(db, reader).await, ["failed", "sent"]);
        assert_eq!(email_states(db, by_mobile).await, ["none"]);
        assert_eq!(
            outbox.send_due(db, now + 10).await.unwrap(),
            0,
            "sent once only"
        );

        let emails: Vec<String> = std::fs::read_dir(folder.path())
            .unwrap()
            .map(|entry| std::fs::read_to_string(entry.unwrap().path()).unwrap())
            .collect();
        assert_eq!(emails.len(), 1);
        let email = &emails[0];
        assert!(email.contains("To: reader@example.cn"), "{email}");
        assert!(
            email.contains("From: =?utf-8?") || email.contains("From: "),
            "{email}"
        );
        test.finish().await;
    }
}
