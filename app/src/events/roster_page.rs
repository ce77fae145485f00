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
use crate::i18n::{use_lang, use_texts, Texts};
use crate::shell::{param_page, PageTitle};
use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_query_map};

#[component]
pub fn RosterPage() -> impl IntoView {
    param_page("id", event_roster, |roster| {
        view! { <RosterView roster/> }.into_any()
    })
}

fn done_text(done: &str, sent: &str, t: &'static Texts) -> Option<String> {
    let e = &t.events_page;
    Some(match done {
        "added" => e.roster_added.to_string(),
        "closed" => e.done_closed.to_string(),
        "removed" => e.roster_removed.to_string(),
        "sent" => e.roster_sent.replace("{n}", sent),
        "marked" => t.volunteering.done_marked.to_string(),
        "no_shows" => t.volunteering.done_no_shows.replace("{n}", sent),
        _ => return None,
    })
}

#[component]
fn RosterView(roster: Roster) -> impl IntoView {
    let t = use_texts();
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
        <PageTitle text=t().events_page.roster/>
        <div class="page-head">
            <h1>{move || t().events_page.roster}</h1>
            <p class="page-head__lead"><A href=format!("/events/{id}")>{e.title.clone()}</A></p>
        </div>
        {move || done_text(&done, &sent, t()).map(|text| view! { <p class="notice-ok" role="status">{text}</p> })}
        <FormErrorMessage result=remove.value()/>
        <FormErrorMessage result=mark.value()/>
        <FormErrorMessage result=no_shows.value()/>
        <section class="card" data-testid="roster">
            <p class="roster__counts" data-testid="roster-counts">
                {move || t().events_page.roster_counts
                    .replace("{going}", &going.to_string())
                    .replace("{waiting}", &waiting.to_string())}
            </p>
            <p class="button-row">
                <A href=format!("/events/{id}/checkin/code") attr:class="button">{move || t().volunteering.show_code}</A>
                <A href=format!("/events/{id}/hours") attr:class="button button--secondary">{move || t().volunteering.hours_link}</A>
                <a href=format!("/events/{id}/roster.csv") class="button button--secondary" download>
                    {move || t().events_page.roster_export}
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
                                Place::Going => t().events_page.mine_going.to_string(),
                                Place::Waitlisted { position } => t().events_page.roster_waiting
                                    .replace("{n}", &position.to_string()),
                            }}</span>
                            {entry.by_hand.then(|| view! { <span class="badge">{move || t().events_page.roster_by_hand}</span> })}
                            <span class="roster__contact">{match tel {
                                Some(tel) if !entry.contact.is_empty() => view! { <a href=tel>{entry.contact.clone()}</a> }.into_any(),
                                _ => view! { <span>{entry.contact.clone()}</span> }.into_any(),
                            }}</span>
                            <span class="roster__joined">{joined}</span>
                            {(place == Place::Going).then(|| view! { <AttendanceMarks id entry=entry.clone() may_mark mark/> })}
                            // A second tap confirms (no dialog needed, so it works without JavaScript).
                            <details class="roster__remove confirm-step">
                                <summary class="button button--secondary">{move || t().events_page.roster_remove}</summary>
                                <ActionForm action=remove>
                                    <input type="hidden" name="id" value=id/>
                                    <input type="hidden" name="participant" value=entry.participant_id/>
                                    <button type="submit" class="button button--danger" data-testid="confirm-remove">
                                        {let name = entry.name.clone();
                                         move || t().events_page.roster_remove_confirm.replace("{name}", &name)}
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
                    <p class="hint">{move || t().volunteering.record_no_shows_hint}</p>
                    <button type="submit" class="button button--secondary" data-testid="record-no-shows">
                        {move || t().volunteering.record_no_shows}
                    </button>
                </ActionForm>
            })}
        </section>
        <section class="card" aria-labelledby="add-person-heading">
            <h2 id="add-person-heading" class="card__title">{move || t().events_page.roster_add}</h2>
            <p class="hint">{move || t().events_page.roster_add_hint}</p>
            <ActionForm action=add attr:class="form">
                <FormErrorMessage result=add.value()/>
                <input type="hidden" name="id" value=id/>
                <label for="person-name">{move || t().events_page.roster_name}</label>
                <input id="person-name" name="name" type="text" maxlength="40" required/>
                <label for="person-phone">{move || t().events_page.roster_phone}</label>
                <input id="person-phone" name="phone" type="tel" maxlength="20"/>
                <button type="submit" class="button">{move || t().events_page.roster_add}</button>
            </ActionForm>
        </section>
        <section class="card" aria-labelledby="message-heading">
            <h2 id="message-heading" class="card__title">{move || t().events_page.roster_message}</h2>
            <ActionForm action=message attr:class="form">
                <FormErrorMessage result=message.value()/>
                <input type="hidden" name="id" value=id/>
                <label for="message-text">{move || t().events_page.roster_message_label}</label>
                <textarea id="message-text" name="text" rows="4" maxlength=MESSAGE_MAX required></textarea>
                <button type="submit" class="button">{move || t().events_page.roster_send}</button>
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
    use crate::i18n::dates::format_clock;
    use crate::volunteering::hours::Attendance;
    let t = use_texts();
    let attendance = entry.attendance;
    let checked_in = entry.checked_in_at.map(format_clock);
    let button = move |to: Attendance| {
        let label = move || match to {
            Attendance::Attended => t().volunteering.mark_attended,
            Attendance::NoShow => t().volunteering.mark_no_show,
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
            (Some(Attendance::Attended), Some(at)) => t().volunteering.checked_in_chip.replace("{t}", &at),
            (Some(Attendance::Attended), None) => t().volunteering.attended.to_string(),
            (Some(Attendance::NoShow), _) => t().volunteering.no_show.to_string(),
            (None, _) => t().volunteering.not_checked_in.to_string(),
        }}</span>
        {(may_mark && attendance != Some(Attendance::Attended)).then(|| button(Attendance::Attended))}
        {(may_mark && attendance != Some(Attendance::NoShow)).then(|| button(Attendance::NoShow))}
    }
}
