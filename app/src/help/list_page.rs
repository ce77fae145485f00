//! `/help`: the cooperative members' cards that the reader may see something of — their services
//! and the help they need — filtered by what, where and words. A plain GET form: it works without
//! JavaScript.

use super::api::{list_help, HelpFilter, HelpList};
use super::card::{MemberCard, PlaceShown};
use super::model::{format_price, ServiceUnit};
use crate::areas::model::{Area, AreaKind};
use crate::components::BadFilterNotice;
use crate::error::AppError;
use crate::i18n::use_lang;
use crate::locales::map;
use crate::shell::{page_error, PageTitle};
use leptos::prelude::*;
use leptos_router::{components::Form, hooks::use_query_map};

#[component]
pub fn HelpPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let filter = Memo::new(move |_| {
        let q = query.read();
        let get = |key: &str| q.get(key).unwrap_or_default();
        HelpFilter {
            q: get("q"),
            offers: get("offers"),
            area: get("area"),
        }
    });
    let list = Resource::new(move || filter.get(), list_help);
    view! {
        <PageTitle text=crate::locales::help::board::title(lang.get())/>
        <div class="page-head">
            <h1>{move || crate::locales::help::board::title(lang.get())}</h1>
            <p class="page-head__lead">{move || crate::locales::help::board::lead(lang.get())}</p>
        </div>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(list) => view! { <Filters list=list.clone() filter=filter.get_untracked()/> <Results list/> }
                        .into_any(),
                    Err(AppError::InvalidInput(_)) => view! {
                        <BadFilterNotice message=crate::locales::help::board::bad_filter show_all=crate::locales::help::board::show_all href="/help"/>
                    }
                    .into_any(),
                    Err(error) => page_error(error),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Filters(list: HelpList, filter: HelpFilter) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let f = filter;
    let narrowed = !f.offers.is_empty() || !f.area.is_empty();
    let offers = [
        ("", crate::locales::help::board::offers_all(lang)),
        (
            "services",
            crate::locales::help::board::offers_services(lang),
        ),
        ("needs", crate::locales::help::board::offers_needs(lang)),
    ];
    let area_options = |kind: AreaKind| {
        list.areas
            .iter()
            .filter(|a| a.kind == kind)
            .map(|a| view! { <option value=a.code.clone() selected=a.code == f.area>{a.name(lang).to_string()}</option> })
            .collect_view()
    };
    let (subdistricts, communities) = (
        area_options(AreaKind::Subdistrict),
        area_options(AreaKind::Community),
    );
    view! {
        <Form method="GET" action="/help" attr:class="card search-form event-filters" attr:role="search">
            <label for="help-q">{move || crate::locales::help::board::search_label(lang)}</label>
            <div class="event-filters__search">
                <input id="help-q" type="search" name="q" value=f.q.clone() enterkeyhint="search"/>
                <button type="submit" class="button">{move || crate::locales::help::board::search_button(lang)}</button>
            </div>
            <details class="event-filters__more" open=narrowed>
                <summary>{move || crate::locales::help::board::more_filters(lang)}</summary>
                <label for="help-offers">{move || crate::locales::help::board::offers_label(lang)}</label>
                <select id="help-offers" name="offers">
                    {offers.into_iter().map(|(value, label)| view! {
                        <option value=value selected=value == f.offers>{label}</option>
                    }).collect_view()}
                </select>
                <label for="help-area">{move || crate::locales::help::board::area_label(lang)}</label>
                <select id="help-area" name="area">
                    <option value="" selected=f.area.is_empty()>{move || crate::locales::help::board::all_areas(lang)}</option>
                    <optgroup label=move || map::subdistricts(lang)>{subdistricts}</optgroup>
                    <optgroup label=move || map::communities(lang)>{communities}</optgroup>
                </select>
                <p class="button-row">
                    <button type="submit" class="button" data-testid="apply-filters">{move || crate::locales::help::board::apply_filters(lang)}</button>
                </p>
            </details>
        </Form>
    }
}

#[component]
fn Results(list: HelpList) -> impl IntoView {
    let lang = use_lang();
    if list.cards.is_empty() {
        return view! {
            <p class="empty-note">{move || crate::locales::help::board::none_found(lang.get())}</p>
            <p class="hint">{move || crate::locales::help::board::privacy_note(lang.get())}</p>
        }
        .into_any();
    }
    let count = list.cards.len();
    let areas = list.areas;
    view! {
        <p class="result-count" aria-live="polite">{move || crate::t!(lang.get(), help::board::count { count })}</p>
        <ul class="member-list" data-testid="member-list">
            {list.cards.into_iter().map(|card| view! { <MemberCardView card areas=areas.clone()/> }).collect_view()}
        </ul>
        <p class="hint">{move || crate::locales::help::board::privacy_note(lang.get())}</p>
    }
    .into_any()
}

/// Where a member is, in words: their community's name, or "rough location" for a cell.
pub(super) fn place_words(
    place: &PlaceShown,
    areas: &[Area],
    lang: crate::i18n::Lang,
) -> Option<String> {
    match place {
        PlaceShown::Area(code) => areas
            .iter()
            .find(|a| &a.code == code)
            .map(|a| a.name(lang).to_string()),
        PlaceShown::Cell(..) => None,
    }
}

#[component]
fn MemberCardView(card: MemberCard, areas: Vec<Area>) -> impl IntoView {
    let lang = use_lang();
    let href = format!("/help/{}", card.id);
    let name = card.name.clone();
    let place = card.place.clone();
    view! {
        <li class="member-card" data-testid="member-card">
            {card.photo_at.map(|at| view! { <super::photo::MemberPhoto member=card.id at/> })}
            <h2 class="member-card__name">
                <a href=href>{move || name.clone().unwrap_or_else(|| crate::locales::help::board::anonymous(lang.get()).to_string())}</a>
            </h2>
            {place.map(|place| view! {
                <p class="member-card__place">
                    {move || place_words(&place, &areas, lang.get()).unwrap_or_else(|| crate::locales::help::board::rough_place(lang.get()).to_string())}
                </p>
            })}
            {card.services.filter(|s| !s.is_empty()).map(|services| view! {
                <ul class="member-card__entries" aria-label=move || crate::locales::help::board::services_heading(lang.get())>
                    {services.into_iter().map(|s| {
                        view! {
                            <li>
                                <span class="chip">{s.title}</span>
                                " "
                                <ServicePrice fen=s.price_fen unit=s.unit/>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
            {card.needs.filter(|n| !n.is_empty()).map(|needs| view! {
                <ul class="member-card__entries" aria-label=move || crate::locales::help::board::needs_heading(lang.get())>
                    {needs.into_iter().map(|n| {
                        let urgency = n.urgency;
                        view! {
                            <li>
                                <span class="chip chip--wanted">{n.title}</span>
                                " "
                                <span class="hint">{move || urgency.label(lang.get())}</span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
        </li>
    }
}

/// A service's price as the reader sees it: "免费", or "¥10 每件".
#[component]
pub(super) fn ServicePrice(fen: i64, unit: ServiceUnit) -> impl IntoView {
    let lang = use_lang();
    view! {
        <span class="price">
            {move || format_price(fen, crate::locales::help::board::free(lang.get()))}
            {move || if fen > 0 { format!(" {}", unit.label(lang.get())) } else { String::new() }}
        </span>
    }
}
