//! `/orgs/{id}/edit`: the owner and coordinators edit the profile; the owner manages the team.

use super::api::{get_org_for_edit, UpdateOrg};
use super::badge::OrgName;
use super::form::OrgFormFields;
use super::input::OrgFields;
use super::model::{OrgProfile, OrgRole};
use super::profile_page::use_org_id;
use super::team_api::{get_team, AddCoordinator, RemoveCoordinator};
use crate::components::FormErrorMessage;
use crate::error::AppError;
use crate::i18n::use_texts;
use crate::shell::page_error;
use crate::shell::PageTitle;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn EditOrgPage() -> impl IntoView {
    let t = use_texts();
    let update = ServerAction::<UpdateOrg>::new();
    let add = ServerAction::<AddCoordinator>::new();
    let remove = ServerAction::<RemoveCoordinator>::new();
    let id = use_org_id();
    let org = Resource::new(
        move || id.get(),
        |id| async move {
            match id {
                Some(id) => get_org_for_edit(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <PageTitle text=t().orgs.edit/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match org.await {
                    Ok(org) => view! {
                        <EditForm org=org.clone() action=update/>
                        <Team org add remove/>
                    }
                    .into_any(),
                    Err(error) => page_error(error),
                }
            })}
        </Suspense>
    }
}

#[component]
fn EditForm(org: OrgProfile, action: ServerAction<UpdateOrg>) -> impl IntoView {
    let t = use_texts();
    let summary = org.summary();
    view! {
        <div class="page-head">
            <h1>{move || t().orgs.edit}</h1>
            <p class="page-head__lead">
                <OrgName id=summary.id name=summary.name tier=summary.tier/>
            </p>
        </div>
        <ActionForm action attr:class="card form form--wide">
            <FormErrorMessage result=action.value()/>
            <input type="hidden" name="id" value=org.id/>
            <input type="hidden" name="version" value=org.version/>
            <OrgFormFields values=OrgFields::from_details(&org.details)/>
            <p class="button-row">
                <button type="submit" class="button">{move || t().orgs.save}</button>
                <A href=format!("/orgs/{}", org.id) attr:class="button button--secondary">
                    {move || t().orgs.back_to_profile}
                </A>
            </p>
        </ActionForm>
    }
}

/// Who runs the organisation; only its owner sees the add and remove controls.
#[component]
fn Team(
    org: OrgProfile,
    add: ServerAction<AddCoordinator>,
    remove: ServerAction<RemoveCoordinator>,
) -> impl IntoView {
    let t = use_texts();
    let org_id = org.id;
    let is_owner = org.my_role == Some(OrgRole::Owner);
    let team = Resource::new(
        move || (add.version().get(), remove.version().get()),
        move |_| get_team(org_id),
    );
    view! {
        <section class="card" aria-labelledby="team-heading">
            <h2 id="team-heading" class="card__title">{move || t().orgs.team_heading}</h2>
            <p class="hint">{move || t().orgs.team_lead}</p>
            <FormErrorMessage result=remove.value()/>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match team.await {
                        Ok(members) => view! {
                        <ul class="team-list" data-testid="team-list">
                            {members.into_iter().map(|member| {
                                let role = member.role;
                                let removable = is_owner && role == OrgRole::Coordinator;
                                view! {
                                    <li>
                                        <span>
                                            <strong>{member.display_name}</strong>
                                            <span class="badge">{move || role.label(t())}</span>
                                        </span>
                                        {removable.then(|| view! {
                                            <ActionForm action=remove attr:class="inline-form">
                                                <input type="hidden" name="org_id" value=org_id/>
                                                <input type="hidden" name="user_id" value=member.user_id/>
                                                <button type="submit" class="button button--secondary button--small">
                                                    {move || t().orgs.remove}
                                                </button>
                                            </ActionForm>
                                        })}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                        }.into_any(),
                        Err(error) => page_error(error),
                    }
                })}
            </Suspense>
            {is_owner.then(|| view! {
                <ActionForm action=add attr:class="form">
                    <FormErrorMessage result=add.value()/>
                    <input type="hidden" name="org_id" value=org_id/>
                    <label for="coordinator-contact">{move || t().orgs.add_coordinator_label}</label>
                    <input id="coordinator-contact" name="contact" type="text" required autocomplete="off"/>
                    <button type="submit" class="button">{move || t().orgs.add_coordinator}</button>
                </ActionForm>
            })}
        </section>
    }
}
