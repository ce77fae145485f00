//! Listings in the database, on SQLite and (when TEST_POSTGRES_URL is set) PostgreSQL: only the
//! snapped place is stored, Chinese search finds items by long and by one- or two-character
//! queries, filters narrow the list, and photos are stored without their EXIF.
use app::db::testing::each_backend;
use app::db::Db;
use app::geo::near::Origin;
use app::items::db as items;
use app::items::filter::{PageMark, WantedItems};
use app::items::input::ItemFields;
use app::items::model::{ItemCategory, ItemKind, ItemMode};
use app::photos::{process, sample_phone_jpeg, SAMPLE_GPS_MARKER};
use app::testing;

const NOW: i64 = 1_800_000_000;

async fn post(db: &Db, owner: i64, fields: ItemFields) -> i64 {
    let details = fields.check(|_| None).expect("a valid form");
    let mut tx = db.begin_write().await.unwrap();
    let id = items::insert(&mut tx, owner, &details, NOW).await.unwrap();
    tx.commit().await.unwrap();
    id
}

fn offer(title: &str, description: &str, category: &str, mode: &str) -> ItemFields {
    ItemFields {
        kind: "offer".into(),
        title: title.into(),
        description: description.into(),
        category: category.into(),
        condition: "good".into(),
        mode: mode.into(),
        lat: "26.583411".into(),
        lng: "106.713372".into(),
        ..ItemFields::default()
    }
}

async fn titles(db: &Db, wanted: WantedItems) -> Vec<String> {
    let mut found: Vec<String> = items::listed(db, &wanted, NOW + 60, items::PAGE_SIZE)
        .await
        .unwrap()
        .items
        .into_iter()
        .map(|i| i.title)
        .collect();
    found.sort();
    found
}

fn text(q: &str) -> WantedItems {
    WantedItems {
        text: q.into(),
        ..WantedItems::default()
    }
}

#[tokio::test]
async fn only_the_snapped_place_is_stored() {
    for test in each_backend().await {
        let db = &test.db;
        let owner = testing::neighbour(db, 1).await;
        let id = post(db, owner, offer("儿童自行车", "", "baby_kids", "give")).await;
        let (lat, lng): (f64, f64) =
            sqlx::query_as("SELECT cell_lat, cell_lng FROM items WHERE id = $1")
                .bind(id)
                .fetch_one(db.pool())
                .await
                .unwrap();
        assert_ne!((lat, lng), (26.583411, 106.713372));
        let snapped = app::geo::grid::snap(
            app::geo::LatLng::new(26.583411, 106.713372),
            app::geo::grid::ITEM_CELL_M,
        );
        assert_eq!((lat, lng), (snapped.lat, snapped.lng));
        // No column anywhere in the row holds the typed coordinates.
        let row: String = sqlx::query_scalar(
            "SELECT title || '|' || CAST(cell_lat AS TEXT) || '|' || CAST(cell_lng AS TEXT) FROM items WHERE id = $1",
        )
        .bind(id)
        .fetch_one(db.pool())
        .await
        .unwrap();
        assert!(
            !row.contains("26.583411") && !row.contains("106.713372"),
            "{row}"
        );
        let item = items::find(db.pool(), id).await.unwrap().unwrap();
        assert_eq!(item.owner_name, "邻居1");
        assert_eq!(item.expires_at, NOW + 30 * 24 * 3600);
        test.finish().await;
    }
}

#[tokio::test]
async fn chinese_search_finds_long_and_short_queries() {
    for test in each_backend().await {
        let db = &test.db;
        let owner = testing::neighbour(db, 1).await;
        post(
            db,
            owner,
            offer("儿童自行车", "九成新，带辅助轮", "baby_kids", "give"),
        )
        .await;
        post(
            db,
            owner,
            offer("电饭煲", "美的牌，三升", "kitchen", "swap"),
        )
        .await;
        post(
            db,
            owner,
            offer("绘本一套", "适合三到六岁", "books", "lend"),
        )
        .await;
        post(
            db,
            owner,
            offer("Office chair", "Ergonomic, grey", "furniture", "give"),
        )
        .await;

        // Three characters and more: the trigram index.
        assert_eq!(titles(db, text("自行车")).await, ["儿童自行车"]);
        assert_eq!(titles(db, text("辅助轮")).await, ["儿童自行车"]);
        assert_eq!(titles(db, text("chair")).await, ["Office chair"]);
        assert_eq!(titles(db, text("ERGONOMIC")).await, ["Office chair"]);
        // One and two characters: the index of single characters and pairs, where only letters
        // and digits count.
        assert_eq!(titles(db, text("绘本")).await, ["绘本一套"]);
        assert_eq!(titles(db, text("行车")).await, ["儿童自行车"]);
        assert_eq!(titles(db, text("Of")).await, ["Office chair"]);
        assert_eq!(titles(db, text("c,")).await, ["Office chair"]);
        assert_eq!(titles(db, text("新，")).await, ["儿童自行车"]);
        assert!(titles(db, text("车子")).await.is_empty());
        assert_eq!(titles(db, text("车")).await, ["儿童自行车"]);
        assert_eq!(titles(db, text("三")).await, ["电饭煲", "绘本一套"]);
        assert_eq!(titles(db, text("\"车")).await, ["儿童自行车"]);
        // Control characters are dropped (a NUL would end an FTS5 phrase; PostgreSQL refuses it).
        assert_eq!(titles(db, text("车\u{0}")).await, ["儿童自行车"]);
        // Three characters without three letters or digits in a row: exact on both databases
        // (PostgreSQL's trigram index has nothing to go on, so the pairs' index narrows first).
        assert_eq!(titles(db, text("c, g")).await, ["Office chair"]);
        assert_eq!(titles(db, text("e c")).await, ["Office chair"]);
        assert!(titles(db, text("e, c")).await.is_empty());
        assert!(titles(db, text("!!!")).await.is_empty());
        // Nothing matches; quotes and wildcards are taken literally, and a short search without
        // a letter or digit finds nothing (it would read every listing).
        assert!(titles(db, text("洗衣机")).await.is_empty());
        assert!(titles(db, text("\"车子")).await.is_empty());
        assert!(titles(db, text("%")).await.is_empty());
        assert!(titles(db, text("_")).await.is_empty());
        assert!(titles(db, text("!?")).await.is_empty());
        assert_eq!(titles(db, text("")).await.len(), 4);
        test.finish().await;
    }
}

#[tokio::test]
async fn filters_and_what_the_list_leaves_out() {
    for test in each_backend().await {
        let db = &test.db;
        let owner = testing::neighbour(db, 1).await;
        post(db, owner, offer("儿童自行车", "", "baby_kids", "give")).await;
        post(db, owner, offer("电钻", "", "tools", "lend")).await;
        let wanted = ItemFields {
            kind: "wanted".into(),
            condition: String::new(),
            ..offer("婴儿床", "", "baby_kids", "give")
        };
        post(db, owner, wanted).await;
        let hidden = post(db, owner, offer("旧沙发", "", "furniture", "give")).await;
        let gone = post(db, owner, offer("书架", "", "furniture", "give")).await;
        sqlx::query("UPDATE items SET hidden_at = 1 WHERE id = $1")
            .bind(hidden)
            .execute(db.pool())
            .await
            .unwrap();
        sqlx::query("UPDATE items SET status = 'handed_over' WHERE id = $1")
            .bind(gone)
            .execute(db.pool())
            .await
            .unwrap();

        let by = |kind, category, mode| WantedItems {
            kind,
            category,
            mode,
            ..WantedItems::default()
        };
        assert_eq!(
            titles(db, by(None, Some(ItemCategory::BabyKids), None)).await,
            ["儿童自行车", "婴儿床"]
        );
        assert_eq!(
            titles(db, by(Some(ItemKind::Wanted), None, None)).await,
            ["婴儿床"]
        );
        assert_eq!(
            titles(db, by(None, None, Some(ItemMode::Lend))).await,
            ["电钻"]
        );
        // Filters and search words together, whichever index the words use.
        let searched = |category, text: &str| WantedItems {
            category,
            text: text.into(),
            ..WantedItems::default()
        };
        for (words, wanted) in [
            ("自行车", "儿童自行车"),
            ("车", "儿童自行车"),
            ("车,", "儿童自行车"),
            ("车,车", ""),
            ("!", ""),
        ] {
            let found = titles(db, searched(Some(ItemCategory::BabyKids), words)).await;
            assert_eq!(found.concat(), wanted, "{words}");
            assert!(titles(db, searched(Some(ItemCategory::Tools), words))
                .await
                .is_empty());
        }
        let all_of_them = WantedItems {
            kind: Some(ItemKind::Offer),
            category: Some(ItemCategory::Tools),
            mode: Some(ItemMode::Lend),
            text: "钻".into(),
            ..WantedItems::default()
        };
        assert_eq!(titles(db, all_of_them.clone()).await, ["电钻"]);
        let lent_as_given = WantedItems {
            mode: Some(ItemMode::Give),
            ..all_of_them
        };
        assert!(titles(db, lent_as_given).await.is_empty());
        // Hidden and handed-over listings are not in the list; expired ones neither.
        assert_eq!(titles(db, WantedItems::default()).await.len(), 3);
        let after_expiry = items::listed(
            db,
            &WantedItems::default(),
            NOW + 31 * 24 * 3600,
            items::PAGE_SIZE,
        )
        .await
        .unwrap();
        assert!(after_expiry.items.is_empty());
        assert_eq!(after_expiry.older, None);
        test.finish().await;
    }
}

#[tokio::test]
async fn the_board_is_read_a_page_at_a_time_newest_first() {
    for test in each_backend().await {
        let db = &test.db;
        let owner = testing::neighbour(db, 1).await;
        // Five listings posted in the same second: ties are ordered by id.
        let mut ids = Vec::new();
        for n in 1..=5 {
            ids.push(
                post(
                    db,
                    owner,
                    offer(&format!("台灯{n}"), "", "appliances", "give"),
                )
                .await,
            );
        }
        let page = |before| async move {
            let wanted = WantedItems {
                before,
                ..WantedItems::default()
            };
            items::listed(db, &wanted, NOW + 60, 2).await.unwrap()
        };
        let names = |page: &items::ItemsPage| -> Vec<String> {
            page.items.iter().map(|i| i.title.clone()).collect()
        };
        let first = page(None).await;
        assert_eq!(names(&first), ["台灯5", "台灯4"]);
        let start = first.older.expect("more than one page");
        assert_eq!(
            start,
            PageMark {
                at: NOW,
                id: ids[3]
            }
        );
        // A listing posted meanwhile does not move the pages already handed out.
        post(db, owner, offer("台灯6", "", "appliances", "give")).await;
        let second = page(Some(start)).await;
        assert_eq!(names(&second), ["台灯3", "台灯2"]);
        let last = page(second.older).await;
        assert_eq!(names(&last), ["台灯1"]);
        assert_eq!(last.older, None);
        // Exactly a page left: no link to an empty one.
        let exact = page(Some(PageMark {
            at: NOW,
            id: ids[2],
        }))
        .await;
        assert_eq!((names(&exact).len(), exact.older), (2, None));
        // A search pages the same way (on PostgreSQL a full page is found among the newest).
        let search = |before| async move {
            let wanted = WantedItems {
                before,
                ..text("台灯")
            };
            items::listed(db, &wanted, NOW + 60, 2).await.unwrap()
        };
        let first = search(None).await;
        assert_eq!(names(&first), ["台灯6", "台灯5"]);
        assert_eq!(names(&search(first.older).await), ["台灯4", "台灯3"]);
        test.finish().await;
    }
}

#[tokio::test]
async fn a_radius_reads_only_the_listings_around_it() {
    for test in each_backend().await {
        let db = &test.db;
        let owner = testing::neighbour(db, 1).await;
        // About 600 m apart near 黔灵山, and one on the other side of town (about 8 km).
        let at = |title: &str, lat: &str, lng: &str| ItemFields {
            lat: lat.into(),
            lng: lng.into(),
            ..offer(title, "", "books", "give")
        };
        post(db, owner, at("近处的书", "26.5870", "106.6990")).await;
        post(db, owner, at("隔壁的书", "26.5920", "106.7010")).await;
        post(db, owner, at("城南的书", "26.5200", "106.7200")).await;
        let within = |km: f64| WantedItems {
            origin: Some(Origin {
                lat: 26.5870,
                lng: 106.6990,
                within_m: Some(km * 1000.0),
            }),
            ..WantedItems::default()
        };
        assert_eq!(titles(db, within(1.0)).await, ["近处的书", "隔壁的书"]);
        assert_eq!(titles(db, within(10.0)).await.len(), 3);
        // Without a radius the place only orders distances; nothing is left out.
        let anywhere = WantedItems {
            origin: Some(Origin {
                within_m: None,
                ..within(1.0).origin.unwrap()
            }),
            ..WantedItems::default()
        };
        assert_eq!(titles(db, anywhere).await.len(), 3);
        test.finish().await;
    }
}

#[tokio::test]
async fn photos_are_stored_without_exif_and_hidden_with_their_listing() {
    for test in each_backend().await {
        let db = &test.db;
        let owner = testing::neighbour(db, 1).await;
        let id = post(db, owner, offer("台灯", "", "appliances", "give")).await;
        let photo = process(&sample_phone_jpeg(200, 120)).unwrap();
        let mut tx = db.begin_write().await.unwrap();
        let photo_id = items::insert_photo(&mut tx, id, 0, &photo).await.unwrap();
        tx.commit().await.unwrap();

        let photo_of = |thumb| items::photo_bytes(db.pool(), photo_id, thumb);
        let stored = photo_of(false).await.unwrap().unwrap();
        assert!(stored.visible_to(None));
        let stored = stored.bytes;
        assert_eq!(stored, photo.display);
        assert!(!stored
            .windows(SAMPLE_GPS_MARKER.len())
            .any(|w| w == SAMPLE_GPS_MARKER));
        let thumb = photo_of(true).await.unwrap().unwrap().bytes;
        assert_eq!(thumb, photo.thumb);
        let item = items::find(db.pool(), id).await.unwrap().unwrap();
        assert_eq!(item.photos.len(), 1);
        assert_eq!((item.photos[0].width, item.photos[0].height), (120, 200));
        // The list shows the first photo too.
        let listed = items::listed(db, &WantedItems::default(), NOW, items::PAGE_SIZE)
            .await
            .unwrap();
        assert_eq!(listed.items[0].photos[0].id, photo_id);

        sqlx::query("UPDATE items SET hidden_at = 1 WHERE id = $1")
            .bind(id)
            .execute(db.pool())
            .await
            .unwrap();
        // Hidden: gone for others, still there for its owner and admins.
        let hidden = photo_of(false).await.unwrap().unwrap();
        let neighbour = testing::neighbour(db, 2).await;
        assert!(!hidden.visible_to(None));
        assert!(!hidden.visible_to(Some((neighbour, false))));
        assert!(hidden.visible_to(Some((owner, false))));
        assert!(hidden.visible_to(Some((neighbour, true))));
        test.finish().await;
    }
}

#[tokio::test]
async fn the_demo_has_thirty_items_in_every_state() {
    for test in each_backend().await {
        let db = &test.db;
        let report = app::demo::seed_demo(db).await.unwrap();
        assert!(report.items >= 30, "{report:?}");
        let listed = items::listed(db, &WantedItems::default(), app::db::now_unix(), 100)
            .await
            .unwrap()
            .items;
        assert!(listed.len() >= 25);
        assert!(listed.iter().any(|i| i.kind == ItemKind::Wanted));
        assert!(listed.iter().any(|i| i.mode == ItemMode::Lend));
        let statuses: Vec<String> =
            sqlx::query_scalar("SELECT DISTINCT status FROM items ORDER BY status")
                .fetch_all(db.pool())
                .await
                .unwrap();
        for status in [
            "available",
            "expired",
            "handed_over",
            "promised",
            "withdrawn",
        ] {
            assert!(statuses.iter().any(|s| s == status), "{statuses:?}");
        }
        // Requests in every state, a lent item out and one back, one listing hidden by reports.
        assert_eq!(report.item_stories, 7, "{report:?}");
        // A year of donated things handed out at 阳光助老's donation point, one still waiting.
        assert_eq!(report.handouts, 23, "{report:?}");
        let at_point: Vec<(String, i64)> = sqlx::query_as(
            "SELECT status, COUNT(*) FROM items WHERE resource_id IS NOT NULL GROUP BY status ORDER BY status",
        )
        .fetch_all(db.pool())
        .await
        .unwrap();
        assert_eq!(
            at_point,
            vec![
                ("available".to_string(), 1),
                ("handed_over".to_string(), 22)
            ]
        );
        let requests: Vec<String> =
            sqlx::query_scalar("SELECT DISTINCT status FROM item_requests ORDER BY status")
                .fetch_all(db.pool())
                .await
                .unwrap();
        for status in [
            "declined",
            "handed_over",
            "open",
            "promised",
            "returned",
            "withdrawn",
        ] {
            assert!(requests.iter().any(|s| s == status), "{requests:?}");
        }
        let lent_out: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM item_requests WHERE status = 'handed_over' AND due_at IS NOT NULL",
        )
        .fetch_one(db.pool())
        .await
        .unwrap();
        assert_eq!(lent_out, 1);
        let queue = app::items::moderation::queue(db.pool()).await.unwrap();
        assert_eq!(queue.len(), 1);
        let messages: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM item_messages")
            .fetch_one(db.pool())
            .await
            .unwrap();
        assert!(messages >= 3);
        test.finish().await;
    }
}

#[tokio::test]
async fn listings_expire_after_thirty_days_and_their_owners_post_them_again() {
    use app::items::life::{expire_due, repost, withdraw};
    use app::items::model::ItemStatus;
    for test in each_backend().await {
        let db = &test.db;
        let owner = testing::neighbour(db, 1).await;
        let other = testing::neighbour(db, 2).await;
        let lamp = post(db, owner, offer("台灯", "", "appliances", "give")).await;
        let chair = post(db, owner, offer("椅子", "", "furniture", "give")).await;
        let status = |id| async move { items::find(db.pool(), id).await.unwrap().unwrap().status };

        assert_eq!(expire_due(db, NOW + 29 * 86_400).await.unwrap(), 0);
        assert_eq!(expire_due(db, NOW + 30 * 86_400).await.unwrap(), 2);
        assert_eq!(status(lamp).await, ItemStatus::Expired);
        let notices = app::notifications::db::inbox(db.pool(), owner)
            .await
            .unwrap();
        assert!(matches!(
            notices[0].notice,
            app::notifications::model::Notice::ItemExpired { .. }
        ));

        let later = NOW + 31 * 86_400;
        let mut tx = db.begin_write().await.unwrap();
        assert!(!repost(&mut tx, lamp, other, later).await.unwrap());
        assert!(repost(&mut tx, lamp, owner, later).await.unwrap());
        assert!(withdraw(&mut tx, chair, owner, later).await.unwrap());
        assert!(!withdraw(&mut tx, chair, owner, later).await.unwrap());
        tx.commit().await.unwrap();
        assert_eq!(status(lamp).await, ItemStatus::Available);
        assert_eq!(status(chair).await, ItemStatus::Withdrawn);
        let listed = items::listed(db, &WantedItems::default(), later, items::PAGE_SIZE)
            .await
            .unwrap()
            .items;
        assert_eq!(
            listed.iter().map(|i| i.title.as_str()).collect::<Vec<_>>(),
            ["台灯"]
        );
        assert_eq!(
            items::find(db.pool(), lamp)
                .await
                .unwrap()
                .unwrap()
                .expires_at,
            later + 30 * 86_400
        );
        test.finish().await;
    }
}
