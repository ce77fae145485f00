//! `/map`: with JavaScript, the interactive map (an island) over a list that follows it; without,
//! the places nearest a chosen area of the district (or its centre), server-rendered.

use super::api::nearby_places;
use super::explorer::MapExplorer;
use super::model::Nearby;
use super::place_card::PlaceCard;
use crate::areas::model::AreaKind;
use crate::geo::pin_map::{configured_tiles, LeafletAssets};
use crate::i18n::use_lang;
use crate::locales::map;
use crate::shell::page_error;
use crate::shell::PageTitle;
use leptos::prelude::*;
use leptos_router::{components::Form, hooks::use_query_map};

#[component]
pub fn MapPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let area = move || query.read().get("area").filter(|a| !a.is_empty());
    let nearby = Resource::new(area, nearby_places);
    view! {
        <PageTitle text=crate::locales::map::title(lang.get())/>
        <LeafletAssets/>
        <div class="page-head">
            <h1>{move || crate::locales::map::title(lang.get())}</h1>
            <p class="page-head__lead">{move || crate::locales::map::lead(lang.get())}</p>
        </div>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match nearby.await {
                    Ok(nearby) => {
                        let (tiles, (lat, lng)) = (configured_tiles(), nearby.centre);
                        view! {
                            <MapExplorer tiles lat lng/>
                            <div id="map-nojs">
                                <NearbyList nearby/>
                            </div>
                        }
                        .into_any()
                    }
                    Err(error) => page_error(error),
                }
            })}
        </Suspense>
    }
}

#[component]
fn NearbyList(nearby: Nearby) -> impl IntoView {
    let lang = use_lang();
    let chosen = nearby.area.clone().unwrap_or_default();
    let centre_name = nearby
        .areas
        .iter()
        .find(|a| Some(&a.code) == nearby.area.as_ref())
        .map(|a| a.name(lang.get_untracked()).to_string());
    let lang_now = lang.get_untracked();
    let options = |kind: AreaKind| {
        nearby
            .areas
            .iter()
            .filter(|a| a.kind == kind)
            .map(|a| {
                let name = a.name(lang_now).to_string();
                view! { <option value=a.code.clone() selected=a.code == chosen>{name}</option> }
            })
            .collect_view()
    };
    let subdistricts = options(AreaKind::Subdistrict);
    let communities = options(AreaKind::Community);
    let count = nearby.places.len();
    view! {
        <Form method="GET" action="/map" attr:class="card search-form">
            <label for="map-area">{move || map::area_label(lang.get())}</label>
            <select id="map-area" name="area">
                <option value="" selected=chosen.is_empty()>{move || map::district_centre(lang.get())}</option>
                <optgroup label=move || map::subdistricts(lang.get())>{subdistricts}</optgroup>
                <optgroup label=move || map::communities(lang.get())>{communities}</optgroup>
            </select>
            <button type="submit" class="button">{move || map::show(lang.get())}</button>
        </Form>
        <h2 class="section-title">
            {move || {
                let place = centre_name.clone().unwrap_or_else(|| map::district_centre(lang.get()).to_string());
                crate::t!(lang.get(), map::nearest_to { place })
            }}
        </h2>
        {if count == 0 {
            view! { <p class="empty-note">{move || map::none(lang.get())}</p> }.into_any()
        } else {
            view! {
                <ul class="org-list" data-testid="nearby-list">
                    {nearby.places.into_iter().map(|place| view! { <PlaceCard place/> }).collect_view()}
                </ul>
            }
            .into_any()
        }}
    }
}
