//! The fields of the register and edit forms (the same form, filled or empty).

use super::input::{OrgFields, SERVICES_MAX};
use super::model::OrgKind;
use crate::components::{TextArea, TextField};
use crate::fields::{DESCRIPTION_MAX, LINE_MAX};
use crate::geo::pin_map::LocationFields;
use crate::i18n::use_lang;
use leptos::prelude::*;

/// Every input of the organisation form, named `org[...]` for the server function's `org` argument.
#[component]
pub fn OrgFormFields(values: OrgFields) -> impl IntoView {
    let lang = use_lang();
    let kind = values.kind.clone();
    view! {
        <label for="org-kind">{move || crate::locales::orgs::kind_label(lang.get())}</label>
        <select id="org-kind" name="org[kind]" required>
            {OrgKind::ALL.into_iter().map(|k| {
                let selected = k.as_str() == kind;
                view! { <option value=k.as_str() selected=selected>{move || k.label(lang.get())}</option> }
            }).collect_view()}
        </select>
        <TextField id="org-name" name="org[name]" label=crate::locales::orgs::name_label hint=Some(crate::locales::orgs::name_hint)
            value=values.name max=60 required=true/>
        <TextArea id="org-description" name="org[description]" label=crate::locales::orgs::description_label
            hint=None value=values.description max=DESCRIPTION_MAX/>
        <TextArea id="org-services" name="org[services]" label=crate::locales::orgs::services_label
            hint=Some(crate::locales::orgs::services_hint) value=values.services max=SERVICES_MAX/>
        <TextField id="org-address" name="org[address]" label=crate::locales::orgs::address_label hint=None
            value=values.address max=LINE_MAX/>
        <LocationFields form="org" lat=values.lat lng=values.lng/>
        <TextField id="org-contact" name="org[contact]" label=crate::locales::orgs::contact_label
            hint=Some(crate::locales::orgs::contact_hint) value=values.contact max=LINE_MAX/>
        <TextField id="org-hours" name="org[opening_hours]" label=crate::locales::orgs::opening_hours_label
            hint=Some(crate::locales::orgs::opening_hours_hint) value=values.opening_hours max=LINE_MAX/>
        <TextField id="org-credit-code" name="org[credit_code]" label=crate::locales::orgs::credit_code_label
            hint=Some(crate::locales::orgs::credit_code_hint) value=values.credit_code max=18/>
    }
}
