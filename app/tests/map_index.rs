//! The map's in-memory index against the database, on SQLite and (when TEST_POSTGRES_URL is set)
//! PostgreSQL: it reloads itself after any change to a place, also when another server (another
//! index over the same database) made the change.
use app::db::testing::each_backend;
use app::geo::BBox;
use app::map::index::MapIndex;
use app::map::model::Layer;
use app::map::view::{MapFilter, MapMarker};

/// Six places, each with a name of its own and every layer among them: a library, a restaurant's
/// charity and its event next week (社区义诊), a food bank, a listing, and a cooperative member
/// who shows.
async fn one_of_each_layer(db: &app::db::Db) {
    use app::events::model::EventStatus;
    use app::help::model::{Audience::Everyone, FieldGroup};
    use app::orgs::model::OrgKind;
    use app::resources::model::ResourceKind;
    use app::testing::{self, neighbour};
    testing::org_at(db, "书香公益图书馆", OrgKind::Ngo, (26.586, 106.712)).await;
    let kitchen = testing::org_at(db, "善食爱心餐厅", OrgKind::SocialOrg, (26.579, 106.705)).await;
    let mut tx = db.begin_write().await.unwrap();
    let next_week = app::db::now_unix() + 7 * 86_400;
    testing::event_of(&mut tx, kitchen, EventStatus::Published, next_week, |_| {}).await;
    tx.commit().await.unwrap();
    testing::resource(db, None, ResourceKind::FoodBank, "爱心冰箱").await;
    let resident = neighbour(db, 1).await;
    testing::listing(db, resident, "折叠自行车", "give").await;
    let member = testing::coop_member(db, testing::cooperative(db).await, resident).await;
    for group in [FieldGroup::Name, FieldGroup::Services, FieldGroup::Area] {
        testing::consent(db, member, group, Everyone, resident).await;
    }
}

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
        one_of_each_layer(db).await;
        let everything = MapFilter::everything();
        let (this_server, other_server) = (MapIndex::default(), MapIndex::default());

        let view = |index: &MapIndex, filter: MapFilter| {
            let index = index.clone();
            async move { index.view(db.pool(), DISTRICT, 12, &filter).await.unwrap() }
        };
        let before = this_server.snapshot(db.pool()).await.unwrap();
        let shown = view(&this_server, everything.clone()).await.total;
        assert_eq!(
            shown, 6,
            "two organisations and one place on each other layer"
        );
        // The same copy serves requests until something changes.
        let again = this_server.snapshot(db.pool()).await.unwrap();
        assert!(std::sync::Arc::ptr_eq(&before, &again));

        // Another server moves a library out of the district; this one sees it at once.
        other_server.snapshot(db.pool()).await.unwrap();
        let mut tx = db.begin_write().await.unwrap();
        sqlx::query("UPDATE organisations SET lat = 30.0 WHERE name = '书香公益图书馆'")
            .execute(&mut *tx)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        assert_eq!(
            view(&this_server, everything.clone()).await.total,
            shown - 1
        );
        // The library itself (its events, held in its rooms, stay where they are).
        let search = MapFilter::parse(Some("orgs"), None, Some("图书馆")).unwrap();
        assert_eq!(view(&this_server, search).await.total, 0);

        // A rejected organisation leaves the map, and so do its events (one upcoming).
        let mut tx = db.begin_write().await.unwrap();
        sqlx::query("UPDATE organisations SET verification = 'rejected', rejection_reason = 'x' WHERE name = '善食爱心餐厅'")
            .execute(&mut *tx)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        assert_eq!(
            view(&other_server, everything.clone()).await.total,
            shown - 3
        );
        test.finish().await;
    }
}

/// A change to one layer's tables reads that layer again and keeps the other layers' copies: a
/// listing posted does not read a million community resources again.
#[tokio::test]
async fn a_change_reads_again_only_the_layers_it_touches() {
    for test in each_backend().await {
        let db = &test.db;
        let pool = db.pool();
        one_of_each_layer(db).await;
        let owner = app::testing::neighbour(db, 2).await;
        app::testing::listing(db, owner, "旧台灯", "give").await;
        let index = MapIndex::default();
        let items = MapFilter::parse(Some("items"), None, None).unwrap();
        let items_shown = |index: &MapIndex| {
            let (index, items) = (index.clone(), items.clone());
            async move { index.view(pool, DISTRICT, 12, &items).await.unwrap().total }
        };
        let before = index.snapshot(pool).await.unwrap();
        let listings = items_shown(&index).await;
        assert_eq!(listings, 2, "both listings are on the map");

        let change = |sql: &'static str| async move {
            let mut tx = db.begin_write().await.unwrap();
            let now = app::db::now_unix();
            sqlx::query(sql).bind(now).execute(&mut *tx).await.unwrap();
            tx.commit().await.unwrap();
        };
        change(
            "UPDATE items SET hidden_at = $1 WHERE id = (SELECT MIN(id) FROM items \
             WHERE kind = 'offer' AND status = 'available' AND hidden_at IS NULL AND expires_at > $1)",
        )
        .await;
        let after = index.snapshot(pool).await.unwrap();
        for layer in Layer::ALL {
            assert_eq!(
                after.shares_layer(&before, layer),
                layer != Layer::Items,
                "{layer:?} after a listing is hidden"
            );
        }
        assert_eq!(items_shown(&index).await, listings - 1);

        // An organisation's change may take its events off the map: both layers are read again.
        change(
            "UPDATE organisations SET contact = '0851-0000000', updated_at = $1 \
                WHERE id = (SELECT MIN(id) FROM organisations)",
        )
        .await;
        let later = index.snapshot(pool).await.unwrap();
        for layer in Layer::ALL {
            let read_again = matches!(layer, Layer::Organisations | Layer::Events);
            assert_eq!(later.shares_layer(&after, layer), !read_again, "{layer:?}");
        }
        assert_eq!(later.len(), after.len());
        test.finish().await;
    }
}

/// Every place in the district at a zoom where each stands alone, by layer and id, named.
async fn places_found(
    index: &MapIndex,
    pool: &sqlx::AnyPool,
    words: &str,
) -> Vec<(Layer, i64, String, String)> {
    let filter = MapFilter::parse(None, None, Some(words)).unwrap();
    let view = index.view(pool, DISTRICT, 18, &filter).await.unwrap();
    assert_eq!(
        view.markers.len(),
        view.total,
        "at zoom 18 each place stands alone"
    );
    view.markers
        .into_iter()
        .map(|marker| match marker {
            MapMarker::Place(p) => (p.kind.layer(), p.id, p.name, p.address),
            MapMarker::Cluster { .. } => unreachable!("no clusters at zoom 18"),
        })
        .collect()
}

/// The index holds no names: a view names what it draws and lists from the database, and a search
/// asks each layer's table for its words, in names and addresses, in any case, `%` and `_` taken
/// as themselves.
#[tokio::test]
async fn places_are_named_and_searched_from_the_database() {
    for test in each_backend().await {
        let db = &test.db;
        let pool = db.pool();
        one_of_each_layer(db).await;
        let index = MapIndex::default();
        let everything = places_found(&index, pool, "").await;
        assert_eq!(everything.len(), 6, "{everything:?}");
        assert!(everything.iter().all(|(_, _, name, _)| !name.is_empty()));
        let listed = index
            .view(pool, DISTRICT, 12, &MapFilter::everything())
            .await
            .unwrap()
            .list;
        assert!(listed.len() == 6 && listed.iter().all(|p| !p.name.is_empty()));

        // One place of each layer, searched by a word of its name and of its address.
        for layer in Layer::ALL {
            let (_, id, name, address) = everything
                .iter()
                .find(|place| place.0 == layer)
                .unwrap_or_else(|| panic!("no {layer:?} on the map"));
            let part = |text: &str| text.chars().take(4).collect::<String>();
            for words in [part(name), part(address)].iter().filter(|w| !w.is_empty()) {
                let found = places_found(&index, pool, words).await;
                assert!(
                    found.iter().any(|p| p.0 == layer && p.1 == *id),
                    "{layer:?} {id} by {words:?}: {found:?}"
                );
                assert!(found.len() < everything.len(), "{words:?} narrows the map");
            }
        }

        let mut tx = db.begin_write().await.unwrap();
        for (name, address) in [("Fairy Cafe", "中华北路 1 号"), ("50% off", "7_8 Road")] {
            sqlx::query(
                "INSERT INTO community_resources (kind, name, address, lat, lng, created_at, updated_at) \
                 VALUES ('other', $1, $2, 26.58, 106.71, 0, 0)",
            )
            .bind(name)
            .bind(address)
            .execute(&mut *tx)
            .await
            .unwrap();
        }
        tx.commit().await.unwrap();
        let names = |found: Vec<(Layer, i64, String, String)>| {
            found.into_iter().map(|p| p.2).collect::<Vec<_>>()
        };
        assert_eq!(
            names(places_found(&index, pool, "FAIRY").await),
            ["Fairy Cafe"]
        );
        assert_eq!(names(places_found(&index, pool, "50%").await), ["50% off"]);
        assert_eq!(names(places_found(&index, pool, "7_8").await), ["50% off"]);
        // One or two characters without a letter or digit: nothing, without reading every place.
        assert!(places_found(&index, pool, "%").await.is_empty());
        let mut both = names(places_found(&index, pool, "%f").await);
        both.sort();
        assert_eq!(both, ["50% off", "Fairy Cafe"]);
        assert!(places_found(&index, pool, "无此地点").await.is_empty());
        test.finish().await;
    }
}

/// A search reads its layer's text index, which follows every insert, rename and delete; and one
/// whose words are in more than `MOST_MATCHES` places shows none of them and says so, instead of
/// reading them all (at a million places, a word anyone can send).
#[tokio::test]
async fn searches_read_the_text_index_and_stop_at_too_many() {
    use app::map::sources::MOST_MATCHES;
    for test in each_backend().await {
        let db = &test.db;
        let pool = db.pool();
        let index = MapIndex::default();
        let mut tx = db.begin_write().await.unwrap();
        sqlx::query(
            "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $1) \
             INSERT INTO community_resources (kind, name, address, lat, lng, created_at, updated_at) \
             SELECT 'other', '同名驿站 ' || i, '云岩区中华北路' || i || '号', 26.58, 106.71, 0, 0 FROM n",
        )
        .bind(MOST_MATCHES as i64 + 1)
        .execute(&mut *tx)
        .await
        .unwrap();
        tx.commit().await.unwrap();
        let view = |words: &str| {
            let filter = MapFilter::parse(Some("resources"), None, Some(words)).unwrap();
            let index = index.clone();
            async move { index.view(pool, DISTRICT, 18, &filter).await.unwrap() }
        };
        for words in ["同名", "驿站", "云岩区", "中华北路"] {
            let broad = view(words).await;
            assert!(broad.too_many_matches, "{words}");
            assert_eq!((broad.total, broad.list.len()), (0, 0), "{words}");
        }
        // Fewer words' worth of places: shown, and counted exactly.
        let few = view("同名驿站 1000").await;
        assert!(!few.too_many_matches);
        assert_eq!(few.total, 1);
        assert_eq!(view("同名驿站 100").await.total, 11, "100 and 1000-1009");
        assert_eq!(view("北路4999号").await.total, 1);

        // A rename, a new place and a delete are searched at once, by long and short words.
        let mut tx = db.begin_write().await.unwrap();
        sqlx::query("UPDATE community_resources SET name = '改名书屋' WHERE name = '同名驿站 7'")
            .execute(&mut *tx)
            .await
            .unwrap();
        sqlx::query("DELETE FROM community_resources WHERE name = '同名驿站 8'")
            .execute(&mut *tx)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        for words in ["改名书屋", "书屋", "屋"] {
            let found = view(words).await;
            assert_eq!(found.total, 1, "{words}");
        }
        // 7, 70-79 and 700-799 before; 7 is renamed and 8 deleted.
        assert_eq!(view("同名驿站 7").await.total, 110);
        assert_eq!(view("同名驿站 8").await.total, 110);
        // Now at MOST_MATCHES: shown again.
        let most = view("同名").await;
        assert!(!most.too_many_matches);
        assert_eq!(most.total, MOST_MATCHES - 1);
        test.finish().await;
    }
}

/// Listings are found on the map by title or description, as on the board; an edited description
/// is searched at once, and listings not on the map (hidden, handed over) are neither shown nor
/// counted towards `MOST_MATCHES`.
#[tokio::test]
async fn listings_are_searched_as_the_map_shows_them() {
    for test in each_backend().await {
        let db = &test.db;
        let pool = db.pool();
        let owner = app::testing::neighbours(db, 1, 1).await[0];
        let bike = app::testing::listing(db, owner, "蓝色自行车", "give").await;
        let lamp = app::testing::listing(db, owner, "蓝色台灯", "give").await;
        let index = MapIndex::default();
        let listings = |words: &str| {
            let filter = MapFilter::parse(Some("items"), None, Some(words)).unwrap();
            let index = index.clone();
            async move { index.view(pool, DISTRICT, 12, &filter).await.unwrap().total }
        };
        assert_eq!(listings("蓝色").await, 2);
        assert_eq!(listings("折叠").await, 0);
        let mut tx = db.begin_write().await.unwrap();
        sqlx::query("UPDATE items SET description = '可以折叠' WHERE id = $1")
            .bind(bike)
            .execute(&mut *tx)
            .await
            .unwrap();
        sqlx::query("UPDATE items SET status = 'handed_over' WHERE id = $1")
            .bind(lamp)
            .execute(&mut *tx)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        assert_eq!(
            listings("折叠").await,
            1,
            "the edited description is searched"
        );
        assert_eq!(listings("可以折").await, 1);
        assert_eq!(listings("蓝色").await, 1, "the lamp is handed over");
        test.finish().await;
    }
}
