//! `/events/new` (`?org=` picks the organisation, `?copy=` duplicates an event) and
//! `/events/{id}/edit`: the organisers' form. A plain form: it works without JavaScript (times
//! typed, coordinates typed); with it, the place is picked on a map.

use super::api::{event_form, CreateEvent, EventFormData, UpdateEvent};
use super::input::{EventFields, DESCRIPTION_MAX, PLACE_NAME_MAX, REQUIREMENTS_MAX, SUMMARY_MAX};
use super::model::EventCategory;
use super::series::{Frequency, SeriesInfo};
use crate::components::{FormErrorMessage, TextArea, TextField};
use crate::error::AppError;
use crate::fields::LINE_MAX;
use crate::geo::pin_map::LocationFields;
use crate::i18n::use_lang;
use crate::orgs::use_org_id;
use crate::shell::{page_error, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn NewEventPage() -> impl IntoView {
    let lang = use_lang();
    let action = ServerAction::<CreateEvent>::new();
    let query = use_query_map();
    let (org, copy) = query.with_untracked(|q| (q.get("org").unwrap_or_default(), q.get("copy")));
    let copy = copy.and_then(|c| c.parse::<i64>().ok());
    let form = Resource::new(move || copy, |copy| event_form(None, copy));
    view! {
        <PageTitle text=crate::locales::events::add(lang.get())/>
        <Suspense fallback=|| ()>
            {move || {
                let org = org.clone();
                Suspend::new(async move {
                    match form.await {
                        Ok(data) => {
                            // A copy keeps everything but the times, which the organiser sets anew.
                            let values = match &data.event {
                                Some(event) => EventFields {
                                    starts_at: String::new(),
                                    ends_at: String::new(),
                                    signup_deadline: String::new(),
                                    cancel_deadline: String::new(),
                                    ..EventFields::from_event(event)
                                },
                                None => EventFields {
                                    org,
                                    category: EventCategory::Community.as_str().into(),
                                    ..EventFields::default()
                                },
                            };
                            view! {
                                <div class="page-head">
                                    <h1>{move || crate::locales::events::add(lang.get())}</h1>
                                    <p class="page-head__lead">{move || crate::locales::events::add_lead(lang.get())}</p>
                                </div>
                                <ActionForm action attr:class="card form form--wide">
                                    <FormErrorMessage result=action.value()/>
                                    <EventFormFields data values/>
                                    <p class="button-row">
                                        <button type="submit" name="publish" value="1" class="button" data-testid="publish-now">
                                            {move || crate::locales::events::publish_now(lang.get())}
                                        </button>
                                        <button type="submit" class="button button--secondary">
                                            {move || crate::locales::events::save_draft(lang.get())}
                                        </button>
                                    </p>
                                </ActionForm>
                            }.into_any()
                        }
                        Err(error) => page_error(error),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
pub fn EditEventPage() -> impl IntoView {
    let lang = use_lang();
    let action = ServerAction::<UpdateEvent>::new();
    let id = use_org_id();
    let form = Resource::new(
        move || id.get(),
        |id| async move {
            match id {
                Some(id) => event_form(Some(id), None).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <PageTitle text=crate::locales::events::edit(lang.get())/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let data = match form.await {
                    Ok(data) => data,
                    Err(error) => return page_error(error),
                };
                let Some(event) = data.event.clone() else {
                    return page_error(AppError::NotFound);
                };
                view! {
                    <div class="page-head">
                        <h1>{move || crate::locales::events::edit(lang.get())}</h1>
                        <p class="page-head__lead">{event.title.clone()}</p>
                    </div>
                    <ActionForm action attr:class="card form form--wide">
                        <FormErrorMessage result=action.value()/>
                        <input type="hidden" name="id" value=event.id/>
                        <input type="hidden" name="version" value=event.version/>
                        <EventFormFields data values=EventFields::from_event(&event)/>
                        <p class="button-row">
                            <button type="submit" class="button">{move || crate::locales::orgs::save(lang.get())}</button>
                            <a href=format!("/events/{}", event.id) class="button button--secondary">
                                {move || crate::locales::events::back_to_event(lang.get())}
                            </a>
                        </p>
                    </ActionForm>
                }
                .into_any()
            })}
        </Suspense>
    }
}

/// Every input of the form, named `event[...]` for the server function's `event` argument.
#[component]
fn EventFormFields(data: EventFormData, values: EventFields) -> impl IntoView {
    let lang = use_lang();
    let (category, org) = (values.category.clone(), values.org.clone());
    view! {
        <label for="event-org">{move || crate::locales::events::org_label(lang.get())}</label>
        <select id="event-org" name="event[org]" required>
            {data.orgs.into_iter().map(|(id, name)| {
                let selected = id.to_string() == org;
                view! { <option value=id selected=selected>{name}</option> }
            }).collect_view()}
        </select>
        <TextField id="event-title" name="event[title]" label=crate::locales::events::title_label hint=None
            value=values.title max=80 required=true/>
        <label for="event-category">{move || crate::locales::events::category_label(lang.get())}</label>
        <select id="event-category" name="event[category]" required>
            {EventCategory::ALL.into_iter().map(|c| {
                let selected = c.as_str() == category;
                view! { <option value=c.as_str() selected=selected>{move || c.label(lang.get())}</option> }
            }).collect_view()}
        </select>
        <TextField id="event-summary" name="event[summary]" label=crate::locales::events::summary_label
            hint=Some(crate::locales::events::summary_hint) value=values.summary max=SUMMARY_MAX/>
        <TextField id="event-starts" name="event[starts_at]" label=crate::locales::events::starts_label
            hint=Some(crate::locales::events::time_hint) value=values.starts_at max=20 required=true
            input_type="datetime-local"/>
        <TextField id="event-ends" name="event[ends_at]" label=crate::locales::events::ends_label hint=None
            value=values.ends_at max=20 required=true input_type="datetime-local"/>
        <RepeatFields series=data.series repeat=values.repeat until=values.repeat_until/>
        <TextField id="event-place" name="event[place_name]" label=crate::locales::events::place_label
            hint=Some(crate::locales::events::place_hint) value=values.place_name max=PLACE_NAME_MAX/>
        <TextField id="event-address" name="event[address]" label=crate::locales::orgs::address_label hint=None
            value=values.address max=LINE_MAX/>
        <LocationFields form="event" lat=values.lat lng=values.lng/>
        <TextField id="event-capacity" name="event[capacity]" label=crate::locales::events::capacity_label
            hint=Some(crate::locales::events::capacity_hint) value=values.capacity max=6 input_type="number"/>
        <TextField id="event-signup-deadline" name="event[signup_deadline]"
            label=crate::locales::events::signup_deadline_label hint=Some(crate::locales::events::deadline_hint)
            value=values.signup_deadline max=20 input_type="datetime-local"/>
        <TextField id="event-cancel-deadline" name="event[cancel_deadline]"
            label=crate::locales::events::cancel_deadline_label hint=Some(crate::locales::events::deadline_hint)
            value=values.cancel_deadline max=20 input_type="datetime-local"/>
        <TextField id="event-hours" name="event[credit_hours]" label=crate::locales::events::hours_label
            hint=Some(crate::locales::events::credit_hours_hint) value=values.credit_hours max=5/>
        <label class="checkbox">
            <input type="checkbox" name="event[walk_ins]" value="on" checked=!values.walk_ins.is_empty()
                data-testid="walk-ins"/>
            {move || crate::locales::events::walk_ins_label(lang.get())}
        </label>
        <TextArea id="event-description" name="event[description]" label=crate::locales::orgs::description_label
            hint=None value=values.description max=DESCRIPTION_MAX/>
        <TextArea id="event-requirements" name="event[requirements]" label=crate::locales::events::requirements_label
            hint=None value=values.requirements max=REQUIREMENTS_MAX/>
        <TextField id="event-contact" name="event[contact]" label=crate::locales::orgs::contact_label
            hint=None value=values.contact max=LINE_MAX/>
        <TextField id="event-tags" name="event[tags]" label=crate::locales::events::tags_label
            hint=Some(crate::locales::events::tags_hint) value=values.tags max=LINE_MAX/>
    }
}

/// A single event may be made to repeat; an occurrence of a series asks whether the edit is for
/// it alone or for every later one too (it alone unless chosen).
#[component]
fn RepeatFields(series: Option<SeriesInfo>, repeat: String, until: String) -> impl IntoView {
    let lang = use_lang();
    if let Some(series) = series {
        let rule = series.rule;
        return view! {
            <fieldset class="form__pair" data-testid="edit-scope">
                <legend>{move || crate::locales::events::scope_label(lang.get())}</legend>
                <p class="hint">{move || crate::locales::events::series_label(lang.get())}"："{move || rule.describe(lang.get())}</p>
                <label class="checkbox">
                    <input type="radio" name="scope" value="this" checked/>
                    {move || crate::locales::events::scope_this(lang.get())}
                </label>
                <label class="checkbox">
                    <input type="radio" name="scope" value="future" data-testid="scope-future"/>
                    {move || crate::locales::events::scope_future(lang.get())}
                </label>
            </fieldset>
        }
        .into_any();
    }
    view! {
        <label for="event-repeat">{move || crate::locales::events::repeat_label(lang.get())}</label>
        <select id="event-repeat" name="event[repeat]" aria-describedby="event-repeat-hint">
            <option value="" selected=repeat.is_empty()>{move || crate::locales::events::repeat_none(lang.get())}</option>
            {Frequency::ALL.iter().copied().map(|f| {
                let selected = f.as_str() == repeat;
                view! { <option value=f.as_str() selected=selected>{move || f.label(lang.get())}</option> }
            }).collect_view()}
        </select>
        <p id="event-repeat-hint" class="hint">{move || crate::locales::events::repeat_hint(lang.get())}</p>
        <TextField id="event-repeat-until" name="event[repeat_until]" label=crate::locales::events::repeat_until_label
            hint=None value=until max=10 input_type="date"/>
    }
    .into_any()
}
