//! What every map in the browser shares: waiting for Leaflet's script, a map with zoom buttons in
//! the reader's language, the tiles of a base map (with the "base map unavailable" fallback), and
//! the conversion between our WGS-84 positions and the tiles' coordinates.

use super::tiles::{TileChoice, TileSource};
use super::{gcj02_to_wgs84, wgs84_to_gcj02, LatLng};
use crate::locales::Lang;
use leaflet::{Map, MapOptions, TileLayer};
use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, prelude::wasm_bindgen, JsCast, JsValue};

#[wasm_bindgen]
extern "C" {
    // leaflet-rs's DivIcon constructs an L.Icon; the factory makes the real thing.
    #[wasm_bindgen(js_namespace = L, js_name = divIcon)]
    fn div_icon(options: &leaflet::DivIconOptions) -> leaflet::Icon;
}

/// A marker icon drawn by CSS (`class`), `size` pixels square (44 or more: a finger's tap).
pub fn icon(class: &str, html: &str, size: f64) -> leaflet::Icon {
    let options = leaflet::DivIconOptions::new();
    options.set_class_name(class.to_string());
    options.set_html(html.to_string());
    options.set_icon_size(leaflet::Point::new(size, size));
    div_icon(&options)
}

/// Where a WGS-84 position is drawn on `source`'s tiles.
pub fn to_display(source: TileSource, p: LatLng) -> leaflet::LatLng {
    let p = if source.is_gcj02() {
        wgs84_to_gcj02(p)
    } else {
        p
    };
    leaflet::LatLng::new(p.lat, p.lng)
}

/// The WGS-84 position of a point on `source`'s tiles.
pub fn from_display(source: TileSource, p: &leaflet::LatLng) -> LatLng {
    let p = LatLng::new(p.lat(), p.lng());
    if source.is_gcj02() {
        gcj02_to_wgs84(p)
    } else {
        p
    }
}

/// Runs `then` now if Leaflet's script has run, or once it has loaded.
pub fn when_leaflet_ready(then: impl FnOnce() + 'static) {
    if js_sys::Reflect::has(&window(), &JsValue::from_str("L")).unwrap_or(false) {
        then();
        return;
    }
    if let Some(script) = document().get_element_by_id("leaflet-js") {
        let on_load = Closure::once_into_js(then);
        let _ = script.add_event_listener_with_callback("load", on_load.unchecked_ref());
    }
}

/// The element with `id`, if it is there.
pub fn element(id: &str) -> Option<web_sys::HtmlElement> {
    document().get_element_by_id(id)?.dyn_into().ok()
}

/// A map in `container`, with zoom buttons titled in the reader's language. The container's parent
/// is hidden until now (`is-live`), so pages without JavaScript, or without Leaflet, show no empty
/// box; it is shown before Leaflet measures it.
pub fn new_map(container: &web_sys::HtmlElement, lang: Lang) -> Option<Map> {
    if let Some(parent) = container.parent_element() {
        let _ = parent.class_list().add_1("is-live");
    }
    let options = MapOptions::new();
    options.set_zoom_control(false);
    let map = Map::new_with_element(container, &options).ok()?;
    let mut zoom = leaflet::ZoomOptions::new();
    zoom.set_zoom_in_title(crate::locales::map::zoom_in(lang));
    zoom.set_zoom_out_title(crate::locales::map::zoom_out(lang));
    map.add_control(&leaflet::Zoom::new(&zoom));
    Some(map)
}

/// Adds `source`'s tile layers. When the tile server fails, `tiles_down` says so and the map
/// shows a plain grid under its markers.
pub fn add_tiles(
    map: &Map,
    source: TileSource,
    tiles: &TileChoice,
    tiles_down: RwSignal<bool>,
) -> Vec<TileLayer> {
    tiles_down.set(false);
    let container = map.get_container();
    let _ = container.class_list().remove_1("map-canvas--no-tiles");
    source
        .layers(&tiles.tianditu_key)
        .into_iter()
        .map(|spec| {
            let options = leaflet::TileLayerOptions::new();
            options.set_attribution(spec.attribution.to_string());
            options.set_max_zoom(f64::from(spec.max_zoom));
            if !spec.subdomains.is_empty() {
                let _ =
                    js_sys::Reflect::set(&options, &"subdomains".into(), &spec.subdomains.into());
            }
            let layer = TileLayer::new_options(&spec.url, &options);
            let failed = Closure::<dyn FnMut(JsValue)>::new({
                let container = container.clone();
                move |_| {
                    tiles_down.set(true);
                    let _ = container.class_list().add_1("map-canvas--no-tiles");
                }
            });
            layer.on("tileerror", &failed.into_js_value());
            layer.add_to(map);
            layer
        })
        .collect()
}
