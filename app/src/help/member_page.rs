//! `/help/{id}`: one member's card as the reader may see it — photo, name, where, when available,
//! the services they offer with prices and the help they need — and, for the cooperative's
//! coordinators only, the note about their situation. The member themselves (through their linked
//! account) also finds here who looked at their data, its download, and their own consents.

use super::api::{get_member, MemberView};
use super::booking_api::{BookHelp, BOOKING_MESSAGE_MAX, TIME_PREFERENCE_MAX};
use super::list_page::{place_words, ServicePrice};
use super::manage_api::{RecordMemberConsent, WithdrawMemberConsent};
use super::model::{BookingKind, ProxyAction, Viewer};
use crate::components::FormErrorMessage;
use crate::i18n::use_lang;
use crate::shell::{param_page, PageTitle};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn MemberPage() -> impl IntoView {
    param_page("id", get_member, |view| {
        view! { <MemberDetails view/> }.into_any()
    })
}

#[component]
fn MemberDetails(view: MemberView) -> impl IntoView {
    let book = ServerAction::<BookHelp>::new();
    let consent = ServerAction::<RecordMemberConsent>::new();
    let withdraw = ServerAction::<WithdrawMemberConsent>::new();
    let done = use_query_map()
        .read_untracked()
        .get("done")
        .and_then(|done| ProxyAction::parse(&done));
    let lang = use_lang();
    let card = view.card;
    let areas = view.areas;
    let name = card.name.clone();
    let title = name
        .clone()
        .unwrap_or_else(|| crate::locales::help::board::anonymous(lang.get()).to_string());
    let viewer = view.viewer;
    let member_id = card.id;
    view! {
        <PageTitle text=title.clone()/>
        <div class="page-head">
            {card.photo_at.map(|at| view! { <super::photo::MemberPhoto member=member_id at large=true/> })}
            <p class="org-head__kind"><span class="chip chip--plain">{card.org_name.clone()}</span></p>
            <h1 data-testid="member-name">{move || name.clone().unwrap_or_else(|| crate::locales::help::board::anonymous(lang.get()).to_string())}</h1>
        </div>
        {(viewer == Viewer::Coordinator).then(|| view! {
            <p class="button-row">
                <a href=format!("/help/{member_id}/edit") class="button" data-testid="manage-member">
                    {move || crate::locales::help::desk::manage_button(lang.get())}
                </a>
            </p>
        })}
        {done.map(|action| view! {
            <p class="notice-ok" role="status" data-testid="member-done">
                {move || crate::locales::help::desk::done_prefix(lang.get())}{move || action.label(lang.get())}
            </p>
        })}
        <FormErrorMessage result=book.value()/>
        <dl class="card facts">
            <dt>{move || crate::locales::help::board::cooperative_label(lang.get())}</dt>
            <dd><a href=format!("/orgs/{}", card.org_id)>{card.org_name.clone()}</a></dd>
            {card.place.clone().map(|place| view! {
                <dt>{move || crate::locales::help::board::where_label(lang.get())}</dt>
                <dd data-testid="member-place">
                    {move || place_words(&place, &areas, lang.get()).unwrap_or_else(|| crate::locales::help::board::rough_place(lang.get()).to_string())}
                </dd>
            })}
            {card.availability.clone().map(|when| view! {
                <dt>{move || crate::locales::help::board::availability_label(lang.get())}</dt>
                <dd data-testid="member-availability">{when}</dd>
            })}
        </dl>
        {card.services.clone().filter(|s| !s.is_empty()).map(|services| view! {
            <section class="card" aria-labelledby="services-heading" data-testid="member-services">
                <h2 id="services-heading" class="card__title">{move || crate::locales::help::board::services_heading(lang.get())}</h2>
                <ul class="entry-list">
                    {services.into_iter().map(|s| {
                        view! {
                            <li class="entry">
                                <p class="entry__head">
                                    <strong>{s.title}</strong>
                                    <ServicePrice fen=s.price_fen unit=s.unit/>
                                </p>
                                {(!s.description.is_empty()).then(|| view! { <p class="prose">{s.description}</p> })}
                                <BookForm viewer member_id kind=BookingKind::Service target=s.id action=book/>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        })}
        {card.needs.clone().filter(|n| !n.is_empty()).map(|needs| view! {
            <section class="card" aria-labelledby="needs-heading" data-testid="member-needs">
                <h2 id="needs-heading" class="card__title">{move || crate::locales::help::board::needs_heading(lang.get())}</h2>
                <ul class="entry-list">
                    {needs.into_iter().map(|n| {
                        let urgency = n.urgency;
                        view! {
                            <li class="entry">
                                <p class="entry__head">
                                    <strong>{n.title}</strong>
                                    <span class="chip chip--wanted">{move || urgency.label(lang.get())}</span>
                                </p>
                                {(!n.description.is_empty()).then(|| view! { <p class="prose">{n.description}</p> })}
                                <BookForm viewer member_id kind=BookingKind::Help target=n.id action=book/>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        })}
        {card.situation_note.clone().map(|note| view! {
            <section class="card card--private" aria-labelledby="note-heading" data-testid="situation-note">
                <h2 id="note-heading" class="card__title">{move || crate::locales::help::board::note_heading(lang.get())}</h2>
                <p class="hint">{move || crate::locales::help::board::note_hint(lang.get())}</p>
                <p class="prose">{note}</p>
            </section>
        })}
        {view.own_consents.map(|consents| view! {
            <super::editor_page::ConsentsSection member=member_id consents record=consent withdraw own=true/>
        })}
        {view.own_access_log.map(|entries| view! {
            <section class="card" aria-labelledby="own-log-heading" data-testid="own-access-log">
                <h2 id="own-log-heading" class="card__title">{move || crate::locales::help::desk::access_log_heading(lang.get())}</h2>
                <p class="hint">{move || crate::locales::help::desk::access_log_hint(lang.get())}</p>
                <super::editor_page::AccessLogList entries/>
                <super::editor_page::ExportButton member=member_id label=crate::locales::help::desk::export_button(lang.get())/>
            </section>
        })}
        <p class="hint">{move || crate::locales::help::board::privacy_note(lang.get())}</p>
        <p class="page-foot">
            <A href="/help" attr:class="button button--secondary">{move || crate::locales::help::board::back_to_list(lang.get())}</A>
        </p>
    }
}

/// Under a service, booking it; under a need, offering help. Visitors are asked to sign in first;
/// the member and their coordinators see no form.
#[component]
fn BookForm(
    viewer: Viewer,
    member_id: i64,
    kind: BookingKind,
    target: i64,
    action: ServerAction<BookHelp>,
) -> impl IntoView {
    let lang = use_lang();
    // Which of the desk's texts open and send the form, for a booking or an offer of help.
    use crate::locales::Text as Label;
    let (open_label, send_label): (Label, Label) = match kind {
        BookingKind::Service => (
            crate::locales::help::desk::book_open,
            crate::locales::help::desk::book_send,
        ),
        BookingKind::Help => (
            crate::locales::help::desk::offer_open,
            crate::locales::help::desk::offer_send,
        ),
    };
    match viewer {
        Viewer::Visitor => view! {
            <a href=format!("/signin?next=%2Fhelp%2F{member_id}") class="button button--secondary">
                {move || crate::locales::help::desk::sign_in_to_book(lang.get())}
            </a>
        }
        .into_any(),
        Viewer::Resident => {
            let (time_id, message_id) = (
                format!("time-{}-{target}", kind.as_str()),
                format!("message-{}-{target}", kind.as_str()),
            );
            view! {
                <details class="entry__form">
                    <summary class="button button--secondary" data-testid=format!("open-{}-{target}", kind.as_str())>
                        {move || open_label(lang.get())}
                    </summary>
                    <ActionForm action attr:class="form">
                        <input type="hidden" name="kind" value=kind.as_str()/>
                        <input type="hidden" name="target" value=target/>
                        <label for=time_id.clone()>{move || crate::locales::help::desk::time_label(lang.get())}</label>
                        <input id=time_id.clone() name="time_preference" type="text" maxlength=TIME_PREFERENCE_MAX
                            placeholder=move || crate::locales::help::desk::time_placeholder(lang.get())/>
                        <label for=message_id.clone()>{move || crate::locales::help::desk::message_label(lang.get())}</label>
                        <textarea id=message_id name="message" rows="3" maxlength=BOOKING_MESSAGE_MAX></textarea>
                        <button type="submit" class="button">{move || send_label(lang.get())}</button>
                    </ActionForm>
                </details>
            }
            .into_any()
        }
        Viewer::Coordinator | Viewer::Member => ().into_any(),
    }
}
