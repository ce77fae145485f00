//! "Near": the part of a list's filters that measures from a place (`?near=520103001&within=3`,
//! or `near=here&lat=..&lng=..` from the phone), shared by the events and items lists, and the
//! form fields that ask for it.

use super::{BBox, LatLng};
use crate::areas::model::Area;
use crate::i18n::use_lang;
use crate::locales::Lang;
use leptos::prelude::*;

/// How far one may search around a place, in kilometres (the choices offered).
pub const RADII_KM: [u32; 4] = [1, 3, 5, 10];

/// Where distances are measured from, and the radius in metres if the list is cut by it.
#[derive(Clone, Debug, PartialEq)]
pub struct Origin {
    pub lat: f64,
    pub lng: f64,
    pub within_m: Option<f64>,
}

impl Origin {
    /// Reads `near` (an area code, or `here` with `lat`/`lng`) and `within` (kilometres); the
    /// error names the filter that could not be read. `area_centre` finds an area by its code.
    pub fn read(
        near: &str,
        lat: &str,
        lng: &str,
        within: &str,
        area_centre: impl Fn(&str) -> Option<(f64, f64)>,
    ) -> Result<Option<Origin>, &'static str> {
        let centre = match near.trim() {
            "" => None,
            "here" => {
                let lat: f64 = lat.trim().parse().map_err(|_| "lat")?;
                let lng: f64 = lng.trim().parse().map_err(|_| "lng")?;
                if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lng) {
                    return Err("lat");
                }
                Some((lat, lng))
            }
            code => Some(area_centre(code).ok_or("near")?),
        };
        let within_m = match within.trim() {
            "" => None,
            km => match km.parse::<u32>() {
                Ok(km) if RADII_KM.contains(&km) => Some(f64::from(km) * 1000.0),
                _ => return Err("within"),
            },
        };
        Ok(centre.map(|(lat, lng)| Origin { lat, lng, within_m }))
    }

    /// A box holding every point within the radius (a little more), for a database to narrow by
    /// before distances are measured; `None` without a radius. Near a pole or the date line it
    /// spans every longitude.
    pub fn bounds(&self) -> Option<BBox> {
        const METRES_PER_DEGREE: f64 = 111_194.9;
        let within_m = self.within_m?;
        let lat_span = within_m / METRES_PER_DEGREE * 1.01;
        let (south, north) = (self.lat - lat_span, self.lat + lat_span);
        let widest = south.abs().max(north.abs());
        let lng_span = lat_span / widest.to_radians().cos();
        let (west, east) = (self.lng - lng_span, self.lng + lng_span);
        let every_longitude = widest >= 89.0 || west < -180.0 || east > 180.0;
        Some(BBox {
            south: south.max(-90.0),
            north: north.min(90.0),
            west: if every_longitude { -180.0 } else { west },
            east: if every_longitude { 180.0 } else { east },
        })
    }

    /// How far `point` is; `None` when it lies beyond the radius.
    pub fn distance_to(&self, point: LatLng) -> Option<f64> {
        let d = LatLng::new(self.lat, self.lng).metres_to(point);
        match self.within_m {
            Some(max) if d > max => None,
            _ => Some(d),
        }
    }
}

/// The place, radius and "use my location" inputs of a GET filter form (`near`, `lat`, `lng`,
/// `within`), ids starting with `id_prefix`.
#[component]
pub fn NearFields(
    id_prefix: &'static str,
    areas: Vec<Area>,
    near: String,
    lat: String,
    lng: String,
    within: String,
) -> impl IntoView {
    let lang = use_lang();
    let (near_id, within_id) = (format!("{id_prefix}-near"), format!("{id_prefix}-within"));
    view! {
        <label for=near_id.clone()>{move || crate::locales::events::near_label(lang.get())}</label>
        <select id=near_id name="near">
            <option value="" selected=near.is_empty()>{move || crate::locales::events::near_anywhere(lang.get())}</option>
            // Chosen by "use my location" (the phone's position travels as lat/lng).
            <option value="here" selected=near == "here" hidden=near != "here">
                {move || crate::locales::events::near_here(lang.get())}
            </option>
            {areas.into_iter().map(|area| {
                let selected = area.code == near;
                let name = area.name(lang.get_untracked()).to_owned();
                view! { <option value=area.code selected=selected>{name}</option> }
            }).collect_view()}
        </select>
        <input type="hidden" name="lat" value=lat data-near-lat/>
        <input type="hidden" name="lng" value=lng data-near-lng/>
        <label for=within_id.clone()>{move || crate::locales::events::within_label(lang.get())}</label>
        <select id=within_id name="within">
            <option value="" selected=within.is_empty()>{move || crate::locales::events::within_any(lang.get())}</option>
            {RADII_KM.into_iter().map(|km| {
                let selected = km.to_string() == within;
                view! { <option value=km.to_string() selected=selected>{move || crate::t!(lang.get(), map::distance_kilometres { km })}</option> }
            }).collect_view()}
        </select>
    }
}

/// "850 米" / "1.2 公里": metres below a kilometre, then kilometres with one decimal.
pub fn format_distance(metres: f64, lang: Lang) -> String {
    if metres < 1000.0 {
        let rounded = ((metres / 10.0).round() * 10.0).max(10.0);
        crate::t!(
            lang,
            map::distance_metres {
                metres: format!("{rounded:.0}")
            }
        )
    } else {
        let km = format!("{:.1}", metres / 1000.0);
        crate::t!(lang, map::distance_kilometres { km })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origin(lat: f64, lng: f64, km: f64) -> Origin {
        Origin {
            lat,
            lng,
            within_m: Some(km * 1000.0),
        }
    }

    #[test]
    fn the_box_holds_every_point_within_the_radius_and_not_much_more() {
        let o = origin(26.58, 106.71, 3.0);
        let b = o.bounds().unwrap();
        let centre = LatLng::new(o.lat, o.lng);
        // The edge of the circle in eight directions, just inside.
        for step in 0..8 {
            let angle = f64::from(step) * std::f64::consts::FRAC_PI_4;
            let (mut lo, mut hi) = (0.0, 1.0);
            let towards = |t: f64| {
                LatLng::new(
                    o.lat + t * angle.sin() * 0.05,
                    o.lng + t * angle.cos() * 0.05,
                )
            };
            for _ in 0..60 {
                let mid = (lo + hi) / 2.0;
                match centre.metres_to(towards(mid)) <= 3000.0 {
                    true => lo = mid,
                    false => hi = mid,
                }
            }
            assert!(b.contains(towards(lo)), "direction {step}");
        }
        // 5% beyond the radius straight north or east is outside.
        assert!(!b.contains(LatLng::new(o.lat + 3150.0 / 111_194.9, o.lng)));
        let east = 3150.0 / (111_194.9 * o.lat.to_radians().cos());
        assert!(!b.contains(LatLng::new(o.lat, o.lng + east)));
        assert_eq!(
            Origin {
                within_m: None,
                ..o
            }
            .bounds(),
            None
        );
    }

    #[test]
    fn near_a_pole_or_the_date_line_the_box_spans_every_longitude() {
        for o in [origin(89.99, 10.0, 10.0), origin(0.0, 179.99, 10.0)] {
            let b = o.bounds().unwrap();
            assert_eq!((b.west, b.east), (-180.0, 180.0));
            assert!(b.north <= 90.0 && b.south >= -90.0);
        }
    }

    #[test]
    fn distances_read_naturally_in_both_languages() {
        let (zh, en) = (Lang::Zh, Lang::En);
        assert_eq!(format_distance(3.0, zh), "10 米");
        assert_eq!(format_distance(846.0, zh), "850 米");
        assert_eq!(format_distance(1_249.0, zh), "1.2 公里");
        assert_eq!(format_distance(846.0, en), "850 m");
        assert_eq!(format_distance(12_345.0, en), "12.3 km");
    }
}
