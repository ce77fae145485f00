//! "Near": the part of a list's filters that measures from a place (`?near=520103001&within=3`,
//! or `near=here&lat=..&lng=..` from the phone), shared by the events and items lists, and the
//! form fields that ask for it.

use super::geo::LatLng;
use crate::areas::model::Area;
use crate::i18n::{use_lang, use_texts};
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
    let t = use_texts();
    let lang = use_lang();
    let (near_id, within_id) = (format!("{id_prefix}-near"), format!("{id_prefix}-within"));
    view! {
        <label for=near_id.clone()>{move || t().events_page.near_label}</label>
        <select id=near_id name="near">
            <option value="" selected=near.is_empty()>{move || t().events_page.near_anywhere}</option>
            // Chosen by "use my location" (the phone's position travels as lat/lng).
            <option value="here" selected=near == "here" hidden=near != "here">
                {move || t().events_page.near_here}
            </option>
            {areas.into_iter().map(|area| {
                let selected = area.code == near;
                let name = area.name(lang.get_untracked()).to_owned();
                view! { <option value=area.code selected=selected>{name}</option> }
            }).collect_view()}
        </select>
        <input type="hidden" name="lat" value=lat data-near-lat/>
        <input type="hidden" name="lng" value=lng data-near-lng/>
        <label for=within_id.clone()>{move || t().events_page.within_label}</label>
        <select id=within_id name="within">
            <option value="" selected=within.is_empty()>{move || t().events_page.within_any}</option>
            {RADII_KM.into_iter().map(|km| {
                let selected = km.to_string() == within;
                view! { <option value=km.to_string() selected=selected>{km}{move || t().map_page.kilometres}</option> }
            }).collect_view()}
        </select>
    }
}
