//! `/resources/{id}`: a community resource — what it is, where, when it is open, who runs it —
//! with a small map.

use super::api::get_resource;
use super::model::CommunityResource;
use crate::error::AppError;
use crate::geo::pin_map::{configured_tiles, LeafletAssets, PlaceMap};
use crate::i18n::use_lang;
use crate::orgs::{use_org_id, Fact};
use crate::shell::{page_error, PageTitle};
use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_query_map};

#[component]
pub fn ResourcePage() -> impl IntoView {
    // The same `{id}` rule as organisation pages: a number, or a page that does not exist.
    let id = use_org_id();
    let resource = Resource::new(
        move || id.get(),
        |id| async move {
            match id {
                Some(id) => get_resource(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match resource.await {
                    Ok(view) => view! { <ResourceProfile resource=view.resource can_edit=view.can_edit/> }
                        .into_any(),
                    Err(error) => page_error(error),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ResourceProfile(resource: CommunityResource, can_edit: bool) -> impl IntoView {
    let lang = use_lang();
    let kind = resource.kind;
    let r = resource.clone();
    let saved = use_query_map().read_untracked().get("done").as_deref() == Some("saved");
    view! {
        <PageTitle text=r.name.clone()/>
        <div class="page-head">
            <p class="org-head__kind">{move || kind.label(lang.get())}</p>
            <h1>{r.name.clone()}</h1>
        </div>
        {saved.then(|| view! { <p class="notice-ok" role="status">{move || crate::locales::resources::saved(lang.get())}</p> })}
        {can_edit.then(|| view! {
            <p><A href=format!("/resources/{}/edit", r.id) attr:class="button">{move || crate::locales::resources::edit(lang.get())}</A></p>
        })}
        {(!r.description.is_empty()).then(|| view! {
            <section class="card"><p class="prose">{r.description.clone()}</p></section>
        })}
        <dl class="card facts">
            <Fact label=crate::locales::orgs::address_label value=r.address.clone()/>
            <Fact label=crate::locales::orgs::opening_hours_label value=r.opening_hours.clone()/>
            <Fact label=crate::locales::orgs::contact_label value=r.contact.clone()/>
            <dt>{move || crate::locales::resources::run_by(lang.get())}</dt>
            <dd class:facts__empty=r.org.is_none()>
                {match r.org.clone() {
                    Some((id, name)) => view! { <A href=format!("/orgs/{id}")>{name}</A> }.into_any(),
                    None => view! { {move || crate::locales::resources::run_by_platform(lang.get())} }.into_any(),
                }}
            </dd>
        </dl>
        <LeafletAssets/>
        <PlaceMap lat=r.lat lng=r.lng name=r.name.clone() tiles=configured_tiles()/>
        <p class="page-foot">
            <A href="/map" attr:class="button button--secondary">{move || crate::locales::resources::back_to_map(lang.get())}</A>
        </p>
    }
}
