//! One place in a list of the map: its name (with an organisation's badge), kind, distance and
//! address. Used server-rendered (the list without JavaScript) and in the map island, so the link
//! is a plain `<a>`: islands have no router.

use super::model::NearbyPlace;
use crate::geo::near::format_distance;
use crate::i18n::use_lang;
use crate::orgs::badge::TierBadge;
use leptos::prelude::*;

#[component]
pub fn PlaceCard(place: NearbyPlace) -> impl IntoView {
    let lang = use_lang();
    let kind = place.kind;
    let distance = place.distance_m;
    view! {
        <li class="org-card">
            <p class="org-card__name">
                <span class="org-name">
                    <a href=place.url() class="org-name__link">{place.name.clone()}</a>
                    {place.tier.map(|tier| view! { " " <TierBadge tier/> })}
                </span>
            </p>
            <p class="org-card__meta">
                <span class="org-card__kind">{move || kind.label(lang.get())}</span>
                <span class="place-distance">{move || format_distance(distance, lang.get())}</span>
                {(!place.address.is_empty()).then(|| view! { <span>{place.address}</span> })}
            </p>
        </li>
    }
}
