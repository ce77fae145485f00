//! The fields of the register and edit forms (the same form, filled or empty).

use super::input::{OrgFields, DESCRIPTION_MAX, LINE_MAX, SERVICES_MAX};
use super::model::OrgKind;
use crate::i18n::{use_texts, Texts};
use crate::map::pin_map::{configured_tiles, LeafletAssets, LocationPicker};
use leptos::prelude::*;

/// Every input of the organisation form, named `org[...]` for the server function's `org` argument.
#[component]
pub fn OrgFormFields(values: OrgFields) -> impl IntoView {
    let t = use_texts();
    let kind = values.kind.clone();
    view! {
        <label for="org-kind">{move || t().orgs.kind_label}</label>
        <select id="org-kind" name="org[kind]" required>
            {OrgKind::ALL.into_iter().map(|k| {
                let selected = k.as_str() == kind;
                view! { <option value=k.as_str() selected=selected>{move || k.label(t())}</option> }
            }).collect_view()}
        </select>
        <TextField id="org-name" field="name" label=|t| t.orgs.name_label hint=Some(|t| t.orgs.name_hint)
            value=values.name max=60 required=true/>
        <TextArea id="org-description" field="description" label=|t| t.orgs.description_label
            hint=None value=values.description max=DESCRIPTION_MAX/>
        <TextArea id="org-services" field="services" label=|t| t.orgs.services_label
            hint=Some(|t| t.orgs.services_hint) value=values.services max=SERVICES_MAX/>
        <TextField id="org-address" field="address" label=|t| t.orgs.address_label hint=None
            value=values.address max=LINE_MAX/>
        <fieldset class="form__pair">
            <legend>{move || t().orgs.location_label}</legend>
            <p id="org-location-hint" class="hint">{move || t().orgs.location_hint}</p>
            <div class="form__pair-fields">
                <span>
                    <label for="org-lat">{move || t().orgs.lat_label}</label>
                    <input id="org-lat" name="org[lat]" type="text" inputmode="decimal"
                        aria-describedby="org-location-hint" value=values.lat/>
                </span>
                <span>
                    <label for="org-lng">{move || t().orgs.lng_label}</label>
                    <input id="org-lng" name="org[lng]" type="text" inputmode="decimal"
                        aria-describedby="org-location-hint" value=values.lng/>
                </span>
            </div>
            <LeafletAssets/>
            <LocationPicker lat_input="org-lat".to_string() lng_input="org-lng".to_string()
                tiles=configured_tiles()/>
        </fieldset>
        <TextField id="org-contact" field="contact" label=|t| t.orgs.contact_label
            hint=Some(|t| t.orgs.contact_hint) value=values.contact max=LINE_MAX/>
        <TextField id="org-hours" field="opening_hours" label=|t| t.orgs.opening_hours_label
            hint=Some(|t| t.orgs.opening_hours_hint) value=values.opening_hours max=LINE_MAX/>
        <TextField id="org-credit-code" field="credit_code" label=|t| t.orgs.credit_code_label
            hint=Some(|t| t.orgs.credit_code_hint) value=values.credit_code max=18/>
    }
}

type Pick = fn(&'static Texts) -> &'static str;

#[component]
fn TextField(
    id: &'static str,
    field: &'static str,
    label: Pick,
    hint: Option<Pick>,
    value: String,
    max: usize,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    view! {
        <Field id label hint>
            <input id=id name=format!("org[{field}]") type="text" value=value maxlength=max
                required=required aria-describedby=hint.map(|_| format!("{id}-hint"))/>
        </Field>
    }
}

#[component]
fn TextArea(
    id: &'static str,
    field: &'static str,
    label: Pick,
    hint: Option<Pick>,
    value: String,
    max: usize,
) -> impl IntoView {
    view! {
        <Field id label hint>
            <textarea id=id name=format!("org[{field}]") rows="4" maxlength=max
                aria-describedby=hint.map(|_| format!("{id}-hint"))>{value}</textarea>
        </Field>
    }
}

/// A label, the control, and its hint (which the control names in `aria-describedby`).
#[component]
fn Field(id: &'static str, label: Pick, hint: Option<Pick>, children: Children) -> impl IntoView {
    let t = use_texts();
    view! {
        <label for=id>{move || label(t())}</label>
        {children()}
        {hint.map(|hint| view! { <p id=format!("{id}-hint") class="hint">{move || hint(t())}</p> })}
    }
}
