//! The impact report for a chosen period — `/orgs/{id}/report` for an organisation's people,
//! `/admin/report` for the platform's admins: the period's totals, every figure month by month,
//! and how each is counted, laid out to print (navigation and forms are left off paper), with the
//! same table as a spreadsheet (`report.csv` beside it).

use super::api::{platform_dashboard, OrgBoard, PlatformBoard};
use super::columns::{of_group, Column, Group, Unit};
use super::figures::MonthFigures;
use super::page::{board_page, chosen_months, org_board, Head, PeriodForm};
use super::period::month_name;
use super::period::{Month, Period};
use super::sections::FiguresTable;
use crate::i18n::{format_date, use_lang};
use leptos::prelude::*;

#[component]
pub fn OrgReportPage() -> impl IntoView {
    let chosen = chosen_months();
    let data = org_board(chosen);
    board_page(
        crate::locales::dashboard::report_title,
        crate::locales::dashboard::report_lead,
        data,
        chosen,
        |board: OrgBoard| {
            let base = format!("/orgs/{}", board.org_id);
            let groups = board.groups();
            view! {
                <Report
                    org=(board.org_id, board.org_name)
                    period=board.period
                    months=board.months
                    groups
                    now=board.now
                    base
                    dashboard=format!("/orgs/{}/dashboard", board.org_id)/>
            }
            .into_any()
        },
    )
}

#[component]
pub fn PlatformReportPage() -> impl IntoView {
    let chosen = chosen_months();
    let data = Resource::new(chosen, |(from, to)| platform_dashboard(from, to));
    board_page(
        crate::locales::dashboard::platform_report_title,
        crate::locales::dashboard::report_lead,
        data,
        chosen,
        |board: PlatformBoard| {
            view! {
                <Report
                    period=board.period
                    months=board.months
                    groups=Group::of_platform()
                    now=board.now
                    base="/admin".to_string()
                    dashboard="/admin/dashboard".to_string()/>
            }
            .into_any()
        },
    )
}

/// The report itself; `base` is where `report` and `report.csv` live.
#[component]
fn Report(
    #[prop(optional)] org: Option<(i64, String)>,
    period: Period,
    months: Vec<MonthFigures>,
    groups: Vec<Group>,
    now: i64,
    base: String,
    dashboard: String,
) -> impl IntoView {
    let lang = use_lang();
    let platform = org.is_none();
    let title: super::columns::Label = if platform {
        crate::locales::dashboard::platform_report_title
    } else {
        crate::locales::dashboard::report_title
    };
    let (from, to) = (period.first.key(), period.last.key());
    let csv = format!("{base}/report.csv?from={from}&to={to}");
    let columns: Vec<&'static Column> = groups.iter().flat_map(|g| of_group(*g)).collect();
    let month_list: Vec<Month> = months.iter().filter_map(|m| m.month).collect();
    let span = move || {
        format!(
            "{} – {}",
            month_name(period.first, lang.get()),
            month_name(period.last, lang.get())
        )
    };
    view! {
        <article class="report" data-testid="report">
            <Head title lead=crate::locales::dashboard::report_lead org=org.clone()/>
            <dl class="report__facts">
                <div><dt>{move || crate::locales::dashboard::report_period(lang.get())}</dt><dd data-testid="report-period">{span}</dd></div>
                <div><dt>{move || crate::locales::dashboard::report_generated(lang.get())}</dt><dd>{move || format_date(now, lang.get())}</dd></div>
            </dl>
            <PeriodForm from=from.clone() to=to.clone()/>
            <p class="page-actions no-print">
                <a href=csv class="button" download data-testid="report-csv" rel="nofollow">{move || crate::locales::dashboard::report_download(lang.get())}</a>
                <a href=dashboard class="button button--secondary">{move || crate::locales::dashboard::back_to_dashboard(lang.get())}</a>
            </p>
            <p class="hint no-print">{move || crate::locales::dashboard::report_print_hint(lang.get())}</p>
            <section class="card" aria-labelledby="summary-heading" data-testid="report-summary">
                <h2 id="summary-heading" class="card__title">{move || crate::locales::dashboard::report_summary(lang.get())}</h2>
                <dl class="report__summary">
                    {columns.iter().filter_map(|c| {
                        let (label, total, unit) = (c.label, c.total(&months)?, c.unit);
                        let suffix = move || match unit {
                            Unit::Minutes => crate::locales::dashboard::hours_unit(lang.get()),
                            _ => "",
                        };
                        Some(view! {
                            <div data-column=c.key>
                                <dt>{move || label(lang.get())}</dt>
                                <dd>{move || unit.headline(total, lang.get())}<small>{suffix}</small></dd>
                            </div>
                        })
                    }).collect_view()}
                </dl>
            </section>
            <section class="card" aria-labelledby="months-heading" data-testid="report-months">
                <h2 id="months-heading" class="card__title">{move || crate::locales::dashboard::report_by_month(lang.get())}</h2>
                <div class="table-scroll">
                    <FiguresTable months=month_list columns=columns.clone() rows=months.clone()/>
                </div>
            </section>
            <section class="card" aria-labelledby="how-heading" data-testid="report-how">
                <h2 id="how-heading" class="card__title">{move || crate::locales::dashboard::report_how(lang.get())}</h2>
                <dl class="report__how">
                    {groups.into_iter().map(|group| view! {
                        <dt>{move || group.heading(lang.get())}</dt>
                        <dd>{move || group.how(lang.get())}</dd>
                    }).collect_view()}
                </dl>
            </section>
        </article>
    }
    .into_any()
}
