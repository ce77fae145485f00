//! `/orgs`: the directory of organisations, searchable and filtered by type; works without JS.

use super::api::list_orgs;
use super::badge::OrgName;
use super::model::{OrgKind, OrgSummary};
use crate::i18n::use_texts;
use crate::shell::page_error;
use crate::shell::PageTitle;
use leptos::prelude::*;
use leptos_router::{
    components::{Form, A},
    hooks::use_query_map,
};

#[component]
pub fn OrgDirectoryPage() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let text = move || query.read().get("q").unwrap_or_default();
    let kind = move || query.read().get("kind").unwrap_or_default();
    let orgs = Resource::new(
        move || (text(), kind()),
        |(text, kind)| list_orgs(Some(text), Some(kind)),
    );
    view! {
        <PageTitle text=t().orgs.title/>
        <div class="page-head">
            <h1>{move || t().orgs.title}</h1>
            <p class="page-head__lead">{move || t().orgs.lead}</p>
            <p><A href="/orgs/new" attr:class="button button--secondary">{move || t().orgs.register}</A></p>
        </div>
        <Form method="GET" action="/orgs" attr:class="card search-form" attr:role="search">
            <label for="org-search">{move || t().orgs.search_label}</label>
            <input id="org-search" type="search" name="q" value=text enterkeyhint="search"/>
            <label for="org-kind-filter">{move || t().orgs.kind_filter_label}</label>
            <select id="org-kind-filter" name="kind">
                <option value="" selected=move || kind().is_empty()>{move || t().orgs.all_kinds}</option>
                {OrgKind::ALL.into_iter().map(|k| view! {
                    <option value=k.as_str() selected=move || kind() == k.as_str()>
                        {move || k.label(t())}
                    </option>
                }).collect_view()}
            </select>
            <button type="submit" class="button">{move || t().orgs.search_button}</button>
        </Form>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match orgs.await {
                    Ok(list) => view! { <OrgList list/> }.into_any(),
                    Err(error) => page_error(error),
                }
            })}
        </Suspense>
    }
}

#[component]
fn OrgList(list: Vec<OrgSummary>) -> impl IntoView {
    let t = use_texts();
    if list.is_empty() {
        return view! { <p class="empty-note">{move || t().orgs.none_found}</p> }.into_any();
    }
    let count = list.len();
    view! {
        <p class="result-count" aria-live="polite">
            {move || t().orgs.count_before}{count}{move || t().orgs.count_after}
        </p>
        <ul class="org-list" data-testid="org-list">
            {list.into_iter().map(|org| view! { <OrgCard org/> }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
pub fn OrgCard(org: OrgSummary) -> impl IntoView {
    let t = use_texts();
    let kind = org.kind;
    view! {
        <li class="org-card">
            <p class="org-card__name"><OrgName id=org.id name=org.name tier=org.tier/></p>
            <p class="org-card__meta">
                <span class="org-card__kind">{move || kind.label(t())}</span>
                {(!org.address.is_empty()).then(|| view! { <span>{org.address}</span> })}
            </p>
        </li>
    }
}
