//! `/orgs/{id}/members` and `/orgs/{id}/members/new`: a cooperative's members for its
//! coordinators — who they are, how much of each is open beyond the coordinators, bookings
//! waiting — and registering a new member (who needs no account). Plain forms: they work without
//! JavaScript; with it, the place can be picked on a map (and is kept only as its 500 m cell).

use super::input::{MemberFields, AVAILABILITY_MAX, NAME_CHARS, SITUATION_MAX};
use super::manage_api::{coop_members, CoopRoster, CreateMember};
use crate::areas::model::{Area, AreaKind};
use crate::components::{FormErrorMessage, TextArea, TextField};
use crate::geo::pin_map::LocationFields;
use crate::i18n::use_lang;
use crate::shell::{param_page, PageTitle};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn CoopMembersPage() -> impl IntoView {
    param_page("id", coop_members, |coop| {
        view! { <MembersList coop/> }.into_any()
    })
}

#[component]
fn MembersList(coop: CoopRoster) -> impl IntoView {
    let lang = use_lang();
    let deleted = use_query_map().read_untracked().get("done").as_deref() == Some("deleted");
    let org_id = coop.org_id;
    view! {
        <PageTitle text=crate::locales::help::desk::members_title(lang.get())/>
        <div class="page-head">
            <p class="org-head__kind"><a href=format!("/orgs/{org_id}")>{coop.org_name.clone()}</a></p>
            <h1>{move || crate::locales::help::desk::members_title(lang.get())}</h1>
            <p class="page-head__lead">{move || crate::locales::help::desk::members_lead(lang.get())}</p>
        </div>
        {deleted.then(|| view! { <p class="notice-ok" role="status">{move || crate::locales::help::desk::deleted_notice(lang.get())}</p> })}
        <p class="button-row">
            <A href=format!("/orgs/{org_id}/members/new") attr:class="button" attr:data-testid="add-member">
                {move || crate::locales::help::desk::add_member(lang.get())}
            </A>
        </p>
        {if coop.members.is_empty() {
            view! { <p class="card hint">{move || crate::locales::help::desk::no_members(lang.get())}</p> }.into_any()
        } else {
            view! {
                <ul class="entry-list card" data-testid="coop-members">
                    {coop.members.into_iter().map(|m| view! {
                        <li class="entry">
                            <p class="entry__head">
                                <a href=format!("/help/{}/edit", m.id)><strong>{m.display_name}</strong></a>
                                {(m.waiting > 0).then(|| view! {
                                    <span class="chip chip--wanted">{move || crate::t!(lang.get(), help::desk::waiting_chip { count: m.waiting })}</span>
                                })}
                            </p>
                            <p class="hint">
                                {move || crate::t!(lang.get(), help::desk::member_summary { groups: m.open_groups, services: m.services, needs: m.open_needs })}
                                {m.linked.then(|| view! { " · "{move || crate::locales::help::desk::linked_chip(lang.get())} })}
                            </p>
                        </li>
                    }).collect_view()}
                </ul>
            }
            .into_any()
        }}
        <p class="hint">{move || crate::locales::help::desk::privacy_duty(lang.get())}</p>
    }
}

#[component]
pub fn NewMemberPage() -> impl IntoView {
    param_page("id", coop_members, |coop| {
        view! { <NewMemberForm coop/> }.into_any()
    })
}

#[component]
fn NewMemberForm(coop: CoopRoster) -> impl IntoView {
    let lang = use_lang();
    let action = ServerAction::<CreateMember>::new();
    view! {
        <PageTitle text=crate::locales::help::desk::add_member(lang.get())/>
        <div class="page-head">
            <p class="org-head__kind"><a href=format!("/orgs/{}/members", coop.org_id)>{coop.org_name.clone()}</a></p>
            <h1>{move || crate::locales::help::desk::add_member(lang.get())}</h1>
            <p class="page-head__lead">{move || crate::locales::help::desk::add_member_lead(lang.get())}</p>
        </div>
        <ActionForm action attr:class="card form form--wide">
            <FormErrorMessage result=action.value()/>
            <input type="hidden" name="org" value=coop.org_id/>
            <MemberFormFields areas=coop.areas values=MemberFields::default()/>
            <button type="submit" class="button">{move || crate::locales::help::desk::add_member(lang.get())}</button>
        </ActionForm>
    }
}

/// Every input of a member's record, named `member[...]` for the server functions' `member`.
#[component]
pub fn MemberFormFields(areas: Vec<Area>, values: MemberFields) -> impl IntoView {
    let lang = use_lang();
    let area = values.area.clone();
    let options = move |kind: AreaKind| {
        areas
            .iter()
            .filter(|a| a.kind == kind)
            .map(|a| {
                let selected = a.code == area;
                view! { <option value=a.code.clone() selected=selected>{a.name(lang.get_untracked()).to_string()}</option> }
            })
            .collect_view()
    };
    view! {
        <TextField id="member-name" name="member[display_name]" label=crate::locales::help::desk::name_label
            hint=Some(crate::locales::help::desk::name_hint) value=values.display_name max=*NAME_CHARS.end() required=true/>
        <label for="member-area">{move || crate::locales::help::desk::area_label(lang.get())}</label>
        <select id="member-area" name="member[area]" aria-describedby="member-area-hint">
            <option value="" selected=values.area.is_empty()>{move || crate::locales::help::desk::no_area(lang.get())}</option>
            <optgroup label=move || crate::locales::help::desk::communities(lang.get())>{options(AreaKind::Community)}</optgroup>
            <optgroup label=move || crate::locales::help::desk::subdistricts(lang.get())>{options(AreaKind::Subdistrict)}</optgroup>
        </select>
        <p id="member-area-hint" class="hint">{move || crate::locales::help::desk::area_hint(lang.get())}</p>
        <LocationFields form="member" lat=values.lat lng=values.lng/>
        <p class="hint" data-testid="snap-hint">{move || crate::locales::help::desk::snap_hint(lang.get())}</p>
        <TextField id="member-availability" name="member[availability]" label=crate::locales::help::board::availability_label
            hint=Some(crate::locales::help::desk::availability_hint) value=values.availability max=AVAILABILITY_MAX/>
        <TextArea id="member-note" name="member[situation_note]" label=crate::locales::help::board::note_heading
            hint=Some(crate::locales::help::board::note_hint) value=values.situation_note max=SITUATION_MAX/>
    }
}
