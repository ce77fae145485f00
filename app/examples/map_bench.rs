//! The map's benchmark (not a timed test): generated places over Guiyang, then
//! - the visible-area query alone (the packed spatial index finding what lies in a phone-sized box), and
//! - the clustered map API's work in memory (query, filter, cluster, list, JSON) for random views
//!   from the city to the street, and for the whole city alone (naming the listed places from the
//!   database comes on top: the server benchmark has it),
//!
//! each as p50/p99 over many random requests, at 100,000 and 1,000,000 places, and how much
//! memory the process holds once the index is built (places are added one by one, as the server
//! streams them from the database).
//!
//!     cargo run --release -p app --features ssr --example map_bench
//!
//! The README's map section carries the figures next to the budgets of PRODUCT.md §4.

mod support;

use app::geo::BBox;
use app::map::index::{Pin, Shown, Snapshot, SnapshotBuilder};
use app::map::model::PlaceKind;
use app::map::view::MapFilter;
use app::orgs::model::OrgKind;
use std::time::Instant;
use support::{ms, percentiles, Random};

/// Guiyang's built-up area, roughly.
const SOUTH: f64 = 26.40;
const NORTH: f64 = 26.75;
const WEST: f64 = 106.55;
const EAST: f64 = 106.90;
/// A phone's map in pixels (390 × 844 screen, minus the controls).
const VIEW_PX: (f64, f64) = (390.0, 480.0);
const REQUESTS: usize = 2_000;

fn snapshot(count: usize, random: &mut Random) -> Snapshot {
    let mut builder = SnapshotBuilder::default();
    for i in 0..count {
        builder.push(Pin {
            kind: PlaceKind::Organisation(OrgKind::ALL[i % OrgKind::ALL.len()]),
            id: i as i64,
            tier: None,
            lat: random.between(SOUTH, NORTH),
            lng: random.between(WEST, EAST),
        });
    }
    builder.build(1)
}

/// The process's resident memory now and at its peak, in MB (Linux).
fn memory_mb() -> (f64, f64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|line| line.strip_prefix(name))
            .and_then(|rest| {
                rest.trim()
                    .trim_end_matches("kB")
                    .trim()
                    .parse::<f64>()
                    .ok()
            })
            .map_or(f64::NAN, |kb| kb / 1024.0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// The area a phone shows at `zoom` around a random point of the city.
fn random_view(random: &mut Random, zoom: u8) -> BBox {
    let degrees_per_px = 360.0 / (256.0 * f64::from(1u32 << zoom));
    let half_w = VIEW_PX.0 / 2.0 * degrees_per_px;
    // Near 26.6°N a degree of latitude spans about 1/cos(26.6°) of a degree of longitude on screen.
    let half_h = VIEW_PX.1 / 2.0 * degrees_per_px * 26.6f64.to_radians().cos();
    let lat = random.between(SOUTH, NORTH);
    let lng = random.between(WEST, EAST);
    BBox {
        south: lat - half_h,
        west: lng - half_w,
        north: lat + half_h,
        east: lng + half_w,
    }
}

fn main() {
    let all = MapFilter::everything();
    let everything = Shown {
        filter: &all,
        matches: None,
    };
    println!(
        "| places | build | RSS after build (peak) | visible-area query p50 | p99 | \
         clustered API p50 | p99 | city view (zoom 11) p50 | p99 | largest answer |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    for count in [100_000, 1_000_000] {
        let mut random = Random(0x9E37_79B9_7F4A_7C15);
        let started = Instant::now();
        let snapshot = snapshot(count, &mut random);
        let build = started.elapsed();
        let (rss, peak) = memory_mb();

        // The query alone, at street level (zoom 16), where people look for what is near.
        let mut query_times = Vec::with_capacity(REQUESTS);
        let mut found = 0usize;
        for _ in 0..REQUESTS {
            let area = random_view(&mut random, 16);
            let started = Instant::now();
            found += snapshot.count_in_area(area, everything);
            query_times.push(started.elapsed());
        }

        // The whole answer of the clustered API, at every zoom from the city to the street.
        let mut view_times = Vec::with_capacity(REQUESTS);
        let mut largest = 0usize;
        for i in 0..REQUESTS {
            let zoom = 11 + (i % 8) as u8;
            let area = random_view(&mut random, zoom);
            let started = Instant::now();
            let view = snapshot.view(area, zoom, everything);
            let json = serde_json::to_string(&view).expect("the answer serialises");
            view_times.push(started.elapsed());
            largest = largest.max(json.len());
        }

        // The whole city on one phone screen, the view that has the most places to count.
        let mut city_times = Vec::with_capacity(REQUESTS / 10);
        for _ in 0..REQUESTS / 10 {
            let area = random_view(&mut random, 11);
            let started = Instant::now();
            let view = snapshot.view(area, 11, everything);
            let json = serde_json::to_string(&view).expect("the answer serialises");
            city_times.push(started.elapsed());
            largest = largest.max(json.len());
        }
        let (q50, q99) = percentiles(query_times);
        let (v50, v99) = percentiles(view_times);
        let (c50, c99) = percentiles(city_times);
        println!(
            "| {count} | {:.2} s | {rss:.0} MB ({peak:.0} MB) | {} | {} | {} | {} | {} | {} | {:.1} KB |",
            build.as_secs_f64(),
            ms(q50, 3),
            ms(q99, 3),
            ms(v50, 3),
            ms(v99, 3),
            ms(c50, 3),
            ms(c99, 3),
            largest as f64 / 1000.0
        );
        // Keeps the query from being optimised away.
        assert!(found > 0);
    }
}
