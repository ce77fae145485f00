//! Map coordinates. All data is stored in WGS-84 (GPS). Maps published in China (高德 Amap, Tencent and
//! others) draw their tiles in GCJ-02, the offset system Chinese law requires; to show our points in
//! the right place on such tiles, positions are converted for display only, and converted back when a
//! person picks a point on them.

/// A position in degrees.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LatLng {
    pub lat: f64,
    pub lng: f64,
}

impl LatLng {
    pub const fn new(lat: f64, lng: f64) -> LatLng {
        LatLng { lat, lng }
    }

    /// Distance in metres along the earth's surface (haversine; plenty for a city map).
    pub fn metres_to(self, other: LatLng) -> f64 {
        const EARTH_RADIUS_M: f64 = 6_371_008.8;
        let (a, b) = (self.lat.to_radians(), other.lat.to_radians());
        let d_lat = b - a;
        let d_lng = (other.lng - self.lng).to_radians();
        let h = (d_lat / 2.0).sin().powi(2) + a.cos() * b.cos() * (d_lng / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_M * h.sqrt().asin()
    }
}

/// The ellipsoid GCJ-02 is defined on (Krasovsky 1940).
const SEMI_MAJOR_AXIS: f64 = 6_378_245.0;
const ECCENTRICITY_SQUARED: f64 = 0.006_693_421_622_965_943;

/// GCJ-02 applies only inside mainland China's rough bounding box; elsewhere the two are the same.
pub fn inside_china(p: LatLng) -> bool {
    (72.004..=137.8347).contains(&p.lng) && (0.8293..=55.8271).contains(&p.lat)
}

fn lat_offset(x: f64, y: f64) -> f64 {
    use std::f64::consts::PI;
    let mut d = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * x.abs().sqrt();
    d += (20.0 * (6.0 * x * PI).sin() + 20.0 * (2.0 * x * PI).sin()) * 2.0 / 3.0;
    d += (20.0 * (y * PI).sin() + 40.0 * (y / 3.0 * PI).sin()) * 2.0 / 3.0;
    d += (160.0 * (y / 12.0 * PI).sin() + 320.0 * (y * PI / 30.0).sin()) * 2.0 / 3.0;
    d
}

fn lng_offset(x: f64, y: f64) -> f64 {
    use std::f64::consts::PI;
    let mut d = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * x.abs().sqrt();
    d += (20.0 * (6.0 * x * PI).sin() + 20.0 * (2.0 * x * PI).sin()) * 2.0 / 3.0;
    d += (20.0 * (x * PI).sin() + 40.0 * (x / 3.0 * PI).sin()) * 2.0 / 3.0;
    d += (150.0 * (x / 12.0 * PI).sin() + 300.0 * (x / 30.0 * PI).sin()) * 2.0 / 3.0;
    d
}

/// Where a WGS-84 position is drawn on GCJ-02 tiles.
pub fn wgs84_to_gcj02(p: LatLng) -> LatLng {
    if !inside_china(p) {
        return p;
    }
    let (x, y) = (p.lng - 105.0, p.lat - 35.0);
    let rad_lat = p.lat.to_radians();
    let magic = 1.0 - ECCENTRICITY_SQUARED * rad_lat.sin().powi(2);
    let sqrt_magic = magic.sqrt();
    // The offsets are in metres: divide by the radii of curvature to get radians.
    let d_lat = lat_offset(x, y)
        / ((SEMI_MAJOR_AXIS * (1.0 - ECCENTRICITY_SQUARED)) / (magic * sqrt_magic));
    let d_lng = lng_offset(x, y) / (SEMI_MAJOR_AXIS / sqrt_magic * rad_lat.cos());
    LatLng::new(p.lat + d_lat.to_degrees(), p.lng + d_lng.to_degrees())
}

/// The WGS-84 position of a point picked on GCJ-02 tiles. The offset has no closed-form inverse:
/// step towards the point whose forward conversion lands on `p` (a few steps reach millimetres).
pub fn gcj02_to_wgs84(p: LatLng) -> LatLng {
    if !inside_china(p) {
        return p;
    }
    let mut guess = p;
    for _ in 0..30 {
        let there = wgs84_to_gcj02(guess);
        let (d_lat, d_lng) = (there.lat - p.lat, there.lng - p.lng);
        guess = LatLng::new(guess.lat - d_lat, guess.lng - d_lng);
        if d_lat.abs() < 1e-10 && d_lng.abs() < 1e-10 {
            break;
        }
    }
    guess
}

/// The visible area, in degrees.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BBox {
    pub south: f64,
    pub west: f64,
    pub north: f64,
    pub east: f64,
}

impl BBox {
    /// Holds every finite place: for a walk that is not limited to an area.
    pub const EVERYWHERE: BBox = BBox {
        south: f64::NEG_INFINITY,
        west: f64::NEG_INFINITY,
        north: f64::INFINITY,
        east: f64::INFINITY,
    };

    pub fn middle(&self) -> LatLng {
        LatLng::new(
            (self.south + self.north) / 2.0,
            (self.west + self.east) / 2.0,
        )
    }

    pub fn contains(&self, p: LatLng) -> bool {
        (self.south..=self.north).contains(&p.lat) && (self.west..=self.east).contains(&p.lng)
    }

    pub(crate) fn around(p: LatLng) -> BBox {
        BBox {
            south: p.lat,
            west: p.lng,
            north: p.lat,
            east: p.lng,
        }
    }

    pub(crate) fn extend(&mut self, p: LatLng) {
        self.south = self.south.min(p.lat);
        self.west = self.west.min(p.lng);
        self.north = self.north.max(p.lat);
        self.east = self.east.max(p.lng);
    }
}

/// Where "nearby" is measured from when no area is chosen: the middle of Yunyan district.
pub const DISTRICT_CENTRE: LatLng = LatLng::new(26.5850, 106.7130);

#[cfg(test)]
mod tests {
    use super::*;

    /// Published WGS-84 → GCJ-02 pairs (Shanghai, Shenzhen, Beijing), as used by the common
    /// open-source implementations' tests (e.g. eviltransform).
    const REFERENCE: [(f64, f64, f64, f64); 3] = [
        (31.1774276, 121.5272106, 31.17530398364597, 121.531541859215),
        (22.543847, 113.912316, 22.540796131694766, 113.9171764808363),
        (39.911954, 116.377817, 39.91334545536069, 116.38404722455657),
    ];

    #[test]
    fn matches_published_reference_values() {
        for (lat, lng, gcj_lat, gcj_lng) in REFERENCE {
            let got = wgs84_to_gcj02(LatLng::new(lat, lng));
            let expected = LatLng::new(gcj_lat, gcj_lng);
            assert!(got.metres_to(expected) < 0.01, "{got:?} vs {expected:?}");
        }
    }

    #[test]
    fn round_trips_within_a_metre_across_china() {
        // A grid over the mainland box, including Guiyang's Yunyan district.
        let mut lat = 18.0;
        while lat <= 53.0 {
            let mut lng = 74.0;
            while lng <= 134.0 {
                let wgs = LatLng::new(lat, lng);
                let back = gcj02_to_wgs84(wgs84_to_gcj02(wgs));
                assert!(wgs.metres_to(back) < 1.0, "{wgs:?} came back as {back:?}");
                lng += 0.73;
            }
            lat += 0.61;
        }
        let yunyan = LatLng::new(26.5818, 106.709);
        assert!(yunyan.metres_to(gcj02_to_wgs84(wgs84_to_gcj02(yunyan))) < 0.001);
    }

    #[test]
    fn the_offset_in_guiyang_is_a_few_hundred_metres() {
        let yunyan = LatLng::new(26.5818, 106.709);
        let shift = yunyan.metres_to(wgs84_to_gcj02(yunyan));
        assert!((100.0..700.0).contains(&shift), "{shift} m");
    }

    #[test]
    fn points_outside_china_are_unchanged() {
        for p in [
            LatLng::new(51.5074, -0.1278),   // London
            LatLng::new(-33.8688, 151.2093), // Sydney
            LatLng::new(35.6762, 139.6503),  // Tokyo: east of the box
            LatLng::new(60.0, 110.0),        // north of the box
        ] {
            assert_eq!(wgs84_to_gcj02(p), p);
            assert_eq!(gcj02_to_wgs84(p), p);
        }
    }
}
