//! The public events list against the database, on SQLite and (when TEST_POSTGRES_URL is set)
//! PostgreSQL: soonest first, a page at a time (ties on the start time ordered by id, an event
//! added meanwhile never moving one already read onto the next page), and a radius's box.
use app::db::testing::each_backend;
use app::events::db::{self as events, ListQuery};
use app::events::model::EventStatus;
use app::geo::BBox;
use app::orgs::model::OrgKind;
use app::paging::PageMark;

use app::testing;
use testing::{event_details, new_org, START};

const HOUR: i64 = 3_600;

#[tokio::test]
async fn the_list_pages_soonest_first_and_keeps_to_the_area() {
    for test in each_backend().await {
        let db = &test.db;
        let mut tx = db.begin_write().await.unwrap();
        let org = new_org(&mut tx, "阳光助老", OrgKind::Ngo).await;
        let add = |title: &'static str, starts_at: i64, location: (f64, f64)| {
            let mut details = event_details(org, starts_at);
            details.title = title.into();
            details.location = location;
            details
        };
        let here = (26.59, 106.71);
        let mut ids = Vec::new();
        for details in [
            add("已经结束", START - 5 * HOUR, here),
            add("第三场", START + 2 * HOUR, here),
            add("第一场", START, here),
            add("第二场甲", START + HOUR, here),
            add("第二场乙", START + HOUR, here),
            add("遵义那场", START + 3 * HOUR, (27.70, 106.93)),
        ] {
            ids.push(
                events::insert(&mut tx, &details, EventStatus::Published, None, 1)
                    .await
                    .unwrap(),
            );
        }
        tx.commit().await.unwrap();

        let page = |after: Option<PageMark>, area: Option<BBox>| {
            let query = ListQuery {
                from: START - HOUR,
                after,
                area,
                ..ListQuery::default()
            };
            async move { events::upcoming(db.pool(), &query, 2).await.unwrap() }
        };
        let titles = |page: &events::EventsPage| -> Vec<String> {
            page.events.iter().map(|e| e.title.clone()).collect()
        };
        let first = page(None, None).await;
        assert_eq!(titles(&first), ["第一场", "第二场甲"]);
        let start = first.later.expect("more than one page");
        assert_eq!(
            start,
            PageMark {
                at: START + HOUR,
                id: ids[3]
            }
        );
        // An event added meanwhile, sooner than the page mark, does not move the later pages.
        let mut tx = db.begin_write().await.unwrap();
        let mut sooner = event_details(org, START + 30 * 60);
        sooner.title = "临时加的一场".into();
        events::insert(&mut tx, &sooner, EventStatus::Published, None, 1)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        let second = page(Some(start), None).await;
        assert_eq!(titles(&second), ["第二场乙", "第三场"]);
        let last = page(second.later, None).await;
        assert_eq!(titles(&last), ["遵义那场"]);
        assert_eq!(last.later, None);

        // Around Yunyan only: the event in Zunyi is outside the box.
        let yunyan = BBox {
            south: 26.5,
            west: 106.6,
            north: 26.7,
            east: 106.8,
        };
        let second = page(Some(start), Some(yunyan)).await;
        assert_eq!(titles(&second), ["第二场乙", "第三场"]);
        assert_eq!(
            second.later, None,
            "exactly a page left: no link to an empty one"
        );
        test.finish().await;
    }
}
