//! `/resources/new` and `/resources/{id}/edit`: platform admins, and the people who run an
//! organisation, add and edit community resources. Plain forms: they work without JavaScript, and
//! with it the place is picked on a map.

use super::api::{resource_form, CreateResource, ResourceFormData, UpdateResource};
use super::input::ResourceFields;
use super::model::ResourceKind;
use crate::components::{FormErrorMessage, TextArea, TextField};
use crate::error::AppError;
use crate::fields::{DESCRIPTION_MAX, LINE_MAX};
use crate::geo::pin_map::LocationFields;
use crate::i18n::use_lang;
use crate::orgs::use_org_id;
use crate::shell::{page_error, PageTitle, SignInRedirect};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// A form that needs someone signed in: visitors are sent to sign in and come back.
fn form_or_error(
    result: Result<ResourceFormData, AppError>,
    form: impl FnOnce(ResourceFormData) -> AnyView,
) -> AnyView {
    match result {
        Ok(data) => form(data),
        Err(AppError::SignInRequired) => view! { <SignInRedirect/> }.into_any(),
        Err(error) => page_error(error),
    }
}

#[component]
pub fn NewResourcePage() -> impl IntoView {
    let lang = use_lang();
    let action = ServerAction::<CreateResource>::new();
    let query = use_query_map();
    // `?org=` comes from an organisation's page: that organisation is chosen already.
    let org = query.read_untracked().get("org").unwrap_or_default();
    let form = Resource::new(|| (), |_| resource_form(None));
    view! {
        <PageTitle text=crate::locales::resources::add(lang.get())/>
        <Suspense fallback=|| ()>
            {move || {
                let org = org.clone();
                Suspend::new(async move {
                    form_or_error(form.await, |data| view! {
                        <div class="page-head">
                            <h1>{move || crate::locales::resources::add(lang.get())}</h1>
                            <p class="page-head__lead">{move || crate::locales::resources::add_lead(lang.get())}</p>
                        </div>
                        <ActionForm action attr:class="card form form--wide">
                            <FormErrorMessage result=action.value()/>
                            <ResourceFormFields data values=ResourceFields {
                                org,
                                kind: ResourceKind::DonationPoint.as_str().into(),
                                ..ResourceFields::default()
                            }/>
                            <button type="submit" class="button">{move || crate::locales::resources::add(lang.get())}</button>
                        </ActionForm>
                    }.into_any())
                })
            }}
        </Suspense>
    }
}

#[component]
pub fn EditResourcePage() -> impl IntoView {
    let lang = use_lang();
    let action = ServerAction::<UpdateResource>::new();
    let id = use_org_id();
    let form = Resource::new(
        move || id.get(),
        |id| async move {
            match id {
                Some(id) => resource_form(Some(id)).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <PageTitle text=crate::locales::resources::edit(lang.get())/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                form_or_error(form.await, |data| {
                    let Some(resource) = data.resource.clone() else {
                        return page_error(AppError::NotFound);
                    };
                    view! {
                        <div class="page-head">
                            <h1>{move || crate::locales::resources::edit(lang.get())}</h1>
                            <p class="page-head__lead">{resource.name.clone()}</p>
                        </div>
                        <ActionForm action attr:class="card form form--wide">
                            <FormErrorMessage result=action.value()/>
                            <input type="hidden" name="id" value=resource.id/>
                            <input type="hidden" name="version" value=resource.version/>
                            <ResourceFormFields data values=ResourceFields::from_resource(&resource)/>
                            <p class="button-row">
                                <button type="submit" class="button">{move || crate::locales::orgs::save(lang.get())}</button>
                                <a href=format!("/resources/{}", resource.id) class="button button--secondary">
                                    {move || crate::locales::resources::back_to_resource(lang.get())}
                                </a>
                            </p>
                        </ActionForm>
                    }
                    .into_any()
                })
            })}
        </Suspense>
    }
}

/// Every input of the form, named `resource[...]` for the server function's `resource` argument.
#[component]
fn ResourceFormFields(data: ResourceFormData, values: ResourceFields) -> impl IntoView {
    let lang = use_lang();
    let (kind, org) = (values.kind.clone(), values.org.clone());
    view! {
        <label for="resource-org">{move || crate::locales::resources::run_by(lang.get())}</label>
        <select id="resource-org" name="resource[org]" required=!data.platform_allowed>
            {data.platform_allowed.then(|| view! {
                <option value="" selected=org.is_empty()>{move || crate::locales::resources::run_by_platform(lang.get())}</option>
            })}
            {data.orgs.into_iter().map(|(id, name)| {
                let selected = id.to_string() == org;
                view! { <option value=id selected=selected>{name}</option> }
            }).collect_view()}
        </select>
        <label for="resource-kind">{move || crate::locales::resources::kind_label(lang.get())}</label>
        <select id="resource-kind" name="resource[kind]" required>
            {ResourceKind::ALL.into_iter().map(|k| {
                let selected = k.as_str() == kind;
                view! { <option value=k.as_str() selected=selected>{move || k.label(lang.get())}</option> }
            }).collect_view()}
        </select>
        <TextField id="resource-name" name="resource[name]" label=crate::locales::resources::name_label hint=None
            value=values.name max=60 required=true/>
        <TextArea id="resource-description" name="resource[description]" label=crate::locales::orgs::description_label
            hint=None value=values.description max=DESCRIPTION_MAX/>
        <TextField id="resource-address" name="resource[address]" label=crate::locales::orgs::address_label hint=None
            value=values.address max=LINE_MAX/>
        <LocationFields form="resource" lat=values.lat lng=values.lng/>
        <TextField id="resource-hours" name="resource[opening_hours]" label=crate::locales::orgs::opening_hours_label
            hint=None value=values.opening_hours max=LINE_MAX/>
        <TextField id="resource-contact" name="resource[contact]" label=crate::locales::orgs::contact_label
            hint=None value=values.contact max=LINE_MAX/>
    }
}
