//! The load test's large data set (`bash .ci/bench`), added to the database at `DATABASE_URL`
//! (migrated first; the bench seeds the demo data before it, so the demo accounts still sign in):
//! - 100 verified organisations across Guiyang, each holding a year of events: one a week from
//!   half a year ago to half a year ahead (5,200 events, a quarter of them with few seats left),
//! - 100,000 item listings (the search benchmark's generator),
//! - community resources, as many as bring the map to 1,000,000 places.
//!
//!     DATABASE_URL=sqlite:///tmp/large.db cargo run --release -p app --features ssr --example bench_data
//!
//! With `--map-of N`, only community resources, as many as bring the map to N places (the map
//! API's budget is set at 100,000).

mod support;

use app::db::{now_unix, Db};
use app::events::model::EventCategory;
use app::orgs::model::OrgKind;
use app::resources::model::ResourceKind;
use std::time::Instant;
use support::{listings, Random};

const ORGANISATIONS: usize = 100;
const WEEKS: i64 = 52;
const ITEMS: usize = 100_000;
const MAP_PLACES: usize = 1_000_000;
/// Rows per INSERT statement.
const BATCH: usize = 500;
const DAY: i64 = 86_400;

/// Guiyang's built-up area, roughly (as the map benchmark).
const SOUTH: f64 = 26.40;
const NORTH: f64 = 26.75;
const WEST: f64 = 106.55;
const EAST: f64 = 106.90;

const ACTIVITIES: &[&str] = &[
    "探访独居老人",
    "社区义诊",
    "周末课业辅导",
    "河道垃圾清理",
    "旧衣回收整理",
    "助残出行陪伴",
    "亲子绘本共读",
    "防诈骗讲座",
    "爱心午餐配送",
    "社区文艺汇演",
];

/// Runs `rows` (each a parenthesised VALUES row) into `insert`, `BATCH` rows a statement, in one
/// transaction.
async fn insert_all(db: &Db, insert: &str, rows: impl Iterator<Item = String>) {
    let mut tx = db.begin_write().await.expect("a write transaction");
    let mut rows = rows.peekable();
    while rows.peek().is_some() {
        let batch: Vec<String> = rows.by_ref().take(BATCH).collect();
        sqlx::query(&format!("{insert} VALUES {}", batch.join(",")))
            .execute(&mut *tx)
            .await
            .unwrap_or_else(|e| panic!("{insert}: {e}"));
    }
    tx.commit().await.expect("commit");
}

/// The organisations, verified and on the map; their ids and places.
async fn organisations(db: &Db, random: &mut Random, now: i64) -> Vec<(i64, f64, f64)> {
    let first: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) + 1 FROM organisations")
        .fetch_one(db.pool())
        .await
        .expect("the next organisation id");
    let orgs: Vec<(i64, f64, f64)> = (0..ORGANISATIONS as i64)
        .map(|n| {
            let lat = random.between(SOUTH, NORTH);
            (first + n, lat, random.between(WEST, EAST))
        })
        .collect();
    let rows = orgs.iter().enumerate().map(|(n, (id, lat, lng))| {
        let kind = OrgKind::ALL[n % OrgKind::ALL.len()].as_str();
        let street = listings::PLACES[n % listings::PLACES.len()];
        format!(
            "({id}, '{kind}', '云岩公益服务中心 {n} 号', '服务社区老人、儿童和残障人士。', \
             '云岩区{street}{n}号', {lat}, {lng}, 'verified', {now}, {now})"
        )
    });
    insert_all(
        db,
        "INSERT INTO organisations (id, kind, name, description, address, lat, lng, verification, \
         created_at, updated_at)",
        rows,
    )
    .await;
    orgs
}

/// One event a week for each organisation, from half a year ago to half a year ahead.
async fn events(db: &Db, random: &mut Random, orgs: &[(i64, f64, f64)], now: i64) {
    let today = now - now % DAY;
    let mut rows = Vec::new();
    for (n, &(org, lat, lng)) in orgs.iter().enumerate() {
        for week in -WEEKS / 2..WEEKS / 2 {
            // Mornings or afternoons (China time), on a day of the week of the organisation's own.
            let starts_at = today
                + week * 7 * DAY
                + (n as i64 % 7) * DAY
                + (random.below(8) as i64 + 1) * 3_600;
            let ends_at = starts_at + (2 + random.below(3) as i64) * 3_600;
            let activity = random.pick(ACTIVITIES);
            let category = EventCategory::ALL[random.below(EventCategory::ALL.len())].as_str();
            // A quarter with no seat limit; the others with 10 to 50 seats, some nearly full.
            let (capacity, taken) = match random.below(4) {
                0 => ("NULL".to_string(), 0),
                _ => {
                    let seats = 10 + random.below(41);
                    (seats.to_string(), random.below(seats + 1))
                }
            };
            let street = random.pick(listings::PLACES);
            rows.push(format!(
                "({org}, '{activity}', '和邻居们一起{activity}，欢迎报名。', '{category}', \
                 {starts_at}, {ends_at}, '{street}社区服务站', '云岩区{street}{n}号', {}, {}, \
                 {capacity}, {taken}, 'published', {now}, {now})",
                lat + random.between(-0.01, 0.01),
                lng + random.between(-0.01, 0.01),
            ));
        }
    }
    insert_all(
        db,
        "INSERT INTO events (org_id, title, summary, category, starts_at, ends_at, place_name, \
         address, lat, lng, capacity, seats_taken, status, created_at, updated_at)",
        rows.into_iter(),
    )
    .await;
}

/// `count` community resources spread over the city.
async fn resources(db: &Db, random: &mut Random, count: usize, now: i64) {
    let rows = (0..count).map(|n| {
        let kind = ResourceKind::ALL[n % ResourceKind::ALL.len()].as_str();
        let street = listings::PLACES[n % listings::PLACES.len()];
        let (lat, lng) = (random.between(SOUTH, NORTH), random.between(WEST, EAST));
        format!(
            "('{kind}', '{street}便民点 {n}', '云岩区{street}{}号', {lat}, {lng}, {now}, {now})",
            n % 997
        )
    });
    insert_all(
        db,
        "INSERT INTO community_resources (kind, name, address, lat, lng, created_at, updated_at)",
        rows,
    )
    .await;
}

/// N of `--map-of N`: only places, up to N.
fn map_only() -> Option<usize> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [] => None,
        [flag, places] if flag == "--map-of" => Some(places.parse().expect("--map-of N: a number")),
        _ => panic!("usage: bench_data [--map-of N]"),
    }
}

/// Community resources, as many as bring the map to `places`; how many it then holds.
async fn fill_map(db: &Db, random: &mut Random, places: usize, now: i64) -> usize {
    let on_the_map = || async {
        app::map::index::MapIndex::default()
            .snapshot(db.pool())
            .await
            .expect("read the map")
            .len()
    };
    let before = on_the_map().await;
    resources(db, random, places.saturating_sub(before), now).await;
    on_the_map().await
}

/// A bulk load leaves SQLite's text indexes in thousands of small segments, each read by every
/// search; merged into one, as an import would end (ordinary writes merge them as they go).
async fn merge_text_indexes(db: &Db) {
    if db.kind() != app::db::DbKind::Sqlite {
        return;
    }
    for table in [
        "items_text",
        "items_grams",
        "resources_text",
        "resources_grams",
    ] {
        sqlx::query(&format!(
            "INSERT INTO {table} ({table}) VALUES ('optimize')"
        ))
        .execute(db.pool())
        .await
        .expect("merge a text index");
    }
}

#[tokio::main]
async fn main() {
    let url = std::env::var("DATABASE_URL").expect("DATABASE_URL: the database to fill");
    let db = Db::connect_and_migrate(&url)
        .await
        .expect("open and migrate the database");
    let mut random = Random(0x1234_5678_9ABC_DEF1);
    let now = now_unix();
    let started = Instant::now();
    let generated = match map_only() {
        Some(wanted) => {
            let places = fill_map(&db, &mut random, wanted, now).await;
            format!("a map of {places} places")
        }
        None => {
            let orgs = organisations(&db, &mut random, now).await;
            events(&db, &mut random, &orgs, now).await;
            listings::generate(&db, &mut random, ITEMS).await;
            let places = fill_map(&db, &mut random, MAP_PLACES, now).await;
            format!(
                "{ORGANISATIONS} organisations, {} events, {ITEMS} listings and a map of {places} \
                 places",
                ORGANISATIONS as i64 * WEEKS
            )
        }
    };
    merge_text_indexes(&db).await;
    eprintln!(
        "generated {generated} in {:.0} s",
        started.elapsed().as_secs_f64()
    );
    db.close().await;
}
