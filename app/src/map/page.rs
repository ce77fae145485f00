//! `/map`: with JavaScript, the interactive map (an island) over a list that follows it; without,
//! the places nearest a chosen area of the district (or its centre), server-rendered.

use super::api::nearby_places;
use super::explorer::MapExplorer;
use super::model::Nearby;
use super::place_card::PlaceCard;
use crate::areas::model::AreaKind;
use crate::geo::pin_map::{configured_tiles, LeafletAssets};
use crate::i18n::{use_lang, use_texts};
use crate::shell::page_error;
use crate::shell::PageTitle;
use leptos::prelude::*;
use leptos_router::{components::Form, hooks::use_query_map};

#[component]
pub fn MapPage() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let area = move || query.read().get("area").filter(|a| !a.is_empty());
    let nearby = Resource::new(area, nearby_places);
    view! {
        <PageTitle text=t().map.title/>
        <LeafletAssets/>
        <div class="page-head">
            <h1>{move || t().map.title}</h1>
            <p class="page-head__lead">{move || t().map.lead}</p>
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
    let t = use_texts();
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
            <label for="map-area">{move || t().map_page.area_label}</label>
            <select id="map-area" name="area">
                <option value="" selected=chosen.is_empty()>{move || t().map_page.district_centre}</option>
                <optgroup label=move || t().map_page.subdistricts>{subdistricts}</optgroup>
                <optgroup label=move || t().map_page.communities>{communities}</optgroup>
            </select>
            <button type="submit" class="button">{move || t().map_page.show}</button>
        </Form>
        <h2 class="section-title">
            {move || t().map_page.nearest_to}
            {centre_name.clone().unwrap_or_else(|| t().map_page.district_centre.to_string())}
        </h2>
        {if count == 0 {
            view! { <p class="empty-note">{move || t().map_page.none}</p> }.into_any()
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
