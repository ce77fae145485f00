//! Reports on SQLite and (when TEST_POSTGRES_URL is set) PostgreSQL: one report per person, three
//! hide a listing, and an admin restores it or removes it (warning the poster).
use app::db::testing::each_backend;
use app::db::Db;
use app::items::db as items;
use app::items::filter::WantedItems;
use app::items::model::{ItemStatus, ReportReason};
use app::items::moderation::{decide, queue, report, Decision, ReportOutcome};
use app::notifications::db::inbox;
use app::notifications::model::Notice;

use app::testing;

use testing::{listing, neighbours as people};

const NOW: i64 = testing::START;

async fn report_as(db: &Db, item: i64, who: i64) -> ReportOutcome {
    let mut tx = db.begin_write().await.unwrap();
    let outcome = report(&mut tx, item, who, ReportReason::Scam, "要先转账", NOW)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    outcome
}

async fn decide_as(
    db: &Db,
    item: i64,
    admin: i64,
    decision: Decision,
    warning: Option<&str>,
) -> bool {
    let mut tx = db.begin_write().await.unwrap();
    let done = decide(&mut tx, item, admin, decision, warning, NOW)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    done
}

async fn listed_titles(db: &Db) -> Vec<String> {
    items::listed(db, &WantedItems::default(), NOW, items::PAGE_SIZE)
        .await
        .unwrap()
        .items
        .into_iter()
        .map(|i| i.title)
        .collect()
}

#[tokio::test]
async fn three_reports_hide_a_listing_until_an_admin_restores_it() {
    for test in each_backend().await {
        let db = &test.db;
        let p = people(db, 0, 5).await;
        let (owner, admin) = (p[0], p[4]);
        let item = listing(db, owner, "便宜转让手机", "give").await;
        assert_eq!(report_as(db, item, owner).await, ReportOutcome::OwnItem);
        assert_eq!(
            report_as(db, item, p[1]).await,
            ReportOutcome::Reported { hidden: false }
        );
        assert_eq!(
            report_as(db, item, p[1]).await,
            ReportOutcome::AlreadyReported
        );
        assert_eq!(
            report_as(db, item, p[2]).await,
            ReportOutcome::Reported { hidden: false }
        );
        assert_eq!(listed_titles(db).await, ["便宜转让手机"]);
        assert_eq!(
            report_as(db, item, p[3]).await,
            ReportOutcome::Reported { hidden: true }
        );
        assert!(listed_titles(db).await.is_empty());
        assert!(items::find(db.pool(), item).await.unwrap().unwrap().hidden);
        let notices = inbox(db.pool(), owner).await.unwrap();
        assert!(matches!(notices[0].notice, Notice::ItemHidden { .. }));

        let waiting = queue(db.pool()).await.unwrap();
        assert_eq!(waiting.len(), 1);
        assert!(waiting[0].hidden);
        assert_eq!(waiting[0].reports.len(), 3);
        assert_eq!(waiting[0].reports[0].details, "要先转账");

        assert!(decide_as(db, item, admin, Decision::Restore, None).await);
        assert_eq!(listed_titles(db).await, ["便宜转让手机"]);
        assert!(queue(db.pool()).await.unwrap().is_empty());
        // Nothing left to decide: a second admin's click changes nothing.
        assert!(!decide_as(db, item, admin, Decision::Remove, None).await);
        assert_eq!(listed_titles(db).await, ["便宜转让手机"]);
        test.finish().await;
    }
}

#[tokio::test]
async fn an_admin_removes_a_listing_and_warns_the_poster() {
    for test in each_backend().await {
        let db = &test.db;
        let p = people(db, 0, 3).await;
        let (owner, admin) = (p[0], p[2]);
        let item = listing(db, owner, "处方药", "give").await;
        assert_eq!(
            report_as(db, item, p[1]).await,
            ReportOutcome::Reported { hidden: false }
        );
        // One report is enough to be in the queue, still listed.
        assert!(!queue(db.pool()).await.unwrap()[0].hidden);
        let warning = "处方药不能在平台上转送，请交给药店回收。";
        assert!(decide_as(db, item, admin, Decision::Remove, Some(warning)).await);
        let removed = items::find(db.pool(), item).await.unwrap().unwrap();
        assert_eq!(removed.status, ItemStatus::Withdrawn);
        assert!(removed.hidden);
        assert!(listed_titles(db).await.is_empty());
        let notices: Vec<Notice> = inbox(db.pool(), owner)
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.notice)
            .collect();
        assert!(notices
            .iter()
            .any(|n| matches!(n, Notice::ItemRemoved { .. })));
        assert!(notices
            .iter()
            .any(|n| matches!(n, Notice::ItemWarning { text, .. } if text == warning)));
        test.finish().await;
    }
}
