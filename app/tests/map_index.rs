//! The map's in-memory index against the database, on SQLite and (when TEST_POSTGRES_URL is set)
//! PostgreSQL: it reloads itself after any change to a place, also when another server (another
//! index over the same database) made the change.
#![cfg(feature = "ssr")]

use app::db::testing::each_backend;
use app::map::cluster::BBox;
use app::map::index::MapIndex;
use app::map::view::MapFilter;

/// Yunyan district and a little around it.
const DISTRICT: BBox = BBox {
    south: 26.50,
    west: 106.60,
    north: 26.68,
    east: 106.80,
};

#[tokio::test]
async fn the_index_follows_every_change_to_the_places() {
    for test in each_backend().await {
        let db = &test.db;
        app::demo::seed_demo(db).await.unwrap();
        let everything = MapFilter::everything();
        let (this_server, other_server) = (MapIndex::default(), MapIndex::default());

        let before = this_server.snapshot(db.pool()).await.unwrap();
        let shown = before.view(DISTRICT, 12, &everything).total;
        assert!(shown >= 10, "the demo organisations are on the map");
        // The same copy serves requests until something changes.
        let again = this_server.snapshot(db.pool()).await.unwrap();
        assert!(std::sync::Arc::ptr_eq(&before, &again));

        // Another server moves a library out of the district; this one sees it at once.
        other_server.snapshot(db.pool()).await.unwrap();
        let mut tx = db.begin_write().await.unwrap();
        sqlx::query("UPDATE organisations SET lat = 30.0 WHERE name = '黔书房公益图书馆'")
            .execute(&mut *tx)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        let after = this_server.snapshot(db.pool()).await.unwrap();
        assert_eq!(after.view(DISTRICT, 12, &everything).total, shown - 1);
        // The library itself (its events, held in its rooms, stay where they are).
        let search = MapFilter::parse(Some("orgs"), None, Some("图书馆")).unwrap();
        assert_eq!(after.count_in_area(DISTRICT, &search), 0);

        // A rejected organisation leaves the map, and so do its events (one upcoming in the demo).
        let mut tx = db.begin_write().await.unwrap();
        sqlx::query("UPDATE organisations SET verification = 'rejected', rejection_reason = 'x' WHERE name = '黔味善食爱心餐厅'")
            .execute(&mut *tx)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        let later = other_server.snapshot(db.pool()).await.unwrap();
        assert_eq!(later.view(DISTRICT, 12, &everything).total, shown - 3);
        test.finish().await;
    }
}
