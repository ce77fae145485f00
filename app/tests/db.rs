//! The database layer on SQLite, and on PostgreSQL when TEST_POSTGRES_URL is set.
use app::areas::{db as areas_db, model::Area, model::AreaKind};
use app::db::{testing::each_backend, BackupError, Db, DbKind};
use app::demo::seed_demo;

fn sample_area(code: &str) -> Area {
    Area {
        code: code.into(),
        kind: AreaKind::Subdistrict,
        parent_code: None,
        name_zh: "测试街道".into(),
        name_en: "Test Subdistrict".into(),
        lat: 26.58,
        lng: 106.71,
    }
}

#[tokio::test]
async fn opens_migrates_and_round_trips() {
    for test in each_backend().await {
        let db = &test.db;
        db.ping().await.unwrap();
        // Migrating an up-to-date database changes nothing.
        db.migrate().await.unwrap();

        let mut tx = db.begin_write().await.unwrap();
        assert!(
            areas_db::insert_if_absent(&mut tx, &sample_area("t-1"), 1_700_000_000)
                .await
                .unwrap()
        );
        let community = Area {
            code: "t-1-a".into(),
            kind: AreaKind::Community,
            parent_code: Some("t-1".into()),
            name_zh: "花果园社区".into(),
            ..sample_area("t-1-a")
        };
        assert!(
            areas_db::insert_if_absent(&mut tx, &community, 1_700_000_000)
                .await
                .unwrap()
        );
        // The same code again is not a second row.
        assert!(
            !areas_db::insert_if_absent(&mut tx, &sample_area("t-1"), 1_700_000_001)
                .await
                .unwrap()
        );
        tx.commit().await.unwrap();

        let areas = areas_db::list(db.pool()).await.unwrap();
        assert_eq!(
            areas,
            vec![sample_area("t-1"), community],
            "{:?}",
            db.kind()
        );
        let coverage = areas_db::coverage(db.pool()).await.unwrap();
        assert_eq!((coverage.subdistricts, coverage.communities), (1, 1));
        test.finish().await;
    }
}

#[tokio::test]
async fn a_rolled_back_write_leaves_nothing() {
    for test in each_backend().await {
        let db = &test.db;
        let mut tx = db.begin_write().await.unwrap();
        areas_db::insert_if_absent(&mut tx, &sample_area("t-2"), 0)
            .await
            .unwrap();
        tx.rollback().await.unwrap();
        assert!(areas_db::list(db.pool()).await.unwrap().is_empty());
        test.finish().await;
    }
}

#[tokio::test]
async fn constraints_and_foreign_keys_are_enforced() {
    for test in each_backend().await {
        let db = &test.db;
        let orphan = Area {
            code: "t-orphan".into(),
            kind: AreaKind::Community,
            parent_code: Some("does-not-exist".into()),
            ..sample_area("t-orphan")
        };
        let mut tx = db.begin_write().await.unwrap();
        let result = areas_db::insert_if_absent(&mut tx, &orphan, 0).await;
        assert!(
            result.is_err(),
            "foreign key not enforced on {:?}",
            db.kind()
        );
        drop(tx);

        let far = Area {
            lat: 123.0,
            ..sample_area("t-far")
        };
        let mut tx = db.begin_write().await.unwrap();
        assert!(areas_db::insert_if_absent(&mut tx, &far, 0).await.is_err());
        drop(tx);
        assert!(areas_db::list(db.pool()).await.unwrap().is_empty());
        test.finish().await;
    }
}

#[tokio::test]
async fn concurrent_read_then_write_transactions_all_succeed() {
    // BEGIN IMMEDIATE makes writers queue on the busy timeout instead of failing with "locked".
    for test in each_backend().await {
        let mut tasks = Vec::new();
        for i in 0..24 {
            let db = test.db.clone();
            tasks.push(tokio::spawn(async move {
                let mut tx = db.begin_write().await?;
                // Read first, then write: the pattern that deadlocks deferred SQLite transactions.
                let before: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM areas")
                    .fetch_one(&mut *tx)
                    .await?;
                areas_db::insert_if_absent(&mut tx, &sample_area(&format!("c-{i}")), before)
                    .await?;
                tx.commit().await
            }));
        }
        for task in tasks {
            task.await.unwrap().unwrap();
        }
        assert_eq!(areas_db::list(test.db.pool()).await.unwrap().len(), 24);
        test.finish().await;
    }
}

#[tokio::test]
async fn seed_demo_twice_leaves_the_same_data_as_once() {
    for test in each_backend().await {
        let db = &test.db;
        let first = seed_demo(db).await.unwrap();
        assert!(first.total() > 0);
        let after_once = areas_db::list(db.pool()).await.unwrap();
        assert_eq!(after_once.len() as u64, first.areas);

        let second = seed_demo(db).await.unwrap();
        assert_eq!(second.total(), 0);
        assert_eq!(areas_db::list(db.pool()).await.unwrap(), after_once);
        test.finish().await;
    }
}

#[tokio::test]
async fn backup_copies_sqlite_and_points_postgres_to_pg_dump() {
    for test in each_backend().await {
        let db = &test.db;
        app::testing::subdistrict(db, "yy-a", "甲街道", (26.58, 106.70)).await;
        app::testing::subdistrict(db, "yy-b", "乙街道", (26.59, 106.71)).await;
        let folder = tempfile::tempdir().unwrap();
        let target = folder.path().join("backups/copy.db");
        match db.kind() {
            DbKind::Sqlite => {
                db.backup(&target).await.unwrap();
                let copy = Db::connect(&format!("sqlite://{}", target.display()))
                    .await
                    .unwrap();
                assert_eq!(
                    areas_db::list(copy.pool()).await.unwrap(),
                    areas_db::list(db.pool()).await.unwrap()
                );
                copy.close().await;
                // Never overwrite an earlier backup.
                assert!(matches!(
                    db.backup(&target).await,
                    Err(BackupError::TargetExists(_))
                ));
            }
            DbKind::Postgres => {
                let err = db.backup(&target).await.unwrap_err();
                assert!(matches!(err, BackupError::UsePgDump));
                assert!(err.to_string().contains("pg_dump"));
            }
        }
        test.finish().await;
    }
}

/// The column helpers read back what they wrote on both databases: flags as 0/1 integers (also
/// when a query computes them with `CASE`), word lists as one comma-joined text.
#[tokio::test]
async fn flags_and_word_lists_round_trip() {
    use app::db::columns::{CommaList, Flag};
    for test in each_backend().await {
        let pool = test.db.pool();
        for value in [true, false] {
            let read: Flag = sqlx::query_scalar("SELECT CAST($1 AS BIGINT)")
                .bind(Flag(value))
                .fetch_one(pool)
                .await
                .unwrap();
            assert_eq!(bool::from(read), value);
        }
        let computed: Flag = sqlx::query_scalar("SELECT CASE WHEN 2 > 1 THEN 1 ELSE 0 END")
            .fetch_one(pool)
            .await
            .unwrap();
        assert!(bool::from(computed));
        let words: CommaList = [" 重阳", "", "探访 ", "老人"].into_iter().collect();
        let read: CommaList = sqlx::query_scalar("SELECT CAST($1 AS TEXT)")
            .bind(words.clone())
            .fetch_one(pool)
            .await
            .unwrap();
        assert_eq!(read, words);
        assert_eq!(read.into_vec(), ["重阳", "探访", "老人"]);
        let none: CommaList = sqlx::query_scalar("SELECT ''")
            .fetch_one(pool)
            .await
            .unwrap();
        assert!(none.into_vec().is_empty());
        test.finish().await;
    }
}
