//! The browser side of the map: Leaflet (loaded by a `<script>` on map pages only) through the
//! `leaflet` crate. Everything here works on the island's signals: Leaflet reports the visible
//! area, the server is asked what is there, and its answer is drawn.

use super::explorer::{Loaded, MapSignals, Viewport};
use super::model::{NearbyPlace, PlaceKind};
use super::view::{MapMarker, MapView};
use crate::geo::leaflet_base::{
    add_tiles, element, from_display, icon, new_map, to_display, when_leaflet_ready,
};
use crate::geo::tiles::{TileChoice, TileSource};
use crate::geo::LatLng;
use crate::i18n::use_lang;
use crate::locales::{map, Lang};
use leaflet::{LatLngBounds, LayerGroup, Map, Marker, MarkerOptions, TileLayer};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

/// The zoom the map opens at: a few streets around the centre.
const START_ZOOM: f64 = 14.0;

/// The live map and what is on it.
struct LiveMap {
    map: Map,
    tiles: Vec<TileLayer>,
    markers: LayerGroup,
    source: TileSource,
    /// The places drawn one by one, so that a card left open stays open across a redraw.
    drawn: std::cell::RefCell<Vec<(Marker, (PlaceKind, i64))>>,
}

/// Wires the map to the island's signals. The map is made once Leaflet's script has run.
pub fn start(signals: MapSignals, tiles: TileChoice, centre: (f64, f64)) {
    let live: StoredValue<Option<LiveMap>, LocalStorage> = StoredValue::new_local(None);
    let request = StoredValue::new(0u64);
    let tiles = StoredValue::new(tiles);
    let lang = use_lang();

    Effect::new(move |_| {
        when_leaflet_ready(move || {
            if let Some(map) =
                tiles.with_value(|tiles| create(signals, tiles, centre, lang.get_untracked()))
            {
                live.set_value(Some(map));
            }
        })
    });

    // Ask the server whenever the area or a filter changes; only the latest answer is drawn.
    Effect::new(move |_| {
        let Some(area) = signals.viewport.get() else {
            return;
        };
        let c = signals.controls;
        let layers = c
            .layers
            .with(|l| l.iter().map(|l| l.as_str()).collect::<Vec<_>>().join(","));
        let (category, text) = (c.category.get(), c.text.get());
        request.update_value(|n| *n += 1);
        let this_request = request.get_value();
        if layers.is_empty() {
            // Every layer switched off: nothing to ask for (an empty list means all to the API).
            signals.loaded.set(Loaded::Ready(MapView::default()));
            return;
        }
        spawn_local(async move {
            let query = form_urlencoded::Serializer::new(String::new())
                .append_pair("south", &area.south.to_string())
                .append_pair("west", &area.west.to_string())
                .append_pair("north", &area.north.to_string())
                .append_pair("east", &area.east.to_string())
                .append_pair("zoom", &area.zoom.to_string())
                .append_pair("layers", &layers)
                .append_pair("category", &category)
                .append_pair("q", &text)
                .finish();
            let answer = fetch_view(&format!("/api/{}?{query}", super::api::VIEW_ENDPOINT)).await;
            if request.get_value() == this_request {
                signals.loaded.set(match answer {
                    Some(view) => Loaded::Ready(view),
                    None => Loaded::Failed,
                });
            }
        });
    });

    // Draw the latest answer (again when the base map's coordinates change).
    Effect::new(move |_| {
        let source = signals.controls.source.get();
        signals.loaded.with(|loaded| {
            live.with_value(|live| {
                if let (Some(live), Loaded::Ready(view)) = (live, loaded) {
                    draw(live, source, &view.markers, lang.get_untracked());
                }
            })
        });
    });

    // Switching the base map keeps the same place on the ground in view.
    Effect::new(move |_| {
        let source = signals.controls.source.get();
        live.update_value(|live| {
            if let Some(live) = live.as_mut().filter(|l| l.source != source) {
                tiles.with_value(|tiles| switch_tiles(live, source, signals, tiles));
            }
        });
    });

    Effect::new(move |first: Option<()>| {
        signals.locate_asked.track();
        if first.is_some() {
            live.with_value(|live| {
                if let Some(live) = live {
                    locate(live, signals);
                }
            });
        }
    });
}

fn create(
    signals: MapSignals,
    tiles: &TileChoice,
    centre: (f64, f64),
    lang: Lang,
) -> Option<LiveMap> {
    let container = element("map-canvas")?;
    let source = signals.controls.source.get_untracked();
    let map = new_map(&container, lang)?;
    // The list that follows the map replaces the server-rendered one.
    if let Some(list) = element("map-nojs") {
        list.set_hidden(true);
    }
    map.set_view(
        &to_display(source, LatLng::new(centre.0, centre.1)),
        START_ZOOM,
    );
    let markers = LayerGroup::new();
    markers.add_to(&map);
    let mut live = LiveMap {
        map,
        tiles: Vec::new(),
        markers,
        source,
        drawn: Default::default(),
    };
    live.tiles = add_tiles(&live.map, source, tiles, signals.tiles_down);
    let report = {
        let map = live.map.clone();
        move || {
            signals.viewport.set(Some(viewport_of(
                &map,
                signals.controls.source.get_untracked(),
            )))
        }
    };
    let on_move = report.clone();
    live.map.on_move_end(Box::new(move |_| on_move()));
    report();
    Some(live)
}

/// Asks the map API (`places_in_view`) with a plain fetch: the server-function client would add
/// its whole machinery to the bundle every page loads, for this one call.
async fn fetch_view(url: &str) -> Option<MapView> {
    use wasm_bindgen_futures::JsFuture;
    let response = JsFuture::from(window().fetch_with_str(url)).await.ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let text = JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()?;
    serde_json::from_str(&text).ok()
}

fn switch_tiles(live: &mut LiveMap, source: TileSource, signals: MapSignals, tiles: &TileChoice) {
    let centre = from_display(live.source, &live.map.get_center());
    let zoom = live.map.get_zoom();
    for layer in live.tiles.drain(..) {
        layer.remove();
    }
    live.source = source;
    live.tiles = add_tiles(&live.map, source, tiles, signals.tiles_down);
    live.map.set_view(&to_display(source, centre), zoom);
}

/// The visible area in WGS-84, kept on the earth (Leaflet's box can run past ±180° when zoomed out).
fn viewport_of(map: &Map, source: TileSource) -> Viewport {
    let bounds = map.get_bounds();
    let south_west = from_display(source, &bounds.get_south_west());
    let north_east = from_display(source, &bounds.get_north_east());
    Viewport {
        south: south_west.lat.clamp(-90.0, 90.0),
        west: south_west.lng.clamp(-180.0, 180.0),
        north: north_east.lat.clamp(-90.0, 90.0),
        east: north_east.lng.clamp(-180.0, 180.0),
        zoom: map
            .get_zoom()
            .round()
            .clamp(0.0, f64::from(super::cluster::MAX_ZOOM)) as u8,
    }
}

fn draw(live: &LiveMap, source: TileSource, markers: &[MapMarker], lang: Lang) {
    // Opening a card near the edge pans the map, which asks for the view again: the card of a
    // place still in view is opened again on its new marker instead of vanishing under the finger.
    let open = live
        .drawn
        .borrow()
        .iter()
        .find(|(marker, _)| marker.is_popup_open())
        .map(|(_, place)| *place);
    live.markers.clear_layers();
    let mut drawn = Vec::new();
    for marker in markers {
        match marker {
            MapMarker::Place(place) => {
                let pin = place_marker(place, source, lang);
                live.markers.add_layer(&pin);
                let key = (place.kind, place.id);
                if open == Some(key) {
                    pin.open_popup();
                }
                drawn.push((pin, key));
            }
            MapMarker::Cluster { .. } => {
                let cluster = cluster_marker(live, marker, source, lang);
                live.markers.add_layer(&cluster);
            }
        }
    }
    *live.drawn.borrow_mut() = drawn;
}

fn place_marker(place: &NearbyPlace, source: TileSource, lang: Lang) -> Marker {
    let options = MarkerOptions::new();
    options.set_icon(icon(
        &format!("map-pin map-pin--{}", place.kind.layer().as_str()),
        "",
        44.0,
    ));
    options.set_title(place.name.clone());
    options.set_alt(place.name.clone());
    options.set_keyboard(true);
    let marker = Marker::new_with_options(
        &to_display(source, LatLng::new(place.lat, place.lng)),
        &options,
    );
    if let Some(card) = place_card(place, lang) {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"maxWidth".into(), &JsValue::from(260));
        marker.bind_popup_with_options(&card.into(), &options);
    }
    marker
}

/// The small card a marker opens, built as DOM nodes: names are text, never markup.
fn place_card(place: &NearbyPlace, lang: Lang) -> Option<web_sys::Element> {
    let doc = document();
    let card = doc.create_element("div").ok()?;
    card.set_class_name("map-card");
    card.set_attribute("data-testid", "map-card").ok()?;
    let name = doc.create_element("p").ok()?;
    name.set_class_name("map-card__name");
    name.set_text_content(Some(&place.name));
    let kind = doc.create_element("p").ok()?;
    kind.set_class_name("map-card__meta");
    let meta = if place.address.is_empty() {
        place.kind.label(lang).to_string()
    } else {
        format!("{} · {}", place.kind.label(lang), place.address)
    };
    kind.set_text_content(Some(&meta));
    let link = doc.create_element("a").ok()?;
    link.set_class_name("button");
    link.set_attribute("href", &place.url()).ok()?;
    link.set_text_content(Some(map::open_details(lang)));
    for part in [&name, &kind, &link] {
        card.append_child(part).ok()?;
    }
    Some(card)
}

fn cluster_marker(live: &LiveMap, marker: &MapMarker, source: TileSource, lang: Lang) -> Marker {
    let MapMarker::Cluster {
        lat,
        lng,
        count,
        south,
        west,
        north,
        east,
    } = *marker
    else {
        unreachable!("only clusters come here")
    };
    let size = match count {
        0..=9 => 40.0,
        10..=99 => 48.0,
        _ => 56.0,
    };
    let options = MarkerOptions::new();
    options.set_icon(icon("map-cluster", &count.to_string(), size));
    options.set_title(crate::t!(lang, map::cluster_hint { count }));
    options.set_keyboard(true);
    let drawn = Marker::new_with_options(&to_display(source, LatLng::new(lat, lng)), &options);
    let bounds = LatLngBounds::new(
        &to_display(source, LatLng::new(south, west)),
        &to_display(source, LatLng::new(north, east)),
    );
    let map = live.map.clone();
    // Points at one spot (one building) cannot be told apart by zooming to their box.
    let same_spot = south == north && west == east;
    let zoom_in = Closure::<dyn FnMut(JsValue)>::new(move |_| {
        if same_spot {
            map.set_view(&bounds.get_south_west(), map.get_zoom() + 2.0);
        } else {
            map.fit_bounds(&bounds);
        }
    });
    drawn.on("click", &zoom_in.into_js_value());
    drawn
}

/// "My location": the browser's position (with permission), shown on the map.
fn locate(live: &LiveMap, signals: MapSignals) {
    signals.locate_failed.set(false);
    let map = live.map.clone();
    let found =
        Closure::<dyn FnMut(leaflet::LocationEvent)>::new(move |event: leaflet::LocationEvent| {
            let here = event.lat_lng();
            let source = signals.controls.source.get_untracked();
            map.set_view(
                &to_display(source, LatLng::new(here.lat(), here.lng())),
                16.0,
            );
        });
    let failed = Closure::<dyn FnMut(JsValue)>::new(move |_| signals.locate_failed.set(true));
    live.map.once("locationfound", &found.into_js_value());
    live.map.once("locationerror", &failed.into_js_value());
    live.map.locate();
}
