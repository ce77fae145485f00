//! A read-only spatial index packed into flat arrays (a static R-tree, as Flatbush builds one): the
//! places themselves, sorted along a Hilbert curve so that neighbours on the map sit together, and
//! above them a few small levels of boxes, one box per 16 children.
//!
//! rstar kept every place inside a 64-byte tree node; here a place costs only its own size, and
//! building sorts the places where they are instead of copying them into a second structure. At a
//! million places that is the difference between the map fitting the server's memory budget or not.
//!
//! Each box also keeps a summary of what lies under it (for the map: how many places, of which
//! layers, and their centre), so that a walk may take a whole box at once instead of its places:
//! the view of a whole city then reads a few thousand boxes instead of a million places.

use super::cluster::Located;
use crate::geo::BBox;
use crate::geo::LatLng;
use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// Children per box: wide enough that the levels of boxes are a few percent of the places.
const NODE_SIZE: usize = 16;

/// What a box knows of the items under it, gathered once when the index is built.
pub trait Summary<T>: Copy + Default {
    fn add_item(&mut self, item: &T);
    fn add(&mut self, other: &Self);
}

/// No summary, for an index that is only searched.
impl<T> Summary<T> for () {
    fn add_item(&mut self, _: &T) {}
    fn add(&mut self, _: &()) {}
}

/// A box of the tree in single precision, rounded outwards: half the memory of a [`BBox`], and
/// still around everything it holds (a walk only ever opens a box too many, never one too few).
#[derive(Clone, Copy, Debug)]
struct Bounds32 {
    south: f32,
    west: f32,
    north: f32,
    east: f32,
}

impl Bounds32 {
    fn around(b: &BBox) -> Bounds32 {
        let down = |v: f64| {
            let f = v as f32;
            if f64::from(f) > v {
                f.next_down()
            } else {
                f
            }
        };
        let up = |v: f64| {
            let f = v as f32;
            if f64::from(f) < v {
                f.next_up()
            } else {
                f
            }
        };
        Bounds32 {
            south: down(b.south),
            west: down(b.west),
            north: up(b.north),
            east: up(b.east),
        }
    }

    fn wide(&self) -> BBox {
        BBox {
            south: self.south.into(),
            west: self.west.into(),
            north: self.north.into(),
            east: self.east.into(),
        }
    }
}

pub struct PackedIndex<T, S = ()> {
    items: Vec<T>,
    /// `levels[0][i]` holds items `16·i .. 16·i + 16`, `levels[1][i]` holds boxes `16·i ..` of level
    /// 0, and so on up to one box; no levels when there are no items.
    levels: Vec<Vec<Bounds32>>,
    /// The summaries of the boxes of `levels[1..]`. A box of level 0 (nine in ten of them) sums up
    /// its 16 items when asked: cheap next to what taking it whole saves, and memory kept free.
    summaries: Vec<Vec<S>>,
}

impl<T, S> std::fmt::Debug for PackedIndex<T, S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PackedIndex")
            .field("items", &self.items.len())
            .field("levels", &self.levels.len())
            .finish()
    }
}

/// What a walk through an area finds: an item, or a whole box the caller chose to take at once.
#[derive(Debug, PartialEq)]
pub enum Found<'a, T, S> {
    Item(&'a T),
    Whole { bounds: BBox, summary: S },
}

impl<T: Located, S: Summary<T>> PackedIndex<T, S> {
    pub fn new(mut items: Vec<T>) -> PackedIndex<T, S> {
        if let Some(bounds) = bounds_of(items.iter().map(Located::position)) {
            sort_along_hilbert_curve(&mut items, &bounds);
        }
        let mut levels = Vec::new();
        let mut summaries = Vec::new();
        let mut boxes: Vec<(Bounds32, S)> = items
            .chunks(NODE_SIZE)
            .filter_map(|chunk| {
                let (bounds, summary) = summarise(chunk)?;
                Some((Bounds32::around(&bounds), summary))
            })
            .collect();
        while !boxes.is_empty() {
            let above: Vec<(Bounds32, S)> = match boxes.len() {
                1 => Vec::new(),
                _ => boxes.chunks(NODE_SIZE).filter_map(parent).collect(),
            };
            let (bounds, summary): (Vec<Bounds32>, Vec<S>) = boxes.into_iter().unzip();
            if !levels.is_empty() {
                summaries.push(summary);
            }
            levels.push(bounds);
            boxes = above;
        }
        PackedIndex {
            items,
            levels,
            summaries,
        }
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Every item, in the index's order.
    pub fn items(&self) -> &[T] {
        &self.items
    }

    #[cfg(test)]
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Every item inside `area` (edges included), in no particular order.
    #[cfg(test)]
    pub fn in_area(&self, area: BBox) -> impl Iterator<Item = &T> {
        self.in_area_by_box(area, |_, _| false)
            .filter_map(|found| match found {
                Found::Item(item) => Some(item),
                Found::Whole { .. } => None,
            })
    }

    /// Every item inside `area`, except that a box lying wholly inside it for which `whole` says
    /// yes comes as one [`Found::Whole`] instead of its items.
    pub fn in_area_by_box<W: Fn(&BBox, &S) -> bool>(
        &self,
        area: BBox,
        whole: W,
    ) -> InArea<'_, T, S, W> {
        InArea {
            index: self,
            area,
            whole,
            boxes: self.top().collect(),
            items: 0..0,
        }
    }

    /// Items inside `area` for which `keep` says yes, by their distance from `point` in degrees
    /// (longitude and latitude taken alike), nearest first, each with that distance squared.
    /// Boxes outside the area and items left out never enter the queue.
    pub fn nearest_in<K: Fn(&T) -> bool>(
        &self,
        point: LatLng,
        area: BBox,
        keep: K,
    ) -> Nearest<'_, T, S, K> {
        let mut nearest = Nearest {
            index: self,
            point,
            area,
            keep,
            queue: BinaryHeap::new(),
        };
        for (level, at) in self.top() {
            nearest.push_box(level, at);
        }
        nearest
    }

    /// Every item by its distance from `point`, nearest first (see [`PackedIndex::nearest_in`]).
    #[cfg(test)]
    pub fn nearest(&self, point: LatLng) -> Nearest<'_, T, S, impl Fn(&T) -> bool> {
        self.nearest_in(point, BBox::EVERYWHERE, |_| true)
    }
}

/// Finding one's way in the tree, whatever it holds.
impl<T, S> PackedIndex<T, S> {
    /// The box (or none) at the top level.
    fn top(&self) -> impl Iterator<Item = (usize, usize)> {
        self.levels
            .len()
            .checked_sub(1)
            .map(|level| (level, 0))
            .into_iter()
    }

    /// What box `at` of `level` holds: a range of boxes one level down, or of items under level 0.
    fn children(&self, level: usize, at: usize) -> std::ops::Range<usize> {
        let below = match level {
            0 => self.items.len(),
            _ => self.levels[level - 1].len(),
        };
        at * NODE_SIZE..((at + 1) * NODE_SIZE).min(below)
    }
}

/// The exact box around some items, and their summary.
fn summarise<T: Located, S: Summary<T>>(items: &[T]) -> Option<(BBox, S)> {
    let bounds = bounds_of(items.iter().map(Located::position))?;
    let mut summary = S::default();
    items.iter().for_each(|item| summary.add_item(item));
    Some((bounds, summary))
}

fn parent<T, S: Summary<T>>(children: &[(Bounds32, S)]) -> Option<(Bounds32, S)> {
    let corners = children.iter().flat_map(|(bounds, _)| {
        let b = bounds.wide();
        [LatLng::new(b.south, b.west), LatLng::new(b.north, b.east)]
    });
    let bounds = bounds_of(corners)?;
    let mut summary = S::default();
    children
        .iter()
        .for_each(|(_, child)| Summary::<T>::add(&mut summary, child));
    Some((Bounds32::around(&bounds), summary))
}

/// The walk behind [`PackedIndex::in_area_by_box`]: boxes still to open, and the items of the one
/// open.
pub struct InArea<'a, T, S, W> {
    index: &'a PackedIndex<T, S>,
    area: BBox,
    whole: W,
    boxes: Vec<(usize, usize)>,
    items: std::ops::Range<usize>,
}

impl<'a, T: Located, S: Summary<T>, W: Fn(&BBox, &S) -> bool> Iterator for InArea<'a, T, S, W> {
    type Item = Found<'a, T, S>;

    fn next(&mut self) -> Option<Found<'a, T, S>> {
        loop {
            if let Some(at) = self.items.next() {
                let item = &self.index.items[at];
                if self.area.contains(item.position()) {
                    return Some(Found::Item(item));
                }
                continue;
            }
            let (level, at) = self.boxes.pop()?;
            let bounds = self.index.levels[level][at].wide();
            if !overlaps(&self.area, &bounds) {
                continue;
            }
            let children = self.index.children(level, at);
            if holds(&self.area, &bounds) {
                let whole = match level {
                    0 => summarise(&self.index.items[children.clone()]),
                    _ => Some((bounds, self.index.summaries[level - 1][at])),
                };
                if let Some((bounds, summary)) = whole.filter(|(b, s)| (self.whole)(b, s)) {
                    return Some(Found::Whole { bounds, summary });
                }
            }
            match level {
                0 => self.items = children,
                _ => self.boxes.extend(children.map(|child| (level - 1, child))),
            }
        }
    }
}

/// The walk behind [`PackedIndex::nearest_in`]: boxes and items by their least possible distance,
/// so an item leaves the queue only when nothing left can be nearer.
pub struct Nearest<'a, T, S, K> {
    index: &'a PackedIndex<T, S>,
    point: LatLng,
    area: BBox,
    keep: K,
    queue: BinaryHeap<Candidate>,
}

impl<T: Located, S, K: Fn(&T) -> bool> Nearest<'_, T, S, K> {
    fn push_box(&mut self, level: usize, at: usize) {
        let bounds = self.index.levels[level][at].wide();
        if overlaps(&self.area, &bounds) {
            self.queue.push(Candidate {
                degrees_squared: box_distance_2(&bounds, self.point),
                what: Node::Box { level, at },
            });
        }
    }

    fn push_item(&mut self, at: usize) {
        let item = &self.index.items[at];
        let position = item.position();
        if self.area.contains(position) && (self.keep)(item) {
            self.queue.push(Candidate {
                degrees_squared: point_distance_2(position, self.point),
                what: Node::Item(at),
            });
        }
    }
}

impl<'a, T: Located, S, K: Fn(&T) -> bool> Iterator for Nearest<'a, T, S, K> {
    type Item = (&'a T, f64);

    fn next(&mut self) -> Option<(&'a T, f64)> {
        loop {
            let Candidate {
                degrees_squared,
                what,
            } = self.queue.pop()?;
            let (level, at) = match what {
                Node::Item(at) => return Some((&self.index.items[at], degrees_squared)),
                Node::Box { level, at } => (level, at),
            };
            let below = level.checked_sub(1);
            for child in self.index.children(level, at) {
                match below {
                    None => self.push_item(child),
                    Some(below) => self.push_box(below, child),
                }
            }
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Node {
    Box { level: usize, at: usize },
    Item(usize),
}

/// A queue entry; the heap pops the smallest distance first.
#[derive(Debug, PartialEq)]
struct Candidate {
    degrees_squared: f64,
    what: Node,
}

impl Eq for Candidate {}

impl Ord for Candidate {
    fn cmp(&self, other: &Self) -> Ordering {
        other.degrees_squared.total_cmp(&self.degrees_squared)
    }
}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

fn point_distance_2(p: LatLng, point: LatLng) -> f64 {
    let (dx, dy) = (p.lng - point.lng, p.lat - point.lat);
    dx * dx + dy * dy
}

/// The least distance squared from `point` to anything in `b` (0 inside it).
fn box_distance_2(b: &BBox, point: LatLng) -> f64 {
    let dx = (b.west - point.lng).max(point.lng - b.east).max(0.0);
    let dy = (b.south - point.lat).max(point.lat - b.north).max(0.0);
    dx * dx + dy * dy
}

fn overlaps(a: &BBox, b: &BBox) -> bool {
    a.west <= b.east && b.west <= a.east && a.south <= b.north && b.south <= a.north
}

/// Whether `inner` lies wholly inside `outer`.
fn holds(outer: &BBox, inner: &BBox) -> bool {
    outer.west <= inner.west
        && inner.east <= outer.east
        && outer.south <= inner.south
        && inner.north <= outer.north
}

fn bounds_of(mut points: impl Iterator<Item = LatLng>) -> Option<BBox> {
    let mut bounds = BBox::around(points.next()?);
    points.for_each(|p| bounds.extend(p));
    Some(bounds)
}

/// Puts the items in their order along the Hilbert curve. Each key is worked out once and kept
/// with its item's index in 8 bytes (`sort_by_cached_key` keeps 16: at a million places that is
/// the build's peak), then the items move into place cycle by cycle, without a second list.
fn sort_along_hilbert_curve<T: Located>(items: &mut [T], bounds: &BBox) {
    let Ok(count) = u32::try_from(items.len()) else {
        items.sort_by_cached_key(|item| hilbert_key(bounds, item.position()));
        return;
    };
    let mut order: Vec<(u32, u32)> = items
        .iter()
        .zip(0..count)
        .map(|(item, index)| (hilbert_key(bounds, item.position()), index))
        .collect();
    order.sort_unstable();
    // The item for position `k` is at `order[k].1`; a position done is marked with u32::MAX.
    const DONE: u32 = u32::MAX;
    for start in 0..order.len() {
        let mut k = start;
        while order[k].1 != DONE {
            let from = order[k].1 as usize;
            order[k].1 = DONE;
            if from == start {
                break;
            }
            items.swap(k, from);
            k = from;
        }
    }
}

/// Where `p` falls along a Hilbert curve through a 65,536 × 65,536 grid over `bounds`. Only the
/// order matters: places close on the curve are close on the map, so each box stays small.
fn hilbert_key(bounds: &BBox, p: LatLng) -> u32 {
    const SIDE: u32 = 1 << 16;
    let cell = |value: f64, low: f64, high: f64| {
        let share = if high > low {
            (value - low) / (high - low)
        } else {
            0.0
        };
        // `as` saturates, and NaN becomes 0.
        ((share * f64::from(SIDE - 1)) as u32).min(SIDE - 1)
    };
    let (mut x, mut y) = (
        cell(p.lng, bounds.west, bounds.east),
        cell(p.lat, bounds.south, bounds.north),
    );
    let mut key = 0;
    let mut s = SIDE / 2;
    while s > 0 {
        let rx = u32::from(x & s > 0);
        let ry = u32::from(y & s > 0);
        key += s * s * ((3 * rx) ^ ry);
        // Turn the quadrant so the curve runs on unbroken.
        if ry == 0 {
            if rx == 1 {
                x = SIDE - 1 - x;
                y = SIDE - 1 - y;
            }
            std::mem::swap(&mut x, &mut y);
        }
        s /= 2;
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn points(raw: &[(f64, f64)]) -> Vec<LatLng> {
        raw.iter()
            .map(|(lat, lng)| LatLng::new(*lat, *lng))
            .collect()
    }

    /// How many points a box holds.
    #[derive(Clone, Copy, Debug, Default, PartialEq)]
    struct Count(usize);

    impl Summary<LatLng> for Count {
        fn add_item(&mut self, _: &LatLng) {
            self.0 += 1;
        }
        fn add(&mut self, other: &Count) {
            self.0 += other.0;
        }
    }

    fn sorted(found: Vec<LatLng>) -> Vec<(u64, u64)> {
        let mut keys: Vec<(u64, u64)> = found
            .iter()
            .map(|p| (p.lat.to_bits(), p.lng.to_bits()))
            .collect();
        keys.sort_unstable();
        keys
    }

    #[test]
    fn an_empty_index_finds_nothing() {
        let index = PackedIndex::<LatLng>::new(Vec::new());
        let everywhere = BBox {
            south: -90.0,
            west: -180.0,
            north: 90.0,
            east: 180.0,
        };
        assert!(index.is_empty());
        assert_eq!(index.in_area(everywhere).count(), 0);
        assert_eq!(index.nearest(LatLng::new(0.0, 0.0)).count(), 0);
    }

    #[test]
    fn the_hilbert_curve_visits_every_cell_of_a_small_grid_once() {
        let bounds = BBox {
            south: 0.0,
            west: 0.0,
            north: 1.0,
            east: 1.0,
        };
        let mut keys: Vec<u32> = (0..=4)
            .flat_map(|x| (0..=4).map(move |y| (x, y)))
            .map(|(x, y)| hilbert_key(&bounds, LatLng::new(y as f64 / 4.0, x as f64 / 4.0)))
            .collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), 25);
    }

    proptest! {
        /// Sorting along the curve keeps every item once and leaves them in the order of their keys.
        #[test]
        fn sorting_along_the_curve_moves_items_without_losing_any(
            raw in prop::collection::vec((26.3f64..26.9, 106.4f64..107.0), 0..500),
        ) {
            let mut items = points(&raw);
            if let Some(bounds) = bounds_of(items.iter().copied()) {
                sort_along_hilbert_curve(&mut items, &bounds);
                let keys: Vec<u32> = items.iter().map(|p| hilbert_key(&bounds, *p)).collect();
                prop_assert!(keys.windows(2).all(|pair| pair[0] <= pair[1]));
            }
            prop_assert_eq!(sorted(items), sorted(points(&raw)));
        }

        /// The area query finds exactly the points a full scan finds, edges and duplicates included.
        #[test]
        fn the_area_query_matches_a_full_scan(
            raw in prop::collection::vec((26.3f64..26.9, 106.4f64..107.0), 0..700),
            corner_a in (26.3f64..26.9, 106.4f64..107.0),
            corner_b in (26.3f64..26.9, 106.4f64..107.0),
            repeat_first in any::<bool>(),
        ) {
            let mut all = points(&raw);
            if repeat_first && !all.is_empty() {
                all.push(all[0]);
            }
            let area = BBox {
                south: corner_a.0.min(corner_b.0),
                west: corner_a.1.min(corner_b.1),
                north: corner_a.0.max(corner_b.0),
                east: corner_a.1.max(corner_b.1),
            };
            let expected: Vec<LatLng> = all.iter().copied().filter(|p| area.contains(*p)).collect();
            let index = PackedIndex::<LatLng>::new(all);
            let found: Vec<LatLng> = index.in_area(area).copied().collect();
            prop_assert_eq!(sorted(found), sorted(expected));
        }

        /// Taking whole boxes counts the same points as visiting each, and a whole box lies inside
        /// the area; the nearest walk within the area keeps to it and to the points asked for.
        #[test]
        fn whole_boxes_and_the_nearest_walk_keep_to_the_area(
            raw in prop::collection::vec((26.3f64..26.9, 106.4f64..107.0), 0..2000),
            corner_a in (26.3f64..26.9, 106.4f64..107.0),
            corner_b in (26.3f64..26.9, 106.4f64..107.0),
        ) {
            let all = points(&raw);
            let area = BBox {
                south: corner_a.0.min(corner_b.0),
                west: corner_a.1.min(corner_b.1),
                north: corner_a.0.max(corner_b.0),
                east: corner_a.1.max(corner_b.1),
            };
            let inside = all.iter().filter(|p| area.contains(**p)).count();
            let north_half = |p: &LatLng| p.lat >= (area.south + area.north) / 2.0;
            let mut expected: Vec<f64> = all
                .iter()
                .filter(|p| area.contains(**p) && north_half(p))
                .map(|p| point_distance_2(*p, area.middle()))
                .collect();
            expected.sort_by(f64::total_cmp);
            let index = PackedIndex::<LatLng, Count>::new(all);
            let mut counted = 0;
            for found in index.in_area_by_box(area, |_, _| true) {
                counted += match found {
                    Found::Item(_) => 1,
                    Found::Whole { bounds, summary } => {
                        prop_assert!(holds(&area, &bounds) && summary.0 > 0);
                        summary.0
                    }
                };
            }
            prop_assert_eq!(counted, inside);
            let found: Vec<f64> = index
                .nearest_in(area.middle(), area, north_half)
                .map(|(_, d)| d)
                .collect();
            prop_assert_eq!(found, expected);
        }

        /// Nearest first really is nearest first, and every point comes out once.
        #[test]
        fn nearest_walks_every_point_in_order_of_distance(
            raw in prop::collection::vec((26.3f64..26.9, 106.4f64..107.0), 0..700),
            centre in (26.3f64..26.9, 106.4f64..107.0),
        ) {
            let all = points(&raw);
            let centre = LatLng::new(centre.0, centre.1);
            let mut expected: Vec<f64> = all.iter().map(|p| point_distance_2(*p, centre)).collect();
            expected.sort_by(f64::total_cmp);
            let index = PackedIndex::<LatLng>::new(all);
            let found: Vec<f64> = index.nearest(centre).map(|(p, d)| {
                assert_eq!(d, point_distance_2(*p, centre));
                d
            }).collect();
            prop_assert_eq!(found, expected);
        }
    }
}
