//! The items board's Chinese text search (benchmark, not a timed test): 100,000 listings with
//! generated Chinese titles and descriptions, then the whole list read `/items?q=…` makes
//! (`items::db::listed`: filters, text match, newest first, the first page) for many random searches
//! of one to five characters — common words, rare ones, ones that find nothing, with and without
//! a category — as p50/p99, on SQLite and (with `TEST_POSTGRES_URL`) PostgreSQL.
//!
//!     cargo run --release -p app --features ssr --example search_bench
//!
//! PRODUCT.md §4's budget: p99 <= 20 ms on 100,000 items. `bash .ci/bench` runs it into its report.

mod support;

use app::db::now_unix;
use app::db::testing::each_backend;
use app::items::db::{listed, PAGE_SIZE};
use app::items::filter::WantedItems;
use app::items::model::ItemCategory;
use std::time::{Duration, Instant};
use support::{listings, ms, percentiles, Random};

const ITEMS: usize = 100_000;
const SEARCHES: usize = 1_000;
/// What people type: common words, rarer ones, one and two characters, and words nobody used.
const QUERIES: &[&str] = &[
    "车",
    "书",
    "儿童",
    "推车",
    "绘本",
    "羽绒服",
    "电饭煲",
    "自行车",
    "九成新",
    "搬家",
    "宝山北路",
    "保温杯",
    "螺丝刀",
    "菜籽油",
    "轮椅",
    "钢琴",
    "冰箱",
    "iPad",
    "全新未拆",
    "孩子长大",
];

#[tokio::main]
async fn main() {
    println!("| database | listings | generated in | searches | p50 | p99 | slowest query |");
    println!("|---|---|---|---|---|---|---|");
    for test in each_backend().await {
        let mut random = Random(0x2545_F491_4F6C_DD1D);
        let started = Instant::now();
        listings::generate(&test.db, &mut random, ITEMS).await;
        let generated = started.elapsed();
        let now = now_unix();
        let mut times = Vec::with_capacity(SEARCHES);
        let mut slowest = (Duration::ZERO, String::new());
        for i in 0..SEARCHES {
            let text = random.pick(QUERIES).to_string();
            let category = (i % 4 == 0).then(|| *random.pick(ItemCategory::ALL));
            let wanted = WantedItems {
                category,
                text: text.clone(),
                ..WantedItems::default()
            };
            let started = Instant::now();
            let found = listed(&test.db, &wanted, now, PAGE_SIZE)
                .await
                .expect("a search")
                .items;
            let took = started.elapsed();
            times.push(took);
            if took > slowest.0 {
                slowest = (
                    took,
                    format!("“{text}” {category:?} ({} found)", found.len()),
                );
            }
        }
        let (p50, p99) = percentiles(times);
        println!(
            "| {:?} | {ITEMS} | {:.1} s | {SEARCHES} | {} | {} | {} {} |",
            test.db.kind(),
            generated.as_secs_f64(),
            ms(p50, 2),
            ms(p99, 2),
            ms(slowest.0, 2),
            slowest.1
        );
        test.finish().await;
    }
}
