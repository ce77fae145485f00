//! `/events/{id}`: everything about an event, the reader's place in it, join and leave, and the
//! organisers' tools. Plain forms: every button works without JavaScript.

use super::api::{get_event, CancelEvent, EventView, JoinEvent, LeaveEvent, PublishEvent};
use super::model::{Event, EventStatus, Place};
use super::parts::{when_text, SeatsLine};
use super::series::SeriesInfo;
use crate::china_time::china_year;
use crate::components::FormErrorMessage;
use crate::geo::pin_map::{configured_tiles, LeafletAssets, PlaceMap};
use crate::i18n::dates::format_date_time;
use crate::i18n::use_lang;
use crate::locales::{Lang, Text};
use crate::numbers::format_hours;
use crate::orgs::badge::OrgName;
use crate::orgs::Fact;
use crate::shell::{param_page, PageTitle};
use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_query_map};

#[component]
pub fn EventPage() -> impl IntoView {
    param_page("id", get_event, |view| {
        view! { <EventDetails view/> }.into_any()
    })
}

/// What `?done=` says after a form came back.
fn done_text(done: &str, lang: Lang) -> Option<&'static str> {
    Some(match done {
        "going" => crate::locales::events::done_going(lang),
        "waitlisted" => crate::locales::events::done_waitlisted(lang),
        "already" => crate::locales::events::done_already(lang),
        "closed" => crate::locales::events::done_closed(lang),
        "left" => crate::locales::events::done_left(lang),
        "too_late" => crate::locales::events::done_too_late(lang),
        "saved" => crate::locales::events::done_saved(lang),
        "published" => crate::locales::events::done_published(lang),
        "cancelled" => crate::locales::events::done_cancelled(lang),
        "unchanged" => crate::locales::events::done_unchanged(lang),
        _ => return None,
    })
}

#[component]
fn EventDetails(view: EventView) -> impl IntoView {
    let lang = use_lang();
    let e = view.event.clone();
    let category = e.category;
    let done = use_query_map()
        .read_untracked()
        .get("done")
        .unwrap_or_default();
    let status_note = status_note(&e, view.now);
    view! {
        <PageTitle text=e.title.clone()/>
        <div class="page-head">
            <p class="org-head__kind"><span class="chip">{move || category.label(lang.get())}</span></p>
            <h1>{e.title.clone()}</h1>
            {(!e.summary.is_empty()).then(|| view! { <p class="page-head__lead">{e.summary.clone()}</p> })}
        </div>
        {move || done_text(&done, lang.get()).map(|text| view! { <p class="notice-ok" role="status">{text}</p> })}
        {status_note.map(|pick| view! { <p class="notice-info" data-testid="event-status">{move || pick(lang.get())}</p> })}
        <SignupCard view=view.clone()/>
        {view.can_manage.then(|| view! { <OrganiserTools event=e.clone() in_series=view.series.is_some()/> })}
        <dl class="card facts">
            <dt>{move || crate::locales::events::when_heading(lang.get())}</dt>
            <dd>{move || when_text(e.starts_at, e.ends_at, lang.get())}</dd>
            {view.series.as_ref().map(|series| {
                let rule = series.rule;
                view! {
                    <dt>{move || crate::locales::events::series_label(lang.get())}</dt>
                    <dd data-testid="series-rule">{move || rule.describe(lang.get())}</dd>
                }
            })}
            <Fact label=crate::locales::events::place_label value=e.place_name.clone()/>
            {(!e.address.is_empty()).then(|| view! { <Fact label=crate::locales::orgs::address_label value=e.address.clone()/> })}
            <dt>{move || crate::locales::events::organiser(lang.get())}</dt>
            <dd><OrgName id=e.org_id name=e.org_name.clone() tier=e.org_tier/></dd>
            <Fact label=crate::locales::events::signup_deadline_label
                value=e.signup_deadline.map(|d| format_date_time(d, lang.get_untracked(), None)).unwrap_or_default()
                empty=crate::locales::events::until_start/>
            <Fact label=crate::locales::events::cancel_deadline_label
                value=e.cancel_deadline.map(|d| format_date_time(d, lang.get_untracked(), None)).unwrap_or_default()
                empty=crate::locales::events::until_start/>
            {e.walk_ins.then(|| view! {
                <dt>{move || crate::locales::volunteering::checkin_title(lang.get())}</dt>
                <dd>{move || crate::locales::events::walk_ins_note(lang.get())}</dd>
            })}
            <dt>{move || crate::locales::events::hours_label(lang.get())}</dt>
            <dd>{format_hours(e.credit_minutes)}" "{move || crate::locales::events::hours_unit(lang.get())}</dd>
            {(!e.requirements.is_empty()).then(|| view! {
                <Fact label=crate::locales::events::requirements_label value=e.requirements.clone()/>
            })}
            {(!e.contact.is_empty()).then(|| view! { <Fact label=crate::locales::orgs::contact_label value=e.contact.clone()/> })}
            {(!e.tags.is_empty()).then(|| view! {
                <dt>{move || crate::locales::events::tags_label(lang.get())}</dt>
                <dd>{e.tags.join("、")}</dd>
            })}
        </dl>
        {(!e.description.is_empty()).then(|| view! {
            <section class="card"><p class="prose">{e.description.clone()}</p></section>
        })}
        {view.series.clone().filter(|s| !s.others.is_empty()).map(|series| {
            view! { <SeriesOthers series this_year=china_year(view.now)/> }
        })}
        <section class="card share-card" aria-labelledby="share-heading">
            <h2 id="share-heading" class="card__title">{move || crate::locales::events::share_heading(lang.get())}</h2>
            <label for="share-url">{move || crate::locales::events::share_label(lang.get())}</label>
            <input id="share-url" type="url" readonly value=view.share_url.clone() data-testid="share-url"/>
            <p>
                <a href=format!("/events/{}/calendar.ics", e.id) class="button button--secondary" download>
                    {move || crate::locales::events::add_to_calendar(lang.get())}
                </a>
            </p>
        </section>
        <LeafletAssets/>
        <PlaceMap lat=e.lat lng=e.lng name=e.title.clone() tiles=configured_tiles()/>
        <p class="page-foot">
            <A href="/events" attr:class="button button--secondary">{move || crate::locales::events::back_to_list(lang.get())}</A>
        </p>
    }
}

/// Why the event cannot be joined, when it cannot.
fn status_note(e: &Event, now: i64) -> Option<Text> {
    match e.status {
        EventStatus::Draft => Some(crate::locales::events::draft_note),
        EventStatus::Cancelled => Some(crate::locales::events::cancelled_note),
        _ if e.has_ended(now) || e.status == EventStatus::Completed => {
            Some(crate::locales::events::ended_note)
        }
        _ if !e.signup_open(now) => Some(crate::locales::events::signup_closed_note),
        _ => None,
    }
}

/// Seats, the reader's place, and the button that changes it.
#[component]
fn SignupCard(view: EventView) -> impl IntoView {
    let lang = use_lang();
    let join = ServerAction::<JoinEvent>::new();
    let leave = ServerAction::<LeaveEvent>::new();
    let e = view.event.clone();
    let id = e.id;
    let can_join = e.signup_open(view.now);
    let can_leave = e.leaving_open(view.now);
    let full = e.is_full();
    // Once it took place, what counts is how many came, not the seats that were left.
    let over = e.status != EventStatus::Cancelled
        && (e.has_ended(view.now) || e.status == EventStatus::Completed);
    let place = view.place;
    let action_view = match (view.signed_in, place) {
        (false, _) => can_join.then(|| {
            let next = format!("/signin?next=%2Fevents%2F{id}");
            view! { <a href=next class="button" data-testid="sign-in-to-join">{move || crate::locales::events::sign_in_to_join(lang.get())}</a> }
                .into_any()
        }),
        (true, None) => can_join.then(|| view! {
            <ActionForm action=join>
                <input type="hidden" name="id" value=id/>
                <button type="submit" class="button" data-testid="join">
                    {move || if full { crate::locales::events::join_waitlist(lang.get()) } else { crate::locales::events::join(lang.get()) }}
                </button>
            </ActionForm>
        }.into_any()),
        (true, Some(place)) => can_leave.then(|| view! {
            <ActionForm action=leave>
                <input type="hidden" name="id" value=id/>
                <button type="submit" class="button button--secondary" data-testid="leave">
                    {move || match place {
                        Place::Going => crate::locales::events::leave(lang.get()),
                        Place::Waitlisted { .. } => crate::locales::events::leave_waitlist(lang.get()),
                    }}
                </button>
            </ActionForm>
        }.into_any()),
    };
    view! {
        <section class="card signup-card" data-testid="signup">
            <p class="signup-card__seats">
                {if over {
                    let count = e.seats_taken;
                    view! { <span class="seats">{move || crate::t!(lang.get(), events::signed_up_total { count })}</span> }.into_any()
                } else {
                    view! { <SeatsLine seats=e.seats()/> }.into_any()
                }}
            </p>
            {place.map(|place| view! {
                <p class="signup-card__place" data-testid="my-place">
                    {move || match place {
                        Place::Going => crate::locales::events::you_are_going(lang.get()).to_string(),
                        Place::Waitlisted { position } => crate::t!(lang.get(), events::you_are_waitlisted { n: position }),
                    }}
                </p>
            })}
            <FormErrorMessage result=join.value()/>
            <FormErrorMessage result=leave.value()/>
            {action_view}
        </section>
    }
}

/// Edit, duplicate, publish and cancel, for the people who run the event's organisation.
#[component]
fn OrganiserTools(event: Event, in_series: bool) -> impl IntoView {
    let lang = use_lang();
    let publish = ServerAction::<PublishEvent>::new();
    let cancel = ServerAction::<CancelEvent>::new();
    let id = event.id;
    view! {
        <section class="card organiser-tools" data-testid="organiser-tools">
            <h2 class="card__title">{move || crate::locales::events::organiser_tools(lang.get())}</h2>
            <FormErrorMessage result=publish.value()/>
            <FormErrorMessage result=cancel.value()/>
            <p class="button-row">
                <A href=format!("/events/{id}/roster") attr:class="button">{move || crate::locales::events::roster(lang.get())}</A>
                <A href=format!("/events/{id}/edit") attr:class="button button--secondary">{move || crate::locales::events::edit(lang.get())}</A>
                <A href=format!("/events/new?copy={id}") attr:class="button button--secondary">
                    {move || crate::locales::events::duplicate(lang.get())}
                </A>
            </p>
            {(event.status == EventStatus::Draft).then(|| view! {
                <ActionForm action=publish>
                    <input type="hidden" name="id" value=id/>
                    {in_series.then(|| view! {
                        <label class="checkbox">
                            <input type="checkbox" name="scope" value="future" checked data-testid="publish-future"/>
                            {move || crate::locales::events::publish_future(lang.get())}
                        </label>
                    })}
                    <button type="submit" class="button" data-testid="publish">{move || crate::locales::events::publish(lang.get())}</button>
                </ActionForm>
            })}
            {matches!(event.status, EventStatus::Draft | EventStatus::Published).then(|| view! {
                <ActionForm action=cancel attr:class="cancel-event">
                    <input type="hidden" name="id" value=id/>
                    <label class="checkbox">
                        <input type="checkbox" required/>
                        {move || crate::locales::events::cancel_confirm(lang.get())}
                    </label>
                    {in_series.then(|| view! {
                        <label class="checkbox">
                            <input type="checkbox" name="scope" value="future" data-testid="cancel-future"/>
                            {move || crate::locales::events::cancel_future(lang.get())}
                        </label>
                    })}
                    <button type="submit" class="button button--danger" data-testid="cancel-event">
                        {move || crate::locales::events::cancel(lang.get())}
                    </button>
                </ActionForm>
            })}
        </section>
    }
}

/// The series' other occurrences still to come, to pick another date.
#[component]
fn SeriesOthers(series: SeriesInfo, this_year: Option<i32>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <section class="card" aria-labelledby="series-heading" data-testid="series-others">
            <h2 id="series-heading" class="card__title">{move || crate::locales::events::series_others(lang.get())}</h2>
            <ul class="compact-list">
                {series.others.into_iter().map(|(id, starts_at)| view! {
                    <li class="compact-list__item">
                        <A href=format!("/events/{id}")>{move || format_date_time(starts_at, lang.get(), this_year)}</A>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}
