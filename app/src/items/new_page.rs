//! `/items/new`: post something to give away, swap or lend, or say what you are looking for. One
//! multipart form with the photos (it works without JavaScript; with it, the place can be picked
//! on a map). A refused posting comes back as this page with what was typed and the reason.

use super::api::{item_form, ItemFormChoices};
use super::input::{ItemFields, RejectedPost, PICKUP_NOTES_MAX};
use super::model::{ItemCategory, ItemCondition, ItemKind, ItemMode, MAX_PHOTOS};
use super::POST_ITEM_PATH;
use crate::components::{ChoiceSelect, TextArea, TextField};
use crate::fields::DESCRIPTION_MAX;
use crate::geo::pin_map::LocationFields;
use crate::i18n::use_lang;
use crate::resources::model::HandoutPoint;
use crate::shell::{page_error, set_status, PageTitle};
use leptos::prelude::*;

#[component]
pub fn NewItemPage() -> impl IntoView {
    let lang = use_lang();
    let rejected = use_context::<RejectedPost>();
    if let Some(rejected) = &rejected {
        set_status(rejected.error.status());
    }
    let form = Resource::new(|| (), |_| item_form());
    view! {
        <PageTitle text=crate::locales::items::board::new_title(lang.get())/>
        <div class="page-head">
            <h1>{move || crate::locales::items::board::new_title(lang.get())}</h1>
            <p class="page-head__lead">{move || crate::locales::items::board::new_lead(lang.get())}</p>
        </div>
        <Suspense fallback=|| ()>
            {move || {
                let rejected = rejected.clone();
                Suspend::new(async move {
                    match form.await {
                        Ok(choices) => view! { <ItemForm choices rejected/> }.into_any(),
                        Err(error) => page_error(error),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn ItemForm(choices: ItemFormChoices, rejected: Option<RejectedPost>) -> impl IntoView {
    let ItemFormChoices { areas, points } = choices;
    let lang = use_lang();
    let (values, error) = match rejected {
        Some(r) => (r.fields, Some(r.error)),
        None => (
            ItemFields {
                kind: ItemKind::Offer.as_str().into(),
                mode: ItemMode::Give.as_str().into(),
                ..ItemFields::default()
            },
            None,
        ),
    };
    let area = values.area.clone();
    view! {
        <form method="post" action=POST_ITEM_PATH enctype="multipart/form-data" class="card form form--wide"
            data-testid="item-form">
            {error.map(|error| view! {
                <p class="form-error" role="alert">
                    {move || error.message(lang.get())}" "{move || crate::locales::items::board::photos_again(lang.get())}
                </p>
            })}
            <label for="item-kind">{move || crate::locales::items::board::kind_field(lang.get())}</label>
            <ChoiceSelect<ItemKind> id="item-kind" name="item[kind]" current=values.kind.clone() required=true/>
            <TextField id="item-title" name="item[title]" label=crate::locales::items::board::title_field hint=None
                value=values.title.clone() max=60 required=true/>
            <label for="item-category">{move || crate::locales::items::board::category_label(lang.get())}</label>
            <ChoiceSelect<ItemCategory> id="item-category" name="item[category]" current=values.category.clone()
                any=crate::locales::items::board::choose_category required=true/>
            <label for="item-condition">{move || crate::locales::items::board::condition_field(lang.get())}</label>
            <ChoiceSelect<ItemCondition> id="item-condition" name="item[condition]" current=values.condition.clone()
                any=crate::locales::items::board::condition_none/>
            <label for="item-mode">{move || crate::locales::items::board::mode_label(lang.get())}</label>
            <ChoiceSelect<ItemMode> id="item-mode" name="item[mode]" current=values.mode.clone() required=true/>
            <TextArea id="item-description" name="item[description]" label=crate::locales::items::board::description_field
                hint=Some(crate::locales::items::board::description_hint) value=values.description.clone() max=DESCRIPTION_MAX/>
            <TextArea id="item-pickup" name="item[pickup_notes]" label=crate::locales::items::board::pickup_field
                hint=Some(crate::locales::items::board::pickup_hint) value=values.pickup_notes.clone() max=PICKUP_NOTES_MAX/>
            {(!points.is_empty()).then(|| view! { <HandoutChoice points current=values.resource.clone()/> })}
            <fieldset>
                <legend>{move || crate::locales::items::board::place_legend(lang.get())}</legend>
                <p class="hint" id="item-place-hint">{move || crate::locales::items::board::place_hint(lang.get())}</p>
                <label for="item-area">{move || crate::locales::items::board::area_field(lang.get())}</label>
                <select id="item-area" name="item[area]" aria-describedby="item-place-hint">
                    <option value="" selected=area.is_empty()>{move || crate::locales::items::board::area_choose(lang.get())}</option>
                    {areas.into_iter().map(|a| {
                        let selected = a.code == area;
                        let name = a.name(lang.get_untracked()).to_owned();
                        view! { <option value=a.code selected=selected>{name}</option> }
                    }).collect_view()}
                </select>
                <LocationFields form="item" lat=values.lat.clone() lng=values.lng.clone()/>
            </fieldset>
            <label for="item-photos">{move || crate::locales::items::board::photos_field(lang.get())}</label>
            <input id="item-photos" name="photos" type="file" multiple accept="image/jpeg,image/png,image/webp,image/gif"
                aria-describedby="item-photos-hint" data-max-files=MAX_PHOTOS/>
            <p id="item-photos-hint" class="hint">{move || crate::locales::items::board::photos_hint(lang.get())}</p>
            <button type="submit" class="button">{move || crate::locales::items::board::submit(lang.get())}</button>
        </form>
    }
}

/// For an organisation's people: one of the resources it runs, where the listing is handed out.
#[component]
fn HandoutChoice(points: Vec<HandoutPoint>, current: String) -> impl IntoView {
    let lang = use_lang();
    view! {
        <label for="item-resource">{move || crate::locales::items::board::resource_field(lang.get())}</label>
        <select id="item-resource" name="item[resource]" aria-describedby="item-resource-hint">
            <option value="" selected=current.is_empty()>{move || crate::locales::items::board::resource_none(lang.get())}</option>
            {points.into_iter().map(|p| {
                let value = p.id.to_string();
                let selected = value == current;
                view! { <option value=value selected=selected>{format!("{} · {}", p.name, p.org_name)}</option> }
            }).collect_view()}
        </select>
        <p id="item-resource-hint" class="hint">{move || crate::locales::items::board::resource_hint(lang.get())}</p>
    }
}
