//! The interactive map on `/map` (an island: it runs only with JavaScript, above the server-rendered
//! list that works without). The controls and the list are Leptos; the map itself is Leaflet,
//! driven from `leaflet_map`. The server does the clustering: on every move the island asks
//! `map_view` for the visible area and draws what comes back.

use super::model::Layer;
use super::place_card::PlaceCard;
use super::view::MapView;
use crate::geo::tiles::{TileChoice, TileSource};
use crate::i18n::{provide_i18n, use_lang};
use crate::locales::map;
use leptos::prelude::*;

/// The visible area in WGS-84 and the zoom, as Leaflet last reported them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    pub south: f64,
    pub west: f64,
    pub north: f64,
    pub east: f64,
    pub zoom: u8,
}

/// What the person chose above the map.
#[derive(Clone, Copy)]
pub struct Controls {
    pub layers: RwSignal<Vec<Layer>>,
    /// A category name, or empty for all.
    pub category: RwSignal<String>,
    pub text: RwSignal<String>,
    pub source: RwSignal<TileSource>,
}

/// Where the map's data stands.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
pub enum Loaded {
    Waiting,
    Ready(MapView),
    Failed,
}

/// Everything the Leaflet side reads and writes.
#[derive(Clone, Copy)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
pub struct MapSignals {
    pub controls: Controls,
    pub viewport: RwSignal<Option<Viewport>>,
    pub loaded: RwSignal<Loaded>,
    pub tiles_down: RwSignal<bool>,
    pub locate_failed: RwSignal<bool>,
    pub locate_asked: Trigger,
}

#[island]
pub fn MapExplorer(tiles: TileChoice, lat: f64, lng: f64) -> impl IntoView {
    provide_i18n();
    let lang = use_lang();
    let first_source = tiles.sources.first().copied().unwrap_or(TileSource::Osm);
    let signals = MapSignals {
        controls: Controls {
            layers: RwSignal::new(Layer::ALL.to_vec()),
            category: RwSignal::new(String::new()),
            text: RwSignal::new(String::new()),
            source: RwSignal::new(first_source),
        },
        viewport: RwSignal::new(None),
        loaded: RwSignal::new(Loaded::Waiting),
        tiles_down: RwSignal::new(false),
        locate_failed: RwSignal::new(false),
        locate_asked: Trigger::new(),
    };
    #[cfg(feature = "hydrate")]
    super::leaflet_map::start(signals, tiles.clone(), (lat, lng));
    #[cfg(not(feature = "hydrate"))]
    let _ = (lat, lng);
    let sources = tiles.sources.clone();
    view! {
        <section class="map-explorer" aria-label=move || map::map_label(lang.get())>
            <MapControls signals sources first_source/>
            <div id="map-canvas" class="map-canvas" data-testid="map-canvas"></div>
            <p class="map-note" role="status" hidden=move || !signals.tiles_down.get()>
                {move || map::tiles_unavailable(lang.get())}
            </p>
            <p class="map-note" role="alert" hidden=move || !signals.locate_failed.get()>
                {move || map::locate_failed(lang.get())}
            </p>
            <VisibleList loaded=signals.loaded/>
        </section>
    }
}

/// Layers, category, search, "my location" and the base map.
#[component]
fn MapControls(
    signals: MapSignals,
    sources: Vec<TileSource>,
    first_source: TileSource,
) -> impl IntoView {
    let lang = use_lang();
    let controls = signals.controls;
    view! {
    <form class="map-controls card" on:submit=|ev| ev.prevent_default()>
        <div class="map-controls__row map-controls__search">
            <label for="map-search">{move || map::search_label(lang.get())}</label>
            <input
                id="map-search"
                type="search"
                enterkeyhint="search"
                maxlength="60"
                placeholder=move || map::search_placeholder(lang.get())
                on:input=move |ev| controls.text.set(event_target_value(&ev))
            />
        </div>
        <div class="map-controls__row">
            <label for="map-category">{move || map::category_label(lang.get())}</label>
            <select
                id="map-category"
                on:change=move |ev| controls.category.set(event_target_value(&ev))
            >
                <option value="">{move || map::all_categories(lang.get())}</option>
                {Layer::ALL
                    .into_iter()
                    .map(|layer| {
                        view! {
                            <optgroup label=move || layer.label(lang.get())>
                                {layer
                                    .kinds()
                                    .into_iter()
                                    .map(|kind| {
                                        view! {
                                            <option value=kind.category()>{move || kind.label(lang.get())}</option>
                                        }
                                    })
                                    .collect_view()}
                            </optgroup>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
        <div class="map-controls__row">
            <label for="map-tiles">{move || map::base_map(lang.get())}</label>
            <select id="map-tiles" on:change=move |ev| {
                if let Some(source) = TileSource::parse(&event_target_value(&ev)) {
                    controls.source.set(source);
                }
            }>
                {sources
                    .iter()
                    .map(|source| {
                        let source = *source;
                        view! {
                            <option value=source.as_str() selected=source == first_source>
                                {move || source.label(lang.get())}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
        <div class="map-controls__bottom">
            <fieldset class="map-controls__layers">
                <legend>{move || map::layers(lang.get())}</legend>
                {Layer::ALL.into_iter().map(|layer| view! { <LayerToggle layer controls/> }).collect_view()}
            </fieldset>
            <button
                type="button"
                class="button button--secondary"
                data-testid="locate-me"
                on:click=move |_| signals.locate_asked.notify()
            >
                {move || map::locate(lang.get())}
            </button>
        </div>
    </form>
    }
    .into_any()
}

#[component]
fn LayerToggle(layer: Layer, controls: Controls) -> impl IntoView {
    let lang = use_lang();
    let checked = move || controls.layers.with(|on| on.contains(&layer));
    let toggle = move |_| {
        controls.layers.update(|on| {
            if on.contains(&layer) {
                on.retain(|l| *l != layer);
            } else {
                on.push(layer);
            }
        })
    };
    view! {
        <label class=format!("map-layer map-layer--{}", layer.as_str())>
            <input type="checkbox" name="layers" value=layer.as_str() prop:checked=checked on:change=toggle/>
            <span>{move || layer.label(lang.get())}</span>
        </label>
    }
}

/// The list under the map: the places in view, nearest the middle first.
#[component]
fn VisibleList(loaded: RwSignal<Loaded>) -> impl IntoView {
    let lang = use_lang();
    move || match loaded.get() {
        Loaded::Waiting => {
            view! { <p class="empty-note">{move || map::loading(lang.get())}</p> }.into_any()
        }
        Loaded::Failed => {
            view! { <p class="form-error" role="alert">{move || map::load_failed(lang.get())}</p> }
                .into_any()
        }
        Loaded::Ready(view) => {
            let total = view.total;
            let too_many = view.too_many_matches.then(|| {
                view! {
                    <p class="empty-note" role="status" data-testid="too-many-matches">
                        {move || map::too_many_matches(lang.get())}
                    </p>
                }
            });
            view! {
                <h2 class="section-title" aria-live="polite" data-testid="in-view-count">
                    {move || crate::t!(lang.get(), map::in_view { count: total })}
                </h2>
                {too_many}
                <ul class="org-list" data-testid="visible-list">
                    {view.list.into_iter().map(|place| view! { <PlaceCard place/> }).collect_view()}
                </ul>
            }
            .into_any()
        }
    }
}
