//! `/events/{id}/hours`: the organisers approve or reject the hours people earned, add honour
//! hours with a reason, and read who changed what, when and why. Plain forms throughout.

use super::hours::{HoursAction, HoursEntry, HoursKind, HoursLogEntry, HoursStatus, REASON_MAX};
use super::hours_api::{get_event_hours, AddHonourHours, ApproveAllHours, EventHours, ReviewHours};
use crate::components::FormErrorMessage;
use crate::i18n::dates::format_date_time;
use crate::i18n::{use_lang, use_texts, Texts};
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

fn done_text(done: &str, n: &str, t: &'static Texts) -> Option<String> {
    let v = &t.volunteering;
    Some(match done {
        "approved" => v.done_approved.to_string(),
        "rejected" => v.done_rejected.to_string(),
        "unchanged" => v.done_unchanged.to_string(),
        "approved_all" => v.done_approved_all.replace("{n}", n),
        "added" => v.done_honour_added.to_string(),
        "added_pending" => v.done_honour_pending.to_string(),
        _ => return None,
    })
}

fn action_label(action: HoursAction, t: &'static Texts) -> &'static str {
    let v = &t.volunteering;
    match action {
        HoursAction::Credited => v.log_credited,
        HoursAction::Added => v.log_added,
        HoursAction::Approved => v.log_approved,
        HoursAction::Rejected => v.log_rejected,
    }
}

#[component]
fn HoursView(hours: EventHours) -> impl IntoView {
    let t = use_texts();
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
        <PageTitle text=t().volunteering.hours_title/>
        <div class="page-head">
            <h1>{move || t().volunteering.hours_title}</h1>
            <p class="page-head__lead"><A href=format!("/events/{id}")>{hours.event.title.clone()}</A></p>
        </div>
        {move || done_text(&done, &n, t()).map(|text| view! { <p class="notice-ok" role="status">{text}</p> })}
        <section class="card" data-testid="hours">
            <p data-testid="hours-summary">{move || t().volunteering.hours_summary
                .replace("{pending}", &pending.to_string())
                .replace("{h}", &format_hours(approved))}</p>
            {(pending > 0).then(|| view! {
                <ActionForm action=approve_all>
                    <FormErrorMessage result=approve_all.value()/>
                    <input type="hidden" name="id" value=id/>
                    <button type="submit" class="button" data-testid="approve-all">
                        {move || t().volunteering.approve_all.replace("{n}", &pending.to_string())}
                    </button>
                </ActionForm>
            })}
            {empty.then(|| view! { <p class="hint">{move || t().volunteering.no_hours}</p> })}
            <ul class="roster">
                {hours.entries.into_iter().map(|entry| view! { <HoursRow id entry/> }).collect_view()}
            </ul>
        </section>
        <section class="card" aria-labelledby="honour-heading">
            <h2 id="honour-heading" class="card__title">{move || t().volunteering.honour_title}</h2>
            <p class="hint">{move || t().volunteering.honour_hint}</p>
            <ActionForm action=add attr:class="form">
                <FormErrorMessage result=add.value()/>
                <input type="hidden" name="id" value=id/>
                <label for="honour-person">{move || t().volunteering.honour_person}</label>
                <select id="honour-person" name="participant" required>
                    {hours.people.into_iter().map(|(pid, name)| view! { <option value=pid>{name}</option> }).collect_view()}
                </select>
                <label for="honour-hours">{move || t().volunteering.honour_hours}</label>
                <input id="honour-hours" name="hours" type="text" inputmode="decimal" maxlength="5" required/>
                <label for="honour-reason">{move || t().volunteering.honour_reason}</label>
                <textarea id="honour-reason" name="reason" rows="3" maxlength=REASON_MAX required></textarea>
                <button type="submit" class="button" data-testid="add-honour">{move || t().volunteering.honour_add}</button>
            </ActionForm>
        </section>
        <HoursHistory log=hours.log/>
        <p class="page-foot">
            <A href=format!("/events/{id}/roster") attr:class="button button--secondary">{move || t().events_page.roster}</A>
        </p>
    }
}

/// One record of hours, with the buttons that decide it.
#[component]
fn HoursRow(id: i64, entry: HoursEntry) -> impl IntoView {
    let t = use_texts();
    let review = ServerAction::<ReviewHours>::new();
    let status = entry.status;
    let kind = entry.kind;
    let decide = move |decision: &'static str| {
        let label = move || match decision {
            "approve" => t().volunteering.approve,
            _ => t().volunteering.reject,
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
                        aria-label=move || t().volunteering.reject_reason
                        placeholder=move || t().volunteering.reject_reason/>
                })}
                <button type="submit" class=class data-testid=format!("hours-{decision}")>{label}</button>
            </ActionForm>
        }
    };
    view! {
        <li class="roster__entry" data-testid="hours-entry">
            <span class="roster__name">{entry.name.clone()}</span>
            <span class="chip">{move || match kind {
                HoursKind::Credit => t().volunteering.kind_credit,
                HoursKind::Honour => t().volunteering.kind_honour,
            }}</span>
            <span>{format_hours(entry.minutes)}" "{move || t().events_page.hours_unit}</span>
            <span class="chip" data-testid="hours-status">{move || status.label(t())}</span>
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
    let t = use_texts();
    let lang = use_lang();
    view! {
        <section class="card" aria-labelledby="history-heading" data-testid="hours-history">
            <h2 id="history-heading" class="card__title">{move || t().volunteering.history_title}</h2>
            <ol class="compact-list">
                {log.into_iter().map(|line| {
                    let at = format_date_time(line.at, lang.get_untracked(), None);
                    let action = line.action;
                    view! {
                        <li>
                            <span class="hint">{at}</span>" "
                            {if line.actor.is_empty() { "—".to_string() } else { line.actor.clone() }}" "
                            {move || action_label(action, t())}" "
                            {line.name.clone()}" · "{format_hours(line.minutes)}" "{move || t().events_page.hours_unit}
                            {(!line.reason.is_empty()).then(|| view! { <span>" · "{line.reason.clone()}</span> })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}
