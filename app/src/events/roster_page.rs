//! `/events/{id}/roster`: the organisers' list of who comes, with their contact details, the
//! spreadsheet export, adding someone by hand and a message to everyone. Plain forms throughout.

use super::checkin_api::{MarkAttendance, RecordNoShows};
use super::model::Place;
use super::roster::RosterEntry;
use super::roster_api::{
    event_roster, AddPerson, MessageParticipants, RemovePerson, Roster, MESSAGE_MAX,
};
use crate::components::FormErrorMessage;
use crate::i18n::dates::format_date_time;
use crate::i18n::{use_lang, Lang};
use crate::shell::{param_page, PageTitle};
use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_query_map};

#[component]
pub fn RosterPage() -> impl IntoView {
    param_page("id", event_roster, |roster| {
        view! { <RosterView roster/> }.into_any()
    })
}

fn done_text(done: &str, sent: &str, lang: Lang) -> Option<String> {
    Some(match done {
        "added" => crate::locales::events::roster_added(lang).to_string(),
        "closed" => crate::locales::events::done_closed(lang).to_string(),
        "removed" => crate::locales::events::roster_removed(lang).to_string(),
        "sent" => crate::t!(
            lang,
            events::roster_sent {
                count: sent.parse::<u64>().ok()?
            }
        ),
        "marked" => crate::locales::volunteering::done_marked(lang).to_string(),
        "no_shows" => crate::t!(
            lang,
            volunteering::done_no_shows {
                count: sent.parse::<u64>().ok()?
            }
        ),
        _ => return None,
    })
}

#[component]
fn RosterView(roster: Roster) -> impl IntoView {
    let lang = use_lang();
    let add = ServerAction::<AddPerson>::new();
    let remove = ServerAction::<RemovePerson>::new();
    let mark = ServerAction::<MarkAttendance>::new();
    let no_shows = ServerAction::<RecordNoShows>::new();
    let message = ServerAction::<MessageParticipants>::new();
    let (done, sent) = use_query_map().with_untracked(|q| {
        (
            q.get("done").unwrap_or_default(),
            q.get("n").unwrap_or_default(),
        )
    });
    let e = roster.event.clone();
    let id = e.id;
    let going = roster
        .entries
        .iter()
        .filter(|r| r.place == Place::Going)
        .count();
    let waiting = roster.entries.len() - going;
    let may_mark = roster.now >= e.starts_at - super::model::CHECKIN_MARGIN_SECONDS;
    let ended = e.has_ended(roster.now);
    view! {
        <PageTitle text=crate::locales::events::roster(lang.get())/>
        <div class="page-head">
            <h1>{move || crate::locales::events::roster(lang.get())}</h1>
            <p class="page-head__lead"><A href=format!("/events/{id}")>{e.title.clone()}</A></p>
        </div>
        {move || done_text(&done, &sent, lang.get()).map(|text| view! { <p class="notice-ok" role="status">{text}</p> })}
        <FormErrorMessage result=remove.value()/>
        <FormErrorMessage result=mark.value()/>
        <FormErrorMessage result=no_shows.value()/>
        <section class="card" data-testid="roster">
            <p class="roster__counts" data-testid="roster-counts">
                {move || crate::t!(lang.get(), events::roster_counts { going, waiting })}
            </p>
            <p class="button-row">
                <A href=format!("/events/{id}/checkin/code") attr:class="button">{move || crate::locales::volunteering::show_code(lang.get())}</A>
                <A href=format!("/events/{id}/hours") attr:class="button button--secondary">{move || crate::locales::volunteering::hours_link(lang.get())}</A>
                <a href=format!("/events/{id}/roster.csv") class="button button--secondary" download>
                    {move || crate::locales::events::roster_export(lang.get())}
                </a>
            </p>
            <ul class="roster">
                {roster.entries.into_iter().map(|entry| {
                    let place = entry.place;
                    let joined = format_date_time(entry.joined_at, lang.get_untracked(), None);
                    let tel = (!entry.contact.contains('@')).then(|| format!("tel:{}", entry.contact));
                    view! {
                        <li class="roster__entry" data-testid="roster-entry">
                            <span class="roster__name">{entry.name.clone()}</span>
                            <span class="chip">{move || match place {
                                Place::Going => crate::locales::events::mine_going(lang.get()).to_string(),
                                Place::Waitlisted { position } => crate::t!(lang.get(), events::roster_waiting { n: position }),
                            }}</span>
                            {entry.by_hand.then(|| view! { <span class="badge">{move || crate::locales::events::roster_by_hand(lang.get())}</span> })}
                            <span class="roster__contact">{match tel {
                                Some(tel) if !entry.contact.is_empty() => view! { <a href=tel>{entry.contact.clone()}</a> }.into_any(),
                                _ => view! { <span>{entry.contact.clone()}</span> }.into_any(),
                            }}
                            {(!entry.by_hand && !entry.contact.is_empty()).then(|| if entry.contact_verified {
                                view! { <span class="badge badge--ok">{move || crate::locales::contacts::verified(lang.get())}</span> }.into_any()
                            } else {
                                view! { <span class="badge badge--warn">{move || crate::locales::contacts::unverified(lang.get())}</span> }.into_any()
                            })}
                            </span>
                            <span class="roster__joined">{joined}</span>
                            {(place == Place::Going).then(|| view! { <AttendanceMarks id entry=entry.clone() may_mark mark/> })}
                            // A second tap confirms (no dialog needed, so it works without JavaScript).
                            <details class="roster__remove confirm-step">
                                <summary class="button button--secondary">{move || crate::locales::events::roster_remove(lang.get())}</summary>
                                <ActionForm action=remove>
                                    <input type="hidden" name="id" value=id/>
                                    <input type="hidden" name="participant" value=entry.participant_id/>
                                    <button type="submit" class="button button--danger" data-testid="confirm-remove">
                                        {let name = entry.name.clone();
                                         move || crate::t!(lang.get(), events::roster_remove_confirm { name: &name })}
                                    </button>
                                </ActionForm>
                            </details>
                        </li>
                    }
                }).collect_view()}
            </ul>
            {ended.then(|| view! {
                <ActionForm action=no_shows>
                    <input type="hidden" name="id" value=id/>
                    <p class="hint">{move || crate::locales::volunteering::record_no_shows_hint(lang.get())}</p>
                    <button type="submit" class="button button--secondary" data-testid="record-no-shows">
                        {move || crate::locales::volunteering::record_no_shows(lang.get())}
                    </button>
                </ActionForm>
            })}
        </section>
        <section class="card" aria-labelledby="add-person-heading">
            <h2 id="add-person-heading" class="card__title">{move || crate::locales::events::roster_add(lang.get())}</h2>
            <p class="hint">{move || crate::locales::events::roster_add_hint(lang.get())}</p>
            <ActionForm action=add attr:class="form">
                <FormErrorMessage result=add.value()/>
                <input type="hidden" name="id" value=id/>
                <label for="person-name">{move || crate::locales::events::roster_name(lang.get())}</label>
                <input id="person-name" name="name" type="text" maxlength="40" required/>
                <label for="person-phone">{move || crate::locales::events::roster_phone(lang.get())}</label>
                <input id="person-phone" name="phone" type="tel" maxlength="20"/>
                <button type="submit" class="button">{move || crate::locales::events::roster_add(lang.get())}</button>
            </ActionForm>
        </section>
        <section class="card" aria-labelledby="message-heading">
            <h2 id="message-heading" class="card__title">{move || crate::locales::events::roster_message(lang.get())}</h2>
            <ActionForm action=message attr:class="form">
                <FormErrorMessage result=message.value()/>
                <input type="hidden" name="id" value=id/>
                <label for="message-text">{move || crate::locales::events::roster_message_label(lang.get())}</label>
                <textarea id="message-text" name="text" rows="4" maxlength=MESSAGE_MAX required></textarea>
                <button type="submit" class="button">{move || crate::locales::events::roster_send(lang.get())}</button>
            </ActionForm>
        </section>
    }
}

/// Whether someone came, and the organisers' buttons to say so.
#[component]
fn AttendanceMarks(
    id: i64,
    entry: RosterEntry,
    may_mark: bool,
    mark: ServerAction<MarkAttendance>,
) -> impl IntoView {
    use super::hours::Attendance;
    use crate::i18n::dates::format_clock;
    let lang = use_lang();
    let attendance = entry.attendance;
    let checked_in = entry.checked_in_at.map(format_clock);
    let button = move |to: Attendance| {
        let label = move || match to {
            Attendance::Attended => crate::locales::volunteering::mark_attended(lang.get()),
            Attendance::NoShow => crate::locales::volunteering::mark_no_show(lang.get()),
        };
        view! {
            <ActionForm action=mark attr:class="roster__mark">
                <input type="hidden" name="id" value=id/>
                <input type="hidden" name="participant" value=entry.participant_id/>
                <input type="hidden" name="attendance" value=to.as_str()/>
                <button type="submit" class="button button--secondary" data-testid=format!("mark-{}", to.as_str())>
                    {label}
                </button>
            </ActionForm>
        }
    };
    view! {
        <span class="chip" data-testid="attendance">{move || match (attendance, checked_in.clone()) {
            (Some(Attendance::Attended), Some(at)) => crate::t!(lang.get(), volunteering::checked_in_chip { t: at }),
            (Some(Attendance::Attended), None) => crate::locales::volunteering::attended(lang.get()).to_string(),
            (Some(Attendance::NoShow), _) => crate::locales::volunteering::no_show(lang.get()).to_string(),
            (None, _) => crate::locales::volunteering::not_checked_in(lang.get()).to_string(),
        }}</span>
        {(may_mark && attendance != Some(Attendance::Attended)).then(|| button(Attendance::Attended))}
        {(may_mark && attendance != Some(Attendance::NoShow)).then(|| button(Attendance::NoShow))}
    }
}
