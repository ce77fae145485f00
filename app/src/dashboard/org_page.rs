//! `/orgs/{id}/dashboard`: an organisation's figures month by month — events, volunteer hours and
//! (for a cooperative) its members' services — each as a chart drawn on the server with the same
//! numbers in a table beside it and how they are counted. A plain GET form chooses the months.

use super::api::OrgBoard;
use super::page::{board_page, chosen_months, org_board, Head, PeriodForm};
use super::period::Month;
use super::sections::FigureSections;
use crate::i18n::use_lang;
use leptos::prelude::*;

#[component]
pub fn OrgDashboardPage() -> impl IntoView {
    let chosen = chosen_months();
    let data = org_board(chosen);
    board_page(
        crate::locales::dashboard::title,
        crate::locales::dashboard::lead,
        data,
        chosen,
        |board| view! { <Dashboard board/> }.into_any(),
    )
}

#[component]
fn Dashboard(board: OrgBoard) -> impl IntoView {
    let lang = use_lang();
    let months: Vec<Month> = board.months.iter().filter_map(|m| m.month).collect();
    let groups = board.groups();
    let rows = board.months;
    let (from, to) = (board.period.first.key(), board.period.last.key());
    let report = format!("/orgs/{}/report?from={from}&to={to}", board.org_id);
    view! {
        <Head title=crate::locales::dashboard::title lead=crate::locales::dashboard::lead org=Some((board.org_id, board.org_name.clone()))/>
        <PeriodForm from to/>
        <p class="page-actions no-print">
            <a href=report class="button button--secondary" data-testid="report-link">{move || crate::locales::dashboard::report_link(lang.get())}</a>
        </p>
        <FigureSections months rows groups/>
        <p class="page-foot">
            <a href=format!("/orgs/{}", board.org_id) class="button button--secondary">{move || crate::locales::dashboard::back_to_org(lang.get())}</a>
        </p>
    }
    .into_any()
}
