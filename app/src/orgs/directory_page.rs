//! `/orgs`: the directory of organisations, searchable, filtered by type and read a page at a
//! time; works without JS.

use super::api::list_orgs;
use super::badge::OrgName;
use super::model::{OrgKind, OrgPage, OrgSummary};
use crate::components::{BadFilterNotice, Pager, ResultCount};
use crate::error::AppError;
use crate::i18n::use_lang;
use crate::paging::{list_href, PageMark};
use crate::shell::page_error;
use crate::shell::PageTitle;
use leptos::prelude::*;
use leptos_router::{
    components::{Form, A},
    hooks::use_query_map,
};

/// The directory's filters as typed in the address.
#[derive(Clone, Debug, Default, PartialEq)]
struct DirectoryFilter {
    q: String,
    kind: String,
    after: String,
}

impl DirectoryFilter {
    /// The directory's address with these filters, starting after `after` (`None`: the first page).
    fn href(&self, after: Option<PageMark>) -> String {
        let after = after.map(|a| a.to_string()).unwrap_or_default();
        list_href(
            "/orgs",
            &[
                ("q", self.q.as_str()),
                ("kind", self.kind.as_str()),
                ("after", after.as_str()),
            ],
        )
    }
}

#[component]
pub fn OrgDirectoryPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let filter = Memo::new(move |_| {
        let q = query.read();
        let get = |key: &str| q.get(key).unwrap_or_default();
        DirectoryFilter {
            q: get("q"),
            kind: get("kind"),
            after: get("after"),
        }
    });
    let text = move || filter.read().q.clone();
    let kind = move || filter.read().kind.clone();
    let orgs = Resource::new(
        move || filter.get(),
        |f| list_orgs(Some(f.q), Some(f.kind), Some(f.after)),
    );
    view! {
        <PageTitle text=crate::locales::orgs::title(lang.get())/>
        <div class="page-head">
            <h1>{move || crate::locales::orgs::title(lang.get())}</h1>
            <p class="page-head__lead">{move || crate::locales::orgs::lead(lang.get())}</p>
            <p><A href="/orgs/new" attr:class="button button--secondary">{move || crate::locales::orgs::register(lang.get())}</A></p>
        </div>
        <Form method="GET" action="/orgs" attr:class="card search-form" attr:role="search">
            <label for="org-search">{move || crate::locales::orgs::search_label(lang.get())}</label>
            <input id="org-search" type="search" name="q" value=text enterkeyhint="search"/>
            <label for="org-kind-filter">{move || crate::locales::orgs::kind_filter_label(lang.get())}</label>
            <select id="org-kind-filter" name="kind">
                <option value="" selected=move || kind().is_empty()>{move || crate::locales::orgs::all_kinds(lang.get())}</option>
                {OrgKind::ALL.into_iter().map(|k| view! {
                    <option value=k.as_str() selected=move || kind() == k.as_str()>
                        {move || k.label(lang.get())}
                    </option>
                }).collect_view()}
            </select>
            <button type="submit" class="button">{move || crate::locales::orgs::search_button(lang.get())}</button>
        </Form>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match orgs.await {
                    Ok(page) => view! { <OrgList page filter=filter.get_untracked()/> }.into_any(),
                    // A page start typed into the address by hand: say so (400) and offer the list.
                    Err(AppError::InvalidInput(_)) => view! {
                        <BadFilterNotice message=crate::locales::orgs::bad_filter show_all=crate::locales::orgs::show_all href="/orgs"/>
                    }
                    .into_any(),
                    Err(error) => page_error(error),
                }
            })}
        </Suspense>
    }
}

#[component]
fn OrgList(page: OrgPage, filter: DirectoryFilter) -> impl IntoView {
    let lang = use_lang();
    let OrgPage { orgs, later } = page;
    // Spaces alone read as the first page (as the server does).
    let later_page = !filter.after.trim().is_empty();
    if orgs.is_empty() && later.is_none() && !later_page {
        return view! { <p class="empty-note">{move || crate::locales::orgs::none_found(lang.get())}</p> }.into_any();
    }
    let count = orgs.len();
    let one_page = later.is_none() && !later_page;
    view! {
        <ResultCount count one_page whole=|lang, count| crate::t!(lang, orgs::count { count })
            page=|lang, count| crate::t!(lang, orgs::page_count { count })/>
        <ul class="org-list" data-testid="org-list">
            {orgs.into_iter().map(|org| view! { <OrgCard org/> }).collect_view()}
        </ul>
        <Pager label=crate::locales::orgs::pager_label first=crate::locales::orgs::first_page
            next=crate::locales::orgs::next_page first_href=later_page.then(|| filter.href(None))
            next_href=later.map(|later| filter.href(Some(later)))/>
    }
    .into_any()
}

#[component]
pub fn OrgCard(org: OrgSummary) -> impl IntoView {
    let lang = use_lang();
    let kind = org.kind;
    view! {
        <li class="org-card">
            <p class="org-card__name"><OrgName id=org.id name=org.name tier=org.tier/></p>
            <p class="org-card__meta">
                <span class="org-card__kind">{move || kind.label(lang.get())}</span>
                {(!org.address.is_empty()).then(|| view! { <span>{org.address}</span> })}
            </p>
        </li>
    }
}
