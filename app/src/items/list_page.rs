//! `/items`: things offered and wanted nearby, newest first, filtered by kind, category, way of
//! passing on, distance and text. A plain GET form: it works without JavaScript.

use super::api::{list_items, ItemCard, ItemList};
use super::filter::{ItemFilter, PageMark};
use super::model::{ItemCategory, ItemKind, ItemMode, ItemStatus};
use crate::areas::model::Area;
use crate::components::{BadFilterNotice, ChoiceSelect, Pager, ResultCount};
use crate::error::AppError;
use crate::geo::near::format_distance;
use crate::geo::near::NearFields;
use crate::i18n::use_lang;
use crate::shell::{page_error, PageTitle};
use leptos::prelude::*;
use leptos_router::{components::Form, hooks::use_query_map};

fn filter_from_query() -> Memo<ItemFilter> {
    let query = use_query_map();
    Memo::new(move |_| {
        let q = query.read();
        let get = |key: &str| q.get(key).unwrap_or_default();
        ItemFilter {
            kind: get("kind"),
            category: get("category"),
            mode: get("mode"),
            near: get("near"),
            lat: get("lat"),
            lng: get("lng"),
            within: get("within"),
            q: get("q"),
            before: get("before"),
        }
    })
}

#[component]
pub fn ItemListPage() -> impl IntoView {
    let lang = use_lang();
    let filter = filter_from_query();
    let list = Resource::new(move || filter.get(), list_items);
    let reported = use_query_map().read_untracked().get("done").as_deref() == Some("reported");
    view! {
        <PageTitle text=crate::locales::items::board::title(lang.get())/>
        <div class="page-head">
            <h1>{move || crate::locales::items::board::title(lang.get())}</h1>
            <p class="page-head__lead">{move || crate::locales::items::board::lead(lang.get())}</p>
        </div>
        {reported.then(|| view! { <p class="notice-ok" role="status">{move || crate::locales::items::board::reported_notice(lang.get())}</p> })}
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match list.await {
                    // Taken apart, not cloned: the cards go to the list, the places to the filters.
                    Ok(ItemList { cards, areas, older }) => {
                        let filter = filter.get_untracked();
                        view! { <Filters areas filter=filter.clone()/> <Results cards older filter/> }
                            .into_any()
                    }
                    Err(AppError::InvalidInput(_)) => view! {
                        <BadFilterNotice message=crate::locales::items::board::bad_filter show_all=crate::locales::items::board::show_all href="/items"/>
                    }
                    .into_any(),
                    Err(error) => page_error(error),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Filters(areas: Vec<Area>, filter: ItemFilter) -> impl IntoView {
    let lang = use_lang();
    let f = filter;
    let narrowed = [&f.kind, &f.category, &f.mode, &f.near, &f.within]
        .iter()
        .any(|v| !v.is_empty());
    view! {
        <Form method="GET" action="/items" attr:class="card search-form event-filters" attr:role="search">
            <label for="item-q">{move || crate::locales::items::board::search_label(lang.get())}</label>
            <div class="event-filters__search">
                <input id="item-q" type="search" name="q" value=f.q.clone() enterkeyhint="search"/>
                <button type="submit" class="button">{move || crate::locales::items::board::search_button(lang.get())}</button>
            </div>
            <details class="event-filters__more" open=narrowed>
                <summary>{move || crate::locales::items::board::more_filters(lang.get())}</summary>
                <label for="item-kind">{move || crate::locales::items::board::kind_label(lang.get())}</label>
                <ChoiceSelect<ItemKind> id="item-kind" name="kind" current=f.kind.clone() any=crate::locales::items::board::all_kinds/>
                <label for="item-category">{move || crate::locales::items::board::category_label(lang.get())}</label>
                <ChoiceSelect<ItemCategory> id="item-category" name="category" current=f.category.clone() any=crate::locales::items::board::all_categories/>
                <label for="item-mode">{move || crate::locales::items::board::mode_label(lang.get())}</label>
                <ChoiceSelect<ItemMode> id="item-mode" name="mode" current=f.mode.clone() any=crate::locales::items::board::all_modes/>
                <NearFields id_prefix="item" areas near=f.near.clone() lat=f.lat.clone()
                    lng=f.lng.clone() within=f.within.clone()/>
                <p class="button-row">
                    <button type="submit" class="button" data-testid="apply-filters">{move || crate::locales::items::board::apply_filters(lang.get())}</button>
                    <crate::geo::locate::UseMyLocation/>
                </p>
            </details>
        </Form>
        <p>
            <a href="/items/new" class="button button--secondary" data-testid="post-item">
                {move || crate::locales::items::board::post(lang.get())}
            </a>
        </p>
    }
}

#[component]
fn Results(cards: Vec<ItemCard>, older: Option<PageMark>, filter: ItemFilter) -> impl IntoView {
    let lang = use_lang();
    // Spaces alone read as the first page (as the filter does).
    let later_page = !filter.before.trim().is_empty();
    if cards.is_empty() && older.is_none() && !later_page {
        return view! { <p class="empty-note">{move || crate::locales::items::board::none_found(lang.get())}</p> }.into_any();
    }
    let count = cards.len();
    let one_page = older.is_none() && !later_page;
    view! {
        <ResultCount count one_page whole=|lang, count| crate::t!(lang, items::board::count { count })
            page=|lang, count| crate::t!(lang, items::board::page_count { count })/>
        <ul class="item-list" data-testid="item-list">
            {cards.into_iter().map(|card| view! { <ItemCardView card/> }).collect_view()}
        </ul>
        <Pager label=crate::locales::items::board::pager_label first=crate::locales::items::board::newest_page
            next=crate::locales::items::board::older_page first_href=later_page.then(|| filter.href(None))
            next_href=older.map(|older| filter.href(Some(older)))/>
    }
    .into_any()
}

#[component]
fn ItemCardView(card: ItemCard) -> impl IntoView {
    let lang = use_lang();
    let item = card.item;
    let (kind, category, mode, status) = (item.kind, item.category, item.mode, item.status);
    let href = format!("/items/{}", item.id);
    let thumb = item.photos.first().map(|p| p.thumb_url());
    view! {
        <li class="item-card" data-testid="item-card">
            <a href=href.clone() class="item-card__photo" tabindex="-1" aria-hidden="true">
                {match thumb {
                    Some(src) => view! { <img src=src alt="" loading="lazy" width="96" height="96"/> }.into_any(),
                    None => view! { <span class="item-card__no-photo">{crate::shell::Icon::Items.view()}</span> }.into_any(),
                }}
            </a>
            <div class="item-card__body">
                <h2 class="item-card__title"><a href=href>{item.title.clone()}</a></h2>
                <p class="item-card__meta">
                    <span class=if kind == ItemKind::Wanted { "chip chip--wanted" } else { "chip" }>{move || kind.label(lang.get())}</span>
                    <span class="chip chip--plain">{move || category.label(lang.get())}</span>
                    <span class="chip chip--plain">{move || mode.label(lang.get())}</span>
                </p>
                <p class="item-card__meta">
                    {(status == ItemStatus::Promised).then(|| view! {
                        <span class="item-card__status" data-testid="item-status">{move || status.label(lang.get())}</span>
                    })}
                    {card.distance_m.map(|d| view! {
                        <span class="event-card__distance">{move || format_distance(d, lang.get())}</span>
                    })}
                </p>
            </div>
        </li>
    }
}
