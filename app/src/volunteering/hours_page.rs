//! `/events/{id}/hours`: the organisers approve or reject the hours people earned, add honour
//! hours with a reason, and read who changed what, when and why. Plain forms throughout.

use super::hours_api::{get_event_hours, AddHonourHours, ApproveAllHours, EventHours, ReviewHours};
use crate::components::FormErrorMessage;
use crate::events::hours::{
    HoursAction, HoursEntry, HoursKind, HoursLogEntry, HoursStatus, REASON_MAX,
};
use crate::i18n::dates::format_date_time;
use crate::i18n::{use_lang, Lang};
use crate::numbers::format_hours;
use crate::shell::{param_page, PageTitle};
use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_query_map};

#[component]
pub fn EventHoursPage() -> impl IntoView {
    param_page("id", get_event_hours, |hours| {
        view! { <HoursView hours/> }.into_any()
    })
}

fn done_text(done: &str, n: &str, lang: Lang) -> Option<String> {
    Some(match done {
        "approved" => crate::locales::volunteering::done_approved(lang).to_string(),
        "rejected" => crate::locales::volunteering::done_rejected(lang).to_string(),
        "unchanged" => crate::locales::volunteering::done_unchanged(lang).to_string(),
        "approved_all" => crate::t!(
            lang,
            volunteering::done_approved_all {
                count: n.parse::<u64>().ok()?
            }
        ),
        "added" => crate::locales::volunteering::done_honour_added(lang).to_string(),
        "added_pending" => crate::locales::volunteering::done_honour_pending(lang).to_string(),
        _ => return None,
    })
}

fn action_label(action: HoursAction, lang: Lang) -> &'static str {
    match action {
        HoursAction::Credited => crate::locales::volunteering::log_credited(lang),
        HoursAction::Added => crate::locales::volunteering::log_added(lang),
        HoursAction::Approved => crate::locales::volunteering::log_approved(lang),
        HoursAction::Rejected => crate::locales::volunteering::log_rejected(lang),
    }
}

#[component]
fn HoursView(hours: EventHours) -> impl IntoView {
    let lang = use_lang();
    let approve_all = ServerAction::<ApproveAllHours>::new();
    let add = ServerAction::<AddHonourHours>::new();
    let (done, n) = use_query_map().with_untracked(|q| {
        (
            q.get("done").unwrap_or_default(),
            q.get("n").unwrap_or_default(),
        )
    });
    let id = hours.event.id;
    let pending = hours
        .entries
        .iter()
        .filter(|h| h.status == HoursStatus::Pending)
        .count();
    let approved: i64 = hours
        .entries
        .iter()
        .filter(|h| h.status == HoursStatus::Approved)
        .map(|h| h.minutes)
        .sum();
    let empty = hours.entries.is_empty();
    view! {
        <PageTitle text=crate::locales::volunteering::hours_title(lang.get())/>
        <div class="page-head">
            <h1>{move || crate::locales::volunteering::hours_title(lang.get())}</h1>
            <p class="page-head__lead"><A href=format!("/events/{id}")>{hours.event.title.clone()}</A></p>
        </div>
        {move || done_text(&done, &n, lang.get()).map(|text| view! { <p class="notice-ok" role="status">{text}</p> })}
        <section class="card" data-testid="hours">
            <p data-testid="hours-summary">{move || crate::t!(lang.get(), volunteering::hours_summary { pending, h: &format_hours(approved) })}</p>
            {(pending > 0).then(|| view! {
                <ActionForm action=approve_all>
                    <FormErrorMessage result=approve_all.value()/>
                    <input type="hidden" name="id" value=id/>
                    <button type="submit" class="button" data-testid="approve-all">
                        {move || crate::t!(lang.get(), volunteering::approve_all { n: pending })}
                    </button>
                </ActionForm>
            })}
            {empty.then(|| view! { <p class="hint">{move || crate::locales::volunteering::no_hours(lang.get())}</p> })}
            <ul class="roster">
                {hours.entries.into_iter().map(|entry| view! { <HoursRow id entry/> }).collect_view()}
            </ul>
        </section>
        <section class="card" aria-labelledby="honour-heading">
            <h2 id="honour-heading" class="card__title">{move || crate::locales::volunteering::honour_title(lang.get())}</h2>
            <p class="hint">{move || crate::locales::volunteering::honour_hint(lang.get())}</p>
            <ActionForm action=add attr:class="form">
                <FormErrorMessage result=add.value()/>
                <input type="hidden" name="id" value=id/>
                <label for="honour-person">{move || crate::locales::volunteering::honour_person(lang.get())}</label>
                <select id="honour-person" name="participant" required>
                    {hours.people.into_iter().map(|(pid, name)| view! { <option value=pid>{name}</option> }).collect_view()}
                </select>
                <label for="honour-hours">{move || crate::locales::volunteering::honour_hours(lang.get())}</label>
                <input id="honour-hours" name="hours" type="text" inputmode="decimal" maxlength="5" required/>
                <label for="honour-reason">{move || crate::locales::volunteering::honour_reason(lang.get())}</label>
                <textarea id="honour-reason" name="reason" rows="3" maxlength=REASON_MAX required></textarea>
                <button type="submit" class="button" data-testid="add-honour">{move || crate::locales::volunteering::honour_add(lang.get())}</button>
            </ActionForm>
        </section>
        <HoursHistory log=hours.log/>
        <p class="page-foot">
            <A href=format!("/events/{id}/roster") attr:class="button button--secondary">{move || crate::locales::events::roster(lang.get())}</A>
        </p>
    }
}

/// One record of hours, with the buttons that decide it.
#[component]
fn HoursRow(id: i64, entry: HoursEntry) -> impl IntoView {
    let lang = use_lang();
    let review = ServerAction::<ReviewHours>::new();
    let status = entry.status;
    let kind = entry.kind;
    let decide = move |decision: &'static str| {
        let label = move || match decision {
            "approve" => crate::locales::volunteering::approve(lang.get()),
            _ => crate::locales::volunteering::reject(lang.get()),
        };
        let class = if decision == "approve" {
            "button"
        } else {
            "button button--secondary"
        };
        view! {
            <ActionForm action=review attr:class="hours__decide">
                <input type="hidden" name="id" value=id/>
                <input type="hidden" name="hours" value=entry.id/>
                <input type="hidden" name="decision" value=decision/>
                {(decision == "reject").then(|| view! {
                    <input type="text" name="reason" maxlength=REASON_MAX
                        aria-label=move || crate::locales::volunteering::reject_reason(lang.get())
                        placeholder=move || crate::locales::volunteering::reject_reason(lang.get())/>
                })}
                <button type="submit" class=class data-testid=format!("hours-{decision}")>{label}</button>
            </ActionForm>
        }
    };
    view! {
        <li class="roster__entry" data-testid="hours-entry">
            <span class="roster__name">{entry.name.clone()}</span>
            <span class="chip">{move || match kind {
                HoursKind::Credit => crate::locales::volunteering::kind_credit(lang.get()),
                HoursKind::Honour => crate::locales::volunteering::kind_honour(lang.get()),
            }}</span>
            <span>{format_hours(entry.minutes)}" "{move || crate::locales::events::hours_unit(lang.get())}</span>
            <span class="chip" data-testid="hours-status">{move || status.label(lang.get())}</span>
            {(!entry.reason.is_empty()).then(|| view! { <span class="hint">{entry.reason.clone()}</span> })}
            <FormErrorMessage result=review.value()/>
            {(status != HoursStatus::Approved).then(|| decide("approve"))}
            {(status != HoursStatus::Rejected).then(|| decide("reject"))}
        </li>
    }
}

/// Who changed which hours, when and why — newest first.
#[component]
fn HoursHistory(log: Vec<HoursLogEntry>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <section class="card" aria-labelledby="history-heading" data-testid="hours-history">
            <h2 id="history-heading" class="card__title">{move || crate::locales::volunteering::history_title(lang.get())}</h2>
            <ol class="compact-list">
                {log.into_iter().map(|line| {
                    let at = format_date_time(line.at, lang.get_untracked(), None);
                    let action = line.action;
                    view! {
                        <li>
                            <span class="hint">{at}</span>" "
                            {if line.actor.is_empty() { "—".to_string() } else { line.actor.clone() }}" "
                            {move || action_label(action, lang.get())}" "
                            {line.name.clone()}" · "{format_hours(line.minutes)}" "{move || crate::locales::events::hours_unit(lang.get())}
                            {(!line.reason.is_empty()).then(|| view! { <span>" · "{line.reason.clone()}</span> })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}
