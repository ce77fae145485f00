//! `/orgs/{id}/dashboard`: an organisation's figures month by month — events, volunteer hours and
//! (for a cooperative) its members' services — each as a chart drawn on the server with the same
//! numbers in a table beside it and how they are counted. A plain GET form chooses the months.

use super::api::{org_dashboard, OrgBoard};
use super::chart::{BarChart, Series};
use super::figures::MonthFigures;
use super::period::Month;
use crate::error::{AppError, FormError};
use crate::events::input::format_hours;
use crate::i18n::{use_texts, Texts};
use crate::orgs::use_org_id;
use crate::shell::{page_error, set_status, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn OrgDashboardPage() -> impl IntoView {
    let id = use_org_id();
    let query = use_query_map();
    let chosen = move || {
        let q = query.read();
        (
            q.get("from").unwrap_or_default(),
            q.get("to").unwrap_or_default(),
        )
    };
    let data = Resource::new(
        move || (id.get(), chosen()),
        |(id, (from, to))| async move {
            match id {
                Some(id) => org_dashboard(id, from, to).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    let t = use_texts();
    view! {
        <PageTitle text=t().dashboard.title/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(board) => view! { <Dashboard board/> }.into_any(),
                    Err(AppError::Form(FormError::PeriodInvalid)) => {
                        let (from, to) = chosen();
                        period_refused(from, to, false)
                    }
                    Err(error) => page_error(error),
                }
            })}
        </Suspense>
    }
}

/// The months could not be read: the form again, with why, under a 400.
pub(super) fn period_refused(from: String, to: String, platform: bool) -> AnyView {
    let t = use_texts();
    set_status(http::StatusCode::BAD_REQUEST);
    view! {
        <Head platform/>
        <p class="form-error" role="alert">{move || FormError::PeriodInvalid.message(t())}</p>
        <PeriodForm from to/>
    }
    .into_any()
}

/// The page's heading: an organisation's dashboard (under its name) or the platform's.
#[component]
pub(super) fn Head(
    #[prop(optional)] org: Option<(i64, String)>,
    #[prop(optional)] platform: bool,
) -> impl IntoView {
    let t = use_texts();
    let d = move || &t().dashboard;
    view! {
        <div class="page-head">
            {org.map(|(id, name)| view! {
                <p class="org-head__kind"><a href=format!("/orgs/{id}")>{name}</a></p>
            })}
            <h1>{move || if platform { d().platform_title } else { d().title }}</h1>
            <p class="page-head__lead">{move || if platform { d().platform_lead } else { d().lead }}</p>
        </div>
    }
}

/// The months shown, as a GET form (works without JavaScript).
#[component]
pub(super) fn PeriodForm(from: String, to: String) -> impl IntoView {
    let t = use_texts();
    let d = move || &t().dashboard;
    view! {
        <form method="get" class="card form period-form" data-testid="period-form">
            <div class="period-form__fields">
                <label>
                    <span>{move || d().from_label}</span>
                    <input type="month" name="from" value=from min="2000-01" max="2100-12"/>
                </label>
                <label>
                    <span>{move || d().to_label}</span>
                    <input type="month" name="to" value=to min="2000-01" max="2100-12"/>
                </label>
            </div>
            <button type="submit" class="button button--secondary">{move || d().show}</button>
        </form>
    }
}

#[component]
fn Dashboard(board: OrgBoard) -> impl IntoView {
    let t = use_texts();
    let months: Vec<Month> = board.months.iter().filter_map(|m| m.month).collect();
    let rows = board.months;
    view! {
        <Head org=(board.org_id, board.org_name.clone())/>
        <PeriodForm from=board.period.first.key() to=board.period.last.key()/>
        <FigureSections months rows services=board.is_cooperative/>
        <p class="page-foot">
            <a href=format!("/orgs/{}", board.org_id) class="button button--secondary">{move || t().dashboard.back_to_org}</a>
        </p>
    }
    .into_any()
}

/// Events, volunteer hours and (with `services`) the cooperative members' services.
#[component]
pub(super) fn FigureSections(
    months: Vec<Month>,
    rows: Vec<MonthFigures>,
    services: bool,
) -> impl IntoView {
    view! {
        <FigureSection id="events" heading=|t| t.dashboard.events_heading how=|t| t.dashboard.events_how
            months=months.clone() rows=rows.clone() format=plain
            charted=vec![("held", |t| t.dashboard.held, "chart__bar--events", |f| f.events_held)]
            columns=vec![
                ("held", |t| t.dashboard.held, |f| f.events_held),
                ("places", |t| t.dashboard.places, |f| f.places_taken),
                ("attended", |t| t.dashboard.attended, |f| f.attended),
            ]/>
        <FigureSection id="hours" heading=|t| t.dashboard.hours_heading how=|t| t.dashboard.hours_how
            months=months.clone() rows=rows.clone() format=format_hours
            charted=vec![
                ("credit", |t| t.dashboard.credit_hours, "chart__bar--credit", |f| f.credit_minutes),
                ("honour", |t| t.dashboard.honour_hours, "chart__bar--honour", |f| f.honour_minutes),
            ]
            columns=vec![
                ("credit", |t| t.dashboard.credit_hours, |f| f.credit_minutes),
                ("honour", |t| t.dashboard.honour_hours, |f| f.honour_minutes),
                ("total", |t| t.dashboard.total_hours, |f| f.credit_minutes + f.honour_minutes),
            ]/>
        {services.then(|| view! {
            <FigureSection id="services" heading=|t| t.dashboard.services_heading how=|t| t.dashboard.services_how
                months=months.clone() rows=rows.clone() format=plain
                charted=vec![("done", |t| t.dashboard.done, "chart__bar--services", |f| f.services_done)]
                columns=vec![
                    ("booked", |t| t.dashboard.booked, |f| f.services_booked),
                    ("done", |t| t.dashboard.done, |f| f.services_done),
                ]
                money=(|t: &'static Texts| t.dashboard.income, |f: &MonthFigures| f.income_fen)/>
        })}
    }
    .into_any()
}

pub(super) fn plain(n: i64) -> String {
    n.to_string()
}

fn yuan(fen: i64) -> String {
    crate::help::model::format_price(fen, "¥0")
}

pub(super) type Label = fn(&'static Texts) -> &'static str;
pub(super) type Figure = fn(&MonthFigures) -> i64;

/// One figure group: the chart of `charted`, and a table of `columns` (plus `money`, formatted as
/// yuan) by month with a total row, and how they are counted.
#[component]
pub(super) fn FigureSection(
    id: &'static str,
    heading: Label,
    how: Label,
    months: Vec<Month>,
    rows: Vec<MonthFigures>,
    format: fn(i64) -> String,
    charted: Vec<(&'static str, Label, &'static str, Figure)>,
    columns: Vec<(&'static str, Label, Figure)>,
    #[prop(optional)] money: Option<(Label, Figure)>,
) -> impl IntoView {
    let t = use_texts();
    let d = move || &t().dashboard;
    let keys: Vec<String> = months.iter().map(|m| m.key()).collect();
    let labels: Vec<&'static str> = months
        .iter()
        .map(|m| t().dashboard.month_short(*m))
        .collect();
    let series: Vec<Series> = charted
        .iter()
        .map(|(key, name, class, figure)| Series {
            name: name(t()).to_string(),
            key,
            class,
            values: rows.iter().map(figure).collect(),
        })
        .collect();
    let totals: Vec<String> = columns
        .iter()
        .map(|(_, _, figure)| format(rows.iter().map(figure).sum()))
        .chain(money.map(|(_, figure)| yuan(rows.iter().map(figure).sum())))
        .collect();
    view! {
        <section class="card figure" id=id aria-labelledby=format!("{id}-heading") data-testid=format!("figures-{id}")>
            <h2 id=format!("{id}-heading") class="card__title">{move || heading(t())}</h2>
            <BarChart title=heading(t()).to_string() keys=keys labels series format/>
            <div class="table-scroll">
                <table class="figures">
                    <thead>
                        <tr>
                            <th scope="col">{move || d().month_column}</th>
                            {columns.iter().map(|(_, name, _)| {
                                let name = *name;
                                view! { <th scope="col">{move || name(t())}</th> }
                            }).collect_view()}
                            {money.map(|(name, _)| view! { <th scope="col">{move || name(t())}</th> })}
                        </tr>
                    </thead>
                    <tbody>
                        {months.iter().zip(&rows).map(|(month, row)| {
                            let key = month.key();
                            let month = *month;
                            view! {
                                <tr data-month=key.clone()>
                                    <th scope="row">{move || d().month_name(month)}</th>
                                    {columns.iter().map(|(column, _, figure)| view! {
                                        <td data-column=*column>{format(figure(row))}</td>
                                    }).collect_view()}
                                    {money.map(|(_, figure)| view! { <td data-column="income">{yuan(figure(row))}</td> })}
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                    <tfoot>
                        <tr>
                            <th scope="row">{move || d().total_row}</th>
                            {totals.into_iter().map(|total| view! { <td>{total}</td> }).collect_view()}
                        </tr>
                    </tfoot>
                </table>
            </div>
            <p class="hint"><strong>{move || d().how_counted}</strong>{move || how(t())}</p>
        </section>
    }
    .into_any()
}
