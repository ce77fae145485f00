//! `/admin/dashboard`: the platform's figures for admins — new organisations and their
//! verification states, the two queues waiting for admins with how long their oldest entry has
//! waited, and every organisation's events, hours and services month by month (the same charts
//! and tables as an organisation's dashboard).

use super::api::{platform_dashboard, PlatformBoard};
use super::columns::Group;
use super::figures::PlatformState;
use super::page::{board_page, chosen_months, Head, PeriodForm};
use super::period::Month;
use super::sections::{FigureSection, FigureSections};
use crate::i18n::use_lang;
use crate::orgs::model::Verification;
use leptos::prelude::*;

const DAY: i64 = 86_400;

#[component]
pub fn PlatformDashboardPage() -> impl IntoView {
    let chosen = chosen_months();
    let data = Resource::new(chosen, |(from, to)| platform_dashboard(from, to));
    board_page(
        crate::locales::dashboard::platform_title,
        crate::locales::dashboard::platform_lead,
        data,
        chosen,
        |board| view! { <Platform board/> }.into_any(),
    )
}

#[component]
fn Platform(board: PlatformBoard) -> impl IntoView {
    let lang = use_lang();
    let months: Vec<Month> = board.months.iter().filter_map(|m| m.month).collect();
    let rows = board.months;
    let (from, to) = (board.period.first.key(), board.period.last.key());
    let report = format!("/admin/report?from={from}&to={to}");
    view! {
        <Head title=crate::locales::dashboard::platform_title lead=crate::locales::dashboard::platform_lead/>
        <PeriodForm from to/>
        <p class="page-actions no-print">
            <a href=report class="button button--secondary" data-testid="report-link">{move || crate::locales::dashboard::report_link(lang.get())}</a>
        </p>
        <Queues state=board.state.clone() now=board.now/>
        <FigureSection group=Group::People months=months.clone() rows=rows.clone()/>
        <FigureSection group=Group::Orgs months=months.clone() rows=rows.clone()/>
        <OrgStates state=board.state/>
        <FigureSections months rows groups=Group::ALL_ORGS.to_vec()/>
    }
    .into_any()
}

/// What waits for the admins, with how long the oldest has waited; each queue's name leads to it.
#[component]
fn Queues(state: PlatformState, now: i64) -> impl IntoView {
    let lang = use_lang();
    let queues = [
        (
            crate::locales::dashboard::verification_queue(lang.get()),
            state.verification_waiting,
            state.verification_oldest,
            "/admin/orgs",
            "verification",
        ),
        (
            crate::locales::dashboard::moderation_queue(lang.get()),
            state.moderation_waiting,
            state.moderation_oldest,
            "/admin/items",
            "moderation",
        ),
    ];
    view! {
        <section class="card" aria-labelledby="queues-heading" data-testid="queues">
            <h2 id="queues-heading" class="card__title">{move || crate::locales::dashboard::queues_heading(lang.get())}</h2>
            <div class="table-scroll">
                <table class="figures">
                    <thead>
                        <tr>
                            <th scope="col">{move || crate::locales::dashboard::queue_column(lang.get())}</th>
                            <th scope="col">{move || crate::locales::dashboard::waiting_label(lang.get())}</th>
                            <th scope="col">{move || crate::locales::dashboard::oldest_label(lang.get())}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {queues.into_iter().map(|(name, waiting, oldest, href, key)| {
                            let age = oldest.map(|at| format!("{}{}", (now - at).max(0) / DAY, crate::locales::dashboard::days_suffix(lang.get())));
                            view! {
                                <tr data-queue=key>
                                    <th scope="row"><a href=href>{name}</a></th>
                                    <td data-column="waiting">{waiting}</td>
                                    <td data-column="oldest">{age.unwrap_or_else(|| crate::locales::dashboard::nothing_waiting(lang.get()).to_string())}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}

/// How many organisations are in each verification state now.
#[component]
fn OrgStates(state: PlatformState) -> impl IntoView {
    let lang = use_lang();
    view! {
        <section class="card" aria-labelledby="states-heading" data-testid="org-states">
            <h2 id="states-heading" class="card__title">{move || crate::locales::dashboard::state_column(lang.get())}</h2>
            <table class="figures">
                <thead>
                    <tr>
                        <th scope="col">{move || crate::locales::dashboard::state_column(lang.get())}</th>
                        <th scope="col">{move || crate::locales::dashboard::count_column(lang.get())}</th>
                    </tr>
                </thead>
                <tbody>
                    {state.orgs_by_state.into_iter().map(|(key, n)| {
                        let state = Verification::parse(&key);
                        view! {
                        <tr data-state=key>
                            <th scope="row">{move || state.map_or("", |s| s.label(lang.get()))}</th>
                            <td>{n}</td>
                        </tr>
                    }}).collect_view()}
                </tbody>
            </table>
        </section>
    }
    .into_any()
}
