//! Approximate locations (PRODUCT §2.2, privacy rule P4): where a person's things or a member of
//! the cooperative are is stored only as the centre of a grid cell some hundreds of metres
//! across, snapped once when saved. The exact point never reaches the database, and snapping an
//! already snapped point gives it back unchanged, so saving again reveals nothing more.

use super::LatLng;

/// Metres per degree of latitude (and of longitude on the equator).
const METRES_PER_DEGREE: f64 = 111_320.0;

/// Cells of items offered between neighbours: about 300 m across.
pub const ITEM_CELL_M: f64 = 300.0;
/// Cells of people in the cooperative: at least 500 m across (P4).
pub const PERSON_CELL_M: f64 = 500.0;

/// The centre of the cell `cell_m` metres across that holds `point`. Rows are `cell_m` of
/// latitude; within a row, columns are `cell_m` wide at the row's middle, so cells are nearly
/// square everywhere in China.
pub fn snap(point: LatLng, cell_m: f64) -> LatLng {
    let lat_step = cell_m / METRES_PER_DEGREE;
    let row = (point.lat / lat_step).floor();
    let lat = (row + 0.5) * lat_step;
    let lng_step = cell_m / (METRES_PER_DEGREE * lat.to_radians().cos());
    let column = (point.lng / lng_step).floor();
    let lng = (column + 0.5) * lng_step;
    // Rounded to about a centimetre, so the stored text is short and stable across databases.
    LatLng::new(round7(lat), round7(lng))
}

fn round7(degrees: f64) -> f64 {
    (degrees * 1e7).round() / 1e7
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_point_in_yunyan_lands_on_its_cell_centre() {
        let home = LatLng::new(26.583_41, 106.713_37);
        let cell = snap(home, ITEM_CELL_M);
        assert_ne!(cell, home);
        assert!(home.metres_to(cell) < 215.0, "{:?}", cell);
        // Neighbours on the same block share the cell; across the district they do not.
        assert_eq!(snap(LatLng::new(26.583_50, 106.713_30), ITEM_CELL_M), cell);
        assert_ne!(snap(LatLng::new(26.600_00, 106.713_37), ITEM_CELL_M), cell);
    }

    proptest! {
        /// Within half a cell's diagonal of the point, idempotent, and cells about the size asked.
        #[test]
        fn snapping_is_close_stable_and_coarse(
            lat in 18.0f64..53.0,
            lng in 73.0f64..135.0,
            cell_m in prop::sample::select(vec![ITEM_CELL_M, PERSON_CELL_M]),
        ) {
            let point = LatLng::new(lat, lng);
            let cell = snap(point, cell_m);
            prop_assert!(point.metres_to(cell) <= cell_m * 0.71 + 1.0);
            prop_assert_eq!(snap(cell, cell_m), cell);
            // The next cell east is `cell_m` away; the one north too, give or take half a column
            // (each row has its own columns).
            let north = snap(LatLng::new(cell.lat + cell_m / METRES_PER_DEGREE, cell.lng), cell_m);
            let d = cell.metres_to(north);
            prop_assert!(d > cell_m * 0.99 && d < cell_m * 1.13, "{}", d);
            let east_step = cell_m / (METRES_PER_DEGREE * cell.lat.to_radians().cos());
            let east = snap(LatLng::new(cell.lat, cell.lng + east_step), cell_m);
            prop_assert!((cell.metres_to(east) - cell_m).abs() < cell_m * 0.02);
        }
    }
}
