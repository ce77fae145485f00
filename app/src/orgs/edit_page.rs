//! `/orgs/{id}/edit`: the owner and coordinators edit the profile; the owner manages the team.

use super::api::{get_org_for_edit, UpdateOrg};
use super::badge::OrgName;
use super::form::OrgFormFields;
use super::input::OrgFields;
use super::model::{OrgProfile, OrgRole};
use super::profile_page::use_org_id;
use super::team_api::{
    get_sent_invitations, get_team, InviteCoordinator, RemoveCoordinator, WithdrawInvitation,
};
use crate::components::FormErrorMessage;
use crate::error::AppError;
use crate::i18n::{format_date, use_lang};
use crate::shell::page_error;
use crate::shell::PageTitle;
use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_query_map};

#[component]
pub fn EditOrgPage() -> impl IntoView {
    let lang = use_lang();
    let update = ServerAction::<UpdateOrg>::new();
    let invite = ServerAction::<InviteCoordinator>::new();
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
        <PageTitle text=crate::locales::orgs::edit(lang.get())/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match org.await {
                    Ok(org) => view! {
                        <EditForm org=org.clone() action=update/>
                        <Team org invite remove/>
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
    let lang = use_lang();
    let summary = org.summary();
    view! {
        <div class="page-head">
            <h1>{move || crate::locales::orgs::edit(lang.get())}</h1>
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
                <button type="submit" class="button">{move || crate::locales::orgs::save(lang.get())}</button>
                <A href=format!("/orgs/{}", org.id) attr:class="button button--secondary">
                    {move || crate::locales::orgs::back_to_profile(lang.get())}
                </A>
            </p>
        </ActionForm>
    }
}

/// Who runs the organisation; only its owner sees the invite and remove controls, and the
/// invitations sent.
#[component]
fn Team(
    org: OrgProfile,
    invite: ServerAction<InviteCoordinator>,
    remove: ServerAction<RemoveCoordinator>,
) -> impl IntoView {
    let lang = use_lang();
    let org_id = org.id;
    let is_owner = org.my_role == Some(OrgRole::Owner);
    let team = Resource::new(
        move || (invite.version().get(), remove.version().get()),
        move |_| get_team(org_id),
    );
    let query = use_query_map();
    let invited = move || {
        query.read().get("done").as_deref() == Some("invited")
            || matches!(invite.value().get(), Some(Ok(())))
    };
    view! {
        <section class="card" aria-labelledby="team-heading">
            <h2 id="team-heading" class="card__title">{move || crate::locales::orgs::team_heading(lang.get())}</h2>
            <p class="hint">{move || crate::locales::orgs::team_lead(lang.get())}</p>
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
                                            <span class="badge">{move || role.label(lang.get())}</span>
                                        </span>
                                        {removable.then(|| view! {
                                            <ActionForm action=remove attr:class="inline-form">
                                                <input type="hidden" name="org_id" value=org_id/>
                                                <input type="hidden" name="user_id" value=member.user_id/>
                                                <button type="submit" class="button button--secondary button--small">
                                                    {move || crate::locales::orgs::remove(lang.get())}
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
                <SentInvitations org_id invite/>
                <ActionForm action=invite attr:class="form">
                    {move || invited().then(|| view! {
                        <p class="notice-ok" role="status">{move || crate::locales::invitations::sent(lang.get())}</p>
                    })}
                    <FormErrorMessage result=invite.value()/>
                    <input type="hidden" name="org_id" value=org_id/>
                    <label for="coordinator-contact">{move || crate::locales::invitations::invite_label(lang.get())}</label>
                    <p class="hint" id="coordinator-contact-hint">{move || crate::locales::invitations::invite_hint(lang.get())}</p>
                    <input id="coordinator-contact" name="contact" type="text" required autocomplete="off"
                        maxlength="100" aria-describedby="coordinator-contact-hint"/>
                    <button type="submit" class="button">{move || crate::locales::invitations::invite_button(lang.get())}</button>
                </ActionForm>
            })}
        </section>
    }
}

/// The owner's open invitations, each one withdrawable. A declined one shows as waiting: only an
/// account can decline, and the owner is not to learn which contacts have one.
#[component]
fn SentInvitations(org_id: i64, invite: ServerAction<InviteCoordinator>) -> impl IntoView {
    let lang = use_lang();
    let withdraw = ServerAction::<WithdrawInvitation>::new();
    let sent = Resource::new(
        move || (invite.version().get(), withdraw.version().get()),
        move |_| get_sent_invitations(org_id),
    );
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let sent = sent.await.unwrap_or_default();
                (!sent.is_empty()).then(|| view! {
                    <h3>{move || crate::locales::invitations::sent_heading(lang.get())}</h3>
                    <FormErrorMessage result=withdraw.value()/>
                    <ul class="team-list" data-testid="sent-invitations">
                        {sent.into_iter().map(|invitation| {
                            let created_at = invitation.created_at;
                            view! {
                                <li>
                                    <span>
                                        <strong>{invitation.contact}</strong>
                                        <span class="badge">{move || crate::locales::invitations::waiting(lang.get())}</span>
                                        <span class="hint">{move || format_date(created_at, lang.get())}</span>
                                    </span>
                                    <ActionForm action=withdraw attr:class="inline-form">
                                        <input type="hidden" name="org_id" value=org_id/>
                                        <input type="hidden" name="id" value=invitation.id/>
                                        <button type="submit" class="button button--secondary button--small">
                                            {move || crate::locales::invitations::withdraw(lang.get())}
                                        </button>
                                    </ActionForm>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                })
            })}
        </Suspense>
    }
}
