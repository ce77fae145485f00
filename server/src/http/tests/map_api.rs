//! The clustered map API (`GET /api/map/view`): what the interactive map draws.

use super::*;
use app::map::view::{MapMarker, MapView};
use futures_util::TryStreamExt;

const DISTRICT: &str = "south=26.50&west=106.60&north=26.68&east=106.80";

async fn view(router: &axum::Router, query: &str) -> (StatusCode, String) {
    let (status, _, body) = send(router, get(&format!("/api/map/view?{query}"))).await;
    (status, body)
}

fn parsed(body: &str) -> MapView {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"))
}

/// A small district: two organisations on the map (a library, a residents' committee), three
/// resources (two food banks), two upcoming events (one for the elderly), two offers and a
/// wanted listing, and four cooperative members of whom two may be on the map.
async fn a_district(test: &TestDb) {
    use app::events::model::EventCategory;
    use app::help::model::{Audience::Everyone, FieldGroup};
    use app::orgs::model::OrgKind;
    use app::resources::model::ResourceKind;
    use app::testing::{self, neighbour};
    let db = &test.db;
    testing::org_at(db, "书香公益图书馆", OrgKind::Ngo, (26.586, 106.712)).await;
    testing::org_at(
        db,
        "河滨社区居民委员会",
        OrgKind::Community,
        (26.579, 106.705),
    )
    .await;
    let mut tx = db.begin_write().await.unwrap();
    let soon = app::db::now_unix() + 7 * 86_400;
    for category in [EventCategory::Elderly, EventCategory::Health] {
        testing::published_event(&mut tx, soon, Some(10), |e| e.category = category).await;
    }
    tx.commit().await.unwrap();
    for (name, kind, at) in [
        ("爱心冰箱一号", ResourceKind::FoodBank, (26.581, 106.711)),
        ("爱心冰箱二号", ResourceKind::FoodBank, (26.583, 106.716)),
        ("旧衣回收箱", ResourceKind::Recycling, (26.588, 106.709)),
    ] {
        testing::resource_at(db, None, kind, name, at).await;
    }
    let poster = neighbour(db, 1).await;
    testing::listing_with(db, poster, "绘本一套", "give", |f| {
        f.category = "books".into()
    })
    .await;
    testing::listing(db, poster, "折叠椅", "lend").await;
    testing::listing_with(db, poster, "想要一辆自行车", "give", |f| {
        f.kind = "wanted".into()
    })
    .await;
    // Each member gets the same name and service; what is open to everyone differs.
    let coop = testing::cooperative(db).await;
    for open in [
        &[FieldGroup::Name, FieldGroup::Area, FieldGroup::Services][..],
        &[FieldGroup::Area, FieldGroup::Services],
        &[FieldGroup::Name, FieldGroup::Services],
        &[FieldGroup::Name, FieldGroup::Area],
    ] {
        let member = testing::coop_member(db, coop, poster).await;
        for &group in open {
            testing::consent(db, member, group, Everyone, poster).await;
        }
    }
}

#[tokio::test]
async fn the_map_gets_clusters_and_places_that_add_up() {
    let (router, test) = bare_app().await;
    a_district(&test).await;
    let (status, body) = view(&router, &format!("{DISTRICT}&zoom=11")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let zoomed_out = parsed(&body);
    let orgs = app::orgs::db::on_the_map(test.db.pool())
        .await
        .unwrap()
        .len();
    let resources = app::resources::db::all(test.db.pool()).await.unwrap().len();
    let events = app::events::db::on_the_map(test.db.pool(), app::db::now_unix())
        .await
        .unwrap()
        .len();
    let items: Vec<app::items::db::MapItem> =
        app::items::db::on_the_map(test.db.pool(), app::db::now_unix())
            .try_collect()
            .await
            .unwrap();
    let neighbours = app::help::map_pins::on_the_map(test.db.pool())
        .await
        .unwrap();
    assert_eq!((orgs, resources, events, items.len()), (2, 3, 2, 2));
    assert_eq!(
        neighbours.len(),
        2,
        "only members whose place and offer are public"
    );
    assert_eq!(
        zoomed_out.total,
        orgs + resources + events + items.len() + neighbours.len(),
        "every place is in the district"
    );
    assert!(zoomed_out
        .markers
        .iter()
        .any(|m| matches!(m, MapMarker::Cluster { .. })));
    let counted: usize = zoomed_out.markers.iter().map(MapMarker::count).sum();
    assert_eq!(counted, zoomed_out.total);

    // Close up, the same places stand alone; the list is nearest the middle first.
    let close = parsed(&view(&router, &format!("{DISTRICT}&zoom=18")).await.1);
    assert_eq!(close.total, zoomed_out.total);
    assert!(close
        .markers
        .iter()
        .all(|m| matches!(m, MapMarker::Place(_))));
    assert!(close
        .list
        .windows(2)
        .all(|w| w[0].distance_m <= w[1].distance_m));

    // Filters: layers, one category, words.
    let query = |extra: &str| format!("{DISTRICT}&zoom=14&{extra}");
    let only_orgs = parsed(&view(&router, &query("layers=orgs")).await.1);
    assert_eq!(only_orgs.total, orgs);
    let only_resources = parsed(&view(&router, &query("layers=resources")).await.1);
    assert_eq!(only_resources.total, resources);
    let only_events = parsed(&view(&router, &query("layers=events")).await.1);
    assert_eq!(only_events.total, events);
    // Only offers that can still be asked for, at their snapped cell.
    let only_items = parsed(
        &view(&router, &format!("{DISTRICT}&zoom=18&layers=items"))
            .await
            .1,
    );
    assert_eq!(only_items.total, items.len());
    for place in &only_items.list {
        let item = app::items::db::find(test.db.pool(), place.id)
            .await
            .unwrap()
            .expect("a listed offer");
        assert_eq!((place.lat, place.lng), (item.cell_lat, item.cell_lng));
        assert_eq!(place.url(), format!("/items/{}", item.id));
        assert_eq!(item.kind, app::items::model::ItemKind::Offer);
        assert_eq!(item.status, app::items::model::ItemStatus::Available);
        assert!(!item.hidden);
    }
    let on_the_board = app::items::db::listed(
        &test.db,
        &app::items::filter::WantedItems::default(),
        app::db::now_unix(),
        1000,
    )
    .await
    .unwrap()
    .items;
    assert!(
        items.len() < on_the_board.len(),
        "wanted and promised listings stay off the map"
    );
    // Cooperative members only where their place and more are open to everyone; a name that is
    // not public never names a pin (the pin takes what they offer instead).
    let help = parsed(
        &view(&router, &format!("{DISTRICT}&zoom=18&layers=help"))
            .await
            .1,
    );
    assert_eq!(help.total, neighbours.len());
    let mut names: Vec<&str> = help.list.iter().map(|p| p.name.as_str()).collect();
    names.sort();
    // The member whose name is not public is named by their service.
    assert_eq!(names, ["王阿姨", "缝补衣物"]);
    assert!(help.list.iter().all(|p| p.url().starts_with("/help/")));
    let books = items
        .iter()
        .filter(|i| i.category == app::items::model::ItemCategory::Books)
        .count();
    let item_books = parsed(&view(&router, &query("category=item_books")).await.1);
    assert_eq!(item_books.total, books);
    let elderly = parsed(&view(&router, &query("category=event_elderly")).await.1);
    assert_eq!(elderly.total, 1);
    let food_banks = parsed(&view(&router, &query("category=food_bank")).await.1);
    assert_eq!(food_banks.total, 2);
    let committees = parsed(
        &view(&router, &format!("{DISTRICT}&zoom=14&category=community"))
            .await
            .1,
    );
    assert_eq!(committees.total, 1);
    let library = parsed(
        &view(
            &router,
            &format!("{DISTRICT}&zoom=14&layers=orgs&q=%E5%9B%BE%E4%B9%A6%E9%A6%86"),
        )
        .await
        .1,
    );
    assert_eq!(library.list.len(), 1);
    assert_eq!(library.list[0].name, "书香公益图书馆");
    test.finish().await;
}

#[tokio::test]
async fn bad_map_requests_are_refused_with_400() {
    let (router, test) = bare_app().await;
    for query in [
        "south=26.7&west=106.6&north=26.5&east=106.8&zoom=12", // south above north
        "south=26.5&west=106.6&north=26.7&east=106.8&zoom=25", // no such zoom
        "south=26.5&west=106.6&north=26.7&east=106.8&zoom=-1",
        "south=NaN&west=106.6&north=26.7&east=106.8&zoom=12",
        "south=26.5&west=-500&north=26.7&east=106.8&zoom=12",
        "south=26.5&west=106.6&north=26.7&east=106.8&zoom=12&layers=ships",
        "south=26.5&west=106.6&north=26.7&east=106.8&zoom=12&category=dragons",
        "south=26.5&west=106.6&north=26.7&zoom=12", // a side missing
        "south=abc&west=106.6&north=26.7&east=106.8&zoom=12",
    ] {
        let (status, body) = view(&router, query).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{query}: {body}");
    }
    test.finish().await;
}
