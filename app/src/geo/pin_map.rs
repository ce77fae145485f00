//! Small maps with one pin: where a place is (on its page), and the location picker of forms. Both
//! are islands over server-rendered HTML: without JavaScript a page shows its address and a form
//! its typed coordinates.

use super::tiles::TileChoice;
use crate::i18n::{provide_i18n, use_lang};
use crate::locales::map;
use leptos::prelude::*;
use leptos_meta::{Script, Stylesheet};

/// Leaflet's stylesheet and script, for pages that show a map (no other page loads them).
#[component]
pub fn LeafletAssets() -> impl IntoView {
    view! {
        <Stylesheet id="leaflet-css" href="/vendor/leaflet/leaflet.css"/>
        <Script id="leaflet-js" src="/vendor/leaflet/leaflet.js" defer="true"/>
    }
}

/// The base maps the site is configured with (the page renders on the server, where they are known).
pub fn configured_tiles() -> TileChoice {
    #[cfg(feature = "ssr")]
    {
        use_context::<crate::state::AppState>()
            .map(|state| TileChoice::clone(&state.part::<TileChoice>()))
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    TileChoice::default()
}

/// Latitude and longitude inputs (`{form}[lat]`, `{form}[lng]`, ids `{form}-lat`, `{form}-lng`)
/// with the map picker that fills them: typed without JavaScript, picked on the map with it.
#[component]
pub fn LocationFields(form: &'static str, lat: String, lng: String) -> impl IntoView {
    let lang = use_lang();
    let (lat_id, lng_id, hint_id) = (
        format!("{form}-lat"),
        format!("{form}-lng"),
        format!("{form}-location-hint"),
    );
    view! {
        <fieldset class="form__pair">
            <legend>{move || crate::locales::forms::location::label(lang.get())}</legend>
            <p id=hint_id.clone() class="hint">{move || crate::locales::forms::location::hint(lang.get())}</p>
            <div class="form__pair-fields">
                <span>
                    <label for=lat_id.clone()>{move || crate::locales::forms::location::lat(lang.get())}</label>
                    <input id=lat_id.clone() name=format!("{form}[lat]") type="text" inputmode="decimal"
                        aria-describedby=hint_id.clone() value=lat/>
                </span>
                <span>
                    <label for=lng_id.clone()>{move || crate::locales::forms::location::lng(lang.get())}</label>
                    <input id=lng_id.clone() name=format!("{form}[lng]") type="text" inputmode="decimal"
                        aria-describedby=hint_id value=lng/>
                </span>
            </div>
            <LeafletAssets/>
            <LocationPicker lat_input=lat_id lng_input=lng_id tiles=configured_tiles()/>
        </fieldset>
    }
}

/// A small map centred on one place, with its pin.
#[island]
pub fn PlaceMap(lat: f64, lng: f64, name: String, tiles: TileChoice) -> impl IntoView {
    provide_i18n();
    let lang = use_lang();
    let tiles_down = RwSignal::new(false);
    #[cfg(feature = "hydrate")]
    browser::show_place(lat, lng, tiles, tiles_down);
    #[cfg(not(feature = "hydrate"))]
    let _ = (lat, lng, tiles);
    view! {
        <div class="place-map">
            <div id="place-map" class="map-canvas map-canvas--small" data-testid="place-map"
                role="img" aria-label=name></div>
            <p class="map-note" role="status" hidden=move || !tiles_down.get()>
                {move || map::tiles_unavailable(lang.get())}
            </p>
        </div>
    }
}

/// Picks a location by tapping a map; writes it into the form's latitude and longitude inputs
/// (`lat_input`, `lng_input`, outside the island), which it hides once the map works.
#[island]
pub fn LocationPicker(lat_input: String, lng_input: String, tiles: TileChoice) -> impl IntoView {
    provide_i18n();
    let lang = use_lang();
    let tiles_down = RwSignal::new(false);
    let chosen = RwSignal::new(None::<(f64, f64)>);
    #[cfg(feature = "hydrate")]
    let picker = browser::start_picker(lat_input, lng_input, tiles, tiles_down, chosen);
    #[cfg(not(feature = "hydrate"))]
    let _ = (lat_input, lng_input, tiles);
    let clear = move |_| {
        #[cfg(feature = "hydrate")]
        browser::clear_pick(picker);
        chosen.set(None);
    };
    view! {
        <div class="picker">
            <p class="hint">{move || map::picker_hint(lang.get())}</p>
            <div id="picker-map" class="map-canvas map-canvas--small" data-testid="location-picker"></div>
            <p class="map-note" role="status" hidden=move || !tiles_down.get()>
                {move || map::tiles_unavailable(lang.get())}
            </p>
            <p class="picker__chosen" aria-live="polite" data-testid="picked-location">
                {move || match chosen.get() {
                    Some((lat, lng)) => crate::t!(lang.get(), map::picked { lat: format!("{lat:.5}"), lng: format!("{lng:.5}") }),
                    None => map::nothing_picked(lang.get()).to_string(),
                }}
            </p>
            <button type="button" class="button button--secondary" on:click=clear
                hidden=move || chosen.get().is_none()>
                {move || map::clear_pick(lang.get())}
            </button>
        </div>
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use super::super::leaflet_base::{
        add_tiles, element, from_display, icon, new_map, to_display, when_leaflet_ready,
    };
    use super::super::LatLng;
    use super::super::DISTRICT_CENTRE;
    use super::TileChoice;
    use crate::i18n::use_lang;
    use leaflet::{Map, Marker, MarkerOptions};
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;

    const PLACE_ZOOM: f64 = 16.0;
    /// Without a location yet, the picker shows the whole district.
    const DISTRICT_ZOOM: f64 = 13.0;

    fn pin(at: LatLng, source: super::super::tiles::TileSource) -> Marker {
        let options = MarkerOptions::new();
        options.set_icon(icon("map-pin", "", 44.0));
        options.set_keyboard(false);
        Marker::new_with_options(&to_display(source, at), &options)
    }

    pub fn show_place(lat: f64, lng: f64, tiles: TileChoice, tiles_down: RwSignal<bool>) {
        let lang = use_lang();
        Effect::new(move |_| {
            let tiles = tiles.clone();
            when_leaflet_ready(move || {
                let Some(container) = element("place-map") else {
                    return;
                };
                let Some(map) = new_map(&container, lang.get_untracked()) else {
                    return;
                };
                let source = tiles.sources[0];
                let at = LatLng::new(lat, lng);
                map.set_view(&to_display(source, at), PLACE_ZOOM);
                add_tiles(&map, source, &tiles, tiles_down);
                pin(at, source).add_to(&map);
            })
        });
    }

    /// The picker's map, its pin and the form fields it fills, once made.
    pub struct PickerState {
        map: Map,
        marker: Option<Marker>,
        lat_field: web_sys::HtmlInputElement,
        lng_field: web_sys::HtmlInputElement,
    }

    pub type Picker = StoredValue<Option<PickerState>, LocalStorage>;

    fn input(id: &str) -> Option<web_sys::HtmlInputElement> {
        document().get_element_by_id(id)?.dyn_into().ok()
    }

    pub fn start_picker(
        lat_input: String,
        lng_input: String,
        tiles: TileChoice,
        tiles_down: RwSignal<bool>,
        chosen: RwSignal<Option<(f64, f64)>>,
    ) -> Picker {
        let picker: Picker = StoredValue::new_local(None);
        let lang = use_lang();
        Effect::new(move |_| {
            let (lat_input, lng_input, tiles) =
                (lat_input.clone(), lng_input.clone(), tiles.clone());
            when_leaflet_ready(move || {
                let (Some(container), Some(lat_field), Some(lng_field)) =
                    (element("picker-map"), input(&lat_input), input(&lng_input))
                else {
                    return;
                };
                let Some(map) = new_map(&container, lang.get_untracked()) else {
                    return;
                };
                let source = tiles.sources[0];
                let typed = lat_field
                    .value()
                    .trim()
                    .parse::<f64>()
                    .ok()
                    .zip(lng_field.value().trim().parse::<f64>().ok());
                let marker = match typed {
                    Some((lat, lng)) => {
                        let at = LatLng::new(lat, lng);
                        map.set_view(&to_display(source, at), PLACE_ZOOM);
                        chosen.set(Some((lat, lng)));
                        let marker = pin(at, source);
                        marker.add_to(&map);
                        Some(marker)
                    }
                    None => {
                        map.set_view(&to_display(source, DISTRICT_CENTRE), DISTRICT_ZOOM);
                        None
                    }
                };
                add_tiles(&map, source, &tiles, tiles_down);
                map.on_mouse_click(Box::new(move |event: leaflet::MouseEvent| {
                    let at = from_display(source, &event.lat_lng());
                    // Six decimals is about 10 cm: more would only pretend to precision.
                    let (lat, lng) = (round6(at.lat), round6(at.lng));
                    chosen.set(Some((lat, lng)));
                    picker.update_value(|slot| {
                        if let Some(state) = slot {
                            state.lat_field.set_value(&lat.to_string());
                            state.lng_field.set_value(&lng.to_string());
                            if let Some(old) = state.marker.take() {
                                old.remove();
                            }
                            let new = pin(LatLng::new(lat, lng), source);
                            new.add_to(&state.map);
                            state.marker = Some(new);
                        }
                    });
                }));
                // The map works: the typed fields give way to it (they still carry the values).
                if let Some(fields) = container.closest("fieldset").ok().flatten() {
                    let _ = fields.class_list().add_1("form__pair--picked");
                }
                picker.set_value(Some(PickerState {
                    map,
                    marker,
                    lat_field,
                    lng_field,
                }));
            })
        });
        picker
    }

    pub fn clear_pick(picker: Picker) {
        picker.update_value(|slot| {
            if let Some(state) = slot {
                if let Some(old) = state.marker.take() {
                    old.remove();
                }
                state.lat_field.set_value("");
                state.lng_field.set_value("");
            }
        });
    }

    fn round6(value: f64) -> f64 {
        (value * 1e6).round() / 1e6
    }
}
