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

use app::db::testing::each_backend;
use app::db::{now_unix, Db, DbKind};
use app::items::db::{listed, PAGE_SIZE};
use app::items::filter::WantedItems;
use app::items::model::ItemCategory;
use std::time::{Duration, Instant};
use support::{ms, percentiles};

const ITEMS: usize = 100_000;
const SEARCHES: usize = 1_000;
/// Rows per INSERT statement while generating.
const BATCH: usize = 200;

const THINGS: &[(&str, &str)] = &[
    ("儿童自行车", "baby_kids"),
    ("婴儿推车", "baby_kids"),
    ("儿童绘本", "books"),
    ("小学课本", "books"),
    ("英语词典", "books"),
    ("书桌", "furniture"),
    ("书架", "furniture"),
    ("折叠椅", "furniture"),
    ("单人床垫", "furniture"),
    ("电饭煲", "appliances"),
    ("微波炉", "appliances"),
    ("电风扇", "appliances"),
    ("取暖器", "appliances"),
    ("羽绒服", "clothing"),
    ("冬季外套", "clothing"),
    ("校服", "clothing"),
    ("毛毯", "clothing"),
    ("炒锅", "kitchen"),
    ("保温杯", "kitchen"),
    ("收音机", "electronics"),
    ("旧手机", "electronics"),
    ("台灯", "electronics"),
    ("篮球", "sports"),
    ("羽毛球拍", "sports"),
    ("跳绳", "sports"),
    ("电钻", "tools"),
    ("螺丝刀套装", "tools"),
    ("大米", "food"),
    ("菜籽油", "food"),
    ("轮椅", "other"),
    ("拐杖", "other"),
    ("雨伞", "other"),
];
const STATES: &[&str] = &[
    "九成新",
    "八成新",
    "几乎全新",
    "用过一年",
    "有点旧但能用",
    "全新未拆",
];
const REASONS: &[&str] = &[
    "孩子长大了用不上",
    "搬家带不走",
    "家里多了一个",
    "买了新的",
    "老人家用过，保养得好",
    "单位发的，用不完",
];
const PLACES: &[&str] = &[
    "中华北路",
    "宝山北路",
    "黔灵山路",
    "北京路",
    "延安中路",
    "市西路",
    "威清路",
    "普陀路",
];
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

/// A small deterministic generator, so every run measures the same data.
struct Random(u64);

impl Random {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, from: &'a [T]) -> &'a T {
        &from[self.below(from.len())]
    }
}

async fn generate(db: &Db, random: &mut Random) {
    let now = now_unix();
    let owner: i64 = sqlx::query_scalar(
        "INSERT INTO users (contact, contact_kind, display_name, created_at) \
         VALUES ('13900000000', 'mobile', '邻居', $1) RETURNING id",
    )
    .bind(now)
    .fetch_one(db.pool())
    .await
    .expect("a poster");
    let mut tx = db.begin_write().await.expect("a write transaction");
    for batch in 0..ITEMS / BATCH {
        let mut sql = String::from(
            "INSERT INTO items (owner_id, kind, title, description, category, item_condition, \
             mode, cell_lat, cell_lng, expires_at, created_at, updated_at) VALUES ",
        );
        for row in 0..BATCH {
            let n = batch * BATCH + row;
            let (thing, category) = *random.pick(THINGS);
            let state = random.pick(STATES);
            let reason = random.pick(REASONS);
            let place = random.pick(PLACES);
            let kind = if n % 5 == 0 { "wanted" } else { "offer" };
            let condition = if kind == "offer" { "'good'" } else { "NULL" };
            // Posted over the last 30 days, newest last; none has expired.
            let created = now - 30 * 86_400 + (n as i64 * 30 * 86_400 / ITEMS as i64);
            let lat = 26.55 + random.below(1000) as f64 / 10_000.0;
            let lng = 106.65 + random.below(1000) as f64 / 10_000.0;
            if row > 0 {
                sql.push(',');
            }
            sql.push_str(&format!(
                "({owner}, '{kind}', '{state}{thing} {n}', '{state}的{thing}，{reason}。{place}附近自取，\
                 晚上七点后方便。', '{category}', {condition}, 'give', {lat}, {lng}, {}, {created}, {created})",
                now + 30 * 86_400
            ));
        }
        sqlx::query(&sql)
            .execute(&mut *tx)
            .await
            .expect("insert listings");
    }
    tx.commit().await.expect("commit the listings");
    if db.kind() == DbKind::Postgres {
        sqlx::query("ANALYZE items")
            .execute(db.pool())
            .await
            .expect("analyze");
    }
}

#[tokio::main]
async fn main() {
    println!("| database | listings | generated in | searches | p50 | p99 | slowest query |");
    println!("|---|---|---|---|---|---|---|");
    for test in each_backend().await {
        let mut random = Random(0x2545_F491_4F6C_DD1D);
        let started = Instant::now();
        generate(&test.db, &mut random).await;
        let generated = started.elapsed();
        let now = now_unix();
        let mut times = Vec::with_capacity(SEARCHES);
        let mut slowest = (Duration::ZERO, String::new());
        for i in 0..SEARCHES {
            let text = random.pick(QUERIES).to_string();
            let category = (i % 4 == 0).then(|| *random.pick(&ItemCategory::ALL));
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
