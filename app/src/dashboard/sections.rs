//! A board's figure sections: for each group of figures a chart drawn on the server, the table of
//! the same numbers by month with totals, and how they are counted.

use super::chart::{BarChart, Series};
use super::columns::{column, of_group, Column, Group, Unit};
use super::figures::MonthFigures;
use super::period::Month;
use super::period::{month_name, month_short};
use crate::i18n::use_lang;
use leptos::prelude::*;

/// One section per group: a chart, the table of the group's figures by month, how they are counted.
#[component]
pub fn FigureSections(
    months: Vec<Month>,
    rows: Vec<MonthFigures>,
    groups: Vec<Group>,
) -> impl IntoView {
    groups
        .into_iter()
        .map(|group| view! { <FigureSection group months=months.clone() rows=rows.clone()/> })
        .collect_view()
        .into_any()
}

/// One figure group: the chart of its charted figures, and a table of all of them by month with a
/// total row, and how they are counted.
#[component]
pub fn FigureSection(group: Group, months: Vec<Month>, rows: Vec<MonthFigures>) -> impl IntoView {
    let lang = use_lang();
    let id = group.key();
    let keys: Vec<String> = months.iter().map(|m| m.key()).collect();
    let labels: Vec<&'static str> = months
        .iter()
        .map(|m| month_short(*m, lang.get_untracked()))
        .collect();
    let charted: Vec<&'static Column> = group
        .charted()
        .iter()
        .filter_map(|(key, _)| column(key))
        .collect();
    let series: Vec<Series> = group
        .charted()
        .iter()
        .zip(&charted)
        .map(|((key, class), column)| Series {
            name: (column.label)(lang.get()).to_string(),
            key,
            class,
            values: rows.iter().map(column.figure).collect(),
        })
        .collect();
    let format = charted.first().map_or(Unit::Count, |c| c.unit).formatter();
    let columns: Vec<&'static Column> = of_group(group).collect();
    view! {
        <section class="card figure" id=id aria-labelledby=format!("{id}-heading") data-testid=format!("figures-{id}")>
            <h2 id=format!("{id}-heading") class="card__title">{move || group.heading(lang.get())}</h2>
            <BarChart title=group.heading(lang.get()).to_string() keys=keys labels series format/>
            <div class="table-scroll">
                <FiguresTable months columns=columns.clone() rows/>
            </div>
            <p class="hint"><strong>{move || crate::locales::dashboard::how_counted(lang.get())}</strong>{move || group.how(lang.get())}</p>
        </section>
    }
    .into_any()
}

/// `columns` by month, with a total row; each cell written by its column's unit.
#[component]
pub fn FiguresTable(
    months: Vec<Month>,
    columns: Vec<&'static Column>,
    rows: Vec<MonthFigures>,
) -> impl IntoView {
    let lang = use_lang();
    // A figure without a total (active users) shows a dash.
    let totals: Vec<String> = columns
        .iter()
        .map(|c| c.total(&rows).map_or("–".to_string(), |n| c.unit.show(n)))
        .collect();
    view! {
        <table class="figures">
            <thead>
                <tr>
                    <th scope="col">{move || crate::locales::dashboard::month_column(lang.get())}</th>
                    {columns.iter().map(|c| {
                        let label = c.label;
                        view! { <th scope="col">{move || label(lang.get())}</th> }
                    }).collect_view()}
                </tr>
            </thead>
            <tbody>
                {months.iter().zip(&rows).map(|(month, row)| {
                    let month = *month;
                    view! {
                        <tr data-month=month.key()>
                            <th scope="row">{move || month_name(month, lang.get())}</th>
                            {columns.iter().map(|c| view! {
                                <td data-column=c.key>{c.unit.show((c.figure)(row))}</td>
                            }).collect_view()}
                        </tr>
                    }
                }).collect_view()}
            </tbody>
            <tfoot>
                <tr>
                    <th scope="row">{move || crate::locales::dashboard::total_row(lang.get())}</th>
                    {totals.into_iter().map(|total| view! { <td>{total}</td> }).collect_view()}
                </tr>
            </tfoot>
        </table>
    }
    .into_any()
}
