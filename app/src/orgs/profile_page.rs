//! `/orgs/{id}`: an organisation's public profile, with the tools its people and admins may use.

use super::api::get_org;
use super::badge::OrgName;
use super::model::{OrgProfile, Verification};
use super::review_api::ReviewOrg;
use super::review_page::ReviewForm;
use crate::error::AppError;
use crate::geo::pin_map::{configured_tiles, LeafletAssets, PlaceMap};
use crate::i18n::use_lang;
use crate::locales::Text;
use crate::shell::page_error;
use crate::shell::PageTitle;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::{
    components::A,
    hooks::{use_params_map, use_query_map},
};

/// The `{id}` of the address as a number; anything else is a page that does not exist.
pub fn use_org_id() -> Memo<Option<i64>> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get("id").and_then(|id| id.parse().ok()))
}

/// What other boards show on a profile, given by `shell::routes` (which knows every board; the
/// boards themselves read organisations): the organisation's impact and its events.
#[derive(Clone, Copy)]
pub struct ProfileSections {
    pub impact: fn(i64) -> AnyView,
    pub events: fn(i64) -> AnyView,
}

#[component]
pub fn OrgProfilePage(sections: ProfileSections) -> impl IntoView {
    let review = ServerAction::<ReviewOrg>::new();
    let id = use_org_id();
    let org = Resource::new(
        move || (id.get(), review.version().get()),
        |(id, _)| async move {
            match id {
                Some(id) => get_org(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match org.await {
                    Ok(org) => view! { <Profile org review sections/> }.into_any(),
                    Err(error) => page_error(error),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Profile(
    org: OrgProfile,
    review: ServerAction<ReviewOrg>,
    sections: ProfileSections,
) -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let done = move || match query.read().get("done").as_deref() {
        Some("registered") => Some(crate::locales::orgs::registered(lang.get())),
        Some("saved") => Some(crate::locales::orgs::saved(lang.get())),
        Some("joined") => Some(crate::locales::invitations::joined(lang.get())),
        _ => None,
    };
    let summary = org.summary();
    let kind = org.details.kind;
    let title = org.details.name.clone();
    let d = org.details.clone();
    view! {
        <PageTitle text=title/>
        <div class="page-head org-head">
            <p class="org-head__kind">{move || kind.label(lang.get())}</p>
            <h1><OrgName id=summary.id name=summary.name tier=summary.tier link=false/></h1>
        </div>
        {move || done().map(|text| view! { <p class="notice-ok" role="status">{text}</p> })}
        <ReviewStatus org=org.clone()/>
        {org.my_role.is_some().then(|| view! {
            <p class="button-row">
                <A href=format!("/orgs/{}/edit", org.id) attr:class="button">{move || crate::locales::orgs::edit(lang.get())}</A>
                <A href=format!("/resources/new?org={}", org.id) attr:class="button button--secondary">
                    {move || crate::locales::resources::add(lang.get())}
                </A>
                <A href=format!("/orgs/{}/dashboard", org.id) attr:class="button button--secondary"
                    attr:data-testid="dashboard-link">
                    {move || crate::locales::dashboard::link(lang.get())}
                </A>
                <A href=format!("/orgs/{}/certificates", org.id) attr:class="button button--secondary">
                    {move || crate::locales::volunteering::issued_link(lang.get())}
                </A>
                {(kind == crate::orgs::model::OrgKind::Cooperative).then(|| view! {
                    <A href=format!("/orgs/{}/members", org.id) attr:class="button button--secondary"
                        attr:data-testid="coop-members-link">
                        {move || crate::locales::help::desk::members_title(lang.get())}
                    </A>
                })}
            </p>
        })}
        {org.viewer_is_admin.then(|| view! { <ReviewForm action=review org_id=org.id version=org.version/> })}
        {(!d.description.is_empty() || !d.services.is_empty()).then(|| view! {
            <section class="card">
                {(!d.description.is_empty()).then(|| view! {
                    <h2 class="card__title">{move || crate::locales::orgs::description_label(lang.get())}</h2>
                    <p class="prose">{d.description.clone()}</p>
                })}
                {(!d.services.is_empty()).then(|| view! {
                    <h2 class="card__title">{move || crate::locales::orgs::services_label(lang.get())}</h2>
                    <p class="prose">{d.services.clone()}</p>
                })}
            </section>
        })}
        {(sections.impact)(org.id)}
        <dl class="card facts">
            <Fact label=crate::locales::orgs::address_label value=d.address.clone()/>
            <Fact label=crate::locales::forms::location::label
                value=d.location.map(|(lat, lng)| format!("{lat:.5}, {lng:.5}")).unwrap_or_default()
                empty=crate::locales::orgs::no_location/>
            <Fact label=crate::locales::orgs::contact_label value=d.contact.clone()/>
            <Fact label=crate::locales::orgs::opening_hours_label value=d.opening_hours.clone()/>
            <Fact label=crate::locales::orgs::credit_code_label value=d.credit_code.clone().unwrap_or_default()/>
        </dl>
        {(sections.events)(org.id)}
        {d.location.map(|(lat, lng)| view! {
            <LeafletAssets/>
            <PlaceMap lat lng name=d.name.clone() tiles=configured_tiles()/>
        })}
        <p class="page-foot">
            <A href="/orgs" attr:class="button button--secondary">{move || crate::locales::orgs::back_to_directory(lang.get())}</A>
        </p>
    }
}

/// For the organisation's own people and admins: where the review stands.
#[component]
fn ReviewStatus(org: OrgProfile) -> impl IntoView {
    let lang = use_lang();
    let insider = org.my_role.is_some() || org.viewer_is_admin;
    match (insider, org.verification) {
        (true, Verification::Pending) => {
            Some(view! { <p class="notice-info">{move || crate::locales::orgs::pending_note(lang.get())}</p> }.into_any())
        }
        (true, Verification::Rejected) => Some(
            view! {
                <div class="form-error" role="note">
                    <p>{move || crate::locales::orgs::rejected_note(lang.get())}{org.rejection_reason.clone()}</p>
                    <p>{move || crate::locales::orgs::resubmit_hint(lang.get())}</p>
                </div>
            }
            .into_any(),
        ),
        _ => None,
    }
}

#[component]
pub fn Fact(
    label: Text,
    value: String,
    #[prop(default = crate::locales::orgs::not_given)] empty: Text,
) -> impl IntoView {
    let lang = use_lang();
    let is_empty = value.is_empty();
    view! {
        <dt>{move || label(lang.get())}</dt>
        <dd class:facts__empty=is_empty>
            {if is_empty { Either::Left(move || empty(lang.get())) } else { Either::Right(value) }}
        </dd>
    }
}
