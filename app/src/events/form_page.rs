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
use crate::i18n::{use_lang, use_texts};
use crate::orgs::use_org_id;
use crate::shell::{page_error, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn NewEventPage() -> impl IntoView {
    let t = use_texts();
    let action = ServerAction::<CreateEvent>::new();
    let query = use_query_map();
    let (org, copy) = query.with_untracked(|q| (q.get("org").unwrap_or_default(), q.get("copy")));
    let copy = copy.and_then(|c| c.parse::<i64>().ok());
    let form = Resource::new(move || copy, |copy| event_form(None, copy));
    view! {
        <PageTitle text=t().events_page.add/>
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
                                    <h1>{move || t().events_page.add}</h1>
                                    <p class="page-head__lead">{move || t().events_page.add_lead}</p>
                                </div>
                                <ActionForm action attr:class="card form form--wide">
                                    <FormErrorMessage result=action.value()/>
                                    <EventFormFields data values/>
                                    <p class="button-row">
                                        <button type="submit" name="publish" value="1" class="button" data-testid="publish-now">
                                            {move || t().events_page.publish_now}
                                        </button>
                                        <button type="submit" class="button button--secondary">
                                            {move || t().events_page.save_draft}
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
    let t = use_texts();
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
        <PageTitle text=t().events_page.edit/>
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
                        <h1>{move || t().events_page.edit}</h1>
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
                                {move || t().events_page.back_to_event}
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
    let t = use_texts();
    let lang = use_lang();
    let (category, org) = (values.category.clone(), values.org.clone());
    view! {
        <label for="event-org">{move || t().events_page.org_label}</label>
        <select id="event-org" name="event[org]" required>
            {data.orgs.into_iter().map(|(id, name)| {
                let selected = id.to_string() == org;
                view! { <option value=id selected=selected>{name}</option> }
            }).collect_view()}
        </select>
        <TextField id="event-title" name="event[title]" label=|l| l.texts().events_page.title_label hint=None
            value=values.title max=80 required=true/>
        <label for="event-category">{move || t().events_page.category_label}</label>
        <select id="event-category" name="event[category]" required>
            {EventCategory::ALL.into_iter().map(|c| {
                let selected = c.as_str() == category;
                view! { <option value=c.as_str() selected=selected>{move || c.label(lang.get())}</option> }
            }).collect_view()}
        </select>
        <TextField id="event-summary" name="event[summary]" label=|l| l.texts().events_page.summary_label
            hint=Some(|l| l.texts().events_page.summary_hint) value=values.summary max=SUMMARY_MAX/>
        <TextField id="event-starts" name="event[starts_at]" label=|l| l.texts().events_page.starts_label
            hint=Some(|l| l.texts().events_page.time_hint) value=values.starts_at max=20 required=true
            input_type="datetime-local"/>
        <TextField id="event-ends" name="event[ends_at]" label=|l| l.texts().events_page.ends_label hint=None
            value=values.ends_at max=20 required=true input_type="datetime-local"/>
        <RepeatFields series=data.series repeat=values.repeat until=values.repeat_until/>
        <TextField id="event-place" name="event[place_name]" label=|l| l.texts().events_page.place_label
            hint=Some(|l| l.texts().events_page.place_hint) value=values.place_name max=PLACE_NAME_MAX/>
        <TextField id="event-address" name="event[address]" label=crate::locales::orgs::address_label hint=None
            value=values.address max=LINE_MAX/>
        <LocationFields form="event" lat=values.lat lng=values.lng/>
        <TextField id="event-capacity" name="event[capacity]" label=|l| l.texts().events_page.capacity_label
            hint=Some(|l| l.texts().events_page.capacity_hint) value=values.capacity max=6 input_type="number"/>
        <TextField id="event-signup-deadline" name="event[signup_deadline]"
            label=|l| l.texts().events_page.signup_deadline_label hint=Some(|l| l.texts().events_page.deadline_hint)
            value=values.signup_deadline max=20 input_type="datetime-local"/>
        <TextField id="event-cancel-deadline" name="event[cancel_deadline]"
            label=|l| l.texts().events_page.cancel_deadline_label hint=Some(|l| l.texts().events_page.deadline_hint)
            value=values.cancel_deadline max=20 input_type="datetime-local"/>
        <TextField id="event-hours" name="event[credit_hours]" label=|l| l.texts().events_page.hours_label
            hint=Some(|l| l.texts().events_page.credit_hours_hint) value=values.credit_hours max=5/>
        <label class="checkbox">
            <input type="checkbox" name="event[walk_ins]" value="on" checked=!values.walk_ins.is_empty()
                data-testid="walk-ins"/>
            {move || t().events_page.walk_ins_label}
        </label>
        <TextArea id="event-description" name="event[description]" label=crate::locales::orgs::description_label
            hint=None value=values.description max=DESCRIPTION_MAX/>
        <TextArea id="event-requirements" name="event[requirements]" label=|l| l.texts().events_page.requirements_label
            hint=None value=values.requirements max=REQUIREMENTS_MAX/>
        <TextField id="event-contact" name="event[contact]" label=crate::locales::orgs::contact_label
            hint=None value=values.contact max=LINE_MAX/>
        <TextField id="event-tags" name="event[tags]" label=|l| l.texts().events_page.tags_label
            hint=Some(|l| l.texts().events_page.tags_hint) value=values.tags max=LINE_MAX/>
    }
}

/// A single event may be made to repeat; an occurrence of a series asks whether the edit is for
/// it alone or for every later one too (it alone unless chosen).
#[component]
fn RepeatFields(series: Option<SeriesInfo>, repeat: String, until: String) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    if let Some(series) = series {
        let rule = series.rule;
        return view! {
            <fieldset class="form__pair" data-testid="edit-scope">
                <legend>{move || t().events_page.scope_label}</legend>
                <p class="hint">{move || t().events_page.series_label}"："{move || rule.describe(lang.get())}</p>
                <label class="checkbox">
                    <input type="radio" name="scope" value="this" checked/>
                    {move || t().events_page.scope_this}
                </label>
                <label class="checkbox">
                    <input type="radio" name="scope" value="future" data-testid="scope-future"/>
                    {move || t().events_page.scope_future}
                </label>
            </fieldset>
        }
        .into_any();
    }
    view! {
        <label for="event-repeat">{move || t().events_page.repeat_label}</label>
        <select id="event-repeat" name="event[repeat]" aria-describedby="event-repeat-hint">
            <option value="" selected=repeat.is_empty()>{move || t().events_page.repeat_none}</option>
            {Frequency::ALL.into_iter().enumerate().map(|(i, f)| {
                let selected = f.as_str() == repeat;
                view! { <option value=f.as_str() selected=selected>{move || t().events_page.repeat_options[i]}</option> }
            }).collect_view()}
        </select>
        <p id="event-repeat-hint" class="hint">{move || t().events_page.repeat_hint}</p>
        <TextField id="event-repeat-until" name="event[repeat_until]" label=|l| l.texts().events_page.repeat_until_label
            hint=None value=until max=10 input_type="date"/>
    }
    .into_any()
}
