//! Server-side clustering for the map: the browser sends the visible box and zoom and draws what it
//! gets back — clusters with counts and single points — so a phone never handles thousands of
//! markers.
//!
//! Points are grouped by a square grid in screen pixels at the asked zoom (Web Mercator, 256-pixel
//! tiles): every point of the box falls in exactly one cell, so the counts always add up to the
//! points in the box. A cell with one point gives that point; a cell with more gives a cluster at
//! their centre, with the box that holds them (the map zooms to it when the cluster is tapped).

use crate::geo::{BBox, LatLng};
use std::collections::HashMap;

/// Width of a grid cell in screen pixels: about a fingertip and a half on a phone.
pub const CELL_PX: f64 = 64.0;
/// The closest zoom the map offers.
pub const MAX_ZOOM: u8 = 19;
/// From this zoom on every point is its own marker: places in one building (an event at an
/// organisation's rooms) would otherwise stay a cluster that no tap can open.
pub const SINGLES_FROM_ZOOM: u8 = 18;
/// Most points a view at those zooms shows one by one; a view holding more is grouped into
/// cells as at lower zooms (a cell with one point is still a single place, so at most
/// `MOST_VIEW_CELLS` are named). Each single place is looked up by name: these two bound what one
/// request (a visitor's included) costs the server.
pub const MOST_SINGLES: usize = 1_000;
/// Most cells in one view: a phone's screen shows about a hundred, a wide desktop one about 500.
/// A view asking for more (a whole city at street zoom) is grouped at the closest zoom that
/// fits, so neither its cells nor the single places it names can run into the thousands.
pub const MOST_VIEW_CELLS: i64 = 4_096;

/// Something with a place on the map.
pub trait Located {
    fn position(&self) -> LatLng;
}

/// What the map draws: one point, or several shown as one marker with their number.
#[derive(Debug, PartialEq)]
pub enum Marker<'a, T> {
    Single(&'a T),
    Cluster {
        center: LatLng,
        count: usize,
        bounds: BBox,
    },
}

impl<T> Marker<'_, T> {
    pub fn count(&self) -> usize {
        match self {
            Marker::Single(_) => 1,
            Marker::Cluster { count, .. } => *count,
        }
    }
}

/// What clustering is given: one point, or several counted beforehand that lie inside the box and
/// in one cell of the grid (see [`Grid::fits_one_cell`]), so they need not be visited one by one.
#[derive(Debug, PartialEq)]
pub enum Part<'a, T> {
    One(&'a T),
    Many(Group),
}

/// Several points, counted: how many, the sums of their latitudes and longitudes, and their box.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Group {
    pub count: usize,
    pub lat_sum: f64,
    pub lng_sum: f64,
    pub bounds: BBox,
}

impl Group {
    fn of(p: LatLng) -> Group {
        Group {
            count: 1,
            lat_sum: p.lat,
            lng_sum: p.lng,
            bounds: BBox::around(p),
        }
    }

    fn add(&mut self, other: &Group) {
        self.count += other.count;
        self.lat_sum += other.lat_sum;
        self.lng_sum += other.lng_sum;
        self.bounds
            .extend(LatLng::new(other.bounds.south, other.bounds.west));
        self.bounds
            .extend(LatLng::new(other.bounds.north, other.bounds.east));
    }
}

/// The latitude where Mercator pixels stop: maps end at about 85°.
const MERCATOR_LIMIT: f64 = 85.051_128_78;
/// Beyond this many rows of cells in one view, rows are worked out point by point (only an area
/// far larger than a screen has so many).
const MOST_ROWS_KEPT: i64 = 1024;

/// The cells of one view: a square grid in screen pixels over the area at the zoom asked. Columns
/// are linear in longitude; rows are not (Web Mercator), so the latitudes where rows change are
/// worked out once per view and a point's row is found by comparing with them, instead of a
/// logarithm and two trigonometric functions for every point.
#[derive(Clone, Debug)]
pub struct Grid {
    pub area: BBox,
    /// The zoom the cells are made at: the one asked, or a closer-to-the-world one when the
    /// area at that zoom would have more than `MOST_VIEW_CELLS` cells.
    pub zoom: u8,
    /// The zoom asked shows every point alone (`SINGLES_FROM_ZOOM`), up to `MOST_SINGLES`.
    singles: bool,
    /// The whole world's width in pixels at this zoom.
    size: f64,
    /// The row of the area's north edge, and the latitudes (north to south) where the next rows
    /// start; none when the area has too many rows.
    first_row: i64,
    last_row: i64,
    row_edges: Option<Vec<f64>>,
}

impl Grid {
    pub fn new(area: BBox, asked: u8) -> Grid {
        let asked = asked.min(MAX_ZOOM);
        let size_at = |zoom: u8| 256.0 * f64::from(1u32 << zoom);
        let row_at = |lat: f64, size: f64| (mercator_y(lat, size) / CELL_PX).floor() as i64;
        let column_at = |lng: f64, size: f64| {
            ((lng.clamp(-180.0, 180.0) + 180.0) / 360.0 * size / CELL_PX).floor() as i64
        };
        let cells_at = |zoom: u8| {
            let size = size_at(zoom);
            let columns = column_at(area.east, size) - column_at(area.west, size) + 1;
            let rows = row_at(area.south, size) - row_at(area.north, size) + 1;
            columns.saturating_mul(rows)
        };
        let zoom = (0..=asked)
            .rev()
            .find(|&zoom| cells_at(zoom) <= MOST_VIEW_CELLS)
            .unwrap_or(0);
        let size = size_at(zoom);
        let row = |lat: f64| row_at(lat, size);
        let (first_row, last_row) = (row(area.north), row(area.south));
        let row_edges = match last_row - first_row {
            rows if (0..=MOST_ROWS_KEPT).contains(&rows) => Some(
                (first_row + 1..=last_row)
                    .map(|r| latitude_at(r as f64 * CELL_PX, size))
                    .collect(),
            ),
            _ => None,
        };
        Grid {
            area,
            zoom,
            singles: asked >= SINGLES_FROM_ZOOM,
            size,
            first_row,
            last_row,
            row_edges,
        }
    }

    /// Whether the zoom asked draws each place alone (up to `MOST_SINGLES`).
    pub fn shows_singles(&self) -> bool {
        self.singles
    }

    /// Groups the places in cells even at a zoom that draws them alone: the caller knows there
    /// are more than `MOST_SINGLES`, which `cluster` would find only after visiting each.
    pub fn group_all(&mut self) {
        self.singles = false;
    }

    fn column_of(&self, lng: f64) -> i64 {
        ((lng + 180.0) / 360.0 * self.size / CELL_PX).floor() as i64
    }

    /// The columns and rows of the cells the area covers: (first column, first row, columns, rows).
    fn span(&self) -> (i64, i64, i64, i64) {
        let first_column = self.column_of(self.area.west);
        let columns = self.column_of(self.area.east) - first_column + 1;
        let rows = self.last_row - self.first_row + 1;
        (first_column, self.first_row, columns, rows)
    }

    fn cell_of(&self, p: LatLng) -> (i64, i64) {
        let column = self.column_of(p.lng);
        let row = match &self.row_edges {
            // A point on an edge belongs to the row south of it, as `floor` would have it.
            Some(edges) if (self.area.south..=self.area.north).contains(&p.lat) => {
                self.first_row + edges.partition_point(|edge| p.lat <= *edge) as i64
            }
            _ => (mercator_y(p.lat, self.size) / CELL_PX).floor() as i64,
        };
        (column, row)
    }

    /// Whether everything in `bounds` falls in one cell, at a zoom where points are grouped at
    /// all: the grid is monotonic in both directions, so two opposite corners decide.
    pub fn fits_one_cell(&self, bounds: &BBox) -> bool {
        !self.singles
            && self.cell_of(LatLng::new(bounds.south, bounds.west))
                == self.cell_of(LatLng::new(bounds.north, bounds.east))
    }
}

/// Pixels from the top of the whole-world map at `size` pixels across (Web Mercator).
fn mercator_y(lat: f64, size: f64) -> f64 {
    let lat = lat.clamp(-MERCATOR_LIMIT, MERCATOR_LIMIT).to_radians();
    (1.0 - (lat.tan() + 1.0 / lat.cos()).ln() / std::f64::consts::PI) / 2.0 * size
}

/// The latitude `y` pixels from the top of the whole-world map (the inverse of [`mercator_y`]).
fn latitude_at(y: f64, size: f64) -> f64 {
    (std::f64::consts::PI * (1.0 - 2.0 * y / size))
        .sinh()
        .atan()
        .to_degrees()
}

/// The points of one cell so far, and the first of them: a cell of one shows that point.
struct Cell<'a, T> {
    first: Option<&'a T>,
    group: Group,
}

/// Most cells kept in a flat table (about 300 KB): every view's cells (`MOST_VIEW_CELLS`).
const MOST_CELLS_IN_TABLE: i64 = MOST_VIEW_CELLS;

/// The cells of one view by (column, row): a flat table over the area's cells, found by
/// arithmetic instead of a hash for every point (a sixth of a zoomed-out view's time). A cell
/// outside the table (an area with too many cells) goes in a map.
struct Cells<'a, T> {
    span: (i64, i64, i64, i64),
    /// The table's size; it is made when the first point comes (a street view has none).
    size: usize,
    table: Vec<Option<Cell<'a, T>>>,
    outside: HashMap<(i64, i64), Option<Cell<'a, T>>>,
}

impl<'a, T> Cells<'a, T> {
    fn new(grid: &Grid) -> Cells<'a, T> {
        let span = grid.span();
        let (_, _, columns, rows) = span;
        let size = match columns.checked_mul(rows) {
            Some(cells) if columns > 0 && rows > 0 && cells <= MOST_CELLS_IN_TABLE => cells,
            _ => 0,
        };
        Cells {
            span,
            size: size as usize,
            table: Vec::new(),
            outside: HashMap::new(),
        }
    }

    fn slot(&self, (column, row): (i64, i64)) -> Option<usize> {
        let (first_column, first_row, columns, rows) = self.span;
        let (x, y) = (column - first_column, row - first_row);
        ((0..columns).contains(&x) && (0..rows).contains(&y) && self.size > 0)
            .then(|| (y * columns + x) as usize)
    }

    fn add(&mut self, key: (i64, i64), first: Option<&'a T>, group: Group) {
        let cell = match self.slot(key) {
            Some(slot) => {
                if self.table.is_empty() {
                    self.table.resize_with(self.size, || None);
                }
                &mut self.table[slot]
            }
            None => self.outside.entry(key).or_default(),
        };
        match cell {
            Some(cell) => cell.group.add(&group),
            None => *cell = Some(Cell { first, group }),
        }
    }

    /// The cells holding points, row by row from the north, west to east within a row.
    fn north_to_south(self) -> Vec<Cell<'a, T>> {
        let (first_column, first_row, columns, _) = self.span;
        let in_table = (0..).zip(self.table).map(|(at, cell)| {
            let key = (first_column + at % columns, first_row + at / columns);
            (key, cell)
        });
        let mut cells: Vec<((i64, i64), Cell<'a, T>)> = in_table
            .chain(self.outside)
            .filter_map(|(key, cell)| Some((key, cell?)))
            .collect();
        cells.sort_by_key(|((x, y), _)| (*y, *x));
        cells.into_iter().map(|(_, cell)| cell).collect()
    }
}

/// Groups the points inside the grid's area for display at its zoom; markers come ordered from
/// north-west to south-east so the same request always gives the same answer.
pub fn cluster<'a, T: Located>(
    parts: impl IntoIterator<Item = Part<'a, T>>,
    grid: &Grid,
) -> Vec<Marker<'a, T>> {
    let mut singles_only = grid.singles;
    let mut singles: Vec<&'a T> = Vec::new();
    let mut cells = Cells::new(grid);
    for part in parts {
        let (first, group) = match part {
            Part::One(point) if grid.area.contains(point.position()) => {
                if singles_only {
                    singles.push(point);
                    if singles.len() > MOST_SINGLES {
                        // Too many to show one by one: grouped in cells like any other view.
                        singles_only = false;
                        for point in singles.drain(..) {
                            let at = point.position();
                            cells.add(grid.cell_of(at), Some(point), Group::of(at));
                        }
                    }
                    continue;
                }
                (Some(point), Group::of(point.position()))
            }
            Part::One(_) => continue,
            Part::Many(group) => (None, group),
        };
        let corner = LatLng::new(group.bounds.south, group.bounds.west);
        cells.add(grid.cell_of(corner), first, group);
    }
    singles.sort_by(|a, b| {
        let (a, b) = (a.position(), b.position());
        b.lat.total_cmp(&a.lat).then(a.lng.total_cmp(&b.lng))
    });
    let cells = cells.north_to_south();
    let grouped = cells.into_iter().map(|cell| match cell {
        Cell {
            first: Some(first),
            group: Group { count: 1, .. },
        } => Marker::Single(first),
        Cell { group, .. } => Marker::Cluster {
            center: LatLng::new(
                group.lat_sum / group.count as f64,
                group.lng_sum / group.count as f64,
            ),
            count: group.count,
            bounds: group.bounds,
        },
    });
    singles
        .into_iter()
        .map(Marker::Single)
        .chain(grouped)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    impl Located for LatLng {
        fn position(&self) -> LatLng {
            *self
        }
    }

    fn ones(points: &[LatLng]) -> impl Iterator<Item = Part<'_, LatLng>> {
        points.iter().map(Part::One)
    }

    /// Yunyan district and a little around it.
    const AREA: BBox = BBox {
        south: 26.50,
        west: 106.60,
        north: 26.68,
        east: 106.80,
    };

    #[test]
    fn cells_outside_the_table_come_in_order_with_those_in_it() {
        let grid = Grid::new(AREA, 12);
        let (first_column, first_row, columns, rows) = grid.span();
        let last_row = first_row + rows - 1;
        let mut cells: Cells<LatLng> = Cells::new(&grid);
        let group = Group::of(LatLng::new(26.6, 106.7));
        for key in [
            (first_column, last_row),
            (first_column + columns, first_row),
            (first_column, first_row - 1),
            (first_column, last_row),
        ] {
            cells.add(key, None, group);
        }
        let counts: Vec<usize> = cells
            .north_to_south()
            .iter()
            .map(|cell| cell.group.count)
            .collect();
        // The row above the area, its first row (east of it), its last row (twice).
        assert_eq!(counts, [1, 1, 2]);
    }

    #[test]
    fn far_apart_points_stay_single_and_close_ones_merge() {
        let points = [
            LatLng::new(26.5818, 106.7090),
            LatLng::new(26.5819, 106.7091), // the same block
            LatLng::new(26.6300, 106.6500), // another part of town
        ];
        let markers = cluster(ones(&points), &Grid::new(AREA, 14));
        assert_eq!(markers.len(), 2);
        let merged = markers.iter().find(|m| m.count() == 2).unwrap();
        let Marker::Cluster { center, bounds, .. } = merged else {
            panic!("expected a cluster");
        };
        assert!((center.lat - 26.58185).abs() < 1e-9 && (center.lng - 106.70905).abs() < 1e-9);
        assert_eq!((bounds.south, bounds.north), (26.5818, 26.5819));
        assert!(markers.contains(&Marker::Single(&points[2])));
        // Close enough to the ground, the two on the same block separate.
        assert_eq!(cluster(ones(&points), &Grid::new(AREA, MAX_ZOOM)).len(), 3);
        // So do two places in one building, which no zoom would part.
        let same_spot = [points[0], points[0]];
        assert_eq!(
            cluster(ones(&same_spot), &Grid::new(AREA, SINGLES_FROM_ZOOM - 1)).len(),
            1
        );
        assert_eq!(
            cluster(ones(&same_spot), &Grid::new(AREA, SINGLES_FROM_ZOOM)).len(),
            2
        );
    }

    /// What one request can cost: a whole city asked at street zoom, or thousands of places
    /// close up, never names more single places than a view has cells (or `MOST_SINGLES`), and
    /// the counts still add up.
    #[test]
    fn a_view_never_names_more_than_a_bounded_number_of_places() {
        // 40,000 places spread over the district, on a grid about 100 m apart.
        let points: Vec<LatLng> = (0..200)
            .flat_map(|i| {
                (0..200).map(move |j| {
                    LatLng::new(
                        AREA.south + 0.0009 * f64::from(i),
                        AREA.west + 0.001 * f64::from(j),
                    )
                })
            })
            .collect();
        let world = BBox {
            south: -85.0,
            west: -180.0,
            north: 85.0,
            east: 180.0,
        };
        for (area, zoom) in [
            (world, 17),
            (world, MAX_ZOOM),
            (AREA, 17),
            (AREA, SINGLES_FROM_ZOOM),
        ] {
            let grid = Grid::new(area, zoom);
            let markers = cluster(ones(&points), &grid);
            let singles = markers
                .iter()
                .filter(|m| matches!(m, Marker::Single(_)))
                .count();
            assert!(
                markers.len() as i64 <= MOST_VIEW_CELLS,
                "{zoom}: {} markers",
                markers.len()
            );
            assert!(singles <= MOST_SINGLES.max(MOST_VIEW_CELLS as usize));
            assert_eq!(
                markers.iter().map(Marker::count).sum::<usize>(),
                points.len()
            );
        }
        // Close up, a street's places stand alone, up to the limit.
        let street: Vec<LatLng> = points.iter().copied().take(MOST_SINGLES).collect();
        let close = cluster(ones(&street), &Grid::new(AREA, SINGLES_FROM_ZOOM));
        assert!(close.iter().all(|m| matches!(m, Marker::Single(_))));
        let crowded: Vec<LatLng> = points.iter().copied().take(MOST_SINGLES + 1).collect();
        let close = cluster(ones(&crowded), &Grid::new(AREA, SINGLES_FROM_ZOOM));
        assert!(close.iter().any(|m| matches!(m, Marker::Cluster { .. })));
        assert_eq!(
            close.iter().map(Marker::count).sum::<usize>(),
            MOST_SINGLES + 1
        );
    }

    #[test]
    fn points_outside_the_box_are_left_out() {
        let points = [LatLng::new(26.5818, 106.7090), LatLng::new(39.9, 116.4)];
        let markers = cluster(ones(&points), &Grid::new(AREA, 3));
        assert_eq!(markers.iter().map(Marker::count).sum::<usize>(), 1);
    }

    fn point_in_area() -> impl Strategy<Value = LatLng> {
        (AREA.south..=AREA.north, AREA.west..=AREA.east)
            .prop_map(|(lat, lng)| LatLng::new(lat, lng))
    }

    proptest! {
        #[test]
        fn counts_add_up_to_the_points_in_the_box(
            points in prop::collection::vec(point_in_area(), 0..400),
            corner_a in point_in_area(),
            corner_b in point_in_area(),
            zoom in 0u8..=MAX_ZOOM,
        ) {
            let bbox = BBox {
                south: corner_a.lat.min(corner_b.lat),
                west: corner_a.lng.min(corner_b.lng),
                north: corner_a.lat.max(corner_b.lat),
                east: corner_a.lng.max(corner_b.lng),
            };
            let markers = cluster(ones(&points), &Grid::new(bbox, zoom));
            let inside = points.iter().filter(|p| bbox.contains(**p)).count();
            prop_assert_eq!(markers.iter().map(Marker::count).sum::<usize>(), inside);
            for marker in &markers {
                if let Marker::Cluster { center, bounds, count } = marker {
                    prop_assert!(*count >= 2);
                    // The centre of the points lies among them (give or take rounding).
                    let near = |b: &BBox| BBox { south: b.south - 1e-9, west: b.west - 1e-9, north: b.north + 1e-9, east: b.east + 1e-9 };
                    prop_assert!(near(&bbox).contains(*center) && near(bounds).contains(*center));
                }
            }
        }

        /// The rows kept for a view place points as the Mercator formula does (but for points a
        /// hair from a row's edge, where rounding may go either way).
        #[test]
        fn the_grid_places_points_as_the_formula_does(
            p in point_in_area(),
            corner_a in point_in_area(),
            corner_b in point_in_area(),
            zoom in 0u8..=MAX_ZOOM,
        ) {
            let area = BBox {
                south: corner_a.lat.min(corner_b.lat),
                west: corner_a.lng.min(corner_b.lng),
                north: corner_a.lat.max(corner_b.lat).max(p.lat),
                east: corner_a.lng.max(corner_b.lng),
            };
            let grid = Grid::new(area, zoom);
            let rows = mercator_y(p.lat, grid.size) / CELL_PX;
            prop_assume!((rows - rows.round()).abs() > 1e-6);
            prop_assert_eq!(grid.cell_of(p).1, rows.floor() as i64);
        }

        /// Points of one cell counted beforehand give the markers that visiting them one by one
        /// gives: the same counts, boxes and (give or take rounding) centres.
        #[test]
        fn groups_counted_beforehand_cluster_as_their_points_do(
            points in prop::collection::vec(point_in_area(), 0..300),
            zoom in 0u8..SINGLES_FROM_ZOOM,
        ) {
            let grid = Grid::new(AREA, zoom);
            let mut by_cell: HashMap<(i64, i64), Vec<LatLng>> = HashMap::new();
            for p in &points {
                by_cell.entry(grid.cell_of(*p)).or_default().push(*p);
            }
            let mut parts = Vec::new();
            for in_cell in by_cell.values() {
                // The first half of each cell's points as one group, the rest one by one.
                let (grouped, alone) = in_cell.split_at(in_cell.len() / 2);
                if let Some((first, rest)) = grouped.split_first() {
                    let mut group = Group::of(*first);
                    rest.iter().for_each(|p| group.add(&Group::of(*p)));
                    prop_assert!(grid.fits_one_cell(&group.bounds));
                    parts.push(Part::Many(group));
                }
                parts.extend(alone.iter().map(Part::One));
            }
            let one_by_one = cluster(ones(&points), &Grid::new(AREA, zoom));
            let grouped = cluster(parts, &Grid::new(AREA, zoom));
            prop_assert_eq!(one_by_one.len(), grouped.len());
            for (a, b) in one_by_one.iter().zip(&grouped) {
                match (a, b) {
                    (Marker::Single(a), Marker::Single(b)) => prop_assert_eq!(a, b),
                    (
                        Marker::Cluster { center: ca, count: na, bounds: ba },
                        Marker::Cluster { center: cb, count: nb, bounds: bb },
                    ) => {
                        prop_assert_eq!((na, ba), (nb, bb));
                        prop_assert!((ca.lat - cb.lat).abs() < 1e-9 && (ca.lng - cb.lng).abs() < 1e-9);
                    }
                    _ => prop_assert!(false, "{a:?} against {b:?}"),
                }
            }
        }
    }
}
