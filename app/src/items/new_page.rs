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
use crate::i18n::{use_lang, use_texts};
use crate::resources::model::HandoutPoint;
use crate::shell::{page_error, set_status, PageTitle};
use leptos::prelude::*;

#[component]
pub fn NewItemPage() -> impl IntoView {
    let t = use_texts();
    let b = move || &t().items_board;
    let rejected = use_context::<RejectedPost>();
    if let Some(rejected) = &rejected {
        set_status(rejected.error.status());
    }
    let form = Resource::new(|| (), |_| item_form());
    view! {
        <PageTitle text=t().items_board.new_title/>
        <div class="page-head">
            <h1>{move || b().new_title}</h1>
            <p class="page-head__lead">{move || b().new_lead}</p>
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
    let t = use_texts();
    let lang = use_lang();
    let b = move || &t().items_board;
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
                    {move || error.message(lang.get())}" "{move || b().photos_again}
                </p>
            })}
            <label for="item-kind">{move || b().kind_field}</label>
            <ChoiceSelect<ItemKind> id="item-kind" name="item[kind]" current=values.kind.clone() required=true/>
            <TextField id="item-title" name="item[title]" label=|l| l.texts().items_board.title_field hint=None
                value=values.title.clone() max=60 required=true/>
            <label for="item-category">{move || b().category_label}</label>
            <ChoiceSelect<ItemCategory> id="item-category" name="item[category]" current=values.category.clone()
                any=|l| l.texts().items_board.choose_category required=true/>
            <label for="item-condition">{move || b().condition_field}</label>
            <ChoiceSelect<ItemCondition> id="item-condition" name="item[condition]" current=values.condition.clone()
                any=|l| l.texts().items_board.condition_none/>
            <label for="item-mode">{move || b().mode_label}</label>
            <ChoiceSelect<ItemMode> id="item-mode" name="item[mode]" current=values.mode.clone() required=true/>
            <TextArea id="item-description" name="item[description]" label=|l| l.texts().items_board.description_field
                hint=Some(|l| l.texts().items_board.description_hint) value=values.description.clone() max=DESCRIPTION_MAX/>
            <TextArea id="item-pickup" name="item[pickup_notes]" label=|l| l.texts().items_board.pickup_field
                hint=Some(|l| l.texts().items_board.pickup_hint) value=values.pickup_notes.clone() max=PICKUP_NOTES_MAX/>
            {(!points.is_empty()).then(|| view! { <HandoutChoice points current=values.resource.clone()/> })}
            <fieldset>
                <legend>{move || b().place_legend}</legend>
                <p class="hint" id="item-place-hint">{move || b().place_hint}</p>
                <label for="item-area">{move || b().area_field}</label>
                <select id="item-area" name="item[area]" aria-describedby="item-place-hint">
                    <option value="" selected=area.is_empty()>{move || b().area_choose}</option>
                    {areas.into_iter().map(|a| {
                        let selected = a.code == area;
                        let name = a.name(lang.get_untracked()).to_owned();
                        view! { <option value=a.code selected=selected>{name}</option> }
                    }).collect_view()}
                </select>
                <LocationFields form="item" lat=values.lat.clone() lng=values.lng.clone()/>
            </fieldset>
            <label for="item-photos">{move || b().photos_field}</label>
            <input id="item-photos" name="photos" type="file" multiple accept="image/jpeg,image/png,image/webp,image/gif"
                aria-describedby="item-photos-hint" data-max-files=MAX_PHOTOS/>
            <p id="item-photos-hint" class="hint">{move || b().photos_hint}</p>
            <button type="submit" class="button">{move || b().submit}</button>
        </form>
    }
}

/// For an organisation's people: one of the resources it runs, where the listing is handed out.
#[component]
fn HandoutChoice(points: Vec<HandoutPoint>, current: String) -> impl IntoView {
    let t = use_texts();
    let b = move || &t().items_board;
    view! {
        <label for="item-resource">{move || b().resource_field}</label>
        <select id="item-resource" name="item[resource]" aria-describedby="item-resource-hint">
            <option value="" selected=current.is_empty()>{move || b().resource_none}</option>
            {points.into_iter().map(|p| {
                let value = p.id.to_string();
                let selected = value == current;
                view! { <option value=value selected=selected>{format!("{} · {}", p.name, p.org_name)}</option> }
            }).collect_view()}
        </select>
        <p id="item-resource-hint" class="hint">{move || b().resource_hint}</p>
    }
}
