//! `/events`: upcoming events, soonest first, filtered by category, time, distance and text.
//! A plain GET form: it works without JavaScript; with it, "my location" measures from the phone.

use super::api::{list_events, EventCard, EventList};
use super::filter::{EventFilter, PageMark};
use super::model::EventCategory;
use super::parts::{EventWhen, SeatsLine};
use crate::areas::model::Area;
use crate::components::{BadFilterNotice, Pager, ResultCount};
use crate::error::AppError;
use crate::geo::near::format_distance;
use crate::geo::near::NearFields;
use crate::i18n::use_lang;
use crate::orgs::badge::OrgName;
use crate::shell::{page_error, PageTitle};
use leptos::prelude::*;
use leptos_router::{
    components::{Form, A},
    hooks::use_query_map,
};

/// The filters in the address.
fn filter_from_query() -> Memo<EventFilter> {
    let query = use_query_map();
    Memo::new(move |_| {
        let q = query.read();
        let get = |key: &str| q.get(key).unwrap_or_default();
        EventFilter {
            category: get("category"),
            when: get("when"),
            from: get("from"),
            to: get("to"),
            near: get("near"),
            lat: get("lat"),
            lng: get("lng"),
            within: get("within"),
            q: get("q"),
            after: get("after"),
        }
    })
}

#[component]
pub fn EventListPage() -> impl IntoView {
    let lang = use_lang();
    let filter = filter_from_query();
    let list = Resource::new(move || filter.get(), list_events);
    view! {
        <PageTitle text=crate::locales::events::title(lang.get())/>
        <div class="page-head">
            <h1>{move || crate::locales::events::title(lang.get())}</h1>
            <p class="page-head__lead">{move || crate::locales::events::lead(lang.get())}</p>
        </div>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match list.await {
                    // Taken apart, not cloned: the cards go to the list, the rest to the filters.
                    Ok(EventList { cards, later, areas, can_create }) => view! {
                        <Filters areas can_create filter=filter.get_untracked()/>
                        <Results cards later filter=filter.get_untracked()/>
                    }
                    .into_any(),
                    // A filter typed into the address by hand: say so (400) and offer the full list.
                    Err(AppError::InvalidInput(_)) => view! {
                        <BadFilterNotice message=crate::locales::events::bad_filter show_all=crate::locales::events::show_all href="/events"/>
                    }
                    .into_any(),
                    Err(error) => page_error(error),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Filters(areas: Vec<Area>, can_create: bool, filter: EventFilter) -> impl IntoView {
    let lang = use_lang();
    let f = filter.clone();
    let option = move |value: &'static str, label: crate::locales::Text, current: &str| {
        let selected = value == current;
        view! { <option value=value selected=selected>{move || label(lang.get())}</option> }
    };
    // Open the fuller filters when one of them is in use, so the reader sees what narrows the list.
    let narrowed = [&f.category, &f.when, &f.near, &f.within]
        .iter()
        .any(|v| !v.is_empty());
    view! {
        <Form method="GET" action="/events" attr:class="card search-form event-filters" attr:role="search">
            <label for="event-q">{move || crate::locales::events::search_label(lang.get())}</label>
            <div class="event-filters__search">
                <input id="event-q" type="search" name="q" value=f.q.clone() enterkeyhint="search"/>
                <button type="submit" class="button">{move || crate::locales::events::search_button(lang.get())}</button>
            </div>
            <details class="event-filters__more" open=narrowed>
                <summary>{move || crate::locales::events::more_filters(lang.get())}</summary>
                <label for="event-category">{move || crate::locales::events::category_label(lang.get())}</label>
                <select id="event-category" name="category">
                    {option("", crate::locales::events::all_categories, &f.category)}
                    {EventCategory::ALL.into_iter().map(|c| {
                        let selected = c.as_str() == f.category;
                        view! { <option value=c.as_str() selected=selected>{move || c.label(lang.get())}</option> }
                    }).collect_view()}
                </select>
                <label for="event-when">{move || crate::locales::events::when_label(lang.get())}</label>
                <select id="event-when" name="when">
                    {option("", crate::locales::events::when_any, &f.when)}
                    {option("today", crate::locales::events::when_today, &f.when)}
                    {option("week", crate::locales::events::when_week, &f.when)}
                    {option("weekend", crate::locales::events::when_weekend, &f.when)}
                    {option("dates", crate::locales::events::when_dates, &f.when)}
                </select>
                <div class="search-form__pair">
                    <span>
                        <label for="event-from">{move || crate::locales::events::from_label(lang.get())}</label>
                        <input id="event-from" type="date" name="from" value=f.from.clone()/>
                    </span>
                    <span>
                        <label for="event-to">{move || crate::locales::events::to_label(lang.get())}</label>
                        <input id="event-to" type="date" name="to" value=f.to.clone()/>
                    </span>
                </div>
                <NearFields id_prefix="event" areas near=f.near.clone() lat=f.lat.clone()
                    lng=f.lng.clone() within=f.within.clone()/>
                <p class="button-row">
                    <button type="submit" class="button" data-testid="apply-filters">{move || crate::locales::events::apply_filters(lang.get())}</button>
                    <crate::geo::locate::UseMyLocation/>
                </p>
            </details>
        </Form>
        {can_create.then(|| view! {
            <p><A href="/events/new" attr:class="button button--secondary">{move || crate::locales::events::add(lang.get())}</A></p>
        })}
    }
}

#[component]
fn Results(cards: Vec<EventCard>, later: Option<PageMark>, filter: EventFilter) -> impl IntoView {
    let lang = use_lang();
    // Spaces alone read as the first page (as the filter does).
    let later_page = !filter.after.trim().is_empty();
    if cards.is_empty() && later.is_none() && !later_page {
        return view! { <p class="empty-note">{move || crate::locales::events::none_found(lang.get())}</p> }.into_any();
    }
    let count = cards.len();
    let one_page = later.is_none() && !later_page;
    view! {
        <ResultCount count one_page whole=|lang, count| crate::t!(lang, events::count { count })
            page=|lang, count| crate::t!(lang, events::page_count { count })/>
        <ul class="event-list" data-testid="event-list">
            {cards.into_iter().map(|card| view! { <EventCardView card/> }).collect_view()}
        </ul>
        <Pager label=crate::locales::events::pager_label first=crate::locales::events::soonest_page
            next=crate::locales::events::later_page first_href=later_page.then(|| filter.href(None))
            next_href=later.map(|later| filter.href(Some(later)))/>
    }
    .into_any()
}

#[component]
fn EventCardView(card: EventCard) -> impl IntoView {
    let lang = use_lang();
    let e = card.event;
    let category = e.category;
    let place = e.place_name.clone();
    let (href, title) = (format!("/events/{}", e.id), e.title.clone());
    view! {
        <li class="event-card" data-testid="event-card">
            <p class="event-card__when"><EventWhen starts_at=e.starts_at ends_at=e.ends_at/></p>
            // A plain link: the router still takes the click, without <A>'s per-link memos.
            <h2 class="event-card__title"><a href=href>{title}</a></h2>
            <p class="event-card__meta">
                <span class="chip">{move || category.label(lang.get())}</span>
                {(!place.is_empty()).then(|| view! { <span>{place}</span> })}
                {card.distance_m.map(|d| view! {
                    <span class="event-card__distance">{move || format_distance(d, lang.get())}</span>
                })}
            </p>
            <p class="event-card__org"><OrgName id=e.org_id name=e.org_name.clone() tier=e.org_tier/></p>
            <p class="event-card__seats"><SeatsLine seats=e.seats/></p>
        </li>
    }
}
