//! Server-side clustering for the map: the browser sends the visible box and zoom and draws what it
//! gets back — clusters with counts and single points — so a phone never handles thousands of
//! markers.
//!
//! Points are grouped by a square grid in screen pixels at the asked zoom (Web Mercator, 256-pixel
//! tiles): every point of the box falls in exactly one cell, so the counts always add up to the
//! points in the box. A cell with one point gives that point; a cell with more gives a cluster at
//! their centre, with the box that holds them (the map zooms to it when the cluster is tapped).

use super::geo::LatLng;
use std::collections::HashMap;

/// Width of a grid cell in screen pixels: about a fingertip and a half on a phone.
pub const CELL_PX: f64 = 64.0;
/// The closest zoom the map offers.
pub const MAX_ZOOM: u8 = 19;
/// From this zoom on every point is its own marker: places in one building (an event at an
/// organisation's rooms) would otherwise stay a cluster that no tap can open.
pub const SINGLES_FROM_ZOOM: u8 = 18;

/// The visible area, in degrees.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BBox {
    pub south: f64,
    pub west: f64,
    pub north: f64,
    pub east: f64,
}

impl BBox {
    pub fn contains(&self, p: LatLng) -> bool {
        (self.south..=self.north).contains(&p.lat) && (self.west..=self.east).contains(&p.lng)
    }

    pub(super) fn around(p: LatLng) -> BBox {
        BBox {
            south: p.lat,
            west: p.lng,
            north: p.lat,
            east: p.lng,
        }
    }

    pub(super) fn extend(&mut self, p: LatLng) {
        self.south = self.south.min(p.lat);
        self.west = self.west.min(p.lng);
        self.north = self.north.max(p.lat);
        self.east = self.east.max(p.lng);
    }
}

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

/// Pixel position of a point on the whole-world map at `zoom` (Web Mercator).
fn world_pixel(p: LatLng, zoom: u8) -> (f64, f64) {
    // Mercator is undefined at the poles; maps stop at about 85°.
    let lat = p.lat.clamp(-85.051_128_78, 85.051_128_78).to_radians();
    let size = 256.0 * f64::from(1u32 << zoom.min(MAX_ZOOM));
    let x = (p.lng + 180.0) / 360.0 * size;
    let y = (1.0 - (lat.tan() + 1.0 / lat.cos()).ln() / std::f64::consts::PI) / 2.0 * size;
    (x, y)
}

fn cell_of(p: LatLng, zoom: u8) -> (i64, i64) {
    let (x, y) = world_pixel(p, zoom);
    ((x / CELL_PX).floor() as i64, (y / CELL_PX).floor() as i64)
}

/// Groups the points inside `bbox` for display at `zoom`; markers come ordered from north-west to
/// south-east so the same request always gives the same answer.
pub fn cluster<'a, T: Located>(
    points: impl IntoIterator<Item = &'a T>,
    bbox: BBox,
    zoom: u8,
) -> Vec<Marker<'a, T>> {
    struct Cell<'a, T> {
        first: &'a T,
        count: usize,
        lat_sum: f64,
        lng_sum: f64,
        bounds: BBox,
    }
    if zoom >= SINGLES_FROM_ZOOM {
        let mut singles: Vec<&'a T> = points
            .into_iter()
            .filter(|p| bbox.contains(p.position()))
            .collect();
        singles.sort_by(|a, b| {
            let (a, b) = (a.position(), b.position());
            b.lat.total_cmp(&a.lat).then(a.lng.total_cmp(&b.lng))
        });
        return singles.into_iter().map(Marker::Single).collect();
    }
    let mut cells: HashMap<(i64, i64), Cell<'a, T>> = HashMap::new();
    for point in points {
        let p = point.position();
        if !bbox.contains(p) {
            continue;
        }
        cells
            .entry(cell_of(p, zoom))
            .and_modify(|cell| {
                cell.count += 1;
                cell.lat_sum += p.lat;
                cell.lng_sum += p.lng;
                cell.bounds.extend(p);
            })
            .or_insert(Cell {
                first: point,
                count: 1,
                lat_sum: p.lat,
                lng_sum: p.lng,
                bounds: BBox::around(p),
            });
    }
    let mut cells: Vec<((i64, i64), Cell<'a, T>)> = cells.into_iter().collect();
    cells.sort_by_key(|((x, y), _)| (*y, *x));
    cells
        .into_iter()
        .map(|(_, cell)| match cell.count {
            1 => Marker::Single(cell.first),
            count => Marker::Cluster {
                center: LatLng::new(cell.lat_sum / count as f64, cell.lng_sum / count as f64),
                count,
                bounds: cell.bounds,
            },
        })
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

    /// Yunyan district and a little around it.
    const AREA: BBox = BBox {
        south: 26.50,
        west: 106.60,
        north: 26.68,
        east: 106.80,
    };

    #[test]
    fn far_apart_points_stay_single_and_close_ones_merge() {
        let points = [
            LatLng::new(26.5818, 106.7090),
            LatLng::new(26.5819, 106.7091), // the same block
            LatLng::new(26.6300, 106.6500), // another part of town
        ];
        let markers = cluster(&points, AREA, 14);
        assert_eq!(markers.len(), 2);
        let merged = markers.iter().find(|m| m.count() == 2).unwrap();
        let Marker::Cluster { center, bounds, .. } = merged else {
            panic!("expected a cluster");
        };
        assert!((center.lat - 26.58185).abs() < 1e-9 && (center.lng - 106.70905).abs() < 1e-9);
        assert_eq!((bounds.south, bounds.north), (26.5818, 26.5819));
        assert!(markers.contains(&Marker::Single(&points[2])));
        // Close enough to the ground, the two on the same block separate.
        assert_eq!(cluster(&points, AREA, MAX_ZOOM).len(), 3);
        // So do two places in one building, which no zoom would part.
        let same_spot = [points[0], points[0]];
        assert_eq!(cluster(&same_spot, AREA, SINGLES_FROM_ZOOM - 1).len(), 1);
        assert_eq!(cluster(&same_spot, AREA, SINGLES_FROM_ZOOM).len(), 2);
    }

    #[test]
    fn points_outside_the_box_are_left_out() {
        let points = [LatLng::new(26.5818, 106.7090), LatLng::new(39.9, 116.4)];
        let markers = cluster(&points, AREA, 3);
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
            let markers = cluster(&points, bbox, zoom);
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
    }
}
